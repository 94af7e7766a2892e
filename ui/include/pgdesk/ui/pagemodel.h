#pragma once

#include <pgdesk/core/catalog.h>
#include <pgdesk/core/page.h>

#include <QAbstractTableModel>

namespace pgdesk::ui {

// One page of rows, exactly as PostgreSQL printed them. Holds a single page at a time, so memory is
// bounded by the page size whatever the table's size. Display follows the type: NULL drawn distinctly
// from the empty string, numbers right-aligned (exact text), booleans as check marks, bytea as size +
// hex preview, long or multi-line text elided with a tooltip; rows soft-deleted by the table's
// convention are marked. EditRole always gives the exact text (invalid QVariant for NULL).
class PageModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { IsNullRole = Qt::UserRole + 1, TypeRole, IsDeletedRole };

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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static bool isNumericType(const QString& typeName);

private:
    core::Page m_page;
    void resolveColumns();

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
