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
    m_numeric.clear();
    for (const auto& c : m_page.columns)
        m_numeric << isNumericType(c.type);
    endResetModel();
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
        // Long text stays whole in the model (copy, tooltip); the cell shows one line of it.
        const qsizetype newline = value->indexOf(QLatin1Char('\n'));
        if (newline >= 0 || value->size() > 200)
            return value->left(std::min<qsizetype>(newline >= 0 ? newline : 200, 200)) + QStringLiteral(" …");
        return *value;
    }
    case Qt::EditRole:
        return value ? QVariant(*value) : QVariant();
    case Qt::ToolTipRole:
        if (value && (value->size() > 60 || value->contains(QLatin1Char('\n'))))
            return value->left(2000);
        return {};
    case Qt::TextAlignmentRole:
        return int(m_numeric.value(index.column()) ? Qt::AlignRight | Qt::AlignVCenter
                                                   : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!value)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::FontRole:
        if (!value) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case IsNullRole:
        return !value;
    case TypeRole:
        return m_page.columns[index.column()].type;
    default:
        return {};
    }
}

QVariant PageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole)
        return m_page.columns[section].name;
    if (role == Qt::ToolTipRole)
        return m_page.columns[section].name + QStringLiteral(" : ") + m_page.columns[section].type;
    return {};
}

} // namespace pgdesk::ui
