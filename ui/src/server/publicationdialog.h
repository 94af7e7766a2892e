// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/server/replication.h>

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class LockAnalysisView;
class WriteUnlockButton;

// A new publication, or the changes to one, staged as the table designer stages a table: the statements
// (core/server/publishing.h) shown as they are edited with the lock each takes (the analysis on a worker),
// applied by SchemaApplier in one transaction under a lock timeout. A production profile writes only after
// Unlock writing. Tables are chosen from the database's, each with an optional column list and row filter.
class PublicationDialog final : public QDialog {
    Q_OBJECT
public:
    // `before` empty: a new publication. `tables`: "schema.table" of the database, for the picker.
    PublicationDialog(std::shared_ptr<core::Pool> pool, std::optional<core::Publication> before,
                      const QStringList& tables, QWidget* parent = nullptr);
    ~PublicationDialog() override;

    // The publication as edited (ConfigurationError while a table cannot be read).
    core::Publication publication() const;
    // What Apply runs now; empty while nothing differs or it cannot be written (stateText() says why).
    QList<core::DesignStatement> statements() const;
    QString stateText() const;
    QPlainTextEdit* sqlView() const { return m_sql; }
    LockAnalysisView* lockView() const { return m_locks; }
    QPushButton* applyButton() const { return m_apply; }
    WriteUnlockButton* unlockButton() const { return m_unlock; }
    QLineEdit* nameEdit() const { return m_name; }
    QCheckBox* allTablesBox() const { return m_allTables; }
    QTableWidget* tableList() const { return m_tables; }
    QLineEdit* schemasEdit() const { return m_schemas; }
    QCheckBox* publishBox(int i) const { return m_publish[i]; } // insert, update, delete, truncate
    // Adds "schema.table" to the tables (the picker's Add).
    void addTable(const QString& table, const QString& columns = {}, const QString& rowFilter = {});
    void apply();

signals:
    void previewed();
    void applied(const QString& name); // committed; the dialog closes

private:
    void update();
    void setState(const QString& text, bool error);

    std::shared_ptr<core::Pool> m_pool;
    std::optional<core::Publication> m_before;
    QLineEdit* m_name = nullptr;
    QCheckBox* m_allTables = nullptr;
    QComboBox* m_picker = nullptr;
    QTableWidget* m_tables = nullptr;
    QLineEdit* m_schemas = nullptr;
    QCheckBox* m_publish[4] = {};
    QCheckBox* m_viaRoot = nullptr;
    QLineEdit* m_owner = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    LockAnalysisView* m_locks = nullptr;
    QLabel* m_state = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QPushButton* m_apply = nullptr;
    JobSlot* m_preview = nullptr;
    JobSlot* m_applyJob = nullptr;
    bool m_stateError = false;
};

} // namespace pgdesk::ui
