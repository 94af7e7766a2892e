// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/query/querytool.h>

#include <pgdesk/ui/common/icons.h>

#include "common/readablecolor.h"
#include "query/completionsource.h"
#include "query/findbar.h"
#include "query/parametersdialog.h"
#include "query/queryfile.h"
#include "query/queryresults.h"
#include "query/querysession.h"
#include "query/resultpins.h"
#include "query/sqlcompleter.h"
#include "query/sqleditor.h"

#include <pgdesk/core/local/queryhistory.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/sqltext/namedparameters.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/transfer/exportdialog.h>

#include <QAction>
#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

// What a run's worker hands back: the run, plus a history write that failed (the run itself did not).
struct RunReply {
    core::ScriptRun run;
    QString historyProblem;
};

// The rows a run is remembered with: those of its last statement that said.
qint64 rowsOf(const core::ScriptRun& run) {
    for (auto it = run.statements.crbegin(); it != run.statements.crend(); ++it) {
        if (it->returnsRows)
            return it->paged && it->page.totalIsEstimate ? -1 : it->rowCount; // only exact counts
        if (it->affectedRows >= 0)
            return it->affectedRows;
    }
    return -1;
}

// "1 row", "1,500 rows" in the language's plural forms, the number in its format.
QString rowsText(qint64 n) {
    return QueryTool::tr("%1 row(s)", nullptr, pluralCount(n)).arg(QLocale().toString(n));
}

QString statementsText(qint64 n) {
    return QueryTool::tr("%1 statement(s)", nullptr, pluralCount(n)).arg(QLocale().toString(n));
}

// Stops what `session` runs (PQcancel, off the GUI thread). The reference goes on to a job worker, so the
// cancel's thread never closes the connection when the tool went meanwhile.
void cancelSession(std::shared_ptr<QuerySession> session) {
    cancelInBackground([session = std::move(session)]() mutable {
        session->cancel();
        closeInBackground(std::move(session));
    });
}

// The `$n` / `:name` parameters of a run, in order of first use: asked once even when several statements
// use them.
QStringList parametersOf(const QList<core::SqlStatement>& statements) {
    QStringList names;
    for (const core::SqlStatement& s : statements) {
        for (const QString& name : core::boundParameterNames(s.text)) {
            if (!names.contains(name))
                names << name;
        }
    }
    return names;
}

} // namespace

QString QueryTool::durationText(qint64 ms) {
    const QLocale locale;
    return ms < 1000 ? tr("%1 ms").arg(locale.toString(ms))
                     : tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', 2));
}

