// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/roledialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pgdesk::ui {

RoleDialog::RoleDialog(const std::optional<core::RoleSpec>& role, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("roleDialog"));
    setWindowTitle(role ? tr("Role %1").arg(role->name) : tr("New Role"));
    const core::RoleSpec r = role.value_or(core::RoleSpec{});
    m_name = new QLineEdit(r.name, this);
    m_name->setReadOnly(role.has_value()); // a rename is not offered: it clears an MD5 password
    const auto box = [this](const QString& text, bool on) {
        auto* b = new QCheckBox(text, this);
        b->setChecked(on);
        return b;
    };
    m_login = box(tr("Can log in"), role ? r.login : true);
    m_superuser = box(tr("Superuser"), r.superuser);
    m_createDb = box(tr("Can create databases"), r.createDb);
    m_createRole = box(tr("Can create roles"), r.createRole);
    m_inherit = box(tr("Inherits the privileges of its groups"), r.inherit);
    m_replication = box(tr("Replication"), r.replication);
    m_bypassRls = box(tr("Bypasses row-level security"), r.bypassRls);
    m_limit = new QSpinBox(this);
    m_limit->setRange(-1, 100000);
    m_limit->setSpecialValueText(tr("no limit"));
    m_limit->setValue(r.connectionLimit);
    m_validUntil = new QLineEdit(r.validUntil, this);
    m_validUntil->setPlaceholderText(tr("never (e.g. 2027-01-01)"));
    m_comment = new QLineEdit(r.comment, this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("rolePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(role ? tr("unchanged") : tr("none"));
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("rolePasswordRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    for (QCheckBox* b :
         {m_login, m_superuser, m_createDb, m_createRole, m_inherit, m_replication, m_bypassRls})
        form->addRow(QString(), b);
    form->addRow(tr("Connection limit:"), m_limit);
    form->addRow(tr("Valid until:"), m_validUntil);
    form->addRow(tr("Comment:"), m_comment);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Repeat:"), m_repeat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(role ? tr("Change") : tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* e : {m_name, m_password, m_repeat})
        connect(e, &QLineEdit::textChanged, this, &RoleDialog::check);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    check();
}

void RoleDialog::check() {
    const bool named = !m_name->text().trimmed().isEmpty();
    const bool same = m_password->text() == m_repeat->text();
    m_ok->setEnabled(named && same);
    m_ok->setToolTip(same ? QString() : tr("The two passwords differ"));
}

core::RoleSpec RoleDialog::spec() const {
    core::RoleSpec r;
    r.name = m_name->text().trimmed();
    r.login = m_login->isChecked();
    r.superuser = m_superuser->isChecked();
    r.createDb = m_createDb->isChecked();
    r.createRole = m_createRole->isChecked();
    r.inherit = m_inherit->isChecked();
    r.replication = m_replication->isChecked();
    r.bypassRls = m_bypassRls->isChecked();
    r.connectionLimit = m_limit->value();
    r.validUntil = m_validUntil->text().trimmed();
    r.comment = m_comment->text();
    return r;
}

QString RoleDialog::password() const {
    return m_password->text();
}

} // namespace pgdesk::ui
