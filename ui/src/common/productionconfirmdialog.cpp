// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/productionconfirmdialog.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

ProductionConfirmDialog::ProductionConfirmDialog(const QString& database, const QString& summary,
                                                 QWidget* parent)
    : QDialog(parent)
    , m_database(database) {
    setObjectName(QStringLiteral("productionConfirmDialog"));
    setWindowTitle(tr("Write to production"));
    auto* layout = new QVBoxLayout(this);
    auto* what =
        new QLabel(tr("<b>This is a production database.</b><br>%1").arg(summary.toHtmlEscaped()), this);
    what->setObjectName(QStringLiteral("productionSummary"));
    what->setWordWrap(true);
    layout->addWidget(what);
    auto* ask = new QLabel(
        tr("Type the database's name, <b>%1</b>, to confirm:").arg(database.toHtmlEscaped()), this);
    ask->setWordWrap(true);
    layout->addWidget(ask);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("databaseNameEdit"));
    ask->setBuddy(m_name);
    layout->addWidget(m_name);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Write"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this,
            [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isConfirmable()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isConfirmable())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ProductionConfirmDialog::changeSummary(const core::ChangeSet& changes) {
    int counts[5] = {0, 0, 0, 0, 0};
    for (const core::Change& c : changes.changes)
        ++counts[int(c.op)];
    QStringList parts;
    auto add = [&](core::ChangeOp op, const QString& text) {
        if (counts[int(op)] > 0)
            parts << text;
    };
    add(core::ChangeOp::Update, tr("%n update(s)", nullptr, counts[int(core::ChangeOp::Update)]));
    add(core::ChangeOp::Insert, tr("%n insert(s)", nullptr, counts[int(core::ChangeOp::Insert)]));
    add(core::ChangeOp::Delete, tr("%n delete(s)", nullptr, counts[int(core::ChangeOp::Delete)]));
    add(core::ChangeOp::SoftDelete,
        tr("%n soft delete(s)", nullptr, counts[int(core::ChangeOp::SoftDelete)]));
    add(core::ChangeOp::Restore, tr("%n restore(s)", nullptr, counts[int(core::ChangeOp::Restore)]));
    return tr("%1 in %2").arg(parts.join(QStringLiteral(", ")), changes.table);
}

QString ProductionConfirmDialog::databaseName(const core::ConnectionProfile& profile) {
    if (!profile.database.isEmpty())
        return profile.database;
    if (!profile.user.isEmpty())
        return profile.user;
    return profile.name;
}

bool ProductionConfirmDialog::isConfirmable() const {
    return !m_database.isEmpty() && m_name->text() == m_database;
}

} // namespace pgdesk::ui
