// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>

#include <QModelIndexList>
#include <QObject>

#include <functional>
#include <memory>

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class PageModel;

// A table tab's pages bring long values cut (core::QuerySpec::valueLimit). Before a cell is shown in
// full, copied or filtered by, this loads the cut values among the cells whole, by their rows' keys on a
// worker (core::EntityOperations::values), puts them in the model and then continues with what the user
// asked for. Nothing happens when the rows changed meanwhile (a reload, another page): `failed` says so.
class WholeValueLoader final : public QObject {
    Q_OBJECT
public:
    WholeValueLoader(std::shared_ptr<core::Pool> pool, PageModel* model, QObject* parent = nullptr);

    void setTable(const core::TableInfo& table) { m_table = table; }
    // Runs `then` with the same cells once none of them is cut any more: at once when none is; not at all
    // when a cell went away meanwhile (a reload).
    void ensureWhole(const QModelIndexList& cells, std::function<void(const QModelIndexList& cells)> then);
    bool isLoading() const { return m_loading > 0; }

signals:
    void failed(const QString& message);
    void loadingChanged(bool loading);

private:
    std::shared_ptr<core::Pool> m_pool;
    PageModel* m_model;
    core::TableInfo m_table;
    int m_loading = 0;
};

} // namespace pgdesk::ui
