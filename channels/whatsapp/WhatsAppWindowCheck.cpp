#include "WhatsAppWindowCheck.h"

#include "ServiceWindow.h"
#include "WhatsAppChannel.h"
#include "WhatsAppContacts.h"

namespace sb {

WhatsAppWindowCheck::WhatsAppWindowCheck(Store *store, std::function<QDateTime()> clock,
                                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(std::move(clock)) {}

void WhatsAppWindowCheck::check(const OutboxEntry &entry, Checked done) {
    if (entry.message.channel != WhatsAppChannel::Id || !entry.sendAt.isValid() ||
        !entry.contentSid.isEmpty())
        return done({});
    WhatsAppContacts::lastInbound(
        m_store, entry.message.to, entry.message.from, this,
        [this, done](const StoreResult<QDateTime> &last) {
            if (!last.ok())
                return done(TwilioError::local(last.error));
            const ServiceWindow::Reading window = ServiceWindow::at(last.value, m_clock());
            if (window.isOpen())
                return done({});
            done(TwilioError::refusedLocally(ServiceWindow::ClosedErrorCode, window.reason()));
        });
}

} // namespace sb
