// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/admin/maintenance.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>

#include <QElapsedTimer>
#include <QTest>

#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

using namespace pgdesk::core;
using pgdesk::test::psql;
using pgdesk::test::psqlValue;
using pgdesk::test::waitForPsqlValue;

namespace {

const QString kSchema = QStringLiteral("maint_test");

MaintenanceTarget target(const char* kind, const QString& name = QStringLiteral("t")) {
    MaintenanceTarget t;
    t.schema = QStringLiteral("s");
    t.name = name;
    t.kind = QString::fromLatin1(kind);
    return t;
}

MaintenanceOptions op(MaintenanceOperation operation, bool concurrently = false) {
    MaintenanceOptions o;
    o.operation = operation;
    o.concurrently = concurrently;
    return o;
}

// run() on a thread of its own, for a statement that waits on a lock the test holds.
class BackgroundRun final {
public:
    BackgroundRun(MaintenanceRunner& runner, MaintenanceTarget target, MaintenanceOptions options,
                  std::shared_ptr<CancelToken> token)
        : m_token(std::move(token))
        , m_thread([this, &runner, target, options] {
            try {
                m_result = runner.run(target, options, m_token);
            } catch (...) {
                m_error = std::current_exception();
            }
        }) {}
    ~BackgroundRun() {
        if (m_thread.joinable()) {
            m_token->cancel();
            m_thread.join();
        }
    }
    // The SQLSTATE of the error it ended with, or "ok".
    QString outcome() {
        m_thread.join();
        if (!m_error)
            return QStringLiteral("ok");
        try {
            std::rethrow_exception(m_error);
        } catch (const Error& e) {
            return e.sqlState().isEmpty() ? e.message() : e.sqlState();
        }
    }
    const MaintenanceResult& result() const { return m_result; }

private:
    std::shared_ptr<CancelToken> m_token;
    MaintenanceResult m_result;
    std::exception_ptr m_error;
    std::thread m_thread; // last
};

// Waits until the token's statement runs and the server reports `view` for it.
// The first progress of `view` (and of `phase`, when given: a phase passed through briefly, as
// create_index's "initializing", is not the one a test waits for).
std::optional<MaintenanceProgress> waitForProgress(CancelToken& token, const QString& view,
                                                   const QString& phase = {}) {
    auto reading = Connection::open(pgdesk::test::profile());
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        if (const int pid = token.attachedBackendPid()) {
            const auto p = MaintenanceRunner::readProgress(reading, pid);
            if (p && p->view == view && (phase.isEmpty() || p->phase == phase))
                return p;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
}

} // namespace

class TestMaintenance final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_schema.emplace(kSchema, QStringLiteral(R"(
            create table $S.t (id int primary key, v text);
            insert into $S.t select g, repeat('x', 50) from generate_series(1, 20000) g;
            delete from $S.t where id % 2 = 0;
            create index t_v on $S.t (v);
            create table $S."we""ird; t" (id int primary key);
            insert into $S."we""ird; t" values (1), (2);
            create materialized view $S.mv as select id, v from $S.t where id < 100;
            create unique index mv_id on $S.mv (id);
            create materialized view $S.mv_plain as select id from $S.t where id < 10;
            create materialized view $S.mv_empty as select id from $S.t with no data;
            create unique index mv_empty_id on $S.mv_empty (id);
            create materialized view $S.mv_partial as select id from $S.t;
            create unique index mv_partial_id on $S.mv_partial (id) where id > 5;
            create table $S.parted (id int, k int) partition by range (k);
            create table $S.parted_1 partition of $S.parted for values from (0) to (100);
            create index parted_id on $S.parted (id);
            create view $S.vw as select 1 as x;
            create table $S.lockme (id int primary key, v text);
            insert into $S.lockme select g, md5(g::text) from generate_series(1, 5000) g;
        )"));
    }
    void cleanupTestCase() { m_schema.reset(); }

