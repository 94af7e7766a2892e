// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/schema/privilegesview.h>

#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pgdesk::ui {

PrivilegeMatrixModel::PrivilegeMatrixModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void PrivilegeMatrixModel::setMatrix(core::PrivilegeMatrix matrix) {
    beginResetModel();
    m_original = matrix;
    m_edited = std::move(matrix);
    endResetModel();
}

int PrivilegeMatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_edited.roles.size());
}

int PrivilegeMatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_edited.privileges.size());
}

QVariant PrivilegeMatrixModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const QString& name = m_edited.roles[index.row()];
    const core::Privilege p = m_edited.privileges[index.column()];
    const core::PrivilegeCell cell = m_edited.cell(name, p);
    const core::PrivilegeCell was = m_original.cell(name, p);
    switch (role) {
    case Qt::CheckStateRole:
        return cell.direct ? Qt::Checked : Qt::Unchecked;
    case Qt::DisplayRole:
        if (cell.direct && cell.grantable)
            return tr("with grant option");
        if (!cell.direct && cell.effective)
            return tr("inherited");
        return {};
    case Qt::ForegroundRole:
        return cell == was ? QVariant() : QVariant(infoColor());
    case Qt::ToolTipRole:
        return cell.effective ? tr("%1 has %2 (granted to it, or through a role it is a member of, PUBLIC or "
                                   "ownership)")
                                    .arg(name, core::privilegeName(p))
                              : tr("%1 does not have %2").arg(name, core::privilegeName(p));
    default:
        return {};
    }
}

bool PrivilegeMatrixModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::CheckStateRole)
        return false;
    const QString& name = m_edited.roles[index.row()];
    const core::Privilege p = m_edited.privileges[index.column()];
    core::PrivilegeCell cell = m_edited.cell(name, p);
    const bool direct = value.toInt() == Qt::Checked;
    if (cell.direct == direct)
        return false;
    cell.direct = direct;
    if (!direct)
        cell.grantable = false;
    m_edited.set(name, p, cell);
    emit dataChanged(index, index);
    emit matrixEdited();
    return true;
}

void PrivilegeMatrixModel::toggleGrantOption(const QModelIndex& index) {
    if (!index.isValid())
        return;
    const QString& name = m_edited.roles[index.row()];
    const core::Privilege p = m_edited.privileges[index.column()];
    core::PrivilegeCell cell = m_edited.cell(name, p);
    cell.grantable = !cell.grantable;
    cell.direct = cell.direct || cell.grantable;
    m_edited.set(name, p, cell);
    emit dataChanged(index, index);
    emit matrixEdited();
}

Qt::ItemFlags PrivilegeMatrixModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

QVariant PrivilegeMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return section < m_edited.privileges.size() ? core::privilegeName(m_edited.privileges[section])
                                                    : QVariant();
    return section < m_edited.roles.size() ? m_edited.roles[section] : QVariant();
}

PrivilegesView::PrivilegesView(std::shared_ptr<core::Pool> pool, core::PrivilegeTarget target,
                               QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_target(std::move(target)) {
    setObjectName(QStringLiteral("privilegesView"));
    m_load = new JobSlot(this);
    m_applyJob = new JobSlot(this);
    m_model = new PrivilegeMatrixModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("privilegeMatrix"));
    m_view->setModel(m_model);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = m_view->indexAt(at);
        if (!index.isValid())
            return;
        QMenu menu(this);
        QAction* option = menu.addAction(tr("With grant option"));
        option->setCheckable(true);
        option->setChecked(
            m_model->matrix()
                .cell(m_model->matrix().roles[index.row()], m_model->matrix().privileges[index.column()])
                .grantable);
        if (menu.exec(m_view->viewport()->mapToGlobal(at)) == option)
            m_model->toggleGrantOption(index);
    });
    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("privilegeSql"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    m_unlock = new WriteUnlockButton(m_pool->profile(), this);
    m_unlock->setVisible(m_unlock->isGuarded());
    auto* reread = new QPushButton(tr("Refresh"), this);
    connect(reread, &QPushButton::clicked, this, &PrivilegesView::refresh);
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("privilegeApply"));
    m_apply->setEnabled(false);
    connect(m_apply, &QPushButton::clicked, this, &PrivilegesView::apply);
    connect(m_model, &PrivilegeMatrixModel::matrixEdited, this, &PrivilegesView::showStatements);
    auto* title = new QLabel(m_target.kind == core::PrivilegeTarget::Kind::Schema
                                 ? tr("Privileges on schema %1").arg(m_target.schema)
                                 : tr("Privileges on table %1.%2").arg(m_target.schema, m_target.name),
                             this);
    auto* top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(reread);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_sql);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(m_unlock);
    bottom->addWidget(m_apply);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    refresh();
}

QString PrivilegesView::stateText() const {
    return m_state->text();
}

QStringList PrivilegesView::statements() const {
    return core::matrixStatements(m_model->original(), m_model->matrix());
}

void PrivilegesView::refresh() {
    m_state->setText(tr("Reading the privileges…"));
    m_load->start(
        [pool = m_pool, target = m_target](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::readPrivilegeMatrix(*connection, target);
        },
        [this](const core::PrivilegeMatrix& matrix) {
            m_model->setMatrix(matrix);
            m_view->resizeColumnsToContents();
            showStatements();
            m_state->setText(
                tr("Tick a box to grant, clear it to revoke; right-click for the grant option."));
            emit loaded();
        },
        [this](const BackgroundFailure& f) { m_state->setText(f.message); });
}

void PrivilegesView::showStatements() {
    const QStringList sql = statements();
    m_sql->setPlainText(sql.isEmpty() ? QString() : sql.join(QStringLiteral(";\n")) + QLatin1Char(';'));
    m_apply->setEnabled(!sql.isEmpty());
}

void PrivilegesView::apply() {
    const QStringList sql = statements();
    if (sql.isEmpty() || m_applyJob->isRunning())
        return;
    const QList<core::DesignStatement> steps = core::transactionStatements(sql);
    core::SchemaApplyOptions options;
    options.access = m_unlock->access();
    m_apply->setEnabled(false);
    m_state->setText(tr("Applying…"));
    m_applyJob->start(
        [pool = m_pool, steps, options](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::SchemaApplier(*connection).apply(steps, options).committed;
        },
        [this](bool) {
            emit applyFinished(true);
            refresh();
        },
        [this](const BackgroundFailure& f) {
            m_apply->setEnabled(true);
            m_state->setText(tr("Nothing was changed: %1").arg(f.message));
            emit applyFinished(false);
        });
}

} // namespace pgdesk::ui
