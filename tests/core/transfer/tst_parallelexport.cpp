// SPDX-License-Identifier: GPL-3.0-or-later
// Parallel export (ExportOptions::jobs) against the real server: the file holds the bytes of one stream and
// of psql's \copy on a table with TOASTed values, dead tuples and rows moved by updates; the snapshot holds
// against a writer committing while it runs; cancel leaves no file; a connection that cannot be opened
// leaves its share to the others; every case that runs as one stream says why.
#include "exporttest.h"
#include "transfer/parallelexport.h"

#include <pgdesk/core/base/errors.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QTest>
#include <QThread>

using namespace pgdesk::core;
using pgdesk::test::psql;
using pgdesk::test::psqlValue;
using pgdesk::test::readFile;

class TestParallelExport final : public QObject, private pgdesk::test::ExportFixture {
    Q_OBJECT

    QString m_big;

    static Connection openAnother() { return Connection::open(pgdesk::test::profile()); }

    QStringList entries() const {
        return QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    ExportResult exportWith(const QString& name, int jobs, const QString& path, ExportOptions options = {},
                            QuerySpec spec = {}, ExportWriter* given = nullptr) {
        const TableInfo table = CatalogReader(m_c).table(name);
        spec.schema = table.schema;
        spec.table = table.name;
        options.jobs = jobs;
        ExportWriter own(m_c);
        own.setConnectionFactory(openAnother); // a given writer comes with its own
        ExportWriter& writer = given ? *given : own;
        return writer.exportTo(spec, table, path, options);
    }

    // Holds the first stream (from its progress callback) until `others` more sessions have started copying
    // ranges, so a count of streams does not depend on how fast the others connect: on a loaded machine the
    // first can take every range before a second has connected (CI saw 1 stream of 2).
    static std::function<void()> holdUntilOthersCopy(int others) {
        auto observer = std::make_shared<Connection>(openAnother());
        const QByteArray since =
            observer->exec(QStringLiteral("select clock_timestamp()")).text(0, 0).toUtf8();
        auto held = std::make_shared<bool>(false);
        return [=] {
            if (std::exchange(*held, true))
                return;
            const QDeadlineTimer deadline(30'000);
            while (!deadline.hasExpired()) {
                const QString copying =
                    observer
                        ->exec(QStringLiteral("select count(*) from pg_stat_activity where pid <> "
                                              "pg_backend_pid() and backend_start >= $1::timestamptz and "
                                              "query like 'COPY (SELECT % FROM ONLY %ctid%'"),
                               {since})
                        .text(0, 0);
                if (copying.toInt() >= others)
                    return;
                QThread::msleep(5);
            }
        };
    }

    // An export in `jobs` streams, every one of them copying.
    ExportResult exportInStreams(const QString& name, int jobs, const QString& path,
                                 ExportOptions options = {}) {
        ExportWriter writer(m_c);
        writer.setConnectionFactory(openAnother);
        const auto hold = holdUntilOthersCopy(jobs - 1);
        writer.setProgressCallback([hold](const ExportProgress&) { hold(); }, 0);
        return exportWith(name, jobs, path, std::move(options), {}, &writer);
    }

    QByteArray psqlCopy(const QString& table, const QString& name, const QString& options = {}) {
        psql(QStringLiteral("\\copy %1 to '%2' csv header %3").arg(table, file(name), options));
        return readFile(file(name));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        openFixture();
        m_big = m_schema + QStringLiteral(".big");
        // About 1,100 pages: 16 ranges for two jobs. Every 500th row holds a value stored out of line
        // (TOAST); NULL and '' differ; quotes, commas, newlines and Hebrew letters in the labels.
        psql(QStringLiteral(
                 "create table %1 (id int primary key, label text, note text, big text, at timestamptz, n "
                 "numeric);"
                 "insert into %1 select i, 'row ' || i || E' \"q\" ,\\n' || chr(1488 + i % 27),"
                 " case when i % 7 = 0 then null when i % 11 = 0 then '' else repeat(md5(i::text), 2) end,"
                 " case when i % 500 = 0 then (select string_agg(md5((i * j)::text), '') from "
                 "generate_series(1, 300) j) end,"
                 " '2026-01-01 00:00+00'::timestamptz + i * interval '1 minute', i * 1.000000000000000000001"
                 " from generate_series(1, 60000) i;"
                 // Dead tuples, and new versions of a third of the rows at the end of the heap: the stored
                 // order is no longer the key's.
                 "delete from %1 where id % 5 = 0;"
                 "update %1 set note = coalesce(note, '') || '!' where id % 3 = 0;")
                 .arg(m_big));
        QVERIFY(psqlValue(QStringLiteral("select pg_relation_size('%1') / 8192 > 1000").arg(m_big)) ==
                QLatin1String("t"));
        QVERIFY(psqlValue(QStringLiteral("select count(*) > 0 from pg_class c join pg_class t on "
                                         "t.oid = c.reltoastrelid where c.oid = '%1'::regclass and "
                                         "pg_relation_size(t.oid) > 0")
                              .arg(m_big)) == QLatin1String("t"));
    }

    void rangesAreBoundedAndCoverTheTable() {
        using pgdesk::core::exporting::rangePages;
        QCOMPARE(rangePages(0, 2), qint64(64));
        QCOMPARE(rangePages(1100, 2), qint64(69)); // 16 ranges
        QCOMPARE(rangePages(10'000'000, 4), qint64(512));
        exporting::RangeCopy copy;
        copy.relation = QStringLiteral("\"s\".\"t\"");
        copy.columns = QStringLiteral("\"a\"");
        copy.options = QStringLiteral("FORMAT csv");
        QCOMPARE(exporting::rangeCopyStatement(copy, 64, 128, false),
                 QStringLiteral("COPY (SELECT \"a\" FROM ONLY \"s\".\"t\" WHERE ctid >= '(64,0)'::tid AND "
                                "ctid < '(128,0)'::tid) TO STDOUT (FORMAT csv, HEADER false)"));
        QCOMPARE(exporting::rangeCopyStatement(copy, 128, -1, true),
                 QStringLiteral("COPY (SELECT \"a\" FROM ONLY \"s\".\"t\" WHERE ctid >= '(128,0)'::tid) TO "
                                "STDOUT (FORMAT csv, HEADER true)"));
    }

    // The same bytes as one stream and as psql's \copy, for 2 and 4 jobs.
    void parallelEqualsOneStreamAndPsql() {
        const QByteArray expected = psqlCopy(m_big, QStringLiteral("psql.csv"));
        QVERIFY(expected.size() > 5'000'000);
        const ExportResult one = exportWith(m_big, 1, file(QStringLiteral("one.csv")));
        QCOMPARE(one.streams, 1);
        QVERIFY(one.singleStreamReason.isEmpty());
        QVERIFY(readFile(file(QStringLiteral("one.csv"))) == expected);
        for (int jobs : {2, 4}) {
            const QString path = file(QStringLiteral("jobs%1.csv").arg(jobs));
            const ExportResult r = exportInStreams(m_big, jobs, path);
            QCOMPARE(r.streams, jobs);
            QVERIFY2(r.singleStreamReason.isEmpty(), qPrintable(r.singleStreamReason));
            QCOMPARE(r.rows, one.rows);
            QCOMPARE(r.bytes, qint64(expected.size()));
            QVERIFY2(readFile(path) == expected, qPrintable(QStringLiteral("jobs %1 differ").arg(jobs)));
        }
        QVERIFY(m_c.isIdle());
    }

    // copyRanges itself with small buffers: three streams, the ones ahead of their turn waiting once they
    // hold 256 KiB, the one in turn writing every 64 KiB; the ranges still land in page order.
    void rangesAreWrittenInTurn() {
        const QByteArray expected = readFile(file(QStringLiteral("psql.csv")));
        QVERIFY(!expected.isEmpty());
        m_c.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        exporting::RangeCopy copy;
        copy.snapshot = m_c.exec(QStringLiteral("select pg_export_snapshot()")).text(0, 0);
        copy.pages =
            m_c.exec(QStringLiteral("select pg_relation_size($1::regclass) / 8192"), {m_big.toUtf8()})
                .text(0, 0)
                .toLongLong();
        copy.relation = m_c.quoteIdentifier(m_schema) + QStringLiteral(".big");
        copy.columns = QStringLiteral("id, label, note, big, at, n");
        copy.options = QStringLiteral("FORMAT csv, DELIMITER ',', NULL ''");
        copy.header = true;
        copy.jobs = 3;
        copy.batchBytes = 64 << 10;
        copy.holdBytes = 256 << 10;
        QFile out(file(QStringLiteral("direct.csv")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        std::atomic<bool> cancelled{false};
        int streamsSeen = 0;
        const auto hold = holdUntilOthersCopy(2);
        const auto r = exporting::copyRanges(
            m_c, openAnother, copy, &out, out.fileName(), cancelled,
            [&](const CancelHandle&) { ++streamsSeen; }, [hold](qint64, qint64) { hold(); });
        out.close();
        m_c.exec(QStringLiteral("COMMIT"));
        QCOMPARE(streamsSeen, 2);
        QCOMPARE(r.streams, 3);
        QCOMPARE(r.bytes, qint64(expected.size()));
        QVERIFY(readFile(file(QStringLiteral("direct.csv"))) == expected);
    }

    // TSV without a header, a NULL text and another delimiter: the options reach every range.
    void optionsReachEveryRange() {
        ExportOptions o;
        o.format = ExportFormat::Tsv;
        o.header = false;
        o.nullText = QStringLiteral("\\N");
        exportWith(m_big, 1, file(QStringLiteral("one.tsv")), o);
        const ExportResult r = exportInStreams(m_big, 3, file(QStringLiteral("three.tsv")), o);
        QCOMPARE(r.streams, 3);
        QVERIFY(readFile(file(QStringLiteral("three.tsv"))) == readFile(file(QStringLiteral("one.tsv"))));
        o.format = ExportFormat::Csv;
        o.header = true;
        o.delimiter = QLatin1Char(';');
        exportWith(m_big, 1, file(QStringLiteral("one.ssv")), o);
        exportWith(m_big, 2, file(QStringLiteral("two.ssv")), o);
        QVERIFY(readFile(file(QStringLiteral("two.ssv"))) == readFile(file(QStringLiteral("one.ssv"))));
    }

    // Rows committed by another session while the export runs are in none of its ranges, even those read
    // by connections that joined after the commit.
    void theSnapshotHoldsAgainstAWriter() {
        const QString live = m_schema + QStringLiteral(".live");
        psql(QStringLiteral("create table %1 as table %2").arg(live, m_big));
        const QByteArray before = psqlCopy(live, QStringLiteral("live_before.csv"));
        // The other stream's connection is opened after the writer committed, and the first stream waits
        // until the other copies, so ranges are copied after the commit.
        Connection writerSession = openAnother();
        bool wrote = false;
        ExportWriter writer(m_c);
        writer.setConnectionFactory([&] {
            writerSession.exec(
                QStringLiteral("update %1 set label = 'changed'; delete from %1 where id % 2 = 1; "
                               "insert into %1 (id) select -i from generate_series(1, 1000) i")
                    .arg(live));
            wrote = true;
            return openAnother();
        });
        const auto hold = holdUntilOthersCopy(1);
        writer.setProgressCallback([hold](const ExportProgress&) { hold(); }, 0);
        const ExportResult r = exportWith(live, 2, file(QStringLiteral("live.csv")), {}, {}, &writer);
        QVERIFY(wrote);
        QCOMPARE(r.streams, 2);
        QVERIFY(readFile(file(QStringLiteral("live.csv"))) == before);
        // The writer's changes did land: a later export sees them.
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1 where id < 0").arg(live)),
                 QStringLiteral("1000"));
        exportWith(live, 2, file(QStringLiteral("live_after.csv")));
        QVERIFY(readFile(file(QStringLiteral("live_after.csv"))) ==
                psqlCopy(live, QStringLiteral("live_psql.csv")));
        QVERIFY(readFile(file(QStringLiteral("live_after.csv"))).contains("changed"));
    }

    void cancelLeavesNoFileAndNoSession() {
        const QStringList beforeFiles = entries();
        ExportWriter writer(m_c);
        writer.setConnectionFactory(openAnother);
        writer.setProgressCallback(
            [&](const ExportProgress& p) {
                if (!p.finished)
                    writer.cancel();
            },
            0);
        QVERIFY_THROWS_EXCEPTION(
            QueryCanceled, exportWith(m_big, 2, file(QStringLiteral("cancelled.csv")), {}, {}, &writer));
        QCOMPARE(entries(), beforeFiles);
        QVERIFY(m_c.isIdle());
        QCOMPARE(m_c.exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
        // The other stream's connection is closed: no session of this database is left in a transaction.
        QTRY_COMPARE_WITH_TIMEOUT(
            psqlValue(
                QStringLiteral("select count(*) from pg_stat_activity where datname = current_database() "
                               "and backend_xmin is not null and pid <> pg_backend_pid() and "
                               "state <> 'idle' and query like 'COPY (SELECT % FROM ONLY %ctid%'")),
            QStringLiteral("0"), 10000);
    }

    // A connection that cannot be opened (max_connections, a password gone) leaves the work to the others.
    void aStreamThatCannotConnectLeavesItsShare() {
        const QByteArray expected = psqlCopy(m_big, QStringLiteral("psql2.csv"));
        ExportWriter writer(m_c);
        std::atomic<int> calls{0};
        writer.setConnectionFactory([&]() -> Connection {
            if (calls++ == 0)
                throwError(ErrorKind::Connection, QStringLiteral("too many clients already"));
            return openAnother();
        });
        const auto hold = holdUntilOthersCopy(1);
        writer.setProgressCallback([hold](const ExportProgress&) { hold(); }, 0);
        const ExportResult r = exportWith(m_big, 3, file(QStringLiteral("short.csv")), {}, {}, &writer);
        QCOMPARE(calls.load(), 2);
        QCOMPARE(r.streams, 2);
        QVERIFY(readFile(file(QStringLiteral("short.csv"))) == expected);
    }

    // An empty table still has its header; a table's inheritance children stay out, as in COPY table.
    void emptyTablesAndChildren() {
        const QString empty = m_schema + QStringLiteral(".empty");
        psql(QStringLiteral("create table %1 (a int, \"b c\" text)").arg(empty));
        exportWith(empty, 2, file(QStringLiteral("empty.csv")));
        QVERIFY(readFile(file(QStringLiteral("empty.csv"))) ==
                psqlCopy(empty, QStringLiteral("empty_psql.csv")));
        QCOMPARE(readFile(file(QStringLiteral("empty.csv"))), QByteArray("a,b c\n"));

        const QString base = m_schema + QStringLiteral(".base");
        psql(QStringLiteral("create table %1 (id int, t text); create table %1_sub () inherits (%1);"
                            "insert into %1 select i, 'base' from generate_series(1, 20000) i;"
                            "insert into %1_sub select i, 'child' from generate_series(1, 100) i")
                 .arg(base));
        const ExportResult r = exportWith(base, 2, file(QStringLiteral("base.csv")));
        QCOMPARE(r.rows, qint64(20000));
        QVERIFY(readFile(file(QStringLiteral("base.csv"))) ==
                psqlCopy(base, QStringLiteral("base_psql.csv")));
    }

    // Every export that cannot be copied in ranges runs as one stream, and says why.
    void oneStreamSaysWhy() {
        const auto reason = [this](const ExportResult& r) {
            return r.streams == 1 ? r.singleStreamReason : QStringLiteral("%1 streams").arg(r.streams);
        };
        ExportOptions json;
        json.format = ExportFormat::Json;
        QVERIFY(reason(exportWith(m_big, 2, file(QStringLiteral("w.json")), json))
                    .contains(QLatin1String("CSV")));

        QuerySpec filtered;
        Condition c;
        c.column = QStringLiteral("id");
        c.op = FilterOp::LessThan;
        c.values = {QStringLiteral("100")};
        filtered.filter.conditions << c;
        QVERIFY(reason(exportWith(m_big, 2, file(QStringLiteral("f.csv")), {}, filtered))
                    .contains(QLatin1String("filtered")));
        QuerySpec sorted;
        SortKey k;
        k.column = QStringLiteral("label");
        sorted.sort << k;
        QVERIFY(reason(exportWith(m_big, 2, file(QStringLiteral("s.csv")), {}, sorted))
                    .contains(QLatin1String("sorted")));

        const QString view = m_schema + QStringLiteral(".big_view");
        psql(QStringLiteral("create view %1 as select * from %2").arg(view, m_big));
        QVERIFY(reason(exportWith(view, 2, file(QStringLiteral("v.csv"))))
                    .contains(QLatin1String("plain table")));

        {
            const TableInfo table = CatalogReader(m_c).describeQuery(QStringLiteral("select 1 as x"));
            QuerySpec spec;
            spec.sql = QStringLiteral("select 1 as x");
            ExportOptions o;
            o.jobs = 2;
            ExportWriter writer(m_c);
            writer.setConnectionFactory(openAnother);
            QVERIFY(reason(writer.exportTo(spec, table, file(QStringLiteral("q.csv")), o))
                        .contains(QLatin1String("query")));
        }

        m_c.exec(QStringLiteral("BEGIN"));
        const ExportResult inTransaction = exportWith(m_big, 2, file(QStringLiteral("t.csv")));
        m_c.exec(QStringLiteral("ROLLBACK"));
        QVERIFY(reason(inTransaction).contains(QLatin1String("open transaction")));
        QVERIFY(readFile(file(QStringLiteral("t.csv"))) == readFile(file(QStringLiteral("one.csv"))));

        // Automatic: this 9 MiB table is small.
        const ExportResult automatic = exportWith(m_big, 0, file(QStringLiteral("auto.csv")));
        QVERIFY2(reason(automatic).contains(QLatin1String("small")), qPrintable(reason(automatic)));

        // Nothing to open the others with.
        ExportWriter writer(m_c);
        QVERIFY(reason(exportWith(m_big, 2, file(QStringLiteral("n.csv")), {}, {}, &writer))
                    .contains(QLatin1String("connection")));
        // jobs = 1 asked for nothing more: no reason to give.
        QVERIFY(exportWith(m_big, 1, file(QStringLiteral("1.csv"))).singleStreamReason.isEmpty());
    }

    // A grid's export (key order) may be copied in ranges only when it allows the stored order.
    void storedOrderOnlyWhenAllowed() {
        ExportOptions o;
        o.viewOrder = true;
        QVERIFY(exportWith(m_big, 2, file(QStringLiteral("k.csv")), o)
                    .singleStreamReason.contains(QLatin1String("key")));
        o.storedOrderWhenParallel = true;
        const ExportResult r = exportInStreams(m_big, 2, file(QStringLiteral("st.csv")), o);
        QVERIFY2(r.singleStreamReason.isEmpty(), qPrintable(r.singleStreamReason));
        QCOMPARE(r.streams, 2);
        QVERIFY(readFile(file(QStringLiteral("st.csv"))) == readFile(file(QStringLiteral("one.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestParallelExport)
#include "tst_parallelexport.moc"
