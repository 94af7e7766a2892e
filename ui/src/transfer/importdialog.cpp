// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/transfer/importdialog.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/transfer/clipboardtable.h>
#include <pgdesk/core/transfer/importrun.h>
#include <pgdesk/core/transfer/typeinference.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

constexpr int kShownChars = 200; // of a value in a preview cell (the tooltip has more)

QString cellText(const QString& value) {
    QString shown = value.left(kShownChars);
    shown.replace(QLatin1String("\r\n"), QStringLiteral("\u21b5"));
    shown.replace(QLatin1Char('\n'), QChar(0x21b5));
    shown.replace(QLatin1Char('\r'), QChar(0x21b5));
    if (value.size() > kShownChars)
        shown += QChar(0x2026);
    return shown;
}

} // namespace

ImportDialog::ImportDialog(std::shared_ptr<core::Pool> pool, core::TableInfo table, QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool))
    , m_table(std::move(table))
    , m_previewJob(new JobSlot(this))
    , m_importJob(new JobSlot(this))
    , m_inputs(new QWidget(this))
    , m_path(new QLineEdit(m_inputs))
    , m_header(new QCheckBox(tr("First line holds column names"), m_inputs))
    , m_delimiter(new QComboBox(m_inputs))
    , m_customDelimiter(new QLineEdit(m_inputs))
    , m_null(new QLineEdit(m_inputs))
    , m_sheet(new QComboBox(m_inputs))
    , m_sheetLabel(new QLabel(tr("Sheet"), m_inputs))
    , m_model(new QStandardItemModel(this))
    , m_view(new QTableView(m_inputs))
    , m_mappingNote(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_refresh(new QTimer(this)) {
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import into %1").arg(m_table.qualifiedName()));

    m_path->setAccessibleName(tr("File"));
    m_path->setPlaceholderText(tr("File to import: CSV, XLSX, JSON or NDJSON"));
    auto* pick = new QToolButton(m_inputs);
    pick->setText(QStringLiteral("…"));
    pick->setToolTip(tr("Choose the file"));
    connect(pick, &QToolButton::clicked, this, &ImportDialog::browse);
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(pick);

    m_header->setChecked(true);
    for (const auto& [label, c] : {std::pair{QT_TR_NOOP("Comma (,)"), ','},
                                   {QT_TR_NOOP("Semicolon (;)"), ';'},
                                   {QT_TR_NOOP("Tab"), '\t'},
                                   {QT_TR_NOOP("Pipe (|)"), '|'},
                                   {QT_TR_NOOP("Other:"), '\0'}})
        m_delimiter->addItem(tr(label), int(c));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_customDelimiter->setMaxLength(1);
    m_customDelimiter->setMaximumWidth(m_customDelimiter->fontMetrics().horizontalAdvance(QLatin1Char('M')) *
                                       4);
    m_customDelimiter->setAccessibleName(tr("Other delimiter"));
    m_customDelimiter->setToolTip(tr("One ASCII character other than a double quote"));
    m_customDelimiter->setEnabled(false);
    auto* delimiter = new QHBoxLayout;
    delimiter->addWidget(m_delimiter);
    delimiter->addWidget(m_customDelimiter);
    delimiter->addStretch(1);

    m_null->setPlaceholderText(tr("empty (COPY's default)"));
    m_null->setAccessibleName(tr("NULL text"));
    m_null->setToolTip(tr("An unquoted field equal to this text is NULL; a quoted one is text. With the "
                          "default, an unquoted empty field is NULL and \"\" is the empty string."));

    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("importPreview"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setMaximumSectionSize(320);
    m_view->setAccessibleName(tr("Preview"));

    m_mappingNote->setObjectName(QStringLiteral("importMapping"));
    m_mappingNote->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Every row of the file goes in, in one transaction, or none does."));
    m_import = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(false);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, &ImportDialog::readPreview);
    connect(m_path, &QLineEdit::textChanged, m_refresh, qOverload<>(&QTimer::start));
    connect(m_customDelimiter, &QLineEdit::textChanged, m_refresh, qOverload<>(&QTimer::start));
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportDialog::delimiterChanged);
    connect(m_header, &QCheckBox::clicked, this, [this] { m_headerChosen = true; });
    connect(m_header, &QCheckBox::toggled, this, [this] {
        m_imported = false;
        if (m_format == core::ImportFormat::Xlsx) { // the sheet is read again: its first row names or not
            readPreview();
            return;
        }
        rebuildGrid();
        emit previewUpdated();
    });
    m_sheet->setAccessibleName(tr("Sheet"));
    m_sheet->setObjectName(QStringLiteral("importSheet"));
    connect(m_sheet, &QComboBox::activated, this, &ImportDialog::readPreview);
    connect(m_null, &QLineEdit::textChanged, this, &ImportDialog::validate);

    auto* form = new QFormLayout;
    m_form = form;
    form->addRow(tr("File"), file);
    form->addRow(m_sheetLabel, m_sheet);
    form->addRow(QString(), m_header);
    m_sheetLabel->setVisible(false);
    m_sheet->setVisible(false);
    form->addRow(tr("Delimiter"), delimiter);
    form->addRow(tr("NULL text"), m_null);
    auto* inputs = new QVBoxLayout(m_inputs);
    inputs->setContentsMargins(0, 0, 0, 0);
    inputs->addLayout(form);
    m_previewLabel = new QLabel(tr("Preview of the first records; above each file column, the table column "
                                   "it fills:"),
                                m_inputs);
    inputs->addWidget(m_previewLabel);
    inputs->addWidget(m_view, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_inputs, 1);
    layout->addWidget(m_mappingNote);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    validate();
    resize(780, 560);
}

