// SPDX-License-Identifier: GPL-3.0-or-later
// The Notifications dock (offscreen, real server): notifications sent by another session arrive in the
// grid with channel, payload and sender; the view sends NOTIFY itself; a channel no longer listened on
// stays quiet; a transaction-mode pooler profile says why it cannot listen; the model is tested.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/visual/listenview.h>
#include <pgdesk/ui/visual/visualfeature.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QTableView>
#include <QTest>

using namespace pgdesk::ui;

class TestListenView final : public QObject {
    Q_OBJECT

private slots:
    void notificationsArrive() {
        auto pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        ListenView view(pool);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.listen(QStringLiteral("ui \"jobs\""));
        QCOMPARE(view.channels(), QStringList{"ui \"jobs\""});
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().startsWith(QStringLiteral("Listening")), 10000);
        pgdesk::test::psql(QStringLiteral("select pg_notify('ui \"jobs\"', 'from psql ✓')"));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 10000);
        const QAbstractItemModel* m = view.model();
        QCOMPARE(m->index(0, NotificationModel::ChannelColumn).data().toString(),
                 QStringLiteral("ui \"jobs\""));
        QCOMPARE(m->index(0, NotificationModel::PayloadColumn).data().toString(),
                 QStringLiteral("from psql ✓"));
        QVERIFY(m->index(0, NotificationModel::PidColumn).data().toInt() > 0);

        view.send(QStringLiteral("ui \"jobs\""), QStringLiteral("line one\nline two"));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 2, 10000);
        QCOMPARE(m->index(1, NotificationModel::PayloadColumn).data().toString(),
                 QStringLiteral("line one\u21b5line two"));
        QCOMPARE(m->index(1, NotificationModel::PayloadColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("line one\nline two"));

        view.unlisten(QStringLiteral("ui \"jobs\""));
        QTest::qWait(1500); // a cycle to let the UNLISTEN reach the server
        pgdesk::test::psql(QStringLiteral("select pg_notify('ui \"jobs\"', 'unheard')"));
        QTest::qWait(1500);
        QCOMPARE(view.model()->rowCount(), 2);
    }

    void boundedModel() {
        NotificationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<pgdesk::core::Notification> many;
        for (int i = 0; i < NotificationModel::kMaxRows + 5; ++i)
            many.append({QStringLiteral("c"), QString::number(i), 1, QDateTime::currentDateTimeUtc()});
        model.append(many.mid(0, 7));
        model.append(many);
        QCOMPARE(model.rowCount(), NotificationModel::kMaxRows);
        QCOMPARE(model.at(model.rowCount() - 1).payload, QString::number(NotificationModel::kMaxRows + 4));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void aPoolerProfileSaysWhy() {
        auto profile = pgdesk::test::profile();
        profile.pooler = pgdesk::core::PoolerMode::Transaction;
        ListenView view(pgdesk::core::Pool::create(profile));
        QVERIFY(view.statusText().contains(QStringLiteral("pooler")));
        view.listen(QStringLiteral("x"));
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().contains(QStringLiteral("LISTEN cannot work")), 10000);
    }

    void theWindowOpensTheDock() {
        MainWindow window;
        QVERIFY(!pgdesk::ui::VisualFeature::of(window)->openNotifications()); // no session yet
        window.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("notificationsAction")));
        // Over a table's tab, as a user has it.
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(pgdesk::ui::BrowseFeature::of(window)->openTable(QStringLiteral("public"),
                                                                 QStringLiteral("customer")));
        ListenView* view = pgdesk::ui::VisualFeature::of(window)->openNotifications();
        QVERIFY(view);
        QCOMPARE(pgdesk::ui::VisualFeature::of(window)->openNotifications(), view); // one per session
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("notificationsDock"));
        QVERIFY(dock->isVisibleTo(&window));
        // It holds several notifications' rows under its controls, not a row and a half.
        auto* rows = view->findChild<QTableView*>(QStringLiteral("notifications"));
        QVERIFY(rows);
        QTRY_VERIFY2(rows->viewport()->height() >= rows->verticalHeader()->defaultSectionSize() * 6,
                     qPrintable(QStringLiteral("%1 px for rows of %2")
                                    .arg(rows->viewport()->height())
                                    .arg(rows->verticalHeader()->defaultSectionSize())));
    }
};

PGDESK_UI_TEST_MAIN(TestListenView)
#include "tst_listenview.moc"
