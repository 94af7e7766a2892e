// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/admin/rolereader.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

const RoleInfo* findRole(const QList<RoleInfo>& roles, const QString& name) {
    for (const auto& r : roles)
        if (r.name == name)
            return &r;
    return nullptr;
}

const RoleMembership* findMembership(const QList<RoleMembership>& list, const QString& role) {
    for (const auto& m : list)
        if (m.role == role)
            return &m;
    return nullptr;
}

// "grantee privilege[*] [column]" per grant, * when grantable.
QStringList describe(const QList<Grant>& grants) {
    QStringList out;
    for (const auto& g : grants)
        out << QStringLiteral("%1 %2%3%4")
                   .arg(g.grantee, g.privilege, g.grantable ? QStringLiteral("*") : QString(),
                        g.column.isEmpty() ? QString() : QLatin1Char(' ') + g.column);
    return out;
}

} // namespace

// Roles are the cluster's, not the database's: each run makes its own with the process id in their
// names and drops them at the end.
class TestRoleReader final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    QString m_schema;
    QString m_login;  // a login role with every attribute worth checking
    QString m_group;  // a NOLOGIN group
    QString m_member; // a plain member of the group

    void dropRoles() {
        pgdesk::test::psql(QStringLiteral("drop role if exists %1, %2, %3").arg(m_login, m_member, m_group));
    }