ImportDialog::~ImportDialog() {
    if (m_run)
        m_run->cancel(); // a closed dialog leaves nothing half-done: the worker rolls back
}

void ImportDialog::setPath(const QString& path) {
    m_path->setText(path);
    readPreview(); // at once, not after the typing delay
}

QString ImportDialog::path() const {
    return m_path->text();
}

void ImportDialog::setHeader(bool header) {
    m_headerChosen = true;
    m_header->setChecked(header);
}

bool ImportDialog::header() const {
    return m_header->isChecked();
}

void ImportDialog::setDelimiter(char delimiter) {
    const int i = m_delimiter->findData(int(delimiter));
    if (i >= 0 && delimiter != '\0') {
        m_delimiter->setCurrentIndex(i);
        return;
    }
    const QSignalBlocker block(m_customDelimiter);
    m_customDelimiter->setText(QString(QLatin1Char(delimiter)));
    if (m_delimiter->currentIndex() == m_delimiter->count() - 1)
        readPreview();
    else
        m_delimiter->setCurrentIndex(m_delimiter->count() - 1);
}

char ImportDialog::delimiter() const {
    const int chosen = m_delimiter->currentData().toInt();
    if (chosen != 0)
        return char(chosen);
    // COPY wants one single-byte character; in CSV mode it must differ from the quote.
    const QString text = m_customDelimiter->text();
    if (text.size() != 1 || text[0].unicode() < 0x20 || text[0].unicode() > 0x7e ||
        text[0] == QLatin1Char('"'))
        return 0;
    return char(text[0].unicode());
}

QStringList ImportDialog::sheets() const {
    QStringList names;
    for (int i = 0; i < m_sheet->count(); ++i)
        names << m_sheet->itemText(i);
    return names;
}

void ImportDialog::setSheet(const QString& sheet) {
    m_sheet->setCurrentIndex(m_sheet->findText(sheet));
    readPreview();
}

void ImportDialog::setNullText(const QString& text) {
    m_null->setText(text);
}

QAbstractItemModel* ImportDialog::previewModel() const {
    return m_model;
}

int ImportDialog::previewRecordCount() const {
    return std::max(0, m_model->rowCount() - headerRows());
}

QComboBox* ImportDialog::targetBox(int fileColumn) const {
    return fileColumn >= 0 && fileColumn < m_targets.size() ? m_targets[fileColumn] : nullptr;
}

