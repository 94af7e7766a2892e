// SPDX-License-Identifier: GPL-3.0-or-later
// core::seeAsRole against SET ROLE + the same query on a private cluster, for every policy case: permissive
// policies OR'ed, a restrictive one AND'ed, a policy for another role, one through membership, current_user
// in a policy, default deny (row security on, no policy), row security off, BYPASSRLS, the owner without
// and with FORCE; update and delete policies; nothing written, nothing left set.
#include "privatecluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/rowsecurity.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QTest>

#include <memory>

using namespace pgdesk;
using namespace pgdesk::test;

class TestRowSecurity final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    // The ids `role` reads with a plain SELECT after SET ROLE: what seeAsRole must agree with.
    QStringList idsBySetRole(const QString& table, const QString& role) {
        const QString out = m_cluster->psql(
            QStringLiteral(
                "BEGIN; SET LOCAL ROLE %1; SELECT string_agg(id::text, ',' ORDER BY ctid) FROM %2; ROLLBACK")
                .arg(role, table));
        return out.split(QLatin1Char('\n')).value(0).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    static QStringList ids(const core::RoleRowView& v) {
        QStringList out;
        for (const auto& row : v.rows)
            out << row.value(0).value_or(QStringLiteral("NULL"));
        return out;
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY2(
            !m_cluster
                 ->psql(QStringLiteral(
                     "CREATE ROLE alice; CREATE ROLE bob; CREATE ROLE \"Sales, EU\"; GRANT \"Sales, EU\" TO "
                     "bob;"
                     "CREATE ROLE auditor BYPASSRLS; CREATE ROLE owner_role;"
                     "CREATE TABLE docs (id int PRIMARY KEY, owner text, region text, secret boolean, note "
                     "text);"
                     "ALTER TABLE docs OWNER TO owner_role;"
                     "GRANT SELECT, UPDATE ON docs TO alice, bob, auditor, \"Sales, EU\"; GRANT DELETE ON "
                     "docs TO bob;"
                     "INSERT INTO docs VALUES (1, 'alice', 'eu', false, NULL), (2, 'bob', 'eu', false, ''),"
                     "(3, 'bob', 'us', true, 'x'), (4, 'carol', 'us', false, 'ﻧﺎم'), (5, 'alice', 'us', "
                     "true, '%_\\');"
                     "ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                     "CREATE POLICY own ON docs FOR SELECT USING (owner = current_user);"
                     "CREATE POLICY eu ON docs FOR SELECT TO \"Sales, EU\" USING (region = 'eu');"
                     "CREATE POLICY no_secrets ON docs AS RESTRICTIVE FOR SELECT USING (NOT secret);"
                     "CREATE POLICY edit_own ON docs FOR UPDATE USING (owner = current_user);"
                     "CREATE POLICY delete_us ON docs FOR DELETE TO bob USING (region = 'us');"
                     "CREATE TABLE open_table (id int); GRANT SELECT ON open_table TO alice;"
                     "INSERT INTO open_table VALUES (1), (2);"
                     "CREATE TABLE denied (id int); ALTER TABLE denied ENABLE ROW LEVEL SECURITY;"
                     "GRANT SELECT ON denied TO alice; INSERT INTO denied VALUES (1)"))
                 .isNull(),
            qPrintable(m_cluster->error()));
    }

    void agreesWithSetRoleForEveryCase() {
        auto c = core::Connection::open(m_cluster->profile());
        const QList<std::pair<QString, QString>> cases{
            {QStringLiteral("docs"), QStringLiteral("alice")},         // own rows, secret ones refused
            {QStringLiteral("docs"), QStringLiteral("bob")},           // own + EU through membership
            {QStringLiteral("docs"), QStringLiteral("\"Sales, EU\"")}, // EU only
            {QStringLiteral("docs"), QStringLiteral("auditor")},       // BYPASSRLS: all
            {QStringLiteral("docs"), QStringLiteral("owner_role")},    // the owner: all (no FORCE)
            {QStringLiteral("open_table"), QStringLiteral("alice")},   // row security off
            {QStringLiteral("denied"), QStringLiteral("alice")},       // on, no policy: nothing
        };
        for (const auto& [table, quotedRole] : cases) {
            const QString role = quotedRole.startsWith(QLatin1Char('"'))
                                     ? quotedRole.mid(1, quotedRole.size() - 2)
                                     : quotedRole;
            const core::RoleRowView v = core::seeAsRole(c, QStringLiteral("public"), table, role);
            QCOMPARE(ids(v), idsBySetRole(table, quotedRole));
            QVERIFY(c.isIdle()); // rolled back, the role reset
            QCOMPARE(c.exec(QStringLiteral("SELECT current_user")).text(0, 0), QStringLiteral("postgres"));
        }
    }

    void rolesToSwitchTo() {
        auto c = core::Connection::open(m_cluster->profile());
        const QStringList all = core::rolesToSeeAs(c); // a superuser: every role but the predefined
        for (const char* r : {"alice", "bob", "Sales, EU", "auditor", "owner_role", "postgres"})
            QVERIFY2(all.contains(QLatin1String(r)), qPrintable(all.join(", ")));
        for (const QString& r : all)
            QVERIFY(!r.startsWith(QLatin1String("pg_")));
        QVERIFY(!m_cluster->psql(QStringLiteral("ALTER ROLE bob LOGIN PASSWORD 'bob-pw'")).isNull());
        core::ConnectionProfile asBob = m_cluster->tcpProfile();
        asBob.user = QStringLiteral("bob");
        auto b = core::Connection::open(asBob, QStringLiteral("bob-pw"));
        QCOMPARE(core::rolesToSeeAs(b), (QStringList{"Sales, EU", "bob"})); // itself and its groups
    }

    void admittedByAndChanges() {
        auto c = core::Connection::open(m_cluster->profile());
        const core::RoleRowView bob =
            core::seeAsRole(c, QStringLiteral("public"), QStringLiteral("docs"), QStringLiteral("bob"));
        QVERIFY(bob.rowSecurityEnabled);
        QVERIFY(!bob.bypasses);
        QCOMPARE(bob.totalRows, 5);
        QCOMPARE(bob.applicable, (QStringList{"delete_us", "edit_own", "eu", "no_secrets", "own"}));
        QCOMPARE(ids(bob), (QStringList{"1", "2"})); // 3 is bob's but secret
        QCOMPARE(bob.admittedBy[0], QStringList{QStringLiteral("eu")});
        QCOMPARE(bob.admittedBy[1], (QStringList{"eu", "own"}));
        QCOMPARE(bob.updatable, (QList<bool>{false, true}));  // edit_own: his row only
        QCOMPARE(bob.deletable, (QList<bool>{false, false})); // delete_us: no US row among those he reads
        QCOMPARE(bob.rows[1][4], std::optional<QString>(QString(""))); // empty text, not NULL
        QCOMPARE(bob.rows[0][4], std::optional<QString>());            // NULL
        QCOMPARE(bob.columns, (QStringList{"id", "owner", "region", "secret", "note"}));

        const core::RoleRowView alice =
            core::seeAsRole(c, QStringLiteral("public"), QStringLiteral("docs"), QStringLiteral("alice"));
        QCOMPARE(alice.applicable, (QStringList{"edit_own", "no_secrets", "own"}));
        QCOMPARE(ids(alice), QStringList{QStringLiteral("1")});
        QCOMPARE(alice.admittedBy[0], QStringList{QStringLiteral("own")});
        QCOMPARE(alice.deletable, QList<bool>{false}); // no DELETE privilege

        const core::RoleRowView auditor =
            core::seeAsRole(c, QStringLiteral("public"), QStringLiteral("docs"), QStringLiteral("auditor"));
        QVERIFY(auditor.bypasses);
        QCOMPARE(auditor.rows.size(), 5);
        QVERIFY(auditor.admittedBy[0].isEmpty());
        QCOMPARE(auditor.updatable[3], true); // privilege alone
        QCOMPARE(auditor.deletable[3], false);

        const core::RoleRowView limited = core::seeAsRole(c, QStringLiteral("public"), QStringLiteral("docs"),
                                                          QStringLiteral("auditor"), 2);
        QCOMPARE(limited.rows.size(), 2);
        bool refused = false;
        try {
            core::seeAsRole(c, QStringLiteral("public"), QStringLiteral("docs"), QStringLiteral("nobody"));
        } catch (const core::Error& e) {
            refused = e.kind() == core::ErrorKind::NotFound;
        }
        QVERIFY(refused);
        QVERIFY(c.isIdle());
    }

    void forcedRowSecurityBindsTheOwner() {
        QVERIFY(!m_cluster->psql(QStringLiteral("ALTER TABLE docs FORCE ROW LEVEL SECURITY")).isNull());
        auto c = core::Connection::open(m_cluster->profile());
        const core::RoleRowView owner = core::seeAsRole(c, QStringLiteral("public"), QStringLiteral("docs"),
                                                        QStringLiteral("owner_role"));
        QVERIFY(owner.forced);
        QVERIFY(!owner.bypasses);
        QCOMPARE(ids(owner), idsBySetRole(QStringLiteral("docs"), QStringLiteral("owner_role")));
        QVERIFY(owner.rows.isEmpty()); // owns no row: "own" admits none
        QVERIFY(!m_cluster->psql(QStringLiteral("ALTER TABLE docs NO FORCE ROW LEVEL SECURITY")).isNull());
        QCOMPARE(m_cluster->psql(QStringLiteral("SELECT count(*) FROM docs")),
                 QStringLiteral("5")); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestRowSecurity)
#include "tst_rowsecurity.moc"
