// SPDX-License-Identifier: GPL-3.0-or-later
// The production guard against what a determined user types: every way PostgreSQL lets a read-only
// session turn writable or act outside its transaction is refused before anything is sent (exit 9, the
// statement named), a function that turns the setting off is caught by the server's own report, the
// profile's own startup options cannot undo it, and maintenance and signals need --allow-write too.
#include "clirunner.h"
#include "filesearch.h"
#include "scratchschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_guardbypass");
const QString kProfile = QStringLiteral("prodguard");

QStringList prod(const QStringList& args) {
    return QStringList{QStringLiteral("--profile"), kProfile} + args;
}

QString rows() {
    return psqlValue(
        QStringLiteral("select string_agg(id || '=' || v, ',' order by id) from %1.t").arg(kSchema));
}

QString insert(int id) {
    return QStringLiteral("insert into %1.t values (%2, 'w')").arg(kSchema).arg(id);
}

} // namespace

class TestCliGuardBypass final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content) {
        return pgdesk::test::writeFile(m_dir.filePath(name), content);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // unguard() turns the setting off where no statement check can see it (a computed name).
        m_schema.emplace(kSchema,
                         QStringLiteral("create table $S.t (id int primary key, v text);"
                                        "insert into $S.t values (1, 'a');"
                                        "create function $S.unguard() returns text language sql as "
                                        "$f$ select set_config('default_transaction_' || 'read_' || 'only', "
                                        "'off', false) $f$;"));
        const CliRun r =
            runCli({QStringLiteral("profiles"), QStringLiteral("add"), kProfile, QStringLiteral("--host"),
                    cluster().host, QStringLiteral("--port"), QString::number(cluster().port),
                    QStringLiteral("--database"), QStringLiteral("pgdesk_demo"), QStringLiteral("--user"),
                    cluster().user, QStringLiteral("--environment"), QStringLiteral("production")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    void cleanupTestCase() { m_schema.reset(); }

    void statementsThatUnlockAreRefused_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("named"); // the refused statement, as the message names it
        QTest::newRow("set transaction")
            << "SET TRANSACTION READ WRITE; " + insert(2) << "SET TRANSACTION READ WRITE";
        QTest::newRow("begin read write") << "BEGIN READ WRITE; " + insert(2) + "; COMMIT"
                                          << "BEGIN READ WRITE";
        QTest::newRow("start transaction") << "START TRANSACTION READ WRITE; " + insert(2) + "; COMMIT"
                                           << "START TRANSACTION READ WRITE";
        QTest::newRow("begin; set transaction")
            << "BEGIN; SET TRANSACTION READ WRITE; " + insert(2) + "; COMMIT"
            << "SET TRANSACTION READ WRITE";
        QTest::newRow("unlock the rest")
            << "BEGIN READ WRITE; SET default_transaction_read_only=off; COMMIT; " + insert(2)
            << "BEGIN READ WRITE";
        QTest::newRow("set default") << "SET default_transaction_read_only = off; " + insert(2)
                                     << "SET default_transaction_read_only = off";
        QTest::newRow("session characteristics")
            << "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; " + insert(2)
            << "SET SESSION CHARACTERISTICS";
        QTest::newRow("set_config")
            << "select set_config('default_transaction_read_only', 'off', false); commit; " + insert(2)
            << "set_config";
        QTest::newRow("do") << "DO $$ begin " + insert(2) + "; end $$"
                            << "DO $$";
    }
    void statementsThatUnlockAreRefused() {
        QFETCH(QString, sql);
        QFETCH(QString, named);
        // Both ways of running SQL: one argument, and a script file.
        const QString file =
            write(QStringLiteral("script.sql"), (QStringLiteral("select 1;\n") + sql).toUtf8());
        for (const QStringList& args :
             {QStringList{QStringLiteral("query"), sql},
              QStringList{QStringLiteral("query"), QStringLiteral("--file"), file}}) {
            const CliRun r = runCli(prod(args));
            QVERIFY2(r.exitCode == 9, qPrintable(QString::number(r.exitCode) + r.err));
            QVERIFY2(r.err.contains(named) && r.err.contains(QLatin1String("nothing was sent")) &&
                         r.err.contains(QLatin1String("--allow-write")),
                     qPrintable(r.err));
            QCOMPARE(rows(), QStringLiteral("1=a"));
        }
        // The script names the line of the refused statement: line 1 is a harmless select.
        const CliRun r = runCli(prod({QStringLiteral("query"), QStringLiteral("--file"), file}));
        QVERIFY2(r.err.contains(QLatin1String("(line 2)")), qPrintable(r.err));
    }

    void actionsOutsideTheTransactionAreRefused() {
        const QString marker = m_dir.filePath(QStringLiteral("copied"));
        CliRun r = runCli(prod(
            {QStringLiteral("query"), QStringLiteral("COPY (select 1) TO PROGRAM 'touch %1'").arg(marker)}));
        QCOMPARE(r.exitCode, 9);
        QVERIFY(!QFile::exists(marker));
        const QString before =
            psqlValue(QStringLiteral("select count(*) from pg_file_settings where name = 'work_mem'"));
        r = runCli(prod({QStringLiteral("query"), QStringLiteral("ALTER SYSTEM SET work_mem = '7777kB'")}));
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from pg_file_settings where name = 'work_mem'")),
                 before);
        const QString file = psqlValue(QStringLiteral("select pg_relation_filenode('%1.t')").arg(kSchema));
        r = runCli(prod({QStringLiteral("query"), QStringLiteral("VACUUM FULL %1.t").arg(kSchema)}));
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(psqlValue(QStringLiteral("select pg_relation_filenode('%1.t')").arg(kSchema)), file);
        // With --allow-write the user has unlocked writing: the same statements run.
        r = runCli(prod({QStringLiteral("--allow-write"), QStringLiteral("query"),
                         QStringLiteral("BEGIN READ WRITE; %1; COMMIT").arg(insert(3))}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=a,3=w"));
        psql(QStringLiteral("delete from %1.t where id > 1").arg(kSchema));
    }

    void aFunctionThatTurnsTheGuardOffIsCaught() {
        // No statement names the setting; the server reports it turned off after the first statement.
        for (const QStringList& args :
             {QStringList{QStringLiteral("query"),
                          QStringLiteral("select %1.unguard(); %2").arg(kSchema, insert(4))},
              QStringList{
                  QStringLiteral("query"), QStringLiteral("--file"),
                  write(QStringLiteral("unguard.sql"),
                        QStringLiteral("select %1.unguard();\n%2;\n").arg(kSchema, insert(4)).toUtf8())}}) {
            const CliRun r = runCli(prod(args));
            QVERIFY2(r.exitCode == 9, qPrintable(QString::number(r.exitCode) + r.err));
            QVERIFY2(r.err.contains(QLatin1String("turned the production guard's read-only setting off")),
                     qPrintable(r.err));
            QCOMPARE(rows(), QStringLiteral("1=a"));
        }
    }

    void theProfilesOwnOptionsCannotUndoIt() {
        // A profile file whose options turn the setting off, imported as a user would.
        const QJsonObject profile{{QStringLiteral("name"), QStringLiteral("prodopts")},
                                  {QStringLiteral("host"), cluster().host},
                                  {QStringLiteral("port"), cluster().port},
                                  {QStringLiteral("database"), QStringLiteral("pgdesk_demo")},
                                  {QStringLiteral("user"), cluster().user},
                                  {QStringLiteral("environment"), QStringLiteral("production")},
                                  {QStringLiteral("options"),
                                   QJsonObject{{QStringLiteral("options"),
                                                QStringLiteral("-c default_transaction_read_only=off")}}}};
        const QString file =
            write(QStringLiteral("profiles.json"),
                  QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("pgdesk-profiles")},
                                            {QStringLiteral("version"), 1},
                                            {QStringLiteral("profiles"), QJsonArray{profile}}})
                      .toJson());
        CliRun r = runCli({QStringLiteral("profiles"), QStringLiteral("import"), file});
        if (r.exitCode == 0) // imported: then it must refuse to connect
            r = runCli({QStringLiteral("--profile"), QStringLiteral("prodopts"), QStringLiteral("query"),
                        insert(5)});
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + r.err));
        QVERIFY2(r.err.contains(QLatin1String("read-only setting")), qPrintable(r.err));
        // The other spellings of the same option (dashes, --name=value) too.
        for (const QString& options : {QStringLiteral("--default-transaction-read-only=off"),
                                       QStringLiteral("-c DEFAULT_TRANSACTION_READ_ONLY=0")}) {
            r = runCli({QStringLiteral("--dsn"),
                        QStringLiteral("host=%1 port=%2 dbname=pgdesk_demo user=%3 options='%4'")
                            .arg(cluster().host)
                            .arg(cluster().port)
                            .arg(cluster().user, options),
                        QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("prodopts2"),
                        QStringLiteral("--environment"), QStringLiteral("production")});
            if (r.exitCode == 0)
                r = runCli({QStringLiteral("--profile"), QStringLiteral("prodopts2"), QStringLiteral("query"),
                            insert(5)});
            QVERIFY2(r.exitCode == 2, qPrintable(options + QString::number(r.exitCode) + r.err));
            runCli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("prodopts2")});
        }
        QCOMPARE(rows(), QStringLiteral("1=a"));
    }

    void maintenanceNeedsAllowWrite() {
        const QString file = psqlValue(QStringLiteral("select pg_relation_filenode('%1.t')").arg(kSchema));
        CliRun r = runCli(prod({QStringLiteral("maintain"), kSchema + QStringLiteral(".t"),
                                QStringLiteral("--vacuum"), QStringLiteral("--full")}));
        QVERIFY2(r.exitCode == 9, qPrintable(QString::number(r.exitCode) + r.err));
        QVERIFY2(r.err.contains(QLatin1String("--allow-write")), qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral("select pg_relation_filenode('%1.t')").arg(kSchema)), file);
        // --dry-run only prints.
        r = runCli(prod({QStringLiteral("maintain"), kSchema + QStringLiteral(".t"),
                         QStringLiteral("--vacuum"), QStringLiteral("--full"), QStringLiteral("--dry-run")}));
        QCOMPARE(r.exitCode, 0);
        r = runCli(
            prod({QStringLiteral("--allow-write"), QStringLiteral("maintain"), kSchema + QStringLiteral(".t"),
                  QStringLiteral("--vacuum"), QStringLiteral("--full")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(psqlValue(QStringLiteral("select pg_relation_filenode('%1.t')").arg(kSchema)) != file);
    }

    void signalsNeedAllowWrite() {
        // A session to signal: psql sleeping, tagged by its application name.
        QProcess sleeper;
        sleeper.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        sleeper.start(cluster().pgbin + QStringLiteral("/psql"),
                      {QStringLiteral("-h"), cluster().host, QStringLiteral("-p"),
                       QString::number(cluster().port), QStringLiteral("-U"), cluster().user,
                       QStringLiteral("-d"),
                       QStringLiteral("application_name=tst_guard_sleeper dbname=pgdesk_demo"),
                       QStringLiteral("-c"), QStringLiteral("select pg_sleep(60)")});
        QVERIFY(sleeper.waitForStarted());
        const QString pidQuery =
            QStringLiteral("select pid from pg_stat_activity where application_name = 'tst_guard_sleeper'");
        QString pid;
        for (int i = 0; i < 100 && pid.isEmpty(); ++i) {
            pid = psqlValue(pidQuery);
            if (pid.isEmpty())
                QTest::qWait(50);
        }
        QVERIFY(!pid.isEmpty());
        for (const QString& command : {QStringLiteral("cancel"), QStringLiteral("terminate")}) {
            const CliRun r = runCli(prod({command, pid}));
            QVERIFY2(r.exitCode == 9, qPrintable(command + QString::number(r.exitCode) + r.err));
            QVERIFY2(r.err.contains(QLatin1String("--allow-write")), qPrintable(r.err));
        }
        QCOMPARE(psqlValue(pidQuery), pid); // still there, still sleeping
        const CliRun r = runCli(prod({QStringLiteral("--allow-write"), QStringLiteral("terminate"), pid}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(sleeper.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestCliGuardBypass)
#include "tst_cli_guardbypass.moc"
