#pragma once

#include <pgdesk/core/page.h>

#include <QAbstractTableModel>

namespace pgdesk::ui {

// One page of rows, exactly as PostgreSQL printed them. Holds a single page at a time, so memory is
// bounded by the page size whatever the table's size. NULL is drawn distinctly from the empty string.
class PageModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { IsNullRole = Qt::UserRole + 1, TypeRole };

    explicit PageModel(QObject* parent = nullptr);

    void setPage(core::Page page);
    void clear();
    const core::Page& page() const { return m_page; }
    void setNullText(const QString& text) { m_nullText = text; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static bool isNumericType(const QString& typeName);

private:
    core::Page m_page;
    QList<bool> m_numeric;
    QString m_nullText = QStringLiteral("NULL");
};

} // namespace pgdesk::ui
