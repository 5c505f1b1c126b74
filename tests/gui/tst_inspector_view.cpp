// The Webhooks tab (ui/inspector) end to end: the real console in sandbox mode (ConsoleFixture)
// with its embedded server on loopback; webhooks posted to it, signed well and badly, as
// Twilio would; the tab's list, filters, detail and actions used as the agent would.
#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "inspector/ReplayEditDialog.h"
#include "inspector/WebhookFilterProxy.h"
#include "inspector/WebhookInspectorTab.h"
#include "inspector/WebhookTableModel.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUuid>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace sb;

class TestInspectorView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listShowsEachWebhookWithItsVerdict();
    void detailExplainsTheFailedSignature();
    void filtersNarrowTheList();
    void replayInjectsIntoThePipeline();
    void editAndReplayChangesTheFields();
    void shuffledReplayAndDiff();
    void copyAsCurlHasNoSecret();
    void keyboardAndNames();
    void screenshots();

private:
    WebhookInspectorTab *tab() const { return m_console.window()->webhooksTab(); }
    SwitchboardService *service() const { return m_console.window()->service(); }
    QString publicBase() const { return service()->config().publicBase(service()->port()); }
    int post(const QString &path, const QByteArray &body, const QString &signedBase,
             QList<QPair<QByteArray, QByteArray>> headers = {});
    // The source row of the newest webhook of `sid` with that signature result (-1: none yet).
    int rowOf(const QString &sid, const QString &result) const;
    qint64 idOf(const QString &sid, const QString &result) const;
    QString messageStatus(const QString &sid) const;
    // Gives `widget` the keyboard focus, the window active again (a dialog may have taken it).
    bool focus(QWidget *widget) const;
    static QString newSid() {
        return QStringLiteral("SM%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    }

    ConsoleFixture m_console;
    sbtest::Http m_http;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    std::shared_ptr<std::atomic<qint64>> m_now =
        std::make_shared<std::atomic<qint64>>(QDateTime::currentMSecsSinceEpoch());
    const QString m_sid = newSid(); // a good and a badly signed status callback
};

void TestInspectorView::initTestCase() {
    auto now = m_now;
    m_console.setClock([now] { return QDateTime::fromMSecsSinceEpoch(now->load(), Qt::UTC); });
    QString why;
    if (!m_console.start(&why))
        QFAIL(qPrintable(why));
    QVERIFY(tab());
    QCOMPARE(m_console.window()->tabs()->tabText(m_console.window()->tabs()->indexOf(tab())),
             QStringLiteral("Webhooks"));
    m_console.window()->tabs()->setCurrentWidget(tab());
    // Every insertion and removal the live list makes is checked from here on.
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        tab()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        tab()->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestInspectorView::cleanupTestCase() {
    m_proxyTester.reset();
    m_modelTester.reset();
    m_console.stop();
}

int TestInspectorView::post(const QString &path, const QByteArray &body, const QString &signedBase,
                            QList<QPair<QByteArray, QByteArray>> headers) {
    FormFields fields;
    if (!FormEncoding::decode(body, &fields))
        qFatal("not a form body");
    headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    headers.append(qMakePair(QByteArray("X-Twilio-Signature"),
                             SignatureValidator::sign(service()->config().authToken.toUtf8(),
                                                      signedBase + path, fields)));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(service()->port()).arg(path));
    return m_http.request("POST", url, body, headers).status;
}

int TestInspectorView::rowOf(const QString &sid, const QString &result) const {
    const WebhookTableModel *model = tab()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->record(row).sid == sid && model->record(row).signature == result)
            return row;
    }
    return -1;
}

qint64 TestInspectorView::idOf(const QString &sid, const QString &result) const {
    const int row = rowOf(sid, result);
    return row < 0 ? 0 : tab()->model()->record(row).id;
}

QString TestInspectorView::messageStatus(const QString &sid) const {
    QString status;
    bool done = false;
    service()->store()->messageBySid(sid, m_console.window(),
                                     [&](const StoreResult<std::optional<MessageRecord>> &r) {
                                         if (r.ok() && r.value)
                                             status = r.value->status;
                                         done = true;
                                     });
    (void)QTest::qWaitFor([&] { return done; }, 5000);
    return status;
}

bool TestInspectorView::focus(QWidget *widget) const {
    m_console.window()->activateWindow();
    if (!QTest::qWaitForWindowActive(m_console.window()))
        return false;
    widget->setFocus();
    return QTest::qWaitFor([widget] { return widget->hasFocus(); }, 5000);
}

