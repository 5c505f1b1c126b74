#include "ConsoleFixture.h"
#include "account/AccountTab.h"
#include "canned/CannedEditor.h"
#include "inbox/InboxTab.h"
#include "settings/Translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextEdit>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sb;

namespace {

// A translation that marks every string the .ts file knows, under the context it is filed
// in: ⟦like this⟧. Text on screen outside the marks never went through tr() (or went through
// it under a context lupdate did not file it under), so no translation can ever reach it.
class PseudoTranslator : public QTranslator {
public:
    bool load(const QString &tsFile, QString *error) {
        QFile file(tsFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return false;
        }
        QXmlStreamReader xml(&file);
        QString context;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                m_known.insert(context + QChar(0) + xml.readElementText());
        }
        if (xml.hasError())
            *error = xml.errorString();
        return !xml.hasError() && !m_known.isEmpty();
    }
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override {
        const QString text = QString::fromUtf8(source);
        if (!m_known.contains(QString::fromUtf8(context) + QChar(0) + text))
            return {};
        return QStringLiteral("⟦") + text + QStringLiteral("⟧");
    }
    qsizetype size() const { return m_known.size(); }

private:
    QSet<QString> m_known;
};

} // namespace

// Every string the console shows goes through tr() under a context its translation can reach:
// the whole window, every tab, menu, header, tooltip and placeholder, and the Settings
// dialog, under a pseudo-translation. Also: the German translation loads and is used.
class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyStringOnScreenIsTranslatable();
    void germanIsCompiledInAndUsed();

private:
    void collect(QWidget *root, QStringList *where);
    static bool isData(const QString &text);
    static QString unmarked(QString text);
    PseudoTranslator m_pseudo;
};

void TestTranslations::initTestCase() {
    QString error;
    QVERIFY2(m_pseudo.load(QStringLiteral(SB_TS_FILE), &error), qPrintable(error));
    QVERIFY(QCoreApplication::installTranslator(&m_pseudo));
}

void TestTranslations::cleanupTestCase() {
    QCoreApplication::removeTranslator(&m_pseudo);
}

// What the console shows that is the customer's or the account's, not the program's words.
bool TestTranslations::isData(const QString &text) {
    static const QRegularExpression data(QStringLiteral(
        R"(^(\+?[\d\s\-().:/,%]+|https?://\S+|\S+@\S+|whatsapp:\+\d+|[A-Z]{2}[0-9a-f]{32}|[\d.]+ ?(ms|s|KB|MB|GB|B)|\S+\.(db|png|pdf|json|socket)|\((Ctrl|Alt|Shift|Meta)\+[^)]*\))$)"));
    static const QStringList names{QStringLiteral("Switchboard"), QStringLiteral("Twilio"),
                                   QStringLiteral("SendGrid"),    QStringLiteral("WhatsApp"),
                                   QStringLiteral("SMS"),         QStringLiteral("TwiML"),
                                   QStringLiteral("GSM-7"),       QStringLiteral("UCS-2")};
    const QString t = text.trimmed();
    // Day and month names come from QLocale, in the user's language already.
    QString word = t;
    word.remove(QRegularExpression(QStringLiteral("[:·\\s]+$")));
    for (int day = 1; day <= 7; ++day) {
        if (word == QLocale().dayName(day) || word == QLocale().dayName(day, QLocale::ShortFormat))
            return true;
    }
    return !t.contains(QRegularExpression(QStringLiteral("\\p{L}"))) || names.contains(t) ||
           data.match(t).hasMatch();
}

// `text` with every ⟦marked⟧ span (nested ones too) taken out.
QString TestTranslations::unmarked(QString text) {
    // A marked string cut short on screen ("⟦Thank you for call…") lost its closing mark: it
    // closes where the text was cut.
    const qsizetype open = text.count(QStringLiteral("⟦")) - text.count(QStringLiteral("⟧"));
    if (const qsizetype cut = text.lastIndexOf(QStringLiteral("…")); open > 0 && cut >= 0)
        text.insert(cut + 1, QString(open, QChar(0x27E7)));
    static const QRegularExpression innermost(QStringLiteral("⟦[^⟦⟧]*⟧"));
    for (qsizetype before = -1; before != text.size();) {
        before = text.size();
        text.remove(innermost);
    }
    return text;
}

