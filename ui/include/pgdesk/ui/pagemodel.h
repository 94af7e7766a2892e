#pragma once

#include <pgdesk/core/catalog.h>
#include <pgdesk/core/page.h>
#include <pgdesk/ui/editsession.h>

#include <pgdesk/core/entityoperations.h>

#include <QAbstractTableModel>
#include <QPointer>

namespace pgdesk::ui {

// One page of rows, exactly as PostgreSQL printed them. Holds a single page at a time, so memory is
// bounded by the page size whatever the table's size. Display follows the type: NULL drawn distinctly
// from the empty string, numbers right-aligned (exact text), booleans as check marks, bytea as size +
// hex preview, long or multi-line text elided with a tooltip; rows soft-deleted by the table's
// convention are marked. EditRole always gives the exact text (invalid QVariant for NULL).
//
// With an EditSession (tables with a row key), staged values show over the page's (found by row key, so
// they follow their rows across pages and sorts), edited cells and rows pending deletion, restore or in
// conflict are marked, and writable cells are editable: setData(EditRole) with an invalid QVariant stages
// NULL, with a string (even empty) stages that text; booleans toggle through CheckStateRole.
class PageModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        IsNullRole = Qt::UserRole + 1,
        TypeRole,
        IsDeletedRole,
        IsEditedRole,  // the cell has a staged value
        RowStateRole,  // int(EditSession::RowState)
        IsConflictRole // the row's change conflicted at the last apply
    };

    explicit PageModel(QObject* parent = nullptr);

    void setPage(core::Page page);
    void clear();
    const core::Page& page() const { return m_page; }
    void setNullText(const QString& text) { m_nullText = text; }
    // Which column says a row is soft-deleted, and how (from the table's conventions); None: no marking.
    void setSoftDelete(core::SoftDeleteKind kind, const QString& column);
    bool isRowDeleted(int row) const;
    // Number shown in the vertical header for the first row (its position in the whole result), or 0
    // when unknown (e.g. the last page of an estimated total): then rows are not numbered.
    void setFirstRowNumber(qint64 number);
    // Staged edits to show and stage into (nullptr: read-only). Not owned.
    void setEditSession(EditSession* session);
    EditSession* editSession() const { return m_session; }
    // While an apply runs nothing can be edited.
    void setEditingLocked(bool locked);
    // New rows (staged inserts) follow the page's rows; -1 for a row of the page.
    qsizetype insertIndex(int row) const;
    bool isNewRow(int row) const { return insertIndex(row) >= 0; }
    int pageRowCount() const { return int(m_page.rows.size()); }
    // The row's key (empty when the page has none, and for new rows) and version as read.
    core::Key rowKey(int row) const;
    QString rowVersion(int row) const;
    // The value shown: staged if any, else as read.
    std::optional<QString> value(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static bool isNumericType(const QString& typeName);

private:
    core::Page m_page;
    void resolveColumns();
    void sessionChanged();
    bool isCellEditable(const QModelIndex& index) const;
    QVariant editData(const QModelIndex& index, int role) const;
    QVariant newRowData(const QModelIndex& index, int role) const;

    QPointer<EditSession> m_session;
    bool m_locked = false;
    QList<core::Key> m_rowKeys;
    QList<qsizetype> m_inserts; // the session's pending inserts, shown after the page's rows
    QList<bool> m_writable;

    QList<bool> m_numeric;
    QList<bool> m_boolean;
    QList<bool> m_bytea;
    core::SoftDeleteKind m_softDelete = core::SoftDeleteKind::None;
    QString m_softDeleteColumnName;
    int m_softDeleteColumn = -1;
    qint64 m_firstRowNumber = 1;
    QString m_nullText = QStringLiteral("NULL");
};

} // namespace pgdesk::ui
