// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/atomic.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/transaction.h>

#include <QElapsedTimer>
#include <QTest>

#include <stdexcept>

using namespace pgdesk::core;
using namespace std::chrono_literals;

namespace {

ConnectionProfile txProfile(const QString& test) {
    ConnectionProfile p = pgdesk::test::profile(QStringLiteral("postgres"));
    p.applicationName = QStringLiteral("tst_transaction.") + test;
    return p;
}

Connection open(const QString& test = QStringLiteral("misc")) {
    return Connection::open(txProfile(test));
}

// A fresh table of the test's own (core tests share the cluster and run in parallel).
void freshTable(Connection& c, const QString& table, const QString& columns = QStringLiteral("id int")) {
    c.exec(QStringLiteral("drop table if exists %1 cascade; create table %1 (%2)").arg(table, columns));
}

QString scalar(Connection& c, const QString& sql) {
    return c.exec(sql).text(0, 0);
}

QString ids(Connection& c, const QString& table) {
    return scalar(
        c, QStringLiteral("select coalesce(string_agg(id::text, ',' order by id), '') from %1").arg(table));
}

} // namespace

class TestTransaction final : public QObject {
    Q_OBJECT
private slots:
    void beginStatements() {
        QCOMPARE(beginStatement({}), QStringLiteral("BEGIN READ WRITE"));
        TransactionOptions o;
        o.isolation = IsolationLevel::Serializable;
        o.readOnly = true;
        o.deferrable = true;
        QCOMPARE(beginStatement(o),
                 QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE"));
        ConnectionProfile p;
        p.isolation = IsolationLevel::ReadCommitted;
        p.readOnly = true;
        const TransactionOptions fromProfile = transactionOptionsFor(p);
        QVERIFY(fromProfile.isolation == IsolationLevel::ReadCommitted);
        QVERIFY(fromProfile.readOnly);
        QVERIFY(!fromProfile.deferrable);
    }

    void destructorRollsBack() {
        Connection c = open(), other = open();
        freshTable(c, QStringLiteral("tst_tx_dtor"));
        {
            Transaction tx(c);
            QVERIFY(tx.isActive());
            QVERIFY(c.inTransaction());
            c.exec(QStringLiteral("insert into tst_tx_dtor values (1)"));
            QCOMPARE(ids(c, QStringLiteral("tst_tx_dtor")), QStringLiteral("1"));
        }
        QVERIFY(c.isIdle());
        QCOMPARE(ids(other, QStringLiteral("tst_tx_dtor")), QString());
        QCOMPARE(ids(c, QStringLiteral("tst_tx_dtor")), QString());
    }

    void commitMakesVisible() {
        Connection c = open(), other = open();
        freshTable(c, QStringLiteral("tst_tx_commit"));
        Transaction tx(c);
        c.exec(QStringLiteral("insert into tst_tx_commit values (1)"));
        QCOMPARE(ids(other, QStringLiteral("tst_tx_commit")), QString()); // not before COMMIT
        tx.commit();
        QVERIFY(!tx.isActive());
        QVERIFY(c.isIdle());
        QCOMPARE(ids(other, QStringLiteral("tst_tx_commit")), QStringLiteral("1"));
        QVERIFY_THROWS_EXCEPTION(QueryError, tx.commit()); // once only
        tx.rollback();                                     // no-op once over
    }

    void explicitRollback() {
        Connection c = open();
        freshTable(c, QStringLiteral("tst_tx_rollback"));
        Transaction tx(c);
        c.exec(QStringLiteral("insert into tst_tx_rollback values (1)"));
        tx.rollback();
        QVERIFY(!tx.isActive());
        QVERIFY(c.isIdle());
        QCOMPARE(ids(c, QStringLiteral("tst_tx_rollback")), QString());
    }

    void moveTransfersOwnership() {
        Connection c = open();
        freshTable(c, QStringLiteral("tst_tx_move"));
        Transaction a(c);
        c.exec(QStringLiteral("insert into tst_tx_move values (1)"));
        Transaction b = std::move(a);
        QVERIFY(!a.isActive());
        QVERIFY(b.isActive());
        { Transaction gone = std::move(a); } // an empty one must not roll back b's work
        QVERIFY(c.inTransaction());
        b.commit();
        QCOMPARE(ids(c, QStringLiteral("tst_tx_move")), QStringLiteral("1"));
    }

    void beginInsideTransactionRefused() {
        Connection c = open();
        Transaction outer(c);
        QVERIFY_THROWS_EXCEPTION(QueryError, Transaction{c});
        QVERIFY(outer.isActive());
        QVERIFY(c.inTransaction());
    }

    void isolationAndReadOnlyApplied_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("shown");
        QTest::newRow("read committed")
            << int(IsolationLevel::ReadCommitted) << QStringLiteral("read committed");
        QTest::newRow("repeatable read")
            << int(IsolationLevel::RepeatableRead) << QStringLiteral("repeatable read");
        QTest::newRow("serializable") << int(IsolationLevel::Serializable) << QStringLiteral("serializable");
    }
    void isolationAndReadOnlyApplied() {
        QFETCH(int, level);
        QFETCH(QString, shown);
        Connection c = open();
        freshTable(c, QStringLiteral("tst_tx_readonly_") + QString::number(level));
        TransactionOptions o;
        o.isolation = IsolationLevel(level);
        {
            Transaction tx(c, o);
            QCOMPARE(scalar(c, QStringLiteral("show transaction_isolation")), shown);
            QCOMPARE(scalar(c, QStringLiteral("show transaction_read_only")), QStringLiteral("off"));
            c.exec(QStringLiteral("insert into tst_tx_readonly_%1 values (1)").arg(level));
            tx.commit();
        }
        o.readOnly = true;
        Transaction tx(c, o);
        QCOMPARE(scalar(c, QStringLiteral("show transaction_isolation")), shown);
        QCOMPARE(scalar(c, QStringLiteral("show transaction_read_only")), QStringLiteral("on"));
        try {
            c.exec(QStringLiteral("insert into tst_tx_readonly_%1 values (2)").arg(level));
            QFAIL("wrote in a read-only transaction");
        } catch (const Error& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("25006"));
        }
        tx.rollback();
        QCOMPARE(ids(c, QStringLiteral("tst_tx_readonly_") + QString::number(level)), QStringLiteral("1"));
    }

    void savepointRollbackKeepsOuterWork() {
        Connection c = open();
        freshTable(c, QStringLiteral("tst_tx_sp"), QStringLiteral("id int primary key"));
        Transaction tx(c);
        c.exec(QStringLiteral("insert into tst_tx_sp values (1)"));
        {
            Savepoint sp = tx.savepoint();
            QCOMPARE(sp.name(), QStringLiteral("pgdesk_sp_1"));
            c.exec(QStringLiteral("insert into tst_tx_sp values (2)"));
            sp.rollback();
            QVERIFY(!sp.isActive());
        }
        {
            // A failed statement inside a savepoint leaves the outer transaction usable after rollback.
            Savepoint sp = tx.savepoint();
            QVERIFY_THROWS_EXCEPTION(AlreadyExists,
                                     c.exec(QStringLiteral("insert into tst_tx_sp values (1)")));
            QVERIFY(c.inFailedTransaction());
        } // destructor: ROLLBACK TO SAVEPOINT + RELEASE
        QVERIFY(!c.inFailedTransaction());
        {
            Savepoint sp = tx.savepoint();
            c.exec(QStringLiteral("insert into tst_tx_sp values (3)"));
            sp.release();
            QVERIFY_THROWS_EXCEPTION(QueryError, sp.release()); // already over
        }
        tx.commit();
        QCOMPARE(ids(c, QStringLiteral("tst_tx_sp")), QStringLiteral("1,3"));
    }

    void nestedSavepoints() {
        Connection c = open();
        freshTable(c, QStringLiteral("tst_tx_nested"));
        Transaction tx(c);
        c.exec(QStringLiteral("insert into tst_tx_nested values (1)"));
        Savepoint outer = tx.savepoint();
        c.exec(QStringLiteral("insert into tst_tx_nested values (2)"));
        {
            Savepoint inner = tx.savepoint();
            QVERIFY(inner.name() != outer.name());
            c.exec(QStringLiteral("insert into tst_tx_nested values (3)"));
            {
                Savepoint innermost = tx.savepoint();
                c.exec(QStringLiteral("insert into tst_tx_nested values (4)"));
            }                // rolled back: 4 goes
            inner.release(); // 3 stays (for now)
        }
        QCOMPARE(ids(c, QStringLiteral("tst_tx_nested")), QStringLiteral("1,2,3"));
        {
            Savepoint inner = tx.savepoint();
            c.exec(QStringLiteral("insert into tst_tx_nested values (5)"));
            outer.rollback(); // ends inner too, as in PostgreSQL: 2, 3, 5 go
            QVERIFY(!inner.isActive());
        } // inner's destructor does nothing now (it would otherwise abort the transaction)
        QVERIFY(!c.inFailedTransaction());
        c.exec(QStringLiteral("insert into tst_tx_nested values (6)"));
        tx.commit();
        QCOMPARE(ids(c, QStringLiteral("tst_tx_nested")), QStringLiteral("1,6"));
    }

    void savepointOutlivingTransactionIsHarmless() {
        Connection c = open();
        std::optional<Savepoint> sp;
        {
            Transaction tx(c);
            sp.emplace(tx.savepoint());
            tx.commit();
            QVERIFY(!sp->isActive());
        }
        sp.reset();
        QVERIFY(c.isIdle());
    }

    void commitOfFailedTransactionThrows() {
        Connection c = open(), other = open();
        freshTable(c, QStringLiteral("tst_tx_failed"));
        Transaction tx(c);
        c.exec(QStringLiteral("insert into tst_tx_failed values (1)"));
        QVERIFY_THROWS_EXCEPTION(DataError, c.exec(QStringLiteral("select 1/0")));
        QVERIFY(c.inFailedTransaction());
        try {
            tx.commit();
            QFAIL("COMMIT of a failed transaction succeeded");
        } catch (const QueryError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("rolled back")), qPrintable(e.message()));
            QCOMPARE(e.statement(), QStringLiteral("COMMIT"));
        }
        QVERIFY(!tx.isActive());
        QVERIFY(c.isIdle());
        QCOMPARE(ids(other, QStringLiteral("tst_tx_failed")), QString());
    }

    void deferredConstraintFailsAtCommit() {
        Connection c = open(), other = open();
        c.exec(QStringLiteral("drop table if exists tst_tx_child, tst_tx_parent; "
                              "create table tst_tx_parent (id int primary key); "
                              "create table tst_tx_child (id int, parent int references tst_tx_parent "
                              "deferrable initially deferred)"));
        Transaction tx(c);
        c.exec(QStringLiteral("insert into tst_tx_child values (1, 42)")); // checked only at COMMIT
        try {
            tx.commit();
            QFAIL("deferred foreign key not checked");
        } catch (const IntegrityError& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("23503"));
        }
        QVERIFY(!tx.isActive());
        QVERIFY(c.isIdle());
        QCOMPARE(ids(other, QStringLiteral("tst_tx_child")), QString());
    }

    void atomicReturnsValue() {
        Connection c = open();
        freshTable(c, QStringLiteral("tst_tx_atomic_value"), QStringLiteral("id serial primary key, v text"));
        auto pool = Pool::create(txProfile(QStringLiteral("atomic_value")));
        const int id = atomic(*pool, [](Transaction& tx) {
            return tx.connection()
                .exec(QStringLiteral("insert into tst_tx_atomic_value (v) values ($1) returning id"),
                      {param("x")})
                .text(0, 0)
                .toInt();
        });
        QCOMPARE(id, 1);
        atomic(*pool, [](Transaction& tx) {
            tx.connection().exec(QStringLiteral("insert into tst_tx_atomic_value (v) values ('y')"));
        });
        QCOMPARE(ids(c, QStringLiteral("tst_tx_atomic_value")), QStringLiteral("1,2"));
        // The profile's transaction defaults apply unless overridden.
        QCOMPARE(atomic(*pool,
                        [](Transaction& tx) {
                            return scalar(tx.connection(), QStringLiteral("show transaction_isolation"));
                        }),
                 QStringLiteral("repeatable read"));
        AtomicOptions o;
        o.transaction = TransactionOptions{IsolationLevel::Serializable, true, false};
        QCOMPARE(atomic(
                     *pool,
                     [](Transaction& tx) {
                         return scalar(tx.connection(), QStringLiteral("show transaction_isolation")) +
                                scalar(tx.connection(), QStringLiteral("show transaction_read_only"));
                     },
                     o),
                 QStringLiteral("serializableon"));
        const PoolStats s = pool->stats();
        QCOMPARE(s.checkedOut, 0);
        QCOMPARE(s.open, 1);
    }

    void atomicRollsBackOnException() {
        Connection c = open();
        c.exec(QStringLiteral(
            "drop table if exists tst_tx_atomic_child, tst_tx_atomic_parent; "
            "create table tst_tx_atomic_parent (id int primary key); "
            "create table tst_tx_atomic_child (id int, parent int references tst_tx_atomic_parent)"));
        auto pool = Pool::create(txProfile(QStringLiteral("atomic_rollback")));
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, atomic(*pool, [&calls](Transaction& tx) {
                                     ++calls;
                                     tx.connection().exec(
                                         QStringLiteral("insert into tst_tx_atomic_parent values (1)"));
                                     throw std::runtime_error("changed my mind");
                                 }));
        QCOMPARE(calls, 1); // not retryable
        QCOMPARE(ids(c, QStringLiteral("tst_tx_atomic_parent")), QString());
        QVERIFY_THROWS_EXCEPTION(
            IntegrityError, atomic(*pool, [&calls](Transaction& tx) {
                ++calls;
                tx.connection().exec(QStringLiteral("insert into tst_tx_atomic_parent values (2)"));
                tx.connection().exec(QStringLiteral("insert into tst_tx_atomic_child values (1, 99)"));
            }));
        QCOMPARE(calls, 2);
        QCOMPARE(ids(c, QStringLiteral("tst_tx_atomic_parent")), QString());
        QCOMPARE(ids(c, QStringLiteral("tst_tx_atomic_child")), QString());
        // The connection went back clean and is reused.
        const PoolStats s = pool->stats();
        QCOMPARE(s.open, 1);
        QCOMPARE(s.invalidated, quint64(0));
        PooledConnection pc = pool->acquire();
        QVERIFY(pc->isIdle());
    }

    // A real 40001: REPEATABLE READ reads a row, another session updates it and commits, then this
    // transaction updates it too. The second attempt sees the new value and succeeds.
    void atomicRetriesSerializationFailure() {
        Connection c = open(), other = open(QStringLiteral("atomic_retry_other"));
        freshTable(c, QStringLiteral("tst_tx_counter"), QStringLiteral("id int primary key, v int"));
        c.exec(QStringLiteral("insert into tst_tx_counter values (1, 0)"));
        auto pool = Pool::create(txProfile(QStringLiteral("atomic_retry")));
        AtomicOptions o;
        o.transaction = TransactionOptions{IsolationLevel::RepeatableRead, false, false};
        o.baseDelay = 5ms;
        int attempts = 0;
        const int result = atomic(
            *pool,
            [&](Transaction& tx) {
                ++attempts;
                Connection& conn = tx.connection();
                const int v =
                    scalar(conn, QStringLiteral("select v from tst_tx_counter where id = 1")).toInt();
                if (attempts == 1)
                    other.exec(QStringLiteral("update tst_tx_counter set v = v + 100 where id = 1"));
                conn.exec(QStringLiteral("update tst_tx_counter set v = $1 where id = 1"), {param(v + 1)});
                return v + 1;
            },
            o);
        QCOMPARE(attempts, 2);
        QCOMPARE(result, 101);
        QCOMPARE(scalar(c, QStringLiteral("select v from tst_tx_counter")), QStringLiteral("101"));
        QCOMPARE(pool->stats().checkouts, quint64(2));
        QCOMPARE(pool->stats().invalidated, quint64(0));
    }

    void atomicGivesUpAfterMaxAttempts() {
        Connection c = open(), other = open(QStringLiteral("atomic_giveup_other"));
        freshTable(c, QStringLiteral("tst_tx_giveup"), QStringLiteral("id int primary key, v int"));
        c.exec(QStringLiteral("insert into tst_tx_giveup values (1, 0)"));
        auto pool = Pool::create(txProfile(QStringLiteral("atomic_giveup")));
        AtomicOptions o;
        o.maxAttempts = 3;
        o.baseDelay = 5ms;
        o.transaction = TransactionOptions{IsolationLevel::RepeatableRead, false, false};
        int attempts = 0;
        try {
            atomic(
                *pool,
                [&](Transaction& tx) {
                    ++attempts;
                    scalar(tx.connection(), QStringLiteral("select v from tst_tx_giveup where id = 1"));
                    other.exec(QStringLiteral("update tst_tx_giveup set v = v + 1 where id = 1"));
                    tx.connection().exec(QStringLiteral("update tst_tx_giveup set v = -1 where id = 1"));
                },
                o);
            QFAIL("no serialization failure");
        } catch (const SerializationFailure& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("40001"));
        }
        QCOMPARE(attempts, 3);
        QCOMPARE(scalar(c, QStringLiteral("select v from tst_tx_giveup")), QStringLiteral("3"));
    }

    // A serialization failure raised by COMMIT itself (a deferred constraint trigger that fails once,
    // counted by a sequence, which rollbacks do not undo) is retried too.
    void atomicRetriesFailureAtCommit() {
        Connection c = open();
        c.exec(QStringLiteral(
            "drop table if exists tst_tx_commitfail; drop sequence if exists tst_tx_commitfail_seq; "
            "create table tst_tx_commitfail (id int); create sequence tst_tx_commitfail_seq; "
            "create or replace function tst_tx_commitfail_fn() returns trigger language plpgsql as $$ begin "
            "  if nextval('tst_tx_commitfail_seq') = 1 then "
            "    raise exception 'simulated conflict' using errcode = '40001'; "
            "  end if; return null; end $$; "
            "create constraint trigger tst_tx_commitfail_trg after insert on tst_tx_commitfail "
            "  deferrable initially deferred for each row execute function tst_tx_commitfail_fn()"));
        auto pool = Pool::create(txProfile(QStringLiteral("atomic_commitfail")));
        AtomicOptions o;
        o.baseDelay = 1ms;
        int attempts = 0;
        atomic(
            *pool,
            [&attempts](Transaction& tx) {
                ++attempts;
                tx.connection().exec(QStringLiteral("insert into tst_tx_commitfail values (7)"));
            },
            o);
        QCOMPARE(attempts, 2);
        QCOMPARE(ids(c, QStringLiteral("tst_tx_commitfail")), QStringLiteral("7"));
    }

    void atomicConnectionErrorReplacesConnection() {
        Connection c = open();
        auto pool = Pool::create(txProfile(QStringLiteral("atomic_connerror")));
        int pid = 0, attempts = 0;
        QVERIFY_THROWS_EXCEPTION(ConnectionError, atomic(*pool, [&](Transaction& tx) {
                                     ++attempts;
                                     pid = tx.connection().backendPid();
                                     tx.connection().exec(
                                         QStringLiteral("select pg_terminate_backend(pg_backend_pid())"));
                                 }));
        QCOMPARE(attempts, 1); // not retried
        PoolStats s = pool->stats();
        QCOMPARE(s.invalidated, quint64(1));
        QCOMPARE(s.open, 0);
        QCOMPARE(s.checkedOut, 0);
        const int newPid = atomic(*pool, [](Transaction& tx) { return tx.connection().backendPid(); });
        QVERIFY(newPid != 0 && newPid != pid);
        s = pool->stats();
        QCOMPARE(s.open, 1);
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
