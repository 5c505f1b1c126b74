#pragma once

#include <QStyledItemDelegate>

namespace sb {

// Lays each cell's text out in its own writing direction (Arabic or Hebrew right to left,
// punctuation at the right end) instead of the view's, as the compose box already does.
class BidiTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace sb