private slots:
    void initTestCase() {
        const qint64 pid = QCoreApplication::applicationPid();
        m_login = QStringLiteral("tst_rr_login_%1").arg(pid);
        m_group = QStringLiteral("tst_rr_group_%1").arg(pid);
        m_member = QStringLiteral("tst_rr_member_%1").arg(pid);
        m_schema = QStringLiteral("tst_rolereader_%1").arg(pid);
        dropRoles();
        pgdesk::test::psql(
            QStringLiteral(
                "create role %1 login createdb createrole replication bypassrls connection limit 3 "
                "valid until '2031-02-03 04:05:06+00';"
                "create role %2 nologin noinherit;"
                "create role %3 login;"
                "comment on role %2 is 'the readers';"
                "grant %2 to %1 with admin option;"
                "grant %2 to %3;")
                .arg(m_login, m_group, m_member));
        m_scratch.emplace(
            m_schema, QStringLiteral("create table $S.accounts (id int primary key, owner text, secret text);"
                                     "grant select on $S.accounts to %1 with grant option;"
                                     "grant update (secret), select (owner) on $S.accounts to %2;"
                                     "create sequence $S.seq;"
                                     "grant usage on sequence $S.seq to %2;"
                                     "grant usage on schema $S to %2;"
                                     "create function $S.f(a int) returns int language sql as 'select a';"
                                     "create function $S.f(a text) returns text language sql as 'select a';"
                                     "revoke execute on function $S.f(int) from public;"
                                     "grant execute on function $S.f(int) to %1;"
                                     "create table $S.untouched (id int);")
                          .arg(m_login, m_member));
        m_c = Connection::open(pgdesk::test::profile());
    }

    void rolesWithAttributes() {
        const QList<RoleInfo> roles = RoleReader(m_c).roles();
        const RoleInfo* login = findRole(roles, m_login);
        QVERIFY(login);
        QVERIFY(!login->superuser);
        QVERIFY(login->canLogin);
        QVERIFY(login->createDatabase);
        QVERIFY(login->createRole);
        QVERIFY(login->replication);
        QVERIFY(login->bypassRls);
        QVERIFY(login->inherit);
        QCOMPARE(login->connectionLimit, 3);
        QVERIFY2(login->validUntil.startsWith(QStringLiteral("2031-02-03")), qPrintable(login->validUntil));

        const RoleInfo* group = findRole(roles, m_group);
        QVERIFY(group);
        QVERIFY(!group->canLogin);
        QVERIFY(!group->inherit);
        QVERIFY(!group->createDatabase && !group->replication && !group->bypassRls);
        QCOMPARE(group->connectionLimit, -1);
        QVERIFY(group->validUntil.isEmpty());
        QCOMPARE(group->comment, QStringLiteral("the readers"));

        // The cluster's superuser is one.
        const RoleInfo* super = findRole(roles, pgdesk::test::cluster().user);
        QVERIFY(super && super->superuser);

        // Predefined roles only when asked for.
        QVERIFY(!findRole(roles, QStringLiteral("pg_read_all_data")));
        const QList<RoleInfo> all = RoleReader(m_c).roles(true);
        const RoleInfo* predefined = findRole(all, QStringLiteral("pg_read_all_data"));
        QVERIFY(predefined && predefined->isPredefined());
    }

    void membershipsBothWaysWithAdminOption() {
        const QList<RoleInfo> roles = RoleReader(m_c).roles();
        const RoleInfo* login = findRole(roles, m_login);
        const RoleInfo* member = findRole(roles, m_member);
        const RoleInfo* group = findRole(roles, m_group);
        QVERIFY(login && member && group);

        const RoleMembership* viaAdmin = findMembership(login->memberOf, m_group);
        QVERIFY(viaAdmin);
        QVERIFY(viaAdmin->adminOption);
        QCOMPARE(viaAdmin->grantor, pgdesk::test::cluster().user);
        const RoleMembership* plain = findMembership(member->memberOf, m_group);
        QVERIFY(plain);
        QVERIFY(!plain->adminOption);

        QCOMPARE(group->members.size(), 2);
        QVERIFY(findMembership(group->members, m_login)->adminOption);
        QVERIFY(!findMembership(group->members, m_member)->adminOption);
        QVERIFY(group->memberOf.isEmpty());
        QVERIFY(login->members.isEmpty());
    }

    void tableGrantsWithColumnsAndGrantOption() {
        const QList<Grant> grants =
            RoleReader(m_c).grants(GrantObjectKind::Relation, m_schema, QStringLiteral("accounts"));
        const QStringList text = describe(grants);
        const QString owner = pgdesk::test::cluster().user;
        QVERIFY2(text.contains(m_login + QStringLiteral(" SELECT*")), qPrintable(text.join('|')));
        QVERIFY2(text.contains(m_member + QStringLiteral(" UPDATE secret")), qPrintable(text.join('|')));
        QVERIFY2(text.contains(m_member + QStringLiteral(" SELECT owner")), qPrintable(text.join('|')));
        QVERIFY2(text.contains(owner + QStringLiteral(" DELETE")), qPrintable(text.join('|')));
        // The member has no table-wide privilege, only its columns'.
        for (const Grant& g : grants) {
            QCOMPARE(g.object, m_schema + QStringLiteral(".accounts"));
            QVERIFY(!g.ownerDefault);
            QCOMPARE(g.grantor, owner);
            if (g.grantee == m_member)
                QVERIFY(!g.column.isEmpty());
        }
        // Column grants come after the table's own.
        QVERIFY(grants.first().column.isEmpty());
        QVERIFY(!grants.last().column.isEmpty());

        const QList<Grant> untouched =
            RoleReader(m_c).grants(GrantObjectKind::Relation, m_schema, QStringLiteral("untouched"));
        QVERIFY(!untouched.isEmpty());
        for (const Grant& g : untouched) {
            QVERIFY(g.ownerDefault);
            QCOMPARE(g.grantee, owner);
        }

        const QStringList sequence =
            describe(RoleReader(m_c).grants(GrantObjectKind::Relation, m_schema, QStringLiteral("seq")));
        QVERIFY2(sequence.contains(m_member + QStringLiteral(" USAGE")), qPrintable(sequence.join('|')));
    }

    void schemaAndFunctionGrants() {
        const QStringList schema = describe(RoleReader(m_c).grants(GrantObjectKind::Schema, {}, m_schema));
        QVERIFY2(schema.contains(m_member + QStringLiteral(" USAGE")), qPrintable(schema.join('|')));

        const QList<Grant> functions =
            RoleReader(m_c).grants(GrantObjectKind::Function, m_schema, QStringLiteral("f"));
        QStringList intOverload;
        QStringList textOverload;
        for (const Grant& g : functions) {
            if (g.object.endsWith(QStringLiteral("f(integer)")))
                intOverload << g.grantee + QLatin1Char(' ') + g.privilege;
            else if (g.object.endsWith(QStringLiteral("f(text)")))
                textOverload << g.grantee + QLatin1Char(' ') + g.privilege;
            else
                QFAIL(qPrintable(g.object));
        }
        QVERIFY2(intOverload.contains(m_login + QStringLiteral(" EXECUTE")),
                 qPrintable(intOverload.join('|')));
        QVERIFY(!intOverload.contains(QStringLiteral("PUBLIC EXECUTE")));
        QVERIFY2(textOverload.contains(QStringLiteral("PUBLIC EXECUTE")), qPrintable(textOverload.join('|')));
    }

    void missingObjectsAreNotFound() {
        RoleReader reader(m_c);
        QVERIFY_THROWS_EXCEPTION(NotFound,
                                 reader.grants(GrantObjectKind::Relation, m_schema, QStringLiteral("nope")));
        QVERIFY_THROWS_EXCEPTION(NotFound, reader.grants(GrantObjectKind::Schema, {}, m_schema + "_nope"));
        QVERIFY_THROWS_EXCEPTION(NotFound,
                                 reader.grants(GrantObjectKind::Function, m_schema, QStringLiteral("nope")));
        // The search path: the demo's public.customer by its bare name.
        QVERIFY(!reader.grants(GrantObjectKind::Relation, {}, QStringLiteral("customer")).isEmpty());
    }

    void cleanupTestCase() {
        m_c = {};
        m_scratch.reset(); // the objects first: a role with privileges cannot be dropped
        dropRoles();
    }
};

QTEST_GUILESS_MAIN(TestRoleReader)
#include "tst_rolereader.moc"
