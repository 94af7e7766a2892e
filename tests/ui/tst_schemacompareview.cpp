// SPDX-License-Identifier: GPL-3.0-or-later
// The schema compare offscreen against the real server: two databases compared (the objects that differ, the
// lines of one, the migration with its locks), Apply asks for each destructive step by itself and then makes
// them equal (the compare runs again: nothing differs); a NOT NULL column needs a value for the rows; a
// production target writes only when unlocked. The data compare dialog stages its changes in the table's tab
// of the main window. Models under QAbstractItemModelTester.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/requests.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/schema/datacomparedialog.h>
#include <pgdesk/ui/schema/lockanalysisview.h>
#include <pgdesk/ui/schema/schemacompareview.h>
#include <pgdesk/ui/schema/schemafeature.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using pgdesk::test::psql;
using pgdesk::test::psqlValue;
using pgdesk::ui::SchemaCompareView;

namespace {

const char* const kSource =
    "create schema app; create table app.t (id int primary key, name text, score bigint);"
    "create index t_score on app.t (score); create view app.v as select id, name from app.t;";
const char* const kTarget = "create schema app; create table app.t (id int primary key, name text, old text, "
                            "score int); create view app.v as select id from app.t;"
                            "insert into app.t values (1, 'Ada', 'x', 3);";

} // namespace

class TestSchemaCompareView final : public QObject {
    Q_OBJECT
    const QString m_suffix = QString::number(QCoreApplication::applicationPid());
    const QString m_source = QStringLiteral("tst_cmpview_src_") + m_suffix;
    const QString m_target = QStringLiteral("tst_cmpview_tgt_") + m_suffix;

    void reset(const QString& db, const char* sql) {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(db), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(db), QStringLiteral("postgres"));
        pgdesk::test::loadScript(db, QLatin1String(sql));
    }

    // Pools by database, on the cluster's profile (production when asked).
    SchemaCompareView::PoolProvider pools(bool production = false) {
        auto made = std::make_shared<QHash<QString, std::shared_ptr<pgdesk::core::Pool>>>();
        return [made, production](const QString& db) {
            if (!made->contains(db)) {
                auto profile = pgdesk::test::profile(db);
                if (production)
                    profile.environment = pgdesk::core::Environment::Production;
                made->insert(db, pgdesk::core::Pool::create(profile));
            }
            return made->value(db);
        };
    }

    static bool compareIn(SchemaCompareView& view) {
        QSignalSpy compared(&view, &SchemaCompareView::compared);
        view.compare();
        return compared.wait(20000);
    }

