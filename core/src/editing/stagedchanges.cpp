// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/stagedchanges.h>

#include <algorithm>
#include <functional>
#include <utility>

namespace pgdesk::core {

namespace {

qsizetype indexOfColumn(const Row& row, const QString& column) {
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (row.at(i).first == column)
            return i;
    }
    return -1;
}

} // namespace

StagedChanges::StagedChanges(const TableInfo& table)
    : m_changes(table) {
    m_changes.useCtid = isCtidKeyed(table); // keys are {"ctid": …}, each row guarded by its version
    m_lastStep = m_changes;
}

// Inside a batch the step is recorded at its end.
bool StagedChanges::staged() {
    reindex();
    if (m_batch > 0) {
        m_batchChanged = true;
        return false;
    }
    recordStep();
    return true;
}

void StagedChanges::beginBatch() {
    ++m_batch;
}

bool StagedChanges::endBatch() {
    if (m_batch == 0 || --m_batch > 0 || !m_batchChanged)
        return false;
    m_batchChanged = false;
    recordStep();
    return true;
}

bool StagedChanges::undo() {
    if (m_undo.isEmpty())
        return false;
    m_changes = m_undo.takeLast();
    m_lastStep = m_changes;
    reindex();
    return true;
}

bool StagedChanges::replace(ChangeSet changes) {
    m_changes = std::move(changes);
    m_conflicts.clear();
    resetUndo();
    return staged();
}

void StagedChanges::clear() {
    m_changes.changes.clear();
    m_conflicts.clear();
    resetUndo();
    reindex();
}

void StagedChanges::setConflicts(const QList<ChangeConflict>& conflicts) {
    m_conflicts.clear();
    for (const ChangeConflict& c : conflicts)
        m_conflicts.insert(keyText(c.key), c);
}

// Sorted by column so that the same key read in another column order is the same text.
QString StagedChanges::keyText(const Key& key) {
    Key sorted = key;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QString text;
    for (const auto& [column, value] : sorted) {
        text +=
            column + QChar(0x1f) + (value ? QStringLiteral("v") + *value : QStringLiteral("n")) + QChar(0x1e);
    }
    return text;
}

QList<qsizetype> StagedChanges::changesOf(const Key& key) const {
    return m_byKey.value(keyText(key));
}

void StagedChanges::reindex() {
    m_byKey.clear();
    for (qsizetype i = 0; i < m_changes.changes.size(); ++i) {
        const Change& change = m_changes.changes.at(i);
        if (change.op != ChangeOp::Insert)
            m_byKey[keyText(change.key)].append(i);
    }
}

// A user's stage (or a batch of them) is one undo step: the change set as it was before it is kept.
void StagedChanges::recordStep() {
    if (m_changes == m_lastStep)
        return;
    m_undo.append(std::exchange(m_lastStep, m_changes));
    if (m_undo.size() > kUndoSteps)
        m_undo.removeFirst();
}

// Resolving conflicts, restoring an offer or clearing starts afresh: undoing past them would bring back
// rows' old versions or a journal entry that is gone.
void StagedChanges::resetUndo() {
    m_undo.clear();
    m_lastStep = m_changes;
}

bool StagedChanges::stageValue(const Key& key, const QString& version, const QString& column,
                               const std::optional<QString>& value, const std::optional<QString>& original,
                               bool originalIsWhole) {
    qsizetype pending = -1;
    for (qsizetype i : changesOf(key)) {
        if (m_changes.changes.at(i).op == ChangeOp::Update)
            pending = i;
    }
    if (pending >= 0) {
        Change& change = m_changes.changes[pending];
        const qsizetype o = indexOfColumn(change.original, column);
        const std::optional<QString> first = o >= 0 ? change.original.at(o).second : original;
        if (originalIsWhole && value == first) {
            // Back to what was read: the column is no longer an edit (and the row none when it was the last).
            const qsizetype v = indexOfColumn(change.values, column);
            if (v >= 0)
                change.values.removeAt(v);
            change.defaults.removeAll(column);
            if (o >= 0)
                change.original.removeAt(o);
            if (change.values.isEmpty() && change.defaults.isEmpty())
                m_changes.changes.removeAt(pending);
            return staged();
        }
    } else if (value == original && originalIsWhole) {
        return false; // not an edit (unknown when the original is a cut prefix: then always one)
    }
    m_changes.stageUpdate(key, version, {{column, value}}, {{column, original}});
    return staged();
}

