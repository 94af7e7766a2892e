// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/ui/grid/copyas.h>

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QTableView;
class QToolButton;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

class PageModel;
class QuerySession;
class TableEditor;
class WriteUnlockButton;
struct ResultEditability;

// One statement's rows in the query tool: a read-only grid holding one page (PageModel: NULL drawn
// distinctly, numbers right-aligned). A plain query is paged on the server through the tool's session
// (first / previous / next, fetched in a JobSlot: a newer page supersedes); other statements show the rows
// that were kept ("first 1,000 of 1,500 rows").
//
// A plain query's rows whose columns all come from one table, its row key among them, are edited in place
// like a table tab's (a TableEditor: staged change set, preview, conflicts by row version, Apply), the
// columns mapped by attnum (resulteditability.h); after an apply the page runs again. Other results say
// why they are read-only.
class QueryResultGrid final : public QWidget {
    Q_OBJECT
public:
    QueryResultGrid(std::shared_ptr<QuerySession> session, const core::StatementResult& result,
                    QWidget* parent = nullptr);

    PageModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString rangeText() const;
    bool isLoading() const;
    int statementIndex() const { return m_statementIndex; }
    // The statement as it ran, and what an export of it needs: the spec of a plain query (sql set), the
    // pool of the tool's session.
    const QString& sql() const { return m_sql; }
    core::QuerySpec exportSpec() const;
    std::shared_ptr<core::Pool> pool() const;
    QToolButton* exportButton() const { return m_export; }
    // A plain query's result, paged on the server (else the rows kept are all there is).
    bool isPaged() const { return m_paged; }
    // The result's columns that are the row key of the table its rows come from, as the query names them;
    // empty when they do not all come from one table with its key among them (or that is not known yet).
    QStringList keyColumns() const;
    // The selection (rows × selected columns) in a format, as Copy as puts it on the clipboard.
    QString selectionAs(CopyAsFormat format) const;

    void firstPage();
    void previousPage();
    void nextPage();
    // The current page again (after an apply: the grid shows what the server has).
    void reload();

    // Known once a worker has read the catalog (editabilityKnown()); the editor exists only then, and only
    // for an editable result.
    bool isEditabilityKnown() const;
    bool isEditable() const;
    QString readOnlyReason() const;
    TableEditor* editor() const { return m_editor; }
    // Before the grid goes (the tool closes or runs again): TableEditor::confirmClose() when it edits.
    bool confirmClose(std::function<void()> resume = {});
    // The tool's "Unlock writing" (production sessions): an edited result applies with its key.
    void setWriteUnlock(WriteUnlockButton* button) { m_unlock = button; }

signals:
    void editabilityKnown();
    // Export…: the window opens the export dialog (the transfer layer comes after this one).
    void exportRequested();
    // Pin: the window keeps this result in a tab of its own.
    void pinRequested();
    void pageLoaded();
    void loadFailed(const QString& message);

private:
    void load(qint64 pageNumber);
    void updateControls();
    void describeEditability(const core::Page& first);
    void becomeEditable(std::optional<core::Page> first);
    void setReadOnly(const QString& reason);
    bool eventFilter(QObject* watched, QEvent* event) override;

    std::shared_ptr<core::Pool> m_pool; // the session's: an export runs on a connection of its own from it
    // Weak: the tool owns the session and closes it on a worker; a grid must never be the last owner
    // (that would close the connection on the GUI thread).
    std::weak_ptr<QuerySession> m_session;
    core::QuerySpec m_spec;
    core::TableInfo m_table;
    QString m_sql;
    bool m_paged = false;
    bool m_truncated = false;
    qint64 m_rowCount = 0;
    int m_statementIndex = 0;
    qint64 m_pageNumber = 1;
    bool m_atEnd = false;      // a next page came back empty
    JobSlot* m_load = nullptr; // the page being fetched; a newer page replaces it
    JobSlot* m_describe = nullptr;
    std::shared_ptr<const ResultEditability> m_editability; // null until known
    TableEditor* m_editor = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QLabel* m_readOnly = nullptr;
    PageModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_range = nullptr;
    QToolButton* m_first = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QToolButton* m_export = nullptr;
};

} // namespace pgdesk::ui
