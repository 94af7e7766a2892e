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

// Compare the rows of a table (the target) with those of a table of this or another database of the
// server (the source), on a worker with bounded memory; the rows that differ become a change set that
// "Stage in the table" hands to the target's tab, where it is previewed and applied with conflict
// detection like any edit.
class DataCompareDialog final : public QDialog {
    Q_OBJECT
public:
    using PoolProvider = std::function<std::shared_ptr<core::Pool>(const QString& database)>;

    DataCompareDialog(PoolProvider pools, const QString& database, const QString& schema,
                      const QString& table, QWidget* parent = nullptr);

    QComboBox* sourceDatabase() const { return m_sourceDatabase; }
    QLineEdit* sourceTable() const { return m_sourceTable; }
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
    QComboBox* m_sourceDatabase = nullptr;
    QLineEdit* m_sourceTable = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_stage = nullptr;
    JobSlot* m_job = nullptr;
    JobSlot* m_databasesJob = nullptr;
    core::DataCompareResult m_result;
};

} // namespace pgdesk::ui
