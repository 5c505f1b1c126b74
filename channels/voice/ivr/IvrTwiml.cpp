#include "IvrTwiml.h"

#include "providers/twilio/Twiml.h"
#include "voice/VoiceRoutes.h"

#include <QUrl>

namespace sb {

TwimlDocument IvrAnswer::document() const {
    TwimlBuilder doc(TwimlBuilder::Kind::Voice);
    for (const TwimlElement &verb : verbs)
        doc.add(verb);
    return doc.build();
}

IvrTwiml::IvrTwiml(IvrConfig config, qint64 version, QString publicBase, QString callerId)
    : m_config(std::move(config))
    , m_version(version)
    , m_publicBase(std::move(publicBase))
    , m_callerId(std::move(callerId)) {}

QString IvrTwiml::gatherUrl(const QString &node, const QString &extra) const {
    QString url = m_publicBase + VoiceRoutes::gatherResponse() + QStringLiteral("?v=") +
                  QString::number(m_version) + QStringLiteral("&node=") +
                  QString::fromLatin1(QUrl::toPercentEncoding(node));
    if (!extra.isEmpty())
        url += QLatin1Char('&') + extra;
    return url;
}

SayAttributes IvrTwiml::voiceAt(const QString &node) const {
    SayAttributes attributes;
    for (qsizetype i = 0; i <= node.size(); ++i) {
        const IvrMenu *m = m_config.menuAt(node.left(i));
        if (!m)
            continue;
        if (!m->voice.isEmpty())
            attributes.voice = m->voice;
        if (!m->language.isEmpty())
            attributes.language = m->language;
    }
    return attributes;
}

TwimlElement IvrTwiml::say(const QString &text, const QString &node) const {
    return Twiml::say(text, voiceAt(node));
}

QList<TwimlElement> IvrTwiml::menu(const QString &node, int silence,
                                   QList<TwimlElement> before) const {
    const IvrMenu *m = m_config.menuAt(node);
    if (!m)
        return {say(tr("Sorry, this menu is not available. Goodbye."), QString()), Twiml::hangup()};
    GatherAttributes gather;
    gather.input = QStringLiteral("dtmf");
    gather.numDigits = 1;
    gather.timeout = m->timeoutSeconds;
    gather.action = gatherUrl(node);
    gather.method = QStringLiteral("POST");
    // '#' would otherwise end the input empty-handed (Twilio's default finishOnKey), so an
    // option on '#' could never be chosen.
    gather.finishOnKey = QStringLiteral("");
    before.append(Twiml::gather(gather, {say(m->greeting, node)}));
    // Reached only when the Gather timed out with no key pressed.
    before.append(Twiml::redirect(gatherUrl(node, QStringLiteral("silence=%1").arg(silence + 1)),
                                  {.method = QStringLiteral("POST")}));
    return before;
}

IvrAnswer IvrTwiml::start(const QDateTime &now) const {
    if (m_config.hours && !m_config.hours->isOpen(now))
        return action(m_config.hours->closed, QString(), QStringLiteral("c"), false);
    return {menu(QString(), 0), std::nullopt, {}};
}

IvrAnswer IvrTwiml::next(const IvrStep &step) const {
    if (step.step == QLatin1String("recorded"))
        return {{say(tr("Thank you, your message has been recorded. Goodbye."), step.node),
                 Twiml::hangup()},
                std::nullopt,
                {}};
    if (step.step == QLatin1String("dialled")) {
        if (step.dialStatus == QLatin1String("completed") ||
            step.dialStatus == QLatin1String("answered"))
            return {{Twiml::hangup()}, std::nullopt, {}};
        return {
            {say(tr("Sorry, nobody could take your call. Goodbye."), step.node), Twiml::hangup()},
            std::nullopt,
            {}};
    }
    const IvrMenu *m = m_config.menuAt(step.node);
    if (!m)
        return {menu(step.node, 0), std::nullopt, {}}; // says so and hangs up
    if (step.digits.isEmpty()) {
        const int silence = qMax(step.silence, 1);
        if (silence <= m->noInputRepeats)
            return {menu(step.node, silence), std::nullopt, {}};
        return action(m->noInput, step.node, step.node, true);
    }
    const QString digit = step.digits.left(1);
    const IvrOption *option = m->option(digit);
    if (!option)
        return {menu(step.node, 0, {say(m->invalidInput, step.node)}), std::nullopt, {}};
    return action(option->action, step.node, step.node + digit, true);
}

IvrAnswer IvrTwiml::action(const IvrAction &a, const QString &node, const QString &child,
                           bool canReturn) const {
    IvrAnswer answer;
    auto thenMenuOrHangup = [&] {
        if (a.thenMenu && canReturn)
            answer.verbs = menu(node, 0, answer.verbs);
        else
            answer.verbs.append(Twiml::hangup());
    };
    switch (a.type) {
    case IvrAction::Type::Say:
        answer.verbs.append(say(a.text, node));
        thenMenuOrHangup();
        break;
    case IvrAction::Type::Forward: {
        DialAttributes dial;
        dial.callerId = m_callerId;
        dial.timeout = a.timeoutSeconds;
        dial.action = gatherUrl(node, QStringLiteral("step=dialled"));
        dial.method = QStringLiteral("POST");
        if (a.record) {
            dial.record = QStringLiteral("record-from-answer");
            dial.recordingStatusCallback = m_publicBase + VoiceRoutes::recordingComplete();
            dial.recordingStatusCallbackMethod = QStringLiteral("POST");
            dial.recordingStatusCallbackEvent = {QStringLiteral("completed")};
        }
        answer.verbs.append(Twiml::dial(a.number, dial));
        break;
    }
    case IvrAction::Type::Voicemail: {
        RecordAttributes record;
        record.maxLength = a.maxLength;
        record.playBeep = a.playBeep;
        record.action = gatherUrl(node, QStringLiteral("step=recorded"));
        record.method = QStringLiteral("POST");
        record.recordingStatusCallback = m_publicBase + VoiceRoutes::recordingComplete();
        record.recordingStatusCallbackMethod = QStringLiteral("POST");
        record.recordingStatusCallbackEvent = {QStringLiteral("completed")};
        answer.verbs.append(say(a.prompt, node));
        answer.verbs.append(Twiml::record(record));
        break;
    }
    case IvrAction::Type::Submenu:
        answer.verbs = menu(child, 0);
        break;
    case IvrAction::Type::Sms:
        answer.sms = a.text;
        answer.smsKey = child;
        answer.verbs.append(say(a.confirmation.trimmed().isEmpty()
                                    ? tr("We have sent you a text message.")
                                    : a.confirmation,
                                node));
        thenMenuOrHangup();
        break;
    case IvrAction::Type::Hangup:
        if (!a.text.trimmed().isEmpty()) // blank: hang up without a word
            answer.verbs.append(say(a.text, node));
        answer.verbs.append(Twiml::hangup());
        break;
    }
    return answer;
}

} // namespace sb
