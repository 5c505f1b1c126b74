#pragma once

#include "ChannelUi.h"
#include "inbox/ReplyRoute.h"

namespace sb {

// The inbox's replies by SMS: at most 1600 characters (the counter says segments and
// encoding), from the configured number, through the durable outbox as the SMS tab sends.
class SmsReplyRoute : public ReplyRoute {
    Q_OBJECT
public:
    SmsReplyRoute(const ConsoleContext &context, QObject *parent = nullptr);

    QString channel() const override;
    QString title() const override;
    QString problem(const Contact &contact, const QString &body) const override;
    QString counter(const QString &body) const override;
    MediaLimits mediaLimits() const override { return MediaLimits::mms(); }
    void send(const QString &number, const QString &body, const Extras &extras, Done done) override;

private:
    Outbox *m_outbox;
    QString m_from;
};

} // namespace sb
