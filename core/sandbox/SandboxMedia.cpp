#include "SandboxMedia.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <cmath>

namespace sb {

namespace {

quint32 crc32(const QByteArray &data) {
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char byte : data)
        c = table[(c ^ quint8(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void appendBe32(QByteArray &out, quint32 v) {
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

void appendLe(QByteArray &out, quint32 v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}

void chunk(QByteArray &png, const char *type, const QByteArray &data) {
    appendBe32(png, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    png.append(typed);
    appendBe32(png, crc32(typed));
}

unsigned mix(unsigned a, unsigned b, double t) {
    auto channel = [&](int shift) {
        const double x = ((a >> shift) & 0xff) * (1 - t) + ((b >> shift) & 0xff) * t;
        return unsigned(std::lround(x)) << shift;
    };
    return channel(16) | channel(8) | channel(0);
}

QString pdfEscape(QString s) {
    s.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    s.replace(QLatin1Char('('), QLatin1String("\\("));
    s.replace(QLatin1Char(')'), QLatin1String("\\)"));
    return s;
}

SandboxMedia::Sample make(const char *name, const char *type, QByteArray bytes) {
    const QString n = QString::fromLatin1(name);
    const QString sid =
        QStringLiteral("ME") +
        QString::fromLatin1(QCryptographicHash::hash(name, QCryptographicHash::Md5).toHex());
    return {n, QByteArray(type), std::move(bytes), sid};
}

} // namespace

QByteArray SandboxMedia::pngFromRgb(int width, int height, const QByteArray &rgb) {
    QByteArray raw;
    raw.reserve(height * (1 + width * 3));
    for (int y = 0; y < height; ++y) {
        raw.append('\0'); // filter: none
        raw.append(rgb.mid(qsizetype(y) * width * 3, width * 3));
    }
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray header;
    appendBe32(header, quint32(width));
    appendBe32(header, quint32(height));
    header.append("\x08\x02\x00\x00\x00", 5); // 8 bits, truecolour, deflate, no interlace
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", qCompress(raw, 9).mid(4)); // qCompress: a length, then a zlib stream
    chunk(png, "IEND", {});
    return png;
}

QByteArray SandboxMedia::wav(int ms) {
    const int rate = 8000;
    const int samples = rate * ms / 1000;
    QByteArray pcm;
    pcm.reserve(samples * 2);
    for (int i = 0; i < samples; ++i) {
        const double hz = i < samples / 2 ? 440.0 : 660.0;
        const auto v = qint16(std::lround(8000.0 * std::sin(2 * M_PI * hz * i / rate)));
        appendLe(pcm, quint16(v), 2);
    }
    QByteArray out("RIFF");
    appendLe(out, quint32(36 + pcm.size()), 4);
    out.append("WAVEfmt ");
    appendLe(out, 16, 4);
    appendLe(out, 1, 2); // PCM
    appendLe(out, 1, 2); // mono
    appendLe(out, rate, 4);
    appendLe(out, rate * 2, 4);
    appendLe(out, 2, 2);
    appendLe(out, 16, 2);
    out.append("data");
    appendLe(out, quint32(pcm.size()), 4);
    return out + pcm;
}

QByteArray SandboxMedia::pdf(const QStringList &lines) {
    QByteArray content = "BT /F1 18 Tf 72 760 Td 24 TL\n";
    for (const QString &line : lines)
        content += "(" + pdfEscape(line).toLatin1() + ") Tj T*\n";
    content += "ET";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
            "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    QByteArray out = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

const QList<SandboxMedia::Sample> &SandboxMedia::samples() {
    // Never destroyed: the sandbox's server thread may read it while exit() runs.
    static const QList<Sample> &all = *new QList<Sample>([] {
        // A landscape: sky, a sun, green hills.
        const QByteArray photo = png(320, 240, [](int x, int y) -> unsigned {
            const double dx = x - 240, dy = y - 60;
            if (dx * dx + dy * dy < 30 * 30)
                return 0xffd54f;
            const double hill = 170 + 18 * std::sin(x / 40.0);
            if (y > hill)
                return mix(0x66bb6a, 0x2e7d32, (y - hill) / (240 - hill));
            return mix(0x90caf9, 0xe3f2fd, y / 240.0);
        });
        // A bar chart on white.
        const QByteArray chart = png(240, 160, [](int x, int y) -> unsigned {
            static const unsigned colours[] = {0xe53935, 0xfb8c00, 0x43a047, 0x1e88e5};
            static const int heights[] = {60, 110, 85, 135};
            if (y == 150 && x >= 10 && x < 230)
                return 0x424242;
            for (int i = 0; i < 4; ++i) {
                const int left = 20 + i * 55;
                if (x >= left && x < left + 40 && y < 150 && y >= 150 - heights[i])
                    return colours[i];
            }
            return 0xffffff;
        });
        return QList<Sample>{
            make("photo", "image/png", photo),
            make("chart", "image/png", chart),
            make("voice-note", "audio/wav", wav(1200)),
            make("invoice", "application/pdf",
                 pdf({QStringLiteral("Invoice #4242"), QStringLiteral("Switchboard Sandbox"),
                      QStringLiteral("1 x Blue mug      12.00 USD"),
                      QStringLiteral("Total             12.00 USD")})),
        };
    }());
    return all;
}

QStringList SandboxMedia::names() {
    QStringList list;
    for (const Sample &s : samples())
        list.append(s.name);
    return list;
}

const SandboxMedia::Sample *SandboxMedia::find(const QString &nameOrSid) {
    for (const Sample &s : samples()) {
        if (s.name == nameOrSid || s.mediaSid == nameOrSid)
            return &s;
    }
    return nullptr;
}

} // namespace sb
