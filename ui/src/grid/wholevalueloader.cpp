// SPDX-License-Identifier: GPL-3.0-or-later
#include "grid/wholevalueloader.h"

#include <pgdesk/core/editing/entityoperations.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <algorithm>
#include <map>

namespace pgdesk::ui {

namespace {

struct WantedRow {
    int row = 0;
    core::Key key;
    QString version; // as read: the whole values must be of this version of the row
    QList<int> columns;
    QStringList names;
};

using LoadedValues = QList<std::optional<QList<std::optional<QString>>>>;

// The row's key as read, from the table's row key columns (empty when the row is not held).
core::Key keyOf(const PageModel& model, const core::TableInfo& table, int row) {
    const auto* values = model.rowValues(row);
    if (!values || table.conventions.rowKey.isEmpty())
        return {};
    core::Key key;
    for (const QString& name : table.conventions.rowKey) {
        int at = -1;
        for (int c = 0; c < model.page().columns.size() && at < 0; ++c)
            if (model.page().columns[c].name == name)
                at = c;
        if (at < 0)
            return {};
        key.append({name, values->value(at)});
    }
    return key;
}

} // namespace

WholeValueLoader::WholeValueLoader(std::shared_ptr<core::Pool> pool, PageModel* model, QObject* parent)
    : QObject(parent)
    , m_pool(std::move(pool))
    , m_model(model) {
}

void WholeValueLoader::ensureWhole(const QModelIndexList& cells,
                                   std::function<void(const QModelIndexList& cells)> then) {
    std::map<int, WantedRow> wanted;
    for (const QModelIndex& cell : cells) {
        if (!cell.isValid() || !m_model->isCut(cell.row(), cell.column()))
            continue;
        WantedRow& w = wanted[cell.row()];
        w.row = cell.row();
        if (!w.columns.contains(cell.column())) {
            w.columns << cell.column();
            w.names << m_model->page().columns[cell.column()].name;
        }
    }
    if (wanted.empty()) {
        then(cells);
        return;
    }
    const QList<QPersistentModelIndex> kept(cells.begin(), cells.end());
    QList<WantedRow> rows;
    for (auto& [row, w] : wanted) {
        w.key = keyOf(*m_model, m_table, row);
        w.version = m_model->rowVersion(row);
        if (w.key.isEmpty()) {
            emit failed(tr("The whole value cannot be loaded: the row has no key"));
            return;
        }
        rows << w;
    }
    if (++m_loading == 1)
        emit loadingChanged(true);
    // Loads may overlap (a copy, then an edit), each with its own `then`: a slot per load, gone with it; the
    // loader's end cancels what is still loading.
    auto* slot = new JobSlot(this);
    const auto finished = [this, slot] {
        slot->deleteLater();
        if (--m_loading == 0)
            emit loadingChanged(false);
    };
    slot->start(
        [pool = m_pool, table = m_table, rows](const std::shared_ptr<core::CancelToken>& token) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(token, *connection);
            core::EntityOperations operations(*connection, table);
            LoadedValues values;
            for (const WantedRow& w : rows)
                values << operations.values(w.key, w.names, w.version);
            return values;
        },
        [this, rows, kept, then = std::move(then), finished](const LoadedValues& values) {
            finished();
            // All or nothing: the rows must still be where they were, and still exist.
            for (qsizetype i = 0; i < rows.size(); ++i) {
                if (!values.value(i)) {
                    emit failed(
                        tr("The row was deleted since it was read; refresh to see the table as it is now"));
                    return;
                }
                if (keyOf(*m_model, m_table, rows[i].row) != rows[i].key ||
                    m_model->rowVersion(rows[i].row) != rows[i].version) {
                    emit failed(tr("The rows changed while their values were loading; try again"));
                    return;
                }
            }
            const QModelIndexList now(kept.begin(), kept.end());
            if (!std::all_of(now.begin(), now.end(), [](const QModelIndex& i) { return i.isValid(); }))
                return; // the model was reset meanwhile
            for (qsizetype i = 0; i < rows.size(); ++i)
                for (qsizetype c = 0; c < rows[i].columns.size(); ++c)
                    m_model->setWholeValue(rows[i].row, rows[i].columns[c], values[i]->value(c));
            then(now);
        },
        [this, finished](const BackgroundFailure& failure) {
            finished();
            emit failed(failure.message);
        });
}

} // namespace pgdesk::ui
