// The export engine against the real server: CSV byte-equal to psql's \copy and re-importable, JSON values
// equal to the server's text, SQL that re-loads into an empty copy, XLSX cell types, hostile filter values
// inlined into COPY as inert literals, and cancel/failure leaving no file.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/connection.h>
#include <pgdesk/core/errors.h>
#include <pgdesk/core/exportwriter.h>
#include <pgdesk/core/sqlbuilder.h>

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QXmlStreamReader>

#include <cmath>
#include <thread>

using namespace pgdesk::core;
using pgdesk::test::psql;

namespace {

const QString kHostile = QStringLiteral("public.\"we\"\"ird; drop table x;--\"");

QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Everything in dir, hidden files included (a temporary file left behind would show here).
QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

SortKey sortBy(const QString& column) {
    SortKey k;
    k.column = column;
    return k;
}

Condition condition(const QString& column, FilterOp op, const QStringList& values) {
    Condition c;
    c.column = column;
    c.op = op;
    c.values = values;
    return c;
}

// Rows of a that b lacks or has fewer times, and the other way round, compared as row text (json, xml
// and point have no equality operator, their text does).
QString difference(const QString& a, const QString& b) {
    return psql(
        QStringLiteral("select count(*) from ((select t::text from %1 t except all select t::text from %2 t) "
                       "union all (select t::text from %2 t except all select t::text from %1 t)) d")
            .arg(a, b));
}

// Significant digits of a decimal number, with or without an exponent ("-0012.3400" → 4, "1.5e-09" → 2);
// -1 for anything else (NaN, Infinity).
int significantDigits(QString text) {
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    if (e >= 0)
        text.truncate(e);
    if (text.startsWith(QLatin1Char('-')))
        text.remove(0, 1);
    if (text.isEmpty() || text.count(QLatin1Char('.')) > 1)
        return -1;
    for (const QChar c : std::as_const(text)) {
        if (!c.isDigit() && c != QLatin1Char('.'))
            return -1;
    }
    QString digits = text;
    digits.remove(QLatin1Char('.'));
    while (digits.startsWith(QLatin1Char('0')))
        digits.remove(0, 1);
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return int(digits.size());
}

// What Excel shows exactly: at most 15 significant digits, within a double's normal range.
bool excelNumber(const QString& text) {
    const int digits = significantDigits(text);
    const double v = std::abs(text.toDouble());
    return digits >= 0 && digits <= 15 && (v == 0 || (v >= 1e-307 && v < 1e308));
}

struct Cell {
    QString type;   // the t attribute: "" (number), "b", "inlineStr", "s"
    QString value;  // <v> or the inline text
    QString format; // number format code of its style ("General" when none)
};

// unzip -p FILE MEMBER
QByteArray unzipMember(const QString& file, const QString& member) {
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), file, member});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

// Cells of sheet1 by row number (1-based) and column index, with each style's number format.
QHash<int, QHash<int, Cell>> readSheet(const QString& file) {
    QStringList formats; // by style index
    {
        QHash<int, QString> codes{{0, QStringLiteral("General")}, {14, QStringLiteral("m/d/yyyy")}};
        QXmlStreamReader xml(unzipMember(file, QStringLiteral("xl/styles.xml")));
        bool inCellXfs = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("numFmt"))
                codes[xml.attributes().value(QLatin1String("numFmtId")).toInt()] =
                    xml.attributes().value(QLatin1String("formatCode")).toString();
            else if (xml.isStartElement() && xml.name() == QLatin1String("cellXfs"))
                inCellXfs = true;
            else if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs"))
                inCellXfs = false;
            else if (inCellXfs && xml.isStartElement() && xml.name() == QLatin1String("xf"))
                formats << codes.value(xml.attributes().value(QLatin1String("numFmtId")).toInt());
        }
    }
    QHash<int, QHash<int, Cell>> sheet;
    QXmlStreamReader xml(unzipMember(file, QStringLiteral("xl/worksheets/sheet1.xml")));
    int row = 0;
    int column = 0;
    Cell cell;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("c"))
                sheet[row][column] = cell;
            continue;
        }
        if (xml.name() == QLatin1String("row")) {
            row = xml.attributes().value(QLatin1String("r")).toInt();
        } else if (xml.name() == QLatin1String("c")) {
            const QString ref = xml.attributes().value(QLatin1String("r")).toString();
            column = 0;
            for (const QChar ch : ref) {
                if (!ch.isLetter())
                    break;
                column = column * 26 + (ch.toLatin1() - 'A' + 1);
            }
            --column;
            cell = Cell{
                xml.attributes().value(QLatin1String("t")).toString(), QString(),
                formats.value(xml.attributes().value(QLatin1String("s")).toInt(), QStringLiteral("General"))};
        } else if (xml.name() == QLatin1String("v") || xml.name() == QLatin1String("t")) {
            // Excel's own escapes: _xHHHH_ is the character U+HHHH (so _x005F_ is an underscore).
            static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
            const QString raw = xml.readElementText();
            cell.value.clear();
            qsizetype at = 0;
            for (auto it = escape.globalMatch(raw); it.hasNext();) {
                const auto m = it.next();
                cell.value +=
                    raw.mid(at, m.capturedStart() - at) + QChar(m.captured(1).toUShort(nullptr, 16));
                at = m.capturedEnd();
            }
            cell.value += raw.mid(at);
        }
    }
    return sheet;
}