bool StagedChanges::stageValues(const QList<CellValue>& cells) {
    if (cells.isEmpty())
        return false;
    // stageValue() for each cell, with the row index kept up to date here instead of rebuilt per cell, and
    // changes emptied by a value set back to the original dropped once at the end (indexes stay valid).
    bool emptied = false;
    for (const CellValue& cell : cells) {
        QList<qsizetype>& indexes = m_byKey[keyText(cell.key)];
        qsizetype pending = -1;
        for (qsizetype i : std::as_const(indexes)) {
            if (m_changes.changes.at(i).op == ChangeOp::Update)
                pending = i;
        }
        const qsizetype last = indexes.isEmpty() ? -1 : indexes.last();
        if (last >= 0 && m_changes.changes.at(last).op == ChangeOp::Delete)
            continue;
        if (pending >= 0) {
            Change& change = m_changes.changes[pending];
            const qsizetype o = indexOfColumn(change.original, cell.column);
            const std::optional<QString> first = o >= 0 ? change.original.at(o).second : cell.original;
            if (cell.originalIsWhole && cell.value == first) {
                const qsizetype v = indexOfColumn(change.values, cell.column);
                if (v >= 0)
                    change.values.removeAt(v);
                change.defaults.removeAll(cell.column);
                if (o >= 0)
                    change.original.removeAt(o);
                emptied = emptied || (change.values.isEmpty() && change.defaults.isEmpty());
                continue;
            }
        } else if (cell.value == cell.original && cell.originalIsWhole) {
            continue;
        }
        if (last >= 0 && m_changes.changes.at(last).op == ChangeOp::Update) {
            Change& change = m_changes.changes[last];
            if (const qsizetype v = indexOfColumn(change.values, cell.column); v >= 0)
                change.values[v].second = cell.value;
            else
                change.values.append({cell.column, cell.value});
            change.defaults.removeAll(cell.column);
            if (indexOfColumn(change.original, cell.column) < 0)
                change.original.append({cell.column, cell.original});
            continue;
        }
        // After a pending soft delete or restore (or none): a change of its own, as ChangeSet::stageUpdate.
        m_changes.changes.append(Change{ChangeOp::Update,
                                        cell.key,
                                        cell.version,
                                        {{cell.column, cell.value}},
                                        {{cell.column, cell.original}},
                                        {}});
        indexes.append(m_changes.changes.size() - 1);
    }
    if (emptied)
        m_changes.changes.removeIf([](const Change& c) {
            return c.op == ChangeOp::Update && c.values.isEmpty() && c.defaults.isEmpty();
        });
    return staged();
}

bool StagedChanges::stageInserts(const QList<Row>& rows) {
    if (rows.isEmpty())
        return false;
    m_changes.changes.reserve(m_changes.changes.size() + rows.size());
    for (const Row& row : rows)
        m_changes.changes.append(Change{ChangeOp::Insert, {}, {}, row, {}, {}});
    return staged();
}

bool StagedChanges::stageDefault(const Key& key, const QString& version, const QString& column,
                                 const std::optional<QString>& original) {
    m_changes.stageUpdate(key, version, {}, {{column, original}}, {column});
    return staged();
}

bool StagedChanges::stageDelete(const Key& key, const QString& version, bool hard) {
    if (hard)
        m_changes.stageDelete(key, version);
    else
        m_changes.stageSoftDelete(key, version);
    return staged();
}

bool StagedChanges::stageRestore(const Key& key, const QString& version, bool softDeletedOnServer) {
    const QList<qsizetype> indexes = changesOf(key);
    bool undone = false;
    for (auto it = indexes.rbegin(); it != indexes.rend(); ++it) {
        const ChangeOp op = m_changes.changes.at(*it).op;
        if (op == ChangeOp::Delete || op == ChangeOp::SoftDelete) {
            m_changes.changes.removeAt(*it);
            undone = true;
        }
    }
    if (!undone && softDeletedOnServer)
        m_changes.stageRestore(key, version);
    return staged();
}

qsizetype StagedChanges::stageInsert() {
    const qsizetype at = m_changes.stageInsert({});
    staged();
    return at;
}

