#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace pgdesk::test;

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
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_cli_backup.moc"
