// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/grid/celltext.h>

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>

#include <QHash>

#include <algorithm>
#include <utility>

namespace pgdesk::ui {

EditSession::EditSession(core::TableInfo table, QString profile, std::shared_ptr<core::ChangeJournal> journal,
                         QObject* parent)
    : RowEdits(parent)
    , m_table(std::move(table))
    , m_profile(std::move(profile))
    , m_journal(std::move(journal))
    , m_staged(m_table)
    , m_applyJob(new JobSlot(this)) {
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
            if (auto offered = session->m_journal->load(profile, session->changes().table))
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
    emit changed();
    m_applyJob->start(
        [pool = std::move(pool), table = m_table, changes = changes(),
         write = std::move(write)](const std::shared_ptr<core::CancelToken>& cancel) {
            core::ChangeSetApplyOptions options;
            options.write = write;      // a production session: without it the server refuses (25006)
            options.returnRows = false; // the tab reloads what it shows
            options.cancel = cancel;
            return core::applyChangeSet(*pool, table, changes, options);
        },
        [this, sent = changes()](const core::ApplyResult& result) {
            finishApply();
            if (result.applied) {
                m_lastApplied = core::countApplied(result, sent);
                // Nothing can be staged meanwhile (the tabs lock editing), but be sure not to drop more.
                if (changes() == sent)
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
}

void EditSession::cancelApply() {
    if (!m_applying || m_cancelling)
        return;
    m_cancelling = true;
    emit changed();
    m_applyJob->cancel(); // PQcancel on the cancel path; the outcome still arrives
}

int EditSession::applyBackendPid() const {
    return m_applyJob->backendPid();
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

QString EditSession::describeKey(const core::Key& key) {
    QStringList parts;
    for (const auto& [column, value] : key)
        parts << column + QLatin1Char('=') + value.value_or(QStringLiteral("NULL"));
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

void EditSession::writeJournal() {
    if (!m_journal)
        return;
    // Written on the journal's thread (an empty change set clears the entry); a failure shows at the next
    // stage.
    m_journal->stageLater(m_profile, changes());
    m_journalError = m_journal->writeError();
}

// A stage that took a step (outside a batch; a batch's step is taken at its end) is journaled and shown.
void EditSession::afterStage(bool stepTaken) {
    if (!stepTaken)
        return;
    writeJournal();
    emit changed();
}

void EditSession::stageValue(const core::Key& key, const QString& version, const QString& column,
                             const std::optional<QString>& value, const std::optional<QString>& original,
                             bool originalIsWhole) {
    afterStage(m_staged.stageValue(key, version, column, value, original, originalIsWhole));
}

void EditSession::stageValues(const QList<CellValue>& cells) {
    afterStage(m_staged.stageValues(cells));
}

void EditSession::stageInserts(const QList<core::Row>& rows) {
    afterStage(m_staged.stageInserts(rows));
}

void EditSession::stageDefault(const core::Key& key, const QString& version, const QString& column,
                               const std::optional<QString>& original) {
    afterStage(m_staged.stageDefault(key, version, column, original));
}

void EditSession::stageDelete(const core::Key& key, const QString& version, bool hard) {
    afterStage(m_staged.stageDelete(key, version, hard));
}

void EditSession::stageRestore(const core::Key& key, const QString& version, bool softDeletedOnServer) {
    afterStage(m_staged.stageRestore(key, version, softDeletedOnServer));
}

qsizetype EditSession::stageInsert() {
    const qsizetype at = m_staged.stageInsert();
    afterStage(!m_staged.inBatch());
    return at;
}

void EditSession::stageInsertValue(qsizetype insertIndex, const QString& column,
                                   const std::optional<QString>& value) {
    afterStage(m_staged.stageInsertValue(insertIndex, column, value));
}

void EditSession::unsetInsertValue(qsizetype insertIndex, const QString& column) {
    afterStage(m_staged.unsetInsertValue(insertIndex, column));
}

void EditSession::cancelInsert(qsizetype insertIndex) {
    afterStage(m_staged.cancelInsert(insertIndex));
}

void EditSession::beginBatch() {
    m_staged.beginBatch();
}

void EditSession::endBatch() {
    afterStage(m_staged.endBatch());
}

bool EditSession::undo() {
    if (m_applying || !m_staged.undo())
        return false;
    writeJournal();
    emit changed();
    return true;
}

void EditSession::replace(core::ChangeSet changes) {
    afterStage(m_staged.replace(std::move(changes)));
}

void EditSession::clear() {
    // While an apply is in flight its outcome is unknown: dropping the changes would hide what it writes.
    if (m_applying)
        return;
    m_staged.clear();
    if (m_journal) {
        try {
            m_journal->clear(m_profile, changes().table);
            m_journalError.clear();
        } catch (const std::exception& e) {
            m_journalError = errorText(e);
        }
    }
    emit changed();
}

void EditSession::setConflicts(const QList<core::ChangeConflict>& conflicts) {
    m_staged.setConflicts(conflicts);
    emit changed();
}

void EditSession::keepMine() {
    afterStage(m_staged.keepMine());
}

void EditSession::takeTheirs() {
    afterStage(m_staged.takeTheirs());
}

} // namespace pgdesk::ui
