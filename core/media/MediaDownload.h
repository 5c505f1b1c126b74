#pragma once

#include <QCryptographicHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTemporaryFile;

namespace sb {

// Where the account's credentials may go when fetching a webhook's media URL.
struct MediaCredentials {
    QString accountSid;
    QString authToken; // secret: never logged, never in an error
    QUrl apiBase;      // the configured API base (the sandbox's URL in sandbox mode)
};

// One media file's download: GET with redirects followed by hand (at most five, never from
// https to http), streamed into a temporary file in `tempDir` while its SHA-256 is computed,
// refused past `maxBytes` (by Content-Length before any body, else as soon as it is exceeded).
// Basic auth goes only where TwilioClient::mayReceiveCredentials() allows (Twilio's own hosts
// over https, the configured API base), and a redirect carries it only to the same scheme,
// host and port it was already going to: Twilio's media URLs redirect to a storage host, which
// is fetched without it. Errors name the host, never a credential. Lives on the thread of the
// QNetworkAccessManager; deletes nothing itself (its owner deletes it after finished()).
class MediaDownload : public QObject {
    Q_OBJECT
public:
    struct Result {
        bool ok = false;
        QString error; // why not, in plain words
        qint64 size = 0;
        QString sha256;      // hex
        QString contentType; // the answer's, without parameters
    };

    MediaDownload(QNetworkAccessManager *nam, MediaCredentials credentials, QUrl url,
                  QString tempDir, qint64 maxBytes, int timeoutMs, QObject *parent = nullptr);
    ~MediaDownload() override;

    void start();
    // After a successful finish: moves the file to `path` (made under its folder), or drops it
    // when a file with the same content is there already. False with *error otherwise.
    bool storeAs(const QString &path, QString *error);

    static constexpr int MaxRedirects = 5;
    // "host" or "host:port", for messages (a URL's path and user-info are nobody's business).
    static QString where(const QUrl &url);

Q_SIGNALS:
    void finished(const sb::MediaDownload::Result &result);

private:
    void get(const QUrl &url, bool credentialed, int redirectsLeft);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void fail(const QString &reason);

    QNetworkAccessManager *m_nam;
    MediaCredentials m_credentials;
    QUrl m_url;
    QString m_tempDir;
    qint64 m_maxBytes;
    int m_timeoutMs;
    QPointer<QNetworkReply> m_reply;
    QUrl m_current;
    bool m_credentialed = false;
    int m_redirectsLeft = MaxRedirects;
    std::unique_ptr<QTemporaryFile> m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_received = 0;
    QString m_abortReason; // set when we cut the transfer short
    Result m_result;
    bool m_done = false;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::MediaDownload::Result)
