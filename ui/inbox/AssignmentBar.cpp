#include "AssignmentBar.h"

#include "common/Accessibility.h"
#include "common/SchemeColors.h"
#include "common/TimeFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace sb {

AssignmentBar::AssignmentBar(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_action(new QPushButton(this)) {
    setObjectName(QStringLiteral("inboxAssignment"));
    m_state->setObjectName(QStringLiteral("inboxAssignee"));
    m_state->setAccessibleName(tr("Assigned to"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("inboxAssign"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addWidget(m_action);
    connect(m_action, &QPushButton::clicked, this, &AssignmentBar::trigger);
    refresh();
}

void AssignmentBar::setAgent(const QString &agent) {
    m_agent = agent.trimmed();
    refresh();
}

void AssignmentBar::setContact(const std::optional<ContactSummary> &contact) {
    const bool other = !contact || !m_contact || contact->id != m_contact->id;
    const bool moved = !contact || !m_contact || contact->assignee != m_contact->assignee;
    if (other || moved)
        m_notice.clear();
    m_pending = false; // the answer, or news from the change feed
    m_contact = contact;
    refresh();
}

void AssignmentBar::showConflict(const Assignment &now) {
    m_pending = false;
    if (m_contact) {
        m_contact->assignee = now.assignee;
        m_contact->assignedAt = now.assignedAt;
    }
    m_notice = now.assignee.isEmpty()
                   ? tr("It was unassigned meanwhile: nothing changed.")
                   : tr("%1 took it a moment ago: nothing changed.").arg(now.assignee);
    refresh();
}

void AssignmentBar::showError(const QString &error) {
    m_pending = false;
    m_notice = tr("Not saved: %1").arg(error);
    refresh();
}

void AssignmentBar::trigger() {
    if (!m_contact || m_agent.isEmpty() || m_pending)
        return;
    const QString holder = m_contact->assignee;
    m_pending = true;
    refresh();
    Q_EMIT assignRequested(m_contact->id, holder == m_agent ? QString() : m_agent, holder);
}

void AssignmentBar::refresh() {
    setVisible(m_contact.has_value());
    if (!m_contact)
        return;
    const QString holder = m_contact->assignee;
    QString state;
    QString action;
    QString description;
    if (holder.isEmpty()) {
        state = tr("Unassigned");
        action = tr("Assign to me");
        description = tr("Makes this conversation yours; your team sees it at once.");
    } else if (holder == m_agent) {
        state = tr("Assigned to you");
        action = tr("Unassign");
        description = tr("Gives the conversation back to the team.");
    } else {
        state = m_contact->assignedAt.isValid()
                    ? tr("Assigned to %1 · since %2")
                          .arg(holder, TimeFormat::brief(m_contact->assignedAt.toLocalTime()))
                    : tr("Assigned to %1").arg(holder);
        action = tr("Take over");
        description = tr("Makes this conversation yours instead of %1's.").arg(holder);
    }
    if (!m_notice.isEmpty())
        state += QStringLiteral(" — ") + m_notice;
    m_state->setText(state);
    SchemeColors::setTone(m_state, !m_notice.isEmpty() ? Tone::Warning
                                   : holder.isEmpty()  ? Tone::Faint
                                   : holder == m_agent ? Tone::Success
                                                       : Tone::Info);
    m_action->setText(action);
    m_action->setEnabled(!m_pending && !m_agent.isEmpty());
    m_action->setToolTip(m_agent.isEmpty() ? tr("Set your name in File ▸ Settings first")
                                           : tr("%1 (Ctrl+Shift+A)").arg(description));
    Accessibility::describe(m_action, action, tr("%1 Ctrl+Shift+A.").arg(description));
}

} // namespace sb
