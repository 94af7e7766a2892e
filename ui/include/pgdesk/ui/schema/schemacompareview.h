// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/compare/migration.h>
#include <pgdesk/core/compare/schemacomparerun.h>
#include <pgdesk/core/compare/schemadiff.h>
#include <pgdesk/core/schema/lockanalysis.h>

#include <QAbstractTableModel>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class LockAnalysisView;
class WriteUnlockButton;

// The objects of a schema compare, one row each (state, kind, name), filtered by text and by whether
// objects that are the same are shown.
class SchemaDiffModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { State, Kind, Name, ColumnCount };
    explicit SchemaDiffModel(QObject* parent = nullptr);

    void setDifferences(QList<core::ObjectDifference> differences);
    void setFilter(const QString& text, bool showSame);
    const core::ObjectDifference* difference(int row) const;
    const QList<core::ObjectDifference>& all() const { return m_all; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refilter();

    QList<core::ObjectDifference> m_all;
    QList<int> m_visible;
    QString m_text;
    bool m_showSame = false;
};

// Compare two schemas (of one database, two databases of the server, or another session's) and bring the
// target to the source: every object that differs with its lines, the migration script with the lock each
// statement takes, the decisions it made, and Apply in one transaction (each destructive step confirmed by
// itself, the production guard's unlock, a value asked for each NOT NULL column added to a table with
// rows); after it, the compare runs again. Everything that reads or writes runs on a worker.
class SchemaCompareView final : public QWidget {
    Q_OBJECT
public:
    using PoolProvider = std::function<std::shared_ptr<core::Pool>(const QString& database)>;

    SchemaCompareView(PoolProvider pools, const QString& database, const QString& schema,
                      QWidget* parent = nullptr);

    void setSource(const QString& database, const QString& schema);
    void setTarget(const QString& database, const QString& schema);
    void compare();
    void apply();
    // Apply with these values for the NOT NULL columns that need one ("table.column" → SQL value), and
    // the destructive steps confirmed (as the dialogs would).
    void applyWith(const QHash<QString, QString>& fillValues, const QSet<int>& confirmed);

    SchemaDiffModel* model() const { return m_model; }
    QTableView* objectsView() const { return m_objects; }
    QPlainTextEdit* diffView() const { return m_diff; }
    QPlainTextEdit* scriptView() const { return m_script; }
    LockAnalysisView* locksView() const { return m_locks; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* typeChangesButton() const { return m_typeChanges; }
    QPushButton* compareButton() const { return m_compareButton; }
    WriteUnlockButton* unlockButton() const { return m_unlock; }
    QLineEdit* filterEdit() const { return m_filter; }
    QString stateText() const;
    const core::Migration& migration() const { return m_migration; }

signals:
    // The objects that differ and the script are shown (the locks still being analysed).
    void differencesShown();
    // …and the locks each statement takes: the compare is complete, Apply possible.
    void compared();
    void applyFinished(bool applied);

private:
    void loadSchemas(QComboBox* databases, QComboBox* schemas, const QString& wanted);
    void showOutcome(const core::SchemaCompareRun& outcome);
    void analyseLocks(const std::shared_ptr<core::Pool>& target,
                      const std::shared_ptr<const core::SchemaCompareRun>& outcome);
    void showMigration(const core::Migration& migration);
    void editTypeChanges();
    void showDifference();
    void askForValues();
    void runApply(const core::Migration& migration, const QSet<int>& confirmed);
    std::shared_ptr<core::Pool> targetPool() const;
    void setState(const QString& text, bool error = false);
    void sayWhichSideChanges();

    PoolProvider m_pools;
    bool m_sidesChosen = false;     // by setSource/setTarget or the user: no default changes a side then
    bool m_pickOtherSchema = false; // the server has no other database: the target is another schema
    QComboBox* m_sourceDatabase = nullptr;
    QComboBox* m_sourceSchema = nullptr;
    QComboBox* m_targetDatabase = nullptr;
    QComboBox* m_targetSchema = nullptr;
    QPushButton* m_compareButton = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_show = nullptr;
    SchemaDiffModel* m_model = nullptr;
    QTableView* m_objects = nullptr;
    QPlainTextEdit* m_diff = nullptr;
    QTabWidget* m_details = nullptr;
    QPlainTextEdit* m_script = nullptr;
    LockAnalysisView* m_locks = nullptr;
    QPlainTextEdit* m_decisions = nullptr;
    QLabel* m_state = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_typeChanges = nullptr;
    JobSlot* m_databasesJob = nullptr;
    JobSlot* m_sourceSchemasJob = nullptr;
    JobSlot* m_targetSchemasJob = nullptr;
    JobSlot* m_compareJob = nullptr;
    JobSlot* m_locksJob = nullptr;
    bool m_applyReady = false; // what the compare found allows Apply, once the locks are known
    QString m_outcomeText;
    JobSlot* m_applyJob = nullptr;
    std::shared_ptr<const core::SchemaCompareRun> m_outcome;
    core::Migration m_migration;
    QHash<QString, QString> m_usingExpressions; // "table.column" → the USING the user typed
    QString m_afterApply;                       // what the last apply said, shown with the next compare
};

} // namespace pgdesk::ui
