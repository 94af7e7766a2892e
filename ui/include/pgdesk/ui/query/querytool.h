// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/local/bufferjournal.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QColor>
#include <QDateTime>
#include <QMap>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace pgdesk::core {
class Pool;
struct SweepingStatement;
} // namespace pgdesk::core

namespace pgdesk::ui {

class CompletionSource;
class ExportDialog;
class FindBar;
class JobSlot;
class LockAnalysisView;
class ParametersDialog;
class PlanCompareView;
class PlanView;
class QueryFile;
class SqlCompleter;
class SqlEditor;

class PageModel;
class QueryResultGrid;
class QuerySession;
class WriteUnlockButton;

// A query tool tab: a SQL editor (highlighted, line numbers) on its own server session. Ctrl+Enter runs the
// selection, else the statement at the cursor; Ctrl+Shift+Enter (or F5) the selection, else the whole
// script, as in DataGrip, DBeaver and pgAdmin; Esc cancels. Every
// statement that returns rows gets a result tab (a paged grid for plain queries: bounded memory); the
// Messages tab lists command statuses, notices, timings and errors by statement number, and an error
// moves the editor's cursor to where the server points. Explain / Explain Analyze show the plan (PlanView:
// graph, analysis, hotspots, text) with the options of the Analyze button's menu; Analyze of a statement
// that may write asks first and rolls its changes back unless told otherwise. Autocommit, or a transaction
// kept open across runs with Commit / Rollback and a visible state. A searchable history (per profile, on
// disk) loads earlier SQL with a double-click. `$n` and `:name` parameters are asked for in a form (values
// remembered per tab) and bound, never pasted into the SQL. Completion (SqlCompleter) proposes names from a
// catalog loaded on a worker and reloaded after DDL. The text can be opened from and saved to .sql files
// (QueryFile: watched for outside changes, autosaved against crashes); the editor has find / replace, go to
// line, comment and indent lines, Format SQL.
//
// All database work runs on worker threads through the tool's QuerySession, which keeps one connection
// for the tool's whole life; the GUI thread only sends requests and shows replies.
class QueryTool final : public QWidget {
    Q_OBJECT
    Q_MOC_INCLUDE("query/queryresults.h")
public:
    // historyKey: whose history this is (the profile name); historyPath: empty = QueryHistory's default.
    QueryTool(std::shared_ptr<core::Pool> pool, QString historyKey, QWidget* parent = nullptr,
              QString historyPath = {});
    ~QueryTool() override;

    QPlainTextEdit* editor() const;
    WriteUnlockButton* writeUnlock() const { return m_unlock; }
    QTabWidget* results() const { return m_results; }
    QPlainTextEdit* messages() const { return m_messages; }
    QListWidget* historyList() const { return m_historyList; }
    QLineEdit* historySearch() const { return m_historySearch; }
    QCheckBox* autocommitBox() const { return m_autocommit; }
    QLabel* transactionLabel() const { return m_transactionLabel; }
    QToolButton* commitButton() const { return m_commit; }
    QToolButton* rollbackButton() const { return m_rollback; }
    // Run the script (Ctrl+Shift+Enter, F5) and run the statement at the cursor (Ctrl+Enter).
    QAction* runAction() const { return m_runAction; }
    QAction* runStatementAction() const { return m_runStatementAction; }
    QAction* cancelAction() const { return m_cancelAction; }
    SqlEditor* sqlEditor() const { return m_editor; }
    // Completion in the editor; its catalog is shared with the other tools on the same pool.
    SqlCompleter* completer() const { return m_completer; }
    FindBar* findBar() const { return m_findBar; }
    QueryFile* file() const { return m_file; }
    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* editMenu() const { return m_editMenu; }
    QMenu* resultsMenu() const { return m_resultsMenu; }

    // The .sql file the text is kept in; empty when untitled.
    QString filePath() const;
    // The .sql files opened or saved last, newest first.
    static QStringList recentFiles();
    // The tab's title: the file's name, else the name the window gave; "•" after it while modified.
    QString title() const;
    void setUntitledTitle(const QString& title);
    // Reads `path` into the tool (its unsaved text is dropped: ask first with confirmClose()); a box says
    // why when it cannot.
    bool openFile(const QString& path);
    // To the tool's file, else where Save as asks.
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    // Edits staged in a result first (TableEditor::confirmClose), then Save / Discard / Cancel when the text
    // has unsaved changes; false: keep the tool open (for now: `resume` is called when a cancelled apply's
    // outcome lets the close go on, TableEditor::confirmClose).
    bool confirmClose(std::function<void()> resume = {});
    // When the window closes: an apply of a result's edits still running is cancelled and its outcome
    // awaited (as for a table tab); false when the user keeps the window open. Staged edits stay journaled.
    bool settleAppliesBeforeClose(std::function<void()> resume = {});
    // Takes in the text a crashed process left (BufferJournal) and says so in Messages.
    void recover(const core::BufferEntry& entry);