void TestTranslations::collect(QWidget *root, QStringList *where) {
    auto check = [where](const QObject *o, const char *what, const QString &text) {
        if (text.isEmpty())
            return;
        const QString rest = unmarked(text);
        // Tokens left outside the marks: data, names, or a string that bypassed tr().
        for (const QString &piece :
             rest.split(QRegularExpression(QStringLiteral("[\\n\\t•|·]")), Qt::SkipEmptyParts)) {
            if (!isData(piece))
                where->append(QStringLiteral("%1 %2 (%3): %4")
                                  .arg(QString::fromLatin1(o->metaObject()->className()),
                                       o->objectName(), QString::fromLatin1(what), text));
        }
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    // Qt's own parts (a tab bar's scroll buttons) are translated by Qt's translations; combo
    // boxes listing the account's templates show their names.
    static const QStringList notOurs{
        QStringLiteral("ScrollLeftButton"), QStringLiteral("ScrollRightButton"),
        QStringLiteral("whatsappTemplate"), QStringLiteral("emailTemplate")};
    for (QWidget *w : std::as_const(widgets)) {
        if (notOurs.contains(w->objectName()) || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        // Save, Cancel…: Qt's standard buttons, in Qt's translations.
        if (auto *box = qobject_cast<QDialogButtonBox *>(w->parentWidget())) {
            if (auto *button = qobject_cast<QAbstractButton *>(w);
                button && box->standardButton(button) != QDialogButtonBox::NoButton)
                continue;
        }
        check(w, "toolTip", w->toolTip());
        check(w, "whatsThis", w->whatsThis());
        check(w, "accessibleName", w->accessibleName());
        check(w, "accessibleDescription", w->accessibleDescription());
        if (w->isWindow())
            check(w, "windowTitle", w->windowTitle());
        if (auto *label = qobject_cast<QLabel *>(w)) {
            // Rich text: what the reader sees, not the markup.
            QTextDocument doc;
            doc.setHtml(label->text());
            check(w, "text",
                  label->textFormat() == Qt::PlainText ? label->text() : doc.toPlainText());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            check(w, "text", button->text());
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            check(w, "title", box->title());
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            check(w, "placeholderText", edit->placeholderText());
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
            check(w, "placeholderText", plain->placeholderText());
        } else if (auto *rich = qobject_cast<QTextEdit *>(w)) {
            check(w, "placeholderText", rich->placeholderText());
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                check(w, "tabText", tabs->tabText(i));
                check(w, "tabToolTip", tabs->tabToolTip(i));
            }
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (!combo->isEditable()) {
                for (int i = 0; i < combo->count(); ++i)
                    check(w, "item", combo->itemText(i));
            }
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (QAbstractItemModel *model = header->model()) {
                for (int i = 0; i < model->columnCount(); ++i) {
                    check(w, "header", model->headerData(i, header->orientation()).toString());
                    check(w, "header tooltip",
                          model->headerData(i, header->orientation(), Qt::ToolTipRole).toString());
                }
            }
        }
        for (QAction *action : w->actions()) {
            check(action, "action", action->text());
            check(action, "action toolTip",
                  action->toolTip() == QString(action->text()).remove(QLatin1Char('&'))
                      ? QString()
                      : action->toolTip());
            check(action, "statusTip", action->statusTip());
        }
    }
}

void TestTranslations::everyStringOnScreenIsTranslatable() {
    QVERIFY2(m_pseudo.size() > 1000, "the .ts file holds the program's strings");
    ConsoleFixture console;
    QString why;
    QVERIFY2(console.start(&why), qPrintable(why));
    MainWindow *window = console.window();
    QStringList untranslatable;
    // Each tab once shown, so what it builds on first show is there too.
    for (int i = 0; i < window->tabs()->count(); ++i) {
        window->tabs()->setCurrentIndex(i);
        QTest::qWait(50);
    }
    collect(window, &untranslatable);
    for (QAction *menu : window->menuBar()->actions()) {
        collect(menu->menu(), &untranslatable);
    }
    window->openSettings();
    QDialog *settings = nullptr;
    QTRY_VERIFY((settings = window->findChild<QDialog *>()) != nullptr);
    collect(settings, &untranslatable);
    settings->reject();
    // Tools ▸ Canned responses: a window of its own.
    window->openCannedResponses();
    QWidget *canned = nullptr;
    QTRY_VERIFY((canned = window->findChild<CannedEditor *>()) != nullptr);
    collect(canned, &untranslatable);
    canned->close();
    ConsoleFixture::screenshot(window, QStringLiteral("console-pseudo-translated"));
    console.stop();
    untranslatable.removeDuplicates();
    for (const QString &line : std::as_const(untranslatable))
        qWarning().noquote() << "outside tr():" << line;
    QVERIFY2(untranslatable.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) outside tr():\n").arg(untranslatable.size()) +
                        untranslatable.join(QLatin1Char('\n'))));
}

void TestTranslations::germanIsCompiledInAndUsed() {
    QCoreApplication::removeTranslator(&m_pseudo);
    QVERIFY(Translations::available().contains(QStringLiteral("de")));
    const QString installed = Translations::install(*QCoreApplication::instance(),
                                                    QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(installed, QStringLiteral("de_DE"));
    ConsoleFixture console;
    QString why;
    QVERIFY2(console.start(&why), qPrintable(why));
    QTabWidget *tabs = console.window()->tabs();
    QCOMPARE(tabs->tabText(tabs->indexOf(console.window()->accountTab())), QStringLiteral("Konto"));
    QCOMPARE(tabs->tabText(tabs->indexOf(console.window()->inboxTab())),
             QStringLiteral("Posteingang"));
    // Longer German words still fit a 1024x600 netbook's screen.
    qInfo() << "German minimum size" << console.window()->minimumSizeHint() << "size"
            << console.window()->size();
    QVERIFY(console.window()->minimumSizeHint().width() <= 1024);
    // The sandbox banner's longer German sentence wraps rather than being cut at the edge.
    console.window()->resize(1024, 600);
    console.window()->show();
    const auto *banner = console.window()->findChild<QLabel *>(QStringLiteral("sandboxBanner"));
    QVERIFY(banner && banner->isVisible());
    QTRY_VERIFY2(banner->height() >= banner->heightForWidth(banner->width()),
                 qPrintable(QStringLiteral("banner %1 px high, its text needs %2")
                                .arg(banner->height())
                                .arg(banner->heightForWidth(banner->width()))));
    ConsoleFixture::screenshot(console.window(), QStringLiteral("console-german"));
    console.stop();
    // English again for anything after.
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
    QVERIFY(QCoreApplication::installTranslator(&m_pseudo));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
