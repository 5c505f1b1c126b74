#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace sb {

// What a piece of text means, not what colour it is: the colour is chosen per palette.
enum class Tone { Normal, Faint, Success, Info, Warning, Error };

// Every colour the console paints with, derived from the palette in use so that light and dark
// desktops both stay readable: each text colour is checked against the background it sits on
// and moved towards black or white until it reaches WCAG's 4.5:1 for text.
class SchemeColors {
public:
    static constexpr double TextContrast = 4.5;

    // WCAG 2.x relative luminance and contrast ratio (1 to 21).
    static double luminance(const QColor &color);
    static double contrast(const QColor &a, const QColor &b);
    static bool isDark(const QPalette &palette);
    // `wanted`, moved towards black or white just far enough to reach `ratio` on `background`.
    static QColor readable(const QColor &wanted, const QColor &background,
                           double ratio = TextContrast);
    // `a` with `amount` (0..1) of `b` mixed in.
    static QColor mix(const QColor &a, const QColor &b, double amount);

    // Text of the given tone on the palette's `background` role.
    static QColor text(Tone tone, const QPalette &palette,
                       QPalette::ColorRole background = QPalette::Window);
    static QColor text(Tone tone, const QPalette &palette, const QColor &background);

    struct Pair {
        QColor background;
        QColor text;
        QColor border;
    };
    // A chat bubble: inbound, outbound, or outbound that failed.
    static Pair bubble(const QPalette &palette, bool outbound, bool failed);
    // The sandbox banner and notices (failure notices use Tone::Error).
    static Pair banner(const QPalette &palette, Tone tone);
    // The characters that force UCS-2, marked in the compose box.
    static Pair ucs2Mark(const QPalette &palette);

    // Gives `widget` the tone's foreground (WindowText and Text) and keeps it right when the
    // palette changes, e.g. when the desktop switches between light and dark.
    static void setTone(QWidget *widget, Tone tone);
    static Tone tone(const QWidget *widget);
};

} // namespace sb
