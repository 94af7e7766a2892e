// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/notebook/notebookview.h>

#include "notebook/notebookcell.h"
#include "notebook/notebooksession.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/notebook/notebookreport.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/paint/chartpainter.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

constexpr int kRowsKept = 1000;   // rows each statement keeps under its cell
constexpr int kRowsWritten = 100; // rows of each result written into the file or a report

bool blank(const core::NotebookCell& cell) {
    return !cell.isCode() && cell.text.trimmed().isEmpty();
}

bool write(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return true;
    *error = file.errorString();
    return false;
}

} // namespace

NotebookView::NotebookView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_session(std::make_shared<NotebookSession>(m_pool))
    , m_job(new JobSlot(this)) {
    setObjectName(QStringLiteral("notebookView"));
    auto* tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(16, 16));
    const auto action = [this, tools](const QString& icon, const QString& text, const char* name,
                                      const QKeySequence& key, auto slot) {
        auto* a = new QAction(icon.isEmpty() ? QIcon() : themedIcon(icon), text, this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        connect(a, &QAction::triggered, this, slot);
        tools->addAction(a);
        return a;
    };
    action(QStringLiteral("media-playback-start"), tr("Run All"), "notebookRunAll",
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), [this] { runAll(); });
    action(QStringLiteral("process-stop"), tr("Stop"), "notebookStop", QKeySequence(), [this] { stop(); });
    tools->addSeparator();
    action(QStringLiteral("list-add"), tr("SQL"), "notebookAddSql", QKeySequence(),
           [this] { addCell(core::NotebookCellKind::Sql); });
    action({}, tr("Text"), "notebookAddText", QKeySequence(),
           [this] { addCell(core::NotebookCellKind::Markdown); });
    action({}, tr("Parameters"), "notebookAddParameters", QKeySequence(),
           [this] { addCell(core::NotebookCellKind::Parameters); });
    action({}, tr("Chart"), "notebookAddChart", QKeySequence(),
           [this] { addCell(core::NotebookCellKind::Chart); });
    action(QStringLiteral("go-previous"), tr("Move Up"), "notebookMoveUp",
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up), [this] { moveCell(m_current, true); });
    action(QStringLiteral("go-next"), tr("Move Down"), "notebookMoveDown",
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), [this] { moveCell(m_current, false); });
    tools->addSeparator();
    action(QStringLiteral("document-save"), tr("Save"), "notebookSave", QKeySequence::Save,
           [this] { save(); });
    action(QStringLiteral("document-save-as"), tr("Save As…"), "notebookSaveAs", QKeySequence(), [this] {
        const QString path = chooseFileToSave(this, tr("Save Notebook"),
                                              m_path.isEmpty() ? QStringLiteral("notebook.pgnb.md")
                                                               : QFileInfo(m_path).fileName(),
                                              tr("Notebooks (*.pgnb.md)"));
        if (!path.isEmpty())
            save(path);
    });
    action(QStringLiteral("document-export"), tr("Export Report…"), "notebookExport", QKeySequence(), [this] {
        const QString path = chooseFileToSave(this, tr("Export Report"), QStringLiteral("report.md"),
                                              tr("Markdown (*.md);;HTML page (*.html)"));
        if (!path.isEmpty())
            exportReport(path);
    });
    m_keep = new QCheckBox(tr("Keep results in the file"), this);
    m_keep->setObjectName(QStringLiteral("notebookKeepResults"));
    m_keep->setToolTip(tr("Off: what the runs showed stays on this computer; the file holds the cells only"));
    connect(m_keep, &QCheckBox::toggled, this, [this](bool keep) { m_keepResults = keep; });
    tools->addWidget(m_keep);
    m_unlock = new WriteUnlockButton(m_pool->profile(), this);
    m_unlock->setVisible(m_unlock->isGuarded());
    tools->addWidget(m_unlock);

    m_page = new QWidget(this);
    m_column = new QVBoxLayout(m_page);
    m_column->addStretch();
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_page);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("notebookStatus"));
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tools);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_status);
    setNotebook(core::parseNotebook(QStringLiteral("```sql\n\n```\n")));
}

