// SPDX-License-Identifier: GPL-3.0-or-later
// Import into new table…: the new table's name, its columns' names and types above the preview.
#include <pgdesk/ui/transfer/importdialog.h>

#include <pgdesk/core/transfer/clipboardtable.h>
#include <pgdesk/core/transfer/typeinference.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTableView>

namespace pgdesk::ui {

ImportDialog::ImportDialog(std::shared_ptr<core::Pool> pool, const QString& schema, QWidget* parent)
    : ImportDialog(std::move(pool), core::TableInfo{}, parent) {
    m_newTable = true;
    m_table.schema = schema;
    m_table.kind = core::RelationKind::Table;
    setWindowTitle(schema.isEmpty() ? tr("Import into a new table")
                                    : tr("Import into a new table in %1").arg(schema));
    m_newSchema = new QLineEdit(schema, m_inputs);
    m_newSchema->setAccessibleName(tr("Schema"));
    m_newSchema->setPlaceholderText(tr("the first schema of the search path"));
    m_newName = new QLineEdit(m_inputs);
    m_newName->setObjectName(QStringLiteral("importNewTableName"));
    m_newName->setAccessibleName(tr("New table"));
    m_newName->setPlaceholderText(tr("Name of the table to create"));
    m_previewLabel->setText(tr("Preview of the first records; above each file column, the new column's name "
                               "and type (guessed from the first 1,000 records):"));
    m_form->insertRow(0, tr("Schema"), m_newSchema);
    m_form->insertRow(1, tr("New table"), m_newName);
    connect(m_newSchema, &QLineEdit::textChanged, this, &ImportDialog::validate);
    connect(m_newName, &QLineEdit::textChanged, this, &ImportDialog::validate);
    validate();
}

void ImportDialog::setNewTableName(const QString& name) {
    if (m_newName)
        m_newName->setText(name);
}

QStringList ImportDialog::newColumnNames() const {
    QStringList names;
    for (const QLineEdit* edit : m_names)
        names << edit->text().trimmed();
    return names;
}

QStringList ImportDialog::newColumnTypes() const {
    QStringList types;
    for (const QComboBox* box : m_types)
        types << box->currentText().trimmed();
    return types;
}

void ImportDialog::setNewColumn(int fileColumn, const QString& name, const QString& type) {
    if (fileColumn < 0 || fileColumn >= m_names.size())
        return;
    m_names[fileColumn]->setText(name);
    if (!type.isEmpty())
        m_types[fileColumn]->setCurrentText(type);
}

void ImportDialog::rebuildNewTableGrid(int fileColumns) {
    const bool header = m_named || m_header->isChecked();
    const QStringList fields = header ? m_records.first().mid(0, fileColumns) : QStringList(fileColumns);
    const QStringList names = core::newTableColumnNames(fields);
    const QStringList& types = header ? m_typesBelowHeader : m_typesWithFirst;
    const QStringList offered = core::commonColumnTypes();
    for (int c = 0; c < fileColumns; ++c) {
        auto* name = new QLineEdit(names[c]);
        name->setAccessibleName(tr("Name of the new column for file column %1").arg(c + 1));
        name->setToolTip(m_format == core::ImportFormat::Csv
                             ? tr("The new column's name")
                             : tr("The new column's name; empty leaves this field out"));
        auto* type = new QComboBox;
        type->setEditable(true);
        type->addItems(offered);
        type->setCurrentText(types.value(c, QStringLiteral("text")));
        type->setAccessibleName(tr("Type of the new column for file column %1").arg(c + 1));
        type->setToolTip(tr("Guessed from the first records; any type the server knows, e.g. numeric(12,2)"));
        m_view->setIndexWidget(m_model->index(0, c), name);
        m_view->setIndexWidget(m_model->index(1, c), type);
        connect(name, &QLineEdit::textChanged, this, &ImportDialog::validate);
        connect(type, &QComboBox::currentTextChanged, this, &ImportDialog::validate);
        m_names << name;
        m_types << type;
    }
}

bool ImportDialog::validateNewTable(QString& note) const {
    const bool csv = m_format == core::ImportFormat::Csv;
    const QStringList names = newColumnNames();
    const QStringList types = newColumnTypes();
    const QString table = m_newName->text().trimmed();
    if (table.isEmpty()) {
        note = tr("Name the new table.");
        return false;
    }
    if (const qsizetype unnamed = csv ? names.indexOf(QString()) : -1; unnamed >= 0) {
        note =
            tr("Name every column: COPY cannot skip file columns (column %1 has no name).").arg(unnamed + 1);
        return false;
    }
    if (names.count(QString()) == names.size()) {
        note = tr("Name at least one column; fields without a name are left out.");
        return false;
    }
    for (int c = 0; c < names.size(); ++c) {
        if (names[c].isEmpty())
            continue;
        if (names.indexOf(names[c], c + 1) >= 0) {
            note = tr("The column name %1 is given twice.").arg(names[c]);
            return false;
        }
        if (types[c].isEmpty()) {
            note = tr("Choose a type for column %1.").arg(names[c]);
            return false;
        }
    }
    const QString schema = m_newSchema->text().trimmed();
    const int used = int(names.size() - names.count(QString()));
    note = tr("Creates %1 with %n column(s) and imports the file into it in one transaction: if a row fails, "
              "the table is not created either.",
              nullptr, used)
               .arg(schema.isEmpty() ? table : schema + QLatin1Char('.') + table);
    if (used < names.size())
        note += QLatin1Char(' ') +
                tr("%n field(s) without a name are left out.", nullptr, int(names.size()) - used);
    note +=
        QLatin1Char(' ') +
        tr("The types are guessed from the first records; a later value that does not fit stops the import "
           "at its row.");
    return true;
}

} // namespace pgdesk::ui
