#include "RequestFramer.h"

#include <QList>

#include <cstring>

namespace sb {

namespace {

// RFC 9110 §5.6.2 token characters.
bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isToken(QByteArrayView text) {
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// A field value may hold visible characters, obs-text, space and tab; no other control
// character (RFC 9110 §5.5).
bool isFieldValue(QByteArrayView value) {
    for (char c : value) {
        const auto u = uchar(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView text) {
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix) {
    return text.size() >= prefix.size() &&
           QByteArrayView(text.first(prefix.size())).compare(prefix, Qt::CaseInsensitive) == 0;
}

} // namespace

RequestFramer::RequestFramer(qint64 maxBodyBytes, qsizetype maxHeaderBytes)
    : m_maxBodyBytes(maxBodyBytes)
    , m_maxHeaderBytes(maxHeaderBytes) {}

RequestFramer::Step RequestFramer::feed(QByteArrayView &data) {
    while (!data.isEmpty()) {
        switch (m_state) {
        case State::Refused:
            data = {};
            return Step::Refused;
        case State::Body: {
            const qint64 take = qMin<qint64>(m_bodyRemaining, data.size());
            m_bodyRemaining -= take;
            data = data.sliced(take);
            if (m_bodyRemaining == 0)
                startNextRequest();
            continue;
        }
        case State::Head:
            break;
        }

        const void *newline = std::memchr(data.data(), '\n', size_t(data.size()));
        const qsizetype length =
            newline ? static_cast<const char *>(newline) - data.data() + 1 : data.size();
        if (m_headBytes + length > m_maxHeaderBytes) {
            const QString over = QStringLiteral("over %1 bytes").arg(m_maxHeaderBytes);
            if (m_haveRequestLine)
                return refuse(431, "headers too large", QStringLiteral("request headers ") + over);
            if (m_partialLine.size() + length > 2)
                return refuse(414, "request line too long", QStringLiteral("request line ") + over);
            return refuse(400, "bad framing",
                          QStringLiteral("blank lines before the request line ") + over);
        }
        m_headBytes += length;
        if (!newline) {
            m_partialLine.append(data);
            data = {};
            return Step::NeedMore;
        }
        QByteArrayView line = data.first(length - 1); // without the LF
        if (!m_partialLine.isEmpty()) {
            m_partialLine.append(line);
            line = m_partialLine;
        }
        data = data.sliced(length);
        const Step step = takeLine(line);
        m_partialLine.clear();
        if (step != Step::NeedMore)
            return step;
    }
    return m_state == State::Refused ? Step::Refused : Step::NeedMore;
}

RequestFramer::Step RequestFramer::takeLine(QByteArrayView line) {
    // Qt also ends a line at a bare LF and keeps a lone CR inside it; RFC 9112 §2.2 lets a
    // server refuse both.
    if (!line.endsWith('\r'))
        return refuse(400, "bad framing", QStringLiteral("a line ends in LF without CR"));
    line.chop(1);
    if (line.contains('\r'))
        return refuse(400, "bad framing", QStringLiteral("a CR not followed by LF"));
    if (!m_haveRequestLine) {
        if (line.isEmpty())
            return Step::NeedMore; // RFC 9112 §2.2: blank lines before a request are ignored
        return takeRequestLine(line);
    }
    if (line.isEmpty())
        return finishHead();
    return takeField(line);
}

RequestFramer::Step RequestFramer::takeRequestLine(QByteArrayView line) {
    // method SP request-target SP HTTP-version, single spaces (RFC 9112 §3).
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace > 0 ? line.indexOf(' ', firstSpace + 1) : -1;
    if (firstSpace <= 0 || secondSpace < 0)
        return refuse(400, "bad framing", QStringLiteral("malformed request line"));
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method))
        return refuse(400, "bad framing", QStringLiteral("malformed request method"));
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return refuse(400, "bad framing", QStringLiteral("malformed HTTP version"));
    if (version[5] != '1')
        return refuse(505, "http version", QStringLiteral("only HTTP/1.x is served here"));
    if (target.isEmpty())
        return refuse(400, "bad framing", QStringLiteral("malformed request target"));
    for (char c : target) {
        // Visible ASCII only (RFC 3986); no fragment, which QUrl would split off.
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f || c == '#')
            return refuse(400, "bad framing", QStringLiteral("malformed request target"));
    }
    const bool originForm = target.startsWith('/');
    const bool absoluteForm =
        startsWithNoCase(target, "http://") || startsWithNoCase(target, "https://");
    const bool asteriskForm = target == "*" && method == "OPTIONS";
    if (!originForm && !absoluteForm && !asteriskForm)
        return refuse(400, "bad framing", QStringLiteral("malformed request target"));

