#pragma once

class QColor;
class QString;
class QTextCharFormat;
class QTextCursor;

namespace sb {

// Plain text with its web links (http, https, www.) turned into anchors, for the rich-text
// threads (the conversation and the inbox), so a link in a customer's message opens.
class LinkifiedText {
public:
    static void insert(QTextCursor &cursor, const QString &text, const QTextCharFormat &plain,
                       const QColor &linkColor);
};

} // namespace sb
