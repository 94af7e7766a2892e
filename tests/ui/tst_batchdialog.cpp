// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/batchdialog.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using pgdesk::core::BatchAction;
using pgdesk::ui::BatchDialog;
using pgdesk::ui::TableBrowser;

// Batch operations from the grid, against the real server: counted first, one transaction, the count
// checked again at the run, NULL distinct from '', cancel and failures write nothing.
class TestBatchDialog final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("batch_ui");

    QString sql(const QString& text) const {
        return pgdesk::test::psql(QString(text).replace(QStringLiteral("$S"), m_schema));
    }
    pgdesk::core::TableInfo table(const QString& name) const {
        auto c = pgdesk::core::Connection::open(pgdesk::test::profile());
        return pgdesk::core::CatalogReader(c).table(m_schema, name);
    }
    static pgdesk::core::Key key(int id) { return {{QStringLiteral("id"), QString::number(id)}}; }
    pgdesk::core::QuerySpec view(const QString& name, int below) const {
        pgdesk::core::QuerySpec spec;
        spec.schema = m_schema;
        spec.table = name;
        spec.filter.conditions << pgdesk::core::Condition{
            QStringLiteral("id"), pgdesk::core::FilterOp::LessThan, {QString::number(below)}, {}};
        return spec;
    }
    static bool countAndRun(BatchDialog& d, qint64 expected) {
        QSignalSpy counted(&d, &BatchDialog::counted);
        d.count();
        if (!counted.wait(15000) || counted.first().first().toLongLong() != expected)
            return false;
        QSignalSpy finished(&d, &BatchDialog::finished);
        d.findChild<QPushButton*>(QStringLiteral("batchRun"))->click();
        return finished.wait(30000) && finished.first().first().toLongLong() == expected;
    }

