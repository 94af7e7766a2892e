// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/jobs.h>

#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace pgdesk::ui {

// A pg_cron job, new or edited: name, schedule, command, database, user, active, and below them the
// statement that will run (core's JobChange preview, values written in), updated as the fields change.
// OK is enabled only while the fields make a statement; change() is what JobsView runs.
class CronJobDialog final : public QDialog {
    Q_OBJECT
public:
    // `current`: the job edited (its name and user are pg_cron's and stay); none: a new one.
    CronJobDialog(std::optional<core::CronJob> current, const QString& database, QWidget* parent = nullptr);

    std::optional<core::JobChange> change() const { return m_change; }

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* scheduleEdit() const { return m_schedule; }
    QPlainTextEdit* commandEdit() const { return m_command; }
    QLineEdit* databaseEdit() const { return m_database; }
    QCheckBox* activeBox() const { return m_active; }
    QPlainTextEdit* preview() const { return m_preview; }
    bool isAcceptable() const;

private:
    void updatePreview();

    std::optional<core::CronJob> m_current;
    std::optional<core::JobChange> m_change;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_schedule = nullptr;
    QPlainTextEdit* m_command = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QCheckBox* m_active = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

// A pg_partman partition set, new (create_parent) or edited (premake and retention in part_config), with
// the statement previewed the same way. Choosing to drop partitions past retention is said in red.
class PartitionSetDialog final : public QDialog {
    Q_OBJECT
public:
    PartitionSetDialog(const QString& partmanSchema, std::optional<core::PartitionSet> current,
                       QWidget* parent = nullptr);

    std::optional<core::JobChange> change() const { return m_change; }
    // Whether the change makes retention drop partitions (the confirmation names it).
    bool dropsPartitions() const;

    QLineEdit* parentEdit() const { return m_parent; }
    QLineEdit* controlEdit() const { return m_control; }
    QLineEdit* intervalEdit() const { return m_interval; }
    QSpinBox* premakeBox() const { return m_premake; }
    QLineEdit* retentionEdit() const { return m_retention; }
    QCheckBox* dropBox() const { return m_drop; }
    QPlainTextEdit* preview() const { return m_preview; }
    bool isAcceptable() const;

private:
    void updatePreview();

    QString m_schema;
    std::optional<core::PartitionSet> m_current;
    std::optional<core::JobChange> m_change;
    QLineEdit* m_parent = nullptr;
    QLineEdit* m_control = nullptr;
    QLineEdit* m_interval = nullptr;
    QSpinBox* m_premake = nullptr;
    QLineEdit* m_retention = nullptr;
    QCheckBox* m_drop = nullptr;
    QLabel* m_dropWarning = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace pgdesk::ui
