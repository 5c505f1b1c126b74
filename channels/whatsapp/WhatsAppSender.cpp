#include "WhatsAppSender.h"

#include "WhatsAppAddress.h"
#include "WhatsAppChannel.h"
#include "WhatsAppContacts.h"
#include "WhatsAppLogging.h"
#include "WhatsAppRoutes.h"
#include "providers/twilio/ContentClient.h"

#include <QRegularExpression>

namespace sb {

namespace {

const QString To = QStringLiteral("to");
const QString From = QStringLiteral("from");
const QString Body = QStringLiteral("body");
const QString ContentSid = QStringLiteral("contentSid");
const QString ContentVariables = QStringLiteral("contentVariables");

QString braces(const QStringList &keys) {
    QStringList out;
    for (const QString &key : keys)
        out.append(QStringLiteral("{{%1}}").arg(key));
    return out.join(QStringLiteral(", "));
}

} // namespace

// One send on its way through the steps below; shared by the callbacks of each step.
struct WhatsAppSender::Attempt {
    WhatsAppSendRequest request;
    Receiver receiver;
    Done done;
    WhatsAppSendResult result;
    QString body;             // what the message reads: the text, or the filled-in template
    QString contentVariables; // JSON, for Twilio
};

WhatsAppSender::WhatsAppSender(Store *store, Outbox *outbox, ContentClient *content,
                               ServiceWindow::Clock clock, QString defaultFrom, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_outbox(outbox)
    , m_content(content)
    , m_clock(std::move(clock))
    , m_defaultFrom(std::move(defaultFrom)) {
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
}

bool WhatsAppSender::isContentSid(const QString &sid) {
    static const QRegularExpression pattern(QStringLiteral("^HX[0-9a-fA-F]{32}$"));
    return pattern.match(sid).hasMatch();
}

QList<QPair<QString, QString>> WhatsAppSender::check(WhatsAppSendRequest *request) const {
    QList<QPair<QString, QString>> errors;
    const WhatsAppAddressCheck to = WhatsAppAddress::check(request->to);
    if (request->to.trimmed().isEmpty())
        errors.append({To, tr("Enter the customer's WhatsApp number, e.g. "
                              "whatsapp:+14155550100.")});
    else if (!to.valid)
        errors.append({To, to.reason});
    else
        request->to = to.address;

    const QString fromInput = request->from.trimmed().isEmpty() ? m_defaultFrom : request->from;
    if (fromInput.isEmpty()) {
        errors.append({From, tr("No 'from' given and TWILIO_WHATSAPP_NUMBER is not set.")});
    } else {
        const WhatsAppAddressCheck from = WhatsAppAddress::check(fromInput);
        if (from.valid)
            request->from = from.address;
        else
            errors.append({From, from.reason});
    }

    const bool isTemplate = !request->contentSid.isEmpty();
    if (isTemplate && !isContentSid(request->contentSid))
        errors.append({ContentSid, tr("A Content template's SID is HX followed by 32 hexadecimal "
                                      "characters.")});
    if (isTemplate && !request->mediaUrls.isEmpty())
        errors.append({QStringLiteral("mediaUrl"),
                       tr("A template's media comes from the template: leave 'mediaUrl' out "
                          "when giving 'contentSid'.")});
    if (isTemplate && !request->body.isEmpty())
        errors.append({Body, tr("A template's text comes from the template: leave 'body' out "
                                "when giving 'contentSid', and fill its variables in "
                                "'contentVariables'.")});
    else if (!isTemplate && request->body.trimmed().isEmpty() && request->mediaUrls.isEmpty())
        errors.append({Body, tr("The message body is empty (give a body, mediaUrl, or both). "
                                "Outside the 24-hour window send an approved template "
                                "instead: 'contentSid' and 'contentVariables'.")});
    else if (request->body.size() > MaxBodyCharacters)
        errors.append({Body, tr("The body has %1 characters; Twilio accepts at most %2.")
                                 .arg(request->body.size())
                                 .arg(MaxBodyCharacters)});

    if (!request->contentVariables.isEmpty() && !isTemplate) {
        errors.append({ContentVariables, tr("Variables belong to a template: give its "
                                            "'contentSid' too.")});
    } else {
        QStringList badKeys;
        QStringList empty;
        for (auto it = request->contentVariables.cbegin(); it != request->contentVariables.cend();
             ++it) {
            if (TemplateVariables::placeholdersIn(QStringLiteral("{{%1}}").arg(it.key())) !=
                QStringList{it.key()})
                badKeys.append(it.key());
            else if (it.value().trimmed().isEmpty())
                empty.append(it.key());
        }
        if (!badKeys.isEmpty())
            errors.append({ContentVariables,
                           tr("'%1' cannot be a template variable: keys are the placeholders' "
                              "names, e.g. \"1\" for {{1}}.")
                               .arg(badKeys.join(QStringLiteral("', '")))});
        if (!empty.isEmpty())
            errors.append({ContentVariables, tr("%1 is empty: every variable needs a value "
                                                "(Twilio refuses empty ones, error 21656).")
                                                 .arg(braces(empty))});
    }
    return errors;
}

void WhatsAppSender::send(WhatsAppSendRequest request, Receiver receiver, Done done) {
    auto a = std::make_shared<Attempt>();
    a->request = std::move(request);
    a->receiver = std::move(receiver);
    a->done = std::move(done);
    a->result.fieldErrors = check(&a->request);
    if (!a->result.fieldErrors.isEmpty())
        return finish(a);
    WhatsAppContacts::lastInbound(
        m_store, a->request.to, a->request.from, this,
        [this, a](const StoreResult<QDateTime> &last) {
            if (!last.ok())
                return lookupFailed(
                    a, TwilioError::local(
                           tr("the 24-hour window could not be read: %1").arg(last.error)));
            a->result.window = ServiceWindow::at(last.value, m_clock());
            withWindow(a);
        });
}

void WhatsAppSender::withWindow(const AttemptPtr &a) {
    if (!a->request.contentSid.isEmpty())
        return resolveTemplate(a);
    // A scheduled message meets the window when it goes (the outbox checks it then).
    if (!a->result.window.isOpen() && !a->request.sendAt.isValid())
        return refuse(a, ServiceWindow::ClosedErrorCode, Body, a->result.window.reason());
    a->body = a->request.body;
    enqueue(a);
}

void WhatsAppSender::resolveTemplate(const AttemptPtr &a) {
    if (a->request.contentTemplate && a->request.contentTemplate->sid == a->request.contentSid)
        return withTemplate(a, *a->request.contentTemplate);
    if (!m_content)
        return lookupFailed(a, TwilioError::local(tr("no Content API client")));
    QMetaObject::invokeMethod(m_content, [this, a, content = m_content, me = Receiver(this)] {
        content->fetchTemplate(
            a->request.contentSid, me, [this, a](const TwilioResult<ContentTemplate> &found) {
                if (found.ok())
                    return withTemplate(a, found.value);
                if (found.error.kind == TwilioError::Kind::Http && found.error.httpStatus == 404)
                    return refuse(a, 21655, ContentSid, TwilioError::explain(21655));
                lookupFailed(a, found.error);
            });
    });
}

void WhatsAppSender::withTemplate(const AttemptPtr &a, const ContentTemplate &contentTemplate) {
    const TemplateVariables variables(contentTemplate);
    QStringList unknown;
    TemplateVariables::Values values = variables.prefilled();
    for (auto it = a->request.contentVariables.cbegin(); it != a->request.contentVariables.cend();
         ++it) {
        if (!variables.keys().contains(it.key()))
            unknown.append(it.key());
        values.insert(it.key(), it.value());
    }
    if (!unknown.isEmpty())
        return refuse(a, 21656, ContentVariables,
                      tr("The template \"%1\" has no %2; its variables are: %3.")
                          .arg(contentTemplate.friendlyName, braces(unknown),
                               variables.isEmpty() ? tr("none") : braces(variables.keys())));
    if (const QStringList missing = variables.missing(values); !missing.isEmpty())
        return refuse(a, 21656, ContentVariables,
                      tr("The template \"%1\" needs a value for %2, and it has no default.")
                          .arg(contentTemplate.friendlyName, braces(missing)));
    a->body = TemplateVariables::render(contentTemplate.body, values);
    a->contentVariables = variables.contentVariablesJson(values);

    // Inside the window WhatsApp takes any template, as it takes free text.
    if (a->result.window.isOpen() || contentTemplate.approval.canSend())
        return enqueue(a);
    if (contentTemplate.approval.status != ContentApproval::Status::Unknown)
        return refuse(a, ServiceWindow::ClosedErrorCode, ContentSid,
                      contentTemplate.approval.explanation());
    if (!m_content)
        return lookupFailed(a, TwilioError::local(tr("no Content API client")));
    QMetaObject::invokeMethod(m_content, [this, a, content = m_content, me = Receiver(this)] {
        content->fetchApproval(a->request.contentSid, me,
                               [this, a](const TwilioResult<ContentApproval> &approval) {
                                   if (!approval.ok())
                                       return lookupFailed(a, approval.error);
                                   if (!approval.value.canSend())
                                       return refuse(a, ServiceWindow::ClosedErrorCode, ContentSid,
                                                     approval.value.explanation());
                                   enqueue(a);
                               });
    });
}

void WhatsAppSender::enqueue(const AttemptPtr &a) {
    OutboundDraft draft;
    draft.channel = WhatsAppChannel::Id;
    draft.to = a->request.to;
    draft.from = a->request.from;
    draft.body = a->body;
    draft.contentSid = a->request.contentSid;
    draft.contentVariables = a->contentVariables;
    draft.mediaUrls = a->request.mediaUrls;
    draft.statusCallback = WhatsAppRoutes::status();
    draft.clientRef = a->request.clientRef;
    draft.segments = 1;
    draft.sendAt = a->request.sendAt;
    draft.agent = a->request.agent;
    QMetaObject::invokeMethod(m_outbox, [a, draft, outbox = m_outbox, me = Receiver(this)] {
        outbox->send(draft, me, [a](const SendOutcome &outcome) {
            a->result.kind = WhatsAppSendResult::Kind::Handed;
            a->result.outcome = outcome;
            finish(a);
        });
    });
}

void WhatsAppSender::refuse(const AttemptPtr &a, int code, const QString &field,
                            const QString &reason) {
    qCInfo(lcWhatsApp).nospace() << "message refused before sending, as WhatsApp would (" << code
                                 << ")";
    a->result.kind = WhatsAppSendResult::Kind::Refused;
    a->result.code = code;
    a->result.field = field;
    a->result.reason = reason;
    finish(a);
}

void WhatsAppSender::lookupFailed(const AttemptPtr &a, const TwilioError &error) {
    a->result.kind = WhatsAppSendResult::Kind::LookupFailed;
    a->result.lookupError = error;
    finish(a);
}

void WhatsAppSender::finish(const AttemptPtr &a) {
    a->receiver.post([done = a->done, result = a->result] {
        if (done)
            done(result);
    });
}

} // namespace sb
