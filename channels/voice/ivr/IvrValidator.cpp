#include "IvrValidator.h"

#include "IvrMenu.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/TwimlBuilder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace sb {

namespace {

const QStringList Days{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr int MaxTextLength = 4096; // Twilio's limit on a Say's text
constexpr int MaxSmsLength = 1600;

class Checker {
public:
    QList<IvrProblem> problems;

    void add(const QString &path, const QString &message) { problems.append({path, message}); }

    static QString at(const QString &prefix, const QString &key) {
        return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
    }

    // A string field: absent is fine unless `required`; present must be a string.
    QString text(const QJsonObject &json, const QString &prefix, const char *key, bool required,
                 int maxLength = MaxTextLength) {
        const QString path = at(prefix, QLatin1String(key));
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                add(path, IvrValidator::tr("empty"));
            return {};
        }
        if (!v.isString()) {
            add(path, IvrValidator::tr("must be a string"));
            return {};
        }
        const QString s = v.toString();
        if (required && s.trimmed().isEmpty())
            add(path, IvrValidator::tr("empty"));
        else if (!s.trimmed().isEmpty() && TwimlBuilder::xmlSafe(s).trimmed().isEmpty())
            // Control characters and lone surrogates only: TwiML drops them, and the empty
            // <Say> left would fail the call (fuzz_ivr's find).
            add(path, IvrValidator::tr("only characters a call cannot say"));
        else if (s.size() > maxLength)
            add(path, IvrValidator::tr("%1 characters; at most %2").arg(s.size()).arg(maxLength));
        return s;
    }

    void integer(const QJsonObject &json, const QString &prefix, const char *key, int min,
                 int max) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        const double d = v.toDouble(-1e18);
        // The range first: a double past qint64's range may not be converted (UB).
        if (!v.isDouble() || d < min || d > max || d != std::trunc(d))
            add(at(prefix, QLatin1String(key)),
                IvrValidator::tr("must be a whole number from %1 to %2").arg(min).arg(max));
    }

