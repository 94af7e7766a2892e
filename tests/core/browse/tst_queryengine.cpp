// SPDX-License-Identifier: GPL-3.0-or-later
// The query engine against the demo database: keyset paging visits every row once, in order (also deep in
// a big table and without a key), counts, the caller's transaction, the statement observer, streaming into
// a sink, row versions. Filters are in tst_queryfilters.
#include "pagetext.h"
#include "queryenginetest.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/sqlbuilder.h>

#include <QElapsedTimer>
#include <QHash>
#include <QTest>

#include <algorithm>
#include <stdexcept>

using namespace pgdesk::core;
using pgdesk::test::allRows;
using pgdesk::test::condition;
using pgdesk::test::pageColumn;
using pgdesk::test::sqlColumn;

namespace {

// key → value of a two-column statement.
QHash<QString, QString> sqlMap(Connection& c, const QString& sql) {
    const Result r = c.exec(sql);
    QHash<QString, QString> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.insert(r.text(i, 0), r.text(i, 1));
    return out;
}

} // namespace

class TestQueryEngine final : public QObject, private pgdesk::test::DemoFixture {
    Q_OBJECT

private slots:
    void initTestCase() { m_c = Connection::open(pgdesk::test::profile()); }

    // Forward through every page, then backwards from the last page: every row exactly once, in the
    // order of the hand-written ORDER BY, with NULLs and '' in the leading sort column.
    void keysetPaging_data() {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QList<SortKey>>("sort");
        QTest::addColumn<QString>("orderBy"); // the hand-written ORDER BY (alias t)
        QTest::addColumn<int>("pageSize");
        const QString pub = QStringLiteral("public");
        const QString users = QStringLiteral("users");
        const QString id = QStringLiteral("id");
        QTest::newRow("users by bio") << pub << users << id << QList<SortKey>{SortKey{QStringLiteral("bio")}}
                                      << QStringLiteral("t.bio, t.id") << 7;
        QTest::newRow("users by bio desc")
            << pub << users << id << QList<SortKey>{SortKey{QStringLiteral("bio"), true}}
            << QStringLiteral("t.bio desc, t.id") << 7;
        QTest::newRow("users mixed nulls")
            << pub << users << id
            << QList<SortKey>{SortKey{QStringLiteral("bio"), true, SortKey::Nulls::Last},
                              SortKey{QStringLiteral("full_name"), false, SortKey::Nulls::First}}
            << QStringLiteral("t.bio desc nulls last, t.full_name nulls first, t.id") << 7;
        QTest::newRow("products by weight desc, key desc")
            << QStringLiteral("inventory") << QStringLiteral("products") << QStringLiteral("product_id")
            << QList<SortKey>{SortKey{QStringLiteral("weight_kg"), true},
                              SortKey{QStringLiteral("product_id"), true}}
            << QStringLiteral("t.weight_kg desc, t.product_id desc") << 13;
        QTest::newRow("events by ip, composite key")
            << pub << QStringLiteral("events") << QStringLiteral("event_id")
            << QList<SortKey>{SortKey{QStringLiteral("ip"), true, SortKey::Nulls::Last},
                              SortKey{QStringLiteral("user_id"), false, SortKey::Nulls::First}}
            << QStringLiteral("t.ip desc nulls last, t.user_id nulls first, t.event_id, t.occurred_at")
            << 250;
    }
    void keysetPaging() {
        QFETCH(QString, schema);
        QFETCH(QString, table);
        QFETCH(QString, key);
        QFETCH(QList<SortKey>, sort);
        QFETCH(QString, orderBy);
        QFETCH(int, pageSize);
        const TableInfo info = this->table(schema, table);
        const QStringList expected =
            sqlColumn(m_c, QStringLiteral("select t.%1::text from %2.%3 t order by %4")
                               .arg(key, quoteIdentifier(schema), quoteIdentifier(table), orderBy));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.sort = sort;
        spec.page.pageSize = pageSize;

        QStringList forward;
        QList<QStringList> pages;
        for (int guard = 0; guard < 1000; ++guard) {
            const Page page = engine.fetchPage(spec, info);
            QVERIFY(page.rows.size() <= pageSize);
            pages << pageColumn(page, key);
            forward << pages.last();
            if (guard > 0) { // the previous cursor leads back to the page before
                QuerySpec back = spec;
                back.page.afterCursor.clear();
                back.page.beforeCursor = page.prevCursor;
                QVERIFY(!page.prevCursor.isEmpty());
                QCOMPARE(pageColumn(engine.fetchPage(back, info), key), pages.at(pages.size() - 2));
            } else {
                QVERIFY(page.prevCursor.isEmpty());
            }
            if (page.nextCursor.isEmpty())
                break;
            spec.page.afterCursor = page.nextCursor;
        }
        QCOMPARE(forward, expected); // every row once, in order
        QCOMPARE(pages.size(), (expected.size() + pageSize - 1) / pageSize);

        QStringList backward;
        spec.page.afterCursor.clear();
        spec.page.last = true;
        for (int guard = 0; guard < 1000; ++guard) {
            const Page page = engine.fetchPage(spec, info);
            const QStringList ids = pageColumn(page, key);
            if (guard == 0) {
                QCOMPARE(ids, expected.mid(expected.size() - pageSize)); // the last page is full
                QVERIFY(page.nextCursor.isEmpty());
            }
            backward = ids + backward;
            if (page.prevCursor.isEmpty())
                break;
            spec.page.last = false;
            spec.page.beforeCursor = page.prevCursor;
        }
        QCOMPARE(backward, expected);
    }

