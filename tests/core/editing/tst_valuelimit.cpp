// SPDX-License-Identifier: GPL-3.0-or-later
// QuerySpec::valueLimit: a page brings long values cut to a prefix, marked in Page::cut, so a page of big
// documents stays small. Every cut value is exactly the first `limit` characters (bytea: bytes) of the
// whole one, every value not marked is whole, and what cursors, sorting, filtering and editing need (the
// sort and row key columns, char(n)) always comes whole.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/entityoperations.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

using namespace pgdesk::core;

namespace {

constexpr int kLimit = 1000;

qsizetype codePoints(const QString& s) {
    return s.toUcs4().size();
}

} // namespace

class TestValueLimit final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QString m_schema;
    TableInfo m_docs;

    QuerySpec spec(const QString& table, int limit) const {
        QuerySpec s;
        s.schema = m_schema;
        s.table = table;
        s.count = CountMode::None;
        s.page.pageSize = 100;
        s.valueLimit = limit;
        return s;
    }

    // Each value of `cut` is the one of `whole` or, where marked, its first kLimit characters/bytes.
    void compareToWhole(const Page& cut, const Page& whole) {
        QCOMPARE(cut.rows.size(), whole.rows.size());
        QCOMPARE(cut.versions, whole.versions);
        for (qsizetype r = 0; r < whole.rows.size(); ++r) {
            for (int c = 0; c < whole.columns.size(); ++c) {
                const auto& a = cut.rows[r][c];
                const auto& b = whole.rows[r][c];
                if (!cut.isCut(r, c)) {
                    QVERIFY2(a == b, qPrintable(QStringLiteral("row %1 column %2 differs").arg(r).arg(c)));
                    continue;
                }
                QVERIFY(a && b);
                QVERIFY2(b->startsWith(*a), qPrintable(QStringLiteral("row %1 column %2").arg(r).arg(c)));
                QVERIFY(a->size() < b->size());
                if (whole.columns[c].type == QLatin1String("bytea"))
                    QCOMPARE(a->size(), 2 + 2 * kLimit);
                else
                    QCOMPARE(codePoints(*a), kLimit);
            }
        }
    }

    QList<int> cutColumnsOf(const Page& page, const QString& id) const {
        for (qsizetype r = 0; r < page.rows.size(); ++r)
            if (page.rows[r].value(0) == id)
                return page.cutColumns(r);
        return {-1}; // no such row
    }

    int column(const Page& page, const char* name) const {
        for (int c = 0; c < page.columns.size(); ++c)
            if (page.columns[c].name == QLatin1String(name))
                return c;
        return -1;
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_schema = QStringLiteral("tst_vl_%1").arg(QCoreApplication::applicationPid());
        const QString n = QString::number(kLimit);
        const QString n1 = QString::number(kLimit + 1);
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table %1.docs (id int primary key, body text, doc jsonb, blob bytea, tags text[],"
                " code char(1200), v varchar(5000), x xml, n numeric, at timestamptz);"
                "insert into %1.docs values"
                " (1, 'short', '{\"a\": 1}', '\\x00ff', '{a,b}', 'c', 'v', '<a/>', 1.5, '2026-01-02 "
                "03:04:05+00'),"
                " (2, repeat('é', %2), null, decode(repeat('ab', %2), 'hex'), null, null, repeat('v', %2), "
                "null, null, null),"
                " (3, repeat('é', %3), (select jsonb_agg(g) from generate_series(1, 600) g),"
                "     decode(repeat('ab', %3), 'hex'), (select array_agg(md5(g::text)) from "
                "generate_series(1, 60) g),"
                "     repeat('c', 1200), repeat('w', %3), ('<r>' || repeat('x', 2000) || '</r>')::xml, null, "
                "null),"
                " (4, repeat('🐘', %3 + 4), null, null, null, null, null, null, null, null),"
                " (5, repeat('a', %2 - 1) || '🐘' || 'tail-beyond-the-cut', null, null, null, null, null, "
                "null,"
                "     null, null),"
                " (6, '', '\"\"', '\\x', '{}', '', '', '', 0, null),"
                " (7, null, null, null, null, null, null, null, null, null);"
                "create table %1.textkey (k text primary key, body text);"
                "insert into %1.textkey values (repeat('k', 1500), repeat('b', 1500));"
                "create table %1.nokey (body text);"
                "insert into %1.nokey values (repeat('b', 1500));")
                .arg(m_schema, n, n1));
        m_docs = CatalogReader(m_c).table(m_schema, QStringLiteral("docs"));
    }

    void cutValuesArePrefixesOfTheWholeOnes() {
        QuerySpec whole = spec(QStringLiteral("docs"), 0);
        whole.sort << SortKey{QStringLiteral("id")};
        QuerySpec cut = whole;
        cut.valueLimit = kLimit;
        QueryEngine engine(m_c);
        const Page a = engine.fetchPage(cut, m_docs);
        const Page b = engine.fetchPage(whole, m_docs);
        QCOMPARE(a.valueLimit, kLimit);
        QCOMPARE(b.valueLimit, 0);
        QVERIFY(b.cut.isEmpty());
        compareToWhole(a, b);
        QCOMPARE(a.cut.size(), a.rows.size());
        // Exactly the limit is whole; one more is cut. Astral characters count once; a cut never splits
        // one. char(n) stays whole (its cast to text would drop the padding), as do numbers and times.
        QCOMPARE(cutColumnsOf(a, QStringLiteral("1")), QList<int>{});
        QCOMPARE(cutColumnsOf(a, QStringLiteral("2")), QList<int>{});
        QCOMPARE(cutColumnsOf(a, QStringLiteral("3")),
                 (QList<int>{column(a, "body"), column(a, "doc"), column(a, "blob"), column(a, "tags"),
                             column(a, "v")})); // not xml: its ::text keeps a declaration its output drops
        QCOMPARE(cutColumnsOf(a, QStringLiteral("4")), QList<int>{column(a, "body")});
        QCOMPARE(cutColumnsOf(a, QStringLiteral("5")), QList<int>{column(a, "body")});
        QCOMPARE(cutColumnsOf(a, QStringLiteral("6")), QList<int>{});
        QCOMPARE(cutColumnsOf(a, QStringLiteral("7")), QList<int>{});
        // bytea's whole size comes along (the grid shows it); other types' does not.
        QCOMPARE(a.cutValue(2, column(a, "blob"))->wholeBytes, qint64(kLimit + 1));
        QCOMPARE(a.cutValue(2, column(a, "body"))->wholeBytes, qint64(-1));
        const qsizetype row4 = 3;
        QCOMPARE(a.rows[row4][column(a, "body")]->size(), 2 * kLimit); // UTF-16: surrogate pairs
        QCOMPARE(a.rows[2][column(a, "code")]->size(), 1200);
        QCOMPARE(a.rows[0][column(a, "code")],
                 std::optional<QString>(QStringLiteral("c").leftJustified(1200)));
        QCOMPARE(a.rows[5][column(a, "body")], std::optional<QString>(QString()));
        QCOMPARE(a.rows[6][column(a, "body")], std::optional<QString>());
    }

    // What the grid does for a cut value it must show, copy or edit: loads it whole by the row's key.
    void cutValuesLoadWholeByKey() {
        QuerySpec s = spec(QStringLiteral("docs"), kLimit);
        s.sort << SortKey{QStringLiteral("id")};
        const Page cut = QueryEngine(m_c).fetchPage(s, m_docs);
        s.valueLimit = 0;
        const Page whole = QueryEngine(m_c).fetchPage(s, m_docs);
        EntityOperations ops(m_c, m_docs);
        int loaded = 0;
        for (qsizetype r = 0; r < cut.rows.size(); ++r) {
            const QList<int> columns = cut.cutColumns(r);
            if (columns.isEmpty())
                continue;
            QStringList names;
            for (int c : columns)
                names << cut.columns[c].name;
            const auto values = ops.values({{QStringLiteral("id"), cut.rows[r][0]}}, names);
            QVERIFY(values);
            for (qsizetype i = 0; i < columns.size(); ++i) {
                QCOMPARE(values->at(i), whole.rows[r][columns[i]]);
                ++loaded;
            }
        }
        QCOMPARE(loaded, 7);
        QCOMPARE(ops.values({{QStringLiteral("id"), QStringLiteral("404")}}, {QStringLiteral("body")}),
                 std::nullopt);
        QVERIFY_THROWS_EXCEPTION(NotFound, ops.values({{QStringLiteral("id"), QStringLiteral("1")}},
                                                      {QStringLiteral("no such column")}));
    }

    // bytea comes as hex, and is known to be cut, whatever bytea_output says.
    void byteaOutputEscape() {
        m_c.exec(QStringLiteral("set bytea_output = escape"));
        QuerySpec s = spec(QStringLiteral("docs"), kLimit);
        s.sort << SortKey{QStringLiteral("id")};
        const Page p = QueryEngine(m_c).fetchPage(s, m_docs);
        m_c.exec(QStringLiteral("reset bytea_output"));
        const int blob = column(p, "blob");
        QVERIFY(!p.isCut(1, blob) && p.isCut(2, blob));
        QCOMPARE(p.rows[1][blob]->size(), 2 + 2 * kLimit); // exactly the limit: whole, as hex
        QVERIFY(p.rows[2][blob]->startsWith(QLatin1String("\\xabab")));
        QCOMPARE(p.rows[2][blob]->size(), 2 + 2 * kLimit);
        QCOMPARE(p.rows[0][blob], std::optional<QString>(QStringLiteral("\\x00ff")));
    }

    // Sorting by a column brings it whole (the cursor is made of it); the next page then continues
    // exactly where the whole-value paging does.
    void sortAndKeyColumnsComeWhole() {
        QuerySpec s = spec(QStringLiteral("docs"), kLimit);
        s.sort << SortKey{QStringLiteral("body"), true};
        s.page.pageSize = 2;
        QueryEngine engine(m_c);
        QuerySpec w = s;
        w.valueLimit = 0;
        Page a = engine.fetchPage(s, m_docs);
        Page b = engine.fetchPage(w, m_docs);
        compareToWhole(a, b);
        for (qsizetype r = 0; r < a.rows.size(); ++r)
            QVERIFY(!a.isCut(r, column(a, "body")));
        int pages = 1;
        while (!b.nextCursor.isEmpty()) {
            QCOMPARE(a.nextCursor, b.nextCursor);
            s.page.afterCursor = a.nextCursor;
            w.page.afterCursor = b.nextCursor;
            a = engine.fetchPage(s, m_docs);
            b = engine.fetchPage(w, m_docs);
            compareToWhole(a, b);
            ++pages;
        }
        QCOMPARE(pages, 4);
        // Backwards (the last page, in id order so that its rows hold cut values): the marks follow their
        // rows when the engine reverses them.
        s.sort = {SortKey{QStringLiteral("id")}};
        w.sort = s.sort;
        s.page = {};
        s.page.pageSize = 3;
        s.page.last = true;
        w.page = s.page;
        const Page last = engine.fetchPage(s, m_docs);
        compareToWhole(last, engine.fetchPage(w, m_docs));
        QCOMPARE(last.rows.size(), 3); // ids 5, 6, 7: only 5 has a cut value
        QCOMPARE(last.cutColumns(0), QList<int>{column(last, "body")});
        QVERIFY(last.cutColumns(1).isEmpty() && last.cutColumns(2).isEmpty());

        // A text row key stays whole: edits and cursors use it.
        const TableInfo textKey = CatalogReader(m_c).table(m_schema, QStringLiteral("textkey"));
        const Page k = engine.fetchPage(spec(QStringLiteral("textkey"), kLimit), textKey);
        QCOMPARE(k.rows[0][0]->size(), 1500);
        QCOMPARE(k.cutColumns(0), QList<int>{1});
    }

    // Filters and search look at the whole value on the server, whatever the page shows.
    void filtersSeeWholeValues() {
        QuerySpec s = spec(QStringLiteral("docs"), kLimit);
        Condition c;
        c.column = QStringLiteral("body");
        c.op = FilterOp::Contains;
        c.values << QStringLiteral("tail-beyond-the-cut");
        s.filter.conditions << c;
        const Page p = QueryEngine(m_c).fetchPage(s, m_docs);
        QCOMPARE(p.rows.size(), 1);
        QCOMPARE(p.rows[0][0], std::optional<QString>(QStringLiteral("5")));
        QVERIFY(p.isCut(0, column(p, "body")));
        QVERIFY(!p.rows[0][column(p, "body")]->contains(QLatin1String("tail")));
    }

    // Without a row key a cut value could not be loaded whole later: values come whole. Likewise for a
    // query source (and for views, whose rows have no version to load them by).
    void withoutRowKeyValuesComeWhole() {
        const TableInfo noKey = CatalogReader(m_c).table(m_schema, QStringLiteral("nokey"));
        const Page p = QueryEngine(m_c).fetchPage(spec(QStringLiteral("nokey"), kLimit), noKey);
        QCOMPARE(p.valueLimit, 0);
        QVERIFY(p.cut.isEmpty());
        QCOMPARE(p.rows[0][0]->size(), 1500);
        QuerySpec q;
        q.sql = QStringLiteral("select repeat('q', 1500) as body");
        q.valueLimit = kLimit;
        q.count = CountMode::None;
        const Page r = QueryEngine(m_c).fetchPage(q, CatalogReader(m_c).describeQuery(q.sql));
        QCOMPARE(r.rows[0][0]->size(), 1500);
        QVERIFY(r.cut.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestValueLimit)
#include "tst_valuelimit.moc"
