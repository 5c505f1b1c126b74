#include "inbox/Inbox.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace sb;

// What the user types in the inbox's search box, made into an FTS5 query: never an FTS5
// syntax error, whatever is typed; words ANDed, the last a prefix; numbers by their digits.
// Each query is also run on an FTS5 table through Qt's SQLite driver (which must have FTS5).
class TestInboxQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void ftsQuery_data();
    void ftsQuery();

private:
    QString m_connection = QStringLiteral("tst_inbox_query");
};

void TestInboxQuery::initTestCase() {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY2(q.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = "
                                   "'unicode61 remove_diacritics 2')")),
             qPrintable(q.lastError().text()));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t (body) VALUES ('refund for order 17'), "
                                  "('whatsapp:+14155550100 said hi'), ('say \"quoted\" words'), "
                                  "('Café NEAR the AND gate')")));
}

void TestInboxQuery::cleanupTestCase() {
    QSqlDatabase::removeDatabase(m_connection);
}

void TestInboxQuery::ftsQuery_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("query"); // what goes after MATCH; empty: nothing to search
    QTest::addColumn<int>("matches");   // rows of the table above it finds
    QTest::newRow("a word's start") << "ref"
                                    << "\"ref\"*" << 1;
    QTest::newRow("words ANDed, last a prefix") << "refund ord"
                                                << "\"refund\" \"ord\"*" << 1;
    QTest::newRow("extra spaces") << "  refund   ord "
                                  << "\"refund\" \"ord\"*" << 1;
    QTest::newRow("a phone number's digits") << "1415555"
                                             << "\"1415555\"*" << 1;
    QTest::newRow("a number as typed") << "+1 (415) 555-01"
                                       << "\"141555501\"*" << 1;
    QTest::newRow("two digits are a word") << "17"
                                           << "\"17\"*" << 1;
    QTest::newRow("unbalanced quote") << "\"quot"
                                      << "\"\"\"quot\"*" << 1;
    QTest::newRow("quotes inside") << "say\"quoted"
                                   << "\"say\"\"quoted\"*" << 1;
    QTest::newRow("AND is a word") << "AND"
                                   << "\"AND\"*" << 1;
    QTest::newRow("OR NOT NEAR are words") << "NEAR OR NOT"
                                           << "\"NEAR\" \"OR\" \"NOT\"*" << 0;
    QTest::newRow("NEAR( group") << "NEAR(the gate"
                                 << "\"NEAR(the\" \"gate\"*" << 1;
    QTest::newRow("column filter") << "body:refund"
                                   << "\"body:refund\"*" << 0;
    QTest::newRow("leading minus") << "-refund"
                                   << "\"-refund\"*" << 1;
    QTest::newRow("a lone minus") << "-"
                                  << "" << 0;
    QTest::newRow("a lone star") << "*"
                                 << "" << 0;
    QTest::newRow("star inside") << "ref*und"
                                 << "\"ref*und\"*" << 0;
    QTest::newRow("caret") << "^refund"
                           << "\"^refund\"*" << 1;
    QTest::newRow("parentheses") << "(refund) (order"
                                 << "\"(refund)\" \"(order\"*" << 1;
    QTest::newRow("only punctuation") << "\"\" () * : - ^ +"
                                      << "" << 0;
    QTest::newRow("empty") << ""
                           << "" << 0;
    QTest::newRow("accents folded") << "CAFÉ"
                                    << "\"CAFÉ\"*" << 1;
    QTest::newRow("emoji and words") << "👍 refund"
                                     << "\"refund\"*" << 1;
}

void TestInboxQuery::ftsQuery() {
    QFETCH(QString, typed);
    QFETCH(QString, query);
    QFETCH(int, matches);
    const QString made = Inbox::ftsQuery(typed);
    QCOMPARE(made, query);
    if (made.isEmpty())
        return; // the inbox searches nothing and answers with no results
    QSqlQuery q(QSqlDatabase::database(m_connection));
    QVERIFY(q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH ?")));
    q.addBindValue(made);
    QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toInt(), matches);
}

QTEST_MAIN(TestInboxQuery)
#include "tst_inbox_query.moc"
