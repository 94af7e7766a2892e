// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace pgdesk::ui {

// The production guard's last question before writing (Apply, batch operations): what will change, counted,
// and the database's name to type. OK is enabled only when the text matches the name exactly.
class ProductionConfirmDialog final : public QDialog {
    Q_OBJECT
public:
    // `summary` says what will be written ("3 updates, 1 insert, 2 deletes in public.orders").
    ProductionConfirmDialog(const QString& database, const QString& summary, QWidget* parent = nullptr);

    // "2 updates, 1 insert, 3 deletes in public.orders" (kinds with none left out).
    static QString changeSummary(const core::ChangeSet& changes);
    // The name to type: the profile's database, else libpq's default (the user name), else the profile's.
    static QString databaseName(const core::ConnectionProfile& profile);

    QLineEdit* nameEdit() const { return m_name; }
    bool isConfirmable() const;

private:
    QString m_database;
    QLineEdit* m_name = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace pgdesk::ui
