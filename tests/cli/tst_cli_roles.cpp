// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "scratchschema.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace pgdesk::test;

class TestCliRoles final : public QObject {
    Q_OBJECT
private:
    std::optional<ScratchSchema> m_scratch;
    QString m_schema;
    QString m_reader; // a login role, admin of the group
    QString m_group;

    static QStringList withDsn(const QStringList& args) {
        return QStringList{QStringLiteral("--dsn"), conninfo()} + args;
    }
    static QJsonObject byName(const QJsonArray& array, const QString& key, const QString& value) {
        for (const auto& v : array)
            if (v.toObject()[key].toString() == value)
                return v.toObject();
        return {};
    }

private slots:
    void initTestCase() {
        const qint64 pid = QCoreApplication::applicationPid();
        m_reader = QStringLiteral("tst_cli_roles_reader_%1").arg(pid);
        m_group = QStringLiteral("tst_cli_roles_group_%1").arg(pid);
        m_schema = QStringLiteral("tst_cli_roles_%1").arg(pid);
        psql(QStringLiteral(
                 "drop role if exists %1, %2; create role %2 nologin; "
                 "create role %1 login createdb connection limit 5; grant %2 to %1 with admin option")
                 .arg(m_reader, m_group));
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.t (id int, secret text);"
                                                   "grant select on $S.t to %1 with grant option;"
                                                   "grant update (secret) on $S.t to %2;")
                                        .arg(m_reader, m_group));
    }

    void rolesJson() {
        const auto run =
            runCli(withDsn({QStringLiteral("roles"), QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray roles = parseObject(run)[QStringLiteral("roles")].toArray();
        const QJsonObject reader = byName(roles, QStringLiteral("name"), m_reader);
        QVERIFY2(!reader.isEmpty(), qPrintable(run.out));
        QVERIFY(reader[QStringLiteral("login")].toBool());
        QVERIFY(reader[QStringLiteral("create_db")].toBool());
        QVERIFY(!reader[QStringLiteral("superuser")].toBool());
        QCOMPARE(reader[QStringLiteral("connection_limit")].toInt(), 5);
        QVERIFY(reader[QStringLiteral("valid_until")].isNull());
        const QJsonArray memberOf = reader[QStringLiteral("member_of")].toArray();
        QCOMPARE(memberOf.size(), 1);
        QCOMPARE(memberOf[0].toObject()[QStringLiteral("role")].toString(), m_group);
        QVERIFY(memberOf[0].toObject()[QStringLiteral("admin_option")].toBool());
        const QJsonObject group = byName(roles, QStringLiteral("name"), m_group);
        QCOMPARE(group[QStringLiteral("members")].toArray().size(), 1);
        QVERIFY(byName(roles, QStringLiteral("name"), QStringLiteral("pg_monitor")).isEmpty());

        const auto all = runCli(withDsn({QStringLiteral("roles"), QStringLiteral("--all"),
                                         QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY(!byName(parseObject(all)[QStringLiteral("roles")].toArray(), QStringLiteral("name"),
                        QStringLiteral("pg_monitor"))
                     .isEmpty());
    }

    void rolesTable() {
        const auto run = runCli(withDsn({QStringLiteral("roles")}));
        QCOMPARE(run.exitCode, 0);
        const QString line = [&] {
            for (const QString& l : run.out.split(QLatin1Char('\n')))
                if (l.trimmed().startsWith(m_reader))
                    return l;
            return QString();
        }();
        QVERIFY2(line.contains(QStringLiteral("Create DB")), qPrintable(run.out));
        QVERIFY2(line.contains(m_group + QStringLiteral(" (admin)")), qPrintable(run.out));
    }

    void grantsWithColumns() {
        const auto run = runCli(withDsn({QStringLiteral("grants"), m_schema + QStringLiteral(".t"),
                                         QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray grants = parseObject(run)[QStringLiteral("grants")].toArray();
        const QJsonObject select = byName(grants, QStringLiteral("grantee"), m_reader);
        QCOMPARE(select[QStringLiteral("privilege")].toString(), QStringLiteral("SELECT"));
        QVERIFY(select[QStringLiteral("grantable")].toBool());
        QVERIFY(select[QStringLiteral("column")].isNull());
        QCOMPARE(select[QStringLiteral("object")].toString(), m_schema + QStringLiteral(".t"));
        const QJsonObject update = byName(grants, QStringLiteral("grantee"), m_group);
        QCOMPARE(update[QStringLiteral("privilege")].toString(), QStringLiteral("UPDATE"));
        QCOMPARE(update[QStringLiteral("column")].toString(), QStringLiteral("secret"));
        QVERIFY(!update[QStringLiteral("grantable")].toBool());

        const auto text = runCli(withDsn({QStringLiteral("grants"), m_schema + QStringLiteral(".t")}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("secret")), qPrintable(text.out));

        const auto schema = runCli(withDsn({QStringLiteral("grants"), QStringLiteral("--schema"), m_schema}));
        QCOMPARE(schema.exitCode, 0);
        QVERIFY2(schema.out.contains(QStringLiteral("USAGE")), qPrintable(schema.out));
    }

    void grantsErrors() {
        const auto missing =
            runCli(withDsn({QStringLiteral("grants"), m_schema + QStringLiteral(".nothing")}));
        QCOMPARE(missing.exitCode, 6);
        const auto none = runCli(withDsn({QStringLiteral("grants")}));
        QCOMPARE(none.exitCode, 2);
    }

    void cleanupTestCase() {
        m_scratch.reset();
        psql(QStringLiteral("drop role if exists %1, %2").arg(m_reader, m_group));
    }
};

QTEST_GUILESS_MAIN(TestCliRoles)
#include "tst_cli_roles.moc"