QueryTool::QueryTool(std::shared_ptr<core::Pool> pool, QString historyKey, QWidget* parent,
                     QString historyPath)
    : QWidget(parent)
    , m_session(std::make_shared<QuerySession>(std::move(pool)))
    , m_historyKey(std::move(historyKey))
    , m_historyPath(historyPath.isEmpty() ? core::QueryHistory::defaultPath() : std::move(historyPath)) {
    m_historyJob = new JobSlot(this);
    m_searchPathJob = new JobSlot(this);
    m_compareJob = new JobSlot(this);
    setObjectName(QStringLiteral("queryTool"));

    m_editor = new SqlEditor(this);
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_editor->setAccessibleName(tr("SQL editor"));
    m_completionSource = CompletionSource::forPool(m_session->pool());
    m_completer = new SqlCompleter(m_editor, m_completionSource);
    m_editor->setCompleter(m_completer);
    m_editor->setPlaceholderText(tr("SQL — Ctrl+Enter runs the statement at the cursor (or the selection), "
                                    "Ctrl+Shift+Enter or F5 the whole script"));

    m_messages = new QPlainTextEdit(this);
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setAccessibleName(tr("Messages"));
    m_messages->setReadOnly(true);
    m_messages->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_results = new QTabWidget(this);
    m_results->setObjectName(QStringLiteral("results"));
    m_results->setAccessibleName(tr("Results"));
    m_results->setDocumentMode(true);
    m_results->addTab(m_messages, tr("Messages"));

    // The find bar under the editor, hidden until Ctrl+F / Ctrl+H.
    auto* editorPane = new QWidget(this);
    m_findBar = new FindBar(m_editor, editorPane);
    m_findBar->hide();
    auto* editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_findBar);
    // Vim's status line: its mode, the command being typed, ":w"'s answer; shown in vim mode only.
    auto* vimStatus = new QLabel(editorPane);
    vimStatus->setObjectName(QStringLiteral("vimStatus"));
    vimStatus->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    vimStatus->setContentsMargins(4, 1, 4, 1);
    vimStatus->setVisible(m_editor->isVimMode());
    editorLayout->addWidget(vimStatus);
    connect(m_editor, &SqlEditor::vimStatusChanged, vimStatus, &QLabel::setText);
    connect(m_editor, &SqlEditor::vimModeChanged, vimStatus, &QWidget::setVisible);
    m_editor->setSaveHandler([this] { return save(); });
    m_file = new QueryFile(m_editor, m_historyKey, this);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            [this] { emit titleChanged(title()); });
    connect(m_file, &QueryFile::pathChanged, this, [this] { emit titleChanged(title()); });
    connect(m_file, &QueryFile::changedOutside, this, &QueryTool::changedOutside);
    connect(m_file, &QueryFile::reloaded, this, [this] {
        message(tr("%1 changed on disk and was read again.").arg(m_file->path()), Tone::Info);
    });
    connect(m_file, &QueryFile::autosaveFailed, this, [this](const QString& error) {
        message(tr("Unsaved text is not autosaved (%1): it would not survive a crash.").arg(error),
                Tone::Warning);
    });

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(editorPane);
    vertical->addWidget(m_results);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);

    // History: searchable, newest first; a double-click puts the SQL back into the editor.
    m_historyPanel = new QWidget(this);
    m_historyPanel->setObjectName(QStringLiteral("historyPanel"));
    m_historySearch = new QLineEdit(m_historyPanel);
    m_historySearch->setObjectName(QStringLiteral("historySearch"));
    m_historySearch->setAccessibleName(tr("Search history"));
    m_historySearch->setPlaceholderText(tr("Search history"));
    m_historySearch->setClearButtonEnabled(true);
    m_historyList = new QListWidget(m_historyPanel);
    m_historyList->setObjectName(QStringLiteral("historyList"));
    m_historyList->setAccessibleName(tr("Query history"));
    m_historyList->setWordWrap(true);
    m_historyList->setAlternatingRowColors(true);
    auto* historyLayout = new QVBoxLayout(m_historyPanel);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History"), m_historyPanel));
    historyLayout->addWidget(m_historySearch);
    historyLayout->addWidget(m_historyList, 1);
    m_historyTimer = new QTimer(this);
    m_historyTimer->setSingleShot(true);
    m_historyTimer->setInterval(200);
    connect(m_historySearch, &QLineEdit::textChanged, m_historyTimer, qOverload<>(&QTimer::start));
    connect(m_historyTimer, &QTimer::timeout, this, &QueryTool::refreshHistory);
    connect(m_historyList, &QListWidget::itemDoubleClicked, this, &QueryTool::loadHistoryItem);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(vertical);
    m_split->addWidget(m_historyPanel);
    m_split->setStretchFactor(0, 4);
    m_split->setStretchFactor(1, 1);

    auto* bar = new QWidget(this);
    buildToolbar(bar);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_split, 1);

    setRunning(false);
    setTransactionState(core::TransactionState::Idle);
    refreshHistory();
}

QueryTool::~QueryTool() {
    // A run still going is cancelled (the cancel path), then the session's connection is closed on a job
    // worker (PQfinish), or by the run's own worker when it lets go last.
    cancelSession(std::move(m_session));
}

