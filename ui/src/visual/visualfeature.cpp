// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/visual/chartview.h>
#include <pgdesk/ui/visual/geometryview.h>
#include <pgdesk/ui/visual/listenview.h>
#include <pgdesk/ui/visual/valuepanel.h>
#include <pgdesk/ui/visual/visualfeature.h>

#include <pgdesk/core/session/pool.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QTabWidget>
#include <QTableView>

#include <algorithm>

namespace pgdesk::ui {

VisualFeature::~VisualFeature() = default;

VisualFeature* VisualFeature::of(const QWidget& window) {
    return Workbench::featureOf<VisualFeature>(window);
}

void VisualFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    addValuePanel();
    QAction* geometry = workbench.addMenuAction(MenuId::View, 130, QStringLiteral("geometryAction"),
                                                themedIcon(QStringLiteral("map-flat")), tr("&Geometry…"),
                                                [this] { openGeometry(); });
    geometry->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    geometry->setToolTip(tr("The table's geometry on a canvas: PostGIS and the built-in geometric types"));
    QAction* chart = workbench.addMenuAction(MenuId::View, 140, QStringLiteral("chartAction"),
                                             themedIcon(QStringLiteral("office-chart-bar")), tr("&Chart…"),
                                             [this] { openChart(); });
    chart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    chart->setToolTip(tr("A chart of the table in front (aggregated on the server) or of the query result"));
    QAction* listen = workbench.addMenuAction(MenuId::Connection, 170, QStringLiteral("notificationsAction"),
                                              themedIcon(QStringLiteral("mail-unread")), tr("&Notifications"),
                                              [this] { openNotifications(); });
    listen->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    listen->setToolTip(tr("LISTEN on channels and send NOTIFY, on a connection of its own"));
}

void VisualFeature::addValuePanel() {
    QMainWindow* window = m_workbench->window();
    auto* dock = new QDockWidget(tr("Value"), window);
    dock->setObjectName(QStringLiteral("valueDock"));
    m_valuePanel = new ValuePanel(dock);
    m_valuePanel->setMinimumWidth(window->fontMetrics().averageCharWidth() *
                                  40); // keys and values side by side
    dock->setWidget(m_valuePanel);
    window->addDockWidget(window->isRightToLeft() ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("valuePanelAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    toggle->setText(tr("&Value panel"));
    toggle->setToolTip(tr("The current cell's value: JSON, arrays, hstore and composites as a tree"));
    m_workbench->addMenuAction(MenuId::View, 120, toggle);
    // Whichever grid of the tabs has the focus is followed: a table's, a query result's.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        auto* grid = qobject_cast<QTableView*>(now);
        if (grid && grid != m_followedGrid && m_workbench->tabs()->isAncestorOf(grid))
            followGrid(grid);
    });
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock, window](bool visible) {
        if (visible && !dock->isFloating() && dock->width() < window->width() / 3)
            // A JSON document needs room: a third of the window at first; the separator widens it further.
            window->resizeDocks({dock}, {std::max(m_valuePanel->minimumWidth(), window->width() / 3)},
                                Qt::Horizontal);
        if (visible && m_followedGrid)
            m_valuePanel->showCell(m_followedGrid->currentIndex());
    });
    connect(m_valuePanel, &ValuePanel::filterRequested, this, [this](const core::Condition& condition) {
        if (auto* browser = m_workbench->currentTab<TableBrowser>())
            browser->filterBar()->addCondition(condition);
        else
            m_workbench->showMessage(tr("Filters apply to a table's tab"), 5000);
    });
}

void VisualFeature::followGrid(QTableView* grid) {
    disconnect(m_followedCell);
    m_followedGrid = grid;
    if (!grid->selectionModel())
        return;
    m_followedCell = connect(grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
                             [this](const QModelIndex& current) {
                                 if (m_valuePanel->isVisible())
                                     m_valuePanel->showCell(current);
                             });
    if (m_valuePanel->isVisible())
        m_valuePanel->showCell(grid->currentIndex());
}

