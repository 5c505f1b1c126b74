#pragma once

#include <QColor>
#include <QString>

namespace sb {

// How a message status looks everywhere in the console: one word and one colour.
class StatusColors {
public:
    static QString label(const QString &status);
    static QColor color(const QString &status);
    static QString tick(const QString &status); // ✓ sent, ✓✓ delivered, ! failed
};

} // namespace sb
