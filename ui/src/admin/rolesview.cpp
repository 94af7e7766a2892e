// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/rolesview.h>

#include "admin/roledialog.h"

#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/ui/common/writeunlockbutton.h>

#include <QMessageBox>
#include <QPushButton>

#include <pgdesk/core/admin/rolereader.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/rolesmodel.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
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

    m_change = new JobSlot(this);
    m_unlock = new WriteUnlockButton(m_pool ? m_pool->profile() : core::ConnectionProfile{}, this);
    m_unlock->setVisible(m_unlock->isGuarded());
    const auto button = [this](const QString& text, const char* name, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(QLatin1String(name));
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto* top = new QHBoxLayout;
    top->addWidget(button(tr("New Role…"), "rolesNew", &RolesView::newRole));
    top->addWidget(button(tr("Edit Role…"), "rolesEdit", &RolesView::editRole));
    top->addWidget(button(tr("Drop Role"), "rolesDrop", &RolesView::dropRole));
    top->addWidget(m_unlock);
    top->addWidget(m_state, 1);
    top->addWidget(m_predefined);
    top->addWidget(refresh);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    // Below the memberships: make the selected role a member of another (with or without the admin option),
    // or end the selected membership.
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("rolesGroup"));
    m_group->setEditable(true);
    m_group->setToolTip(tr("The role the selected role becomes a member of"));
    m_admin = new QCheckBox(tr("with admin option"), this);
    auto* grant = new QToolButton(this);
    grant->setObjectName(QStringLiteral("rolesGrantMembership"));
    grant->setText(tr("Make Member"));
    connect(grant, &QToolButton::clicked, this, [this] {
        const QString member = m_view->currentIndex().data(RolesModel::RoleNameRole).toString();
        if (!member.isEmpty() && !m_group->currentText().trimmed().isEmpty())
            changeMembership(true, m_group->currentText().trimmed(), member, m_admin->isChecked());
    });
    auto* revoke = new QToolButton(this);
    revoke->setObjectName(QStringLiteral("rolesRevokeMembership"));
    revoke->setText(tr("End Membership"));
    connect(revoke, &QToolButton::clicked, this, [this, memberships] {
        const QStringList pair =
            m_memberships->index(memberships->currentIndex().row(), 0).data(Qt::UserRole).toStringList();
        if (pair.size() == 2)
            changeMembership(false, pair[0], pair[1], false);
    });
    auto* membershipPane = new QWidget(this);
    auto* membershipButtons = new QHBoxLayout;
    membershipButtons->addWidget(new QLabel(tr("Member of:"), this));
    membershipButtons->addWidget(m_group, 1);
    membershipButtons->addWidget(m_admin);
    membershipButtons->addWidget(grant);
    membershipButtons->addWidget(revoke);
    auto* membershipLayout = new QVBoxLayout(membershipPane);
    membershipLayout->setContentsMargins(0, 0, 0, 0);
    membershipLayout->addWidget(memberships);
    membershipLayout->addLayout(membershipButtons);
    splitter->addWidget(membershipPane);
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
            const QString group = m_group->currentText();
            m_group->clear();
            for (const core::RoleInfo& r : roles)
                m_group->addItem(r.name);
            m_group->setEditText(group);
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
    for (const core::RoleMembership& m : role.memberOf) {
        add(tr("member of"), m);
        m_memberships->item(m_memberships->rowCount() - 1, 0)
            ->setData(QStringList{m.role, role.name}, Qt::UserRole);
    }
    for (const core::RoleMembership& m : role.members) {
        add(tr("has member"), m);
        m_memberships->item(m_memberships->rowCount() - 1, 0)
            ->setData(QStringList{role.name, m.role}, Qt::UserRole);
    }
}

