#pragma once

#include "inbox/ContactSummary.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace sb {

// Whose conversation the open thread is, in the Inbox's header: "Unassigned", "Assigned to
// you" or "Assigned to Ben · since 14:02", and the one action that fits ("Assign to me",
// "Unassign", "Take over"; Ctrl+Shift+A in the Inbox). Every request names the assignee this
// bar showed, so a colleague's assignment made meanwhile is never overwritten unseen: the
// store refuses it and showConflict() says who has it.
class AssignmentBar : public QWidget {
    Q_OBJECT
public:
    explicit AssignmentBar(QWidget *parent = nullptr);

    // This console's agent (Config::agentName).
    void setAgent(const QString &agent);
    const QString &agent() const { return m_agent; }
    void setContact(const std::optional<ContactSummary> &contact);
    // The store's answer to a request: refused because someone else changed it first.
    void showConflict(const Assignment &now);
    // An assignment that could not be stored.
    void showError(const QString &error);
    // Runs the action the button offers (the Inbox's shortcut).
    void trigger();

    QLabel *stateLabel() const { return m_state; }
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    // Assign the open conversation to `agent` (empty: nobody) if it is still `expected`'s.
    void assignRequested(qint64 contactId, const QString &agent, const QString &expected);

private:
    void refresh(); // the label and the button, from the contact and the agent

    QLabel *m_state;
    QPushButton *m_action;
    QString m_agent;
    std::optional<ContactSummary> m_contact;
    QString m_notice; // a refusal's explanation, shown until the conversation changes
    bool m_pending = false;
};

} // namespace sb
