// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard (offscreen, real server): it samples once a second while shown, on a connection named
// "PgDesk dashboard" that never shows itself; hidden, no statement reaches the server (its backend's
// query_start stays still in pg_stat_activity); the commits per second it shows equal the counters' delta
// over the samples' server times, computed here by hand; a click on a chart lists that moment's sessions;
// the window opens one per session.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/admin/dashboard.h>
#include <pgdesk/ui/admin/adminfeature.h>
#include <pgdesk/ui/admin/dashboardview.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAction>
#include <QLocale>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace pgdesk::ui;

class TestDashboardView final : public QObject {
    Q_OBJECT

    // When the view's own backend last began a statement (other suites' dashboards may run beside it).
    static QString dashboardQueryStart(const DashboardView& v) {
        return pgdesk::test::psqlValue(
            QStringLiteral(
                "select coalesce(max(query_start)::text, 'none') from pg_stat_activity where pid = %1 "
                "and application_name = 'PgDesk dashboard'")
                .arg(v.history().samples().last().backendPid));
    }

private slots:
    void samplesWhileShownOnlyAndRatesByHand() {
        DashboardView v(pgdesk::test::profile(), std::nullopt);
        v.resize(1100, 800);
        QVERIFY(!v.isSampling());
        v.show();
        QVERIFY(v.isSampling());
        QTRY_VERIFY_WITH_TIMEOUT(v.history().size() >= 3, 10000);
        QCOMPARE(v.chartCount(), 10);

        // The rate shown is the delta of the counters over the server's time between the last two samples.
        const auto& samples = v.history().samples();
        const auto& a = samples[samples.size() - 2];
        const auto& b = samples.last();
        const double byHand = double(b.commits - a.commits) / ((b.serverMs - a.serverMs) / 1000.0);
        QCOMPARE(v.chartTitle(1), QStringLiteral("Transactions per second"));
        QVERIFY2(
            v.currentText(1).startsWith(QStringLiteral("commits %1").arg(QLocale().toString(byHand, 'f', 1))),
            qPrintable(v.currentText(1) + QStringLiteral(" / ") + QString::number(byHand)));
        for (const auto& s : samples)
            for (const auto& session : s.sessions)
                QVERIFY(session.query.indexOf(QLatin1String("json_object_agg")) < 0); // never itself

        // Hidden: the timer stops and the server sees nothing from it.
        v.hide();
        QVERIFY(!v.isSampling());
        QTest::qWait(300); // a statement already on its way
        const int samplesBefore = v.history().size();
        const QString before = dashboardQueryStart(v);
        QVERIFY2(before != QLatin1String("none"), "the dashboard's connection is not in pg_stat_activity");
        QTest::qWait(3500);
        QCOMPARE(dashboardQueryStart(v), before);
        QCOMPARE(v.history().size(), samplesBefore);

        v.show();
        QTRY_VERIFY_WITH_TIMEOUT(v.history().size() > samplesBefore, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(dashboardQueryStart(v) != before, 5000);
    }

    void aClickShowsThatMomentsSessions() {
        DashboardView v(pgdesk::test::profile(), std::nullopt);
        v.resize(1100, 800);
        v.show();
        QTRY_VERIFY_WITH_TIMEOUT(v.history().size() >= 2, 10000);
        // The longest-transaction chart: click along its middle line until a point is hit.
        QWidget* chart = v.chartWidget(9);
        QVERIFY(chart);
        for (int x = chart->width() - 5; x > 0 && v.momentShown() < 0; x -= 3)
            for (int y = 10; y < chart->height() - 10 && v.momentShown() < 0; y += 3)
                QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(x, y));
        QVERIFY(v.momentShown() >= 0);
        v.showMoment(0);
        QCOMPARE(v.momentShown(), 0);
    }

    void theWindowOpensOnePerSession() {
        MainWindow window;
        window.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        QAction* action = window.findChild<QAction*>(QStringLiteral("dashboardAction"));
        QVERIFY(action);
        action->trigger();
        auto* first = qobject_cast<DashboardView*>(window.tabs()->currentWidget());
        QVERIFY(first);
        QCOMPARE(pgdesk::ui::AdminFeature::of(window)->openDashboard(), first);
    }
};

PGDESK_UI_TEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
