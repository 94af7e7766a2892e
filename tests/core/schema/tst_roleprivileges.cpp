// SPDX-License-Identifier: GPL-3.0-or-later
// Roles and privileges on the server: a role created with a password logs in with it (SCRAM), while no
// statement PgDesk sent and no server log line holds the password; attributes and memberships changed;
// the privilege matrix after apply equals has_table_privilege / has_schema_privilege for every cell.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/privileges.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QFile>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::psqlValue;

class TestRolePrivileges final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;
    QString m_role;
    QString m_other;
    Connection m_c;
    QStringList m_sent; // every statement the connection sent, as the SQL log sees them

    void apply(const QStringList& sql) {
        SchemaApplier(m_c).apply(transactionStatements(sql), SchemaApplyOptions{});
    }

private slots:
    void initTestCase() {
        const qint64 pid = QCoreApplication::applicationPid();
        m_schema = QStringLiteral("roleprivileges_%1").arg(pid);
        m_role = QStringLiteral("Role \"%1\"").arg(pid);
        m_other = QStringLiteral("reader_%1").arg(pid);
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.t (id int, secret text);"));
        m_c = Connection::open(pgdesk::test::profile());
        m_c.setStatementObserver(
            [this](const QString& sql, const QList<QString>& params) { m_sent << sql << params; });
    }
    void cleanupTestCase() {
        for (const QString& r : {m_role, m_other})
            pgdesk::test::psql(
                QStringLiteral("drop owned by %1; drop role if exists %1").arg(m_c.quoteIdentifier(r)));
        m_c = {};
        m_scratch.reset();
    }

    void createdRoleLogsInWithItsPassword() {
        const QString password = QStringLiteral("s3cr'et-%1-€").arg(QCoreApplication::applicationPid());
        RoleSpec role;
        role.name = m_role;
        role.login = true;
        role.connectionLimit = 3;
        role.validUntil = QStringLiteral("2100-01-01");
        role.comment = QStringLiteral("made by a test");
        role.passwordVerifier = m_c.encryptPassword(m_role, password);
        QVERIFY(role.passwordVerifier.startsWith(QStringLiteral("SCRAM-SHA-256$4096:")));
        const qint64 logStart = QFile(pgdesk::test::cluster().dir + QStringLiteral("/server.log")).size();
        apply(roleStatements(std::nullopt, role));
        auto profile = pgdesk::test::profile();
        profile.user = m_role;
        Connection login = Connection::open(profile, password);
        QCOMPARE(login.exec(QStringLiteral("select current_user")).text(0, 0), m_role);
        QVERIFY_THROWS_EXCEPTION(Error, Connection::open(profile, QStringLiteral("wrong")));
        QCOMPARE(psqlValue(QStringLiteral(
                               "select rolconnlimit || ',' || rolcanlogin from pg_roles where rolname = %1")
                               .arg(m_c.quoteLiteral(m_role))),
                 QStringLiteral("3,true"));
        // The password is nowhere: not in a statement sent, not in the server's log.
        for (const QString& s : std::as_const(m_sent))
            QVERIFY2(!s.contains(password), qPrintable(s));
        QFile log(pgdesk::test::cluster().dir + QStringLiteral("/server.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        log.seek(logStart);
        QVERIFY(!QString::fromUtf8(log.readAll()).contains(password));
        // A plain password is never written into a statement.
        RoleSpec plain = role;
        plain.passwordVerifier = password;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, roleStatements(role, plain));
    }

    void attributesAndMemberships() {
        RoleSpec before;
        before.name = m_other;
        apply(roleStatements(std::nullopt, before));
        RoleSpec after = before;
        after.createDb = true;
        after.inherit = false;
        after.connectionLimit = 5;
        const QStringList alter = roleStatements(before, after);
        QCOMPARE(alter.size(), 1);
        QVERIFY2(alter.first().startsWith(QStringLiteral("ALTER ROLE")), qPrintable(alter.first()));
        apply(alter + QStringList{membershipStatement(true, m_other, m_role, true)});
        QCOMPARE(psqlValue(QStringLiteral(
                               "select rolcreatedb || ',' || rolinherit || ',' || rolconnlimit from pg_roles "
                               "where rolname = '%1'")
                               .arg(m_other)),
                 QStringLiteral("true,false,5"));
        QCOMPARE(psqlValue(QStringLiteral(
                               "select admin_option from pg_auth_members where roleid = '%1'::regrole and "
                               "member = %2::regrole")
                               .arg(m_other, m_c.quoteLiteral(m_c.quoteIdentifier(m_role)))),
                 QStringLiteral("t"));
        apply({membershipStatement(false, m_other, m_role)});
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from pg_auth_members where roleid = '%1'::regrole")
                               .arg(m_other)),
                 QStringLiteral("0"));
        QVERIFY(roleStatements(after, after).isEmpty());
    }

    // Every cell of the matrix after apply equals what the server says the role has.
    void matrixAppliedEqualsHasPrivilege() {
        PrivilegeTarget table{PrivilegeTarget::Kind::Table, m_schema, QStringLiteral("t"), {}};
        const QStringList roles{m_role, m_other};
        const PrivilegeMatrix before = readPrivilegeMatrix(m_c, table, roles);
        QCOMPARE(before.roles.size(), 2);
        QVERIFY(before.roles.contains(m_role) && before.roles.contains(m_other));
        for (const QString& r : roles)
            for (Privilege p : before.privileges)
                QVERIFY(!before.cell(r, p).direct && !before.cell(r, p).effective);
        PrivilegeMatrix after = before;
        after.set(m_role, Privilege::Select, {true, true, false});
        after.set(m_role, Privilege::Update, {true, false, false});
        after.set(m_other, Privilege::Insert, {true, false, false});
        after.set(m_other, Privilege::Trigger, {true, false, false});
        apply(matrixStatements(before, after));
        PrivilegeMatrix read = readPrivilegeMatrix(m_c, table, roles);
        for (const QString& r : roles)
            for (Privilege p : read.privileges) {
                const bool has = psqlValue(QStringLiteral("select has_table_privilege(%1, '%2.t', '%3')")
                                               .arg(m_c.quoteLiteral(r), m_schema, privilegeName(p))) ==
                                 QLatin1String("t");
                QCOMPARE(read.cell(r, p).effective, has);
                QCOMPARE(read.cell(r, p).direct, after.cell(r, p).direct);
                QCOMPARE(read.cell(r, p).grantable, after.cell(r, p).grantable);
            }
        // Revoking one, dropping a grant option: the rest stays.
        PrivilegeMatrix less = read;
        less.set(m_role, Privilege::Select, {true, false, true});
        less.set(m_other, Privilege::Trigger, {false, false, false});
        apply(matrixStatements(read, less));
        read = readPrivilegeMatrix(m_c, table, roles);
        QVERIFY(read.cell(m_role, Privilege::Select).direct &&
                !read.cell(m_role, Privilege::Select).grantable);
        QVERIFY(!read.cell(m_other, Privilege::Trigger).effective);
        QVERIFY(read.cell(m_other, Privilege::Insert).effective);

        // Schemas, and column grants.
        PrivilegeTarget schema{PrivilegeTarget::Kind::Schema, m_schema, {}, {}};
        PrivilegeMatrix s = readPrivilegeMatrix(m_c, schema, roles);
        PrivilegeMatrix s2 = s;
        s2.set(m_other, Privilege::Usage, {true, false, false});
        apply(matrixStatements(s, s2));
        QVERIFY(readPrivilegeMatrix(m_c, schema, roles).cell(m_other, Privilege::Usage).effective);
        apply({grantStatement(true, table, {Privilege::Select}, m_other, {QStringLiteral("id")})});
        QCOMPARE(
            psqlValue(QStringLiteral("select has_column_privilege('%1', '%2.t', 'id', 'SELECT')::text || "
                                     "has_column_privilege('%1', '%2.t', 'secret', 'SELECT')::text")
                          .arg(m_other, m_schema)),
            QStringLiteral("truefalse"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, grantStatement(true, table, {Privilege::Delete}, m_other,
                                                                    {QStringLiteral("id")}));
        QCOMPARE(grantStatement(
                     true, PrivilegeTarget{PrivilegeTarget::Kind::DefaultTables, QStringLiteral("s"), {}, {}},
                     {Privilege::Select}, QStringLiteral("public")),
                 QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA \"s\" GRANT SELECT ON TABLES TO PUBLIC"));
    }
};

QTEST_GUILESS_MAIN(TestRolePrivileges)
#include "tst_roleprivileges.moc"
