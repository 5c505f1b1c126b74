#include "MediaDownload.h"

#include "providers/twilio/TwilioClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryFile>

namespace sb {

namespace {

bool isTwilioHost(const QString &host) {
    const QString h = host.toLower();
    return h == QLatin1String("twilio.com") || h.endsWith(QLatin1String(".twilio.com"));
}

bool sameOrigin(const QUrl &a, const QUrl &b) {
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

QString mb(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

MediaDownload::MediaDownload(QNetworkAccessManager *nam, MediaCredentials credentials, QUrl url,
                             QString tempDir, qint64 maxBytes, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_credentials(std::move(credentials))
    , m_url(std::move(url))
    , m_tempDir(std::move(tempDir))
    , m_maxBytes(maxBytes)
    , m_timeoutMs(timeoutMs) {
    qRegisterMetaType<sb::MediaDownload::Result>();
}

MediaDownload::~MediaDownload() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString MediaDownload::where(const QUrl &url) {
    if (url.host().isEmpty())
        return tr("no host");
    return url.port() < 0 ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}

void MediaDownload::start() {
    QUrl url = m_url;
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        // Deferred, so that finished() always comes after start() returns.
        QMetaObject::invokeMethod(
            this, [this] { fail(tr("its MediaUrl is not an http(s) URL")); }, Qt::QueuedConnection);
        return;
    }
    // Credentials in a URL would be sent by Qt itself, to whatever host named them.
    url.setUserInfo(QString());
    // Twilio names media http://api.twilio.com/...: the token never goes in clear.
    if (url.scheme() == QLatin1String("http") && isTwilioHost(url.host()))
        url.setScheme(QStringLiteral("https"));
    get(url, TwilioClient::mayReceiveCredentials(url, m_credentials.apiBase), MaxRedirects);
}

void MediaDownload::get(const QUrl &url, bool credentialed, int redirectsLeft) {
    m_current = url;
    m_credentialed = credentialed;
    m_redirectsLeft = redirectsLeft;
    m_received = 0;
    m_hash.reset();
    m_file.reset();
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_timeoutMs);
    if (credentialed)
        request.setRawHeader(
            "Authorization",
            "Basic " + (m_credentials.accountSid + QLatin1Char(':') + m_credentials.authToken)
                           .toUtf8()
                           .toBase64());
    m_reply = m_nam->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &MediaDownload::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &MediaDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &MediaDownload::onFinished);
}

void MediaDownload::onMetaData() {
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (status >= 200 && status < 300 && length.isValid() && length.toLongLong() > m_maxBytes) {
        m_abortReason = tr("it is %1 bytes, more than the %2 accepted (%3 MB)")
                            .arg(length.toLongLong())
                            .arg(m_maxBytes)
                            .arg(mb(m_maxBytes));
        m_reply->abort();
    }
}

void MediaDownload::onReadyRead() {
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300 || !m_abortReason.isEmpty()) {
        m_reply->readAll(); // a redirect's or an error's body: not the file
        return;
    }
    if (!m_file) {
        QDir().mkpath(m_tempDir);
        m_file = std::make_unique<QTemporaryFile>(
            QDir(m_tempDir).filePath(QStringLiteral("download-XXXXXX.part")));
        if (!m_file->open()) {
            m_abortReason =
                tr("cannot write a temporary file in %1: %2").arg(m_tempDir, m_file->errorString());
            m_reply->abort();
            return;
        }
    }
    const QByteArray chunk = m_reply->readAll();
    m_received += chunk.size();
    if (m_received > m_maxBytes) {
        m_abortReason =
            tr("it is more than the %1 bytes accepted (%2 MB)").arg(m_maxBytes).arg(mb(m_maxBytes));
        m_reply->abort();
        return;
    }
    m_hash.addData(chunk);
    if (m_file->write(chunk) != chunk.size()) {
        m_abortReason = tr("cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
        m_reply->abort();
    }
}

void MediaDownload::onFinished() {
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (!m_abortReason.isEmpty())
        return fail(m_abortReason);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return fail(tr("%1 could not be reached: %2").arg(where(m_current), reply->errorString()));
    if (status >= 300 && status < 400) {
        const QByteArray location = reply->rawHeader("Location");
        if (location.isEmpty())
            return fail(
                tr("%1 answered HTTP %2 without a Location").arg(where(m_current)).arg(status));
        const QUrl next = m_current.resolved(QUrl::fromEncoded(location));
        if (m_redirectsLeft <= 0)
            return fail(tr("more than %1 redirects").arg(MaxRedirects));
        if (m_current.scheme() == QLatin1String("https") && next.scheme() != QLatin1String("https"))
            return fail(tr("%1 redirected from https to http").arg(where(m_current)));
        if (next.scheme() != QLatin1String("https") && next.scheme() != QLatin1String("http"))
            return fail(tr("%1 redirected to a URL that is not http(s)").arg(where(m_current)));
        QUrl clean = next;
        clean.setUserInfo(QString());
        // Credentials follow a redirect only to where they were already going.
        get(clean, m_credentialed && sameOrigin(m_current, clean), m_redirectsLeft - 1);
        return;
    }
    if (status < 200 || status >= 300)
        return fail(
            tr("%1 answered HTTP %2 %3")
                .arg(where(m_current))
                .arg(status)
                .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()));
    if (reply->error() != QNetworkReply::NoError)
        return fail(
            tr("the transfer from %1 broke off: %2").arg(where(m_current), reply->errorString()));
    if (!m_file) { // an empty body: still a file
        QDir().mkpath(m_tempDir);
        m_file = std::make_unique<QTemporaryFile>(
            QDir(m_tempDir).filePath(QStringLiteral("download-XXXXXX.part")));
        if (!m_file->open())
            return fail(tr("cannot write a temporary file in %1").arg(m_tempDir));
    }
    if (!m_file->flush())
        return fail(tr("cannot write %1: %2").arg(m_file->fileName(), m_file->errorString()));
    m_result.ok = true;
    m_result.size = m_received;
    m_result.sha256 = QString::fromLatin1(m_hash.result().toHex());
    m_result.contentType = QString::fromLatin1(reply->rawHeader("Content-Type"))
                               .section(QLatin1Char(';'), 0, 0)
                               .trimmed()
                               .toLower();
    m_done = true;
    Q_EMIT finished(m_result);
}

void MediaDownload::fail(const QString &reason) {
    m_file.reset(); // removes the partial file
    m_result = {};
    m_result.error = reason;
    m_done = true;
    Q_EMIT finished(m_result);
}

bool MediaDownload::storeAs(const QString &path, QString *error) {
    if (!m_result.ok || !m_file) {
        *error = tr("nothing was downloaded");
        return false;
    }
    if (QFileInfo::exists(path)) {
        m_file.reset(); // the same content is stored once
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("cannot make the folder of %1").arg(path);
        return false;
    }
    m_file->close();
    // Same folder tree, same file system: the rename is atomic, so a crash never leaves half a
    // file under its final name.
    if (!m_file->rename(path)) {
        if (QFileInfo::exists(path)) { // the same content, stored meanwhile by a twin download
            m_file.reset();
            return true;
        }
        *error = tr("cannot store %1: %2").arg(path, m_file->errorString());
        return false;
    }
    m_file->setAutoRemove(false);
    m_file.reset();
    return true;
}

} // namespace sb