void QueryTool::buildToolbar(QWidget* bar) {
    auto* tools = new QToolBar(bar);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(16, 16));
    const auto action = [this, tools](const QString& text, const QString& name, QList<QKeySequence> keys,
                                      auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        if (!keys.isEmpty())
            a->setToolTip(
                QStringLiteral("%1 (%2)").arg(text, keys.first().toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work anywhere inside the tool
        tools->addAction(a);
        return a;
    };
    // As in DataGrip, DBeaver and SQL Developer: Ctrl+Enter the statement at the cursor, Ctrl+Shift+Enter
    // the script; F5 also runs the script, as in pgAdmin (free here: F5 refreshes tables and the tree).
    // Return is the main Enter key, Enter the keypad's.
    m_runStatementAction =
        action(tr("Run statement"), QStringLiteral("runStatementAction"),
               {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
               [this] { runStatementAtCursor(); });
    m_runStatementAction->setToolTip(
        tr("Run the statement at the cursor, or the selection (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_Enter).toString(QKeySequence::NativeText)));
    m_runAction = action(tr("Run script"), QStringLiteral("runAction"),
                         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter), QKeySequence(Qt::Key_F5)},
                         [this] { run(); });
    m_runAction->setToolTip(
        tr("Run the whole script, or the selection (%1, %2)")
            .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter).toString(QKeySequence::NativeText),
                 QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText)));
    m_cancelAction = action(tr("Cancel"), QStringLiteral("cancelAction"), {QKeySequence(Qt::Key_Escape)},
                            [this] { cancel(); });
    tools->addSeparator();
    m_explainAction = action(tr("Explain"), QStringLiteral("explainAction"), {QKeySequence(Qt::Key_F7)},
                             [this] { explain(false); });
    m_analyzeAction = action(tr("Analyze"), QStringLiteral("explainAnalyzeAction"),
                             {QKeySequence(Qt::SHIFT | Qt::Key_F7)}, [this] { explain(true); });
    m_analyzeAction->setToolTip(
        tr("Explain Analyze (Shift+F7): runs the statement and measures each node; its "
           "changes are rolled back"));
    buildExplainMenu();
    m_locksAction = action(tr("Locks"), QStringLiteral("lockAnalysisAction"),
                           {QKeySequence(Qt::CTRL | Qt::Key_F7)}, [this] { analyzeLocks(); });
    m_locksAction->setToolTip(tr("Lock analysis (Ctrl+F7): the lock each statement takes on each table, the "
                                 "tables it rewrites or reads whole, and the safer pattern; nothing runs"));
    tools->addSeparator();
    m_runStatementAction->setIcon(themedIcon(QStringLiteral("media-playback-start")));
    m_runAction->setIcon(themedIcon(QStringLiteral("media-seek-forward")));
    m_cancelAction->setIcon(themedIcon(QStringLiteral("process-stop")));
    m_explainAction->setIcon(themedIcon(QStringLiteral("view-process-tree")));
    m_analyzeAction->setIcon(themedIcon(QStringLiteral("view-statistics")));

    // Production sessions: writing is unlocked for this tab only; the key dies with the tab (and its
    // session).
    m_unlock = new WriteUnlockButton(m_session->pool()->profile(), bar);
    // A toolbar shows a widget as its action says.
    tools->addWidget(m_unlock)->setVisible(m_unlock->isGuarded());
    m_autocommit = new QCheckBox(tr("Autocommit"), bar);
    m_autocommit->setObjectName(QStringLiteral("autocommit"));
    m_autocommit->setChecked(true);
    m_autocommit->setToolTip(
        tr("Off: a transaction is opened before the first statement and stays open until "
           "Commit or Rollback"));
    connect(m_autocommit, &QCheckBox::toggled, this, [this] { setTransactionState(m_transaction); });
    m_commit = new QToolButton(bar);
    m_commit->setText(tr("Commit"));
    m_commit->setIcon(themedIcon(QStringLiteral("dialog-ok")));
    m_commit->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_commit->setObjectName(QStringLiteral("commitButton"));
    connect(m_commit, &QToolButton::clicked, this, &QueryTool::commit);
    m_rollback = new QToolButton(bar);
    m_rollback->setText(tr("Rollback"));
    m_rollback->setIcon(themedIcon(QStringLiteral("edit-undo")));
    m_rollback->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    connect(m_rollback, &QToolButton::clicked, this, &QueryTool::rollback);
    m_transactionLabel = new QLabel(bar);
    m_transactionLabel->setObjectName(QStringLiteral("transactionState"));
    m_transactionLabel->setMargin(3);
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setContentsMargins(0, 0, 8, 0);
    m_results->setCornerWidget(m_status, Qt::TopRightCorner); // beside the result tabs: room to spare
    tools->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred); // never folds into an overflow menu

    auto* history = new QToolButton(bar);
    history->setText(tr("History"));
    history->setIcon(themedIcon(QStringLiteral("view-history")));
    history->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    history->setCheckable(true);
    history->setChecked(true);
    history->setAutoRaise(true);
    connect(history, &QToolButton::toggled, m_historyPanel, &QWidget::setVisible);

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(2, 2, 6, 2);
    layout->addWidget(tools);
    layout->addWidget(m_autocommit);
    layout->addWidget(m_transactionLabel);
    layout->addWidget(m_commit);
    layout->addWidget(m_rollback);
    layout->addStretch(1);
    layout->addWidget(history);
    buildMenus(bar);
}

