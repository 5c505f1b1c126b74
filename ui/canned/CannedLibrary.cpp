#include "CannedLibrary.h"

#include "canned/CannedResponses.h"

#include <QSettings>
#include <QWidget>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace sb {

CannedLibrary::CannedLibrary(Store *store, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_responses(new CannedResponses(store, this))
    , m_settings(settings) {
    setObjectName(QStringLiteral("cannedLibrary"));
    m_responses->reload();
}

QString CannedLibrary::agentName() const {
    if (!m_agent.isEmpty())
        return m_agent;
    const QString stored =
        m_settings ? m_settings->value(AgentNameKey).toString().trimmed() : QString();
    return stored.isEmpty() ? systemUserName() : stored;
}

QString CannedLibrary::systemUserName() {
#ifdef Q_OS_UNIX
    if (const passwd *pw = getpwuid(getuid())) {
        // GECOS: "Full Name,room,work phone,home phone,other".
        const QString full = QString::fromLocal8Bit(pw->pw_gecos ? pw->pw_gecos : "")
                                 .section(QLatin1Char(','), 0, 0);
        if (!full.trimmed().isEmpty())
            return full.trimmed();
        if (pw->pw_name && *pw->pw_name)
            return QString::fromLocal8Bit(pw->pw_name);
    }
#endif
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return login.trimmed();
}

CannedLibrary *CannedLibrary::find(const QWidget *widget) {
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (auto *library = w->findChild<CannedLibrary *>(QString(), Qt::FindDirectChildrenOnly))
            return library;
    }
    return nullptr;
}

} // namespace sb
