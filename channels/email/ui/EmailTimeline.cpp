#include "EmailTimeline.h"

#include "EmailTableModel.h"
#include "common/Accessibility.h"
#include "common/SchemeColors.h"
#include "common/TimeFormat.h"
#include "email/EmailChannel.h"
#include "email/EmailStatuses.h"

#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace sb {

namespace {

// SendGrid's timestamps have whole seconds: the date only when it is not today.
QString timeOf(const QDateTime &at) {
    if (!at.isValid())
        return QStringLiteral("--:--:--");
    const QDateTime local = at.toLocalTime();
    return local.date() == QDate::currentDate()
               ? local.toString(QStringLiteral("HH:mm:ss"))
               : local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

EmailTimeline::EmailTimeline(ChannelStatuses statuses, QWidget *parent)
    : QWidget(parent)
    , m_statuses(std::move(statuses))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_list(new QListWidget(this)) {
    m_title->setObjectName(QStringLiteral("emailTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("emailStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setObjectName(QStringLiteral("emailTimeline"));
    m_list->setWordWrap(true);
    Accessibility::describe(m_list, tr("Email timeline"),
                            tr("Everything that happened to the selected email, with its time: "
                               "SendGrid's delivery events, opens and clicks."));
    const QFontMetrics fm(font());
    m_list->setMinimumHeight(3 * fm.lineSpacing() + 8);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    showEmail(EmailRecord{});
}

QString EmailTimeline::eventLabel(const QString &event) const {
    if (event == QLatin1String("open"))
        return tr("Opened");
    if (event == QLatin1String("click"))
        return tr("Clicked a link");
    if (event == QLatin1String("unsubscribe"))
        return tr("Unsubscribed");
    if (event == QLatin1String("group_unsubscribe"))
        return tr("Unsubscribed from the group");
    if (event == QLatin1String("group_resubscribe"))
        return tr("Resubscribed to the group");
    return m_statuses.info(QString(EmailChannel::Id), event).label;
}

void EmailTimeline::showEmail(const EmailRecord &email) {
    m_emailId = email.emailId;
    m_list->clear();
    if (email.emailId.isEmpty()) {
        m_title->setText(tr("Select an email to see its timeline."));
        m_status->clear();
        m_status->hide();
        return;
    }
    const QString subject = email.request.value(QLatin1String("subject")).toString();
    m_title->setText(tr("“%1” to %2")
                         .arg(subject.isEmpty() ? tr("(no subject)") : subject,
                              EmailTableModel::addresses(email)));
    const StatusInfo info = m_statuses.info(QString(EmailChannel::Id), email.status);
    QString status = tr("%1: %2").arg(info.label, info.meaning);
    if (!email.error.isEmpty())
        status += QLatin1Char('\n') + email.error;
    m_status->setText(status);
    SchemeColors::setTone(m_status, info.tone == StatusTone::Failure ? Tone::Error : Tone::Faint);
    m_status->show();

    auto *stored = new QListWidgetItem(
        tr("%1  Stored, handed to SendGrid").arg(timeOf(email.createdAt)), m_list);
    stored->setData(Qt::UserRole, QStringLiteral("stored"));
    stored->setToolTip(TimeFormat::full(email.createdAt));
    for (const EmailEvent &e : email.events) {
        QString text = QStringLiteral("%1  %2").arg(timeOf(e.at), eventLabel(e.event));
        if (!e.reason.isEmpty())
            text += QStringLiteral(" — ") + e.reason;
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, e.event);
        QString tip = TimeFormat::full(e.at);
        if (!e.address.isEmpty())
            tip += QLatin1Char('\n') + tr("Recipient: %1").arg(e.address);
        if (EmailStatuses::isStatusEvent(e.event))
            tip += QLatin1Char('\n') + m_statuses.info(QString(EmailChannel::Id), e.event).meaning;
        item->setToolTip(tip);
    }
    if (email.events.isEmpty() && email.status == QLatin1String("failed") &&
        !email.error.isEmpty()) {
        auto *item = new QListWidgetItem(tr("Refused: %1").arg(email.error), m_list);
        item->setData(Qt::UserRole, QStringLiteral("failed"));
    }
}

QStringList EmailTimeline::events() const {
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        names << m_list->item(i)->data(Qt::UserRole).toString();
    return names;
}

} // namespace sb
