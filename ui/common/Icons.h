#pragma once

#include "messaging/StatusModel.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace sb {

// Switchboard's own icons (resources/icons, compiled in under :/icons). The application icon
// keeps its colours; channel and status icons are single-colour drawings painted in the colour
// asked for, so they follow the palette (light or dark) and a status's tone.
class Icons {
public:
    // The application icon: the window, the tray and notifications.
    static QIcon application();
    // A channel's or area's icon by name ("sms", "whatsapp", "call", "email", "inbox") in
    // `color`; a null icon for a name with no drawing.
    static QIcon channel(const QString &name, const QColor &color);
    // The icon for a status tone (a clock, an arrow, one tick, two ticks, an exclamation).
    static QIcon status(StatusTone tone, const QColor &color);
    // The drawing `path` (a resource) painted in `color` at `size` logical pixels and the
    // given device pixel ratio; null when the drawing is missing.
    static QPixmap tinted(const QString &path, const QColor &color, int size, qreal dpr = 1.0);
};

} // namespace sb
