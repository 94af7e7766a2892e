// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/statementsview.h>

#include <pgdesk/core/plan/indexadvisor.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace pgdesk::ui {

StatementsModel::StatementsModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void StatementsModel::setStatements(QList<core::StatementStat> statements) {
    beginResetModel();
    m_statements = std::move(statements);
    endResetModel();
}

int StatementsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_statements.size());
}

int StatementsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_statements.size())
        return {};
    const core::StatementStat& s = m_statements[index.row()];
    if (role == QueryRole)
        return s.query;
    const auto number = [&]() -> QVariant {
        switch (index.column()) {
        case Calls:
            return s.calls;
        case Total:
            return s.totalMs;
        case Mean:
            return s.meanMs();
        case Max:
            return s.maxMs ? QVariant(*s.maxMs) : QVariant();
        case Rows:
            return s.rows;
        case SharedHit:
            return s.sharedHit;
        case SharedRead:
            return s.sharedRead;
        case Temp:
            return s.tempRead + s.tempWritten;
        default:
            return {};
        }
    };
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Database:
            return s.database;
        case Role:
            return s.role;
        case Query:
            return s.query.simplified();
        case Total:
        case Mean:
        case Max: {
            const QVariant v = number();
            return v.isValid() ? locale.toString(v.toDouble(), 'f', 3) : QVariant();
        }
        default:
            return locale.toString(number().toLongLong());
        }
    case SortRole:
        if (index.column() >= Database)
            return data(index, Qt::DisplayRole);
        return number().isValid() ? number() : QVariant(-1.0);
    case Qt::TextAlignmentRole:
        return index.column() < Database ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Query)
            return s.query;
        if (index.column() == Max && !s.maxMs)
            return tr("The slowest call did not fall in this window (pg_stat_statements keeps only the "
                      "slowest since its reset)");
        return {};
    default:
        return {};
    }
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Calls:
        return tr("Calls");
    case Total:
        return tr("Total (ms)");
    case Mean:
        return tr("Mean (ms)");
    case Max:
        return tr("Max (ms)");
    case Rows:
        return tr("Rows");
    case SharedHit:
        return tr("Shared hit");
    case SharedRead:
        return tr("Shared read");
    case Temp:
        return tr("Temp blocks");
    case Database:
        return tr("Database");
    case Role:
        return tr("Role");
    case Query:
        return tr("Statement");
    default:
        return {};
    }
}

StatementsView::StatementsView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_model(new StatementsModel(this))
    , m_sort(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_window(new QComboBox(this))
    , m_state(new QLabel(this))
    , m_open(new QPushButton(tr("&Open in Query Tool"), this))
    , m_explain(new QPushButton(tr("&Explain"), this))
    , m_timer(new QTimer(this))
    , m_load(new JobSlot(this))
    , m_suggest(new JobSlot(this))
    , m_suggestions(new QTableWidget(0, 3, this)) {
    setObjectName(QStringLiteral("statementsView"));
    m_window->setObjectName(QStringLiteral("statementsWindow"));
    for (const auto& [seconds, text] :
         {std::pair{10, tr("10 seconds")}, std::pair{30, tr("30 seconds")}, std::pair{60, tr("1 minute")},
          std::pair{300, tr("5 minutes")}, std::pair{0, tr("Since the statistics were reset")}})
        m_window->addItem(text, seconds);
    m_window->setCurrentIndex(1);
    auto* windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);
    auto* refreshButton = new QPushButton(tr("&Refresh"), this);
    m_state->setObjectName(QStringLiteral("statementsState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sort->setSourceModel(m_model);
    m_sort->setSortRole(StatementsModel::SortRole);
    m_view->setModel(m_sort);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(StatementsModel::Total, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    auto* bar = new QHBoxLayout;
    bar->addWidget(windowLabel);
    bar->addWidget(m_window);
    bar->addWidget(refreshButton);
    bar->addStretch(1);
    bar->addWidget(m_open);
    bar->addWidget(m_explain);
    auto* suggest = new QPushButton(tr("Suggest &Indexes"), this);
    suggest->setObjectName(QStringLiteral("suggestIndexes"));
    suggest->setToolTip(
        tr("Indexes the filters of the workload ask for (pg_qualstats), each checked with what-if "
           "plans of its queries (hypopg); nothing is built"));
    bar->addWidget(suggest);
    connect(suggest, &QPushButton::clicked, this, &StatementsView::suggestIndexes);
    m_suggestions->setObjectName(QStringLiteral("indexSuggestions"));
    m_suggestions->setHorizontalHeaderLabels({tr("Cost saved"), tr("Queries"), tr("Index to build")});
    m_suggestions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_suggestions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_suggestions->verticalHeader()->hide();
    m_suggestions->horizontalHeader()->setStretchLastSection(true);
    m_suggestions->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_suggestions);

    connect(refreshButton, &QPushButton::clicked, this, &StatementsView::refresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        // A new window starts now: the next snapshot is compared with this one.
        m_previous.reset();
        m_model->setStatements({});
        if (isVisible()) {
            refresh();
            if (windowSeconds() > 0)
                m_timer->start(windowSeconds() * 1000);
            else
                m_timer->stop();
        }
    });
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_load->isRunning())
            refresh();
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!selectedQuery().isEmpty())
            emit openInQueryTool(selectedQuery());
    });
    connect(m_explain, &QPushButton::clicked, this, [this] {
        if (!selectedQuery().isEmpty())
            emit explainInQueryTool(selectedQuery());
    });
    connect(m_view, &QTableView::doubleClicked, m_open, &QPushButton::click);
}