    void boolean(const QJsonObject &json, const QString &prefix, const char *key) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isBool())
            add(at(prefix, QLatin1String(key)), IvrValidator::tr("must be true or false"));
    }

    void then(const QJsonObject &json, const QString &prefix, bool menuAllowed) {
        const QString t = text(json, prefix, "then", false);
        if (t.isEmpty() || t == QLatin1String("hangup"))
            return;
        if (t != QLatin1String("menu"))
            add(at(prefix, QStringLiteral("then")),
                IvrValidator::tr("\"%1\" is neither \"menu\" nor \"hangup\"").arg(t));
        else if (!menuAllowed)
            add(at(prefix, QStringLiteral("then")),
                IvrValidator::tr("there is no menu to go back to here; use \"hangup\""));
    }

    // `where` says what the action answers: an option (anything), no-input or out of hours.
    enum class Role { Option, NoInput, Closed };

    void action(const QJsonValue &value, const QString &prefix, Role role, int depth) {
        if (!value.isObject()) {
            add(prefix, value.isUndefined() ? IvrValidator::tr("missing")
                                            : IvrValidator::tr("must be an object"));
            return;
        }
        const QJsonObject json = value.toObject();
        const QJsonValue typeValue = json.value(QLatin1String("type"));
        const QString typePath = at(prefix, QStringLiteral("type"));
        if (!typeValue.isString()) {
            add(typePath, typeValue.isUndefined() ? IvrValidator::tr("missing")
                                                  : IvrValidator::tr("must be a string"));
            return;
        }
        const auto type = IvrAction::typeFromName(typeValue.toString());
        if (!type) {
            add(typePath,
                IvrValidator::tr("unknown action \"%1\" (say, forward, voicemail, submenu, sms, "
                                 "hangup)")
                    .arg(typeValue.toString()));
            return;
        }
        switch (*type) {
        case IvrAction::Type::Say:
            text(json, prefix, "text", true);
            then(json, prefix, role != Role::Closed);
            break;
        case IvrAction::Type::Forward: {
            const QString number = text(json, prefix, "number", true);
            if (!number.trimmed().isEmpty()) {
                const PhoneNumberCheck check = PhoneNumber::check(number);
                if (!check.valid || check.e164 != number)
                    add(at(prefix, QStringLiteral("number")),
                        IvrValidator::tr("\"%1\" is not a valid E.164 number%2")
                            .arg(number,
                                 check.valid
                                     ? IvrValidator::tr(" (write it as %1)").arg(check.e164)
                                     : QStringLiteral(" (") + check.reason + QLatin1Char(')')));
            }
            boolean(json, prefix, "record");
            integer(json, prefix, "timeoutSeconds", 5, 600);
            break;
        }
        case IvrAction::Type::Voicemail:
            text(json, prefix, "prompt", true);
            integer(json, prefix, "maxLength", 1, 3600);
            boolean(json, prefix, "playBeep");
            break;
        case IvrAction::Type::Submenu:
            if (role == Role::NoInput)
                add(typePath,
                    IvrValidator::tr("silence cannot open a sub-menu; use an action that ends the "
                                     "call or says something"));
            else if (depth >= IvrValidator::MaxDepth)
                add(at(prefix, QStringLiteral("menu")),
                    IvrValidator::tr("sub-menus nest at most %1 deep").arg(IvrValidator::MaxDepth));
            else
                menu(json.value(QLatin1String("menu")), at(prefix, QStringLiteral("menu")),
                     depth + 1);
            break;
        case IvrAction::Type::Sms:
            text(json, prefix, "text", true, MaxSmsLength);
            text(json, prefix, "confirmation", false);
            then(json, prefix, role != Role::Closed);
            break;
        case IvrAction::Type::Hangup:
            text(json, prefix, "text", false);
            break;
        }
    }

    void menu(const QJsonValue &value, const QString &prefix, int depth) {
        if (!value.isObject()) {
            add(prefix, value.isUndefined() ? IvrValidator::tr("missing")
                                            : IvrValidator::tr("must be an object"));
            return;
        }
        const QJsonObject json = value.toObject();
        const QString greetingPath = at(prefix, QStringLiteral("greeting"));
        const QJsonValue greeting = json.value(QLatin1String("greeting"));
        if (!greeting.isObject()) {
            add(greetingPath, greeting.isUndefined() ? IvrValidator::tr("missing")
                                                     : IvrValidator::tr("must be an object"));
        } else {
            const QJsonObject g = greeting.toObject();
            text(g, greetingPath, "text", true);
            const QString voice = text(g, greetingPath, "voice", false);
            static const QRegularExpression voicePattern(
                QStringLiteral(R"(^(man|woman|alice|(Polly|Google)\.[A-Za-z0-9.-]+)$)"));
            if (!voice.isEmpty() && !voicePattern.match(voice).hasMatch())
                add(at(greetingPath, QStringLiteral("voice")),
                    IvrValidator::tr(
                        "\"%1\" is not a Twilio voice (man, woman, alice, Polly.<name> or "
                        "Google.<name>)")
                        .arg(voice));
            const QString language = text(g, greetingPath, "language", false);
            static const QRegularExpression languagePattern(
                QStringLiteral(R"(^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$)"));
            if (!language.isEmpty() && !languagePattern.match(language).hasMatch())
                add(at(greetingPath, QStringLiteral("language")),
                    IvrValidator::tr("\"%1\" is not a language tag like en-US").arg(language));
        }
        integer(json, prefix, "timeoutSeconds", 1, 60);

        const QString optionsPath = at(prefix, QStringLiteral("options"));
        const QJsonValue options = json.value(QLatin1String("options"));
        if (!options.isObject()) {
            add(optionsPath, options.isUndefined() ? IvrValidator::tr("missing")
                                                   : IvrValidator::tr("must be an object"));
        } else if (options.toObject().isEmpty()) {
            add(optionsPath, IvrValidator::tr("the menu has no options"));
        } else {
            const QJsonObject o = options.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QString optionPath = at(optionsPath, it.key());
                if (it.key().size() != 1 || !QStringLiteral("0123456789*#").contains(it.key())) {
                    add(optionPath,
                        IvrValidator::tr("\"%1\" is not a key on the keypad (0-9, * or #)")
                            .arg(it.key()));
                    continue;
                }
                if (!it.value().isObject()) {
                    add(optionPath, IvrValidator::tr("must be an object"));
                    continue;
                }
                text(it.value().toObject(), optionPath, "label", false);
                action(it.value().toObject().value(QLatin1String("action")),
                       at(optionPath, QStringLiteral("action")), Role::Option, depth);
            }
        }

        const QString noInputPath = at(prefix, QStringLiteral("noInput"));
        const QJsonValue noInput = json.value(QLatin1String("noInput"));
        if (noInput.isObject()) {
            integer(noInput.toObject(), noInputPath, "repeats", 0, 10);
            if (noInput.toObject().contains(QLatin1String("action")))
                action(noInput.toObject().value(QLatin1String("action")),
                       at(noInputPath, QStringLiteral("action")), Role::NoInput, depth);
        } else if (!noInput.isUndefined()) {
            add(noInputPath, IvrValidator::tr("must be an object"));
        }
        const QString invalidPath = at(prefix, QStringLiteral("invalidInput"));
        const QJsonValue invalid = json.value(QLatin1String("invalidInput"));
        if (invalid.isObject())
            text(invalid.toObject(), invalidPath, "text", false);
        else if (!invalid.isUndefined())
            add(invalidPath, IvrValidator::tr("must be an object"));
    }

    void hours(const QJsonValue &value) {
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isObject())
            return add(QStringLiteral("hours"), IvrValidator::tr("must be an object"));
        const QJsonObject json = value.toObject();
        const QString zone = text(json, QStringLiteral("hours"), "timezone", true);
        // Listed ids only: QTimeZone also takes POSIX rules ("Nowhere" reads as a zone at UTC).
        if (!zone.trimmed().isEmpty() && !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
            add(QStringLiteral("hours.timezone"),
                IvrValidator::tr("\"%1\" is not an IANA time zone like Europe/London").arg(zone));
        const QJsonValue weekly = json.value(QLatin1String("weekly"));
        if (!weekly.isObject()) {
            add(QStringLiteral("hours.weekly"), weekly.isUndefined()
                                                    ? IvrValidator::tr("missing")
                                                    : IvrValidator::tr("must be an object"));
        } else {
            const QJsonObject w = weekly.toObject();
            for (auto it = w.begin(); it != w.end(); ++it) {
                const QString dayPath = QStringLiteral("hours.weekly.") + it.key();
                if (!Days.contains(it.key())) {
                    add(dayPath, IvrValidator::tr("not a day (mon, tue, wed, thu, fri, sat, sun)"));
                    continue;
                }
                if (!it.value().isArray()) {
                    add(dayPath, IvrValidator::tr("must be a list of ranges like \"09:00-17:00\""));
                    continue;
                }
                const QJsonArray ranges = it.value().toArray();
                for (qsizetype i = 0; i < ranges.size(); ++i)
                    range(ranges.at(i), dayPath + QLatin1Char('.') + QString::number(i));
            }
        }
        action(json.value(QLatin1String("closed")), QStringLiteral("hours.closed"), Role::Closed,
               0);
    }

    void range(const QJsonValue &value, const QString &path) {
        static const QRegularExpression pattern(
            QStringLiteral(R"(^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$)"));
        const QString s = value.toString();
        const auto match = pattern.match(s);
        if (!value.isString() || !match.hasMatch()) {
            add(path, IvrValidator::tr("\"%1\" is not a range of times like \"09:00-17:00\"")
                          .arg(value.isString() ? s : IvrValidator::tr("(not a string)")));
            return;
        }
        const QStringList parts = s.split(QLatin1Char('-'));
        if (parts[1] != QLatin1String("24:00") && parts[1] <= parts[0])
            add(path, IvrValidator::tr("\"%1\" closes before it opens").arg(s));
    }

    // Menus a caller cannot leave: see the class comment.
    bool hasExit(const IvrMenu &menu, const QString &prefix, const QString &reportAt,
                 const QString &what) {
        bool exit = menu.noInput.endsCall();
        for (const IvrOption &o : menu.options) {
            if (o.action.endsCall())
                exit = true;
            else if (o.action.type == IvrAction::Type::Submenu && o.action.menu) {
                const QString sub = at(prefix, QStringLiteral("options.") + o.digit);
                if (hasExit(*o.action.menu, at(sub, QStringLiteral("action.menu")), sub,
                            IvrValidator::tr("the sub-menu at %1").arg(sub)))
                    exit = true;
            }
        }
        if (!exit)
            add(reportAt,
                IvrValidator::tr(
                    "%1 has no way out (every option leads back into a menu and there is no "
                    "hangup, forward or voicemail, nor a no-input action that ends the call)")
                    .arg(what));
        return exit;
    }
};

} // namespace

QList<IvrProblem> IvrValidator::check(const QJsonObject &json) {
    Checker c;
    c.menu(json, QString(), 0);
    c.hours(json.value(QLatin1String("hours")));
    static const QStringList known{"greeting", "timeoutSeconds", "options",
                                   "noInput",  "invalidInput",   "hours"};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.contains(it.key()))
            c.add(it.key(), IvrValidator::tr("not a field of the IVR (%1)")
                                .arg(known.join(QLatin1String(", "))));
    // Only a menu that reads as one can be walked for a way out.
    if (c.problems.isEmpty()) {
        const IvrConfig config = IvrConfig::fromJson(json);
        c.hasExit(config.root, QString(), QStringLiteral("options"), IvrValidator::tr("the menu"));
        if (config.hours && config.hours->closed.type == IvrAction::Type::Submenu &&
            config.hours->closed.menu)
            c.hasExit(*config.hours->closed.menu, QStringLiteral("hours.closed.menu"),
                      QStringLiteral("hours.closed"), IvrValidator::tr("the out-of-hours menu"));
    }
    return c.problems;
}

} // namespace sb
