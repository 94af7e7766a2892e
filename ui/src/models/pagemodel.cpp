#include <pgdesk/ui/celltext.h>
#include <pgdesk/ui/editsession.h>
#include <pgdesk/ui/pagemodel.h>

#include <QBrush>
#include <QFont>
#include <QPalette>

namespace pgdesk::ui {

PageModel::PageModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

bool PageModel::isNumericType(const QString& t) {
    static const QStringList exact = {
        QStringLiteral("smallint"), QStringLiteral("integer"),          QStringLiteral("bigint"),
        QStringLiteral("real"),     QStringLiteral("double precision"), QStringLiteral("money"),
        QStringLiteral("oid")};
    return exact.contains(t) || t.startsWith(QLatin1String("numeric"));
}

void PageModel::setPage(core::Page page) {
    beginResetModel();
    m_page = std::move(page);
    resolveColumns();
    m_inserts = m_session ? m_session->insertIndexes() : QList<qsizetype>{};
    m_rowKeys.clear();
    if (!m_page.keyColumns.isEmpty()) {
        QList<int> keyAt;
        for (const QString& name : std::as_const(m_page.keyColumns)) {
            for (qsizetype c = 0; c < m_page.columns.size(); ++c) {
                if (m_page.columns[c].name == name)
                    keyAt << int(c);
            }
        }
        if (keyAt.size() == m_page.keyColumns.size()) {
            for (const auto& row : std::as_const(m_page.rows)) {
                core::Key key;
                for (int c : std::as_const(keyAt))
                    key.append({m_page.columns[c].name, row[c]});
                m_rowKeys << key;
            }
        }
    }
    endResetModel();
}

void PageModel::setEditSession(EditSession* session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &EditSession::changed, this, &PageModel::sessionChanged);
    resolveColumns();
    sessionChanged();
}

void PageModel::setEditingLocked(bool locked) {
    m_locked = locked;
}

void PageModel::sessionChanged() {
    const QList<qsizetype> inserts = m_session ? m_session->insertIndexes() : QList<qsizetype>{};
    if (inserts.size() != m_inserts.size()) {
        if (inserts.size() == m_inserts.size() + 1 && inserts.mid(0, m_inserts.size()) == m_inserts) {
            const int at = rowCount();
            beginInsertRows({}, at, at);
            m_inserts = inserts;
            endInsertRows();
        } else {
            beginResetModel();
            m_inserts = inserts;
            endResetModel();
            return;
        }
    } else {
        m_inserts = inserts; // same rows; indexes may have moved
    }
    if (rowCount() > 0 && columnCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
}

qsizetype PageModel::insertIndex(int row) const {
    const int i = row - pageRowCount();
    return i >= 0 && i < m_inserts.size() ? m_inserts[i] : -1;
}

core::Key PageModel::rowKey(int row) const {
    return m_rowKeys.value(row);
}

QString PageModel::rowVersion(int row) const {
    return m_page.versions.value(row);
}

std::optional<QString> PageModel::value(int row, int column) const {
    if (const qsizetype insert = insertIndex(row); insert >= 0)
        return m_session->insertValue(insert, m_page.columns[column].name).value_or(std::nullopt);
    if (m_session && row < m_rowKeys.size()) {
        if (auto staged = m_session->stagedValue(m_rowKeys[row], m_page.columns[column].name))
            return *staged;
    }
    return m_page.rows[row][column];
}

bool PageModel::isCellEditable(const QModelIndex& index) const {
    if (!m_session || m_locked || !m_writable.value(index.column()))
        return false;
    if (isNewRow(index.row()))
        return true;
    if (index.row() >= m_rowKeys.size())
        return false;
    return m_session->rowState(m_rowKeys[index.row()]) != EditSession::RowState::DeletePending;
}

Qt::ItemFlags PageModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || !isCellEditable(index))
        return f;
    // Booleans toggle with their check box; the text editor would only invite typos.
    return f | (m_boolean.value(index.column()) ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable);
}

bool PageModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= rowCount() || !isCellEditable(index))
        return false;
    std::optional<QString> text;
    if (role == Qt::CheckStateRole) {
        if (!m_boolean.value(index.column()))
            return false;
        text = Qt::CheckState(value.toInt()) == Qt::Checked ? QStringLiteral("t") : QStringLiteral("f");
    } else if (role == Qt::EditRole) {
        // Invalid: NULL ("Set NULL"); any string, the empty one too, is that text.
        if (value.isValid())
            text = value.toString();
    } else {
        return false;
    }
    if (const qsizetype insert = insertIndex(index.row()); insert >= 0) {
        m_session->stageInsertValue(insert, m_page.columns[index.column()].name, text);
        return true;
    }
    m_session->stageValue(m_rowKeys[index.row()], m_page.versions.value(index.row()),
                          m_page.columns[index.column()].name, text,
                          m_page.rows[index.row()][index.column()]);
    return true; // the session's changed() repaints
}