private slots:
    void init() {
        reset(m_source, kSource);
        reset(m_target, kTarget);
    }
    void cleanupTestCase() {
        for (const QString& db : {m_source, m_target})
            psql(QStringLiteral("drop database if exists %1 with (force)").arg(db),
                 QStringLiteral("postgres"));
    }

    // The differences and the script come first, the locks after: until they are in, Apply stays off (a
    // change is applied only after its locks were shown).
    void locksComeAfterTheDifferencesAndApplyWaitsForThem() {
        SchemaCompareView view(pools(), m_target, QStringLiteral("app"));
        view.setSource(m_source, QStringLiteral("app"));
        view.setTarget(m_target, QStringLiteral("app"));
        bool applyWhenShown = true;
        int locksWhenShown = -1;
        int differWhenShown = 0;
        connect(&view, &SchemaCompareView::differencesShown, &view, [&] {
            applyWhenShown = view.applyButton()->isEnabled();
            locksWhenShown = view.locksView()->model()->rowCount();
            differWhenShown = view.model()->rowCount();
        });
        QSignalSpy shown(&view, &SchemaCompareView::differencesShown);
        QVERIFY(compareIn(view));
        QCOMPARE(shown.size(), 1);
        QVERIFY(differWhenShown > 0);
        QVERIFY(!applyWhenShown);
        QCOMPARE(locksWhenShown, 0);
        QVERIFY(view.locksView()->model()->rowCount() > 0);
        QVERIFY(view.applyButton()->isEnabled());
        QVERIFY2(!view.stateText().contains(QLatin1String("locks")), qPrintable(view.stateText()));
    }

    void compareShowsDifferencesAndApplyMakesThemEqual() {
        SchemaCompareView view(pools(), m_target, QStringLiteral("app"));
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSource(m_source, QStringLiteral("app"));
        view.setTarget(m_target, QStringLiteral("app"));
        QVERIFY(compareIn(view));
        QVERIFY2(view.stateText().contains(QLatin1String("objects differ")), qPrintable(view.stateText()));
        QStringList rows;
        for (int r = 0; r < view.model()->rowCount(); ++r)
            rows << view.model()->index(r, 1).data().toString() + QLatin1Char(' ') +
                        view.model()->index(r, 2).data().toString();
        QVERIFY2(rows.contains(QStringLiteral("table t")) && rows.contains(QStringLiteral("view v")),
                 qPrintable(rows.join(QLatin1Char(','))));
        // The selected object's lines, and the filter.
        for (int r = 0; r < view.model()->rowCount(); ++r)
            if (view.model()->index(r, 2).data().toString() == QLatin1String("t"))
                view.objectsView()->setCurrentIndex(view.model()->index(r, 0));
        QVERIFY2(view.diffView()->toPlainText().contains(QRegularExpression(
                     QStringLiteral("^-\\s+COLUMN \"old\" text$"), QRegularExpression::MultilineOption)),
                 qPrintable(view.diffView()->toPlainText()));
        view.filterEdit()->setText(QStringLiteral("view"));
        QCOMPARE(view.model()->rowCount(), 1);
        view.filterEdit()->clear();
        // The migration and the lock each statement takes.
        QVERIFY(view.scriptView()->toPlainText().contains(
            QLatin1String("ALTER TABLE \"app\".\"t\" DROP COLUMN \"old\";")));
        QVERIFY(view.locksView()->model()->rowCount() > 0);
        QVERIFY(view.applyButton()->isEnabled());

        // Apply: the drop and the type change each need their own tick.
        QSignalSpy finished(&view, &SchemaCompareView::applyFinished);
        view.apply();
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = view.findChild<QDialog*>(QStringLiteral("designConfirmDialog"))) != nullptr);
        const QList<QCheckBox*> boxes = dialog->findChildren<QCheckBox*>();
        QCOMPARE(boxes.size(), 2);
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        boxes.first()->setChecked(true);
        QVERIFY(!ok->isEnabled());
        boxes.last()->setChecked(true);
        QVERIFY(ok->isEnabled());
        QSignalSpy compared(&view, &SchemaCompareView::compared);
        ok->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view.stateText()));
        QVERIFY(compared.wait(20000));
        QVERIFY2(view.stateText().contains(QLatin1String("Nothing differs")), qPrintable(view.stateText()));
        QCOMPARE(psqlValue(QStringLiteral("select name || score from app.t"), m_target),
                 QStringLiteral("Ada3"));
    }

    // One compare for every front end (core::runSchemaCompare): the window shows the script pgdesk-cli diff
    // writes for the same pair, byte for byte, on a pair with most kinds of object.
    void cliAndWindowWriteTheSameScript() {
        const char* const more =
            "create type app.mood as enum ('low', 'high'); create sequence app.n start 10;"
            "create function app.twice(x int) returns int language sql immutable as 'select 2 * x';"
            "create table app.parent (id int primary key, label text check (label <> ''));"
            "create table app.child (id int primary key, parent int references app.parent on delete cascade,"
            " mood app.mood, at timestamptz default now());"
            "create table app.m (k int, v text) partition by range (k);"
            "create table app.m1 partition of app.m for values from (0) to (100);"
            "comment on table app.parent is 'the ''parent''';";
        reset(m_source, (QByteArray(kSource) + more).constData());
        reset(m_target, (QByteArray(kTarget) +
                         "create type app.mood as enum ('low'); create table app.parent (id int primary key,"
                         " label varchar(10)); create function app.twice(x int) returns int language sql"
                         " as 'select x + x';")
                            .constData());
        SchemaCompareView view(pools(), m_target, QStringLiteral("app"));
        view.setSource(m_source, QStringLiteral("app"));
        view.setTarget(m_target, QStringLiteral("app"));
        QVERIFY(compareIn(view));
        const QString shown = view.scriptView()->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("CREATE TABLE \"app\".\"child\"")), qPrintable(shown));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("migration.sql"));
        QProcess cli;
        cli.start(pgdesk::test::binary(QStringLiteral("pgdesk-cli")),
                  {QStringLiteral("diff"), QStringLiteral("--source-dsn"), pgdesk::test::conninfo(m_source),
                   QStringLiteral("--source-schema"), QStringLiteral("app"), QStringLiteral("--target-dsn"),
                   pgdesk::test::conninfo(m_target), QStringLiteral("--target-schema"), QStringLiteral("app"),
                   QStringLiteral("--script"), path});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 1, cli.readAllStandardError().constData()); // 1: they differ
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(file.readAll());
        QVERIFY2(written == shown, qPrintable(pgdesk::test::firstDifference(written, shown)));
    }

    // Opened on a schema, the view never compares it with itself: the target starts on the server's database
    // most like the source's (here the suite's target), same schema, and the state says which side changes.
    void opensWithAnotherTarget() {
        SchemaCompareView view(pools(), m_source, QStringLiteral("app"));
        auto* targetDatabase = view.findChild<QComboBox*>(QStringLiteral("compareTargetDatabase"));
        QVERIFY(targetDatabase);
        QTRY_COMPARE_WITH_TIMEOUT(targetDatabase->currentText(), m_target, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            view.findChild<QComboBox*>(QStringLiteral("compareTargetSchema"))->currentText(),
            QStringLiteral("app"), 10000);
        QVERIFY2(view.stateText().contains(QLatin1String("changes the target to match the source")),
                 qPrintable(view.stateText()));
        // A side chosen by the caller stays.
        SchemaCompareView chosen(pools(), m_source, QStringLiteral("app"));
        chosen.setTarget(m_source, QStringLiteral("public"));
        QTest::qWait(1000);
        QCOMPARE(chosen.findChild<QComboBox*>(QStringLiteral("compareTargetDatabase"))->currentText(),
                 m_source);
    }

    void aNotNullColumnNeedsAValue() {
        reset(m_source,
              "create schema app; create table app.t (id int primary key, name text, old text, score int, "
              "code text not null); create view app.v as select id from app.t;");
        SchemaCompareView view(pools(), m_target, QStringLiteral("app"));
        view.setSource(m_source, QStringLiteral("app"));
        QVERIFY(compareIn(view));
        QCOMPARE(view.migration().valuesNeeded.size(), 1);
        QVERIFY(view.applyButton()->isEnabled());
        QSignalSpy finished(&view, &SchemaCompareView::applyFinished);
        QSignalSpy compared(&view, &SchemaCompareView::compared);
        view.applyWith({{QStringLiteral("t.code"), QStringLiteral("'n/a'")}}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        QVERIFY(finished.wait(20000));
        QVERIFY(compared.wait(20000));
        QVERIFY2(view.stateText().contains(QLatin1String("Nothing differs")), qPrintable(view.stateText()));
        QCOMPARE(psqlValue(QStringLiteral("select code from app.t"), m_target), QStringLiteral("n/a"));
    }

    // A type change with no cast the data fits (integer seconds to a timestamp): the user types the USING in
    // Type Changes…, the script shows it, and applying converts the values with it.
    void typeChangeTakesTheUsersExpression() {
        reset(m_source,
              "create schema app; create table app.t (id int primary key, name text, old text, score "
              "timestamptz); create view app.v as select id from app.t;");
        SchemaCompareView view(pools(), m_target, QStringLiteral("app"));
        view.setSource(m_source, QStringLiteral("app"));
        QVERIFY(compareIn(view));
        QVERIFY(view.scriptView()->toPlainText().contains(
            QLatin1String("USING \"score\"::text::timestamp with time zone;")));
        QVERIFY(view.typeChangesButton()->isEnabled());
        view.typeChangesButton()->click();
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = view.findChild<QDialog*>(QStringLiteral("compareTypeChangesDialog"))) !=
                    nullptr);
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("using:t.score"));
        QVERIFY(edit);
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->placeholderText(), QStringLiteral("\"score\"::text::timestamp with time zone"));
        edit->setText(QStringLiteral("to_timestamp(score) at time zone 'UTC'"));
        dialog->accept();
        QVERIFY2(view.scriptView()->toPlainText().contains(
                     QLatin1String("USING to_timestamp(score) at time zone 'UTC';")),
                 qPrintable(view.scriptView()->toPlainText()));
        QCOMPARE(view.migration().typeChanges.size(), 1);
        QVERIFY(view.migration().typeChanges.first().given);
        QSignalSpy finished(&view, &SchemaCompareView::applyFinished);
        QSignalSpy compared(&view, &SchemaCompareView::compared);
        QSet<int> all;
        for (int i = 0; i < view.migration().statements.size(); ++i)
            all.insert(i);
        view.applyWith({}, all);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view.stateText()));
        QVERIFY(compared.wait(20000));
        QVERIFY2(view.stateText().contains(QLatin1String("Nothing differs")), qPrintable(view.stateText()));
        QCOMPARE(psqlValue(QStringLiteral("select score at time zone 'UTC' from app.t"), m_target),
                 QStringLiteral("1970-01-01 00:00:03"));
    }

    void productionTargetWritesOnlyWhenUnlocked() {
        SchemaCompareView view(pools(true), m_target, QStringLiteral("app"));
        view.setSource(m_source, QStringLiteral("app"));
        QVERIFY(compareIn(view));
        QVERIFY(view.unlockButton()->isGuarded());
        QSignalSpy finished(&view, &SchemaCompareView::applyFinished);
        view.applyWith({}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(view.stateText().contains(QLatin1String("production")), qPrintable(view.stateText()));
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from information_schema.columns where table_schema = "
                                     "'app' and column_name = 'old'"),
                      m_target),
            QStringLiteral("1"));
    }

    // Compare Data… from the tree: the changes arrive staged in the table's tab, applied from there.
    void dataCompareStagesInTheTableTab() {
        psql(QStringLiteral("create table public.rows_src (id int primary key, v text);"
                            "insert into public.rows_src values (1, 'one'), (2, 'two'), (3, 'three');"
                            "create table public.rows_tgt (id int primary key, v text);"
                            "insert into public.rows_tgt values (1, 'one'), (2, 'TWO'), (4, 'four');"),
             m_target);
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo(m_target));
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        pgdesk::ui::DataCompareDialog* dialog = pgdesk::ui::SchemaFeature::of(w)->openDataCompare(
            QStringLiteral("public"), QStringLiteral("rows_tgt"), m_target);
        QVERIFY(dialog);
        // The table the dialog opens on is the source unless the user says otherwise.
        QVERIFY(dialog->tableIsSource());
        dialog->direction()->setCurrentIndex(1); // rows_tgt is the target
        dialog->otherTable()->setText(QStringLiteral("public.rows_src"));
        QSignalSpy compared(dialog, &pgdesk::ui::DataCompareDialog::compared);
        dialog->compare();
        QVERIFY(compared.wait(20000));
        QVERIFY2(dialog->summaryText().contains(QLatin1String("1 different")),
                 qPrintable(dialog->summaryText()));
        QCOMPARE(dialog->result().changes.size(), 3);
        dialog->stageButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() &&
                pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->editor() &&
                pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->editor()->session() &&
                pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->editor()->session()->size() == 3,
            10000);
        QCOMPARE(pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->table()->name,
                 QStringLiteral("rows_tgt"));

        // Opened on rows_src, the source by default: the other table (rows_tgt) gets the changes.
        pgdesk::ui::DataCompareDialog* fromSource = pgdesk::ui::SchemaFeature::of(w)->openDataCompare(
            QStringLiteral("public"), QStringLiteral("rows_src"), m_target);
        QVERIFY(fromSource);
        QVERIFY(fromSource->summaryText().contains(QLatin1String("staged changes of the other table")));
        fromSource->otherTable()->setText(QStringLiteral("public.rows_tgt"));
        QSignalSpy comparedAgain(fromSource, &pgdesk::ui::DataCompareDialog::compared);
        fromSource->compare();
        QVERIFY(comparedAgain.wait(20000));
        QCOMPARE(fromSource->result().changes.size(), 3);
        QCOMPARE(fromSource->result().changes.table, QStringLiteral("public.rows_tgt"));
    }

    // Compared changes staged into a tab that cannot edit (a view): the window says they were not staged,
    // and why, instead of dropping them without a word.
    void stagingIntoAViewSaysWhy() {
        pgdesk::test::loadScript(m_target, QStringLiteral("create view rows_view as select 1 as id;"));
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo(m_target));
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        pgdesk::core::ChangeSet changes;
        changes.table = QStringLiteral("public.rows_view");
        QVERIFY(w.workbench()->request(pgdesk::ui::StageChangesRequest{
            m_target, QStringLiteral("public"), QStringLiteral("rows_view"), changes}));
        QTRY_VERIFY_WITH_TIMEOUT(
            w.statusBar()->currentMessage().contains(QStringLiteral("not staged: Read-only")), 10000);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("is a view")),
                 qPrintable(w.statusBar()->currentMessage()));
    }
};

PGDESK_UI_TEST_MAIN(TestSchemaCompareView)
#include "tst_schemacompareview.moc"