private slots:
    void initTestCase() {
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create table $S.items (id int primary key, name text, qty int, deleted_at timestamptz,
                                   updated_at timestamptz);
            insert into $S.items (id, name, qty) select i, 'item ' || i, i from generate_series(1, 3000) i;)"));
    }

    void setColumnOnSelection() {
        BatchDialog d(m_pool, table(QStringLiteral("items")), view(QStringLiteral("items"), 100),
                      {key(1), key(2), key(2999)});
        QVERIFY(d.onSelection());
        d.setAction(BatchAction::SetColumn);
        d.setColumn(QStringLiteral("name"));
        d.setValue(QString()); // the empty string, not NULL
        QVERIFY(!d.findChild<QPushButton*>(QStringLiteral("batchRun"))->isEnabled()); // count first
        QVERIFY(countAndRun(d, 3));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where name = ''")), QStringLiteral("3"));
        QCOMPARE(
            sql(QStringLiteral("select count(*) from $S.items where name = '' and updated_at is not null")),
            QStringLiteral("3"));
        QVERIFY2(d.statusText().startsWith(QStringLiteral("Done: 3 row")), qPrintable(d.statusText()));
    }

    void setNullOnEverythingMatching() {
        BatchDialog d(m_pool, table(QStringLiteral("items")), view(QStringLiteral("items"), 501), {});
        QVERIFY(!d.onSelection());
        d.setColumn(QStringLiteral("qty"));
        d.setValue(std::nullopt);
        QVERIFY(d.request().column == QStringLiteral("qty") && !d.request().value);
        QVERIFY(countAndRun(d, 500));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where qty is null")),
                 QStringLiteral("500"));
    }

    void softDeleteRestoreAndHardDelete() {
        BatchDialog soft(m_pool, table(QStringLiteral("items")), view(QStringLiteral("items"), 1001), {});
        soft.setAction(BatchAction::SoftDelete);
        QVERIFY(countAndRun(soft, 1000));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where deleted_at is not null")),
                 QStringLiteral("1000"));

        auto deleted = view(QStringLiteral("items"), 11);
        deleted.scope = pgdesk::core::SoftDeleteScope::Deleted;
        BatchDialog restore(m_pool, table(QStringLiteral("items")), deleted, {});
        restore.setAction(BatchAction::Restore);
        QVERIFY(countAndRun(restore, 10));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where deleted_at is not null")),
                 QStringLiteral("990"));

        // Permanently: the button names the number before anything happens.
        auto all = view(QStringLiteral("items"), 3001);
        all.scope = pgdesk::core::SoftDeleteScope::Deleted;
        BatchDialog hard(m_pool, table(QStringLiteral("items")), all, {});
        hard.setAction(BatchAction::HardDelete);
        QSignalSpy counted(&hard, &BatchDialog::counted);
        hard.count();
        QVERIFY(counted.wait(15000));
        auto* run = hard.findChild<QPushButton*>(QStringLiteral("batchRun"));
        QCOMPARE(run->text(), QStringLiteral("Delete 990 rows permanently"));
        // Changing the action drops the count: Run is off until counted again.
        hard.setAction(BatchAction::SoftDelete);
        QVERIFY(!run->isEnabled());
        hard.setAction(BatchAction::HardDelete);
        QVERIFY(countAndRun(hard, 990));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items")), QStringLiteral("2010"));
    }

    // Someone else changes the rows between the count and the run: nothing is written.
    void countChangedMeanwhileWritesNothing() {
        BatchDialog d(m_pool, table(QStringLiteral("items")), view(QStringLiteral("items"), 2001), {});
        d.setColumn(QStringLiteral("name"));
        d.setValue(QStringLiteral("should not stay"));
        QSignalSpy counted(&d, &BatchDialog::counted);
        d.count();
        QVERIFY(counted.wait(15000));
        const qint64 n = counted.first().first().toLongLong();
        QVERIFY(n > 0);
        sql(QStringLiteral("insert into $S.items (id, name) values (0, 'new meanwhile')"));
        QSignalSpy failed(&d, &BatchDialog::failed);
        d.run();
        QVERIFY(failed.wait(15000));
        QVERIFY2(d.statusText().startsWith(QStringLiteral("Nothing was changed")),
                 qPrintable(d.statusText()));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where name = 'should not stay'")),
                 QStringLiteral("0"));
        QVERIFY(!d.countedRows()); // count again before another try
    }

    // An option changed while counting drops that count: only a count of what is on screen reaches Run.
    void countOfOtherOptionsIsDropped() {
        BatchDialog d(m_pool, table(QStringLiteral("items")), view(QStringLiteral("items"), 11), {key(1)});
        QSignalSpy counted(&d, &BatchDialog::counted);
        d.count();
        QVERIFY(d.isBusy());
        d.setOnSelection(false); // every matching row now, not the one selected
        QVERIFY(!d.isBusy());
        d.count();
        QVERIFY(counted.wait(15000));
        QTest::qWait(200); // a stale reply would have come by now
        QCOMPARE(counted.size(), 1);
        const qint64 matching =
            sql(QStringLiteral("select count(*) from $S.items where id < 11 and deleted_at is null"))
                .toLongLong();
        QVERIFY(matching != 1);
        QCOMPARE(d.countedRows(), std::optional<qint64>(matching));
    }

    // From the grid: the selection's keys go to the dialog, and the tab reloads after the commit.
    void fromTheGridSelection() {
        TableBrowser b(m_pool, m_schema, QStringLiteral("items"));
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        QVERIFY(loaded.wait(15000));
        auto* selection = b.view()->selectionModel();
        selection->select(b.model()->index(0, 1), QItemSelectionModel::Select);
        selection->select(b.model()->index(2, 1), QItemSelectionModel::Select);
        const QString first = b.model()->index(0, 0).data(Qt::EditRole).toString();
        const QString third = b.model()->index(2, 0).data(Qt::EditRole).toString();
        BatchDialog* d = b.openBatchDialog();
        QVERIFY(d);
        QVERIFY(d->onSelection());
        d->setColumn(QStringLiteral("name"));
        d->setValue(QStringLiteral("from the grid ✓"));
        loaded.clear();
        QVERIFY(countAndRun(*d, 2));
        QVERIFY(loaded.wait(15000)); // reloaded
        QCOMPARE(b.model()->index(0, 1).data(Qt::EditRole).toString(), QStringLiteral("from the grid ✓"));
        QCOMPARE(sql(QStringLiteral("select string_agg(id::text, ',' order by id) from $S.items "
                                    "where name = 'from the grid ✓'")),
                 first + QLatin1Char(',') + third);
    }
};

PGDESK_UI_TEST_MAIN(TestBatchDialog)
#include "tst_batchdialog.moc"
