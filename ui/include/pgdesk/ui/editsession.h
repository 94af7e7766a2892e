// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace pgdesk::core {
class CancelToken;
class ChangeJournal;
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

// The staged edits of one table tab: a core::ChangeSet plus the lookups the grid needs. Edits are keyed by
// row key, never by row number, so they stay attached to their rows across paging, sorting and filtering.
// Every stage hands the whole change set to the journal (when there is one; it writes on its own thread), so
// a crash loses nothing staged. Conflicts from the last apply are kept by row key until resolved or
// re-applied. Tabs on the same table share one session (shared()), so that they show the same staged edits
// and never overwrite each other's journal entry. GUI thread only.
class EditSession final : public QObject {
    Q_OBJECT
public:
    enum class RowState { None, Updated, SoftDeletePending, DeletePending, RestorePending, Inserted };

    EditSession(core::TableInfo table, QString profile, std::shared_ptr<core::ChangeJournal> journal,
                QObject* parent = nullptr);

    // The session of (journal, profile, table) in this process, created when no tab holds it yet (`created`
    // says so); a new session takes what an earlier process left in the journal as its offer.
    static std::shared_ptr<EditSession> shared(const core::TableInfo& table, const QString& profile,
                                               std::shared_ptr<core::ChangeJournal> journal, bool* created);

    // Why a relation cannot be edited in the grid (no row key, not a table); empty when it can.
    static QString readOnlyReason(const core::TableInfo& table);
    // Why nothing can be edited on a hot standby (pg_is_in_recovery()).
    static QString standbyReason();

    const core::TableInfo& table() const { return m_table; }
    const core::ChangeSet& changes() const { return m_changes; }
    const QString& profile() const { return m_profile; }
    bool isEmpty() const { return m_changes.isEmpty(); }
    qsizetype size() const { return m_changes.size(); }
    // Not generated, not identity ALWAYS, a column of the table, and one the role may UPDATE (rows read
    // from the server) or INSERT (new rows): column privileges can differ from the table's.
    bool isColumnUpdatable(const QString& column) const;
    bool isColumnInsertable(const QString& column) const;
    // Why rows of the table cannot be deleted for good here (no DELETE privilege, or no readable row
    // version to guard the delete with); empty when they can.
    static QString deleteRefusal(const core::TableInfo& table);
    // "Columns hidden: secret, salary (no SELECT privilege on them)."; empty when every column is readable.
    static QString hiddenColumnsNote(const core::TableInfo& table);

    // Stages column = value for the row; a value equal to what the row was read with unstages the column
    // (unless original is only the beginning of the value: a cut value, PageModel::isCut()).
    void stageValue(const core::Key& key, const QString& version, const QString& column,
                    const std::optional<QString>& value, const std::optional<QString>& original,
                    bool originalIsWhole = true);
    // Stages column = DEFAULT for the row (the server's default expression, NULL when the column has none).
    void stageDefault(const core::Key& key, const QString& version, const QString& column,
                      const std::optional<QString>& original);
    void stageDelete(const core::Key& key, const QString& version, bool hard);
    // Undoes a pending delete of the row, or stages a restore when the row is soft-deleted on the server.
    void stageRestore(const core::Key& key, const QString& version, bool softDeletedOnServer);
    // New rows: staged inserts, addressed by their index in changes(). Columns never set get their defaults.
    qsizetype stageInsert();
    void stageInsertValue(qsizetype insertIndex, const QString& column, const std::optional<QString>& value);
    // Takes a column of a new row back to its default.
    void unsetInsertValue(qsizetype insertIndex, const QString& column);
    void cancelInsert(qsizetype insertIndex);
    // The indexes of the pending inserts, in staging order.
    QList<qsizetype> insertIndexes() const;
    // The value set for a column of a new row; nullopt when it was never set (the column's default).
    std::optional<std::optional<QString>> insertValue(qsizetype insertIndex, const QString& column) const;

    // Many cells at once (a paste): each as stageValue() stages it, but one undo step, one journal write and
    // one changed() for all, in time linear in the cells (100,000 cells stage in well under a second).
    // Cells of rows pending deletion are left alone.
    struct CellValue {
        core::Key key;
        QString version;
        QString column;
        std::optional<QString> value;
        std::optional<QString> original;
        bool originalIsWhole = true;
    };
    void stageValues(const QList<CellValue>& cells);
    // New rows with their values (columns left out get their defaults): one undo step.
    void stageInserts(const QList<core::Row>& rows);

    // Staged changes an earlier session left in the journal, until restored or discarded. Staging is
    // refused meanwhile (the tabs lock editing), as it would overwrite them in the journal.
    bool hasOffer() const { return !m_offered.isEmpty(); }
    qsizetype offerSize() const { return m_offered.size(); }
    void restoreOffer();
    void discardOffer();
    const QString& offerError() const { return m_offerError; }

