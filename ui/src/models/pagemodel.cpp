#include <pgdesk/ui/celltext.h>
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
    endResetModel();
}

void PageModel::resolveColumns() {
    m_numeric.clear();
    m_boolean.clear();
    m_bytea.clear();
    m_softDeleteColumn = -1;
    for (qsizetype i = 0; i < m_page.columns.size(); ++i) {
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
    if (m_softDeleteColumn < 0 || row < 0 || row >= rowCount())
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
    return parent.isValid() ? 0 : int(m_page.rows.size());
}

int PageModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_page.columns.size());
}

QVariant PageModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto& value = m_page.rows[index.row()][index.column()];
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
    case TypeRole:
        return m_page.columns[index.column()].type;
    default:
        return {};
    }
}

QVariant PageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical && section >= 0 && section < rowCount()) {
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
