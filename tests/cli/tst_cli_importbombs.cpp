// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli import of hostile files: workbooks of a few hundred KB that inflate to hundreds of MB (one giant
// cell, millions of shared strings) or name a column far beyond XFD are refused as "too large" with the
// limit, within bounded memory (the CLI's peak resident size, measured by /usr/bin/time); an NDJSON line over
// 1 GiB is refused by its line. Nothing is written.

#include "clirunner.h"
#include "programs.h"
#include "scratchschema.h"

#include <zip.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <functional>
#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_importbombs");
// Under AddressSanitizer (make test's second pass) the CLI's shadow memory and quarantine are part of its
// resident size: the bounds stand, scaled.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kMemoryFactor = 4;
#else
constexpr qint64 kMemoryFactor = 1;
#endif

// A workbook with one sheet (and shared strings when `shared` writes any), its parts deflated as they are
// written: `sheet` and `shared` are called with a writer to stream their XML.
using PartWriter = std::function<void(const std::function<void(const QByteArray&)>&)>;
bool writeWorkbook(const QString& path, const PartWriter& sheet, const PartWriter& shared) {
    zipFile zip = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!zip)
        return false;
    bool ok = true;
    const auto part = [&](const char* name, const PartWriter& write) {
        zip_fileinfo info{};
        ok = ok && zipOpenNewFileInZip64(zip, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9,
                                         1) == ZIP_OK;
        write([&](const QByteArray& bytes) {
            ok = ok && zipWriteInFileInZip(zip, bytes.constData(), unsigned(bytes.size())) == ZIP_OK;
        });
        ok = ok && zipCloseFileInZip(zip) == ZIP_OK;
    };
    const auto text = [](const char* xml) {
        return PartWriter([xml](const std::function<void(const QByteArray&)>& out) { out(xml); });
    };
    part("xl/_rels/workbook.xml.rels",
         text("<?xml version=\"1.0\"?><Relationships "
              "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
              "Id=\"rId1\" "
              "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
              "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
              "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
              "Target=\"sharedStrings.xml\"/></Relationships>"));
    part(
        "xl/workbook.xml",
        text("<?xml version=\"1.0\"?><workbook "
             "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet "
             "name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
    part("xl/worksheets/sheet1.xml", sheet);
    part("xl/sharedStrings.xml", shared);
    return zipClose(zip, nullptr) == ZIP_OK && ok;
}

const char* kSheetStart = "<?xml version=\"1.0\"?><worksheet "
                          "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
const char* kSheetEnd = "</sheetData></worksheet>";

PartWriter plainSheet(const QByteArray& rows) {
    return [rows](const std::function<void(const QByteArray&)>& out) {
        out(kSheetStart);
        out(rows);
        out(kSheetEnd);
    };
}

PartWriter noStrings() {
    return [](const std::function<void(const QByteArray&)>& out) { out("<sst></sst>"); };
}

struct Measured {
    int exitCode = -1;
    QString err;
    qint64 peakKiB = -1;
};

// pgdesk-cli import under /usr/bin/time -v: its exit code, messages and peak resident size.
Measured importMeasured(const QString& table, const QString& file) {
    QProcess p;
    p.start(requireProgram(QStringLiteral("time"), "time"),
            {QStringLiteral("-v"), binary(QStringLiteral("pgdesk-cli")), QStringLiteral("--dsn"), conninfo(),
             QStringLiteral("import"), table, file, QStringLiteral("--no-header")});
    if (!p.waitForFinished(120000))
        return {};
    Measured m;
    m.exitCode = p.exitCode();
    m.err = QString::fromUtf8(p.readAllStandardError());
    const auto peak =
        QRegularExpression(QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)")).match(m.err);
    if (peak.hasMatch())
        m.peakKiB = peak.captured(1).toLongLong();
    return m;
}

} // namespace

