// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/rolesmodel.h>

#include <pgdesk/ui/grid/celltext.h>

#include <QGuiApplication>
#include <QLocale>

namespace pgdesk::ui {

namespace {

std::optional<bool> flagOf(const core::RoleInfo& r, int column) {
    switch (column) {
    case RolesModel::LoginColumn:
        return r.canLogin;
    case RolesModel::SuperuserColumn:
        return r.superuser;
    case RolesModel::CreateRoleColumn:
        return r.createRole;
    case RolesModel::CreateDatabaseColumn:
        return r.createDatabase;
    case RolesModel::ReplicationColumn:
        return r.replication;
    case RolesModel::BypassRlsColumn:
        return r.bypassRls;
    case RolesModel::InheritColumn:
        return r.inherit;
    default:
        return std::nullopt;
    }
}

QString memberOfText(const core::RoleInfo& r) {
    QStringList parts;
    for (const core::RoleMembership& m : r.memberOf)
        parts << (m.adminOption ? RolesModel::tr("%1 (admin)").arg(m.role) : m.role);
    return parts.join(QStringLiteral(", "));
}

} // namespace

RolesModel::RolesModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void RolesModel::setRoles(QList<core::RoleInfo> roles) {
    beginResetModel();
    m_roles = std::move(roles);
    endResetModel();
}

int RolesModel::rowOf(const QString& name) const {
    for (qsizetype i = 0; i < m_roles.size(); ++i)
        if (m_roles[i].name == name)
            return int(i);
    return -1;
}

int RolesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_roles.size());
}

int RolesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::RoleInfo& r = m_roles.at(index.row());
    const int column = index.column();
    const std::optional<bool> flag = flagOf(r, column);
    switch (role) {
    case Qt::DisplayRole:
        if (flag)
            return *flag ? tr("yes") : QString();
        switch (column) {
        case NameColumn:
            return isolatedIn(QGuiApplication::layoutDirection(), r.name);
        case ConnectionLimitColumn:
            return r.connectionLimit < 0 ? tr("no limit") : QLocale().toString(r.connectionLimit);
        case ValidUntilColumn:
            return r.validUntil;
        case MemberOfColumn:
            return memberOfText(r);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == NameColumn && !r.comment.isEmpty())
            return r.comment;
        if (column == ValidUntilColumn && r.validUntil.isEmpty())
            return tr("The password never expires");
        return {};
    case Qt::TextAlignmentRole:
        return flag || column == ConnectionLimitColumn ? QVariant(Qt::AlignCenter) : QVariant();
    case SortRole:
        if (flag)
            return *flag;
        if (column == ConnectionLimitColumn)
            return r.connectionLimit;
        if (column == ValidUntilColumn)
            return r.validUntil;
        if (column == MemberOfColumn)
            return memberOfText(r);
        return r.name;
    case RoleNameRole:
        return r.name;
    default:
        return {};
    }
}

QVariant RolesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    static const char* const kTitles[] = {
        QT_TR_NOOP("Role"),        QT_TR_NOOP("Login"),     QT_TR_NOOP("Superuser"),
        QT_TR_NOOP("Create role"), QT_TR_NOOP("Create DB"), QT_TR_NOOP("Replication"),
        QT_TR_NOOP("Bypass RLS"),  QT_TR_NOOP("Inherit"),   QT_TR_NOOP("Connection limit"),
        QT_TR_NOOP("Valid until"), QT_TR_NOOP("Member of")};
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole)
        return section == InheritColumn ? tr("Uses the privileges of the roles it is a member of")
                                        : QVariant();
    return tr(kTitles[section]);
}

} // namespace pgdesk::ui
