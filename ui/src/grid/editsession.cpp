// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/celltext.h>
#include <pgdesk/ui/editsession.h>

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>

#include <QHash>

#include <algorithm>
#include <utility>

namespace pgdesk::ui {

namespace {

qsizetype indexOfColumn(const core::Row& row, const QString& column) {
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (row.at(i).first == column)
            return i;
    }
    return -1;
}

} // namespace

EditSession::EditSession(core::TableInfo table, QString profile, std::shared_ptr<core::ChangeJournal> journal,
                         QObject* parent)
    : QObject(parent)
    , m_table(std::move(table))
    , m_profile(std::move(profile))
    , m_journal(std::move(journal))
    , m_changes(m_table) {
    m_changes.useCtid = core::isCtidKeyed(m_table); // keys are {"ctid": …}, each row guarded by its version
    m_lastStep = m_changes;
}

std::shared_ptr<EditSession> EditSession::shared(const core::TableInfo& table, const QString& profile,
                                                 std::shared_ptr<core::ChangeJournal> journal,
                                                 bool* created) {
    static QHash<QString, std::weak_ptr<EditSession>> sessions;
    const QString id = QString::number(quintptr(journal.get()), 16) + QLatin1Char('\n') + profile +
                       QLatin1Char('\n') + core::ChangeSet(table).table;
    if (auto session = sessions.value(id).lock()) {
        *created = false;
        return session;
    }
    auto session = std::make_shared<EditSession>(table, profile, std::move(journal));
    sessions.insert(id, session);
    *created = true;
    if (session->m_journal) {
        try {
            if (auto offered = session->m_journal->load(profile, session->m_changes.table))
                session->m_offered = *offered;
        } catch (const std::exception& e) {
            session->m_offerError = errorText(e);
        }
    }
    return session;
}

void EditSession::restoreOffer() {
    if (!hasOffer())
        return;
    core::ChangeSet offered = std::move(m_offered);
    m_offered = {};
    replace(std::move(offered));
}

void EditSession::discardOffer() {
    if (!hasOffer())
        return;
    m_offered = {};
    clear(); // and the journal entry
}

void EditSession::apply(std::shared_ptr<core::Pool> pool, core::WriteAccess write) {
    if (m_applying || isEmpty() || hasOffer())
        return;
    m_applying = true;
    m_cancelling = false;
    m_applyCancel = std::make_shared<core::CancelToken>();
    emit changed();
    runInBackground(
        this,
        [pool = std::move(pool), table = m_table, changes = m_changes, cancel = m_applyCancel,
         write = std::move(write)] {
            core::ChangeSetApplier applier(core::tableWithoutCtidKey(table));
            applier.setReturnRows(false); // the tab reloads what it shows
            applier.setCancelToken(cancel);
            core::AtomicOptions options;
            options.write = write; // a production session: without it the server refuses (25006)
            return applier.apply(*pool, changes, options);
        },
        [this, sent = m_changes](const core::ApplyResult& result) {
            finishApply();
            if (result.applied) {
                m_lastApplied = countApplied(result, sent);
                // Nothing can be staged meanwhile (the tabs lock editing), but be sure not to drop more.
                if (m_changes == sent)
                    clear();
                else
                    emit changed();
                emit applied();
                return;
            }
            setConflicts(result.conflicts);
            emit applyConflicted();
        },
        [this](const BackgroundFailure& failure) {
            const bool cancelled = m_cancelling && failure.error.kind == core::ErrorKind::QueryCanceled;
            finishApply();
            emit changed();
            if (cancelled)
                emit applyCancelled();
            else
                emit applyFailed(failure.message);
        });
}

