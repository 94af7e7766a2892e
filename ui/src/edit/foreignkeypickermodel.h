// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/foreignkeypicker.h>

#include <QAbstractTableModel>

#include <memory>

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// The rows of a foreign key's parent table that a picker offers: the referenced key columns and a label
// column (core::ForeignKeyPicker), read page by page on a worker with a pooled connection (never on the GUI
// thread). The first page loads on setSearch(); further pages as the view scrolls (canFetchMore/fetchMore),
// each after the last key shown, so a 10-million-row parent reads no more than what is seen. A new search
// supersedes the page still loading.
class ForeignKeyPickerModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;

    ForeignKeyPickerModel(std::shared_ptr<core::Pool> pool, core::ForeignKey foreignKey, QObject* parent);

    void setSearch(const QString& search);
    const QString& search() const { return m_search; }
    bool isLoading() const;
    // The key of a row, in the foreign key's referenced-column order.
    QStringList keyAt(int row) const;
    const core::ForeignKey& foreignKey() const { return m_fk; }
    // Empty until the first page has loaded, or when the parent has no label column.
    QString labelColumn() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void pageLoaded();
    void failed(const QString& message);

private:
    void load(bool first);

    std::shared_ptr<core::Pool> m_pool;
    core::ForeignKey m_fk;
    std::shared_ptr<const core::ForeignKeyPicker> m_picker; // read with the first page
    JobSlot* m_slot;
    QString m_search;
    QList<core::ForeignKeyChoice> m_rows;
    bool m_hasMore = false;
};

} // namespace pgdesk::ui
