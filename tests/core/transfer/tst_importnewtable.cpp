// SPDX-License-Identifier: GPL-3.0-or-later
// Import into a new table against the real server: a table exported as CSV, NDJSON, JSON and XLSX comes back
// from each file as a new table with the types guessed from the file and the same rows (EXCEPT both ways);
// a bad row past the sample names its place and leaves no table behind; hostile table and column names are
// created exactly; types written by a user are resolved by the server, an unknown or injected one refused by
// its column; the production guard holds for CREATE TABLE too.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/core/transfer/exportwriter.h>
#include <pgdesk/core/transfer/importer.h>
#include <pgdesk/core/transfer/recordsource.h>
#include <pgdesk/core/transfer/typeinference.h>

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;

class TestImportNewTable final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connection closes
    Connection m_c;
    const QString m_schema = QStringLiteral("impn_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;

    QString value(const QString& sql) { return pgdesk::test::psqlValue(sql); }
    bool exists(const QString& name) {
        return value(QStringLiteral(
                         "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                         "where n.nspname = '%1' and c.relname = %2")
                         .arg(m_schema, m_c.quoteLiteral(name))) == QLatin1String("1");
    }
    QStringList typesOf(const QString& name) {
        return value(
                   QStringLiteral("select string_agg(format_type(atttypid, atttypmod), '|' order by attnum) "
                                  "from pg_attribute where attrelid = '%1.%2'::regclass and attnum > 0")
                       .arg(m_schema, m_c.quoteIdentifier(name)))
            .split(QLatin1Char('|'));
    }
    QString exportAs(ExportFormat format, const QString& file) {
        const QString path = m_dir.filePath(file);
        ExportOptions options;
        options.format = format;
        ExportWriter(m_c).exportTo(QuerySpec{}, CatalogReader(m_c).table(m_schema, QStringLiteral("src")),
                                   path, options);
        return path;
    }
    // What `import --create` and the dialog do: names and types from the file's first records, then one
    // transaction that creates the table and copies the rows.
    qint64 importNew(const QString& name, const QString& path, ImportFormat format,
                     const std::function<void(NewTable&)>& adjust = {}, const WriteAccess& write = {}) {
        NewTable spec;
        spec.schema = m_schema;
        spec.name = name;
        ImportOptions options;
        options.header = true;
        options.write = write;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throwError(ErrorKind::Configuration, file.errorString());
        std::unique_ptr<RecordSource> source;
        QStringList fields;
        if (format == ImportFormat::Csv) {
            QList<QStringList> records = parseCsvRecords(file.peek(1 << 20), ',', 1001);
            fields = records.takeFirst();
            spec.types = inferCsvColumnTypes(records, int(fields.size()), options.nullText);
        } else if (format == ImportFormat::Xlsx) {
            const RecordPreview preview = previewRecords(path, format, {}, true, 1000);
            fields = preview.fieldNames;
            spec.types = inferColumnTypes(preview.records, int(fields.size()));
            source = openXlsxRecords(path, {}, true);
        } else {
            source = openJsonRecords(file, format);
            fields = source->fieldNames();
            spec.types = inferColumnTypes(source->sampled(), int(fields.size()));
        }
        spec.columns = newTableColumnNames(fields);
        if (adjust)
            adjust(spec);
        Importer importer(m_c, spec);
        const qint64 rows =
            source ? importer.importRecords(*source, options) : importer.importCsv(file, options);
        return rows;
    }
    QString differences(const QString& name, const QString& columns = QStringLiteral("*")) {
        return value(
            QStringLiteral("select count(*) from ((select %3 from %1.src except all select %3 from %1.%2) "
                           "union all (select %3 from %1.%2 except all select %3 from %1.src)) d")
                .arg(m_schema, m_c.quoteIdentifier(name), columns));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_c = Connection::open(pgdesk::test::profile());
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table $S.src (id int primary key, big bigint, amount numeric, flag boolean, born "
                "date, "
                "seen timestamp, zoned timestamptz, at time, key uuid, doc jsonb, name text, zip text);"
                "insert into $S.src values "
                "(1, 9000000000, 123456789012345678901234567890.12, true, '2024-02-29', '2024-03-01 "
                "12:30:45', "
                " '2024-03-01 12:30:45+02', '23:59:59.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', "
                " '{\"a\": [1, 2], \"b\": \"x\"}', 'jürgen, \"the\" groß', '01234'),"
                "(2, -1, -0.000000000000000000000000000001, false, '1900-03-01', '1999-12-31 23:59:59.5', "
                " '1999-12-31 23:59:59.5+00', '00:00', '00000000-0000-0000-0000-000000000000', '[]', "
                " 'שלום עולם / سلام %_\\', '99999'),"
                "(3, null, null, null, null, null, null, null, null, null, null, null),"
                "(4, 0, 0, true, '2000-01-01', '2000-01-01 00:00:00', '2000-01-01 00:00:00+00', '12:00', "
                " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '{\"nested\": {\"deep\": null}}', "
                " E'tab\\there\\nnew line', '00000');"));
    }

    void eachFormatComesBackAsItsTable_data() {
        QTest::addColumn<int>("exportFormat");
        QTest::addColumn<int>("importFormat");
        QTest::addColumn<QString>("file");
        QTest::newRow("csv") << int(ExportFormat::Csv) << int(ImportFormat::Csv) << "src.csv";
        QTest::newRow("ndjson") << int(ExportFormat::NdJson) << int(ImportFormat::Ndjson) << "src.ndjson";
        QTest::newRow("json") << int(ExportFormat::Json) << int(ImportFormat::Json) << "src.json";
        QTest::newRow("xlsx") << int(ExportFormat::Xlsx) << int(ImportFormat::Xlsx) << "src.xlsx";
    }
    void eachFormatComesBackAsItsTable() {
        QFETCH(int, exportFormat);
        QFETCH(int, importFormat);
        QFETCH(QString, file);
        const QString path = exportAs(ExportFormat(exportFormat), file);
        const QString name = QStringLiteral("from ") + file;
        QCOMPARE(importNew(name, path, ImportFormat(importFormat)), 4);
        QStringList expected{"integer",
                             "bigint",
                             "numeric",
                             "boolean",
                             "date",
                             "timestamp without time zone",
                             "timestamp with time zone",
                             "time without time zone",
                             "uuid",
                             "jsonb",
                             "text",
                             "text"};
        if (ImportFormat(importFormat) == ImportFormat::Xlsx) // a workbook's date cells have no time zone
            expected[6] = QStringLiteral("timestamp without time zone");
        QCOMPARE(typesOf(name), expected);
        QCOMPARE(differences(name), QStringLiteral("0"));
    }

    void badRowPastTheSampleLeavesNoTable() {
        QByteArray text;
        for (int i = 1; i <= 1500; ++i)
            text += "{\"n\": " + (i == 1400 ? QByteArray("\"n/a\"") : QByteArray::number(i)) + "}\n";
        const QString path = m_dir.filePath(QStringLiteral("late.ndjson"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        try {
            importNew(QStringLiteral("late"), path, ImportFormat::Ndjson);
            QFAIL("expected the import to fail");
        } catch (const Error& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains(QLatin1String("line 1400")) && m.contains(QLatin1String("n/a")),
                     qPrintable(m));
        }
        QVERIFY(!exists(QStringLiteral("late")));
    }

    // Quotes, comment marks and dollar quotes reach the names exactly; a line break in a field name becomes a
    // space (control characters never reach a column name).
    void hostileNamesAreCreatedExactly() {
        const QString path = m_dir.filePath(QStringLiteral("hostile.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\"we\"\"ird */ col\",\"$$;drop table x;--\",\"line\nbreak\"\n1,a,b\n");
        f.close();
        const QString table = QStringLiteral("t\"; drop table %1.src; -- */ $$\n");
        QCOMPARE(importNew(table.arg(m_schema), path, ImportFormat::Csv), 1);
        QVERIFY(exists(table.arg(m_schema)));
        QCOMPARE(
            value(QStringLiteral("select string_agg(attname, '|' order by attnum) from pg_attribute where "
                                 "attrelid = '%1.%2'::regclass and attnum > 0")
                      .arg(m_schema, m_c.quoteIdentifier(table.arg(m_schema)))),
            QStringLiteral("we\"ird */ col|$$;drop table x;--|line break"));
        QVERIFY(exists(QStringLiteral("src")));
    }

    void typesAsAUserWritesThem() {
        const QString path = exportAs(ExportFormat::Csv, QStringLiteral("typed.csv"));
        QCOMPARE(importNew(QStringLiteral("typed"), path, ImportFormat::Csv,
                           [](NewTable& t) {
                               t.types[0] = QStringLiteral("int8");
                               t.types[2] = QStringLiteral("numeric ( 60 , 30 )");
                               t.types[6] = QStringLiteral("timestamptz");
                               t.types[10] = QStringLiteral("varchar(40)");
                           }),
                 4);
        const QStringList types = typesOf(QStringLiteral("typed"));
        QCOMPARE(types.value(0), QStringLiteral("bigint"));
        QCOMPARE(types.value(2), QStringLiteral("numeric(60,30)"));
        QCOMPARE(types.value(6), QStringLiteral("timestamp with time zone"));
        QCOMPARE(types.value(10), QStringLiteral("character varying(40)"));
        QCOMPARE(differences(QStringLiteral("typed")), QStringLiteral("0"));

        const QString tags = m_dir.filePath(QStringLiteral("tags.csv"));
        QFile f(tags);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("tags\n\"{a,bc}\"\n");
        f.close();
        QCOMPARE(importNew(QStringLiteral("tags"), tags, ImportFormat::Csv,
                           [](NewTable& t) { t.types[0] = QStringLiteral("varchar( 5 )[]"); }),
                 1);
        QCOMPARE(typesOf(QStringLiteral("tags")), QStringList{"character varying(5)[]"});
    }

    void unknownOrInjectedTypesAreRefusedByColumn() {
        const QString path = exportAs(ExportFormat::Csv, QStringLiteral("refused.csv"));
        for (const QString& type :
             {QStringLiteral("no_such_type"), QStringLiteral("text); drop table src; --"),
              QStringLiteral("int) --"), QString()}) {
            try {
                importNew(QStringLiteral("refused"), path, ImportFormat::Csv,
                          [&](NewTable& t) { t.types[1] = type; });
                QFAIL(qPrintable(QStringLiteral("expected %1 to be refused").arg(type)));
            } catch (const ConfigurationError& e) {
                const QString m = QString::fromUtf8(e.what());
                QVERIFY2(m.contains(QLatin1String("big")) && m.contains(type), qPrintable(m));
            }
            QVERIFY(!exists(QStringLiteral("refused")));
            QVERIFY(exists(QStringLiteral("src")));
        }
    }

    void productionGuardHoldsForTheNewTable() {
        ConnectionProfile production = pgdesk::test::profile();
        production.environment = Environment::Production;
        Connection guarded = Connection::open(production);
        const QString path = exportAs(ExportFormat::Csv, QStringLiteral("guarded.csv"));
        std::swap(m_c, guarded);
        try {
            importNew(QStringLiteral("guarded"), path, ImportFormat::Csv);
            QFAIL("expected the production guard to refuse");
        } catch (const Error& e) {
            QCOMPARE(e.info().sqlState, QStringLiteral("25006")); // read_only_sql_transaction
        }
        QVERIFY(!exists(QStringLiteral("guarded")));
        QCOMPARE(importNew(QStringLiteral("guarded"), path, ImportFormat::Csv, {}, WriteUnlock::create()), 4);
        std::swap(m_c, guarded);
        QVERIFY(exists(QStringLiteral("guarded")));
    }
};

QTEST_GUILESS_MAIN(TestImportNewTable)
#include "tst_importnewtable.moc"
