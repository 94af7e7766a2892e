#pragma once

#include <pgdesk/core/catalogreader.h>

#include <QAbstractItemModel>

#include <vector>

namespace pgdesk::ui {

// Schemas → tables, views, partitioned tables (partitions under their parent), with estimated rows, sizes
// and badges for the row key and soft-delete convention. Filled from one CatalogReader::tables() call.
// SortRole holds what a column sorts by (numbers for rows and sizes, not their formatted text), for the
// sort proxy the tree is shown through.
class CatalogTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, RowsColumn, SizeColumn, NotesColumn, ColumnCount };
    enum Role { SchemaRole = Qt::UserRole + 1, TableRole, KindRole, IsSchemaRole, SortRole };

    explicit CatalogTreeModel(QObject* parent = nullptr);

    void setTables(const QList<core::TableSummary>& tables);
    void clear();
    // The index of a relation, or an invalid index.
    QModelIndex findTable(const QString& schema, const QString& name) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        int parent = -1; // index into m_nodes; -1 for schemas
        int row = 0;     // position among its siblings
        std::vector<int> children;
        bool isSchema = false;
        QString schema;
        core::TableSummary table;
    };
    const std::vector<int>& childrenOf(const QModelIndex& parent) const;
    QString notes(const core::TableSummary& t) const;
    QString rowsText(const core::TableSummary& t) const;
    QVariant sortKey(const Node& n, int column) const;
    // The themed icon (common/icons.h) for the relation's kind.
    static QString iconName(const core::TableSummary& t);

    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
};

} // namespace pgdesk::ui
