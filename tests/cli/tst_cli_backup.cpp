// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "filesearch.h"

#include <pgdesk/core/session/connection.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

using namespace pgdesk::test;

using pgdesk::test::filesContaining;

namespace {

const QString source = QStringLiteral("pgdesk_clibackup_src");
const QString target = QStringLiteral("pgdesk_clibackup_dst");

QString authDsn(const QString& database) {
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4")
        .arg(cluster().host)
        .arg(cluster().port)
        .arg(cluster().authUser, database);
}

QString checksum(const QString& database) {
    return psql(
               QStringLiteral("select count(*) || ' ' || md5(string_agg(t::text, ',' order by t::text)) from "
                              "shop.orders t"),
               database)
        .trimmed();
}

QStringList entries(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

int authSessions(pgdesk::core::Connection& watcher, const QString& where) {
    return watcher
        .exec(QStringLiteral("select count(*) from pg_stat_activity where usename = $1 and datname = $2 ") +
                  where,
              {pgdesk::core::param(cluster().authUser), pgdesk::core::param(source)})
        .text(0, 0)
        .toInt();
}

} // namespace

class TestCliBackup final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const QString& db : {source, target})
            psql(QStringLiteral("drop database if exists %1").arg(db), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(source), QStringLiteral("postgres"));
        psql(QStringLiteral(
                 "create schema shop; create table shop.orders(id int primary key, customer text, "
                 "total numeric(12,2)); insert into shop.orders select g, 'c' || g % 17, g * 3.5 "
                 "from generate_series(1, 1500) g; create table shop.notes(n text);"
                 "grant usage on schema shop to pgdesk_auth; grant select on all tables in schema shop "
                 "to pgdesk_auth"),
             source);
    }

    void cleanupTestCase() {
        for (const QString& db : {source, target})
            psql(QStringLiteral("drop database if exists %1").arg(db), QStringLiteral("postgres"));
    }

    // Backup as the password role (--password-stdin), restore as the superuser into a new database: the
    // rows are the same.
    void roundTrip() {
        const QString path = m_dir.filePath(QStringLiteral("shop.dump"));
        CliRun r = runCli({QStringLiteral("--dsn"), authDsn(source), QStringLiteral("--password-stdin"),
                           QStringLiteral("backup"), QStringLiteral("--schema"), QStringLiteral("shop"),
                           QStringLiteral("-o"), path},
                          cluster().authPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("backup written to")) &&
                     r.err.contains(QLatin1String("(2 tables)")),
                 qPrintable(r.err));
        QVERIFY(QFile::exists(path));

        psql(QStringLiteral("create database %1").arg(target), QStringLiteral("postgres"));
        r = runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("restore"),
                    path, QStringLiteral("--database"), target, QStringLiteral("--yes"),
                    QStringLiteral("--no-owner")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("restored")), qPrintable(r.err));
        QCOMPARE(checksum(target), checksum(source));
        QVERIFY(checksum(source).startsWith(QLatin1String("1500 ")));

        // Restoring again fails in one transaction: exit 8 with pg_restore's words, nothing doubled.
        r = runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("restore"),
                    path, QStringLiteral("--database"), target, QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 8);
        QVERIFY2(r.err.contains(QLatin1String("already exists")), qPrintable(r.err));
        QCOMPARE(checksum(target), checksum(source));

        // --clean replaces what is there.
        psql(QStringLiteral("delete from shop.orders where id > 10"), target);
        r = runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("restore"),
                    path, QStringLiteral("--database"), target, QStringLiteral("--yes"),
                    QStringLiteral("--clean")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(checksum(target), checksum(source));
    }

    void plainFormat() {
        const QString path = m_dir.filePath(QStringLiteral("orders.sql"));
        CliRun r =
            runCli({QStringLiteral("--dsn"), conninfo(source), QStringLiteral("backup"),
                    QStringLiteral("--table"), QStringLiteral("shop.orders"), QStringLiteral("-o"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("COPY shop.orders"));
        QVERIFY(!text.contains("notes"));
    }

    // --print-command shows the exact command with the connection in the environment and no password.
    void printCommand() {
        const QString dsn = authDsn(source) + QStringLiteral(" password=") + cluster().authPassword;
        CliRun r = runCli({QStringLiteral("--dsn"), dsn, QStringLiteral("backup"), QStringLiteral("--table"),
                           QStringLiteral("shop.\"Odd.Name\""), QStringLiteral("--format"),
                           QStringLiteral("directory"), QStringLiteral("--jobs"), QStringLiteral("2"),
                           QStringLiteral("-o"), m_dir.filePath(QStringLiteral("dir")),
                           QStringLiteral("--print-command")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("PGUSER=") + cluster().authUser) &&
                     r.out.contains(QLatin1String("PGDATABASE=") + source) &&
                     r.out.contains(QLatin1String("pg_dump --format=directory")) &&
                     r.out.contains(QLatin1String("--jobs=2")) &&
                     r.out.contains(QLatin1String("'--table=\"shop\".\"Odd.Name\"'")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(cluster().authPassword));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("dir"))));

        r = runCli({QStringLiteral("--dsn"), dsn, QStringLiteral("restore"),
                    m_dir.filePath(QStringLiteral("orders.sql")), QStringLiteral("--database"), target,
                    QStringLiteral("--print-command")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("psql --no-psqlrc")) &&
                     r.out.contains(QLatin1String("--set=ON_ERROR_STOP=1 --single-transaction")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(cluster().authPassword));
    }

    // Without a terminal and without --yes a restore is refused before anything runs.
    void restoreNeedsYes() {
        const QString path = m_dir.filePath(QStringLiteral("shop.dump"));
        QVERIFY(QFile::exists(path));
        psql(QStringLiteral("drop database if exists %1").arg(target), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(target), QStringLiteral("postgres"));
        const CliRun r = runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")),
                                 QStringLiteral("restore"), path, QStringLiteral("--database"), target},
                                target.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--yes")), qPrintable(r.err));
        QCOMPARE(psql(QStringLiteral("select count(*) from pg_namespace where nspname = 'shop'"), target)
                     .trimmed(),
                 QStringLiteral("0"));
    }

    void failures() {
        // A table that is not there: exit 8 with pg_dump's words, no file.
        const QString path = m_dir.filePath(QStringLiteral("missing.dump"));
        CliRun r =
            runCli({QStringLiteral("--dsn"), conninfo(source), QStringLiteral("backup"),
                    QStringLiteral("--table"), QStringLiteral("shop.nope"), QStringLiteral("-o"), path});
        QCOMPARE(r.exitCode, 8);
        QVERIFY2(r.err.contains(QLatin1String("no matching tables")), qPrintable(r.err));
        QVERIFY(!QFile::exists(path));
        r = runCli({QStringLiteral("--dsn"), conninfo(source), QStringLiteral("backup"),
                    QStringLiteral("--format"), QStringLiteral("zip"), QStringLiteral("-o"), path});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("--dsn"), conninfo(source), QStringLiteral("restore"),
                    m_dir.filePath(QStringLiteral("none.dump")), QStringLiteral("--database"), target,
                    QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 6);
    }

    // Backups are private (0600) whatever the umask.
    void backupIsPrivate() {
        const QString path = m_dir.filePath(QStringLiteral("private.sql"));
        const CliRun r =
            runCli({QStringLiteral("--dsn"), conninfo(source), QStringLiteral("backup"),
                    QStringLiteral("--schema"), QStringLiteral("shop"), QStringLiteral("-o"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QFile::permissions(path) & 0x0777, QFileDevice::ReadUser | QFileDevice::WriteUser);
    }

    // SIGKILL of the CLI while pg_dump waits on a lock: no file under TMPDIR ever holds the password,
    // pg_dump ends with it, and the next backup into the folder removes the dead process's partial file
    // (and the next start its ssh folder).
    void killedBackupLeavesNoSecret() {
        const QByteArray secret = cluster().authPassword.toUtf8();
        QTemporaryDir tmp, out;
        QVERIFY(tmp.isValid() && out.isValid());
        auto holder = pgdesk::core::Connection::open(pgdesk::test::profile(source));
        holder.exec(QStringLiteral("begin; lock table shop.orders in access exclusive mode"));
        auto watcher = pgdesk::core::Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));

        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TMPDIR"), tmp.path());
        cli.setProcessEnvironment(environment);
        cli.start(binary(QStringLiteral("pgdesk-cli")),
                  {QStringLiteral("--dsn"), authDsn(source), QStringLiteral("--password-stdin"),
                   QStringLiteral("backup"), QStringLiteral("--schema"), QStringLiteral("shop"),
                   QStringLiteral("-o"), out.filePath(QStringLiteral("k.dump"))});
        QVERIFY(cli.waitForStarted());
        cli.write(secret + '\n');
        cli.closeWriteChannel();
        QElapsedTimer timer;
        timer.start();
        while (authSessions(watcher, QStringLiteral("and wait_event_type = 'Lock'")) != 1 &&
               timer.elapsed() < 20000)
            QTest::qWait(100);
        QCOMPARE(authSessions(watcher, QStringLiteral("and wait_event_type = 'Lock'")), 1);
        QCOMPARE(filesContaining(tmp.path(), secret), QStringList());
        const qint64 pid = cli.processId();
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY(cli.waitForFinished(10000));

        // pg_dump followed its parent.
        timer.restart();
        while (authSessions(watcher, QString()) != 0 && timer.elapsed() < 10000)
            QTest::qWait(100);
        QCOMPARE(authSessions(watcher, QString()), 0);
        holder.exec(QStringLiteral("rollback"));
        QCOMPARE(filesContaining(tmp.path(), secret), QStringList());
        QCOMPARE(filesContaining(out.path(), secret), QStringList());
        const QStringList left = entries(out.path());
        QCOMPARE(left.size(), 1);
        QVERIFY2(left[0].startsWith(QStringLiteral(".k.dump.partial-%1-").arg(pid)), qPrintable(left[0]));

        // The next run: the dead process's partial file and ssh folder go, nothing else.
        QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("pgdesk-ssh-%1-XyZ123").arg(pid)));
        const QByteArray oldTmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", tmp.path().toUtf8());
        const CliRun r = runCli({QStringLiteral("--dsn"), authDsn(source), QStringLiteral("--password-stdin"),
                                 QStringLiteral("backup"), QStringLiteral("--schema"), QStringLiteral("shop"),
                                 QStringLiteral("-o"), out.filePath(QStringLiteral("k2.dump"))},
                                secret + '\n');
        qputenv("TMPDIR", oldTmp);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(entries(out.path()), QStringList{QStringLiteral("k2.dump")});
        QCOMPARE(entries(tmp.path()), QStringList());
    }

    // A plain file with psql meta-commands is refused before anything runs, naming the lines.
    void metaCommandsRefused() {
        psql(QStringLiteral("drop database if exists %1").arg(target), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(target), QStringLiteral("postgres"));
        const QString marker = m_dir.filePath(QStringLiteral("touched"));
        const QString shell = m_dir.filePath(QStringLiteral("shell.sql"));
        QFile file(shell);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("create table public.first(a int);\n\\! touch " + QFile::encodeName(marker) + "\n");
        file.close();
        CliRun r =
            runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("restore"),
                    shell, QStringLiteral("--database"), target, QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("line 2: \\!")), qPrintable(r.err));
        QVERIFY(!QFile::exists(marker));
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from pg_tables where tablename = 'first'"), target),
            QStringLiteral("0"));

        const QString connect = m_dir.filePath(QStringLiteral("connect.sql"));
        QFile other(connect);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(
            "create table public.here(a int);\n\\connect postgres\ncreate table public.pgdesk_elsewhere(a "
            "int);\n");
        other.close();
        r = runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("restore"),
                    connect, QStringLiteral("--database"), target, QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("line 2: \\connect")), qPrintable(r.err));
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from pg_tables where tablename = 'pgdesk_elsewhere'"),
                      QStringLiteral("postgres")),
            QStringLiteral("0"));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from pg_tables where tablename = 'here'"), target),
                 QStringLiteral("0"));
    }

    // A table named with a newline is counted; a plain dump whose COPY data holds backslashes (and rows
    // that look like meta-commands) restores.
    void newlineNameAndBackslashData() {
        // The text column first: its data lines start with the value.
        psql(QStringLiteral("drop schema if exists odd cascade; create schema odd; "
                            "create table odd.\"two\nlines\"(t text, id int); "
                            "insert into odd.\"two\nlines\" values (E'\\\\! not a command', 1), "
                            "(E'\\\\.', 2), (E'a\\nb\\\\c', 3), (E'\\\\connect postgres', 4)"),
             source);
        const QString path = m_dir.filePath(QStringLiteral("odd.sql"));
        CliRun r = runCli({QStringLiteral("--dsn"), conninfo(source), QStringLiteral("backup"),
                           QStringLiteral("--schema"), QStringLiteral("odd"), QStringLiteral("-o"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("(1 tables)")), qPrintable(r.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(
            file.readAll().contains("\n\\\\! not a command\t1\n")); // a data line starting with a backslash

        psql(QStringLiteral("drop database if exists %1").arg(target), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(target), QStringLiteral("postgres"));
        r = runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("restore"),
                    path, QStringLiteral("--database"), target, QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("(1 tables)")), qPrintable(r.err));
        const QString rows =
            QStringLiteral("select string_agg(id || ':' || t, '|' order by id) from odd.\"two\nlines\"");
        QCOMPARE(psqlValue(rows, target), psqlValue(rows, source));
        psql(QStringLiteral("drop schema odd cascade"), source);
    }
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_cli_backup.moc"
