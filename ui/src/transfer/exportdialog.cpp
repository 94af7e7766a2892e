// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/transfer/exportdialog.h>

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/transfer/exportrun.h>
#include <pgdesk/core/transfer/rowencoding.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>

#include "common/readablecolor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

ExportDialog::ExportDialog(std::shared_ptr<core::Pool> pool, core::QuerySpec spec, QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool))
    , m_spec(std::move(spec))
    , m_path(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_header(new QCheckBox(tr("Column names in the first line"), this))
    , m_null(new QLineEdit(this))
    , m_jsonNumbers(
          new QCheckBox(tr("Numbers as JSON numbers (values a double cannot hold stay strings)"), this))
    , m_jobs(new QComboBox(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_exportJob(new JobSlot(this)) {
    setObjectName(QStringLiteral("exportDialog"));
    const QString source = !m_spec.sql.isEmpty()     ? tr("query")
                           : m_spec.schema.isEmpty() ? m_spec.table
                                                     : m_spec.schema + QLatin1Char('.') + m_spec.table;
    m_source = source;
    setWindowTitle(tr("Export %1").arg(source));
    for (const auto& [name, label] : {std::pair{"csv", "CSV"},
                                      {"tsv", "TSV"},
                                      {"json", "JSON (array of objects)"},
                                      {"ndjson", "NDJSON (one object per line)"},
                                      {"sql", "SQL INSERT statements"},
                                      {"markdown", "Markdown table"},
                                      {"xlsx", "Excel workbook (XLSX)"}})
        m_format->addItem(tr(label), QString::fromLatin1(name));
    m_format->setAccessibleName(tr("Format"));
    m_header->setChecked(true);
    m_jobs->addItem(tr("Automatic"), 0);
    for (int n : {1, 2, 4})
        m_jobs->addItem(QLocale().toString(n), n);
    m_jobs->setAccessibleName(tr("Connections"));
    m_jobs->setToolTip(
        tr("A whole table's CSV or TSV can be read by several connections sharing one snapshot, "
           "each copying a range of the table's pages: the same rows, in the table's stored "
           "order (as psql's \\copy writes them) when no sort is chosen. Automatic uses them "
           "for tables of 64 MiB or more."));
    m_null->setPlaceholderText(tr("empty"));
    m_null->setAccessibleName(tr("NULL text"));
    m_path->setAccessibleName(tr("File"));
    m_path->setText(QDir::home().filePath((m_spec.sql.isEmpty() ? m_spec.table : QStringLiteral("query")) +
                                          QStringLiteral(".csv")));
    auto* pick = new QToolButton(this);
    pick->setText(QStringLiteral("…"));
    pick->setAccessibleName(tr("Choose the file"));
    pick->setToolTip(tr("Choose the file"));
    connect(pick, &QToolButton::clicked, this, &ExportDialog::browse);
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(pick);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_warning->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("exportWarning"));
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                                 .arg(readableOn(warningColor(), palette().color(QPalette::Window)).name()));
    m_warning->setVisible(false);
    m_export = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_jobs, &QComboBox::currentIndexChanged, this, &ExportDialog::showWhatIsExported);

    auto* form = new QFormLayout;
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("File"), file);
    form->addRow(QString(), m_header);
    form->addRow(tr("NULL as"), m_null);
    form->addRow(QString(), m_jsonNumbers);
    form->addRow(tr("Connections"), m_jobs);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    formatChanged();
    if (!m_spec.sql.isEmpty()) {
        if (const auto problem = core::queryExportProblem(m_spec.sql)) {
            // Running INSERT … RETURNING again would write again; SELECT … FOR UPDATE would lock.
            m_refused = true;
            m_export->setEnabled(false);
            addWarning(tr("This statement is not a plain read (%1): an export runs the statement again, so "
                          "only a SELECT, VALUES, TABLE or WITH … SELECT that writes nothing is exported. "
                          "Copy as (the grid's context menu) copies the rows shown.")
                           .arg(*problem));
        } else {
            m_status->setText(tr("Every row of the query, run again as COPY (…) TO STDOUT."));
        }
    }
    resize(560, sizeHint().height());
}

QString ExportDialog::warningText() const {
    return m_warning->text();
}

void ExportDialog::addWarning(const QString& text) {
    if (text.isEmpty())
        return;
    m_warning->setText(m_warning->text().isEmpty() ? text : m_warning->text() + QLatin1Char('\n') + text);
    m_warning->setVisible(true);
}

bool ExportDialog::canExport() const {
    return !m_refused && !isRunning();
}

void ExportDialog::setPath(const QString& path) {
    m_path->setText(path);
}

QString ExportDialog::path() const {
    return m_path->text();
}

void ExportDialog::setFormat(const QString& name) {
    const int i = m_format->findData(name);
    if (i >= 0)
        m_format->setCurrentIndex(i);
}

void ExportDialog::showWhatIsExported() {
    if (!m_spec.sql.isEmpty() || !m_progress->isHidden()) // a query says its own; an export's status stays
        return;
    const bool whole = m_spec.filter.isEmpty() && m_spec.search.isEmpty();
    QString text =
        whole ? tr("Every row of %1, in the view's order.").arg(m_source)
              : tr("The rows of %1 that match the current filter, in the view's order.").arg(m_source);
    // Several connections copy the table's pages in their stored order (core ExportOptions::jobs).
    if (whole && m_spec.sort.isEmpty() && m_jobs->isEnabled() && jobs() != 1)
        text = jobs() == 0 ? tr("Every row of %1, in the view's order; a table of 64 MiB or more is read by "
                                "several connections and comes in its stored order.")
                                 .arg(m_source)
                           : tr("Every row of %1, read by %2 connections in the table's stored order.")
                                 .arg(m_source)
                                 .arg(jobs());
    m_status->setText(text);
}

