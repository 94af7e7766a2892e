// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/rolesview.h>

#include <pgdesk/core/admin/rolereader.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/icons.h>
#include <pgdesk/ui/jobslot.h>
#include <pgdesk/ui/rolesmodel.h>

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

void setUpTable(QTableView* view) {
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

RolesView::RolesView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_model(new RolesModel(this))
    , m_sort(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_memberships(new QStandardItemModel(0, MembershipColumnCount, this))
    , m_state(new QLabel(this))
    , m_predefined(new QCheckBox(tr("Predefined roles"), this))
    , m_load(new JobSlot(this)) {
    setObjectName(QStringLiteral("rolesView"));
    m_sort->setSourceModel(m_model);
    m_sort->setSortRole(RolesModel::SortRole);
    m_sort->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("rolesTable"));
    m_view->setModel(m_sort);
    setUpTable(m_view);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RolesModel::NameColumn, Qt::AscendingOrder);
    m_view->setAccessibleName(tr("Roles"));

    m_memberships->setHorizontalHeaderLabels(
        {tr("Membership"), tr("Role"), tr("Admin option"), tr("Granted by")});
    auto* memberships = new QTableView(this);
    memberships->setObjectName(QStringLiteral("roleMembershipsTable"));
    memberships->setModel(m_memberships);
    setUpTable(memberships);
    memberships->setAccessibleName(tr("Memberships of the selected role"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RolesView::showMemberships);

    m_state->setObjectName(QStringLiteral("rolesState"));
    m_predefined->setObjectName(QStringLiteral("rolesPredefined"));
    m_predefined->setToolTip(tr("Also list PostgreSQL's predefined pg_* roles"));
    connect(m_predefined, &QCheckBox::toggled, this, &RolesView::refresh);
    auto* refreshAction = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &RolesView::refresh);
    addAction(refreshAction);
    auto* refresh = new QToolButton(this);
    refresh->setDefaultAction(refreshAction);
    refresh->setAutoRaise(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(m_predefined);
    top->addWidget(refresh);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(memberships);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    this->refresh();
}

RolesView::~RolesView() = default; // the slot cancels a read still running

bool RolesView::isLoading() const {
    return m_load->isRunning();
}

void RolesView::refresh() {
    if (!m_pool)
        return;
    m_state->setText(tr("Loading…"));
    m_load->start(
        [pool = m_pool, all = m_predefined->isChecked()](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::RoleReader(*connection).roles(all);
        },
        [this](QList<core::RoleInfo> roles) {
            // The selected role stays selected across a refresh.
            const QString current = m_view->currentIndex().data(RolesModel::RoleNameRole).toString();
            const int count = int(roles.size());
            m_model->setRoles(std::move(roles));
            m_view->resizeColumnsToContents();
            if (current.isEmpty() || !selectRole(current))
                showMemberships();
            m_state->setText(tr("%n role(s)", nullptr, count));
            emit loaded(count);
        },
        [this](const BackgroundFailure& failure) {
            m_state->setText(tr("Could not read the roles: %1").arg(failure.message));
            emit loadFailed(failure.message);
        });
}

bool RolesView::selectRole(const QString& name) {
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_sort->mapFromSource(m_model->index(row, RolesModel::NameColumn)));
    showMemberships();
    return true;
}

void RolesView::showMemberships() {
    m_memberships->removeRows(0, m_memberships->rowCount());
    const int row = m_model->rowOf(m_view->currentIndex().data(RolesModel::RoleNameRole).toString());
    if (row < 0)
        return;
    const core::RoleInfo& role = m_model->roles().at(row);
    const auto add = [this](const QString& direction, const core::RoleMembership& m) {
        QList<QStandardItem*> items{new QStandardItem(direction), new QStandardItem(m.role),
                                    new QStandardItem(m.adminOption ? tr("yes") : tr("no")),
                                    new QStandardItem(m.grantor)};
        for (QStandardItem* item : items)
            item->setEditable(false);
        m_memberships->appendRow(items);
    };
    for (const core::RoleMembership& m : role.memberOf)
        add(tr("member of"), m);
    for (const core::RoleMembership& m : role.members)
        add(tr("has member"), m);
}

} // namespace pgdesk::ui
