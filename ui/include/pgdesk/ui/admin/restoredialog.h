// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/dumptool.h>

#include <QDialog>

#include <functional>
#include <memory>

class QCheckBox;
class QLineEdit;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class DumpRunPanel;

// Restore…: a backup (custom or directory through pg_restore, plain SQL through psql -f with
// ON_ERROR_STOP) into an existing database named in the dialog, in one transaction by default, after a
// confirmation that names the database. The exact command is shown and copyable; progress, Cancel and
// the outcome as in BackupDialog.
class RestoreDialog final : public QDialog {
    Q_OBJECT
public:
    RestoreDialog(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~RestoreDialog() override;

    void setPath(const QString& path);
    void setDatabase(const QString& database);
    void setClean(bool on);
    QString commandText() const;
    // Asks before the restore runs; gets the confirmation's text (naming the database). Default: a message
    // box.
    void setConfirmation(std::function<bool(const QString& question)> confirm);

    void start();
    void cancel();
    bool isRunning() const;
    QString statusText() const;
    void reject() override;

signals:
    void finished(bool ok, const QString& message);

private:
    void updateCommand();
    core::RestoreOptions options() const;
    core::DumpFormat format() const;

    std::shared_ptr<core::Pool> m_pool;
    std::function<bool(const QString&)> m_confirm;
    QLineEdit* m_path = nullptr;
    QLineEdit* m_database = nullptr;
    QCheckBox* m_clean = nullptr;
    QCheckBox* m_noOwner = nullptr;
    QCheckBox* m_singleTransaction = nullptr;
    DumpRunPanel* m_panel = nullptr; // the command, the run and the buttons
};

} // namespace pgdesk::ui