EditSession::AppliedCounts EditSession::countApplied(const core::ApplyResult& result,
                                                     const core::ChangeSet& sent) {
    // The rows the applier returned when it returns them; else the change set it committed, change by row.
    QList<core::ChangeOp> ops;
    for (const core::ChangeOutcome& row : result.rows)
        ops << row.op;
    if (ops.isEmpty())
        for (const core::Change& change : sent.changes)
            ops << change.op;
    AppliedCounts counts;
    for (core::ChangeOp op : std::as_const(ops)) {
        switch (op) {
        case core::ChangeOp::Update:
            ++counts.updated;
            break;
        case core::ChangeOp::Insert:
            ++counts.inserted;
            break;
        case core::ChangeOp::Delete:
            ++counts.deleted;
            break;
        case core::ChangeOp::SoftDelete:
            ++counts.softDeleted;
            break;
        case core::ChangeOp::Restore:
            ++counts.restored;
            break;
        }
    }
    return counts;
}

QString EditSession::describeApplied(const QString& table, const AppliedCounts& counts) {
    QStringList parts;
    if (counts.updated > 0)
        parts << tr("%Ln updated", nullptr, pluralCount(counts.updated));
    if (counts.inserted > 0)
        parts << tr("%Ln inserted", nullptr, pluralCount(counts.inserted));
    if (counts.softDeleted > 0)
        parts << tr("%Ln soft-deleted", nullptr, pluralCount(counts.softDeleted));
    if (counts.deleted > 0)
        parts << tr("%Ln deleted permanently", nullptr, pluralCount(counts.deleted));
    if (counts.restored > 0)
        parts << tr("%Ln restored", nullptr, pluralCount(counts.restored));
    if (parts.isEmpty())
        return tr("Applied to %1: nothing to write.").arg(table);
    return tr("Applied to %1: %2.").arg(table, parts.join(tr(", ", "between the counts of an apply")));
}

void EditSession::finishApply() {
    m_applying = false;
    m_cancelling = false;
    m_applyCancel.reset();
}

void EditSession::cancelApply() {
    if (!m_applying || m_cancelling || !m_applyCancel)
        return;
    m_cancelling = true;
    emit changed();
    cancelInBackground(m_applyCancel);
}

int EditSession::applyBackendPid() const {
    return m_applyCancel ? m_applyCancel->attachedBackendPid() : 0;
}

QString EditSession::readOnlyReason(const core::TableInfo& table) {
    if (table.kind != core::RelationKind::Table && table.kind != core::RelationKind::PartitionedTable)
        return tr("Read-only: %1 is a %2, not a table.")
            .arg(table.qualifiedName(), core::relationKindName(table.kind).replace(QLatin1Char('_'), ' '));
    if (table.conventions.rowKey.isEmpty()) {
        for (const core::UniqueConstraint& u : table.uniques) {
            if (!u.isPrimaryKey)
                continue;
            for (const core::ColumnInfo& c : table.hiddenColumns) {
                if (u.columns.contains(c.name))
                    return tr("Read-only: this role may not read %1's primary key column %2, so a row "
                              "cannot be identified for editing.")
                        .arg(table.qualifiedName(), c.name);
            }
        }
        return tr("Read-only: %1 has no primary key or NOT NULL unique constraint, so a row cannot be "
                  "identified safely for editing.")
            .arg(table.qualifiedName());
    }
    const bool anyColumn = std::any_of(table.columns.begin(), table.columns.end(),
                                       [](const auto& c) { return c.canUpdate || c.canInsert; });
    if (!anyColumn && !table.privileges.remove)
        return tr("Read-only: this role has no INSERT, UPDATE or DELETE privilege on %1.")
            .arg(table.qualifiedName());
    return {};
}

QString EditSession::standbyReason() {
    return tr("This server is a read-only standby; connect to the primary to edit.");
}

bool EditSession::isColumnUpdatable(const QString& column) const {
    const core::ColumnInfo* info = m_table.column(column);
    return info && !info->isGenerated && !info->identityAlways && info->canUpdate;
}

bool EditSession::isColumnInsertable(const QString& column) const {
    const core::ColumnInfo* info = m_table.column(column);
    return info && !info->isGenerated && !info->identityAlways && info->canInsert;
}

