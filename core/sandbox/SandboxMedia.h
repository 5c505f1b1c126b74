#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// The real files the sandbox's inbound messages carry as media, served behind its Basic auth
// at Twilio's media path (/2010-04-01/Accounts/{AC}/Messages/{MM}/Media/{ME}), as Twilio
// serves an MMS's or a WhatsApp message's media: two pictures (PNG), a voice note (WAV) and
// an invoice (PDF). They are made here, byte by byte (core links no QtGui), and are valid
// files any viewer opens.
class SandboxMedia {
public:
    struct Sample {
        QString name; // what POST /sandbox/inbound's Media field names
        QByteArray contentType;
        QByteArray bytes;
        QString mediaSid; // ME + 32 hex, stable per name
    };
    static const QList<Sample> &samples();
    static QStringList names();
    // By name or by media SID; null when neither.
    static const Sample *find(const QString &nameOrSid);

    // A truecolour PNG; pixel(x, y) gives 0xRRGGBB.
    template <typename Pixel> static QByteArray png(int width, int height, Pixel pixel);
    static QByteArray pngFromRgb(int width, int height, const QByteArray &rgb);
    // Mono 16-bit 8 kHz PCM, a 440 Hz tone then a 660 Hz one.
    static QByteArray wav(int ms);
    // A one-page PDF with these lines of text in Helvetica.
    static QByteArray pdf(const QStringList &lines);
};

template <typename Pixel> QByteArray SandboxMedia::png(int width, int height, Pixel pixel) {
    QByteArray rgb;
    rgb.reserve(width * height * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const unsigned c = pixel(x, y);
            rgb.append(char((c >> 16) & 0xff));
            rgb.append(char((c >> 8) & 0xff));
            rgb.append(char(c & 0xff));
        }
    }
    return pngFromRgb(width, height, rgb);
}

} // namespace sb