    // The result grids of the last run, in statement order.
    QList<QueryResultGrid*> resultGrids() const;
    // The result an export takes: the result tab shown, else the run's first result; nullptr when none.
    QueryResultGrid* currentResultGrid() const;
    // Its rows as the grid holds them (nullptr when none): what a chart of the result draws.
    const PageModel* currentResultModel() const;
    // What the export dialog should warn of for grid's statement: an open transaction in this tab (the
    // export runs on a connection of its own and does not see it); empty when nothing.
    QString exportWarning() const;
    // Opens the export dialog (transfer folder) for a result of this tab: `grid`, else currentResultGrid();
    // nullptr when there is none. The dialog deletes itself when closed. A result tab's Export… calls it.
    ExportDialog* exportResult(QueryResultGrid* grid = nullptr);
    // Pinned results and compares (querytoolpins.cpp). A pinned result is a tab of its own that stays when
    // the query runs again: a plain query read whole on a connection of the pool (READ ONLY), another
    // statement's kept rows. Compare results… compares two result tabs (pinned or not) by a key chosen with
    // the key of the table they come from first; Compare with previous run runs the last two runs' queries
    // now and compares them. Each compare is a tab of the rows that differ.
    void pinResult(QueryResultGrid* grid = nullptr);
    void compareResults();
    void compareWithPreviousRun();
    // Two result tabs in one, side by side, scrolling together.
    void showSideBySide();
    // The pinned and compare tabs (for tests).
    QList<QWidget*> pinnedTabs() const;
    QList<QWidget*> compareTabs() const;
    // The plan of the last Explain (graph, analysis, text, hotspots), if it is still shown; its text tree.
    PlanView* planView() const;
    QTreeWidget* planTree() const;
    // The plan shown before the last Explain of this tab replaced it (what Compare With… compares with).
    std::shared_ptr<const core::Plan> previousPlan() const { return m_previousPlan; }
    // The two plans side by side in a result tab of their own.
    PlanCompareView* comparePlans(std::shared_ptr<const core::Plan> first,
                                  std::shared_ptr<const core::Plan> second, const QString& firstName,
                                  const QString& secondName);
    // The last explained statement planned with a hypothetical index (hypopg) on the filtered columns of
    // plan node `nodeId` (a scan), shown beside the plan without it, with the CREATE INDEX CONCURRENTLY that
    // would build it; nothing is built. Without hypopg the Messages say what to install.
    void tryIndex(int nodeId);
    // Lock analysis (querytoollocks.cpp) of the selection, else the whole script: per statement the lock on
    // each table, rewrites and scans with sizes, the safer pattern, in a Locks tab; nothing runs. `trace`
    // runs it in a transaction that is rolled back and reads what the server took (not on production).
    void analyzeLocks(bool trace = false);
    LockAnalysisView* lockAnalysisView() const;
    // What Explain and Analyze ask for (Buffers, Settings, WAL, Timing: the Analyze button's menu).
    core::ExplainOptions explainOptions() const { return m_explainOptions; }
    void setExplainOptions(const core::ExplainOptions& options);
    // The form asking for the `$n` / `:name` values of the run about to start, while it is open.
    ParametersDialog* parametersDialog() const;
    // The parameter values this tab was given, by name ("customer") or position ("1"); NULL is nullopt.
    QMap<QString, std::optional<QString>> parameterValues() const { return m_parameterValues; }

    bool isRunning() const { return m_running; }
    core::TransactionState transactionState() const { return m_transaction; }
    void setSql(const QString& sql);
    QString sql() const;

    // The selection if there is one, else the whole script.
    void run();
    // The selection if there is one, else the statement under the cursor.
    void runStatementAtCursor();
    // Explain (ANALYZE) of the selection, else of the statement under the cursor.
    void explain(bool analyze);
    void cancel();
    void commit();
    void rollback();
    // Reloads the history list with the search field's text.
    void refreshHistory();

signals:
    void runFinished();
    void explainFinished();
    void whatIfFinished();
    void lockAnalysisFinished();
    void historyLoaded();
    void transactionStateChanged(pgdesk::core::TransactionState state);
    void titleChanged(const QString& title);

protected:
    void changeEvent(QEvent* event) override;

private:
    // How a line of the Messages tab is coloured; the colour is chosen when shown, from the palette of
    // the moment, so a theme switched live recolours what is already there.
    enum class Tone { Plain, Muted, Info, Warning, Error };

