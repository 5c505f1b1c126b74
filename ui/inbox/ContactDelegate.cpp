#include "ContactDelegate.h"

#include "ContactListModel.h"
#include "common/SchemeColors.h"
#include "common/TimeFormat.h"
#include "inbox/Inbox.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace sb {

QString ContactDelegate::channelLetter(const QString &channel) {
    if (channel == QLatin1String("sms"))
        return QStringLiteral("S");
    if (channel == QLatin1String("whatsapp"))
        return QStringLiteral("W");
    if (channel == QLatin1String("voice"))
        return QStringLiteral("C");
    if (channel == QLatin1String("email"))
        return QStringLiteral("E");
    return channel.left(1).toUpper();
}

QString ContactDelegate::channelName(const QString &channel) {
    if (channel == QLatin1String("sms"))
        return tr("SMS");
    if (channel == QLatin1String("whatsapp"))
        return tr("WhatsApp");
    if (channel == QLatin1String("voice"))
        return tr("Call");
    if (channel == QLatin1String("email"))
        return tr("Email");
    if (channel == QLatin1String("note"))
        return tr("Note");
    return channel;
}

QSize ContactDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const {
    const QFontMetrics fm(option.font);
    return {fm.averageCharWidth() * 24, 2 * fm.lineSpacing() + 14};
}

void ContactDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const auto contact = index.data(ContactListModel::ContactRole).value<ContactSummary>();
    const QVariant snippetData = index.data(ContactListModel::SnippetRole);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &pal = opt.palette;
    const QColor background = selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base);
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor faint = selected ? text : SchemeColors::text(Tone::Faint, pal, background);

    painter->save();
    const QRect r = opt.rect.adjusted(8, 6, -8, -6);
    QFont nameFont = opt.font;
    nameFont.setBold(contact.unread > 0);
    const QFontMetrics nameFm(nameFont);
    const QFontMetrics fm(opt.font);
    const int line = fm.lineSpacing();

    // First line: name or number at the left, the time at the right.
    const QString time =
        contact.lastAt.isValid() ? TimeFormat::brief(contact.lastAt.toLocalTime()) : QString();
    const int timeWidth = fm.horizontalAdvance(time);
    painter->setFont(opt.font);
    painter->setPen(faint);
    painter->drawText(QRect(r.right() - timeWidth, r.top(), timeWidth, line),
                      Qt::AlignRight | Qt::AlignVCenter, time);
    QString name = ContactListModel::label(contact);
    if (!contact.name.isEmpty() && !contact.number.isEmpty())
        name += QStringLiteral("  ") + contact.number;
    painter->setFont(nameFont);
    painter->setPen(text);
    const int nameWidth = r.width() - timeWidth - 8;
    painter->drawText(QRect(r.left(), r.top(), nameWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                      nameFm.elidedText(name, Qt::ElideRight, nameWidth));

    // Second line, from the right: unread badge, opted-out mark, channel letters.
    const int y = r.top() + line + 2;
    int right = r.right();
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.85);
    const QFontMetrics smallFm(small);
    painter->setFont(small);
    if (contact.unread > 0) {
        const QString count =
            contact.unread > 99 ? QStringLiteral("99+") : QString::number(contact.unread);
        const int w = qMax(line, smallFm.horizontalAdvance(count) + 10);
        const QRect badge(right - w, y, w, line);
        const QColor fill = pal.color(QPalette::Highlight);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(selected ? QPen(text, 1) : Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badge, line / 2.0, line / 2.0);
        painter->setPen(SchemeColors::readable(pal.color(QPalette::HighlightedText), fill));
        painter->drawText(badge, Qt::AlignCenter, count);
        right = badge.left() - 6;
    }
    if (!contact.optedOutOf.isEmpty()) {
        const QString mark = tr("opted out");
        const int w = smallFm.horizontalAdvance(mark) + 8;
        const QRect box(right - w, y, w, line);
        const SchemeColors::Pair warn = SchemeColors::banner(pal, Tone::Error);
        painter->setPen(selected ? text : warn.text);
        painter->setBrush(selected ? Qt::NoBrush : QBrush(warn.background));
        painter->drawRoundedRect(box.adjusted(0, 1, 0, -1), 3, 3);
        painter->drawText(box, Qt::AlignCenter, mark);
        right = box.left() - 6;
    }
    if (!contact.assignee.isEmpty()) {
        // Whose it is, short: a name elided to a few characters keeps the preview readable.
        const QString who = smallFm.elidedText(QStringLiteral("→ ") + contact.assignee,
                                               Qt::ElideRight, smallFm.averageCharWidth() * 12);
        const int w = smallFm.horizontalAdvance(who) + 4;
        painter->setPen(faint);
        painter->drawText(QRect(right - w, y, w, line), Qt::AlignRight | Qt::AlignVCenter, who);
        right -= w + 6;
    }
    const auto others = index.data(ContactListModel::PresenceRole).value<QList<Presence>>();
    if (!others.isEmpty()) {
        // A colleague in it now, by first name (one replying comes first), and how many more:
        // seen before the agent opens a conversation somebody is already answering.
        const Presence &first = others.first();
        const bool replying = first.state == Inbox::Replying;
        const QString name = first.agent.section(QLatin1Char(' '), 0, 0);
        QString mark = replying ? tr("%1 replying").arg(name) : tr("%1 viewing").arg(name);
        if (others.size() > 1)
            mark += QStringLiteral(" +%1").arg(others.size() - 1);
        mark = smallFm.elidedText(mark, Qt::ElideMiddle, smallFm.averageCharWidth() * 16);
        const int w = smallFm.horizontalAdvance(mark) + 4;
        painter->setPen(selected || !replying ? faint
                                              : SchemeColors::text(Tone::Warning, pal, background));
        painter->drawText(QRect(right - w, y, w, line), Qt::AlignRight | Qt::AlignVCenter, mark);
        right -= w + 6;
    }
    for (auto it = contact.channels.crbegin(); it != contact.channels.crend(); ++it) {
        const QString letter = channelLetter(*it);
        const int w = qMax(smallFm.horizontalAdvance(letter) + 6, line - 2);
        const QRect box(right - w, y + 1, w, line - 2);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(faint);
        painter->drawRoundedRect(box, 3, 3);
        painter->drawText(box, Qt::AlignCenter, letter);
        right = box.left() - 3;
    }

    // The last text, or the hit with its matches in bold, elided to what is left.
    const int width = right - 6 - r.left();
    if (width > 10) {
        painter->setFont(opt.font);
        painter->setPen(faint);
        if (snippetData.isValid()) {
            const auto snippet = snippetData.value<Snippet>();
            QFont bold = opt.font;
            bold.setBold(true);
            const QFontMetrics boldFm(bold);
            int x = r.left();
            int at = 0;
            auto draw = [&](const QString &piece, bool strong) {
                if (piece.isEmpty() || x >= r.left() + width)
                    return;
                const QFontMetrics &m = strong ? boldFm : fm;
                const int room = r.left() + width - x;
                QString shown = piece;
                if (m.horizontalAdvance(shown) > room)
                    shown = m.elidedText(piece, Qt::ElideRight, room);
                painter->setFont(strong ? bold : opt.font);
                painter->setPen(strong ? text : faint);
                painter->drawText(QRect(x, y, room, line), Qt::AlignLeft | Qt::AlignVCenter, shown);
                x += m.horizontalAdvance(shown);
            };
            QString flat = snippet.text;
            flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
            for (const auto &[start, length] : snippet.bold) {
                draw(flat.mid(at, start - at), false);
                draw(flat.mid(start, length), true);
                at = start + length;
            }
            draw(flat.mid(at), false);
        } else {
            QString last = ContactListModel::lastLine(contact);
            last.replace(QLatin1Char('\n'), QLatin1Char(' '));
            painter->drawText(QRect(r.left(), y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(last, Qt::ElideRight, width));
        }
    }
    painter->restore();
}

} // namespace sb