void TestInspectorView::listShowsEachWebhookWithItsVerdict() {
    QCOMPARE(post(QStringLiteral("/twilio/sms-status"),
                  "MessageSid=" + m_sid.toLatin1() + "&MessageStatus=sent", publicBase()),
             200);
    // Twilio called a tunnel's https URL; the console believes it is at http://127.0.0.1.
    QCOMPARE(post(QStringLiteral("/twilio/sms-status"),
                  "MessageSid=" + m_sid.toLatin1() + "&MessageStatus=delivered",
                  QStringLiteral("https://tunnel.example.com"),
                  {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-Host", "tunnel.example.com"}}),
             403);
    // Live: both arrive without anything being reloaded by hand.
    QTRY_VERIFY(rowOf(m_sid, QStringLiteral("valid")) >= 0);
    QTRY_VERIFY(rowOf(m_sid, QStringLiteral("invalid")) >= 0);
    const WebhookTableModel *model = tab()->model();
    const int good = rowOf(m_sid, QStringLiteral("valid"));
    const int bad = rowOf(m_sid, QStringLiteral("invalid"));
    QVERIFY(bad < good); // newest first
    QCOMPARE(model->index(good, WebhookTableModel::Result).data().toString(),
             QStringLiteral("Valid"));
    QCOMPARE(model->index(bad, WebhookTableModel::Result).data().toString(),
             QStringLiteral("Invalid signature"));
    QCOMPARE(model->index(good, WebhookTableModel::Status).data().toInt(), 200);
    QCOMPARE(model->index(bad, WebhookTableModel::Status).data().toInt(), 403);
    QCOMPARE(model->index(bad, WebhookTableModel::Method).data().toString(),
             QStringLiteral("POST"));
    QCOMPARE(model->index(bad, WebhookTableModel::Path).data().toString(),
             QStringLiteral("/twilio/sms-status"));
    QCOMPARE(model->index(bad, WebhookTableModel::Sid).data().toString(), m_sid);
    QVERIFY(model->index(bad, WebhookTableModel::Duration)
                .data()
                .toString()
                .endsWith(QLatin1String("ms")));
    QVERIFY(
        model->index(bad, WebhookTableModel::Time).data().toString().contains(QLatin1Char(':')));
}

void TestInspectorView::detailExplainsTheFailedSignature() {
    const qint64 bad = idOf(m_sid, QStringLiteral("invalid"));
    QVERIFY(bad);
    QSignalSpy shown(tab(), &WebhookInspectorTab::detailShown);
    QVERIFY(tab()->select(bad));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->id == bad);
    const QString text = tab()->detail()->toPlainText();
    // The URL checked, the variants tried, the one that matched and the setting to change.
    QVERIFY2(text.contains(QLatin1String("URL checked:")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Variants tried:")));
    QVERIFY(text.contains(QStringLiteral("✔ matches")));
    QVERIFY(text.contains(QLatin1String("https://tunnel.example.com/twilio/sms-status")));
    QVERIFY(text.contains(QLatin1String("SWITCHBOARD_PUBLIC_URL to https://tunnel.example.com")));
    // Headers, raw body, the answer sent.
    QVERIFY(text.contains(QLatin1String("X-Forwarded-Host")));
    QVERIFY(text.contains(QStringLiteral("MessageSid=%1&MessageStatus=delivered").arg(m_sid)));
    QVERIFY(text.contains(QLatin1String("Response sent (HTTP 403)")));

    // A good one says valid and lists no variants.
    QVERIFY(tab()->select(idOf(m_sid, QStringLiteral("valid"))));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->signature == QLatin1String("valid"));
    QVERIFY(!tab()->detail()->toPlainText().contains(QLatin1String("Variants tried:")));
}

void TestInspectorView::filtersNarrowTheList() {
    // One webhook two hours later, on another path.
    const QString later = newSid();
    *m_now += 2 * 3600 * 1000;
    QCOMPARE(post(QStringLiteral("/twilio/incoming-sms"),
                  "MessageSid=" + later.toLatin1() +
                      "&From=%2B14155550177&To=%2B15005550006&Body=filters",
                  publicBase()),
             200);
    QTRY_VERIFY(rowOf(later, QStringLiteral("valid")) >= 0);
    const WebhookFilterProxy *proxy = tab()->proxy();
    const auto shownSids = [proxy] {
        QStringList sids;
        for (int row = 0; row < proxy->rowCount(); ++row)
            sids << proxy->index(row, WebhookTableModel::Sid).data().toString();
        return sids;
    };
    const int all = proxy->rowCount();
    QVERIFY(all >= 3);

    tab()->resultFilter()->setCurrentIndex(
        tab()->resultFilter()->findData(QStringLiteral("invalid")));
    QVERIFY(proxy->rowCount() >= 1 && proxy->rowCount() < all);
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->index(row, 0).data(WebhookTableModel::ResultRole).toString(),
                 QStringLiteral("invalid"));
    QVERIFY(shownSids().contains(m_sid));
    tab()->resultFilter()->setCurrentIndex(0);
    QCOMPARE(proxy->rowCount(), all);

    QTest::keyClicks(tab()->pathFilter(), QStringLiteral("incoming"));
    QVERIFY(proxy->rowCount() >= 1);
    QVERIFY(shownSids().contains(later) && !shownSids().contains(m_sid));
    tab()->pathFilter()->clear();

    tab()->sidFilter()->setText(m_sid);
    QCOMPARE(proxy->rowCount(), 2);
    tab()->sidFilter()->clear();

    // The last hour: only what came after the clock moved.
    tab()->timeFilter()->setCurrentIndex(tab()->timeFilter()->findData(60));
    QVERIFY(shownSids().contains(later));
    QVERIFY(!shownSids().contains(m_sid));
    tab()->timeFilter()->setCurrentIndex(0);
    QCOMPARE(proxy->rowCount(), all);
}

void TestInspectorView::replayInjectsIntoThePipeline() {
    QTRY_COMPARE(messageStatus(m_sid), QStringLiteral("sent")); // the refused one changed nothing
    const qint64 bad = idOf(m_sid, QStringLiteral("invalid"));
    QVERIFY(tab()->select(bad));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->id == bad);
    QVERIFY(tab()->action(QStringLiteral("replay"))->text().contains(QLatin1String("skips")));
    QSignalSpy replayed(tab(), &WebhookInspectorTab::replayed);
    // By its key, from the list.
    QVERIFY(focus(tab()->table()));
    QTest::keyClick(tab()->table(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(replayed.count(), 1);
    QCOMPARE(replayed.at(0).at(1).toInt(), 200);
    QVERIFY2(tab()->statusLine()->text().contains(QLatin1String("replayed as")),
             qPrintable(tab()->statusLine()->text()));
    // The replay reached the pipeline: the message moved on, and the list shows the replay.
    QTRY_COMPARE(messageStatus(m_sid), QStringLiteral("delivered"));
    const qint64 replayId = replayed.at(0).at(0).toLongLong();
    QTRY_VERIFY(tab()->model()->rowOfId(replayId) >= 0);
    QCOMPARE(tab()->model()->record(tab()->model()->rowOfId(replayId)).signature,
             QStringLiteral("replay"));

    // A webhook that is no longer there: a clear failure, not a silent one.
    QSignalSpy failed(tab(), &WebhookInspectorTab::actionFailed);
    tab()->diffWith(987654321);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(tab()->statusLine()->text().contains(QLatin1String("No webhook 987654321")));
}

void TestInspectorView::editAndReplayChangesTheFields() {
    const QString sid = newSid();
    QCOMPARE(post(QStringLiteral("/twilio/sms-status"),
                  "MessageSid=" + sid.toLatin1() + "&MessageStatus=sent", publicBase()),
             200);
    QTRY_VERIFY(idOf(sid, QStringLiteral("valid")));
    QTRY_COMPARE(messageStatus(sid), QStringLiteral("sent"));
    QVERIFY(tab()->select(idOf(sid, QStringLiteral("valid"))));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->sid == sid);

    QSignalSpy replayed(tab(), &WebhookInspectorTab::replayed);
    tab()->action(QStringLiteral("editReplay"))->trigger();
    auto *dialog = tab()->findChild<ReplayEditDialog *>();
    QVERIFY(dialog);
    QTableWidget *fields = dialog->table();
    for (int row = 0; row < fields->rowCount(); ++row) {
        if (fields->item(row, 0)->text() == QLatin1String("MessageStatus"))
            fields->item(row, 1)->setText(QStringLiteral("undelivered"));
    }
    const int added = fields->rowCount();
    fields->insertRow(added);
    fields->setItem(added, 0, new QTableWidgetItem(QStringLiteral("ErrorCode")));
    fields->setItem(added, 1, new QTableWidgetItem(QStringLiteral("30003")));
    QCOMPARE(dialog->edits(), (QVariantMap{{QStringLiteral("MessageStatus"), "undelivered"},
                                           {QStringLiteral("ErrorCode"), "30003"}}));
    dialog->accept();
    QTRY_COMPARE(replayed.count(), 1);
    QTRY_COMPARE(messageStatus(sid), QStringLiteral("undelivered"));
    const qint64 replayId = replayed.at(0).at(0).toLongLong();
    QTRY_VERIFY(tab()->select(replayId));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->id == replayId);
    QVERIFY(tab()->detail()->toPlainText().contains(QLatin1String("ErrorCode")));
}