QString EditSession::deleteRefusal(const core::TableInfo& table) {
    if (!table.privileges.remove)
        return tr("Rows of %1 cannot be deleted: this role has no DELETE privilege on it.")
            .arg(table.qualifiedName());
    if (!table.versionReadable)
        return tr("Rows of %1 cannot be deleted here: this role may not read their row version (xmin), so "
                  "a row changed by someone else since it was read could be deleted unseen. SELECT on the "
                  "whole table, or on xmin, allows it.")
            .arg(table.qualifiedName());
    return {};
}

QString EditSession::hiddenColumnsNote(const core::TableInfo& table) {
    if (table.hiddenColumns.isEmpty())
        return {};
    QStringList names;
    for (const core::ColumnInfo& c : table.hiddenColumns)
        names << c.name;
    return tr("%n column(s) hidden: %1 (this role has no SELECT privilege on them).", nullptr,
              int(names.size()))
        .arg(names.join(QStringLiteral(", ")));
}

// Sorted by column so that the same key read in another column order is the same text.
QString EditSession::keyText(const core::Key& key) {
    core::Key sorted = key;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QString text;
    for (const auto& [column, value] : sorted) {
        text +=
            column + QChar(0x1f) + (value ? QStringLiteral("v") + *value : QStringLiteral("n")) + QChar(0x1e);
    }
    return text;
}

QString EditSession::describeKey(const core::Key& key) {
    QStringList parts;
    for (const auto& [column, value] : key)
        parts << column + QLatin1Char('=') + value.value_or(QStringLiteral("NULL"));
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QList<qsizetype> EditSession::changesOf(const core::Key& key) const {
    return m_byKey.value(keyText(key));
}

void EditSession::reindex() {
    m_byKey.clear();
    for (qsizetype i = 0; i < m_changes.changes.size(); ++i) {
        const core::Change& change = m_changes.changes.at(i);
        if (change.op != core::ChangeOp::Insert)
            m_byKey[keyText(change.key)].append(i);
    }
}

void EditSession::writeJournal() {
    if (!m_journal)
        return;
    // Written on the journal's thread (an empty change set clears the entry); a failure shows at the next
    // stage.
    m_journal->stageLater(m_profile, m_changes);
    m_journalError = m_journal->writeError();
}

void EditSession::staged() {
    reindex();
    if (m_batch > 0) {
        m_batchDirty = true;
        return;
    }
    recordStep();
    writeJournal();
    emit changed();
}

// A user's stage (or a batch of them) is one undo step: the change set as it was before it is kept.
void EditSession::recordStep() {
    if (m_changes == m_lastStep)
        return;
    m_undo.append(std::exchange(m_lastStep, m_changes));
    if (m_undo.size() > kUndoSteps)
        m_undo.removeFirst();
}

// Resolving conflicts, restoring an offer or clearing starts afresh: undoing past them would bring back
// rows' old versions or a journal entry that is gone.
void EditSession::resetUndo() {
    m_undo.clear();
    m_lastStep = m_changes;
}

bool EditSession::undo() {
    if (m_undo.isEmpty() || m_applying)
        return false;
    m_changes = m_undo.takeLast();
    m_lastStep = m_changes;
    reindex();
    writeJournal();
    emit changed();
    return true;
}

void EditSession::beginBatch() {
    ++m_batch;
}

void EditSession::endBatch() {
    if (m_batch > 0 && --m_batch == 0 && m_batchDirty) {
        m_batchDirty = false;
        recordStep();
        writeJournal();
        emit changed();
    }
}

void EditSession::stageValue(const core::Key& key, const QString& version, const QString& column,
                             const std::optional<QString>& value, const std::optional<QString>& original,
                             bool originalIsWhole) {
    qsizetype pending = -1;
    for (qsizetype i : changesOf(key)) {
        if (m_changes.changes.at(i).op == core::ChangeOp::Update)
            pending = i;
    }
    if (pending >= 0) {
        core::Change& change = m_changes.changes[pending];
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
            staged();
            return;
        }
    } else if (value == original && originalIsWhole) {
        return; // not an edit (unknown when the original is a cut prefix: then always one)
    }
    m_changes.stageUpdate(key, version, {{column, value}}, {{column, original}});
    staged();
}

