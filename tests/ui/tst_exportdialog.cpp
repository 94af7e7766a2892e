// SPDX-License-Identifier: GPL-3.0-or-later
// The export dialog writes the current view through the core export engine off the GUI thread: the file
// equals psql's \copy of the same rows, and Cancel leaves no file while the window keeps running.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/transfer/exportdialog.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace core = pgdesk::core;
using pgdesk::ui::ExportDialog;

class TestExportDialog final : public QObject {
    Q_OBJECT
    std::shared_ptr<core::Pool> m_pool;

private slots:
    void initTestCase() { m_pool = core::Pool::create(pgdesk::test::profile()); }

    void exportsTheFilteredSortedView() {
        QTemporaryDir dir;
        core::QuerySpec spec;
        spec.schema = QStringLiteral("inventory");
        spec.table = QStringLiteral("products");
        spec.filter.conditions = {core::conditionFromText(QStringLiteral("status equal draft"))};
        spec.sort = {core::sortKeyFromText(QStringLiteral("price:desc"))};
        ExportDialog dialog(m_pool, spec);
        dialog.setFormat(QStringLiteral("csv"));
        QVERIFY(dialog.path().endsWith(QLatin1String("products.csv")));
        dialog.setPath(dir.filePath(QStringLiteral("drafts.csv")));
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        dialog.start();
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("60 rows")));

        const QString expected = dir.filePath(QStringLiteral("psql.csv"));
        pgdesk::test::psql(QStringLiteral("\\copy (select * from inventory.products where status = 'draft' "
                                          "order by price desc, product_id) to '%1' csv header")
                               .arg(expected));
        QFile a(dir.filePath(QStringLiteral("drafts.csv")));
        QFile b(expected);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }

    // Two connections copy the table's pages: the file is psql's \copy, the status says so.
    void twoConnectionsWriteTheTablesStoredOrder() {
        QTemporaryDir dir;
        core::QuerySpec spec;
        spec.schema = QStringLiteral("public");
        spec.table = QStringLiteral("big_orders");
        ExportDialog dialog(m_pool, spec);
        QCOMPARE(dialog.jobs(), 0); // automatic
        dialog.setFormat(QStringLiteral("json"));
        QComboBox* connections = nullptr;
        for (QComboBox* c : dialog.findChildren<QComboBox*>())
            if (c->accessibleName() == QLatin1String("Connections"))
                connections = c;
        QVERIFY(connections);
        QVERIFY(!connections->isEnabled()); // JSON is one stream
        dialog.setFormat(QStringLiteral("csv"));
        QVERIFY(connections->isEnabled());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("64 MiB")), qPrintable(dialog.statusText()));
        dialog.setJobs(2);
        QCOMPARE(dialog.jobs(), 2);
        QCOMPARE(dialog.statusText(),
                 QStringLiteral(
                     "Every row of public.big_orders, read by 2 connections in the table's stored order."));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Export public.big_orders"));
        dialog.setPath(dir.filePath(QStringLiteral("orders.csv")));
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        dialog.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("Read by 2 connections")),
                 qPrintable(dialog.statusText()));
        const QString expected = dir.filePath(QStringLiteral("psql.csv"));
        // From the first page: a scan of this table cancelled by another test may have left the server's
        // synchronized-scan hint in its middle, where psql's scan would start.
        qputenv("PGOPTIONS", "-c synchronize_seqscans=off");
        pgdesk::test::psql(QStringLiteral("\\copy public.big_orders to '%1' csv header").arg(expected));
        qunsetenv("PGOPTIONS");
        QFile a(dir.filePath(QStringLiteral("orders.csv")));
        QFile b(expected);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() == b.readAll());
    }

    void cancelLeavesNoFile() {
        QTemporaryDir dir;
        core::QuerySpec spec;
        spec.schema = QStringLiteral("public");
        spec.table = QStringLiteral("big_orders");
        ExportDialog dialog(m_pool, spec);
        dialog.setFormat(QStringLiteral("json"));
        dialog.setPath(dir.filePath(QStringLiteral("orders.json")));
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
        timer.start(10);
        dialog.start();
        QTest::qWait(150);
        dialog.reject(); // Cancel while running: cancels, the dialog stays until the export stops
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Nothing was written")),
                 qPrintable(dialog.statusText()));
        QVERIFY(ticks > 5); // the event loop kept running
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }

    // The dialog says what `pgdesk-cli export` says of the same export (both run core::ExportRun): cells cut
    // at Excel's 32,767 characters, columns the role may not read, rows the view's scope leaves out.
    void saysWhatTheCliSays() {
        const QString schema = QStringLiteral("export_dialog_%1").arg(QCoreApplication::applicationPid());
        const QString role = schema + QStringLiteral("_reader");
        pgdesk::test::psql(
            QStringLiteral("create schema %1; create table %1.notes (id int primary key, body text, "
                           "deleted_at timestamptz, secret text); insert into %1.notes values "
                           "(1, repeat('x', 40000), null, 's'), (2, 'short', now(), 's');"
                           "create role %2 login password 'pw'; grant usage on schema %1 to %2; "
                           "grant select (id, body, deleted_at) on %1.notes to %2")
                .arg(schema, role));
        core::ConnectionProfile profile = pgdesk::test::profile();
        profile.user = role;
        QTemporaryDir dir;
        core::QuerySpec spec;
        spec.schema = schema;
        spec.table = QStringLiteral("notes");
        {
            ExportDialog dialog(core::Pool::create(profile, QStringLiteral("pw")), spec);
            dialog.setFormat(QStringLiteral("xlsx"));
            dialog.setPath(dir.filePath(QStringLiteral("notes.xlsx")));
            QSignalSpy finished(&dialog, &ExportDialog::finished);
            dialog.start();
            QVERIFY(finished.wait(20000));
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
            const QString said = dialog.statusText();
            QVERIFY2(said.contains(QStringLiteral("Exported 1 row")), qPrintable(said));
            QVERIFY2(said.contains(QStringLiteral("1 cell(s) were cut at Excel's 32,767 characters")) ||
                         said.contains(QStringLiteral("1 cell was cut")),
                     qPrintable(said));
            QVERIFY2(said.contains(QStringLiteral("Not exported: secret (no SELECT privilege)")),
                     qPrintable(said));
            QVERIFY2(said.contains(QStringLiteral("Soft-deleted rows are left out")), qPrintable(said));
        }
        pgdesk::test::psql(
            QStringLiteral("drop schema %1 cascade; drop owned by %2; drop role %2").arg(schema, role));
    }
};

PGDESK_UI_TEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
