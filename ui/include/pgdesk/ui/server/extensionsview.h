// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/extensions.h>

#include <QDialog>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class ReplicationTableModel;

// Install, update or drop one extension: the choices that action has (schema, version and CASCADE to
// install; the version to update to; for a drop the objects and extensions that go with it, listed, and
// OK only with CASCADE when there are any), and the statement that will run, as it will run.
class ExtensionDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Action { Install, Update, Drop };
    // `dependents`: for Drop, what ExtensionReader::dependents() found.
    ExtensionDialog(Action action, const core::ExtensionInfo& extension,
                    const core::ExtensionDependents& dependents = {}, QWidget* parent = nullptr);

    QString sql() const; // the statement as previewed; empty while OK is disabled
    QLineEdit* schemaEdit() const { return m_schema; }
    QComboBox* versionBox() const { return m_version; }
    QCheckBox* cascadeBox() const { return m_cascade; }
    QListWidget* dependentList() const { return m_dependents; }
    QPlainTextEdit* preview() const { return m_preview; }
    bool isAcceptable() const;

private:
    void updatePreview();

    Action m_action;
    core::ExtensionInfo m_extension;
    bool m_hasDependents = false;
    QString m_sql;
    QLineEdit* m_schema = nullptr;
    QComboBox* m_version = nullptr;
    QCheckBox* m_cascade = nullptr;
    QListWidget* m_dependents = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

// Connection ▸ Extensions: the database's installed extensions first (with the versions an update
// reaches, in the warning colour when there is one), then those the server offers, filtered by name or
// comment. Install…, Update… and Drop… open ExtensionDialog (Drop lists the dependents read first); the
// statement runs in a transaction with a lock timeout; production asks for the database's name.
class ExtensionsView final : public QWidget {
    Q_OBJECT
public:
    ExtensionsView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~ExtensionsView() override;

    void refresh();
    // Runs the statement without asking (tests, and what the dialogs end in).
    void apply(const QString& sql, bool unlocked);

    const QList<core::ExtensionInfo>& extensions() const { return m_extensions; }
    ReplicationTableModel* model() const { return m_model; }
    QSortFilterProxyModel* filterModel() const { return m_filter; }
    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filterEdit; }
    QLabel* statusLabel() const { return m_status; }
    // Selects the row of the extension by name (tests and keyboard users alike reach it by the filter).
    bool select(const QString& name);

signals:
    void loaded();
    void applied(const QString& sql);
    void failed(const QString& message);

private:
    std::optional<core::ExtensionInfo> selected() const;
    void display(const QList<core::ExtensionInfo>& extensions);
    void updateButtons();
    void openDialog(ExtensionDialog::Action action);
    void askFor(ExtensionDialog::Action action, const core::ExtensionInfo& extension,
                const core::ExtensionDependents& dependents);

    std::shared_ptr<core::Pool> m_pool;
    JobSlot* m_load = nullptr;
    JobSlot* m_dependents = nullptr;
    JobSlot* m_write = nullptr;
    QList<core::ExtensionInfo> m_extensions;
    ReplicationTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_install = nullptr;
    QPushButton* m_update = nullptr;
    QPushButton* m_drop = nullptr;
};

} // namespace pgdesk::ui
