// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/compare/datacompare.h>

#include <QDialog>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// Compare the rows of a table (the one the dialog was opened on) with those of another table of this or
// another database of the server, on a worker with bounded memory. The direction is said, not assumed: the
// table is the source by default (the other table's rows change to match it) or the target. The rows that
// differ become a change set that "Stage in the table" hands to the target's tab, where it is previewed and
// applied with conflict detection like any edit.
class DataCompareDialog final : public QDialog {
    Q_OBJECT
public:
    using PoolProvider = std::function<std::shared_ptr<core::Pool>(const QString& database)>;

    DataCompareDialog(PoolProvider pools, const QString& database, const QString& schema,
                      const QString& table, QWidget* parent = nullptr);

    // The other table's database and name.
    QComboBox* otherDatabase() const { return m_otherDatabase; }
    QLineEdit* otherTable() const { return m_otherTable; }
    // Index 0: the dialog's table is the source; 1: it is the target.
    QComboBox* direction() const { return m_direction; }
    bool tableIsSource() const;
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* stageButton() const { return m_stage; }
    QString summaryText() const;
    const core::DataCompareResult& result() const { return m_result; }
    void compare();

signals:
    void compared();
    // The change set for the target table (database, schema, table).
    void stageRequested(const QString& database, const QString& schema, const QString& table,
                        const core::ChangeSet& changes);

private:
    PoolProvider m_pools;
    QString m_database;
    QString m_schema;
    QString m_table;
    QComboBox* m_otherDatabase = nullptr;
    QLineEdit* m_otherTable = nullptr;
    QComboBox* m_direction = nullptr;
    QString m_targetDatabase; // of the last compare: where Stage sends the changes
    QString m_targetSchema;
    QString m_targetTable;
    QLabel* m_summary = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_stage = nullptr;
    JobSlot* m_job = nullptr;
    JobSlot* m_databasesJob = nullptr;
    core::DataCompareResult m_result;
};

} // namespace pgdesk::ui