void TestInspectorView::shuffledReplayAndDiff() {
    const qint64 good = idOf(m_sid, QStringLiteral("valid"));
    const qint64 bad = idOf(m_sid, QStringLiteral("invalid"));
    QVERIFY(tab()->select(good));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->id == good);
    QVERIFY(tab()->diffButton()->isEnabled());

    QSignalSpy diffs(tab(), &WebhookInspectorTab::diffShown);
    tab()->diffWith(bad);
    QTRY_COMPARE(diffs.count(), 1);
    const QString diff = tab()->detail()->toPlainText();
    QVERIFY2(diff.contains(QLatin1String("MessageStatus")), qPrintable(diff));
    QVERIFY(diff.contains(QStringLiteral("sent → delivered")));

    // Another SID: refused with the reason.
    QSignalSpy failed(tab(), &WebhookInspectorTab::actionFailed);
    int other = -1;
    for (int row = 0; row < tab()->model()->rowCount() && other < 0; ++row) {
        if (tab()->model()->record(row).sid != m_sid)
            other = row;
    }
    QVERIFY(other >= 0);
    tab()->diffWith(tab()->model()->record(other).id);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(tab()->statusLine()->text().contains(QLatin1String("same SID")));

    // Shuffled: the accepted status callbacks Twilio sent (the refused one and replays not).
    QSignalSpy shuffled(tab(), &WebhookInspectorTab::shuffledReplayed);
    tab()->action(QStringLiteral("shuffle"))->trigger();
    QTRY_COMPARE(shuffled.count(), 1);
    QCOMPARE(shuffled.at(0).at(0).toInt(), 1);
    QVERIFY(tab()->statusLine()->text().contains(QStringLiteral("%1 (HTTP 200)").arg(good)));
}