QStringList ImportDialog::mapping() const {
    if (m_newTable)
        return newColumnNames();
    QStringList columns;
    for (const QComboBox* box : m_targets)
        columns << box->currentData().toString();
    return columns;
}

void ImportDialog::setTarget(int fileColumn, const QString& column) {
    if (QComboBox* box = targetBox(fileColumn))
        box->setCurrentIndex(std::max(0, box->findData(column)));
}

bool ImportDialog::canImport() const {
    return m_import->isEnabled();
}

QString ImportDialog::mappingText() const {
    return m_mappingNote->text();
}

QString ImportDialog::statusText() const {
    return m_status->text();
}

QStringList ImportDialog::writableColumns() const {
    QStringList names;
    for (const core::ColumnInfo& c : m_table.columns) {
        if (!c.isGenerated && !c.identityAlways)
            names << c.name;
    }
    return names;
}

void ImportDialog::browse() {
    const QString start = m_path->text().isEmpty() ? fileDialogStart() : m_path->text();
    const QString chosen = QFileDialog::getOpenFileName(
        this, tr("Import from"), start,
        tr("Data files (*.csv *.tsv *.txt *.xlsx *.json *.ndjson *.jsonl);;CSV files (*.csv *.tsv "
           "*.txt);;Excel "
           "workbooks (*.xlsx);;JSON files (*.json *.ndjson *.jsonl);;All files (*)"));
    if (chosen.isEmpty())
        return;
    if (chosen.endsWith(QLatin1String(".tsv"), Qt::CaseInsensitive)) {
        const QSignalBlocker block(m_delimiter); // the path's preview below reads with it
        m_delimiter->setCurrentIndex(m_delimiter->findData(int('\t')));
        m_customDelimiter->setEnabled(false);
    }
    setPath(chosen);
}

void ImportDialog::delimiterChanged() {
    m_customDelimiter->setEnabled(m_delimiter->currentData().toInt() == 0);
    readPreview();
}

void ImportDialog::showPreview(const Preview& preview) {
    // PgDesk's own exports start with the column names, a file of data does not: the box follows each file
    // once, until the user sets it. Toggling it reads an XLSX sheet again.
    const QString followed = m_path->text() + QLatin1Char('\n') + QLatin1Char(delimiter()); // a file as read
    if (preview.namesColumns && !m_headerChosen && m_headerFollowed != followed &&
        m_header->isChecked() != *preview.namesColumns) {
        m_headerFollowed = followed;
        const QSignalBlocker block(m_header);
        m_header->setChecked(*preview.namesColumns);
        if (m_format == core::ImportFormat::Xlsx) {
            readPreview();
            return;
        }
    }
    m_records = preview.records;
    m_typesBelowHeader = preview.typesBelowHeader;
    m_typesWithFirst = preview.typesWithFirst;
    m_previewError = preview.error;
    m_named = preview.named;
    if (m_format == core::ImportFormat::Xlsx && !preview.sheets.isEmpty() && preview.sheets != sheets()) {
        const QString chosen = m_sheet->currentText();
        m_sheet->clear();
        m_sheet->addItems(preview.sheets);
        m_sheet->setCurrentIndex(std::max(0, int(preview.sheets.indexOf(chosen))));
    }
    rebuildGrid();
    emit previewUpdated();
}