    // Applies everything staged on a worker thread, in one transaction (core::ChangeSetApplier); then
    // applied() (staging cleared), applyConflicted() (conflicts() set, nothing written) or applyFailed().
    // Staged changes are never dropped unless they were written. `write`: the tab's key on a production
    // session (core writeunlock.h); without it the server refuses the writes there.
    void apply(std::shared_ptr<core::Pool> pool, core::WriteAccess write = {});
    bool isApplying() const { return m_applying; }
    // What the last apply that committed wrote, by kind: every change is exactly one row (the applier
    // checks each statement), so the counts are rows.
    struct AppliedCounts {
        qsizetype updated = 0;
        qsizetype inserted = 0;
        qsizetype deleted = 0;
        qsizetype softDeleted = 0;
        qsizetype restored = 0;
        bool operator==(const AppliedCounts&) const = default;
    };
    const AppliedCounts& lastApplied() const { return m_lastApplied; }
    // "Applied to items: 2 updated, 1 inserted, 1 soft-deleted" (kinds with no row left out).
    static QString describeApplied(const QString& table, const AppliedCounts& counts);
    // Stops an apply in flight: PQcancel reaches its statement (say, one waiting on a row lock) and the
    // transaction rolls back. The outcome still arrives as a signal, and only then is it known:
    // applyCancelled() when nothing was written, applied() when COMMIT had already gone out.
    void cancelApply();
    bool isCancellingApply() const { return m_cancelling; }
    // The server process applying (0 while it has no connection): what it waits on can be asked.
    int applyBackendPid() const;

    // Stages made between beginBatch() and endBatch() (many rows deleted at once) write the journal and
    // notify once, at the end.
    void beginBatch();
    void endBatch();

    // Takes back the last stage (a batch counts as one): the change set as it was before it, journaled.
    // Up to 100 steps; resolving conflicts, restoring an offer, discarding and applying start afresh.
    bool undo();
    bool canUndo() const { return !m_undo.isEmpty(); }

    // Replaces everything staged (a change set offered back from the journal).
    void replace(core::ChangeSet changes);
    // Drops everything staged and the journal entry (after a discard or a successful apply); refused while
    // an apply is in flight.
    void clear();

    // The staged value of a cell: nullopt when the cell is not edited; a held nullopt is a staged NULL.
    std::optional<std::optional<QString>> stagedValue(const core::Key& key, const QString& column) const;
    // Whether the cell is staged to its DEFAULT (stagedValue() is then nullopt).
    bool isStagedDefault(const core::Key& key, const QString& column) const;
    RowState rowState(const core::Key& key) const;

    void setConflicts(const QList<core::ChangeConflict>& conflicts);
    const core::ChangeConflict* conflict(const core::Key& key) const;
    QList<core::ChangeConflict> conflicts() const { return m_conflicts.values(); }
    // Keep mine: the conflicting changes are staged again against the rows' current versions (changes to
    // rows that vanished are dropped). Take theirs: the conflicting changes are dropped.
    void keepMine();
    void takeTheirs();

    // The last journal write's failure (empty when it worked): staging goes on in memory.
    const QString& journalError() const { return m_journalError; }

    static QString keyText(const core::Key& key);
    static QString describeKey(const core::Key& key);

signals:
    void changed();
    void applied();
    void applyConflicted();
    void applyFailed(const QString& message);
    // A cancelled apply rolled back: nothing was written, the staged changes are kept.
    void applyCancelled();

private:
    void staged(); // reindex, journal, notify
    void finishApply();
    static AppliedCounts countApplied(const core::ApplyResult& result, const core::ChangeSet& sent);
    void recordStep();
    void resetUndo();
    void reindex();
    void writeJournal();
    QList<qsizetype> changesOf(const core::Key& key) const;

    core::TableInfo m_table;
    QString m_profile;
    std::shared_ptr<core::ChangeJournal> m_journal;
    core::ChangeSet m_changes;
    QHash<QString, QList<qsizetype>> m_byKey; // keyText → indexes of the row's changes (not inserts)
    QHash<QString, core::ChangeConflict> m_conflicts;
    QString m_journalError;
    core::ChangeSet m_offered;
    QString m_offerError;
    bool m_applying = false;
    bool m_cancelling = false;
    AppliedCounts m_lastApplied;
    std::shared_ptr<core::CancelToken> m_applyCancel;
    int m_batch = 0;
    bool m_batchDirty = false;
    static constexpr qsizetype kUndoSteps = 100;
    QList<core::ChangeSet> m_undo; // the change set before each step, oldest first
    core::ChangeSet m_lastStep;    // the change set after the last step
};

} // namespace pgdesk::ui
