#pragma once

#include <QIcon>
#include <QLatin1String>
#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace sb {

// Switchboard in the desktop's tray: its icon with the unread count on a badge, a menu to show
// the window or quit, and the desktop notifications. Where the desktop has no tray it does
// nothing, and the window does not hide into it (isUsable()).
class TrayIcon : public QObject {
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop shows tray icons now.
    bool isUsable() const;
    void setUnread(int count);
    int unread() const { return m_unread; }
    QString toolTip() const;
    QIcon icon() const;
    // `icon`: the channel's for a message; the application's when null.
    void showMessage(const QString &title, const QString &text, const QIcon &icon = QIcon());
    QMenu *menu() const { return m_menu; }

    // The QSettings key of "Keep running in the tray when the window is closed" (Settings).
    static constexpr QLatin1String CloseToTrayKey{"window/closeToTray"};

    // The application icon with `count` on a red badge (none for 0; "99+" above 99).
    static QIcon withBadge(int count);

Q_SIGNALS:
    void showRequested();
    void quitRequested();

private:
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    int m_unread = 0;
};

} // namespace sb
