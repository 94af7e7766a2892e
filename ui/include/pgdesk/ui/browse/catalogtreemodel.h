// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/server/tablespaces.h>
#include <pgdesk/core/session/databaselist.h>

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <vector>

namespace pgdesk::ui {

// Databases → schemas → tables, views, partitioned tables (partitions under their parent), with estimated
// rows, sizes and badges for the row key and soft-delete convention; each database's event triggers in a
// folder after its schemas, and the server's tablespaces in a folder after the databases. The databases come
// from core::listDatabases(); each database's relations from one CatalogReader::tables() call on that
// database, loaded when it is first expanded (canFetchMore/fetchMore ask the object browser for them:
// fetchRequested). SortRole holds what a column sorts by (numbers for rows and sizes, not their formatted
// text), for the sort proxy the tree is shown through.
class CatalogTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, RowsColumn, SizeColumn, NotesColumn, ColumnCount };
    enum Role {
        SchemaRole = Qt::UserRole + 1,
        TableRole,
        KindRole,
        IsSchemaRole,
        SortRole,
        DatabaseRole,   // the database of every node
        IsDatabaseRole, // a database node
        NameRole,       // the node's own name, plain: what the name column shows without bidi isolation
    };

    explicit CatalogTreeModel(QObject* parent = nullptr);
    ~CatalogTreeModel() override;

    // The server's databases; `primary` is the session's own (marked, and where setTables(tables) puts its
    // relations). Relations already loaded for a database still listed are kept.
    void setDatabases(const QList<core::DatabaseInfo>& databases, const QString& primary);
    // The relations of `database` (added to the list when missing), replacing what it showed.
    void setTables(const QString& database, const QList<core::TableSummary>& tables);
    // The primary database's relations.
    void setTables(const QList<core::TableSummary>& tables);
    // The conventions of `database`'s relations shown (by OID), read after them: their notes change, the
    // tree keeps its shape (expanded nodes, selection).
    void setConventions(const QString& database, const QList<core::TableSummary>& tables);
    // The databases' sizes (core::databaseSizes), read after the list.
    void setDatabaseSizes(const QHash<QString, qint64>& sizes);
    // The server's tablespaces: a folder after the databases (none when the list is empty). Best given before
    // setDatabases(), which puts the folder in place in its reset.
    void setTablespaces(const QList<core::TablespaceInfo>& tablespaces);
    // `database`'s event triggers: a folder after its schemas while it has any (kept across setTables; best
    // given before it, which puts the folder in place with the relations).
    void setEventTriggers(const QString& database, const QList<core::EventTriggerInfo>& triggers);
    // KindRole of the folders and of what is in them.
    static constexpr const char* kFolderKind = "folder";
    static constexpr const char* kTablespaceKind = "tablespace";
    static constexpr const char* kEventTriggerKind = "event_trigger";
    void clear();
    const QString& primaryDatabase() const { return m_primary; }
    // The databases whose relations are loaded.
    QStringList loadedDatabases() const;

    // The index of a database (empty = the primary), or an invalid index.
    QModelIndex findDatabase(const QString& database = {}) const;
    // The index of a relation of `database` (empty = the primary), or an invalid index.
    QModelIndex findTable(const QString& schema, const QString& name, const QString& database = {}) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A database not loaded yet was expanded: its relations are wanted (setTables answers).
    void fetchRequested(const QString& database);

private:
    enum class Kind { Root, Database, Schema, Relation, Folder, Tablespace, EventTrigger };
    struct Node {
        Kind kind = Kind::Root;
        Node* parent = nullptr;
        int row = 0; // position among its siblings
        std::vector<std::unique_ptr<Node>> children;
        QString database;
        QString schema;
        core::DatabaseInfo info; // Database
        bool loaded = false;     // Database: its relations are here
        core::TableSummary table;
        QString name; // a folder's title, a tablespace's or an event trigger's name
        core::TablespaceInfo tablespace;
        core::EventTriggerInfo trigger;
    };
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column = 0) const;
    Node* databaseNode(const QString& database) const;
    static void fillRelations(Node* database, const QList<core::TableSummary>& tables);
    // Removes `parent`'s folder (the last child, when it is one) and appends `folder` when it has children.
    void replaceFolder(Node* parent, std::unique_ptr<Node> folder);
    std::unique_ptr<Node> eventTriggerFolder(const QString& database) const;
    std::unique_ptr<Node> tablespaceFolder() const;
    QVariant objectData(const Node& n, int column, int role) const; // folders, tablespaces, triggers
    QString notes(const core::TableSummary& t) const;
    QString rowsText(const core::TableSummary& t) const;
    QVariant sortKey(const Node& n, int column) const;
    QVariant databaseData(const Node& n, int column, int role) const;
    // The themed icon (common/icons.h) for the relation's kind.
    static QString iconName(const core::TableSummary& t);

    std::unique_ptr<Node> m_root;
    QString m_primary;
    QList<core::TablespaceInfo> m_tablespaces;
    QHash<QString, QList<core::EventTriggerInfo>> m_eventTriggers;
};

} // namespace pgdesk::ui