ChartView* VisualFeature::openChart() {
    ChartView* view = nullptr;
    QString title;
    QTabWidget* tabs = m_workbench->tabs();
    if (auto* browser = m_workbench->currentTab<TableBrowser>(); browser && browser->table()) {
        view = new ChartView(browser->pool(), *browser->table(), browser->spec(), tabs);
        title = tr("Chart: %1").arg(browser->table()->name);
    } else if (auto* tool = m_workbench->currentTab<QueryTool>(); tool && tool->currentResultModel()) {
        // A result: the rows its grid holds, as they are (a windowed result's held rows only).
        const PageModel* model = tool->currentResultModel();
        QList<core::ChartColumn> columns;
        for (const core::PageColumn& c : model->page().columns)
            columns << core::ChartColumn{c.label.isEmpty() ? c.name : c.label, c.type};
        QList<QStringList> rows;
        for (const auto& row : model->page().rows) {
            QStringList fields;
            for (const auto& v : row)
                fields << v.value_or(QString());
            rows << fields;
        }
        view = new ChartView(columns, rows,
                             tr("the first %n row(s) of the result", nullptr, int(rows.size())), tabs);
        title = tr("Chart: %1").arg(tabs->tabText(tabs->currentIndex()));
    }
    if (!view) {
        m_workbench->showMessage(tr("Open a table or run a query first: a chart draws what is in front"),
                                 5000);
        return nullptr;
    }
    m_workbench->addTab(view, themedIcon(QStringLiteral("office-chart-bar")), title);
    return view;
}

GeometryView* VisualFeature::openGeometry(const QString& column) {
    auto* browser = m_workbench->currentTab<TableBrowser>();
    if (!browser || !browser->table() || GeometryView::drawableColumns(*browser->table()).isEmpty()) {
        m_workbench->showMessage(tr("Open a table with a geometry, geography or geometric column first"),
                                 5000);
        return nullptr;
    }
    auto* view =
        new GeometryView(browser->pool(), *browser->table(), browser->spec(), column, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("map-flat")),
                        tr("Geometry: %1").arg(browser->table()->name));
    // The selection, both ways, by row key: the grid's row of a clicked feature (when it holds it), the
    // feature of the grid's current row.
    const QPointer<TableBrowser> grid(browser);
    const auto keysOf = [grid](int row) {
        QStringList keys;
        const auto* model = grid->model();
        for (const QString& k : grid->table()->conventions.rowKey)
            for (int c = 0; c < model->columnCount(); ++c)
                if (model->headerData(c, Qt::Horizontal).toString() == k)
                    keys << model->index(row, c).data(Qt::EditRole).toString();
        return keys;
    };
    connect(view, &GeometryView::rowSelected, browser, [grid, keysOf](const QStringList& keys) {
        for (int row = 0; grid && row < grid->model()->rowCount(); ++row)
            if (keysOf(row) == keys) {
                grid->view()->setCurrentIndex(grid->model()->index(
                    row,
                    grid->view()->currentIndex().column() < 0 ? 0 : grid->view()->currentIndex().column()));
                return;
            }
    });
    connect(browser->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, view,
            [view, keysOf](const QModelIndex& current) {
                if (current.isValid())
                    view->selectRow(keysOf(current.row()));
            });
    return view;
}

ListenView* VisualFeature::openNotifications() {
    const auto pool = m_workbench->session().pool;
    if (!pool)
        return nullptr;
    QMainWindow* window = m_workbench->window();
    if (m_notifications) {
        auto* view = qobject_cast<ListenView*>(m_notifications->widget());
        if (view && view->pool() == pool) {
            m_notifications->show();
            m_notifications->raise();
            view->setFocus();
            return view;
        }
        delete m_notifications; // another session's: its connection goes with it
    }
    auto* dock = new QDockWidget(tr("Notifications"), window);
    dock->setObjectName(QStringLiteral("notificationsDock"));
    auto* view = new ListenView(pool, dock);
    dock->setWidget(view);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_notifications = dock;
    dock->show();
    // Room for about eight notifications under the channel and send rows (its size hint), not a row and
    // a half; never more than half the window.
    window->resizeDocks({dock}, {std::min(window->height() / 2, view->sizeHint().height())}, Qt::Vertical);
    view->setFocus();
    return view;
}

} // namespace pgdesk::ui
