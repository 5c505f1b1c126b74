#pragma once

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSettings;
class QTabWidget;

namespace sb {

class SecretStore;

// Credentials, sender numbers, public URL, port and data folder on one page, SendGrid's (API
// key, base URL, default sender, Event Webhook key and age, daily limit) on another. Plain
// settings go to QSettings; the auth token and SendGrid key go to the OS keychain only. What is
// typed is checked with start-up's own rules (ConfigLoader::problemWith) before anything is
// saved. A value set in the environment or .env wins over what is stored here, and the dialog
// says so next to it.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(QSettings *settings, SecretStore *secrets,
                   const QHash<QString, QString> &currentSecrets, QWidget *parent = nullptr);

    static QStringList plainNames();
    // The values the console stored, as the "stored" layer for ConfigLoader.
    static QHash<QString, QString> storedValues(QSettings &settings);
    // One setting as stored (SWITCHBOARD_AGENT_NAME falls back to the older "Your name").
    static QString storedValue(QSettings &settings, const QString &name);

    QLineEdit *field(const QString &name) const { return m_fields.value(name); }
    // General ▸ Your name: {{agent.name}} in canned responses (QSettings agent/name).
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    // What is wrong with the values as typed, one sentence each naming its setting.
    QStringList problems() const;

Q_SIGNALS:
    // Carries the secrets as typed, so they apply to this session even when no keychain
    // could keep them.
    void saved(const QHash<QString, QString> &secrets);

private:
    void save();

    QSettings *m_settings;
    SecretStore *m_secrets;
    QHash<QString, QLineEdit *> m_fields;
    QCheckBox *m_closeToTray;
    QTabWidget *m_pages;
    QLabel *m_error;
};

} // namespace sb
