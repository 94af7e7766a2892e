// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduled jobs view (offscreen, a private cluster preloading pg_cron, with pg_partman): jobs and
// partition sets listed; another database told where the jobs are; a job made, edited, disabled and
// unscheduled through the buttons and dialogs (the statement previewed with hostile values, OK only while
// there is one); production asks for the database's name; a partition set made and its dropping retention
// warned; a failing job's run history shown by pg_cron's real runs; the menu action; models under
// QAbstractItemModelTester.
#include "privatecluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/server/jobdialogs.h>
#include <pgdesk/ui/server/jobsview.h>
#include <pgdesk/ui/server/replicationview.h>
#include <pgdesk/ui/server/serverfeature.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestJobsView final : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PrivateCluster> m_cluster;

    template <class T> static T* childOf(QWidget* parent, const QString& name = {}) {
        T* found = nullptr;
        for (int i = 0; i < 100 && !found; ++i, QTest::qWait(50))
            for (T* c : parent->findChildren<T*>(name))
                if (c->isVisible())
                    found = c;
        return found;
    }
    static int rowOf(const JobsView& view, const QString& name) {
        for (qsizetype i = 0; i < view.snapshot().jobs.size(); ++i)
            if (view.snapshot().jobs[i].name == name)
                return int(i);
        return -1;
    }
    static void clickOk(QDialog* dialog) {
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    }
    static bool loadedOnce(JobsView& view) {
        QSignalSpy loaded(&view, &JobsView::loaded);
        return loaded.wait(15000);
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY2(m_cluster->loadPgCron(), qPrintable(m_cluster->error()));
        for (const QString& sql :
             {QStringLiteral("create database other"),
              QStringLiteral("create schema partman; create extension pg_partman schema partman; "
                             "create table events (id bigint, created_at timestamptz not null) "
                             "partition by range (created_at)"),
              // Runs at the next minute: its history is read at the end.
              QStringLiteral("select cron.schedule('fails', '* * * * *', 'select 1/0')")})
            QVERIFY2(!m_cluster->psql(sql).isNull(), qPrintable(m_cluster->error()));
    }

    void listsWhatIsThere() {
        JobsView view(core::Pool::create(m_cluster->profile()));
        QAbstractItemModelTester jobs(view.jobModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester runs(view.runModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sets(view.partitionModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadedOnce(view));
        QCOMPARE(view.jobModel()->rowCount(), 1);
        QCOMPARE(view.jobModel()->index(0, 1).data().toString(), QStringLiteral("fails"));
        QCOMPARE(view.tabs()->count(), 2); // jobs and partition sets
        QVERIFY2(view.statusLabel()->text().contains(QLatin1String("pg_cron")),
                 qPrintable(view.statusLabel()->text()));
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("pg_partman")));

        // Elsewhere: said where, no partition sets tab, the jobs tab disabled.
        JobsView other(core::Pool::create(m_cluster->profile(QStringLiteral("other"))));
        QVERIFY(loadedOnce(other));
        QVERIFY2(other.statusLabel()->text().contains(QLatin1String("connect to \"postgres\"")),
                 qPrintable(other.statusLabel()->text()));
        QCOMPARE(other.tabs()->count(), 1);
        QVERIFY(!other.tabs()->widget(0)->isEnabled());
    }

    void jobMadeEditedDisabledUnscheduled() {
        JobsView view(core::Pool::create(m_cluster->profile()));
        view.resize(900, 600);
        view.show();
        QVERIFY(loadedOnce(view));
        QSignalSpy applied(&view, &JobsView::applied);

        view.findChild<QPushButton*>(QStringLiteral("newJobButton"))->click();
        auto* dialog = childOf<CronJobDialog>(&view);
        QVERIFY(dialog);
        QVERIFY(!dialog->isAcceptable()); // no schedule, no command
        QVERIFY(dialog->preview()->toPlainText().startsWith(QLatin1String("-- ")));
        const QString name = QStringLiteral("ليلي 'x' %_\\");
        dialog->nameEdit()->setText(name);
        dialog->scheduleEdit()->setText(QStringLiteral("30 3 * * *"));
        dialog->commandEdit()->setPlainText(QStringLiteral("vacuum analyze"));
        QVERIFY(dialog->isAcceptable());
        QVERIFY2(
            dialog->preview()->toPlainText().contains(QStringLiteral("job_name := E'ليلي ''x'' %_\\\\'")),
            qPrintable(dialog->preview()->toPlainText()));
        clickOk(dialog);
        QVERIFY(applied.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(view, name) >= 0, 10000);

        // Edited: the schedule only.
        view.jobView()->selectRow(rowOf(view, name));
        view.findChild<QPushButton*>(QStringLiteral("editJobButton"))->click();
        auto* edit = childOf<CronJobDialog>(&view);
        QVERIFY(edit);                  // (the first one is deleted: its address may be reused)
        QVERIFY(!edit->isAcceptable()); // nothing changed yet
        edit->scheduleEdit()->setText(QStringLiteral("@daily"));
        QVERIFY(edit->preview()->toPlainText().contains(QLatin1String("schedule := '@daily'")));
        QVERIFY(!edit->preview()->toPlainText().contains(QLatin1String("command :=")));
        clickOk(edit);
        QVERIFY(applied.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(view.snapshot().jobs.value(rowOf(view, name)).schedule,
                                  QStringLiteral("@daily"), 10000);

        view.jobView()->selectRow(rowOf(view, name));
        auto* toggle = view.findChild<QPushButton*>(QStringLiteral("toggleJobButton"));
        QCOMPARE(toggle->text(), QStringLiteral("Disable"));
        toggle->click();
        QVERIFY(applied.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!view.snapshot().jobs.value(rowOf(view, name)).active, 10000);
        QTRY_COMPARE(toggle->text(), QStringLiteral("Enable"));

        view.findChild<QPushButton*>(QStringLiteral("unscheduleJobButton"))->click();
        auto* box = childOf<QMessageBox>(&view, QStringLiteral("unscheduleConfirm"));
        QVERIFY(box);
        QVERIFY(box->text().contains(name));
        QAbstractButton* unschedule = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                unschedule = b;
        unschedule->click();
        QVERIFY(applied.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(view, name), -1, 10000);
    }

    void productionAsksForTheName() {
        core::ConnectionProfile production = m_cluster->profile();
        production.environment = core::Environment::Production;
        JobsView view(core::Pool::create(production));
        view.show();
        QVERIFY(loadedOnce(view));
        QSignalSpy applied(&view, &JobsView::applied);
        view.findChild<QPushButton*>(QStringLiteral("newJobButton"))->click();
        auto* dialog = childOf<CronJobDialog>(&view);
        dialog->scheduleEdit()->setText(QStringLiteral("@weekly"));
        dialog->commandEdit()->setPlainText(QStringLiteral("select 1"));
        clickOk(dialog);
        auto* confirm = childOf<ProductionConfirmDialog>(&view);
        QVERIFY(confirm);
        QVERIFY(!confirm->isConfirmable());
        QTest::qWait(200);
        QCOMPARE(applied.size(), 0);
        confirm->nameEdit()->setText(QStringLiteral("postgres"));
        clickOk(confirm);
        QVERIFY(applied.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(view.snapshot().jobs.size() == 2, 10000);
    }

    void partitionSets() {
        JobsView view(core::Pool::create(m_cluster->profile()));
        view.show();
        QVERIFY(loadedOnce(view));
        QSignalSpy applied(&view, &JobsView::applied);
        view.tabs()->setCurrentIndex(1);
        view.findChild<QPushButton*>(QStringLiteral("newPartitionSetButton"))->click();
        auto* dialog = childOf<PartitionSetDialog>(&view);
        QVERIFY(dialog);
        QVERIFY(!dialog->isAcceptable());
        dialog->parentEdit()->setText(QStringLiteral("public.events"));
        dialog->controlEdit()->setText(QStringLiteral("created_at"));
        dialog->premakeBox()->setValue(2);
        QVERIFY(dialog->isAcceptable());
        QVERIFY(!dialog->retentionEdit()->isEnabled());
        clickOk(dialog);
        QVERIFY(applied.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(view.partitionModel()->rowCount(), 1, 10000);
        QCOMPARE(view.snapshot().partitionSets[0].partitions, qint64(5));

        view.partitionView()->selectRow(0);
        view.findChild<QPushButton*>(QStringLiteral("editPartitionSetButton"))->click();
        auto* edit = childOf<PartitionSetDialog>(&view);
        QVERIFY(edit); // (the first one is deleted: its address may be reused)
        QVERIFY(edit->parentEdit()->isReadOnly());
        edit->retentionEdit()->setText(QStringLiteral("7 days"));
        QVERIFY(!edit->dropsPartitions());
        edit->dropBox()->setChecked(true);
        QVERIFY(edit->dropsPartitions());
        QVERIFY(edit->findChild<QLabel*>(QStringLiteral("partitionDropWarning"))->isVisible());
        QVERIFY(edit->preview()->toPlainText().contains(
            QLatin1String("retention = '7 days', retention_keep_table = 'false'::boolean")));
        clickOk(edit);
        QVERIFY(applied.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(view.snapshot().partitionSets.value(0).retention, QStringLiteral("7 days"),
                                  10000);

        // Maintenance with a dropping retention is confirmed first; cancelled, nothing runs.
        view.partitionView()->selectRow(0);
        view.findChild<QPushButton*>(QStringLiteral("maintainPartitionSetButton"))->click();
        auto* box = childOf<QMessageBox>(&view, QStringLiteral("maintainConfirm"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1String("7 days")));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(300);
        QCOMPARE(applied.size(), 2);
    }

    // pg_cron's real runs of the failing job, in the run history, in the error colour.
    void failingRunsShown() {
        JobsView view(core::Pool::create(m_cluster->profile()));
        view.show();
        QVERIFY(loadedOnce(view));
        const int row = rowOf(view, QStringLiteral("fails"));
        QVERIFY(row >= 0);
        view.jobView()->selectRow(row);
        view.failuresOnlyBox()->setChecked(true);
        for (int i = 0; i < 90 && view.runModel()->rowCount() == 0; ++i) {
            QTest::qWait(1000);
            view.refresh();
        }
        QVERIFY(view.runModel()->rowCount() >= 1);
        QCOMPARE(view.runModel()->index(0, 1).data().toString(), QStringLiteral("failed"));
        QVERIFY(view.runModel()->index(0, 5).data().toString().contains(QLatin1String("division by zero")));
        QVERIFY(view.runModel()->index(0, 1).data(Qt::ForegroundRole).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(view.jobModel()->index(row, 0).data(Qt::ForegroundRole).isValid(), 15000);
        if (const QByteArray dir = qgetenv("PGDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            view.failuresOnlyBox()->setChecked(false);
            view.resize(1100, 560);
            QTest::qWait(500);
            view.grab().save(
                QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("scheduled-jobs.png")));
        }
    }

    void menuOpensOneTab() {
        MainWindow window;
        QVERIFY(window.findChild<QAction*>(QStringLiteral("jobsAction")));
        window.openDsn(QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                           .arg(m_cluster->dir())
                           .arg(m_cluster->port()));
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        JobsView* view = ServerFeature::of(window)->openJobs();
        QVERIFY(view);
        QCOMPARE(ServerFeature::of(window)->openJobs(), view);
        window.close();
    }
};

PGDESK_UI_TEST_MAIN(TestJobsView)
#include "tst_jobsview.moc"
