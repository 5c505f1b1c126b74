#pragma once

#include "db/Migrations.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sb {

class StoreWorker;

// One request to /twilio/ or /sendgrid/ as it arrived, with what the console made of it.
struct WebhookRecord {
    qint64 id = 0;
    QDateTime receivedAt; // UTC
    QByteArray method;
    QString target;     // raw path and query, exactly as sent
    QString path;       // decoded path
    HeaderList headers; // as sent, credentials (Authorization, Cookie) redacted
    QByteArray body;    // raw bytes
    QString peer;
    QString sid;           // MessageSid / CallSid of a Twilio form webhook, if any
    QString signature;     // valid, invalid, missing, unchecked, replay
    QJsonObject diagnosis; // SignatureDiagnosis::toJson() (or a SendGrid refusal's reason)
    // `diagnosis` as compact JSON when the capture had it already (insert() writes it as is);
    // empty: insert() serialises `diagnosis`.
    QByteArray diagnosisJson;
    int status = 0; // the answer sent
    QByteArray responseBody;
    qint64 elapsedUs = 0;
    qint64 replayOf = 0; // a replay of that record (its signature check was skipped)

    qint64 sizeBytes() const; // what it weighs against the size bound, roughly
    // The body as form fields (empty when it is not form-encoded).
    FormFields form() const;
};

struct WebhookQuery {
    QString path;   // prefix of the decoded path
    QString result; // signature result
    QString sid;
    QDateTime since;     // inclusive
    QDateTime until;     // exclusive
    qint64 beforeId = 0; // keyset paging: only older than this id (0: from the newest)
    qint64 afterId = 0;  // only newer than this id (0: no bound), e.g. what a view lacks
    int limit = 50;
};

// The webhook inspector's table (webhook_log, schema module "inspector"): SQL only, run on the
// store thread through Store::run.
class WebhookLog {
public:
    static Schema schema();
    static constexpr QLatin1StringView Table{"webhook_log"};
    // In Store::rowsChanged for Table after prune() deleted rows: not one row, "rows went".
    static constexpr qint64 PrunedRows = 0;

    static std::optional<qint64> insert(StoreWorker &w, const WebhookRecord &record,
                                        QString *error);
    // How much of each row find() reads.
    enum class Detail {
        Summary,  // what a list shows: no headers, diagnosis, body or response
        NoBodies, // all but the body and the response
        Full,
    };
    // Newest first.
    static std::optional<QList<WebhookRecord>> find(StoreWorker &w, const WebhookQuery &query,
                                                    Detail detail, QString *error);
    // The ids of the newest `limit` rows, newest first: what a view checks its rows against.
    static std::optional<QList<qint64>> newestIds(StoreWorker &w, int limit, QString *error);
    static std::optional<std::optional<WebhookRecord>> byId(StoreWorker &w, qint64 id,
                                                            QString *error);
    // Drops what is older than `cutoff`, then the oldest until at most `maxBytes` remain.
    // Returns how many rows went.
    static std::optional<int> prune(StoreWorker &w, const QDateTime &cutoff, qint64 maxBytes,
                                    QString *error);
};

} // namespace sb
