#include "SignatureDiagnosis.h"

#include "providers/twilio/SignatureValidator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace sb {

namespace {

QByteArray headerOf(const HeaderList &headers, const QByteArray &name) {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

struct Authority {
    QString host; // with [brackets] for IPv6
    QString port; // empty: none written
};

Authority splitAuthority(const QString &authority) {
    const qsizetype colon = authority.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || authority.mid(colon).contains(QLatin1Char(']')))
        return {authority, {}};
    return {authority.left(colon), authority.mid(colon + 1)};
}

struct Base {
    QString scheme;
    Authority authority;
    QString path; // a path prefix in the public URL (e.g. a reverse proxy's /switchboard)
};

Base splitBase(const QString &base) {
    Base b;
    const qsizetype schemeEnd = base.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return b;
    b.scheme = base.left(schemeEnd).toLower();
    const qsizetype slash = base.indexOf(QLatin1Char('/'), schemeEnd + 3);
    const QString authority = base.mid(schemeEnd + 3, slash < 0 ? -1 : slash - schemeEnd - 3);
    b.authority = splitAuthority(authority);
    if (slash >= 0)
        b.path = base.mid(slash);
    return b;
}

QString defaultPort(const QString &scheme) {
    return scheme == QLatin1String("https") ? QStringLiteral("443") : QStringLiteral("80");
}

QString render(const QString &scheme, const Authority &a, const QString &path) {
    QString url = scheme + QLatin1String("://") + a.host;
    if (!a.port.isEmpty())
        url += QLatin1Char(':') + a.port;
    return url + path;
}

// The target with its path's trailing slash added or removed, the query kept.
QString toggledSlash(const QString &target) {
    const qsizetype q = target.indexOf(QLatin1Char('?'));
    QString path = q < 0 ? target : target.left(q);
    const QString query = q < 0 ? QString() : target.mid(q);
    if (path.endsWith(QLatin1Char('/')) && path.size() > 1)
        path.chop(1);
    else
        path += QLatin1Char('/');
    return path + query;
}

} // namespace

SignatureDiagnosis SignatureDiagnosis::diagnose(const QByteArray &authToken,
                                                const QString &publicBase,
                                                const HttpRequest &request) {
    return diagnose(authToken, publicBase, request.target, request.headers, request.body);
}

SignatureDiagnosis SignatureDiagnosis::verdictOnly(const QByteArray &authToken,
                                                   const QString &publicBase, const QString &target,
                                                   const HeaderList &headers,
                                                   const QByteArray &body) {
    return diagnose(authToken, publicBase, target, headers, body, false);
}

SignatureDiagnosis SignatureDiagnosis::verified(const QString &checkedUrl) {
    SignatureDiagnosis d;
    d.checkedUrl = checkedUrl;
    d.outcome = Outcome::Valid;
    d.explanation = SignatureDiagnosis::tr("The signature matches %1.").arg(checkedUrl);
    return d;
}

SignatureDiagnosis SignatureDiagnosis::diagnose(const QByteArray &authToken,
                                                const QString &publicBase, const QString &target,
                                                const HeaderList &headers, const QByteArray &body) {
    return diagnose(authToken, publicBase, target, headers, body, true);
}

