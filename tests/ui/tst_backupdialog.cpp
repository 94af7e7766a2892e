// SPDX-License-Identifier: GPL-3.0-or-later
// The backup dialog runs pg_dump off the GUI thread: its command text follows the options, a backup runs to
// completion with progress, Cancel leaves no file; the restore dialog names the database it asks about.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/backupdialog.h>
#include <pgdesk/ui/admin/restoredialog.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

namespace core = pgdesk::core;
using pgdesk::test::psql;
using pgdesk::ui::BackupDialog;
using pgdesk::ui::RestoreDialog;

namespace {

const QString source = QStringLiteral("pgdesk_backupdialog_src");
const QString target = QStringLiteral("pgdesk_backupdialog_dst");

QStringList entries(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestBackupDialog final : public QObject {
    Q_OBJECT
    std::shared_ptr<core::Pool> m_pool;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const QString& db : {source, target})
            psql(QStringLiteral("drop database if exists %1").arg(db), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(source), QStringLiteral("postgres"));
        psql(QStringLiteral(
                 "create schema sales; create table sales.a(id int primary key); insert into sales.a "
                 "select generate_series(1, 100); create table sales.b(t text); insert into sales.b "
                 "values ('x'), ('y'); create table public.c(v int)"),
             source);
        m_pool = core::Pool::create(pgdesk::test::profile(source));
    }

    void cleanupTestCase() {
        m_pool.reset();
        for (const QString& db : {source, target})
            psql(QStringLiteral("drop database if exists %1 with (force)").arg(db),
                 QStringLiteral("postgres"));
    }

    void commandFollowsOptions() {
        BackupDialog dialog(m_pool);
        QSignalSpy ready(&dialog, &BackupDialog::ready);
        QVERIFY(ready.wait(20000));
        QVERIFY(dialog.isReady());
        dialog.setPath(m_dir.filePath(QStringLiteral("x.dump")));
        QString text = dialog.commandText();
        QVERIFY2(text.contains(QLatin1String("pg_dump --format=custom")) &&
                     text.contains(QLatin1String("PGDATABASE=") + source) &&
                     !text.contains(QLatin1String("--schema")),
                 qPrintable(text));
        dialog.setFormat(core::DumpFormat::Plain);
        text = dialog.commandText();
        QVERIFY2(text.contains(QLatin1String("--format=plain")) && text.contains(QLatin1String("x.sql")),
                 qPrintable(text));
        dialog.setSchema(QStringLiteral("Sales Dept"));
        dialog.setContent(core::DumpContent::SchemaOnly);
        dialog.setNoOwner(true);
        text = dialog.commandText();
        QVERIFY2(text.contains(QLatin1String("'--schema=\"Sales Dept\"'")) &&
                     text.contains(QLatin1String("--schema-only")) &&
                     text.contains(QLatin1String("--no-owner")),
                 qPrintable(text));
        dialog.setTable(QStringLiteral("sales"), QStringLiteral("a"));
        text = dialog.commandText();
        QVERIFY2(text.contains(QLatin1String("'--table=\"sales\".\"a\"'")) &&
                     !text.contains(QLatin1String("--schema=")),
                 qPrintable(text));
        // The shown text is the widget's.
        auto* shown = dialog.findChild<QObject*>(QStringLiteral("backupCommand"));
        QVERIFY(shown);
        QCOMPARE(shown->property("plainText").toString(), text);
    }

    // A whole-database backup to the end, then restored through the restore dialog into a new database after
    // a confirmation naming it.
    void backupAndRestore() {
        const QString path = m_dir.filePath(QStringLiteral("whole.dump"));
        BackupDialog dialog(m_pool);
        QSignalSpy ready(&dialog, &BackupDialog::ready);
        QVERIFY(ready.wait(20000));
        dialog.setPath(path);
        QSignalSpy finished(&dialog, &BackupDialog::finished);
        dialog.start();
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY2(dialog.statusText().contains(QLatin1String("(3 tables)")), qPrintable(dialog.statusText()));
        auto* bar = dialog.findChild<QProgressBar*>(QStringLiteral("backupProgress"));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(QFile::exists(path));

        psql(QStringLiteral("create database %1").arg(target), QStringLiteral("postgres"));
        RestoreDialog restore(m_pool);
        QString asked;
        restore.setConfirmation([&asked](const QString& question) {
            asked = question;
            return true;
        });
        restore.setPath(path);
        restore.setDatabase(target);
        QVERIFY(
            restore.commandText().contains(QLatin1String("pg_restore --format=custom --dbname=") + target));
        QSignalSpy restored(&restore, &RestoreDialog::finished);
        restore.start();
        QVERIFY2(asked.contains(QLatin1String("\"%1\"").arg(target)), qPrintable(asked));
        QVERIFY(restored.wait(60000));
        QVERIFY2(restored.first().at(0).toBool(), qPrintable(restored.first().at(1).toString()));
        QCOMPARE(psql(QStringLiteral("select count(*) from sales.a"), target).trimmed(),
                 QStringLiteral("100"));

        // Declined: nothing runs.
        restore.setConfirmation([](const QString&) { return false; });
        restored.clear();
        restore.start();
        QVERIFY(!restore.isRunning());
        QCOMPARE(restored.size(), 0);
    }

