// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/schema/tabledesign.h>

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace pgdesk::core {
class Pool;
struct TableInfo;
} // namespace pgdesk::core

namespace pgdesk::ui {

class DesignColumnsModel;
class DesignPoliciesPage;
class JobSlot;
class LockAnalysisView;
class WriteUnlockButton;

// The table designer: a new table, or the staged changes to an existing one (columns edited in a grid; keys,
// checks, foreign keys and indexes added or dropped; row security and its policies; name, comment, owner),
// shown as the exact DDL with the lock each statement takes (core::LockAnalyzer), applied as
// core::SchemaApplier does: one transaction under lock_timeout, the validations and concurrent index builds
// after it, each reported; a step that drops or converts data only once its own box is ticked. The design is
// staged like data edits: Undo, Discard, and kept in the settings until applied, so it survives a restart.
// Nothing runs on the GUI thread.
class TableDesigner final : public QWidget {
    Q_OBJECT
public:
    // `table` empty: a new table in `schema`.
    TableDesigner(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent = nullptr);
    ~TableDesigner() override;

    const core::TableDesign& design() const;
    DesignColumnsModel* columnsModel() const { return m_columns; }
    QTableView* columnsView() const { return m_columnsView; }
    QTreeWidget* keysTree() const { return m_keys; }
    DesignPoliciesPage* policiesPage() const { return m_policies; }
    QPlainTextEdit* sqlView() const { return m_sql; }
    LockAnalysisView* lockView() const { return m_locks; }
    QLineEdit* nameEdit() const { return m_name; }
    QPushButton* applyButton() const { return m_apply; }
    WriteUnlockButton* unlockButton() const { return m_unlock; }
    QString stateText() const;
    bool isBusy() const;
    // The statements the design makes now (empty while it cannot be written: stateText() says why).
    QList<core::DesignStatement> statements() const;

    void addIndex(const core::IndexSpec& index);
    void addConstraint(const core::ConstraintSpec& constraint);
    void undo();
    void discard();
    // Applies the design: asks first for each step that drops or converts data (a dialog of ticks).
    void apply();
    // Where the staged design is kept between runs (QSettings key).
    QString settingsKey() const;

signals:
    void loaded();
    void previewed(); // the lock analysis of the current design is shown
    void applyFinished(bool committed);
    // The table changed on the server: the window refreshes the tree, its tabs and completion.
    void applied(const QString& schema, const QString& table);

private:
    void load();
    void showTable(const core::TableInfo& table, int serverVersion);
    void designChanged();
    void preview(bool trace = false);
    void runApply(const QList<core::DesignStatement>& statements, const QSet<int>& confirmed);
    void fillKeys();
    void openKeyDialog(int kind);
    void dropSelectedKey();
    void tableFieldEdited();
    void setState(const QString& text, bool error = false);

    std::shared_ptr<core::Pool> m_pool;
    QString m_schema;
    QString m_table;
    int m_serverVersion = 150000;
    std::unique_ptr<core::TableInfo> m_info; // the table as the catalog has it (an existing table)
    DesignColumnsModel* m_columns = nullptr;
    QTableView* m_columnsView = nullptr;
    QTreeWidget* m_keys = nullptr;
    DesignPoliciesPage* m_policies = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    LockAnalysisView* m_locks = nullptr;
    QTabWidget* m_pages = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_comment = nullptr;
    QLineEdit* m_owner = nullptr;
    QLineEdit* m_partition = nullptr;
    QSpinBox* m_lockTimeout = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_undo = nullptr;
    QLabel* m_state = nullptr;
    JobSlot* m_loadJob = nullptr;
    JobSlot* m_previewJob = nullptr;
    JobSlot* m_applyJob = nullptr;
    bool m_restoring = false;
    QStringList m_tableNames; // the database's tables, for a foreign key's referenced table
    QString m_note;           // said once the reload after an apply is shown
    bool m_noteIsError = false;
};

} // namespace pgdesk::ui
