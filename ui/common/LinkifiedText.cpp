#include "LinkifiedText.h"

#include <QColor>
#include <QRegularExpression>
#include <QTextCharFormat>
#include <QTextCursor>

namespace sb {

void LinkifiedText::insert(QTextCursor &cursor, const QString &text, const QTextCharFormat &plain,
                           const QColor &linkColor) {
    static const QRegularExpression links(
        QStringLiteral(R"((?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'])"),
        QRegularExpression::CaseInsensitiveOption);
    int at = 0;
    for (auto it = links.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        cursor.insertText(text.mid(at, match.capturedStart() - at), plain);
        QString href = match.captured();
        if (href.startsWith(QLatin1String("www."), Qt::CaseInsensitive))
            href.prepend(QLatin1String("https://"));
        QTextCharFormat link = plain;
        link.setAnchor(true);
        link.setAnchorHref(href);
        link.setForeground(linkColor);
        link.setFontUnderline(true);
        link.setToolTip(href);
        cursor.insertText(match.captured(), link);
        at = int(match.capturedEnd());
    }
    cursor.insertText(text.mid(at), plain);
}

} // namespace sb
