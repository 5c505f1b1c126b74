#pragma once

#include <QObject>
#include <QString>

class QSettings;
class QWidget;

namespace sb {

class CannedResponses;
class Store;

// The window's canned responses and the agent's name, where every picker in the window finds
// them: a CannedLibrary is made a child of the main window (one per running service), and
// CannedPicker looks it up from its editor's ancestors when it opens, so a reply box is
// attached in one line without the store being handed down to it.
class CannedLibrary : public QObject {
    Q_OBJECT
public:
    CannedLibrary(Store *store, QSettings *settings, QObject *parent);

    CannedResponses *responses() const { return m_responses; }
    // {{agent.name}}: the console's agent (setAgentName: Config::agentName, what the team sees
    // on what this desk sends), else the name an older version kept under AgentNameKey, else
    // systemUserName().
    QString agentName() const;
    void setAgentName(const QString &name) { m_agent = name.trimmed(); }

    // Where versions before SWITCHBOARD_AGENT_NAME kept "Your name" (read, never written: the
    // settings dialog moves it to SWITCHBOARD_AGENT_NAME).
    static constexpr QLatin1StringView AgentNameKey{"agent/name"};
    // The OS user's full name (the password database's GECOS field on Unix), else the login.
    static QString systemUserName();

    // The library of the nearest of `widget`'s ancestors (itself included) that has one as a
    // direct child; null when none has.
    static CannedLibrary *find(const QWidget *widget);

private:
    CannedResponses *m_responses;
    QString m_agent;
    QSettings *m_settings;
};

} // namespace sb