void RolesView::changeMembership(bool grant, const QString& group, const QString& member, bool admin) {
    core::SchemaApplyOptions options;
    options.access = m_unlock->access();
    const QList<core::DesignStatement> steps =
        core::transactionStatements({core::membershipStatement(grant, group, member, admin)});
    m_state->setText(tr("Applying…"));
    m_change->start(
        [pool = m_pool, steps, options](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::SchemaApplier(*connection).apply(steps, options).committed;
        },
        [this](bool changed) {
            emit changeFinished(changed);
            refresh();
        },
        [this](const BackgroundFailure& f) {
            m_state->setText(tr("Nothing was changed: %1").arg(f.message));
            emit changeFinished(false);
        });
}

QString RolesView::stateText() const {
    return m_state->text();
}

namespace {

core::RoleSpec specOf(const core::RoleInfo& r) {
    core::RoleSpec s;
    s.name = r.name;
    s.login = r.canLogin;
    s.superuser = r.superuser;
    s.createDb = r.createDatabase;
    s.createRole = r.createRole;
    s.inherit = r.inherit;
    s.replication = r.replication;
    s.bypassRls = r.bypassRls;
    s.connectionLimit = r.connectionLimit;
    s.validUntil = r.validUntil;
    s.comment = r.comment;
    return s;
}

} // namespace

void RolesView::newRole() {
    auto* dialog = new RoleDialog(std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { applyRole(std::nullopt, dialog->spec(), dialog->password()); });
    dialog->open();
}

void RolesView::editRole() {
    const int row = m_model->rowOf(m_view->currentIndex().data(RolesModel::RoleNameRole).toString());
    if (row < 0)
        return;
    const core::RoleSpec before = specOf(m_model->roles().at(row));
    auto* dialog = new RoleDialog(before, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, before] { applyRole(before, dialog->spec(), dialog->password()); });
    dialog->open();
}

void RolesView::dropRole() {
    const QString name = m_view->currentIndex().data(RolesModel::RoleNameRole).toString();
    if (name.isEmpty())
        return;
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Drop Role"),
        tr("Drop role %1? Objects it owns and privileges granted to it must be handed over or "
           "dropped first.")
            .arg(name),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("dropRoleQuestion"));
    QPushButton* drop = box->addButton(tr("Drop Role"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, drop, name] {
        if (box->clickedButton() != drop)
            return;
        const QList<core::DesignStatement> steps{{core::dropRoleStatement(name),
                                                  core::DesignStatement::Phase::Transaction, true,
                                                  tr("drop role %1").arg(name)}};
        core::SchemaApplyOptions options;
        options.access = m_unlock->access();
        options.confirmed = {0};
        m_change->start(
            [pool = m_pool, steps, options](const std::shared_ptr<core::CancelToken>& cancel) {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(cancel, *connection);
                return core::SchemaApplier(*connection).apply(steps, options).committed;
            },
            [this](bool) {
                emit changeFinished(true);
                refresh();
            },
            [this](const BackgroundFailure& f) {
                m_state->setText(tr("Nothing was changed: %1").arg(f.message));
                emit changeFinished(false);
            });
    });
    box->open();
}

void RolesView::applyRole(const std::optional<core::RoleSpec>& before, const core::RoleSpec& after,
                          const QString& password) {
    if (!m_pool)
        return;
    core::SchemaApplyOptions options;
    options.access = m_unlock->access();
    m_state->setText(tr("Applying…"));
    m_change->start(
        [pool = m_pool, before, after, password, options](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::RoleSpec spec = after;
            // The verifier, not the password, is what a statement carries.
            if (!password.isEmpty())
                spec.passwordVerifier = connection->encryptPassword(spec.name, password);
            const QList<core::DesignStatement> steps =
                core::transactionStatements(core::roleStatements(before, spec));
            if (steps.isEmpty())
                return false;
            return core::SchemaApplier(*connection).apply(steps, options).committed;
        },
        [this](bool changed) {
            emit changeFinished(changed);
            refresh();
        },
        [this](const BackgroundFailure& f) {
            m_state->setText(tr("Nothing was changed: %1").arg(f.message));
            emit changeFinished(false);
        });
}

} // namespace pgdesk::ui
