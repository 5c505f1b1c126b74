#include "Accessibility.h"

#include <QAction>
#include <QLineEdit>
#include <QToolButton>

namespace sb {

void Accessibility::enableClearButton(QLineEdit *edit, const QString &clearName) {
    edit->setClearButtonEnabled(true);
    // Qt's clear button is a tool button showing an action without text.
    for (QAction *action : edit->actions()) {
        if (action->text().isEmpty()) {
            action->setText(clearName);
            action->setToolTip(clearName);
        }
    }
    for (QToolButton *button : edit->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly)) {
        button->setAccessibleName(clearName);
        button->setToolTip(clearName);
    }
}

void Accessibility::describe(QWidget *widget, const QString &name, const QString &description) {
    widget->setAccessibleName(name);
    if (!description.isEmpty())
        widget->setAccessibleDescription(description);
}

} // namespace sb
