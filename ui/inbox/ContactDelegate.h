#pragma once

#include <QStyledItemDelegate>

namespace sb {

// Draws one contact row of the inbox in two lines: the name (bold while unread) or number and
// the time; under it the last text (or a search hit's snippet with the matched words in
// bold), elided, then the channels as short letters (S, W, C, E), whose it is, a colleague in
// it now ("Ben replying"), an opted-out mark and the unread badge. Colours come from the palette
// (SchemeColors), so a dark desktop stays readable.
class ContactDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The letter shown for a channel id ("sms" -> "S") and its name ("SMS").
    static QString channelLetter(const QString &channel);
    static QString channelName(const QString &channel);
};

} // namespace sb