StatementsView::~StatementsView() {
    m_load->abandon();
    m_suggest->abandon();
}

void StatementsView::suggestIndexes() {
    if (!m_pool)
        return;
    m_state->setText(tr("Planning the workload's queries with hypothetical indexes…"));
    m_suggest->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::IndexAdvisor(*connection).suggest();
        },
        [this](const QList<core::IndexSuggestion>& found) {
            const QLocale locale;
            m_suggestions->setRowCount(int(found.size()));
            for (int row = 0; row < found.size(); ++row) {
                const core::IndexSuggestion& s = found[row];
                auto* saved = new QTableWidgetItem(locale.toString(s.costSaved(), 'f', 2));
                saved->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                saved->setToolTip(
                    tr("Plan cost %1 → %2")
                        .arg(locale.toString(s.costBefore, 'f', 2), locale.toString(s.costAfter, 'f', 2)));
                auto* queries = new QTableWidgetItem(locale.toString(s.queriesHelped));
                queries->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                queries->setToolTip(s.examples.join(QStringLiteral("\n\n")));
                m_suggestions->setItem(row, 0, saved);
                m_suggestions->setItem(row, 1, queries);
                m_suggestions->setItem(row, 2, new QTableWidgetItem(s.createStatement));
            }
            m_suggestions->resizeColumnsToContents();
            m_suggestions->setVisible(true);
            m_state->setText(found.isEmpty()
                                 ? tr("No index would help the workload's filters as they ran.")
                                 : tr("%n index(es) would help: checked with what-if plans, nothing was "
                                      "built.",
                                      nullptr, int(found.size())));
            emit suggested(int(found.size()));
        },
        [this](const BackgroundFailure& failure) {
            m_state->setText(failure.message);
            emit suggested(-1);
        });
}

int StatementsView::windowSeconds() const {
    return m_window->currentData().toInt();
}

void StatementsView::setWindowSeconds(int seconds) {
    const int index = m_window->findData(seconds);
    if (index >= 0)
        m_window->setCurrentIndex(index);
}

bool StatementsView::isLoading() const {
    return m_load->isRunning();
}

QString StatementsView::stateText() const {
    return m_state->text();
}

QString StatementsView::selectedQuery() const {
    return m_view->currentIndex().data(StatementsModel::QueryRole).toString();
}

void StatementsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
    if (windowSeconds() > 0)
        m_timer->start(windowSeconds() * 1000);
}

void StatementsView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer->stop(); // nothing is read while nobody looks
}

void StatementsView::refresh() {
    if (!m_pool)
        return;
    m_load->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::StatementStatsReader(*connection).snapshot();
        },
        [this](core::StatementSnapshot snapshot) {
            const int seconds = windowSeconds();
            const QString time =
                QLocale().toString(snapshot.takenAt.toLocalTime().time(), QLocale::ShortFormat);
            if (seconds == 0) {
                m_model->setStatements(core::statementsBetween({}, snapshot, 0));
                m_state->setText(tr("Everything since the statistics were reset, as of %1.").arg(time));
            } else if (m_previous) {
                const qint64 span = m_previous->takenAt.secsTo(snapshot.takenAt);
                m_model->setStatements(core::statementsBetween(*m_previous, snapshot, 0));
                m_state->setText(
                    tr("The statements of the %n second(s) up to %1.", nullptr, int(span)).arg(time));
            } else {
                m_state->setText(tr("The first snapshot is taken: the statements of the next %n second(s) "
                                    "will be shown.",
                                    nullptr, seconds));
            }
            m_previous = std::move(snapshot);
            m_view->resizeColumnsToContents();
            emit loaded(int(m_model->rowCount()));
        },
        [this](const BackgroundFailure& failure) { m_state->setText(failure.message); });
}

} // namespace pgdesk::ui
