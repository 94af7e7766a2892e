// SPDX-License-Identifier: GPL-3.0-or-later
// The production guard in the window: the environment's colour on the tabs, the object tree and the status
// bar; "Unlock writing" per tab; the database's name typed before Apply and batch operations; and, locked,
// the server's own refusal (25006) shown.
#include "modelcolumns.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/admin/dumptool.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/restoredialog.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/connect/profileeditor.h>
#include <pgdesk/ui/edit/batchdialog.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/transfer/importdialog.h>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace pgdesk;
using pgdesk::test::psqlValue;

namespace {

const QString kSchema = QStringLiteral("tst_productionguard_ui");
const QString kProfile = QStringLiteral("Acme production");

core::ConnectionProfile production() {
    core::ConnectionProfile p = pgdesk::test::profile();
    p.name = kProfile;
    p.environment = core::Environment::Production;
    return p;
}

QString value(int id) {
    return psqlValue(QStringLiteral("select v from %1.t where id = %2").arg(kSchema).arg(id));
}

int column(const ui::PageModel* m, const QString& name) {
    return pgdesk::test::columnNamed(m, name);
}

QModelIndex cell(const ui::PageModel* m, int id, const QString& name) {
    const int idColumn = column(m, QStringLiteral("id"));
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, idColumn).data(Qt::EditRole).toString() == QString::number(id))
            return m->index(r, column(m, name));
    return {};
}

template <class T> T* waitForChild(QWidget* parent, const QString& name) {
    T* found = nullptr;
    (void)QTest::qWaitFor([&] { return (found = parent->findChild<T*>(name)) != nullptr; }, 5000);
    return found;
}

} // namespace

