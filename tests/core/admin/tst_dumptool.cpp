// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesearch.h"
#include "testcluster.h"

#include <pgdesk/core/admin/dumprunner.h>
#include <pgdesk/core/admin/dumptool.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/tempsweep.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace pgdesk::core;
using pgdesk::test::cluster;
using pgdesk::test::psql;

using pgdesk::test::filesContaining;

namespace {

const QString source = QStringLiteral("pgdesk_dumptool_src");
const QString hostileSchema = QStringLiteral("Dump.Schema*");
const QString hostileTable = QStringLiteral("Mixed\"Case.T?");

// Row count and a checksum of every table of a database's own schemas, one line per table.
QString fingerprint(const QString& database) {
    return psql(
        QStringLiteral(
            "select string_agg(format('%s.%s %s', n.nspname, c.relname, (xpath('/row/f/text()', "
            "query_to_xml(format('select count(*) || '' '' || md5(coalesce(string_agg(t::text, '','' order "
            "by "
            "t::text), '''')) as f from %I.%I t', n.nspname, c.relname), false, true, '')))[1]::text), "
            "E'\\n' order by n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = "
            "c.relnamespace "
            "where c.relkind = 'r' and n.nspname <> 'information_schema' and n.nspname !~ '^pg_'"),
        database);
}

void recreateDatabase(const QString& name) {
    psql(QStringLiteral("drop database if exists %1").arg(name), QStringLiteral("postgres"));
    psql(QStringLiteral("create database %1 template template0").arg(name), QStringLiteral("postgres"));
}

DumpRunner::State runToEnd(DumpRunner& runner, const DumpCommand& command,
                           const std::optional<QString>& password = {}, int total = 0) {
    QSignalSpy finished(&runner, &DumpRunner::finished);
    runner.start(command, password, total);
    if (finished.isEmpty())
        finished.wait(120000);
    return runner.state();
}

// Every process command line on the machine that contains `needle` (the ones we may read).
QStringList commandLinesContaining(const QByteArray& needle) {
    QStringList hits;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << pid;
    }
    return hits;
}

// Writes `text` into `path` (replacing it).
void writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

// The id of a process that has ended.
qint64 deadProcessId() {
    QProcess process;
    process.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    process.waitForStarted();
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

} // namespace

