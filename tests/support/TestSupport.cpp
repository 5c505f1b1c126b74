#include "TestSupport.h"

#include "PgTestServer.h"

#include "runtime/BuiltInChannels.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxContext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

namespace sbtest {

void addChannels(sb::Sandbox &sandbox, const QString &consoleBase) {
    sb::SandboxContext context(sandbox, consoleBase);
    for (const auto &channel : sb::builtInChannels())
        channel->addToSandbox(context);
}

QString sharedDir() {
    QString dir = qEnvironmentVariable("SWITCHBOARD_SHARED_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(SB_SOURCE_DIR "/../shared");
    return QDir(dir).exists() ? QDir(dir).absolutePath() : QString();
}

QProcessEnvironment childEnv(const QString &dataDir, quint16 port, const QString &apiToken,
                             const QString &fault) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PHONE_NUMBER",
                             "TWILIO_WHATSAPP_NUMBER", "SENDGRID_API_KEY", "SWITCHBOARD_PUBLIC_URL",
                             "SWITCHBOARD_FAULT"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QString::number(port));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), apiToken);
    if (!fault.isEmpty())
        env.insert(QStringLiteral("SWITCHBOARD_FAULT"), fault);
    QString error; // a PostgreSQL run: the folder's database, as startService() uses
    const QString url = PgTestServer::databaseForDataDir(dataDir, &error);
    if (!url.isEmpty())
        env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"), url);
    else if (!error.isEmpty())
        qWarning("no database for the PostgreSQL run: %s", qPrintable(error));
    return env;
}

namespace {
QString twilioNodeModules() {
    return qEnvironmentVariable("SWITCHBOARD_TWILIO_NODE",
                                QStringLiteral(SB_BUILD_DIR "/twilio-node")) +
           QStringLiteral("/node_modules");
}
} // namespace

QString twilioNodeMissing() {
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node is not installed: skipping the official Node helper test");
    if (!QFile::exists(twilioNodeModules() + QStringLiteral("/twilio/package.json")))
        return QStringLiteral(
            "the twilio npm package is not installed (./scripts/test installs it with npm)");
    return {};
}

bool runTwilioNode(const QByteArray &script, const QProcessEnvironment &env, QJsonObject *out,
                   QString *error, int timeoutMs) {
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("helper.js")));
    if (!file.open(QIODevice::WriteOnly) || file.write(script) != script.size()) {
        *error = QStringLiteral("could not write the script: ") + file.errorString();
        return false;
    }
    file.close();
    QProcess node;
    QProcessEnvironment all = QProcessEnvironment::systemEnvironment();
    all.insert(env);
    all.insert(QStringLiteral("NODE_PATH"), twilioNodeModules());
    node.setProcessEnvironment(all);
    node.start(QStandardPaths::findExecutable(QStringLiteral("node")), {file.fileName()});
    if (!node.waitForStarted()) {
        *error = QStringLiteral("node did not start: ") + node.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (node.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs)
        QTest::qWait(20);
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished();
        *error = QStringLiteral("node took longer than %1 ms").arg(timeoutMs);
        return false;
    }
    const QByteArray output = node.readAllStandardOutput();
    const QJsonDocument last = QJsonDocument::fromJson(output.trimmed().split('\n').last());
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0 || !last.isObject()) {
        *error = QString::fromUtf8(output + node.readAllStandardError());
        return false;
    }
    *out = last.object();
    return true;
}

QString binDir() {
    return QStringLiteral(SB_BIN_DIR);
}

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QJsonObject Reply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QByteArray Reply::header(const QByteArray &name) const {
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

Reply Http::request(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs) {
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return out;
}

QByteArray sandboxBasicAuth(const sb::Sandbox &sandbox) {
    return "Basic " +
           (sandbox.accountSid() + QLatin1Char(':') + sandbox.authToken()).toUtf8().toBase64();
}

QHash<QString, int> sandboxCopies(Http &http, const sb::Sandbox &sandbox, const QUrl &base) {
    const Reply r = http.get(
        QUrl(base.toString() + QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?PageSize=1000")
                                   .arg(sandbox.accountSid())),
        {{"Authorization", sandboxBasicAuth(sandbox)}});
    QHash<QString, int> copies;
    for (const QJsonValue v : r.json().value(QLatin1String("messages")).toArray())
        ++copies[v.toObject().value(QLatin1String("body")).toString()];
    return copies;
}

Reply Http::postForm(const QUrl &url, const sb::FormFields &fields,
                     QList<QPair<QByteArray, QByteArray>> headers) {
    headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return request("POST", url, sb::FormEncoding::encode(fields), headers);
}

Reply Http::postJson(const QUrl &url, const QJsonObject &json,
                     QList<QPair<QByteArray, QByteArray>> headers) {
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return request("POST", url, QJsonDocument(json).toJson(QJsonDocument::Compact), headers);
}

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs,
                       int pauseAfterHeadersMs) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QEventLoop loop;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        const qsizetype headerEnd = bytes.indexOf("\r\n\r\n");
        if (pauseAfterHeadersMs > 0 && headerEnd > 0) {
            socket.write(bytes.left(headerEnd + 4));
            QTimer::singleShot(pauseAfterHeadersMs, &socket,
                               [&socket, rest = bytes.mid(headerEnd + 4)] { socket.write(rest); });
        } else {
            socket.write(bytes);
        }
    });
    loop.exec();
    received += socket.readAll();
    return received;
}

namespace {

bool completeResponse(const QByteArray &data) {
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    qint64 length = 0;
    for (const QByteArray &line : data.left(end).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    return data.size() >= end + 4 + length;
}

} // namespace

QByteArray rawRequest(quint16 port, const QByteArray &bytes, int timeoutMs) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QEventLoop loop;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (completeResponse(received))
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(bytes); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return received;
}

Child::~Child() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool Child::start(const QString &program, const QStringList &args, const QProcessEnvironment &env) {
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                     [this] { m_output += m_process->readAll(); });
    m_process->start(program, args);
    return m_process->waitForStarted(10000);
}

bool Child::waitForLine(const QByteArray &prefix, QByteArray *line, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (const QByteArray &l : m_output.split('\n')) {
            if (l.startsWith(prefix)) {
                *line = l.trimmed();
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            return false;
        m_process->waitForReadyRead(100);
        m_output += m_process->readAll();
    }
    return false;
}

bool Child::waitForHttp(const QUrl &url, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    Http http;
    while (!deadline.hasExpired()) {
        if (http.request("GET", url, {}, {}, 2000).status != 0)
            return true;
        if (m_process->state() == QProcess::NotRunning)
            return false;
        QThread::msleep(200);
    }
    return false;
}

int Child::waitForExit(int timeoutMs) {
    // waitForFinished() is false for a process that has already finished.
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return -1;
    m_output += m_process->readAll();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -2;
}

QString prismPath() {
    const QString prism = qEnvironmentVariable(
        "SWITCHBOARD_PRISM", QStringLiteral(SB_BUILD_DIR "/prism/node_modules/.bin/prism"));
    return QFile::exists(prism) ? prism : QString();
}

bool startPrism(Child &child, const QString &specFile, QUrl *base) {
    const quint16 port = freePort();
    if (!child.start(prismPath(),
                     {QStringLiteral("mock"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                      QStringLiteral("-p"), QString::number(port), specFile}))
        return false;
    *base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    return true;
}

} // namespace sbtest
