// SPDX-License-Identifier: GPL-3.0-or-later
// The finish of the window (issue 22): the shipped icons in both themes, the main toolbar, the start page
// with its recent connections and tables, and the object tree's context menu.
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/ui/admin/activityview.h>
#include <pgdesk/ui/admin/adminfeature.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/browse/createscriptview.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/browse/structureview.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/startpage.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleHints>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

using pgdesk::ui::MainWindow;
using pgdesk::ui::StartPage;

namespace {

// Mean lightness (0–255) of the drawn pixels of an icon, and how many there are.
std::pair<double, int> glyph(const QIcon& icon) {
    const QImage image = icon.pixmap(QSize(22, 22)).toImage().convertToFormat(QImage::Format_ARGB32);
    double sum = 0;
    int drawn = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 128) {
                sum += c.lightness();
                ++drawn;
            }
        }
    return {drawn ? sum / drawn : 0, drawn};
}

} // namespace

class TestStartPage final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk-startpage-test"));
        QSettings().clear();
    }

    void cleanupTestCase() { pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::Theme::System); }

    // Every shipped icon draws, dark glyphs on the light theme and light ones on the dark theme, and the
    // same QIcon follows a theme switch without being made again.
    void iconsDrawInBothThemes() {
        const QStringList names = pgdesk::ui::themedIconNames();
        QVERIFY2(names.size() >= 40, qPrintable(names.join(',')));
        QVERIFY(names.contains(QStringLiteral("table")) && names.contains(QStringLiteral("view-refresh")));
        for (const QString& name : names) {
            const QIcon icon = pgdesk::ui::themedIcon(name);
            pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::Theme::Light);
            const auto [onLight, drawnLight] = glyph(icon);
            pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::Theme::Dark);
            const auto [onDark, drawnDark] = glyph(icon);
            QVERIFY2(drawnLight > 10 && drawnDark > 10, qPrintable(name));
            // Monochrome glyphs: clearly lighter on the dark theme (coloured ones, e.g. the folder, at least
            // not darker).
            QVERIFY2(
                onDark >= onLight,
                qPrintable(QStringLiteral("%1: %2 on light, %3 on dark").arg(name).arg(onLight).arg(onDark)));
        }
        pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::Theme::Light);
        const auto [toolLight, n1] = glyph(pgdesk::ui::themedIcon(QStringLiteral("view-refresh")));
        pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::Theme::Dark);
        const auto [toolDark, n2] = glyph(pgdesk::ui::themedIcon(QStringLiteral("view-refresh")));
        QVERIFY2(toolDark - toolLight > 100,
                 qPrintable(QStringLiteral("%1 → %2").arg(toolLight).arg(toolDark)));
        QVERIFY(pgdesk::ui::themedIcon(QStringLiteral("no-such-icon")).isNull());
    }

    // The toolbar holds the session's commands with icons and their keys; what needs a session or a table tab
    // is disabled until there is one.
    void toolbarHasIconsAndKeys() {
        MainWindow w;
        QToolBar* bar = w.mainToolBar();
        QVERIFY(bar);
        int withIcon = 0;
        QStringList names;
        for (QAction* a : bar->actions()) {
            if (a->isSeparator())
                continue;
            names << a->objectName();
            QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
            ++withIcon;
            if (!a->shortcut().isEmpty())
                QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(a->toolTip()));
        }
        QVERIFY2(withIcon >= 7, qPrintable(names.join(',')));
        for (const char* name : {"manageConnectionsAction", "newQueryToolAction", "activityAction",
                                 "exportAction", "importAction"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QVERIFY(!w.findChild<QAction*>(QStringLiteral("newQueryToolAction"))->isEnabled());
        QVERIFY(!w.findChild<QAction*>(QStringLiteral("exportAction"))->isEnabled());
        QVERIFY(!w.findChild<QAction*>(QStringLiteral("activityAction"))->isEnabled());
        QCOMPARE(pgdesk::ui::AdminFeature::of(w)->openActivity(), nullptr); // no session yet
        // Every menu command shows an icon too.
        for (const char* name : {"exportAction", "importAction", "preferencesAction", "aboutAction"})
            QVERIFY2(!w.findChild<QAction*>(QLatin1String(name))->icon().isNull(), name);
    }

    // With no tab open the start page stands in the tabs' place; it offers a new connection, lists the recent
    // connections and tables, and goes away while tabs are open.
    void startPageListsRecentsAndOpensThem() {
        QSettings().clear();
        StartPage::noteConnection(QStringLiteral("Old"));
        StartPage::noteConnection(QStringLiteral("Demo"));
        StartPage::noteConnection(QStringLiteral("Old")); // used again: first
        StartPage::noteTable(QStringLiteral("Demo"), QStringLiteral("public.customer"));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        StartPage* page = w.startPage();
        QVERIFY(page->isVisible());
        QVERIFY(!w.tabs()->isVisible());
        QCOMPARE(page->recentConnections()->count(), 2);
        QCOMPARE(page->recentConnections()->item(0)->text(), QStringLiteral("Old"));
        QCOMPARE(page->recentTables()->count(), 1);
        QVERIFY(page->recentTables()->item(0)->text().contains(QStringLiteral("public.customer")));

        QSignalSpy profiles(page, &StartPage::profileRequested);
        QSignalSpy tables(page, &StartPage::tableRequested);
        QListWidget* list = page->recentConnections();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
        QCOMPARE(profiles.count(), 1); // once, not twice
        QCOMPARE(profiles.first().first().toString(), QStringLiteral("Demo"));
        QListWidget* tableList = page->recentTables();
        QTest::mouseClick(tableList->viewport(), Qt::LeftButton, {},
                          tableList->visualItemRect(tableList->item(0)).center());
        QCOMPARE(tables.count(), 1);
        QCOMPARE(tables.first().at(1).toString(), QStringLiteral("public.customer"));

        auto* newConnection = page->findChild<QPushButton*>(QStringLiteral("startNewConnection"));
        QVERIFY(newConnection && !newConnection->icon().isNull());
        QSignalSpy wantsConnection(page, &StartPage::newConnectionRequested);
        newConnection->click();
        QCOMPARE(wantsConnection.count(), 1);
        // The shortcuts a new user needs are listed, the query keys as the query tool binds them.
        const QString shown = [&] {
            QStringList texts;
            for (auto* l : page->findChildren<QLabel*>())
                texts << l->text();
            return texts.join('\n');
        }();
        QVERIFY2(shown.contains(QStringLiteral("Run the statement at the cursor")), qPrintable(shown));
        QVERIFY(shown.contains(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));

        // A renamed profile keeps its recents under the new name.
        StartPage::renameProfile(QStringLiteral("Demo"), QStringLiteral("Demo 2"));
        page->reload();
        QCOMPARE(page->recentConnections()->item(1)->text(), QStringLiteral("Demo 2"));
        QCOMPARE(page->recentTables()->item(0)->data(Qt::UserRole).toString(), QStringLiteral("Demo 2"));
    }

    // Tab titles are whole table names; two tabs that would read alike ("posts" of two schemas) say their
    // schemas, and go back to the name alone when one closes. A table opened by its name alone (found along
    // the search path) is noted as recent with its schema, never as ".posts".
    void tabTitlesAndRecentsNameTheSchema() {
        QSettings().clear();
        const pgdesk::test::ScratchSchema other(
            QStringLiteral("titles_%1").arg(QCoreApplication::applicationPid()),
            QStringLiteral("create table $S.posts (id int primary key)"));
        auto profile = pgdesk::test::profile();
        profile.name = QStringLiteral("Titles test");
        pgdesk::core::ProfileStore store;
        store.upsert(profile);
        store.save();
        MainWindow w;
        pgdesk::ui::BrowseFeature::of(w)->setTableToOpen(QStringLiteral("posts"));
        w.show();
        w.openProfile(profile.name);
        QTRY_VERIFY_WITH_TIMEOUT(pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() &&
                                     pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->table(),
                                 15000);
        QTabWidget* tabs = w.tabs();
        QCOMPARE(tabs->elideMode(), Qt::ElideNone);
        const auto plain = [&](int i) {
            QString text = tabs->tabText(i);
            text.remove(QChar(0x2066)).remove(QChar(0x2068)).remove(QChar(0x2069));
            return text;
        };
        QCOMPARE(plain(0), QStringLiteral("posts"));
        QCOMPARE(tabs->tabToolTip(0), QStringLiteral("public.posts"));
        QCOMPARE(QSettings().value(QStringLiteral("recent/tables")).toStringList().value(0),
                 QStringLiteral("Titles test\tpublic.posts"));
        pgdesk::ui::BrowseFeature::of(w)->openTable(other.name(), QStringLiteral("posts"));
        QCOMPARE(plain(0), QStringLiteral("public.posts"));
        QCOMPARE(plain(1), other.name() + QStringLiteral(".posts"));
        pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("public"), QStringLiteral("customer"));
        QCOMPARE(plain(2), QStringLiteral("customer"));
        QVERIFY(w.closeTab(1));
        QCOMPARE(plain(0), QStringLiteral("posts"));
        w.close();
        store.remove(profile.name);
        store.save();
    }

    // On a session: the tree shows an icon per kind and its context menu opens, queries, exports, imports,
    // copies names (with the keys shown) and refreshes; opening a table replaces the start page and notes
    // the table as recent.
    void treeContextMenuAndRecents() {
        QSettings().clear();
        MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        auto* tree = pgdesk::ui::BrowseFeature::of(w)->objectBrowser();
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount() > 0 && !tree->isLoading(), 15000);
        const QModelIndex table = [&] {
            const QModelIndex db = tree->model()->findDatabase();
            for (int s = 0; s < tree->model()->rowCount(db); ++s) {
                const QModelIndex schema = tree->model()->index(s, 0, db);
                if (schema.data(pgdesk::ui::CatalogTreeModel::SchemaRole).toString() !=
                    QLatin1String("public"))
                    continue;
                for (int r = 0; r < tree->model()->rowCount(schema); ++r) {
                    const QModelIndex t = tree->model()->index(r, 0, schema);
                    if (t.data(pgdesk::ui::CatalogTreeModel::TableRole).toString() ==
                        QLatin1String("customer"))
                        return t;
                }
            }
            return QModelIndex();
        }();
        QVERIFY(table.isValid());
        QVERIFY(!table.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!table.parent().data(Qt::DecorationRole).value<QIcon>().isNull()); // the schema

        tree->view()->setCurrentIndex(tree->viewIndex(table));
        std::unique_ptr<QMenu> menu(tree->createContextMenu(table, nullptr));
        QStringList items;
        for (QAction* a : menu->actions())
            if (!a->isSeparator())
                items << a->text();
        QVERIFY2(items.size() >= 8, qPrintable(items.join('|')));
        const auto action = [&](const QString& name) {
            for (QAction* a : menu->actions())
                if (a->objectName() == name)
                    return a;
            return static_cast<QAction*>(nullptr);
        };
        // Context menus show the keys: Copy name (Ctrl+C) and Refresh (F5) as they work in the tree.
        QAction* copy = action(QStringLiteral("objectTreeCopyAction"));
        QVERIFY(copy && copy->shortcut() == QKeySequence(QKeySequence::Copy));
        QVERIFY(copy->isShortcutVisibleInContextMenu() ||
                QGuiApplication::styleHints()->showShortcutsInContextMenus());
        QVERIFY(action(QStringLiteral("objectTreeRefreshAction"))->shortcut() ==
                QKeySequence(QKeySequence::Refresh));
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("customer"));
        action(QStringLiteral("treeCopyQualifiedAction"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("\"public\".\"customer\""));
        QVERIFY(action(QStringLiteral("treeImportAction"))->isEnabled());

        // Query in a new query tool: a SELECT of that table in a new tab.
        action(QStringLiteral("treeQueryAction"))->trigger();
        auto* tool = qobject_cast<pgdesk::ui::QueryTool*>(w.tabs()->currentWidget());
        QVERIFY(tool);
        QVERIFY2(tool->sql().contains(QStringLiteral("FROM \"public\".\"customer\"")),
                 qPrintable(tool->sql()));
        QVERIFY(w.tabs()->isVisible());
        QVERIFY(!w.startPage()->isVisible());

        // Structure: the table's tab, on its structure.
        action(QStringLiteral("treeStructureAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() &&
                pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->isStructureShown(),
            5000);

        // CREATE script: the structure's script page, read and shown.
        action(QStringLiteral("treeScriptAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() &&
                pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->isStructureShown(),
            5000);
        pgdesk::ui::StructureView* structure =
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->structureView();
        QCOMPARE(structure->sections()->currentIndex(), int(pgdesk::ui::StructureView::Script));
        QTRY_VERIFY_WITH_TIMEOUT(
            structure->scriptView()->script().contains(QLatin1String("CREATE TABLE public.customer")), 15000);
        // Of the schema: a tab of its own (inventory: no suite adds objects to it while this one runs).
        QModelIndex inventory;
        const QModelIndex db = tree->model()->findDatabase();
        for (int r = 0; r < tree->model()->rowCount(db); ++r)
            if (tree->model()->index(r, 0, db).data(pgdesk::ui::CatalogTreeModel::SchemaRole).toString() ==
                QLatin1String("inventory"))
                inventory = tree->model()->index(r, 0, db);
        QVERIFY(inventory.isValid());
        std::unique_ptr<QMenu> schemaMenu(tree->createContextMenu(inventory, nullptr));
        for (QAction* a : schemaMenu->actions())
            if (a->objectName() == QLatin1String("treeSchemaScriptAction"))
                a->trigger();
        auto* schemaScript = qobject_cast<pgdesk::ui::CreateScriptView*>(w.tabs()->currentWidget());
        QVERIFY(schemaScript);
        QTRY_VERIFY_WITH_TIMEOUT(
            schemaScript->script().contains(QLatin1String("CREATE TYPE inventory.product_status AS ENUM")),
            15000);

        // Open: a table tab, noted as recent for the start page.
        action(QStringLiteral("treeOpenAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() != nullptr, 5000);
        QVERIFY(!w.tabs()->tabIcon(w.tabs()->currentIndex()).isNull());

        // Server activity: one tab per session, opened again it comes to the front.
        pgdesk::ui::ActivityView* activity = pgdesk::ui::AdminFeature::of(w)->openActivity();
        QVERIFY(activity);
        QCOMPARE(w.tabs()->currentWidget(), activity);
        QTRY_VERIFY_WITH_TIMEOUT(activity->model()->rowCount() > 0, 15000);
        w.tabs()->setCurrentIndex(0);
        QCOMPARE(pgdesk::ui::AdminFeature::of(w)->openActivity(), activity);
        QCOMPARE(w.tabs()->currentWidget(), activity);

        // Every tab closed: the start page is back.
        while (w.tabs()->count() > 0) {
            QWidget* page = w.tabs()->widget(0);
            w.tabs()->removeTab(0);
            page->deleteLater();
        }
        QTRY_VERIFY(w.startPage()->isVisible());
    }

    // Right-clicks show icons and the keys that work there: the grid (Copy Ctrl+C, Add row Insert, the delete
    // the Delete key does) and the tabs (Close tab Ctrl+W, others, all).
    void gridAndTabMenusShowKeys() {
        MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 15000);
        pgdesk::ui::TableBrowser* browser =
            pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("public"), QStringLiteral("users"));
        QVERIFY(browser);
        QTRY_VERIFY_WITH_TIMEOUT(browser->model()->rowCount() > 0 && browser->editor()->isEditable(), 15000);
        QStringList seen;
        QTimer::singleShot(300, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction* a : menu->actions())
                if (!a->isSeparator())
                    seen << QStringLiteral("%1|%2|%3")
                                .arg(a->text(), a->shortcut().toString(), a->icon().isNull() ? "-" : "i");
            menu->close();
        });
        QTableView* grid = browser->view();
        const QPoint cell = grid->visualRect(browser->model()->index(0, 1)).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, cell, grid->viewport()->mapToGlobal(cell));
        QApplication::sendEvent(grid->viewport(), &event);
        QTRY_VERIFY(!seen.isEmpty());
        const QString all = seen.join('\n');
        QVERIFY2(all.contains(QStringLiteral("Copy|Ctrl+C|i")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Add row|Ins|i")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("permanently…|Del|i")),
                 qPrintable(all)); // users: no soft delete

        std::unique_ptr<QMenu> tabMenu(w.createTabMenu(w.tabs()->currentIndex()));
        QAction* close = tabMenu->actions().value(0);
        QVERIFY(close && close->shortcut() == QKeySequence(QKeySequence::Close));
        QVERIFY(!close->icon().isNull());
        QCOMPARE(tabMenu->actions().size(), 3);
        auto* closeAction = w.findChild<QAction*>(QStringLiteral("closeTabAction"));
        QVERIFY(closeAction);
        closeAction->trigger(); // Ctrl+W: no staged changes, so it closes without asking
        QCOMPARE(w.tabs()->count(), 0);
        QTRY_VERIFY(w.startPage()->isVisible());
    }

    // Auto-fit: a column grows when a later page brings longer numbers (never cut to "10000…"), headers have
    // the room of a sort arrow before any sort, and a column the user sized keeps its width.
    void columnsFitNumbersAndHeaders() {
        MainWindow w;
        w.resize(1400, 800);
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 15000);
        pgdesk::ui::TableBrowser* b = pgdesk::ui::BrowseFeature::of(w)->openTable(
            QStringLiteral("public"), QStringLiteral("big_orders"));
        QTRY_VERIFY_WITH_TIMEOUT(b->model()->rowCount() > 0, 15000);
        auto* header = b->view()->horizontalHeader();
        int idColumn = -1, amountColumn = -1;
        for (int c = 0; c < b->model()->columnCount(); ++c) {
            const QString name = b->model()->headerData(c, Qt::Horizontal).toString();
            if (name == QLatin1String("order_id"))
                idColumn = c;
            if (name == QLatin1String("amount"))
                amountColumn = c;
        }
        QVERIFY(idColumn >= 0 && amountColumn >= 0);
        const int unsortedWidth = header->sectionSize(amountColumn);
        header->setSortIndicatorShown(true);
        header->setSortIndicator(amountColumn, Qt::AscendingOrder);
        QVERIFY2(
            unsortedWidth >= header->sectionSizeHint(amountColumn),
            qPrintable(
                QStringLiteral("%1 < %2").arg(unsortedWidth).arg(header->sectionSizeHint(amountColumn))));
        header->setSortIndicatorShown(false);

        QSignalSpy loaded(b, &pgdesk::ui::TableBrowser::pageLoaded);
        b->lastPage();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(b->model()->rowCount() > 0, 15000);
        QString longest;
        for (int r = 0; r < b->model()->rowCount(); ++r) {
            const QString text = b->model()->index(r, idColumn).data().toString();
            if (text.size() > longest.size())
                longest = text;
        }
        QCOMPARE(longest.size(), 7); // 1000000
        const QFontMetrics fm(b->view()->font());
        QVERIFY2(header->sectionSize(idColumn) >= fm.horizontalAdvance(longest),
                 qPrintable(QStringLiteral("%1 px for %2").arg(header->sectionSize(idColumn)).arg(longest)));

        // The user's width stays (one the header allows: its least width follows the font).
        const int chosen = header->minimumSectionSize() + 4;
        QVERIFY(chosen < fm.horizontalAdvance(longest));
        header->resizeSection(idColumn, chosen);
        b->firstPage();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 1, 15000);
        QCOMPARE(header->sectionSize(idColumn), chosen);
    }

    // The query tool's result grid copies the selection as TSV (Ctrl+C, with names Ctrl+Shift+C) and its
    // context menu shows those keys.
    void resultGridCopiesAndShowsKeys() {
        MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 15000);
        pgdesk::ui::QueryTool* tool = pgdesk::ui::QueryFeature::of(w)->openQueryTool();
        QVERIFY(tool);
        tool->setSql(QStringLiteral("select 1 as a, 'x y' as b union all select 2, null"));
        QSignalSpy done(tool, &pgdesk::ui::QueryTool::runFinished);
        tool->run();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 15000);
        QTableView* grid = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((grid = tool->findChild<QTableView*>(QStringLiteral("resultView"))), 5000);
        grid->selectAll();
        QAction* copy = nullptr;
        QAction* copyNames = nullptr;
        for (QAction* a : grid->actions()) {
            if (a->shortcut() == QKeySequence(QKeySequence::Copy))
                copy = a;
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C))
                copyNames = a;
        }
        QVERIFY(copy && copyNames);
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("1\tx y\n2\t\n"));
        copyNames->trigger();
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("a\tb\n1\tx y")),
                 qPrintable(QGuiApplication::clipboard()->text()));

        QStringList seen;
        QTimer::singleShot(300, this, [&] {
            if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                for (QAction* a : menu->actions())
                    seen << QStringLiteral("%1|%2").arg(a->text(), a->shortcut().toString());
                menu->close();
            }
        });
        const QPoint cell = grid->visualRect(grid->model()->index(0, 0)).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, cell, grid->viewport()->mapToGlobal(cell));
        QApplication::sendEvent(grid->viewport(), &event);
        QTRY_VERIFY(!seen.isEmpty());
        QVERIFY2(seen.contains(QStringLiteral("Copy|Ctrl+C")), qPrintable(seen.join(',')));
        QVERIFY2(seen.contains(QStringLiteral("Copy with column names|Ctrl+Shift+C")),
                 qPrintable(seen.join(',')));
    }

    // A view cannot take imported rows: the tree's Import is disabled there, and says why.
    void importOnlyForTables() {
        MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        auto* tree = pgdesk::ui::BrowseFeature::of(w)->objectBrowser();
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount() > 0 && !tree->isLoading(), 15000);
        QModelIndex view;
        const QModelIndex db = tree->model()->findDatabase();
        for (int s = 0; s < tree->model()->rowCount(db) && !view.isValid(); ++s) {
            const QModelIndex schema = tree->model()->index(s, 0, db);
            for (int r = 0; r < tree->model()->rowCount(schema); ++r) {
                const QModelIndex t = tree->model()->index(r, 0, schema);
                if (t.data(pgdesk::ui::CatalogTreeModel::KindRole).toString() == QLatin1String("view")) {
                    view = t;
                    break;
                }
            }
        }
        QVERIFY(view.isValid());
        std::unique_ptr<QMenu> menu(tree->createContextMenu(view, nullptr));
        for (QAction* a : menu->actions())
            if (a->objectName() == QLatin1String("treeImportAction"))
                QVERIFY(!a->isEnabled());
    }
};

PGDESK_UI_TEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
