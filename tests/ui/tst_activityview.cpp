// SPDX-License-Identifier: GPL-3.0-or-later
#include "blockedstatement.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/activityview.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using pgdesk::core::Connection;
using pgdesk::ui::ActivityModel;
using pgdesk::ui::ActivityView;

namespace {

QModelIndex cell(const ActivityModel* model, int pid, int column) {
    const int row = model->rowOfPid(pid);
    return row < 0 ? QModelIndex() : model->index(row, column);
}

} // namespace

class TestActivityView final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        pgdesk::test::psql(
            QStringLiteral("set client_min_messages = warning; drop table if exists ui_activity_lock; "
                           "create table ui_activity_lock(id int primary key, v int); "
                           "insert into ui_activity_lock values (1, 0)"),
            QStringLiteral("postgres"));
    }

    // Two real sessions, one blocking the other: the view lists both (the blocked row naming its blocker and
    // the lock mode, the idle transaction's age highlighted), Cancel ends the blocked statement with 57014
    // after a confirmation showing its query, Terminate ends the holder's session. The view's connection is
    // its own: it reads while the session's pool is exhausted.
    void blockedSessionCancelTerminate() {
        auto profile = pgdesk::test::profile(QStringLiteral("postgres"));
        profile.pool.size = 1;
        profile.pool.maxOverflow = 0;
        profile.pool.timeoutSeconds = 1;
        auto pool = pgdesk::core::Pool::create(profile);
        auto exhausted = pool->acquire(); // the session's only connection is taken

        auto holder = Connection::open(profile);
        auto waiter = Connection::open(profile);
        const int holderPid = holder.backendPid();
        const int waiterPid = waiter.backendPid();
        holder.exec(QStringLiteral("begin; update ui_activity_lock set v = 1 where id = 1"));
        pgdesk::test::BlockedStatement blockedUpdate(
            waiter, QStringLiteral("update ui_activity_lock set v = 2 where id = 1 /* blocked one */"));

        ActivityView view(profile, std::nullopt);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&view, &ActivityView::refreshed);
        view.resize(1000, 400);
        view.show();
        QVERIFY(view.refreshTimer()->isActive());
        QVERIFY(!view.poolerBanner()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(cell(view.model(), waiterPid, ActivityModel::BlockedBy).data().toString() ==
                                     QString::number(holderPid),
                                 10000);
        // Auto-refresh: more reads arrive without asking.
        const int before = refreshed.size();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() > before, 5000);

        const ActivityModel* model = view.model();
        QCOMPARE(cell(model, waiterPid, ActivityModel::LockMode).data().toString(),
                 QStringLiteral("ShareLock"));
        QCOMPARE(cell(model, waiterPid, 0).data(ActivityModel::HighlightRole).toString(),
                 QStringLiteral("blocked"));
        QVERIFY(
            cell(model, waiterPid, ActivityModel::Query).data(Qt::BackgroundRole).value<QColor>().isValid());
        QCOMPARE(cell(model, holderPid, ActivityModel::State).data().toString(),
                 QStringLiteral("idle in transaction"));
        QCOMPARE(cell(model, holderPid, 0).data(ActivityModel::HighlightRole).toString(),
                 QStringLiteral("idle_in_transaction"));
        QVERIFY(!cell(model, holderPid, ActivityModel::TransactionAge).data().toString().isEmpty());
        QVERIFY(cell(model, holderPid, ActivityModel::TransactionAge)
                    .data(Qt::BackgroundRole)
                    .value<QColor>()
                    .isValid());
        QVERIFY(!cell(model, holderPid, ActivityModel::Query).data(Qt::BackgroundRole).isValid());
        QVERIFY(cell(model, holderPid, ActivityModel::Query)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("set v = 1")));

        // The tree: the holder with the waiter under it, waiting for ShareLock.
        QTreeWidget* tree = view.blockingTree();
        QVERIFY(tree->isVisible());
        QTreeWidgetItem* root = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->data(0, ActivityModel::PidRole).toInt() == holderPid)
                root = tree->topLevelItem(i);
        QVERIFY(root);
        QVERIFY2(root->text(0).contains(QStringLiteral("idle in transaction")), qPrintable(root->text(0)));
        QCOMPARE(root->childCount(), 1);
        QCOMPARE(root->child(0)->data(0, ActivityModel::PidRole).toInt(), waiterPid);
        QVERIFY2(root->child(0)->text(0).contains(QStringLiteral("waits for ShareLock")),
                 qPrintable(root->child(0)->text(0)));
        tree->setCurrentItem(root->child(0));
        QCOMPARE(view.selectedPid(), waiterPid);

        // Hidden: the timer stops; shown again: it runs.
        view.hide();
        QVERIFY(!view.refreshTimer()->isActive());
        view.show();
        QVERIFY(view.refreshTimer()->isActive());

        // Nothing selected: nothing to signal.
        view.view()->clearSelection();
        QVERIFY(!view.cancelButton()->isEnabled());

        // Declined: nothing is sent.
        QString asked;
        view.setConfirmation([&asked](const QString&, const QString& text) {
            asked = text;
            return false;
        });
        QSignalSpy signalled(&view, &ActivityView::signalled);
        view.selectPid(waiterPid);
        QVERIFY(view.cancelButton()->isEnabled());
        view.cancelButton()->click();
        QVERIFY2(asked.contains(QStringLiteral("blocked one")), qPrintable(asked));
        QTest::qWait(200);
        QCOMPARE(signalled.size(), 0);

        view.setConfirmation([&asked](const QString&, const QString& text) {
            asked = text;
            return true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 5000);
        view.selectPid(waiterPid); // a refresh may have come in between
        view.cancelSelected();
        QTRY_COMPARE_WITH_TIMEOUT(signalled.size(), 1, 5000);
        QCOMPARE(signalled.first().at(0).toInt(), waiterPid);
        QCOMPARE(signalled.first().at(1).toBool(), false);
        QCOMPARE(signalled.first().at(2).toBool(), true);
        QCOMPARE(blockedUpdate.canceledState(), QStringLiteral("57014"));

        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 5000);
        view.selectPid(holderPid);
        QCOMPARE(view.selectedPid(), holderPid);
        view.terminateButton()->click();
        QVERIFY2(asked.contains(QStringLiteral("Terminate")), qPrintable(asked));
        QTRY_COMPARE_WITH_TIMEOUT(signalled.size(), 2, 5000);
        QCOMPARE(signalled.last().at(1).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOfPid(holderPid) < 0, 10000);
        QVERIFY_THROWS_EXCEPTION(pgdesk::core::ConnectionError, holder.exec(QStringLiteral("select 1")));
        // Nobody of ours waits any more (other suites running beside this one may have their own waits).
        const auto inTree = [&view](int pid) {
            QTreeWidget* t = view.blockingTree();
            if (!t->isVisible())
                return false;
            for (QTreeWidgetItemIterator it(t); *it; ++it)
                if ((*it)->data(0, ActivityModel::PidRole).toInt() == pid)
                    return true;
            return false;
        };
        QTRY_VERIFY(!inTree(holderPid) && !inTree(waiterPid));
    }

    // Columns sized to what they hold, the query taking the rest; every cell's whole text in its tooltip;
    // the buttons never clipped (the newcomer saw equal columns, the query cut and "Terminate Session…" cut).
    void columnsFitTheirContent() {
        auto profile = pgdesk::test::profile(QStringLiteral("postgres"));
        auto holder = Connection::open(profile);
        auto waiter = Connection::open(profile);
        const int waiterPid = waiter.backendPid();
        holder.exec(QStringLiteral("begin; update ui_activity_lock set v = 3 where id = 1"));
        pgdesk::test::BlockedStatement blockedUpdate(
            waiter, QStringLiteral("update ui_activity_lock set v = 4 where id = 1 /* a rather long comment "
                                   "that makes the query wider than any other column of the view */"));
        ActivityView view(profile, std::nullopt);
        view.resize(1400, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const ActivityModel* model = view.model();
        QTRY_VERIFY_WITH_TIMEOUT(!cell(model, waiterPid, ActivityModel::LockMode).data().toString().isEmpty(),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 5000);
        QAbstractItemView* table = view.view(); // sizeHintForColumn is public here
        QHeaderView* header = view.view()->horizontalHeader();
        const auto fit = [&](int c) {
            return std::max(table->sizeHintForColumn(c), header->sectionSizeHint(c));
        };
        // Each column as wide as its content (at most 320 px), except that all of them together leave the
        // query a quarter of the width: then the widest are cut to one common width.
        int cap = 0;
        for (int c = 0; c < ActivityModel::Query; ++c)
            if (header->sectionSize(c) < std::min(fit(c), 320))
                cap = std::max(cap, header->sectionSize(c));
        for (int c = 0; c < ActivityModel::Query; ++c) {
            const QString what = model->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(c) <= fit(c) + 2, qPrintable(what));
            QVERIFY2(header->sectionSize(c) >= std::min(fit(c), cap ? cap : 320), qPrintable(what));
            QVERIFY2(header->sectionSize(ActivityModel::Query) > header->sectionSize(c), qPrintable(what));
        }
        QVERIFY(header->sectionSize(ActivityModel::Query) >= table->viewport()->width() / 4 - 2);
        // The wait event is whole on screen and in its tooltip.
        const QModelIndex wait = cell(model, waiterPid, ActivityModel::Wait);
        QCOMPARE(wait.data().toString(), QStringLiteral("Lock:transactionid"));
        QCOMPARE(wait.data(Qt::ToolTipRole).toString(), wait.data().toString());
        // (Unless the columns had to be cut to leave the query its quarter: with many busy sessions on the
        // server, as when other suites run beside this one, every column may be wide.)
        if (cap == 0 || cap >= fit(ActivityModel::Wait))
            QVERIFY(header->sectionSize(ActivityModel::Wait) >=
                    table->sizeHintForColumn(ActivityModel::Wait));
        QCOMPARE(cell(model, waiterPid, ActivityModel::User).data(Qt::ToolTipRole).toString(),
                 cell(model, waiterPid, ActivityModel::User).data().toString());
        QVERIFY(cell(model, waiterPid, ActivityModel::Query)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("wider than any other column")));
        // The query stretches to the view's edge.
        int total = 0;
        for (int c = 0; c < ActivityModel::ColumnCount; ++c)
            total += header->sectionSize(c);
        QVERIFY2(total >= table->viewport()->width() - 2, qPrintable(QString::number(total)));
        // Narrower, the query still keeps a quarter of the width after the next refresh; the cut columns keep
        // their whole text in the tooltip.
        view.resize(1000, 400);
        QSignalSpy refreshed(&view, &ActivityView::refreshed);
        QVERIFY(refreshed.wait(5000));
        QVERIFY2(header->sectionSize(ActivityModel::Query) >= table->viewport()->width() / 4 - 2,
                 qPrintable(QString::number(header->sectionSize(ActivityModel::Query))));
        for (int c = 0; c < ActivityModel::Query; ++c)
            QVERIFY(header->sectionSize(c) >= std::min(fit(c), ActivityView::kMinFittedWidth));
        view.resize(1400, 400);
        // The buttons are never narrower than their text, even with the view at its smallest.
        for (const QSize size : {QSize(1400, 400), view.minimumSizeHint()}) {
            view.resize(size);
            QTest::qWait(50);
            QVERIFY2(view.terminateButton()->width() >= view.terminateButton()->sizeHint().width(),
                     qPrintable(QStringLiteral("%1 < %2 at %3")
                                    .arg(view.terminateButton()->width())
                                    .arg(view.terminateButton()->sizeHint().width())
                                    .arg(size.width())));
            QVERIFY(view.terminateButton()->geometry().right() <= view.width());
        }
        view.hide();
        holder.exec(QStringLiteral("rollback"));
    }

    void ages() {
        QCOMPARE(ActivityModel::ageText(-1), QString());
        QCOMPARE(ActivityModel::ageText(42), QStringLiteral("42 s"));
        QCOMPARE(ActivityModel::ageText(185), QStringLiteral("3 min 5 s"));
        QCOMPARE(ActivityModel::ageText(7800), QStringLiteral("2 h 10 min"));
    }

    // Through a transaction pooler the banner says what the rows are.
    void poolerBanner() {
        auto profile = pgdesk::test::profile(QStringLiteral("postgres"));
        profile.pooler = pgdesk::core::PoolerMode::Transaction;
        ActivityView view(profile, std::nullopt);
        view.show();
        QVERIFY(view.poolerBanner()->isVisible());
        QVERIFY(view.poolerBanner()->text().contains(QStringLiteral("pooler")));
        view.hide();
    }
};

PGDESK_UI_TEST_MAIN(TestActivityView)
#include "tst_activityview.moc"
