// SPDX-License-Identifier: GPL-3.0-or-later
// The core through a real pgbouncer in transaction pooling mode (the `pooler` fixture): startup options are
// refused there, so a pooled profile's statement timeout and read-only flag travel as SET LOCAL in every
// transaction. Checked against a direct connection with the same settings (same observable behaviour), for
// leaks into other clients on a pool of ONE server connection, and through every core class that talks to
// the server.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/batchoperation.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/session/atomic.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/transfer/exportwriter.h>
#include <pgdesk/core/transfer/importer.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::poolerProfile;

namespace {

QString show(Connection& c, const char* setting) {
    return c.exec(QStringLiteral("SHOW ") + QLatin1String(setting), Params{}).text(0, 0);
}

// What a statement threw (kind and SQLSTATE), or nothing.
std::optional<ErrorInfo> failure(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.info();
    }
    return std::nullopt;
}

ConnectionProfile withSettings(ConnectionProfile p, int timeoutMs, bool readOnly) {
    p.statementTimeoutMs = timeoutMs;
    p.readOnly = readOnly;
    return p;
}

} // namespace

class TestPooler final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;
    QString q(const QString& name) const { return m_schema + QLatin1Char('.') + name; }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("tst_pooler_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema, QStringLiteral("create table %1.items (id int primary key, name text not null, qty int,"
                                     "  updated_at timestamptz, deleted_at timestamptz);"
                                     "insert into %1.items select g, 'item ' || g, g %% 50, null, null"
                                     "  from generate_series(1, 500) g;")
                          .arg(m_schema)
                          .replace(QStringLiteral("%%"), QStringLiteral("%")));
    }

    // pgbouncer refuses startup options; a pooled profile sends none.
    void startupOptions() {
        ConnectionProfile plain = withSettings(poolerProfile(), 250, false);
        plain.pooler = PoolerMode::None;
        // Without the flag the refusal is recognised and the settings move into the transactions.
        Connection detected = Connection::open(plain);
        QCOMPARE(detected.profile().pooler, PoolerMode::Transaction);
        QCOMPARE(show(detected, "statement_timeout"), QStringLiteral("250ms"));

        // Options of the user's own cannot be moved: the pooler's refusal is reported as it is.
        ConnectionProfile own = poolerProfile();
        own.pooler = PoolerMode::None;
        own.extraOptions = {{QStringLiteral("options"), QStringLiteral("-c work_mem=1MB")}};
        const auto refused = failure([&] { Connection::open(own); });
        QVERIFY(refused);
        QCOMPARE(refused->kind, ErrorKind::Connection);
        QVERIFY2(refused->message.contains(QLatin1String("unsupported startup parameter")),
                 qPrintable(refused->message));
        // …and a profile that says it goes through a pooler does not accept them at all.
        own.pooler = PoolerMode::Transaction;
        const auto invalid = failure([&] { own.validate(); });
        QVERIFY(invalid);
        QCOMPARE(invalid->kind, ErrorKind::Configuration);
        QCOMPARE(invalid->field, QStringLiteral("options"));

        const ConnectionProfile pooled = withSettings(poolerProfile(), 250, true);
        for (const auto& [key, value] : pooled.connectionParameters())
            QVERIFY2(key != "options", value.constData());
        QCOMPARE(pooled.transactionSettings(),
                 QStringList({QStringLiteral("SET LOCAL statement_timeout = 250"),
                              QStringLiteral("SET LOCAL transaction_read_only = on")}));
        // Persisted in profiles.json, and only when set.
        QCOMPARE(pooled.toJson().value(QStringLiteral("pooler_mode")).toString(),
                 QStringLiteral("transaction"));
        QVERIFY(!pgdesk::test::profile().toJson().contains(QStringLiteral("pooler_mode")));
        QCOMPARE(ConnectionProfile::fromJson(pooled.toJson()), pooled);
    }

    // Every way a statement reaches the server behaves through the pooler as on a direct connection
    // with the settings as startup options.
    void settingsHoldLikeDirect_data() {
        QTest::addColumn<bool>("pooled");
        QTest::newRow("direct") << false;
        QTest::newRow("pgbouncer") << true;
    }
    void settingsHoldLikeDirect() {
        QFETCH(bool, pooled);
        const ConnectionProfile base = pooled ? poolerProfile() : pgdesk::test::profile();
        Connection c = Connection::open(withSettings(base, 300, true));
        QCOMPARE(c.profile().pooler, pooled ? PoolerMode::Transaction : PoolerMode::None);

        // Autocommit statements, extended and simple protocol.
        QCOMPARE(show(c, "statement_timeout"), QStringLiteral("300ms"));
        QCOMPARE(c.exec(QStringLiteral("SHOW statement_timeout")).text(0, 0), QStringLiteral("300ms"));
        QCOMPARE(show(c, "transaction_read_only"), QStringLiteral("on"));
        QElapsedTimer timer;
        timer.start();
        auto e = failure([&] { c.exec(QStringLiteral("select pg_sleep(3)"), Params{}); });
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::QueryCanceled);
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
        e = failure([&] { c.exec(QStringLiteral("create table %1.nope (i int)").arg(m_schema), Params{}); });
        QVERIFY(e);
        QCOMPARE(e->sqlState, QStringLiteral("25006"));
        QVERIFY(c.isIdle());

        // Transactions: the profile's defaults, and explicit options that override read-only as
        // BEGIN … READ WRITE does on a direct connection.
        {
            Transaction tx(c, transactionOptionsFor(c.profile()));
            QCOMPARE(show(c, "statement_timeout"), QStringLiteral("300ms"));
            QCOMPARE(show(c, "transaction_read_only"), QStringLiteral("on"));
            QCOMPARE(show(c, "transaction_isolation"), QStringLiteral("repeatable read"));
        }
        {
            TransactionOptions rw;
            rw.isolation = IsolationLevel::Serializable;
            Transaction tx(c, rw);
            QCOMPARE(show(c, "transaction_isolation"), QStringLiteral("serializable"));
            QCOMPARE(show(c, "transaction_read_only"), QStringLiteral("off"));
            QCOMPARE(show(c, "statement_timeout"), QStringLiteral("300ms"));
            c.exec(QStringLiteral("update %1.items set qty = qty where id = 1").arg(m_schema), Params{});
            e = failure([&] { c.exec(QStringLiteral("select pg_sleep(3)"), Params{}); });
            QVERIFY(e);
            QCOMPARE(e->kind, ErrorKind::QueryCanceled);
        }
        QVERIFY(c.isIdle());

        // The query tool: autocommit statements, the user's own BEGIN … COMMIT, EXPLAIN ANALYZE, COPY OUT,
        // and no trace of the SET LOCALs among the notices.
        ScriptRunner runner(c);
        ScriptRun run = runner.run(
            QStringLiteral(
                "show statement_timeout; show transaction_read_only; begin isolation level serializable;"
                "show transaction_isolation; show statement_timeout; commit; copy (select 1) to stdout;"
                "select id from %1.items where id < 3; do $$ begin raise notice 'hello'; end $$;")
                .arg(m_schema));
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.statements.size(), 9);
        QCOMPARE(run.statements[0].page.rows.value(0).value(0),
                 std::optional<QString>(QStringLiteral("300ms")));
        QCOMPARE(run.statements[1].page.rows.value(0).value(0), std::optional<QString>(QStringLiteral("on")));
        QCOMPARE(run.statements[3].page.rows.value(0).value(0),
                 std::optional<QString>(QStringLiteral("serializable")));
        QCOMPARE(run.statements[4].page.rows.value(0).value(0),
                 std::optional<QString>(QStringLiteral("300ms")));
        QCOMPARE(run.statements[6].commandStatus, QStringLiteral("COPY 1"));
        QCOMPARE(run.statements[7].page.rows.size(), 2);
        QCOMPARE(run.statements[8].notices.size(), 1);
        QVERIFY2(run.statements[8].notices.at(0).contains(QLatin1String("hello")),
                 qPrintable(run.statements[8].notices.join(QLatin1Char('|'))));
        for (int i = 0; i < 8; ++i)
            QVERIFY2(run.statements[i].notices.isEmpty(),
                     qPrintable(run.statements[i].notices.join(QLatin1Char('|'))));
        run = runner.run(QStringLiteral("select pg_sleep(3)"));
        QVERIFY(run.error);
        QCOMPARE(run.error->info.kind, ErrorKind::QueryCanceled);
        const ExplainResult plan =
            runner.explain(QStringLiteral("select count(*) from %1.items").arg(m_schema), true);
        QVERIFY(plan.json.contains("Plan"));
        QCOMPARE(runner.transactionState(), TransactionState::Idle);

        // A statement that refuses a transaction block: a direct read-only session runs VACUUM; through a
        // pooler no SET LOCAL can guard it, so a read-only pooled profile refuses it with a reason.
        run = runner.run(QStringLiteral("vacuum %1.items").arg(m_schema));
        if (pooled) {
            QVERIFY(run.error);
            QVERIFY2(run.error->text.contains(QLatin1String("read-only profile")),
                     qPrintable(run.error->text));
        } else {
            QVERIFY2(!run.error, qPrintable(run.error->text));
        }
    }

    // Without read-only, statements that refuse a transaction block run through the pooler (without the
    // SET LOCALs, which would put them in one).
    // The profile's lock_timeout holds through the pooler too (SET LOCAL): a statement blocked by another
    // session's lock fails with 55P03 after it, as on a direct connection.
    void lockTimeoutLikeDirect_data() { settingsHoldLikeDirect_data(); }
    void lockTimeoutLikeDirect() {
        QFETCH(bool, pooled);
        ConnectionProfile p = pooled ? poolerProfile() : pgdesk::test::profile();
        p.lockTimeoutMs = 300;
        Connection c = Connection::open(p);
        QCOMPARE(show(c, "lock_timeout"), QStringLiteral("300ms"));
        Connection holder = Connection::open(pgdesk::test::profile());
        holder.exec(QStringLiteral("begin"));
        holder.exec(QStringLiteral("lock table %1 in access exclusive mode").arg(q(QStringLiteral("items"))));
        QElapsedTimer timer;
        timer.start();
        const auto e = failure([&] {
            c.exec(QStringLiteral("select count(*) from %1").arg(q(QStringLiteral("items"))), Params{});
        });
        holder.exec(QStringLiteral("rollback"));
        QVERIFY(e);
        QCOMPARE(e->sqlState, QStringLiteral("55P03"));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    void outsideTransactionStatements() {
        Connection c = Connection::open(withSettings(poolerProfile(), 5000, false));
        ScriptRunner runner(c);
        const ScriptRun run =
            runner.run(QStringLiteral("vacuum %1.items; show statement_timeout").arg(m_schema));
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.statements[0].commandStatus, QStringLiteral("VACUUM"));
        QCOMPARE(run.statements[1].page.rows.value(0).value(0), std::optional<QString>(QStringLiteral("5s")));
    }

    // A statement that leaves state on the server session warns, through a pooler, that it leaks to the
    // sessions' other clients; the same statement on a direct connection does not warn.
    void sessionChangesWarn() {
        for (const bool pooled : {true, false}) {
            Connection c = Connection::open(pooled ? poolerProfile() : pgdesk::test::profile());
            ScriptRunner runner(c);
            const ScriptRun run =
                runner.run(QStringLiteral("set application_name = 'leaky'; begin; set local work_mem = "
                                          "'8MB'; commit; reset application_name"));
            QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
            QCOMPARE(run.statements.size(), 5);
            for (int i : {1, 2, 3})
                QVERIFY2(run.statements[i].notices.isEmpty(),
                         qPrintable(run.statements[i].notices.join(u'|')));
            for (int i : {0, 4}) {
                const QStringList& notices = run.statements[i].notices;
                if (!pooled) {
                    QVERIFY2(notices.isEmpty(), qPrintable(notices.join(u'|')));
                    continue;
                }
                QCOMPARE(notices.size(), 1);
                QVERIFY2(notices[0].startsWith(QLatin1String("WARNING:  through a transaction pooler, ") +
                                               (i == 0 ? QLatin1String("SET") : QLatin1String("RESET"))),
                         qPrintable(notices[0]));
                QVERIFY(notices[0].contains(QLatin1String("SET LOCAL")));
            }
        }
    }

    // pgdesk_pool1 has ONE server connection: every client below runs on the same server session. A
    // profile's settings must hold in its own transactions and never reach the other client's.
    void noLeakIntoOtherClients() {
        Connection limited =
            Connection::open(withSettings(poolerProfile(QStringLiteral("pgdesk_pool1")), 150, true));
        Connection other = Connection::open(poolerProfile(QStringLiteral("pgdesk_pool1")));
        const QString pidSql = QStringLiteral("select pg_backend_pid()");
        QSet<QString> pids;
        for (int i = 0; i < 20; ++i) {
            pids << limited.exec(pidSql, Params{}).text(0, 0);
            QCOMPARE(show(limited, "statement_timeout"), QStringLiteral("150ms"));
            const auto e = failure([&] { limited.exec(QStringLiteral("select pg_sleep(1)"), Params{}); });
            QVERIFY(e);
            QCOMPARE(e->kind, ErrorKind::QueryCanceled);
            {
                Transaction tx(limited, transactionOptionsFor(limited.profile()));
                QCOMPARE(show(limited, "transaction_read_only"), QStringLiteral("on"));
                pids << limited.exec(pidSql, Params{}).text(0, 0);
                tx.commit();
            }

            const Result r =
                other.exec(QStringLiteral("select pg_backend_pid(), current_setting('statement_timeout'),"
                                          " current_setting('transaction_read_only')"),
                           Params{});
            pids << r.text(0, 0);
            QCOMPARE(r.text(0, 1), QStringLiteral("0"));
            QCOMPARE(r.text(0, 2), QStringLiteral("off"));
            QCOMPARE(other.exec(QStringLiteral("SHOW statement_timeout")).text(0, 0), QStringLiteral("0"));
        }
        QCOMPARE(pids.size(), 1); // really one server session for both clients
        other.exec(QStringLiteral("select pg_sleep(0.4)"), Params{}); // no timeout leaked
        {
            Transaction tx(other);
            other.exec(QStringLiteral("create table %1.leak_probe (i int)").arg(m_schema),
                       Params{}); // writable
        }

        // The control: a session-level SET does leak through this pooler, so the checks above can fail.
        Connection careless = Connection::open(poolerProfile(QStringLiteral("pgdesk_pool1")));
        careless.exec(QStringLiteral("SET statement_timeout = 4321"));
        const QString leaked = show(other, "statement_timeout");
        careless.exec(QStringLiteral("RESET statement_timeout"));
        QCOMPARE(leaked, QStringLiteral("4321ms"));
        QCOMPARE(show(other, "statement_timeout"), QStringLiteral("0"));
    }

    // Named prepared statements would stay behind on a shared server session (pgbouncer 1.18 does not
    // track protocol-level prepared statements): refused through a pooler; unnamed ones work.
    void preparedStatements() {
        Connection c = Connection::open(poolerProfile());
        const auto e = failure([&] { c.prepare("pgdesk_named", QStringLiteral("select $1::int"), 1); });
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Configuration);
        c.prepare({}, QStringLiteral("select $1::int + 1"), 1);
        QCOMPARE(c.execPrepared({}, {param(41LL)}).text(0, 0), QStringLiteral("42"));
    }

    // Each core class that talks to the server, through the pooler with settings active (so every
    // transaction carries its SET LOCALs).
    void coreClasses() {
        const ConnectionProfile profile = withSettings(poolerProfile(), 20000, false);
        auto pool = Pool::create(profile);
        PooledConnection pc = pool->acquire();
        Connection& c = *pc;

        CatalogReader catalog(c);
        bool found = false;
        for (const TableSummary& t : catalog.tables(m_schema))
            found = found || t.name == QLatin1String("items");
        QVERIFY(found);
        const TableInfo items = catalog.table(m_schema, QStringLiteral("items"));
        QCOMPARE(items.conventions.rowKey, QStringList{QStringLiteral("id")});

        // Browse: filter, sort, keyset pages, the last page, counts.
        QueryEngine engine(c);
        QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("items");
        Condition qty;
        qty.column = QStringLiteral("qty");
        qty.op = FilterOp::LessThan;
        qty.values = {QStringLiteral("10")};
        spec.filter.conditions << qty;
        spec.sort << SortKey{QStringLiteral("qty"), true};
        spec.page.pageSize = 25;
        spec.count = CountMode::Exact;
        const Page first = engine.fetchPage(spec, items);
        QCOMPARE(first.rows.size(), 25);
        QCOMPARE(first.total, std::optional<qint64>(100));
        QCOMPARE(first.rows.at(0).at(2), std::optional<QString>(QStringLiteral("9")));
        spec.page.afterCursor = first.nextCursor;
        const Page second = engine.fetchPage(spec, items);
        QCOMPARE(second.rows.size(), 25);
        QVERIFY(second.rows.at(0) != first.rows.at(0));
        spec.page.afterCursor.clear();
        spec.page.last = true;
        const Page last = engine.fetchPage(spec, items);
        QCOMPARE(last.rows.last().at(2), std::optional<QString>(QStringLiteral("0")));
        spec.page.last = false;
        QCOMPARE(engine.exactCount(spec, items), qint64(100));

        // Change sets: the set-based path (many updates of one column) and the per-row pipeline, then a
        // conflict. Pipelines with the unnamed statement run inside one transaction, as pgbouncer needs.
        spec.filter = {};
        spec.sort.clear();
        spec.page.pageSize = 200;
        const Page rows = engine.fetchPage(spec, items);
        ChangeSet many(items);
        for (int i = 0; i < 100; ++i)
            many.stageUpdate({{QStringLiteral("id"), *rows.rows.at(i).at(0)}}, rows.versions.at(i),
                             {{QStringLiteral("name"), QStringLiteral("renamed %1").arg(i)}});
        const ChangeSetApplier applier(items);
        ApplyResult applied = applier.apply(*pool, many);
        QVERIFY(applied.applied);
        QCOMPARE(applied.rows.size(), 100);
        QCOMPARE(pgdesk::test::psql(QStringLiteral("select count(*) from %1 where name like 'renamed %%'")
                                        .arg(q(QStringLiteral("items")))
                                        .replace(QStringLiteral("%%"), QStringLiteral("%"))),
                 QStringLiteral("100"));
        ChangeSet mixed(items);
        mixed.stageUpdate({{QStringLiteral("id"), *rows.rows.at(150).at(0)}}, rows.versions.at(150),
                          {{QStringLiteral("qty"), QStringLiteral("999")}});
        mixed.stageDelete({{QStringLiteral("id"), *rows.rows.at(151).at(0)}}, rows.versions.at(151));
        Change insert;
        insert.op = ChangeOp::Insert;
        insert.values = {{QStringLiteral("id"), QStringLiteral("10001")},
                         {QStringLiteral("name"), QStringLiteral("new")}};
        mixed.changes << insert;
        applied = applier.apply(c, mixed);
        QVERIFY(applied.applied);
        ChangeSet stale(items); // row 0 was renamed above, so its old version is gone
        stale.stageUpdate({{QStringLiteral("id"), *rows.rows.at(0).at(0)}}, rows.versions.at(0),
                          {{QStringLiteral("qty"), QStringLiteral("1")}});
        applied = applier.apply(*pool, stale);
        QVERIFY(!applied.applied);
        QCOMPARE(applied.conflicts.size(), 1);

        // Batch operations, on keys and on a filter.
        BatchOperation batch(
            items, BatchRequest{BatchAction::SetColumn, QStringLiteral("qty"), QStringLiteral("7")});
        QCOMPARE(batch.run(c, QList<Key>{{{QStringLiteral("id"), QStringLiteral("300")}}}).affected,
                 qint64(1));
        QuerySpec byName = spec;
        Condition name;
        name.column = QStringLiteral("name");
        name.op = FilterOp::StartsWith;
        name.values = {QStringLiteral("renamed 1")};
        byName.filter.conditions << name;
        QCOMPARE(batch.countAffected(c, byName), qint64(11));
        QCOMPARE(batch.run(c, byName).affected, qint64(11));

        // Import (COPY FROM STDIN in a transaction) and export (COPY TO STDOUT in a read-only one).
        Importer importer(c, items);
        QBuffer csv;
        csv.setData("id,name,qty\n20001,imported a,1\n20002,\"imported, b\",2\n");
        csv.open(QIODevice::ReadOnly);
        ImportOptions importOptions;
        QCOMPARE(importer.importCsv(csv, importOptions), qint64(2));
        QTemporaryDir dir;
        ExportWriter writer(c);
        ExportOptions exportOptions;
        const QString path = dir.filePath(QStringLiteral("items.csv"));
        const ExportResult exported = writer.exportTo(spec, items, path, exportOptions);
        QCOMPARE(exported.rows, qint64(500 - 1 + 1 + 2));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"imported, b\""));

        // atomic() on the pool: the retry loop's transactions carry the settings too.
        const QString timeout =
            atomic(*pool, [](Transaction& t) { return show(t.connection(), "statement_timeout"); });
        QCOMPARE(timeout, QStringLiteral("20s"));
        QVERIFY(c.isIdle());
    }
};

QTEST_GUILESS_MAIN(TestPooler)
#include "tst_pooler.moc"
