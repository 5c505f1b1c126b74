#include "StatusBadgeDelegate.h"

#include "Icons.h"
#include "MessageTableModel.h"
#include "StatusColors.h"

#include <QApplication>
#include <QPainter>

namespace sb {

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const StatusTone tone = StatusTone(index.data(MessageTableModel::ToneRole).toInt());
    const SchemeColors::Pair colors = StatusBadgeDelegate::colors(tone);
    const QFontMetrics fm(opt.font);
    // The tone's icon before the label, in the label's colour: the status reads without colour.
    const int icon = fm.height() - 4;
    const int width = fm.horizontalAdvance(text) + 14 + icon + 3;
    const int height = fm.height() + 2;
    QRect badge(opt.rect.left() + 4, opt.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.background);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    const QRect iconRect(badge.left() + 7, badge.center().y() - icon / 2 + 1, icon, icon);
    Icons::status(tone, colors.text).paint(painter, iconRect);
    painter->setPen(colors.text);
    painter->drawText(badge.adjusted(7 + icon + 3, 0, -7, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      text);
    painter->restore();
}

SchemeColors::Pair StatusBadgeDelegate::colors(StatusTone tone) {
    return StatusColors::badge(tone);
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 22 + QFontMetrics(option.font).height();
    return size;
}

} // namespace sb
