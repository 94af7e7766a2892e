// SPDX-License-Identifier: GPL-3.0-or-later
// Connection ▸ Top statements against the real server, offscreen: the window between two snapshots shows a
// statement with exactly the calls made in it; "since reset" shows lifetime totals; a database without
// pg_stat_statements says what to do.
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/statementsview.h>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using pgdesk::test::psql;
using pgdesk::ui::StatementsModel;
using pgdesk::ui::StatementsView;

namespace {

qint64 callsOf(const StatementsModel& model, const QString& marker) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data(StatementsModel::QueryRole).toString().contains(marker))
            return model.statements()[row].calls;
    return -1;
}

} // namespace

class TestStatementsView final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;

private slots:
    void initTestCase() {
        psql(QStringLiteral("create extension if not exists pg_stat_statements"));
        psql(QStringLiteral("create extension if not exists pg_qualstats"));
        psql(QStringLiteral("create extension if not exists hypopg"));
        m_scratch.emplace(
            QStringLiteral("tst_statementsview_%1").arg(QCoreApplication::applicationPid()),
            QStringLiteral("create table $S.counted (id int);"
                           "create table $S.events (id int primary key, kind int);"
                           "insert into $S.events select g, g % 500 from generate_series(1, 100000) g;"
                           "analyze $S.events;"));
    }
    void cleanupTestCase() { m_scratch.reset(); }

    void windowShowsTheCallsMadeInIt() {
        const QString marker = m_scratch->name() + QStringLiteral(".counted");
        // pg_stat_statements tells statements apart by their parse tree (not comments or constants): the
        // suite's own table makes the statement its own.
        const QString sql = QStringLiteral("select count(*) from %1").arg(marker);
        StatementsView view(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&view, &StatementsView::loaded);
        view.setWindowSeconds(300); // no timer tick during the test: refreshes are the test's
        view.show();
        QVERIFY(loaded.wait(10000)); // the first snapshot
        QVERIFY2(view.stateText().contains(QStringLiteral("first snapshot")), qPrintable(view.stateText()));
        for (int i = 0; i < 3; ++i)
            psql(sql);
        view.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(callsOf(*view.model(), sql), 3);
        QVERIFY2(view.stateText().contains(QStringLiteral("second")), qPrintable(view.stateText()));
        view.refresh(); // nothing ran since: it is not listed
        QVERIFY(loaded.wait(10000));
        QCOMPARE(callsOf(*view.model(), sql), -1);
        // Since reset: the lifetime totals.
        view.setWindowSeconds(0);
        QTRY_COMPARE(callsOf(*view.model(), sql), 3);
        QVERIFY(view.stateText().contains(QStringLiteral("since the statistics were reset")));
    }

    // Suggest Indexes: a filter on an unindexed column, run by the workload, is suggested; nothing is built.
    void suggestsAnIndexForTheWorkload() {
        const QString events = m_scratch->name() + QStringLiteral(".events");
        for (int i = 0; i < 2; ++i)
            psql(QStringLiteral("select count(*) from %1 where kind = %2").arg(events).arg(11 + i));
        StatementsView view(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QSignalSpy suggested(&view, &StatementsView::suggested);
        view.suggestIndexes();
        QVERIFY(suggested.wait(30000));
        QVERIFY2(suggested.first().first().toInt() >= 1, qPrintable(view.stateText()));
        QTableWidget* table = view.suggestions();
        bool found = false;
        for (int row = 0; row < table->rowCount(); ++row)
            found = found || (table->item(row, 2)->text().contains(events) &&
                              table->item(row, 2)->text().contains(QStringLiteral("(kind)")));
        QVERIFY(found);
        QCOMPARE(psql(QStringLiteral("select count(*) from pg_indexes where schemaname = '%1'")
                          .arg(m_scratch->name())),
                 QStringLiteral("1")); // events' primary key alone
    }

    void withoutTheExtensionItSaysWhatToDo() {
        StatementsView view(pgdesk::core::Pool::create(pgdesk::test::profile(QStringLiteral("postgres"))));
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            view.stateText().contains(QStringLiteral("CREATE EXTENSION pg_stat_statements")), 10000);
        QCOMPARE(view.model()->rowCount(), 0);
    }
};

PGDESK_UI_TEST_MAIN(TestStatementsView)
#include "tst_statementsview.moc"
