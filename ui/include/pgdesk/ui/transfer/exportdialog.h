// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace pgdesk::core {
class ExportRun;
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class JobSlot;

// File ▸ Export…: the current view (table, filter, search, sort, scope) to CSV, TSV, JSON, NDJSON, SQL,
// Markdown or XLSX through the core export engine, on a worker thread with progress (rows, bytes,
// percent) and Cancel. The file appears only when the export succeeded (the engine writes a temporary
// file and renames it), so a cancelled or failed export leaves nothing behind.
// A query source (spec.sql: a query tool's result) runs again, as COPY (…) TO STDOUT; a statement that is
// not a plain read (core::queryExportProblem) is not run again: the dialog says why and does not export.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    ExportDialog(std::shared_ptr<core::Pool> pool, core::QuerySpec spec, QWidget* parent = nullptr);

    void setPath(const QString& path);
    QString path() const;
    void setFormat(const QString& name); // "csv", "json", …
    // Connections that copy a whole table's CSV/TSV at once (core ExportOptions::jobs; 0: automatic).
    void setJobs(int jobs);
    int jobs() const;
    void start();
    void cancel();
    bool isRunning() const;
    QString statusText() const;
    // Warnings shown above the progress (the statement, an open transaction); empty when none.
    QString warningText() const;
    void addWarning(const QString& text);
    bool canExport() const;
    // While an export runs: cancels it (the dialog stays until it has stopped); else closes.
    void reject() override;

signals:
    void finished(bool ok, const QString& message);

private:
    void browse();
    void formatChanged();
    // What the export will write (which rows, in which order), while none has started.
    void showWhatIsExported();

    std::shared_ptr<core::Pool> m_pool;
    core::QuerySpec m_spec;
    QString m_source; // "schema.table", "table" or "query", as the title names it
    QLineEdit* m_path = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_header = nullptr;
    QLineEdit* m_null = nullptr;
    QCheckBox* m_jsonNumbers = nullptr;
    QComboBox* m_jobs = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_warning = nullptr;
    bool m_refused = false; // a statement that must not run again
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_export = nullptr;
    JobSlot* m_exportJob = nullptr;         // the export; running: Export is off and Cancel stops it
    std::shared_ptr<core::ExportRun> m_run; // shared with the running export, to cancel
};

} // namespace pgdesk::ui