NotebookView::~NotebookView() {
    // A run still going is cancelled; the connection is closed on a worker, never here.
    auto session = std::move(m_session);
    cancelInBackground([session = std::move(session)]() mutable {
        session->cancel();
        closeInBackground(std::move(session));
    });
}

void NotebookView::openFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        core::throwError(core::ErrorKind::NotFound,
                         tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    setNotebook(core::parseNotebook(QString::fromUtf8(file.readAll())), path);
}

void NotebookView::setNotebook(const core::Notebook& notebook, const QString& path) {
    m_job->abandon();
    m_notebook = notebook;
    m_path = path;
    m_runs.clear();
    m_current = -1;
    rebuild();
    setModified(false);
    emit titleChanged(path.isEmpty() ? tr("Notebook") : QFileInfo(path).fileName());
}

void NotebookView::rebuild() {
    for (NotebookCellWidget* w : std::as_const(m_cells))
        w->deleteLater();
    m_cells.clear();
    for (int i = 0; i < m_notebook.cells.size(); ++i) {
        const core::NotebookCell& cell = m_notebook.cells[i];
        auto* w = new NotebookCellWidget(cell, m_page);
        w->setVisible(!blank(cell)); // the blank lines between cells: kept in the file, not shown
        m_column->insertWidget(i, w);
        m_cells << w;
        connect(w, &NotebookCellWidget::edited, this, [this, w] {
            w->setProperty("edited", true);
            setModified(true);
        });
        connect(w, &NotebookCellWidget::activated, this, [this, w] { m_current = indexOf(w); });
        connect(w, &NotebookCellWidget::runRequested, this, [this, w] { runCell(indexOf(w)); });
        connect(w, &NotebookCellWidget::removeRequested, this, [this, w] { removeCell(indexOf(w)); });
    }
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
        if (NotebookCellWidget* w = m_cells.value(it.key()))
            w->setRun(it.value());
}

int NotebookView::indexOf(const NotebookCellWidget* cell) const {
    return int(m_cells.indexOf(const_cast<NotebookCellWidget*>(cell)));
}

core::Notebook NotebookView::notebook() const {
    core::Notebook out = m_notebook;
    for (int i = 0; i < out.cells.size() && i < m_cells.size(); ++i)
        if (m_cells[i]->property("edited").toBool()) // untouched cells keep their exact text (line ends too)
            out.cells[i].text = m_cells[i]->text();
    return out;
}

void NotebookView::setModified(bool modified) {
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void NotebookView::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? textStyle(errorColor()) : QString());
}

QString NotebookView::statusText() const {
    return m_status->text();
}

void NotebookView::setKeepResults(bool keep) {
    m_keep->setChecked(keep);
}

bool NotebookView::save(const QString& path) {
    const QString target = path.isEmpty() ? m_path : path;
    if (target.isEmpty()) {
        setStatus(tr("Choose where to save the notebook (Save As…)."), true);
        return false;
    }
    core::Notebook nb = notebook();
    if (m_keepResults)
        for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
            if (it.key() < nb.cells.size())
                nb.cells[it.key()].savedResult = core::notebookCellResultMarkdown(it.value(), kRowsWritten);
    QString error;
    if (!write(target, core::writeNotebook(nb, m_keepResults).toUtf8(), &error)) {
        setStatus(tr("The notebook was not saved: %1").arg(error), true);
        return false;
    }
    m_notebook = notebook(); // what the file now holds
    for (NotebookCellWidget* w : std::as_const(m_cells))
        w->setProperty("edited", false);
    m_path = target;
    setModified(false);
    setStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(target)));
    emit titleChanged(QFileInfo(target).fileName());
    return true;
}

