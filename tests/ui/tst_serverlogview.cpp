// SPDX-License-Identifier: GPL-3.0-or-later
// The server log view (offscreen, a private cluster writing jsonlog): entries read through the session,
// filtered; a real deadlock selected shows its picture; an auto_explain plan opens in the window's plan
// view; errors grouped; Follow shows what the server adds; a local file read without a session; the model
// bounded and passing QAbstractItemModelTester.
#include "privatecluster.h"
#include "uitestmain.h"

#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/plan/planview.h>
#include <pgdesk/ui/server/deadlockpicture.h>
#include <pgdesk/ui/server/replicationview.h>
#include <pgdesk/ui/server/serverfeature.h>
#include <pgdesk/ui/server/serverlogmodel.h>
#include <pgdesk/ui/server/serverlogview.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QImage>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>
#include <thread>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestServerLogView final : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PrivateCluster> m_cluster;

    int rowsMatching(ServerLogView& view, const core::LogFilter& filter) {
        view.setFilter(filter);
        return view.filterModel()->rowCount();
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        for (const QString& s : {QStringLiteral("alter system set logging_collector = on"),
                                 QStringLiteral("alter system set log_destination = 'jsonlog'"),
                                 QStringLiteral("alter system set deadlock_timeout = '200ms'"),
                                 QStringLiteral("create table t (id int primary key, v text); insert into t "
                                                "values (1, 'a'), (2, 'b')")})
            QVERIFY2(!m_cluster->psql(s).isNull(), qPrintable(m_cluster->error()));
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        for (int i = 0; i < 3; ++i)
            m_cluster->psql(QStringLiteral("select 1/0"));
        m_cluster->psql(QStringLiteral("load 'auto_explain'; set auto_explain.log_min_duration = 0; "
                                       "select /*in-the-log*/ count(*) from t a join t b using (id)"));
        std::thread first([this] {
            m_cluster->psql(QStringLiteral("begin; update t set v = 'x' where id = 1; select pg_sleep(0.5); "
                                           "update t set v = 'x' where id = 2; commit"));
        });
        QThread::msleep(100);
        m_cluster->psql(QStringLiteral("begin; update t set v = 'y' where id = 2; select pg_sleep(0.5); "
                                       "update t set v = 'y' where id = 1; commit"));
        first.join();
    }

    void modelIsBoundedAndFilters() {
        ServerLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<core::LogEntry> batch;
        for (int i = 0; i < 30000; ++i) {
            core::LogEntry e;
            e.severity = i % 3 ? QStringLiteral("LOG") : QStringLiteral("ERROR");
            e.sqlstate = i % 3 ? QString() : QStringLiteral("22012");
            e.message = i == 29999 ? QStringLiteral("ﻧﺎم %_\\ last") : QStringLiteral("message %1").arg(i);
            e.pid = i;
            batch << e;
        }
        for (int round = 0; round < 4; ++round)
            model.append(batch);
        QCOMPARE(model.rowCount(), ServerLogModel::kMaxRows);
        QCOMPARE(model.entry(model.rowCount() - 1).message, QStringLiteral("ﻧﺎم %_\\ last"));
        ServerLogFilter filter;
        filter.setSourceModel(&model);
        core::LogFilter f;
        f.text = QStringLiteral("%_\\");
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 4);
        f = {};
        f.sqlstate = QStringLiteral("22");
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 40000 - 6667); // the first 20,000 of the first batch went
        QCOMPARE(model.data(model.index(0, ServerLogModel::SeverityColumn)).toString(),
                 QStringLiteral("LOG"));
    }

    void readsTheServersLog() {
        auto pool = core::Pool::create(m_cluster->profile());
        ServerLogView view(pool);
        view.resize(1000, 700);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() > 5, 20000);
        QVERIFY2(view.source().contains(QLatin1String(".json")), qPrintable(view.source()));

        core::LogFilter errors;
        errors.sqlstate = QStringLiteral("22012");
        QCOMPARE(rowsMatching(view, errors), 3);

        // The deadlock: selected, drawn.
        core::LogFilter deadlock;
        deadlock.sqlstate = QStringLiteral("40P01");
        QTRY_COMPARE_WITH_TIMEOUT(rowsMatching(view, deadlock), 1, 10000);
        view.selectRow(0);
        QVERIFY(view.deadlockPicture()->isVisible());
        QVERIFY(view.deadlockPicture()->report());
        QCOMPARE(view.deadlockPicture()->report()->waits.size(), 2);
        QVERIFY(
            view.deadlockPicture()->accessibleDescription().contains(QLatin1String("waits for ShareLock")));
        QVERIFY(view.detail()->toPlainText().contains(QLatin1String("DETAIL: Process ")));
        const QImage picture = view.deadlockPicture()->grab().toImage();
        QVERIFY(picture.width() > 100);
        QSet<QRgb> colours;
        for (int y = 0; y < picture.height(); y += 4)
            for (int x = 0; x < picture.width(); x += 4)
                colours << picture.pixel(x, y);
        QVERIFY(colours.size() > 3); // boxes, arrows and text drawn, not an empty widget
        if (const QByteArray dir = qgetenv("PGDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("server-log.png")));

        // The plan: its button, and the plan it sends.
        core::LogFilter plan;
        plan.text = QStringLiteral("in-the-log");
        plan.minSeverity = QStringLiteral("LOG");
        QCOMPARE(rowsMatching(view, plan), 1);
        view.selectRow(0);
        QVERIFY(view.openPlanButton()->isVisible());
        QVERIFY(!view.deadlockPicture()->isVisible());
        QSignalSpy requested(&view, &ServerLogView::planRequested);
        view.openPlanButton()->click();
        QCOMPARE(requested.count(), 1);
        const auto sent = requested.at(0).at(0).value<std::shared_ptr<const core::Plan>>();
        QVERIFY(sent && sent->nodes.size() >= 2);
        QVERIFY(sent->queryText.contains(QLatin1String("in-the-log")));

        // Grouped.
        view.findChild<QTabWidget*>()->setCurrentIndex(1);
        QVERIFY(view.groupModel()->rowCount() >= 2);
        QCOMPARE(view.groupModel()->data(view.groupModel()->index(0, 0)).toString(), QStringLiteral("3"));

        // Follow: what the server writes next shows.
        view.setFilter({});
        m_cluster->psql(QStringLiteral("select 'followed-in-view'::int"));
        core::LogFilter followed;
        followed.text = QStringLiteral("followed-in-view");
        QTRY_COMPARE_WITH_TIMEOUT(rowsMatching(view, followed), 1, 15000);
    }

    void localFileAndTheWindow() {
        const QString path =
            m_cluster->psql(QStringLiteral("select pg_current_logfile('jsonlog')")).trimmed();
        const QString file = QDir(m_cluster->dir() + QStringLiteral("/data")).filePath(path);
        ServerLogView fileView(nullptr, file);
        QVERIFY(fileView.readsFile());
        QTRY_VERIFY_WITH_TIMEOUT(fileView.model()->rowCount() > 5, 10000);

        MainWindow window;
        QVERIFY(window.findChild<QAction*>(QStringLiteral("serverLogAction")));
        window.openDsn(QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                           .arg(m_cluster->dir())
                           .arg(m_cluster->port()));
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        ServerLogView* view = ServerFeature::of(window)->openServerLog();
        QVERIFY(view);
        QCOMPARE(ServerFeature::of(window)->openServerLog(), view); // one per session
        QVERIFY(ServerFeature::of(window)->openServerLog(file) != view);
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 5, 20000);
        core::LogFilter plan;
        plan.text = QStringLiteral("in-the-log");
        view->setFilter(plan);
        QCOMPARE(view->filterModel()->rowCount(), 1);
        view->selectRow(0);
        view->openPlanButton()->click();
        QTRY_VERIFY(window.findChild<PlanView*>()); // the plan feature showed it
        window.close();
    }
};

PGDESK_UI_TEST_MAIN(TestServerLogView)
#include "tst_serverlogview.moc"
