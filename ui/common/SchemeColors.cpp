#include "SchemeColors.h"

#include <QEvent>
#include <QVariant>
#include <QWidget>

#include <cmath>

namespace sb {

namespace {

const char *const kToneProperty = "sbTone";

double channel(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// The hue a tone starts from in a light and in a dark scheme, before the contrast check.
QColor baseColor(Tone tone, bool dark) {
    switch (tone) {
    case Tone::Success:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Info:
        return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x3c, 0x00);
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Tone::Normal:
    case Tone::Faint:
        break;
    }
    return {};
}

// Re-applies a widget's tone whenever its palette changes (setting the same colours again
// raises no new event, so this settles at once).
class ToneKeeper : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange)
            apply(static_cast<QWidget *>(watched));
        return false;
    }
    static void apply(QWidget *widget) {
        const Tone tone = SchemeColors::tone(widget);
        // The colours the widget would have without its own foreground: its parent's.
        QPalette base =
            widget->parentWidget() ? widget->parentWidget()->palette() : widget->palette();
        const QColor background = base.color(widget->backgroundRole());
        QPalette mine = widget->palette();
        const QColor color = SchemeColors::text(tone, base, background);
        if (mine.color(QPalette::WindowText) == color && mine.color(QPalette::Text) == color)
            return;
        mine.setColor(QPalette::WindowText, color);
        mine.setColor(QPalette::Text, color);
        widget->setPalette(mine);
    }
};

} // namespace

double SchemeColors::luminance(const QColor &color) {
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double SchemeColors::contrast(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool SchemeColors::isDark(const QPalette &palette) {
    return luminance(palette.color(QPalette::Window)) < 0.3;
}

QColor SchemeColors::mix(const QColor &a, const QColor &b, double amount) {
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    auto blend = [amount](double p, double q) {
        return p + (q - p) * amount;
    };
    return QColor::fromRgbF(float(blend(x.redF(), y.redF())), float(blend(x.greenF(), y.greenF())),
                            float(blend(x.blueF(), y.blueF())));
}

QColor SchemeColors::readable(const QColor &wanted, const QColor &background, double ratio) {
    // A little above the target, so rounding to 8-bit channels never lands just under it.
    const double target = ratio + 0.05;
    if (contrast(wanted, background) >= target)
        return wanted.toRgb();
    const QColor extreme = luminance(background) > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
    for (int step = 1; step <= 20; ++step) {
        const QColor candidate = mix(wanted, extreme, step / 20.0);
        if (contrast(candidate, background) >= target)
            return candidate;
    }
    return extreme;
}

QColor SchemeColors::text(Tone tone, const QPalette &palette, QPalette::ColorRole background) {
    return text(tone, palette, palette.color(background));
}

QColor SchemeColors::text(Tone tone, const QPalette &palette, const QColor &background) {
    const QColor normal = palette.color(QPalette::WindowText);
    switch (tone) {
    case Tone::Normal:
        return readable(normal, background);
    case Tone::Faint:
        // Quieter than normal text, but never below the text contrast.
        return readable(mix(normal, background, 0.35), background);
    default:
        return readable(baseColor(tone, isDark(palette)), background);
    }
}

SchemeColors::Pair SchemeColors::bubble(const QPalette &palette, bool outbound, bool failed) {
    const bool dark = isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    Pair p;
    if (failed) {
        const QColor red = baseColor(Tone::Error, dark);
        p.background = mix(base, red, dark ? 0.22 : 0.10);
        p.border = readable(red, p.background, 3.0);
    } else if (outbound) {
        p.background = mix(base, palette.color(QPalette::Highlight), dark ? 0.35 : 0.16);
        p.border = p.background;
    } else {
        p.background = mix(base, palette.color(QPalette::Text), dark ? 0.12 : 0.07);
        p.border = p.background;
    }
    p.text = readable(palette.color(QPalette::Text), p.background);
    return p;
}

SchemeColors::Pair SchemeColors::banner(const QPalette &palette, Tone tone) {
    const bool dark = isDark(palette);
    const QColor hue =
        baseColor(tone == Tone::Normal || tone == Tone::Faint ? Tone::Info : tone, dark);
    Pair p;
    p.background = mix(palette.color(QPalette::Window), hue, dark ? 0.20 : 0.12);
    p.text = readable(dark ? hue.lighter(115) : hue, p.background);
    p.border = readable(hue, p.background, 1.5);
    return p;
}

SchemeColors::Pair SchemeColors::ucs2Mark(const QPalette &palette) {
    Pair p;
    p.background = isDark(palette) ? QColor(0x7a, 0x5c, 0x00) : QColor(0xff, 0xe0, 0x82);
    p.text = readable(palette.color(QPalette::Text), p.background);
    p.border = p.background;
    return p;
}

void SchemeColors::setTone(QWidget *widget, Tone tone) {
    const bool had = widget->property(kToneProperty).isValid();
    widget->setProperty(kToneProperty, int(tone));
    if (!had)
        widget->installEventFilter(new ToneKeeper(widget));
    ToneKeeper::apply(widget);
}

Tone SchemeColors::tone(const QWidget *widget) {
    const QVariant v = widget->property(kToneProperty);
    return v.isValid() ? Tone(v.toInt()) : Tone::Normal;
}

} // namespace sb
