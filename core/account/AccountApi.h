#pragma once

#include "http/HttpServer.h"

#include <QObject>

#include <functional>

namespace sb {

class MessagingServicesClient;
class NumberWiring;
class Store;
class TwilioClient;
struct TwilioIncomingNumber;
struct TwilioMessagingService;
struct WiredNumber;

struct AccountApiContext {
    Store *store = nullptr;
    TwilioClient *twilio = nullptr;      // network thread
    NumberWiring *wiring = nullptr;      // network thread
    std::function<QString()> publicBase; // this console's public URL, as Twilio should call it
    QString whatsappSender;              // TWILIO_WHATSAPP_NUMBER, to mark that number's capability
    QString mode;                        // "sandbox" or "live"
    MessagingServicesClient *messaging = nullptr; // network thread
};

// The account's part of the local API (server thread), behind the API token:
//   GET  account-info                          name, status, type (Trial limits), balance
//   GET  phone-numbers                         numbers, capabilities, webhook URLs, wiring
//   POST phone-numbers/{numberSid}/wire        {onlyWhileRunning?}: point them at this console
//   POST phone-numbers/{numberSid}/restore     put back what they were
//   GET  messaging-services                    Messaging Services, their numbers and URLs
class AccountApi : public QObject {
    Q_OBJECT
public:
    AccountApi(HttpServer *server, AccountApiContext context, QObject *parent = nullptr);

    static QJsonObject numberJson(const TwilioIncomingNumber &number, const WiredNumber *wiring,
                                  const QString &whatsappSender);
    static QJsonObject serviceJson(const TwilioMessagingService &service,
                                   const QString &whatsappSender);

private:
    void accountInfo(HttpServer::Reply reply);
    void phoneNumbers(HttpServer::Reply reply);
    void messagingServices(HttpServer::Reply reply);
    void wire(const HttpRequest &request, HttpServer::Reply reply);
    void restore(const HttpRequest &request, HttpServer::Reply reply);

    AccountApiContext m_context;
};

} // namespace sb
