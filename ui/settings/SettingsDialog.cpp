#include "SettingsDialog.h"

#include "canned/CannedLibrary.h"

#include "SecretStore.h"
#include "config/Config.h"
#include "config/Settings.h"
#include "desktop/TrayIcon.h"

#include <QCheckBox>
#include <QCoreApplication>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace sb {

namespace {
const QString kGroup = QStringLiteral("config/");

// SendGrid's settings get a page of their own, so the dialog still fits a 1024x600 screen.
bool isEmailSetting(const QString &name) {
    return name.startsWith(QLatin1String("SENDGRID_"));
}
} // namespace

QStringList SettingsDialog::plainNames() {
    QStringList names;
    for (const SettingSpec &s : Settings::all()) {
        if (s.inSettingsDialog && !s.secret)
            names.append(s.name);
    }
    return names;
}

QString SettingsDialog::storedValue(QSettings &settings, const QString &name) {
    const QString value = settings.value(kGroup + name).toString();
    // "Your name" from before SWITCHBOARD_AGENT_NAME, until the dialog is next saved.
    if (value.isEmpty() && name == setting::AgentName)
        return settings.value(CannedLibrary::AgentNameKey).toString().trimmed();
    return value;
}

QHash<QString, QString> SettingsDialog::storedValues(QSettings &settings) {
    QHash<QString, QString> values;
    for (const QString &name : plainNames()) {
        const QString value = storedValue(settings, name);
        if (!value.isEmpty())
            values.insert(name, value);
    }
    return values;
}

SettingsDialog::SettingsDialog(QSettings *settings, SecretStore *secrets,
                               const QHash<QString, QString> &currentSecrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_closeToTray(new QCheckBox(tr("&Keep running in the tray when the window is closed"), this))
    , m_error(new QLabel(this)) {
    m_error->setObjectName(QStringLiteral("settingsError"));
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_pages->setAccessibleName(tr("Settings pages"));
    m_pages->tabBar()->setAccessibleName(tr("Settings pages"));
    auto *generalPage = new QWidget(m_pages);
    auto *emailPage = new QWidget(m_pages);
    auto *form = new QFormLayout(generalPage);
    auto *emailForm = new QFormLayout(emailPage);
    for (const SettingSpec &spec : Settings::all()) {
        if (!spec.inSettingsDialog)
            continue;
        const QString &name = spec.name;
        const QString label = QCoreApplication::translate("Settings", spec.label);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        const bool secret = spec.secret;
        if (secret) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setText(currentSecrets.value(name));
        } else {
            edit->setText(storedValue(*m_settings, name));
        }
        if (env.contains(name)) {
            edit->setToolTip(
                tr("%1 is set in the environment, which takes precedence over this value.")
                    .arg(name));
            edit->setPlaceholderText(tr("set in the environment"));
        }
        m_fields.insert(name, edit);
        (isEmailSetting(name) ? emailForm : form)->addRow(label + QLatin1Char(':'), edit);
    }
    // Not a connection setting either: the window reads it when it is closed.
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    m_closeToTray->setChecked(m_settings->value(TrayIcon::CloseToTrayKey, false).toBool());
    m_closeToTray->setToolTip(tr("Closing the window hides it; messages and calls keep arriving "
                                 "and the tray shows how many are unread. Only where the "
                                 "desktop has a tray."));
    form->addRow(QString(), m_closeToTray);
    auto *emailNote = new QLabel(
        tr("Leave the API key empty to use the offline sandbox's SendGrid stand-in. The sender "
           "address must be a sender identity verified in SendGrid (Settings > Sender "
           "Authentication)."),
        emailPage);
    emailNote->setWordWrap(true);
    emailForm->addRow(emailNote);
    m_pages->addTab(generalPage, tr("&General"));
    m_pages->addTab(emailPage, tr("&Email (SendGrid)"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    auto *note =
        new QLabel(tr("Secrets are kept in the system keychain, never in the settings file. "
                      "Saving reconnects without a restart."),
                   this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QStringList SettingsDialog::problems() const {
    QStringList found;
    for (const SettingSpec &spec : Settings::all()) {
        if (QLineEdit *field = m_fields.value(spec.name)) {
            const QString problem = ConfigLoader::problemWith(spec.name, field->text());
            if (!problem.isEmpty())
                found.append(problem);
        }
    }
    return found;
}

void SettingsDialog::save() {
    // Checked by the rules start-up applies, so a value saved here cannot stop the next start;
    // nothing is saved while one is wrong.
    const QStringList wrong = problems();
    if (!wrong.isEmpty()) {
        m_error->setText(wrong.join(QLatin1Char('\n')));
        const QString first = wrong.first().section(QLatin1Char(':'), 0, 0);
        if (QLineEdit *field = m_fields.value(first)) {
            m_pages->setCurrentWidget(field->parentWidget());
            field->setFocus();
        }
        return;
    }
    m_error->clear();
    m_settings->setValue(TrayIcon::CloseToTrayKey, m_closeToTray->isChecked());
    m_settings->remove(CannedLibrary::AgentNameKey); // moved to SWITCHBOARD_AGENT_NAME
    for (const QString &name : plainNames()) {
        const QString value = m_fields.value(name)->text().trimmed();
        if (value.isEmpty())
            m_settings->remove(kGroup + name);
        else
            m_settings->setValue(kGroup + name, value);
    }
    m_settings->sync();
    // Secrets go to the keychain; where none answers (no desktop session) they still apply to
    // this session, and the dialog says why they will not be remembered.
    QHash<QString, QString> typed;
    for (const QString &secret : SecretStore::secretNames()) {
        if (QLineEdit *field = m_fields.value(secret))
            typed.insert(secret, field->text().trimmed());
    }
    auto pending = std::make_shared<int>(int(typed.size()));
    auto failures = std::make_shared<QStringList>();
    auto finished = std::make_shared<bool>(false);
    auto finish = [this, typed, failures, finished] {
        if (*finished)
            return;
        *finished = true;
        Q_EMIT saved(typed);
        if (failures->isEmpty())
            accept();
        else
            m_error->setText(failures->join(QLatin1Char('\n')));
    };
    for (auto it = typed.cbegin(); it != typed.cend(); ++it) {
        const QString name = it.key();
        m_secrets->write(
            name, it.value(), [pending, failures, name, finish](bool ok, const QString &error) {
                if (!ok)
                    failures->append(
                        tr("%1 could not be stored in the keychain (%2): it applies until you "
                           "quit; set it in the environment or .env to keep it.")
                            .arg(name, error));
                if (--*pending == 0)
                    finish();
            });
    }
    QTimer::singleShot(3000, this, [failures, finish] {
        failures->append(tr("The keychain did not answer: secrets apply until you quit."));
        finish();
    });
}

} // namespace sb
