// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/grid/rowedits.h>

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapply.h>
#include <pgdesk/core/editing/stagedchanges.h>

#include <QObject>

#include <memory>
#include <optional>

namespace pgdesk::core {
class CancelToken;
class ChangeJournal;
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class JobSlot;

// The staged edits of one table tab: a core::StagedChanges (the staging, undo and conflict rules) with its
// journal, the offer of what an earlier process left, and the apply. The grid sees it as RowEdits.
// Every stage hands the whole change set to the journal (when there is one; it writes on its own thread), so
// a crash loses nothing staged. Conflicts from the last apply are kept by row key until resolved or
// re-applied. Tabs on the same table share one session (shared()), so that they show the same staged edits
// and never overwrite each other's journal entry. GUI thread only.
class EditSession final : public RowEdits {
    Q_OBJECT
public:
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

    const core::TableInfo& table() const override { return m_table; }
    const core::StagedChanges& staged() const override { return m_staged; }
    const core::ChangeSet& changes() const { return m_staged.changes(); }
    const QString& profile() const { return m_profile; }
    bool isEmpty() const { return m_staged.isEmpty(); }
    qsizetype size() const { return m_staged.size(); }
    // Why rows of the table cannot be deleted for good here (no DELETE privilege, or no readable row
    // version to guard the delete with); empty when they can.
    static QString deleteRefusal(const core::TableInfo& table);
    // "Columns hidden: secret, salary (no SELECT privilege on them)."; empty when every column is readable.
    static QString hiddenColumnsNote(const core::TableInfo& table);

    // The stages, as core::StagedChanges stages them; each journaled and notified (changed()).
    void stageValue(const core::Key& key, const QString& version, const QString& column,
                    const std::optional<QString>& value, const std::optional<QString>& original,
                    bool originalIsWhole = true) override;
    void stageDefault(const core::Key& key, const QString& version, const QString& column,
                      const std::optional<QString>& original) override;
    void stageDelete(const core::Key& key, const QString& version, bool hard);
    // Undoes a pending delete of the row, or stages a restore when the row is soft-deleted on the server.
    void stageRestore(const core::Key& key, const QString& version, bool softDeletedOnServer);
    // New rows: staged inserts, addressed by their index in changes(). Columns never set get their defaults.
    qsizetype stageInsert();
    void stageInsertValue(qsizetype insertIndex, const QString& column,
                          const std::optional<QString>& value) override;
    void unsetInsertValue(qsizetype insertIndex, const QString& column) override;
    void cancelInsert(qsizetype insertIndex);

    // Many cells at once (a paste): one undo step, one journal write and one changed() for all, in time
    // linear in the cells (100,000 cells stage in well under a second).
    using CellValue = core::StagedChanges::CellValue;
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
    using AppliedCounts = core::AppliedCounts;
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
    bool canUndo() const { return m_staged.canUndo(); }

    // Replaces everything staged (a change set offered back from the journal).
    void replace(core::ChangeSet changes);
    // Drops everything staged and the journal entry (after a discard or a successful apply); refused while
    // an apply is in flight.
    void clear();

    void setConflicts(const QList<core::ChangeConflict>& conflicts);
    QList<core::ChangeConflict> conflicts() const { return m_staged.conflicts(); }
    // Keep mine: the conflicting changes are staged again against the rows' current versions (changes to
    // rows that vanished are dropped). Take theirs: the conflicting changes are dropped.
    void keepMine();
    void takeTheirs();

    // The last journal write's failure (empty when it worked): staging goes on in memory.
    const QString& journalError() const { return m_journalError; }

    static QString keyText(const core::Key& key) { return core::StagedChanges::keyText(key); }
    static QString describeKey(const core::Key& key);

signals:
    void applied();
    void applyConflicted();
    void applyFailed(const QString& message);
    // A cancelled apply rolled back: nothing was written, the staged changes are kept.
    void applyCancelled();

private:
    void afterStage(bool stepTaken); // journal and notify when a step was taken
    void finishApply();
    void writeJournal();

    core::TableInfo m_table;
    QString m_profile;
    std::shared_ptr<core::ChangeJournal> m_journal;
    core::StagedChanges m_staged;
    QString m_journalError;
    core::ChangeSet m_offered;
    QString m_offerError;
    bool m_applying = false;
    bool m_cancelling = false;
    AppliedCounts m_lastApplied;
    JobSlot* m_applyJob; // the apply: one at a time, its cancel on the cancel path
};

} // namespace pgdesk::ui
