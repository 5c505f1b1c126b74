#include "Translations.h"

#include "common/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace sb {

QString Translations::install(QCoreApplication &app, const QLocale &locale) {
    auto *own = new QTranslator(&app);
    // QTranslator::load(locale, ...) tries each of the locale's UI languages in turn.
    if (!own->load(locale, QStringLiteral("switchboard"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (the standard buttons of QMessageBox and QDialogButtonBox, the file
    // dialog) come from the system's Qt translations when they are installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    const QString language = own->language();
    qCInfo(lcConfig).noquote() << "user interface language:" << language;
    return language;
}

QStringList Translations::available() {
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*.qm")});
    for (const QString &file : files)
        languages << file.section(QLatin1Char('_'), 1).section(QLatin1Char('.'), 0, 0);
    return languages;
}

} // namespace sb
