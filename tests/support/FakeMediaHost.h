#pragma once

#include "http/HttpServer.h"

#include <QHash>
#include <QList>

// A web server on loopback in the test's thread standing in for a host that media URLs name
// (Twilio's API, a storage host, a stranger's): it answers each path with what the test set
// (a file, a status, a redirect) and notes every request with its Authorization header.
class FakeMediaHost {
public:
    struct Seen {
        QString path;
        QByteArray authorization;
    };
    struct Answer {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QByteArray location; // for 3xx
    };

    FakeMediaHost();
    quint16 port() const { return m_port; }
    // The base URL by this host name ("127.0.0.1", "localhost"): another name or port is
    // another origin, as far as credentials go.
    QString base(const QString &host = QStringLiteral("127.0.0.1")) const {
        return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
    }
    void serve(const QString &path, const Answer &answer) { m_answers[path] = {answer}; }
    // Answers in turn, the last one from then on.
    void script(const QString &path, const QList<Answer> &answers) { m_answers[path] = answers; }
    QList<Seen> seen(const QString &path = {}) const;

private:
    sb::HttpServer m_server{QStringLiteral("fake-media")};
    quint16 m_port = 0;
    QHash<QString, QList<Answer>> m_answers;
    QList<Seen> m_seen;
};
