#include "FormEncoding.h"

#include <QStringDecoder>

namespace sb {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Decodes one key or value; `utf8` is reused across fields (constructing one is not free).
bool percentDecode(QByteArrayView in, QStringDecoder &utf8, QString *out) {
    if (!in.contains('%') && !in.contains('+')) { // the common case: nothing to unescape
        *out = utf8.decode(in);
        return !utf8.hasError();
    }
    QByteArray bytes;
    bytes.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            if (i + 2 >= in.size())
                return false;
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            bytes.append(char(hi * 16 + lo));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    *out = utf8.decode(bytes);
    return !utf8.hasError();
}

} // namespace

QByteArray FormEncoding::encode(const FormFields &fields) {
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key.toUtf8().toPercentEncoding(" ").replace(' ', '+'));
        out.append('=');
        out.append(value.toUtf8().toPercentEncoding(" ").replace(' ', '+'));
    }
    return out;
}

bool FormEncoding::decode(const QByteArray &body, FormFields *fields) {
    fields->clear();
    if (body.isEmpty())
        return true;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // One allocation for the list: growing it field by field was half of decoding a webhook.
    fields->reserve(body.count('&') + 1);
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair(body.constData() + start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QString key;
        QString value;
        if (!percentDecode(eq < 0 ? pair : pair.first(eq), utf8, &key))
            return false;
        if (eq >= 0 && !percentDecode(pair.sliced(eq + 1), utf8, &value))
            return false;
        if (key.isEmpty())
            return false;
        fields->append({key, value});
    }
    return true;
}

QString FormEncoding::value(const FormFields &fields, const QString &key) {
    for (const auto &[k, v] : fields) {
        if (k == key)
            return v;
    }
    return {};
}

} // namespace sb
