// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli diff with a .sql side: the file is loaded into a private PostgreSQL (core::SqlSandbox), never
// into the user's server. Each hostile statement a compared file may hold (roles, role settings, database
// settings, grants of predefined roles, dblink into the real database, signals to other sessions, server
// files and programs, C functions, ALTER SYSTEM, large objects, SET ROLE) leaves the user's cluster as it
// was: roles, memberships, settings, databases, other sessions, tables and files. A killed or terminated
// compare leaves no server and, by the next run, no folder.
// Without server programs (PGDESK_SANDBOX_PGBIN naming an empty folder) the file goes into a scratch database
// of the target's server, loaded by a throwaway role as its session user (core::SqlScratch): the same hostile
// statements are refused by the lexer before anything is made, or by the server to that role, and leave the
// cluster as it was; SIGKILL leaves a database and role the next run drops, SIGTERM leaves nothing.

#include "clirunner.h"
#include "psqlsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cerrno>
#include <csignal>

using namespace pgdesk::test;

namespace {

// What a compared file must never change on the user's cluster: the roles it names and every superuser, the
// memberships of the role it grants to, role and database settings, the database it drops, ALTER SYSTEM's
// file, a table dblink would make. (Other suites create and drop their own roles and databases meanwhile.)
QString clusterState() {
    const Cluster& c = cluster();
    return psql(
        QStringLiteral(
            "select format('%s | %s | %s | %s | %s | %s', (select string_agg(format('%s %s %s %s %s', "
            "rolname, rolsuper, rolcreaterole, rolcreatedb, rolcanlogin), ',' order by rolname) from "
            "pg_roles where rolname in ('pgdesk_evil', '%1', '%2') or rolsuper), (select "
            "coalesce(string_agg(roleid::regrole::text, ',' order by 1), '') from pg_auth_members where "
            "member = '%1'::regrole), (select count(*) from pg_db_role_setting where setrole = "
            "'%2'::regrole or setdatabase = (select oid from pg_database where datname = 'pgdesk_demo')), "
            "(select count(*) from pg_database where datname = 'pgdesk_demo'), (select count(*) from "
            "pg_file_settings where name = 'archive_command'), (select count(*) from pg_class where "
            "relname = 'pgdesk_pwned'))")
            .arg(c.authUser, c.user),
        QStringLiteral("postgres"));
}

// Where the sandboxes of this machine's processes are (the CLI's QDir::tempPath(), as here).
QStringList sandboxFolders() {
    QStringList found;
    QStringList bases{QDir::tempPath()};
    if (!bases.contains(QStringLiteral("/tmp")))
        bases << QStringLiteral("/tmp");
    for (const QString& base : bases)
        for (const QString& name : QDir(base).entryList({QStringLiteral("pgdesk-sandbox-*")}, QDir::Dirs))
            found << QDir(base).filePath(name);
    return found;
}

// Sandbox folders whose process is gone: what a compare that ended normally must never leave.
QStringList leakedSandboxes() {
    QStringList leaked;
    for (const QString& f : sandboxFolders()) {
        const qint64 pid = QFileInfo(f).fileName().section(QLatin1Char('-'), 2, 2).toLongLong();
        if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            leaked << f;
    }
    return leaked;
}

// Scratch databases and roles (the fallback's) still on the cluster.
QString scratchLeft() {
    return psql(
        QStringLiteral("select (select count(*) from pg_database where datname like 'pgdesk\\_diff\\_%') + "
                       "(select count(*) from pg_roles where rolname like 'pgdesk\\_diff\\_%')"),
        QStringLiteral("postgres"));
}

bool postmasterRunsOn(const QString& folder) {
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly) &&
            cmdline.readAll().contains(folder.toLocal8Bit()))
            return true;
    }
    return false;
}

} // namespace