void ExportDialog::setJobs(int jobs) {
    const int i = m_jobs->findData(jobs);
    if (i >= 0)
        m_jobs->setCurrentIndex(i);
}

int ExportDialog::jobs() const {
    return m_jobs->currentData().toInt();
}

QString ExportDialog::statusText() const {
    return m_status->text();
}

void ExportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text());
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::formatChanged() {
    const QString name = m_format->currentData().toString();
    const bool delimited = name == QLatin1String("csv") || name == QLatin1String("tsv");
    m_header->setEnabled(delimited || name == QLatin1String("xlsx"));
    m_null->setEnabled(delimited || name == QLatin1String("markdown"));
    m_jsonNumbers->setEnabled(name == QLatin1String("json") || name == QLatin1String("ndjson"));
    m_jobs->setEnabled(delimited && m_spec.sql.isEmpty());
    showWhatIsExported();
    // Keep the file name in step with the format.
    QString path = m_path->text();
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (dot > slash)
        path.truncate(dot);
    m_path->setText(path + QLatin1Char('.') +
                    (name == QLatin1String("markdown") ? QStringLiteral("md") : name));
}

void ExportDialog::start() {
    if (isRunning() || m_refused)
        return;
    core::ExportOptions options;
    options.format = *core::exportFormatFromName(m_format->currentData().toString());
    options.header = m_header->isChecked();
    options.nullText = m_null->text();
    options.jsonNumbers = m_jsonNumbers->isChecked();
    // What the grid shows: its order (the row key's when no sort is chosen) and its generated columns.
    options.viewOrder = true;
    options.includeGenerated = true;
    options.jobs = m_jobs->isEnabled() ? jobs() : 1;
    options.storedOrderWhenParallel = true;
    // Shared with the worker that runs it: cancel() reaches its COPY (or the zipping) from here.
    m_run = std::make_shared<core::ExportRun>(
        core::ExportRequest{m_spec, m_path->text(), options, [pool = m_pool] {
                                return core::Connection::open(pool->profile(), pool->password());
                            }});
    m_export->setEnabled(false);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0); // busy until the first progress report
    m_status->setText(tr("Exporting…"));
    m_exportJob->start(
        [pool = m_pool, run = m_run, this](const std::shared_ptr<core::CancelToken>&,
                                           const JobSlot::Report& report) {
            auto connection = pool->acquire();
            run->setProgressCallback([this, &report](const core::ExportProgress& p) {
                report([this, p] {
                    if (p.packing) { // no measure of the zipping: a busy bar
                        m_progress->setRange(0, 0);
                        m_status->setText(
                            tr("%1 row(s) read; compressing the workbook…", nullptr, pluralCount(p.rows))
                                .arg(QLocale().toString(p.rows)));
                        return;
                    }
                    m_progress->setRange(0, p.percent >= 0 ? 100 : 0);
                    if (p.percent >= 0)
                        m_progress->setValue(p.percent);
                    m_status->setText(tr("%1 row(s), %2 bytes written", nullptr, pluralCount(p.rows))
                                          .arg(QLocale().toString(p.rows), QLocale().toString(p.bytes)));
                });
            });
            return run->run(*connection);
        },
        [this, asked = options.jobs](const core::ExportOutcome& outcome) {
            const core::ExportResult& result = outcome.result;
            m_progress->setRange(0, 100);
            m_progress->setValue(100);
            QString text =
                tr("Exported %1 row(s) to %2 (%3 bytes, %4 ms).", nullptr, pluralCount(result.rows))
                    .arg(QLocale().toString(result.rows), result.path, QLocale().toString(result.bytes))
                    .arg(result.elapsedMs);
            if (result.inexactNumbers > 0)
                text += QLatin1Char(' ') + tr("%1 numbers stayed strings to keep their exact value.")
                                               .arg(QLocale().toString(result.inexactNumbers));
            if (result.truncatedCells > 0)
                text += QLatin1Char(' ') + tr("%1 cell(s) were cut at Excel's 32,767 characters.", nullptr,
                                              pluralCount(result.truncatedCells))
                                               .arg(QLocale().toString(result.truncatedCells));
            if (!outcome.unreadableColumns.isEmpty())
                text += QLatin1Char(' ') + tr("Not exported: %1 (no SELECT privilege).")
                                               .arg(outcome.unreadableColumns.join(QStringLiteral(", ")));
            if (!outcome.hiddenRows.isEmpty())
                text += QLatin1Char(' ') + tr("Soft-deleted rows are left out, as the view shows them.");
            if (result.streams > 1)
                text += QLatin1Char(' ') + tr("Read by %1 connections, in the table's stored order.")
                                               .arg(QLocale().toString(result.streams));
            else if (asked > 1 && !result.singleStreamReason.isEmpty())
                text += QLatin1Char(' ') + tr("Read by one connection: %1.").arg(result.singleStreamReason);
            m_status->setText(text);
            m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
            emit finished(true, text);
        },
        [this](const BackgroundFailure& failure) {
            m_progress->setVisible(false);
            m_export->setEnabled(!m_refused);
            const QString text = tr("Nothing was written: %1").arg(failure.message);
            m_status->setText(text);
            emit finished(false, text);
        });
}

bool ExportDialog::isRunning() const {
    return m_exportJob->isRunning();
}

void ExportDialog::cancel() {
    if (!m_run || !isRunning())
        return;
    // A PQcancel round trip: on the cancel pool, never behind busy jobs.
    cancelInBackground([run = m_run] { run->cancel(); });
}

void ExportDialog::reject() {
    if (isRunning()) {
        cancel(); // the dialog closes when the export has stopped (finished() reports it)
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace pgdesk::ui