void QueryTool::setSql(const QString& sql) {
    m_editor->setPlainText(sql);
}

QPlainTextEdit* QueryTool::editor() const {
    return m_editor;
}

QString QueryTool::sql() const {
    return m_editor->toPlainText();
}

QList<QueryResultGrid*> QueryTool::resultGrids() const {
    QList<QueryResultGrid*> grids;
    for (int i = 0; i < m_results->count(); ++i) {
        if (auto* grid = qobject_cast<QueryResultGrid*>(m_results->widget(i)))
            grids << grid;
    }
    return grids;
}

QueryResultGrid* QueryTool::currentResultGrid() const {
    if (auto* shown = qobject_cast<QueryResultGrid*>(m_results->currentWidget()))
        return shown;
    const QList<QueryResultGrid*> grids = resultGrids();
    return grids.isEmpty() ? nullptr : grids.first();
}

const PageModel* QueryTool::currentResultModel() const {
    const QueryResultGrid* grid = currentResultGrid();
    return grid ? grid->model() : nullptr;
}

QString QueryTool::exportWarning() const {
    if (m_transaction != core::TransactionState::InTransaction &&
        m_transaction != core::TransactionState::Failed)
        return {};
    return tr("This query tab is inside an open transaction. The export runs the statement again on a "
              "connection of its own: it sees only committed data, not this transaction's uncommitted "
              "changes, and takes none of its locks.");
}

