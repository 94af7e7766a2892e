// SPDX-License-Identifier: GPL-3.0-or-later
// ImportRun, the one import every front end runs: a new table's types from one sample (the CLI's --create
// and the window's Import into new table… used to read different amounts of the file), the standby refused
// before anything is sent whichever way the import goes, cancel before it starts, records read once.
#include "privatecluster.h"
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/importrun.h>

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace pgdesk;

class TestImportRun final : public QObject {
    Q_OBJECT
    std::optional<test::ScratchSchema> m_scratch;
    core::Connection m_c;
    QTemporaryDir m_dir;
    QString m_schema;

    QString write(const QString& name, const QByteArray& bytes) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private slots:
    void initTestCase() {
        m_c = core::Connection::open(test::profile());
        m_schema = QStringLiteral("import_run_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema);
    }

    // A column that holds numbers for its first 300 KiB and a word at record 900 is text: the sample is the
    // first 1,000 records within the first MiB for every front end (the window read 256 KiB, and its import
    // then failed on the word). The table is made and filled in one transaction.
    void aNewTablesTypesComeFromOneSample() {
        QByteArray csv = "id,code,note\n";
        const QByteArray padding(300, 'x');
        for (int i = 1; i <= 1000; ++i)
            csv += QByteArray::number(i) + ',' + (i == 900 ? QByteArray("abc") : QByteArray::number(i * 7)) +
                   ',' + padding + '\n';
        QVERIFY(csv.indexOf("abc") > 256 * 1024);
        QVERIFY(csv.size() < core::kImportSampleBytes);
        const QString path = write(QStringLiteral("wide.csv"), csv);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(core::kImportSampleBytes);
        const core::NewTable table = core::newTableFromCsvSample(
            m_schema + QStringLiteral(".wide"),
            core::sampleCsvRecords(head, file.atEnd(), ',', core::kImportSampleRecords + 1), true, {});
        QCOMPARE(table.schema, m_schema);
        QCOMPARE(table.columns, (QStringList{"id", "code", "note"}));
        QCOMPARE(table.types.value(0), QStringLiteral("integer"));
        QCOMPARE(table.types.value(1), QStringLiteral("text"));

        core::ImportRequest request;
        request.path = path;
        request.newTable = table;
        const core::ImportOutcome outcome = core::ImportRun(std::move(request)).run(m_c);
        QCOMPARE(outcome.rows, 1000);
        QVERIFY(outcome.created);
        QCOMPARE(outcome.qualifiedName(), m_schema + QStringLiteral(".wide"));
        QCOMPARE(outcome.bytes, csv.size());
        QCOMPARE(test::psql(QStringLiteral("select code from %1.wide where id = 900").arg(m_schema)),
                 QStringLiteral("abc"));
    }

    // A last record without a line end counts when the head is the whole file, not when it is cut.
    void aLastRecordWithoutLineEnd() {
        QCOMPARE(core::sampleCsvRecords("a,b\n1,2", true, ',', 10).size(), 2);
        QCOMPARE(core::sampleCsvRecords("a,b\n1,2", false, ',', 10).size(), 1);
    }

    // Records opened by the front end (standard input is read once) are the ones imported; cancelled before
    // it starts, the run makes no table.
    void openedRecordsAndCancel() {
        QByteArray ndjson = "{\"n\": 1, \"s\": \"a\"}\n{\"n\": 2, \"s\": null}\n";
        QBuffer input(&ndjson);
        QVERIFY(input.open(QIODevice::ReadOnly));
        core::ImportRequest request;
        request.format = core::ImportFormat::Ndjson;
        request.source = core::openJsonRecords(input, core::ImportFormat::Ndjson);
        core::NewTable table;
        table.schema = m_schema;
        table.name = QStringLiteral("records");
        table.columns = request.source->fieldNames();
        table.types = QStringList{QStringLiteral("int"), QStringLiteral("text")};
        request.newTable = table;
        QCOMPARE(core::ImportRun(std::move(request)).run(m_c).rows, 2);
        QCOMPARE(test::psql(QStringLiteral("select count(*) from %1.records where s is null").arg(m_schema)),
                 QStringLiteral("1"));

        core::ImportRequest cancelled;
        cancelled.path = write(QStringLiteral("small.csv"), "x\n1\n");
        table.name = QStringLiteral("never");
        table.columns = QStringList{QStringLiteral("x")};
        table.types = QStringList{QStringLiteral("int")};
        cancelled.newTable = table;
        core::ImportRun run(std::move(cancelled));
        run.cancel();
        QVERIFY_THROWS_EXCEPTION(core::QueryCanceled, run.run(m_c));
        QCOMPARE(test::psql(QStringLiteral("select to_regclass('%1.never') is null").arg(m_schema)),
                 QStringLiteral("t"));

        core::ImportRequest neither;
        neither.path = cancelled.path;
        QVERIFY_THROWS_EXCEPTION(core::ConfigurationError, core::ImportRun(std::move(neither)).run(m_c));
    }

    // On a standby, into a table or a new one, the run refuses before anything is sent, with the standby's
    // reason (the window's new-table import used to be refused midway by the server).
    void aStandbyIsRefusedUpFront() {
        test::PrivateCluster server;
        QVERIFY2(server.isStarted(), qPrintable(server.error()));
        QVERIFY(!server.psql(QStringLiteral("create table t (x int)")).isNull());
        QVERIFY2(server.restartAsStandby(), qPrintable(server.error()));
        auto c = core::Connection::open(server.profile());
        const QString path = write(QStringLiteral("standby.csv"), "x\n1\n");
        core::ImportRequest into;
        into.path = path;
        into.table = core::CatalogReader(c).table(QStringLiteral("t"));
        try {
            core::ImportRun(std::move(into)).run(c);
            QFAIL("imported on a standby");
        } catch (const core::Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("read-only standby")), qPrintable(e.message()));
        }
        core::ImportRequest create;
        create.path = path;
        core::NewTable table;
        table.name = QStringLiteral("fresh");
        table.columns = QStringList{QStringLiteral("x")};
        table.types = QStringList{QStringLiteral("int")};
        create.newTable = table;
        try {
            core::ImportRun(std::move(create)).run(c);
            QFAIL("made a table on a standby");
        } catch (const core::Error& e) {
            // Ours, up front, not the server's "cannot execute CREATE TABLE in a read-only transaction".
            QVERIFY2(e.message().contains(QLatin1String("read-only standby")), qPrintable(e.message()));
        }
    }

    void cleanupTestCase() {
        m_c = {};
        m_scratch.reset();
    }
};

QTEST_GUILESS_MAIN(TestImportRun)
#include "tst_importrun.moc"
