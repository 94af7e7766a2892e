// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/catalogtreemodel.h>

#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/grid/celltext.h>

#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace pgdesk::ui {

CatalogTreeModel::CatalogTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>()) {
}

CatalogTreeModel::~CatalogTreeModel() = default;

void CatalogTreeModel::clear() {
    beginResetModel();
    m_root->children.clear();
    m_primary.clear();
    m_tablespaces.clear();
    m_eventTriggers.clear();
    endResetModel();
}

CatalogTreeModel::Node* CatalogTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex CatalogTreeModel::indexOf(const Node* node, int column) const {
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node*>(node));
}

CatalogTreeModel::Node* CatalogTreeModel::databaseNode(const QString& database) const {
    const QString& name = database.isEmpty() ? m_primary : database;
    for (const auto& d : m_root->children)
        if (d->kind == Kind::Database && d->database == name)
            return d.get();
    return nullptr;
}

void CatalogTreeModel::setDatabases(const QList<core::DatabaseInfo>& databases, const QString& primary) {
    beginResetModel();
    m_primary = primary;
    std::vector<std::unique_ptr<Node>> old = std::move(m_root->children);
    m_root->children.clear();
    auto take = [&old](const QString& name) -> std::unique_ptr<Node> {
        for (auto& n : old)
            if (n && n->database == name)
                return std::move(n);
        auto n = std::make_unique<Node>();
        n->kind = Kind::Database;
        n->database = name;
        return n;
    };
    QList<core::DatabaseInfo> list = databases;
    // The session's own database is always there (a pinned profile lists only it; a template the session
    // is connected to is listed although templates are hidden).
    if (!primary.isEmpty() &&
        std::none_of(list.cbegin(), list.cend(), [&](const auto& d) { return d.name == primary; })) {
        core::DatabaseInfo d;
        d.name = primary;
        list.prepend(d);
    }
    for (const auto& d : list) {
        auto n = take(d.name);
        n->info = d;
        n->parent = m_root.get();
        n->row = int(m_root->children.size());
        m_root->children.push_back(std::move(n));
    }
    // The tablespaces' folder after the databases, in the same reset: rows inserted at the top level later
    // would make a view lay out again before it fetches what is expanded.
    if (auto folder = tablespaceFolder()) {
        folder->parent = m_root.get();
        folder->row = int(m_root->children.size());
        m_root->children.push_back(std::move(folder));
    }
    endResetModel();
}

void CatalogTreeModel::fillRelations(Node* database, const QList<core::TableSummary>& tables) {
    QHash<QString, Node*> schemaNode;
    QHash<QString, Node*> tableNode; // "schema\0name" → node, to hang partitions under their parent
    auto key = [](const QString& schema, const QString& name) { return schema + QChar(0) + name; };
    auto addChild = [database](Node* parent, std::unique_ptr<Node> node) {
        node->parent = parent;
        node->row = int(parent->children.size());
        node->database = database->database;
        Node* raw = node.get();
        parent->children.push_back(std::move(node));
        return raw;
    };
    for (const auto& t : tables) {
        if (!schemaNode.contains(t.schema)) {
            auto s = std::make_unique<Node>();
            s->kind = Kind::Schema;
            s->schema = t.schema;
            schemaNode.insert(t.schema, addChild(database, std::move(s)));
        }
    }
    // Parents first, so that partitions find them whatever order the catalog returned.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& t : tables) {
            if (t.isPartition() != (pass == 1))
                continue;
            Node* parent = schemaNode.value(t.schema);
            if (t.isPartition())
                parent = tableNode.value(key(t.parentSchema, t.parentName), parent);
            auto n = std::make_unique<Node>();
            n->kind = Kind::Relation;
            n->schema = t.schema;
            n->table = t;
            tableNode.insert(key(t.schema, t.name), addChild(parent, std::move(n)));
        }
    }
}

void CatalogTreeModel::setTables(const QString& database, const QList<core::TableSummary>& tables) {
    const QString name = database.isEmpty() ? m_primary : database;
    Node* d = databaseNode(name);
    if (!d) {
        const int row = int(m_root->children.size());
        beginInsertRows({}, row, row);
        auto n = std::make_unique<Node>();
        n->kind = Kind::Database;
        n->database = name;
        n->info.name = name;
        n->parent = m_root.get();
        n->row = row;
        d = n.get();
        m_root->children.push_back(std::move(n));
        endInsertRows();
    }
    const QModelIndex parent = indexOf(d);
    if (!d->children.empty()) {
        beginRemoveRows(parent, 0, int(d->children.size()) - 1);
        d->children.clear();
        endRemoveRows();
    }
    // Built aside, then inserted in one go: the view sees one insertion, not thousands.
    Node staging;
    staging.database = name;
    fillRelations(&staging, tables);
    if (auto folder = eventTriggerFolder(name)) {
        folder->parent = &staging;
        folder->row = int(staging.children.size());
        staging.children.push_back(std::move(folder));
    }
    d->loaded = true;
    if (!staging.children.empty()) {
        beginInsertRows(parent, 0, int(staging.children.size()) - 1);
        d->children = std::move(staging.children);
        for (auto& schema : d->children)
            schema->parent = d;
        endInsertRows();
    }
    // The name column's data of a database says whether it is loaded.
    emit dataChanged(parent, indexOf(d, ColumnCount - 1));
}

