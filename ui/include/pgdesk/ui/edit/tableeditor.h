// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QDialog;
class QLabel;
class QMenu;
class QModelIndex;
class QProgressDialog;
class QPushButton;
class QTableView;
class QTimer;

namespace pgdesk::core {
class ChangeJournal;
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class ApplyPreviewDialog;
class EditSession;
class FormView;
class GridPaste;
class LockWaitWatcher;
class ValueEditorDialog;
class PageModel;
class WholeValueLoader;
class WriteUnlockButton;

// The editing half of a table tab: the bars above the grid (read-only reason, the offer of a previous
// session's staged changes, apply conflicts, staged count with Apply / Discard) and the edit actions
// (Apply Ctrl+S with an SQL preview, Undo Ctrl+Z, Discard, Delete / Restore rows, Set NULL). Staged changes
// live in an EditSession (shared by the tabs on the same table) shown through the tab's PageModel; applying
// runs on a worker thread in one transaction (core::ChangeSetApplier), and nothing staged is dropped unless
// it applied or the user dropped it.
class TableEditor final : public QWidget {
    Q_OBJECT
public:
    TableEditor(std::shared_ptr<core::Pool> pool, PageModel* model, QTableView* view, QWidget* parent);

    // The journal to stage into; set before the table is loaded. Default: one shared journal at
    // core::ChangeJournal::defaultPath().
    void setJournal(std::shared_ptr<core::ChangeJournal> journal);
    // Called once the tab knows its table: decides whether it can be edited and offers back staged
    // changes that an earlier session left in the journal. On a hot standby (`standby`) nothing is editable.
    void setTable(const core::TableInfo& table, bool standby = false);

    EditSession* session() const { return m_session; }
    bool isEditable() const { return m_session != nullptr; }
    QString readOnlyReason() const;
    bool isApplying() const;
    bool hasOffer() const;

    // The SQL an apply would run (values as literals), or the reason it cannot run.
    QString previewSql() const;
    // What the staged bar says: the staged count, the apply in flight, for a few seconds after an apply
    // what it wrote ("Applied to items: 2 updated, 1 inserted"), else that nothing is staged. The bar is
    // always there on an editable table, so that the grid below it never moves.
    QString stagedText() const;
    // Ctrl+S: the preview dialog (object name "applyPreview"); its Apply button calls applyStaged(). Without
    // the "confirm before apply" preference it applies at once.
    void apply();
    // Ctrl+Z: takes back the last staged change (EditSession::undo()); false when there is none.
    bool undo();
    // Applies without asking (on a worker thread).
    void applyStaged();
    // Asks first (object name "discardConfirm") when something is staged.
    void discard();
    // Del: new rows are dropped at once; for the others, soft delete when the table has the convention, else
    // a hard delete after a confirmation (object name "deleteConfirm"). `hard` asks for the hard delete in
    // any case.
    void deleteRows(const QList<int>& rows, bool hard = false);
    void restoreRows(const QList<int>& rows);
    // Stages a new row (shown after the page's rows, columns at their defaults) and starts editing it.
    void addRow();
    void setNull(const QModelIndex& cell);
    // Conflict resolution from the last apply (also the buttons of the conflict bar).
    void keepMine();
    void takeTheirs();
    // Restore / Discard of the previous session's changes (also the buttons of the offer bar).
    void restoreOffered();
    void discardOffered();

    // Before the tab closes: with staged changes no other tab shares, asks (object name "closeConfirm")
    // whether to keep them (journaled, offered back on the next open), discard them or cancel the close.
    // During an apply it first offers to cancel it; it then returns false at once (no nested event loop) and
    // waits for the rollback behind a window-modal "applyCancelWait": once the outcome is known (and the
    // close may go on) `resume` is called from the event loop, to close again; the question about staged
    // changes is asked only then, when it is known that they were not applied.
    bool confirmClose(std::function<void()> resume = {});
    // Only the apply part of confirmClose() (the window closing keeps staged changes in the journal).
    bool settleApplyBeforeClose(std::function<void()> resume = {});
    // Whether a close waits for the outcome of the cancelled apply.
    bool isWaitingToClose() const { return !m_closeWait.isNull(); }
    // Stops the apply in flight (EditSession::cancelApply); the outcome arrives as a signal.
    void cancelApply();
    // A keyless table: asks (unless !confirm) and then requests editing by physical position (the tab
    // reloads with core::tableWithCtidKey() and calls setTable() again).
    void optInCtid(bool confirm = true);

    // Loads values a page brought cut whole before they are edited or saved (not owned; may be null).
    void setWholeValueLoader(WholeValueLoader* loader);