void ImportDialog::rebuildGrid() {
    m_model->clear(); // the view deletes the old combo boxes with their index widgets
    m_targets.clear();
    m_names.clear();
    m_types.clear();
    const bool header = m_named || m_header->isChecked();
    const int fileColumns = m_records.isEmpty() ? 0 : int(m_records.first().size());
    int gridColumns = fileColumns;
    for (const QStringList& record : std::as_const(m_records))
        gridColumns = std::max(gridColumns, int(record.size()));
    const QList<QStringList> data = header ? m_records.mid(1) : m_records;
    const int top = headerRows();
    m_model->setColumnCount(gridColumns);
    m_model->setRowCount(fileColumns == 0 ? 0 : top + int(std::min<qsizetype>(data.size(), kPreviewRecords)));
    for (int c = 0; c < gridColumns; ++c) {
        const QString name = header && c < m_records.first().size() ? m_records.first()[c] : QString();
        m_model->setHeaderData(c, Qt::Horizontal,
                               name.isEmpty() ? tr("Column %1").arg(c + 1)
                                              : cellText(core::headerFieldName(name)));
    }
    if (m_model->rowCount() > 0)
        m_model->setHeaderData(0, Qt::Vertical, m_newTable ? tr("Column") : tr("Into"));
    if (m_newTable && m_model->rowCount() > 1)
        m_model->setHeaderData(1, Qt::Vertical, tr("Type"));
    for (int r = top; r < m_model->rowCount(); ++r) {
        m_model->setHeaderData(r, Qt::Vertical, QString::number(r - top + 1));
        const QStringList& record = data[r - top];
        for (int c = 0; c < record.size(); ++c) {
            auto* item = new QStandardItem(cellText(record[c]));
            item->setEditable(false);
            if (record[c].size() > kShownChars || record[c].contains(QLatin1Char('\n')))
                item->setToolTip(record[c].left(4000));
            m_model->setItem(r, c, item);
        }
    }
    if (m_newTable) {
        rebuildNewTableGrid(fileColumns);
        m_view->resizeColumnsToContents();
        validate();
        return;
    }
    const QStringList writable = writableColumns();
    for (int c = 0; c < fileColumns; ++c) {
        auto* box = new QComboBox;
        box->addItem(tr("(choose a column)"), QString());
        for (const QString& name : writable) {
            box->addItem(name, name);
            if (const core::ColumnInfo* info = m_table.column(name))
                box->setItemData(box->count() - 1, info->typeName, Qt::ToolTipRole);
        }
        box->setAccessibleName(tr("Table column for file column %1").arg(c + 1));
        m_view->setIndexWidget(m_model->index(0, c), box);
        m_targets << box;
    }
    defaultMapping();
    for (QComboBox* box : std::as_const(m_targets))
        connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::validate);
    m_view->resizeColumnsToContents();
    validate();
}

void ImportDialog::defaultMapping() {
    const QStringList writable = writableColumns();
    QStringList chosen(m_targets.size());
    if (m_header->isChecked() && !m_records.isEmpty()) {
        // The column of the same name: exact first, then ignoring case (and a byte order mark, blanks).
        const QStringList matched =
            core::matchHeaderToColumns(m_records.first().mid(0, m_targets.size()), writable);
        for (int c = 0; c < m_targets.size(); ++c)
            chosen[c] = matched.value(c);
    } else {
        for (int c = 0; c < m_targets.size() && c < writable.size(); ++c)
            chosen[c] = writable[c];
    }
    for (int c = 0; c < m_targets.size(); ++c)
        m_targets[c]->setCurrentIndex(std::max(0, m_targets[c]->findData(chosen[c])));
}

