#include "OptOutKeywords.h"

namespace sb {

const QStringList &OptOutKeywords::optOut() {
    static const QStringList words{QStringLiteral("STOP"),        QStringLiteral("STOPALL"),
                                   QStringLiteral("UNSUBSCRIBE"), QStringLiteral("CANCEL"),
                                   QStringLiteral("END"),         QStringLiteral("QUIT")};
    return words;
}

const QStringList &OptOutKeywords::optIn() {
    static const QStringList words{QStringLiteral("START"), QStringLiteral("UNSTOP"),
                                   QStringLiteral("YES")};
    return words;
}

const QStringList &OptOutKeywords::help() {
    static const QStringList words{QStringLiteral("HELP"), QStringLiteral("INFO")};
    return words;
}

OptOutKeywords::Reading OptOutKeywords::read(const QString &body, const QString &optOutType) {
    Reading reading;
    const QString type = optOutType.trimmed().toUpper();
    if (!type.isEmpty()) {
        // Twilio has already decided (its keyword lists may be the account's own).
        reading.fromType = true;
        reading.keyword = type;
        if (type == QLatin1String("STOP"))
            reading.kind = Kind::OptOut;
        else if (type == QLatin1String("START"))
            reading.kind = Kind::OptIn;
        else if (type == QLatin1String("HELP"))
            reading.kind = Kind::Help;
        else
            reading.fromType = false; // a value we do not know: read the body instead
        if (reading.fromType)
            return reading;
    }
    const QString word = body.trimmed().toUpper();
    reading.keyword = word;
    if (optOut().contains(word))
        reading.kind = Kind::OptOut;
    else if (optIn().contains(word))
        reading.kind = Kind::OptIn;
    else if (help().contains(word))
        reading.kind = Kind::Help;
    else
        reading.keyword.clear();
    return reading;
}

} // namespace sb
