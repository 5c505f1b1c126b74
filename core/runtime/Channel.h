#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "inbox/ThreadSource.h"
#include "messaging/PolledInbound.h"
#include "messaging/StatusModel.h"

#include <memory>

namespace sb {

struct ChannelContext;
class OutboxCheck;
class OutboxSender;
class SandboxContext;
struct OutboxSenderContext;

// A webhook this channel serves, for the start-up log, the README and the Account tab.
struct WebhookEndpoint {
    QString path;    // e.g. "/twilio/incoming-sms"
    QString purpose; // one line for a person: where in Twilio's console this URL goes
    // The phone number setting that holds this URL when a number is wired to the console
    // (IncomingPhoneNumbers' SmsUrl, VoiceUrl, StatusCallback); empty when none does.
    QString numberSetting = {};
};

// One way of talking to customers (SMS, WhatsApp, voice, email) as a module. The runtime knows
// channels only through this interface; everything that is only the channel's own (its routes,
// tables, status model, sandbox part, tests, tab) lives in its folder, channels/<id>/.
// Adding a channel is that folder plus one line in channels/CMakeLists.txt. A channel object
// holds no state of its own: what its routes need lives in the objects addRoutes() makes.
class Channel {
public:
    virtual ~Channel() = default;

    // The name stored with its records ("sms") and used in URLs and settings.
    virtual QString id() const = 0;
    virtual QString displayName() const = 0;

    // Its statuses: rank, final, label, tone and plain-words meaning.
    virtual const StatusModel &statuses() const = 0;

    // Tables only this channel uses: schema steps applied in order, once each, recorded
    // under the channel's id (see Store::addSchema).
    virtual QList<QStringList> schema() const { return {}; }

    // Its webhooks under /twilio/ and its local-API routes under /api/v1/twilio/. Called on the
    // server thread before the port takes connections; the context stays valid while it runs.
    virtual void addRoutes(ChannelContext &context) const = 0;

    // How the outbox sends this channel's entries, when not as Twilio messages (the default):
    // a sender made on the network thread and owned by context.parent (a QObject child of it),
    // or null for the default. Called once per service, before the outbox resumes.
    virtual OutboxSender *makeOutboxSender(const OutboxSenderContext &context) const {
        (void)context;
        return nullptr;
    }

    // A rule of this channel's the outbox applies just before each send, immediate or scheduled
    // (e.g. WhatsApp's 24-hour window for a scheduled message), made and owned as a sender is;
    // null for none.
    virtual OutboxCheck *makeOutboxCheck(const OutboxSenderContext &context) const {
        (void)context;
        return nullptr;
    }

    // Its part of the offline sandbox (sandbox mode only), on the sandbox's thread.
    virtual void addToSandbox(SandboxContext &context) const { (void)context; }

    virtual QList<WebhookEndpoint> webhooks() const { return {}; }

    // How its inbound messages are stored when they were learned by polling Twilio instead of
    // through its webhook (see PolledInbound); none: its addresses' messages are not stored so.
    virtual QList<PolledInbound> polledInbound() const { return {}; }

    // Its records in a contact's merged inbox thread (calls, emails): SQL on its own tables
    // yielding the standard thread columns (see ThreadSource). Messages (the `messages` table)
    // are the inbox's own and need none.
    virtual QList<ThreadSource> threadSources() const { return {}; }

    // Steps that keep the inbox's contacts current from this channel's own tables (e.g.
    // WhatsApp's profile names filling contacts.name): applied after the inbox's schema and
    // the channel's own, recorded under "<id>.inbox" (see Inbox::schemas()).
    virtual QList<QStringList> contactSchema() const { return {}; }
};

// Channels are immutable descriptions: one set is shared by every service the console builds.
using ChannelList = QList<std::shared_ptr<const Channel>>;

} // namespace sb
