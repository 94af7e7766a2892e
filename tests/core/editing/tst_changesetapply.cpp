// SPDX-License-Identifier: GPL-3.0-or-later
// applyChangeSet, the apply every front end runs (a tab's Apply, pgdesk-cli apply): the standby refused
// before anything is sent on a connection and through a pool (the window's path had no such check), and the
// counts of what was written, from the rows returned or from the change set committed.
#include "privatecluster.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changesetapply.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>

#include <QTest>

using namespace pgdesk;
using core::Change;
using core::ChangeOp;

namespace {

core::ChangeSet twoInsertsOneDelete(const core::TableInfo& table) {
    core::ChangeSet s(table);
    s.changes << Change{ChangeOp::Insert, {}, {}, {{QStringLiteral("id"), QStringLiteral("2")}}, {}};
    s.changes << Change{ChangeOp::Insert, {}, {}, {{QStringLiteral("id"), QStringLiteral("3")}}, {}};
    s.changes << Change{ChangeOp::Delete, {{QStringLiteral("id"), QStringLiteral("1")}}, {}, {}, {}};
    return s;
}

} // namespace

class TestChangeSetApply final : public QObject {
    Q_OBJECT

private slots:
    // What was written, by operation, whether the apply returned its rows or not.
    void countsWhatWasWritten() {
        test::PrivateCluster server;
        QVERIFY2(server.isStarted(), qPrintable(server.error()));
        QVERIFY(!server.psql(QStringLiteral("create table t (id int primary key); insert into t values (1)"))
                     .isNull());
        auto c = core::Connection::open(server.profile());
        const core::TableInfo table = core::CatalogReader(c).table(QStringLiteral("public.t"));
        core::ChangeSet changes = twoInsertsOneDelete(table);
        changes.changes[2].version =
            c.exec(QStringLiteral("select xmin::text from t where id = 1")).text(0, 0);
        const core::ApplyResult returned = core::applyChangeSet(c, table, changes);
        QVERIFY(returned.applied);
        QCOMPARE(returned.rows.size(), 3);
        const core::AppliedCounts counts = core::countApplied(returned, changes);
        QCOMPARE(counts, (core::AppliedCounts{0, 2, 1, 0, 0}));
        QCOMPARE(counts.total(), 3);
        QCOMPARE(counts.of(ChangeOp::Insert), 2);
        QCOMPARE(server.psql(QStringLiteral("select string_agg(id::text, ',' order by id) from t")).trimmed(),
                 QStringLiteral("2,3"));

        core::ChangeSet more(table);
        more.changes << Change{ChangeOp::Insert, {}, {}, {{QStringLiteral("id"), QStringLiteral("4")}}, {}};
        core::ChangeSetApplyOptions quiet;
        quiet.returnRows = false;
        const auto pool = core::Pool::create(server.profile());
        const core::ApplyResult unreturned = core::applyChangeSet(*pool, table, more, quiet);
        QVERIFY(unreturned.applied);
        QCOMPARE(core::countApplied(unreturned, more).inserted, 1);
    }

    // On a standby, on a connection and through a pool, nothing is sent: the standby's own reason, not the
    // server's refusal midway.
    void aStandbyIsRefusedUpFront() {
        test::PrivateCluster server;
        QVERIFY2(server.isStarted(), qPrintable(server.error()));
        QVERIFY(!server.psql(QStringLiteral("create table t (id int primary key)")).isNull());
        QVERIFY2(server.restartAsStandby(), qPrintable(server.error()));
        auto c = core::Connection::open(server.profile());
        const core::TableInfo table = core::CatalogReader(c).table(QStringLiteral("public.t"));
        core::ChangeSet changes(table);
        changes.changes << Change{
            ChangeOp::Insert, {}, {}, {{QStringLiteral("id"), QStringLiteral("1")}}, {}};
        const auto refused = [](const std::function<void()>& apply) {
            try {
                apply();
            } catch (const core::Error& e) {
                return e.message().contains(QLatin1String("read-only standby"));
            }
            return false;
        };
        QVERIFY(refused([&] { core::applyChangeSet(c, table, changes); }));
        const auto pool = core::Pool::create(server.profile());
        QVERIFY(refused([&] { core::applyChangeSet(*pool, table, changes); }));
    }
};

QTEST_GUILESS_MAIN(TestChangeSetApply)
#include "tst_changesetapply.moc"