std::unique_ptr<CatalogTreeModel::Node> CatalogTreeModel::eventTriggerFolder(const QString& database) const {
    const QList<core::EventTriggerInfo> triggers = m_eventTriggers.value(database);
    if (triggers.isEmpty())
        return nullptr;
    auto folder = std::make_unique<Node>();
    folder->kind = Kind::Folder;
    folder->database = database;
    folder->name = tr("Event triggers");
    for (const core::EventTriggerInfo& t : triggers) {
        auto n = std::make_unique<Node>();
        n->kind = Kind::EventTrigger;
        n->database = database;
        n->name = t.name;
        n->trigger = t;
        n->parent = folder.get();
        n->row = int(folder->children.size());
        folder->children.push_back(std::move(n));
    }
    return folder;
}

void CatalogTreeModel::replaceFolder(Node* parent, std::unique_ptr<Node> folder) {
    const QModelIndex index = parent == m_root.get() ? QModelIndex() : indexOf(parent);
    const bool wanted = folder && !folder->children.empty();
    for (size_t i = 0; i < parent->children.size(); ++i) {
        Node* existing = parent->children[i].get();
        if (existing->kind != Kind::Folder)
            continue;
        if (!wanted) {
            beginRemoveRows(index, int(i), int(i));
            parent->children.erase(parent->children.begin() + qsizetype(i));
            for (size_t j = i; j < parent->children.size(); ++j)
                parent->children[j]->row = int(j);
            endRemoveRows();
            return;
        }
        // Its contents replaced under it: the rows around it stay as they are.
        const QModelIndex at = indexOf(existing);
        if (!existing->children.empty()) {
            beginRemoveRows(at, 0, int(existing->children.size()) - 1);
            existing->children.clear();
            endRemoveRows();
        }
        beginInsertRows(at, 0, int(folder->children.size()) - 1);
        existing->children = std::move(folder->children);
        for (auto& child : existing->children)
            child->parent = existing;
        endInsertRows();
        return;
    }
    if (!wanted)
        return;
    const int row = int(parent->children.size());
    beginInsertRows(index, row, row);
    folder->parent = parent;
    folder->row = row;
    parent->children.push_back(std::move(folder));
    endInsertRows();
}

std::unique_ptr<CatalogTreeModel::Node> CatalogTreeModel::tablespaceFolder() const {
    if (m_tablespaces.isEmpty())
        return nullptr;
    auto folder = std::make_unique<Node>();
    folder->kind = Kind::Folder;
    folder->name = tr("Tablespaces");
    for (const core::TablespaceInfo& t : m_tablespaces) {
        auto n = std::make_unique<Node>();
        n->kind = Kind::Tablespace;
        n->name = t.name;
        n->tablespace = t;
        n->parent = folder.get();
        n->row = int(folder->children.size());
        folder->children.push_back(std::move(n));
    }
    return folder;
}

void CatalogTreeModel::setTablespaces(const QList<core::TablespaceInfo>& tablespaces) {
    if (tablespaces == m_tablespaces)
        return;
    m_tablespaces = tablespaces;
    if (!m_root->children.empty()) // before the databases: setDatabases() adds the folder
        replaceFolder(m_root.get(), tablespaceFolder());
}

void CatalogTreeModel::setEventTriggers(const QString& database,
                                        const QList<core::EventTriggerInfo>& triggers) {
    const QString name = database.isEmpty() ? m_primary : database;
    m_eventTriggers.insert(name, triggers);
    if (Node* d = databaseNode(name); d && d->loaded)
        replaceFolder(d, eventTriggerFolder(name));
}

void CatalogTreeModel::setTables(const QList<core::TableSummary>& tables) {
    setTables(m_primary, tables);
}

void CatalogTreeModel::setDatabaseSizes(const QHash<QString, qint64>& sizes) {
    for (const auto& d : m_root->children) {
        const auto size = sizes.constFind(d->database);
        if (size == sizes.cend() || d->info.sizeBytes == *size)
            continue;
        d->info.sizeBytes = *size;
        const QModelIndex cell = indexOf(d.get(), SizeColumn);
        emit dataChanged(cell, cell);
    }
}

