#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace sb {

// Finds where each request on one connection begins and ends, from the raw bytes, exactly as
// QtHttpServer 6.4 will, and refuses (RFC 9112) every request that it could frame differently:
// a front end and a parser that disagree on where a body ends let a client smuggle a request,
// or make the parser buffer a body the front end never counted.
//
// What 6.4 does (qhttpserverrequest.cpp, QHttpHeaderParser): it skips whitespace before a
// request line, ends lines at LF, takes the *first* Content-Length, joins repeated
// Transfer-Encoding values, joins obs-fold lines into the previous field, and drops *every*
// field when one name has an invalid character or there are more than 100 fields (the body
// bytes then parse as the next request). So this framer accepts only the unambiguous subset:
// CRLF line endings, no obs-fold, valid field names, at most 100 fields, at most one
// Content-Length of plain digits and no Transfer-Encoding at all (a final `chunked` gets 411:
// its size cannot be checked up front). Everything else gets 400 before a body byte is read.
//
// Work is linear in the input: each byte is scanned once, and only a line split across reads
// is copied.
class RequestFramer {
public:
    struct Head {
        QByteArray method;
        QByteArray target; // request-target exactly as sent
        int minorVersion = 1;
        qint64 contentLength = 0;
        bool expectContinue = false;
    };
    struct Refusal {
        int status = 0;
        QByteArray kind; // short and stable, for summarising rejections: "bad framing", ...
        QString message; // for the client and the log; never contains header values
    };
    enum class Step { NeedMore, Head, Refused };

    // QtHttpServer 6.4's QHttpHeaderParser fails on a request with more than this many fields.
    static constexpr int MaxHeaderFields = 100;

    RequestFramer(qint64 maxBodyBytes, qsizetype maxHeaderBytes);
    // A body limit per request (method, target as sent) instead of maxBodyBytes for all.
    using BodyLimit = std::function<qint64(const QByteArray &method, const QByteArray &target)>;
    void setBodyLimit(BodyLimit limit) { m_bodyLimit = std::move(limit); }

    // Consumes bytes from the front of `data` until a request head is complete (Head), the
    // request is refused (Refused; the connection must then be closed) or `data` is used up.
    Step feed(QByteArrayView &data);
    const Head &head() const { return m_head; }
    const Refusal &refusal() const { return m_refusal; }

    // Whether head() holds the method and target of the request being read (or refused).
    bool hasRequestLine() const { return m_haveRequestLine; }
    bool isBetweenRequests() const { return m_state == State::Head && m_headBytes == 0; }
    bool isReadingHead() const { return m_state == State::Head && m_headBytes > 0; }
    bool isReadingBody() const { return m_state == State::Body; }
    qint64 bodyRemaining() const { return m_bodyRemaining; }

    // The origin-form part of a request-target: "/a%7e?x" stays as it is, an absolute-form
    // "http://host/a?x" becomes "/a?x", "*" stays "*".
    static QByteArray originForm(const QByteArray &target);

private:
    enum class State { Head, Body, Refused };
    Step takeLine(QByteArrayView line);
    Step takeRequestLine(QByteArrayView line);
    Step takeField(QByteArrayView line);
    Step finishHead();
    Step refuse(int status, const char *kind, const QString &message);
    void startNextRequest();

    qint64 m_maxBodyBytes;
    BodyLimit m_bodyLimit;
    qsizetype m_maxHeaderBytes;
    State m_state = State::Head;
    QByteArray m_partialLine; // a line split across reads
    qsizetype m_headBytes = 0;
    bool m_haveRequestLine = false;
    int m_fields = 0;
    int m_contentLengths = 0;
    QByteArray m_contentLength;
    int m_transferEncodings = 0;
    QByteArray m_transferEncoding;
    QByteArray m_expect;
    qint64 m_bodyRemaining = 0;
    Head m_head;
    Refusal m_refusal;
};

} // namespace sb
