// SPDX-License-Identifier: GPL-3.0-or-later
// Relationship links from a row: the referenced row and the referencing rows, with counts equal to
// hand-written SQL, opened as filtered tabs.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/filterconditionrow.h>
#include <pgdesk/ui/browse/relationsmenu.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

namespace core = pgdesk::core;
using pgdesk::ui::RelatedRows;
using pgdesk::ui::TableBrowser;

class TestRelations final : public QObject {
    Q_OBJECT
    std::shared_ptr<core::Pool> m_pool;
    core::Connection m_c;

    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    QString scalar(const QString& sql) { return m_c.exec(sql, core::Params{}).text(0, 0); }
    static QAction* find(QMenu* menu, const QString& prefix) {
        for (QAction* a : menu->actions()) {
            if (a->text().startsWith(prefix))
                return a;
            if (a->menu()) {
                if (QAction* inner = find(a->menu(), prefix))
                    return inner;
            }
        }
        return nullptr;
    }

private slots:
    void initTestCase() {
        m_pool = core::Pool::create(pgdesk::test::profile());
        m_c = core::Connection::open(pgdesk::test::profile());
    }

    void relationFilterIsPure() {
        core::Page page;
        page.columns = {{QStringLiteral("a"), QStringLiteral("integer")},
                        {QStringLiteral("b"), QStringLiteral("text")}};
        page.rows = {{QStringLiteral("1"), QStringLiteral("x")}, {QStringLiteral("2"), std::nullopt}};
        const auto f = pgdesk::ui::relationFilter(page.columns, page.rows[0], {"a", "b"}, {"ra", "rb"});
        QVERIFY(f);
        QCOMPARE(f->conditions.size(), 2);
        QCOMPARE(f->conditions[1].column, QStringLiteral("rb"));
        QCOMPARE(f->conditions[1].values, QStringList{QStringLiteral("x")});
        QVERIFY(!pgdesk::ui::relationFilter(page.columns, page.rows[1], {"a", "b"},
                                            {"ra", "rb"})); // NULL never matches
        QVERIFY(!pgdesk::ui::relationFilter(page.columns, page.rows[0], {"zz"}, {"ra"}));
        QVERIFY(!pgdesk::ui::relationFilter(page.columns, {}, {"a"}, {"ra"})); // a row not loaded
    }

    // From a post: its user; from a user: the posts and events referencing it, counted as the tab shows them.
    void referencedAndReferencingRows() {
        TableBrowser posts(m_pool, QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(waitLoaded(posts));
        const core::TableInfo postsInfo =
            core::CatalogReader(m_c).table(QStringLiteral("public"), QStringLiteral("posts"));
        QMenu menu;
        QList<RelatedRows> opened;
        pgdesk::ui::addRelationActions(&menu, m_pool, postsInfo, posts.model()->page().columns,
                                       *posts.model()->rowValues(0),
                                       [&opened](const RelatedRows& r) { opened << r; });
        QAction* user = find(&menu, QStringLiteral("Open referenced public.users"));
        QVERIFY(user && user->isEnabled());
        user->trigger();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0].table, QStringLiteral("users"));
        QCOMPARE(opened[0].filter.conditions[0].column, QStringLiteral("id"));
        const QString userId = opened[0].filter.conditions[0].values[0];
        const int userIdColumn = 1; // posts.user_id
        QCOMPARE(posts.model()->index(0, userIdColumn).data(Qt::EditRole).toString(), userId);

        // The opened tab shows exactly that user, with the condition in its filter bar.
        TableBrowser users(m_pool, QStringLiteral("public"), QStringLiteral("users"));
        new QAbstractItemModelTester(users.model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &users);
        users.setFilter(opened[0].filter);
        QTRY_COMPARE_WITH_TIMEOUT(users.model()->rowCount(), 1, 15000);
        QCOMPARE(users.model()->index(0, 0).data(Qt::EditRole).toString(), userId);
        QTRY_COMPARE_WITH_TIMEOUT(users.filterBar()->rows().size(), 1, 5000);
        QCOMPARE(users.filterBar()->rows()[0]->columnBox()->currentText(), QStringLiteral("id"));

        const core::TableInfo usersInfo =
            core::CatalogReader(m_c).table(QStringLiteral("public"), QStringLiteral("users"));
        QMenu back;
        pgdesk::ui::addRelationActions(&back, m_pool, usersInfo, users.model()->page().columns,
                                       *users.model()->rowValues(0),
                                       [&opened](const RelatedRows& r) { opened << r; });
        const QString livePosts = scalar(
            QStringLiteral("select count(*) from public.posts where user_id = '%1' and deleted_at is null")
                .arg(userId));
        QTRY_VERIFY_WITH_TIMEOUT(
            find(&back, QStringLiteral("public.posts (user_id): %1 rows").arg(livePosts)), 15000);
        const QString events =
            scalar(QStringLiteral("select count(*) from public.events where user_id = '%1'").arg(userId));
        QVERIFY(find(&back, QStringLiteral("public.events (user_id): %1 rows").arg(events)));
    }
};

PGDESK_UI_TEST_MAIN(TestRelations)
#include "tst_relations.moc"
