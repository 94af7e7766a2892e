#include <pgdesk/ui/catalogtreemodel.h>

#include <pgdesk/ui/celltext.h>
#include <pgdesk/ui/icons.h>

#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QLocale>

namespace pgdesk::ui {

CatalogTreeModel::CatalogTreeModel(QObject* parent)
    : QAbstractItemModel(parent) {
}

void CatalogTreeModel::clear() {
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    endResetModel();
}

void CatalogTreeModel::setTables(const QList<core::TableSummary>& tables) {
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    QHash<QString, int> schemaNode;
    QHash<QString, int> tableNode; // "schema\0name" → node, to hang partitions under their parent
    auto key = [](const QString& schema, const QString& name) { return schema + QChar(0) + name; };
    auto addChild = [this](int parent, Node node) {
        // Grow m_nodes before taking a reference into it: push_back may move every node.
        const int id = int(m_nodes.size());
        node.parent = parent;
        m_nodes.push_back(std::move(node));
        auto& siblings = parent < 0 ? m_roots : m_nodes[size_t(parent)].children;
        m_nodes[size_t(id)].row = int(siblings.size());
        siblings.push_back(id);
        return id;
    };
    for (const auto& t : tables) {
        if (!schemaNode.contains(t.schema)) {
            Node s;
            s.isSchema = true;
            s.schema = t.schema;
            schemaNode.insert(t.schema, addChild(-1, std::move(s)));
        }
    }
    // Parents first, so that partitions find them whatever order the catalog returned.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& t : tables) {
            if (t.isPartition() != (pass == 1))
                continue;
            int parent = schemaNode.value(t.schema);
            if (t.isPartition())
                parent = tableNode.value(key(t.parentSchema, t.parentName), parent);
            Node n;
            n.schema = t.schema;
            n.table = t;
            tableNode.insert(key(t.schema, t.name), addChild(parent, std::move(n)));
        }
    }
    endResetModel();
}

QModelIndex CatalogTreeModel::findTable(const QString& schema, const QString& name) const {
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const Node& n = m_nodes[i];
        if (!n.isSchema && n.table.schema == schema && n.table.name == name)
            return createIndex(n.row, 0, quintptr(i));
    }
    return {};
}

const std::vector<int>& CatalogTreeModel::childrenOf(const QModelIndex& parent) const {
    return parent.isValid() ? m_nodes[size_t(parent.internalId())].children : m_roots;
}

QModelIndex CatalogTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const auto& children = childrenOf(parent);
    if (row < 0 || row >= int(children.size()))
        return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex CatalogTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const int p = m_nodes[size_t(child.internalId())].parent;
    if (p < 0)
        return {};
    return createIndex(m_nodes[size_t(p)].row, 0, quintptr(p));
}

int CatalogTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int CatalogTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QString CatalogTreeModel::rowsText(const core::TableSummary& t) const {
    if (t.kind == core::RelationKind::View || t.kind == core::RelationKind::ForeignTable)
        return {};
    return QStringLiteral("≈ ") + QLocale().toString(qint64(t.estimatedRows));
}

namespace {

// Views and foreign tables store nothing here: no row estimate, no size.
bool storesRows(const core::TableSummary& t) {
    return t.kind != core::RelationKind::View && t.kind != core::RelationKind::ForeignTable;
}

} // namespace

QVariant CatalogTreeModel::sortKey(const Node& n, int column) const {
    // Schemas only ever sort among schemas: by name whatever the column.
    if (n.isSchema)
        return n.schema;
    switch (column) {
    case RowsColumn:
        return storesRows(n.table) ? n.table.estimatedRows : -1.0;
    case SizeColumn:
        return storesRows(n.table) ? n.table.totalBytes : qint64(-1);
    case NotesColumn:
        return notes(n.table);
    default:
        return n.table.name;
    }
}

QString CatalogTreeModel::notes(const core::TableSummary& t) const {
    QStringList parts;
    switch (t.kind) {
    case core::RelationKind::View:
        parts << tr("view");
        break;
    case core::RelationKind::MaterializedView:
        parts << tr("materialized view");
        break;
    case core::RelationKind::PartitionedTable:
        parts << tr("partitioned");
        break;
    case core::RelationKind::ForeignTable:
        parts << tr("foreign");
        break;
    case core::RelationKind::Table:
    case core::RelationKind::Query:
        break;
    }
    const auto& c = t.conventions;
    if (!c.rowKey.isEmpty())
        parts << tr("key %1").arg(c.rowKey.join(QStringLiteral(", ")));
    else if (t.kind == core::RelationKind::Table)
        parts << tr("no key: read-only");
    if (c.softDelete != core::SoftDeleteKind::None)
        parts << tr("soft delete: %1").arg(c.softDeleteColumn);
    return parts.join(QStringLiteral(" · "));
}

// One icon per kind of relation, so a view or a partitioned table is told from a table at a glance.
QString CatalogTreeModel::iconName(const core::TableSummary& t) {
    switch (t.kind) {
    case core::RelationKind::PartitionedTable:
        return QStringLiteral("folder-table");
    case core::RelationKind::View:
        return QStringLiteral("view-list-details");
    case core::RelationKind::MaterializedView:
        return QStringLiteral("view-grid");
    case core::RelationKind::ForeignTable:
        return QStringLiteral("network-connect");
    default:
        return QStringLiteral("table");
    }
}

QVariant CatalogTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const Node& n = m_nodes[size_t(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn) // a name is data: isolated (SchemaRole, TableRole stay plain)
            return isolatedIn(QGuiApplication::layoutDirection(), n.isSchema ? n.schema : n.table.name);
        if (n.isSchema)
            return {};
        if (index.column() == RowsColumn)
            return rowsText(n.table);
        if (index.column() == SizeColumn)
            return storesRows(n.table) ? QLocale().formattedDataSize(n.table.totalBytes) : QString();
        return notes(n.table);
    case Qt::ToolTipRole:
        if (n.isSchema)
            return tr("Schema %1").arg(n.schema);
        if (index.column() == SizeColumn && storesRows(n.table))
            return tr("%1 bytes in the table, its indexes and TOAST (from the statistics)")
                .arg(QLocale().toString(n.table.totalBytes));
        return QStringLiteral("%1.%2%3").arg(
            n.table.schema, n.table.name,
            n.table.comment.isEmpty() ? QString() : QStringLiteral("\n") + n.table.comment);
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        return themedIcon(n.isSchema ? QStringLiteral("folder") : iconName(n.table));
    case Qt::TextAlignmentRole:
        return index.column() == RowsColumn || index.column() == SizeColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::FontRole:
        if (n.isSchema) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case SchemaRole:
        return n.schema;
    case TableRole:
        return n.isSchema ? QVariant() : QVariant(n.table.name);
    case KindRole:
        return n.isSchema ? QVariant() : QVariant(core::relationKindName(n.table.kind));
    case IsSchemaRole:
        return n.isSchema;
    case SortRole:
        return sortKey(n, index.column());
    default:
        return {};
    }
}

QVariant CatalogTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RowsColumn:
        return tr("Rows");
    case SizeColumn:
        return tr("Size");
    case NotesColumn:
        return tr("Notes");
    default:
        return {};
    }
}

} // namespace pgdesk::ui