    void bigOrdersLastPage() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 100;
        spec.page.last = true;
        spec.count = CountMode::Estimate;
        const Page last = engine.fetchPage(spec, info);
        QCOMPARE(
            pageColumn(last, QStringLiteral("order_id")),
            sqlColumn(m_c, QStringLiteral(
                               "select order_id::text from big_orders b order by b.order_id offset 999900 "
                               "limit 100")));
        QCOMPARE(pageColumn(last, QStringLiteral("note")),
                 sqlColumn(m_c, QStringLiteral(
                                    "select coalesce(note, '<NULL>') from big_orders b order by b.order_id "
                                    "offset 999900 limit 100")));
        QVERIFY(last.nextCursor.isEmpty());
        QVERIFY(!last.prevCursor.isEmpty());
        QVERIFY(last.total && *last.total > 900000 && *last.total < 1100000);
        QVERIFY(last.totalIsEstimate);
        QVERIFY(last.elapsedMs < 5000);

        // The page before, by cursor, and a jump by page number.
        spec.page.last = false;
        spec.page.beforeCursor = last.prevCursor;
        QCOMPARE(
            pageColumn(engine.fetchPage(spec, info), QStringLiteral("order_id")),
            sqlColumn(m_c, QStringLiteral(
                               "select order_id::text from big_orders b order by b.order_id offset 999800 "
                               "limit 100")));
        spec.page.beforeCursor.clear();
        spec.page.pageNumber = 5000;
        spec.count = CountMode::None;
        const Page jump = engine.fetchPage(spec, info);
        QCOMPARE(
            pageColumn(jump, QStringLiteral("order_id")),
            sqlColumn(m_c, QStringLiteral(
                               "select order_id::text from big_orders b order by b.order_id offset 499900 "
                               "limit 100")));
        QVERIFY(!jump.nextCursor.isEmpty());
        QVERIFY(!jump.total);
    }

    // A non-key leading sort column on the big table: the seek's redundant range lets the ordered_at
    // index start at the boundary, so deep keyset pages stay cheap and still match OFFSET paging.
    void bigOrdersSortedByTimestamp() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 50;
        spec.sort = {SortKey{QStringLiteral("ordered_at"), true}};
        spec.page.last = true;
        const Page last = engine.fetchPage(spec, info);
        QCOMPARE(pageColumn(last, QStringLiteral("order_id")),
                 sqlColumn(m_c, QStringLiteral(
                                    "select order_id::text from big_orders b order by b.ordered_at desc, "
                                    "b.order_id offset 999950")));
        spec.page.last = false;
        spec.page.beforeCursor = last.prevCursor;
        const Page before = engine.fetchPage(spec, info);
        QCOMPARE(pageColumn(before, QStringLiteral("order_id")),
                 sqlColumn(m_c, QStringLiteral(
                                    "select order_id::text from big_orders b order by b.ordered_at desc, "
                                    "b.order_id offset 999900 limit 50")));
        QVERIFY2(before.elapsedMs < 1000, qPrintable(QString::number(before.elapsedMs)));
        spec.page.beforeCursor.clear();
        spec.page.afterCursor = before.nextCursor;
        QCOMPARE(pageColumn(engine.fetchPage(spec, info), QStringLiteral("order_id")),
                 pageColumn(last, QStringLiteral("order_id")));
    }

    void keylessTablePagesByNumber() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("audit_log"));
        QVERIFY(info.conventions.rowKey.isEmpty());
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 10;
        spec.sort = {SortKey{QStringLiteral("logged_at")}, SortKey{QStringLiteral("actor")}};
        spec.count = CountMode::Exact;
        QStringList seen;
        for (int n = 1; n <= 5; ++n) {
            spec.page.pageNumber = n;
            const Page page = engine.fetchPage(spec, info);
            QVERIFY(page.nextCursor.isEmpty() && page.prevCursor.isEmpty());
            QCOMPARE(page.total, std::optional<qint64>(45));
            seen << pageColumn(page, QStringLiteral("logged_at"));
        }
        QCOMPARE(
            seen,
            sqlColumn(m_c, QStringLiteral(
                               "select logged_at::text from audit_log a order by a.logged_at, a.actor")));
        spec.page.pageNumber.reset();
        spec.page.last = true;
        QCOMPARE(engine.fetchPage(spec, info).rows.size(), 5);
        spec.page.last = false;
        spec.page.afterCursor = QStringLiteral("abc");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, engine.fetchPage(spec, info));
    }

    void counts() {
        QueryEngine engine(m_c);
        const TableInfo users = table(QStringLiteral("public"), QStringLiteral("users"));
        QuerySpec spec = allRows(users);
        spec.page.pageSize = 10;
        spec.count = CountMode::Estimate;
        Page page = engine.fetchPage(spec, users);
        QVERIFY(page.totalIsEstimate);
        QCOMPARE(page.total, std::optional<qint64>(qRound64(users.estimatedRows)));
        QCOMPARE(engine.estimateCount(spec, users), qRound64(users.estimatedRows));
        spec.count = CountMode::Exact;
        page = engine.fetchPage(spec, users);
        QCOMPARE(page.total, std::optional<qint64>(200));
        QVERIFY(!page.totalIsEstimate);
        spec.count = CountMode::None;
        QVERIFY(!engine.fetchPage(spec, users).total);

        // Filtered: the planner's estimate, near the exact count.
        const TableInfo orders = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        spec = allRows(orders);
        spec.page.pageSize = 10;
        spec.filter.conditions = {
            condition(QStringLiteral("status"), FilterOp::Equal, {QStringLiteral("paid")})};
        const qint64 estimate = engine.estimateCount(spec, orders);
        QVERIFY2(estimate > 150000 && estimate < 250000, qPrintable(QString::number(estimate)));
        QCOMPARE(engine.exactCount(spec, orders), 200000);
        spec.count = CountMode::Estimate;
        page = engine.fetchPage(spec, orders);
        QVERIFY(page.totalIsEstimate);
        QVERIFY(page.total && *page.total > 150000 && *page.total < 250000);

        // A page that holds every matching row knows the exact total, whatever the mode.
        const TableInfo customer = table(QStringLiteral("public"), QStringLiteral("customer"));
        spec = allRows(customer);
        spec.count = CountMode::Estimate;
        spec.filter.conditions = {
            condition(QStringLiteral("customer_id"), FilterOp::LessThan, {QStringLiteral("11")})};
        page = engine.fetchPage(spec, customer);
        QCOMPARE(page.total, std::optional<qint64>(10));
        QVERIFY(!page.totalIsEstimate);
    }

    // Inside the caller's transaction the engine runs there (and sees the caller's uncommitted rows).
    void insideCallerTransaction() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("x"));
        m_c.exec(QStringLiteral("begin"));
        m_c.exec(QStringLiteral("insert into public.x values (2, 'temporary 100% _\\')"));
        QuerySpec spec = allRows(info);
        spec.filter.conditions = {
            condition(QStringLiteral("note"), FilterOp::Contains, {QStringLiteral("100% _\\")})};
        const Page page = QueryEngine(m_c).fetchPage(spec, info);
        QCOMPARE(pageColumn(page, QStringLiteral("id")), QStringList{QStringLiteral("2")});
        QVERIFY(m_c.inTransaction());
        m_c.exec(QStringLiteral("rollback"));
        QCOMPARE(sqlColumn(m_c, QStringLiteral("select count(*) from public.x")),
                 QStringList{QStringLiteral("1")});
    }

    // Page queries go through libpq directly (single-row mode) but still reach the statement observer
    // that feeds the SQL log, with their bound values (or <hidden> when the profile hides them).
    void pageQueriesReachTheStatementObserver() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("users"));
        QList<QPair<QString, QList<QString>>> seen;
        m_c.setStatementObserver([&seen](const QString& sql, const QList<QString>& params) {
            seen.append({sql, params});
        });
        QuerySpec spec = allRows(info);
        spec.filter.conditions = {
            condition(QStringLiteral("username"), FilterOp::Equal, {QStringLiteral("jürgen.groß")})};
        QueryEngine(m_c).fetchPage(spec, info);
        m_c.setStatementObserver({});
        const auto page = std::find_if(seen.cbegin(), seen.cend(), [](const auto& s) {
            return s.first.contains(QStringLiteral("users"));
        });
        QVERIFY(page != seen.cend());
        QVERIFY(page->second.contains(QStringLiteral("jürgen.groß")));
    }

    // The sink sees exactly the page's rows, in display order, forwards and backwards.
    void sinkSeesThePageRows() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("customer"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 40;
        spec.sort = {SortKey{QStringLiteral("last_name"), true}};
        QList<QList<std::optional<QString>>> seen;
        const RowSink sink = [&seen](const QList<std::optional<QString>>& row) { seen << row; };
        const Page first = engine.fetchPage(spec, info, sink);
        QCOMPARE(first.rows.size(), 40);
        QVERIFY(seen == first.rows);

        spec.page.afterCursor = first.nextCursor; // a middle page
        seen.clear();
        const Page second = engine.fetchPage(spec, info, sink);
        QVERIFY(seen == second.rows);

        spec.page.afterCursor.clear();
        spec.page.last = true; // read backwards: the sink gets the reversed rows
        seen.clear();
        const Page last = engine.fetchPage(spec, info, sink);
        QVERIFY(!last.rows.isEmpty());
        QVERIFY(seen == last.rows);

        // Keyless tables page by number through the same path.
        const TableInfo audit = table(QStringLiteral("public"), QStringLiteral("audit_log"));
        QuerySpec auditSpec = allRows(audit);
        auditSpec.page.pageSize = 7;
        auditSpec.page.last = true;
        seen.clear();
        const Page auditLast = engine.fetchPage(auditSpec, audit, sink);
        QVERIFY(!auditLast.rows.isEmpty());
        QVERIFY(seen == auditLast.rows);
    }

    // Streaming: on a 100000-row page (the largest page size) the first row reaches the sink long before
    // the page is complete.
    void sinkGetsFirstRowsEarly() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 100000;
        spec.sort = {SortKey{QStringLiteral("order_id")}};
        QElapsedTimer timer;
        qint64 firstAt = -1;
        qsizetype calls = 0;
        QString firstId;
        timer.start();
        const Page page = engine.fetchPage(spec, info, [&](const QList<std::optional<QString>>& row) {
            if (calls++ == 0) {
                firstAt = timer.nsecsElapsed();
                firstId = row.at(0).value_or(QString());
            }
        });
        const qint64 total = timer.nsecsElapsed();
        qInfo("first row after %.1f ms of %.1f ms", firstAt / 1e6, total / 1e6);
        QCOMPARE(calls, 100000);
        QCOMPARE(page.rows.size(), 100000);
        QCOMPARE(firstId, page.rows.first().at(0).value_or(QString()));
        QVERIFY(!page.nextCursor.isEmpty());
        QVERIFY2(
            firstAt >= 0 && firstAt < total / 2,
            qPrintable(QStringLiteral("first row after %1 ms of %2 ms").arg(firstAt / 1e6).arg(total / 1e6)));
    }

    // A sink that throws cancels the statement; the connection stays usable.
    void throwingSinkLeavesConnectionUsable() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 100000;
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            QueryEngine(m_c).fetchPage(spec, info, [&](const QList<std::optional<QString>>&) {
                if (++calls == 10)
                    throw std::runtime_error("enough");
            }));
        QCOMPARE(calls, 10);
        QVERIFY(m_c.isIdle());
        QCOMPARE(sqlColumn(m_c, QStringLiteral("select 1")), QStringList{QStringLiteral("1")});
    }

    // Editable tables: each row's version is its xmin; the hidden column is not among the columns.
    void rowVersions() {
        QueryEngine engine(m_c);
        const TableInfo customer = table(QStringLiteral("public"), QStringLiteral("customer"));
        QuerySpec spec = allRows(customer);
        Page page = engine.fetchPage(spec, customer);
        QCOMPARE(page.keyColumns, QStringList{QStringLiteral("customer_id")});
        QCOMPARE(page.columns.size(), customer.columns.size());
        QCOMPARE(page.rows.first().size(), customer.columns.size());
        QCOMPARE(page.versions.size(), page.rows.size());
        for (const PageColumn& c : page.columns) // the OIDs the server sent, beside the catalog's names
            if (c.name == u"customer_id") {
                QCOMPARE(c.type, QStringLiteral("bigint"));
                QCOMPARE(c.typeOid, 20u);
            }
        auto expected = sqlMap(m_c, QStringLiteral("select customer_id::text, xmin::text from customer"));
        QCOMPARE(page.rows.size(), expected.size());
        const QStringList ids = pageColumn(page, QStringLiteral("customer_id"));
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(page.versions.at(i), expected.value(ids.at(i)));

        // An update changes the version (rolled back: the demo data stays as it was).
        const QString id = ids.first();
        m_c.exec(QStringLiteral("begin"));
        m_c.exec(QStringLiteral("update customer set last_update = last_update where customer_id = $1"),
                 {param(id)});
        spec.filter.conditions = {condition(QStringLiteral("customer_id"), FilterOp::Equal, {id})};
        page = engine.fetchPage(spec, customer);
        const QString updated =
            sqlColumn(m_c, QStringLiteral("select xmin::text from customer where customer_id = ") + id)
                .first();
        m_c.exec(QStringLiteral("rollback"));
        QCOMPARE(page.versions.size(), 1);
        QCOMPARE(page.versions.first(), updated);
        QVERIFY(page.versions.first() != expected.value(id));

        // Partitioned table (composite key), read backwards.
        const TableInfo events = table(QStringLiteral("public"), QStringLiteral("events"));
        spec = allRows(events);
        spec.page.pageSize = 50;
        spec.page.last = true;
        page = engine.fetchPage(spec, events);
        QCOMPARE(page.keyColumns, (QStringList{QStringLiteral("event_id"), QStringLiteral("occurred_at")}));
        QCOMPARE(page.columns.size(), events.columns.size());
        QCOMPARE(page.versions.size(), page.rows.size());
        QVERIFY(!page.rows.isEmpty());
        expected = sqlMap(m_c, QStringLiteral("select event_id::text, xmin::text from events"));
        const QStringList eventIds = pageColumn(page, QStringLiteral("event_id"));
        for (qsizetype i = 0; i < eventIds.size(); ++i)
            QCOMPARE(page.versions.at(i), expected.value(eventIds.at(i)));

        // Views and keyless tables: no key, no version.
        for (const QString& name : {QStringLiteral("active_customers"), QStringLiteral("audit_log")}) {
            const TableInfo info = table(QStringLiteral("public"), name);
            page = engine.fetchPage(allRows(info), info);
            QVERIFY(!page.rows.isEmpty());
            QVERIFY(page.versions.isEmpty());
            QVERIFY(page.keyColumns.isEmpty());
            QCOMPARE(page.columns.size(), info.columns.size());
            QCOMPARE(page.rows.first().size(), info.columns.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestQueryEngine)
#include "tst_queryengine.moc"