void ImportDialog::validate() {
    const QStringList writable = writableColumns();
    const QStringList targets = mapping();
    const QString table = m_table.qualifiedName();
    const char delimiter = this->delimiter();
    const QString nullText = m_null->text();
    const bool csv = m_format == core::ImportFormat::Csv;
    const auto fileColumnName = [this](int c) {
        const QString name =
            m_named || m_header->isChecked() ? core::headerFieldName(m_records.first().value(c)) : QString();
        return name.isEmpty() ? QString::number(c + 1) : tr("%1 (\"%2\")").arg(c + 1).arg(cellText(name));
    };
    QString note;
    bool valid = false;
    if (m_table.kind != core::RelationKind::Table && m_table.kind != core::RelationKind::PartitionedTable) {
        note = tr("%1 is not a table: only tables can be imported into.").arg(table);
    } else if (!m_newTable && writable.isEmpty()) {
        note = tr("%1 has no column that can be written.").arg(table);
    } else if (m_path->text().trimmed().isEmpty()) {
        note = tr("Choose a file.");
    } else if (csv && delimiter == 0) {
        note = tr("The delimiter must be one ASCII character other than a double quote.");
    } else if (csv && (nullText.contains(QLatin1Char(delimiter)) || nullText.contains(QLatin1Char('\n')) ||
                       nullText.contains(QLatin1Char('\r')))) {
        note = tr("The NULL text must not contain the delimiter or a line break.");
    } else if (m_previewJob->isRunning()) {
        note = tr("Reading the file…");
    } else if (!m_previewError.isEmpty()) {
        note = m_previewError;
    } else if (m_records.isEmpty() || (!csv && m_records.first().isEmpty())) {
        note = csv ? tr("The file holds no complete record in its first 256 KiB.")
                   : tr("The file holds no record.");
    } else if (m_newTable) {
        valid = validateNewTable(note);
    } else if (!csv && targets.count(QString()) == targets.size()) {
        note = tr("Choose a table column for at least one field; fields without one are left out.");
    } else if (csv && targets.size() > writable.size()) {
        note = tr("The file has %1 columns but %2 has only %3 that can be written. COPY cannot skip file "
                  "columns: remove the extra columns from the file first.")
                   .arg(targets.size())
                   .arg(table)
                   .arg(writable.size());
    } else if (const qsizetype none = csv ? targets.indexOf(QString()) : -1; none >= 0) {
        note = tr("File column %1 has no table column. COPY cannot skip file columns: choose a table column "
                  "for each.")
                   .arg(fileColumnName(int(none)));
    } else {
        valid = true;
        for (int c = 0; valid && c < targets.size(); ++c) {
            if (targets[c].isEmpty())
                continue;
            const qsizetype again = targets.indexOf(targets[c], c + 1);
            if (again >= 0) {
                valid = false;
                note =
                    tr("Table column %1 is chosen for file columns %2 and %3: choose each table column once.")
                        .arg(targets[c], fileColumnName(c), fileColumnName(int(again)));
            }
        }
    }
    if (valid && !m_newTable) {
        const int used = int(targets.size() - targets.count(QString()));
        note = tr("%n file column(s) into %1.", nullptr, used).arg(table);
        if (used < targets.size())
            note += QLatin1Char(' ') +
                    tr("%n field(s) without a column are left out.", nullptr, int(targets.size()) - used);
        QStringList untouched;
        QStringList failing;
        for (const core::ColumnInfo& c : m_table.columns) {
            if (targets.contains(c.name) || !writable.contains(c.name))
                continue;
            untouched << c.name;
            if (c.notNull && c.defaultExpression.isEmpty() && !c.isIdentity)
                failing << c.name;
        }
        if (!untouched.isEmpty())
            note += QLatin1Char(' ') +
                    tr("The other columns get their defaults: %1.").arg(untouched.join(QStringLiteral(", ")));
        if (!failing.isEmpty())
            note +=
                QLatin1Char(' ') + tr("%1 is NOT NULL without a default: the server will refuse the rows.")
                                       .arg(failing.join(QStringLiteral(", ")));
        for (int r = 1; csv && r < m_records.size(); ++r) {
            if (m_records[r].size() != m_records.first().size()) {
                note +=
                    QLatin1Char(' ') + tr("Record %1 has %2 fields, the first has %3: COPY will refuse it.")
                                           .arg(r + 1)
                                           .arg(m_records[r].size())
                                           .arg(m_records.first().size());
                break;
            }
        }
        if (csv && !m_header->isChecked() && m_records.first().value(0).startsWith(QChar(0xfeff)))
            note += QLatin1Char(' ') +
                    tr("The file starts with a byte order mark, which becomes part of the first value.");
        if (!m_table.privileges.insert)
            note += QLatin1Char(' ') + tr("You may lack the INSERT privilege on %1.").arg(table);
    }
    m_valid = valid;
    m_mappingNote->setText(note);
    m_import->setEnabled(m_valid && !isRunning() && !m_imported);
}

