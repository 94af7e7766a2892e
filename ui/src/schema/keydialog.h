// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/tabledesign.h>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;

namespace pgdesk::ui {

// What the designer adds beside columns: an index, a primary key, a unique key, a foreign key or a check;
// the columns ticked from the design's own, the referenced table typed or picked (its primary key when no
// column is named, as PostgreSQL takes it).
class KeyDialog final : public QDialog {
    Q_OBJECT
public:
    enum Kind { Index, PrimaryKey, Unique, ForeignKey, Check, Exclusion };

    // `tables`: "schema.table" of the database, offered for a foreign key's referenced table.
    KeyDialog(Kind kind, const QStringList& columns, bool existingTable, const QStringList& tables = {},
              QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    core::IndexSpec index() const;
    core::ConstraintSpec constraint() const;
    QListWidget* columnList() const { return m_columnList; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* expressionEdit() const { return m_expression; }
    QLineEdit* referencedTableEdit() const;
    QLineEdit* referencedColumnsEdit() const { return m_refColumns; }
    QCheckBox* concurrentlyBox() const { return m_concurrently; }

private:
    QStringList checkedColumns() const;

    Kind m_kind;
    QLineEdit* m_name = nullptr;
    QListWidget* m_columnList = nullptr;
    QLineEdit* m_expression = nullptr; // check expression, or index predicate
    QLineEdit* m_include = nullptr;
    QComboBox* m_method = nullptr;
    QCheckBox* m_unique = nullptr;
    QCheckBox* m_concurrently = nullptr;
    QComboBox* m_refTable = nullptr;
    QLineEdit* m_refColumns = nullptr;
    QComboBox* m_onDelete = nullptr;
    QCheckBox* m_validateLater = nullptr;
};

} // namespace pgdesk::ui
