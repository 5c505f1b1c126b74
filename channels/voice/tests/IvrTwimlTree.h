#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

// A TwiML document as the tests read it back: parsed with QXmlStreamReader, never by looking
// at the text, so escaping is judged by what a parser (Twilio's) sees.
struct TwimlNode {
    QString name;
    QHash<QString, QString> attributes;
    QString text;
    QList<TwimlNode> children;

    // Every element's name in document order ("Response", "Gather", "Say", ...).
    QStringList names() const {
        QStringList out{name};
        for (const TwimlNode &c : children)
            out += c.names();
        return out;
    }
    // The first element called `wanted`, depth first; nullptr when none.
    const TwimlNode *find(const QString &wanted) const {
        if (name == wanted)
            return this;
        for (const TwimlNode &c : children)
            if (const TwimlNode *found = c.find(wanted))
                return found;
        return nullptr;
    }

    static TwimlNode parse(const QByteArray &xml, QString *error) {
        QXmlStreamReader reader(xml);
        QList<TwimlNode> stack{TwimlNode{}};
        while (!reader.atEnd()) {
            switch (reader.readNext()) {
            case QXmlStreamReader::StartElement: {
                TwimlNode n;
                n.name = reader.name().toString();
                for (const QXmlStreamAttribute &a : reader.attributes())
                    n.attributes.insert(a.name().toString(), a.value().toString());
                stack.append(n);
                break;
            }
            case QXmlStreamReader::Characters:
                stack.last().text += reader.text();
                break;
            case QXmlStreamReader::EndElement: {
                const TwimlNode done = stack.takeLast();
                stack.last().children.append(done);
                break;
            }
            default:
                break;
            }
        }
        if (reader.hasError())
            *error = reader.errorString();
        return stack.first().children.value(0);
    }
};
