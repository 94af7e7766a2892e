// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/changefeedmodel.h>

#include <QDateTime>
#include <QLocale>

namespace pgdesk::ui {

namespace {

QString operationText(core::RowChange::Kind kind) {
    switch (kind) {
    case core::RowChange::Kind::Insert:
        return ChangeFeedModel::tr("INSERT");
    case core::RowChange::Kind::Update:
        return ChangeFeedModel::tr("UPDATE");
    case core::RowChange::Kind::Delete:
        return ChangeFeedModel::tr("DELETE");
    case core::RowChange::Kind::Truncate:
        return ChangeFeedModel::tr("TRUNCATE");
    }
    return {};
}

QString quoted(const std::optional<QString>& value) {
    if (!value)
        return QStringLiteral("NULL");
    return QLatin1Char('\'') + QString(*value).replace(QLatin1Char('\''), QLatin1String("''")) +
           QLatin1Char('\'');
}

} // namespace

ChangeFeedModel::ChangeFeedModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

QString ChangeFeedModel::valuesText(const core::RowChange& c, bool old) {
    const auto& values = old ? c.oldValues : c.newValues;
    QStringList parts;
    for (qsizetype i = 0; i < values.size() && i < c.columns.size(); ++i) {
        if (old && c.oldKeyOnly && !c.keyColumns.value(i))
            continue;
        if (!old && c.unchanged.contains(int(i))) {
            parts << tr("%1 (unchanged)").arg(c.columns[i]);
            continue;
        }
        parts << c.columns[i] + QStringLiteral(" = ") + quoted(values[i]);
    }
    return parts.join(QStringLiteral(", "));
}

QString ChangeFeedModel::keyText(const core::RowChange& c) {
    // The key as the change names it: the old key of a delete or of an update that moved it, else the new.
    const auto& values = !c.oldValues.isEmpty() ? c.oldValues : c.newValues;
    QStringList parts;
    for (qsizetype i = 0; i < values.size() && i < c.keyColumns.size(); ++i)
        if (c.keyColumns[i])
            parts << c.columns.value(i) + QStringLiteral(" = ") + quoted(values[i]);
    return parts.join(QStringLiteral(", "));
}

void ChangeFeedModel::append(const QList<core::RowChange>& changes) {
    if (changes.isEmpty())
        return;
    m_received += changes.size();
    const qsizetype from = std::max<qsizetype>(0, changes.size() - kMaxRows);
    const qsizetype adding = changes.size() - from;
    const qsizetype excess = qsizetype(m_rows.size()) + adding - kMaxRows;
    if (excess > 0) {
        const int drop = int(std::min<qsizetype>(excess, qsizetype(m_rows.size())));
        beginRemoveRows({}, 0, drop - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(adding) - 1);
    for (qsizetype i = from; i < changes.size(); ++i)
        m_rows.push_back(changes[i]);
    endInsertRows();
}

void ChangeFeedModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_received = 0;
    endResetModel();
}

int ChangeFeedModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChangeFeedModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeFeedModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::RowChange& c = m_rows[size_t(index.row())];
    if (role == SearchRole)
        return valuesText(c, false) + QLatin1Char('\n') + valuesText(c, true);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const bool tip = role == Qt::ToolTipRole;
    const auto shortened = [tip](const QString& text) {
        return tip ? text.left(4000) : QString(text).replace(QLatin1Char('\n'), QChar(0x21b5)).left(500);
    };
    switch (index.column()) {
    case TimeColumn: {
        const QDateTime at = QDateTime::fromString(c.commitTime, Qt::ISODateWithMs).toLocalTime();
        return tip ? QStringLiteral("%1\nLSN %2, transaction %3").arg(c.commitTime, c.lsn).arg(c.xid)
                   : QLocale().toString(at.time(), QStringLiteral("HH:mm:ss.zzz"));
    }
    case OperationColumn:
        return operationText(c.kind);
    case TableColumn:
        return c.schema + QLatin1Char('.') + c.table;
    case KeyColumn:
        return shortened(keyText(c));
    case ValuesColumn:
        return shortened(valuesText(c, c.kind == core::RowChange::Kind::Delete));
    case OldValuesColumn:
        return c.kind == core::RowChange::Kind::Update ? shortened(valuesText(c, true)) : QVariant();
    default:
        return {};
    }
}

QVariant ChangeFeedModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Committed");
    case OperationColumn:
        return tr("Operation");
    case TableColumn:
        return tr("Table");
    case KeyColumn:
        return tr("Key");
    case ValuesColumn:
        return tr("Values");
    case OldValuesColumn:
        return tr("Before");
    default:
        return {};
    }
}

ChangeFeedFilter::ChangeFeedFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

void ChangeFeedFilter::setTable(const QString& qualifiedName) {
    m_table = qualifiedName;
    invalidateFilter();
}

void ChangeFeedFilter::setOperations(const QSet<core::RowChange::Kind>& kinds) {
    m_kinds = kinds;
    invalidateFilter();
}

void ChangeFeedFilter::setText(const QString& text) {
    m_text = text;
    invalidateFilter();
}

bool ChangeFeedFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* model = static_cast<const ChangeFeedModel*>(sourceModel());
    const core::RowChange& c = model->change(sourceRow);
    if (!m_table.isEmpty() && c.schema + QLatin1Char('.') + c.table != m_table)
        return false;
    if (!m_kinds.isEmpty() && !m_kinds.contains(c.kind))
        return false;
    if (m_text.isEmpty())
        return true;
    return model->index(sourceRow, 0)
        .data(ChangeFeedModel::SearchRole)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

} // namespace pgdesk::ui
