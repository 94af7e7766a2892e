// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli statements: the JSON scripts read, the window between two snapshots, and what a database
// without pg_stat_statements says (exit 6).
#include "clirunner.h"
#include "scratchschema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcess>

using namespace pgdesk::test;

class TestCliStatements final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_scratch;

private slots:
    void initTestCase() {
        psql(QStringLiteral("create extension if not exists pg_stat_statements"));
        m_scratch.emplace(QStringLiteral("tst_cli_statements_%1").arg(QCoreApplication::applicationPid()),
                          QStringLiteral("create table $S.counted (id int)"));
    }
    void cleanupTestCase() { m_scratch.reset(); }

    // Lifetime totals (--interval 0) after a statement ran 3 times; the window (--interval 5) while another
    // process runs it 4 more times.
    void jsonAndWindow() {
        const QString marker = m_scratch->name() + QStringLiteral(".counted");
        // pg_stat_statements tells statements apart by their parse tree (not comments or constants): the
        // suite's own table makes the statement its own.
        const QString sql = QStringLiteral("select count(*) from %1").arg(marker);
        for (int i = 0; i < 3; ++i)
            psql(sql);
        CliRun r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("statements"),
                           QStringLiteral("--interval"), QStringLiteral("0"), QStringLiteral("--top"),
                           QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QStringLiteral("interval_s")).toInt(), 0);
        QJsonObject mine;
        for (const QJsonValue& v : o.value(QStringLiteral("statements")).toArray())
            if (v.toObject().value(QStringLiteral("query")).toString().contains(sql))
                mine = v.toObject();
        QCOMPARE(mine.value(QStringLiteral("calls")).toInt(), 3);
        for (const char* key : {"queryid", "role", "database", "total_ms", "mean_ms", "max_ms", "rows",
                                "shared_blks_hit", "shared_blks_read", "temp_blks_read", "temp_blks_written"})
            QVERIFY2(mine.contains(QLatin1String(key)), key);
        QCOMPARE(mine.value(QStringLiteral("database")).toString(), QStringLiteral("pgdesk_demo"));

        QProcess cli;
        cli.start(binary(QStringLiteral("pgdesk-cli")),
                  {QStringLiteral("--dsn"), conninfo(), QStringLiteral("statements"),
                   QStringLiteral("--interval"), QStringLiteral("5"), QStringLiteral("--top"),
                   QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(cli.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += cli.readAllStandardError()).contains("first snapshot taken"),
                                 15000);
        for (int i = 0; i < 4; ++i)
            psql(sql);
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject window = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        int calls = -1;
        for (const QJsonValue& v : window.value(QStringLiteral("statements")).toArray())
            if (v.toObject().value(QStringLiteral("query")).toString().contains(sql))
                calls = v.toObject().value(QStringLiteral("calls")).toInt();
        QCOMPARE(calls, 4);
    }

    void suggestIndexes() {
        psql(QStringLiteral("create extension if not exists pg_qualstats"));
        psql(QStringLiteral("create extension if not exists hypopg"));
        const QString events = m_scratch->name() + QStringLiteral(".events");
        psql(
            QStringLiteral("create table %1 (id int primary key, kind int); insert into %1 select g, g % 500 "
                           "from generate_series(1, 100000) g; analyze %1")
                .arg(events));
        for (int i = 0; i < 2; ++i)
            psql(QStringLiteral("select count(*) from %1 where kind = %2").arg(events).arg(21 + i));
        const CliRun r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("statements"),
                                 QStringLiteral("--suggest-indexes"), QStringLiteral("--top"),
                                 QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject mine;
        for (const QJsonValue& v : parseObject(r).value(QStringLiteral("suggestions")).toArray())
            if (v.toObject().value(QStringLiteral("create_statement")).toString().contains(events))
                mine = v.toObject();
        QVERIFY2(mine.value(QStringLiteral("create_statement"))
                     .toString()
                     .startsWith(QStringLiteral("CREATE INDEX CONCURRENTLY ON")),
                 qPrintable(r.out));
        QVERIFY(mine.value(QStringLiteral("cost_saved")).toDouble() > 0);
        QVERIFY(mine.value(QStringLiteral("queries_helped")).toInt() >= 1);
        QVERIFY(!mine.value(QStringLiteral("examples")).toArray().isEmpty());
    }

    void unavailable() {
        const CliRun r =
            runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")),
                    QStringLiteral("statements"), QStringLiteral("--interval"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("CREATE EXTENSION pg_stat_statements")), qPrintable(r.err));
        QCOMPARE(
            runCli({QStringLiteral("statements"), QStringLiteral("--top"), QStringLiteral("x")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliStatements)
#include "tst_cli_statements.moc"
