// The floor for the webhook-ingest benchmark: a bare QHttpServer 6.4 route that answers the
// same TwiML and does nothing else (no signature check, no dedupe, no store).
#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerResponse>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QHttpServer server;
    server.route(
        QStringLiteral("/twilio/sms-status"), QHttpServerRequest::Method::Post,
        [](const QHttpServerRequest &) {
            return QHttpServerResponse(
                QByteArrayLiteral("text/xml"),
                QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
        });
    const quint16 port =
        server.listen(QHostAddress::LocalHost, quint16(app.arguments().value(1).toUInt()));
    std::printf("listening %u\n", unsigned(port));
    std::fflush(stdout);
    return port ? app.exec() : 1;
}
