// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QAbstractListModel>
#include <QList>

namespace pgdesk::ui {

// The saved connection profiles as a flat list: the name is shown, "user@host:port/db" is the tooltip
// and the secondary line (SummaryRole). Filled from ProfileStore::profiles(); holds copies, never the
// store itself, so the store stays owned by one thread.
class ProfileListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, SummaryRole };

    explicit ProfileListModel(QObject* parent = nullptr);

    void setProfiles(const QList<core::ConnectionProfile>& profiles);
    const QList<core::ConnectionProfile>& profiles() const { return m_profiles; }
    // -1 when there is no profile of that name.
    int rowOf(const QString& name) const;

    // "user@host:port/db" with the parts the profile leaves to libpq's defaults left out; "service NAME"
    // for a pg_service.conf profile that names nothing else. Never holds a password.
    static QString summary(const core::ConnectionProfile& profile);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<core::ConnectionProfile> m_profiles;
};

} // namespace pgdesk::ui
