#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace sb {

// Puts the console in the user's language: Switchboard's own translation (compiled in under
// :/i18n) and Qt's for its standard dialogs and buttons, when the system has them.
class Translations {
public:
    // Installs the translators for the first of `locale`'s UI languages that Switchboard has
    // a translation for (none for English). Returns the language installed, or an empty
    // string. The translators are children of `app`.
    static QString install(QCoreApplication &app, const QLocale &locale = QLocale());
    // The languages Switchboard is translated into, besides English ("de").
    static QStringList available();
};

} // namespace sb
