// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/seeasroleview.h>

#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/server/replicationview.h>

#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pgdesk::ui {

RoleRowsModel::RoleRowsModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void RoleRowsModel::setView(core::RoleRowView view) {
    beginResetModel();
    m_view = std::move(view);
    endResetModel();
}

int RoleRowsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_view.rows.size());
}

int RoleRowsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_view.columns.isEmpty() ? 0 : int(m_view.columns.size()) + 3;
}

QVariant RoleRowsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const int width = int(m_view.columns.size());
    if (column < width) {
        const std::optional<QString>& value = m_view.rows[row].value(column);
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return value ? QVariant(*value) : QVariant(QStringLiteral("NULL"));
        if (role == Qt::ForegroundRole && !value)
            return QPalette().color(QPalette::PlaceholderText);
        if (role == Qt::FontRole && !value) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (column == width)
        return m_view.admittedBy.value(row).join(QStringLiteral(", "));
    const bool yes = column == width + 1 ? m_view.updatable.value(row) : m_view.deletable.value(row);
    return yes ? tr("yes") : tr("no");
}

QVariant RoleRowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const int width = int(m_view.columns.size());
    if (section < width)
        return m_view.columns.value(section);
    if (section == width)
        return tr("Admitted by");
    return section == width + 1 ? tr("May update") : tr("May delete");
}

SeeAsRoleView::SeeAsRoleView(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_schema(std::move(schema))
    , m_table(std::move(table))
    , m_load(new JobSlot(this))
    , m_roles(new JobSlot(this))
    , m_role(new QComboBox(this))
    , m_limit(new QSpinBox(this))
    , m_show(new QPushButton(tr("Show"), this))
    , m_status(new QLabel(this))
    , m_rows(new RoleRowsModel(this))
    , m_policies(new ReplicationTableModel(this)) {
    setObjectName(QStringLiteral("seeAsRoleView"));
    m_role->setObjectName(QStringLiteral("seeAsRoleRole"));
    m_role->setEditable(true);
    m_role->setMinimumContentsLength(16);
    m_role->setToolTip(tr("A role this session may SET ROLE to"));
    m_limit->setObjectName(QStringLiteral("seeAsRoleLimit"));
    m_limit->setRange(1, 100000);
    m_limit->setValue(1000);
    m_limit->setPrefix(tr("at most "));
    m_limit->setSuffix(tr(" rows"));
    m_show->setObjectName(QStringLiteral("seeAsRoleShow"));
    m_status->setObjectName(QStringLiteral("seeAsRoleStatus"));
    m_status->setWordWrap(true);
    m_status->setText(
        tr("Choose a role: the rows it reads are shown as it reads them, in a transaction that is "
           "rolled back."));
    connect(m_show, &QPushButton::clicked, this, [this] { showAs(m_role->currentText().trimmed()); });
    connect(m_role->lineEdit(), &QLineEdit::returnPressed, m_show, &QPushButton::click);

    auto* rows = new QTableView(this);
    rows->setObjectName(QStringLiteral("seeAsRoleRows"));
    rows->setModel(m_rows);
    rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rows->setAlternatingRowColors(true);
    rows->setAccessibleName(tr("Rows the role reads"));
    // Few rows: sized to their contents when filled.
    QTableView* policies = listTableView(m_policies, "seeAsRolePolicies", tr("The table's policies"), this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(rows);
    split->addWidget(policies);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("See %1.%2 as role:").arg(m_schema, m_table), this));
    top->addWidget(m_role, 1);
    top->addWidget(m_limit);
    top->addWidget(m_show);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    m_roles->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::rolesToSeeAs(*connection);
        },
        [this](const QStringList& roles) {
            const QString typed = m_role->currentText();
            m_role->addItems(roles);
            m_role->setEditText(typed);
            emit rolesLoaded();
        },
        [this](const BackgroundFailure& failure) { m_status->setText(failure.message); });
}

SeeAsRoleView::~SeeAsRoleView() = default;

void SeeAsRoleView::showAs(const QString& role) {
    if (role.isEmpty())
        return;
    if (m_role->currentText() != role)
        m_role->setEditText(role);
    m_status->setText(tr("Reading %1.%2 as %3…").arg(m_schema, m_table, role));
    m_load->start(
        [pool = m_pool, schema = m_schema, table = m_table, role,
         limit = m_limit->value()](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::seeAsRole(*connection, schema, table, role, limit);
        },
        [this](core::RoleRowView view) {
            QString state;
            if (!view.rowSecurityEnabled)
                state = tr("Row security is off for this table: %1 reads every row its privileges allow.")
                            .arg(view.role);
            else if (view.bypasses)
                state = tr("%1 bypasses row security (superuser, BYPASSRLS, or the owner without FORCE).")
                            .arg(view.role);
            else
                state = tr("Row security applies to %1: %n of its policies apply.", nullptr,
                           int(view.applicable.size()))
                            .arg(view.role);
            const QString count =
                view.totalRows >= 0
                    ? tr("It reads %1 of the table's %2 rows.").arg(view.rows.size()).arg(view.totalRows)
                    : tr("It reads %1 rows.").arg(view.rows.size());
            m_status->setText(state + QLatin1Char(' ') + count);
            QList<QStringList> rows;
            QList<bool> applies;
            for (const core::RowPolicy& p : view.policies) {
                const bool applying = view.applicable.contains(p.name);
                rows << QStringList{p.name,
                                    p.permissive ? tr("permissive") : tr("restrictive"),
                                    p.command,
                                    p.roles.join(QStringLiteral(", ")),
                                    applying ? tr("yes") : tr("no"),
                                    p.usingExpr,
                                    p.checkExpr};
                applies << applying;
            }
            m_policies->setRows({tr("Policy"), tr("Kind"), tr("Command"), tr("Roles"), tr("Applies"),
                                 tr("Using"), tr("With check")},
                                rows, applies);
            findChild<QTableView*>(QStringLiteral("seeAsRolePolicies"))->resizeColumnsToContents();
            m_rows->setView(std::move(view));
            emit shown();
        },
        [this](const BackgroundFailure& failure) {
            m_status->setText(tr("Could not read the table as that role: %1").arg(failure.message));
            emit failed(failure.message);
        });
}

} // namespace pgdesk::ui
