// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/parametersdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

ParametersDialog::ParametersDialog(const QStringList& names,
                                   const QMap<QString, std::optional<QString>>& remembered, QWidget* parent)
    : QDialog(parent)
    , m_names(names) {
    setObjectName(QStringLiteral("parametersDialog"));
    setWindowTitle(tr("Query parameters"));

    auto* intro = new QLabel(tr("Values are sent as bound parameters, as text PostgreSQL reads for each "
                                "parameter's type; they are never written into the SQL."),
                             this);
    intro->setWordWrap(true);

    auto* grid = new QGridLayout;
    for (int i = 0; i < names.size(); ++i) {
        const QString& name = names[i];
        auto* label = new QLabel(displayName(name), this);
        label->setObjectName(QStringLiteral("parameterName_") + name);
        auto* value = new QLineEdit(this);
        value->setObjectName(QStringLiteral("parameterValue_") + name);
        value->setAccessibleName(tr("Value of %1").arg(displayName(name)));
        label->setBuddy(value);
        auto* null = new QCheckBox(tr("NULL"), this);
        null->setObjectName(QStringLiteral("parameterNull_") + name);
        null->setAccessibleName(tr("%1 is NULL").arg(displayName(name)));
        connect(null, &QCheckBox::toggled, value, [value](bool on) { value->setEnabled(!on); });
        const auto known = remembered.constFind(name);
        if (known != remembered.cend()) {
            if (known->has_value())
                value->setText(**known);
            else
                null->setChecked(true);
        }
        grid->addWidget(label, i, 0);
        grid->addWidget(value, i, 1);
        grid->addWidget(null, i, 2);
        m_rows << Row{value, null};
    }
    grid->setColumnStretch(1, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* run = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("parametersRun"));
    run->setDefault(true); // Enter in a value runs
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("parametersCancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    if (!m_rows.isEmpty()) {
        m_rows.first().value->setFocus();
        m_rows.first().value->selectAll();
    }
}

QMap<QString, std::optional<QString>> ParametersDialog::values() const {
    QMap<QString, std::optional<QString>> out;
    for (int i = 0; i < m_names.size(); ++i) {
        const Row& row = m_rows[i];
        out.insert(m_names[i],
                   row.null->isChecked() ? std::nullopt : std::optional<QString>(row.value->text()));
    }
    return out;
}

QLineEdit* ParametersDialog::valueEdit(const QString& name) const {
    const qsizetype at = m_names.indexOf(name);
    return at < 0 ? nullptr : m_rows[at].value;
}

QCheckBox* ParametersDialog::nullBox(const QString& name) const {
    const qsizetype at = m_names.indexOf(name);
    return at < 0 ? nullptr : m_rows[at].null;
}

QString ParametersDialog::displayName(const QString& name) {
    const bool position = !name.isEmpty() && name.front().isDigit();
    return (position ? QLatin1Char('$') : QLatin1Char(':')) + name;
}

} // namespace pgdesk::ui
