// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/selectionsummary.h>

#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <pgdesk/core/session/pool.h>

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

namespace pgdesk::ui {

namespace {
// Selections change with every mouse move of a drag: the summary follows once it settles.
constexpr int kDebounceMs = 60;
} // namespace

SelectionSummary::SelectionSummary(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_whole(new QToolButton(this))
    , m_cancel(new QToolButton(this))
    , m_debounce(new QTimer(this))
    , m_selectionJob(new JobSlot(this))
    , m_wholeJob(new JobSlot(this)) {
    setObjectName(QStringLiteral("selectionSummary"));
    m_label->setObjectName(QStringLiteral("selectionSummaryLabel"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_whole->setObjectName(QStringLiteral("selectionSummaryWholeView"));
    m_whole->setText(tr("Whole view"));
    m_whole->setToolTip(
        tr("Summarise the current column over every row of the view (its filter included), on "
           "the server"));
    m_whole->setAutoRaise(true);
    m_cancel->setObjectName(QStringLiteral("selectionSummaryCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    m_cancel->setVisible(false);
    connect(m_whole, &QToolButton::clicked, this, &SelectionSummary::summarizeWholeView);
    connect(m_cancel, &QToolButton::clicked, this, &SelectionSummary::cancelWholeView);
    connect(m_wholeJob, &JobSlot::runningChanged, this, [this](bool running) {
        m_cancel->setVisible(running);
        m_whole->setEnabled(!running);
    });
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SelectionSummary::summarizeSelection);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_whole);
    layout->addWidget(m_cancel);
    setVisible(false);
}

void SelectionSummary::setGrid(QTableView* view, PageModel* model, std::shared_ptr<core::Pool> pool,
                               ViewQuery query) {
    for (const QMetaObject::Connection& link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_selectionJob->abandon();
    m_wholeJob->abandon();
    m_view = view;
    m_model = model;
    m_pool = std::move(pool);
    m_query = std::move(query);
    m_summary = {};
    m_label->clear();
    setVisible(false);
    if (!view || !model)
        return;
    m_whole->setVisible(m_pool && m_query);
    // A new selection replaces a whole view's summary (and stops it); new data only refreshes the
    // selection's.
    const auto selectionMoved = [this] {
        m_wholeJob->abandon();
        schedule();
    };
    m_links << connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionMoved)
            << connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, selectionMoved)
            << connect(model, &QAbstractItemModel::dataChanged, this, &SelectionSummary::schedule)
            << connect(model, &QAbstractItemModel::modelReset, this, &SelectionSummary::schedule);
    setVisible(true);
    schedule();
}

void SelectionSummary::schedule() {
    m_debounce->start();
}

void SelectionSummary::summarizeSelection() {
    if (!m_view || !m_model || m_wholeJob->isRunning())
        return;
    QModelIndexList cells = m_view->selectionModel()->selectedIndexes();
    if (cells.size() < 2) { // one cell says it all by itself
        m_selectionJob->abandon();
        m_summary = {};
        m_label->clear();
        emit updated();
        return;
    }
    // The values are copied here (cheap, shared text); summing 100,000 of them exactly runs on the worker.
    QList<std::optional<QString>> values;
    values.reserve(cells.size());
    bool numeric = true;
    for (const QModelIndex& cell : std::as_const(cells)) {
        if (cell.data(PageModel::IsPlaceholderRole).toBool())
            continue; // not loaded: not counted
        values << m_model->value(cell.row(), cell.column());
        numeric = numeric && cell.column() < m_model->page().columns.size() &&
                  PageModel::isNumericType(m_model->page().columns[cell.column()].type);
    }
    m_selectionJob->start(
        [values, numeric](const std::shared_ptr<core::CancelToken>&) {
            return core::summarizeValues(values, numeric);
        },
        [this](const core::ValueSummary& summary) {
            m_summary = summary;
            m_label->setText(describe(summary));
            m_label->setToolTip(tr("Summary of the selected cells"));
            emit updated();
        },
        [this](const BackgroundFailure& failure) {
            m_label->setText(failure.message);
            emit updated();
        });
}

void SelectionSummary::summarizeWholeView() {
    if (!m_view || !m_model || !m_pool || !m_query)
        return;
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.column() >= m_model->page().columns.size())
        return;
    const std::optional<core::BuiltQuery> query = m_query();
    if (!query)
        return;
    const core::PageColumn column = m_model->page().columns[current.column()];
    const bool numeric = PageModel::isNumericType(column.type);
    m_debounce->stop();
    m_selectionJob->abandon();
    m_label->setText(tr("%1 of the whole view: summarising…").arg(column.name));
    m_wholeJob->start(
        [pool = m_pool, query = *query, name = column.name,
         numeric](const std::shared_ptr<core::CancelToken>& cancel) {
            core::PooledConnection connection = pool->acquire();
            return core::summarizeColumn(*connection, query, name, numeric, cancel);
        },
        [this, name = column.name](const core::ValueSummary& summary) {
            m_summary = summary;
            m_label->setText(tr("%1 of the whole view: %2").arg(name, describe(summary)));
            emit updated();
        },
        [this](const BackgroundFailure& failure) {
            m_summary = {};
            m_label->setText(failure.error.kind == core::ErrorKind::QueryCanceled
                                 ? tr("Whole view summary cancelled")
                                 : failure.message);
            emit updated();
        });
}

void SelectionSummary::cancelWholeView() {
    m_wholeJob->cancel();
}

bool SelectionSummary::isSummarizingWholeView() const {
    return m_wholeJob->isRunning();
}

QString SelectionSummary::text() const {
    return m_label->text();
}

QString SelectionSummary::describe(const core::ValueSummary& s) {
    const QLocale locale;
    QStringList parts{tr("Count: %1").arg(locale.toString(s.count)),
                      tr("Distinct: %1").arg(locale.toString(s.distinct))};
    if (s.nulls > 0)
        parts << tr("NULL: %1").arg(locale.toString(s.nulls));
    // The numbers exactly as computed (no grouping, no rounding): they can be copied and compared.
    if (s.sum)
        parts << tr("Sum: %1").arg(*s.sum);
    if (s.average)
        parts << tr("Average: %1").arg(*s.average);
    if (s.min)
        parts << tr("Min: %1").arg(*s.min);
    if (s.max)
        parts << tr("Max: %1").arg(*s.max);
    return parts.join(QStringLiteral("  "));
}

} // namespace pgdesk::ui
