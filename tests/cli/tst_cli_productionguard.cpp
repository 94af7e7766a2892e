// SPDX-License-Identifier: GPL-3.0-or-later
// The production guard from the command line: --allow-write (exit 9 without it), and the profiles'
// environment, colour and folder, exported and imported without secrets.
#include "clirunner.h"
#include "filesearch.h"
#include "scratchschema.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_productionguard");
const QString kProfile = QStringLiteral("prod");

QStringList prod(const QStringList& args) {
    return QStringList{QStringLiteral("--profile"), kProfile} + args;
}

QString rows() {
    return psqlValue(
        QStringLiteral("select string_agg(id || '=' || v, ',' order by id) from %1.t").arg(kSchema));
}

} // namespace

class TestCliProductionGuard final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content) {
        return pgdesk::test::writeFile(m_dir.filePath(name), content);
    }

private slots:
    void initTestCase() {
        m_schema.emplace(kSchema, QStringLiteral("create table $S.t (id int primary key, v text);"
                                                 "insert into $S.t values (1, 'a');"));
        const CliRun r =
            runCli({QStringLiteral("profiles"), QStringLiteral("add"), kProfile, QStringLiteral("--host"),
                    cluster().host, QStringLiteral("--port"), QString::number(cluster().port),
                    QStringLiteral("--database"), QStringLiteral("pgdesk_demo"), QStringLiteral("--user"),
                    cluster().user, QStringLiteral("--environment"), QStringLiteral("production"),
                    QStringLiteral("--colour"), QStringLiteral("#c00"), QStringLiteral("--folder"),
                    QStringLiteral("Clients/Acme")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    void cleanupTestCase() { m_schema.reset(); }

    void profileShowsTheEnvironment() {
        const CliRun r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), kProfile,
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QStringLiteral("environment")).toString(), QStringLiteral("production"));
        QCOMPARE(o.value(QStringLiteral("colour")).toString(), QStringLiteral("#c00"));
        QCOMPARE(o.value(QStringLiteral("folder")).toString(), QStringLiteral("Clients/Acme"));
    }

    void queryWritesOnlyWithAllowWrite() {
        const QString update = QStringLiteral("update %1.t set v = 'q' where id = 1").arg(kSchema);
        CliRun r = runCli(prod({QStringLiteral("query"), update}));
        QCOMPARE(r.exitCode, 9);
        QVERIFY2(r.err.contains(QLatin1String("--allow-write")) && r.err.contains(QLatin1String("refused")),
                 qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=a"));
        // Reading needs nothing.
        r = runCli(prod({QStringLiteral("query"), QStringLiteral("select count(*) from %1.t").arg(kSchema)}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli(prod({QStringLiteral("--allow-write"), QStringLiteral("query"), update}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=q"));
        psql(QStringLiteral("update %1.t set v = 'a' where id = 1").arg(kSchema));
    }

    // A function that writes looks like a read to the lexer, so the server refuses it (25006): explain
    // --analyze says so as query does, exit 9 naming --allow-write (it said 4).
    void explainAnalyzeOfAWritingFunctionIsTheGuards() {
        psql(QStringLiteral(
                 "create or replace function %1.touch() returns int language sql volatile as 'update "
                 "%1.t set v = ''w'' where id = 1 returning 1'")
                 .arg(kSchema));
        const QString call = QStringLiteral("select %1.touch()").arg(kSchema);
        CliRun r = runCli(prod({QStringLiteral("query"), call}));
        QCOMPARE(r.exitCode, 9);
        r = runCli(
            prod({QStringLiteral("explain"), QStringLiteral("--analyze"), QStringLiteral("--query"), call}));
        QCOMPARE(r.exitCode, 9);
        QVERIFY2(r.err.contains(QLatin1String("--allow-write")), qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=a"));
    }

    void applyAndImportWriteOnlyWithAllowWrite() {
        const QJsonObject changeSet{
            {QStringLiteral("table"), kSchema + QStringLiteral(".t")},
            {QStringLiteral("changes"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("op"), QStringLiteral("insert")},
                 {QStringLiteral("values"), QJsonObject{{QStringLiteral("id"), QStringLiteral("2")},
                                                        {QStringLiteral("v"), QStringLiteral("b")}}}}}}};
        const QString changes = write(QStringLiteral("changes.json"), QJsonDocument(changeSet).toJson());
        CliRun r = runCli(prod({QStringLiteral("apply"), changes}));
        QCOMPARE(r.exitCode, 9);
        QVERIFY2(r.err.contains(QLatin1String("production")), qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=a"));
        r = runCli(prod({QStringLiteral("apply"), changes, QStringLiteral("--allow-write")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=a,2=b"));

        const QString csv = write(QStringLiteral("rows.csv"), "3,c\n");
        r = runCli(prod({QStringLiteral("import"), kSchema + QStringLiteral(".t"), csv}));
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(rows(), QStringLiteral("1=a,2=b"));
        r = runCli(prod({QStringLiteral("import"), kSchema + QStringLiteral(".t"), csv,
                         QStringLiteral("--allow-write")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=a,2=b,3=c"));
        psql(QStringLiteral("delete from %1.t where id > 1").arg(kSchema));
    }

    void restoreWritesOnlyWithAllowWrite() {
        const QString script =
            write(QStringLiteral("restore.sql"),
                  QStringLiteral("insert into %1.t values (4, 'd');\n").arg(kSchema).toUtf8());
        CliRun r = runCli(prod({QStringLiteral("restore"), script, QStringLiteral("--database"),
                                QStringLiteral("pgdesk_demo"), QStringLiteral("--yes")}));
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(rows(), QStringLiteral("1=a"));
        r = runCli(
            prod({QStringLiteral("restore"), script, QStringLiteral("--database"),
                  QStringLiteral("pgdesk_demo"), QStringLiteral("--yes"), QStringLiteral("--allow-write")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(rows(), QStringLiteral("1=a,4=d"));
        psql(QStringLiteral("delete from %1.t where id > 1").arg(kSchema));
    }

    void exportImportRoundTripWithoutSecrets() {
        const QString secret = QStringLiteral("s3cret-Pa55");
        CliRun r = runCli({QStringLiteral("--dsn"),
                           QStringLiteral("host=elsewhere dbname=db user=u password=%1").arg(secret),
                           QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("withpw"),
                           QStringLiteral("--folder"), QStringLiteral("Clients")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("export")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(secret), qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("password")));
        const QString file = write(QStringLiteral("profiles.json"), r.out.toUtf8());
        const QJsonArray exported =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(exported.size(), 2);

        // One profile by name; an unknown name is exit 6.
        r = runCli({QStringLiteral("profiles"), QStringLiteral("export"), kProfile});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .object()
                     .value(QStringLiteral("profiles"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(
            runCli({QStringLiteral("profiles"), QStringLiteral("export"), QStringLiteral("nope")}).exitCode,
            6);

        // Existing names are refused, nothing imported; --replace imports.
        r = runCli({QStringLiteral("profiles"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--replace")), qPrintable(r.err));
        QCOMPARE(runCli({QStringLiteral("profiles"), QStringLiteral("remove"), kProfile}).exitCode, 0);
        QCOMPARE(
            runCli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("withpw")}).exitCode,
            0);
        r = runCli({QStringLiteral("profiles"), QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("import"), file, QStringLiteral("--replace")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), kProfile, QStringLiteral("--format"),
                    QStringLiteral("json")});
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QStringLiteral("environment")).toString(), QStringLiteral("production"));
        QCOMPARE(o.value(QStringLiteral("folder")).toString(), QStringLiteral("Clients/Acme"));
        // Still guarded after the trip.
        QCOMPARE(
            runCli(prod({QStringLiteral("query"), QStringLiteral("delete from %1.t").arg(kSchema)})).exitCode,
            9);
        // The exported file never held the password.
        QFile exported2(file);
        QVERIFY(exported2.open(QIODevice::ReadOnly));
        QVERIFY(!exported2.readAll().contains(secret.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliProductionGuard)
#include "tst_cli_productionguard.moc"
