// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/adminfeature.h>
#include <pgdesk/ui/admin/rolesmodel.h>
#include <pgdesk/ui/admin/rolesview.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using pgdesk::ui::RolesModel;
using pgdesk::ui::RolesView;

// The roles tab on roles of this run's own (the process id in their names), dropped at the end.
class TestRolesView final : public QObject {
    Q_OBJECT
private:
    QString m_login;
    QString m_group;
    QString m_member;

    static QStringList membershipRows(const QStandardItemModel* m) {
        QStringList out;
        for (int r = 0; r < m->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < m->columnCount(); ++c)
                cells << m->index(r, c).data().toString();
            out << cells.join(QLatin1Char('|'));
        }
        return out;
    }

private slots:
    void initTestCase() {
        const qint64 pid = QCoreApplication::applicationPid();
        m_login = QStringLiteral("tst_uiroles_login_%1").arg(pid);
        m_group = QStringLiteral("tst_uiroles_group_%1").arg(pid);
        m_member = QStringLiteral("tst_uiroles_member_%1").arg(pid);
        pgdesk::test::psql(QStringLiteral("drop role if exists %1, %2, %3;"
                                          "create role %1 login createdb connection limit 7;"
                                          "create role %2 nologin; create role %3 nologin;"
                                          "grant %2 to %1 with admin option; grant %2 to %3;")
                               .arg(m_login, m_group, m_member));
    }

    void listsRolesWithAttributesAndMemberships() {
        auto pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        RolesView view(pool);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sortTester(view.sortModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester membershipTester(view.membershipModel(),
                                                  QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&view, &RolesView::loaded);
        QVERIFY(view.isLoading());
        QVERIFY(loaded.wait(15000));

        const int row = view.model()->rowOf(m_login);
        QVERIFY(row >= 0);
        const auto cell = [&](int r, int c) { return view.model()->index(r, c).data().toString(); };
        QCOMPARE(cell(row, RolesModel::LoginColumn), QStringLiteral("yes"));
        QCOMPARE(cell(row, RolesModel::CreateDatabaseColumn), QStringLiteral("yes"));
        QCOMPARE(cell(row, RolesModel::SuperuserColumn), QString());
        QCOMPARE(cell(row, RolesModel::ConnectionLimitColumn), QStringLiteral("7"));
        QCOMPARE(cell(row, RolesModel::MemberOfColumn), QStringLiteral("%1 (admin)").arg(m_group));
        const int group = view.model()->rowOf(m_group);
        QCOMPARE(cell(group, RolesModel::LoginColumn), QString());
        QCOMPARE(cell(group, RolesModel::ConnectionLimitColumn), QStringLiteral("no limit"));
        const int super = view.model()->rowOf(pgdesk::test::cluster().user);
        QCOMPARE(cell(super, RolesModel::SuperuserColumn), QStringLiteral("yes"));
        QCOMPARE(view.model()->rowOf(QStringLiteral("pg_monitor")), -1);

        // The membership pane follows the selected role, both ways, with the admin option.
        QVERIFY(view.selectRole(m_login));
        QCOMPARE(
            membershipRows(view.membershipModel()),
            QStringList{QStringLiteral("member of|%1|yes|%2").arg(m_group, pgdesk::test::cluster().user)});
        QVERIFY(view.selectRole(m_group));
        QCOMPARE(
            membershipRows(view.membershipModel()),
            (QStringList{QStringLiteral("has member|%1|yes|%2").arg(m_login, pgdesk::test::cluster().user),
                         QStringLiteral("has member|%1|no|%2").arg(m_member, pgdesk::test::cluster().user)}));

        // Sorted by what the column holds: logins before the rest when descending.
        view.view()->sortByColumn(RolesModel::LoginColumn, Qt::DescendingOrder);
        QCOMPARE(view.sortModel()->index(0, RolesModel::LoginColumn).data().toString(),
                 QStringLiteral("yes"));
        view.view()->sortByColumn(RolesModel::ConnectionLimitColumn, Qt::DescendingOrder);
        QCOMPARE(view.sortModel()->index(0, RolesModel::NameColumn).data(RolesModel::RoleNameRole).toString(),
                 m_login);

        // A refresh keeps the selection; the predefined roles on request.
        view.predefinedBox()->setChecked(true);
        QVERIFY(loaded.wait(15000));
        QVERIFY(view.model()->rowOf(QStringLiteral("pg_monitor")) >= 0);
        QCOMPARE(view.view()->currentIndex().data(RolesModel::RoleNameRole).toString(), m_group);
        QCOMPARE(view.membershipModel()->rowCount(), 2);
    }

    void connectionMenuOpensOneRolesTab() {
        pgdesk::ui::MainWindow w;
        w.show();
        QVERIFY(!pgdesk::ui::AdminFeature::of(w)->openRoles()); // no session yet
        w.openDsn(pgdesk::test::conninfo());
        QAction* action = w.findChild<QAction*>(QStringLiteral("rolesAction"));
        QVERIFY(action);
        QTRY_VERIFY_WITH_TIMEOUT(pgdesk::ui::BrowseFeature::of(w)->objectBrowser()->model()->rowCount() > 0,
                                 15000);
        action->trigger();
        auto* view = w.findChild<RolesView*>();
        QVERIFY(view);
        QVERIFY(view->isVisible()); // the current tab
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOf(m_login) >= 0, 15000);
        action->trigger();
        QCOMPARE(w.findChildren<RolesView*>().size(), 1);
    }

    void cleanupTestCase() {
        pgdesk::test::psql(QStringLiteral("drop role if exists %1, %2, %3").arg(m_login, m_group, m_member));
    }
};

PGDESK_UI_TEST_MAIN(TestRolesView)
#include "tst_rolesview.moc"
