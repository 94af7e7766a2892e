// SPDX-License-Identifier: GPL-3.0-or-later
// The browser's own queries through pgbouncer in transaction pooling mode (the `pooler` fixture), with a
// statement timeout that has to travel as SET LOCAL: a table tab pages by keyset, jumps to the last page,
// sorts by a header click and filters; and a row holding a 100 MiB bytea and a 10 MiB text loads on the
// worker and displays without blocking the GUI thread.
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/roundtrips.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/valueviewer.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>

using pgdesk::ui::TableBrowser;

class TestPooledBrowser final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema;

    static bool waitLoaded(TableBrowser& b, int ms = 15000) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(ms);
    }

private slots:
    void initTestCase() {
        pgdesk::core::ConnectionProfile profile = pgdesk::test::poolerProfile();
        profile.statementTimeoutMs = 20000;
        m_pool = pgdesk::core::Pool::create(profile);
        m_schema = QStringLiteral("tst_pooledui_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table %1.big (id int primary key, b bytea, t text);"
                "insert into %1.big values (1, (select decode(string_agg(md5(g::text), ''), 'hex')"
                "  from generate_series(1, 6553600) g), repeat('y', 10485760)), (2, '\\x01', 'small')")
                .arg(m_schema));
    }

    void pagesSortsAndFilters() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->rowCount(), 100);
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("1"));
        b.nextPage();
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("101"));
        b.lastPage();
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(99, 0).data().toString(), QStringLiteral("1000000"));
        emit b.view()->horizontalHeader()->sectionClicked(0); // order_id descending after ascending
        QVERIFY(waitLoaded(b));
        emit b.view()->horizontalHeader()->sectionClicked(0);
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("1000000"));
        pgdesk::core::FilterGroup filter;
        pgdesk::core::Condition c;
        c.column = QStringLiteral("order_id");
        c.op = pgdesk::core::FilterOp::Between;
        c.values = {QStringLiteral("10"), QStringLiteral("14")};
        filter.conditions << c;
        b.setFilter(filter);
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->rowCount(), 5);
    }

    void hugeValuesDisplayWithoutBlocking() {
        pgdesk::core::ThreadRoundTrips gui;
        QElapsedTimer timer;
        timer.start();
        TableBrowser b(m_pool, m_schema, QStringLiteral("big"));
        QVERIFY2(gui.count() == 0, "opening the tab talked to the server on the GUI thread");
        // While the 200 MB of hex text arrive on the worker, the event loop keeps turning.
        QElapsedTimer gap;
        gap.start();
        qint64 longestGap = 0;
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, [&] { longestGap = std::max(longestGap, gap.restart()); });
        tick.start(10);
        QVERIFY(waitLoaded(b, 60000));
        tick.stop();
        const qint64 loadMs = timer.elapsed();
        QCOMPARE(b.model()->rowCount(), 2);
        timer.restart();
        const QString bytes = b.model()->index(0, 1).data().toString();
        const QString text = b.model()->index(0, 2).data().toString();
        const qint64 displayMs = timer.elapsed();
        QVERIFY2(bytes.size() < 1000 &&
                     bytes.startsWith(QLocale().toString(qlonglong(104857600)) + QLatin1String(" bytes")),
                 qPrintable(bytes.left(200)));
        QVERIFY2(text.size() < 1000, qPrintable(QString::number(text.size())));
        qInfo("100 MiB bytea + 10 MiB text: loaded in %lld ms, longest GUI pause %lld ms, cells drawn in "
              "%lld ms",
              loadMs, longestGap, displayMs);
        QVERIFY2(longestGap < 1000, qPrintable(QString::number(longestGap)));
        QVERIFY2(displayMs < 200, qPrintable(QString::number(displayMs)));

        // The page brought the values cut; View value loads the 100 MiB whole on a worker (the event loop
        // keeps turning) and shows its beginning, with Copy for all of it.
        QVERIFY(b.model()->isCut(0, 1));
        timer.restart();
        gap.restart();
        longestGap = 0;
        tick.start(10);
        b.viewValue(b.model()->index(0, 1));
        QTRY_VERIFY_WITH_TIMEOUT(b.findChild<pgdesk::ui::ValueViewer*>() != nullptr, 60000);
        tick.stop();
        const qint64 viewMs = timer.elapsed();
        auto* viewer = b.findChild<pgdesk::ui::ValueViewer*>();
        QCOMPARE(viewer->shownText().remove(QLatin1Char('\n')).size(), 256 * 1024);
        QVERIFY(!b.model()->isCut(0, 1));
        QCOMPARE(b.model()->value(0, 1)->size(), 2 + 2 * 104857600);
        qInfo("View value on the 100 MiB bytea: whole value loaded and shown in %lld ms, longest GUI pause "
              "%lld ms",
              viewMs, longestGap);
        QVERIFY2(longestGap < 1000, qPrintable(QString::number(longestGap)));
    }
};

PGDESK_UI_TEST_MAIN(TestPooledBrowser)
#include "tst_pooledbrowser.moc"
