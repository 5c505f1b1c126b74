#include "SmsSegments.h"

#include <QStringView>

namespace sb {

namespace {

// GSM 03.38 basic character set, as Unicode.
constexpr char16_t kBasic[] = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                              u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Extension table: sent as ESC + char, so two septets each.
constexpr char16_t kExtension[] = u"\f^{}\\[~]|€";

bool contains(std::u16string_view table, char32_t cp) {
    return cp <= 0xFFFF && table.find(static_cast<char16_t>(cp)) != std::u16string_view::npos;
}

// Greedy packing: a character never straddles two segments (an escape pair or a surrogate
// pair stays together), which is what carriers do.
int packSegments(const QList<int> &costs, int single, int multi) {
    int total = 0;
    for (int c : costs)
        total += c;
    if (total == 0)
        return 0;
    if (total <= single)
        return 1;
    int segments = 1;
    int used = 0;
    for (int c : costs) {
        if (used + c > multi) {
            ++segments;
            used = 0;
        }
        used += c;
    }
    return segments;
}

} // namespace

int SmsSegments::gsmSeptets(char32_t cp) {
    if (contains(kBasic, cp))
        return 1;
    if (contains(kExtension, cp))
        return 2;
    return 0;
}

SegmentCount SmsSegments::count(const QString &body) {
    SegmentCount result;
    QList<int> gsmCosts;
    QList<int> ucsCosts;
    gsmCosts.reserve(body.size());
    ucsCosts.reserve(body.size());

    for (qsizetype i = 0; i < body.size(); ++i) {
        char32_t cp = body.at(i).unicode();
        int codeUnits = 1;
        if (body.at(i).isHighSurrogate() && i + 1 < body.size() &&
            body.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(body.at(i), body.at(i + 1));
            codeUnits = 2;
        }
        const int septets = gsmSeptets(cp);
        if (septets == 0)
            result.ucs2Forcing.append(int(i));
        gsmCosts.append(septets);
        ucsCosts.append(codeUnits);
        ++result.characters;
        i += codeUnits - 1;
    }

    if (result.ucs2Forcing.isEmpty()) {
        result.encoding = SegmentCount::Encoding::Gsm7;
        for (int c : gsmCosts)
            result.units += c;
        result.segments = packSegments(gsmCosts, 160, 153);
        result.unitsPerSegment = result.segments > 1 ? 153 : 160;
    } else {
        result.encoding = SegmentCount::Encoding::Ucs2;
        for (int c : ucsCosts)
            result.units += c;
        result.segments = packSegments(ucsCosts, 70, 67);
        result.unitsPerSegment = result.segments > 1 ? 67 : 70;
    }
    const int capacity = qMax(1, result.segments) * result.unitsPerSegment;
    result.remainingInSegment = capacity - result.units;
    if (result.remainingInSegment < 0)
        result.remainingInSegment = 0;
    return result;
}

} // namespace sb