void EditSession::stageValues(const QList<CellValue>& cells) {
    if (cells.isEmpty())
        return;
    // stageValue() for each cell, with the row index kept up to date here instead of rebuilt per cell, and
    // changes emptied by a value set back to the original dropped once at the end (indexes stay valid).
    bool emptied = false;
    for (const CellValue& cell : cells) {
        QList<qsizetype>& indexes = m_byKey[keyText(cell.key)];
        qsizetype pending = -1;
        for (qsizetype i : std::as_const(indexes)) {
            if (m_changes.changes.at(i).op == core::ChangeOp::Update)
                pending = i;
        }
        const qsizetype last = indexes.isEmpty() ? -1 : indexes.last();
        if (last >= 0 && m_changes.changes.at(last).op == core::ChangeOp::Delete)
            continue;
        if (pending >= 0) {
            core::Change& change = m_changes.changes[pending];
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
        if (last >= 0 && m_changes.changes.at(last).op == core::ChangeOp::Update) {
            core::Change& change = m_changes.changes[last];
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
        m_changes.changes.append(core::Change{core::ChangeOp::Update,
                                              cell.key,
                                              cell.version,
                                              {{cell.column, cell.value}},
                                              {{cell.column, cell.original}},
                                              {}});
        indexes.append(m_changes.changes.size() - 1);
    }
    if (emptied)
        m_changes.changes.removeIf([](const core::Change& c) {
            return c.op == core::ChangeOp::Update && c.values.isEmpty() && c.defaults.isEmpty();
        });
    staged();
}

void EditSession::stageInserts(const QList<core::Row>& rows) {
    if (rows.isEmpty())
        return;
    m_changes.changes.reserve(m_changes.changes.size() + rows.size());
    for (const core::Row& row : rows)
        m_changes.changes.append(core::Change{core::ChangeOp::Insert, {}, {}, row, {}, {}});
    staged();
}

void EditSession::stageDefault(const core::Key& key, const QString& version, const QString& column,
                               const std::optional<QString>& original) {
    m_changes.stageUpdate(key, version, {}, {{column, original}}, {column});
    staged();
}

void EditSession::stageDelete(const core::Key& key, const QString& version, bool hard) {
    if (hard)
        m_changes.stageDelete(key, version);
    else
        m_changes.stageSoftDelete(key, version);
    staged();
}

void EditSession::stageRestore(const core::Key& key, const QString& version, bool softDeletedOnServer) {
    const QList<qsizetype> indexes = changesOf(key);
    bool undone = false;
    for (auto it = indexes.rbegin(); it != indexes.rend(); ++it) {
        const core::ChangeOp op = m_changes.changes.at(*it).op;
        if (op == core::ChangeOp::Delete || op == core::ChangeOp::SoftDelete) {
            m_changes.changes.removeAt(*it);
            undone = true;
        }
    }
    if (!undone && softDeletedOnServer)
        m_changes.stageRestore(key, version);
    staged();
}

qsizetype EditSession::stageInsert() {
    const qsizetype at = m_changes.stageInsert({});
    staged();
    return at;
}

void EditSession::stageInsertValue(qsizetype insertIndex, const QString& column,
                                   const std::optional<QString>& value) {
    m_changes.stageInsertEdit(insertIndex, {{column, value}});
    staged();
}

void EditSession::unsetInsertValue(qsizetype insertIndex, const QString& column) {
    m_changes.unsetInsertValue(insertIndex, column);
    staged();
}

void EditSession::cancelInsert(qsizetype insertIndex) {
    m_changes.cancelInsert(insertIndex);
    staged();
}

QList<qsizetype> EditSession::insertIndexes() const {
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < m_changes.changes.size(); ++i) {
        if (m_changes.changes.at(i).op == core::ChangeOp::Insert)
            indexes << i;
    }
    return indexes;
}

std::optional<std::optional<QString>> EditSession::insertValue(qsizetype insertIndex,
                                                               const QString& column) const {
    if (insertIndex < 0 || insertIndex >= m_changes.size() ||
        m_changes.changes.at(insertIndex).op != core::ChangeOp::Insert)
        return std::nullopt;
    const core::Row& values = m_changes.changes.at(insertIndex).values;
    const qsizetype at = indexOfColumn(values, column);
    if (at < 0)
        return std::nullopt;
    return values.at(at).second;
}

void EditSession::replace(core::ChangeSet changes) {
    m_changes = std::move(changes);
    m_conflicts.clear();
    resetUndo();
    staged();
}

void EditSession::clear() {
    // While an apply is in flight its outcome is unknown: dropping the changes would hide what it writes.
    if (m_applying)
        return;
    m_changes.changes.clear();
    m_conflicts.clear();
    resetUndo();
    reindex();
    if (m_journal) {
        try {
            m_journal->clear(m_profile, m_changes.table);
            m_journalError.clear();
        } catch (const std::exception& e) {
            m_journalError = errorText(e);
        }
    }
    emit changed();
}

std::optional<std::optional<QString>> EditSession::stagedValue(const core::Key& key,
                                                               const QString& column) const {
    for (qsizetype i : changesOf(key)) {
        const core::Change& change = m_changes.changes.at(i);
        if (change.op != core::ChangeOp::Update)
            continue;
        const qsizetype v = indexOfColumn(change.values, column);
        if (v >= 0)
            return change.values.at(v).second;
    }
    return std::nullopt;
}

bool EditSession::isStagedDefault(const core::Key& key, const QString& column) const {
    for (qsizetype i : changesOf(key)) {
        const core::Change& change = m_changes.changes.at(i);
        if (change.op == core::ChangeOp::Update && change.defaults.contains(column))
            return true;
    }
    return false;
}

EditSession::RowState EditSession::rowState(const core::Key& key) const {
    RowState state = RowState::None;
    for (qsizetype i : changesOf(key)) {
        switch (m_changes.changes.at(i).op) {
        case core::ChangeOp::Delete:
            return RowState::DeletePending;
        case core::ChangeOp::SoftDelete:
            state = RowState::SoftDeletePending;
            break;
        case core::ChangeOp::Restore:
            state = RowState::RestorePending;
            break;
        case core::ChangeOp::Update:
            if (state == RowState::None)
                state = RowState::Updated;
            break;
        case core::ChangeOp::Insert:
            break; // never keyed
        }
    }
    return state;
}

void EditSession::setConflicts(const QList<core::ChangeConflict>& conflicts) {
    m_conflicts.clear();
    for (const core::ChangeConflict& c : conflicts)
        m_conflicts.insert(keyText(c.key), c);
    emit changed();
}

const core::ChangeConflict* EditSession::conflict(const core::Key& key) const {
    const auto it = m_conflicts.constFind(keyText(key));
    return it == m_conflicts.constEnd() ? nullptr : &*it;
}

void EditSession::keepMine() {
    QList<qsizetype> drop;
    for (const core::ChangeConflict& c : std::as_const(m_conflicts)) {
        for (qsizetype i : changesOf(c.key)) {
            core::Change& change = m_changes.changes[i];
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
    staged();
}

void EditSession::takeTheirs() {
    QList<qsizetype> drop;
    for (const core::ChangeConflict& c : std::as_const(m_conflicts))
        drop << changesOf(c.key);
    std::sort(drop.begin(), drop.end(), std::greater<>());
    drop.erase(std::unique(drop.begin(), drop.end()), drop.end());
    for (qsizetype i : drop)
        m_changes.changes.removeAt(i);
    m_conflicts.clear();
    resetUndo();
    staged();
}

} // namespace pgdesk::ui
