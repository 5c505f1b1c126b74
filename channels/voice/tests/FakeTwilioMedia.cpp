#include "FakeTwilioMedia.h"

#include <QtEndian>
#include <QtMath>

using namespace sb;

FakeTwilioMedia::FakeTwilioMedia() {
    m_wav = makeWav(1500);
    m_clock.start();
    m_server.setLogRequests(false);
    auto handler = [this](const HttpRequest &r, const HttpServer::Reply &reply) {
        QString file = r.args.value(1);
        m_seen.append({r.method, r.path, r.header("Authorization"), m_clock.elapsed()});
        const bool wav = file.endsWith(QLatin1String(".wav"));
        file.chop(wav ? 4 : (file.endsWith(QLatin1String(".json")) ? 5 : 0));
        QList<int> &script = m_script[file];
        const int status = script.isEmpty() ? 0 : script.takeFirst();
        if (status != 0)
            return reply(HttpResponse::error(status, QStringLiteral("scripted %1").arg(status)));
        if (r.method == "DELETE")
            return reply(HttpResponse::empty(204));
        if (!wav)
            return reply(HttpResponse::error(404, QStringLiteral("only .wav is served here")));
        reply(HttpResponse{200, "audio/x-wav", m_wav, {}});
    };
    const QString pattern = QStringLiteral("/2010-04-01/Accounts/{account}/Recordings/{file}");
    m_server.route("GET", pattern, handler);
    m_server.route("DELETE", pattern, handler);
    m_port = m_server.listenOn(QHostAddress::LocalHost, 0);
}

QList<FakeTwilioMedia::Seen> FakeTwilioMedia::seen(const QString &sid) const {
    QList<Seen> matching;
    for (const Seen &s : m_seen) {
        if (sid.isEmpty() || s.path.contains(sid))
            matching.append(s);
    }
    return matching;
}

QByteArray FakeTwilioMedia::makeWav(int ms) {
    const int rate = 8000;
    const int samples = rate * ms / 1000;
    QByteArray pcm(samples * 2, Qt::Uninitialized);
    for (int i = 0; i < samples; ++i) {
        const qint16 v = qint16(8000 * qSin(2 * M_PI * 440 * i / rate));
        qToLittleEndian(v, pcm.data() + 2 * i);
    }
    QByteArray wav;
    auto u32 = [&wav](quint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        wav.append(b, 4);
    };
    auto u16 = [&wav](quint16 v) {
        char b[2];
        qToLittleEndian(v, b);
        wav.append(b, 2);
    };
    wav.append("RIFF");
    u32(36 + pcm.size());
    wav.append("WAVEfmt ");
    u32(16);
    u16(1);        // PCM
    u16(1);        // mono
    u32(rate);     // sample rate
    u32(rate * 2); // byte rate
    u16(2);        // block align
    u16(16);       // bits per sample
    wav.append("data");
    u32(pcm.size());
    wav.append(pcm);
    return wav;
}