    // Pure: the exact statement of each operation and option, on the one quoted relation.
    void statements() {
        QCOMPARE(maintenanceStatement(target("r"), op(MaintenanceOperation::Vacuum)),
                 QStringLiteral("VACUUM \"s\".\"t\""));
        MaintenanceOptions all = op(MaintenanceOperation::Vacuum);
        all.full = all.freeze = all.analyze = true;
        QCOMPARE(maintenanceStatement(target("r"), all),
                 QStringLiteral("VACUUM (FULL, FREEZE, ANALYZE) \"s\".\"t\""));
        MaintenanceOptions analyze = op(MaintenanceOperation::Vacuum);
        analyze.analyze = true;
        QCOMPARE(maintenanceStatement(target("m"), analyze), QStringLiteral("VACUUM (ANALYZE) \"s\".\"t\""));
        MaintenanceOptions freeze = op(MaintenanceOperation::Vacuum);
        freeze.freeze = true;
        QCOMPARE(maintenanceStatement(target("p"), freeze), QStringLiteral("VACUUM (FREEZE) \"s\".\"t\""));
        QCOMPARE(maintenanceStatement(target("r"), op(MaintenanceOperation::Analyze)),
                 QStringLiteral("ANALYZE \"s\".\"t\""));
        QCOMPARE(maintenanceStatement(target("f"), op(MaintenanceOperation::Analyze)),
                 QStringLiteral("ANALYZE \"s\".\"t\""));
        QCOMPARE(maintenanceStatement(target("r"), op(MaintenanceOperation::Reindex)),
                 QStringLiteral("REINDEX TABLE \"s\".\"t\""));
        QCOMPARE(maintenanceStatement(target("r"), op(MaintenanceOperation::Reindex, true)),
                 QStringLiteral("REINDEX TABLE CONCURRENTLY \"s\".\"t\""));
        QCOMPARE(maintenanceStatement(target("i", "t_v"), op(MaintenanceOperation::Reindex, true)),
                 QStringLiteral("REINDEX INDEX CONCURRENTLY \"s\".\"t_v\""));
        QCOMPARE(maintenanceStatement(target("I", "p_i"), op(MaintenanceOperation::Reindex)),
                 QStringLiteral("REINDEX INDEX \"s\".\"p_i\""));
        QCOMPARE(maintenanceStatement(target("p"), op(MaintenanceOperation::Reindex, true)),
                 QStringLiteral("REINDEX TABLE CONCURRENTLY \"s\".\"t\""));
        MaintenanceTarget mv = target("m");
        mv.hasPlainUniqueIndex = true;
        QCOMPARE(maintenanceStatement(mv, op(MaintenanceOperation::Refresh)),
                 QStringLiteral("REFRESH MATERIALIZED VIEW \"s\".\"t\""));
        QCOMPARE(maintenanceStatement(mv, op(MaintenanceOperation::Refresh, true)),
                 QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY \"s\".\"t\""));

