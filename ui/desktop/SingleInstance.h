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
        Primary,   // this process listens: it is the console
        HandedOver // a running console took the arguments: this process should exit
    };
    // Hands `arguments` to a running console if there is one, else becomes the console.
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
    bool handOver(const QStringList &arguments) const;
    bool listen(QString *error);
    void readFrom(QLocalSocket *socket);

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace sb