void ImportDialog::start() {
    if (isRunning() || !canImport())
        return;
    if (!m_pool->profile().writeGuarded()) {
        startImport(nullptr);
        return;
    }
    // The production guard: the database's name typed first; the key lives as long as this import.
    auto* confirm = new ProductionConfirmDialog(
        ProductionConfirmDialog::databaseName(m_pool->profile()),
        m_newTable ? tr("Import of %1 into a new table %2")
                         .arg(QFileInfo(m_path->text()).fileName(), m_newName->text().trimmed())
                   : tr("Import of %1 into %2.%3")
                         .arg(QFileInfo(m_path->text()).fileName(), m_table.schema, m_table.name),
        this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this] { startImport(core::WriteUnlock::create()); });
    confirm->open();
}

void ImportDialog::startImport(const core::WriteAccess& write) {
    if (isRunning() || !canImport())
        return;
    core::ImportOptions options;
    options.write = write;
    options.header = m_header->isChecked();
    options.columns = mapping();
    options.delimiter = delimiter();
    options.nullText = m_null->text();
    core::ImportRequest request;
    request.path = m_path->text().trimmed();
    request.format = m_format;
    request.sheet = m_sheet->currentText();
    request.options = options;
    if (m_newTable) {
        core::NewTable create;
        create.schema = m_newSchema->text().trimmed();
        create.name = m_newName->text().trimmed();
        const QStringList names = newColumnNames();
        const QStringList types = newColumnTypes();
        for (int c = 0; c < names.size(); ++c) {
            if (!names[c].isEmpty()) {
                create.columns << names[c];
                create.types << types[c];
            }
        }
        request.newTable = std::move(create);
    } else {
        request.table = m_table;
    }
    auto run = std::make_shared<core::ImportRun>(std::move(request));
    m_run = run;
    m_inputs->setEnabled(false);
    m_import->setEnabled(false);
    m_progress->setVisible(true);
    m_progress->setValue(0);
    m_status->setText(tr("Importing…"));
    m_importJob->start(
        [pool = m_pool, run, this](const std::shared_ptr<core::CancelToken>&, // it stops between chunks
                                   const JobSlot::Report& report) {
            run->setProgressCallback([this, &report](const core::ImportProgress& p) {
                report([this, p] {
                    if (p.totalBytes > 0)
                        m_progress->setValue(int(p.bytes * 100 / p.totalBytes));
                    m_status->setText(
                        tr("%1 of %2 bytes sent…")
                            .arg(QLocale().toString(p.bytes), QLocale().toString(p.totalBytes)));
                });
            });
            auto connection = pool->acquire();
            return run->run(*connection);
        },
        [this](const core::ImportOutcome& outcome) {
            m_imported = true;
            if (m_newTable) {
                m_table.schema = outcome.schema;
                m_table.name = outcome.name;
            }
            m_inputs->setEnabled(true);
            m_progress->setValue(100);
            const QString text =
                tr("Imported %1 row(s) into %2 (%3 bytes, %4 ms).", nullptr, pluralCount(outcome.rows))
                    .arg(QLocale().toString(outcome.rows), m_table.qualifiedName(),
                         QLocale().toString(outcome.bytes))
                    .arg(outcome.elapsedMs) +
                (outcome.warnings.isEmpty() ? QString() : u'\n' + outcome.warnings.join(u'\n'));
            m_status->setText(text);
            m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
            validate();
            emit finished(true, text);
            if (m_newTable)
                emit tableCreated(outcome.schema, outcome.name);
        },
        [this, run](const BackgroundFailure& failure) {
            m_inputs->setEnabled(true);
            m_progress->setVisible(false);
            const QString text = run->isCancelled() ? tr("Cancelled: nothing was written.")
                                                    : tr("Nothing was written: %1").arg(failure.message);
            m_status->setText(text);
            validate();
            emit finished(false, text);
        });
}

bool ImportDialog::isRunning() const {
    return m_importJob->isRunning();
}

void ImportDialog::cancel() {
    if (isRunning() && m_run)
        m_run->cancel();
}

void ImportDialog::reject() {
    if (isRunning()) {
        cancel(); // the import stops at its next chunk and rolls back; finished() reports it
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace pgdesk::ui
