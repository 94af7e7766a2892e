// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <tuple>

class QAction;
class QMenu;
class QTableView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class PageModel;
class WholeValueLoader;

// Paste and duplicate in the table grid, built on the staged edits (EditSession) so that they are as safe as
// a typed edit: every value becomes a staged change (the whole paste one undo step), the preview shows its
// SQL, and nothing reaches the table before Apply.
//  - paste(): TSV / CSV / plain text into the selected cells: a block from the current cell, or one value
//  into
//    every selected cell. pasteAsNewRows(): staged inserts, columns matched by a header line when the first
//    line names columns (as the CSV import does), else by position from the current column.
//    Reading the text and checking the values run on a worker: each column's values are cast by the server
//    (core::findInvalidValue: one statement per column, exactly PostgreSQL's parser), and only when all pass
//    is anything staged; a refused value is named by its row of the pasted text and its column. An empty
//    field is '' unless `emptyIsNull`.
//  - duplicateRows(): staged inserts pre-filled from rows, leaving out the row key, identity, serial-default,
//    generated and timestamp / soft-delete convention columns, so that a clone can never update the
//    original.
class GridPaste final : public QObject {
    Q_OBJECT
public:
    GridPaste(std::shared_ptr<core::Pool> pool, PageModel* model, QTableView* view, QObject* parent);
    void setWholeValueLoader(WholeValueLoader* loader) { m_whole = loader; }

    // The grid's Ctrl+V (paste), Ctrl+Shift+V (as new rows) and Ctrl+D (duplicate the selected rows), and
    // the "empty is NULL" choice they follow; the context menu shows them.
    void addActions(std::function<QList<int>()> selectedRows);
    // Asked before every paste or duplicate: true refuses it (a locked production tab, which says why).
    void setWritingRefused(std::function<bool()> refused) { m_writingRefused = std::move(refused); }
    void addMenuActions(QMenu* menu, bool locked, const QList<int>& rows);
    bool emptyIsNull() const;

    void paste(const QString& text, bool emptyIsNull);
    void pasteAsNewRows(const QString& text, bool emptyIsNull);
    void duplicateRows(const QList<int>& rows);
    bool isBusy() const; // a paste is being read or checked

signals:
    void staged(qsizetype cells);
    void refused(const QString& message);

private:
    bool canStart();
    void refuse(const QString& message);
    // The first and last grid row a paste's cells (grid row, column, field, pasted row) fall on.
    static QList<int> pastedRows(const QList<std::tuple<int, int, QString, int>>& targets);
    // Scrolls rows `first`..`last` into view once the grid has laid them out; `select` selects them.
    void showRows(int first, int last, int column, bool select);

    std::shared_ptr<core::Pool> m_pool;
    PageModel* m_model;
    QTableView* m_view;
    WholeValueLoader* m_whole = nullptr;
    JobSlot* m_work = nullptr; // the paste being read, then checked: one at a time
    std::function<bool()> m_writingRefused;
    QAction* m_pasteAction = nullptr;
    QAction* m_pasteRowsAction = nullptr;
    QAction* m_duplicateAction = nullptr;
    QAction* m_emptyIsNull = nullptr;
};

} // namespace pgdesk::ui
