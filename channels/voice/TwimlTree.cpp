#include "TwimlTree.h"

#include <QXmlStreamReader>

namespace sb {

int TwimlNode::intAttribute(const QString &key, int otherwise) const {
    bool ok = false;
    const int value = attributes.value(key).trimmed().toInt(&ok);
    return ok ? value : otherwise;
}

bool TwimlNode::boolAttribute(const QString &key, bool otherwise) const {
    const QString value = attributes.value(key).trimmed().toLower();
    if (value == QLatin1String("true"))
        return true;
    if (value == QLatin1String("false"))
        return false;
    return otherwise;
}

namespace {

// Reads the element the reader stands on (its start tag just read) up to its end tag.
TwimlNode readElement(QXmlStreamReader &xml) {
    TwimlNode node;
    node.name = xml.name().toString();
    for (const QXmlStreamAttribute &a : xml.attributes())
        node.attributes.insert(a.name().toString(), a.value().toString());
    while (xml.readNext() != QXmlStreamReader::Invalid) {
        if (xml.isStartElement())
            node.children.append(readElement(xml));
        else if (xml.isCharacters())
            node.text += xml.text();
        else if (xml.isEndElement())
            break;
    }
    node.text = node.text.trimmed();
    return node;
}

} // namespace

std::optional<TwimlNode> TwimlTree::parse(const QByteArray &document, QString *error) {
    QXmlStreamReader xml(document);
    std::optional<TwimlNode> root;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (root) {
                xml.raiseError(QStringLiteral("more than one root element"));
                break;
            }
            root = readElement(xml);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("the document is not well-formed XML: %1 (line %2)")
                     .arg(xml.errorString())
                     .arg(xml.lineNumber());
        return std::nullopt;
    }
    if (!root || root->name != QLatin1String("Response")) {
        *error = root ? QStringLiteral("its root element is <%1>, not <Response>").arg(root->name)
                      : QStringLiteral("the document is empty");
        return std::nullopt;
    }
    return root;
}

} // namespace sb