bool StagedChanges::stageInsertValue(qsizetype insertIndex, const QString& column,
                                     const std::optional<QString>& value) {
    m_changes.stageInsertEdit(insertIndex, {{column, value}});
    return staged();
}

bool StagedChanges::unsetInsertValue(qsizetype insertIndex, const QString& column) {
    m_changes.unsetInsertValue(insertIndex, column);
    return staged();
}

bool StagedChanges::cancelInsert(qsizetype insertIndex) {
    m_changes.cancelInsert(insertIndex);
    return staged();
}

QList<qsizetype> StagedChanges::insertIndexes() const {
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < m_changes.changes.size(); ++i) {
        if (m_changes.changes.at(i).op == ChangeOp::Insert)
            indexes << i;
    }
    return indexes;
}

std::optional<std::optional<QString>> StagedChanges::insertValue(qsizetype insertIndex,
                                                                 const QString& column) const {
    if (insertIndex < 0 || insertIndex >= m_changes.size() ||
        m_changes.changes.at(insertIndex).op != ChangeOp::Insert)
        return std::nullopt;
    const Row& values = m_changes.changes.at(insertIndex).values;
    const qsizetype at = indexOfColumn(values, column);
    if (at < 0)
        return std::nullopt;
    return values.at(at).second;
}

std::optional<std::optional<QString>> StagedChanges::stagedValue(const Key& key,
                                                                 const QString& column) const {
    for (qsizetype i : changesOf(key)) {
        const Change& change = m_changes.changes.at(i);
        if (change.op != ChangeOp::Update)
            continue;
        const qsizetype v = indexOfColumn(change.values, column);
        if (v >= 0)
            return change.values.at(v).second;
    }
    return std::nullopt;
}

bool StagedChanges::isStagedDefault(const Key& key, const QString& column) const {
    for (qsizetype i : changesOf(key)) {
        const Change& change = m_changes.changes.at(i);
        if (change.op == ChangeOp::Update && change.defaults.contains(column))
            return true;
    }
    return false;
}

StagedRowState StagedChanges::rowState(const Key& key) const {
    StagedRowState state = StagedRowState::None;
    for (qsizetype i : changesOf(key)) {
        switch (m_changes.changes.at(i).op) {
        case ChangeOp::Delete:
            return StagedRowState::DeletePending;
        case ChangeOp::SoftDelete:
            state = StagedRowState::SoftDeletePending;
            break;
        case ChangeOp::Restore:
            state = StagedRowState::RestorePending;
            break;
        case ChangeOp::Update:
            if (state == StagedRowState::None)
                state = StagedRowState::Updated;
            break;
        case ChangeOp::Insert:
            break; // never keyed
        }
    }
    return state;
}

const ChangeConflict* StagedChanges::conflict(const Key& key) const {
    const auto it = m_conflicts.constFind(keyText(key));
    return it == m_conflicts.constEnd() ? nullptr : &*it;
}

bool StagedChanges::keepMine() {
    QList<qsizetype> drop;
    for (const ChangeConflict& c : std::as_const(m_conflicts)) {
        for (qsizetype i : changesOf(c.key)) {
            Change& change = m_changes.changes[i];
            if (c.vanished || !c.current) {
                drop << i; // nothing left to keep a change against
                continue;
            }
            change.version = c.current->version;
            // What the row holds now is what my values replace.
            for (auto& [column, value] : change.original) {
                const qsizetype at = c.current->columns.indexOf(column);
                if (at >= 0)
                    value = c.current->values.value(at);
            }
        }
    }
    std::sort(drop.begin(), drop.end(), std::greater<>());
    for (qsizetype i : drop)
        m_changes.changes.removeAt(i);
    m_conflicts.clear();
    resetUndo();
    return staged();
}

bool StagedChanges::takeTheirs() {
    QList<qsizetype> drop;
    for (const ChangeConflict& c : std::as_const(m_conflicts))
        drop << changesOf(c.key);
    std::sort(drop.begin(), drop.end(), std::greater<>());
    drop.erase(std::unique(drop.begin(), drop.end()), drop.end());
    for (qsizetype i : drop)
        m_changes.changes.removeAt(i);
    m_conflicts.clear();
    resetUndo();
    return staged();
}

} // namespace pgdesk::core
