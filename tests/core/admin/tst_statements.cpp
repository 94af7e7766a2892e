// SPDX-License-Identifier: GPL-3.0-or-later
// Top statements from pg_stat_statements: a statement run N times between two snapshots shows exactly N
// calls in the window; PgDesk's own reads are left out; a database without the extension says what to do.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/admin/statementstats.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

#include <algorithm>

using namespace pgdesk::core;

class TestStatements final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;

private slots:
    void initTestCase() {
        pgdesk::test::psql(QStringLiteral("create extension if not exists pg_stat_statements"));
        m_scratch.emplace(QStringLiteral("tst_statements_%1").arg(QCoreApplication::applicationPid()),
                          QStringLiteral("create table $S.counted (n int)"));
    }
    void cleanupTestCase() { m_scratch.reset(); }

    void aStatementRunNTimesShowsNCalls() {
        Connection c = Connection::open(pgdesk::test::profile());
        StatementStatsReader reader(c);
        QVERIFY(reader.availability().available);
        const QString marker = m_scratch->name() + QStringLiteral(".counted");
        // pg_stat_statements tells statements apart by their parse tree (not comments or constants): the
        // suite's own table makes the statement its own.
        const QString sql = QStringLiteral("select count(*) from %1 where n < $1::int").arg(marker);
        c.exec(sql, {param(QStringLiteral("1"))}); // seen once before the window
        const StatementSnapshot before = reader.snapshot();
        for (int i = 0; i < 7; ++i)
            c.exec(sql, {param(QString::number(1000 + i))});
        const StatementSnapshot after = reader.snapshot();
        const QList<StatementStat> window = statementsBetween(before, after, 0);
        const auto mine = std::find_if(window.cbegin(), window.cend(), [&](const StatementStat& s) {
            return s.query.startsWith(QStringLiteral("select count(*) from ") + marker);
        });
        QVERIFY(mine != window.cend());
        QCOMPARE(mine->calls, 7);
        QCOMPARE(mine->rows, 7);
        QVERIFY(mine->totalMs > 0);
        QCOMPARE(mine->meanMs(), mine->totalMs / 7);
        QVERIFY(mine->query.contains(QStringLiteral("$1"))); // normalized
        for (const StatementStat& s : window)
            QVERIFY2(!s.query.contains(QLatin1String(kStatementsMarker)), qPrintable(s.query));
        // Sorted by total time, cut at top.
        for (qsizetype i = 1; i < window.size(); ++i)
            QVERIFY(window[i - 1].totalMs >= window[i].totalMs);
        QCOMPARE(statementsBetween(before, after, 1).size(), 1);
        // Nothing ran: an empty window for it.
        const StatementSnapshot again = reader.snapshot();
        const QList<StatementStat> quiet = statementsBetween(after, again, 0);
        QVERIFY(std::none_of(quiet.cbegin(), quiet.cend(),
                             [&](const StatementStat& s) { return s.query.contains(marker); }));
    }

    // Pure: a reset between the snapshots counts the second's figures; the max only when it grew.
    void windowArithmetic() {
        StatementStat a;
        a.queryId = 1;
        a.role = QStringLiteral("r");
        a.database = QStringLiteral("d");
        a.query = QStringLiteral("select 1");
        a.calls = 10;
        a.totalMs = 100;
        a.maxMs = 50;
        StatementStat b = a;
        b.calls = 13;
        b.totalMs = 130;
        StatementSnapshot before{{}, {a}}, after{{}, {b}};
        QList<StatementStat> w = statementsBetween(before, after, 0);
        QCOMPARE(w.size(), 1);
        QCOMPARE(w[0].calls, 3);
        QCOMPARE(w[0].totalMs, 30.0);
        QVERIFY(!w[0].maxMs); // no slower call than before: unknown in the window
        after.statements[0].maxMs = 60;
        w = statementsBetween(before, after, 0);
        QCOMPARE(*w[0].maxMs, 60.0);
        after.statements[0].calls = 2; // reset between them
        after.statements[0].totalMs = 5;
        w = statementsBetween(before, after, 0);
        QCOMPARE(w[0].calls, 2);
        QCOMPARE(w[0].totalMs, 5.0);
    }

    void unavailableSaysWhatToDo() {
        Connection c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        StatementStatsReader reader(c);
        const StatementsAvailability a = reader.availability();
        QVERIFY(a.loaded);
        QVERIFY(!a.installed);
        QVERIFY(a.hint.contains(QStringLiteral("CREATE EXTENSION pg_stat_statements")));
        QVERIFY_THROWS_EXCEPTION(NotFound, reader.snapshot());
    }
};

QTEST_GUILESS_MAIN(TestStatements)
#include "tst_statements.moc"
