// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/keydialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace pgdesk::ui {

namespace {

QStringList listOf(const QString& text) {
    QStringList out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

} // namespace

KeyDialog::KeyDialog(Kind kind, const QStringList& columns, bool existingTable, const QStringList& tables,
                     QWidget* parent)
    : QDialog(parent)
    , m_kind(kind) {
    setObjectName(QStringLiteral("keyDialog"));
    static const char* const titles[] = {
        QT_TR_NOOP("Add Index"),       QT_TR_NOOP("Add Primary Key"), QT_TR_NOOP("Add Unique Key"),
        QT_TR_NOOP("Add Foreign Key"), QT_TR_NOOP("Add Check"),       QT_TR_NOOP("Add Exclusion Constraint")};
    setWindowTitle(tr(titles[kind]));
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("chosen by the server"));
    form->addRow(tr("Name:"), m_name);
    if (kind != Check && kind != Exclusion) {
        m_columnList = new QListWidget(this);
        m_columnList->setObjectName(QStringLiteral("keyColumns"));
        for (const QString& c : columns) {
            auto* item = new QListWidgetItem(c, m_columnList);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        form->addRow(tr("Columns:"), m_columnList);
    }
    if (kind == Check || kind == Index || kind == Exclusion) {
        m_expression = new QLineEdit(this);
        m_expression->setObjectName(QStringLiteral("keyExpression"));
        m_expression->setPlaceholderText(kind == Check       ? tr("price >= 0")
                                         : kind == Exclusion ? tr("room WITH =, during WITH &&")
                                                             : tr("deleted_at IS NULL"));
        form->addRow(kind == Check       ? tr("Expression:")
                     : kind == Exclusion ? tr("Elements:")
                                         : tr("Only rows where:"),
                     m_expression);
    }
    if (kind == Exclusion) {
        m_method = new QComboBox(this);
        m_method->addItems({QStringLiteral("gist"), QStringLiteral("spgist"), QStringLiteral("btree"),
                            QStringLiteral("hash")});
        form->addRow(tr("Method:"), m_method);
    }
    if (kind == Index) {
        m_method = new QComboBox(this);
        m_method->addItems({QStringLiteral("btree"), QStringLiteral("hash"), QStringLiteral("gin"),
                            QStringLiteral("gist"), QStringLiteral("brin"), QStringLiteral("spgist")});
        form->addRow(tr("Method:"), m_method);
        m_include = new QLineEdit(this);
        m_include->setPlaceholderText(tr("columns carried in the index, comma-separated"));
        form->addRow(tr("Include:"), m_include);
        m_unique = new QCheckBox(tr("Unique"), this);
        form->addRow(QString(), m_unique);
        m_concurrently = new QCheckBox(tr("Build concurrently (after the commit; writes go on)"), this);
        m_concurrently->setObjectName(QStringLiteral("keyConcurrently"));
        m_concurrently->setChecked(existingTable);
        m_concurrently->setEnabled(existingTable);
        form->addRow(QString(), m_concurrently);
    }
    if (kind == ForeignKey) {
        m_refTable = new QComboBox(this);
        m_refTable->setEditable(true);
        m_refTable->setObjectName(QStringLiteral("keyReferencedTable"));
        m_refTable->addItems(tables);
        m_refTable->setCurrentIndex(-1);
        m_refTable->lineEdit()->setPlaceholderText(tr("schema.table"));
        form->addRow(tr("References:"), m_refTable);
        m_refColumns = new QLineEdit(this);
        m_refColumns->setObjectName(QStringLiteral("keyReferencedColumns"));
        m_refColumns->setPlaceholderText(tr("its primary key"));
        form->addRow(tr("Referenced columns:"), m_refColumns);
        m_onDelete = new QComboBox(this);
        m_onDelete->addItem(tr("No action"), QString());
        m_onDelete->addItem(tr("Cascade"), QStringLiteral("cascade"));
        m_onDelete->addItem(tr("Set null"), QStringLiteral("set null"));
        m_onDelete->addItem(tr("Restrict"), QStringLiteral("restrict"));
        form->addRow(tr("On delete:"), m_onDelete);
    }
    if ((kind == ForeignKey || kind == Check) && existingTable) {
        m_validateLater = new QCheckBox(tr("Check existing rows after the commit (NOT VALID, then VALIDATE: "
                                           "reads and writes go on)"),
                                        this);
        m_validateLater->setChecked(true);
        form->addRow(QString(), m_validateLater);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Stage"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QStringList KeyDialog::checkedColumns() const {
    QStringList out;
    for (int i = 0; m_columnList && i < m_columnList->count(); ++i)
        if (m_columnList->item(i)->checkState() == Qt::Checked)
            out << m_columnList->item(i)->text();
    return out;
}

QLineEdit* KeyDialog::referencedTableEdit() const {
    return m_refTable ? m_refTable->lineEdit() : nullptr;
}

core::IndexSpec KeyDialog::index() const {
    core::IndexSpec i;
    i.name = m_name->text().trimmed();
    i.columns = checkedColumns();
    if (m_method)
        i.method = m_method->currentText();
    if (m_include)
        i.include = listOf(m_include->text());
    if (m_expression)
        i.predicate = m_expression->text().trimmed();
    i.unique = m_unique && m_unique->isChecked();
    i.concurrently = m_concurrently && m_concurrently->isChecked();
    return i;
}

core::ConstraintSpec KeyDialog::constraint() const {
    core::ConstraintSpec k;
    k.name = m_name->text().trimmed();
    k.columns = checkedColumns();
    switch (m_kind) {
    case PrimaryKey:
        k.kind = core::ConstraintSpec::Kind::PrimaryKey;
        break;
    case Unique:
        k.kind = core::ConstraintSpec::Kind::Unique;
        break;
    case ForeignKey: {
        k.kind = core::ConstraintSpec::Kind::ForeignKey;
        const QString table = m_refTable->currentText().trimmed();
        const qsizetype dot = table.indexOf(u'.');
        k.refSchema = dot > 0 ? table.left(dot) : QString();
        k.refTable = dot > 0 ? table.mid(dot + 1) : table;
        k.refColumns = listOf(m_refColumns->text());
        k.onDelete = m_onDelete->currentData().toString();
        break;
    }
    case Check:
        k.kind = core::ConstraintSpec::Kind::Check;
        k.expression = m_expression->text().trimmed();
        break;
    case Exclusion:
        k.kind = core::ConstraintSpec::Kind::Exclusion;
        k.expression = m_expression->text().trimmed();
        k.method = m_method->currentText();
        break;
    case Index:
        break;
    }
    k.validateSeparately = m_validateLater && m_validateLater->isChecked();
    return k;
}

} // namespace pgdesk::ui