void CatalogTreeModel::setConventions(const QString& database, const QList<core::TableSummary>& tables) {
    Node* d = databaseNode(database.isEmpty() ? m_primary : database);
    if (!d)
        return;
    QHash<core::Oid, const core::TableSummary*> byOid;
    byOid.reserve(tables.size());
    for (const core::TableSummary& t : tables)
        byOid.insert(t.oid, &t);
    // Schemas hold relations, which hold their partitions: each level's notes change as one range.
    std::vector<Node*> parents(1, d);
    while (!parents.empty()) {
        Node* parent = parents.back();
        parents.pop_back();
        for (const auto& child : parent->children) {
            if (child->kind == Kind::Relation)
                if (const core::TableSummary* t = byOid.value(child->table.oid))
                    child->table.conventions = t->conventions;
            if (!child->children.empty())
                parents.push_back(child.get());
        }
        if (parent != d && !parent->children.empty())
            emit dataChanged(indexOf(parent->children.front().get(), NotesColumn),
                             indexOf(parent->children.back().get(), NotesColumn));
    }
}

QStringList CatalogTreeModel::loadedDatabases() const {
    QStringList out;
    for (const auto& d : m_root->children)
        if (d->loaded)
            out << d->database;
    return out;
}

QModelIndex CatalogTreeModel::findDatabase(const QString& database) const {
    return indexOf(databaseNode(database));
}

QModelIndex CatalogTreeModel::findTable(const QString& schema, const QString& name,
                                        const QString& database) const {
    const Node* d = databaseNode(database);
    if (!d)
        return {};
    for (const auto& s : d->children) {
        if (s->schema != schema)
            continue;
        // Depth-first: partitions sit under their parents.
        std::vector<const Node*> stack;
        for (const auto& c : s->children)
            stack.push_back(c.get());
        while (!stack.empty()) {
            const Node* n = stack.back();
            stack.pop_back();
            if (n->table.schema == schema && n->table.name == name)
                return indexOf(n);
            for (const auto& c : n->children)
                stack.push_back(c.get());
        }
    }
    return {};
}

QModelIndex CatalogTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node* p = nodeOf(parent);
    if (row < 0 || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex CatalogTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int CatalogTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int CatalogTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

bool CatalogTreeModel::hasChildren(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node* n = nodeOf(parent);
    // A database not loaded yet shows its expander: expanding it loads it.
    return !n->children.empty() || (n->kind == Kind::Database && !n->loaded);
}

bool CatalogTreeModel::canFetchMore(const QModelIndex& parent) const {
    if (!parent.isValid() || parent.column() != 0)
        return false;
    const Node* n = nodeOf(parent);
    return n->kind == Kind::Database && !n->loaded;
}

void CatalogTreeModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        emit fetchRequested(nodeOf(parent)->database);
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
    // Databases and schemas only ever sort among their kind: by name whatever the column.
    if (n.kind == Kind::Database)
        return n.database;
    if (n.kind == Kind::Schema)
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

QVariant CatalogTreeModel::databaseData(const Node& n, int column, int role) const {
    const bool primary = n.database == m_primary;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return isolatedIn(QGuiApplication::layoutDirection(), n.database);
        if (column == SizeColumn && n.info.sizeBytes >= 0)
            return QLocale().formattedDataSize(n.info.sizeBytes);
        if (column == NotesColumn) {
            QStringList parts;
            if (primary)
                parts << tr("this session's database");
            if (n.info.isTemplate)
                parts << tr("template");
            if (!n.info.comment.isEmpty())
                parts << n.info.comment.section(QLatin1Char('\n'), 0, 0);
            return parts.join(QStringLiteral(" · "));
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = tr("Database %1").arg(n.database);
        if (!n.info.owner.isEmpty())
            tip += QLatin1Char('\n') + tr("Owner %1, encoding %2").arg(n.info.owner, n.info.encoding);
        if (n.info.sizeBytes >= 0)
            tip += QLatin1Char('\n') + tr("%1 bytes").arg(QLocale().toString(n.info.sizeBytes));
        if (!n.info.comment.isEmpty())
            tip += QLatin1Char('\n') + n.info.comment;
        if (!n.loaded)
            tip += QLatin1Char('\n') + tr("Expand to open it (a connection pool of its own)");
        return tip;
    }
    case Qt::DecorationRole:
        return column == NameColumn ? themedIcon(QStringLiteral("server-database")) : QVariant();
    case Qt::TextAlignmentRole:
        return column == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::FontRole: {
        // Bold names only, never italic: Persian digits, Arabic and CJK have no italic in most fonts and
        // came out as boxes. A database not opened yet is dimmed instead.
        if (column != NameColumn)
            return {};
        QFont f;
        f.setBold(true);
        return f;
    }
    case Qt::ForegroundRole:
        if (n.loaded)
            return {};
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    default:
        return {};
    }
}

