// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli import: the file lands exactly (round trip with psql's \copy), a bad line is named and
// nothing is written (exit 4), standard input works.
#include "clirunner.h"

#include <QFile>
#include <QTemporaryDir>

using namespace pgdesk::test;

class TestCliImport final : public QObject {
    Q_OBJECT
    const QString m_table = QStringLiteral("public.cli_import_%1").arg(QCoreApplication::applicationPid());
    // The demo's customers as they were when the suite began: other suites running beside this one edit
    // public.customer (agent proposals applied, staged edits), so rows are compared against this copy.
    const QString m_source =
        QStringLiteral("public.cli_import_src_%1").arg(QCoreApplication::applicationPid());

private slots:
    void initTestCase() {
        psql(QStringLiteral("create table %1 (like public.customer including defaults)").arg(m_table));
        psql(QStringLiteral("create table %1 as table public.customer").arg(m_source));
        // A workbook holds times as Excel numbers, read back to the millisecond (Excel's own precision).
        // A row another suite updated has a last_update of now(), microseconds and all (pagila's trigger):
        // the copy keeps milliseconds, so the XLSX round trip is compared at the precision it has.
        psql(QStringLiteral("update %1 set last_update = date_trunc('milliseconds', last_update)")
                 .arg(m_source));
    }
    void cleanupTestCase() { psql(QStringLiteral("drop table %1, %2").arg(m_table, m_source)); }

