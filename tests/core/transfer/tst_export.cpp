// SPDX-License-Identifier: GPL-3.0-or-later
// The export engine against the real server, CSV and TSV side: byte-equal to psql's \copy and
// re-importable, hostile filter values inlined into COPY as inert literals, COPY of plain tables; and
// cancel/failure leaving no file, progress, the caller's transaction left alone. The other formats are
// in tst_exportformats.
#include "exporttest.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace pgdesk::core;
using pgdesk::test::difference;
using pgdesk::test::kHostile;
using pgdesk::test::psql;
using pgdesk::test::readFile;
using pgdesk::test::sortBy;

namespace {

// Everything in dir, hidden files included (a temporary file left behind would show here).
QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

Condition condition(const QString& column, FilterOp op, const QStringList& values) {
    Condition c;
    c.column = column;
    c.op = op;
    c.values = values;
    return c;
}

} // namespace

class TestExport final : public QObject, private pgdesk::test::ExportFixture {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        openFixture();
    }

    void inlineParametersOnlyOutsideQuotes() {
        const QStringList lits{QStringLiteral("'$2'"), QStringLiteral("'b'")};
        QCOMPARE(
            inlineParameters(QStringLiteral("x = $1 AND y = $2::int"), lits),
            QStringLiteral("x = '$2' AND y = 'b'::int")); // a value holding "$2" is not substituted again
        QCOMPARE(
            inlineParameters(QStringLiteral("'$1' \"a$1\" a$1 E'\\'$1' -- $1\n/* $1 /* $2 */ */ $$ $1 $$ "
                                            "$q$ $2 $q$ $1"),
                             lits),
            QStringLiteral("'$1' \"a$1\" a$1 E'\\'$1' -- $1\n/* $1 /* $2 */ */ $$ $1 $$ $q$ $2 $q$ '$2'"));
        QCOMPARE(inlineParameters(QStringLiteral("\"we\"\"ird $1\" = $1"), lits),
                 QStringLiteral("\"we\"\"ird $1\" = '$2'"));
        QStringList ten;
        for (int i = 1; i <= 10; ++i)
            ten << QStringLiteral("'v%1'").arg(i);
        QCOMPARE(inlineParameters(QStringLiteral("$1,$10,$2"), ten), QStringLiteral("'v1','v10','v2'"));
        // The verbatim span (a query source) keeps its own $1.
        QCOMPARE(inlineParameters(QStringLiteral("S $1 (select '$1', $1) W $2"), lits, 5, 18),
                 QStringLiteral("S '$2' (select '$1', $1) W 'b'"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, inlineParameters(QStringLiteral("a = $3"), lits));
        QCOMPARE(exportFormatForPath(QStringLiteral("/x/a.JSONL")), ExportFormat::NdJson);
        QCOMPARE(exportFormatFromName(QStringLiteral("md")), ExportFormat::Markdown);
        QVERIFY(!exportFormatForPath(QStringLiteral("a.txt")));
    }

    // The filter's values are inlined into COPY as literals: hostile ones match themselves and nothing
    // else, and never run.
    void hostileFilterValuesAreInert() {
        const QString t = m_schema + QStringLiteral(".hostile");
        const QStringList values{QStringLiteral("x' OR '1'='1"),
                                 QStringLiteral("\\'; drop table x;--"),
                                 QStringLiteral("$1"),
                                 QStringLiteral("$2 $$ $q$"),
                                 QStringLiteral("back\\slash\\"),
                                 QStringLiteral("\"quoted\" \"\""),
                                 QStringLiteral("Ünïcödé 🎉 ﷽ ") + QChar(0x202E) + QStringLiteral("rtl"),
                                 QStringLiteral("100%_like\\%"),
                                 QStringLiteral("line\nbreak\ttab")};
        m_c.exec(QStringLiteral("create table %1 (id int primary key, v text)").arg(t));
        for (int i = 0; i < values.size(); ++i)
            m_c.exec(QStringLiteral("insert into %1 values ($1, $2)").arg(t),
                     {param(i + 1), param(values.at(i))});
        for (int i = 0; i < values.size(); ++i) {
            QuerySpec spec;
            spec.filter.conditions << condition(QStringLiteral("v"), FilterOp::Equal, {values.at(i)});
            const ExportResult r =
                exportTable(t, format(ExportFormat::Csv), file(QStringLiteral("h.csv")), spec);
            QCOMPARE(r.rows, 1);
            QVERIFY(readFile(file(QStringLiteral("h.csv")))
                        .split('\n')
                        .at(1)
                        .startsWith(QByteArray::number(i + 1) + ','));
            // A like pattern escaped with escapeLike finds the value itself (no value holds another);
            // contains matches it literally.
            spec.filter.conditions = {
                condition(QStringLiteral("v"), FilterOp::Like, {escapeLike(values.at(i))})};
            QCOMPARE(exportTable(t, format(ExportFormat::Csv), file(QStringLiteral("h.csv")), spec).rows, 1);
            spec.filter.conditions = {condition(QStringLiteral("v"), FilterOp::Contains, {values.at(i)})};
            QCOMPARE(exportTable(t, format(ExportFormat::Csv), file(QStringLiteral("h.csv")), spec).rows, 1);
        }
        QuerySpec all;
        all.filter.conditions << condition(QStringLiteral("v"), FilterOp::InList, values);
        QCOMPARE(exportTable(t, format(ExportFormat::Json), file(QStringLiteral("h.json")), all).rows,
                 values.size());
        // The same text as a query source, with a filter on its result, still matches one row.
        QuerySpec onQuery;
        onQuery.filter.conditions << condition(QStringLiteral("v"), FilterOp::Equal, {values.at(2)});
        QCOMPARE(exportQuery(QStringLiteral("select id, v, '$1' as d from %1 -- $2").arg(t),
                             format(ExportFormat::Csv), file(QStringLiteral("q.csv")), onQuery)
                     .rows,
                 1);
        QCOMPARE(psql(QStringLiteral("select note from public.x")), QStringLiteral("I must survive"));
    }

    // like and ilike are SQL patterns found anywhere in the text (% any text, _ one character, \ escapes),
    // inlined into COPY as they are; contains, starts_with and ends_with match % and _ literally. Each
    // equals psql's \copy of the same WHERE clause.
    void likePatternsMatchPsql_data() {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("where");
        QTest::newRow("like A_E") << int(FilterOp::Like) << "A_E"
                                  << "v like '%A_E%'";
        QTest::newRow("like A_E%") << int(FilterOp::Like) << "A_E%"
                                   << "v like '%A_E%'";
        QTest::newRow("ilike a_e") << int(FilterOp::ILike) << "a_e"
                                   << "v ilike '%a_e%'";
        QTest::newRow("like escaped") << int(FilterOp::Like) << "A\\_E"
                                      << "strpos(v, 'A_E') > 0";
        QTest::newRow("like \\%") << int(FilterOp::Like) << "\\%"
                                  << "strpos(v, '%') > 0";
        QTest::newRow("like lone \\") << int(FilterOp::Like) << "\\"
                                      << "strpos(v, '\\') > 0";
        QTest::newRow("like quote") << int(FilterOp::Like) << "'s"
                                    << "strpos(v, '''s') > 0";
        QTest::newRow("like Persian") << int(FilterOp::Like) << "فارسی"
                                      << "strpos(v, 'فارسی') > 0";
        QTest::newRow("like CJK _") << int(FilterOp::Like) << "東_"
                                    << "v ~ '東.'";
        QTest::newRow("contains _") << int(FilterOp::Contains) << "_E"
                                    << "strpos(lower(v), '_e') > 0";
        QTest::newRow("starts_with A_") << int(FilterOp::StartsWith) << "A_"
                                        << "left(v, 2) = 'A_'";
        QTest::newRow("ends_with %") << int(FilterOp::EndsWith) << "%"
                                     << "right(v, 1) = '%'";
    }
    void likePatternsMatchPsql() {
        QFETCH(int, op);
        QFETCH(QString, value);
        QFETCH(QString, where);
        const QString t = m_schema + QStringLiteral(".patterns");
        psql(QStringLiteral(
                 "drop table if exists %1; create table %1 (id int primary key, v text); "
                 "insert into %1 values (1, 'ABE'), (2, 'A_E x'), (3, 'AE'), (4, 'abe'), "
                 "(5, 'ACE 100%'), (6, 'xA_E'), (7, 'A\\E'), (8, 'Ab'), (9, 'ACED'), (10, 'Bob''s'), "
                 "(11, 'کتاب فارسی'), (12, '東京'), (13, '京東')")
                 .arg(t));
        QuerySpec spec;
        spec.sort << sortBy(QStringLiteral("id"));
        spec.filter.conditions = {condition(QStringLiteral("v"), FilterOp(op), {value})};
        const ExportResult r = exportTable(t, format(ExportFormat::Csv), file(QStringLiteral("l.csv")), spec);
        psql(QStringLiteral("\\copy (select * from %1 where %2 order by id) to '%3' csv header")
                 .arg(t, where, file(QStringLiteral("lp.csv"))));
        const QByteArray expected = readFile(file(QStringLiteral("lp.csv")));
        QVERIFY2(expected.count('\n') > 1, "the reference matches no row");
        QCOMPARE(readFile(file(QStringLiteral("l.csv"))), expected);
        QCOMPARE(r.rows, qint64(expected.count('\n') - 1));
    }

    // Generated columns are left out, as psql's \copy TABLE leaves them out (COPY refuses them by name):
    // the whole table and a filtered, sorted view of it equal psql byte for byte, every format has the
    // same columns, and the CSV loads back with \copy … from.
    void generatedColumnsLeftOutLikePsql() {
        const QString t = m_schema + QStringLiteral(".gen");
        psql(QStringLiteral("create table %1 (id int primary key, price numeric(10,2) not null, qty int, "
                            "total numeric generated always as (price * qty) stored, note text); "
                            "insert into %1 (id, price, qty, note) select g, g * 1.25, nullif(g % 7, 0), "
                            "case when g % 5 = 0 then null else 'n,' || g end from generate_series(1, 50) g")
                 .arg(t));
        const ExportResult whole = exportTable(t, format(ExportFormat::Csv), file(QStringLiteral("g.csv")));
        QCOMPARE(whole.rows, qint64(50));
        psql(QStringLiteral("\\copy %1 to '%2' csv header").arg(t, file(QStringLiteral("gp.csv"))));
        QCOMPARE(readFile(file(QStringLiteral("g.csv"))), readFile(file(QStringLiteral("gp.csv"))));
        QVERIFY(readFile(file(QStringLiteral("g.csv"))).startsWith("id,price,qty,note\n"));

        // Filtered and sorted (on the generated column itself): the select leaves it out too.
        QuerySpec spec;
        spec.sort << sortBy(QStringLiteral("total"));
        spec.filter.conditions = {
            condition(QStringLiteral("total"), FilterOp::GreaterThan, {QStringLiteral("100")})};
        const ExportResult sorted =
            exportTable(t, format(ExportFormat::Csv), file(QStringLiteral("gs.csv")), spec);
        psql(QStringLiteral(
                 "\\copy (select id, price, qty, note from %1 where total > 100 order by total, id) "
                 "to '%2' csv header")
                 .arg(t, file(QStringLiteral("gsp.csv"))));
        QCOMPARE(readFile(file(QStringLiteral("gs.csv"))), readFile(file(QStringLiteral("gsp.csv"))));
        QVERIFY(sorted.rows > 0 && sorted.rows < 50);

        // Every format, whole table: the same four columns.
        for (const ExportFormat f : {ExportFormat::Tsv, ExportFormat::Json, ExportFormat::NdJson,
                                     ExportFormat::Sql, ExportFormat::Markdown, ExportFormat::Xlsx}) {
            const QString path = file(QStringLiteral("g.") + exportFormatName(f));
            QCOMPARE(exportTable(t, format(f), path).rows, qint64(50));
        }
        const QJsonArray rows = QJsonDocument::fromJson(readFile(file(QStringLiteral("g.json")))).array();
        QCOMPARE(rows.size(), 50);
        QCOMPARE(rows.at(0).toObject().keys(), (QStringList{QStringLiteral("id"), QStringLiteral("note"),
                                                            QStringLiteral("price"), QStringLiteral("qty")}));
        QVERIFY(readFile(file(QStringLiteral("g.markdown"))).startsWith("| id | price | qty | note |"));

        // The CSV loads back into an empty copy (generation included) and gives the same rows.
        const QString copy = m_schema + QStringLiteral(".gen_reimport");
        psql(QStringLiteral("create table %1 (like %2 including generated)").arg(copy, t));
        psql(QStringLiteral("\\copy %1 from '%2' csv header").arg(copy, file(QStringLiteral("g.csv"))));
        QCOMPARE(difference(t, copy), QStringLiteral("0"));
    }

    // The window's export (viewOrder, includeGenerated): the grid's order, its key's when no sort is
    // chosen, and the generated columns in every format; the whole-table default stays psql's \copy.
    void viewOrderAndGeneratedColumns() {
        const QString t = m_schema + QStringLiteral(".shuffled");
        // Inserted backwards and updated: the heap order is not the key order.
        psql(QStringLiteral(
                 "create table %1 (id int primary key, v text, twice int generated always as (id * 2) "
                 "stored); insert into %1 (id, v) select g, 'v' || g from generate_series(30, 1, -1) g; "
                 "update %1 set v = v || '!' where id %% 3 = 0")
                 .arg(t)
                 .replace(QStringLiteral("%%"), QStringLiteral("%")));
        const auto ids = [](const QByteArray& csv) {
            QStringList out;
            for (const QByteArray& line : csv.split('\n').mid(1))
                if (!line.isEmpty())
                    out << QString::fromUtf8(line.split(',').first());
            return out;
        };
        QStringList keyOrder;
        for (int i = 1; i <= 30; ++i)
            keyOrder << QString::number(i);
        const QStringList heap =
            psql(QStringLiteral("select string_agg(id::text, ',') from %1").arg(t)).split(QLatin1Char(','));
        QVERIFY(heap != keyOrder); // else the test proves nothing

        ExportOptions grid = format(ExportFormat::Csv);
        grid.viewOrder = true;
        grid.includeGenerated = true;
        ExportResult r = exportTable(t, grid, file(QStringLiteral("view.csv")));
        QCOMPARE(r.rows, qint64(30));
        QVERIFY(r.omittedGenerated.isEmpty());
        QCOMPARE(ids(readFile(file(QStringLiteral("view.csv")))), keyOrder);
        QVERIFY(readFile(file(QStringLiteral("view.csv"))).startsWith("id,v,twice\n1,v1,2\n"));
        // With a sort: the sort, then the key (as the grid pages).
        QuerySpec sorted;
        SortKey byV = sortBy(QStringLiteral("v"));
        byV.descending = true;
        sorted.sort << byV;
        exportTable(t, grid, file(QStringLiteral("sorted.csv")), sorted);
        QCOMPARE(ids(readFile(file(QStringLiteral("sorted.csv")))),
                 psql(QStringLiteral("select string_agg(id::text, ',' order by v desc, id) from %1").arg(t))
                     .split(QLatin1Char(',')));
        // Every format holds the generated column.
        for (const ExportFormat f : {ExportFormat::Json, ExportFormat::NdJson, ExportFormat::Sql,
                                     ExportFormat::Markdown, ExportFormat::Xlsx, ExportFormat::Tsv}) {
            ExportOptions o = grid;
            o.format = f;
            const QString path = file(QStringLiteral("view.") + exportFormatName(f));
            QCOMPARE(exportTable(t, o, path).rows, qint64(30));
            if (f != ExportFormat::Xlsx) // SQL's INSERTs leave it out: the server would refuse them
                QVERIFY2(readFile(path).contains("twice") == (f != ExportFormat::Sql),
                         qPrintable(exportFormatName(f)));
        }
        const QJsonArray rows = QJsonDocument::fromJson(readFile(file(QStringLiteral("view.json")))).array();
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("twice")).toString(), QStringLiteral("2"));
        QCOMPARE(rows.at(29).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("30"));

        // The default: the heap as psql reads it, the generated column left out and named.
        r = exportTable(t, format(ExportFormat::Csv), file(QStringLiteral("whole.csv")));
        QCOMPARE(r.omittedGenerated, QStringList{QStringLiteral("twice")});
        psql(QStringLiteral("\\copy %1 to '%2' csv header").arg(t, file(QStringLiteral("whole_psql.csv"))));
        QCOMPARE(readFile(file(QStringLiteral("whole.csv"))),
                 readFile(file(QStringLiteral("whole_psql.csv"))));
        QCOMPARE(ids(readFile(file(QStringLiteral("whole.csv")))), heap);
    }

    void csvIsByteEqualToPsqlCopy_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("sort"); // empty: no ORDER BY on either side
        QTest::addColumn<QString>("psqlSelect");
        QTest::newRow("type_showcase") << "type_showcase"
                                       << "id"
                                       << "select * from public.type_showcase order by id";
        QTest::newRow("users") << "users"
                               << ""
                               << "select * from public.users";
        QTest::newRow("products") << "inventory.products"
                                  << "product_id"
                                  << "select * from inventory.products order by product_id";
        QTest::newRow("hostile") << kHostile << "id"
                                 << QStringLiteral("select * from %1 order by id").arg(kHostile);
        QTest::newRow("keyless") << "audit_log"
                                 << ""
                                 << "select * from public.audit_log";
    }
    void csvIsByteEqualToPsqlCopy() {
        QFETCH(QString, table);
        QFETCH(QString, sort);
        QFETCH(QString, psqlSelect);
        QuerySpec spec;
        if (!sort.isEmpty())
            spec.sort << sortBy(sort);
        const ExportResult r =
            exportTable(table, format(ExportFormat::Csv), file(QStringLiteral("a.csv")), spec);
        psql(QStringLiteral("\\copy (%1) to '%2' csv header").arg(psqlSelect, file(QStringLiteral("p.csv"))));
        const QByteArray ours = readFile(file(QStringLiteral("a.csv")));
        QVERIFY(ours.size() > 20);
        QCOMPARE(ours, readFile(file(QStringLiteral("p.csv"))));
        QCOMPARE(r.bytes, ours.size());

        // Re-imported with COPY into an empty copy of the table: the same rows.
        const QString copy = m_schema + QStringLiteral(".reimport");
        psql(QStringLiteral("drop table if exists %1; create table %1 (like %2)").arg(copy, table));
        psql(QStringLiteral("\\copy %1 from '%2' csv header").arg(copy, file(QStringLiteral("a.csv"))));
        QCOMPARE(difference(table, copy), QStringLiteral("0"));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(copy)),
                 psql(QStringLiteral("select count(*) from %1").arg(table)));
    }

    // A whole plain table is read by COPY table (the heap directly); anything narrowed or ordered, a view or
    // a soft-delete scope goes through the select.
    void copyReadsPlainTablesDirectly() {
        QStringList sent;
        m_c.setStatementObserver([&](const QString& sql, const QList<QString>&) {
            if (sql.startsWith(QLatin1String("COPY")))
                sent << sql;
        });
        const QString path = file(QStringLiteral("s.csv"));
        exportTable(QStringLiteral("users"), format(ExportFormat::Csv), path);
        QuerySpec sorted;
        sorted.sort << sortBy(QStringLiteral("username"));
        exportTable(QStringLiteral("users"), format(ExportFormat::Json), path, sorted);
        exportTable(QStringLiteral("posts"), format(ExportFormat::Csv), path);
        exportTable(QStringLiteral("active_customers"), format(ExportFormat::Csv), path);
        m_c.setStatementObserver({});
        QCOMPARE(sent.size(), 4);
        QVERIFY2(sent.at(0).startsWith(QLatin1String("COPY \"public\".\"users\" (\"id\", ")),
                 qPrintable(sent.at(0)));
        // COPY's text format: the CSV is quoted on this side (csvQuotingMatchesPsql).
        QVERIFY2(sent.at(0).endsWith(QLatin1String(") TO STDOUT")), qPrintable(sent.at(0)));
        QVERIFY2(sent.at(1).startsWith(QLatin1String("COPY (SELECT ")) &&
                     sent.at(1).contains(QLatin1String("ORDER BY")) &&
                     sent.at(1).endsWith(QLatin1String(") TO STDOUT")),
                 qPrintable(sent.at(1)));
        QVERIFY2(sent.at(2).contains(QLatin1String("WHERE (\"deleted_at\" IS NULL)")),
                 qPrintable(sent.at(2)));
        QVERIFY(sent.at(3).startsWith(QLatin1String("COPY (SELECT ")));
    }

    // TSV is CSV with a tab: values with tabs and newlines are quoted. Options reach COPY as literals.
    // The CSV this side quotes from COPY's text format is the server's own, byte for byte: values holding the
    // delimiter, quotes, CR, LF, tabs, backslashes, the NULL text, a lone \. (quoted in a one-column file
    // only), Hebrew and emoji; column names that need quoting, one equal to the NULL text. Rows without
    // any of these (copied with their tabs replaced) next to rows where a value equals the NULL text or
    // almost does, in every column, at every length around a 16-byte step.
    void csvQuotingMatchesPsql() {
        const QString one = m_schema + QStringLiteral(".quoting_one");
        const QString two = m_schema + QStringLiteral(".quoting_two");
        const QString three = m_schema + QStringLiteral(".quoting_three");
        const QString values = QStringLiteral(
            "(1, '\\.'), (2, ''), (3, null), (4, 'a\"b'), (5, E'x\\ny'), (6, E'x\\ry'), (7, 'a,b'), "
            "(8, 'a;b'), (9, E'tab\\there'), (10, E'back\\\\slash'), (11, '\\N'), (12, 'NULL'), "
            "(13, 'שלום ,עולם'), (14, '😀\"\"'), (15, ' lead'), (16, E'\\\\.'), (17, '.\\')");
        psql(QStringLiteral("create table %1 (\"v,\"\"q\"\"\" text);"
                            "create table %2 (id int, \"NULL\" text);"
                            "insert into %1 select v from (values %3) t(i, v) order by i;"
                            "insert into %2 values %3;"
                            // Each special byte at every place of the first two 8-byte words of a value.
                            "insert into %1 select repeat('x', i) || s || repeat('y', 20) from "
                            "generate_series(0, 17) i, unnest(array['\"', ',', ';', E'\\t', E'\\\\', "
                            "E'\\n', '']) s;"
                            "insert into %2 select 100 + row_number() over (), x from %1 as t(x) "
                            "where x like '%yyyy';"
                            "create table %4 (a text, b text, c text);"
                            "insert into %4 select a, b, c from unnest(array['', 'NULL', 'NUL', 'NULLS', "
                            "'\\N', 'v', null]) a, unnest(array['', 'NULL', 'v', null]) b, "
                            "unnest(array['', 'NULL', 'NULLx', repeat('w', 13), repeat('w', 29), null]) c")
                 .arg(one, two, values, three));
        struct Case {
            ExportFormat format;
            QString nullText;
            std::optional<QChar> delimiter;
            QString psqlOptions;
        };
        const QList<Case> cases{
            {ExportFormat::Csv, QString(), std::nullopt, QStringLiteral("(format csv, header true)")},
            {ExportFormat::Csv, QStringLiteral("NULL"), QLatin1Char(';'),
             QStringLiteral("(format csv, header true, null 'NULL', delimiter ';')")},
            {ExportFormat::Tsv, QStringLiteral("\\N"), std::nullopt,
             QStringLiteral("(format csv, header true, null '\\N', delimiter E'\\t')")},
        };
        int n = 0;
        for (const Case& c : cases) {
            for (const QString& table : {one, two, three}) {
                ExportOptions o = format(c.format);
                o.nullText = c.nullText;
                o.delimiter = c.delimiter;
                const QString ours = file(QStringLiteral("q%1.csv").arg(n));
                const QString theirs = file(QStringLiteral("q%1_psql.csv").arg(n++));
                exportTable(table, o, ours);
                psql(QStringLiteral("\\copy %1 to '%2' with %3").arg(table, theirs, c.psqlOptions));
                QCOMPARE(readFile(ours), readFile(theirs));
            }
        }
        QVERIFY(
            readFile(file(QStringLiteral("q0_psql.csv"))).contains("\n\"\\.\"\n")); // quoted in one column
        // A table without columns: an empty line a row, as COPY writes it.
        const QString none = m_schema + QStringLiteral(".no_columns");
        psql(
            QStringLiteral("create table %1 (); insert into %1 default values; insert into %1 default values")
                .arg(none));
        exportTable(none, format(ExportFormat::Csv), file(QStringLiteral("none.csv")));
        psql(QStringLiteral("\\copy %1 to '%2' csv header").arg(none, file(QStringLiteral("none_psql.csv"))));
        QCOMPARE(readFile(file(QStringLiteral("none.csv"))), QByteArray("\n\n\n"));
        QCOMPARE(readFile(file(QStringLiteral("none.csv"))), readFile(file(QStringLiteral("none_psql.csv"))));
        const QByteArray nullNamed = readFile(file(QStringLiteral("q4_psql.csv")));
        QVERIFY(nullNamed.startsWith("id;\"NULL\"\n") && nullNamed.contains("\n12;\"NULL\"\n"));
    }

    void tsvAndCsvOptionsMatchPsql() {
        QuerySpec spec;
        spec.sort << sortBy(QStringLiteral("id"));
        spec.scope = SoftDeleteScope::All;
        exportTable(QStringLiteral("posts"), format(ExportFormat::Tsv), file(QStringLiteral("p.tsv")), spec);
        psql(QStringLiteral("\\copy (select * from posts order by id) to '%1' csv header delimiter E'\\t'")
                 .arg(file(QStringLiteral("psql.tsv"))));
        QCOMPARE(readFile(file(QStringLiteral("p.tsv"))), readFile(file(QStringLiteral("psql.tsv"))));

        ExportOptions o = format(ExportFormat::Csv);
        o.header = false;
        o.delimiter = QLatin1Char(';');
        o.nullText = QStringLiteral("<NULL>'");
        exportTable(QStringLiteral("users"), o, file(QStringLiteral("u.csv")), spec);
        psql(QStringLiteral(
                 "\\copy (select * from users order by id) to '%1' csv delimiter ';' null '<NULL>'''")
                 .arg(file(QStringLiteral("psql.csv"))));
        QCOMPARE(readFile(file(QStringLiteral("u.csv"))), readFile(file(QStringLiteral("psql.csv"))));

        o.delimiter = QLatin1Char('"');
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 exportTable(QStringLiteral("users"), o, file(QStringLiteral("bad.csv"))));
        o = format(ExportFormat::Json);
        o.delimiter = QLatin1Char(';');
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 exportTable(QStringLiteral("users"), o, file(QStringLiteral("bad.json"))));
        o = format(ExportFormat::Csv);
        o.encoding = QStringLiteral("LATIN1");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 exportTable(QStringLiteral("users"), o, file(QStringLiteral("bad.csv"))));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 exportTable(QStringLiteral("users"), format(ExportFormat::Csv),
                                             file(QStringLiteral("missing/folder.csv"))));
        QVERIFY(!QFile::exists(file(QStringLiteral("bad.csv"))));
    }

    // Cancelled from the progress callback, from another thread, or failed on the server: no file, no
    // temporary file, an existing target untouched, the connection usable.
    void cancelOrFailureLeavesNoFile() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("big.json"));
        {
            ExportWriter writer(m_c);
            qint64 seen = 0;
            writer.setProgressCallback(
                [&](const ExportProgress& p) {
                    seen = p.rows;
                    if (p.rows > 50000)
                        writer.cancel();
                },
                0);
            QuerySpec spec;
            spec.schema = QStringLiteral("public");
            spec.table = QStringLiteral("big_orders");
            ExportOptions o = format(ExportFormat::Json);
            QVERIFY_THROWS_EXCEPTION(
                QueryCanceled,
                writer.exportTo(spec, CatalogReader(m_c).table(QStringLiteral("big_orders")), target, o));
            QVERIFY(seen > 50000 && seen < 1000000);
            QCOMPARE(entries(dir.path()), QStringList());
        }
        {
            QFile old(target);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
            old.close();
            const QString sql =
                QStringLiteral("select g, md5(g::text) from (select generate_series(1, 500000000) as g) s");
            const TableInfo table = CatalogReader(m_c).describeQuery(sql);
            QuerySpec spec;
            spec.sql = sql;
            ExportWriter writer(m_c);
            std::thread canceller([&] {
                QThread::msleep(500);
                writer.cancel();
            });
            QElapsedTimer timer;
            timer.start();
            QVERIFY_THROWS_EXCEPTION(QueryCanceled,
                                     writer.exportTo(spec, table, target, format(ExportFormat::Xlsx)));
            canceller.join();
            QVERIFY(timer.elapsed() < 20000);
            QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("big.json")});
            QCOMPARE(readFile(target), QByteArray("old"));
            QFile::remove(target);
        }
        // The server fails half-way (division by zero at row 50,000), or a filter value does not fit.
        const QString failing =
            QStringLiteral("select g, 1 / (g - 50000) as q from generate_series(1, 100000) g");
        QVERIFY_THROWS_EXCEPTION(DataError, exportQuery(failing, format(ExportFormat::Csv), target));
        QVERIFY_THROWS_EXCEPTION(DataError, exportQuery(failing, format(ExportFormat::Sql), target));
        QuerySpec bad;
        bad.filter.conditions << condition(QStringLiteral("customer_id"), FilterOp::Equal,
                                           {QStringLiteral("abc")});
        QVERIFY_THROWS_EXCEPTION(
            DataError, exportTable(QStringLiteral("customer"), format(ExportFormat::Csv), target, bad));
        QCOMPARE(entries(dir.path()), QStringList());
        QVERIFY(m_c.isIdle());
        QCOMPARE(m_c.exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
    }

    // Zipping a big workbook takes seconds in one libxlsxwriter call: progress says it is under way, and a
    // cancel then returns without waiting for it, leaving no file (not even once the zipping has ended).
    void xlsxCancelWhileCompressing() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("big.xlsx"));
        const QString sql = QStringLiteral(
            "select g, md5(g::text) as a, md5((g + 1)::text) as b from generate_series(1, 400000) g");
        const TableInfo table = CatalogReader(m_c).describeQuery(sql);
        QuerySpec spec;
        spec.sql = sql;
        QElapsedTimer timer;
        timer.start();
        qint64 packingAt = -1;
        qint64 packingRows = -1;
        {
            ExportWriter writer(m_c);
            writer.setProgressCallback(
                [&](const ExportProgress& p) {
                    if (p.packing) {
                        packingAt = timer.elapsed();
                        packingRows = p.rows;
                    }
                },
                100);
            QCOMPARE(writer.exportTo(spec, table, target, format(ExportFormat::Xlsx)).rows, 400000);
        }
        QCOMPARE(packingRows, 400000);
        const qint64 zipping = timer.elapsed() - packingAt;
        QVERIFY2(zipping > 400,
                 qPrintable(QStringLiteral("zipping took %1 ms: too fast to cancel").arg(zipping)));
        QVERIFY(QFile::remove(target));

        ExportWriter writer(m_c);
        std::thread canceller;
        qint64 cancelledAt = -1;
        writer.setProgressCallback(
            [&](const ExportProgress& p) {
                if (p.packing)
                    canceller = std::thread([&] {
                        QThread::msleep(100);
                        cancelledAt = timer.elapsed();
                        writer.cancel();
                    });
            },
            100);
        timer.restart();
        QVERIFY_THROWS_EXCEPTION(QueryCanceled,
                                 writer.exportTo(spec, table, target, format(ExportFormat::Xlsx)));
        const qint64 returnedAt = timer.elapsed();
        QVERIFY(canceller.joinable());
        canceller.join();
        QVERIFY2(returnedAt - cancelledAt < zipping / 2,
                 qPrintable(QStringLiteral("returned %1 ms after the cancel; zipping takes %2 ms")
                                .arg(returnedAt - cancelledAt)
                                .arg(zipping)));
        QCOMPARE(entries(dir.path()), QStringList());
        QThread::msleep(zipping + 500); // the abandoned zipping has ended by now: still nothing
        QCOMPARE(entries(dir.path()), QStringList());
        QVERIFY(m_c.isIdle());
    }

    // Inside the caller's transaction: a savepoint, rolled back afterwards, so the export's ISO date
    // setting does not leak and the transaction goes on.
    void insideTransactionLeavesSessionAlone() {
        m_c.exec(QStringLiteral("begin; set local datestyle = 'SQL, DMY'"));
        ExportOptions o = format(ExportFormat::Sql);
        const ExportResult r =
            exportQuery(QStringLiteral("select date '2026-03-14' as d"), o, file(QStringLiteral("d.sql")));
        QCOMPARE(r.rows, 1);
        QVERIFY(readFile(file(QStringLiteral("d.sql"))).contains("'2026-03-14'"));
        QVERIFY(m_c.inTransaction() && !m_c.inFailedTransaction());
        QCOMPARE(m_c.exec(QStringLiteral("show datestyle")).text(0, 0), QStringLiteral("SQL, DMY"));
        QVERIFY_THROWS_EXCEPTION(
            DataError, exportQuery(QStringLiteral("select 1 / (g - 2) as z from generate_series(1, 3) g"), o,
                                   file(QStringLiteral("z.sql"))));
        QVERIFY(!m_c.inFailedTransaction()); // the savepoint took the failure
        m_c.exec(QStringLiteral("rollback"));
    }

    void progressIsThrottledAndFinishes() {
        QList<ExportProgress> calls;
        QElapsedTimer timer;
        timer.start();
        ExportWriter writer(m_c);
        writer.setProgressCallback([&](const ExportProgress& p) { calls << p; }, 100);
        QuerySpec spec;
        spec.schema = QStringLiteral("public");
        spec.table = QStringLiteral("big_orders");
        const ExportResult r =
            writer.exportTo(spec, CatalogReader(m_c).table(QStringLiteral("big_orders")),
                            file(QStringLiteral("b.ndjson")), format(ExportFormat::NdJson));
        QCOMPARE(r.rows, 1000000);
        QVERIFY(!calls.isEmpty());
        QVERIFY(calls.size() <= timer.elapsed() / 100 + 2);
        QVERIFY(calls.last().finished);
        QCOMPARE(calls.last().percent, 100);
        QCOMPARE(calls.last().rows, 1000000);
        QCOMPARE(calls.last().bytes, QFileInfo(file(QStringLiteral("b.ndjson"))).size());
        for (qsizetype i = 1; i < calls.size(); ++i) {
            QVERIFY(calls.at(i).rows >= calls.at(i - 1).rows);
            QVERIFY(calls.at(i).percent >= calls.at(i - 1).percent);
        }
        if (calls.size() > 1)
            QVERIFY(calls.first().percent >= 0 && calls.first().percent < 100);
        QFile::remove(file(QStringLiteral("b.ndjson")));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