    m_head.method = method.toByteArray();
    m_head.target = target.toByteArray();
    m_head.minorVersion = version[7] - '0';
    m_haveRequestLine = true;
    return Step::NeedMore;
}

RequestFramer::Step RequestFramer::takeField(QByteArrayView line) {
    if (line.front() == ' ' || line.front() == '\t')
        return refuse(400, "bad framing",
                      QStringLiteral("obsolete line folding (a header line starting with "
                                     "whitespace) is not accepted"));
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return refuse(400, "bad framing",
                      QStringLiteral("a header line without a colon: neither a field nor the "
                                     "blank line"));
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return refuse(400, "bad framing",
                      QStringLiteral("invalid header field name (whitespace before the colon "
                                     "or a character not allowed in a token)"));
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return refuse(400, "bad framing",
                      QStringLiteral("a control character in the value of %1")
                          .arg(QString::fromLatin1(name)));
    if (++m_fields > MaxHeaderFields)
        return refuse(431, "headers too large",
                      QStringLiteral("more than %1 header fields").arg(MaxHeaderFields));

    if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
        ++m_contentLengths;
        m_contentLength = value.toByteArray();
    } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        ++m_transferEncodings;
        m_transferEncoding = value.toByteArray();
    } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
        m_expect = value.toByteArray();
    }
    return Step::NeedMore;
}

RequestFramer::Step RequestFramer::finishHead() {
    // RFC 9112 §6.1-6.3: a message whose length two parsers could read differently gets 400.
    if (m_transferEncodings > 0) {
        if (m_head.minorVersion == 0)
            return refuse(400, "bad framing",
                          QStringLiteral("Transfer-Encoding in an HTTP/1.0 request"));
        if (m_contentLengths > 0)
            return refuse(400, "bad framing",
                          QStringLiteral("both Transfer-Encoding and Content-Length"));
        if (m_transferEncodings > 1)
            return refuse(400, "bad framing", QStringLiteral("repeated Transfer-Encoding"));
        QList<QByteArray> codings = m_transferEncoding.toLower().split(',');
        int chunked = 0;
        bool empty = false;
        for (QByteArray &coding : codings) {
            coding = trimmedOws(coding).toByteArray();
            empty = empty || coding.isEmpty();
            chunked += coding == "chunked" ? 1 : 0;
        }
        if (!empty && chunked == 1 && codings.last() == "chunked")
            return refuse(411, "chunked body",
                          QStringLiteral("chunked request bodies are not accepted; send "
                                         "Content-Length"));
        return refuse(400, "bad framing",
                      QStringLiteral("Transfer-Encoding other than a final chunked"));
    }
    qint64 length = 0;
    const qint64 maxBodyBytes =
        m_bodyLimit ? m_bodyLimit(m_head.method, m_head.target) : m_maxBodyBytes;
    if (m_contentLengths > 1)
        return refuse(400, "bad framing", QStringLiteral("repeated Content-Length"));
    if (m_contentLengths == 1) {
        if (m_contentLength.isEmpty())
            return refuse(400, "bad framing", QStringLiteral("invalid Content-Length"));
        for (char c : std::as_const(m_contentLength)) {
            if (c < '0' || c > '9')
                return refuse(400, "bad framing", QStringLiteral("invalid Content-Length"));
            // Stop before overflowing: anything over the limit gets 413 anyway.
            if (length <= maxBodyBytes)
                length = length * 10 + (c - '0');
        }
        if (length > maxBodyBytes)
            return refuse(413, "body too large",
                          QStringLiteral("request body of %1 bytes is over the limit of %2 bytes")
                              .arg(QString::fromLatin1(m_contentLength.left(24)))
                              .arg(maxBodyBytes));
    }
    m_head.contentLength = length;
    m_head.expectContinue =
        length > 0 && m_expect.compare("100-continue", Qt::CaseInsensitive) == 0;

    startNextRequest();
    if (length > 0) {
        m_state = State::Body;
        m_bodyRemaining = length;
    }
    return Step::Head;
}

void RequestFramer::startNextRequest() {
    m_state = State::Head;
    m_headBytes = 0;
    m_haveRequestLine = false;
    m_fields = 0;
    m_contentLengths = 0;
    m_contentLength.clear();
    m_transferEncodings = 0;
    m_transferEncoding.clear();
    m_expect.clear();
    m_bodyRemaining = 0;
}

RequestFramer::Step RequestFramer::refuse(int status, const char *kind, const QString &message) {
    m_state = State::Refused;
    m_refusal = {status, kind, message};
    return Step::Refused;
}

QByteArray RequestFramer::originForm(const QByteArray &target) {
    if (target.startsWith('/') || target == "*")
        return target;
    const qsizetype authority = target.indexOf("://");
    if (authority < 0)
        return target;
    const qsizetype start = authority + 3;
    for (qsizetype i = start; i < target.size(); ++i) {
        if (target[i] == '/')
            return target.mid(i);
        if (target[i] == '?')
            return '/' + target.mid(i);
    }
    return QByteArrayLiteral("/");
}

} // namespace sb
