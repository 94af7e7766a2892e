// SPDX-License-Identifier: GPL-3.0-or-later
// The export engine against the real server, the formats psql has no \copy for: JSON values equal to
// the server's text, JSON numbers, SQL that re-loads into an empty copy, XLSX cell types and escapes,
// Markdown cells. CSV, TSV and cancelling are in tst_export.
#include "exporttest.h"
#include "programs.h"

#include <pgdesk/core/base/errors.h>

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace pgdesk::core;
using pgdesk::test::difference;
using pgdesk::test::kHostile;
using pgdesk::test::psql;
using pgdesk::test::readFile;
using pgdesk::test::sortBy;

namespace {

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
    p.start(pgdesk::test::requireProgram(QStringLiteral("unzip"), "unzip"),
            {QStringLiteral("-p"), file, member});
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

class TestExportFormats final : public QObject, private pgdesk::test::ExportFixture {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        openFixture();
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
                if (text.isEmpty()) { // '' is a formula cell whose value is the empty string (=""), not
                                      // NULL's
                    QVERIFY2(sheet.value(row + 2).contains(c) && cell.type == QLatin1String("str") &&
                                 cell.value.isEmpty(),
                             qPrintable(where));
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
        // '' is a cell (a formula whose value is ""), NULL is none.
        exportQuery(QStringLiteral("select ''::text as e, null::text as n, 'x' as x"),
                    format(ExportFormat::Xlsx), file(QStringLiteral("empty.xlsx")));
        const auto empty = readSheet(file(QStringLiteral("empty.xlsx")));
        QVERIFY(empty.value(2).contains(0));
        QCOMPARE(empty.value(2).value(0).type, QStringLiteral("str"));
        QCOMPARE(empty.value(2).value(0).value, QString());
        QVERIFY(!empty.value(2).contains(1));
        QCOMPARE(empty.value(2).value(2).value, QStringLiteral("x"));
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
};

QTEST_GUILESS_MAIN(TestExportFormats)
#include "tst_exportformats.moc"
