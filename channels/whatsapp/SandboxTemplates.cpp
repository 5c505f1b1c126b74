#include "SandboxTemplates.h"

#include <QJsonArray>

namespace sb {

namespace {

QString isoDate(const QDateTime &time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QJsonObject text(const QString &body) {
    return {{QStringLiteral("twilio/text"), QJsonObject{{QStringLiteral("body"), body}}}};
}

SandboxTemplate make(const QString &sid, const QString &name, const QJsonObject &variables,
                     const QJsonObject &types, const QString &status, const QString &category,
                     const QString &contentType, const QDate &created) {
    SandboxTemplate t;
    t.sid = sid;
    t.friendlyName = name;
    t.language = QStringLiteral("en");
    t.variables = variables;
    t.types = types;
    t.status = status;
    t.category = category;
    t.contentType = contentType;
    t.created = QDateTime(created, QTime(9, 30), Qt::UTC);
    return t;
}

} // namespace

QJsonObject SandboxTemplate::contentJson(const QString &accountSid, const QString &base) const {
    const QString url = base + QStringLiteral("/v1/Content/") + sid;
    return {
        {QStringLiteral("date_created"), isoDate(created)},
        {QStringLiteral("date_updated"), isoDate(created)},
        {QStringLiteral("sid"), sid},
        {QStringLiteral("account_sid"), accountSid},
        {QStringLiteral("friendly_name"), friendlyName},
        {QStringLiteral("language"), language},
        {QStringLiteral("variables"), variables},
        {QStringLiteral("types"), types},
        {QStringLiteral("url"), url},
        {QStringLiteral("links"), QJsonObject{{QStringLiteral("approval_create"),
                                               url + QStringLiteral("/ApprovalRequests/whatsapp")},
                                              {QStringLiteral("approval_fetch"),
                                               url + QStringLiteral("/ApprovalRequests")}}}};
}

QJsonObject SandboxTemplate::contentAndApprovalsJson(const QString &accountSid) const {
    return {{QStringLiteral("date_created"), isoDate(created)},
            {QStringLiteral("date_updated"), isoDate(created)},
            {QStringLiteral("sid"), sid},
            {QStringLiteral("account_sid"), accountSid},
            {QStringLiteral("friendly_name"), friendlyName},
            {QStringLiteral("language"), language},
            {QStringLiteral("variables"), variables},
            {QStringLiteral("types"), types},
            {QStringLiteral("approval_requests"),
             QJsonObject{{QStringLiteral("name"), friendlyName},
                         {QStringLiteral("category"), category},
                         {QStringLiteral("content_type"), contentType},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("rejection_reason"), rejectionReason},
                         {QStringLiteral("allow_category_change"), false}}}};
}

QJsonObject SandboxTemplate::approvalFetchJson(const QString &accountSid,
                                               const QString &base) const {
    return {
        {QStringLiteral("sid"), sid},
        {QStringLiteral("account_sid"), accountSid},
        {QStringLiteral("whatsapp"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("whatsapp")},
                     {QStringLiteral("name"), friendlyName},
                     {QStringLiteral("category"), category},
                     {QStringLiteral("content_type"), contentType},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("rejection_reason"), rejectionReason},
                     {QStringLiteral("allow_category_change"), false}}},
        {QStringLiteral("url"), base + QStringLiteral("/v1/Content/%1/ApprovalRequests").arg(sid)}};
}

const QList<SandboxTemplate> &SandboxTemplates::all() {
    static const QList<SandboxTemplate> templates = [] {
        QList<SandboxTemplate> list;
        const QString approved = QStringLiteral("approved");
        const QString utility = QStringLiteral("UTILITY");
        const QString textType = QStringLiteral("twilio/text");
        list.append(make(orderUpdate(), QStringLiteral("order_update"),
                         {{QStringLiteral("1"), QStringLiteral("Alex")},
                          {QStringLiteral("2"), QStringLiteral("#10234")},
                          {QStringLiteral("3"), QStringLiteral("Friday")}},
                         text(QStringLiteral("Hi {{1}}, your order {{2}} has shipped and should "
                                             "arrive by {{3}}. Reply to this message if you have "
                                             "any questions.")),
                         approved, utility, textType, QDate(2026, 1, 12)));

        const QString reminder = QStringLiteral("Hello {{1}}, this is a reminder of your "
                                                "appointment on {{2}} at {{3}}. Can you make it?");
        QJsonObject reminderTypes = text(reminder);
        reminderTypes.insert(
            QStringLiteral("twilio/quick-reply"),
            QJsonObject{
                {QStringLiteral("body"), reminder},
                {QStringLiteral("actions"),
                 QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Confirm")},
                                        {QStringLiteral("id"), QStringLiteral("confirm")}},
                            QJsonObject{{QStringLiteral("title"), QStringLiteral("Reschedule")},
                                        {QStringLiteral("id"), QStringLiteral("reschedule")}}}}});
        list.append(make(appointmentReminder(), QStringLiteral("appointment_reminder"),
                         {{QStringLiteral("1"), QStringLiteral("Sam")},
                          {QStringLiteral("2"), QStringLiteral("12 March")},
                          {QStringLiteral("3"), QStringLiteral("10:30")}},
                         reminderTypes, approved, utility, QStringLiteral("twilio/quick-reply"),
                         QDate(2026, 1, 20)));

        list.append(make(supportFollowUp(), QStringLiteral("support_follow_up"),
                         {{QStringLiteral("1"), QStringLiteral("Alex")},
                          {QStringLiteral("2"), QStringLiteral("4711")}},
                         text(QStringLiteral("Hi {{1}}, we have an update on your support request "
                                             "{{2}}. Reply to this message to continue the "
                                             "conversation.")),
                         approved, utility, textType, QDate(2026, 2, 3)));

        list.append(make(springSale(), QStringLiteral("spring_sale"),
                         {{QStringLiteral("1"), QStringLiteral("Alex")},
                          {QStringLiteral("2"), QStringLiteral("20%")}},
                         text(QStringLiteral("{{1}}, our spring sale starts today: {{2}} off "
                                             "everything until Sunday. Reply STOP to opt out.")),
                         QStringLiteral("pending"), QStringLiteral("MARKETING"), textType,
                         QDate(2026, 3, 1)));

        SandboxTemplate overdue =
            make(paymentOverdue(), QStringLiteral("payment_overdue"),
                 {{QStringLiteral("1"), QStringLiteral("Alex")},
                  {QStringLiteral("2"), QStringLiteral("$42.00")},
                  {QStringLiteral("3"), QStringLiteral("https://pay.example.com/inv/42")}},
                 text(QStringLiteral("{{1}}, your payment of {{2}} is overdue. Pay now at {{3}}")),
                 QStringLiteral("rejected"), utility, textType, QDate(2026, 3, 4));
        overdue.rejectionReason = QStringLiteral(
            "INVALID_FORMAT: Variables can't be at the start or end of the template.");
        list.append(overdue);
        return list;
    }();
    return templates;
}

const SandboxTemplate *SandboxTemplates::find(const QString &sid) {
    for (const SandboxTemplate &t : all()) {
        if (t.sid == sid)
            return &t;
    }
    return nullptr;
}

} // namespace sb
