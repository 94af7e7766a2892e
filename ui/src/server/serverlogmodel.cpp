// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/serverlogmodel.h>

#include <pgdesk/ui/common/theme.h>

namespace pgdesk::ui {

ServerLogModel::ServerLogModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void ServerLogModel::append(const QList<core::LogEntry>& entries) {
    if (entries.isEmpty())
        return;
    // The newest kMaxRows of what is kept and what came.
    const qsizetype incoming = std::min<qsizetype>(entries.size(), kMaxRows);
    const qsizetype overflow = qsizetype(m_rows.size()) + incoming - kMaxRows;
    if (overflow > 0) {
        const int drop = int(std::min<qsizetype>(overflow, qsizetype(m_rows.size())));
        beginRemoveRows({}, 0, drop - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (qsizetype i = entries.size() - incoming; i < entries.size(); ++i)
        m_rows.push_back(entries[i]);
    endInsertRows();
}

void ServerLogModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QList<core::LogEntry> ServerLogModel::entries() const {
    return QList<core::LogEntry>(m_rows.begin(), m_rows.end());
}

int ServerLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServerLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::LogEntry& e = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.time.isValid() ? e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                                    : e.timeText;
        case SeverityColumn:
            return e.severity;
        case StateColumn:
            return e.sqlstate;
        case ProcessColumn:
            return e.pid ? QVariant(e.pid) : QVariant();
        case WhoColumn:
            return e.user.isEmpty() && e.database.isEmpty() ? QString()
                                                            : e.user + QLatin1Char('@') + e.database;
        case MessageColumn:
            return e.message.section(QLatin1Char('\n'), 0, 0);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return core::logEntryText(e).trimmed();
    if (role == Qt::ForegroundRole) {
        const int rank = core::severityRank(e.severity);
        if (rank >= core::severityRank(QStringLiteral("ERROR")) && e.severity != QLatin1String("LOG"))
            return errorColor();
        if (e.severity == QLatin1String("WARNING"))
            return warningColor();
    }
    return {};
}

QVariant ServerLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case StateColumn:
        return tr("SQLSTATE");
    case ProcessColumn:
        return tr("Process");
    case WhoColumn:
        return tr("User@database");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

ServerLogFilter::ServerLogFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {
}

void ServerLogFilter::setFilter(const core::LogFilter& filter) {
    m_filter = filter;
    invalidateFilter();
}

bool ServerLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (sourceParent.isValid())
        return false;
    const auto* model = static_cast<const ServerLogModel*>(sourceModel());
    return m_filter.matches(model->entry(sourceRow));
}

} // namespace pgdesk::ui