void TestInspectorView::copyAsCurlHasNoSecret() {
    const qint64 bad = idOf(m_sid, QStringLiteral("invalid"));
    QVERIFY(tab()->select(bad));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->id == bad);
    QApplication::clipboard()->clear();
    QSignalSpy copied(tab(), &WebhookInspectorTab::curlCopied);
    QVERIFY(focus(tab()->table()));
    QTest::keyClick(tab()->table(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(copied.count(), 1);
    const QString command = QApplication::clipboard()->text();
    QCOMPARE(command, copied.at(0).at(0).toString());
    QVERIFY2(command.startsWith(QLatin1String("curl -X POST '")), qPrintable(command));
    QVERIFY(command.contains(publicBase() + QStringLiteral("/twilio/sms-status")));
    QVERIFY(command.contains(QLatin1String("X-Twilio-Signature")));
    QVERIFY(command.contains(QStringLiteral("MessageSid=%1").arg(m_sid)));
    const QString authToken = service()->config().authToken;
    QVERIFY(!authToken.isEmpty());
    QVERIFY(!command.contains(authToken));
    QVERIFY(!command.contains(service()->config().apiToken));
}

void TestInspectorView::keyboardAndNames() {
    const QList<QWidget *> order{tab()->pathFilter(), tab()->resultFilter(), tab()->sidFilter(),
                                 tab()->timeFilter(), tab()->table()};
    for (QWidget *w : tab()->findChildren<QWidget *>()) {
        if ((qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
             qobject_cast<QAbstractButton *>(w) || qobject_cast<QTableView *>(w)) &&
            w->isVisibleTo(tab()) && w->focusPolicy() != Qt::NoFocus)
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->metaObject()->className()));
    }
    QVERIFY(focus(tab()->pathFilter()));
    for (int i = 1; i < order.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), order.at(i));
    }
    // Shortcuts are shown to the agent.
    QVERIFY(tab()->action(QStringLiteral("replay"))->shortcut() ==
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QVERIFY(tab()->action(QStringLiteral("copyCurl"))->shortcut() ==
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
}

void TestInspectorView::screenshots() {
    MainWindow *window = m_console.window();
    window->resize(1024, 600);
    window->tabs()->setCurrentWidget(tab());
    QVERIFY(tab()->select(idOf(m_sid, QStringLiteral("invalid"))));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->signature == QLatin1String("invalid"));
    QTRY_COMPARE(window->size(), QSize(1024, 600));
    // The row's verdict colour shows unselected; the detail stays.
    tab()->table()->selectionModel()->clearSelection();
    const QString light = ConsoleFixture::screenshot(window, QStringLiteral("inspector"));
    QVERIFY(QFile::exists(light));
    const QPalette before = QApplication::palette();
    QApplication::setPalette(ConsoleFixture::darkPalette());
    tab()->select(idOf(m_sid, QStringLiteral("valid")));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->signature == QLatin1String("valid"));
    tab()->select(idOf(m_sid, QStringLiteral("invalid")));
    QTRY_VERIFY(tab()->shown() && tab()->shown()->signature == QLatin1String("invalid"));
    tab()->table()->selectionModel()->clearSelection();
    const QString dark = ConsoleFixture::screenshot(window, QStringLiteral("inspector-dark"));
    QVERIFY(QFile::exists(dark));
    QApplication::setPalette(before);
    qInfo() << "screenshots:" << light << dark;
}

QTEST_MAIN(TestInspectorView)
#include "tst_inspector_view.moc"
