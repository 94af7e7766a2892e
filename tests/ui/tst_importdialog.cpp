// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV import dialog against the real server: the preview shows the file's first records exactly
// (quotes, commas, line breaks, Unicode), the mapping follows the header (reordered, other case) or the
// table's order, a mapping COPY cannot run blocks Import, and the import is all or nothing: a good file
// lands exactly, a bad line or Cancel writes nothing and the message names the line and column.
#include "filesearch.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/transfer/exportwriter.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/transfer/importdialog.h>
#include <pgdesk/ui/transfer/transferfeature.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using pgdesk::ui::ImportDialog;

class TestImportDialog final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    const QString m_schema = QStringLiteral("import_ui_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;

    QString sql(const QString& text) const {
        return pgdesk::test::psql(QString(text).replace(QStringLiteral("$S"), m_schema));
    }
    pgdesk::core::TableInfo table(const QString& name) const {
        auto c = pgdesk::core::Connection::open(pgdesk::test::profile());
        return pgdesk::core::CatalogReader(c).table(m_schema, name);
    }
    QString file(const QString& name, const QByteArray& bytes) const {
        return pgdesk::test::writeFile(m_dir.filePath(name), bytes);
    }
    // Sets the file and waits for its preview (read on a worker).
    static bool load(ImportDialog& d, const QString& path) {
        QSignalSpy updated(&d, &ImportDialog::previewUpdated);
        d.setPath(path);
        return !updated.isEmpty() || updated.wait(10000); // at once when there is nothing to read
    }
    static bool setDelimiter(ImportDialog& d, char delimiter) {
        QSignalSpy updated(&d, &ImportDialog::previewUpdated);
        d.setDelimiter(delimiter);
        return !updated.isEmpty() || updated.wait(10000); // at once when there is nothing to read
    }
    static QString cell(const ImportDialog& d, int row, int column) {
        return d.previewModel()->index(row, column).data().toString();
    }
    static QString columnTitle(const ImportDialog& d, int column) {
        return d.previewModel()->headerData(column, Qt::Horizontal).toString();
    }
    // Runs the import and returns (ok, message).
    static std::pair<bool, QString> run(ImportDialog& d) {
        QSignalSpy finished(&d, &ImportDialog::finished);
        d.start();
        if (!d.isRunning() || !finished.wait(60000))
            return {false, QStringLiteral("did not run or finish")};
        return {finished.first().at(0).toBool(), finished.first().at(1).toString()};
    }
    // items as "id|Name|price|note" lines, NULL shown as <N>.
    QString items() const {
        return sql(
            QStringLiteral("select string_agg(id || '|' || \"Name\" || '|' || coalesce(price::text, '<N>') "
                           "|| '|' || coalesce(note, '<N>'), E'\\n' order by id) from $S.items"));
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        QVERIFY(m_dir.isValid());
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create table $S.items (id int primary key, "Name" text not null default '', price numeric(10,2),
                                   note text, made int generated always as (id * 2) stored);
            create table $S.logs (log_id int generated always as identity, msg text);
            create view $S.items_v as select id, note from $S.items;)"));
    }
    void init() { sql(QStringLiteral("truncate $S.items")); }

    // NDJSON and XLSX: the format by the extension, the keys or the header row name the fields, a field
    // without a column is left out (COPY gets only the others), the sheet is chosen, and the rows land.
    void ndjsonAndXlsxImport() {
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QAbstractItemModelTester tester(d.previewModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QByteArray ndjson =
            "{\"note\": \"a\\tb\", \"id\": 1, \"extra\": [1, 2], \"Name\": \"one\", \"price\": 1.5}\n"
            "\n{\"id\": 2, \"Name\": \"two\", \"Name\": \"שתיים\", \"price\": null, \"note\": \"\"}\n";
        QVERIFY(load(d, file(QStringLiteral("rows.ndjson"), ndjson)));
        QCOMPARE(d.format(), pgdesk::core::ImportFormat::Ndjson);
        QCOMPARE(d.fileColumnCount(), 5);
        QCOMPARE(columnTitle(d, 2), QStringLiteral("extra"));
        QCOMPARE(d.mapping(), (QStringList{"note", "id", "", "Name", "price"}));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));
        QVERIFY2(d.mappingText().contains(QStringLiteral("left out")), qPrintable(d.mappingText()));
        const auto [ok, message] = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(items(), QStringLiteral("1|one|1.50|a\tb\n2|שתיים|<N>|"));
        // A key twice in one object: the import says which value it kept, as the CLI does.
        QVERIFY2(
            message.contains(QStringLiteral("line 3: the key \"Name\" appears more than once in the object; "
                                            "its last value was imported")),
            qPrintable(message));

        // A workbook written by the export: its sheet listed, its header row naming the columns.
        sql(QStringLiteral("truncate $S.items"));
        const QString xlsx = m_dir.filePath(QStringLiteral("rows.xlsx"));
        sql(QStringLiteral("insert into $S.items values (7, 'seven', 7.25, 'x')"));
        {
            auto c = pgdesk::core::Connection::open(pgdesk::test::profile());
            pgdesk::core::ExportOptions options;
            options.format = pgdesk::core::ExportFormat::Xlsx;
            pgdesk::core::ExportWriter(c).exportTo({}, table(QStringLiteral("items")), xlsx, options);
        }
        sql(QStringLiteral("truncate $S.items"));
        ImportDialog x(m_pool, table(QStringLiteral("items")));
        QVERIFY(load(x, xlsx));
        QCOMPARE(x.format(), pgdesk::core::ImportFormat::Xlsx);
        QCOMPARE(x.sheets(), QStringList{"Sheet1"});
        QCOMPARE(cell(x, 1, 1), QStringLiteral("seven"));
        QCOMPARE(x.mapping(), (QStringList{"id", "Name", "price", "note"}));
        const auto [xok, xmessage] = run(x);
        QVERIFY2(xok, qPrintable(xmessage));
        QCOMPARE(items(), QStringLiteral("7|seven|7.25|x"));
    }

    // The header box follows the file until the user sets it: a first line of data naming no column is data,
    // an exported file's first line is its header; a workbook of data likewise (read again without header).
    void headerFollowsTheFile() {
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QVERIFY(d.header());
        QVERIFY(load(d, file(QStringLiteral("data.csv"), "1,a,2.5\n2,b,3\n")));
        QVERIFY(!d.header());
        QCOMPARE(d.mapping(), (QStringList{"id", "Name", "price"}));
        QCOMPARE(cell(d, 1, 0), QStringLiteral("1"));
        QVERIFY(load(d, file(QStringLiteral("named.csv"), "price,id\n2.5,1\n")));
        QVERIFY(d.header());
        QCOMPARE(d.mapping(), (QStringList{"price", "id"}));
        d.setHeader(false); // the user's choice stays for the next file
        QVERIFY(load(d, file(QStringLiteral("named2.csv"), "id,Name\n1,a\n")));
        QVERIFY(!d.header());

        const QString xlsx = m_dir.filePath(QStringLiteral("data.xlsx"));
        sql(QStringLiteral("truncate $S.items"));
        sql(QStringLiteral("insert into $S.items values (8, 'eight', 8.5, 'x')"));
        {
            auto c = pgdesk::core::Connection::open(pgdesk::test::profile());
            pgdesk::core::ExportOptions options;
            options.format = pgdesk::core::ExportFormat::Xlsx;
            options.header = false;
            pgdesk::core::ExportWriter(c).exportTo({}, table(QStringLiteral("items")), xlsx, options);
        }
        sql(QStringLiteral("truncate $S.items"));
        ImportDialog x(m_pool, table(QStringLiteral("items")));
        QSignalSpy updated(&x, &ImportDialog::previewUpdated);
        x.setPath(xlsx);
        QTRY_VERIFY_WITH_TIMEOUT(!x.header() && !updated.isEmpty() && x.previewRecordCount() == 1, 10000);
        QCOMPARE(cell(x, 1, 1), QStringLiteral("eight"));
    }

    void previewShowsTheFirstRecordsExactly() {
        QByteArray csv = "id,Name,price,note\n"
                         "1,\"comma, inside\",1.50,\"say \"\"hi\"\"\"\n"
                         "2,\"two\nlines\",2,\"ünïcødé ✓ 日本\"\r\n";
        for (int i = 3; i <= 40; ++i)
            csv += QByteArray::number(i) + ",n" + QByteArray::number(i) + ",1,\n";
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QAbstractItemModelTester tester(d.previewModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!d.canImport());
        QVERIFY(d.mappingText().contains(QStringLiteral("Choose a file")));
        QVERIFY(load(d, file(QStringLiteral("preview.csv"), csv)));
        QCOMPARE(d.fileColumnCount(), 4);
        QCOMPARE(d.previewRecordCount(), 20); // bounded, whatever the file's length
        QCOMPARE(columnTitle(d, 1), QStringLiteral("Name"));
        QCOMPARE(cell(d, 1, 1), QStringLiteral("comma, inside"));
        QCOMPARE(cell(d, 1, 3), QStringLiteral("say \"hi\""));
        QCOMPARE(cell(d, 2, 1), QStringLiteral("two\u21b5lines")); // one line in the grid
        QCOMPARE(d.previewModel()->index(2, 1).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("two\nlines"));
        QCOMPARE(cell(d, 2, 3), QStringLiteral("ünïcødé ✓ 日本"));
        QCOMPARE(cell(d, 20, 0), QStringLiteral("20"));
        QCOMPARE(d.mapping(), (QStringList{"id", "Name", "price", "note"}));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));
        // The generated column is not offered.
        QCOMPARE(d.targetBox(0)->count(), 5); // "(choose a column)" + id, Name, price, note
        QVERIFY(d.targetBox(0)->findData(QStringLiteral("made")) < 0);

        // Without the header the first line is data, and the columns go in table order.
        d.setHeader(false);
        QCOMPARE(d.previewRecordCount(), 20);
        QCOMPARE(cell(d, 1, 0), QStringLiteral("id"));
        QCOMPARE(columnTitle(d, 0), QStringLiteral("Column 1"));
        QCOMPARE(d.mapping(), (QStringList{"id", "Name", "price", "note"}));

        // A short file without a final line end: its last record is shown too.
        QVERIFY(load(d, file(QStringLiteral("short.csv"), "5,a,1,x\n6,b,2,y")));
        QCOMPARE(d.previewRecordCount(), 2);
        QCOMPARE(cell(d, 2, 3), QStringLiteral("y"));
        QVERIFY(load(d, file(QStringLiteral("empty.csv"), "")));
        QCOMPARE(d.previewRecordCount(), 0);
        QVERIFY(!d.canImport());
        QVERIFY(load(d, m_dir.filePath(QStringLiteral("missing.csv"))));
        QVERIFY2(d.mappingText().startsWith(QStringLiteral("Cannot read")), qPrintable(d.mappingText()));
        QVERIFY(!d.canImport());
    }

    void headerMapsByNameReorderedAndIgnoringCase() {
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QVERIFY(load(d, file(QStringLiteral("reordered.csv"), "NOTE,price,name,ID\nx,1.5,a,7\n")));
        QCOMPARE(d.mapping(), (QStringList{"note", "price", "Name", "id"}));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));
        QVERIFY2(d.mappingText().contains(QStringLiteral("4 file columns")), qPrintable(d.mappingText()));
        const auto [ok, message] = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(items(), QStringLiteral("7|a|1.50|x"));
        QVERIFY(!d.canImport()); // not twice by accident

        // A field no column has: Import waits until it is mapped, and says why.
        QVERIFY(load(d, file(QStringLiteral("extra.csv"), "\xEF\xBB\xBFid,Name,extra\n8,b,c\n")));
        QCOMPARE(d.mapping(), (QStringList{"id", "Name", ""})); // the byte order mark does not hide "id"
        QVERIFY(!d.canImport());
        QVERIFY2(d.mappingText().contains(QStringLiteral("File column 3 (\"extra\") has no table column")) &&
                     d.mappingText().contains(QStringLiteral("COPY cannot skip file columns")),
                 qPrintable(d.mappingText()));
        d.setTarget(2, QStringLiteral("note"));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));
        QVERIFY2(d.mappingText().contains(QStringLiteral("The other columns get their defaults: price.")),
                 qPrintable(d.mappingText())); // not "made": generated
    }

    void withoutHeaderMapsInTableOrder() {
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        d.setHeader(false);
        QVERIFY(load(d, file(QStringLiteral("three.csv"), "1,a,2.5\n2,b,3\n")));
        QCOMPARE(d.mapping(), (QStringList{"id", "Name", "price"}));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));
        const auto [ok, message] = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(items(), QStringLiteral("1|a|2.50|<N>\n2|b|3.00|<N>"));

        // More file columns than writable table columns: COPY cannot skip them, and the dialog says so.
        QVERIFY(load(d, file(QStringLiteral("five.csv"), "1,a,2,n,10\n")));
        QCOMPARE(d.mapping(), (QStringList{"id", "Name", "price", "note", ""}));
        QVERIFY(!d.canImport());
        QVERIFY2(d.mappingText().contains(QStringLiteral("has only 4")) &&
                     d.mappingText().contains(QStringLiteral("COPY cannot skip file columns")),
                 qPrintable(d.mappingText()));

        // GENERATED ALWAYS AS IDENTITY is not offered either.
        ImportDialog logs(m_pool, table(QStringLiteral("logs")));
        logs.setHeader(false);
        QVERIFY(load(logs, file(QStringLiteral("logs.csv"), "hello\n")));
        QCOMPARE(logs.targetBox(0)->count(), 2);
        QCOMPARE(logs.mapping(), QStringList{QStringLiteral("msg")});
    }

    void duplicateTargetBlocksImport() {
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QVERIFY(load(d, file(QStringLiteral("dup.csv"), "id,Name\n1,a\n")));
        QVERIFY(d.canImport());
        d.setTarget(1, QStringLiteral("id"));
        QVERIFY(!d.canImport());
        QVERIFY2(d.mappingText().contains(QStringLiteral(
                     "Table column id is chosen for file columns 1 (\"id\") and 2 (\"Name\")")),
                 qPrintable(d.mappingText()));
        d.setTarget(1, QString());
        QVERIFY(!d.canImport());
        d.setTarget(1, QStringLiteral("note"));
        QVERIFY(d.canImport());
    }

    void delimiters() {
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QVERIFY(setDelimiter(d, '\t'));
        QVERIFY(load(d, file(QStringLiteral("tab.tsv"), "id\tName\tnote\n1\ta,b\t\"x\ty\"\n")));
        QCOMPARE(d.fileColumnCount(), 3);
        QCOMPARE(cell(d, 1, 1), QStringLiteral("a,b"));
        QCOMPARE(cell(d, 1, 2), QStringLiteral("x\ty"));
        auto [ok, message] = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(items(), QStringLiteral("1|a,b|<N>|x\ty"));

        QVERIFY(load(d, file(QStringLiteral("semi.csv"), "id;Name;price\n2;c,d;\"3,5\"\n")));
        QCOMPARE(d.fileColumnCount(), 1); // still Tab: one column
        QVERIFY(setDelimiter(d, ';'));
        QCOMPARE(d.fileColumnCount(), 3);
        QCOMPARE(cell(d, 1, 1), QStringLiteral("c,d"));
        d.setTarget(2, QStringLiteral("note")); // "3,5" is no numeric
        std::tie(ok, message) = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(sql(QStringLiteral("select \"Name\" || '|' || note from $S.items where id = 2")),
                 QStringLiteral("c,d|3,5"));

        // A custom one, and one COPY refuses.
        QVERIFY(load(d, file(QStringLiteral("hash.csv"), "id#Name\n3#e\n")));
        QVERIFY(setDelimiter(d, '#'));
        QCOMPARE(d.mapping(), (QStringList{"id", "Name"}));
        QVERIFY(d.canImport());
        d.setDelimiter('"');
        QVERIFY(!d.canImport());
        QVERIFY(d.mappingText().contains(QStringLiteral("delimiter")));
    }

    void nullTextAndQuotedEmpty() {
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        // COPY csv: an unquoted empty field is NULL, a quoted one ("") the empty string.
        QVERIFY(load(d, file(QStringLiteral("null1.csv"), "id,Name,price,note\n1,a,,\n2,b,,\"\"\n")));
        auto [ok, message] = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(items(), QStringLiteral("1|a|<N>|<N>\n2|b|<N>|"));

        // With NULL text "NULL": only the unquoted word is NULL; an unquoted empty field is ''.
        d.setNullText(QStringLiteral("NULL"));
        QVERIFY(load(d, file(QStringLiteral("null2.csv"),
                             "id,Name,price,note\n3,c,NULL,NULL\n4,d,1,\"NULL\"\n5,e,2,\n")));
        std::tie(ok, message) = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(sql(QStringLiteral("select string_agg(coalesce(price::text, '<N>') || '|' || "
                                    "coalesce(note, '<N>'), ',' order by id) from $S.items where id >= 3")),
                 QStringLiteral("<N>|<N>,1.00|NULL,2.00|"));

        // The NULL text cannot hold the delimiter.
        d.setNullText(QStringLiteral("a,b"));
        QVERIFY(!d.canImport());
        QVERIFY(d.mappingText().contains(QStringLiteral("NULL text")));
    }

    void goodImportWritesEveryRow() {
        // Values SQL can say again: the table must equal what generate_series makes.
        QByteArray csv = "note,price,id,name\n";
        for (int i = 1; i <= 5000; ++i) {
            const QByteArray n = QByteArray::number(i);
            QByteArray note; // NULL
            if (i % 10 == 1)
                note = "\"\""; // the empty string
            else if (i % 10 != 0)
                note = QByteArray("\"line ") + n + ",\n\"\"ü✓\"\"\"";
            csv += note + "," + QByteArray::number(i * 1.25, 'f', 2) + "," + n + ",\"name " + n +
                   ", \"\"q\"\"\"\n";
        }
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QVERIFY(load(d, file(QStringLiteral("good.csv"), csv)));
        QCOMPARE(d.mapping(), (QStringList{"note", "price", "id", "Name"}));
        const auto [ok, message] = run(d);
        QVERIFY2(ok, qPrintable(message));
        QVERIFY2(d.statusText().startsWith(QStringLiteral("Imported ")), qPrintable(d.statusText()));
        const QString expected = QStringLiteral(
            "(select i, 'name ' || i || ', \"q\"', round(i * 1.25, 2), case when i % 10 = 0 then null "
            "when i % 10 = 1 then '' else 'line ' || i || E',\\n\"ü✓\"' end from generate_series(1, 5000) "
            "i)");
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items")), QStringLiteral("5000"));
        QCOMPARE(sql(QStringLiteral("select count(*) from ((select id, \"Name\", price, note from $S.items) "
                                    "except %1) x")
                         .arg(expected)),
                 QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("select count(*) from (%1 except (select id, \"Name\", price, note from "
                                    "$S.items)) x")
                         .arg(expected)),
                 QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where note is null")),
                 QStringLiteral("500"));
    }

    void badLineWritesNothingAndIsNamed() {
        QByteArray csv = "id,Name,price\n";
        for (int i = 1; i <= 1000; ++i)
            csv += QByteArray::number(i) + ",n," + (i == 700 ? "abc" : "1.5") + "\n";
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        QVERIFY(load(d, file(QStringLiteral("bad.csv"), csv)));
        const auto [ok, message] = run(d);
        QVERIFY(!ok);
        // The header is line 1, so record 700 is line 701.
        QVERIFY2(message.startsWith(QStringLiteral("Nothing was written")) &&
                     message.contains(QStringLiteral("line 701, column price")) &&
                     message.contains(QStringLiteral("abc")),
                 qPrintable(message));
        QCOMPARE(d.statusText(), message);
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items")), QStringLiteral("0"));
        QVERIFY(d.canImport()); // fix the file and try again
    }

    void cancelWritesNothing() {
        QByteArray csv;
        for (int i = 1; i <= 1000000; ++i)
            csv += QByteArray::number(i) + ",some name " + QByteArray::number(i) + ",12.5,a note\n";
        ImportDialog d(m_pool, table(QStringLiteral("items")));
        d.setHeader(false);
        QVERIFY(load(d, file(QStringLiteral("big.csv"), csv)));
        QSignalSpy finished(&d, &ImportDialog::finished);
        // The event loop keeps running: no gap between two 10 ms ticks longer than a stall would be.
        int ticks = 0;
        qint64 longestGap = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&] {
            ++ticks;
            longestGap = std::max(longestGap, sinceTick.restart());
        });
        timer.start(10);
        d.start();
        QVERIFY(d.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(d.statusText().contains(QStringLiteral("bytes sent")), 20000);
        d.reject(); // Cancel while running: cancels; the dialog stays until the import has stopped
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.first().at(0).toBool());
        QCOMPARE(d.statusText(), QStringLiteral("Cancelled: nothing was written."));
        QVERIFY(ticks > 0);
        QVERIFY2(longestGap < 1000, qPrintable(QString::number(longestGap)));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items")), QStringLiteral("0"));
        QVERIFY(d.canImport());
    }

    // File ▸ Import CSV into table… works on the table tab in front, refuses a view, and reloads the tab.
    // Import into new table: names from the header, types guessed from the records (editable, any type the
    // server knows), the table's name from the file's; a name missing, twice or a type left empty blocks
    // Import; the table is created with the rows, and the window opens it.
    void newTableFromCsv() {
        ImportDialog d(m_pool, m_schema);
        QAbstractItemModelTester tester(d.previewModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(d.createsTable());
        QVERIFY(load(
            d,
            file(QStringLiteral("new people.csv"),
                 "id,Name,born,amount,zip,doc\n1,\"Ann, \"\"A\"\"\",2001-02-03,1.5,01234,\"{\"\"a\"\": 1}\"\n"
                 "2,שלום,2001-02-04,123456789012345678901234567890,99999,[]\n")));
        QCOMPARE(d.fileColumnCount(), 6);
        QCOMPARE(d.previewRecordCount(), 2);
        QCOMPARE(cell(d, 2, 1), QStringLiteral("Ann, \"A\""));
        QCOMPARE(d.newColumnNames(), (QStringList{"id", "Name", "born", "amount", "zip", "doc"}));
        QCOMPARE(d.newColumnTypes(), (QStringList{"integer", "text", "date", "numeric", "text", "jsonb"}));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));
        QVERIFY2(d.mappingText().contains(QStringLiteral("new people")), qPrintable(d.mappingText()));

        d.setNewColumn(1, QStringLiteral("id"), {});
        QVERIFY(!d.canImport());
        QVERIFY2(d.mappingText().contains(QStringLiteral("twice")), qPrintable(d.mappingText()));
        d.setNewColumn(1, QString(), {});
        QVERIFY2(d.mappingText().contains(QStringLiteral("COPY cannot skip")), qPrintable(d.mappingText()));
        d.setNewColumn(1, QStringLiteral("Name"), {});
        d.setNewColumn(3, QStringLiteral("amount"), QStringLiteral("numeric(40,2)"));
        d.setNewTableName(QString());
        QVERIFY(!d.canImport());
        d.setNewTableName(QStringLiteral("new \"people\""));
        QVERIFY2(d.canImport(), qPrintable(d.mappingText()));

        QSignalSpy created(&d, &ImportDialog::tableCreated);
        const auto [ok, message] = run(d);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().at(0).toString(), m_schema);
        QCOMPARE(created.first().at(1).toString(), QStringLiteral("new \"people\""));
        QCOMPARE(
            sql(QStringLiteral("select string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' "
                               "order by attnum) from pg_attribute where attrelid = "
                               "'$S.\"new \"\"people\"\"\"'::regclass and attnum > 0"))
                .trimmed(),
            QStringLiteral("id integer, Name text, born date, amount numeric(40,2), zip text, doc jsonb"));
        QCOMPARE(
            sql(QStringLiteral("select string_agg(concat_ws('|', id, \"Name\", amount, zip, doc), E'\\n' "
                               "order by id) from $S.\"new \"\"people\"\"\"")),
            QStringLiteral("1|Ann, \"A\"|1.50|01234|{\"a\": 1}\n"
                           "2|שלום|123456789012345678901234567890.00|99999|[]"));
    }

    // NDJSON into a new table: a field whose name is emptied is left out; a bad value leaves no table.
    void newTableFromNdjsonLeavesOutUnnamedFields() {
        ImportDialog d(m_pool, m_schema);
        QVERIFY(load(d, file(QStringLiteral("events.ndjson"),
                             "{\"at\": \"2024-01-01T10:00:00Z\", \"tags\": [\"a\"], \"skip\": 1}\n"
                             "{\"at\": \"2024-01-02T10:00:00Z\", \"tags\": {\"b\": true}, \"skip\": 2}\n")));
        QCOMPARE(d.newColumnTypes(), (QStringList{"timestamp with time zone", "jsonb", "integer"}));
        d.setNewColumn(2, QString(), {});
        QVERIFY2(d.mappingText().contains(QStringLiteral("left out")), qPrintable(d.mappingText()));
        d.setNewColumn(0, QStringLiteral("at"), QStringLiteral("integer"));
        const auto [ok, message] = run(d);
        QVERIFY2(!ok, "a timestamp is no integer"); // the server refuses: nothing is created
        QVERIFY2(message.contains(QStringLiteral("line 1")), qPrintable(message));
        QCOMPARE(sql(QStringLiteral("select to_regclass('$S.events') is null")).trimmed(),
                 QStringLiteral("t"));
        d.setNewColumn(0, QStringLiteral("at"), QStringLiteral("timestamptz"));
        const auto [ok2, message2] = run(d);
        QVERIFY2(ok2, qPrintable(message2));
        QCOMPARE(
            sql(QStringLiteral("select string_agg(tags::text, ' ' order by at) from $S.events")).trimmed(),
            QStringLiteral("[\"a\"] {\"b\": true}"));
        QCOMPARE(
            sql(QStringLiteral("select count(*) from pg_attribute where attrelid = '$S.events'::regclass "
                               "and attnum > 0"))
                .trimmed(),
            QStringLiteral("2"));
    }

    void mainWindowImportsIntoTheCurrentTable() {
        pgdesk::ui::MainWindow w;
        auto* action = w.findChild<QAction*>(QStringLiteral("importAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
        QVERIFY(!action->isEnabled());
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 15000);

        pgdesk::ui::TableBrowser* view =
            pgdesk::ui::BrowseFeature::of(w)->openTable(m_schema, QStringLiteral("items_v"));
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->table().has_value(), 15000);
        QVERIFY(action->isEnabled());
        QVERIFY(!pgdesk::ui::TransferFeature::of(w)->importIntoCurrentTable());
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("is not a table")),
                 qPrintable(w.statusBar()->currentMessage()));

        pgdesk::ui::TableBrowser* browser =
            pgdesk::ui::BrowseFeature::of(w)->openTable(m_schema, QStringLiteral("items"));
        QTRY_VERIFY_WITH_TIMEOUT(browser->table().has_value() && !browser->isLoading(), 15000);
        QCOMPARE(browser->model()->rowCount(), 0);
        ImportDialog* d = pgdesk::ui::TransferFeature::of(w)->importIntoCurrentTable();
        QVERIFY(d);
        QVERIFY(load(*d, file(QStringLiteral("window.csv"), "id,Name\n1,a\n2,b\n")));
        QSignalSpy reloaded(browser, &pgdesk::ui::TableBrowser::pageLoaded);
        const auto [ok, message] = run(*d);
        QVERIFY2(ok, qPrintable(message));
        QVERIFY(reloaded.wait(15000));
        QCOMPARE(browser->model()->rowCount(), 2);
        d->reject();

        // Import into new table: the File menu's item, the schema from the table in front; the new table
        // opens.
        QVERIFY(w.findChild<QAction*>(QStringLiteral("importNewTableAction")));
        ImportDialog* created = pgdesk::ui::TransferFeature::of(w)->importIntoNewTable();
        QVERIFY(created && created->createsTable());
        QVERIFY(load(*created, file(QStringLiteral("window_new.csv"), "k,v\n1,x\n")));
        const auto [cok, cmessage] = run(*created);
        QVERIFY2(cok, qPrintable(cmessage));
        QTRY_VERIFY_WITH_TIMEOUT(pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() &&
                                     pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->table() &&
                                     pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->table()->name ==
                                         QLatin1String("window_new"),
                                 15000);
        QCOMPARE(pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->table()->schema, m_schema);
        created->reject();
    }
};

PGDESK_UI_TEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
