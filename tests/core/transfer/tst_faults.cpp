// SPDX-License-Identifier: GPL-3.0-or-later
// Faults against a real server of this test's own (PrivateCluster: restarting the fixture's cluster would
// break the tests running beside this one): the server restarted in the middle of a change set and during
// its COMMIT, a COMMIT whose answer is lost (CommitDropProxy), cancel in the middle of an apply,
// statement_timeout and idle_in_transaction_session_timeout, pooled connections outliving a restart, and
// a long export on one pooled connection while pages keep loading on the others.
#include "commitdropproxy.h"
#include "privatecluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/session/atomic.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

using namespace pgdesk::core;
using namespace std::chrono_literals;
using pgdesk::test::CommitDropProxy;
using pgdesk::test::PrivateCluster;

namespace {

// What an apply running on another thread ended with.
struct Outcome {
    std::optional<ApplyResult> result;
    std::optional<ErrorInfo> error;
    bool connectionError = false;
    bool canceled = false;
};

// Runs fn on a thread. wait() joins it within timeoutMs or says it did not finish. The destructor (also on
// a failed check) calls `stop` first if fn is still running, so that it ends, and then joins: the thread
// uses the test's locals.
class Background final {
public:
    explicit Background(std::function<void()> fn, std::function<void()> stop = {})
        : m_stop(std::move(stop))
        , m_thread([this, fn = std::move(fn)] {
            fn();
            m_done = true;
        }) {}
    ~Background() {
        if (!m_done && m_stop) {
            try {
                m_stop();
            } catch (...) {
            }
        }
        if (m_thread.joinable())
            m_thread.join();
    }
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    bool wait(int timeoutMs) {
        QElapsedTimer timer;
        timer.start();
        while (!m_done && timer.elapsed() < timeoutMs)
            std::this_thread::sleep_for(20ms);
        if (!m_done)
            return false;
        m_thread.join();
        return true;
    }
    bool isDone() const { return m_done; }

private:
    std::function<void()> m_stop;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

Outcome applyCatching(const std::function<ApplyResult()>& apply) {
    Outcome out;
    try {
        out.result = apply();
    } catch (const ConnectionError& e) {
        out.error = e.info();
        out.connectionError = true;
    } catch (const QueryCanceled& e) {
        out.error = e.info();
        out.canceled = true;
    } catch (const Error& e) {
        out.error = e.info();
    }
    return out;
}

QString describe(const Outcome& o) {
    if (o.result)
        return QStringLiteral("applied=%1").arg(o.result->applied);
    return o.error ? QStringLiteral("%1 [%2] %3")
                         .arg(errorKindName(o.error->kind), o.error->field, o.error->message)
                   : QStringLiteral("nothing");
}

} // namespace

class TestFaults final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    ConnectionProfile profile(const QString& applicationName) const {
        ConnectionProfile p = m_cluster->profile();
        p.applicationName = applicationName;
        return p;
    }

    // A table `name` (id primary key, v int) with ids 1..rows, all v = 0.
    bool createTable(const QString& name, int rows, const QString& extraSql = {}) {
        return !m_cluster
                    ->psql(
                        QStringLiteral("drop table if exists %1; create table %1 (id int primary key, v int "
                                       "not null default 0, note text); insert into %1 (id, note) select g, "
                                       "md5(g::text) from generate_series(1, %2) g; %3 select 'ok'")
                            .arg(name)
                            .arg(rows)
                            .arg(extraSql))
                    .isNull();
    }

    // Every row of the table set to v = value, each guarded by the version it has now.
    static ChangeSet updateAll(Connection& c, const TableInfo& table, int value) {
        ChangeSet changes(table);
        const Result rows =
            c.exec(QStringLiteral("select id::text, xmin::text from %1 order by id").arg(table.name));
        for (int r = 0; r < rows.rowCount(); ++r)
            changes.changes << Change{ChangeOp::Update,
                                      {{QStringLiteral("id"), rows.text(r, 0)}},
                                      rows.text(r, 1),
                                      {{QStringLiteral("v"), QString::number(value)}},
                                      {}};
        return changes;
    }

    int countWhere(const QString& table, const QString& condition) {
        return m_cluster->psql(QStringLiteral("select count(*) from %1 where %2").arg(table, condition))
            .toInt();
    }

