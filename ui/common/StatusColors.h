#pragma once

#include "SchemeColors.h"
#include "messaging/StatusModel.h"

#include <QColor>
#include <QString>

namespace sb {

// How a status looks everywhere in the console, from the tone its channel's StatusModel gives
// it (the label and the meaning come from the model too): the colour of its text, its badge
// and its tick. Defined here once for every channel.
class StatusColors {
public:
    // The text tone a status is written in: delivered green, failed red, sent blue, else faint.
    static Tone tone(StatusTone tone);
    // Its text on `background`, readable in the palette (SchemeColors' WCAG contrast).
    static QColor text(StatusTone tone, const QPalette &palette, const QColor &background);
    // A badge (the message table's status column): its own fill and white text, the same in
    // every palette, with the text readable on the fill.
    static SchemeColors::Pair badge(StatusTone tone);
    // The tick beside an outbound message: ✓ sent, ✓✓ delivered or read, ! failed, … on its way.
    static QString tick(StatusTone tone);
};

} // namespace sb
