// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli export against the real server: files equal to what psql produces, the browse options
// applied, usage errors, and Ctrl-C leaving no file.
#include "clirunner.h"
#include "scratchschema.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <sys/mount.h>

using namespace pgdesk::test;

namespace {

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

class TestCliExport final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString file(const QString& name) const { return m_dir.filePath(name); }

    static CliRun exportCli(const QStringList& args) {
        const CliRun r =
            runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("export")} + args);
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        return r;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The hostile table, no sort: byte-equal to psql's \copy of the table; the format comes from -o.
    void csvEqualsPsqlCopy() {
        const QString table = QStringLiteral("public.\"we\"\"ird; drop table x;--\"");
        const CliRun r = exportCli({QStringLiteral("we\"ird; drop table x;--"), QStringLiteral("-o"),
                                    file(QStringLiteral("h.csv"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("exported 3 rows to ")));
        QVERIFY(r.err.isEmpty()); // no progress line: stderr is not a terminal
        psql(QStringLiteral("\\copy %1 to '%2' csv header").arg(table, file(QStringLiteral("p.csv"))));
        QCOMPARE(readFile(file(QStringLiteral("h.csv"))), readFile(file(QStringLiteral("p.csv"))));
        QCOMPARE(psql(QStringLiteral("select count(*) from public.x")), QStringLiteral("1"));
        // The database's rows are the user's alone, as a backup's are (0600); a file replaced keeps its mode.
        QCOMPARE(QFile::permissions(file(QStringLiteral("h.csv"))),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                     QFileDevice::WriteUser);
        QVERIFY(QFile::setPermissions(file(QStringLiteral("h.csv")), QFileDevice::ReadOwner |
                                                                         QFileDevice::WriteOwner |
                                                                         QFileDevice::ReadGroup));
        QCOMPARE(exportCli({QStringLiteral("we\"ird; drop table x;--"), QStringLiteral("-o"),
                            file(QStringLiteral("h.csv"))})
                     .exitCode,
                 0);
        QVERIFY(QFile::permissions(file(QStringLiteral("h.csv"))).testFlag(QFileDevice::ReadGroup));
    }

    // --jobs 2: two connections, the same bytes as psql's \copy; what cannot run in ranges says why.
    void jobsCopyInRangesOrSayWhy() {
        const CliRun r =
            exportCli({QStringLiteral("big_orders"), QStringLiteral("--jobs"), QStringLiteral("2"),
                       QStringLiteral("-o"), file(QStringLiteral("jobs.csv"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("exported 1000000 rows to ")) &&
                     r.out.trimmed().endsWith(QLatin1String(", 2 streams)")),
                 qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
        // From the first page: a scan of this table cancelled by another test may have left the server's
        // synchronized-scan hint in its middle, where psql's scan would start.
        qputenv("PGOPTIONS", "-c synchronize_seqscans=off");
        psql(QStringLiteral("\\copy public.big_orders to '%1' csv header")
                 .arg(file(QStringLiteral("jobs_psql.csv"))));
        qunsetenv("PGOPTIONS");
        QVERIFY(readFile(file(QStringLiteral("jobs.csv"))) ==
                readFile(file(QStringLiteral("jobs_psql.csv"))));

        const CliRun json =
            exportCli({QStringLiteral("users"), QStringLiteral("--jobs"), QStringLiteral("auto"),
                       QStringLiteral("-o"), file(QStringLiteral("jobs.json"))});
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.err.contains(QLatin1String("note: exported as one stream: only CSV and TSV")),
                 qPrintable(json.err));
        for (const QString& bad : {QStringLiteral("0"), QStringLiteral("17"), QStringLiteral("two")})
            QCOMPARE(runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("export"),
                             QStringLiteral("users"), QStringLiteral("--jobs"), bad, QStringLiteral("-o"),
                             file(QStringLiteral("j.csv"))})
                         .exitCode,
                     2);
    }

    // A full disk is an output failure of its own (exit 10, the system's reason), not an SQL error (4).
    void diskFullIsAnOutputFailure() {
        for (const QString& format :
             {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("xlsx")}) {
            const CliRun r =
                exportCli({QStringLiteral("we\"ird; drop table x;--"), QStringLiteral("--format"), format,
                           QStringLiteral("-o"), QStringLiteral("/dev/full")});
            QVERIFY2(r.exitCode == 10, qPrintable(format + QString::number(r.exitCode) + r.err));
            QVERIFY2(r.err.contains(QLatin1String("No space left on device")), qPrintable(r.err));
        }
    }

    // A table with a generated column: the whole table equals psql's \copy of it (which leaves the column
    // out; naming it to COPY failed with 42P10), and a sorted JSON export has the same columns.
    void generatedColumnLikePsql() {
        const ScratchSchema gen(
            QStringLiteral("gen_cli"),
            QStringLiteral(
                "create table gen_cli.film (film_id int primary key, title text not null, length int, "
                "hours numeric generated always as (round(length / 60.0, 2)) stored, rating text); "
                "insert into gen_cli.film (film_id, title, length, rating) select g, 'Film ' || g, "
                "40 + g * 3, 'PG' from generate_series(1, 40) g"));
        CliRun r = exportCli(
            {QStringLiteral("gen_cli.film"), QStringLiteral("-o"), file(QStringLiteral("film.csv"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("exported 40 rows")), qPrintable(r.out));
        psql(QStringLiteral("\\copy gen_cli.film to '%1' csv header").arg(file(QStringLiteral("filmp.csv"))));
        QCOMPARE(readFile(file(QStringLiteral("film.csv"))), readFile(file(QStringLiteral("filmp.csv"))));
        r = exportCli({QStringLiteral("gen_cli.film"), QStringLiteral("--sort"), QStringLiteral("hours:desc"),
                       QStringLiteral("-o"), file(QStringLiteral("film.json"))});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(readFile(file(QStringLiteral("film.json")))).array();
        QCOMPARE(rows.size(), 40);
        QVERIFY(!rows.at(0).toObject().contains(QStringLiteral("hours")));
        QCOMPARE(rows.at(0).toObject()[QStringLiteral("film_id")].toString(), QStringLiteral("40"));
        // Left out, but said; --include-generated writes them, in every format.
        QVERIFY2(r.err.contains(QLatin1String("generated column(s) left out")) &&
                     r.err.contains(QLatin1String("hours")),
                 qPrintable(r.err));
        for (const QString& name : {QStringLiteral("film2.json"), QStringLiteral("film2.csv"),
                                    QStringLiteral("film2.ndjson"), QStringLiteral("film2.md")}) {
            r = exportCli({QStringLiteral("gen_cli.film"), QStringLiteral("--include-generated"),
                           QStringLiteral("-o"), file(name)});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(!r.err.contains(QLatin1String("left out")), qPrintable(r.err));
            QVERIFY2(readFile(file(name)).contains("hours"), qPrintable(name));
        }
    }

    void optionsMatchPsql() {
        const CliRun r =
            exportCli({QStringLiteral("users"), QStringLiteral("--sort"), QStringLiteral("username:desc"),
                       QStringLiteral("--filter"), QStringLiteral("bio is_null"), QStringLiteral("--format"),
                       QStringLiteral("tsv"), QStringLiteral("-o"), file(QStringLiteral("u.txt")),
                       QStringLiteral("--no-header"), QStringLiteral("--delimiter"), QStringLiteral("|"),
                       QStringLiteral("--null"), QStringLiteral("∅")});
        QCOMPARE(r.exitCode, 0);
        psql(QStringLiteral(
                 "\\copy (select * from users where bio is null order by username desc, id) to '%1' csv "
                 "delimiter '|' null '∅'")
                 .arg(file(QStringLiteral("p.txt"))));
        QCOMPARE(readFile(file(QStringLiteral("u.txt"))), readFile(file(QStringLiteral("p.txt"))));
        QCOMPARE(readFile(file(QStringLiteral("u.txt"))).count('\n'), 26);
    }

    // A query source with a filter and sort on its result; JSON values equal psql's text.
    void queryToJson() {
        const CliRun r = exportCli(
            {QStringLiteral("--query"),
             QStringLiteral("select product_id, name, price from inventory.products -- $1"),
             QStringLiteral("--filter"), QStringLiteral("price greater_than 100"), QStringLiteral("--sort"),
             QStringLiteral("product_id"), QStringLiteral("-o"), file(QStringLiteral("q.json"))});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(readFile(file(QStringLiteral("q.json")))).array();
        const QStringList expected =
            psql(QStringLiteral("select product_id || '|' || name || '|' || price from inventory.products "
                                "where price > 100 order by product_id"))
                .split(QLatin1Char('\n'));
        QCOMPARE(rows.size(), expected.size());
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject o = rows.at(i).toObject();
            QCOMPARE(
                QStringList({o[QStringLiteral("product_id")].toString(), o[QStringLiteral("name")].toString(),
                             o[QStringLiteral("price")].toString()})
                    .join(QLatin1Char('|')),
                expected.at(i));
        }
    }

    // Soft-delete tables export their active rows unless --deleted says otherwise, like browse.
    void softDeleteScopeAndJsonNumbers() {
        QCOMPARE(exportCli({QStringLiteral("posts"), QStringLiteral("-o"), file(QStringLiteral("a.ndjson"))})
                     .exitCode,
                 0);
        QCOMPARE(readFile(file(QStringLiteral("a.ndjson"))).count('\n'), 900);
        QCOMPARE(exportCli({QStringLiteral("posts"), QStringLiteral("--deleted"), QStringLiteral("all"),
                            QStringLiteral("--format"), QStringLiteral("ndjson"), QStringLiteral("-o"),
                            file(QStringLiteral("all.txt"))})
                     .exitCode,
                 0);
        QCOMPARE(readFile(file(QStringLiteral("all.txt"))).count('\n'), 1000);
        // Rows the convention leaves out are said so on stderr; --deleted all hides none.
        CliRun scoped =
            exportCli({QStringLiteral("customer"), QStringLiteral("-o"), file(QStringLiteral("c.csv"))});
        QCOMPARE(scoped.exitCode, 0);
        QVERIFY2(scoped.err.contains(QLatin1String("rows with is_active false are hidden")) &&
                     scoped.err.contains(QLatin1String("--deleted all")),
                 qPrintable(scoped.err));
        scoped = exportCli({QStringLiteral("customer"), QStringLiteral("--deleted"), QStringLiteral("all"),
                            QStringLiteral("-o"), file(QStringLiteral("c.csv"))});
        QVERIFY2(scoped.err.isEmpty(), qPrintable(scoped.err));

        const CliRun r = exportCli({QStringLiteral("type_showcase"), QStringLiteral("--json-numbers"),
                                    QStringLiteral("--sort"), QStringLiteral("id"), QStringLiteral("-o"),
                                    file(QStringLiteral("n.json"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("warning:")) && r.err.contains(QLatin1String("stayed strings")),
                 qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(readFile(file(QStringLiteral("n.json")))).array();
        QCOMPARE(rows.at(12).toObject()[QStringLiteral("c_integer")], QJsonValue(1000));
        QCOMPARE(rows.at(1).toObject()[QStringLiteral("c_bigint")],
                 QJsonValue(QStringLiteral("9223372036854775807")));
    }

    void sqlAndXlsxAndMarkdown() {
        QCOMPARE(exportCli({QStringLiteral("inventory.products"), QStringLiteral("--format"),
                            QStringLiteral("sql"), QStringLiteral("--sql-table"),
                            QStringLiteral("copy_of.products"), QStringLiteral("-o"),
                            file(QStringLiteral("p.sql"))})
                     .exitCode,
                 0);
        QVERIFY(readFile(file(QStringLiteral("p.sql"))).startsWith("INSERT INTO \"copy_of\".\"products\" ("));
        QCOMPARE(exportCli({QStringLiteral("big_orders"), QStringLiteral("--filter"),
                            QStringLiteral("order_id less_than 11"), QStringLiteral("-o"),
                            file(QStringLiteral("b.xlsx"))})
                     .exitCode,
                 0);
        QVERIFY(readFile(file(QStringLiteral("b.xlsx"))).startsWith("PK"));
        QCOMPARE(exportCli({QStringLiteral("customer"), QStringLiteral("--sort"),
                            QStringLiteral("customer_id"), QStringLiteral("--format"),
                            QStringLiteral("markdown"), QStringLiteral("-o"), file(QStringLiteral("c.md"))})
                     .exitCode,
                 0);
        QCOMPARE(readFile(file(QStringLiteral("c.md"))).count('\n'), 425 + 2);
    }

    void usageErrors() {
        const auto code = [](const QStringList& args) {
            return runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("export")} + args)
                .exitCode;
        };
        const QString out = file(QStringLiteral("u.csv"));
        QCOMPARE(code({QStringLiteral("users")}), 2);   // no -o
        QCOMPARE(code({QStringLiteral("-o"), out}), 2); // no source
        QCOMPARE(code({QStringLiteral("users"), QStringLiteral("--query"), QStringLiteral("select 1"),
                       QStringLiteral("-o"), out}),
                 2);
        QCOMPARE(code({QStringLiteral("users"), QStringLiteral("-o"), file(QStringLiteral("u.txt"))}),
                 2); // format?
        QCOMPARE(code({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("pdf"),
                       QStringLiteral("-o"), out}),
                 2);
        QCOMPARE(code({QStringLiteral("users"), QStringLiteral("--delimiter"), QStringLiteral(";;"),
                       QStringLiteral("-o"), out}),
                 2);
        QCOMPARE(code({QStringLiteral("users"), QStringLiteral("--delimiter"), QStringLiteral(";"),
                       QStringLiteral("-o"), file(QStringLiteral("u.json"))}),
                 2);
        QCOMPARE(code({QStringLiteral("users"), QStringLiteral("--filter"), QStringLiteral("nope equal 1"),
                       QStringLiteral("-o"), out}),
                 6);
        QCOMPARE(code({QStringLiteral("no_such_table"), QStringLiteral("-o"), out}), 6);
        QCOMPARE(code({QStringLiteral("users"), QStringLiteral("-o"), file(QStringLiteral("missing/u.csv"))}),
                 2);
        QCOMPARE(code({QStringLiteral("--query"), QStringLiteral("select 1; select 2"), QStringLiteral("-o"),
                       out}),
                 2); // one query only, refused before the server sees it
        QVERIFY(!QFile::exists(out));
    }

    // Ctrl-C while rows stream: exit 130, and neither the file nor its temporary remains.
    void interruptLeavesNoFile() {
        QTemporaryDir dir;
        QProcess p;
        p.start(binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--dsn"), conninfo(), QStringLiteral("export"), QStringLiteral("--query"),
                 QStringLiteral("select g, md5(g::text) from (select generate_series(1, 500000000) as g) s"),
                 QStringLiteral("-o"), dir.filePath(QStringLiteral("big.csv"))});
        QVERIFY(p.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        // Wait until the temporary file exists and has data, so the interrupt lands mid-stream.
        while (timer.elapsed() < 30000) {
            const QStringList names = entries(dir.path());
            if (!names.isEmpty() && QFileInfo(dir.filePath(names.first())).size() > (1 << 20))
                break;
            QThread::msleep(20);
        }
        QVERIFY(!entries(dir.path()).isEmpty());
        QVERIFY(entries(dir.path()).first().endsWith(QLatin1String(".part")));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 130);
        QCOMPARE(entries(dir.path()), QStringList());
    }

    // Ctrl-C while an XLSX workbook is being zipped (one libxlsxwriter call of a second or more): the
    // first interrupt is enough; exit 130 and no file, where the export used to finish regardless.
    void interruptWhileZippingLeavesNoFile() {
        QTemporaryDir dir;
        QProcess p;
        p.start(binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--dsn"), conninfo(), QStringLiteral("export"), QStringLiteral("--query"),
                 QStringLiteral("select g, md5(g::text) as a, md5((g + 1)::text) as b "
                                "from generate_series(1, 1000000) g"),
                 QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("-o"),
                 dir.filePath(QStringLiteral("big.xlsx"))});
        QVERIFY(p.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        // The temporary file stays empty until the zipping starts writing into it.
        bool zipping = false;
        while (!zipping && timer.elapsed() < 60000 && p.state() == QProcess::Running) {
            const QStringList names = entries(dir.path());
            zipping = !names.isEmpty() && QFileInfo(dir.filePath(names.first())).size() > 0;
            if (!zipping)
                QThread::msleep(5);
        }
        QVERIFY2(zipping, qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QVERIFY(entries(dir.path()).first().endsWith(QLatin1String(".part")));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 130);
        QCOMPARE(entries(dir.path()), QStringList());
    }

    // A full disk (a 64 KiB tmpfs; the tests run as root) in every kind of writer, and /dev/full written
    // directly: the message names the condition and the file, stderr holds nothing else (libxlsxwriter
    // printed its own "[ERROR]" lines), and no file or temporary is left. Before: "Unknown error".
    void diskFullNamesTheConditionAndThePath() {
        QTemporaryDir dir;
        const QString full = dir.filePath(QStringLiteral("full"));
        QVERIFY(QDir().mkpath(full));
        QVERIFY2(::mount("tmpfs", QFile::encodeName(full).constData(), "tmpfs", 0, "size=64k") == 0,
                 "mount -t tmpfs (the tests run as root)");
        const auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(full).constData(), MNT_DETACH); });
        // md5 text compresses badly: the XLSX too is bigger than the file system.
        const QString query = QStringLiteral(
            "select g, md5(g::text) || md5((-g)::text) as pad from generate_series(1, 20000) g");
        for (const QString& name : {QStringLiteral("big.csv"), QStringLiteral("big.json"),
                                    QStringLiteral("big.xlsx"), QStringLiteral("/dev/full")}) {
            const QString path = name.startsWith(QLatin1Char('/')) ? name : full + QLatin1Char('/') + name;
            const CliRun r =
                runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("export"),
                        QStringLiteral("--query"), query, QStringLiteral("--format"),
                        QFileInfo(name).suffix().isEmpty() ? QStringLiteral("csv") : QFileInfo(name).suffix(),
                        QStringLiteral("-o"), path});
            QVERIFY2(r.exitCode != 0, qPrintable(name));
            const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
            QVERIFY2(lines.size() == 1, qPrintable(r.err));
            QVERIFY2(lines.first().contains(QLatin1String("No space left on device")), qPrintable(r.err));
            QVERIFY2(lines.first().contains(path), qPrintable(r.err));
            QVERIFY2(!r.err.contains(QLatin1String("Unknown error")), qPrintable(r.err));
            QCOMPARE(entries(full), QStringList());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
