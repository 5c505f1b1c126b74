#pragma once

#include "SchemeColors.h"

#include <QStyledItemDelegate>

namespace sb {

// Paints the status column as a coloured rounded badge (the model's StatusRole picks the colour).
class StatusBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // What a badge is painted with: its own fill and white text, the same in every palette.
    static SchemeColors::Pair colors(const QString &status);
};

} // namespace sb
