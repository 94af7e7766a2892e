// SPDX-License-Identifier: GPL-3.0-or-later
// Huge single values: a 100 MiB bytea and a 10 MiB text (plus a 10 MiB multibyte text) through the query
// engine's page fetch, the query tool's streamed path and every export format, each within a bound on
// time and on peak memory (VmHWM, reset before each step). The figures are printed for the README.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kBytea = 100 * kMiB;
constexpr qint64 kText = 10 * kMiB;

qint64 statusKiB(const char* field) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Peak memory of one step: VmHWM is reset to the current RSS first (Linux clear_refs 5).
class PeakMemory {
public:
    PeakMemory() {
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        if (clear.open(QIODevice::WriteOnly))
            clear.write("5");
        m_before = statusKiB("VmRSS:");
    }
    qint64 growthMiB() const { return (statusKiB("VmHWM:") - m_before) / 1024; }

private:
    qint64 m_before = 0;
};

} // namespace

class TestBigValues final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QString m_schema;
    TableInfo m_table;
    QTemporaryDir m_dir;
    QStringList m_figures;

    void report(const QString& step, qint64 ms, qint64 peakMiB, qint64 bytes = -1) {
        m_figures << QStringLiteral("%1: %2 ms, peak +%3 MiB%4")
                         .arg(step)
                         .arg(ms)
                         .arg(peakMiB)
                         .arg(bytes >= 0 ? QStringLiteral(", %1 MiB written").arg(bytes / kMiB) : QString());
        qInfo().noquote() << m_figures.last();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_c = Connection::open(pgdesk::test::profile());
        m_schema = QStringLiteral("tst_big_%1").arg(QCoreApplication::applicationPid());
        // Not compressible (md5 chains), so the server really sends what it stores.
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table %1.big (id int primary key, b bytea, t text);"
                "insert into %1.big values"
                " (1, (select decode(string_agg(md5(g::text), ''), 'hex') from generate_series(1, %2) g),"
                "     (select left(string_agg(md5(g::text), ''), %3) from generate_series(1, %4) g)),"
                " (2, '\\x00ff', 'small'),"
                " (3, null, (select left(string_agg('ünï🐘' || md5(g::text), ''), %5) from generate_series(1, "
                "%4) g))")
                .arg(m_schema)
                .arg(kBytea / 16)
                .arg(kText)
                .arg(kText / 32 + 1)
                .arg(kText / 4));
        m_table = CatalogReader(m_c).table(m_schema, QStringLiteral("big"));
        QCOMPARE(m_c.exec(QStringLiteral("select octet_length(b), octet_length(t) from %1.big where id = 1")
                              .arg(m_schema),
                          Params{})
                     .text(0, 0),
                 QString::number(kBytea));
    }

    void cleanupTestCase() { qInfo().noquote() << "big values:" << m_figures.join(QStringLiteral("; ")); }

    // The browser's page fetch: the whole values arrive (the grid shows a summary), in bounded time.
    void pageFetch() {
        QueryEngine engine(m_c);
        QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("big");
        spec.count = CountMode::Exact;
        PeakMemory memory;
        QElapsedTimer timer;
        timer.start();
        Page page = engine.fetchPage(spec, m_table);
        const qint64 ms = timer.elapsed();
        const qint64 peak = memory.growthMiB();
        QCOMPARE(page.rows.size(), 3);
        QCOMPARE(page.rows.at(0).at(1)->size(), 2 + 2 * kBytea); // \x + hex
        // Exactly the server's text, byte for byte.
        const Result sums =
            m_c.exec(QStringLiteral("select md5('\\x' || encode(b, 'hex')), md5(t) from %1.big order by id")
                         .arg(m_schema),
                     Params{});
        const auto md5 = [](const std::optional<QString>& v) {
            return QString::fromLatin1(
                QCryptographicHash::hash(v->toUtf8(), QCryptographicHash::Md5).toHex());
        };
        QCOMPARE(md5(page.rows.at(0).at(1)), sums.text(0, 0));
        QCOMPARE(md5(page.rows.at(0).at(2)), sums.text(0, 1));
        QCOMPARE(md5(page.rows.at(2).at(2)), sums.text(2, 1));
        page = {};
        report(QStringLiteral("page fetch"), ms, peak);
        QVERIFY2(ms < 30000, qPrintable(QString::number(ms)));
        QVERIFY2(peak < 2048, qPrintable(QString::number(peak)));
    }

    // The table tab's page fetch: values cut at the grid's limit, so the page is small whatever the row
    // holds; each cut value is the whole one's prefix.
    void pageFetchForDisplay() {
        QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("big");
        spec.sort << SortKey{QStringLiteral("id")};
        spec.valueLimit = 65536;
        PeakMemory memory;
        QElapsedTimer timer;
        timer.start();
        Page page = QueryEngine(m_c).fetchPage(spec, m_table);
        const qint64 ms = timer.elapsed();
        const qint64 peak = memory.growthMiB();
        QCOMPARE(page.rows.size(), 3);
        QVERIFY(page.isCut(0, 1) && page.isCut(0, 2) && !page.isCut(1, 1) && page.isCut(2, 2));
        QCOMPARE(page.rows.at(0).at(1)->size(), 2 + 2 * 65536);
        const Result prefix = m_c.exec(
            QStringLiteral(
                "select '\\x' || encode(substring(b from 1 for 65536), 'hex') from %1.big where id = 1")
                .arg(m_schema),
            Params{});
        QCOMPARE(page.rows.at(0).at(1), std::optional<QString>(prefix.text(0, 0)));
        page = {};
        report(QStringLiteral("page fetch cut at 64 KiB"), ms, peak);
        QVERIFY2(peak < 64, qPrintable(QString::number(peak)));
    }

    // The query tool's path for a statement it cannot page (streamed in single-row mode).
    void queryTool() {
        ScriptRunner runner(m_c);
        PeakMemory memory;
        QElapsedTimer timer;
        timer.start();
        ScriptRun run = runner.run(QStringLiteral("select b, t from %1.big order by id").arg(m_schema));
        const qint64 ms = timer.elapsed();
        const qint64 peak = memory.growthMiB();
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.statements.at(0).page.rows.size(), 3);
        QCOMPARE(run.statements.at(0).page.rows.at(0).at(0)->size(), 2 + 2 * kBytea);
        run = {};
        report(QStringLiteral("query tool"), ms, peak);
        QVERIFY2(ms < 30000, qPrintable(QString::number(ms)));
        QVERIFY2(peak < 2048, qPrintable(QString::number(peak)));
    }

    void exports_data() {
        QTest::addColumn<ExportFormat>("format");
        for (const ExportFormat f : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::Sql,
                                     ExportFormat::Markdown, ExportFormat::Xlsx})
            QTest::newRow(qPrintable(exportFormatName(f))) << f;
    }
    void exports() {
        QFETCH(ExportFormat, format);
        QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("big");
        spec.sort << SortKey{QStringLiteral("id")};
        ExportOptions options;
        options.format = format;
        const QString path = m_dir.filePath(QStringLiteral("big.") + exportFormatName(format));
        ExportWriter writer(m_c);
        PeakMemory memory;
        QElapsedTimer timer;
        timer.start();
        ExportResult result;
        std::optional<QString> failed;
        try {
            result = writer.exportTo(spec, m_table, path, options);
        } catch (const Error& e) {
            failed = e.displayText();
        }
        const qint64 ms = timer.elapsed();
        const qint64 peak = memory.growthMiB();
        report(QStringLiteral("export %1").arg(exportFormatName(format)), ms, peak, QFileInfo(path).size());
        QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
        QCOMPARE(result.rows, qint64(3));
        if (format == ExportFormat::Xlsx) // Excel holds 32,767 characters a cell: the three big ones are cut,
                                          // and counted
            QCOMPARE(result.truncatedCells, qint64(3));
        else
            QVERIFY(QFileInfo(path).size() > 2 * kBytea + kText);
        QFile::remove(path);
        QVERIFY2(ms < 60000, qPrintable(QString::number(ms)));
        QVERIFY2(peak < 2048, qPrintable(QString::number(peak)));
    }
};

QTEST_GUILESS_MAIN(TestBigValues)
#include "tst_bigvalues.moc"
