#include "testcluster.h"

#include <pgdesk/core/connection.h>
#include <pgdesk/core/dumprunner.h>
#include <pgdesk/core/dumptool.h>
#include <pgdesk/core/errors.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::cluster;
using pgdesk::test::psql;

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

// Every file under `folder` whose bytes contain `needle`.
QStringList filesContaining(const QString& folder, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << file.fileName();
    }
    return hits;
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
        const QString passFile = runner.passFilePath();
        QVERIFY(QFile::exists(passFile));
        QCOMPARE(QFile::permissions(passFile) & 0x0777 /* the Other/Group/User bits */,
                 QFileDevice::ReadUser | QFileDevice::WriteUser);
        QVERIFY(passFile.startsWith(m_tmp.path()));

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

        runner.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(runner.state(), DumpRunner::State::Canceled);
        QCOMPARE(QDir(outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        QVERIFY(!QFile::exists(passFile));
        QVERIFY(!QFileInfo::exists(QFileInfo(passFile).absolutePath()));
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
};

QTEST_GUILESS_MAIN(TestDumpTool)
#include "tst_dumptool.moc"