class TestProductionGuardUi final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_schema;
    std::shared_ptr<core::Pool> m_pool;
    QTemporaryDir m_dir;

    std::unique_ptr<ui::TableBrowser> openTable() {
        auto b = std::make_unique<ui::TableBrowser>(m_pool, kSchema, QStringLiteral("t"));
        QSignalSpy loaded(b.get(), &ui::TableBrowser::pageLoaded);
        if (!loaded.wait(15000))
            return nullptr;
        return b;
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        m_schema.emplace(kSchema,
                         QStringLiteral("create table $S.t (id int primary key, v text);"
                                        "insert into $S.t select i, 'v' || i from generate_series(1, 5) i;"));
        m_pool = core::Pool::create(production());
    }
    void cleanupTestCase() {
        m_pool.reset();
        m_schema.reset();
    }

    // The window of a production session: the colour on the tab bar, the tree and the status bar badge,
    // which follows the current tab's lock.
    void windowShowsTheEnvironment() {
        core::ProfileStore store;
        store.load();
        store.upsert(production());
        store.save();
        ui::MainWindow w;
        w.show();
        w.openProfile(kProfile);
        const QString red = core::environmentDefaultColour(core::Environment::Production);
        QTRY_COMPARE_WITH_TIMEOUT(w.tabs()->tabBar()->property("environmentColour").toString(), red, 15000);
        QCOMPARE(pgdesk::ui::BrowseFeature::of(w)->objectBrowser()->property("environmentColour").toString(),
                 red);
        QVERIFY(pgdesk::ui::BrowseFeature::of(w)->objectBrowser()->styleSheet().contains(red));
        auto* badge = w.statusBar()->findChild<QLabel*>(QStringLiteral("environmentBadge"));
        QVERIFY(badge);
        QVERIFY(badge->isVisible());
        QCOMPARE(badge->text(), QStringLiteral("PRODUCTION — read-only"));
        QVERIFY(badge->styleSheet().contains(red));

        ui::TableBrowser* table = pgdesk::ui::BrowseFeature::of(w)->openTable(kSchema, QStringLiteral("t"));
        QVERIFY(table);
        // Each tab carries its own profile's colour.
        auto* mark =
            qobject_cast<QLabel*>(w.tabs()->tabBar()->tabButton(w.tabs()->indexOf(table), QTabBar::LeftSide));
        QVERIFY(mark);
        QCOMPARE(mark->property("environmentColour").toString(), red);
        QVERIFY(mark->styleSheet().contains(red));
        QVERIFY(table->writeUnlock()->isGuarded());
        QVERIFY(!table->writeUnlock()->isHidden());
        table->writeUnlock()->click();
        QCOMPARE(badge->text(), QStringLiteral("PRODUCTION — writing unlocked"));
        // Another tab holds no key: read-only again there.
        ui::QueryTool* query = pgdesk::ui::QueryFeature::of(w)->openQueryTool();
        QVERIFY(query);
        QTRY_COMPARE(badge->text(), QStringLiteral("PRODUCTION — read-only"));
        QVERIFY(!query->writeUnlock()->isUnlocked());
        w.tabs()->setCurrentWidget(table);
        QCOMPARE(badge->text(), QStringLiteral("PRODUCTION — writing unlocked"));
    }

    // Tabs left from another profile under a production session: each says whose it is, the badge and
    // the guard follow the tab that has focus, and no write reaches the server under the production badge.
    void tabsOfAnotherProfileKeepTheirOwn() {
        core::ConnectionProfile dev = pgdesk::test::profile();
        dev.name = QStringLiteral("Acme dev");
        dev.environment = core::Environment::Development;
        core::ProfileStore store;
        store.load();
        store.upsert(production());
        store.upsert(dev);
        store.save();
        ui::MainWindow w;
        w.show();
        w.openProfile(dev.name);
        QTRY_VERIFY_WITH_TIMEOUT(w.windowTitle().startsWith(dev.name), 15000);
        QPointer<ui::TableBrowser> devTable =
            pgdesk::ui::BrowseFeature::of(w)->openTable(kSchema, QStringLiteral("t"));
        QVERIFY(devTable);
        QSignalSpy devLoaded(devTable.data(), &ui::TableBrowser::pageLoaded);
        QVERIFY(devTable->model()->rowCount() > 0 || devLoaded.wait(15000));

        w.openProfile(kProfile);
        QTRY_VERIFY_WITH_TIMEOUT(w.windowTitle().startsWith(kProfile), 15000);
        auto* badge = w.statusBar()->findChild<QLabel*>(QStringLiteral("environmentBadge"));
        QVERIFY(badge);
        // The dev tab has focus: it is labelled as the dev profile's, and no production badge shows for it.
        w.tabs()->setCurrentWidget(devTable); // the production profile may have brought tabs back
        auto* devMark = qobject_cast<QLabel*>(
            w.tabs()->tabBar()->tabButton(w.tabs()->indexOf(devTable), QTabBar::LeftSide));
        QVERIFY(devMark);
        QCOMPARE(devMark->text(), dev.name);
        QVERIFY2(!badge->text().contains(QLatin1String("PRODUCTION")), qPrintable(badge->text()));
        QVERIFY2(badge->text().contains(dev.name), qPrintable(badge->text()));

        // A table of the production session: the badge says so, and nothing can be written there.
        ui::TableBrowser* prodTable =
            pgdesk::ui::BrowseFeature::of(w)->openTable(kSchema, QStringLiteral("t"));
        QVERIFY(prodTable);
        QSignalSpy prodLoaded(prodTable, &ui::TableBrowser::pageLoaded);
        QVERIFY(prodTable->model()->rowCount() > 0 || prodLoaded.wait(15000));
        QCOMPARE(badge->text(), QStringLiteral("PRODUCTION — read-only"));
        auto* prodMark = qobject_cast<QLabel*>(
            w.tabs()->tabBar()->tabButton(w.tabs()->indexOf(prodTable), QTabBar::LeftSide));
        QVERIFY(prodMark && prodMark->text().isEmpty()); // the session's own tab
        QVERIFY(!prodTable->model()->setData(cell(prodTable->model(), 1, QStringLiteral("v")),
                                             QStringLiteral("under the badge")));
        prodTable->editor()->applyStaged();
        QTest::qWait(300);
        QCOMPARE(value(1), QStringLiteral("v1"));

        // Back on the dev tab the badge is the dev profile's again, and its own edits apply there.
        w.tabs()->setCurrentWidget(devTable);
        QVERIFY2(!badge->text().contains(QLatin1String("PRODUCTION")), qPrintable(badge->text()));
        QVERIFY(!devTable->writeUnlock()->isGuarded());
        QVERIFY(devTable->model()->setData(cell(devTable->model(), 1, QStringLiteral("v")),
                                           QStringLiteral("dev")));
        QSignalSpy applied(devTable->editor(), &ui::TableEditor::applied);
        devTable->editor()->applyStaged();
        QVERIFY(applied.wait(15000));
        QCOMPARE(value(1), QStringLiteral("dev"));
        pgdesk::test::psql(QStringLiteral("update %1.t set v = 'v' || id").arg(kSchema));
    }

    // A profile of another environment gets its colour but no lock.
    void stagingHasAColourAndNoLock() {
        core::ConnectionProfile p = pgdesk::test::profile();
        p.environment = core::Environment::Staging;
        p.colour = QStringLiteral("#123456");
        const auto pool = core::Pool::create(p);
        ui::TableBrowser b(pool, kSchema, QStringLiteral("t"));
        QVERIFY(!b.writeUnlock()->isGuarded());
        QVERIFY(b.writeUnlock()->isHidden());
        QVERIFY(!b.writeUnlock()->access());
    }

    // Locked, nothing opens an editor or stages a change: a bar says why, with Unlock writing, which works.
    void lockedTabStagesNothing() {
        auto b = openTable();
        QVERIFY(b);
        QVERIFY(!b->writeUnlock()->isUnlocked());
        const QModelIndex v1 = cell(b->model(), 1, QStringLiteral("v"));
        QVERIFY(v1.isValid());
        QVERIFY(!(b->model()->flags(v1) & Qt::ItemIsEditable)); // a double-click opens nothing
        QVERIFY(!b->model()->setData(v1, QStringLiteral("locked")));
        auto* bar = b->findChild<QWidget*>(QStringLiteral("guardBar"));
        QVERIFY(bar && !bar->isHidden());
        b->editor()->addRow();
        b->editor()->pasteText(QStringLiteral("1\tpasted\n"), true, false);
        b->editor()->deleteRows({0});
        QVERIFY(b->editor()->session()->isEmpty());
        QVERIFY2(
            b->findChild<QLabel*>(QStringLiteral("guardLabel"))->text().contains(QLatin1String("Unlock")),
            qPrintable(b->findChild<QLabel*>(QStringLiteral("guardLabel"))->text()));
        QVERIFY(!b->openBatchDialog());
        // The bar's button unlocks the tab like the toolbar's.
        b->findChild<QPushButton*>(QStringLiteral("guardUnlockButton"))->click();
        QVERIFY(b->writeUnlock()->isUnlocked());
        QVERIFY(bar->isHidden());
        QVERIFY(b->model()->flags(v1) & Qt::ItemIsEditable);
        b->writeUnlock()->click();
        QVERIFY(!bar->isHidden());
        QCOMPARE(value(1), QStringLiteral("v1"));
    }

    // Unlocked, Apply asks for the database's name: a wrong name keeps OK disabled, the right one applies.
    void applyAsksForTheDatabaseName() {
        auto b = openTable();
        QVERIFY(b);
        b->writeUnlock()->click();
        QVERIFY(b->writeUnlock()->isUnlocked());
        QVERIFY(b->model()->setData(cell(b->model(), 2, QStringLiteral("v")), QStringLiteral("typed")));
        QVERIFY(b->model()->setData(cell(b->model(), 3, QStringLiteral("v")), QStringLiteral("typed too")));
        QSignalSpy applied(b->editor(), &ui::TableEditor::applied);
        b->editor()->apply();
        auto* dialog =
            waitForChild<ui::ProductionConfirmDialog>(b.get(), QStringLiteral("productionConfirmDialog"));
        QVERIFY(dialog);
        const QString summary = dialog->findChild<QLabel*>(QStringLiteral("productionSummary"))->text();
        // "2 updates" once the lead's English plural forms have the string; the count either way.
        QVERIFY2(summary.contains(QLatin1String("2 update")) &&
                     summary.contains(kSchema + QStringLiteral(".t")),
                 qPrintable(summary));
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("pgdesk_dem"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("oo"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Backspace);
        QVERIFY(ok->isEnabled());
        ok->click();
        QVERIFY(applied.wait(15000));
        QCOMPARE(value(2), QStringLiteral("typed"));
        QCOMPARE(value(3), QStringLiteral("typed too"));
        // Locked again: nothing can be staged.
        b->writeUnlock()->click();
        QVERIFY(!b->writeUnlock()->isUnlocked());
        QTRY_VERIFY_WITH_TIMEOUT(b->editor()->session()->isEmpty() && !b->editor()->isApplying(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(cell(b->model(), 4, QStringLiteral("v")).isValid(), 15000);
        QVERIFY(!b->model()->setData(cell(b->model(), 4, QStringLiteral("v")), QStringLiteral("after")));
        QVERIFY(b->editor()->session()->isEmpty());
        QCOMPARE(value(4), QStringLiteral("v4"));
    }

    // A batch operation: not opened while locked (the bar says why); unlocked, the name is asked first.
    void batchOperationFollowsTheLock() {
        auto b = openTable();
        QVERIFY(b);
        QVERIFY(!b->openBatchDialog());
        b->writeUnlock()->click();
        ui::BatchDialog* dialog = b->openBatchDialog();
        QVERIFY(dialog);
        dialog->setOnSelection(false);
        dialog->setAction(core::BatchAction::SetColumn);
        dialog->setColumn(QStringLiteral("v"));
        dialog->setValue(QStringLiteral("batch"));
        QSignalSpy counted(dialog, &ui::BatchDialog::counted);
        dialog->count();
        QVERIFY(counted.wait(15000));
        QSignalSpy finished(dialog, &ui::BatchDialog::finished);
        dialog->run();
        auto* confirm =
            waitForChild<ui::ProductionConfirmDialog>(dialog, QStringLiteral("productionConfirmDialog"));
        QVERIFY(confirm);
        QVERIFY(!confirm->isConfirmable());
        confirm->nameEdit()->setText(QStringLiteral("pgdesk_demo"));
        confirm->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(finished.wait(15000));
        QCOMPARE(value(5), QStringLiteral("batch"));
        pgdesk::test::psql(QStringLiteral("update %1.t set v = 'v' || id").arg(kSchema));
    }

    // An import into production asks for the database's name first; declined, nothing is written.
    void importAsksForTheDatabaseName() {
        const QString path = m_dir.filePath(QStringLiteral("rows.csv"));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("id,v\n101,imported\n102,imported too\n");
        csv.close();
        auto connection = m_pool->acquire();
        const core::TableInfo table = core::CatalogReader(*connection).table(kSchema, QStringLiteral("t"));
        connection = {};
        ui::ImportDialog d(m_pool, table);
        QSignalSpy updated(&d, &ui::ImportDialog::previewUpdated);
        d.setPath(path);
        QVERIFY(!updated.isEmpty() || updated.wait(10000));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));
        QSignalSpy finished(&d, &ui::ImportDialog::finished);

        d.start();
        auto* confirm =
            waitForChild<ui::ProductionConfirmDialog>(&d, QStringLiteral("productionConfirmDialog"));
        QVERIFY(confirm);
        QVERIFY(!d.isRunning());
        confirm->reject();
        QTest::qWait(200);
        QVERIFY(!d.isRunning());
        QCOMPARE(finished.size(), 0);
        QCOMPARE(value(101), QString());

        d.start();
        QTRY_VERIFY_WITH_TIMEOUT((confirm = d.findChild<ui::ProductionConfirmDialog*>(
                                      QStringLiteral("productionConfirmDialog"))) != nullptr,
                                 5000);
        const QString summary = confirm->findChild<QLabel*>(QStringLiteral("productionSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("rows.csv")), qPrintable(summary));
        confirm->nameEdit()->setText(QStringLiteral("pgdesk_demo"));
        confirm->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(value(101), QStringLiteral("imported"));
        pgdesk::test::psql(QStringLiteral("delete from %1.t where id > 100").arg(kSchema));
    }

    // pg_restore into a production session's server: the name of the target database is typed first, and
    // pg_restore then runs writable (its profile's read-only guard lifted for that run only).
    void restoreAsksForTheDatabaseName() {
        const QString target =
            QStringLiteral("tst_prodguard_restore_%1").arg(QCoreApplication::applicationPid());
        const QString archive = m_dir.filePath(QStringLiteral("t.dump"));
        QProcess dump;
        dump.start(core::findDumpProgram(QStringLiteral("pg_dump"), 0).path,
                   {QStringLiteral("--format=custom"), QStringLiteral("--file=") + archive,
                    QStringLiteral("--table=%1.t").arg(kSchema),
                    QStringLiteral("--host=") + pgdesk::test::cluster().dir,
                    QStringLiteral("--port=%1").arg(pgdesk::test::cluster().port),
                    QStringLiteral("--username=") + pgdesk::test::cluster().user,
                    QStringLiteral("pgdesk_demo")});
        QVERIFY(dump.waitForFinished(30000));
        QVERIFY2(dump.exitCode() == 0, dump.readAllStandardError().constData());
        pgdesk::test::psql(QStringLiteral("create database %1").arg(target), QStringLiteral("postgres"));
        pgdesk::test::psql(QStringLiteral("create schema %1").arg(kSchema), target);

        ui::RestoreDialog restore(m_pool);
        restore.setConfirmation([](const QString&) { return true; });
        restore.setPath(archive);
        restore.setDatabase(target);
        QSignalSpy finished(&restore, &ui::RestoreDialog::finished);
        bool asked = false;
        QTimer::singleShot(0, &restore, [&] {
            auto* confirm = waitForChild<ui::ProductionConfirmDialog>(
                &restore, QStringLiteral("productionConfirmDialog"));
            asked = confirm != nullptr;
            if (!confirm)
                return;
            confirm->nameEdit()->setText(target);
            confirm->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        restore.start();
        QVERIFY(asked);
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(
            pgdesk::test::psql(QStringLiteral("select count(*) from %1.t").arg(kSchema), target).trimmed(),
            QStringLiteral("5"));
        pgdesk::test::psql(QStringLiteral("drop database %1 with (force)").arg(target),
                           QStringLiteral("postgres"));
    }

    // A query tab: its writes are refused until it unlocks writing, and the refusal says how; unlocked, it
    // asks for the database's name first (as Apply does), with a sweeping statement's estimate.
    void queryToolWritesOnlyUnlocked() {
        ui::QueryTool t(m_pool, QStringLiteral("prod"), nullptr,
                        m_dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(t.writeUnlock()->isGuarded());
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        QVERIFY(t.writeUnlock()->isVisible());
        const QString update = QStringLiteral("update %1.t set v = 'q' where id = 1").arg(kSchema);
        t.setSql(update);
        QSignalSpy done(&t, &ui::QueryTool::runFinished);
        t.run();
        QVERIFY(done.wait(20000));
        QVERIFY2(t.messages()->toPlainText().contains(QLatin1String("25006")) ||
                     t.messages()->toPlainText().contains(QLatin1String("read-only transaction")),
                 qPrintable(t.messages()->toPlainText()));
        QVERIFY2(t.messages()->toPlainText().contains(QLatin1String("Unlock writing in the toolbar")),
                 qPrintable(t.messages()->toPlainText()));
        QCOMPARE(value(1), QStringLiteral("v1"));
        t.writeUnlock()->click();
        t.run();
        auto* dialog =
            waitForChild<ui::ProductionConfirmDialog>(&t, QStringLiteral("productionConfirmDialog"));
        QVERIFY(dialog);
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("pgdesk_demo"));
        QVERIFY(ok->isEnabled());
        ok->click();
        QVERIFY(done.wait(20000));
        QCOMPARE(value(1), QStringLiteral("q"));
        // A DELETE without WHERE: the question shows the planner's estimate; Cancel runs nothing.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the first question is gone
        QVERIFY(!t.findChild<ui::ProductionConfirmDialog*>());
        t.setSql(QStringLiteral("delete from %1.t").arg(kSchema));
        done.clear();
        t.run();
        dialog = waitForChild<ui::ProductionConfirmDialog>(&t, QStringLiteral("productionConfirmDialog"));
        QVERIFY(dialog);
        const QString summary = dialog->findChild<QLabel*>(QStringLiteral("productionSummary"))->text();
        QVERIFY2(
            summary.contains(QStringLiteral("DELETE without WHERE deletes every row of %1.t").arg(kSchema)) &&
                summary.contains(QLatin1String("planner's estimate")),
            qPrintable(summary));
        dialog->reject(); // Cancel: the run ends at once, nothing sent
        QVERIFY(!done.isEmpty() || done.wait(20000));
        QCOMPARE(value(1), QStringLiteral("q"));
        pgdesk::test::psql(QStringLiteral("update %1.t set v = 'v1' where id = 1").arg(kSchema));
    }

    // The profile editor's Environment page.
    void profileEditorKeepsEnvironmentColourAndFolder() {
        ui::ProfileEditor editor;
        core::ConnectionProfile p = production();
        p.colour = QStringLiteral("#00ff00");
        p.folder = QStringLiteral("Clients/Acme");
        editor.setProfile(p);
        core::ConnectionProfile back = editor.profile();
        QCOMPARE(back.environment, core::Environment::Production);
        QCOMPARE(back.colour, QStringLiteral("#00ff00"));
        QCOMPARE(back.folder, QStringLiteral("Clients/Acme"));
        auto* environment = editor.findChild<QComboBox*>(QStringLiteral("environment"));
        QVERIFY(environment);
        environment->setCurrentIndex(environment->findData(int(core::Environment::Test)));
        auto* folder = editor.findChild<QLineEdit*>(QStringLiteral("folder"));
        folder->setText(QStringLiteral(" Clients / Other/ "));
        back = editor.profile();
        QCOMPARE(back.environment, core::Environment::Test);
        QCOMPARE(back.folder, QStringLiteral("Clients/Other"));
    }
};

PGDESK_UI_TEST_MAIN(TestProductionGuardUi)
#include "tst_productionguard_ui.moc"
