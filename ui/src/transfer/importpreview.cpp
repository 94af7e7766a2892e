// SPDX-License-Identifier: GPL-3.0-or-later
// The import dialog's preview: the first records of the file, read on a worker as the file, delimiter or
// sheet changes (a new table's sample is larger: its column types are inferred from it).
#include <pgdesk/ui/transfer/importdialog.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/transfer/clipboardtable.h>
#include <pgdesk/core/transfer/importrun.h>
#include <pgdesk/core/transfer/typeinference.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>

namespace pgdesk::ui {

namespace {

// A new table's types are inferred from core's one sample (kImportSampleBytes, kImportSampleRecords), as
// `pgdesk-cli import --create` infers them; a preview of a table's rows reads the same head.

} // namespace

void ImportDialog::readPreview() {
    m_refresh->stop();
    m_previewJob->abandon(); // the file or delimiter changed: its preview no longer applies
    const QString path = m_path->text().trimmed();
    const char delimiter = this->delimiter();
    m_imported = false;
    m_format = core::importFormatForPath(path).value_or(core::ImportFormat::Csv);
    const bool csv = m_format == core::ImportFormat::Csv;
    for (QWidget* w : {static_cast<QWidget*>(m_delimiter), static_cast<QWidget*>(m_null)})
        w->setEnabled(csv);
    m_customDelimiter->setEnabled(csv && m_delimiter->currentData().toInt() == 0);
    m_sheet->setVisible(m_format == core::ImportFormat::Xlsx);
    m_sheetLabel->setVisible(m_format == core::ImportFormat::Xlsx);
    const bool json = m_format == core::ImportFormat::Json || m_format == core::ImportFormat::Ndjson;
    if (json) {
        const QSignalBlocker block(m_header); // the keys name the fields
        m_header->setChecked(true);
    }
    m_header->setEnabled(!json);
    m_header->setText(m_format == core::ImportFormat::Xlsx ? tr("First row holds column names")
                      : json                               ? tr("The keys name the columns")
                                                           : tr("First line holds column names"));
    if (path.isEmpty() || (csv && delimiter == 0)) {
        showPreview({});
        return;
    }
    if (m_newTable && (m_newName->text().isEmpty() || m_newName->text() == m_autoName)) {
        m_autoName = QFileInfo(path).completeBaseName(); // "sales 2024" for sales 2024.csv, as typed after
        m_newName->setText(m_autoName);
    }
    const int sample = m_newTable ? core::kImportSampleRecords : kPreviewRecords;
    const bool infer = m_newTable;
    const QStringList columns = m_newTable ? QStringList() : writableColumns(); // to tell a header from data
    if (!csv) {
        const core::ImportFormat format = m_format;
        const QString sheet = m_sheet->currentText();
        const bool header = m_header->isChecked();
        m_previewJob->start(
            [path, format, sheet, header, sample, infer, columns](const std::shared_ptr<core::CancelToken>&) {
                const core::RecordPreview read = core::previewRecords(path, format, sheet, header, sample);
                Preview preview;
                if (!columns.isEmpty() && format == core::ImportFormat::Xlsx) {
                    QStringList first = read.fieldNames;
                    if (!header) {
                        first.clear();
                        for (const auto& v : read.records.value(0))
                            first << v.value_or(QString());
                    }
                    preview.namesColumns = core::recordNamesAnyColumn(first, columns);
                }
                if (infer) {
                    preview.typesBelowHeader =
                        core::inferColumnTypes(read.records, int(read.fieldNames.size()));
                    preview.typesWithFirst = preview.typesBelowHeader;
                }
                preview.named = true;
                preview.sheets = read.sheets;
                preview.size = QFileInfo(path).size();
                preview.records << read.fieldNames;
                for (const auto& record : read.records) {
                    QStringList fields;
                    for (const auto& v : record)
                        fields << v.value_or(QString());
                    preview.records << fields;
                }
                return preview;
            },
            [this](const Preview& preview) { showPreview(preview); },
            [this](const BackgroundFailure& failure) { showPreview(failedPreview(failure.message)); });
        validate();
        return;
    }
    // Off the GUI thread: the file may sit on a slow or hung network share.
    const QString nullText = m_null->text();
    m_previewJob->start(
        [path, delimiter, sample, infer, nullText, columns](const std::shared_ptr<core::CancelToken>&) {
            Preview preview;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                preview.error = tr("Cannot read %1: %2").arg(path, file.errorString());
                return preview;
            }
            preview.size = file.size();
            const QByteArray head = file.read(core::kImportSampleBytes);
            preview.records = core::sampleCsvRecords(head, file.atEnd(), delimiter, sample + 1);
            if (!columns.isEmpty() && !preview.records.isEmpty())
                preview.namesColumns = core::recordNamesAnyColumn(preview.records.first(), columns);
            if (infer && !preview.records.isEmpty()) {
                const int fields = int(preview.records.first().size());
                preview.typesWithFirst = core::inferCsvColumnTypes(preview.records, fields, nullText);
                preview.typesBelowHeader =
                    core::inferCsvColumnTypes(preview.records.mid(1), fields, nullText);
            }
            return preview;
        },
        [this](const Preview& preview) { showPreview(preview); },
        [this](const BackgroundFailure& failure) { showPreview(failedPreview(failure.message)); });
    validate(); // "Reading the file…" while it runs
}

ImportDialog::Preview ImportDialog::failedPreview(const QString& message) {
    Preview preview;
    preview.error = message;
    return preview;
}

} // namespace pgdesk::ui