bool NotebookView::exportReport(const QString& path) {
    const core::Notebook nb = notebook();
    core::NotebookReportOptions options;
    const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) ||
                      path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
    options.format = html ? core::NotebookReportFormat::Html : core::NotebookReportFormat::Markdown;
    options.profile = m_pool->profile().name.isEmpty() ? m_pool->profile().database : m_pool->profile().name;
    options.ranAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    options.chartPrefix = QFileInfo(path).completeBaseName();
    options.maxRows = kRowsWritten;
    options.drawSvg = [](const core::ChartData& data, core::ChartType type) {
        return paint::ChartPainter().renderSvg(data, type, paint::ChartStyle::light(), QSize(960, 540));
    };
    const core::NotebookReport report = core::notebookReport(nb, m_runs.values(), options);
    QString error;
    const QDir dir = QFileInfo(path).absoluteDir();
    for (const core::NotebookReportFile& f : report.files)
        if (!write(dir.filePath(f.name), f.data, &error)) {
            setStatus(tr("The report was not written: %1").arg(error), true);
            return false;
        }
    if (!write(path, report.text.toUtf8(), &error)) {
        setStatus(tr("The report was not written: %1").arg(error), true);
        return false;
    }
    setStatus(tr("Report written to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

core::NotebookRunOptions NotebookView::runOptions() const {
    core::NotebookRunOptions options;
    options.write = m_unlock->access();
    options.rowLimit = kRowsKept;
    return options;
}

QList<core::NotebookCellRun> NotebookView::earlierRuns(int index) const {
    QList<core::NotebookCellRun> out;
    for (auto it = m_runs.cbegin(); it != m_runs.cend() && it.key() < index; ++it)
        out << it.value();
    return out;
}

void NotebookView::showRun(const core::NotebookCellRun& run) {
    m_runs.insert(run.cell, run);
    if (NotebookCellWidget* w = m_cells.value(run.cell))
        w->setRun(run);
    // The chart cells below a SQL cell draw its last result: their options offer its columns.
    if (run.sql && !run.sql->statements.isEmpty()) {
        QStringList columns;
        for (const core::PageColumn& c : run.sql->statements.constLast().page.columns)
            columns << c.name;
        for (int i = run.cell + 1;
             i < m_cells.size() && m_notebook.cells.value(i).kind != core::NotebookCellKind::Sql; ++i)
            if (m_notebook.cells.value(i).kind == core::NotebookCellKind::Chart)
                m_cells[i]->setChartColumns(columns);
    }
    emit cellFinished(run.cell);
}

bool NotebookView::isRunning() const {
    return m_job->isRunning();
}

void NotebookView::runCell(int index) {
    if (index < 0 || index >= m_cells.size() || !m_notebook.cells[index].isCode())
        return;
    const core::Notebook nb = notebook();
    m_cells[index]->setRunning(true);
    setStatus(tr("Running the cell at line %1…").arg(nb.cells[index].line));
    m_job->start(
        [session = m_session, nb, index, earlier = earlierRuns(index),
         options = runOptions()](const std::shared_ptr<core::CancelToken>&) {
            return session->runCell(nb, index, earlier, options);
        },
        [this](const core::NotebookCellRun& run) {
            showRun(run);
            setStatus(run.ok() ? tr("Done.") : run.error, !run.ok());
            emit runFinished();
        },
        [this, index](const BackgroundFailure& f) {
            m_cells.value(index)->setRunning(false);
            setStatus(f.message, true);
            emit runFinished();
        });
}

void NotebookView::runAll() {
    const core::Notebook nb = notebook();
    m_runs.clear();
    for (NotebookCellWidget* w : std::as_const(m_cells))
        w->clearRun();
    setStatus(tr("Running all cells…"));
    m_job->start(
        // Each cell's result shows as it finishes (the reports run on this thread, before done).
        [this, session = m_session, nb, options = runOptions()](const std::shared_ptr<core::CancelToken>&,
                                                                const JobSlot::Report& report) {
            return session->runAll(nb, options, [this, &report](const core::NotebookCellRun& run) {
                report([this, run] { showRun(run); });
            });
        },
        [this](const QList<core::NotebookCellRun>& runs) {
            for (const core::NotebookCellRun& run : runs)
                if (!m_runs.contains(run.cell))
                    showRun(run);
            const bool failed = !runs.isEmpty() && !runs.last().ok();
            setStatus(failed ? tr("Stopped at the cell at line %1: %2")
                                   .arg(m_notebook.cells.value(runs.last().cell).line)
                                   .arg(runs.last().error)
                             : tr("All cells ran."),
                      failed);
            emit runFinished();
        },
        [this](const BackgroundFailure& f) {
            setStatus(f.message, true);
            emit runFinished();
        });
}

void NotebookView::stop() {
    if (!m_job->isRunning())
        return;
    cancelInBackground([session = m_session] { session->cancel(); });
}

int NotebookView::addCell(core::NotebookCellKind kind) {
    core::Notebook nb = notebook();
    const int at = m_current >= 0 && m_current < nb.cells.size() ? m_current + 1 : int(nb.cells.size());
    core::NotebookCell cell;
    cell.kind = kind;
    cell.text = kind == core::NotebookCellKind::Parameters ? QStringLiteral("name = value\n")
                : kind == core::NotebookCellKind::Chart    ? QStringLiteral("type: bar\nx: \ny: \n")
                                                           : QString();
    // A text cell is Markdown between code cells: it needs a line of its own to stay apart from them.
    if (kind == core::NotebookCellKind::Markdown)
        cell.text = QStringLiteral("\n");
    nb.cells.insert(at, cell);
    QMap<int, core::NotebookCellRun> runs;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        core::NotebookCellRun run = it.value();
        run.cell = it.key() >= at ? it.key() + 1 : it.key();
        runs.insert(run.cell, run);
    }
    m_notebook = nb;
    m_runs = runs;
    rebuild();
    m_cells[at]->setVisible(true);
    if (kind == core::NotebookCellKind::Markdown)
        m_cells[at]->setEditing(true);
    m_cells[at]->editor()->setFocus();
    m_current = at;
    m_cells[at]->setProperty("edited", true);
    setModified(true);
    return at;
}

bool NotebookView::moveCell(int index, bool up) {
    if (index < 0 || index >= m_cells.size())
        return false;
    // The neighbour the user sees: blank text between cells is skipped over (it stays where it is).
    int other = index;
    do
        other += up ? -1 : 1;
    while (other >= 0 && other < m_cells.size() && blank(m_notebook.cells[other]));
    if (other < 0 || other >= m_cells.size())
        return false;
    core::Notebook nb = notebook();
    QList<bool> edited;
    for (NotebookCellWidget* w : std::as_const(m_cells))
        edited << w->property("edited").toBool();
    nb.cells.swapItemsAt(index, other);
    edited.swapItemsAt(index, other);
    QMap<int, core::NotebookCellRun> runs; // each result goes with its cell
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        core::NotebookCellRun run = it.value();
        run.cell = it.key() == index ? other : it.key() == other ? index : it.key();
        runs.insert(run.cell, run);
    }
    m_notebook = nb;
    m_runs = runs;
    rebuild();
    for (int i = 0; i < m_cells.size(); ++i)
        m_cells[i]->setProperty("edited", edited.value(i));
    m_current = other;
    m_cells[other]->editor()->setFocus();
    setModified(true);
    return true;
}

void NotebookView::removeCell(int index) {
    if (index < 0 || index >= m_cells.size())
        return;
    core::Notebook nb = notebook();
    nb.cells.removeAt(index);
    QMap<int, core::NotebookCellRun> runs;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        if (it.key() == index)
            continue;
        core::NotebookCellRun run = it.value();
        run.cell = it.key() > index ? it.key() - 1 : it.key();
        runs.insert(run.cell, run);
    }
    QList<bool> edited;
    for (int i = 0; i < m_cells.size(); ++i)
        if (i != index)
            edited << m_cells[i]->property("edited").toBool();
    m_notebook = nb;
    m_runs = runs;
    rebuild();
    for (int i = 0; i < m_cells.size(); ++i)
        m_cells[i]->setProperty("edited", edited.value(i));
    m_current = -1;
    setModified(true);
}

} // namespace pgdesk::ui
