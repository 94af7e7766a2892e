// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>

#include <QHash>
#include <QList>

#include <optional>

namespace pgdesk::core {

// What a grid shows for a row with staged changes.
enum class StagedRowState { None, Updated, SoftDeletePending, DeletePending, RestorePending, Inserted };

// The staging rules of an editing grid over one table's ChangeSet, pure (no server, no journal, no Qt GUI):
// edits are keyed by row key, never by row number, so they stay attached to their rows across paging,
// sorting and filtering; a value set back to what the row was read with is no edit; a stage (or a batch of
// them) is one undo step, up to kUndoSteps; conflicts from an apply are kept by row key until resolved.
// Every stage function returns whether it took an undo step (false for no edit, and inside a batch, whose
// step endBatch() takes): the caller then journals and shows the change.
class StagedChanges final {
public:
    static constexpr qsizetype kUndoSteps = 100;

    explicit StagedChanges(const TableInfo& table);

    const ChangeSet& changes() const { return m_changes; }
    bool isEmpty() const { return m_changes.isEmpty(); }
    qsizetype size() const { return m_changes.size(); }

    // Stages column = value for the row; a value equal to what the row was read with unstages the column
    // (unless original is only the beginning of the value: a cut value), and the row when it was its last.
    bool stageValue(const Key& key, const QString& version, const QString& column,
                    const std::optional<QString>& value, const std::optional<QString>& original,
                    bool originalIsWhole = true);
    // Many cells at once (a paste), each as stageValue() stages it, in time linear in the cells. Cells of
    // rows pending deletion are left alone.
    struct CellValue {
        Key key;
        QString version;
        QString column;
        std::optional<QString> value;
        std::optional<QString> original;
        bool originalIsWhole = true;
    };
    bool stageValues(const QList<CellValue>& cells);
    // Column = DEFAULT for the row (the server's default expression, NULL when the column has none).
    bool stageDefault(const Key& key, const QString& version, const QString& column,
                      const std::optional<QString>& original);
    bool stageDelete(const Key& key, const QString& version, bool hard);
    // Undoes a pending delete of the row, or stages a restore when the row is soft-deleted on the server.
    bool stageRestore(const Key& key, const QString& version, bool softDeletedOnServer);
    // New rows: staged inserts, addressed by their index in changes(). Columns never set get their defaults.
    qsizetype stageInsert();
    bool stageInserts(const QList<Row>& rows);
    bool stageInsertValue(qsizetype insertIndex, const QString& column, const std::optional<QString>& value);
    bool unsetInsertValue(qsizetype insertIndex, const QString& column); // back to the column's default
    bool cancelInsert(qsizetype insertIndex);

    QList<qsizetype> insertIndexes() const; // in staging order
    // The value set for a column of a new row; nullopt when it was never set (the column's default).
    std::optional<std::optional<QString>> insertValue(qsizetype insertIndex, const QString& column) const;
    // The staged value of a cell: nullopt when the cell is not edited; a held nullopt is a staged NULL.
    std::optional<std::optional<QString>> stagedValue(const Key& key, const QString& column) const;
    // Whether the cell is staged to its DEFAULT (stagedValue() is then nullopt).
    bool isStagedDefault(const Key& key, const QString& column) const;
    StagedRowState rowState(const Key& key) const;

    // Stages between beginBatch() and endBatch() are one undo step (nested batches count once).
    void beginBatch();
    bool inBatch() const { return m_batch > 0; }
    // Whether the batch staged anything.
    bool endBatch();
    // Takes back the last step: the change set as it was before it. Resolving conflicts and replace() or
    // clear() start afresh (undoing past them would bring back old row versions).
    bool undo();
    bool canUndo() const { return !m_undo.isEmpty(); }

    // Replaces everything staged (a change set offered back from a journal); conflicts and undo go.
    bool replace(ChangeSet changes);
    void clear();

    void setConflicts(const QList<ChangeConflict>& conflicts);
    const ChangeConflict* conflict(const Key& key) const;
    QList<ChangeConflict> conflicts() const { return m_conflicts.values(); }
    // Keep mine: the conflicting changes are staged again against the rows' current versions (changes to
    // rows that vanished are dropped). Take theirs: the conflicting changes are dropped.
    bool keepMine();
    bool takeTheirs();

    // The key as one text, the same whatever the order of its columns.
    static QString keyText(const Key& key);

private:
    bool staged(); // reindex and record the step: whether anything changed
    void recordStep();
    void resetUndo();
    void reindex();
    QList<qsizetype> changesOf(const Key& key) const;

    ChangeSet m_changes;
    QHash<QString, QList<qsizetype>> m_byKey; // keyText → indexes of the row's changes (not inserts)
    QHash<QString, ChangeConflict> m_conflicts;
    int m_batch = 0;
    bool m_batchChanged = false;
    QList<ChangeSet> m_undo; // the change set before each step, oldest first
    ChangeSet m_lastStep;    // the change set after the last step
};

} // namespace pgdesk::core
