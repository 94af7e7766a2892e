// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/largestrelationsview.h>

#include <pgdesk/core/admin/sizereader.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/largestrelationsmodel.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

LargestRelationsView::LargestRelationsView(std::shared_ptr<core::Pool> pool, QString schema, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_schema(std::move(schema))
    , m_model(new LargestRelationsModel(this))
    , m_sort(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_state(new QLabel(this))
    , m_limit(new QSpinBox(this))
    , m_refresh(new QToolButton(this))
    , m_load(new JobSlot(this)) {
    setObjectName(QStringLiteral("largestRelationsView"));
    // Sorted by the numbers (SortRole), not by "900 kB" against "2 MB".
    m_sort->setSourceModel(m_model);
    m_sort->setSortRole(LargestRelationsModel::SortRole);
    m_sort->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("largestRelationsTable"));
    m_view->setModel(m_sort);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LargestRelationsModel::TotalColumn, Qt::DescendingOrder);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Largest relations of schema %1").arg(m_schema));

    m_state->setObjectName(QStringLiteral("largestRelationsState"));
    m_state->setWordWrap(true);
    m_limit->setObjectName(QStringLiteral("largestRelationsLimit"));
    m_limit->setRange(0, 100000);
    m_limit->setValue(50);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setPrefix(tr("Show "));
    m_limit->setToolTip(tr("How many relations to list, largest first (0: all)"));
    connect(m_limit, &QSpinBox::editingFinished, this, &LargestRelationsView::refresh);

    auto* refreshAction = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &LargestRelationsView::refresh);
    addAction(refreshAction);
    m_refresh->setDefaultAction(refreshAction);
    m_refresh->setAutoRaise(true);

    auto* title = new QLabel(tr("Largest relations of schema %1 (exact sizes)").arg(m_schema), this);
    auto* top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(m_limit);
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    refresh();
}

LargestRelationsView::~LargestRelationsView() = default; // the slot cancels a read still running

bool LargestRelationsView::isLoading() const {
    return m_load->isRunning();
}

void LargestRelationsView::refresh() {
    if (!m_pool)
        return;
    m_state->setText(tr("Measuring…"));
    m_load->start(
        [pool = m_pool, schema = m_schema,
         limit = m_limit->value()](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::SizeReader(*connection).largestRelations(schema, limit);
        },
        [this](QList<core::RelationSize> relations) {
            const int count = int(relations.size());
            m_model->setRelations(std::move(relations));
            m_view->resizeColumnsToContents();
            m_state->setText(tr("%n relation(s)", nullptr, count));
            emit loaded(count);
        },
        [this](const BackgroundFailure& failure) {
            m_state->setText(tr("Could not measure the relations: %1").arg(failure.message));
            emit loadFailed(failure.message);
        });
}

} // namespace pgdesk::ui
