#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace sb {

// A TwiML document as the sandbox reads it: the verbs under <Response>, each with its
// attributes, its text and its nested nouns or verbs (Gather's Say, Dial's Number).
struct TwimlNode {
    QString name;
    QHash<QString, QString> attributes;
    QString text; // trimmed
    QList<TwimlNode> children;

    QString attribute(const QString &key, const QString &otherwise = {}) const {
        return attributes.value(key, otherwise);
    }
    int intAttribute(const QString &key, int otherwise) const;
    bool boolAttribute(const QString &key, bool otherwise) const;
};

class TwimlTree {
public:
    // The <Response> element of `document`, or nullopt with why it is not TwiML.
    static std::optional<TwimlNode> parse(const QByteArray &document, QString *error);
};

} // namespace sb
