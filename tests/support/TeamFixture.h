#pragma once

#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace sb {
class Sandbox;
}

namespace sbtest {

class Child;

// A team on one PostgreSQL, as tst_team, tst_teamconsole and tst_team_consoles run it: a
// database of its own on the suite's server, an in-process Twilio stand-in whose callbacks
// go to the team's public URL (a receiver's port on loopback, as a balancer's would be), and
// the environment every process of the team shares.
class TeamFixture {
public:
    TeamFixture();
    ~TeamFixture();

    // False, with *error, when the database or the stand-in cannot be made.
    bool setUp(const QString &databaseName, quint16 publicPort, int statusDelayMs, QString *error);

    // SWITCHBOARD_DATABASE_URL, the team's Twilio account on the stand-in, its number and
    // SWITCHBOARD_PUBLIC_URL.
    QProcessEnvironment env() const;
    // A console of the team (SWITCHBOARD_ROLE=console) for `agent`, its data in `dataDir`.
    QProcessEnvironment consoleEnv(const QString &dataDir, const QString &agent) const;
    // Starts `switchboard --headless` on `port` with the team's environment and `extra`, and
    // waits until it answers its health check.
    bool startReceiver(Child &child, const QString &dataDir, quint16 port, const QString &apiToken,
                       const QProcessEnvironment &extra = {}) const;

    sb::Sandbox &twilio() const { return *m_twilio; }
    QString twilioBase() const { return m_twilioBase; }
    QString databaseUrl() const { return m_databaseUrl; }
    QString publicBase() const;
    static QString base(quint16 port);

private:
    std::unique_ptr<sb::Sandbox> m_twilio;
    QString m_twilioBase;
    QString m_databaseUrl;
    quint16 m_publicPort = 0;
};

} // namespace sbtest