    // The suggested file is named after what is backed up (a table's dump is not "<database>.dump"), a file
    // the user chose stays; the compressed format starts at pg_dump's default compression, not at 0; one
    // table is "1 table".
    // A plain file's restore command says what the run adds: the file is checked and psql runs restricted.
    void plainRestoreSaysItIsRestricted() {
        const QString path = m_dir.filePath(QStringLiteral("plain.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SELECT 1;\n");
        file.close();
        RestoreDialog restore(m_pool);
        restore.setPath(path);
        restore.setDatabase(QStringLiteral("somewhere"));
        QVERIFY2(restore.commandText().contains(QLatin1String("psql")), qPrintable(restore.commandText()));
        QVERIFY2(restore.commandText().contains(QLatin1String("\\restrict")),
                 qPrintable(restore.commandText()));
    }

    // A preparation that fails on the worker (the target database does not exist) ends the run with its
    // message: not running, the start button back on, finished(false).
    void restoreIntoMissingDatabaseFails() {
        const QString path = m_dir.filePath(QStringLiteral("missing.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SELECT 1;\n");
        file.close();
        RestoreDialog restore(m_pool);
        restore.setConfirmation([](const QString&) { return true; });
        restore.setPath(path);
        restore.setDatabase(QStringLiteral("pgdesk_backupdialog_nowhere"));
        QSignalSpy finished(&restore, &RestoreDialog::finished);
        restore.start();
        QVERIFY(restore.isRunning());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(QLatin1String("pgdesk_backupdialog_nowhere")), qPrintable(message));
        QCOMPARE(restore.statusText(), message);
        QVERIFY(!restore.isRunning());
        auto* start = restore.findChild<QWidget*>(QStringLiteral("restoreStart"));
        QVERIFY(start && start->isEnabled());
        auto* bar = restore.findChild<QProgressBar*>(QStringLiteral("restoreProgress"));
        QCOMPARE(bar->maximum(), 1); // no longer busy
    }

    void defaultsAndOneTable() {
        BackupDialog dialog(m_pool);
        QSignalSpy ready(&dialog, &BackupDialog::ready);
        QVERIFY(ready.wait(20000));
        QCOMPARE(QFileInfo(dialog.path()).fileName(), source + QStringLiteral(".dump"));
        auto* compression = dialog.findChild<QSpinBox*>(QStringLiteral("backupCompression"));
        QVERIFY(compression);
        QCOMPARE(compression->value(), -1);
        QCOMPARE(compression->text(), compression->specialValueText());
        QVERIFY2(!dialog.commandText().contains(QLatin1String("--compress")),
                 qPrintable(dialog.commandText()));
        dialog.setTable(QStringLiteral("sales"), QStringLiteral("b"));
        QCOMPARE(QFileInfo(dialog.path()).fileName(), QStringLiteral("b.dump"));
        dialog.setFormat(core::DumpFormat::Plain);
        QCOMPARE(QFileInfo(dialog.path()).fileName(), QStringLiteral("b.sql"));
        dialog.setFormat(core::DumpFormat::Custom);
        dialog.setSchema(QStringLiteral("a/b"));
        QCOMPARE(QFileInfo(dialog.path()).fileName(), QStringLiteral("a_b.dump"));
        dialog.setPath(m_dir.filePath(QStringLiteral("mine.dump")));
        dialog.setTable(QStringLiteral("sales"), QStringLiteral("b"));
        QCOMPARE(dialog.path(), m_dir.filePath(QStringLiteral("mine.dump")));

        QSignalSpy finished(&dialog, &BackupDialog::finished);
        dialog.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY2(dialog.statusText().endsWith(QLatin1String("(1 table).")), qPrintable(dialog.statusText()));
    }

    // Cancel while pg_dump waits on a lock this test holds: no file, the dialog says so.
    void cancel() {
        auto holder = core::Connection::open(pgdesk::test::profile(source));
        holder.exec(QStringLiteral("begin; lock table sales.b in access exclusive mode"));
        const QString folder = m_dir.filePath(QStringLiteral("cancel"));
        QVERIFY(QDir().mkpath(folder));
        BackupDialog dialog(m_pool);
        QSignalSpy ready(&dialog, &BackupDialog::ready);
        QVERIFY(ready.wait(20000));
        dialog.setPath(folder + QStringLiteral("/c.dump"));
        QSignalSpy finished(&dialog, &BackupDialog::finished);
        dialog.start();
        // Wait until pg_dump itself runs (the count comes first, on a worker).
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && !dialog.statusText().startsWith(QLatin1String("Backing up")))
            QTest::qWait(50);
        QVERIFY2(dialog.statusText().startsWith(QLatin1String("Backing up")),
                 qPrintable(dialog.statusText()));
        QTest::qWait(300);
        dialog.reject(); // Cancel while running cancels, the dialog stays
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(dialog.statusText().contains(QLatin1String("Cancelled")), qPrintable(dialog.statusText()));
        QCOMPARE(entries(folder), QStringList());
        holder.exec(QStringLiteral("rollback"));
    }
};

PGDESK_UI_TEST_MAIN(TestBackupDialog)
#include "tst_backupdialog.moc"