QVariant CatalogTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const Node& n = *nodeOf(index);
    if (n.kind == Kind::Folder || n.kind == Kind::Tablespace || n.kind == Kind::EventTrigger)
        return objectData(n, index.column(), role);
    const bool isSchema = n.kind == Kind::Schema;
    switch (role) {
    case DatabaseRole:
        return n.database;
    case IsDatabaseRole:
        return n.kind == Kind::Database;
    case NameRole:
        return n.kind == Kind::Database ? n.database : isSchema ? n.schema : n.table.name;
    case SchemaRole:
        return n.kind == Kind::Database ? QVariant() : QVariant(n.schema);
    case TableRole:
        return n.kind == Kind::Relation ? QVariant(n.table.name) : QVariant();
    case KindRole:
        return n.kind == Kind::Relation ? QVariant(core::relationKindName(n.table.kind)) : QVariant();
    case IsSchemaRole:
        return isSchema;
    case SortRole:
        return sortKey(n, index.column());
    default:
        break;
    }
    if (n.kind == Kind::Database)
        return databaseData(n, index.column(), role);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn) // a name is data: isolated (SchemaRole, TableRole stay plain)
            return isolatedIn(QGuiApplication::layoutDirection(), isSchema ? n.schema : n.table.name);
        if (isSchema)
            return {};
        if (index.column() == RowsColumn)
            return rowsText(n.table);
        if (index.column() == SizeColumn)
            return storesRows(n.table) ? QLocale().formattedDataSize(n.table.totalBytes) : QString();
        return notes(n.table);
    case Qt::ToolTipRole:
        if (isSchema)
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
        return themedIcon(isSchema ? QStringLiteral("folder") : iconName(n.table));
    case Qt::TextAlignmentRole:
        return index.column() == RowsColumn || index.column() == SizeColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::FontRole:
        if (isSchema) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    default:
        return {};
    }
}

QVariant CatalogTreeModel::objectData(const Node& n, int column, int role) const {
    switch (role) {
    case DatabaseRole:
        return n.database;
    case IsDatabaseRole:
    case IsSchemaRole:
        return false;
    case NameRole:
        return n.name;
    case KindRole:
        return QLatin1String(n.kind == Kind::Folder       ? kFolderKind
                             : n.kind == Kind::Tablespace ? kTablespaceKind
                                                          : kEventTriggerKind);
    case SortRole:
        // A folder after the schemas or databases it sits among, whatever the column.
        return n.kind == Kind::Folder ? QVariant(QString(QChar(0xFFFF)) + n.name)
               : column == SizeColumn && n.kind == Kind::Tablespace ? QVariant(n.tablespace.bytes)
                                                                    : QVariant(n.name);
    case Qt::DisplayRole:
        if (column == NameColumn)
            return isolatedIn(QGuiApplication::layoutDirection(), n.name);
        if (n.kind == Kind::Tablespace && column == SizeColumn && n.tablespace.bytes >= 0)
            return QLocale().formattedDataSize(n.tablespace.bytes);
        if (column != NotesColumn || n.kind == Kind::Folder)
            return {};
        if (n.kind == Kind::Tablespace) {
            QStringList parts{n.tablespace.location.isEmpty() ? tr("in the data directory")
                                                              : n.tablespace.location,
                              tr("owner %1").arg(n.tablespace.owner)};
            if (n.tablespace.relations > 0)
                parts << tr("%n relation(s) of this database", nullptr, int(n.tablespace.relations));
            return parts.join(QStringLiteral(" · "));
        } else {
            QStringList parts{n.trigger.event, n.trigger.function};
            if (n.trigger.enabled == u'D')
                parts << tr("disabled");
            else if (n.trigger.enabled == u'R')
                parts << tr("replica only");
            else if (n.trigger.enabled == u'A')
                parts << tr("always");
            if (!n.trigger.tags.isEmpty())
                parts << n.trigger.tags.join(QStringLiteral(", "));
            return parts.join(QStringLiteral(" · "));
        }
    case Qt::ToolTipRole:
        if (n.kind == Kind::Tablespace)
            return n.tablespace.comment.isEmpty() ? tr("Tablespace %1").arg(n.name) : n.tablespace.comment;
        if (n.kind == Kind::EventTrigger)
            return n.trigger.comment.isEmpty() ? tr("Event trigger %1").arg(n.name) : n.trigger.comment;
        return {};
    case Qt::DecorationRole:
        if (column != NameColumn)
            return {};
        return themedIcon(n.kind == Kind::Folder       ? QStringLiteral("folder")
                          : n.kind == Kind::Tablespace ? QStringLiteral("server-database")
                                                       : QStringLiteral("code-function"));
    case Qt::TextAlignmentRole:
        return column == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::FontRole:
        if (n.kind == Kind::Folder && column == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
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