    // Polls pg_stat_activity until a backend of the application matches the condition.
    bool waitForBackend(const QString& applicationName, const QString& condition, int timeoutMs = 30000) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_cluster
                    ->psql(
                        QStringLiteral("select count(*) from pg_stat_activity where application_name = '%1' "
                                       "and %2")
                            .arg(applicationName, condition))
                    .toInt() > 0)
                return true;
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    // The server restarts while a 20,000-row change set is half-way through (held on a row lock, so the
    // restart surely lands inside the transaction): ConnectionError saying nothing was applied, and nothing
    // was. The pool's next apply works.
    void restartMidApplyAppliesNothing() {
        QVERIFY(createTable(QStringLiteral("fault_mid"), 20000));
        auto pool = Pool::create(profile(QStringLiteral("fault.mid")));
        ChangeSet changes;
        TableInfo table;
        {
            PooledConnection c = pool->acquire();
            table = CatalogReader(*c).table(QStringLiteral("public.fault_mid"));
            changes = updateAll(*c, table, 1);
        }
        auto locker = Connection::open(profile(QStringLiteral("fault.locker")));
        locker.exec(QStringLiteral("begin; select * from fault_mid where id = 15000 for update"));
        Outcome outcome;
        const ChangeSetApplier applier(table);
        Background apply([&] { outcome = applyCatching([&] { return applier.apply(*pool, changes); }); },
                         [&] { locker.exec(QStringLiteral("rollback")); });
        QVERIFY(waitForBackend(QStringLiteral("fault.mid"), QStringLiteral("wait_event_type = 'Lock'")));
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        QVERIFY(apply.wait(30000));
        QVERIFY2(outcome.connectionError, qPrintable(describe(outcome)));
        QCOMPARE(outcome.error->field, QString::fromLatin1(kApplyNotApplied));
        QVERIFY2(outcome.error->message.contains(QStringLiteral("nothing was applied")),
                 qPrintable(outcome.error->message));
        QCOMPARE(countWhere(QStringLiteral("fault_mid"), QStringLiteral("v <> 0")), 0);

        // Recovery: the lost connection was discarded; the same pool applies the change set now.
        const ApplyResult again = applier.apply(*pool, changes);
        QVERIFY(again.applied);
        QCOMPARE(countWhere(QStringLiteral("fault_mid"), QStringLiteral("v = 1")), 20000);
    }

    // The server restarts while COMMIT runs (a deferred constraint trigger keeps it busy): the answer
    // never comes, the applier asks the restarted server, which reports the transaction rolled back.
    void restartDuringCommitIsResolvedAsRolledBack() {
        QVERIFY(createTable(
            QStringLiteral("fault_commit"), 100,
            QStringLiteral("create function fault_slow_commit() returns trigger language plpgsql as "
                           "$$ begin perform pg_sleep(60); return null; end $$; "
                           "create constraint trigger fault_slow after update on fault_commit deferrable "
                           "initially deferred for each row when (new.id = 1) execute function "
                           "fault_slow_commit();")));
        auto c = Connection::open(profile(QStringLiteral("fault.commit")));
        const TableInfo table = CatalogReader(c).table(QStringLiteral("public.fault_commit"));
        const ChangeSet changes = updateAll(c, table, 1);
        Outcome outcome;
        const ChangeSetApplier applier(table);
        Background apply([&] { outcome = applyCatching([&] { return applier.apply(c, changes); }); },
                         [cancel = c.cancelHandle()] { cancel.cancel(); });
        QVERIFY(waitForBackend(QStringLiteral("fault.commit"),
                               QStringLiteral("query = 'COMMIT' and state = 'active'")));
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        QVERIFY(apply.wait(30000));
        QVERIFY2(outcome.connectionError, qPrintable(describe(outcome)));
        QCOMPARE(outcome.error->field, QString::fromLatin1(kApplyNotApplied));
        QVERIFY2(outcome.error->message.contains(QStringLiteral("during COMMIT")) &&
                     outcome.error->message.contains(QStringLiteral("rolled back: nothing was applied")),
                 qPrintable(outcome.error->message));
        QCOMPARE(countWhere(QStringLiteral("fault_commit"), QStringLiteral("v <> 0")), 0);
        m_cluster->psql(QStringLiteral("drop table fault_commit; drop function fault_slow_commit()"));
    }

    // COMMIT reaches the server, which commits, but its answer is lost: the applier finds out from the
    // server that the transaction committed and reports a normal success, rows included.
    void lostCommitAnswerResolvedAsCommitted() {
        QVERIFY(createTable(QStringLiteral("fault_lost"), 300));
        CommitDropProxy proxy(m_cluster->port());
        QVERIFY(proxy.port() > 0);
        ConnectionProfile p = m_cluster->tcpProfile(proxy.port());
        p.applicationName = QStringLiteral("fault.lost");
        auto c = Connection::open(p);
        const TableInfo table = CatalogReader(c).table(QStringLiteral("public.fault_lost"));
        ChangeSet changes = updateAll(c, table, 7);
        changes.stageInsert({{QStringLiteral("id"), QStringLiteral("1000")}}); // the per-row pipeline
        proxy.arm();
        const Outcome outcome = applyCatching([&] { return ChangeSetApplier(table).apply(c, changes); });
        QCOMPARE(proxy.drops(), 1);
        QVERIFY2(outcome.result && outcome.result->applied, qPrintable(describe(outcome)));
        QCOMPARE(outcome.result->rows.size(), 301);
        QCOMPARE(outcome.result->rows.first().row.value(QStringLiteral("v")), QStringLiteral("7"));
        QVERIFY(proxy.connections() >= 2); // the check went through a fresh connection
        QCOMPARE(countWhere(QStringLiteral("fault_lost"), QStringLiteral("v = 7")), 300);
        QCOMPARE(countWhere(QStringLiteral("fault_lost"), QStringLiteral("id = 1000")), 1);
    }

    // The same, but the server cannot be reached afterwards: the applier cannot know, and says so
    // (outcome unknown, naming the transaction to ask about) instead of guessing. Re-reading shows the
    // truth, all or nothing: here all, since the server did commit.
    void lostCommitAnswerUnreachableIsUnknown() {
        QVERIFY(createTable(QStringLiteral("fault_unknown"), 300));
        CommitDropProxy proxy(m_cluster->port());
        QVERIFY(proxy.port() > 0);
        ConnectionProfile p = m_cluster->tcpProfile(proxy.port());
        p.applicationName = QStringLiteral("fault.unknown");
        auto c = Connection::open(p);
        const TableInfo table = CatalogReader(c).table(QStringLiteral("public.fault_unknown"));
        const ChangeSet changes = updateAll(c, table, 8);
        proxy.arm(true);
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome = applyCatching([&] { return ChangeSetApplier(table).apply(c, changes); });
        QCOMPARE(proxy.drops(), 1);
        QVERIFY(proxy.refused() >= 2); // it kept trying
        QVERIFY2(outcome.connectionError, qPrintable(describe(outcome)));
        QCOMPARE(outcome.error->field, QString::fromLatin1(kApplyOutcomeUnknown));
        QVERIFY2(outcome.error->message.contains(
                     QStringLiteral("whether the 300 changes were applied is UNKNOWN")),
                 qPrintable(outcome.error->message));
        QVERIFY(outcome.error->message.contains(QStringLiteral("pg_xact_status('")));
        QVERIFY2(timer.elapsed() >= 4500 && timer.elapsed() < 20000,
                 qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(countWhere(QStringLiteral("fault_unknown"), QStringLiteral("v = 8")), 300);
    }

    // Cancel (PQcancel from another thread, as the CLI's Ctrl-C and the GUI do) while a big change set is
    // half-way: QueryCanceled, nothing applied, promptly (not retried row by row), the connection usable.
    void cancelMidApply() {
        QVERIFY(createTable(QStringLiteral("fault_cancel"), 20000));
        auto c = Connection::open(profile(QStringLiteral("fault.cancel")));
        const TableInfo table = CatalogReader(c).table(QStringLiteral("public.fault_cancel"));
        const ChangeSet changes = updateAll(c, table, 1);
        auto locker = Connection::open(profile(QStringLiteral("fault.locker")));
        locker.exec(QStringLiteral("begin; select * from fault_cancel where id = 15000 for update"));
        Outcome outcome;
        const ChangeSetApplier applier(table);
        Background apply([&] { outcome = applyCatching([&] { return applier.apply(c, changes); }); },
                         [&] { locker.exec(QStringLiteral("rollback")); });
        QVERIFY(waitForBackend(QStringLiteral("fault.cancel"), QStringLiteral("wait_event_type = 'Lock'")));
        QVERIFY(c.cancelHandle().cancel());
        if (!apply.wait(10000)) {
            locker.exec(QStringLiteral("rollback"));
            QVERIFY(apply.wait(60000));
            QFAIL(qPrintable(QStringLiteral("the apply went on after the cancel: ") + describe(outcome)));
        }
        QVERIFY2(outcome.canceled, qPrintable(describe(outcome)));
        QCOMPARE(outcome.error->sqlState, QStringLiteral("57014"));
        QCOMPARE(countWhere(QStringLiteral("fault_cancel"), QStringLiteral("v <> 0")), 0);
        QVERIFY(c.isIdle());
        locker.exec(QStringLiteral("rollback"));
        QVERIFY(applier.apply(c, changes).applied);
        QCOMPARE(countWhere(QStringLiteral("fault_cancel"), QStringLiteral("v = 1")), 20000);
    }

    // The profile's statement timeout cancels a long statement with QueryCanceled (57014); the connection
    // stays good and the pool hands the same one out again.
    void statementTimeoutFromProfile() {
        ConnectionProfile p = profile(QStringLiteral("fault.timeout"));
        p.statementTimeoutMs = 300;
        p.pool.size = 1;
        p.pool.maxOverflow = 0;
        auto pool = Pool::create(p);
        int pid = 0;
        {
            PooledConnection c = pool->acquire();
            pid = c->backendPid();
            QElapsedTimer timer;
            timer.start();
            try {
                c->exec(QStringLiteral("select pg_sleep(5)"));
                QFAIL("the statement outlived its timeout");
            } catch (const QueryCanceled& e) {
                QCOMPARE(e.sqlState(), QStringLiteral("57014"));
                QVERIFY(e.message().contains(QStringLiteral("statement timeout")));
            }
            QVERIFY(timer.elapsed() < 3000);
            QCOMPARE(c->exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
        }
        // Inside atomic(): rolled back, not retried, and the connection goes back to the pool.
        QVERIFY_THROWS_EXCEPTION(QueryCanceled, atomic(*pool, [](Transaction& t) {
                                     t.connection().exec(QStringLiteral("select pg_sleep(5)"));
                                 }));
        const int again = atomic(*pool, [](Transaction& t) { return t.connection().backendPid(); });
        QCOMPARE(again, pid);
        QCOMPARE(pool->stats().invalidated, quint64(0));
    }

    // idle_in_transaction_session_timeout ends the session: a ConnectionError, the dead connection is
    // discarded and the next transaction gets a fresh one.
    void idleInTransactionTimeout() {
        ConnectionProfile p = profile(QStringLiteral("fault.idle"));
        p.pool.size = 1;
        p.pool.maxOverflow = 0;
        auto pool = Pool::create(p);
        int pid = 0;
        try {
            atomic(*pool, [&](Transaction& t) {
                pid = t.connection().backendPid();
                t.connection().exec(QStringLiteral("set local idle_in_transaction_session_timeout = 200"));
                std::this_thread::sleep_for(1000ms); // the client dawdles inside its transaction
                t.connection().exec(QStringLiteral("select 1"));
            });
            QFAIL("the idle transaction survived its timeout");
        } catch (const ConnectionError& e) {
            // The server's FATAL came while the client was not reading; it is read before the next
            // statement is written (writing first would get a reset that drops it), so the user is told why.
            QCOMPARE(e.sqlState(), QStringLiteral("25P03"));
            QVERIFY2(e.message().contains(QStringLiteral("idle-in-transaction timeout")),
                     qPrintable(e.message()));
        }
        QFile log(m_cluster->dir() + QStringLiteral("/server.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("terminating connection due to idle-in-transaction timeout"));
        const int next = atomic(*pool, [](Transaction& t) { return t.connection().backendPid(); });
        QVERIFY(next != pid);
        QCOMPARE(pool->stats().open, 1);
    }

    // A restart kills every pooled connection. Without pre-ping the first use fails with a clean
    // ConnectionError and the next one works: the pool drops the idle connections older than the dead one
    // (they died with it) instead of handing them out one failure at a time. With pre-ping, the first use
    // already works.
    void pooledConnectionsOutliveRestart_data() {
        QTest::addColumn<bool>("prePing");
        QTest::newRow("without pre-ping") << false;
        QTest::newRow("with pre-ping") << true;
    }
    void pooledConnectionsOutliveRestart() {
        QFETCH(bool, prePing);
        ConnectionProfile p = profile(QStringLiteral("fault.pool"));
        p.pool.size = 3;
        p.pool.maxOverflow = 0;
        p.pool.prePing = prePing;
        auto pool = Pool::create(p);
        { PooledConnection a = pool->acquire(), b = pool->acquire(), c = pool->acquire(); }
        QCOMPARE(pool->stats().idle, 3);
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        const auto select = [](Transaction& t) {
            return t.connection().exec(QStringLiteral("select 1")).text(0, 0);
        };
        if (!prePing) {
            try {
                atomic(*pool, select);
                QFAIL("a connection from before the restart answered");
            } catch (const PoolTimeoutError&) {
                QFAIL("the pool ran out of connections");
            } catch (const ConnectionError& e) {
                QVERIFY2(!e.message().isEmpty(), "an empty connection error");
            }
        }
        for (int i = 0; i < 4; ++i) // every later use works: none of the dead is handed out again
            QCOMPARE(atomic(*pool, select), QStringLiteral("1"));
        const PoolStats s = pool->stats();
        QCOMPARE(s.checkedOut, 0);
        QVERIFY(s.open <= 3);
        QCOMPARE(s.invalidated, quint64(3));
    }

    // An export streams a huge query on one pooled connection for seconds while pages keep loading on the
    // others without waiting for it; then the export is cancelled: no file, its connection reusable.
    void longExportWhileBrowsing() {
        QVERIFY(createTable(QStringLiteral("fault_browse"), 5000));
        ConnectionProfile p = profile(QStringLiteral("fault.browse"));
        p.pool.size = 2;
        p.pool.maxOverflow = 1;
        p.pool.timeoutSeconds = 5;
        auto pool = Pool::create(p);
        TableInfo table;
        TableInfo exportTable;
        const QString exportSql =
            QStringLiteral("select g, md5(g::text) as h from (select generate_series(1, 500000000) as g) s");
        {
            PooledConnection c = pool->acquire();
            table = CatalogReader(*c).table(QStringLiteral("public.fault_browse"));
            exportTable = CatalogReader(*c).describeQuery(exportSql);
        }
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("huge.csv"));
        std::atomic<qint64> exported{0};
        PooledConnection exportConnection = pool->acquire();
        ExportWriter writer(*exportConnection); // built here, run on the thread; cancel() from here
        writer.setProgressCallback([&](const ExportProgress& progress) { exported = progress.rows; }, 20);
        Outcome exportOutcome;
        Background exporting(
            [&] {
                QuerySpec spec;
                spec.sql = exportSql;
                ExportOptions options;
                options.expectedRows = 500000000;
                try {
                    writer.exportTo(spec, exportTable, target, options);
                } catch (const QueryCanceled& e) {
                    exportOutcome.error = e.info();
                    exportOutcome.canceled = true;
                } catch (const Error& e) {
                    exportOutcome.error = e.info();
                }
            },
            [&] { writer.cancel(); });
        QTRY_VERIFY_WITH_TIMEOUT(exported.load() > 10000, 20000);

        // Page after page through the table while the export runs.
        QuerySpec spec;
        spec.schema = QStringLiteral("public");
        spec.table = QStringLiteral("fault_browse");
        spec.page.pageSize = 100;
        int pages = 0;
        qint64 slowest = 0;
        const qint64 exportedBefore = exported.load();
        QElapsedTimer total;
        total.start();
        while (total.elapsed() < 3000) {
            QElapsedTimer timer;
            timer.start();
            PooledConnection c = pool->acquire();
            const Page page = QueryEngine(*c).fetchPage(spec, table);
            slowest = std::max(slowest, timer.elapsed());
            QCOMPARE(page.rows.size(), 100);
            ++pages;
            spec.page.afterCursor = page.nextCursor.isEmpty() ? QString() : page.nextCursor;
        }
        qInfo("%d pages in %lld ms beside the export (slowest %lld ms); export at %lld rows", pages,
              total.elapsed(), slowest, exported.load());
        QVERIFY2(!exporting.isDone(), qPrintable(describe(exportOutcome)));
        QVERIFY(exported.load() > exportedBefore); // both made progress at the same time
        QVERIFY2(pages >= 10, qPrintable(QString::number(pages)));
        QVERIFY2(slowest < 2000, qPrintable(QString::number(slowest)));

        writer.cancel();
        QVERIFY(exporting.wait(20000));
        QVERIFY2(exportOutcome.canceled, qPrintable(describe(exportOutcome)));
        QVERIFY(QDir(dir.path()).isEmpty());
        QCOMPARE(exportConnection->exec(QStringLiteral("select 2")).text(0, 0), QStringLiteral("2"));
        exportConnection.release();
        const PoolStats s = pool->stats();
        QCOMPARE(s.checkedOut, 0);
        QCOMPARE(s.invalidated, quint64(0));
        PooledConnection a = pool->acquire(), b = pool->acquire();
        QCOMPARE(a->exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
        QCOMPARE(b->exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