class TestCliDiffSandbox final : public QObject {
    Q_OBJECT
    const QString m_target = QStringLiteral("cli_sandbox_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;
    QProcess m_sleeper; // another user's session on the real server

    QString write(const QString& name, const QByteArray& text) {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0)
            return {};
        f.close();
        return f.fileName();
    }
    // The CLI without server programs for a private server: the scratch fallback.
    static QProcessEnvironment withoutServerPrograms(const QString& nothing) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGDESK_SANDBOX_PGBIN"), nothing);
        return env;
    }
    CliRun runFallback(const QStringList& args) {
        QProcess cli;
        cli.setProcessEnvironment(withoutServerPrograms(m_dir.filePath(QStringLiteral("nothing"))));
        cli.start(binary(QStringLiteral("pgdesk-cli")), args);
        CliRun r;
        if (!cli.waitForFinished(120000))
            return r;
        r.exitCode = cli.exitCode();
        r.out = QString::fromUtf8(cli.readAllStandardOutput());
        r.err = QString::fromUtf8(cli.readAllStandardError());
        return r;
    }
    QStringList diffArgs(const QString& file) const {
        return {QStringLiteral("--dsn"),
                conninfo(m_target),
                QStringLiteral("diff"),
                QStringLiteral("--source-file"),
                file,
                QStringLiteral("--source-schema"),
                QStringLiteral("app"),
                QStringLiteral("--target-schema"),
                QStringLiteral("app")};
    }
    QString sleeperPid() const {
        return psqlValue(QStringLiteral("select pid from pg_stat_activity where application_name = "
                                        "'pgdesk_sandbox_victim'"),
                         QStringLiteral("postgres"));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_target),
             QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_target), QStringLiteral("postgres"));
        loadScript(m_target, QStringLiteral("create schema app; create table app.t (id int primary key);"));
        QVERIFY(startPsqlSession(m_sleeper, QStringLiteral("select pg_sleep(600)"),
                                 QStringLiteral("postgres"), QStringLiteral("pgdesk_sandbox_victim")));
        QTRY_VERIFY_WITH_TIMEOUT(!sleeperPid().isEmpty(), 10000);
    }

    void cleanupTestCase() {
        // Killing psql does not end a backend in pg_sleep: it is ended here.
        psql(QStringLiteral("select pg_terminate_backend(pid) from pg_stat_activity where application_name = "
                            "'pgdesk_sandbox_victim'"),
             QStringLiteral("postgres"));
        m_sleeper.waitForFinished();
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_target),
             QStringLiteral("postgres"));
    }

    void hostileFileChangesNothing_data() {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<bool>("scratch");
        // Each statement against the private server, and against the scratch fallback.
        struct Rows {
            const char* name;
            void operator<<(const QString& statement) const {
                QTest::newRow(name) << statement << false;
                QTest::addRow("%s (scratch)", name) << statement << true;
            }
        };
        const auto rows = [](const char* name) { return Rows{name}; };
        const Cluster& c = cluster();
        const QString real =
            QStringLiteral("host=%1 port=%2 dbname=pgdesk_demo user=%3").arg(c.host).arg(c.port).arg(c.user);
        rows("superuser role") << QStringLiteral("create role pgdesk_evil login superuser");
        rows("role made superuser") << QStringLiteral("alter role %1 superuser").arg(c.authUser);
        rows("predefined role granted") << QStringLiteral("grant pg_read_server_files to %1").arg(c.authUser);
        rows("role setting") << QStringLiteral("alter role %1 set work_mem = '1MB'").arg(c.user);
        rows("database setting") << QStringLiteral("alter database pgdesk_demo set work_mem = '1MB'");
        rows("database dropped") << QStringLiteral("drop database pgdesk_demo");
        rows("dblink into the real database")
            << QStringLiteral("create extension if not exists dblink; select dblink_exec('%1', 'create table "
                              "public.pgdesk_pwned (x int)')")
                   .arg(real);
        rows("postgres_fdw into the real database")
            << QStringLiteral(
                   "create extension postgres_fdw; create server s foreign data wrapper postgres_fdw "
                   "options (host '%1', port '%2', dbname 'pgdesk_demo'); create user mapping for "
                   "current_user server s options (user '%3'); create foreign table f (x int) server "
                   "s options (table_name 'pgdesk_pwned'); select * from f")
                   .arg(c.host)
                   .arg(c.port)
                   .arg(c.user);
        rows("another session ended") << QStringLiteral("select pg_terminate_backend(%1)").arg(sleeperPid());
        rows("server file written")
            << QStringLiteral("copy (select 1) to '%1'").arg(m_dir.filePath(QStringLiteral("pwned")));
        rows("server file read") << QStringLiteral("select pg_read_file('/etc/passwd')");
        rows("C function") << QStringLiteral(
            "create function app.f() returns int language c as 'libc.so.6', 'getpid'");
        rows("alter system") << QStringLiteral("alter system set archive_command = 'touch %1'")
                                    .arg(m_dir.filePath(QStringLiteral("pwned")));
        rows("large object") << QStringLiteral("select lo_import('/etc/passwd')");
        rows("set role") << QStringLiteral("set role pgdesk_sandbox; create role pgdesk_evil superuser");
        rows("session authorization") << QStringLiteral("set session authorization pgdesk_sandbox");
        // What no lexer sees: dynamic SQL in DO, the extension helper called with a name it makes up. The
        // scratch's session user is the throwaway role itself, so the server refuses them.
        rows("role through dynamic SQL")
            << QStringLiteral(
                   "do $d$ begin execute 're' || 'set role'; perform set_config('ro' || 'le', '%1', "
                   "false); execute 'create role pgdesk_evil superuser'; end $d$")
                   .arg(c.user);
        rows("settings through dynamic SQL")
            << QStringLiteral(
                   "do $d$ begin execute 'alter role ' || quote_ident('%1') || ' set work_mem = "
                   "''1MB'''; execute 'alter database pgdesk_demo set work_mem = ''1MB'''; end $d$")
                   .arg(c.user);
        rows("signal through dynamic SQL")
            << QStringLiteral("do $d$ begin execute 'select pg_terminate_' || 'backend(%1)'; end $d$")
                   .arg(sleeperPid());
        rows("extension helper with a made-up name")
            << QStringLiteral("select pgdesk_scratch.create_extension('db' || 'link', '', ''); "
                              "select pgdesk_sandbox.create_extension('db' || 'link', '', '')");
        rows("untrusted language") << QStringLiteral(
            "create extension plperlu; create function app.g() returns int language "
            "plperlu as 'system(\"touch "
            "/tmp/pgdesk-sandbox-pwned\"); 1'; select app.g()");
    }
    void hostileFileChangesNothing() {
        QFETCH(QString, statement);
        QFETCH(bool, scratch);
        const QString before = clusterState();
        const QString pid = sleeperPid();
        const QString file = write(
            QStringLiteral("hostile.sql"),
            ("create schema app;\ncreate table app.t (id int primary key);\n" + statement + ";\n").toUtf8());
        const CliRun r = scratch ? runFallback(diffArgs(file)) : runCli(diffArgs(file), {}, 120000);
        // Loaded (0: nothing differs) or refused by the lexer or the server (2, its message shown); never
        // more.
        QVERIFY2(r.exitCode == 0 || r.exitCode == 2, qPrintable(QString::number(r.exitCode) + r.err));
        if (r.exitCode == 0)
            QVERIFY2(r.err.contains(scratch ? QStringLiteral("was loaded into a scratch database")
                                            : QStringLiteral("was loaded into a private PostgreSQL")),
                     qPrintable(r.err));
        if (scratch) // it went to a scratch database, or was refused there by the lexer or the server
            QVERIFY2(r.err.contains(QStringLiteral("was loaded into a scratch database")) ||
                         r.err.contains(QStringLiteral("acts beyond a scratch database")) ||
                         r.err.contains(QStringLiteral("failed: psql failed")),
                     qPrintable(r.err));
        QCOMPARE(scratchLeft(), QStringLiteral("0"));
        QCOMPARE(clusterState(), before);
        QCOMPARE(sleeperPid(), pid);
        QVERIFY(m_sleeper.state() == QProcess::Running);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("pwned"))));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/pgdesk-sandbox-pwned")));
        QCOMPARE(leakedSandboxes(), QStringList()); // refused or loaded, the private server is gone
    }

    // A schema file as pg_dump writes it: extensions (one a superuser must create), owners of the target's
    // roles, grants, comments on the extension: loaded as from a restore, equal to the database it came from.
    void dumpOfTheTargetIsEqual() {
        psql(QStringLiteral(
                 "create extension if not exists pg_trgm with schema public; create extension if not "
                 "exists pg_stat_statements; alter table app.t owner to %1; grant select on app.t to "
                 "%1; comment on table app.t is 'kept'")
                 .arg(cluster().authUser),
             m_target);
        QProcess dump;
        dump.start(cluster().pgbin + QStringLiteral("/pg_dump"),
                   {QStringLiteral("--schema-only"), QStringLiteral("-h"), cluster().host,
                    QStringLiteral("-p"), QString::number(cluster().port), QStringLiteral("-U"),
                    cluster().user, m_target});
        QVERIFY(dump.waitForFinished(60000));
        QCOMPARE(dump.exitCode(), 0);
        const QString file = write(QStringLiteral("dump.sql"), dump.readAllStandardOutput());
        const CliRun r = runCli(
            QStringList{QStringLiteral("--format"), QStringLiteral("json")} + diffArgs(file), {}, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject o = parseObject(r);
        QVERIFY(o.value(QStringLiteral("equal")).toBool());
        QVERIFY2(o.value(QStringLiteral("loaded_into"))
                     .toObject()
                     .value(QStringLiteral("source"))
                     .toString()
                     .startsWith(QStringLiteral("a private PostgreSQL 15")),
                 qPrintable(r.out));
        QCOMPARE(leakedSandboxes(), QStringList());
    }

    // SIGKILL in the middle of a load: the private server ends with the CLI (nothing left running), and the
    // next compare removes its folder. SIGTERM is an interrupt: exit 130, nothing left at all.
    void killedOrTerminatedLeavesNothing() {
        const QString file =
            write(QStringLiteral("slow.sql"), "create schema app;\nselect pg_sleep(1000);\n");
        for (const int signal : {SIGKILL, SIGTERM}) {
            QProcess cli;
            cli.start(binary(QStringLiteral("pgdesk-cli")), diffArgs(file));
            QVERIFY(cli.waitForStarted());
            const QString mine = QStringLiteral("pgdesk-sandbox-%1-").arg(cli.processId());
            QString folder;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (const QString& f : sandboxFolders())
                        if (f.contains(mine) && QFile::exists(f + QStringLiteral("/load.sql")))
                            folder = f;
                    return !folder.isEmpty();
                }(),
                60000);
            QThread::msleep(500); // psql is in the pg_sleep
            ::kill(pid_t(cli.processId()), signal);
            QVERIFY(cli.waitForFinished(30000));
            QTRY_VERIFY_WITH_TIMEOUT(!postmasterRunsOn(folder), 20000);
            if (signal == SIGTERM) {
                QCOMPARE(cli.exitCode(), 130);
                QVERIFY2(!QFile::exists(folder), qPrintable(folder));
                continue;
            }
            QVERIFY(QFile::exists(folder)); // SIGKILL: nothing could remove it
            const CliRun r =
                runCli(diffArgs(write(QStringLiteral("ok.sql"), "create schema app;\n")), {}, 120000);
            QVERIFY2(r.exitCode == 1, qPrintable(r.err));
            QVERIFY2(!QFile::exists(folder), qPrintable(folder));
        }
    }

    // Without server programs, two files have no server to go to: the compare says what to install. With a
    // database on the other side, the file goes into a scratch database there, said in the output and JSON;
    // on a production profile only with --allow-write.
    void noServerProgramsFallsBackToAScratchDatabase() {
        const QString before = clusterState();
        const QString a =
            write(QStringLiteral("a.sql"), "create schema app;\ncreate table app.t (id int);\n");
        const CliRun files = runFallback(
            {QStringLiteral("diff"), QStringLiteral("--source-file"), a, QStringLiteral("--target-file"), a});
        QCOMPARE(files.exitCode, 2);
        QVERIFY2(files.err.contains(QStringLiteral("install postgresql-15")), qPrintable(files.err));

        const CliRun r =
            runFallback(QStringList{QStringLiteral("--format"), QStringLiteral("json")} + diffArgs(a));
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err)); // id has no primary key in the file
        QVERIFY2(parseObject(r)
                     .value(QStringLiteral("loaded_into"))
                     .toObject()
                     .value(QStringLiteral("source"))
                     .toString()
                     .startsWith(QStringLiteral("a scratch database pgdesk_diff_")),
                 qPrintable(r.out));
        QCOMPARE(scratchLeft(), QStringLiteral("0"));

        QVERIFY2(addProductionProfile(QStringLiteral("sandbox_prod")).exitCode == 0, "profiles add");
        const QStringList prod{QStringLiteral("--profile"),
                               QStringLiteral("sandbox_prod"),
                               QStringLiteral("diff"),
                               QStringLiteral("--source-file"),
                               a,
                               QStringLiteral("--source-schema"),
                               QStringLiteral("app"),
                               QStringLiteral("--target-schema"),
                               QStringLiteral("public")};
        const CliRun locked = runFallback(prod);
        QVERIFY2(locked.exitCode != 0 && locked.exitCode != 1, qPrintable(locked.err));
        QVERIFY2(locked.err.contains(QStringLiteral("--allow-write")) &&
                     locked.err.contains(QStringLiteral("install postgresql-15")),
                 qPrintable(locked.err));
        QCOMPARE(scratchLeft(), QStringLiteral("0"));
        const CliRun unlocked = runFallback(QStringList{QStringLiteral("--allow-write")} + prod);
        QVERIFY2(unlocked.exitCode == 1, qPrintable(QString::number(unlocked.exitCode) + unlocked.out +
                                                    unlocked.err)); // app is not the demo's public
        QVERIFY2(unlocked.err.contains(QStringLiteral("was loaded into a scratch database")),
                 qPrintable(unlocked.err));
        QCOMPARE(scratchLeft(), QStringLiteral("0"));
        QCOMPARE(clusterState(), before);
    }

    // The fallback killed in the middle of a load: SIGKILL leaves its database and role, which the next run
    // on that server drops (their process is gone); SIGTERM is an interrupt that leaves nothing.
    void scratchKilledOrTerminatedLeavesNothing() {
        const QString file =
            write(QStringLiteral("slow.sql"), "create schema app;\nselect pg_sleep(1000);\n");
        for (const int signal : {SIGKILL, SIGTERM}) {
            QProcess cli;
            cli.setProcessEnvironment(withoutServerPrograms(m_dir.filePath(QStringLiteral("nothing"))));
            cli.start(binary(QStringLiteral("pgdesk-cli")), diffArgs(file));
            QVERIFY(cli.waitForStarted());
            const QString sleeping =
                QStringLiteral("select count(*) from pg_stat_activity where usename ~ '^pgdesk_diff_.*_%1_' "
                               "and query like '%pg_sleep%'")
                    .arg(cli.processId());
            QTRY_VERIFY_WITH_TIMEOUT(psql(sleeping, QStringLiteral("postgres")) == QLatin1String("1"), 60000);
            ::kill(pid_t(cli.processId()), signal);
            QVERIFY(cli.waitForFinished(30000));
            if (signal == SIGTERM) {
                QCOMPARE(cli.exitCode(), 130);
                QCOMPARE(scratchLeft(), QStringLiteral("0"));
                continue;
            }
            QCOMPARE(scratchLeft(), QStringLiteral("2")); // SIGKILL: nothing could drop them
            const CliRun r = runFallback(diffArgs(write(QStringLiteral("ok.sql"), "create schema app;\n")));
            QVERIFY2(r.exitCode == 1, qPrintable(r.err));
            QCOMPARE(scratchLeft(), QStringLiteral("0"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDiffSandbox)
#include "tst_cli_diffsandbox.moc"
