#include "ConnectionStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
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
    m_mode->setText(
        sandbox ? tr("<b style='color:#e65100'>Sandbox</b>")
                : tr("<b style='color:#2e7d32'>Live</b> — %1").arg(accountName.toHtmlEscaped()));
    refreshWebhookText();
}

void ConnectionStatus::setServer(const QString &listening, const QString &publicUrl,
                                 bool publicUrlConfigured) {
    m_publicUrlConfigured = publicUrlConfigured;
    m_server->setText(tr("Webhooks on %1 · public URL %2").arg(listening, publicUrl));
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

void ConnectionStatus::refreshWebhookText() {
    QString text;
    if (!m_sandbox && !m_publicUrlConfigured)
        text = tr("<span style='color:#c62828'>⚠ SWITCHBOARD_PUBLIC_URL is not set: Twilio cannot "
                  "reach this computer</span>");
    else if (!m_sandbox && !m_reachable)
        text = tr("<span style='color:#c62828'>⚠ the public URL does not reach this server</span>");
    else if (!m_lastWebhook.isValid())
        text = tr("no webhooks yet");
    else
        text = tr("last webhook %1")
                   .arg(QLocale().toString(m_lastWebhook.toLocalTime().time(),
                                           QStringLiteral("HH:mm:ss")));
    m_webhooks->setText(text);
}

} // namespace sb
