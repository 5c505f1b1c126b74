#include "ConversationView.h"

#include "MessageTableModel.h"
#include "common/StatusColors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QVBoxLayout>

namespace sb {

namespace {

// A chat bubble per message; the body column of MessageTableModel carries the record.
class BubbleDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int Margin = 8;
    static constexpr int Padding = 8;

    QRect textRect(const QStyleOptionViewItem &option, const MessageRecord &m) const {
        const int maxWidth = qMax(120, int(option.rect.width() * 0.7));
        const QFontMetrics fm(option.font);
        return fm.boundingRect(QRect(0, 0, maxWidth - 2 * Padding, 100000), Qt::TextWordWrap,
                               m.body);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        const auto m = index.data(MessageTableModel::RecordRole).value<MessageRecord>();
        const QFontMetrics fm(option.font);
        return {option.rect.width(),
                textRect(option, m).height() + 2 * Padding + fm.height() + 2 * Margin};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        const auto m = index.data(MessageTableModel::RecordRole).value<MessageRecord>();
        const bool outbound = m.direction != QLatin1String("inbound");
        const QFontMetrics fm(option.font);
        const QRect text = textRect(option, m);
        const int width =
            qMax(text.width(), fm.horizontalAdvance(QStringLiteral("00:00 ✓✓ delivered"))) +
            2 * Padding;
        const int height = text.height() + 2 * Padding + fm.height();
        const int x = outbound ? option.rect.right() - Margin - width : option.rect.left() + Margin;
        const QRect bubble(x, option.rect.top() + Margin, width, height);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool failed =
            m.status == QLatin1String("failed") || m.status == QLatin1String("undelivered");
        painter->setPen(Qt::NoPen);
        painter->setBrush(outbound ? (failed ? QColor(0xff, 0xeb, 0xee) : QColor(0xdc, 0xf8, 0xc6))
                                   : QColor(0xf0, 0xf0, 0xf0));
        painter->drawRoundedRect(bubble, 10, 10);
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(bubble.adjusted(Padding, Padding, -Padding, -Padding - fm.height()),
                          Qt::TextWordWrap, m.body);
        QString footer = QLocale().toString(m.createdAt.toLocalTime().time(), QLocale::ShortFormat);
        if (outbound)
            footer += QStringLiteral("  ") + StatusColors::tick(m.status) + QLatin1Char(' ') +
                      StatusColors::label(m.status);
        painter->setPen(outbound ? StatusColors::color(m.status)
                                 : option.palette.color(QPalette::PlaceholderText));
        painter->drawText(bubble.adjusted(Padding, 0, -Padding, -Padding / 2),
                          Qt::AlignRight | Qt::AlignBottom, footer);
        painter->restore();
    }
};

} // namespace

ConversationView::ConversationView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_model(new MessageTableModel(store, this))
    , m_oldestFirst(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_list(new QListView(this))
    , m_reply(new QLineEdit(this))
    , m_send(new QPushButton(tr("Reply"), this)) {
    m_oldestFirst->setSourceModel(m_model);
    m_oldestFirst->setSortRole(Qt::UserRole);
    m_oldestFirst->setDynamicSortFilter(true);
    m_oldestFirst->sort(MessageTableModel::Time, Qt::AscendingOrder);
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setModel(m_oldestFirst);
    m_list->setModelColumn(MessageTableModel::Body);
    m_list->setItemDelegate(new BubbleDelegate(m_list));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_reply->setObjectName(QStringLiteral("conversationReply"));
    m_reply->setPlaceholderText(tr("Reply…"));
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_reply, 1);
    replyRow->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addLayout(replyRow);

    connect(m_send, &QPushButton::clicked, this, &ConversationView::sendReply);
    connect(m_reply, &QLineEdit::returnPressed, this, &ConversationView::sendReply);
    // Newest at the bottom: follow new messages when the view was already at the bottom.
    connect(m_oldestFirst, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_list->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 4)
            QMetaObject::invokeMethod(m_list, &QListView::scrollToBottom, Qt::QueuedConnection);
    });
    setContact({});
}

void ConversationView::setContact(const QString &number) {
    m_contact = number;
    m_title->setText(number.isEmpty() ? tr("Select a message to see the conversation")
                                      : tr("Conversation with %1").arg(number));
    m_reply->setEnabled(!number.isEmpty());
    m_send->setEnabled(!number.isEmpty());
    MessageQuery query;
    query.contact = number.isEmpty() ? QStringLiteral("\x01none") : number;
    m_model->setQuery(query);
}

void ConversationView::sendReply() {
    const QString body = m_reply->text().trimmed();
    if (m_contact.isEmpty() || body.isEmpty())
        return;
    Q_EMIT replyRequested(m_contact, body);
    m_reply->clear();
}

} // namespace sb
