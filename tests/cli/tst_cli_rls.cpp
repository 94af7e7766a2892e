// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli rls TABLE --as ROLE on a private cluster: the JSON contract (policies and which apply, rows with
// the policies admitting them, update and delete), the table's summary on standard error, usage errors.
#include "clirunner.h"
#include "privatecluster.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

using namespace pgdesk::test;

class TestCliRls final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    CliRun cli(const QStringList& args) {
        return runCli(QStringList{QStringLiteral("--dsn"),
                                  QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                                      .arg(m_cluster->dir())
                                      .arg(m_cluster->port())} +
                      args);
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY(!m_cluster
                     ->psql(QStringLiteral(
                         "CREATE ROLE clerk; CREATE TABLE orders (id int PRIMARY KEY, clerk text);"
                         "GRANT SELECT ON orders TO clerk; INSERT INTO orders VALUES (1, 'clerk'), (2, 'x');"
                         "ALTER TABLE orders ENABLE ROW LEVEL SECURITY;"
                         "CREATE POLICY mine ON orders USING (clerk = current_user);"
                         "CREATE POLICY admins ON orders TO pg_monitor USING (true)"))
                     .isNull());
    }

    void showsTheRoleView() {
        const CliRun r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("rls"),
                              QStringLiteral("orders"), QStringLiteral("--as"), QStringLiteral("clerk")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("clerk"));
        QVERIFY(o.value(QStringLiteral("row_security")).toBool());
        QVERIFY(!o.value(QStringLiteral("bypasses")).toBool(true));
        QCOMPARE(o.value(QStringLiteral("total_rows")).toInteger(), 2);
        const QJsonArray policies = o.value(QStringLiteral("policies")).toArray();
        QCOMPARE(policies.size(), 2);
        QCOMPARE(policies.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("admins"));
        QVERIFY(!policies.at(0).toObject().value(QStringLiteral("applies")).toBool(true));
        QCOMPARE(policies.at(1).toObject().value(QStringLiteral("using")).toString(),
                 QStringLiteral("(clerk = CURRENT_USER)"));
        const QJsonArray rows = o.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("values")).toArray(),
                 (QJsonArray{QStringLiteral("1"), QStringLiteral("clerk")}));
        QCOMPARE(row.value(QStringLiteral("admitted_by")).toArray(), QJsonArray{QStringLiteral("mine")});
        QVERIFY(!row.value(QStringLiteral("updatable")).toBool(true)); // no UPDATE privilege

        const CliRun table = cli({QStringLiteral("rls"), QStringLiteral("orders"), QStringLiteral("--as"),
                                  QStringLiteral("clerk")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(
            table.err.contains(QLatin1String("row security applies to clerk; clerk reads 1 of 2 row(s)")),
            qPrintable(table.err));
        QCOMPARE(cli({QStringLiteral("rls"), QStringLiteral("orders")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("rls"), QStringLiteral("orders"), QStringLiteral("--as"),
                      QStringLiteral("nobody")})
                     .exitCode,
                 6);
        QCOMPARE(m_cluster->psql(QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestCliRls)
#include "tst_cli_rls.moc"
