#include "MessageDetailDialog.h"

#include "SchemeColors.h"
#include "StatusColors.h"
#include "TimeFormat.h"
#include "db/Store.h"
#include "providers/twilio/TwilioError.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {

MessageDetailDialog::MessageDetailDialog(const MessageRecord &m, Store *store,
                                         const ChannelStatuses &statuses, QWidget *parent)
    : QDialog(parent)
    , m_timeline(new QTreeWidget(this)) {
    setWindowTitle(m.direction == QLatin1String("inbound") ? tr("Message from %1").arg(m.from)
                                                           : tr("Message to %1").arg(m.to));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(560, 480);

    auto *form = new QFormLayout;
    auto selectable = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    form->addRow(tr("From:"), selectable(m.from));
    form->addRow(tr("To:"), selectable(m.to));
    form->addRow(tr("Created:"), selectable(TimeFormat::full(m.createdAt)));
    form->addRow(tr("Twilio SID:"), selectable(m.sid.isEmpty() ? tr("none yet") : m.sid));
    const StatusInfo info = statuses.info(m);
    auto *status = new QLabel(info.label, this);
    QFont bold = status->font();
    bold.setBold(true);
    status->setFont(bold);
    status->setToolTip(info.meaning);
    SchemeColors::setTone(status, StatusColors::tone(info.tone));
    form->addRow(tr("Status:"), status);
    if (m.errorCode != 0 || !m.errorMessage.isEmpty()) {
        const QString text = m.errorCode
                                 ? QStringLiteral("%1 — %2 <a href='%3'>more</a>")
                                       .arg(m.errorCode)
                                       .arg(TwilioError::explain(m.errorCode).toHtmlEscaped(),
                                            TwilioError::docsLink(m.errorCode))
                                 : m.errorMessage.toHtmlEscaped();
        auto *error = new QLabel(text, this);
        error->setWordWrap(true);
        error->setAccessibleName(tr("Error"));
        SchemeColors::setTone(error, Tone::Error);
        error->setOpenExternalLinks(true);
        form->addRow(tr("Error:"), error);
    }
    auto *body = new QPlainTextEdit(m.body, this);
    body->setObjectName(QStringLiteral("detailBody"));
    body->setReadOnly(true);
    body->setAccessibleName(tr("Message text"));
    m_timeline->setObjectName(QStringLiteral("statusTimeline"));
    m_timeline->setHeaderLabels({tr("Received"), tr("Status"), tr("Error")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->setAccessibleName(tr("Status timeline"));
    m_timeline->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Message"), this));
    layout->addWidget(body, 1);
    layout->addWidget(new QLabel(tr("Status timeline (every callback, in arrival order)"), this));
    layout->addWidget(m_timeline, 1);
    layout->addWidget(buttons);

    if (!m.sid.isEmpty()) {
        // Holds its channels, so the model lives as long as the answer may come.
        const auto read = [this, statuses,
                           channel = m.channel](const StoreResult<QList<StatusEvent>> &events) {
            for (const StatusEvent &e : events.value) {
                const StatusInfo info = statuses.info(channel, e.status);
                // A status reconciliation fetched says so: Twilio's callback never came.
                const QString label = e.polled ? tr("%1 (polled)").arg(info.label) : info.label;
                auto *item = new QTreeWidgetItem(
                    m_timeline, {TimeFormat::precise(e.receivedAt), label,
                                 e.errorCode ? QString::number(e.errorCode) : QString()});
                item->setToolTip(0, TimeFormat::full(e.receivedAt));
                item->setToolTip(1, e.polled ? info.meaning + QLatin1Char(' ') +
                                                   tr("Learned by asking Twilio: its status "
                                                      "callback never arrived.")
                                             : info.meaning);
                item->setForeground(
                    1, StatusColors::text(info.tone, m_timeline->palette(),
                                          m_timeline->palette().color(QPalette::Base)));
                if (e.errorCode)
                    item->setToolTip(2, TwilioError::explain(e.errorCode));
            }
        };
        store->statusHistory(m.sid, this, read);
    }
}

} // namespace sb
