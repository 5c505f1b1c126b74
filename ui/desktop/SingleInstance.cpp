#include "SingleInstance.h"

#include "common/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

#include <unistd.h>

namespace sb {

namespace {

// A hand-over is one line of JSON: {"arguments": [...]}; the console answers "ok\n".
constexpr qsizetype MaxMessageBytes = 64 * 1024;
const QByteArray Ack = QByteArrayLiteral("ok\n");

} // namespace

SingleInstance::SingleInstance(QString socketPath, QObject *parent)
    : QObject(parent)
    , m_path(socketPath.isEmpty() ? defaultSocketPath() : std::move(socketPath)) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultSocketPath() {
    const QString runtime = QString::fromLocal8Bit(qgetenv("XDG_RUNTIME_DIR"));
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir())
        return runtime + QStringLiteral("/switchboard/console.socket");
    return QDir::tempPath() + QStringLiteral("/switchboard-%1/console.socket").arg(::getuid());
}

SingleInstance::Role SingleInstance::claim(const QStringList &arguments, QString *error) {
    if (handOver(arguments))
        return Role::HandedOver;
    QString why;
    if (listen(&why))
        return Role::Primary;
    // Another console started between our attempt and our listen: it is the one.
    if (handOver(arguments))
        return Role::HandedOver;
    // The socket is left from a console that died (kill -9): nobody answers on it.
    QLocalServer::removeServer(m_path);
    if (listen(&why))
        return Role::Primary;
    qCWarning(lcService).noquote() << "cannot make sure only one console runs:" << why;
    if (error)
        *error = why;
    return Role::Primary; // a console that cannot listen still works; a second one may start
}

bool SingleInstance::handOver(const QStringList &arguments) const {
    QLocalSocket socket;
    socket.connectToServer(m_path);
    // This runs before the process has a window: waiting here blocks no user interface.
    if (!socket.waitForConnected(HandOverTimeoutMs))
        return false;
    const QByteArray message = QJsonDocument(QJsonObject{{QStringLiteral("arguments"),
                                                          QJsonArray::fromStringList(arguments)}})
                                   .toJson(QJsonDocument::Compact) +
                               '\n';
    socket.write(message);
    if (!socket.waitForBytesWritten(HandOverTimeoutMs))
        return false;
    QByteArray answer;
    while (!answer.endsWith('\n') && socket.waitForReadyRead(HandOverTimeoutMs))
        answer += socket.readAll();
    return answer == Ack;
}

bool SingleInstance::listen(QString *error) {
    const QString folder = QFileInfo(m_path).absolutePath();
    // The socket's folder is the user's alone: nobody else can hand this console a link.
    if (!QDir().mkpath(folder) ||
        !QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        *error = tr("cannot create %1").arg(folder);
        return false;
    }
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        *error = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        }
    });
    return true;
}

void SingleInstance::readFrom(QLocalSocket *socket) {
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaxMessageBytes)
            socket->abort(); // not a console's hand-over
        return;
    }
    const QJsonDocument message = QJsonDocument::fromJson(socket->readLine(MaxMessageBytes));
    const QJsonValue arguments = message.object().value(QLatin1String("arguments"));
    if (!arguments.isArray()) {
        socket->abort();
        return;
    }
    QStringList list;
    for (const QJsonValue &argument : arguments.toArray())
        list << argument.toString();
    socket->write(Ack);
    socket->disconnectFromServer();
    Q_EMIT activated(list);
}

} // namespace sb
