#include "SendLaterDialog.h"

#include "SchemeColors.h"
#include "api/SendAt.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

SendLaterDialog::SendLaterDialog(QWidget *parent)
    : QDialog(parent)
    , m_picker(new QDateTimeEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Send later"));
    setObjectName(QStringLiteral("sendLaterDialog"));
    const QDateTime now = QDateTime::currentDateTime();
    m_picker->setObjectName(QStringLiteral("sendLaterPicker"));
    m_picker->setAccessibleName(tr("Send at"));
    m_picker->setCalendarPopup(true);
    m_picker->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_picker->setMinimumDateTime(now);
    m_picker->setMaximumDateTime(now.addDays(SendAt::MaxDays));
    m_picker->setDateTime(now.addSecs(3600));
    m_problem->setObjectName(QStringLiteral("sendLaterProblem"));
    m_problem->setWordWrap(true);
    SchemeColors::setTone(m_problem, Tone::Error);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Schedule"));
    auto *label = new QLabel(tr("Send at (%1):").arg(now.timeZoneAbbreviation()), this);
    label->setBuddy(m_picker);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_picker);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_picker, &QDateTimeEdit::dateTimeChanged, this, &SendLaterDialog::check);
    check();
}

QDateTime SendLaterDialog::sendAt() const {
    return m_picker->dateTime().toUTC();
}

void SendLaterDialog::check() {
    const QString why = SendAt::problem(sendAt(), QDateTime::currentDateTimeUtc());
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

QDateTime SendLaterDialog::ask(QWidget *parent) {
    SendLaterDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.sendAt();
}

} // namespace sb
