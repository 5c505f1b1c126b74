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
    const auto roleOf = [](HandOver result) {
        return result == HandOver::Done ? Role::HandedOver : Role::Busy;
    };
    HandOver result = handOver(arguments);
    if (result != HandOver::NobodyListening)
        return roleOf(result);
    QString why;
    if (listen(&why))
        return Role::Primary;
    // Another console started between our attempt and our listen: it is the one.
    result = handOver(arguments);
    if (result != HandOver::NobodyListening)
        return roleOf(result);
    // The socket is left from a console that died (kill -9): nobody answers on it.
    QLocalServer::removeServer(m_path);
    if (listen(&why))
        return Role::Primary;
    qCWarning(lcService).noquote() << "cannot make sure only one console runs:" << why;
    if (error)
        *error = why;
    return Role::Primary; // a console that cannot listen still works; a second one may start
}

SingleInstance::HandOver SingleInstance::handOver(const QStringList &arguments) const {
    QLocalSocket socket;
    socket.connectToServer(m_path);
    // This runs before the process has a window: waiting here blocks no user interface.
    if (!socket.waitForConnected(HandOverTimeoutMs)) {
        // Refused or absent: nobody listens (a killed console's file). A time-out: somebody
        // does, too busy to accept; its socket must not be taken from it.
        return socket.error() == QLocalSocket::SocketTimeoutError ? HandOver::NoAnswer
                                                                  : HandOver::NobodyListening;
    }
    const QByteArray message = QJsonDocument(QJsonObject{{QStringLiteral("arguments"),
                                                          QJsonArray::fromStringList(arguments)}})
                                   .toJson(QJsonDocument::Compact) +
                               '\n';
    socket.write(message);
    if (!socket.waitForBytesWritten(HandOverTimeoutMs))
        return HandOver::NoAnswer;
    // The answer may already be buffered (read while the write was waited for), and the
    // console closes right after it: what was read counts even when the wait then fails.
    QByteArray answer = socket.readAll();
    while (!answer.endsWith('\n') && socket.waitForReadyRead(HandOverTimeoutMs))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer == Ack ? HandOver::Done : HandOver::NoAnswer;
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
    socket->flush(); // now, not from the next event loop pass
    socket->disconnectFromServer();
    Q_EMIT activated(list);
}

} // namespace sb