SignatureDiagnosis SignatureDiagnosis::diagnose(const QByteArray &authToken,
                                                const QString &publicBase, const QString &target,
                                                const HeaderList &headers, const QByteArray &body,
                                                bool explain) {
    SignatureDiagnosis d;
    d.checkedUrl = publicBase + target;
    if (authToken.isEmpty()) {
        d.outcome = Outcome::Unchecked;
        d.explanation =
            SignatureDiagnosis::tr("No auth token is configured, so signatures are not checked.");
        return d;
    }
    const QByteArray signature = headerOf(headers, "X-Twilio-Signature");
    if (signature.isEmpty()) {
        d.outcome = Outcome::NoSignature;
        d.explanation = SignatureDiagnosis::tr(
            "The request has no X-Twilio-Signature header: it was not sent by "
            "Twilio (or a proxy removed the header).");
        return d;
    }
    const bool isJson = target.contains(QLatin1String("bodySHA256="));
    FormFields form;
    if (!isJson && !FormEncoding::decode(body, &form)) {
        d.outcome = Outcome::BodyNotForm;
        d.explanation = SignatureDiagnosis::tr(
            "The body is not valid form encoding, so its signature cannot be "
            "computed: it was altered on the way, or it is not Twilio's.");
        return d;
    }

    const SignatureValidator validator(authToken);
    const SignatureValidator::Verdict verdict =
        validator.check(d.checkedUrl, body, isJson ? nullptr : &form, signature);
    if (!explain) {
        if (verdict == SignatureValidator::Verdict::Valid) {
            d = verified(d.checkedUrl);
        } else {
            d.outcome = Outcome::Unexplained;
            d.explanation =
                SignatureDiagnosis::tr("The signature does not match %1.").arg(d.checkedUrl);
        }
        return d;
    }

    // Every base URL Twilio may have been given: the configured one, the Host header's, the
    // proxy's X-Forwarded-* headers; each with either scheme and with or without its port.
    const Base configured = splitBase(publicBase);
    struct Candidate {
        QString label;
        QString scheme;
        Authority authority;
    };
    QList<Candidate> candidates{{SignatureDiagnosis::tr("the public URL as configured"),
                                 configured.scheme, configured.authority}};
    const QString host = QString::fromLatin1(headerOf(headers, "Host"));
    if (!host.isEmpty())
        candidates.append(
            {SignatureDiagnosis::tr("the Host header"), configured.scheme, splitAuthority(host)});
    const QString forwardedProto = QString::fromLatin1(headerOf(headers, "X-Forwarded-Proto"))
                                       .section(QLatin1Char(','), 0, 0)
                                       .trimmed()
                                       .toLower();
    const QString forwardedHost = QString::fromLatin1(headerOf(headers, "X-Forwarded-Host"))
                                      .section(QLatin1Char(','), 0, 0)
                                      .trimmed();
    if (!forwardedProto.isEmpty() || !forwardedHost.isEmpty())
        candidates.append(
            {SignatureDiagnosis::tr("the proxy's X-Forwarded-Proto/-Host"),
             forwardedProto.isEmpty() ? configured.scheme : forwardedProto,
             splitAuthority(!forwardedHost.isEmpty()
                                ? forwardedHost
                                : (!host.isEmpty() ? host : configured.authority.host))});

    QList<QPair<QString, QString>> paths{{QString(), target}};
    paths.append({SignatureDiagnosis::tr("with the trailing slash toggled"), toggledSlash(target)});
    if (const qsizetype q = target.indexOf(QLatin1Char('?')); q >= 0 && !isJson) {
        paths.append({SignatureDiagnosis::tr("without the query"), target.left(q)});
        paths.append({SignatureDiagnosis::tr("without the query, trailing slash toggled"),
                      toggledSlash(target.left(q))});
    }

    QSet<QString> seen;
    auto add = [&](const QString &label, const QString &url) {
        if (seen.contains(url))
            return;
        seen.insert(url);
        const QByteArray expected =
            SignatureValidator::sign(authToken, url, isJson ? FormFields() : form);
        d.variants.append({label, url, expected == signature});
    };
    add(SignatureDiagnosis::tr("the public URL as configured"), d.checkedUrl);
    for (const Candidate &c : std::as_const(candidates)) {
        const QString other =
            c.scheme == QLatin1String("https") ? QStringLiteral("http") : QStringLiteral("https");
        for (const QString &scheme : {c.scheme, other}) {
            QList<QPair<QString, QString>> ports{{QString(), c.authority.port}};
            ports.append({SignatureDiagnosis::tr("without the port"), QString()});
            ports.append({SignatureDiagnosis::tr("with port %1").arg(defaultPort(scheme)),
                          defaultPort(scheme)});
            for (const auto &[portLabel, port] : ports) {
                for (const auto &[pathLabel, path] : std::as_const(paths)) {
                    QStringList parts{c.label};
                    if (scheme != c.scheme)
                        parts << SignatureDiagnosis::tr("%1 instead of %2").arg(scheme, c.scheme);
                    if (!portLabel.isEmpty() && port != c.authority.port)
                        parts << portLabel;
                    if (!pathLabel.isEmpty())
                        parts << pathLabel;
                    add(parts.join(QLatin1String("; ")),
                        render(scheme, {c.authority.host, port}, configured.path + path));
                }
            }
        }
    }

    for (const Variant &v : std::as_const(d.variants)) {
        if (v.matches) {
            d.matchedUrl = v.url;
            d.matchedLabel = v.label;
            break;
        }
    }

    if (verdict == SignatureValidator::Verdict::Valid) {
        d.outcome = Outcome::Valid;
        d.variants.clear(); // nothing to explain: the list would only weigh on the log
        d.explanation = SignatureDiagnosis::tr("The signature matches %1.").arg(d.checkedUrl);
        return d;
    }
    if (verdict == SignatureValidator::Verdict::BodyHashMismatch) {
        d.outcome = Outcome::BodyAltered;
        d.explanation =
            SignatureDiagnosis::tr("The URL's signature matches, but the body is not the one its "
                                   "bodySHA256 was computed for: the body was altered on the way.");
        return d;
    }
    if (d.matchedUrl.isEmpty()) {
        d.outcome = Outcome::NoVariantMatches;
        d.explanation =
            SignatureDiagnosis::tr(
                "The signature was checked against %1. None of the %2 URL variants tried "
                "(scheme, with and without the port, the Host and X-Forwarded-Proto/-Host "
                "headers, trailing slash, the query) matches, so the URL is not the problem: "
                "the auth token differs (a request signed by a subaccount, or with a token "
                "rotated since) or the body was altered on the way.")
                .arg(d.checkedUrl)
                .arg(d.variants.size());
        d.suggestion = SignatureDiagnosis::tr(
            "Check TWILIO_AUTH_TOKEN against the account (or subaccount) that "
            "owns the number.");
        return d;
    }
    d.outcome = Outcome::OtherUrl;
    // Which setting: the base (scheme, host, port) and the path are told apart.
    const qsizetype schemeEnd = d.matchedUrl.indexOf(QLatin1String("://"));
    const qsizetype pathStart = d.matchedUrl.indexOf(QLatin1Char('/'), schemeEnd + 3);
    const QString matchedBase = d.matchedUrl.left(pathStart) + configured.path;
    const QString matchedTarget = d.matchedUrl.mid(pathStart + configured.path.size());
    QStringList changes;
    if (matchedBase != publicBase)
        changes << SignatureDiagnosis::tr("Set SWITCHBOARD_PUBLIC_URL to %1 (it is %2).")
                       .arg(matchedBase, publicBase);
    if (matchedTarget != target)
        changes << SignatureDiagnosis::tr(
                       "Twilio signed the path and query %1 but the request arrived as %2: a "
                       "proxy or tunnel rewrote it; set the webhook URL at Twilio to the one "
                       "the console receives.")
                       .arg(matchedTarget, target);
    d.suggestion = changes.join(QLatin1Char(' '));
    d.explanation =
        SignatureDiagnosis::tr("The signature was checked against %1 and does not match it, but it "
                               "matches %2 (%3): the auth token is right and the URL differs. %4")
            .arg(d.checkedUrl, d.matchedUrl, d.matchedLabel, d.suggestion);
    return d;
}

