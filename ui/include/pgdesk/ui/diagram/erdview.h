// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/diagram/erdgraph.h>
#include <pgdesk/core/diagram/erdlayout.h>

#include <QPointF>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <utility>

class QAction;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pgdesk::core {
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class JobSlot;
class ErdCanvas;

// What an ER diagram shows: a table's neighbourhood to a depth, chosen tables, or whole schemas.
struct ErdScope {
    QStringList schemas;                       // a schema diagram when set
    QList<std::pair<QString, QString>> tables; // chosen tables; one with `depth`: its neighbourhood
    int depth = 1;
};

// An ER diagram in a tab (a table's "ER diagram", a schema's "ER diagram of the schema"): tables with their
// columns, key and nullability marks, crow's-foot ends. The graph is read and laid out on a worker
// (core::readErd…, core::layoutErd) once; panning (drag) and zooming (wheel, keys) only paint, and only what
// is visible, with less detail further out (names, then plain boxes). Find focuses a table by name; Grow
// adds the neighbours of the selected table; Names only collapses the boxes; Export writes SVG, PNG,
// Mermaid or DOT. A table's context menu (or a double click) opens it, its structure or its designer.
class ErdView final : public QWidget {
    Q_OBJECT
public:
    ErdView(std::shared_ptr<core::Pool> pool, ErdScope scope, QWidget* parent = nullptr);
    ~ErdView() override;

    const core::ErdGraph& graph() const { return m_graph; }
    const core::ErdLayout& layout() const { return m_layout; }
    bool isLoading() const;
    QString statusText() const;

    // The table whose name (qualified or bare, any case) matches, scrolled to the middle and selected;
    // false when none does.
    bool focusTable(const QString& name);
    int selectedTable() const { return m_selected; }
    void selectTable(int table);
    // Adds the tables within `depth` steps of the selected one (read again, laid out again).
    void growSelected(int depth = 1);
    // Adds a table by name ("schema.table", or a name in the selected table's schema) with the keys between
    // it and the diagram's tables; Find does this for a name the diagram does not hold. Focused once read.
    void addTable(const QString& name);
    void setCollapsed(bool collapsed);
    bool isCollapsed() const { return m_collapsed; }
    void fit();
    // SVG, PNG, Mermaid (.mmd/.mermaid) or DOT (.dot/.gv) by the extension; false with `error` set.
    bool exportTo(const QString& path, QString* error = nullptr);

    ErdCanvas* canvas() const { return m_canvas; }

signals:
    void diagramReady(); // a graph read and laid out (after loading, growing, collapsing)
    void openTableRequested(const QString& schema, const QString& name);
    void structureRequested(const QString& schema, const QString& name);
    void designRequested(const QString& schema, const QString& name);

private:
    void load(std::function<core::ErdGraph(core::Connection&)> read);
    void relayout();
    void showContextMenu(int table, QPoint global);
    void exportAs();

    std::shared_ptr<core::Pool> m_pool;
    ErdScope m_scope;
    core::ErdGraph m_graph;
    core::ErdLayout m_layout;
    bool m_collapsed = false;
    int m_selected = -1;
    QString m_focusWhenReady; // a table added by name, focused once the diagram holds it
    JobSlot* m_job = nullptr;
    ErdCanvas* m_canvas = nullptr;
    QLineEdit* m_find = nullptr;
    QSpinBox* m_depth = nullptr;
    QAction* m_collapse = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace pgdesk::ui
