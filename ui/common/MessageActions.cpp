#include "MessageActions.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMenu>

namespace sb {

QString MessageActions::customer(const MessageRecord &m) {
    return m.direction == QLatin1String("inbound") ? m.from : m.to;
}

void MessageActions::addTo(QMenu *menu, const MessageRecord &m) const {
    if (m.id == 0)
        return;
    const QString number = customer(m);
    QAction *copyText = menu->addAction(MessageActions::tr("Copy message text"));
    copyText->setObjectName(QStringLiteral("copyMessageText"));
    QObject::connect(copyText, &QAction::triggered, menu,
                     [body = m.body] { QGuiApplication::clipboard()->setText(body); });
    QAction *copyNumber = menu->addAction(
        QCoreApplication::translate("MessageActions", "Copy number %1").arg(number));
    copyNumber->setObjectName(QStringLiteral("copyNumber"));
    QObject::connect(copyNumber, &QAction::triggered, menu,
                     [number] { QGuiApplication::clipboard()->setText(number); });
    if (openDetails) {
        QAction *details = menu->addAction(MessageActions::tr("Open details"));
        details->setObjectName(QStringLiteral("openDetails"));
        QObject::connect(details, &QAction::triggered, menu, [f = openDetails, m] { f(m); });
    }
    if (cancelScheduled && m.status == QLatin1String("scheduled")) {
        menu->addSeparator();
        QAction *cancel = menu->addAction(MessageActions::tr("Cancel scheduled message"));
        cancel->setObjectName(QStringLiteral("cancelScheduled"));
        QObject::connect(cancel, &QAction::triggered, menu, [f = cancelScheduled, m] { f(m); });
    }
    if (statuses.isFailure(m) && (retry || editAndResend)) {
        menu->addSeparator();
        if (retry) {
            QAction *again = menu->addAction(MessageActions::tr("Retry"));
            again->setObjectName(QStringLiteral("retry"));
            QObject::connect(again, &QAction::triggered, menu, [f = retry, m] { f(m); });
        }
        if (editAndResend) {
            QAction *edit = menu->addAction(MessageActions::tr("Edit and resend"));
            edit->setObjectName(QStringLiteral("editAndResend"));
            QObject::connect(edit, &QAction::triggered, menu, [f = editAndResend, m] { f(m); });
        }
    }
}

} // namespace sb
