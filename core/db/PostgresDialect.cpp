#include "PostgresDialect.h"

#include <QRegularExpression>

namespace sb {

namespace {

// The SQL with its string literals replaced by \x01<n>\x02, so no rewrite looks inside one.
struct Protected {
    QString text;
    QStringList literals;
};

Protected protect(const QString &sql) {
    Protected p;
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (sql.at(i) != u'\'') {
            p.text += sql.at(i);
            continue;
        }
        qsizetype j = i + 1;
        while (j < n) {
            if (sql.at(j) == u'\'') {
                if (j + 1 < n && sql.at(j + 1) == u'\'') {
                    j += 2;
                    continue;
                }
                break;
            }
            ++j;
        }
        p.text += QChar(1) + QString::number(p.literals.size()) + QChar(2);
        p.literals.append(sql.mid(i, j - i + 1));
        i = j;
    }
    return p;
}

QString restore(const QString &text, const QStringList &literals) {
    static const QRegularExpression marker(QStringLiteral("\\x01(\\d+)\\x02"));
    QString out;
    qsizetype last = 0;
    for (auto it = marker.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += literals.value(m.captured(1).toInt());
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

// The literal's text, when `arg` is exactly one protected literal.
QString literalText(const QString &arg, const QStringList &literals) {
    static const QRegularExpression only(QStringLiteral("^\\s*\\x01(\\d+)\\x02\\s*$"));
    const auto m = only.match(arg);
    if (!m.hasMatch())
        return {};
    const QString quoted = literals.value(m.captured(1).toInt());
    return quoted.mid(1, quoted.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
}

qsizetype matchingParen(const QString &s, qsizetype open) {
    int depth = 0;
    for (qsizetype i = open; i < s.size(); ++i) {
        if (s.at(i) == u'(')
            ++depth;
        else if (s.at(i) == u')' && --depth == 0)
            return i;
    }
    return -1;
}

QStringList splitTopLevel(const QString &s, QChar separator) {
    QStringList parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        else if (c == separator && depth == 0) {
            parts.append(s.mid(start, i - start));
            start = i + 1;
        }
    }
    parts.append(s.mid(start));
    return parts;
}

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

// The word after position `from` (spaces skipped), empty when the next thing is not a word.
QString nextWord(const QString &s, qsizetype from) {
    qsizetype i = from;
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    qsizetype j = i;
    while (j < s.size() && isWordChar(s.at(j)))
        ++j;
    return s.mid(i, j - i);
}

// Function calls SQLite has and PostgreSQL names or spells otherwise, innermost first; an
// unnamed subquery in FROM or JOIN gets a name (PostgreSQL 15 requires one).
QString rewriteCalls(const QString &s, const QStringList &literals, QString *error) {
    static const QStringList notAnAlias = {
        QStringLiteral("where"), QStringLiteral("group"), QStringLiteral("order"),
        QStringLiteral("limit"), QStringLiteral("join"),  QStringLiteral("left"),
        QStringLiteral("inner"), QStringLiteral("cross"), QStringLiteral("on"),
        QStringLiteral("union"), QStringLiteral("having")};
    QString out;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s.at(i);
        const bool wordStart = (c.isLetter() || c == u'_') && (i == 0 || !isWordChar(s.at(i - 1)));
        if (!wordStart) {
            out += c;
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isWordChar(s.at(j)))
            ++j;
        const QString word = s.mid(i, j - i);
        qsizetype k = j;
        while (k < n && s.at(k).isSpace())
            ++k;
        const bool qualified = i > 0 && s.at(i - 1) == u'.';
        if (k >= n || s.at(k) != u'(' || qualified) {
            out += word;
            i = j;
            continue;
        }
        const qsizetype close = matchingParen(s, k);
        if (close < 0) {
            *error = QStringLiteral("unbalanced parentheses after %1").arg(word);
            return {};
        }
        const QString inner = rewriteCalls(s.mid(k + 1, close - k - 1), literals, error);
        if (!error->isEmpty())
            return {};
        const QStringList args = splitTopLevel(inner, u',');
        const QString name = word.toLower();
        if ((name == u"max" || name == u"min") && args.size() >= 2) {
            out += (name == u"max" ? QStringLiteral("greatest(") : QStringLiteral("least(")) +
                   inner + u')';
        } else if (name == u"group_concat") {
            QString first = args.at(0).trimmed();
            QString distinct;
            if (first.startsWith(QStringLiteral("DISTINCT "), Qt::CaseInsensitive)) {
                distinct = QStringLiteral("DISTINCT ");
                first = first.mid(9).trimmed();
            }
            const QString separator =
                args.size() > 1 ? args.at(1).trimmed() : QStringLiteral("','");
            out += QStringLiteral("string_agg(%1(%2)::text, %3)").arg(distinct, first, separator);
        } else if (name == u"json_each" && args.size() == 1) {
            out += QStringLiteral("json_array_elements((%1)::json)").arg(inner.trimmed());
        } else if (name == u"json_extract" && args.size() == 2) {
            const QString path = literalText(args.at(1), literals);
            static const QRegularExpression simple(QStringLiteral("^\\$\\.(\\w+)$"));
            const auto m = simple.match(path);
            if (!m.hasMatch()) {
                *error = QStringLiteral("json_extract with the path %1 has no PostgreSQL form")
                             .arg(path);
                return {};
            }
            out += QStringLiteral("((%1)::json ->> '%2')").arg(args.at(0).trimmed(), m.captured(1));
        } else if (name == u"instr") {
            out += QStringLiteral("strpos(") + inner + u')';
        } else if (name == u"strftime") {
            if (args.size() != 2 || literalText(args.at(0), literals) != u"%s" ||
                literalText(args.at(1), literals) != u"now") {
                *error = QStringLiteral("strftime is translated only as strftime('%s', 'now')");
                return {};
            }
            out += QStringLiteral("extract(epoch from now())");
        } else if (name == u"printf" || name == u"fts5" || name == u"snippet" ||
                   name == u"last_insert_rowid") {
            *error = QStringLiteral("%1() has no PostgreSQL form here").arg(word);
            return {};
        } else {
            out += word + s.mid(j, k - j) + u'(' + inner + u')';
            if ((name == u"from" || name == u"join") &&
                inner.trimmed().startsWith(QStringLiteral("SELECT"), Qt::CaseInsensitive)) {
                const QString after = nextWord(s, close + 1).toLower();
                if (after.isEmpty() || notAnAlias.contains(after))
                    out += QStringLiteral(" AS unnamed");
            }
        }
        i = close + 1;
    }
    return out;
}

QString rewriteExpressions(const QString &text, const QStringList &literals, QString *error) {
    QString s = rewriteCalls(text, literals, error);
    if (!error->isEmpty())
        return {};
    static const QRegularExpression isNot(
        QStringLiteral("\\bIS\\s+NOT\\s+(?!NULL\\b|DISTINCT\\b|TRUE\\b|FALSE\\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression is(
        QStringLiteral("\\bIS\\s+(?!NOT\\b|NULL\\b|DISTINCT\\b|TRUE\\b|FALSE\\b)"),
        QRegularExpression::CaseInsensitiveOption);
    s.replace(isNot, QStringLiteral("IS DISTINCT FROM "));
    s.replace(is, QStringLiteral("IS NOT DISTINCT FROM "));
    static const QRegularExpression rowidKey(
        QStringLiteral("\\bINTEGER\\s+PRIMARY\\s+KEY(\\s+AUTOINCREMENT)?\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blob(QStringLiteral("\\bBLOB\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression real(QStringLiteral("\\bREAL\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression withoutRowid(QStringLiteral("\\s*\\bWITHOUT\\s+ROWID\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
    // SQLite's integers are 64-bit (times in ms, ids); PostgreSQL's INTEGER is not.
    s.replace(rowidKey, QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    s.replace(integer, QStringLiteral("BIGINT"));
    s.replace(blob, QStringLiteral("BYTEA"));
    s.replace(real, QStringLiteral("DOUBLE PRECISION"));
    s.replace(withoutRowid, QString());
    // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE is the same comparison.
    static const QRegularExpression like(QStringLiteral("\\bLIKE\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    s.replace(like, QStringLiteral("ILIKE"));
    return s;
}

// In an upsert's DO UPDATE SET, PostgreSQL reads an unqualified column as ambiguous (the
// table's or excluded's?) where SQLite takes the table's: the columns it assigns are
// qualified with the table wherever they are read.
QString qualifyUpsert(const QString &statement) {
    static const QRegularExpression insert(QStringLiteral("^\\s*INSERT\\s+INTO\\s+(\\w+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression doUpdate(QStringLiteral("\\bDO\\s+UPDATE\\s+SET\\s+"),
                                             QRegularExpression::CaseInsensitiveOption);
    const auto table = insert.match(statement);
    const auto set = doUpdate.match(statement);
    if (!table.hasMatch() || !set.hasMatch())
        return statement;
    QStringList assignments = splitTopLevel(statement.mid(set.capturedEnd()), u',');
    QStringList columns;
    for (const QString &assignment : std::as_const(assignments))
        columns.append(assignment.section(u'=', 0, 0).trimmed());
    const QRegularExpression read(
        QStringLiteral("(?<![.\\w])(%1)\\b(?!\\s*\\()").arg(columns.join(u'|')));
    for (QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        assignment =
            assignment.left(equals + 1) +
            assignment.mid(equals + 1).replace(read, table.captured(1) + QStringLiteral(".\\1"));
    }
    return statement.left(set.capturedEnd()) + assignments.join(u',');
}

// One plain statement (no trigger): INSERT OR IGNORE becomes ON CONFLICT DO NOTHING.
QString rewriteStatement(const QString &input, QString *error) {
    const QString statement = qualifyUpsert(input);
    static const QRegularExpression orIgnore(QStringLiteral("^(\\s*)INSERT\\s+OR\\s+IGNORE\\s+"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression orOther(QStringLiteral("^\\s*(INSERT\\s+OR|REPLACE)\\s+"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString s = statement;
    if (orIgnore.match(s).hasMatch()) {
        s.replace(orIgnore, QStringLiteral("\\1INSERT "));
        s = s.trimmed() + QStringLiteral(" ON CONFLICT DO NOTHING");
    } else if (orOther.match(s).hasMatch()) {
        *error = QStringLiteral("only INSERT OR IGNORE has a PostgreSQL form");
        return {};
    }
    return s;
}

} // namespace

QString PostgresDialect::translateQuery(const QString &sql, QString *error) {
    error->clear();
    const Protected p = protect(sql);
    const QString s = rewriteExpressions(p.text, p.literals, error);
    if (!error->isEmpty())
        return {};
    const QString statement = rewriteStatement(s, error);
    if (!error->isEmpty())
        return {};
    return restore(statement, p.literals);
}

QStringList PostgresDialect::translateStatement(const QString &sql,
                                                QHash<QString, QString> *triggers, QString *error) {
    error->clear();
    const Protected p = protect(sql);
    static const QRegularExpression virtualTable(QStringLiteral("^\\s*CREATE\\s+VIRTUAL\\s+TABLE"),
                                                 QRegularExpression::CaseInsensitiveOption);
    if (virtualTable.match(p.text).hasMatch()) {
        *error = QStringLiteral("a virtual table (FTS5) has no PostgreSQL form: write this step "
                                "for PostgreSQL");
        return {};
    }
    const QString s = rewriteExpressions(p.text, p.literals, error);
    if (!error->isEmpty())
        return {};

    static const QRegularExpression trigger(
        QStringLiteral("^\\s*CREATE\\s+TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+(AFTER|"
                       "BEFORE)\\s+(INSERT|DELETE|UPDATE(?:\\s+OF\\s+[\\w\\s,]+?)?)\\s+ON\\s+(\\w+)"
                       "\\s+(?:WHEN\\s+(.*?)\\s+)?BEGIN\\s+(.*)\\bEND\\s*;?\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = trigger.match(s); m.hasMatch()) {
        const QString name = m.captured(1);
        QString body;
        for (const QString &statement : splitTopLevel(m.captured(6), u';')) {
            if (statement.trimmed().isEmpty())
                continue;
            body += rewriteStatement(statement.trimmed(), error) + QStringLiteral("; ");
            if (!error->isEmpty())
                return {};
        }
        const QString when = m.captured(5).trimmed();
        if (!when.isEmpty())
            body = QStringLiteral("IF %1 THEN %2END IF; ").arg(when, body);
        triggers->insert(name, m.captured(4));
        // A row trigger's function; its result is ignored for AFTER triggers.
        return {
            restore(QStringLiteral("CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE "
                                   "plpgsql AS $trigger$ BEGIN %2RETURN NULL; END $trigger$")
                        .arg(name, body),
                    p.literals),
            QStringLiteral("CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW EXECUTE FUNCTION %1()")
                .arg(name, m.captured(2), m.captured(3).simplified(), m.captured(4)),
        };
    }
    static const QRegularExpression dropTrigger(
        QStringLiteral("^\\s*DROP\\s+TRIGGER\\s+(IF\\s+EXISTS\\s+)?(\\w+)\\s*;?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = dropTrigger.match(s); m.hasMatch()) {
        const QString name = m.captured(2);
        const QString table = triggers->value(name);
        if (table.isEmpty()) {
            *error = QStringLiteral("the trigger %1 is dropped before it is made").arg(name);
            return {};
        }
        const QString ifExists = m.captured(1).isEmpty() ? QString() : QStringLiteral("IF EXISTS ");
        triggers->remove(name);
        return {QStringLiteral("DROP TRIGGER %1%2 ON %3").arg(ifExists, name, table),
                QStringLiteral("DROP FUNCTION IF EXISTS %1()").arg(name)};
    }
    const QString statement = rewriteStatement(s, error);
    if (!error->isEmpty())
        return {};
    return {restore(statement, p.literals)};
}

QList<QStringList> PostgresDialect::translateSteps(const QList<QStringList> &steps,
                                                   QString *error) {
    QHash<QString, QString> triggers;
    QList<QStringList> out;
    for (qsizetype step = 0; step < steps.size(); ++step) {
        QStringList translated;
        for (const QString &statement : steps.at(step)) {
            const QStringList pg = translateStatement(statement, &triggers, error);
            if (!error->isEmpty()) {
                *error = QStringLiteral("step %1: %2").arg(step + 1).arg(*error);
                return {};
            }
            translated += pg;
        }
        out.append(translated);
    }
    error->clear();
    return out;
}

} // namespace sb