class TestDumpTool final : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    QTemporaryDir m_tmp; // TMPDIR of this suite: where the password file goes, scanned afterwards
    int m_serverVersion = 0;
    DumpProgram m_pgDump, m_pgRestore, m_psql;

    ConnectionProfile sourceProfile() const { return pgdesk::test::profile(source); }
    ConnectionProfile authProfile() const {
        ConnectionProfile p = pgdesk::test::profile(source);
        p.user = cluster().authUser;
        return p;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_work.isValid() && m_tmp.isValid());
        qputenv("TMPDIR", m_tmp.path().toUtf8());
        recreateDatabase(source);
        psql(QStringLiteral(
                 "create schema \"Dump.Schema*\"; create schema plainly;"
                 "create table \"Dump.Schema*\".\"Mixed\"\"Case.T?\"(id int primary key, note text);"
                 "insert into \"Dump.Schema*\".\"Mixed\"\"Case.T?\" select g, 'n' || g from "
                 "generate_series(1, 50) g;"
                 "create table \"Dump.Schema*\".other(id int primary key, v numeric, t timestamptz, j jsonb);"
                 "insert into \"Dump.Schema*\".other select g, g / 7.0, '2024-01-01'::timestamptz + g * "
                 "interval "
                 "'1 h', jsonb_build_object('g', g) from generate_series(1, 300) g;"
                 "create table plainly.items(id bigserial primary key, name text not null, price "
                 "numeric(10,2));"
                 "insert into plainly.items(name, price) select 'item ' || g, g * 1.25 from "
                 "generate_series(1, "
                 "2000) g;"
                 "create table plainly.empty(id int);"
                 "create table public.tab_with_null(a int, b text); insert into public.tab_with_null values "
                 "(1, "
                 "null), (null, 'x');"
                 "grant usage on schema \"Dump.Schema*\", plainly to pgdesk_auth;"
                 "grant select on all tables in schema \"Dump.Schema*\", plainly to pgdesk_auth;"
                 "grant select on all sequences in schema plainly to pgdesk_auth;"),
             source);
        auto connection = Connection::open(sourceProfile());
        m_serverVersion = connection.serverVersion();
        m_pgDump = findDumpProgram(QStringLiteral("pg_dump"), m_serverVersion);
        m_pgRestore = findDumpProgram(QStringLiteral("pg_restore"), m_serverVersion);
        m_psql = findDumpProgram(QStringLiteral("psql"), 0);
    }

    void cleanupTestCase() {
        for (const QString& db :
             {source, QStringLiteral("pgdesk_dumptool_custom"), QStringLiteral("pgdesk_dumptool_plain"),
              QStringLiteral("pgdesk_dumptool_directory"), QStringLiteral("pgdesk_dumptool_conflict")})
            psql(QStringLiteral("drop database if exists %1").arg(db), QStringLiteral("postgres"));
    }

    void versions() {
        QCOMPARE(parseProgramVersion(QStringLiteral("pg_dump (PostgreSQL) 15.4 (Debian 15.4-1.pgdg120+1)")),
                 150004);
        QCOMPARE(parseProgramVersion(QStringLiteral("pg_restore (PostgreSQL) 9.6.24")), 90624);
        QCOMPARE(parseProgramVersion(QStringLiteral("psql (PostgreSQL) 17devel")), 170000);
        QCOMPARE(parseProgramVersion(QStringLiteral("bash: no version")), 0);
        QCOMPARE(versionNumText(150004), QStringLiteral("15.4"));
        QCOMPARE(versionNumText(90624), QStringLiteral("9.6.24"));
        QVERIFY(m_pgDump.version / 10000 >= m_serverVersion / 10000);
    }

    // A fake pg_dump that reports 13.2 is refused against this server, naming the package to install; a
    // newer one in another folder is preferred; none at all says what to install.
    void oldProgramRefused() {
        QTemporaryDir oldDir, newDir, emptyDir;
        auto fake = [](const QString& dir, const QString& version) {
            QFile script(dir + QStringLiteral("/pg_dump"));
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write(QStringLiteral("#!/bin/sh\necho 'pg_dump (PostgreSQL) %1'\n").arg(version).toUtf8());
            script.close();
            script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        };
        fake(oldDir.path(), QStringLiteral("13.2"));
        const QString major = QString::number(m_serverVersion / 10000);
        try {
            findDumpProgram(QStringLiteral("pg_dump"), m_serverVersion, {oldDir.path()});
            QFAIL("an old pg_dump was accepted");
        } catch (const ConfigurationError& e) {
            QVERIFY2(
                e.message().contains(QLatin1String("pg_dump 13.2")) &&
                    e.message().contains(
                        QLatin1String("older than the server (%1)").arg(versionNumText(m_serverVersion))) &&
                    e.message().contains(QLatin1String("install postgresql-client-") + major),
                qPrintable(e.message()));
        }
        fake(newDir.path(), major + QStringLiteral(".99"));
        const DumpProgram chosen =
            findDumpProgram(QStringLiteral("pg_dump"), m_serverVersion, {oldDir.path(), newDir.path()});
        QCOMPARE(chosen.path, newDir.path() + QStringLiteral("/pg_dump"));
        QCOMPARE(chosen.versionText, major + QStringLiteral(".99"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, findDumpProgram(QStringLiteral("pg_dump"),
                                                                     m_serverVersion, {emptyDir.path()}));
    }

    void backupArguments() {
        const DumpProgram program{QStringLiteral("pg_dump"), QStringLiteral("/opt/pg bin/pg_dump"), 150004,
                                  QStringLiteral("15.4")};
        ConnectionProfile profile = pgdesk::test::profile(QStringLiteral("shop"));
        profile.sslMode = QStringLiteral("require");
        profile.sslRootCert = QStringLiteral("/etc/ca.crt");
        profile.user = QStringLiteral("it's me");
        BackupOptions options;
        options.tables = {{hostileSchema, hostileTable}, {QStringLiteral("public"), QStringLiteral("Users")}};
        options.content = DumpContent::DataOnly;
        options.noOwner = true;
        options.noPrivileges = true;
        options.compression = 5;
        DumpCommand c = backupCommand(program, profile, options, QStringLiteral("/tmp/out.dump"));
        QCOMPARE(c.kind, DumpKind::Backup);
        QCOMPARE(c.program, program.path);
        QCOMPARE(c.arguments,
                 (QStringList{QStringLiteral("--format=custom"), QStringLiteral("--file=/tmp/out.dump"),
                              QStringLiteral("--verbose"), QStringLiteral("--no-password"),
                              QStringLiteral("--compress=5"), QStringLiteral("--data-only"),
                              QStringLiteral("--no-owner"), QStringLiteral("--no-privileges"),
                              QStringLiteral("--strict-names"),
                              QStringLiteral("--table=\"Dump.Schema*\".\"Mixed\"\"Case.T?\""),
                              QStringLiteral("--table=\"public\".\"Users\"")}));
        auto env = [&c](const char* name) {
            for (const auto& [key, value] : c.environment)
                if (key == QLatin1String(name))
                    return value;
            return QStringLiteral("<unset>");
        };
        QCOMPARE(env("PGHOST"), cluster().host);
        QCOMPARE(env("PGPORT"), QString::number(cluster().port));
        QCOMPARE(env("PGDATABASE"), QStringLiteral("shop"));
        QCOMPARE(env("PGUSER"), QStringLiteral("it's me"));
        QCOMPARE(env("PGSSLMODE"), QStringLiteral("require"));
        QCOMPARE(env("PGSSLROOTCERT"), QStringLiteral("/etc/ca.crt"));
        QCOMPARE(env("PGPASSWORD"), QStringLiteral("<unset>"));
        const QString text = c.displayText();
        QVERIFY2(text.contains(QLatin1String("PGUSER='it'\\''s me'")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("'/opt/pg bin/pg_dump' --format=custom")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("'--table=\"Dump.Schema*\".\"Mixed\"\"Case.T?\"'")),
                 qPrintable(text));
        QVERIFY(!c.displayText(false).contains(QLatin1String("PGHOST")));

        options = {};
        options.format = DumpFormat::Directory;
        options.schemas = {QStringLiteral("Sales"), QStringLiteral("a.b")};
        options.jobs = 3;
        options.content = DumpContent::SchemaOnly;
        c = backupCommand(program, profile, options, QStringLiteral("/tmp/outdir"));
        QCOMPARE(c.arguments,
                 (QStringList{QStringLiteral("--format=directory"), QStringLiteral("--file=/tmp/outdir"),
                              QStringLiteral("--verbose"), QStringLiteral("--no-password"),
                              QStringLiteral("--jobs=3"), QStringLiteral("--schema-only"),
                              QStringLiteral("--strict-names"), QStringLiteral("--schema=\"Sales\""),
                              QStringLiteral("--schema=\"a.b\"")}));

        options = {};
        options.format = DumpFormat::Plain;
        c = backupCommand(program, profile, options, QStringLiteral("/tmp/whole.sql"));
        QCOMPARE(c.arguments,
                 (QStringList{QStringLiteral("--format=plain"), QStringLiteral("--file=/tmp/whole.sql"),
                              QStringLiteral("--verbose"), QStringLiteral("--no-password")}));
        options.jobs = 2; // parallel needs the directory format
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 backupCommand(program, profile, options, QStringLiteral("x")));
        options.jobs = 1;
        options.compression = 3; // plain is never compressed
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 backupCommand(program, profile, options, QStringLiteral("x")));
        options = {};
        options.schemas = {QStringLiteral("s")};
        options.tables = {{QStringLiteral("s"), QStringLiteral("t")}};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 backupCommand(program, profile, options, QStringLiteral("x")));
        profile.extraOptions = {{QStringLiteral("sslpassword"), QStringLiteral("key-secret")}};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 backupCommand(program, profile, {}, QStringLiteral("x")));
    }

    void restoreArguments() {
        const DumpProgram restore{QStringLiteral("pg_restore"), QStringLiteral("/usr/bin/pg_restore"), 150004,
                                  QStringLiteral("15.4")};
        const ConnectionProfile profile = pgdesk::test::profile(QStringLiteral("shop"));
        RestoreOptions options;
        options.database = QStringLiteral("copy=1");
        options.clean = true;
        options.noOwner = true;
        DumpCommand c =
            restoreCommand(restore, profile, options, DumpFormat::Custom, QStringLiteral("/tmp/a.dump"));
        QCOMPARE(c.kind, DumpKind::Restore);
        QCOMPARE(c.arguments,
                 (QStringList{QStringLiteral("--format=custom"), QStringLiteral("--dbname=dbname='copy=1'"),
                              QStringLiteral("--verbose"), QStringLiteral("--no-password"),
                              QStringLiteral("--exit-on-error"), QStringLiteral("--single-transaction"),
                              QStringLiteral("--clean"), QStringLiteral("--if-exists"),
                              QStringLiteral("--no-owner"), QStringLiteral("/tmp/a.dump")}));
        bool databaseSet = false;
        for (const auto& [key, value] : c.environment)
            if (key == QLatin1String("PGDATABASE"))
                databaseSet = value == QLatin1String("copy=1");
        QVERIFY(databaseSet);

        const DumpProgram psqlProgram{QStringLiteral("psql"), QStringLiteral("/usr/bin/psql"), 150004,
                                      QStringLiteral("15.4")};
        options = {};
        options.database = QStringLiteral("copy");
        c = restoreCommand(psqlProgram, profile, options, DumpFormat::Plain, QStringLiteral("/tmp/a.sql"));
        QCOMPARE(c.kind, DumpKind::PlainRestore);
        QCOMPARE(c.arguments,
                 (QStringList{QStringLiteral("--no-psqlrc"), QStringLiteral("--no-password"),
                              QStringLiteral("--set=ON_ERROR_STOP=1"), QStringLiteral("--single-transaction"),
                              QStringLiteral("--dbname=copy"), QStringLiteral("--file=/tmp/a.sql")}));
        options.clean = true;
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            restoreCommand(psqlProgram, profile, options, DumpFormat::Plain, QStringLiteral("/tmp/a.sql")));
        options = {};
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            restoreCommand(restore, profile, options, DumpFormat::Custom, QStringLiteral("/tmp/a.dump")));
    }

    void roundTrip_data() {
        QTest::addColumn<DumpFormat>("format");
        QTest::addColumn<int>("jobs");
        QTest::newRow("custom") << DumpFormat::Custom << 1;
        QTest::newRow("plain") << DumpFormat::Plain << 1;
        QTest::newRow("directory") << DumpFormat::Directory << 2;
    }

    // The whole database dumped and restored into a new one: every table has the same rows (count and
    // checksum); progress counted every table.
    void roundTrip() {
        QFETCH(DumpFormat, format);
        QFETCH(int, jobs);
        const QString target = QStringLiteral("pgdesk_dumptool_") + dumpFormatName(format);
        const QString path = m_work.filePath(dumpFormatName(format) + QStringLiteral(".backup"));
        BackupOptions options;
        options.format = format;
        options.jobs = jobs;
        auto connection = Connection::open(sourceProfile());
        const int total = dumpTableCount(connection, options);
        QCOMPARE(total, 5);
        DumpRunner backup;
        QSignalSpy progress(&backup, &DumpRunner::progress);
        QCOMPARE(runToEnd(backup, backupCommand(m_pgDump, sourceProfile(), options, path), {}, total),
                 DumpRunner::State::Succeeded);
        QCOMPARE(backup.tablesDone(), total);
        QCOMPARE(progress.size(), total);
        QCOMPARE(detectDumpFormat(path), format);
        QCOMPARE(QDir(m_work.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .filter(QStringLiteral("partial")),
                 QStringList());

        recreateDatabase(target);
        RestoreOptions restoreOptions;
        restoreOptions.database = target;
        const DumpProgram& program = format == DumpFormat::Plain ? m_psql : m_pgRestore;
        const int archived = archiveTableCount(m_pgRestore.path, format, path);
        QCOMPARE(archived, total);
        DumpRunner restore;
        QCOMPARE(runToEnd(restore, restoreCommand(program, sourceProfile(), restoreOptions, format, path), {},
                          archived),
                 DumpRunner::State::Succeeded);
        QCOMPARE(restore.tablesDone(), total);
        const QString expected = fingerprint(source);
        QVERIFY(expected.contains(QLatin1String("plainly.items 2000 ")));
        QCOMPARE(fingerprint(target), expected);
    }

    // A restore that fails (the schema is already there) says why in plain words and, in one transaction,
    // leaves nothing of the archive behind.
    void failedRestoreLeavesNothing() {
        const QString path = m_work.filePath(QStringLiteral("conflict.dump"));
        DumpRunner backup;
        QCOMPARE(runToEnd(backup, backupCommand(m_pgDump, sourceProfile(), {}, path)),
                 DumpRunner::State::Succeeded);
        const QString target = QStringLiteral("pgdesk_dumptool_conflict");
        recreateDatabase(target);
        psql(QStringLiteral("create schema plainly"), target);
        RestoreOptions options;
        options.database = target;
        DumpRunner restore;
        QCOMPARE(runToEnd(restore,
                          restoreCommand(m_pgRestore, sourceProfile(), options, DumpFormat::Custom, path)),
                 DumpRunner::State::Failed);
        QVERIFY2(restore.errorText().contains(QLatin1String("already exists")),
                 qPrintable(restore.errorText()));
        QVERIFY2(restore.errorText().startsWith(QLatin1String("pg_restore failed (exit status 1)")),
                 qPrintable(restore.errorText()));
        QCOMPARE(psql(QStringLiteral(
                          "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                          "where n.nspname !~ '^pg_' and n.nspname <> 'information_schema'"),
                      target)
                     .trimmed(),
                 QStringLiteral("0"));
    }

    // As the password role: while pg_dump runs (waiting on a lock we hold), the password is in no process's
    // command line nor in pg_dump's environment; the pgpass file is private; cancel removes the output and
    // the pgpass file. A completed run leaves no file with the password either.
    void passwordAndCancel() {
        const QByteArray secret = cluster().authPassword.toUtf8();
        QVERIFY(!secret.isEmpty());
        auto holder = Connection::open(sourceProfile());
        holder.exec(QStringLiteral("begin; lock table plainly.items in access exclusive mode"));

        const QString outDir = m_work.filePath(QStringLiteral("cancel"));
        QVERIFY(QDir().mkpath(outDir));
        BackupOptions options;
        options.schemas = {QStringLiteral("plainly")};
        DumpRunner runner;
        QSignalSpy finished(&runner, &DumpRunner::finished);
        runner.start(backupCommand(m_pgDump, authProfile(), options, outDir + QStringLiteral("/x.dump")),
                     cluster().authPassword);
        QCOMPARE(runner.state(), DumpRunner::State::Running);
        // The password is in an in-memory file the child inherited (/dev/fd/N), private, not on disk.
        const QString passFile = runner.passFilePath();
        QVERIFY2(passFile.startsWith(QLatin1String("/dev/fd/")), qPrintable(passFile));
        const QString childFd = QStringLiteral("/proc/%1/fd/%2").arg(runner.processId()).arg(passFile.mid(8));
        QVERIFY2(QFile::symLinkTarget(childFd).contains(QLatin1String("/memfd:pgdesk-pgpass")),
                 qPrintable(QFile::symLinkTarget(childFd)));
        QCOMPARE(QFile::permissions(childFd) & 0x0777 /* the Other/Group/User bits */,
                 QFileDevice::ReadUser | QFileDevice::WriteUser);

        // Wait until pg_dump, logged in with the password, waits on our lock.
        auto watcher = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        QElapsedTimer timer;
        timer.start();
        bool waiting = false;
        while (!waiting && timer.elapsed() < 20000) {
            QTest::qWait(100);
            waiting = watcher
                          .exec(QStringLiteral("select count(*) from pg_stat_activity where usename = $1 and "
                                               "wait_event_type = 'Lock'"),
                                {param(cluster().authUser)})
                          .text(0, 0) == QLatin1String("1");
        }
        QVERIFY2(waiting, qPrintable(runner.log().join(QLatin1Char('\n'))));
        QCOMPARE(commandLinesContaining(secret), QStringList());
        QFile environ(QStringLiteral("/proc/%1/environ").arg(runner.processId()));
        QVERIFY(environ.open(QIODevice::ReadOnly));
        const QByteArray environment = environ.readAll();
        QVERIFY(environment.contains("PGPASSFILE=" + passFile.toUtf8()));
        QVERIFY(!environment.contains(secret));
        QVERIFY(!environment.contains("PGPASSWORD="));
        QCOMPARE(filesContaining(m_tmp.path(), secret), QStringList());

        runner.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(runner.state(), DumpRunner::State::Canceled);
        QCOMPARE(QDir(outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        QCOMPARE(runner.passFilePath(), QString());
        holder.exec(QStringLiteral("rollback"));

        // Now to the end, as the password role.
        const QString done = outDir + QStringLiteral("/done.dump");
        QCOMPARE(
            runToEnd(runner, backupCommand(m_pgDump, authProfile(), options, done), cluster().authPassword),
            DumpRunner::State::Succeeded);
        QVERIFY(QFile::exists(done));
        QCOMPARE(filesContaining(m_tmp.path(), secret), QStringList());
        QCOMPARE(filesContaining(m_work.path(), secret), QStringList());
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());

        // Without the password the role cannot log in: the run fails in plain words, and nothing is left.
        QCOMPARE(runToEnd(runner, backupCommand(m_pgDump, authProfile(), options,
                                                outDir + QStringLiteral("/no.dump"))),
                 DumpRunner::State::Failed);
        QVERIFY2(runner.errorText().contains(QLatin1String("password")), qPrintable(runner.errorText()));
        QCOMPARE(QDir(outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("done.dump")});
    }

    // A table that is not there fails the backup (--strict-names) instead of writing an empty one.
    void missingTableFails() {
        BackupOptions options;
        options.tables = {
            {QStringLiteral("plainly"), QStringLiteral("ITEMS")}}; // exact: upper case is not items
        DumpRunner runner;
        const QString path = m_work.filePath(QStringLiteral("missing.dump"));
        QCOMPARE(runToEnd(runner, backupCommand(m_pgDump, sourceProfile(), options, path)),
                 DumpRunner::State::Failed);
        QVERIFY2(runner.errorText().contains(QLatin1String("no matching tables")),
                 qPrintable(runner.errorText()));
        QVERIFY(!QFile::exists(path));

        // The hostile names are matched exactly.
        options.tables = {{hostileSchema, hostileTable}};
        QCOMPARE(runToEnd(runner, backupCommand(m_pgDump, sourceProfile(), options, path)),
                 DumpRunner::State::Succeeded);
        QCOMPARE(runner.tablesDone(), 1);
        auto connection = Connection::open(sourceProfile());
        QCOMPARE(dumpTableCount(connection, options), 1);
    }

    // The lexer finds every meta-command psql would run, outside strings, comments, dollar quotes and COPY
    // data; only pg_dump's own \restrict / \unrestrict pass.
    void plainScriptCheck() {
        const QString path = m_work.filePath(QStringLiteral("check.sql"));
        auto check = [&](const QByteArray& text) {
            writeFile(path, text);
            return checkPlainScript(path);
        };
        PlainScriptCheck c =
            check("-- a dump\n\\restrict Ab12\nSET x = 1;\n"
                  "COPY public.\"two\nlines\" (t) FROM stdin;\n\\\\! not a command\n"
                  "a\\tb\\\\\n\\.\n"
                  "select '\n\\! in a string', $$\n\\! in a body$$, \"\\!\" /* \\! */; -- \\!\n"
                  "COPY t FROM stdin;\n\\.\n\n\\unrestrict Ab12\n-- end\n");
        QVERIFY(c.readable);
        QCOMPARE(c.refused, QList<PlainScriptLine>());
        QCOMPARE(c.copyBlocks, 2);
        QCOMPARE(c.restrictKey, QStringLiteral("Ab12"));

        c = check("SET x = 1;\n\\! touch /tmp/x\nselect 1; \\connect postgres\n\\c other\n"
                  "COPY t FROM stdin;\n\\! data\n\\.\n\\.\nselect 1 \\gexec\n"
                  "COPY t TO PROGRAM 'sh';\n\\restrict late\nCOPY t FROM stdin; select 2;\n\\.\n");
        QCOMPARE(c.refused, (QList<PlainScriptLine>{{2, QStringLiteral("\\!")},
                                                    {3, QStringLiteral("\\connect")},
                                                    {4, QStringLiteral("\\c")},
                                                    {8, QStringLiteral("\\.")},
                                                    {9, QStringLiteral("\\gexec")},
                                                    {10, QStringLiteral("COPY … PROGRAM")},
                                                    {11, QStringLiteral("\\restrict")},
                                                    {12, QStringLiteral("text after COPY … FROM stdin")}}));
        // \unrestrict with another key, or SQL after it.
        c = check("\\restrict k1\nselect 1;\n\\unrestrict k2\n");
        QCOMPARE(c.refused, (QList<PlainScriptLine>{{3, QStringLiteral("\\unrestrict")}}));
        c = check("\\restrict k1\n\\unrestrict k1\nselect 1;\n");
        QCOMPARE(c.refused, (QList<PlainScriptLine>{{3, QStringLiteral("text after \\unrestrict")}}));
        // A semicolon inside BEGIN ATOMIC does not end the statement, as in psql: no COPY starts there.
        c = check("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC; COPY t FROM stdin;\n"
                  "\\! hidden\nEND;\n");
        QCOMPARE(c.refused, (QList<PlainScriptLine>{{2, QStringLiteral("\\!")}}));

        // The whole guard: refused with the lines listed; a clean file gets psql's restricted mode.
        DumpCommand command;
        command.kind = DumpKind::PlainRestore;
        command.inputPath = path;
        command.arguments = {QStringLiteral("--file=") + path};
        writeFile(path, "select 1;\n\\! touch /tmp/x\n");
        try {
            guardPlainRestore(command, 150018);
            QFAIL("a file with \\! was accepted");
        } catch (const ConfigurationError& e) {
            QVERIFY2(e.message().contains(QLatin1String("line 2: \\!")), qPrintable(e.message()));
        }
        QVERIFY(!command.scriptGuarded);
        writeFile(path, "select 1;\n");
        guardPlainRestore(command, 150018);
        QVERIFY(command.scriptGuarded);
        QCOMPARE(command.arguments.size(), 2);
        QVERIFY2(command.arguments[0].startsWith(QLatin1String("--command=\\restrict ")),
                 qPrintable(command.arguments.join(QLatin1Char(' '))));
        QCOMPARE(command.arguments[1], QStringLiteral("--file=") + path);
    }

    void psqlRestrictVersions() {
        QVERIFY(psqlHasRestrict(150014));
        QVERIFY(!psqlHasRestrict(150013));
        QVERIFY(psqlHasRestrict(160010));
        QVERIFY(!psqlHasRestrict(160009));
        QVERIFY(psqlHasRestrict(170006));
        QVERIFY(psqlHasRestrict(180000));
        QVERIFY(!psqlHasRestrict(120022));
        QVERIFY(!psqlHasRestrict(90624));
    }

    // What the scan cannot see, psql's restricted mode stops: with standard_conforming_strings off a
    // backslash-escaped quote hides `\!` from the lexer (which follows the default, on), not from psql.
    void restrictModeStopsWhatTheScanMisses() {
        if (!psqlHasRestrict(m_psql.version))
            QFAIL("this test needs a psql with \\restrict (15.14 or later)");
        const QString marker = m_work.filePath(QStringLiteral("ran"));
        const QString path = m_work.filePath(QStringLiteral("sneaky.sql"));
        writeFile(path, "SET standard_conforming_strings = off;\nSELECT 'a\\'' \\! touch " +
                            QFile::encodeName(marker) + "\n';\n");
        QCOMPARE(checkPlainScript(path).refused, QList<PlainScriptLine>());
        RestoreOptions options;
        options.database = source;
        DumpRunner runner;
        QCOMPARE(runToEnd(runner, restoreCommand(m_psql, sourceProfile(), options, DumpFormat::Plain, path)),
                 DumpRunner::State::Failed);
        QVERIFY2(runner.errorText().contains(QLatin1String("restricted")), qPrintable(runner.errorText()));
        QVERIFY(!QFile::exists(marker));
    }

    // Backups are private: a file 0600, a directory 0700 with 0600 files.
    void backupIsPrivate() {
        const mode_t old = ::umask(022);
        const QString file = m_work.filePath(QStringLiteral("private.dump"));
        const QString folder = m_work.filePath(QStringLiteral("private.dir"));
        DumpRunner runner;
        BackupOptions options;
        options.schemas = {QStringLiteral("plainly")};
        QCOMPARE(runToEnd(runner, backupCommand(m_pgDump, sourceProfile(), options, file)),
                 DumpRunner::State::Succeeded);
        options.format = DumpFormat::Directory;
        QCOMPARE(runToEnd(runner, backupCommand(m_pgDump, sourceProfile(), options, folder)),
                 DumpRunner::State::Succeeded);
        ::umask(old);
        const auto user = QFileDevice::ReadUser | QFileDevice::WriteUser;
        QCOMPARE(QFile::permissions(file) & 0x0777, user);
        QCOMPARE(QFile::permissions(folder) & 0x0777, user | QFileDevice::ExeUser);
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QVERIFY(files.contains(QStringLiteral("toc.dat")));
        for (const QString& name : files)
            QCOMPARE(QFile::permissions(QDir(folder).filePath(name)) & 0x0777, user);
    }

    // What killed processes left (named with their PID) goes at the next run; what live ones use stays.
    void staleLeftoversSwept() {
        const qint64 dead = deadProcessId();
        QVERIFY(dead > 0 && !processIsAlive(dead));
        const qint64 alive = QCoreApplication::applicationPid();
        const QString outDir = m_work.filePath(QStringLiteral("sweep"));
        QVERIFY(QDir().mkpath(outDir));
        const QDir out(outDir), tmp(m_tmp.path());
        const QString deadPartial = QStringLiteral(".x.dump.partial-%1-0badc0de").arg(dead);
        const QString livePartial = QStringLiteral(".x.dump.partial-%1-0badc0de").arg(alive);
        writeFile(out.filePath(deadPartial), "half a dump");
        writeFile(out.filePath(livePartial), "half a dump");
        const QString deadSsh = QStringLiteral("pgdesk-ssh-%1-aBc123").arg(dead);
        const QString liveSsh = QStringLiteral("pgdesk-ssh-%1-aBc123").arg(alive);
        QVERIFY(tmp.mkdir(deadSsh) && tmp.mkdir(liveSsh));
        // An older version's pgpass folder: removed once old enough and named by no process.
        QVERIFY(tmp.mkdir(QStringLiteral("pgdesk-pgpass-OLD123")) &&
                tmp.mkdir(QStringLiteral("pgdesk-pgpass-NEW123")));
        writeFile(tmp.filePath(QStringLiteral("pgdesk-pgpass-OLD123/pgpass")), "*:*:*:*:secret\n");
        const timespec anHourAgo[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
        QCOMPARE(
            ::utimensat(AT_FDCWD,
                        QFile::encodeName(tmp.filePath(QStringLiteral("pgdesk-pgpass-OLD123"))).constData(),
                        anHourAgo, 0),
            0);

        DumpRunner runner;
        BackupOptions options;
        options.schemas = {QStringLiteral("plainly")};
        QCOMPARE(runToEnd(runner, backupCommand(m_pgDump, sourceProfile(), options, out.filePath("x.dump"))),
                 DumpRunner::State::Succeeded);
        QCOMPARE(out.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{livePartial, QStringLiteral("x.dump")}));
        QCOMPARE(tmp.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("pgdesk-pgpass-NEW123"), liveSsh}));
        QVERIFY(tmp.rmdir(liveSsh) && tmp.rmdir(QStringLiteral("pgdesk-pgpass-NEW123")));
    }
};

QTEST_GUILESS_MAIN(TestDumpTool)
#include "tst_dumptool.moc"
