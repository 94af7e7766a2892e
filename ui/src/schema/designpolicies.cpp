// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/designpolicies.h"

#include "schema/designcolumnsmodel.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/theme.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgdesk::ui {

using Step = core::DesignChange::Step;

namespace {

const QStringList kCommands{QStringLiteral("ALL"), QStringLiteral("SELECT"), QStringLiteral("INSERT"),
                            QStringLiteral("UPDATE"), QStringLiteral("DELETE")};

QString rolesText(const QStringList& roles) {
    return roles.isEmpty() ? QStringLiteral("PUBLIC") : roles.join(QStringLiteral(", "));
}

QStringList rolesFrom(const QString& text) {
    QStringList out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    if (out.size() == 1 && out.first().compare(QLatin1String("public"), Qt::CaseInsensitive) == 0)
        out.clear(); // PUBLIC is the default; the catalog's "public" compares equal to none
    return out;
}

core::RowPolicy normalized(core::RowPolicy p) {
    p.command = p.command.trimmed().toUpper();
    if (p.roles.size() == 1 && p.roles.first().compare(QLatin1String("public"), Qt::CaseInsensitive) == 0)
        p.roles.clear();
    return p;
}

// ALTER POLICY cannot change these: a drop and a create instead.
bool needsRecreate(const core::RowPolicy& before, const core::RowPolicy& after) {
    return before.command.toUpper() != after.command.toUpper() || before.permissive != after.permissive ||
           (!before.usingExpr.isEmpty() && after.usingExpr.trimmed().isEmpty()) ||
           (!before.checkExpr.isEmpty() && after.checkExpr.trimmed().isEmpty());
}

void removeChanges(core::TableDesign& d, const std::function<bool(const core::DesignChange&)>& match) {
    d.changes.removeIf(match);
}

} // namespace

// ---- PolicyDialog
// ------------------------------------------------------------------------------------------

PolicyDialog::PolicyDialog(const core::RowPolicy& policy, const QString& quotedTable, QWidget* parent)
    : QDialog(parent)
    , m_table(quotedTable) {
    setObjectName(QStringLiteral("policyDialog"));
    setWindowTitle(policy.name.isEmpty() ? tr("New Policy") : tr("Policy %1").arg(policy.name));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_name = new QLineEdit(policy.name, this);
    m_name->setObjectName(QStringLiteral("policyName"));
    m_as = new QComboBox(this);
    m_as->setObjectName(QStringLiteral("policyAs"));
    m_as->addItem(tr("Permissive (any permissive policy admits a row)"), true);
    m_as->addItem(tr("Restrictive (every restrictive policy must admit it too)"), false);
    m_as->setCurrentIndex(policy.permissive ? 0 : 1);
    m_command = new QComboBox(this);
    m_command->setObjectName(QStringLiteral("policyCommand"));
    m_command->addItems(kCommands);
    m_command->setCurrentIndex(std::max(0, int(kCommands.indexOf(policy.command.trimmed().toUpper()))));
    m_roles = new QLineEdit(policy.roles.join(QStringLiteral(", ")), this);
    m_roles->setObjectName(QStringLiteral("policyRoles"));
    m_roles->setPlaceholderText(tr("PUBLIC, or role names separated by commas"));
    m_using = new QPlainTextEdit(policy.usingExpr, this);
    m_using->setObjectName(QStringLiteral("policyUsing"));
    m_using->setPlaceholderText(tr("tenant_id = current_setting('app.tenant')::int"));
    m_check = new QPlainTextEdit(policy.checkExpr, this);
    m_check->setObjectName(QStringLiteral("policyCheck"));
    m_check->setPlaceholderText(tr("the rows a write may leave (USING's when empty)"));
    for (QPlainTextEdit* e : {m_using, m_check}) {
        e->setFont(fixed);
        e->setTabChangesFocus(true);
        e->setMaximumHeight(e->fontMetrics().lineSpacing() * 4 + 12);
    }
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("policyPreview"));
    m_preview->setFont(fixed);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("As:"), m_as);
    form->addRow(tr("For:"), m_command);
    form->addRow(tr("To roles:"), m_roles);
    form->addRow(tr("Using (rows it sees):"), m_using);
    form->addRow(tr("With check (rows it writes):"), m_check);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this, &PolicyDialog::update);
    connect(m_roles, &QLineEdit::textChanged, this, &PolicyDialog::update);
    connect(m_as, &QComboBox::currentIndexChanged, this, &PolicyDialog::update);
    connect(m_command, &QComboBox::currentIndexChanged, this, &PolicyDialog::update);
    connect(m_using, &QPlainTextEdit::textChanged, this, &PolicyDialog::update);
    connect(m_check, &QPlainTextEdit::textChanged, this, &PolicyDialog::update);
    update();
}

core::RowPolicy PolicyDialog::policy() const {
    core::RowPolicy p;
    p.name = m_name->text().trimmed();
    p.permissive = m_as->currentData().toBool();
    p.command = m_command->currentText();
    p.roles = rolesFrom(m_roles->text());
    // A clause the command has none of is not part of the policy (the box is disabled, its text kept).
    if (m_using->isEnabled())
        p.usingExpr = m_using->toPlainText().trimmed();
    if (m_check->isEnabled())
        p.checkExpr = m_check->toPlainText().trimmed();
    return p;
}

