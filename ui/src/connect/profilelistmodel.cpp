// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/connect/profilelistmodel.h>

namespace pgdesk::ui {

ProfileListModel::ProfileListModel(QObject* parent)
    : QAbstractListModel(parent) {
}

void ProfileListModel::setProfiles(const QList<core::ConnectionProfile>& profiles) {
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

int ProfileListModel::rowOf(const QString& name) const {
    for (qsizetype i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].name == name)
            return static_cast<int>(i);
    return -1;
}

QString ProfileListModel::summary(const core::ConnectionProfile& p) {
    const bool onlyService =
        !p.service.isEmpty() && p.host.isEmpty() && p.port == 0 && p.database.isEmpty() && p.user.isEmpty();
    if (onlyService)
        return tr("service %1").arg(p.service);
    QString text;
    if (!p.user.isEmpty())
        text += p.user + QLatin1Char('@');
    // An empty host means libpq's default unix socket, which has no name to show.
    text += p.host.isEmpty() ? tr("local socket") : p.host;
    if (p.port > 0)
        text += QLatin1Char(':') + QString::number(p.port);
    if (!p.database.isEmpty())
        text += QLatin1Char('/') + p.database;
    if (!p.service.isEmpty())
        text += QLatin1Char(' ') + tr("(service %1)").arg(p.service);
    return text;
}

int ProfileListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_profiles.size());
}

QVariant ProfileListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::ConnectionProfile& p = m_profiles[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case NameRole:
        return p.name;
    case Qt::ToolTipRole:
    case SummaryRole:
        return summary(p);
    case Qt::AccessibleDescriptionRole:
        return summary(p);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProfileListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(SummaryRole, "summary");
    return names;
}

} // namespace pgdesk::ui
