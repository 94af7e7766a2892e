// SPDX-License-Identifier: GPL-3.0-or-later
// XLSX, JSON and NDJSON imports against the real server: the same rows imported from CSV and from each
// format are equal (EXCEPT both ways), with NULL vs '', Unicode and right-to-left text, tabs, newlines and
// backslashes, dates and timestamps, booleans, 30-digit numerics and jsonb; a bad value names its line,
// object or sheet row and column, and nothing is imported; an XLSX written by the export reads back.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/exportwriter.h>
#include <pgdesk/core/transfer/importer.h>
#include <pgdesk/core/transfer/recordsource.h>

#include <zip.h>

#include <QBuffer>
#include <QDate>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamWriter>

using namespace pgdesk::core;

namespace {

// The rows every format carries: id, name, note, born, seen, flag, amount, doc (nullopt = NULL).
using Row = QList<std::optional<QString>>;
const QStringList kColumns{"id", "name", "note", "born", "seen", "flag", "amount", "doc"};

QList<Row> rowsToImport() {
    return {
        {"1", "jürgen, \"the\" groß", std::nullopt, "2024-02-29", "2024-03-01 12:30:45", "true",
         "123456789012345678901234567890.12", "{\"a\": [1, 2], \"b\": \"x\"}"},
        {"2", "שלום עולם / سلام", "", "1900-03-01", "1999-12-31 23:59:59.5", "false",
         "-0.000000000000000000000000000001", std::nullopt},
        {"3", "tab\there\nnew\\line %_", "back\\slash", std::nullopt, std::nullopt, std::nullopt, "0", "[]"},
        {"4", "", "x", "2000-01-01", "2000-01-01 00:00:00", "true", "1000", "\"only a string\""},
    };
}

QByteArray csvOf(const QList<Row>& rows) {
    QByteArray out = kColumns.join(',').toUtf8() + '\n';
    for (const Row& row : rows) {
        QStringList fields;
        for (const auto& v : row)
            fields << (v ? QLatin1Char('"') + QString(*v).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                               QLatin1Char('"')
                         : QString());
        out += fields.join(',').toUtf8() + '\n';
    }
    return out;
}

QByteArray jsonString(const QString& s) {
    QByteArray out = "\"";
    for (const char c : s.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out + '"';
}

// One object; numbers, booleans and the document as JSON values, everything else as strings.
QByteArray objectOf(const Row& row, bool reorder) {
    QList<QByteArray> members;
    for (int c = 0; c < kColumns.size(); ++c) {
        const auto& v = row[c];
        QByteArray value;
        if (!v)
            value = "null";
        else if (c == 0 || c == 5 || c == 6 || c == 7)
            value = v->toUtf8();
        else
            value = jsonString(*v);
        members << jsonString(kColumns[c]) + ": " + value;
    }
    if (reorder)
        std::reverse(members.begin(), members.end());
    return "{" + members.join(", ") + "}";
}

void writeZip(const QString& path, const QList<std::pair<QString, QByteArray>>& parts) {
    zipFile zip = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    QVERIFY(zip);
    for (const auto& [name, data] : parts) {
        zip_fileinfo info{};
        QCOMPARE(zipOpenNewFileInZip64(zip, name.toUtf8().constData(), &info, nullptr, 0, nullptr, 0, nullptr,
                                       Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0),
                 ZIP_OK);
        QCOMPARE(zipWriteInFileInZip(zip, data.constData(), unsigned(data.size())), ZIP_OK);
        QCOMPARE(zipCloseFileInZip(zip), ZIP_OK);
    }
    QCOMPARE(zipClose(zip, nullptr), ZIP_OK);
}

double excelSerial(const QString& iso) {
    const QDateTime t = QDateTime::fromString(iso.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QDate d = t.isValid() ? t.date() : QDate::fromString(iso, Qt::ISODate);
    double serial = QDate(1899, 12, 30).daysTo(d);
    if (t.isValid())
        serial += (t.time().msecsSinceStartOfDay() + (iso.size() > 19 ? iso.mid(20).toInt() * 100 : 0)) /
                  86400000.0;
    return serial;
}

// A workbook as a spreadsheet program writes one: shared strings (one of them ''), inline strings, numbers,
// booleans, dates and timestamps by built-in (14, 22) and custom number formats, NULL as no cell at all.
QByteArray sheetXml(const QList<Row>& rows, QStringList& shared,
                    const QList<std::pair<int, QString>>& extra = {}) {
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("worksheet"));
    w.writeDefaultNamespace(QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main"));
    w.writeStartElement(QStringLiteral("sheetData"));
    const auto sharedIndex = [&](const QString& s) {
        if (!shared.contains(s))
            shared << s;
        return QString::number(shared.indexOf(s));
    };
    const auto cell = [&](int col, int row, const QString& type, int style, const QString& value,
                          bool inlineText) {
        w.writeStartElement(QStringLiteral("c"));
        w.writeAttribute(QStringLiteral("r"), QChar(u'A' + col) + QString::number(row));
        if (!type.isEmpty())
            w.writeAttribute(QStringLiteral("t"), type);
        if (style)
            w.writeAttribute(QStringLiteral("s"), QString::number(style));
        if (inlineText) {
            w.writeStartElement(QStringLiteral("is"));
            w.writeTextElement(QStringLiteral("t"), value);
            w.writeEndElement();
        } else {
            w.writeTextElement(QStringLiteral("v"), value);
        }
        w.writeEndElement();
    };
    w.writeStartElement(QStringLiteral("row"));
    w.writeAttribute(QStringLiteral("r"), QStringLiteral("1"));
    for (int c = 0; c < kColumns.size(); ++c)
        cell(c, 1, QStringLiteral("s"), 0, sharedIndex(kColumns[c]), false);
    w.writeEndElement();
    int rowNumber = 1;
    for (const Row& row : rows) {
        ++rowNumber;
        if (rowNumber == 3)
            ++rowNumber; // an empty row between: skipped, and the numbering still names sheet rows
        w.writeStartElement(QStringLiteral("row"));
        w.writeAttribute(QStringLiteral("r"), QString::number(rowNumber));
        for (int c = 0; c < kColumns.size(); ++c) {
            const auto& v = row[c];
            if (!v)
                continue;
            if (c == 0) {
                cell(c, rowNumber, {}, 0, *v, false);
            } else if (c == 3) {
                cell(c, rowNumber, {}, 1, QString::number(excelSerial(*v), 'g', 17), false);
            } else if (c == 4) {
                cell(c, rowNumber, {}, rowNumber == 4 ? 3 : 2, QString::number(excelSerial(*v), 'g', 17),
                     false);
            } else if (c == 5) {
                cell(c, rowNumber, QStringLiteral("b"), 0, *v == QLatin1String("true") ? "1" : "0", false);
            } else if (c == 6 && v->size() < 15) {
                cell(c, rowNumber, {}, 0, *v, false);
            } else if (c == 1 && rowNumber % 2) {
                cell(c, rowNumber, QStringLiteral("inlineStr"), 0, *v, true);
            } else {
                cell(c, rowNumber, QStringLiteral("s"), 0, sharedIndex(*v), false);
            }
        }
        w.writeEndElement();
    }
    for (const auto& [row, text] : extra) {
        w.writeStartElement(QStringLiteral("row"));
        w.writeAttribute(QStringLiteral("r"), QString::number(row));
        cell(0, row, {}, 0, QString::number(row * 10), false);
        cell(3, row, QStringLiteral("s"), 0, sharedIndex(text), false);
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

void writeWorkbook(const QString& path, const QList<Row>& rows,
                   const QList<std::pair<int, QString>>& extra = {}) {
    QStringList shared;
    const QByteArray sheet = sheetXml(rows, shared, extra);
    QByteArray sst;
    QXmlStreamWriter w(&sst);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("sst"));
    w.writeDefaultNamespace(QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main"));
    for (const QString& s : shared) {
        w.writeStartElement(QStringLiteral("si"));
        if (s.contains(QLatin1Char('"'))) { // rich text runs, a phonetic run left out
            w.writeStartElement(QStringLiteral("r"));
            w.writeTextElement(QStringLiteral("t"), s.left(3));
            w.writeEndElement();
            w.writeStartElement(QStringLiteral("r"));
            w.writeTextElement(QStringLiteral("t"), s.mid(3));
            w.writeEndElement();
            w.writeStartElement(QStringLiteral("rPh"));
            w.writeTextElement(QStringLiteral("t"), QStringLiteral("ignored"));
            w.writeEndElement();
        } else {
            w.writeTextElement(QStringLiteral("t"), s);
        }
        w.writeEndElement();
    }
    w.writeEndDocument();
    const QByteArray ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    writeZip(
        path,
        {{"xl/workbook.xml",
          "<?xml version=\"1.0\"?><workbook " + ns +
              " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
              "<sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId2\"/><sheet name=\"Data ✓\" sheetId=\"2\" "
              "r:id=\"rId1\"/></sheets></workbook>"},
         {"xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\"?><Relationships "
          "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"http://x/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
          "<Relationship Id=\"rId3\" Type=\"http://x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
          "<Relationship Id=\"rId4\" Type=\"http://x/styles\" Target=\"styles.xml\"/></Relationships>"},
         {"xl/sharedStrings.xml", sst},
         {"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns +
                               "><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd "
                               "hh:mm:ss.0;@\"/></numFmts><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf "
                               "numFmtId=\"14\"/><xf numFmtId=\"22\"/><xf numFmtId=\"164\"/></cellXfs>"
                               "</styleSheet>"},
         {"xl/worksheets/sheet1.xml", sheet},
         {"xl/worksheets/sheet2.xml", "<?xml version=\"1.0\"?><worksheet " + ns +
                                          "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>not "
                                          "this one</t></is></c></row></sheetData></worksheet>"}});
}

} // namespace

class TestImportFormats final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connection closes
    Connection m_c;
    const QString m_schema = QStringLiteral("impf_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;

    TableInfo table(const QString& name) { return CatalogReader(m_c).table(m_schema, name); }
    // Rows in one table and not the other, both ways, against the CSV import.
    QString differences(const QString& b, const QString& columns = QStringLiteral("*")) {
        return pgdesk::test::psqlValue(
            QStringLiteral(
                "select count(*) from ((select %3 from %1.%2 except all select %3 from %1.\"t csv\") "
                "union all (select %3 from %1.\"t csv\" except all select %3 from %1.%2)) d")
                .arg(m_schema, b, columns));
    }
    qint64 count(const QString& t) {
        return pgdesk::test::psqlValue(QStringLiteral("select count(*) from %1.%2").arg(m_schema, t))
            .toLongLong();
    }
    qint64 importFile(const QString& tableName, const QString& path, ImportFormat format,
                      const QString& sheet = {}) {
        ImportOptions o;
        o.header = true;
        Importer importer(m_c, table(tableName));
        if (format == ImportFormat::Xlsx) {
            auto source = openXlsxRecords(path, sheet, true);
            return importer.importRecords(*source, o);
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        auto source = openJsonRecords(f, format);
        return importer.importRecords(*source, o);
    }
    QString write(const QString& name, const QByteArray& data) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        return path;
    }
    void expectFailure(const QString& tableName, const QString& path, ImportFormat format,
                       const QStringList& mentions) {
        try {
            importFile(tableName, path, format,
                       format == ImportFormat::Xlsx ? QStringLiteral("Data ✓") : QString());
            QFAIL("expected the import to fail");
        } catch (const Error& e) {
            const QString m = QString::fromUtf8(e.what());
            for (const QString& word : mentions)
                QVERIFY2(m.contains(word), qPrintable(m + QStringLiteral(" should mention ") + word));
        }
        QCOMPARE(count(QStringLiteral("\"%1\"").arg(tableName)), 0);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_c = Connection::open(pgdesk::test::profile());
        QString setup;
        for (const char* t : {"t csv", "t ndjson", "t json", "t xlsx", "t export"})
            setup +=
                QStringLiteral("create table $S.\"%1\" (id int primary key, name text, note text, born date, "
                               "seen timestamp, flag boolean, amount numeric, doc jsonb);")
                    .arg(QLatin1String(t));
        m_scratch.emplace(m_schema, setup);
        QBuffer csv;
        csv.setData(csvOf(rowsToImport()));
        csv.open(QIODevice::ReadOnly);
        ImportOptions o;
        o.header = true;
        QCOMPARE(Importer(m_c, table(QStringLiteral("t csv"))).importCsv(csv, o), 4);
    }

    void ndjsonEqualsCsv() {
        QByteArray text = "\xEF\xBB\xBF"; // a byte order mark, then blank lines and CRLF line ends
        const auto rows = rowsToImport();
        for (int i = 0; i < rows.size(); ++i)
            text += objectOf(rows[i], i % 2) + (i == 1 ? "\r\n\n  \n" : "\n");
        QCOMPARE(importFile(QStringLiteral("t ndjson"), write("a.ndjson", text), ImportFormat::Ndjson), 4);
        QCOMPARE(differences(QStringLiteral("\"t ndjson\"")), QStringLiteral("0"));
    }

    void jsonArrayEqualsCsv() {
        QByteArray text = "[\n";
        const auto rows = rowsToImport();
        for (int i = 0; i < rows.size(); ++i)
            text += (i ? ",\n  " : "  ") + objectOf(rows[i], i == 2);
        text += "\n]\n";
        QCOMPARE(importFile(QStringLiteral("t json"), write("a.json", text), ImportFormat::Json), 4);
        QCOMPARE(differences(QStringLiteral("\"t json\"")), QStringLiteral("0"));
        // A key missing from a later object is NULL.
        auto source = [&] {
            QBuffer b;
            b.setData("[{\"a\": 1, \"b\": \"x\"}, {\"a\": 2}]");
            b.open(QIODevice::ReadOnly);
            auto s = openJsonRecords(b, ImportFormat::Json);
            QList<ImportValue> f;
            QStringList out;
            while (s->next(f))
                out << QStringLiteral("%1|%2").arg(QString::fromUtf8(f[0].value_or("<N>")),
                                                   QString::fromUtf8(f[1].value_or("<N>")));
            return out;
        };
        QCOMPARE(source(), (QStringList{"1|x", "2|<N>"}));
    }

    void xlsxEqualsCsv() {
        const QString path = m_dir.filePath(QStringLiteral("a.xlsx"));
        writeWorkbook(path, rowsToImport());
        QCOMPARE(xlsxSheetNames(path), (QStringList{"Notes", "Data ✓"}));
        QCOMPARE(importFile(QStringLiteral("t xlsx"), path, ImportFormat::Xlsx, QStringLiteral("Data ✓")), 4);
        QCOMPARE(differences(QStringLiteral("\"t xlsx\"")), QStringLiteral("0"));
        const RecordPreview preview = previewRecords(path, ImportFormat::Xlsx, {}, true, 10);
        QCOMPARE(preview.fieldNames, QStringList{"not this one"});
        QCOMPARE(preview.sheets.size(), 2);
    }

    void exportedXlsxReadsBack() {
        // The export's own workbook (libxlsxwriter): numbers, dates, timestamps, booleans and long text.
        // '' comes back as '' (a formula cell of value ""), NULL as NULL (no cell): every value as it was.
        const QString path = m_dir.filePath(QStringLiteral("export.xlsx"));
        ExportOptions options;
        options.format = ExportFormat::Xlsx;
        ExportWriter(m_c).exportTo(QuerySpec{}, table(QStringLiteral("t csv")), path, options);
        QCOMPARE(importFile(QStringLiteral("t export"), path, ImportFormat::Xlsx), 4);
        QCOMPARE(differences(QStringLiteral("\"t export\"")), QStringLiteral("0"));
        // EXCEPT tells '' from NULL, and the rows hold both in note ('' in name too).
        QCOMPARE(pgdesk::test::psqlValue(
                     QStringLiteral("select count(*) filter (where note = '') > 0 and count(*) "
                                    "filter (where note is null) > 0 and count(*) filter (where "
                                    "name = '') > 0 from %1.\"t export\"")
                         .arg(m_schema)),
                 QStringLiteral("t"));
    }

    void init() {
        if (!QByteArray(QTest::currentTestFunction()).startsWith("bad"))
            return;
        for (const char* t : {"t ndjson", "t json", "t xlsx"})
            m_c.exec(QStringLiteral("truncate %1.\"%2\"").arg(m_schema, QLatin1String(t)), Params{});
    }

    // A key a record leaves out is NULL in that row, whatever the record before held there (the reader
    // reuses the previous record's values' memory), and the keys' order may change from record to record.
    void missingKeysAreNull() {
        m_c.exec(QStringLiteral("truncate %1.\"t ndjson\"").arg(m_schema), Params{});
        const QByteArray text = "{\"id\": 1, \"name\": \"a\", \"note\": \"n1\", \"flag\": true}\n"
                                "{\"id\": 2}\n"
                                "{\"note\": \"n3\", \"id\": 3}\n"
                                "{\"id\": 4, \"name\": \"a longer name than before\", \"flag\": false}\n"
                                "{\"name\": \"e\", \"id\": 5, \"flag\": null}\n";
        QCOMPARE(importFile(QStringLiteral("t ndjson"), write("missing.ndjson", text), ImportFormat::Ndjson),
                 5);
        QCOMPARE(pgdesk::test::psqlValue(
                     QStringLiteral(
                         "select string_agg(concat_ws(':', id, coalesce(name, '-'), coalesce(note, '-'), "
                         "coalesce(flag::text, '-')), ',' order by id) from %1.\"t ndjson\"")
                         .arg(m_schema)),
                 QStringLiteral("1:a:n1:true,2:-:-:-,3:-:n3:-,4:a longer name than before:-:false,5:e:-:-"));
    }

    void badNdjsonValueNamesLineAndColumn() {
        QByteArray text = "{\"id\": 1, \"amount\": 1}\n\n{\"id\": 2, \"amount\": 2}\n";
        for (int i = 3; i < 500; ++i)
            text += "{\"id\": " + QByteArray::number(i) + ", \"amount\": " + (i == 321 ? "\"12,5\"" : "1.5") +
                    "}\n";
        // 321 is on line 322: the blank line counts as a line of the file
        expectFailure(QStringLiteral("t ndjson"), write("bad.ndjson", text), ImportFormat::Ndjson,
                      {QStringLiteral("line 322"), QStringLiteral("amount"), QStringLiteral("12,5")});
    }

    void badNdjsonRecordsAreNamed() {
        // The first 1,000 objects choose the columns: a key first seen after them is refused, by its line.
        QByteArray late;
        for (int i = 1; i <= 1004; ++i)
            late += "{\"id\": " + QByteArray::number(i) + (i == 1003 ? ", \"surprise\": 1}\n" : "}\n");
        expectFailure(QStringLiteral("t ndjson"), write("late.ndjson", late), ImportFormat::Ndjson,
                      {QStringLiteral("line 1003"), QStringLiteral("surprise")});
        expectFailure(QStringLiteral("t ndjson"), write("array.ndjson", "{\"id\": 1}\n[1, 2]\n"),
                      ImportFormat::Ndjson, {QStringLiteral("line 2"), QStringLiteral("object")});
        expectFailure(QStringLiteral("t ndjson"), write("broken.ndjson", "{\"id\": 1}\n{\"id\": 2,}\n"),
                      ImportFormat::Ndjson, {QStringLiteral("line 2")});
        expectFailure(QStringLiteral("t ndjson"), write("unknown.ndjson", "{\"id\": 1, \"nope\": 2}\n"),
                      ImportFormat::Ndjson, {QStringLiteral("nope")});
    }

    void badJsonValueNamesObjectAndColumn() {
        expectFailure(
            QStringLiteral("t json"),
            write("bad.json", "[{\"id\": 1}, {\"id\": 2},\n {\"id\": 3, \"born\": \"the day after\"}]"),
            ImportFormat::Json, {QStringLiteral("object 3"), QStringLiteral("born")});
        expectFailure(QStringLiteral("t json"), write("cut.json", "[{\"id\": 1}, {\"id\": 2"),
                      ImportFormat::Json, {QStringLiteral("object 2")});
        expectFailure(QStringLiteral("t json"), write("notarray.json", "{\"id\": 1}"), ImportFormat::Json,
                      {QStringLiteral("array")});
    }

    void badXlsxValueNamesRowAndColumn() {
        const QString path = m_dir.filePath(QStringLiteral("bad.xlsx"));
        writeWorkbook(path, rowsToImport(), {{9, QStringLiteral("2024-13-45")}});
        expectFailure(QStringLiteral("t xlsx"), path, ImportFormat::Xlsx,
                      {QStringLiteral("row 9"), QStringLiteral("born")});
    }

    void formatsFromNamesAndPaths() {
        QCOMPARE(importFormatForPath(QStringLiteral("/x/Sales.XLSX")), ImportFormat::Xlsx);
        QCOMPARE(importFormatForPath(QStringLiteral("a.jsonl")), ImportFormat::Ndjson);
        QCOMPARE(importFormatForPath(QStringLiteral("a.tsv")), ImportFormat::Csv);
        QVERIFY(!importFormatForPath(QStringLiteral("a.parquet")));
        QCOMPARE(importFormatFromName(QStringLiteral("ndjson")), ImportFormat::Ndjson);
    }
};

QTEST_GUILESS_MAIN(TestImportFormats)
#include "tst_importformats.moc"
