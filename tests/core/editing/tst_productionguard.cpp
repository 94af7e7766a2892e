// SPDX-License-Identifier: GPL-3.0-or-later
// The production guard: a production profile's sessions are read-only on the server until a WriteUnlock
// opens one operation (or one query tab's session) for writing. Every refusal here is the server's (25006).
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/session/atomic.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace pgdesk::core;

namespace {

const QString kSchema = QStringLiteral("tst_productionguard");

ConnectionProfile production() {
    ConnectionProfile p = pgdesk::test::profile();
    p.applicationName = QStringLiteral("tst_productionguard");
    p.environment = Environment::Production;
    return p;
}

QString table() {
    return kSchema + QStringLiteral(".t");
}

QString count() {
    return pgdesk::test::psqlValue(QStringLiteral("select count(*) from %1").arg(table()));
}

// The SQLSTATE the statement fails with, or "" when it runs.
QString stateOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.info().sqlState;
    }
    return {};
}

const QString kReadOnly = QStringLiteral("25006"); // read_only_sql_transaction

} // namespace

class TestProductionGuard final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_schema;

private slots:
    void initTestCase() {
        m_schema.emplace(kSchema, QStringLiteral("create table $S.t (id int primary key, v text);"
                                                 "insert into $S.t values (1, 'a');"));
    }
    void cleanupTestCase() { m_schema.reset(); }

    void environmentNamesAndColours() {
        for (const Environment e : {Environment::None, Environment::Development, Environment::Test,
                                    Environment::Staging, Environment::Production})
            QCOMPARE(environmentFromString(environmentName(e)), e);
        QCOMPARE(environmentFromString(QStringLiteral(" PROD ")), Environment::Production);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, environmentFromString(QStringLiteral("qa")));
        QVERIFY(environmentDefaultColour(Environment::None).isEmpty());
        QCOMPARE(environmentDefaultColour(Environment::Production), QStringLiteral("#c62828"));
        ConnectionProfile p;
        p.environment = Environment::Staging;
        QCOMPARE(p.effectiveColour(), environmentDefaultColour(Environment::Staging));
        p.colour = QStringLiteral("#C00");
        QCOMPARE(p.effectiveColour(), QStringLiteral("#cc0000"));
        p.colour = QStringLiteral("red");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, p.validate());
        p.colour.clear();
        p.folder = QStringLiteral("Clients//Acme");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, p.validate());
    }

    void jsonKeepsTheNewFieldsAndLeavesDefaultsOut() {
        ConnectionProfile plain;
        plain.name = QStringLiteral("plain");
        const QJsonObject o = plain.toJson();
        QVERIFY(!o.contains(QStringLiteral("environment")));
        QVERIFY(!o.contains(QStringLiteral("colour")));
        QVERIFY(!o.contains(QStringLiteral("folder")));
        ConnectionProfile p = plain;
        p.environment = Environment::Production;
        p.colour = QStringLiteral("#112233");
        p.folder = QStringLiteral("Clients/Acme");
        const QJsonObject j = p.toJson();
        QCOMPARE(j.value(QStringLiteral("environment")).toString(), QStringLiteral("production"));
        QCOMPARE(ConnectionProfile::fromJson(j), p);
    }

    void sessionSettingsOfAProductionProfile() {
        const ConnectionProfile p = production();
        QVERIFY(p.writeGuarded());
        QVERIFY(p.sessionReadOnly());
        bool readOnlyOption = false;
        for (const auto& [key, value] : p.connectionParameters())
            readOnlyOption |= key == "options" && value.contains("default_transaction_read_only=on");
        QVERIFY(readOnlyOption);
        ConnectionProfile pooled = p;
        pooled.pooler = PoolerMode::Transaction;
        QVERIFY(
            pooled.transactionSettings().contains(QStringLiteral("SET LOCAL transaction_read_only = on")));
        QVERIFY(pooled.transactionSettings(true).isEmpty());
        ConnectionProfile hard = pooled;
        hard.readOnly = true; // nothing to unlock: read-only stays read-only
        QVERIFY(!hard.writeGuarded());
        QVERIFY(
            hard.transactionSettings(true).contains(QStringLiteral("SET LOCAL transaction_read_only = on")));
    }

    void theServerRefusesWritesWithoutTheKey() {
        Connection c = Connection::open(production());
        QCOMPARE(c.exec(QStringLiteral("show default_transaction_read_only")).text(0, 0),
                 QStringLiteral("on"));
        // An autocommit statement, and a transaction that asks for READ WRITE: both refused by the server.
        QCOMPARE(stateOf([&] { c.exec(QStringLiteral("update %1 set v = 'x'").arg(table())); }), kReadOnly);
        QCOMPARE(stateOf([&] {
                     Transaction tx(c); // READ WRITE by default, READ ONLY on a locked production session
                     c.exec(QStringLiteral("insert into %1 values (2, 'b')").arg(table()));
                     tx.commit();
                 }),
                 kReadOnly);
        QCOMPARE(stateOf([&] {
                     atomicOnConnection(c, [&](Connection& conn) {
                         return conn.exec(QStringLiteral("delete from %1").arg(table())).affectedRows();
                     });
                 }),
                 kReadOnly);
        QCOMPARE(count(), QStringLiteral("1"));
    }

    void theKeyUnlocksOneOperation() {
        Connection c = Connection::open(production());
        AtomicOptions options;
        options.write = WriteUnlock::create();
        const qint64 inserted = atomicOnConnection(
            c,
            [&](Connection& conn) {
                return conn.exec(QStringLiteral("insert into %1 values (3, 'c')").arg(table()))
                    .affectedRows();
            },
            options);
        QCOMPARE(inserted, qint64(1));
        QCOMPARE(count(), QStringLiteral("2"));
        // Locked again once the operation is over.
        QVERIFY(!c.writesUnlocked());
        QCOMPARE(c.exec(QStringLiteral("show default_transaction_read_only")).text(0, 0),
                 QStringLiteral("on"));
        QCOMPARE(stateOf([&] { c.exec(QStringLiteral("delete from %1 where id = 3").arg(table())); }),
                 kReadOnly);
        pgdesk::test::psql(QStringLiteral("delete from %1 where id = 3").arg(table()));
    }

    void aReadOnlyProfileStaysReadOnlyWithTheKey() {
        ConnectionProfile p = production();
        p.readOnly = true;
        Connection c = Connection::open(p);
        AtomicOptions options;
        options.write = WriteUnlock::create();
        QCOMPARE(
            stateOf([&] {
                atomicOnConnection(
                    c,
                    [&](Connection& conn) {
                        return conn.exec(QStringLiteral("update %1 set v = 'y'").arg(table())).affectedRows();
                    },
                    options);
            }),
            kReadOnly);
    }

    void thePoolLocksWhatComesBack() {
        ConnectionProfile p = production();
        p.pool.size = 1;
        const auto pool = Pool::create(p);
        AtomicOptions options;
        options.write = WriteUnlock::create();
        atomic(
            *pool,
            [&](Transaction& tx) {
                tx.connection().exec(QStringLiteral("update %1 set v = 'p'").arg(table()));
            },
            options);
        QCOMPARE(pgdesk::test::psqlValue(QStringLiteral("select v from %1 where id = 1").arg(table())),
                 QStringLiteral("p"));
        QCOMPARE(stateOf([&] {
                     atomic(*pool, [&](Transaction& tx) {
                         tx.connection().exec(QStringLiteral("update %1 set v = 'q'").arg(table()));
                     });
                 }),
                 kReadOnly);
        {
            // Unlocked and handed back without locking: the next borrower still gets a locked session.
            PooledConnection pooled = pool->acquire();
            pooled->unlockWrites(*options.write);
            QCOMPARE(pooled->exec(QStringLiteral("show default_transaction_read_only")).text(0, 0),
                     QStringLiteral("off"));
        }
        PooledConnection again = pool->acquire();
        QVERIFY(!again->writesUnlocked());
        QCOMPARE(again->exec(QStringLiteral("show default_transaction_read_only")).text(0, 0),
                 QStringLiteral("on"));
    }

    void aQueryTabWritesOnlyWhileItHoldsTheKey() {
        Connection c = Connection::open(production());
        ScriptRunner runner(c);
        const QString sql = QStringLiteral("update %1 set v = 's' where id = 1").arg(table());
        ScriptRun run = runner.run(sql);
        QVERIFY(run.error);
        QCOMPARE(run.error->info.sqlState, kReadOnly);
        ScriptRunOptions unlocked;
        unlocked.write = WriteUnlock::create();
        run = runner.run(sql, unlocked);
        QVERIFY2(!run.error, run.error ? qPrintable(run.error->text) : "");
        QCOMPARE(pgdesk::test::psqlValue(QStringLiteral("select v from %1 where id = 1").arg(table())),
                 QStringLiteral("s"));
        // The key dropped (the tab re-locked): refused again.
        run = runner.run(QStringLiteral("update %1 set v = 't' where id = 1").arg(table()));
        QVERIFY(run.error);
        QCOMPARE(run.error->info.sqlState, kReadOnly);
    }

    // The query tool's runner: a statement that would unlock the session refuses the whole script before
    // anything is sent; a function that turns the setting off is caught by the server's report after it.
    void aQueryTabCannotUnlockItself() {
        Connection c = Connection::open(production());
        ScriptRunner runner(c);
        const QString before = count();
        ScriptRun run =
            runner.run(QStringLiteral("select 1; BEGIN READ WRITE; insert into %1 values (7, 'x'); "
                                      "commit")
                           .arg(table()));
        QVERIFY(run.error);
        QCOMPARE(run.error->statementIndex, 1);
        QCOMPARE(run.error->info.field, QString::fromLatin1(kWriteGuardField));
        QVERIFY(run.statements.isEmpty()); // not even the select ran
        QCOMPARE(count(), before);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 runner.explain(QStringLiteral("select dblink_exec('x', 'y')"), true, {}));
        // EXPLAIN ANALYZE runs the statement: one that may write is refused before it is sent; a plain
        // query is explained (read-only on the server).
        try {
            runner.explain(QStringLiteral("update %1 set v = 'x'").arg(table()), true, {});
            QFAIL("EXPLAIN ANALYZE of an UPDATE ran on a locked production session");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QString::fromLatin1(kWriteGuardField));
            QVERIFY2(e.message().contains(QStringLiteral("EXPLAIN ANALYZE")), qPrintable(e.message()));
        }
        QVERIFY(
            !runner.explain(QStringLiteral("select count(*) from %1").arg(table()), true, {}).json.isEmpty());
        QVERIFY(
            !runner.explain(QStringLiteral("update %1 set v = 'x'").arg(table()), false, {}).json.isEmpty());
        // No statement names the setting: the server's report after the first one stops the run.
        pgdesk::test::psql(
            QStringLiteral("create function %1.unguard() returns text language sql as $f$ select "
                           "set_config('default_transaction_' || 'read_only', 'off', false) $f$")
                .arg(kSchema));
        run = runner.run(
            QStringLiteral("select %1.unguard(); insert into %2 values (8, 'y')").arg(kSchema, table()));
        QVERIFY(run.error);
        QCOMPARE(run.error->statementIndex, 0);
        QCOMPARE(run.error->info.field, QString::fromLatin1(kWriteGuardField));
        QCOMPARE(count(), before);
        QCOMPARE(c.parameterStatus("default_transaction_read_only"), QStringLiteral("on"));
        // Unlocked, the tab may do as it likes.
        ScriptRunOptions unlocked;
        unlocked.write = WriteUnlock::create();
        run = runner.run(
            QStringLiteral("BEGIN READ WRITE; insert into %1 values (7, 'x'); commit").arg(table()),
            unlocked);
        QVERIFY2(!run.error, run.error ? qPrintable(run.error->text) : "");
        pgdesk::test::psql(QStringLiteral("delete from %1 where id = 7").arg(table()));
    }

    // The guard's own startup option wins over the profile's, and a profile naming it is refused.
    void theGuardsOptionComesLast() {
        ConnectionProfile p = production();
        p.extraOptions.append({QStringLiteral("options"), QStringLiteral("-c work_mem=8MB")});
        QString options;
        for (const auto& [key, value] : p.connectionParameters())
            if (key == "options")
                options = QString::fromUtf8(value);
        QVERIFY2(options.endsWith(QLatin1String("-c default_transaction_read_only=on")), qPrintable(options));
        p.validate();
        p.extraOptions.append(
            {QStringLiteral("options"), QStringLiteral("--default-transaction-read-only=off")});
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, p.validate());
        p.conventionOverrides.insert(QStringLiteral("public.t"), ConventionOverride{});
        QVERIFY(p.toJson().contains(QStringLiteral("options"))); // stored as it is, to be mended by the user
        p.environment = Environment::None;
        p.validate(); // not guarded: the user's own business
    }
};

QTEST_GUILESS_MAIN(TestProductionGuard)
#include "tst_productionguard.moc"
