// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/browse/valuesummary.h>

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QTableView;
class QTimer;
class QToolButton;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class PageModel;

// The status bar's summary of the grid's selected cells: count, distinct count and, when every selected
// column is numeric, sum, average, min and max, computed exactly on the values' text (core::summarizeValues,
// never double) on a worker. "Whole view" summarises the current column of the whole filtered view on the
// server instead (core::summarizeColumn), cancellable. The main window points it at the current tab's grid.
class SelectionSummary final : public QWidget {
    Q_OBJECT
public:
    explicit SelectionSummary(QWidget* parent = nullptr);

    // The view's query with its filter (buildSelectQuery), for "Whole view"; nullopt while the view has none.
    using ViewQuery = std::function<std::optional<core::BuiltQuery>()>;
    // The grid to follow (nullptr: none; the summary hides).
    void setGrid(QTableView* view, PageModel* model, std::shared_ptr<core::Pool> pool = {},
                 ViewQuery query = {});

    QString text() const;
    const core::ValueSummary& summary() const { return m_summary; }
    // The current column of the whole view, on the server; cancelWholeView() stops it.
    void summarizeWholeView();
    void cancelWholeView();
    bool isSummarizingWholeView() const;

    static QString describe(const core::ValueSummary& summary);

signals:
    // A summary arrived (of the selection, or of the whole view), or the whole view's failed or was
    // cancelled.
    void updated();

private:
    void schedule();
    void summarizeSelection();

    QPointer<QTableView> m_view;
    QPointer<PageModel> m_model;
    std::shared_ptr<core::Pool> m_pool;
    ViewQuery m_query;
    QList<QMetaObject::Connection> m_links;
    QLabel* m_label;
    QToolButton* m_whole;
    QToolButton* m_cancel;
    QTimer* m_debounce;
    JobSlot* m_selectionJob;
    JobSlot* m_wholeJob;
    core::ValueSummary m_summary;
};

} // namespace pgdesk::ui