    void roundTripWithPsqlCopy() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("customer.csv"));
        psql(QStringLiteral("\\copy %1 to '%2' csv header").arg(m_source, file));
        const auto r =
            runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table, file,
                    QStringLiteral("--header"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parseObject(r)[QStringLiteral("rows")].toInt(), 500);
        QCOMPARE(psql(QStringLiteral("select count(*) from (select * from %1 except select * from %2) d")
                          .arg(m_source, m_table))
                     .trimmed(),
                 QStringLiteral("0"));
    }

    void badLineIsNamedAndNothingWritten() {
        psql(QStringLiteral("truncate %1").arg(m_table));
        const QByteArray csv = "customer_id,first_name,last_name,email\n"
                               "1,A,B,a@x\n"
                               "oops,C,D,c@x\n";
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table,
                               QStringLiteral("-"), QStringLiteral("--header")},
                              csv);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("line 3")) && r.err.contains(QStringLiteral("customer_id")),
                 qPrintable(r.err));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(m_table)).trimmed(), QStringLiteral("0"));

        const auto ok =
            runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table,
                    QStringLiteral("-"), QStringLiteral("--delimiter"), QStringLiteral("\\t"),
                    QStringLiteral("--columns"), QStringLiteral("customer_id,first_name,last_name,email")},
                   "9\tÜmit\tYılmaz\tu@x\n");
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(psql(QStringLiteral("select first_name || ' ' || last_name from %1").arg(m_table)).trimmed(),
                 QStringLiteral("Ümit Yılmaz"));
    }

    // The same rows through XLSX (written by export, first sheet, header row) and NDJSON on standard input.
    void xlsxAndNdjsonLandTheSameRows() {
        QTemporaryDir dir;
        const QString xlsx = dir.filePath(QStringLiteral("customer.xlsx"));
        auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("export"), m_source,
                         QStringLiteral("--deleted"), QStringLiteral("all"), QStringLiteral("-o"), xlsx});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString same =
            QStringLiteral("select count(*) from ((select * from %2 except all select * "
                           "from %1) union all (select * from %1 except all select * from %2)) d")
                .arg(m_table, m_source);
        psql(QStringLiteral("truncate %1").arg(m_table));
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table, xlsx,
                    QStringLiteral("--header"), QStringLiteral("--sheet"), QStringLiteral("Sheet1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("imported 500 rows")), qPrintable(r.out));
        QCOMPARE(psql(same).trimmed(), QStringLiteral("0"));

        // PgDesk's own workbook and CSV read back as they are, without --header: the first record names the
        // table's columns, so it is a header, and the summary says so. --no-header keeps it as data.
        const QString csv = dir.filePath(QStringLiteral("customer.csv"));
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("export"), m_source,
                    QStringLiteral("--deleted"), QStringLiteral("all"), QStringLiteral("-o"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString& file : {xlsx, csv}) {
            psql(QStringLiteral("truncate %1").arg(m_table));
            r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table, file});
            QVERIFY2(r.exitCode == 0, qPrintable(file + r.err));
            QVERIFY2(r.out.contains(QStringLiteral("imported 500 rows")) &&
                         r.out.contains(QStringLiteral("names the table's columns: read as a header")),
                     qPrintable(r.out));
            QCOMPARE(psql(same).trimmed(), QStringLiteral("0"));
            psql(QStringLiteral("truncate %1").arg(m_table));
            r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table, file,
                        QStringLiteral("--no-header")});
            QCOMPARE(r.exitCode, 4); // "customer_id" is no integer
            QVERIFY2(r.err.contains(QStringLiteral("customer_id")), qPrintable(r.err));
        }
        // A first line that is data is imported as data (no header found), and the JSON summary says nothing.
        psql(QStringLiteral("truncate %1").arg(m_table));
        const QString dataFirst = dir.filePath(QStringLiteral("data.csv"));
        QFile data(dataFirst);
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write("7,customer_id,last_name,email,true,2026-01-01 00:00:00+00,\n");
        data.close();
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"), QStringLiteral("json"),
                    QStringLiteral("import"), m_table, dataFirst});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!parseObject(r).contains(QStringLiteral("header")));
        QCOMPARE(psql(QStringLiteral("select first_name from %1").arg(m_table)).trimmed(),
                 QStringLiteral("customer_id"));
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table, csv,
                    QStringLiteral("--header"), QStringLiteral("--no-header")});
        QCOMPARE(r.exitCode, 2);

        psql(QStringLiteral("truncate %1").arg(m_table));
        const QByteArray ndjson =
            psql(QStringLiteral("select row_to_json(c) from %1 c").arg(m_source)).toUtf8();
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"), QStringLiteral("ndjson"),
                    QStringLiteral("import"), m_table, QStringLiteral("-")},
                   ndjson);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(psql(same).trimmed(), QStringLiteral("0"));

        // A key twice in one object: the last value goes in (as jsonb keeps it), and the import says so.
        psql(QStringLiteral("truncate %1").arg(m_table));
        r = runCli(
            {QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"), QStringLiteral("ndjson"),
             QStringLiteral("import"), m_table, QStringLiteral("-")},
            "{\"customer_id\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"email\": \"a@x\"}\n"
            "{\"customer_id\": 2, \"first_name\": \"C\", \"first_name\": \"Kept\", \"last_name\": \"D\", "
            "\"email\": \"c@x\"}\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("line 2: the key \"first_name\" appears more than once in the "
                                               "object; its last value was imported")),
                 qPrintable(r.err));
        QCOMPARE(
            psql(QStringLiteral("select first_name from %1 where customer_id = 2").arg(m_table)).trimmed(),
            QStringLiteral("Kept"));

        // A bad object is named by its line, and nothing lands.
        psql(QStringLiteral("truncate %1").arg(m_table));
        r = runCli(
            {QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"), QStringLiteral("ndjson"),
             QStringLiteral("import"), m_table, QStringLiteral("-")},
            "{\"customer_id\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"email\": \"a@x\"}\n"
            "{\"customer_id\": \"two\", \"first_name\": \"C\", \"last_name\": \"D\", \"email\": \"c@x\"}\n");
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("line 2")) && r.err.contains(QStringLiteral("customer_id")),
                 qPrintable(r.err));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(m_table)).trimmed(), QStringLiteral("0"));

        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table, xlsx,
                    QStringLiteral("--sheet"), QStringLiteral("Nope")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("Sheet1")), qPrintable(r.err));
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"),
                    QStringLiteral("parquet"), QStringLiteral("import"), m_table, xlsx});
        QCOMPARE(r.exitCode, 2);
    }

    // --create: the table is made from the file (types from its first records) in the import's transaction;
    // a bad row leaves no table; an existing name is refused; --columns does not go with it.
    void createMakesTheTable() {
        const QString created = m_table + QStringLiteral("_new");
        QTemporaryDir dir;
        QFile csv(dir.filePath(QStringLiteral("new.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("id,name,born,amount,zip\n1,Ann,2001-02-03,1.5,01234\n2,,2001-02-04,"
                  "123456789012345678901234567890,\"\"\n");
        csv.close();
        auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"),
                         QStringLiteral("json"), QStringLiteral("import"), created, csv.fileName(),
                         QStringLiteral("--header"), QStringLiteral("--create")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(o[QStringLiteral("rows")].toInt(), 2);
        QCOMPARE(o[QStringLiteral("created")].toBool(), true);
        QCOMPARE(o[QStringLiteral("table")].toString(), created);
        QCOMPARE(psql(QStringLiteral(
                          "select string_agg(format_type(atttypid, atttypmod), ',' order by attnum) from "
                          "pg_attribute where attrelid = '%1'::regclass and attnum > 0")
                          .arg(created))
                     .trimmed(),
                 QStringLiteral("integer,text,date,numeric,text"));
        QCOMPARE(psql(QStringLiteral("select amount from %1 where id = 2").arg(created)).trimmed(),
                 QStringLiteral("123456789012345678901234567890"));
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), created,
                    QStringLiteral("-"), QStringLiteral("--header"), QStringLiteral("--create")},
                   "id\n1\n");
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("already exists")), qPrintable(r.err));
        psql(QStringLiteral("drop table %1").arg(created));

        QByteArray late; // the types come from the first 1,000 records: line 1,002 does not fit them
        for (int i = 1; i <= 1001; ++i)
            late += "{\"n\": " + QByteArray::number(i) + "}\n";
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"), QStringLiteral("ndjson"),
                    QStringLiteral("import"), created, QStringLiteral("-"), QStringLiteral("--create")},
                   late + "{\"n\": \"many\"}\n");
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("line 1002")) && r.err.contains(QStringLiteral("many")),
                 qPrintable(r.err));
        QCOMPARE(psql(QStringLiteral("select to_regclass('%1') is null").arg(created)).trimmed(),
                 QStringLiteral("t"));

        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), created,
                    QStringLiteral("-"), QStringLiteral("--create"), QStringLiteral("--columns"),
                    QStringLiteral("a")},
                   "1\n");
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