void PageModel::resolveColumns() {
    m_numeric.clear();
    m_boolean.clear();
    m_bytea.clear();
    m_writable.clear();
    m_softDeleteColumn = -1;
    for (qsizetype i = 0; i < m_page.columns.size(); ++i) {
        m_writable << (m_session && !m_page.keyColumns.isEmpty() &&
                       m_session->isColumnWritable(m_page.columns[i].name));
        const QString& type = m_page.columns[i].type;
        m_numeric << isNumericType(type);
        m_boolean << (type == QLatin1String("boolean"));
        m_bytea << (type == QLatin1String("bytea"));
        if (m_softDelete != core::SoftDeleteKind::None && m_page.columns[i].name == m_softDeleteColumnName)
            m_softDeleteColumn = int(i);
    }
}

void PageModel::setSoftDelete(core::SoftDeleteKind kind, const QString& column) {
    m_softDelete = kind;
    m_softDeleteColumnName = column;
    resolveColumns();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void PageModel::setFirstRowNumber(qint64 number) {
    if (number == m_firstRowNumber)
        return;
    m_firstRowNumber = number;
    if (rowCount() > 0)
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

bool PageModel::isRowDeleted(int row) const {
    if (m_softDeleteColumn < 0 || row < 0 || row >= pageRowCount())
        return false;
    const auto& v = m_page.rows[row][m_softDeleteColumn];
    switch (m_softDelete) {
    case core::SoftDeleteKind::DeletedAtTimestamp:
        return v.has_value();
    case core::SoftDeleteKind::DeletedFlag:
        return v && *v == QLatin1String("t");
    case core::SoftDeleteKind::ActiveFlag:
        return v && *v == QLatin1String("f");
    case core::SoftDeleteKind::None:
        break;
    }
    return false;
}

void PageModel::clear() {
    setPage({});
}

int PageModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_page.rows.size() + m_inserts.size());
}

int PageModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_page.columns.size());
}

QVariant PageModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (isNewRow(index.row())) {
        const QVariant edit = newRowData(index, role);
        if (edit.isValid() || role == Qt::ToolTipRole)
            return edit;
    } else if (m_session && index.row() < m_rowKeys.size()) {
        const QVariant edit = editData(index, role);
        if (edit.isValid())
            return edit;
    }
    const std::optional<QString> value = this->value(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole: {
        if (!value)
            return m_nullText;
        if (m_boolean.value(index.column()))
            return QString(); // the check mark says it
        if (m_bytea.value(index.column()))
            return byteaSummary(*value);
        // Long text stays whole in the model (copy, tooltip); the cell shows one line of it.
        const qsizetype newline = value->indexOf(QLatin1Char('\n'));
        if (newline >= 0 || value->size() > 200)
            return value->left(std::min<qsizetype>(newline >= 0 ? newline : 200, 200)) + QStringLiteral(" …");
        return *value;
    }
    case Qt::EditRole:
        return value ? QVariant(*value) : QVariant();
    case Qt::CheckStateRole:
        if (value && m_boolean.value(index.column()))
            return *value == QLatin1String("t") ? Qt::Checked : Qt::Unchecked;
        if (m_boolean.value(index.column()) && isCellEditable(index))
            return Qt::PartiallyChecked; // NULL, with a box to click
        return {};
    case Qt::ToolTipRole:
        if (value && (value->size() > 60 || value->contains(QLatin1Char('\n'))))
            return value->left(2000);
        return {};
    case Qt::TextAlignmentRole:
        return int(m_numeric.value(index.column()) ? Qt::AlignRight | Qt::AlignVCenter
                                                   : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!value || isRowDeleted(index.row()))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::FontRole:
        if (!value || isRowDeleted(index.row())) {
            QFont f;
            f.setItalic(!value);
            f.setStrikeOut(isRowDeleted(index.row()));
            return f;
        }
        return {};
    case IsNullRole:
        return !value;
    case IsDeletedRole:
        return isRowDeleted(index.row());
    case IsEditedRole:
    case IsConflictRole:
        return false;
    case RowStateRole:
        return 0;
    case TypeRole:
        return m_page.columns[index.column()].type;
    default:
        return {};
    }
}

