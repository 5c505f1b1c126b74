#include "TrayIcon.h"

#include "common/Icons.h"

#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace sb {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(Icons::application(), this))
    , m_menu(new QMenu) {
    QAction *show = m_menu->addAction(tr("&Show Switchboard"));
    show->setObjectName(QStringLiteral("trayShow"));
    connect(show, &QAction::triggered, this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("trayQuit"));
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason why) {
                if (why == QSystemTrayIcon::Trigger || why == QSystemTrayIcon::DoubleClick)
                    Q_EMIT showRequested();
            });
    m_tray->setToolTip(toolTip());
    if (isUsable())
        m_tray->show();
}

TrayIcon::~TrayIcon() {
    delete m_menu; // a context menu is not owned by the tray icon
}

bool TrayIcon::isUsable() const {
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setUnread(int count) {
    if (count == m_unread)
        return;
    m_unread = count;
    m_tray->setIcon(withBadge(count));
    m_tray->setToolTip(toolTip());
}

QString TrayIcon::toolTip() const {
    return m_unread ? tr("Switchboard: %n unread", nullptr, m_unread) : tr("Switchboard");
}

QIcon TrayIcon::icon() const {
    return m_tray->icon();
}

void TrayIcon::showMessage(const QString &title, const QString &text, const QIcon &icon) {
    m_tray->showMessage(title, text, icon.isNull() ? Icons::application() : icon, 8000);
}

QIcon TrayIcon::withBadge(int count) {
    if (count <= 0)
        return Icons::application();
    const QString label = count > 99 ? QStringLiteral("99+") : QString::number(count);
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = Icons::application().pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        // The badge takes the lower right 60% of the icon: readable at 22 px.
        const qreal side = size * 0.6;
        const QRectF badge(size - side, size - side, side, side);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc6, 0x28, 0x28)); // white on it: 5.6:1
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(side * (label.size() > 2   ? 0.38
                                              : label.size() > 1 ? 0.5
                                                                 : 0.66))));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, label);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace sb
