// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/admin/maintenance.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/ui/admin/maintenancedialog.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using pgdesk::core::MaintenanceOperation;
using pgdesk::test::psqlValue;
using pgdesk::ui::MaintenanceDialog;

namespace {

const QString kSchema = QStringLiteral("maint_ui");

QPlainTextEdit* statementBox(MaintenanceDialog& d) {
    return d.findChild<QPlainTextEdit*>(QStringLiteral("maintenanceStatement"));
}

} // namespace

// The Maintenance… dialog against the real server: the operations the relation's kind takes, the exact
// statement following the options, a real VACUUM ANALYZE, a cancel while it waits for a lock.
class TestMaintenanceDialog final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_schema;

    static void waitForTarget(MaintenanceDialog& d) {
        QSignalSpy read(&d, &MaintenanceDialog::targetRead);
        if (!d.target())
            QVERIFY(read.wait(10000));
        QVERIFY(d.target());
    }

private slots:
    void initTestCase() {
        m_schema.emplace(kSchema, QStringLiteral(R"(
            create table $S.t (id int primary key, v text);
            insert into $S.t select g, 'x' from generate_series(1, 1000) g;
            create table $S.lockme (id int primary key);
            create materialized view $S.mv as select id from $S.t;
            create unique index mv_id on $S.mv (id);
            create materialized view $S.mv_plain as select id from $S.t;
            create view $S.vw as select 1 as one;
        )"));
    }
    void cleanupTestCase() { m_schema.reset(); }

    // The statement shown follows every option as it changes; choices not valid for the kind are hidden.
    void statementFollowsOptions() {
        MaintenanceDialog d(pgdesk::test::profile(), {}, kSchema, QStringLiteral("t"));
        d.show();
        waitForTarget(d);
        QPlainTextEdit* box = statementBox(d);
        QVERIFY(box && box->isReadOnly());
        QCOMPARE(box->toPlainText(), QStringLiteral("VACUUM \"maint_ui\".\"t\";"));
        d.setFull(true);
        QCOMPARE(box->toPlainText(), QStringLiteral("VACUUM (FULL) \"maint_ui\".\"t\";"));
        d.setFreeze(true);
        d.setAnalyze(true);
        QCOMPARE(box->toPlainText(), QStringLiteral("VACUUM (FULL, FREEZE, ANALYZE) \"maint_ui\".\"t\";"));
        d.setOperation(MaintenanceOperation::Analyze);
        QCOMPARE(box->toPlainText(), QStringLiteral("ANALYZE \"maint_ui\".\"t\";"));
        d.setOperation(MaintenanceOperation::Reindex);
        QCOMPARE(box->toPlainText(), QStringLiteral("REINDEX TABLE \"maint_ui\".\"t\";"));
        d.setConcurrently(true);
        QCOMPARE(box->toPlainText(), QStringLiteral("REINDEX TABLE CONCURRENTLY \"maint_ui\".\"t\";"));
        QCOMPARE(d.statementText(), box->toPlainText());
        // A table is not refreshed: the choice is not offered.
        const auto buttons = d.findChildren<QRadioButton*>();
        int visible = 0;
        for (QRadioButton* b : buttons)
            visible += b->isVisible() ? 1 : 0;
        QCOMPARE(visible, 3);

        // A matview without a unique index: refresh offered, CONCURRENTLY disabled with the reason.
        MaintenanceDialog mv(pgdesk::test::profile(), {}, kSchema, QStringLiteral("mv_plain"));
        mv.show();
        waitForTarget(mv);
        QCOMPARE(mv.options().operation, MaintenanceOperation::Refresh);
        QCOMPARE(statementBox(mv)->toPlainText(),
                 QStringLiteral("REFRESH MATERIALIZED VIEW \"maint_ui\".\"mv_plain\";"));
        QCheckBox* concurrently = nullptr;
        for (QCheckBox* c : mv.findChildren<QCheckBox*>())
            if (c->text().contains(QStringLiteral("CONCURRENTLY")))
                concurrently = c;
        QVERIFY(concurrently && !concurrently->isEnabled());
        QVERIFY(concurrently->toolTip().contains(QStringLiteral("unique index")));
        mv.setConcurrently(true); // refused: stays off
        QCOMPARE(statementBox(mv)->toPlainText(),
                 QStringLiteral("REFRESH MATERIALIZED VIEW \"maint_ui\".\"mv_plain\";"));

        MaintenanceDialog good(pgdesk::test::profile(), {}, kSchema, QStringLiteral("mv"));
        good.show();
        waitForTarget(good);
        good.setConcurrently(true);
        QCOMPARE(statementBox(good)->toPlainText(),
                 QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY \"maint_ui\".\"mv\";"));
    }

    // Run: a real VACUUM ANALYZE through the dialog; the outcome in plain words, the table vacuumed.
    void runVacuumAnalyze() {
        MaintenanceDialog d(pgdesk::test::profile(), {}, kSchema, QStringLiteral("t"));
        d.show();
        waitForTarget(d);
        d.setAnalyze(true);
        QSignalSpy succeeded(&d, &MaintenanceDialog::succeeded);
        d.run();
        QVERIFY(d.isRunning());
        QVERIFY(succeeded.wait(30000));
        QCOMPARE(succeeded.first().at(0).toString(), QStringLiteral("VACUUM (ANALYZE) \"maint_ui\".\"t\""));
        QVERIFY2(d.statusText().startsWith(QStringLiteral("Done: VACUUM finished")),
                 qPrintable(d.statusText()));
        QVERIFY(!d.isRunning());
        QElapsedTimer timer;
        timer.start();
        const QString sql = QStringLiteral("select last_vacuum is not null and last_analyze is not null from "
                                           "pg_stat_user_tables where schemaname = '%1' and relname = 't'")
                                .arg(kSchema);
        while (psqlValue(sql) != QLatin1String("t") && timer.elapsed() < 10000)
            QTest::qWait(100);
        QCOMPARE(psqlValue(sql), QStringLiteral("t"));
    }

    // Cancel while a VACUUM FULL waits for a lock: the progress shows the wait, the statement ends with
    // 57014, the dialog says so, and the table was not rewritten.
    void cancelWhileWaiting() {
        auto holder = pgdesk::core::Connection::open(pgdesk::test::profile());
        holder.exec(QStringLiteral("begin; lock table %1.lockme in access share mode").arg(kSchema));
        const QString node =
            QStringLiteral("select relfilenode from pg_class where oid = '%1.lockme'::regclass").arg(kSchema);
        const QString before = psqlValue(node);
        MaintenanceDialog d(pgdesk::test::profile(), {}, kSchema, QStringLiteral("lockme"));
        d.show();
        waitForTarget(d);
        d.setFull(true);
        QSignalSpy failed(&d, &MaintenanceDialog::failed);
        d.run();
        auto* progress = d.findChild<QProgressBar*>();
        QVERIFY(progress && progress->isVisible());
        QLabel* phase = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QLabel* l : d.findChildren<QLabel*>())
                    if (l->text().startsWith(QStringLiteral("waiting for a lock")))
                        phase = l;
                return phase != nullptr;
            }(),
            15000);
        QCOMPARE(phase->text(), QStringLiteral("waiting for a lock (relation)"));
        d.reject(); // Esc while running cancels, the dialog stays
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("57014"));
        QVERIFY2(d.statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(d.statusText()));
        QVERIFY(d.isVisible());
        holder.exec(QStringLiteral("commit"));
        QCOMPARE(psqlValue(node), before);
    }

    // The object tree's context menu has Maintenance…, disabled for a view; the window opens the dialog on
    // the session's profile.
    void treeMenuOpensDialog() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        pgdesk::ui::ObjectBrowser* tree = pgdesk::ui::BrowseFeature::of(w)->objectBrowser();
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->findTable(kSchema, QStringLiteral("vw")).isValid(), 10000);
        std::unique_ptr<QMenu> viewMenu(
            tree->createContextMenu(tree->model()->findTable(kSchema, QStringLiteral("vw")), &w));
        auto* viewAction = viewMenu->findChild<QAction*>(QStringLiteral("treeMaintenanceAction"));
        QVERIFY(viewAction && !viewAction->isEnabled());
        std::unique_ptr<QMenu> menu(
            tree->createContextMenu(tree->model()->findTable(kSchema, QStringLiteral("t")), &w));
        auto* action = menu->findChild<QAction*>(QStringLiteral("treeMaintenanceAction"));
        QVERIFY(action && action->isEnabled());
        QCOMPARE(action->text(), QStringLiteral("Maintenance…"));
        action->trigger();
        auto* dialog = w.findChild<MaintenanceDialog*>();
        QVERIFY(dialog);
        waitForTarget(*dialog);
        QCOMPARE(dialog->statementText(), QStringLiteral("VACUUM \"maint_ui\".\"t\";"));
        dialog->close();
    }
};

PGDESK_UI_TEST_MAIN(TestMaintenanceDialog)
#include "tst_maintenancedialog.moc"
