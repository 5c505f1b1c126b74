#pragma once

#include "SchemeColors.h"
#include "messaging/StatusModel.h"

#include <QStyledItemDelegate>

namespace sb {

// Paints the status column as a coloured rounded badge: the status's tone (the model's ToneRole,
// from the message's channel's StatusModel) picks the colour (StatusColors::badge).
class StatusBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // What a badge is painted with: its own fill and white text, the same in every palette.
    static SchemeColors::Pair colors(StatusTone tone);
};

} // namespace sb
