#pragma once

#include <QList>
#include <QString>

namespace sb {

// How Twilio will split a body into SMS segments.
struct SegmentCount {
    enum class Encoding { Gsm7, Ucs2 };
    Encoding encoding = Encoding::Gsm7;
    int characters = 0; // user-visible characters (code points)
    int units = 0;      // GSM-7 septets or UTF-16 code units
    int segments = 0;   // 0 for an empty body
    int unitsPerSegment = 160;
    int remainingInSegment = 160;
    QList<int> ucs2Forcing; // indices into the QString of characters that are not GSM-7

    QString encodingName() const {
        return encoding == Encoding::Gsm7 ? QStringLiteral("GSM-7") : QStringLiteral("UCS-2");
    }
};

// GSM 03.38 (basic table + extension table) vs UCS-2; 160/153 septets and 70/67 code units.
class SmsSegments {
public:
    static constexpr int MaxBodyCharacters = 1600;

    static SegmentCount count(const QString &body);
    // Septets a character costs in GSM-7: 1 (basic table), 2 (extension table), 0 (not GSM-7).
    static int gsmSeptets(char32_t codePoint);
};

} // namespace sb
