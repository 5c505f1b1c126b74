#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace sb {

// One console per user. The first console listens on a local socket in the user's runtime
// folder; a second start hands its command line to it (a tel:/sms: link, or nothing: just
// raise the window) and exits. Only the starting process waits, before it has a window.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    // `socketPath` empty: defaultSocketPath().
    explicit SingleInstance(QString socketPath = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    enum class Role {
        Primary,    // this process listens: it is the console
        HandedOver, // a running console took the arguments: this process should exit
        // A console is there but did not answer in time: this process should say so and exit,
        // not start a second console on its data nor take its socket.
        Busy
    };
    // Hands `arguments` to a running console if there is one, else becomes the console. Only a
    // socket nobody listens on (a console killed with -9) is taken over.
    // `error` (may be null) says why neither worked (the socket's folder is not writable).
    Role claim(const QStringList &arguments, QString *error = nullptr);

    // $XDG_RUNTIME_DIR/switchboard/console.socket, or one named after the user under the
    // temporary folder when the runtime folder is unknown.
    static QString defaultSocketPath();
    QString socketPath() const { return m_path; }

    // How long a second start waits for the running console to answer.
    static constexpr int HandOverTimeoutMs = 3000;

Q_SIGNALS:
    // A later start's arguments (without the program name), on this object's thread.
    void activated(const QStringList &arguments);

private:
    enum class HandOver {
        Done,            // the running console acknowledged the arguments
        NobodyListening, // no console: no socket, or one left by a console that died
        NoAnswer         // a console accepted the connection but did not answer in time
    };
    HandOver handOver(const QStringList &arguments) const;
    bool listen(QString *error);
    void readFrom(QLocalSocket *socket);

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace sb
