// SPDX-License-Identifier: GPL-3.0-or-later
// Every pgdesk-cli command through a real pgbouncer in transaction pooling mode (the `pooler` fixture),
// with profiles whose statement timeout has to travel as SET LOCAL: profiles add/show/list/test, query,
// tables, describe, browse (filters, sort, pages, cursors, --last), apply, import and export.
#include "clirunner.h"
#include "scratchschema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace pgdesk::test;

class TestCliPooler final : public QObject {
    Q_OBJECT
private:
    std::optional<ScratchSchema> m_scratch;
    QString m_schema;
    QTemporaryDir m_dir;

    QString t(const QString& name) const { return m_schema + QLatin1Char('.') + name; }
    static CliRun cli(const QStringList& args, const QByteArray& input = {}) {
        return runCli(QStringList{QStringLiteral("--profile"), QStringLiteral("pooled")} + args, input);
    }
    static CliRun json(const QStringList& args, const QByteArray& input = {}) {
        return cli(QStringList{QStringLiteral("--format"), QStringLiteral("json")} + args, input);
    }
    static QStringList at() {
        return {QStringLiteral("--host"), pooler().host, QStringLiteral("--port"),
                QString::number(pooler().port)};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema = QStringLiteral("tst_clipool_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema, QStringLiteral(
                          "create table %1.items (id int primary key, name text not null, qty int,"
                          "  deleted_at timestamptz);"
                          "insert into %1.items select g, 'item ' || g, g %% 40, null"
                          "  from generate_series(1, 300) g;"
                          "grant usage on schema %1 to pgdesk_auth; grant select on %1.items to pgdesk_auth;")
                          .arg(m_schema)
                          .replace(QStringLiteral("%%"), QStringLiteral("%")));
        auto r = runCli(
            QStringList{QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("pooled")} + at() +
            QStringList{QStringLiteral("--database"), QStringLiteral("pgdesk_demo"), QStringLiteral("--user"),
                        QStringLiteral("postgres"), QStringLiteral("--pooler"),
                        QStringLiteral("--statement-timeout"), QStringLiteral("15000")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // A password user: pgbouncer checks the SCRAM password, then logs in to the server with it.
        r = runCli(
            QStringList{QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("pooledauth")} +
                at() +
                QStringList{QStringLiteral("--database"), QStringLiteral("pgdesk_demo"),
                            QStringLiteral("--user"), cluster().authUser, QStringLiteral("--pooler"),
                            QStringLiteral("--read-only"), QStringLiteral("--statement-timeout"),
                            QStringLiteral("400"), QStringLiteral("--password-stdin")},
            cluster().authPassword.toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Not marked as pooled: the pooler's refusal of startup options is recognised.
        r = runCli(
            QStringList{QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("unmarked")} +
            at() +
            QStringList{QStringLiteral("--database"), QStringLiteral("pgdesk_demo"), QStringLiteral("--user"),
                        QStringLiteral("postgres"), QStringLiteral("--statement-timeout"),
                        QStringLiteral("300")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void profiles() {
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("pooled")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("pooler_mode\\s*\\|\\s*transaction"))),
                 qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("options")), qPrintable(r.out)); // the DSN carries no options
        r = runCli({QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--format"),
                    QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        int pooled = 0;
        for (const auto& p : QJsonDocument::fromJson(r.out.toUtf8()).array())
            pooled += p.toObject()[QStringLiteral("pooler_mode")].toString() == QLatin1String("transaction")
                          ? 1
                          : 0;
        QCOMPARE(pooled, 2);
        for (const QString& name :
             {QStringLiteral("pooled"), QStringLiteral("pooledauth"), QStringLiteral("unmarked")}) {
            r = runCli({QStringLiteral("profiles"), QStringLiteral("test"), name});
            QVERIFY2(r.exitCode == 0, qPrintable(name + QLatin1String(": ") + r.err));
        }
    }

    void query() {
        auto r = cli({QStringLiteral("query"), QStringLiteral("show statement_timeout")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("15s")), qPrintable(r.out));
        // The password user's profile: read-only and a 400 ms timeout, both enforced through the pooler.
        const QStringList authUser{QStringLiteral("--profile"), QStringLiteral("pooledauth"),
                                   QStringLiteral("query")};
        r = runCli(authUser + QStringList{QStringLiteral(
                                  "select current_user, current_setting('transaction_read_only')")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(cluster().authUser) && r.out.contains(QLatin1String("on")),
                 qPrintable(r.out));
        r = runCli(authUser + QStringList{QStringLiteral("select pg_sleep(2)")});
        QCOMPARE(r.exitCode, 4); // a timeout is an SQL error; only the user's interrupt is 130
        QVERIFY2(r.err.contains(QLatin1String("statement timeout")), qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("unmarked"), QStringLiteral("query"),
                    QStringLiteral("select pg_sleep(2)")});
        QCOMPARE(r.exitCode, 4);
        // A DSN straight at the pooler (no settings, so no options either).
        r = runCli(
            {QStringLiteral("--dsn"),
             QStringLiteral("postgresql://postgres@%1:%2/pgdesk_demo").arg(pooler().host).arg(pooler().port),
             QStringLiteral("query"),
             QStringLiteral("select count(*) from %1").arg(t(QStringLiteral("items")))});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("300")), qPrintable(r.out + r.err));
    }

    // The production guard through the pooler: each statement gets its own SET LOCAL transaction_read_only,
    // so a COMMIT in the middle cannot open a writable transaction, and SET of the setting is refused.
    void productionGuardThroughThePooler() {
        CliRun r = runCli(
            QStringList{QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("pooledprod")} +
            at() +
            QStringList{QStringLiteral("--database"), QStringLiteral("pgdesk_demo"), QStringLiteral("--user"),
                        QStringLiteral("postgres"), QStringLiteral("--pooler"),
                        QStringLiteral("--environment"), QStringLiteral("production")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString before =
            psql(QStringLiteral("select count(*) from %1").arg(t(QStringLiteral("items"))));
        const QString insert = QStringLiteral("insert into %1 values (9001, 'guarded', 1, null)")
                                   .arg(t(QStringLiteral("items")));
        for (const QString& sql :
             {QStringLiteral("commit; ") + insert,
              QStringLiteral("SET default_transaction_read_only = off; ") + insert,
              QStringLiteral("begin; set local transaction_read_only = off; ") + insert}) {
            r = runCli(
                {QStringLiteral("--profile"), QStringLiteral("pooledprod"), QStringLiteral("query"), sql});
            QVERIFY2(r.exitCode == 9, qPrintable(sql + QString::number(r.exitCode) + r.err));
        }
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(t(QStringLiteral("items")))), before);
    }

    void tablesAndDescribe() {
        auto r = cli({QStringLiteral("tables"), QStringLiteral("--schema"), m_schema});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("items")), qPrintable(r.out + r.err));
        r = cli({QStringLiteral("describe"), t(QStringLiteral("items"))});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("qty")), qPrintable(r.out + r.err));
    }

    void browse() {
        const QStringList base{QStringLiteral("browse"),      t(QStringLiteral("items")),
                               QStringLiteral("--filter"),    QStringLiteral("qty less_than 5"),
                               QStringLiteral("--sort"),      QStringLiteral("qty:desc"),
                               QStringLiteral("--page-size"), QStringLiteral("7"),
                               QStringLiteral("--count"),     QStringLiteral("exact")};
        auto r = json(base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject page = parseObject(r);
        QCOMPARE(page[QStringLiteral("rows")].toArray().size(), 7);
        QCOMPARE(page[QStringLiteral("total")].toInt(), 39); // qty = id % 40 < 5: 7 ids with 0, 8 with 1..4
        const QString next = page[QStringLiteral("next_cursor")].toString();
        QVERIFY(!next.isEmpty());
        r = json(base + QStringList{QStringLiteral("--after"), next});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        page = parseObject(r);
        QCOMPARE(page[QStringLiteral("rows")].toArray().size(), 7);
        r = json(base + QStringList{QStringLiteral("--last")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        page = parseObject(r);
        QCOMPARE(page[QStringLiteral("rows")].toArray().size(), 7); // the last 7 rows of the order
        r = json(base + QStringList{QStringLiteral("--page"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parseObject(r)[QStringLiteral("rows")].toArray().size(), 7);
        r = json({QStringLiteral("browse"), t(QStringLiteral("items")), QStringLiteral("--search"),
                  QStringLiteral("item 29")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parseObject(r)[QStringLiteral("rows")].toArray().size(), 11); // 29 and 290..299
    }

    void applyImportExport() {
        // apply: a change set from browse's keys and versions.
        auto r = json({QStringLiteral("browse"), t(QStringLiteral("items")), QStringLiteral("--sort"),
                       QStringLiteral("id"), QStringLiteral("--page-size"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject page = parseObject(r);
        QJsonArray changes;
        for (int i = 0; i < 3; ++i)
            changes << QJsonObject{
                {QStringLiteral("op"), QStringLiteral("update")},
                {QStringLiteral("key"), page[QStringLiteral("keys")].toArray().at(i)},
                {QStringLiteral("version"), page[QStringLiteral("versions")].toArray().at(i)},
                {QStringLiteral("set"), QJsonObject{{QStringLiteral("name"), QStringLiteral("pooled")}}}};
        changes << QJsonObject{
            {QStringLiteral("op"), QStringLiteral("insert")},
            {QStringLiteral("values"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1000")},
                                                   {QStringLiteral("name"), QStringLiteral("x")}}}};
        const QByteArray changeSet =
            QJsonDocument(QJsonObject{{QStringLiteral("table"), t(QStringLiteral("items"))},
                                      {QStringLiteral("changes"), changes}})
                .toJson();
        r = cli({QStringLiteral("apply"), QStringLiteral("-")}, changeSet);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1 where name = 'pooled'")
                          .arg(t(QStringLiteral("items")))),
                 QStringLiteral("3"));
        r = cli({QStringLiteral("apply"), QStringLiteral("-")},
                changeSet); // the same versions again: conflicts
        QCOMPARE(r.exitCode, 5);

        // import: all or nothing, through COPY in one transaction.
        r = cli({QStringLiteral("import"), t(QStringLiteral("items")), QStringLiteral("-"),
                 QStringLiteral("--header")},
                "id,name,qty\n2001,a,1\n2002,\"b, with comma\",2\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("import"), t(QStringLiteral("items")), QStringLiteral("-"),
                 QStringLiteral("--header")},
                "id,name,qty\n2003,a,1\n2004,b,notanumber\n");
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(t(QStringLiteral("items")))),
                 QStringLiteral("303"));

        // export: CSV byte-equal to psql's \copy, and JSON.
        const QString csv = m_dir.filePath(QStringLiteral("items.csv"));
        r = cli({QStringLiteral("export"), t(QStringLiteral("items")), QStringLiteral("--sort"),
                 QStringLiteral("id"), QStringLiteral("-o"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();
        QCOMPARE(exported.count('\n'), 304);
        QVERIFY(exported.contains("\"b, with comma\""));
        const QString jsonPath = m_dir.filePath(QStringLiteral("items.json"));
        r = cli({QStringLiteral("export"), t(QStringLiteral("items")), QStringLiteral("--filter"),
                 QStringLiteral("name equal pooled"), QStringLiteral("-o"), jsonPath});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile jsonFile(jsonPath);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).array().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliPooler)
#include "tst_cli_pooler.moc"
