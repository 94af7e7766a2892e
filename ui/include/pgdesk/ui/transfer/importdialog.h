// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/core/transfer/recordsource.h>

#include <QDialog>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace pgdesk::core {
class ImportRun;
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class JobSlot;

// File ▸ Import into table…: a CSV, XLSX, JSON or NDJSON file (by its extension) into one table through
// core::Importer (COPY … FROM STDIN in one transaction: every row or none). A preview grid shows the
// file's first records (read and parsed off the GUI thread; CSV from its first 256 KiB, a workbook's
// chosen sheet, a JSON file's first objects) with a combo box above each file column choosing the table
// column it fills; the mapping is checked before Import is offered (CSV: COPY cannot skip a file column;
// the other formats leave out a field without a column). The import runs on a pooled connection on a worker
// thread with progress and Cancel; a failure names the file line and column the server refused, and nothing
// is written.
// Import into new table…: the same for a table the import creates. Above each file column stand the new
// column's name (from the header, editable; for XLSX and JSON an empty name leaves the field out) and its
// type (guessed from the file's first 1,000 records by core::inferColumnTypes, editable, any type the
// server knows); CREATE TABLE runs in the import's transaction, so a failed row leaves no table either.
class ImportDialog final : public QDialog {
    Q_OBJECT
public:
    ImportDialog(std::shared_ptr<core::Pool> pool, core::TableInfo table, QWidget* parent = nullptr);
    // Into a new table in `schema` (empty: the first schema of the search path).
    ImportDialog(std::shared_ptr<core::Pool> pool, const QString& schema, QWidget* parent = nullptr);
    ~ImportDialog() override;

    bool createsTable() const { return m_newTable; }
    void setNewTableName(const QString& name);
    // The new table's columns, in file order: name ("" = left out) and type as chosen now.
    QStringList newColumnNames() const;
    QStringList newColumnTypes() const;
    void setNewColumn(int fileColumn, const QString& name, const QString& type);

    // Setting the path, the header option or the delimiter refreshes the preview (previewUpdated()).
    void setPath(const QString& path);
    QString path() const;
    void setHeader(bool header);
    bool header() const;
    // ',', ';', '\t' and '|' pick their entry; any other character is the custom delimiter.
    void setDelimiter(char delimiter);
    char delimiter() const; // 0 when the custom delimiter is not a usable character
    void setNullText(const QString& text);
    // The file's format, from its extension (CSV when it says nothing); XLSX: the sheets and the chosen one.
    core::ImportFormat format() const { return m_format; }
    QStringList sheets() const;
    void setSheet(const QString& sheet);

    // The preview: row 0 holds the mapping combo boxes (index widgets), then one row per record.
    QAbstractItemModel* previewModel() const;
    QTableView* previewView() const { return m_view; }
    int previewRecordCount() const; // data records shown (without the header line)
    int fileColumnCount() const { return int(m_newTable ? m_names.size() : m_targets.size()); }
    QComboBox* targetBox(int fileColumn) const;
    // The table column each file column goes to, in file order ("" where none is chosen).
    QStringList mapping() const;
    void setTarget(int fileColumn, const QString& column); // "" chooses none

    bool canImport() const;
    QString mappingText() const; // why Import is blocked, or what it will do
    QString statusText() const;
    void start();
    void cancel();
    bool isRunning() const;
    // While an import runs: cancels it (nothing is written; the dialog stays until it has stopped).
    void reject() override;

signals:
    void previewUpdated();
    void finished(bool ok, const QString& message);
    void tableCreated(const QString& schema, const QString& name); // after a successful new-table import

private:
    static constexpr int kPreviewRecords = 20; // data records shown (the header line comes on top)

    void startImport(const core::WriteAccess& write);

    struct Preview {
        QList<QStringList> records;
        qint64 size = 0;
        QString error;
        QStringList sheets;
        bool named = false; // the first record names the fields (XLSX, JSON), whatever m_header says
        // Into a table: whether the first record names any of its columns (CSV, XLSX); a file's first record
        // that names none is data, unless the user said otherwise.
        std::optional<bool> namesColumns;
        // New table: the types guessed from the sample, with the first record as names and as data.
        QStringList typesBelowHeader;
        QStringList typesWithFirst;
    };
    static Preview failedPreview(const QString& message);
    void rebuildNewTableGrid(int fileColumns);
    bool validateNewTable(QString& note) const;
    int headerRows() const { return m_newTable ? 2 : 1; }
    void browse();
    void delimiterChanged();
    void readPreview();
    void showPreview(const Preview& preview);
    void rebuildGrid();
    void defaultMapping();
    void validate();
    QStringList writableColumns() const;

    std::shared_ptr<core::Pool> m_pool;
    core::TableInfo m_table;
    JobSlot* m_previewJob = nullptr; // reads the file's head; a newer read replaces it
    JobSlot* m_importJob = nullptr;  // the import; running: the dialog waits for it
    QWidget* m_inputs = nullptr;     // the file, its options and the mapping (off while importing)
    QLineEdit* m_path = nullptr;
    QCheckBox* m_header = nullptr;
    QComboBox* m_delimiter = nullptr;
    QLineEdit* m_customDelimiter = nullptr;
    QLineEdit* m_null = nullptr;
    QComboBox* m_sheet = nullptr;
    QLabel* m_sheetLabel = nullptr;
    core::ImportFormat m_format = core::ImportFormat::Csv;
    bool m_named = false;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_mappingNote = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_import = nullptr;
    QTimer* m_refresh = nullptr; // debounces typing in the path and custom delimiter fields
    QList<QComboBox*> m_targets; // one per file column, in file order
    bool m_newTable = false;
    QFormLayout* m_form = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLineEdit* m_newSchema = nullptr;
    QLineEdit* m_newName = nullptr;
    QList<QLineEdit*> m_names; // new table: one per file column
    QList<QComboBox*> m_types;
    QStringList m_typesBelowHeader;
    QStringList m_typesWithFirst;
    QString m_autoName; // the new table's name as taken from the file's, until the user types another
    QList<QStringList> m_records;
    QString m_previewError;
    bool m_valid = false;
    bool m_imported = false;     // Import stays off after success until the file or its options change
    bool m_headerChosen = false; // the user set "First line holds column names": no longer decided per file
    QString m_headerFollowed;    // the file whose first record last set it
    std::shared_ptr<core::ImportRun> m_run; // shared with the running import, to cancel
};

} // namespace pgdesk::ui
