// SPDX-License-Identifier: GPL-3.0-or-later
// Snippets: placeholders expanded as editors do (defaults, empty stops, a number's later places, $0, escapes,
// dollar quotes left alone), snippet files read and written, the user's folder over the shipped library, and
// every shipped administration query run as it expands on the real server.
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/completion/snippets.h>
#include <pgdesk/core/session/connection.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;

namespace {

QString stopsOf(const SnippetExpansion& e) {
    QStringList out;
    for (const auto& s : e.stops)
        out << QStringLiteral("%1@%2+%3").arg(s.number).arg(s.start).arg(s.length);
    return out.join(u' ');
}

} // namespace

class TestSnippets final : public QObject {
    Q_OBJECT

private slots:
    void expanded_data() {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("stops");
        QTest::newRow("defaults in order of number") << "SELECT ${2:*} FROM ${1:t};"
                                                     << "SELECT * FROM t;"
                                                     << "1@14+1 2@7+1 0@16+0";
        QTest::newRow("empty stops") << "a $1 b ${2} c"
                                     << "a  b  c"
                                     << "1@2+0 2@5+0 0@7+0";
        QTest::newRow("end given") << "x$0y${1:z}"
                                   << "xyz"
                                   << "1@2+1 0@1+0";
        QTest::newRow("a later place takes the default") << "WITH ${1:n} AS (1) SELECT * FROM $1"
                                                         << "WITH n AS (1) SELECT * FROM n"
                                                         << "1@5+1 1@28+1 0@29+0";
        QTest::newRow("escapes") << "\\$1 costs \\\\ ${1:a\\}b}"
                                 << "$1 costs \\ a}b"
                                 << "1@11+3 0@14+0";
        QTest::newRow("dollar quotes stay text") << "AS $$ SELECT $fn$ $$"
                                                 << "AS $$ SELECT $fn$ $$"
                                                 << "0@20+0";
        QTest::newRow("unclosed brace is text") << "a ${1:b"
                                                << "a ${1:b"
                                                << "0@7+0";
        QTest::newRow("unicode before a stop") << "-- 🐘 ناصر\n${1:x}"
                                               << "-- 🐘 ناصر\nx"
                                               << "1@11+1 0@12+0";
        QTest::newRow("empty") << ""
                               << ""
                               << "0@0+0";
    }
    void expanded() {
        QFETCH(QString, body);
        QFETCH(QString, text);
        QFETCH(QString, stops);
        const SnippetExpansion e = expandSnippet(body);
        QCOMPARE(e.text, text);
        QCOMPARE(stopsOf(e), stops);
    }

    void offeredWhereANameIsTyped() {
        const QList<Snippet> library = shippedSnippets();
        const auto offered = [&](const QString& sql) {
            QStringList out;
            for (const CompletionItem& i : snippetCompletions(library, sql, int(sql.size())))
                out << (i.kind == CompletionItem::Snippet ? i.text : QStringLiteral("not a snippet"));
            return out;
        };
        QCOMPARE(offered(QStringLiteral("SELECT 1;\nblocki")), QStringList{QStringLiteral("blocking")});
        QCOMPARE(offered(QStringLiteral("BLOCK")), QStringList{QStringLiteral("blocking")});
        QVERIFY(offered(QStringLiteral("select 'blocki")).isEmpty());
        QVERIFY(offered(QStringLiteral("select 1 -- blocki")).isEmpty());
        QVERIFY(offered(QStringLiteral("select o.blo")).isEmpty());
        QVERIFY(offered(QStringLiteral("select \"blo")).isEmpty());
        QVERIFY(offered(QStringLiteral("select ")).isEmpty());
        QCOMPARE(snippetCompletions(library, QStringLiteral("blocki"), 6).constFirst().detail,
                 QStringLiteral("blocking sessions"));
    }

    void filesReadAndWritten() {
        Snippet s = parseSnippetFile(QStringLiteral("orders by day"),
                                     QStringLiteral("-- prefix: obd\r\n-- description: Orders per day\r\n"
                                                    "SELECT ${1:day}\r\nFROM orders;\r\n\r\n"));
        QCOMPARE(s.name, QStringLiteral("orders by day"));
        QCOMPARE(s.prefix, QStringLiteral("obd"));
        QCOMPARE(s.description, QStringLiteral("Orders per day"));
        QCOMPARE(s.body, QStringLiteral("SELECT ${1:day}\nFROM orders;"));
        const Snippet back = parseSnippetFile(QStringLiteral("x"), snippetFileText(s));
        QCOMPARE(back.name, s.name);
        QCOMPARE(back.prefix, s.prefix);
        QCOMPARE(back.body, s.body);
        QCOMPARE(parseSnippetFile(QStringLiteral("my report"), QStringLiteral("select 1")).prefix,
                 QStringLiteral("my_report"));
    }

    void theUsersFolderOverTheLibrary() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const qsizetype shipped = loadSnippets(dir.path()).size();
        QCOMPARE(shipped, shippedSnippets().size());
        Snippet mine;
        mine.name = QStringLiteral("blocking, our way");
        mine.prefix = QStringLiteral("blocking");
        mine.body = QStringLiteral("SELECT pg_blocking_pids(${1:pid});");
        const QString path = saveSnippet(mine, dir.filePath(QStringLiteral("team/snippets")));
        QVERIFY(QFile::exists(path));
        Snippet other = mine;
        other.prefix = QStringLiteral("ours");
        saveSnippet(other, dir.filePath(QStringLiteral("team/snippets")));
        const QList<Snippet> all = loadSnippets(dir.filePath(QStringLiteral("team/snippets")));
        QCOMPARE(all.size(), shipped + 1);
        const auto blocking = std::find_if(
            all.begin(), all.end(), [](const Snippet& s) { return s.prefix == QLatin1String("blocking"); });
        QCOMPARE(blocking->name, QStringLiteral("blocking, our way"));
        QCOMPARE(blocking->path, path);
        mine.prefix = QStringLiteral("two words");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, saveSnippet(mine, dir.path()));
        mine.prefix = QStringLiteral("../escape");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, saveSnippet(mine, dir.path()));
    }

    void theLibraryRunsAsItExpands() {
        Connection c = Connection::open(pgdesk::test::profile());
        QStringList prefixes;
        for (const Snippet& s : shippedSnippets()) {
            QVERIFY2(!prefixes.contains(s.prefix), qPrintable(s.prefix));
            prefixes << s.prefix;
            QVERIFY(!s.name.isEmpty() && !s.description.isEmpty());
            const QString sql = expandSnippet(s.body).text;
            if (sql.contains(QLatin1String("table_name")) || sql.contains(QLatin1String("(arguments)")) ||
                sql.startsWith(QLatin1String("WITH")))
                continue; // a statement shape: its placeholders name what the user fills in
            try {
                c.exec(sql);
            } catch (const Error& e) {
                QFAIL(qPrintable(s.prefix + QStringLiteral(": ") + e.displayText()));
            }
        }
        QVERIFY(prefixes.contains(QStringLiteral("blocking")) && prefixes.contains(QStringLiteral("bloat")) &&
                prefixes.contains(QStringLiteral("unused_indexes")) &&
                prefixes.contains(QStringLiteral("slots_wal")));
        // The CTE shape runs once its placeholders are the defaults.
        c.exec(expandSnippet(QStringLiteral("WITH ${1:name} AS (\n    ${2:SELECT 1}\n)\nSELECT *\nFROM $1;"))
                   .text);
    }
};

QTEST_GUILESS_MAIN(TestSnippets)
#include "tst_snippets.moc"
