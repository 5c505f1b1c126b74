#include "TwimlBuilder.h"

#include <QHash>
#include <QSet>
#include <QXmlStreamWriter>

namespace sb {

namespace {

const QString ResponseName = QStringLiteral("Response");

// Where each element may stand, as Twilio's TwiML reference allows it.
QSet<QString> allowedIn(const QString &parent, TwimlBuilder::Kind kind) {
    if (parent == ResponseName) {
        if (kind == TwimlBuilder::Kind::Messaging)
            return {QStringLiteral("Message"), QStringLiteral("Redirect")};
        return {QStringLiteral("Say"),      QStringLiteral("Play"),   QStringLiteral("Pause"),
                QStringLiteral("Gather"),   QStringLiteral("Record"), QStringLiteral("Dial"),
                QStringLiteral("Redirect"), QStringLiteral("Hangup"), QStringLiteral("Reject"),
                QStringLiteral("Message"),  QStringLiteral("Enqueue")};
    }
    if (parent == QLatin1String("Gather"))
        return {QStringLiteral("Say"), QStringLiteral("Play"), QStringLiteral("Pause")};
    if (parent == QLatin1String("Dial"))
        return {QStringLiteral("Number"), QStringLiteral("Client"), QStringLiteral("Conference")};
    if (parent == QLatin1String("Message"))
        return {QStringLiteral("Body"), QStringLiteral("Media")};
    return {};
}

// Elements whose text is what they act on, so it cannot be left empty.
bool needsText(const QString &name) {
    static const QSet<QString> names{QStringLiteral("Redirect"), QStringLiteral("Number"),
                                     QStringLiteral("Client"),   QStringLiteral("Conference"),
                                     QStringLiteral("Media"),    QStringLiteral("Body"),
                                     QStringLiteral("Say")};
    return names.contains(name);
}

// Attribute values outside these sets are refused (by name, on any element).
const QHash<QString, QStringList> &enumerations() {
    static const QHash<QString, QStringList> values{
        {QStringLiteral("Reject/reason"), {QStringLiteral("rejected"), QStringLiteral("busy")}},
        {QStringLiteral("Dial/record"),
         {QStringLiteral("do-not-record"), QStringLiteral("record-from-answer"),
          QStringLiteral("record-from-ringing"), QStringLiteral("record-from-answer-dual"),
          QStringLiteral("record-from-ringing-dual")}},
        {QStringLiteral("Conference/record"),
         {QStringLiteral("do-not-record"), QStringLiteral("record-from-start")}},
        {QStringLiteral("*/trim"), {QStringLiteral("trim-silence"), QStringLiteral("do-not-trim")}},
        {QStringLiteral("Conference/beep"),
         {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("onEnter"),
          QStringLiteral("onExit")}},
        {QStringLiteral("Number/machineDetection"),
         {QStringLiteral("Enable"), QStringLiteral("DetectMessageEnd")}},
    };
    return values;
}

bool isMethodAttribute(const QString &name) {
    return name == QLatin1String("method") || name.endsWith(QLatin1String("Method"));
}

} // namespace

TwimlBuilder::TwimlBuilder(Kind kind)
    : m_kind(kind) {}

TwimlBuilder &TwimlBuilder::add(const TwimlElement &verb) {
    m_verbs.append(verb);
    return *this;
}

QString TwimlBuilder::xmlSafe(const QString &text) {
    // XML 1.0's Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c).append(text.at(i + 1));
            ++i;
            continue;
        }
        const char16_t u = c.unicode();
        const bool allowed = u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF) ||
                             (u >= 0xE000 && u <= 0xFFFD);
        if (allowed)
            out.append(c);
    }
    return out;
}