        // Hostile names stay one quoted identifier each.
        MaintenanceTarget hostile = target("r", QStringLiteral("x\"; VACUUM FULL; --"));
        hostile.schema = QStringLiteral("a.b\"c");
        QCOMPARE(maintenanceStatement(hostile, op(MaintenanceOperation::Analyze)),
                 QStringLiteral("ANALYZE \"a.b\"\"c\".\"x\"\"; VACUUM FULL; --\""));
    }

    // An empty target is never a database-wide VACUUM; CONCURRENTLY only where the server allows it; each
    // operation only on the kinds that take it.
    void refusals() {
        MaintenanceTarget empty;
        empty.kind = QStringLiteral("r");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(empty, op(MaintenanceOperation::Vacuum)));
        QVERIFY(maintenanceRefusal(empty, op(MaintenanceOperation::Vacuum))
                    .contains(QStringLiteral("whole database")));
        MaintenanceTarget noName = target("r", QString());
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(noName, op(MaintenanceOperation::Analyze)));

        MaintenanceTarget catalog = target("r", QStringLiteral("pg_class"));
        catalog.systemCatalog = true;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(catalog, op(MaintenanceOperation::Reindex, true)));
        QVERIFY(maintenanceRefusal(catalog, op(MaintenanceOperation::Reindex, true))
                    .contains(QStringLiteral("system")));
        QCOMPARE(maintenanceStatement(catalog, op(MaintenanceOperation::Reindex)),
                 QStringLiteral("REINDEX TABLE \"s\".\"pg_class\""));

        MaintenanceTarget old = target("p");
        old.serverVersion = 130000;
        QVERIFY(!maintenanceOperationsFor(old).contains(MaintenanceOperation::Reindex));
        QVERIFY(!concurrentlyRefusal(old, MaintenanceOperation::Reindex).isEmpty());
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(old, op(MaintenanceOperation::Reindex)));

        MaintenanceTarget mv = target("m"); // no unique index
        QVERIFY(maintenanceRefusal(mv, op(MaintenanceOperation::Refresh, true))
                    .contains(QStringLiteral("unique index")));
        mv.hasPlainUniqueIndex = true;
        mv.populated = false;
        QVERIFY(maintenanceRefusal(mv, op(MaintenanceOperation::Refresh, true))
                    .contains(QStringLiteral("populated")));
        QVERIFY(maintenanceRefusal(mv, op(MaintenanceOperation::Refresh)).isEmpty());

        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(target("r"), op(MaintenanceOperation::Refresh)));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(target("r"), op(MaintenanceOperation::Vacuum, true)));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(target("i"), op(MaintenanceOperation::Vacuum)));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 maintenanceStatement(target("v"), op(MaintenanceOperation::Analyze)));
        MaintenanceOptions fullAnalyze = op(MaintenanceOperation::Analyze);
        fullAnalyze.full = true;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, maintenanceStatement(target("r"), fullAnalyze));

        using Ops = QList<MaintenanceOperation>;
        QCOMPARE(maintenanceOperationsFor(target("r")),
                 (Ops{MaintenanceOperation::Vacuum, MaintenanceOperation::Analyze,
                      MaintenanceOperation::Reindex}));
        QCOMPARE(maintenanceOperationsFor(target("m")),
                 (Ops{MaintenanceOperation::Vacuum, MaintenanceOperation::Analyze,
                      MaintenanceOperation::Reindex, MaintenanceOperation::Refresh}));
        QCOMPARE(maintenanceOperationsFor(target("i")), Ops{MaintenanceOperation::Reindex});
        QCOMPARE(maintenanceOperationsFor(target("v")), Ops{});
    }

    // The catalog's description of each kind, by schema and name or by a command line's name.
    void describe() {
        MaintenanceRunner runner(pgdesk::test::profile(), {});
        const MaintenanceTarget t = runner.describe(kSchema, QStringLiteral("t"));
        QCOMPARE(t.kind, QStringLiteral("r"));
        QVERIFY(!t.systemCatalog);
        QVERIFY(t.serverVersion >= 150000);
        QCOMPARE(runner.describe(kSchema, QStringLiteral("t_v")).kind, QStringLiteral("i"));
        QCOMPARE(runner.describe(kSchema, QStringLiteral("parted")).kind, QStringLiteral("p"));
        QCOMPARE(runner.describe(kSchema, QStringLiteral("parted_id")).kind, QStringLiteral("I"));
        const MaintenanceTarget mv = runner.describe(kSchema, QStringLiteral("mv"));
        QVERIFY(mv.populated && mv.hasPlainUniqueIndex);
        QVERIFY(!runner.describe(kSchema, QStringLiteral("mv_plain")).hasPlainUniqueIndex);
        QVERIFY(!runner.describe(kSchema, QStringLiteral("mv_partial")).hasPlainUniqueIndex);
        QVERIFY(!runner.describe(kSchema, QStringLiteral("mv_empty")).populated);
        QVERIFY(runner.resolve(QStringLiteral("pg_catalog.pg_class")).systemCatalog);
        QCOMPARE(runner.resolve(kSchema + QStringLiteral(".\"we\"\"ird; t\"")).name,
                 QStringLiteral("we\"ird; t"));
        QVERIFY_THROWS_EXCEPTION(NotFound, runner.describe(kSchema, QStringLiteral("nope")));
        QVERIFY_THROWS_EXCEPTION(NotFound, runner.resolve(kSchema + QStringLiteral(".nope")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, runner.resolve(QStringLiteral(" ")));
    }

    // Each statement really runs, outside a transaction, and its effect shows in the catalog.
    void runsAndTakesEffect() {
        MaintenanceRunner runner(pgdesk::test::profile(), {});
        const QString stats = QStringLiteral(
            "select %1 is not null from pg_stat_user_tables where schemaname = '%2' and relname = 't'");
        QCOMPARE(psqlValue(stats.arg(QStringLiteral("last_vacuum"), kSchema)), QStringLiteral("f"));
        MaintenanceOptions vacuumAnalyze = op(MaintenanceOperation::Vacuum);
        vacuumAnalyze.analyze = true;
        const MaintenanceResult vacuumed =
            runner.run(runner.describe(kSchema, QStringLiteral("t")), vacuumAnalyze);
        QCOMPARE(vacuumed.statement, QStringLiteral("VACUUM (ANALYZE) \"maint_test\".\"t\""));
        QCOMPARE(vacuumed.commandTag, QStringLiteral("VACUUM"));
        QVERIFY(waitForPsqlValue(stats.arg(QStringLiteral("last_vacuum"), kSchema), QStringLiteral("t")));
        QVERIFY(waitForPsqlValue(stats.arg(QStringLiteral("last_analyze"), kSchema), QStringLiteral("t")));

        const QString node = QStringLiteral("select relfilenode from pg_class where oid = '%1'::regclass");
        const QString table = kSchema + QStringLiteral(".t");
        const QString index = kSchema + QStringLiteral(".t_v");
        QString before = psqlValue(node.arg(index));
        runner.run(runner.describe(kSchema, QStringLiteral("t")), op(MaintenanceOperation::Reindex));
        QVERIFY(psqlValue(node.arg(index)) != before);
        before = psqlValue(node.arg(index));
        const MaintenanceResult reindexed =
            runner.run(runner.resolve(index), op(MaintenanceOperation::Reindex, true));
        QCOMPARE(reindexed.commandTag, QStringLiteral("REINDEX"));
        QVERIFY(psqlValue(node.arg(index)) != before);
        QCOMPARE(psqlValue(QStringLiteral("select indisvalid from pg_index where indexrelid = '%1'::regclass")
                               .arg(index)),
                 QStringLiteral("t"));

        before = psqlValue(node.arg(table));
        MaintenanceOptions full = op(MaintenanceOperation::Vacuum);
        full.full = true;
        runner.run(runner.describe(kSchema, QStringLiteral("t")), full);
        QVERIFY(psqlValue(node.arg(table)) != before);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1").arg(table)), QStringLiteral("10000"));

        const QString hostile = kSchema + QStringLiteral(".\"we\"\"ird; t\"");
        QVERIFY(psqlValue(stats.arg(QStringLiteral("last_analyze"), kSchema)
                              .replace(QStringLiteral("'t'"), QStringLiteral("'we\"ird; t'"))) ==
                QStringLiteral("f"));
        runner.run(runner.resolve(hostile), op(MaintenanceOperation::Analyze));
        QVERIFY(waitForPsqlValue(stats.arg(QStringLiteral("last_analyze"), kSchema)
                                     .replace(QStringLiteral("'t'"), QStringLiteral("'we\"ird; t'")),
                                 QStringLiteral("t")));

        // REFRESH: a concurrent one on the matview with a unique index, a plain first one on the empty one.
        psql(QStringLiteral("insert into %1.t values (2, 'new')").arg(kSchema));
        runner.run(runner.describe(kSchema, QStringLiteral("mv")), op(MaintenanceOperation::Refresh, true));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1.mv where id = 2").arg(kSchema)),
                 QStringLiteral("1"));
        const MaintenanceTarget empty = runner.describe(kSchema, QStringLiteral("mv_empty"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 runner.run(empty, op(MaintenanceOperation::Refresh, true)));
        runner.run(empty, op(MaintenanceOperation::Refresh));
        QCOMPARE(psqlValue(
                     QStringLiteral("select relispopulated from pg_class where oid = '%1.mv_empty'::regclass")
                         .arg(kSchema)),
                 QStringLiteral("t"));

        // The partitioned table's index, partition by partition (PostgreSQL 14+).
        runner.run(runner.describe(kSchema, QStringLiteral("parted")),
                   op(MaintenanceOperation::Reindex, true));
    }

    // A VACUUM FULL waiting for a lock another session holds reports that wait through the progress
    // callback, and a cancel ends it with 57014 and leaves the table as it was.
    void cancelWhileBlocked() {
        auto holder = Connection::open(pgdesk::test::profile());
        holder.exec(QStringLiteral("begin; lock table %1.lockme in access share mode").arg(kSchema));
        const QString node =
            QStringLiteral("select relfilenode from pg_class where oid = '%1.lockme'::regclass").arg(kSchema);
        const QString before = psqlValue(node);

        MaintenanceRunner runner(pgdesk::test::profile(), {});
        std::mutex mutex;
        QList<MaintenanceProgress> reported;
        runner.setProgressCallback(
            [&](const MaintenanceProgress& p) {
                std::lock_guard lock(mutex);
                reported << p;
            },
            50);
        const MaintenanceTarget lockme = runner.describe(kSchema, QStringLiteral("lockme"));
        MaintenanceOptions full = op(MaintenanceOperation::Vacuum);
        full.full = true;
        auto token = std::make_shared<CancelToken>();
        BackgroundRun run(runner, lockme, full, token);
        const auto waiting = waitForProgress(*token, QStringLiteral("lock"));
        QVERIFY(waiting);
        QCOMPARE(waiting->phase, QStringLiteral("waiting for a lock (relation)"));
        QCOMPARE(waiting->percent(), -1);
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (!reported.isEmpty())
                    break;
            }
            QVERIFY(timer.elapsed() < 10000);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        token->cancel();
        QCOMPARE(run.outcome(), QStringLiteral("57014"));
        {
            std::lock_guard lock(mutex);
            QCOMPARE(reported.first().view, QStringLiteral("lock"));
        }
        holder.exec(QStringLiteral("commit"));
        QCOMPARE(psqlValue(node), before);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1.lockme").arg(kSchema)),
                 QStringLiteral("5000"));
    }

    // REINDEX CONCURRENTLY waits for the writers of an open transaction: the server's create_index progress
    // reports that phase with its lockers, the callback gets it, and the reindex ends once they commit.
    void progressOfConcurrentReindex() {
        auto writer = Connection::open(pgdesk::test::profile());
        writer.exec(QStringLiteral("begin; insert into %1.lockme values (-1, 'w')").arg(kSchema));
        MaintenanceRunner runner(pgdesk::test::profile(), {});
        std::mutex mutex;
        QList<MaintenanceProgress> reported;
        runner.setProgressCallback(
            [&](const MaintenanceProgress& p) {
                std::lock_guard lock(mutex);
                reported << p;
            },
            50);
        const MaintenanceTarget lockme = runner.describe(kSchema, QStringLiteral("lockme"));
        auto token = std::make_shared<CancelToken>();
        BackgroundRun run(runner, lockme, op(MaintenanceOperation::Reindex, true), token);
        const auto waiting = waitForProgress(*token, QStringLiteral("create_index"),
                                             QStringLiteral("waiting for writers before build"));
        QVERIFY(waiting);
        QVERIFY(waiting->total >= 1);
        QElapsedTimer timer;
        timer.start();
        bool seen = false;
        while (!seen && timer.elapsed() < 10000) {
            {
                std::lock_guard lock(mutex);
                for (const auto& p : std::as_const(reported))
                    seen = seen || p.phase == QLatin1String("waiting for writers before build");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        QVERIFY(seen);
        writer.exec(QStringLiteral("commit"));
        QCOMPARE(run.outcome(), QStringLiteral("ok"));
        QCOMPARE(run.result().commandTag, QStringLiteral("REINDEX"));
    }

private:
    std::optional<pgdesk::test::ScratchSchema> m_schema;
};

QTEST_GUILESS_MAIN(TestMaintenance)
#include "tst_maintenance.moc"