class TestCliImportBombs final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QTemporaryDir m_dir;
    const QString m_table = kSchema + QStringLiteral(".t");

    void verifyRefused(const Measured& m, const QString& says, qint64 maxMiB) {
        QCOMPARE(m.exitCode, 4);
        QVERIFY2(m.err.contains(says), qPrintable(m.err.left(2000)));
        QVERIFY2(m.peakKiB > 0 && m.peakKiB < maxMiB * 1024 * kMemoryFactor,
                 qPrintable(QString::number(m.peakKiB)));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1").arg(m_table)), QStringLiteral("0"));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema.emplace(kSchema, QStringLiteral("create table $S.t (a text, b text);"));
    }
    void cleanupTestCase() { m_schema.reset(); }

    // One cell of 400 MB ('A' repeated: a 400 KB file) stops at the 4 MiB a value may have.
    void giantCell() {
        const QString path = m_dir.filePath(QStringLiteral("cell.xlsx"));
        QVERIFY(writeWorkbook(
            path,
            [](const std::function<void(const QByteArray&)>& out) {
                out(kSheetStart);
                out("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
                const QByteArray chunk(1 << 20, 'A');
                for (int i = 0; i < 400; ++i)
                    out(chunk);
                out("</t></is></c></row>");
                out(kSheetEnd);
            },
            noStrings()));
        QVERIFY(QFileInfo(path).size() < 2 * 1024 * 1024);
        verifyRefused(importMeasured(m_table, path), QStringLiteral("the limit for one value"), 150);
    }

    // 30 million one-letter shared strings (480 MB inflated) stop at the 256 MiB they may hold.
    void millionsOfSharedStrings() {
        const QString path = m_dir.filePath(QStringLiteral("strings.xlsx"));
        QVERIFY(writeWorkbook(path, plainSheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
                              [](const std::function<void(const QByteArray&)>& out) {
                                  out("<?xml version=\"1.0\"?><sst>");
                                  QByteArray chunk;
                                  for (int i = 0; i < 100000; ++i)
                                      chunk += "<si><t>x</t></si>";
                                  for (int i = 0; i < 300; ++i)
                                      out(chunk);
                                  out("</sst>");
                              }));
        verifyRefused(importMeasured(m_table, path), QStringLiteral("shared strings take more than 256 MiB"),
                      600);
    }

    // A cell in column ZZZZZZZZZZ (no overflow, no million-column row).
    void columnBeyondXfd() {
        const QString path = m_dir.filePath(QStringLiteral("column.xlsx"));
        QVERIFY(writeWorkbook(
            path,
            plainSheet("<dimension ref=\"A1:ZZZZZZZZZZZZ9\"/><row r=\"1\"><c r=\"ZZZZZZZZZZZZ1\" "
                       "t=\"inlineStr\"><is><t>x</t></is></c></row>"),
            noStrings()));
        verifyRefused(importMeasured(m_table, path), QStringLiteral("beyond column XFD"), 150);
    }

    // An NDJSON line over PostgreSQL's 1 GB row limit is refused by its line before it is sent (it broke the
    // connection, 08006, naming the wrong line), and nothing lands.
    void ndjsonLineOverOneGiB() {
        QFile file(m_dir.filePath(QStringLiteral("big.ndjson")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"a\": \"first\", \"b\": null}\n{\"a\": \"");
        const QByteArray chunk(16 << 20, 'x');
        for (int i = 0; i < 66; ++i) // 1,056 MiB
            QVERIFY(file.write(chunk) == chunk.size());
        file.write("\", \"b\": null}\n");
        file.close();
        QProcess p;
        p.start(requireProgram(QStringLiteral("time"), "time"),
                {QStringLiteral("-v"), binary(QStringLiteral("pgdesk-cli")), QStringLiteral("--dsn"),
                 conninfo(), QStringLiteral("import"), m_table, file.fileName()});
        QVERIFY(p.waitForFinished(180000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        file.remove();
        QCOMPARE(p.exitCode(), 4);
        QVERIFY2(err.contains(QStringLiteral("line 2: the record is longer than 1 GiB")),
                 qPrintable(err.left(2000)));
        const auto peak =
            QRegularExpression(QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)")).match(err);
        QVERIFY(peak.hasMatch() && peak.captured(1).toLongLong() < 3LL * 1024 * 1024 * kMemoryFactor);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1").arg(m_table)), QStringLiteral("0"));
    }

    // A long value takes about its own size, not one copy per step (line, value, COPY text, libpq's buffer:
    // a 300 MB string took 1.49 GB), and lands whole: 200 MiB in line 2, within the sample.
    void ndjsonLongValueTakesItsSize() {
        constexpr qint64 kValueMiB = 200;
        QFile file(m_dir.filePath(QStringLiteral("long.ndjson")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"a\": \"first\", \"b\": null}\n{\"a\": \"");
        const QByteArray chunk(1 << 20, 'x');
        for (int i = 0; i < kValueMiB; ++i)
            QVERIFY(file.write(chunk) == chunk.size());
        file.write("\", \"b\": \"after\"}\n{\"b\": \"last\", \"a\": \"\\t\"}\n");
        file.close();
        QProcess p;
        p.start(requireProgram(QStringLiteral("time"), "time"),
                {QStringLiteral("-v"), binary(QStringLiteral("pgdesk-cli")), QStringLiteral("--dsn"),
                 conninfo(), QStringLiteral("import"), m_table, file.fileName()});
        QVERIFY(p.waitForFinished(180000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        file.remove();
        QVERIFY2(p.exitCode() == 0, qPrintable(err.left(2000)));
        const auto peak =
            QRegularExpression(QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)")).match(err);
        QVERIFY(peak.hasMatch());
        const qint64 peakMiB = peak.captured(1).toLongLong() / 1024;
        qInfo("peak resident size for a %lld MiB value: %lld MiB", kValueMiB, peakMiB);
        QVERIFY2(peakMiB < (kValueMiB * 3 / 2 + 40) * kMemoryFactor, qPrintable(QString::number(peakMiB)));
        QCOMPARE(psqlValue(QStringLiteral("select string_agg(format('%s:%s', length(a), b), ' ' order by "
                                          "length(a)) from %1")
                               .arg(m_table)),
                 QStringLiteral("1:last 5: %1:after").arg(kValueMiB << 20));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1 where a = repeat('x', %2) or a = E'\\t'")
                               .arg(m_table)
                               .arg(kValueMiB << 20)),
                 QStringLiteral("2"));
        psql(QStringLiteral("truncate %1").arg(m_table));
    }

    // A workbook within the caps still imports.
    void ordinaryWorkbookImports() {
        const QString path = m_dir.filePath(QStringLiteral("ok.xlsx"));
        QVERIFY(writeWorkbook(
            path,
            plainSheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>one</t></is></c><c r=\"B1\" "
                       "t=\"s\"><v>0</v></c></row>"),
            [](const std::function<void(const QByteArray&)>& out) {
                out("<sst><si><t>two</t></si></sst>");
            }));
        const Measured m = importMeasured(m_table, path);
        QVERIFY2(m.exitCode == 0, qPrintable(m.err));
        QCOMPARE(psqlValue(QStringLiteral("select a || b from %1").arg(m_table)), QStringLiteral("onetwo"));
        psql(QStringLiteral("truncate %1").arg(m_table));
    }
};

QTEST_GUILESS_MAIN(TestCliImportBombs)
#include "tst_cli_importbombs.moc"
