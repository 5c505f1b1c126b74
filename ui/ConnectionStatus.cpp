#include "ConnectionStatus.h"

#include "common/SchemeColors.h"
#include "common/TimeFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

namespace sb {

ConnectionStatus::ConnectionStatus(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QLabel(this))
    , m_server(new QLabel(this))
    , m_webhooks(new QLabel(this))
    , m_tick(new QTimer(this)) {
    m_mode->setObjectName(QStringLiteral("statusMode"));
    m_server->setObjectName(QStringLiteral("statusServer"));
    m_webhooks->setObjectName(QStringLiteral("statusWebhooks"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    layout->addWidget(m_server);
    layout->addWidget(m_webhooks);
    m_tick->setInterval(10000); // "12 s ago" stays roughly right without repainting often
    connect(m_tick, &QTimer::timeout, this, &ConnectionStatus::refreshWebhookText);
    m_tick->start();
    refreshWebhookText();
}

void ConnectionStatus::setMode(bool sandbox, const QString &accountName) {
    m_sandbox = sandbox;
    SchemeColors::setTone(m_mode, sandbox ? Tone::Warning : Tone::Success);
    m_mode->setText(sandbox ? tr("<b>Sandbox</b>")
                            : tr("<b>Live</b> — %1").arg(accountName.toHtmlEscaped()));
    refreshWebhookText();
}

void ConnectionStatus::setServer(const QString &listening, const QString &publicUrl,
                                 bool publicUrlConfigured) {
    m_publicUrlConfigured = publicUrlConfigured;
    m_listening = listening;
    m_publicUrl = publicUrl;
    refreshWebhookText();
}

void ConnectionStatus::setPublicUrlReachable(bool reachable) {
    m_reachable = reachable;
    refreshWebhookText();
}

void ConnectionStatus::webhookArrived(const QDateTime &at) {
    m_lastWebhook = at;
    refreshWebhookText();
}

void ConnectionStatus::setPolling(bool polling, const QString &why) {
    m_polling = polling;
    m_pollingWhy = why;
    refreshWebhookText();
}

void ConnectionStatus::polled(const QDateTime &at, int nextMs) {
    m_lastPoll = at;
    m_nextPollMs = nextMs;
    refreshWebhookText();
}

void ConnectionStatus::setTeamConsole(bool teamConsole) {
    m_teamConsole = teamConsole;
    refreshWebhookText();
}

void ConnectionStatus::setDatabase(bool reachable, const QString &reason) {
    m_databaseDown = !reachable;
    m_databaseWhy = reason;
    refreshWebhookText();
}

void ConnectionStatus::refreshWebhookText() {
    // Polling, nothing comes to the server but the local API's callers.
    m_server->setText(m_teamConsole ? tr("Team console · receivers at %1").arg(m_publicUrl)
                      : m_listening.isEmpty() ? QString()
                      : m_polling
                          ? tr("Local API on %1").arg(m_listening)
                          : tr("Webhooks on %1 · public URL %2").arg(m_listening, m_publicUrl));
    if (m_databaseDown) {
        const QString text = tr("⚠ The team's database cannot be reached: nothing new arrives "
                                "or is sent until it is back");
        SchemeColors::setTone(m_webhooks, Tone::Error);
        m_webhooks->setText(text);
        m_webhooks->setToolTip(m_databaseWhy);
        m_webhooks->setAccessibleDescription(m_databaseWhy);
        return;
    }
    QString text;
    bool warning = true;
    if (m_polling) {
        // It works, only later than webhooks would: a warning tone, not an error.
        text = m_lastPoll.isValid()
                   ? tr("Polling Twilio (no webhooks): last asked %1, next in %2 s")
                         .arg(TimeFormat::brief(m_lastPoll))
                         .arg(qMax(1, m_nextPollMs / 1000))
                   : tr("Polling Twilio (no webhooks)");
        SchemeColors::setTone(m_webhooks, Tone::Warning);
        m_webhooks->setText(text);
        m_webhooks->setToolTip(m_pollingWhy);
        m_webhooks->setAccessibleDescription(m_pollingWhy);
        return;
    }
    if (m_teamConsole) {
        warning = !m_reachable;
        text = m_reachable ? tr("webhooks go to the team's receivers")
                           : tr("⚠ the team's receivers do not answer at the public URL");
    } else if (!m_sandbox && !m_publicUrlConfigured) {
        text = tr("⚠ Twilio cannot reach this computer: set the public URL in File ▸ Settings");
    } else if (!m_sandbox && !m_reachable) {
        text = tr("⚠ the public URL does not reach this server");
    } else {
        warning = false;
        text = m_lastWebhook.isValid() ? tr("last webhook %1").arg(TimeFormat::brief(m_lastWebhook))
                                       : tr("no webhooks yet");
    }
    SchemeColors::setTone(m_webhooks, warning ? Tone::Error : Tone::Normal);
    m_webhooks->setText(text);
    m_webhooks->setToolTip(m_lastWebhook.isValid() ? TimeFormat::full(m_lastWebhook) : QString());
}

} // namespace sb