QString SignatureDiagnosis::outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Valid:
        return QStringLiteral("valid");
    case Outcome::Unchecked:
        return QStringLiteral("unchecked");
    case Outcome::NoSignature:
        return QStringLiteral("no-signature");
    case Outcome::BodyNotForm:
        return QStringLiteral("body-not-form");
    case Outcome::OtherUrl:
        return QStringLiteral("other-url");
    case Outcome::BodyAltered:
        return QStringLiteral("body-altered");
    case Outcome::NoVariantMatches:
        return QStringLiteral("no-variant-matches");
    case Outcome::Unexplained:
        return QStringLiteral("unexplained");
    }
    return {};
}

QString SignatureDiagnosis::result() const {
    switch (outcome) {
    case Outcome::Valid:
        return QStringLiteral("valid");
    case Outcome::Unchecked:
        return QStringLiteral("unchecked");
    case Outcome::NoSignature:
        return QStringLiteral("missing");
    default:
        return QStringLiteral("invalid");
    }
}

QJsonObject SignatureDiagnosis::toJson() const {
    QJsonArray tried;
    for (const Variant &v : variants)
        tried.append(QJsonObject{{QStringLiteral("label"), v.label},
                                 {QStringLiteral("url"), v.url},
                                 {QStringLiteral("matches"), v.matches}});
    QJsonObject o{{QStringLiteral("outcome"), outcomeName(outcome)},
                  {QStringLiteral("checkedUrl"), checkedUrl},
                  {QStringLiteral("explanation"), explanation}};
    if (!tried.isEmpty())
        o.insert(QStringLiteral("variants"), tried);
    if (!matchedUrl.isEmpty()) {
        o.insert(QStringLiteral("matchedUrl"), matchedUrl);
        o.insert(QStringLiteral("matchedVariant"), matchedLabel);
    }
    if (!suggestion.isEmpty())
        o.insert(QStringLiteral("suggestion"), suggestion);
    return o;
}

} // namespace sb
