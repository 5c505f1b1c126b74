#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QTimer;

namespace sb {

// The status bar's right side: mode (Sandbox / Live with the account name), the webhook
// server's address and public URL, and whether webhooks are arriving (or, in polling mode,
// when Twilio was last asked).
class ConnectionStatus : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget *parent = nullptr);

    void setMode(bool sandbox, const QString &accountName);
    void setServer(const QString &listening, const QString &publicUrl, bool publicUrlConfigured);
    void setPublicUrlReachable(bool reachable);
    void webhookArrived(const QDateTime &at);
    // Polling mode (ReceiveMode): Twilio cannot reach this console, so it is asked instead;
    // the label says so, the tooltip why.
    void setPolling(bool polling, const QString &why);
    void polled(const QDateTime &at, int nextMs);
    // A team's console (SWITCHBOARD_ROLE=console): it binds no port, the team's receivers at
    // the public URL take the webhooks.
    void setTeamConsole(bool teamConsole);
    // The team's shared database lost (Store::connectionChanged): shown before anything else,
    // since nothing new arrives meanwhile; `reason` in the tooltip.
    void setDatabase(bool reachable, const QString &reason);

    QLabel *modeLabel() const { return m_mode; }
    QLabel *webhookLabel() const { return m_webhooks; }

private:
    void refreshWebhookText();

    QLabel *m_mode;
    QLabel *m_server;
    QLabel *m_webhooks;
    QTimer *m_tick;
    QDateTime m_lastWebhook;
    QDateTime m_lastPoll;
    QString m_pollingWhy;
    QString m_listening;
    QString m_publicUrl;
    int m_nextPollMs = 0;
    bool m_polling = false;
    bool m_sandbox = true;
    bool m_publicUrlConfigured = false;
    bool m_reachable = true;
    bool m_teamConsole = false;
    bool m_databaseDown = false;
    QString m_databaseWhy;
};

} // namespace sb
