// SPDX-License-Identifier: GPL-3.0-or-later
// The value panel (offscreen, real server): a jsonb cell of a table tab shows as a tree (lazily: a 10 MB
// document opens with only its top level indexed), search finds and selects a node, paths are copied in the
// three styles, an edit in the tree is staged as the cell's value and applied with the change set (every
// other byte of the document kept: 30-digit numbers, key order), "filter rows where this path = this
// value" filters the tab; arrays, hstore and composite values show as trees too; the models are tested.
#include "modelcolumns.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/visual/valuepanel.h>
#include <pgdesk/ui/visual/valuetreemodel.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pgdesk::ui;

class TestValuePanel final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    QTemporaryDir m_dir;
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    std::shared_ptr<pgdesk::core::ChangeJournal> m_journal;
    const QString m_schema = QStringLiteral("value_panel_%1").arg(QCoreApplication::applicationPid());

    QString sql(const QString& text) const {
        return pgdesk::test::psql(QString(text).replace(QStringLiteral("$S"), m_schema));
    }
    static int col(const QAbstractItemModel* m, const QString& name) {
        return pgdesk::test::columnNamed(m, name);
    }
    std::unique_ptr<TableBrowser> open() {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, QStringLiteral("docs"));
        b->editor()->setJournal(m_journal);
        b->resize(1000, 500);
        b->show();
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        if (!loaded.wait(15000))
            return nullptr;
        return b;
    }
    static int childNamed(const ValueTreeModel* m, int node, const QString& key) {
        const auto& t = m->tree();
        for (int i = 0; i < t.childCount(node); ++i) {
            if (t.key(t.child(node, i)) == key)
                return t.child(node, i);
        }
        return -1;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_journal = std::make_shared<pgdesk::core::ChangeJournal>(m_dir.filePath(QStringLiteral("j.sqlite")));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        // Suites that run beside this one may create hstore at the same moment: one of two may lose the race.
        try {
            pgdesk::test::psql(QStringLiteral("create extension if not exists hstore"));
        } catch (...) {
            pgdesk::test::psql(QStringLiteral("create extension if not exists hstore"));
        }
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "\n"
                "            create type $S.pair as (a int, \"b c\" text);\n"
                "            create table $S.docs (id int primary key, doc jsonb, tags text[], h hstore, p "
                "$S.pair);\n"
                "            insert into $S.docs values\n"
                "              (1, '{\"name\": \"אבג\", \"big\": 123456789012345678901234567890.5, "
                "\"it''s\": {\"a.b\": [1, \"two\", null]}}',\n"
                "               '{x,\"y z\",NULL}', '\"k\"=>\"v\", \"n\"=>NULL', row(7, 'x \"q\"')),\n"
                "              (2, '{\"name\": \"other\", \"big\": 1}', '{}', '', null);"));
    }

    void jsonCellAsATreeEditedAndFiltered() {
        auto b = open();
        QVERIFY(b);
        ValuePanel panel;
        panel.show();
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QAbstractItemModel* m = b->model();
        panel.showCell(m->index(0, col(m, QStringLiteral("doc"))));
        QVERIFY2(panel.showsTree(), qPrintable(panel.infoText()));
        const ValueTreeModel* tree = panel.model();
        const int root = pgdesk::core::ValueTree::kRoot;
        QCOMPARE(tree->tree().childCount(root), 3);
        const int quoted = childNamed(tree, root, QStringLiteral("it's"));
        const int dotted = childNamed(tree, quoted, QStringLiteral("a.b"));
        const int two = tree->tree().child(dotted, 1);
        QCOMPARE(panel.copyPath(two, ValuePanel::PathStyle::Arrow), QStringLiteral("->'it''s'->'a.b'->1"));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("->'it''s'->'a.b'->1"));
        QCOMPARE(panel.copyPath(two, ValuePanel::PathStyle::TextArray), QStringLiteral("#>'{it''s,a.b,1}'"));
        QCOMPARE(panel.copyPath(two, ValuePanel::PathStyle::JsonPath),
                 QStringLiteral("$.\"it's\".\"a.b\"[1]"));
        QCOMPARE(panel.copyValue(dotted), QStringLiteral("[1, \"two\", null]"));

        // Search selects the node, its ancestors expanded.
        QCOMPARE(panel.findNext(QStringLiteral("TWO")), two);
        QCOMPARE(panel.currentNode(), two);
        QVERIFY(panel.view()->isExpanded(tree->indexOf(dotted)));

        // An edit in the tree is the cell's staged value; applied, the server has exactly that document.
        const int name = childNamed(tree, root, QStringLiteral("name"));
        QVERIFY(panel.model()->setData(tree->indexOf(name, ValueTreeModel::ValueColumn),
                                       QStringLiteral("דהו ✓")));
        QTRY_VERIFY(
            b->model()->index(0, col(m, QStringLiteral("doc"))).data(PageModel::IsEditedRole).toBool());
        QVERIFY(panel.model()->tree().json().contains("123456789012345678901234567890.5"));
        QVERIFY(panel.removeNode(childNamed(panel.model(), root, QStringLiteral("big"))));
        QVERIFY(panel.addMember(root, QStringLiteral("new \"key\"")));
        QSignalSpy applied(b->editor(), &TableEditor::applied);
        b->editor()->applyStaged();
        QVERIFY(applied.wait(15000));
        QCOMPARE(sql(QStringLiteral(
                     "select doc = '{\"name\": \"דהו ✓\", \"it''s\": {\"a.b\": [1, \"two\", null]}, "
                     "\"new \\\"key\\\"\": null}'::jsonb from $S.docs where id = 1")),
                 QStringLiteral("t"));

        // Filter rows where this path = this value: the tab's filter bar gets the condition.
        QTRY_VERIFY(b->model()->rowCount() == 2);
        panel.showCell(b->model()->index(1, col(m, QStringLiteral("doc"))));
        const int other = childNamed(panel.model(), root, QStringLiteral("name"));
        const auto condition = panel.filterFor(other);
        QVERIFY(condition);
        QCOMPARE(condition->jsonPath, QStringList{"name"});
        QCOMPARE(condition->values, QStringList{"other"});
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        b->filterBar()->addCondition(*condition);
        QVERIFY(loaded.wait(15000));
        QTRY_COMPARE(b->model()->rowCount(), 1);
    }

    void arraysHstoreAndComposites() {
        auto b = open();
        QVERIFY(b);
        ValuePanel panel;
        const QAbstractItemModel* m = b->model();
        panel.showCell(m->index(0, col(m, QStringLiteral("tags"))));
        QVERIFY(panel.showsTree());
        const auto& tags = panel.model()->tree();
        QCOMPARE(tags.childCount(0), 3);
        QCOMPARE(tags.displayText(tags.child(0, 1)), QStringLiteral("y z"));
        QCOMPARE(tags.kind(tags.child(0, 2)), pgdesk::core::ValueTree::Kind::Null);
        QVERIFY(!panel.model()->isEditable()); // arrays are edited in the cell's own editor

        panel.showCell(m->index(0, col(m, QStringLiteral("h"))));
        QVERIFY(panel.showsTree());
        QCOMPARE(panel.model()->tree().childCount(0), 2);
        panel.showCell(m->index(0, col(m, QStringLiteral("p"))));
        QVERIFY(panel.showsTree());
        QCOMPARE(panel.model()->tree().displayText(panel.model()->tree().child(0, 1)),
                 QStringLiteral("x \"q\""));
        panel.showCell(m->index(1, col(m, QStringLiteral("p"))));
        QVERIFY(panel.infoText().contains(QStringLiteral("NULL")));
        panel.showCell(m->index(0, col(m, QStringLiteral("id"))));
        QVERIFY(!panel.showsTree());
        QCOMPARE(panel.plainText(), QStringLiteral("1"));
    }

    // A 10 MB document opens without indexing it: the top level only (time printed; bench/ measures it).
    void bigDocumentOpensLazily() {
        QByteArray doc = "{\"items\": [";
        for (int i = 0; doc.size() < 10 * 1024 * 1024; ++i)
            doc += (i ? ", " : "") + QByteArray("{\"id\": ") + QByteArray::number(i) +
                   ", \"name\": \"item number " + QByteArray::number(i) + "\", \"tags\": [\"a\", \"b\"]}";
        doc += "], \"last\": true}";
        ValuePanel panel;
        panel.show();
        QElapsedTimer timer;
        timer.start();
        panel.showValue(QStringLiteral("doc"), QStringLiteral("jsonb"), QString::fromUtf8(doc));
        qInfo("10 MB document shown in %lld ms", timer.elapsed());
        QVERIFY(panel.showsTree());
        QVERIFY2(panel.model()->tree().indexedNodeCount() < 10,
                 qPrintable(QString::number(panel.model()->tree().indexedNodeCount())));
        QVERIFY(panel.findNext(QStringLiteral("item number 99999")) > 0);
    }

    void theWindowFollowsTheFocusedGrid() {
        MainWindow window;
        window.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        window.resize(1400, 900);
        window.show();
        TableBrowser* b = pgdesk::ui::BrowseFeature::of(window)->openTable(m_schema, QStringLiteral("docs"));
        QVERIFY(b);
        QTRY_VERIFY_WITH_TIMEOUT(b->model()->rowCount() > 0, 15000);
        window.findChild<QAction*>(QStringLiteral("valuePanelAction"))->trigger();
        auto* panel = window.findChild<ValuePanel*>();
        QVERIFY(panel && panel->isVisible());
        // It opens a third of the window wide, and its separator widens it further.
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("valueDock"));
        QTRY_VERIFY2(dock->width() >= window.width() * 3 / 10,
                     qPrintable(QStringLiteral("%1 of %2").arg(dock->width()).arg(window.width())));
        // Widened as far as the tabs' least width lets it: the start page hidden behind them sets none.
        const int opened = dock->width();
        window.resizeDocks({dock}, {window.width()}, Qt::Horizontal);
        QTRY_VERIFY(dock->width() > opened + 30);
        QWidget* center = window.centralWidget();
        QVERIFY2(center->width() <= window.tabs()->minimumSizeHint().width() + 10,
                 qPrintable(QStringLiteral("%1 px left to the tabs, which need %2")
                                .arg(center->width())
                                .arg(window.tabs()->minimumSizeHint().width())));
        QApplication::setActiveWindow(&window);
        b->view()->setFocus();
        QTRY_VERIFY(QApplication::focusWidget() == b->view());
        b->view()->setCurrentIndex(b->model()->index(0, col(b->model(), QStringLiteral("tags"))));
        QTRY_VERIFY(panel->showsTree());
    }
};

PGDESK_UI_TEST_MAIN(TestValuePanel)
#include "tst_valuepanel.moc"
