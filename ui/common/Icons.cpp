#include "Icons.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace sb {

namespace {

// The colour the single-colour drawings are made in, replaced by the one asked for.
constexpr char DrawingColor[] = "#000000";
constexpr int Sizes[] = {16, 24, 32, 48};

QIcon tintedIcon(const QString &path, const QColor &color) {
    // Icons are asked for on every repaint of a badge: keep each (drawing, colour) once.
    static QHash<QString, QIcon> cache;
    const QString key = path + QLatin1Char('|') + color.name(QColor::HexArgb);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QIcon icon;
    for (int size : Sizes) {
        for (qreal dpr : {1.0, 2.0}) {
            const QPixmap pixmap = Icons::tinted(path, color, size, dpr);
            if (pixmap.isNull())
                return {};
            icon.addPixmap(pixmap);
        }
    }
    cache.insert(key, icon);
    return icon;
}

QString statusName(StatusTone tone) {
    switch (tone) {
    case StatusTone::Neutral:
        return QStringLiteral("pending");
    case StatusTone::Progress:
        return QStringLiteral("progress");
    case StatusTone::Sent:
        return QStringLiteral("sent");
    case StatusTone::Success:
        return QStringLiteral("success");
    case StatusTone::Failure:
        return QStringLiteral("failure");
    }
    return QStringLiteral("pending");
}

} // namespace

QIcon Icons::application() {
    static const QIcon icon(QStringLiteral(":/icons/app/switchboard.svg"));
    return icon;
}

QIcon Icons::channel(const QString &name, const QColor &color) {
    return tintedIcon(QStringLiteral(":/icons/channels/%1.svg").arg(name), color);
}

QIcon Icons::status(StatusTone tone, const QColor &color) {
    return tintedIcon(QStringLiteral(":/icons/status/%1.svg").arg(statusName(tone)), color);
}

QPixmap Icons::tinted(const QString &path, const QColor &color, int size, qreal dpr) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace(DrawingColor, color.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    const int pixels = qRound(size * dpr);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setOpacity(color.alphaF());
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(dpr);
    return pixmap;
}

} // namespace sb
