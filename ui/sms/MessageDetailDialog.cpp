#include "MessageDetailDialog.h"

#include "common/StatusColors.h"
#include "store/Store.h"
#include "twilio/TwilioError.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {

MessageDetailDialog::MessageDetailDialog(const MessageRecord &m, Store *store, QWidget *parent)
    : QDialog(parent)
    , m_timeline(new QTreeWidget(this)) {
    setWindowTitle(tr("Message %1").arg(m.sid.isEmpty() ? tr("(not sent yet)") : m.sid));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(560, 480);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), new QLabel(m.from, this));
    form->addRow(tr("To:"), new QLabel(m.to, this));
    form->addRow(
        tr("Created:"),
        new QLabel(QLocale().toString(m.createdAt.toLocalTime(), QLocale::LongFormat), this));
    auto *status = new QLabel(QStringLiteral("<b style='color:%1'>%2</b>")
                                  .arg(StatusColors::color(m.status).name(),
                                       StatusColors::label(m.status).toHtmlEscaped()),
                              this);
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
        error->setOpenExternalLinks(true);
        form->addRow(tr("Error:"), error);
    }
    auto *body = new QPlainTextEdit(m.body, this);
    body->setReadOnly(true);
    m_timeline->setObjectName(QStringLiteral("statusTimeline"));
    m_timeline->setHeaderLabels({tr("Received"), tr("Status"), tr("Error")});
    m_timeline->setRootIsDecorated(false);
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
        store->statusHistory(m.sid, this, [this](const StoreResult<QList<StatusEvent>> &events) {
            for (const StatusEvent &e : events.value) {
                auto *item = new QTreeWidgetItem(
                    m_timeline, {QLocale().toString(e.receivedAt.toLocalTime(),
                                                    QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                                 StatusColors::label(e.status),
                                 e.errorCode ? QString::number(e.errorCode) : QString()});
                item->setForeground(1, StatusColors::color(e.status));
                if (e.errorCode)
                    item->setToolTip(2, TwilioError::explain(e.errorCode));
            }
        });
    }
}

} // namespace sb
