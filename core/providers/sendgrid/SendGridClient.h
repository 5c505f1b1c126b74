#pragma once

#include "EmailDraft.h"
#include "SendGridError.h"
#include "SendGridResources.h"
#include "common/Receiver.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QJsonObject;

namespace sb {

class RestRequest;
struct RestResponse;

struct SendGridCredentials {
    QString apiKey; // secret: never logged, never in an error
    QUrl apiBase{QStringLiteral("https://api.sendgrid.com")};
    // How long a request may go without a byte either way before it is abandoned; a mail/send
    // abandoned so is ambiguous (SendGrid may have taken it). Tests make it short.
    std::chrono::milliseconds timeout{30000};
};

template <typename T> struct SendGridResult {
    T value{};
    SendGridError error;
    bool ok() const { return !error.isError(); }
};

// SendGrid's v3 API (mail/send and dynamic templates), fully asynchronous on an injected
// QNetworkAccessManager. Callbacks run on the receiver's thread; every failure arrives as a
// SendGridError.
class SendGridClient : public QObject {
    Q_OBJECT
public:
    // SendGrid's limit for a whole mail/send request, attachments counted after base64.
    // Stated as "30 MB"; decimal megabytes, so nothing SendGrid would refuse gets through.
    static constexpr qint64 MaxMailSendBytes = 30'000'000;
    // SendGrid's largest page of templates.
    static constexpr int TemplatePageSize = 200;

    using Clock = std::function<QDateTime()>;

    SendGridClient(QNetworkAccessManager *nam, SendGridCredentials credentials,
                   QObject *parent = nullptr);

    void setCredentials(const SendGridCredentials &credentials);
    QUrl apiBase() const { return m_credentials.apiBase; }
    // For turning Retry-After into a time; tests set a fixed one.
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // 202 is success. Over MaxMailSendBytes: refused with TooLarge, and no request is made.
    void sendMail(const EmailDraft &draft, Receiver receiver,
                  std::function<void(const SendGridResult<SendGridSendReceipt> &)> done);
    // The first TemplatePageSize dynamic templates (GET /v3/templates?generations=dynamic).
    void
    listDynamicTemplates(Receiver receiver,
                         std::function<void(const SendGridResult<QList<SendGridTemplate>> &)> done);
    // One template and its active version, with its content: when the template's answer lists
    // the active version without content, that version is fetched too.
    void fetchTemplate(const QString &templateId, Receiver receiver,
                       std::function<void(const SendGridResult<SendGridTemplate> &)> done);
    void
    fetchTemplateVersion(const QString &templateId, const QString &versionId, Receiver receiver,
                         std::function<void(const SendGridResult<SendGridTemplateVersion> &)> done);

private:
    // Static, on copies: a callback may run after this client is gone (its receiver is not).
    static RestRequest request(QNetworkAccessManager *nam, const SendGridCredentials &credentials,
                               const QString &path);
    template <typename T>
    static void deliver(const RestResponse &response, const Clock &clock,
                        const std::function<T(const QJsonObject &)> &parse,
                        const std::function<void(const SendGridResult<T> &)> &done);

    QNetworkAccessManager *m_nam;
    SendGridCredentials m_credentials;
    Clock m_clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
};

} // namespace sb
