// Writes N distinct, correctly signed Twilio status callbacks for the webhook-ingest benchmark:
// one line each, "<signature>\t<idempotency token>\t<form body>". Every line is a different
// (MessageSid, MessageStatus) pair, so each one must really be validated, deduplicated and
// stored, not dropped as a replay.
#include "http/FormEncoding.h"
#include "providers/twilio/SignatureValidator.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: bench_sign_requests <count> <auth token> <url> <out file>\n");
        return 2;
    }
    const int count = args[1].toInt();
    const QByteArray token = args[2].toUtf8();
    const QString url = args[3];
    QFile out(args[4]);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 1;
    const QStringList statuses{QStringLiteral("sending"), QStringLiteral("sent"),
                               QStringLiteral("delivered")};
    for (int i = 0; i < count; ++i) {
        const QString sid = QStringLiteral("SM%1").arg(i / 3, 32, 16, QLatin1Char('0'));
        const sb::FormFields fields{
            {QStringLiteral("AccountSid"), QStringLiteral("AC0123456789abcdef0123456789abcdef")},
            {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
            {QStringLiteral("From"), QStringLiteral("+15005550006")},
            {QStringLiteral("To"), QStringLiteral("+14155550100")},
            {QStringLiteral("MessageSid"), sid},
            {QStringLiteral("SmsSid"), sid},
            {QStringLiteral("MessageStatus"), statuses[i % 3]},
            {QStringLiteral("SmsStatus"), statuses[i % 3]}};
        out.write(sb::SignatureValidator::sign(token, url, fields) + '\t' + QByteArray::number(i) +
                  "-" + QByteArray::number(i * 7919) + '\t' + sb::FormEncoding::encode(fields) +
                  '\n');
    }
    return 0;
}