QString PolicyDialog::previewText() const {
    return m_preview->text();
}

void PolicyDialog::update() {
    const QString command = m_command->currentText();
    m_using->setEnabled(command != QLatin1String("INSERT"));
    m_check->setEnabled(command != QLatin1String("SELECT") && command != QLatin1String("DELETE"));
    QPalette palette = m_preview->palette();
    try {
        m_preview->setText(core::createPolicySql(policy(), m_table) + QLatin1Char(';'));
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
        m_ok->setEnabled(true);
    } catch (const core::Error& e) {
        m_preview->setText(QString::fromUtf8(e.what()));
        palette.setColor(QPalette::WindowText, errorColor());
        m_ok->setEnabled(false);
    }
    m_preview->setPalette(palette);
}

// ---- DesignPoliciesPage
// ------------------------------------------------------------------------------------

DesignPoliciesPage::DesignPoliciesPage(DesignColumnsModel* design, QWidget* parent)
    : QWidget(parent)
    , m_design(design) {
    setObjectName(QStringLiteral("designPolicies"));
    m_enabled = new QCheckBox(tr("Row security enabled (without a policy, only the owner sees rows)"), this);
    m_enabled->setObjectName(QStringLiteral("designRowSecurity"));
    m_forced = new QCheckBox(tr("Applies to the table's owner too (FORCE)"), this);
    m_forced->setObjectName(QStringLiteral("designForceRowSecurity"));
    connect(m_enabled, &QCheckBox::toggled, this, &DesignPoliciesPage::switchEdited);
    connect(m_forced, &QCheckBox::toggled, this, &DesignPoliciesPage::switchEdited);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("designPolicyList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels(
        {tr("Name"), tr("As"), tr("For"), tr("To"), tr("Using"), tr("With check"), tr("Staged")});
    connect(m_list, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { openDialog(m_list->indexOfTopLevelItem(item)); });
    auto* add = new QPushButton(themedIcon(QStringLiteral("list-add")), tr("Add Policy…"), this);
    add->setObjectName(QStringLiteral("designAddPolicy"));
    connect(add, &QPushButton::clicked, this, [this] { openDialog(-1); });
    auto* edit = new QPushButton(tr("Edit…"), this);
    edit->setObjectName(QStringLiteral("designEditPolicy"));
    connect(edit, &QPushButton::clicked, this,
            [this] { openDialog(m_list->indexOfTopLevelItem(m_list->currentItem())); });
    auto* drop = new QPushButton(themedIcon(QStringLiteral("list-remove")), tr("Drop"), this);
    drop->setObjectName(QStringLiteral("designDropPolicy"));
    connect(drop, &QPushButton::clicked, this, [this] {
        if (m_list->currentItem())
            dropPolicy(m_list->indexOfTopLevelItem(m_list->currentItem()));
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(drop);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addWidget(m_forced);
    layout->addLayout(buttons);
    layout->addWidget(m_list);
}

void DesignPoliciesPage::setCatalog(const core::TableRowSecurity& catalog) {
    m_catalog = catalog;
    for (core::RowPolicy& p : m_catalog.policies)
        p = normalized(p);
    refresh();
}

QString DesignPoliciesPage::quotedTable() const {
    const core::TableDesign& d = m_design->design();
    return core::quoteIdentifier(d.schema) + QLatin1Char('.') + core::quoteIdentifier(d.table);
}

QList<DesignPoliciesPage::Row> DesignPoliciesPage::rows() const {
    const core::TableDesign& d = m_design->design();
    QList<Row> out;
    if (d.creating) {
        for (int i = 0; i < d.policies.size(); ++i)
            out << Row{Row::Source::NewTable, i, d.policies[i], tr("new")};
        return out;
    }
    for (int i = 0; i < m_catalog.policies.size(); ++i)
        out << Row{Row::Source::Catalog, i, m_catalog.policies[i], QString()};
    for (int j = 0; j < d.changes.size(); ++j) {
        const core::DesignChange& c = d.changes[j];
        if (c.step == Step::CreatePolicy) {
            out << Row{Row::Source::Change, j, c.policy, tr("new")};
            continue;
        }
        if (c.step != Step::AlterPolicy && c.step != Step::DropPolicy)
            continue;
        for (Row& r : out)
            if (r.source == Row::Source::Catalog && m_catalog.policies[r.index].name == c.text) {
                if (c.step == Step::DropPolicy) {
                    r.staged = tr("dropped");
                    r.dropped = true;
                } else {
                    r.policy = c.policy;
                    r.staged = tr("changed");
                }
            }
    }
    return out;
}

void DesignPoliciesPage::refresh() {
    const core::TableDesign& d = m_design->design();
    m_filling = true;
    bool enabled = d.creating ? d.rowSecurity : m_catalog.enabled;
    bool forced = d.creating ? d.forceRowSecurity : m_catalog.forced;
    if (!d.creating)
        for (const core::DesignChange& c : d.changes) {
            if (c.step == Step::EnableRowSecurity || c.step == Step::DisableRowSecurity)
                enabled = c.step == Step::EnableRowSecurity;
            else if (c.step == Step::ForceRowSecurity || c.step == Step::NoForceRowSecurity)
                forced = c.step == Step::ForceRowSecurity;
        }
    m_enabled->setChecked(enabled);
    m_forced->setChecked(forced);
    m_list->clear();
    for (const Row& r : rows()) {
        auto* item = new QTreeWidgetItem(m_list, {r.policy.name,
                                                  r.policy.permissive ? tr("permissive") : tr("restrictive"),
                                                  r.policy.command.toUpper(), rolesText(r.policy.roles),
                                                  r.policy.usingExpr, r.policy.checkExpr, r.staged});
        if (r.dropped) {
            QFont f = item->font(0);
            f.setStrikeOut(true);
            for (int c = 0; c < m_list->columnCount() - 1; ++c)
                item->setFont(c, f);
        }
    }
    for (int c = 0; c < m_list->columnCount(); ++c)
        m_list->resizeColumnToContents(c);
    m_filling = false;
}

void DesignPoliciesPage::switchEdited() {
    if (m_filling)
        return;
    const bool enabled = m_enabled->isChecked();
    const bool forced = m_forced->isChecked();
    m_design->modify([this, enabled, forced](core::TableDesign& d) {
        if (d.creating) {
            d.rowSecurity = enabled;
            d.forceRowSecurity = forced;
            return;
        }
        // One step each at most: the switch as it ends, where it differs from the server's.
        removeChanges(d, [](const core::DesignChange& c) {
            return c.step == Step::EnableRowSecurity || c.step == Step::DisableRowSecurity ||
                   c.step == Step::ForceRowSecurity || c.step == Step::NoForceRowSecurity;
        });
        core::DesignChange c;
        if (enabled != m_catalog.enabled) {
            c.step = enabled ? Step::EnableRowSecurity : Step::DisableRowSecurity;
            d.changes << c;
        }
        if (forced != m_catalog.forced) {
            c.step = forced ? Step::ForceRowSecurity : Step::NoForceRowSecurity;
            d.changes << c;
        }
    });
}

void DesignPoliciesPage::addPolicy(const core::RowPolicy& policy) {
    m_design->modify([&policy](core::TableDesign& d) {
        if (d.creating) {
            d.policies << policy;
            return;
        }
        core::DesignChange c;
        c.step = Step::CreatePolicy;
        c.policy = policy;
        d.changes << c;
    });
}

void DesignPoliciesPage::editPolicy(int row, const core::RowPolicy& edited) {
    const QList<Row> all = rows();
    if (row < 0 || row >= all.size())
        return;
    const Row r = all[row];
    const core::RowPolicy policy = normalized(edited);
    m_design->modify([&](core::TableDesign& d) {
        if (r.source == Row::Source::NewTable) {
            d.policies[r.index] = policy;
            return;
        }
        if (r.source == Row::Source::Change) {
            d.changes[r.index].policy = policy;
            return;
        }
        const core::RowPolicy& before = m_catalog.policies[r.index];
        removeChanges(d, [&before](const core::DesignChange& c) {
            return (c.step == Step::AlterPolicy || c.step == Step::DropPolicy) && c.text == before.name;
        });
        if (policy == before)
            return; // edited back to what the server has
        core::DesignChange c;
        c.text = before.name;
        if (needsRecreate(before, policy)) {
            c.step = Step::DropPolicy;
            d.changes << c;
            c.step = Step::CreatePolicy;
            c.text.clear();
        } else {
            c.step = Step::AlterPolicy;
        }
        c.policy = policy;
        d.changes << c;
    });
}

void DesignPoliciesPage::dropPolicy(int row) {
    const QList<Row> all = rows();
    if (row < 0 || row >= all.size())
        return;
    const Row r = all[row];
    m_design->modify([&](core::TableDesign& d) {
        if (r.source == Row::Source::NewTable) {
            d.policies.removeAt(r.index);
            return;
        }
        if (r.source == Row::Source::Change) {
            d.changes.removeAt(r.index);
            return;
        }
        const QString name = m_catalog.policies[r.index].name;
        const bool wasDropped = r.dropped;
        removeChanges(d, [&name](const core::DesignChange& c) {
            return (c.step == Step::AlterPolicy || c.step == Step::DropPolicy) && c.text == name;
        });
        if (!wasDropped) {
            core::DesignChange c;
            c.step = Step::DropPolicy;
            c.text = name;
            d.changes << c;
        }
    });
}

void DesignPoliciesPage::openDialog(int row) {
    const QList<Row> all = rows();
    if (row >= all.size())
        return;
    core::RowPolicy start;
    start.command = QStringLiteral("ALL");
    if (row >= 0)
        start = all[row].policy;
    auto* dialog = new PolicyDialog(start, quotedTable(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        if (row < 0)
            addPolicy(dialog->policy());
        else
            editPolicy(row, dialog->policy());
    });
    dialog->open();
}

} // namespace pgdesk::ui
