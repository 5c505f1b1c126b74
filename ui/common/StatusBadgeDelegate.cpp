#include "StatusBadgeDelegate.h"

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

    const SchemeColors::Pair colors =
        StatusBadgeDelegate::colors(StatusTone(index.data(MessageTableModel::ToneRole).toInt()));
    const QFontMetrics fm(opt.font);
    const int width = fm.horizontalAdvance(text) + 14;
    const int height = fm.height() + 2;
    QRect badge(opt.rect.left() + 4, opt.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.background);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(colors.text);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

SchemeColors::Pair StatusBadgeDelegate::colors(StatusTone tone) {
    return StatusColors::badge(tone);
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 22;
    return size;
}

} // namespace sb
