// SPDX-License-Identifier: GPL-3.0-or-later
// "See as role" in the window (offscreen, a private cluster with row security): the roles offered, a table
// as a role reads it (its rows agreeing with SET ROLE and the same query, the policies admitting each, NULL
// apart from empty text), the policies that apply marked, a role that bypasses row security said, an
// unknown role's error; opened through the server feature; the model under QAbstractItemModelTester.
#include "privatecluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/server/replicationview.h>
#include <pgdesk/ui/server/seeasroleview.h>
#include <pgdesk/ui/server/serverfeature.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFont>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestSeeAsRoleView final : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PrivateCluster> m_cluster;

    // The ids `role` reads after SET ROLE, in the order seeAsRole reads them.
    QStringList idsBySetRole(const QString& role) {
        return m_cluster
            ->psql(QStringLiteral("BEGIN; SET LOCAL ROLE %1; SELECT string_agg(id::text, ',' ORDER BY ctid) "
                                  "FROM docs; ROLLBACK")
                       .arg(role))
            .split(QLatin1Char('\n'))
            .value(0)
            .split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    static QStringList ids(const RoleRowsModel& model) {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, 0).data().toString();
        return out;
    }
    static bool shownAs(SeeAsRoleView& view, const QString& role) {
        QSignalSpy shown(&view, &SeeAsRoleView::shown);
        view.showAs(role);
        return shown.wait(10000);
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY2(
            !m_cluster
                 ->psql(QStringLiteral(
                     "CREATE ROLE alice; CREATE ROLE bob; CREATE ROLE \"Sales, EU\"; GRANT \"Sales, EU\" TO "
                     "bob;"
                     "CREATE ROLE auditor BYPASSRLS;"
                     "CREATE TABLE docs (id int PRIMARY KEY, owner text, region text, secret boolean, note "
                     "text);"
                     "GRANT SELECT, UPDATE ON docs TO alice, bob, auditor, \"Sales, EU\";"
                     "INSERT INTO docs VALUES (1, 'alice', 'eu', false, NULL), (2, 'bob', 'eu', false, ''),"
                     "(3, 'bob', 'us', true, 'x'), (4, 'carol', 'us', false, 'ﻧﺎم'), (5, 'alice', 'us', "
                     "true, "
                     "'%_\\');"
                     "ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                     "CREATE POLICY own ON docs FOR SELECT USING (owner = current_user);"
                     "CREATE POLICY eu ON docs FOR SELECT TO \"Sales, EU\" USING (region = 'eu');"
                     "CREATE POLICY no_secrets ON docs AS RESTRICTIVE FOR SELECT USING (NOT secret);"
                     "CREATE POLICY edit_own ON docs FOR UPDATE USING (owner = current_user)"))
                 .isNull(),
            qPrintable(m_cluster->error()));
    }

    void asARole() {
        SeeAsRoleView view(core::Pool::create(m_cluster->profile()), QStringLiteral("public"),
                           QStringLiteral("docs"));
        QAbstractItemModelTester tester(view.rowsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy roles(&view, &SeeAsRoleView::rolesLoaded);
        QVERIFY(roles.wait(10000));
        QVERIFY(view.roleBox()->findText(QStringLiteral("Sales, EU")) >= 0);
        QVERIFY(view.roleBox()->findText(QStringLiteral("pg_monitor")) < 0);

        QVERIFY(shownAs(view, QStringLiteral("bob")));
        QCOMPARE(ids(*view.rowsModel()), idsBySetRole(QStringLiteral("bob")));
        QCOMPARE(ids(*view.rowsModel()), (QStringList{"1", "2"}));
        const int width = 5;
        QCOMPARE(view.rowsModel()->headerData(width, Qt::Horizontal).toString(),
                 QStringLiteral("Admitted by"));
        QCOMPARE(view.rowsModel()->index(0, width).data().toString(), QStringLiteral("eu"));
        QCOMPARE(view.rowsModel()->index(1, width).data().toString(), QStringLiteral("eu, own"));
        QCOMPARE(view.rowsModel()->index(0, width + 1).data().toString(), QStringLiteral("no"));
        QCOMPARE(view.rowsModel()->index(1, width + 1).data().toString(), QStringLiteral("yes")); // edit_own
        QCOMPARE(view.rowsModel()->index(0, 4).data().toString(), QStringLiteral("NULL"));
        QVERIFY(view.rowsModel()->index(0, 4).data(Qt::FontRole).value<QFont>().italic());
        QCOMPARE(view.rowsModel()->index(1, 4).data().toString(), QString()); // empty text, not NULL
        QVERIFY(!view.rowsModel()->index(1, 4).data(Qt::FontRole).isValid());
        QVERIFY2(view.statusLabel()->text().contains(QLatin1String("applies to bob")),
                 qPrintable(view.statusLabel()->text()));
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("2 of the table's 5 rows")));
        QCOMPARE(view.policyModel()->rowCount(), 4);
        int applying = 0;
        for (int row = 0; row < view.policyModel()->rowCount(); ++row)
            applying += view.policyModel()->index(row, 4).data().toString() == QLatin1String("yes") ? 1 : 0;
        QCOMPARE(applying, 4); // own, eu (through "Sales, EU"), no_secrets, edit_own
        if (const QByteArray dir = qgetenv("PGDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            view.resize(1000, 520);
            view.show();
            QTest::qWait(300);
            view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("see-as-role.png")));
        }

        QVERIFY(shownAs(view, QStringLiteral("alice")));
        QCOMPARE(ids(*view.rowsModel()), idsBySetRole(QStringLiteral("alice")));
        QVERIFY(shownAs(view, QStringLiteral("auditor")));
        QCOMPARE(view.rowsModel()->rowCount(), 5);
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("bypasses row security")));

        QSignalSpy failed(&view, &SeeAsRoleView::failed);
        view.showAs(QStringLiteral("nobody here"));
        QVERIFY(failed.wait(10000));
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("nobody here")));
    }

    void openedByTheFeature() {
        MainWindow window;
        window.openDsn(QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                           .arg(m_cluster->dir())
                           .arg(m_cluster->port()));
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        SeeAsRoleView* view =
            ServerFeature::of(window)->openSeeAsRole(QStringLiteral("public"), QStringLiteral("docs"));
        QVERIFY(view);
        QVERIFY(shownAs(*view, QStringLiteral("Sales, EU")));
        QCOMPARE(ids(*view->rowsModel()), (QStringList{"1", "2"}));
        window.close();
    }
};

PGDESK_UI_TEST_MAIN(TestSeeAsRoleView)
#include "tst_seeasroleview.moc"