QString TwimlBuilder::check(const TwimlElement &e, const QString &parent,
                            const QString &where) const {
    const QString here = where + QStringLiteral(" > ") + e.name();
    if (!allowedIn(parent, m_kind).contains(e.name())) {
        if (parent == ResponseName && m_kind == Kind::Messaging)
            return tr("%1: a messaging response may contain only Message and Redirect, not %2.")
                .arg(here, e.name());
        if (parent == ResponseName)
            return tr("%1: %2 is not a TwiML voice verb.").arg(here, e.name());
        const QStringList allowed = allowedIn(parent, m_kind).values();
        if (allowed.isEmpty())
            return tr("%1: %2 cannot contain other elements.").arg(here, parent);
        QStringList sorted = allowed;
        sorted.sort();
        return tr("%1: %2 may contain only %3, not %4.")
            .arg(here, parent, sorted.join(QStringLiteral(", ")), e.name());
    }

    const QString text = xmlSafe(e.text()).trimmed();
    if (needsText(e.name()) && text.isEmpty())
        return tr("%1: %2 needs its text (what to say, dial or fetch).").arg(here, e.name());
    if (e.name() == QLatin1String("Play") && text.isEmpty() &&
        e.attribute(QStringLiteral("digits")).isEmpty())
        return tr("%1: Play needs a URL or digits.").arg(here);
    if (e.name() == QLatin1String("Enqueue") && text.isEmpty() &&
        e.attribute(QStringLiteral("workflowSid")).isEmpty())
        return tr("%1: Enqueue needs a queue name or a workflowSid.").arg(here);
    if (e.name() == QLatin1String("Dial")) {
        if (text.isEmpty() && e.children().isEmpty())
            return tr("%1: Dial needs a number or a Number, Client or Conference to dial.")
                .arg(here);
        if (!text.isEmpty() && !e.children().isEmpty())
            return tr("%1: Dial takes either a number as its text or nouns, not both.").arg(here);
        int conferences = 0;
        for (const TwimlElement &child : e.children())
            conferences += child.name() == QLatin1String("Conference");
        if (conferences > 0 && e.children().size() > 1)
            return tr("%1: a Conference must be the only noun in its Dial.").arg(here);
        if (e.children().size() > 10)
            return tr("%1: Dial rings at most 10 numbers or clients at once.").arg(here);
    }
    if (e.name() == QLatin1String("Message")) {
        if (!text.isEmpty() && !e.children().isEmpty())
            return tr("%1: Message takes either its text or Body and Media, not both.").arg(here);
        int bodies = 0;
        int media = 0;
        for (const TwimlElement &child : e.children())
            (child.name() == QLatin1String("Body") ? bodies : media) += 1;
        if (bodies > 1)
            return tr("%1: a Message has at most one Body.").arg(here);
        if (media > 10)
            return tr("%1: a Message carries at most 10 Media.").arg(here);
    }

    for (const auto &[name, value] : e.attributes()) {
        if (isMethodAttribute(name) && value != QLatin1String("GET") &&
            value != QLatin1String("POST"))
            return tr("%1: %2=\"%3\" must be GET or POST.").arg(here, name, value);
        const QHash<QString, QStringList> &sets = enumerations();
        for (const QString &key :
             {e.name() + QLatin1Char('/') + name, QStringLiteral("*/") + name}) {
            const auto it = sets.find(key);
            if (it != sets.end() && !it->contains(value))
                return tr("%1: %2=\"%3\" is not one of %4.")
                    .arg(here, name, value, it->join(QStringLiteral(", ")));
        }
        if (e.name() == QLatin1String("Gather") && name == QLatin1String("input")) {
            const QStringList tokens = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString &token : tokens)
                if (token != QLatin1String("dtmf") && token != QLatin1String("speech"))
                    return tr("%1: input=\"%2\" must be dtmf, speech or \"dtmf speech\".")
                        .arg(here, value);
        }
    }

    for (const TwimlElement &child : e.children()) {
        const QString error = check(child, e.name(), here);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

namespace {

void write(QXmlStreamWriter &xml, const TwimlElement &e) {
    xml.writeStartElement(e.name());
    for (const auto &[name, value] : e.attributes())
        xml.writeAttribute(name, TwimlBuilder::xmlSafe(value));
    if (!e.text().isEmpty())
        xml.writeCharacters(TwimlBuilder::xmlSafe(e.text()));
    for (const TwimlElement &child : e.children())
        write(xml, child);
    xml.writeEndElement();
}

} // namespace

TwimlDocument TwimlBuilder::build() const {
    TwimlDocument document;
    for (const TwimlElement &verb : m_verbs) {
        document.error = check(verb, ResponseName, ResponseName);
        if (!document.error.isEmpty())
            return document;
    }
    QXmlStreamWriter xml(&document.xml);
    xml.setAutoFormatting(false);
    xml.writeStartDocument(); // <?xml version="1.0" encoding="UTF-8"?>
    xml.writeStartElement(ResponseName);
    for (const TwimlElement &verb : m_verbs)
        write(xml, verb);
    xml.writeEndElement();
    xml.writeEndDocument();
    return document;
}

} // namespace sb
