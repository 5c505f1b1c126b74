#pragma once

#include "ServiceWindow.h"
#include "common/Receiver.h"
#include "outbox/Outbox.h"
#include "providers/twilio/ContentTemplate.h"
#include "providers/twilio/TemplateVariables.h"
#include "providers/twilio/TwilioError.h"

#include <QList>
#include <QObject>
#include <QPair>

#include <functional>
#include <memory>
#include <optional>

namespace sb {

class ContentClient;
class Store;

// One WhatsApp message to send: free text, or a Content template with its variables.
struct WhatsAppSendRequest {
    QString to;   // whatsapp:+E164, or +E164 (the prefix is added)
    QString from; // empty: the channel's default sender
    QString body; // free text; empty for a template
    QString contentSid;
    TemplateVariables::Values contentVariables;
    // The template as the caller already has it (the tab's picker lists them with their
    // approval): it is not looked up again. Ignored unless its sid is contentSid.
    std::optional<ContentTemplate> contentTemplate;
    QStringList mediaUrls; // MediaUrl: what Twilio fetches and sends (WhatsApp takes one)
    QString clientRef;     // the same ref never sends twice (Idempotency-Key)
    // Valid: scheduled for then (the window is judged then, by WhatsAppWindowCheck, not now).
    QDateTime sendAt;
    QString agent; // who sends it; empty: the outbox's own agent
};

struct WhatsAppSendResult {
    enum class Kind {
        Invalid,      // fieldErrors says what; nothing was asked of anyone
        Refused,      // WhatsApp would refuse it (code, reason): nothing was sent
        LookupFailed, // the template or the window could not be looked up: nothing was sent
        Handed,       // given to the outbox: `outcome` (Twilio may still have refused it)
    };
    Kind kind = Kind::Invalid;
    QList<QPair<QString, QString>> fieldErrors; // every invalid field at once: (field, reason)
    int code = 0; // Refused: Twilio's code for the same refusal (63016, 21655, 21656)
    QString field;
    QString reason;                // Refused: in plain words
    TwilioError lookupError;       // LookupFailed
    ServiceWindow::Reading window; // the window as it was read for this message
    SendOutcome outcome;           // Handed
};

// Sends WhatsApp messages through the durable outbox, refusing before any request to Twilio
// what WhatsApp would refuse:
// - outside the contact's 24-hour window (from their last inbound message to this sender, on
//   the injected clock) free text is refused with Twilio's 63016 and the reason in plain words;
// - a template is looked up on the Content API (unless the caller has it): an unknown one is
//   21655; its variables are checked against its placeholders (21656); outside the window only
//   an approved one goes (inside it WhatsApp takes any template, as it takes free text).
// A template goes out with ContentSid and ContentVariables, and its text as Twilio will fill it
// in is stored as the message's body, so the conversation shows it and a crash after the POST
// is reconciled against Twilio's copy rather than sent twice.
//
// Lives on one thread and is called there (the server thread for the local API, the GUI
// thread for a tab); the outbox and the Content API client are reached on their own thread.
class WhatsAppSender : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const WhatsAppSendResult &)>;

    WhatsAppSender(Store *store, Outbox *outbox, ContentClient *content, ServiceWindow::Clock clock,
                   QString defaultFrom, QObject *parent = nullptr);

    // Every problem with the fields at once, asking nobody; on success `request` holds the
    // normalised addresses (to and from as whatsapp:+E164, the default sender filled in).
    QList<QPair<QString, QString>> check(WhatsAppSendRequest *request) const;
    // `done` runs once, on the receiver's thread.
    void send(WhatsAppSendRequest request, Receiver receiver, Done done);

    QString defaultFrom() const { return m_defaultFrom; }

    static constexpr int MaxBodyCharacters = 1600; // Twilio's limit for Body
    static bool isContentSid(const QString &sid);

private:
    struct Attempt;
    using AttemptPtr = std::shared_ptr<Attempt>;
    void withWindow(const AttemptPtr &a);
    void resolveTemplate(const AttemptPtr &a);
    void withTemplate(const AttemptPtr &a, const ContentTemplate &contentTemplate);
    void enqueue(const AttemptPtr &a);
    void refuse(const AttemptPtr &a, int code, const QString &field, const QString &reason);
    void lookupFailed(const AttemptPtr &a, const TwilioError &error);
    static void finish(const AttemptPtr &a);

    Store *m_store;
    Outbox *m_outbox;
    ContentClient *m_content;
    ServiceWindow::Clock m_clock;
    QString m_defaultFrom;
};

} // namespace sb
