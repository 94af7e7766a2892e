// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/dumptool.h>

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class DumpRunPanel;
class JobSlot;

// Backup…: the session's database, or a schema, or a table, through the installed pg_dump (found and
// version-checked on a worker). The exact command is shown and copyable and follows the options; the run
// has progress (tables dumped of the catalog's count), Cancel and its outcome in plain words. The password
// reaches pg_dump in a temporary pgpass file only; a failed or cancelled backup leaves no file.
class BackupDialog final : public QDialog {
    Q_OBJECT
public:
    BackupDialog(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~BackupDialog() override;

    // What to back up: nothing = the whole database.
    void setSchema(const QString& schema);
    void setTable(const QString& schema, const QString& name);
    void setPath(const QString& path);
    QString path() const;
    void setFormat(core::DumpFormat format);
    void setContent(core::DumpContent content);
    void setNoOwner(bool on);
    core::BackupOptions options() const;
    // The command as it would run (no secret in it).
    QString commandText() const;
    // Whether pg_dump has been found and accepted (the Backup button waits for it).
    bool isReady() const { return m_ready; }

    void start();
    void cancel();
    bool isRunning() const;
    QString statusText() const;
    void reject() override;

signals:
    void ready();
    void finished(bool ok, const QString& message);

private:
    void updateCommand();
    void browse();
    // The suggested file: in the home folder, named after what is backed up, unless the user chose one.
    void nameFileAfter(const QString& object);

    std::shared_ptr<core::Pool> m_pool;
    core::DumpProgram m_program;
    JobSlot* m_lookup = nullptr; // finds pg_dump
    QStringList m_schemas;
    QList<core::DumpTable> m_tables;
    bool m_ready = false;
    QString m_defaultPath; // the file suggested last; a path the user typed differs from it
    QLabel* m_scope = nullptr;
    QLineEdit* m_path = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_content = nullptr;
    QSpinBox* m_jobs = nullptr;
    QSpinBox* m_compression = nullptr;
    QCheckBox* m_noOwner = nullptr;
    QCheckBox* m_noPrivileges = nullptr;
    DumpRunPanel* m_panel = nullptr; // the command, the run and the buttons
};

} // namespace pgdesk::ui