ExportDialog* QueryTool::exportResult(QueryResultGrid* grid) {
    if (!grid)
        grid = currentResultGrid();
    if (!grid || !grid->pool())
        return nullptr;
    // The window's child, not the tab's: closing the tab must not take a running export with it.
    auto* dialog = new ExportDialog(grid->pool(), grid->exportSpec(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addWarning(exportWarning());
    dialog->open();
    return dialog;
}

void QueryTool::run() {
    const QTextCursor cursor = m_editor->textCursor();
    const QString text = m_editor->toPlainText();
    if (cursor.hasSelection()) {
        // Positions in the document and in toPlainText() agree; selectedText() would use U+2029 for newlines.
        const qsizetype base = cursor.selectionStart();
        const QString selected = text.mid(base, cursor.selectionEnd() - base);
        start(core::splitStatements(selected), base, selected);
    } else {
        start(core::splitStatements(text), 0, text);
    }
}

void QueryTool::runStatementAtCursor() {
    if (m_editor->textCursor().hasSelection())
        return run(); // a selection says exactly what to run
    const QList<core::SqlStatement> all = core::splitStatements(m_editor->toPlainText());
    const int at = core::statementAt(all, m_editor->textCursor().position());
    if (at < 0)
        return start({}, 0, {});
    start({all[at]}, 0, all[at].text);
}

void QueryTool::start(const QList<core::SqlStatement>& statements, qsizetype base, const QString& sql) {
    if (m_running || m_parametersDialog)
        return;
    // Commit / Rollback (base < 0) add to what is shown; a run of the editor's SQL replaces it.
    const bool control = base < 0;
    if (!control) {
        // Edits staged in a result: kept, dropped, or no run (this run again once a cancelled apply ended).
        for (QueryResultGrid* grid : resultGrids())
            if (!grid->confirmClose([this, statements, base, sql] { start(statements, base, sql); }))
                return;
        clearResults();
    }
    if (statements.isEmpty()) {
        message(tr("Nothing to run."));
        return;
    }
    const QStringList names = control ? QStringList() : parametersOf(statements);
    withParameters(
        names,
        [this, statements, base, sql, control](const QMap<QString, core::Param>& params) {
            if (control)
                launch(statements, base, sql, params);
            else
                confirmThenLaunch(statements, base, sql, params);
        },
        [this] { emit runFinished(); });
}

void QueryTool::launch(const QList<core::SqlStatement>& statements, qsizetype base, const QString& sql,
                       const QMap<QString, core::Param>& parameters) {
    setRunning(true);
    core::ScriptRunOptions options;
    options.autocommit = m_autocommit->isChecked();
    options.write = m_unlock->access(); // production: the tab's key, else the server refuses its writes
    options.parameters = parameters;
    message(tr("Running %1…").arg(statementsText(statements.size())), Tone::Muted);
    // The tool's Cancel reaches the statement through the session (cancelSession), not the job's token.
    jobSlot(this, QStringLiteral("runJob"))
        ->start(
            [session = m_session, statements, options, sql, key = m_historyKey,
             path = m_historyPath](const std::shared_ptr<core::CancelToken>&) {
                const QDateTime started = QDateTime::currentDateTimeUtc();
                RunReply reply{session->run(statements, options), {}};
                if (sql.isEmpty())
                    return reply; // Commit / Rollback buttons: not history
                try {
                    core::QueryHistory(path).add(key, sql, started, reply.run.elapsedMs, rowsOf(reply.run),
                                                 reply.run.error ? reply.run.error->text : QString());
                } catch (const std::exception& e) {
                    reply.historyProblem = errorText(e);
                }
                return reply;
            },
            [this, base](const RunReply& reply) {
                setRunning(false);
                showRun(reply.run, base);
                if (!reply.historyProblem.isEmpty())
                    message(tr("History not saved: %1").arg(reply.historyProblem), Tone::Warning);
                refreshHistory();
                emit runFinished();
            },
            [this](const BackgroundFailure& failure) {
                setRunning(false);
                showFailure(failure.message, failure.connectionLost);
                emit runFinished();
            });
}

void QueryTool::showRun(const core::ScriptRun& run, qsizetype base) {
    if (base >= 0)
        clearMessages(); // drops "Running…"
    const QLocale locale;
    QWidget* firstResult = nullptr;
    for (const core::StatementResult& s : run.statements) {
        const int number = s.index + 1;
        QString line = QStringLiteral("[%1] %2").arg(number).arg(s.commandStatus);
        if (s.returnsRows) {
            const QString rows = s.paged && s.page.totalIsEstimate
                                     ? tr("≈ %1 rows").arg(locale.toString(s.rowCount))
                                     : rowsText(s.rowCount);
            line += QStringLiteral(" · ") + rows;
            if (s.truncated)
                line += tr(" (first %1 shown)").arg(locale.toString(qlonglong(s.page.rows.size())));
        }
        line += QStringLiteral(" · ") + durationText(s.elapsedMs);
        message(line);
        for (const QString& notice : s.notices)
            message(QStringLiteral("    ") + notice, Tone::Info);
        if (s.returnsRows) {
            auto* grid = new QueryResultGrid(m_session, s, m_results);
            grid->setWriteUnlock(m_unlock); // an editable result applies with the tab's key
            connect(grid, &QueryResultGrid::exportRequested, this, [this, grid] { exportResult(grid); });
            connect(grid, &QueryResultGrid::pinRequested, this, [this, grid] { pinResult(grid); });
            if (!firstResult && s.paged) { // what Compare with previous run runs again
                m_previousRunQuery = m_lastRunQuery;
                m_lastRunQuery = grid->exportSpec();
            }
            const int tab = m_results->addTab(grid, tr("Result %1").arg(number));
            m_results->setTabToolTip(tab, s.sql.left(500));
            if (!firstResult)
                firstResult = grid;
        }
    }
    if (run.error) {
        const core::ScriptError& e = *run.error;
        ErrorLog::instance().record(e.text); // for Help ▸ Copy diagnostics
        for (const QString& notice : e.notices)
            message(QStringLiteral("    ") + notice, Tone::Info);
        QString where;
        if (e.scriptPosition >= 0 && base >= 0) {
            const qsizetype position =
                std::min<qsizetype>(base + e.scriptPosition, m_editor->document()->characterCount() - 1);
            const QTextBlock block = m_editor->document()->findBlock(int(position));
            // Columns count characters, as PostgreSQL does (QString positions count UTF-16 units).
            const qsizetype column = block.text().left(int(position - block.position())).toUcs4().size() + 1;
            where = tr(" (line %1, column %2)").arg(block.blockNumber() + 1).arg(column);
            QTextCursor cursor(m_editor->document());
            cursor.setPosition(int(position));
            m_editor->setTextCursor(cursor);
            m_editor->ensureCursorVisible();
        }
        if (run.cancelled)
            message(tr("[%1] Cancelled%2").arg(e.statementIndex + 1).arg(where), Tone::Warning);
        else
            message(tr("[%1] %2%3").arg(e.statementIndex + 1).arg(e.text, where), Tone::Error);
        if (e.info.sqlState == QLatin1String("25006") && m_session->pool()->profile().writeGuarded() &&
            !m_unlock->isUnlocked())
            message(
                tr("Writing is locked on this production tab: the server runs it read-only. Unlock writing "
                   "in the toolbar, then run it again (PgDesk asks for the database's name first)."),
                Tone::Warning);
        message(
            tr("Stopped at statement %1 · %2").arg(e.statementIndex + 1).arg(durationText(run.elapsedMs)));
    } else {
        message(tr("Done: %1 in %2").arg(statementsText(run.statements.size()), durationText(run.elapsedMs)));
    }
    if (run.connectionLost)
        message(
            tr("The connection was lost: the next run opens a new session (any open transaction is gone)."),
            Tone::Error);
    m_results->setCurrentWidget(run.error || !firstResult ? static_cast<QWidget*>(m_messages) : firstResult);
    m_status->setText(run.error
                          ? (run.cancelled ? tr("Cancelled")
                                           : tr("Error in statement %1").arg(run.error->statementIndex + 1))
                          : tr("Done in %1").arg(durationText(run.elapsedMs)));
    for (const core::StatementResult& statement : run.statements) {
        m_catalogDirty = m_catalogDirty || CompletionSource::changesCatalog(statement.sql);
        m_searchPathDirty = m_searchPathDirty || CompletionSource::changesSearchPath(statement.sql);
    }
    if (run.connectionLost) { // the server may have been restarted, restored …: ask it again
        m_completionSource->invalidate();
        m_searchPathDirty = false;
        m_completer->setSearchPath(std::nullopt); // a new session starts with the role's path
    }
    setTransactionState(run.transaction);
}

void QueryTool::showFailure(const QString& text, bool connectionLost) {
    message(text, Tone::Error);
    m_status->setText(tr("Failed"));
    m_results->setCurrentWidget(m_messages);
    if (connectionLost)
        setTransactionState(core::TransactionState::Unknown);
}

void QueryTool::cancel() {
    if (!m_running)
        return;
    m_status->setText(tr("Cancelling…"));
    cancelSession(m_session);
}

void QueryTool::commit() {
    start(core::splitStatements(QStringLiteral("COMMIT")), -1, {});
}

void QueryTool::rollback() {
    start(core::splitStatements(QStringLiteral("ROLLBACK")), -1, {});
}

void QueryTool::setRunning(bool running) {
    m_running = running;
    for (QAction* a : {m_runAction, m_runStatementAction, m_explainAction, m_analyzeAction, m_locksAction})
        a->setEnabled(!running);
    m_cancelAction->setEnabled(running);
    m_editor->setReadOnly(running);
    if (running)
        m_status->setText(tr("Running…"));
    setTransactionState(m_transaction);
}

void QueryTool::setTransactionState(core::TransactionState state) {
    if (m_catalogDirty && state == core::TransactionState::Idle) { // committed (or rolled back): visible
        m_catalogDirty = false;
        m_completionSource->invalidate();
    }
    if (m_searchPathDirty) {
        m_searchPathDirty = state != core::TransactionState::Idle;
        m_searchPathJob->start(
            [session = m_session](const std::shared_ptr<core::CancelToken>&) {
                return session->searchPath();
            },
            [this](const QStringList& path) { m_completer->setSearchPath(path); },
            [](const BackgroundFailure&) {}); // a failed transaction: read again after its ROLLBACK
    }
    const bool changed = state != m_transaction;
    m_transaction = state;
    QString text, style;
    switch (state) {
    case core::TransactionState::Idle:
        text = tr("Idle");
        style = QStringLiteral("color: %1;")
                    .arg(palette().color(QPalette::Disabled, QPalette::WindowText).name());
        break;
    case core::TransactionState::InTransaction:
        text = tr("In transaction");
        style = QStringLiteral("background: #ffcc80; color: #000; border-radius: 3px;");
        break;
    case core::TransactionState::Failed:
        text = tr("Transaction failed");
        style = QStringLiteral("background: #ef9a9a; color: #000; border-radius: 3px;");
        break;
    case core::TransactionState::Unknown:
        text = tr("Not connected");
        style = QStringLiteral("color: %1;").arg(toneColor(Tone::Error).name());
        break;
    }
    m_transactionLabel->setText(text);
    m_transactionLabel->setStyleSheet(style);
    m_commit->setEnabled(!m_running && state == core::TransactionState::InTransaction);
    m_rollback->setEnabled(!m_running && (state == core::TransactionState::InTransaction ||
                                          state == core::TransactionState::Failed));
    if (changed)
        emit transactionStateChanged(state);
}

void QueryTool::clearResults() {
    for (int i = m_results->count() - 1; i >= 0; --i) {
        QWidget* w = m_results->widget(i);
        if (w == m_messages || qobject_cast<PinnedResultView*>(w) || qobject_cast<ResultCompareView*>(w) ||
            qobject_cast<SideBySideView*>(w))
            continue; // pinned results and compares stay
        m_results->removeTab(i);
        w->deleteLater();
    }
    clearMessages();
}

void QueryTool::message(const QString& text, Tone tone) {
    m_messageLines.append({text, tone});
    appendMessage(text, tone);
}

void QueryTool::appendMessage(const QString& text, Tone tone) {
    const QString escaped = text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    m_messages->appendHtml(
        tone == Tone::Plain
            ? escaped
            : QStringLiteral("<span style=\"color:%1\">%2</span>").arg(toneColor(tone).name(), escaped));
}

void QueryTool::clearMessages() {
    m_messageLines.clear();
    m_messages->clear();
}

QColor QueryTool::toneColor(Tone tone) const {
    // Checked against the background the text is drawn on: readable in both themes and in system palettes.
    // The tool's own palette: during a palette change it is updated before its children's.
    const QColor base = palette().color(QPalette::Active, QPalette::Base);
    switch (tone) {
    case Tone::Plain:
        return palette().color(QPalette::Active, QPalette::Text);
    case Tone::Muted:
        return palette().color(QPalette::Disabled, QPalette::Text);
    case Tone::Info:
        return readableOn(infoColor(), base);
    case Tone::Warning:
        return readableOn(warningColor(), base);
    case Tone::Error:
        return readableOn(errorColor(), base);
    }
    return {};
}

void QueryTool::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    // A theme switched live: colours baked into the messages and the state label follow the new palette.
    m_messages->clear();
    for (const auto& [text, tone] : std::as_const(m_messageLines))
        appendMessage(text, tone);
    setTransactionState(m_transaction);
    for (int i = 0; i < m_historyList->count(); ++i) {
        QListWidgetItem* item = m_historyList->item(i);
        if (item->data(Qt::ForegroundRole).isValid()) // only failed runs have one
            item->setForeground(toneColor(Tone::Error));
    }
}

void QueryTool::refreshHistory() {
    m_historyJob->start(
        [path = m_historyPath, key = m_historyKey,
         text = m_historySearch->text()](const std::shared_ptr<core::CancelToken>&) {
            return core::QueryHistory(path).search(key, text, 200);
        },
        [this](const QList<core::HistoryEntry>& entries) {
            m_historyList->clear();
            const QLocale locale;
            // SQL and times are data: isolated in a right-to-left layout, which would reorder their parts
            // (the SQL to load stays plain in UserRole); SQL left to right, as the editor shows it.
            const Qt::LayoutDirection layout = m_historyList->layoutDirection();
            for (const core::HistoryEntry& e : entries) {
                const QString firstLine =
                    isolatedIn(layout, e.sql.simplified().left(100), Isolate::LeftToRight);
                QString info =
                    isolatedIn(layout, locale.toString(e.started.toLocalTime(), QLocale::ShortFormat)) +
                    QStringLiteral(" · ") + durationText(e.durationMs);
                if (!e.error.isEmpty())
                    info += tr(" · error");
                else if (e.rows >= 0)
                    info += QStringLiteral(" · ") + rowsText(e.rows);
                auto* item = new QListWidgetItem(firstLine + QLatin1Char('\n') + info, m_historyList);
                item->setData(Qt::UserRole, e.sql);
                const QString sql = isolatedIn(layout, e.sql.left(2000), Isolate::LeftToRight);
                item->setToolTip(
                    e.error.isEmpty() ? sql : sql + QStringLiteral("\n\n") + isolatedIn(layout, e.error));
                if (!e.error.isEmpty())
                    item->setForeground(toneColor(Tone::Error));
            }
            emit historyLoaded();
        },
        [this](const BackgroundFailure& failure) {
            m_historyList->clear();
            new QListWidgetItem(tr("History unavailable: %1").arg(failure.message), m_historyList);
            emit historyLoaded();
        });
}

void QueryTool::loadHistoryItem(QListWidgetItem* item) {
    const QVariant sql = item->data(Qt::UserRole);
    if (!sql.isValid() || m_running)
        return;
    m_editor->setPlainText(sql.toString());
    m_editor->setFocus();
}

} // namespace pgdesk::ui