// Excel's serial day of a date (1900 date system, dates from March 1900 on).
double excelSerial(const QDate& date) {
    return double(date.toJulianDay() - QDate(1899, 12, 30).toJulianDay());
}

} // namespace

class TestExport final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QTemporaryDir m_dir;
    QString m_schema;

    QString file(const QString& name) const { return m_dir.filePath(name); }

    ExportResult exportTable(const QString& name, const ExportOptions& options, const QString& path,
                             QuerySpec spec = {}) {
        const TableInfo table = CatalogReader(m_c).table(name);
        spec.schema = table.schema;
        spec.table = table.name;
        ExportWriter writer(m_c);
        return writer.exportTo(spec, table, path, options);
    }

    ExportResult exportQuery(const QString& sql, const ExportOptions& options, const QString& path,
                             QuerySpec spec = {}) {
        const TableInfo table = CatalogReader(m_c).describeQuery(sql);
        spec.sql = sql;
        ExportWriter writer(m_c);
        return writer.exportTo(spec, table, path, options);
    }

    static ExportOptions format(ExportFormat f) {
        ExportOptions o;
        o.format = f;
        return o;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_c = Connection::open(pgdesk::test::profile());
        m_schema = QStringLiteral("export_test_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema);
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
            // A like pattern escaped with escapeLike matches the value itself; contains matches it literally.
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

    // like and ilike are SQL patterns (% any text, _ one character, \ escapes), inlined into COPY as they
    // are; contains, starts_with and ends_with match % and _ literally. Each equals psql's \copy of the
    // same WHERE clause.
    void likePatternsMatchPsql_data() {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("where");
        QTest::newRow("like A_E%") << int(FilterOp::Like) << "A_E%"
                                   << "v like 'A_E%'";
        QTest::newRow("ilike a_e%") << int(FilterOp::ILike) << "a_e%"
                                    << "v ilike 'a_e%'";
        QTest::newRow("like escaped") << int(FilterOp::Like) << "A\\_E%"
                                      << "v like 'A\\_E%'";
        QTest::newRow("like %\\%") << int(FilterOp::Like) << "%\\%"
                                   << "v like '%\\%'";
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
        psql(QStringLiteral("drop table if exists %1; create table %1 (id int primary key, v text); "
                            "insert into %1 values (1, 'ABE'), (2, 'A_E x'), (3, 'AE'), (4, 'abe'), "
                            "(5, 'ACE 100%'), (6, 'xA_E'), (7, 'A\\E'), (8, 'Ab'), (9, 'ACED')")
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
        QVERIFY(sent.at(0).endsWith(
            QLatin1String("TO STDOUT (FORMAT csv, HEADER true, DELIMITER ',', NULL '')")));
        QVERIFY2(sent.at(1).startsWith(QLatin1String("COPY (SELECT ")) &&
                     sent.at(1).contains(QLatin1String("ORDER BY")) &&
                     sent.at(1).endsWith(QLatin1String(") TO STDOUT")),
                 qPrintable(sent.at(1)));
        QVERIFY2(sent.at(2).contains(QLatin1String("WHERE (\"deleted_at\" IS NULL)")),
                 qPrintable(sent.at(2)));
        QVERIFY(sent.at(3).startsWith(QLatin1String("COPY (SELECT ")));
    }

    // TSV is CSV with a tab: values with tabs and newlines are quoted. Options reach COPY as literals.
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

    // Every value equals the server's text (NULL → null); booleans are true/false, json is embedded.
    void jsonValuesEqualServerText_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("key");
        QTest::newRow("type_showcase") << "type_showcase"
                                       << "id";
        QTest::newRow("users") << "users"
                               << "id";
        QTest::newRow("products") << "inventory.products"
                                  << "product_id";
        QTest::newRow("hostile") << kHostile << "id";
    }
    void jsonValuesEqualServerText() {
        QFETCH(QString, table);
        QFETCH(QString, key);
        QuerySpec spec;
        spec.sort << sortBy(key);
        const TableInfo info = CatalogReader(m_c).table(table);
        exportTable(table, format(ExportFormat::Json), file(QStringLiteral("a.json")), spec);
        exportTable(table, format(ExportFormat::NdJson), file(QStringLiteral("a.ndjson")), spec);
        QJsonParseError error;
        const QJsonArray rows =
            QJsonDocument::fromJson(readFile(file(QStringLiteral("a.json"))), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QList<QByteArray> lines = readFile(file(QStringLiteral("a.ndjson"))).split('\n');
        QCOMPARE(lines.size(), rows.size() + 1); // a newline ends each line
        const Result server = m_c.exec(QStringLiteral("select * from %1 order by %2").arg(table, key));
        QCOMPARE(rows.size(), server.rowCount());
        for (int r = 0; r < server.rowCount(); ++r) {
            const QJsonObject o = rows.at(r).toObject();
            QCOMPARE(QJsonDocument::fromJson(lines.at(r)).object(), o);
            QCOMPARE(o.size(), server.columnCount());
            for (int c = 0; c < server.columnCount(); ++c) {
                const QJsonValue v = o.value(server.columnName(c));
                const ColumnInfo& col = info.columns.at(c);
                if (server.isNull(r, c))
                    QVERIFY2(v.isNull(), qPrintable(server.columnName(c)));
                else if (col.category == TypeCategory::Boolean)
                    QCOMPARE(v.toBool() ? QStringLiteral("t") : QStringLiteral("f"), server.text(r, c));
                else if (col.category == TypeCategory::Json)
                    QCOMPARE(v, QJsonDocument::fromJson("[" + server.bytes(r, c) + "]").array().at(0));
                else
                    QCOMPARE(v.toString(), server.text(r, c));
            }
        }
    }

    // Numbers mode: a number exactly when a double holds it; the rest stay strings and are counted.
    void jsonNumbersKeepInexactValuesAsStrings() {
        QuerySpec spec;
        spec.sort << sortBy(QStringLiteral("id"));
        ExportOptions o = format(ExportFormat::Json);
        o.jsonNumbers = true;
        const ExportResult r =
            exportTable(QStringLiteral("type_showcase"), o, file(QStringLiteral("n.json")), spec);
        const QJsonArray rows = QJsonDocument::fromJson(readFile(file(QStringLiteral("n.json")))).array();
        const TableInfo info = CatalogReader(m_c).table(QStringLiteral("type_showcase"));
        const Result server = m_c.exec(QStringLiteral("select * from type_showcase order by id"));
        qint64 strings = 0;
        for (int row = 0; row < server.rowCount(); ++row) {
            for (int c = 0; c < server.columnCount(); ++c) {
                const ColumnInfo& col = info.columns.at(c);
                const bool numeric = col.category == TypeCategory::Integer ||
                                     col.category == TypeCategory::Numeric ||
                                     col.category == TypeCategory::Float;
                if (!numeric || server.isNull(row, c))
                    continue;
                const QJsonValue v = rows.at(row).toObject().value(col.name);
                const QString text = server.text(row, c);
                if (v.isString()) {
                    QCOMPARE(v.toString(), text);
                    ++strings;
                } else {
                    QVERIFY2(v.isDouble(), qPrintable(col.name + QLatin1Char('=') + text));
                    QCOMPARE(v.toDouble(), text.toDouble());
                    if (col.category == TypeCategory::Integer)
                        QVERIFY(std::abs(text.toDouble()) <= 9007199254740992.0);
                    if (col.category == TypeCategory::Numeric)
                        QVERIFY(significantDigits(text) <= 15);
                }
            }
        }
        QCOMPARE(r.inexactNumbers, strings);
        const QJsonObject maxRow = rows.at(1).toObject();
        QCOMPARE(maxRow.value(QStringLiteral("c_bigint")), QJsonValue(QStringLiteral("9223372036854775807")));
        QCOMPARE(maxRow.value(QStringLiteral("c_integer")), QJsonValue(2147483647));
        QCOMPARE(rows.at(4).toObject().value(QStringLiteral("c_double")), QJsonValue(QStringLiteral("NaN")));
        QCOMPARE(rows.at(12).toObject().value(QStringLiteral("c_numeric")), QJsonValue(1.25));
    }

    // INSERT statements re-load into an empty copy (identity ALWAYS, domains, enums, arrays, json, bytea,
    // infinities, BC dates) and give the same rows.
    void sqlReloadsIntoEmptyCopy_data() {
        QTest::addColumn<QString>("table");
        QTest::newRow("type_showcase") << "public.type_showcase";
        QTest::newRow("products") << "inventory.products";
        QTest::newRow("posts") << "public.posts";
        QTest::newRow("hostile") << kHostile;
        QTest::newRow("keyless") << "public.audit_log";
    }
    void sqlReloadsIntoEmptyCopy() {
        QFETCH(QString, table);
        const QString copy = m_schema + QStringLiteral(".reload");
        psql(QStringLiteral("drop table if exists %1; create table %1 (like %2 including all)")
                 .arg(copy, table));
        ExportOptions o = format(ExportFormat::Sql);
        o.sqlTable = copy;
        o.sqlRowsPerStatement = 7;
        QuerySpec spec;
        spec.scope = SoftDeleteScope::All;
        const ExportResult r = exportTable(table, o, file(QStringLiteral("a.sql")), spec);
        // A session with other date and interval styles reads the file the same way.
        Connection other = Connection::open(pgdesk::test::profile());
        other.exec(QStringLiteral("set datestyle = 'SQL, DMY'; set intervalstyle = 'sql_standard'"));
        other.exec(QString::fromUtf8(readFile(file(QStringLiteral("a.sql")))));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(copy)), QString::number(r.rows));
        QCOMPARE(difference(table, copy), QStringLiteral("0"));
    }

    void xlsxCellTypes() {
        QuerySpec spec;
        spec.sort << sortBy(QStringLiteral("id"));
        const ExportResult r = exportTable(QStringLiteral("type_showcase"), format(ExportFormat::Xlsx),
                                           file(QStringLiteral("t.xlsx")), spec);
        QCOMPARE(r.rows, 20);
        QCOMPARE(r.sheets, 1);
        const auto sheet = readSheet(file(QStringLiteral("t.xlsx")));
        const TableInfo info = CatalogReader(m_c).table(QStringLiteral("type_showcase"));
        m_c.exec(QStringLiteral("set datestyle = 'ISO'"));
        const Result server = m_c.exec(QStringLiteral("select * from type_showcase order by id"));
        m_c.exec(QStringLiteral("reset datestyle"));
        QCOMPARE(sheet.value(1).value(0).value, QStringLiteral("id"));
        int numbers = 0, booleans = 0, dates = 0, strings = 0;
        for (int row = 0; row < server.rowCount(); ++row) {
            for (int c = 0; c < server.columnCount(); ++c) {
                const Cell cell = sheet.value(row + 2).value(c);
                const QString text = server.text(row, c);
                const QString where =
                    QStringLiteral("%1 row %2: %3").arg(info.columns.at(c).name).arg(row + 1).arg(text);
                if (server.isNull(row, c)) {
                    QVERIFY2(!sheet.value(row + 2).contains(c), qPrintable(where));
                    continue;
                }
                switch (info.columns.at(c).category) {
                case TypeCategory::Integer:
                case TypeCategory::Numeric:
                case TypeCategory::Float:
                    if (excelNumber(text)) {
                        QVERIFY2(cell.type.isEmpty(), qPrintable(where));
                        QCOMPARE(cell.value.toDouble(), text.toDouble());
                        ++numbers;
                        continue;
                    }
                    break;
                case TypeCategory::Boolean:
                    QCOMPARE(cell.type, QStringLiteral("b"));
                    QCOMPARE(cell.value,
                             text == QLatin1String("t") ? QStringLiteral("1") : QStringLiteral("0"));
                    ++booleans;
                    continue;
                case TypeCategory::Date:
                case TypeCategory::Timestamp: {
                    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
                    if (!date.isValid() || date.year() < 1900 || text.endsWith(QLatin1String(" BC")))
                        break;
                    QVERIFY2(cell.type.isEmpty(), qPrintable(where));
                    QVERIFY2(cell.format.startsWith(QLatin1String("yyyy-mm-dd")), qPrintable(where));
                    const QTime time = QTime::fromString(text.mid(11, 8), QStringLiteral("HH:mm:ss"));
                    const double expected =
                        excelSerial(date) + (time.isValid() ? time.msecsSinceStartOfDay() / 86400000.0 : 0);
                    QVERIFY2(std::abs(cell.value.toDouble() - expected) < 1.0 / 86400, qPrintable(where));
                    ++dates;
                    continue;
                }
                case TypeCategory::Time: {
                    const QTime time = QTime::fromString(text.left(8), QStringLiteral("HH:mm:ss"));
                    if (info.columns.at(c).typeName != QLatin1String("time without time zone") ||
                        !time.isValid())
                        break;
                    QVERIFY2(cell.type.isEmpty() && cell.format == QLatin1String("hh:mm:ss"),
                             qPrintable(where));
                    QVERIFY2(std::abs(cell.value.toDouble() - time.msecsSinceStartOfDay() / 86400000.0) <
                                 1.0 / 86400,
                             qPrintable(where));
                    ++dates;
                    continue;
                }
                default:
                    break;
                }
                if (text.isEmpty()) { // Excel has no empty text: '' is an empty cell, like NULL
                    QVERIFY2(cell.value.isEmpty(), qPrintable(where));
                    continue;
                }
                QVERIFY2(cell.type == QLatin1String("inlineStr") || cell.type == QLatin1String("s"),
                         qPrintable(where));
                QCOMPARE(cell.value, text);
                ++strings;
            }
        }
        QVERIFY(numbers > 40 && booleans > 10 && dates > 20 && strings > 100);
        // Text that looks like Excel's escapes, control characters and CR survive.
        exportQuery(QStringLiteral("select '_x0041_ _X' as a, E'c\\x01\\x1f\\r\\n' as b"),
                    format(ExportFormat::Xlsx), file(QStringLiteral("e.xlsx")));
        const auto escapes = readSheet(file(QStringLiteral("e.xlsx")));
        QCOMPARE(escapes.value(2).value(0).value, QStringLiteral("_x0041_ _X"));
        QCOMPARE(escapes.value(2).value(1).value, QStringLiteral("c\x01\x1f\r\n"));
        // Hand-checked: 2026-01-02 is serial 46024; a bigint beyond 15 digits stays text.
        QCOMPARE(sheet.value(14).value(13).value.toDouble(), 46024.0);
        QCOMPARE(sheet.value(3).value(4).value, QStringLiteral("9223372036854775807"));
    }

    void markdownEscapesCells() {
        QuerySpec spec;
        spec.sort << sortBy(QStringLiteral("id"));
        exportTable(kHostile, format(ExportFormat::Markdown), file(QStringLiteral("h.md")), spec);
        const QList<QByteArray> lines = readFile(file(QStringLiteral("h.md"))).split('\n');
        QCOMPARE(lines.at(0), QByteArray("| id | select | Mixed Case |"));
        QCOMPARE(lines.at(1), QByteArray("| ---: | --- | --- |"));
        QCOMPARE(lines.at(3), QByteArray("| 2 | ' OR 1=1 -- | Robert'); DROP TABLE students;-- |"));
        QCOMPARE(lines.at(4), QString::fromUtf8("| 3 |  | ß \\& \"quotes\" |").toUtf8());
        exportQuery(QStringLiteral("select E'a|b\\nc\\r\\nd' as \"x|y\", '<b>*_`~[]\\' as z, null as n"),
                    format(ExportFormat::Markdown), file(QStringLiteral("q.md")));
        QCOMPARE(readFile(file(QStringLiteral("q.md"))),
                 QByteArray("| x\\|y | z | n |\n| --- | --- | --- |\n| a\\|b<br>c<br>d | "
                            "\\<b\\>\\*\\_\\`\\~\\[\\]\\\\ |  |\n"));
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
