// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli apply under faults, against a server of this test's own (PrivateCluster): the server restarted
// half-way, the COMMIT's answer lost (CommitDropProxy) with the server reachable afterwards or not, and
// Ctrl-C half-way. Each run says what the table holds, and the table holds exactly that.
#include "clirunner.h"
#include "commitdropproxy.h"
#include "privatecluster.h"

#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/session/connection.h>

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <memory>

#include <csignal>

using namespace pgdesk::core;
using pgdesk::test::CommitDropProxy;
using pgdesk::test::PrivateCluster;
using pgdesk::test::runCli;

class TestCliFaults final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;
    QTemporaryDir m_dir;

    QString dsn(int port = 0) const {
        return port ? QStringLiteral("host=127.0.0.1 port=%1 user=postgres dbname=postgres").arg(port)
                    : QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                          .arg(m_cluster->dir())
                          .arg(m_cluster->port());
    }

    // A table of `rows` rows (v = 0) and a change-set file setting v = value on all of them, each change
    // guarded by its row's version.
    QString prepare(const QString& table, int rows, int value) {
        if (m_cluster
                ->psql(
                    QStringLiteral("drop table if exists %1; create table %1 (id int primary key, v int not "
                                   "null default 0); insert into %1 (id) select generate_series(1, %2)")
                        .arg(table)
                        .arg(rows))
                .isNull())
            return QString();
        auto c = Connection::open(m_cluster->profile());
        ChangeSet changes;
        changes.table = QStringLiteral("public.") + table;
        const Result r = c.exec(QStringLiteral("select id::text, xmin::text from %1 order by id").arg(table));
        for (int i = 0; i < r.rowCount(); ++i)
            changes.changes << Change{ChangeOp::Update,
                                      {{QStringLiteral("id"), r.text(i, 0)}},
                                      r.text(i, 1),
                                      {{QStringLiteral("v"), QString::number(value)}},
                                      {}};
        const QString path = m_dir.filePath(table + QStringLiteral(".json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(changes.toJsonText(false)) < 0)
            return QString();
        return path;
    }

    int countWhere(const QString& table, const QString& condition) {
        return m_cluster->psql(QStringLiteral("select count(*) from %1 where %2").arg(table, condition))
            .toInt();
    }

    bool waitForLockWait(int timeoutMs = 30000) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_cluster->psql(
                    QStringLiteral("select count(*) from pg_stat_activity where application_name = "
                                   "'pgdesk-cli' and wait_event_type = 'Lock'")) == QStringLiteral("1"))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    // Starts `pgdesk-cli apply FILE` against the private cluster; the caller waits for it.
    void startApply(QProcess& p, const QString& file) {
        p.start(pgdesk::test::binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--dsn"), dsn(), QStringLiteral("apply"), file});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    // The server restarts while the apply waits on a locked row half-way: exit 3 (connection), the
    // message says nothing was applied, and nothing was.
    void restartMidApplyExits3NothingApplied() {
        const QString file = prepare(QStringLiteral("cli_mid"), 20000, 1);
        QVERIFY(!file.isEmpty());
        auto locker = Connection::open(m_cluster->profile());
        locker.exec(QStringLiteral("begin; select * from cli_mid where id = 15000 for update"));
        QProcess p;
        startApply(p, file);
        QVERIFY(p.waitForStarted());
        QVERIFY(waitForLockWait());
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 3);
        QVERIFY2(err.contains(QStringLiteral("nothing was applied")), qPrintable(err));
        QCOMPARE(countWhere(QStringLiteral("cli_mid"), QStringLiteral("v <> 0")), 0);
    }

    // The COMMIT's answer is lost but the server committed: the CLI finds out and reports success.
    void lostCommitAnswerReportsApplied() {
        const QString file = prepare(QStringLiteral("cli_lost"), 300, 2);
        QVERIFY(!file.isEmpty());
        CommitDropProxy proxy(m_cluster->port());
        QVERIFY(proxy.port() > 0);
        proxy.arm();
        const auto r = runCli({QStringLiteral("--dsn"), dsn(proxy.port()), QStringLiteral("apply"), file});
        QCOMPARE(proxy.drops(), 1);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("applied 300 changes to public.cli_lost")),
                 qPrintable(r.out));
        QCOMPARE(countWhere(QStringLiteral("cli_lost"), QStringLiteral("v = 2")), 300);
    }

    // The same with the server out of reach afterwards: exit 7 and an honest "unknown" naming the
    // transaction; the table holds all of the changes or none (here all: the server did commit).
    void lostCommitAnswerUnreachableSaysUnknown() {
        const QString file = prepare(QStringLiteral("cli_unknown"), 300, 3);
        QVERIFY(!file.isEmpty());
        CommitDropProxy proxy(m_cluster->port());
        QVERIFY(proxy.port() > 0);
        proxy.arm(true);
        const auto r = runCli({QStringLiteral("--dsn"), dsn(proxy.port()), QStringLiteral("apply"), file});
        QCOMPARE(proxy.drops(), 1);
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains(QStringLiteral("whether the 300 changes were applied is UNKNOWN")) &&
                     r.err.contains(QStringLiteral("pg_xact_status('")),
                 qPrintable(r.err));
        const int applied = countWhere(QStringLiteral("cli_unknown"), QStringLiteral("v = 3"));
        QVERIFY(applied == 0 || applied == 300);
        QCOMPARE(applied, 300);
    }

    // Ctrl-C while the apply waits half-way: exit 130 at once (the set-based statement is cancelled, not
    // retried row by row), nothing applied.
    void interruptMidApplyExits130NothingApplied() {
        const QString file = prepare(QStringLiteral("cli_cancel"), 20000, 4);
        QVERIFY(!file.isEmpty());
        auto locker = Connection::open(m_cluster->profile());
        locker.exec(QStringLiteral("begin; select * from cli_cancel where id = 15000 for update"));
        QProcess p;
        startApply(p, file);
        QVERIFY(p.waitForStarted());
        QVERIFY(waitForLockWait());
        QElapsedTimer timer;
        timer.start();
        ::kill(pid_t(p.processId()), SIGINT);
        const bool finished = p.waitForFinished(5000);
        locker.exec(QStringLiteral("rollback"));
        QVERIFY(finished || p.waitForFinished(30000));
        QVERIFY2(finished && timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains(QStringLiteral("57014")), qPrintable(err));
        QCOMPARE(countWhere(QStringLiteral("cli_cancel"), QStringLiteral("v <> 0")), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_cli_faults.moc"
