// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/foreignkeypickermodel.h"

#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/jobslot.h>

namespace pgdesk::ui {

namespace {
struct LoadedPage {
    std::shared_ptr<const core::ForeignKeyPicker> picker;
    core::ForeignKeyChoicePage page;
};
} // namespace

ForeignKeyPickerModel::ForeignKeyPickerModel(std::shared_ptr<core::Pool> pool, core::ForeignKey foreignKey,
                                             QObject* parent)
    : QAbstractTableModel(parent)
    , m_pool(std::move(pool))
    , m_fk(std::move(foreignKey))
    , m_slot(new JobSlot(this)) {
}

bool ForeignKeyPickerModel::isLoading() const {
    return m_slot->isRunning();
}

QString ForeignKeyPickerModel::labelColumn() const {
    return m_picker ? m_picker->labelColumn() : QString();
}

QStringList ForeignKeyPickerModel::keyAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].key : QStringList();
}

void ForeignKeyPickerModel::setSearch(const QString& search) {
    m_search = search;
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    endResetModel();
    load(true);
}

void ForeignKeyPickerModel::load(bool first) {
    const QStringList after = first || m_rows.isEmpty() ? QStringList() : m_rows.last().key;
    m_slot->start(
        [pool = m_pool, fk = m_fk, picker = m_picker, search = m_search,
         after](const std::shared_ptr<core::CancelToken>& token) {
            auto connection = pool->acquire();
            core::CancelToken::Scope scope(token, *connection);
            LoadedPage loaded;
            loaded.picker = picker ? picker
                                   : std::make_shared<const core::ForeignKeyPicker>(
                                         core::ForeignKeyPicker::forForeignKey(*connection, fk));
            loaded.page = loaded.picker->fetch(*connection, search, after, kPageSize);
            return loaded;
        },
        [this](LoadedPage loaded) {
            const bool labelKnown = !m_picker;
            m_picker = loaded.picker;
            if (labelKnown)
                emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
            // Nothing to fetch while the rows go in: a view (or a model tester) reacting to the insertion
            // must not ask for the page after a key that is not shown yet.
            m_hasMore = false;
            if (!loaded.page.rows.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + loaded.page.rows.size() - 1));
                m_rows += loaded.page.rows;
                endInsertRows();
            }
            m_hasMore = loaded.page.hasMore;
            emit pageLoaded();
        },
        [this](const BackgroundFailure& failure) {
            m_hasMore = false;
            emit failed(failure.message);
        });
}

int ForeignKeyPickerModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ForeignKeyPickerModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_fk.refColumns.size()) + 1;
}

QVariant ForeignKeyPickerModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= columnCount())
        return {};
    const core::ForeignKeyChoice& choice = m_rows[index.row()];
    const bool isLabel = index.column() == m_fk.refColumns.size();
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole)
        return isLabel ? choice.label.value_or(QString()) : choice.key.value(index.column());
    if (role == Qt::TextAlignmentRole && !isLabel)
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QVariant ForeignKeyPickerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < m_fk.refColumns.size())
        return m_fk.refColumns[section];
    return labelColumn().isEmpty() ? tr("Label") : labelColumn();
}

bool ForeignKeyPickerModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_hasMore && !m_slot->isRunning();
}

void ForeignKeyPickerModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        load(false);
}

} // namespace pgdesk::ui