    void buildToolbar(QWidget* bar);
    // querytoolfiles.cpp: the File, Edit and Results menus, files, find bar.
    void buildMenus(QWidget* bar);
    void openFileDialog();
    void fillRecentMenu();
    void changedOutside();
    // Asks for the statements' parameter values first when they have any (a cancelled form runs nothing).
    void start(const QList<core::SqlStatement>& statements, qsizetype base, const QString& sql);
    void launch(const QList<core::SqlStatement>& statements, qsizetype base, const QString& sql,
                const QMap<QString, core::Param>& parameters);
    // The values of `names` from the parameters form, then `go` with them (at once when there are none);
    // `cancelled` when the form is cancelled.
    void withParameters(const QStringList& names, std::function<void(const QMap<QString, core::Param>&)> go,
                        std::function<void()> cancelled);
    // Analyze of a statement that may write: refused while a production tab is locked; else asks first
    // (window-modal: its changes are rolled back unless "Keep its changes" is ticked), then `go`.
    void confirmAnalyze(const QString& statement, std::function<void(bool keepChanges)> go);
    void runExplain(const QString& statement, const core::ExplainOptions& options,
                    const QMap<QString, core::Param>& params);
    void buildExplainMenu();
    void compareWithSavedPlan();
    // "250 ms", "1.25 s".
    static QString durationText(qint64 ms);
    static constexpr const char* kPlanTab = "planTab"; // the property that marks the plan's result tab
    static constexpr const char* kLocksTab = "locksTab";
    QString selectionOrScript() const;
    // Before a script runs (querytoolconfirm.cpp): a statement reaching a whole table or dropping an object
    // is asked about with the planner's estimate (UiSettings::confirmSweeping, always on production), and an
    // unlocked production tab asks for the database's name before anything that may write; then
    // checkLocksThenLaunch().
    void confirmThenLaunch(const QList<core::SqlStatement>& statements, qsizetype base, const QString& sql,
                           const QMap<QString, core::Param>& parameters);
    // "DELETE without WHERE deletes every row of shop.pets: about 16 rows by the planner's estimate".
    static QString sweepText(const core::SweepingStatement& sweep, qint64 rows);
    // Before a script with DDL runs: its lock analysis, and when a statement would block or rewrite a table
    // of at least lockWarningBytes() a window-modal question (Run, Show Locks, Cancel); then launch().
    void checkLocksThenLaunch(const QList<core::SqlStatement>& statements, qsizetype base, const QString& sql,
                              const QMap<QString, core::Param>& parameters);
    // QSettings queryTool/lockWarningMiB (default 8; negative: never ask).
    static qint64 lockWarningBytes();
    void showRun(const core::ScriptRun& run, qsizetype base);
    void showFailure(const QString& message, bool connectionLost);
    void setRunning(bool running);
    void setTransactionState(core::TransactionState state);
    void clearResults();
    struct CompareSide;
    struct TwoResults;
    bool chooseTwoResults(const QString& title, TwoResults& out);
    void startCompare(CompareSide left, CompareSide right, const QStringList& key, const QString& leftName,
                      const QString& rightName);
    void addClosableResultTab(QWidget* tab, const QString& title, const QString& tip);
    void message(const QString& text, Tone tone = Tone::Plain);
    void appendMessage(const QString& text, Tone tone);
    void clearMessages();
    QColor toneColor(Tone tone) const;
    void loadHistoryItem(QListWidgetItem* item);

    std::shared_ptr<QuerySession> m_session;
    std::shared_ptr<CompletionSource> m_completionSource;
    SqlCompleter* m_completer = nullptr;
    bool m_catalogDirty = false; // DDL ran in this tab; completion reloads once it is committed
    // A SET search_path ran in this tab: completion reads the session's path after each run until the
    // transaction it ran in is over (a rollback undoes it).
    bool m_searchPathDirty = false;
    JobSlot* m_searchPathJob = nullptr;
    QString m_historyKey;
    QString m_historyPath;
    SqlEditor* m_editor = nullptr;
    FindBar* m_findBar = nullptr;
    QueryFile* m_file = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_resultsMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QString m_untitled;
    QTabWidget* m_results = nullptr;
    QPlainTextEdit* m_messages = nullptr;
    QList<std::pair<QString, Tone>> m_messageLines; // what m_messages shows, to recolour it
    QSplitter* m_split = nullptr;
    QWidget* m_historyPanel = nullptr;
    QLineEdit* m_historySearch = nullptr;
    QListWidget* m_historyList = nullptr;
    QTimer* m_historyTimer = nullptr;
    QCheckBox* m_autocommit = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QLabel* m_transactionLabel = nullptr;
    QLabel* m_status = nullptr;
    QToolButton* m_commit = nullptr;
    QToolButton* m_rollback = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_runStatementAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_explainAction = nullptr;
    QAction* m_analyzeAction = nullptr;
    QAction* m_locksAction = nullptr;
    core::ExplainOptions m_explainOptions;
    std::shared_ptr<const core::Plan> m_lastPlan;     // of the last Explain
    std::shared_ptr<const core::Plan> m_previousPlan; // of the one before it
    QString m_lastStatement;                          // what the last Explain explained, with its values
    QMap<QString, core::Param> m_lastParams;
    bool m_running = false;
    core::TransactionState m_transaction = core::TransactionState::Idle;
    JobSlot* m_historyJob = nullptr; // the history search; a newer one replaces it
    JobSlot* m_compareJob = nullptr; // results being read and compared
    int m_pins = 0;
    int m_compares = 0;
    // The first plain query of the last run and of the one before (what Compare with previous run runs).
    core::QuerySpec m_lastRunQuery;
    core::QuerySpec m_previousRunQuery;
    QPointer<ParametersDialog> m_parametersDialog;
    QMap<QString, std::optional<QString>> m_parameterValues; // remembered for the tab's next runs
};

} // namespace pgdesk::ui
