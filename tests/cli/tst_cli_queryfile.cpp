// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli query --file F.sql [--param NAME=VALUE]: a script statement by statement with bound parameters.
#include "clirunner.h"
#include "filesearch.h"
#include "scratchschema.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <optional>

using namespace pgdesk::test;

class TestCliQueryFile final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<ScratchSchema> m_schema;

    QString script(const QString& name, const QString& sql) {
        return pgdesk::test::writeFile(m_dir.filePath(name),
                                       QString(sql).replace(QLatin1String("$S"), m_schema->name()).toUtf8());
    }
    CliRun query(const QStringList& args) {
        return runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("query")} + args);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema.emplace(QStringLiteral("cli_queryfile"),
                         QStringLiteral("create table $S.notes (id int primary key, body text)"));
    }
    void cleanupTestCase() { m_schema.reset(); }
    void init() { psql(QStringLiteral("truncate %1.notes").arg(m_schema->name())); }

    void aValueWithQuotesAndCommentsArrivesAsData() {
        const QString hostile = QStringLiteral("it's -- not a comment'); drop table notes; /* :id $1");
        const QString f = script(QStringLiteral("insert.sql"),
                                 QStringLiteral("insert into $S.notes values (:id::int, :body);\n"
                                                "select body, pg_typeof(:id::int)::text as t from $S.notes "
                                                "where id = :id::int;\n"));
        const auto r = query({QStringLiteral("--file"), f, QStringLiteral("--param"), QStringLiteral("id=7"),
                              QStringLiteral("--param"), QStringLiteral("body=") + hostile,
                              QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray row = parseObject(r)[QStringLiteral("rows")].toArray().at(0).toArray();
        QCOMPARE(row.at(0).toString(), hostile);
        QCOMPARE(row.at(1).toString(), QStringLiteral("integer")); // the ::int cast stayed SQL
        QCOMPARE(psqlValue(QStringLiteral("select body from %1.notes where id = 7").arg(m_schema->name())),
                 hostile);
    }

    void positionalParameters() {
        const auto r = query({QStringLiteral("select $1::int + $2::int as n, :x as x"),
                              QStringLiteral("--param"), QStringLiteral("1=40"), QStringLiteral("--param"),
                              QStringLiteral("2=2"), QStringLiteral("--param"), QStringLiteral("x=y"),
                              QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray row = parseObject(r)[QStringLiteral("rows")].toArray().at(0).toArray();
        QCOMPARE(row.at(0).toString(), QStringLiteral("42"));
        QCOMPARE(row.at(1).toString(), QStringLiteral("y"));
    }

    void anErrorStopsTheScriptAtItsStatement() {
        const QString f =
            script(QStringLiteral("fail.sql"), QStringLiteral("insert into $S.notes values (1, 'one');\n"
                                                              "insert into $S.notes values (2, 'two');\n"
                                                              "\n-- the third one fails\n"
                                                              "select 1 / 0;\n"
                                                              "insert into $S.notes values (4, 'four');\n"
                                                              "insert into $S.notes values (5, 'five');\n"));
        const auto r = query({QStringLiteral("--file"), f});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QLatin1String("statement 3 of 5 (line 5)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("22012")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("statements 1-2 ran and stay committed")), qPrintable(r.err));
        // Autocommit: 1 and 2 stay, 4 and 5 never ran.
        QCOMPARE(psqlValue(QStringLiteral("select string_agg(id::text, ',' order by id) from %1.notes")
                               .arg(m_schema->name())),
                 QStringLiteral("1,2"));
    }

    void aTransactionBlockInTheScriptIsAllOrNothing() {
        const QString f =
            script(QStringLiteral("tx.sql"), QStringLiteral("begin;\n"
                                                            "insert into $S.notes values (1, 'one');\n"
                                                            "insert into $S.notes values (1, 'dup');\n"
                                                            "commit;\n"));
        const auto r = query({QStringLiteral("--file"), f});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QLatin1String("statement 3 of 4")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("rolled back")), qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1.notes").arg(m_schema->name())),
                 QStringLiteral("0"));
    }

    void aMissingParameterRunsNothing() {
        const QString f =
            script(QStringLiteral("missing.sql"), QStringLiteral("insert into $S.notes values (1, 'one');\n"
                                                                 "select :absent;\n"));
        const auto r = query({QStringLiteral("--file"), f});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("statement 2 of 2 (line 2): no value for parameter :absent")),
                 qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1.notes").arg(m_schema->name())),
                 QStringLiteral("0"));
    }

    void anUnusedParameterIsAUsageError() {
        const auto r = query({QStringLiteral("select :a"), QStringLiteral("--param"), QStringLiteral("a=1"),
                              QStringLiteral("--param"), QStringLiteral("typo=2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--param typo is not used")), qPrintable(r.err));
    }

    void sqlStartingWithACommentIsNoOption() {
        const auto r = query({QStringLiteral("-- why\nselect :a::int + 1 as n"), QStringLiteral("--param"),
                              QStringLiteral("a=1"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("n\r\n2\r\n"));
    }

    void aMalformedParameterIsAUsageError() {
        const auto r =
            query({QStringLiteral("select 1"), QStringLiteral("--param"), QStringLiteral("no-equals")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--param takes NAME=VALUE")), qPrintable(r.err));
    }

    void aMissingFileIsNamed() {
        const auto r = query({QStringLiteral("--file"), m_dir.filePath(QStringLiteral("nope.sql"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("nope.sql")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliQueryFile)
#include "tst_cli_queryfile.moc"
