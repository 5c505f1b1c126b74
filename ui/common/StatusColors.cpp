#include "StatusColors.h"

namespace sb {

Tone StatusColors::tone(StatusTone tone) {
    switch (tone) {
    case StatusTone::Success:
        return Tone::Success;
    case StatusTone::Failure:
        return Tone::Error;
    case StatusTone::Sent:
        return Tone::Info;
    case StatusTone::Neutral:
    case StatusTone::Progress:
        break;
    }
    return Tone::Faint;
}

QColor StatusColors::text(StatusTone tone, const QPalette &palette, const QColor &background) {
    return SchemeColors::text(StatusColors::tone(tone), palette, background);
}

SchemeColors::Pair StatusColors::badge(StatusTone tone) {
    SchemeColors::Pair p;
    switch (tone) {
    case StatusTone::Success:
        p.background = QColor(0x2e, 0x7d, 0x32); // green
        break;
    case StatusTone::Failure:
        p.background = QColor(0xc6, 0x28, 0x28); // red
        break;
    case StatusTone::Sent:
        p.background = QColor(0x15, 0x65, 0xc0); // blue
        break;
    case StatusTone::Neutral:
    case StatusTone::Progress:
        p.background = QColor(0x75, 0x75, 0x75); // grey: pending, queued, sending...
        break;
    }
    p.text = SchemeColors::readable(QColor(Qt::white), p.background);
    p.border = p.background;
    return p;
}

QString StatusColors::tick(StatusTone tone) {
    switch (tone) {
    case StatusTone::Success:
        return QStringLiteral("✓✓");
    case StatusTone::Sent:
        return QStringLiteral("✓");
    case StatusTone::Failure:
        return QStringLiteral("!");
    case StatusTone::Neutral:
    case StatusTone::Progress:
        break;
    }
    return QStringLiteral("…");
}

} // namespace sb