    // Paste (Ctrl+V: into the selected cells) and Paste as new rows (Ctrl+Shift+V) of TSV / CSV / plain
    // text, and Duplicate rows (Ctrl+D), each staged as one undo step after every value passed its column's
    // type (GridPaste). The outcome arrives as pasteStaged() or pasteRefused() (also shown in the tab).
    void pasteText(const QString& text, bool asNewRows = false, bool emptyIsNull = false);
    void duplicateRows(const QList<int>& rows);
    // Ctrl+Shift+R: the current row as a form (FormView), editing through the same staged session.
    FormView* openFormView();
    // The tab's "Unlock writing" (production sessions): applies carry its key and ask for the database's
    // name.
    // The tab's production guard: while it is locked no editor opens, nothing is staged and a bar says why
    // with Unlock writing (the button's twin).
    void setWriteUnlock(WriteUnlockButton* button);
    // A production tab whose writing is locked: true, and the guard bar asks for the unlock (for callers
    // about to write: batch operations, import).
    bool refuseWhileLocked();
    bool isWritingLocked() const;

    // The dialog editor for json/jsonb and array cells (double-click or F2 opens it too); OK stages the text.
    // For a cut value: nullptr, and the dialog opens once the whole value has loaded.
    ValueEditorDialog* editValue(const QModelIndex& cell);
    // The foreign-key picker for a cell of a foreign-key column (tableeditorfk.cpp; nullptr for other
    // cells): the parent's rows, searchable, paged on a worker; choosing one stages every column of the
    // key in the row as one undo step (stageForeignKey()). `search` seeds its search field.
    QDialog* pickForeignKey(const QModelIndex& cell, const QString& search = {});
    bool stageForeignKey(const QModelIndex& cell, const core::ForeignKey& foreignKey, const QStringList& key);

    // bytea cells: stage a file's bytes as the value, or write the value's bytes to a file (a cut value is
    // loaded whole first: true then means the save has started). False (with the reason shown in the tab)
    // when the file cannot be read or written.
    bool loadFromFile(const QModelIndex& cell, const QString& path);
    bool saveToFile(const QModelIndex& cell, const QString& path);

    // Adds the edit entries for a right-clicked cell to the tab's context menu.
    void addMenuActions(QMenu* menu, const QModelIndex& cell);
    // The selected rows (or the current one), in order.
    QList<int> selectedRows() const;

signals:
    void reloadRequested();
    void ctidOptInRequested();
    void applied();
    void applyConflicted();
    void applyFailed(const QString& message);
    // A cancelled apply rolled back: nothing was written.
    void applyCancelled();
    void pasteStaged(qsizetype cells);
    void pasteRefused(const QString& message);
    // The apply preview's check of the staged foreign-key values (on a worker) has answered: the values
    // without a parent row, as its warning ("applyPreviewWarning") names them.
    void foreignKeysChecked(const QStringList& missing);

private:
    // Closing while an apply is in flight: asks ("closeWhileApplying"), cancels it and waits for the outcome
    // without blocking ("applyCancelWait"). False unless the apply already ended; `resume` once the tab
    // may go on closing (nothing or everything written, and the user told which).
    bool cancelApplyBeforeClose(std::function<void()> resume);
    enum class CloseOutcome { Written, NotWritten, Failed, StoppedWaiting };
    void endCloseWait(CloseOutcome outcome, const QString& failure = {});
    void updateState();
    void showError(const QString& text);
    // "Applied to …" in the staged bar and the window's status bar, for a few seconds.
    void showApplied(const QString& text);
    void checkForeignKeys(ApplyPreviewDialog* dialog);

    std::shared_ptr<core::Pool> m_pool;
    WriteUnlockButton* m_unlock = nullptr;
    std::shared_ptr<core::ChangeJournal> m_journal;
    PageModel* m_model;
    QTableView* m_view;
    WholeValueLoader* m_whole = nullptr;
    GridPaste* m_paste = nullptr;
    std::shared_ptr<EditSession> m_shared; // with the other tabs on this table
    EditSession* m_session = nullptr;
    QString m_readOnlyReason;
    QLabel* m_hiddenColumns = nullptr; // columns the role may not read, named
    QLabel* m_readOnly = nullptr;
    QWidget* m_readOnlyBar = nullptr;
    QWidget* m_guardBar = nullptr;
    QLabel* m_guardText = nullptr;
    QPushButton* m_ctidOptIn = nullptr;
    QWidget* m_offerBar = nullptr;
    QLabel* m_offerText = nullptr;
    QWidget* m_conflictBar = nullptr;
    QLabel* m_conflictText = nullptr;
    QWidget* m_stagedBar = nullptr;
    QLabel* m_stagedText = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_cancelApply = nullptr;
    LockWaitWatcher* m_lockWait = nullptr;
    QAction* m_deleteAction = nullptr; // the Delete key: named for what it does on this table
    QString m_appliedNote;             // what the last apply wrote, shown until staging starts again
    QTimer* m_appliedNoteTimer = nullptr;
    QPointer<QProgressDialog> m_closeWait; // a close waiting for the cancelled apply's outcome
    std::function<void()> m_closeResume;   // what goes on closing then
};

} // namespace pgdesk::ui
