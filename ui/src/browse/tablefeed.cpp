// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/tablefeed.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <pgdesk/core/session/pool.h>

namespace pgdesk::ui {

namespace {
struct Loaded {
    core::TableInfo table;
    core::Page page;
    bool standby = false;
};
struct BlockLoaded {
    core::Page page;
    std::optional<qint64> total; // counted first (a far jump into an estimated result)
};
// Longer values come cut (a page of big documents stays small) and load whole when shown, copied or edited.
constexpr int kValueLimit = 16384;
// Beyond this many rows a jump by OFFSET into a result of estimated size counts the rows first: count(*)
// ships no rows and, once the total is exact, the last block comes by keyset from the end.
constexpr qint64 kCountBeforeOffset = 100000;
} // namespace

TableFeed::TableFeed(std::shared_ptr<core::Pool> pool, QString schema, QString table, PageModel* model,
                     QObject* parent)
    : TableFeed(poolConnector(pool), std::move(schema), std::move(table), model, parent) {
    m_pool = std::move(pool);
}

TableFeed::TableFeed(FeedConnector connector, QString schema, QString table, PageModel* model,
                     QObject* parent)
    : QObject(parent)
    , m_connect(std::move(connector))
    , m_model(model)
    , m_countJob(new JobSlot(this))
    , m_loadJob(new JobSlot(this))
    , m_blockJob(new JobSlot(this)) {
    for (JobSlot* job : {m_countJob, m_loadJob, m_blockJob})
        connect(job, &JobSlot::runningChanged, this, &TableFeed::busyChanged);
    m_spec.schema = std::move(schema);
    m_spec.table = std::move(table);
    m_spec.count = core::CountMode::Estimate;
    m_spec.valueLimit = kValueLimit;
    connect(m_model, &PageModel::rowsWanted, this, &TableFeed::fetchWantedBlock);
}

QString TableFeed::qualifiedName() const {
    return m_spec.schema + QLatin1Char('.') + m_spec.table;
}

void TableFeed::setPageSize(int rows) {
    m_continuous = rows <= 0;
    m_spec.page.pageSize = m_continuous ? kBlockSize : rows;
    load(Move::First);
}

void TableFeed::setSort(const QList<core::SortKey>& sort) {
    m_spec.sort = sort;
    load(Move::First);
}

void TableFeed::setFilter(const core::FilterGroup& filter, const QString& search) {
    m_spec.filter = filter;
    m_spec.search = search;
    m_exactTotal.reset(); // a different set of rows
    load(Move::First);
}

void TableFeed::setScope(core::SoftDeleteScope scope) {
    m_spec.scope = scope;
    m_exactTotal.reset();
    load(Move::First);
}

void TableFeed::setOmittedColumns(const QStringList& columns, bool reload) {
    m_spec.omitColumns = columns;
    if (reload)
        load(Move::First); // a windowed model's blocks must all have the new columns
}

void TableFeed::setView(const core::FilterGroup& filter, const QString& search,
                        const QList<core::SortKey>& sort, std::optional<core::SoftDeleteScope> scope) {
    m_spec.filter = filter;
    m_spec.search = search;
    m_spec.sort = sort;
    if (scope)
        m_spec.scope = *scope;
    m_exactTotal.reset();
    load(Move::First);
}

void TableFeed::goToPage(qint64 page) {
    m_spec.page = core::PageRequest{m_spec.page.pageSize, std::max<qint64>(1, page), {}, {}, false};
    load(Move::Jump);
}

void TableFeed::reconnect() {
    // The pool's idle connections died with the one that failed; new checkouts connect afresh.
    if (m_pool)
        m_pool->dispose();
    load(m_model->isWindowed() || !m_continuous ? Move::Same : Move::First);
}

bool TableFeed::isLoading() const {
    return m_loadJob->isRunning();
}

bool TableFeed::isCounting() const {
    return m_countJob->isRunning();
}

bool TableFeed::isBusy() const {
    return m_loadJob->isRunning() || m_countJob->isRunning() || m_blockJob->isRunning();
}

void TableFeed::cancelCount() {
    m_countJob->cancel();
}

void TableFeed::cancel() {
    m_countJob->cancel();
    m_loadJob->cancel();
    m_blockJob->cancel();
}

void TableFeed::countExactly() {
    if (m_countJob->isRunning())
        return;
    m_countJob->start(
        [connect = m_connect, spec = m_spec,
         table = m_table](const std::shared_ptr<core::CancelToken>& token) {
            const auto connection = connect(token);
            const core::TableInfo info = table ? *table : connection->readTable(spec.schema, spec.table);
            return connection->exactCount(spec, info);
        },
        [this](qint64 rows) {
            m_exactTotal = rows;
            m_model->setTotal(rows, true);
            emit countFinished(rows);
        },
        [this](const BackgroundFailure& failure) { emit countFailed(failure.message); });
}

void TableFeed::load(Move move) {
    if (m_continuous && m_model->isWindowed() && move != Move::First) {
        if (move == Move::Same) { // in place (after an apply or a reconnect): the visible rows load again
            m_blockJob->abandon();
            m_blocksFailed = false;
            m_model->dropBlocks();
        }
        return;
    }
    const core::Page& current = m_model->page();
    switch (move) {
    case Move::First:
        m_spec.page = core::PageRequest{m_spec.page.pageSize, {}, {}, {}, false};
        break;
    case Move::Next:
        if (current.nextCursor.isEmpty())
            return;
        m_spec.page = core::PageRequest{m_spec.page.pageSize, {}, current.nextCursor, {}, false};
        break;
    case Move::Previous:
        if (current.prevCursor.isEmpty())
            return load(Move::First);
        m_spec.page = core::PageRequest{m_spec.page.pageSize, {}, {}, current.prevCursor, false};
        break;
    case Move::Last:
        m_spec.page = core::PageRequest{m_spec.page.pageSize, {}, {}, {}, true};
        break;
    case Move::Jump:
    case Move::Same:
        break;
    }
    m_blockJob->abandon(); // its reply is stale now
    m_blocksFailed = false;
    const qint64 previousFirst = m_firstRow;
    const qsizetype previousRows = m_model->pageRowCount();
    m_loadJob->start(
        [connect = m_connect, spec = m_spec, table = m_table,
         byCtid = !m_table && m_pool && UiSettings::editsByCtid(m_pool->profile().name, qualifiedName())](
            const std::shared_ptr<core::CancelToken>& token) {
            const auto connection = connect(token);
            Loaded loaded{table ? *table : connection->readTable(spec.schema, spec.table), {}};
            // Asked with the table, so a standby's tab is read-only before anything can be staged.
            if (!table)
                loaded.standby = connection->isStandby();
            if (!table && byCtid)
                loaded.table = core::tableWithCtidKey(std::move(loaded.table));
            loaded.page = connection->fetchPage(spec, loaded.table);
            return loaded;
        },
        [this, move, previousFirst, previousRows](Loaded loaded) {
            if (!m_table) {
                m_table = loaded.table;
                m_standby = loaded.standby;
                emit tableLoaded();
            }
            const qsizetype rows = loaded.page.rows.size();
            const auto total = loaded.page.total;
            m_firstRowKnown = true;
            switch (move) {
            case Move::First:
                m_firstRow = 1;
                break;
            case Move::Next:
                m_firstRow = previousFirst + previousRows;
                break;
            case Move::Previous:
                m_firstRow = std::max<qint64>(1, previousFirst - rows);
                break;
            case Move::Last:
                m_firstRow = total ? std::max<qint64>(1, *total - rows + 1) : 1;
                m_firstRowKnown = total && !loaded.page.totalIsEstimate;
                break;
            case Move::Jump:
                m_firstRow = (m_spec.page.pageNumber.value_or(1) - 1) * m_spec.page.pageSize + 1;
                break;
            case Move::Same:
                break;
            }
            if (m_continuous) {
                m_model->setWindowed(std::move(loaded.page), kBlockSize, kMaxBlocks);
                if (m_exactTotal)
                    m_model->setTotal(*m_exactTotal, true);
            } else {
                m_model->setPage(std::move(loaded.page));
                m_model->setFirstRowNumber(m_firstRowKnown ? m_firstRow : 0);
            }
            emit pageLoaded(move);
        },
        [this](const BackgroundFailure& failure) { emit failed(failure); });
}

void TableFeed::fetchWantedBlock() {
    if (m_blockJob->isRunning() || m_loadJob->isRunning() || m_blocksFailed || !m_model->isWindowed() ||
        !m_table)
        return;
    const auto wanted = m_model->takeWantedBlock();
    if (!wanted)
        return;
    core::QuerySpec spec = m_spec;
    spec.page = wanted->request;
    spec.count = core::CountMode::None;
    const bool countFirst = wanted->request.pageNumber && !m_model->isTotalExact() &&
                            !m_table->conventions.rowKey.isEmpty() &&
                            wanted->block * kBlockSize > kCountBeforeOffset;
    m_blockJob->start(
        [connect = m_connect, spec, table = *m_table, block = wanted->block, countFirst,
         totalExact = m_model->isTotalExact()](const std::shared_ptr<core::CancelToken>& token) mutable {
            const auto connection = connect(token);
            BlockLoaded loaded;
            if (countFirst) {
                const qint64 total = connection->exactCount(spec, table);
                loaded.total = total;
                if (total <= block * kBlockSize)
                    return loaded; // beyond the end: the model shrinks to the total
                if (block == (total - 1) / kBlockSize)
                    spec.page = core::PageRequest{int(total - block * kBlockSize), {}, {}, {}, true};
            }
            loaded.page = connection->fetchPage(spec, table);
            if (loaded.page.rows.isEmpty() && block > 0 && !loaded.total && !totalExact)
                loaded.total =
                    connection->exactCount(spec, table); // past an overestimate: the true end at once
            return loaded;
        },
        [this, block = wanted->block](BlockLoaded loaded) {
            if (!loaded.page.columns.isEmpty())
                m_model->storeBlock(block, loaded.page);
            if (loaded.total) { // after the block: a count is the truth, an empty block only "not beyond"
                m_exactTotal = loaded.total;
                m_model->setTotal(*loaded.total, true);
            }
            emit rowsLoaded();
            fetchWantedBlock();
        },
        [this](const BackgroundFailure& failure) {
            m_blocksFailed = true; // not again and again while the view repaints: Refresh or Reconnect
            emit failed(failure);
        });
}

} // namespace pgdesk::ui
