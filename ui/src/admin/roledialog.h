// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/privileges.h>

#include <QDialog>

#include <optional>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace pgdesk::ui {

// A role's attributes to create or change it: login, superuser, CREATEDB, CREATEROLE, INHERIT, REPLICATION,
// BYPASSRLS, connection limit, valid until, comment, and a new password typed twice. The password leaves
// the dialog only through password() and is turned into a SCRAM verifier (core Connection::encryptPassword)
// before any statement is written.
class RoleDialog final : public QDialog {
    Q_OBJECT
public:
    // `role` nullopt: a new role.
    explicit RoleDialog(const std::optional<core::RoleSpec>& role, QWidget* parent = nullptr);

    core::RoleSpec spec() const; // without a password
    QString password() const;    // empty: unchanged
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    QCheckBox* loginBox() const { return m_login; }
    QSpinBox* connectionLimitBox() const { return m_limit; }

private:
    void check();

    QLineEdit* m_name = nullptr;
    QCheckBox* m_login = nullptr;
    QCheckBox* m_superuser = nullptr;
    QCheckBox* m_createDb = nullptr;
    QCheckBox* m_createRole = nullptr;
    QCheckBox* m_inherit = nullptr;
    QCheckBox* m_replication = nullptr;
    QCheckBox* m_bypassRls = nullptr;
    QSpinBox* m_limit = nullptr;
    QLineEdit* m_validUntil = nullptr;
    QLineEdit* m_comment = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    class QPushButton* m_ok = nullptr;
};

} // namespace pgdesk::ui
