// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/rowsecurity.h>

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace pgdesk::ui {

class DesignColumnsModel;

// One policy written or edited: name, AS, FOR, TO, USING, WITH CHECK, with the CREATE POLICY it makes shown
// as it is typed (or why it cannot be written); OK only while there is one. A clause the command has none of
// is disabled.
class PolicyDialog final : public QDialog {
    Q_OBJECT
public:
    PolicyDialog(const core::RowPolicy& policy, const QString& quotedTable, QWidget* parent = nullptr);
    core::RowPolicy policy() const;
    QString previewText() const;
    QPushButton* okButton() const { return m_ok; }

private:
    void update();

    QString m_table;
    QLineEdit* m_name = nullptr;
    QComboBox* m_as = nullptr;
    QComboBox* m_command = nullptr;
    QLineEdit* m_roles = nullptr;
    QPlainTextEdit* m_using = nullptr;
    QPlainTextEdit* m_check = nullptr;
    QLabel* m_preview = nullptr;
    QPushButton* m_ok = nullptr;
};

// The designer's Row Security page: the switches (enabled, forced) and the policies as the catalog has them
// with the staged changes over them ("new", "changed", "dropped"). Every edit is a step of the design
// (DesignColumnsModel::modify), so Undo, Discard, the SQL and its locks treat it like any other. Editing a
// policy's command or AS, or removing its USING or WITH CHECK, which ALTER POLICY cannot do, stages a drop
// and a create; anything else one ALTER POLICY.
class DesignPoliciesPage final : public QWidget {
    Q_OBJECT
public:
    explicit DesignPoliciesPage(DesignColumnsModel* design, QWidget* parent = nullptr);

    // The table as the server has it (an existing table), before any staged change.
    void setCatalog(const core::TableRowSecurity& catalog);
    // Shows the design as it is now (after every change of it).
    void refresh();

    QTreeWidget* list() const { return m_list; }
    QCheckBox* enabledBox() const { return m_enabled; }
    QCheckBox* forcedBox() const { return m_forced; }
    // Stages a new policy, or `policy` in place of the listed one at `row` (the dialog's result).
    void addPolicy(const core::RowPolicy& policy);
    void editPolicy(int row, const core::RowPolicy& policy);
    // Drops the listed one at `row`; a staged one is unstaged, a dropped one kept again.
    void dropPolicy(int row);

private:
    struct Row {
        enum class Source { Catalog, Change, NewTable } source = Source::Catalog;
        int index = 0; // in the catalog's policies, the design's changes, or a new table's policies
        core::RowPolicy policy;
        QString staged; // shown: "", "new", "changed", "dropped"
        bool dropped = false;
    };
    QList<Row> rows() const;
    void switchEdited();
    void openDialog(int row);
    QString quotedTable() const;

    DesignColumnsModel* m_design = nullptr;
    core::TableRowSecurity m_catalog;
    QCheckBox* m_enabled = nullptr;
    QCheckBox* m_forced = nullptr;
    QTreeWidget* m_list = nullptr;
    bool m_filling = false;
};

} // namespace pgdesk::ui