// The roles a new row decides (the rest follow its values as for any row).
QVariant PageModel::newRowData(const QModelIndex& index, int role) const {
    const auto set = m_session->insertValue(insertIndex(index.row()), m_page.columns[index.column()].name);
    switch (role) {
    case IsEditedRole:
        return set.has_value();
    case RowStateRole:
        return int(EditSession::RowState::Inserted);
    case IsConflictRole:
        return false;
    case Qt::BackgroundRole:
        return QBrush(QColor(102, 187, 106, set ? 130 : 60)); // green
    case Qt::DisplayRole:
        if (!set)
            return QStringLiteral("DEFAULT");
        return {};
    case Qt::FontRole:
    case Qt::ForegroundRole:
        if (!set) {
            QFont f;
            f.setItalic(true);
            return role == Qt::FontRole
                       ? QVariant(f)
                       : QVariant(QBrush(QPalette().color(QPalette::Disabled, QPalette::Text)));
        }
        return {};
    case Qt::ToolTipRole: {
        const core::ColumnInfo* column = m_session->table().column(m_page.columns[index.column()].name);
        if (!set && column && !column->defaultExpression.isEmpty())
            return tr("New row; default: %1").arg(column->defaultExpression);
        return tr("New row");
    }
    default:
        return {};
    }
}

// The roles staged edits decide; invalid: as for an unedited cell.
QVariant PageModel::editData(const QModelIndex& index, int role) const {
    const core::Key& key = m_rowKeys[index.row()];
    const EditSession::RowState state = m_session->rowState(key);
    const core::ChangeConflict* conflict = m_session->conflict(key);
    const bool edited = m_session->stagedValue(key, m_page.columns[index.column()].name).has_value();
    switch (role) {
    case IsEditedRole:
        return edited;
    case RowStateRole:
        return int(state);
    case IsConflictRole:
        return conflict != nullptr;
    case Qt::BackgroundRole:
        if (conflict)
            return QBrush(QColor(255, 183, 77, 140)); // orange
        if (state == EditSession::RowState::DeletePending)
            return QBrush(QColor(229, 57, 53, 90)); // red
        if (state == EditSession::RowState::RestorePending)
            return QBrush(QColor(102, 187, 106, 90)); // green
        if (edited)
            return QBrush(QColor(255, 235, 59, 110)); // yellow
        return {};
    case Qt::FontRole:
        if (state == EditSession::RowState::SoftDeletePending ||
            state == EditSession::RowState::DeletePending) {
            QFont f;
            f.setStrikeOut(true);
            f.setItalic(!value(index.row(), index.column()));
            return f;
        }
        if (state == EditSession::RowState::RestorePending) {
            QFont f;
            f.setItalic(!value(index.row(), index.column()));
            return f; // no longer struck through
        }
        return {};
    case Qt::ToolTipRole:
        if (conflict) {
            if (conflict->vanished || !conflict->current)
                return tr("Conflict: this row was deleted by someone else since it was read");
            const qsizetype at = conflict->current->columns.indexOf(m_page.columns[index.column()].name);
            return tr("Conflict: this row was changed by someone else since it was read; it now holds %1")
                .arg(at >= 0 ? conflict->current->values.value(at).value_or(m_nullText) : QString());
        }
        if (edited)
            return tr("Staged; was: %1").arg(m_page.rows[index.row()][index.column()].value_or(m_nullText));
        return {};
    default:
        return {};
    }
}

QVariant PageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical && section >= 0 && section < rowCount()) {
        if (isNewRow(section))
            return role == Qt::DisplayRole   ? QVariant(QStringLiteral("＋"))
                   : role == Qt::ToolTipRole ? QVariant(tr("New row, inserted when the changes are applied"))
                                             : QVariant();
        const auto state = m_session && section < m_rowKeys.size() ? m_session->rowState(m_rowKeys[section])
                                                                   : EditSession::RowState::None;
        if (role == Qt::DisplayRole && state != EditSession::RowState::None) {
            switch (state) {
            case EditSession::RowState::Updated:
                return QStringLiteral("✎");
            case EditSession::RowState::SoftDeletePending:
            case EditSession::RowState::DeletePending:
                return QStringLiteral("✕ ✎");
            case EditSession::RowState::RestorePending:
                return QStringLiteral("↺");
            case EditSession::RowState::None:
            case EditSession::RowState::Inserted:
                break;
            }
        }
        if (role == Qt::DisplayRole)
            return isRowDeleted(section)  ? QStringLiteral("✕")
                   : m_firstRowNumber > 0 ? QString::number(m_firstRowNumber + section)
                                          : QString();
        if (role == Qt::ToolTipRole && isRowDeleted(section))
            return tr("Deleted (soft delete: %1)").arg(m_softDeleteColumnName);
        return {};
    }
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole)
        return m_page.columns[section].name;
    if (role == Qt::ToolTipRole)
        return m_page.columns[section].name + QStringLiteral(" : ") + m_page.columns[section].type;
    return {};
}

} // namespace pgdesk::ui
