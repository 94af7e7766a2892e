// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's parameters form and Explain (QueryTool's other half, to keep querytool.cpp short).
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/query/querytool.h>

#include "plan/plantree.h"
#include "query/parametersdialog.h"
#include "query/queryresults.h"
#include "query/querysession.h"
#include "query/sqleditor.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/whatif.h>
#include <pgdesk/core/sqltext/namedparameters.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/plan/plancompareview.h>
#include <pgdesk/ui/plan/planview.h>

#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QTreeWidget>

#include <utility>

namespace pgdesk::ui {

namespace {

// A plan's name in other plans' Compare With menus: its statement's first line, shortened.
QString planName(const QString& statement) {
    const QString first = statement.trimmed().section(QLatin1Char('\n'), 0, 0).simplified();
    return first.size() > 60 ? first.left(59) + QChar(0x2026) : first;
}

} // namespace

PlanView* QueryTool::planView() const {
    for (int i = 0; i < m_results->count(); ++i) {
        if (m_results->widget(i)->property(kPlanTab).toBool())
            return qobject_cast<PlanView*>(m_results->widget(i));
    }
    return nullptr;
}

QTreeWidget* QueryTool::planTree() const {
    PlanView* view = planView();
    return view ? view->textTree() : nullptr;
}

ParametersDialog* QueryTool::parametersDialog() const {
    return m_parametersDialog;
}

void QueryTool::withParameters(const QStringList& names,
                               std::function<void(const QMap<QString, core::Param>&)> go,
                               std::function<void()> cancelled) {
    if (names.isEmpty())
        return go({});
    // Window-modal, not exec(): the event loop (and the tool's workers' replies) keep going.
    auto* dialog = new ParametersDialog(names, m_parameterValues, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_parametersDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, go = std::move(go)] {
        m_parametersDialog = nullptr; // deleted later; a new run may ask again at once
        QMap<QString, core::Param> params;
        const QMap<QString, std::optional<QString>> values = dialog->values();
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            m_parameterValues.insert(it.key(), it.value()); // offered again next time in this tab
            params.insert(it.key(), it.value() ? core::param(*it.value()) : core::nullParam());
        }
        go(params);
    });
    connect(dialog, &QDialog::rejected, this, [this, cancelled = std::move(cancelled)] {
        m_parametersDialog = nullptr;
        message(tr("Cancelled: nothing ran."), Tone::Warning);
        m_status->setText(tr("Cancelled"));
        cancelled();
    });
    dialog->open();
}

void QueryTool::explain(bool analyze) {
    if (m_running)
        return;
    const QTextCursor cursor = m_editor->textCursor();
    const QString text = m_editor->toPlainText();
    QList<core::SqlStatement> statements;
    if (cursor.hasSelection()) {
        statements = core::splitStatements(
            text.mid(cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart()));
    } else {
        const QList<core::SqlStatement> all = core::splitStatements(text);
        const int at = core::statementAt(all, cursor.position());
        if (at >= 0)
            statements << all[at];
    }
    if (statements.isEmpty()) {
        message(tr("Nothing to explain."));
        return;
    }
    const QString statement = statements.first().text;
    if (m_parametersDialog || findChild<QMessageBox*>(QStringLiteral("analyzeConfirm")))
        return; // already asking
    core::ExplainOptions options = m_explainOptions;
    options.analyze = analyze;
    const auto ask = [this, statement, options](bool keepChanges) {
        core::ExplainOptions o = options;
        o.keepChanges = keepChanges;
        withParameters(
            core::boundParameterNames(statement),
            [this, statement, o](const QMap<QString, core::Param>& params) {
                runExplain(statement, o, params);
            },
            [this] { emit explainFinished(); });
    };
    if (analyze && !statements.first().pageable)
        confirmAnalyze(statement, ask);
    else
        ask(false);
}

void QueryTool::confirmAnalyze(const QString& statement, std::function<void(bool keepChanges)> go) {
    if (m_unlock->isGuarded() && !m_unlock->access()) {
        message(tr("Explain Analyze runs the statement, and this one may write: on a production profile "
                   "it needs Unlock writing first. Explain (without Analyze) does not run it."),
                Tone::Warning);
        emit explainFinished();
        return;
    }
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Explain Analyze"),
                        tr("Explain Analyze runs the statement to measure it. Its changes are rolled "
                           "back afterwards (to a savepoint inside your open transaction), unless you "
                           "keep them."),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("analyzeConfirm"));
    box->setDetailedText(statement);
    box->setCheckBox(new QCheckBox(tr("Keep the statement's changes"), box));
    box->checkBox()->setObjectName(QStringLiteral("analyzeKeepChanges"));
    box->addButton(tr("Run and Measure"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, go = std::move(go)] {
        if (box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole) {
            go(box->checkBox()->isChecked());
        } else {
            message(tr("Cancelled: nothing ran."), Tone::Warning);
            emit explainFinished();
        }
    });
    box->open();
}

void QueryTool::setExplainOptions(const core::ExplainOptions& options) {
    m_explainOptions = options;
    m_explainOptions.analyze = false;
    m_explainOptions.keepChanges = false;
    if (!m_analyzeAction || !m_analyzeAction->menu())
        return;
    for (QAction* a : m_analyzeAction->menu()->actions()) {
        const QString name = a->objectName();
        a->setChecked(name == QLatin1String("explainBuffers")    ? options.buffers
                      : name == QLatin1String("explainSettings") ? options.settings
                      : name == QLatin1String("explainWal")      ? options.wal
                      : name == QLatin1String("explainTiming")   ? options.timing
                                                                 : a->isChecked());
    }
}

void QueryTool::buildExplainMenu() {
    // What EXPLAIN shows, remembered for the next tabs.
    QSettings settings;
    m_explainOptions.buffers = settings.value(QStringLiteral("explain/buffers"), true).toBool();
    m_explainOptions.settings = settings.value(QStringLiteral("explain/settings"), false).toBool();
    m_explainOptions.wal = settings.value(QStringLiteral("explain/wal"), false).toBool();
    m_explainOptions.timing = settings.value(QStringLiteral("explain/timing"), true).toBool();
    auto* menu = new QMenu(this);
    const auto option = [&](const QString& text, const QString& name, const QString& key,
                            bool core::ExplainOptions::*field, const QString& tip) {
        QAction* a = menu->addAction(text);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setChecked(m_explainOptions.*field);
        a->setToolTip(tip);
        connect(a, &QAction::toggled, this, [this, key, field](bool on) {
            m_explainOptions.*field = on;
            QSettings().setValue(QStringLiteral("explain/") + key, on);
        });
    };
    option(tr("Buffers"), QStringLiteral("explainBuffers"), QStringLiteral("buffers"),
           &core::ExplainOptions::buffers,
           tr("Shared, local and temporary blocks hit, read, dirtied and written per node"));
    option(tr("Settings"), QStringLiteral("explainSettings"), QStringLiteral("settings"),
           &core::ExplainOptions::settings, tr("The planner settings that differ from their defaults"));
    option(tr("WAL"), QStringLiteral("explainWal"), QStringLiteral("wal"), &core::ExplainOptions::wal,
           tr("Write-ahead log records and bytes per node (Analyze only)"));
    option(tr("Timing"), QStringLiteral("explainTiming"), QStringLiteral("timing"),
           &core::ExplainOptions::timing,
           tr("Time per node (Analyze only; off: counts only, cheaper on a busy server)"));
    menu->setToolTipsVisible(true);
    m_analyzeAction->setMenu(menu);
}

void QueryTool::runExplain(const QString& statement, const core::ExplainOptions& options,
                           const QMap<QString, core::Param>& params) {
    setRunning(true);
    m_status->setText(options.analyze ? tr("Explain Analyze…") : tr("Explain…"));
    struct Explained {
        core::ExplainResult result;
        std::shared_ptr<const core::Plan> plan;
    };
    jobSlot(this, QStringLiteral("explainJob"))
        ->start(
            [session = m_session, statement, options, write = m_unlock->access(),
             params](const std::shared_ptr<core::CancelToken>&) {
                // The tool's Cancel reaches the statement through the session (cancelSession).
                Explained e{session->explain(statement, options, write, params), nullptr};
                e.plan =
                    std::make_shared<const core::Plan>(core::parsePlan(e.result.json)); // off the GUI thread
                return e;
            },
            [this, statement, params](const Explained& e) {
                setRunning(false);
                // A run between two explains removes the plan tab, not what it showed.
                m_previousPlan = std::exchange(m_lastPlan, e.plan);
                m_lastStatement = statement;
                m_lastParams = params;
                PlanView* view = planView();
                if (!view) {
                    view = new PlanView(m_results);
                    view->setProperty(kPlanTab, true);
                    m_results->addTab(view, QString());
                    connect(view, &PlanView::compareRequested, this, &QueryTool::compareWithSavedPlan);
                    connect(view, &PlanView::compareWith, this,
                            [this](std::shared_ptr<const core::Plan> other, const QString& name) {
                                if (PlanView* mine = planView(); mine && mine->plan())
                                    comparePlans(std::move(other), mine->plan(), name, tr("Last plan"));
                            });
                    connect(view, &PlanView::tryIndexRequested, this, &QueryTool::tryIndex);
                    view->setTryIndexAvailable(true); // this tab can plan its statement again
                }
                view->setPlan(e.plan);
                view->setPreviousPlan(m_previousPlan);
                view->setName(planName(statement));
                m_results->setTabText(m_results->indexOf(view),
                                      e.result.analyzed ? tr("Plan (analyzed)") : tr("Plan"));
                m_results->setCurrentWidget(view);
                QString line = e.result.analyzed ? tr("EXPLAIN ANALYZE") : tr("EXPLAIN");
                const QString summary = planTimesSummary(*e.plan);
                if (!summary.isEmpty())
                    line += QStringLiteral(" · ") + summary;
                if (e.result.rolledBack)
                    line += tr(" · the statement's changes were rolled back");
                if (!e.result.sequencesAdvanced.isEmpty())
                    line += tr(" · sequences advanced, which no rollback undoes: %1")
                                .arg(e.result.sequencesAdvanced.join(QStringLiteral(", ")));
                view->setSummary(line);
                message(line + QStringLiteral(" · ") + durationText(e.result.elapsedMs));
                for (const QString& notice : e.result.notices)
                    message(QStringLiteral("    ") + notice, Tone::Info);
                m_status->setText(tr("Plan ready"));
                setTransactionState(e.result.transaction);
                emit explainFinished();
            },
            [this](const BackgroundFailure& failure) {
                setRunning(false);
                showFailure(failure.message, failure.connectionLost);
                emit explainFinished();
            });
}

void QueryTool::tryIndex(int nodeId) {
    PlanView* view = planView();
    if (m_running || !view || !view->plan() || nodeId < 0 || nodeId >= view->plan()->nodes.size() ||
        m_lastStatement.isEmpty())
        return;
    const core::PlanNode& n = view->plan()->nodes[nodeId];
    core::HypotheticalIndex index;
    index.schema = n.schema;
    index.table = n.table;
    for (const auto& [label, condition] :
         n.conditions) // the filter's columns first: what the scan threw away
        if (label == QLatin1String("Filter"))
            index.columns = core::conditionColumns(condition);
    for (const auto& [label, condition] : n.conditions)
        for (const QString& c : core::conditionColumns(condition))
            if (!index.columns.contains(c))
                index.columns << c;
    if (index.table.isEmpty() || index.columns.isEmpty()) {
        message(tr("No column to index in that node's conditions."), Tone::Warning);
        return;
    }
    setRunning(true);
    m_status->setText(tr("Planning with a hypothetical index…"));
    struct WhatIf {
        core::WhatIfOutcome outcome;
        std::shared_ptr<const core::Plan> before;
        std::shared_ptr<const core::Plan> after;
    };
    jobSlot(this, QStringLiteral("whatIfJob"))
        ->start(
            [session = m_session, statement = m_lastStatement, params = m_lastParams,
             index](const std::shared_ptr<core::CancelToken>&) {
                WhatIf w{session->whatIf(statement, index, params), nullptr, nullptr};
                w.before = std::make_shared<const core::Plan>(core::parsePlan(w.outcome.before));
                w.after = std::make_shared<const core::Plan>(core::parsePlan(w.outcome.after));
                return w;
            },
            [this, index](const WhatIf& w) {
                setRunning(false);
                const QString on = index.table + QStringLiteral(" (") +
                                   index.columns.join(QStringLiteral(", ")) + QLatin1Char(')');
                if (!w.outcome.existingIndex.isEmpty()) {
                    message(tr("The table already has an index on %1: %2. The planner chose not to use it "
                               "for this scan (it expects to keep too many rows, or the statistics are old: "
                               "try ANALYZE). Nothing was tried.")
                                .arg(on, w.outcome.existingIndex),
                            Tone::Warning);
                    m_status->setText(tr("An index on these columns exists"));
                    emit whatIfFinished();
                    return;
                }
                PlanCompareView* compare = comparePlans(w.before, w.after, tr("Without the index"),
                                                        tr("With %1").arg(w.outcome.indexName));
                const QString line =
                    w.outcome.used ? tr("With a hypothetical index on %1 the planner uses it (cost %2 → %3). "
                                        "Nothing was "
                                        "built; to build it: %4")
                                         .arg(on, QLocale().toString(w.before->root().totalCost, 'f', 2),
                                              QLocale().toString(w.after->root().totalCost, 'f', 2),
                                              w.outcome.createStatement)
                                   : tr("With a hypothetical index on %1 the planner does not use it: it "
                                        "would not help this "
                                        "statement. Nothing was built.")
                                         .arg(on);
                compare->setNote(line);
                message(line, w.outcome.used ? Tone::Info : Tone::Warning);
                m_status->setText(tr("What-if plan ready"));
                emit whatIfFinished();
            },
            [this](const BackgroundFailure& failure) {
                setRunning(false);
                showFailure(failure.message, failure.connectionLost);
                emit whatIfFinished();
            });
}

void QueryTool::compareWithSavedPlan() {
    PlanView* view = planView();
    if (!view || !view->plan())
        return;
    const QString path = chooseFileToOpen(this, tr("Compare With a Saved Plan"),
                                          tr("Plans (*.json *.txt *.log);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        comparePlans(readPlanFile(path), view->plan(), QFileInfo(path).fileName(), tr("Last plan"));
    } catch (const core::Error& e) {
        message(e.displayText(), Tone::Error);
    }
}

PlanCompareView* QueryTool::comparePlans(std::shared_ptr<const core::Plan> first,
                                         std::shared_ptr<const core::Plan> second, const QString& firstName,
                                         const QString& secondName) {
    for (int i = 0; i < m_results->count(); ++i) // one comparison at a time: the newest
        if (auto* old = qobject_cast<PlanCompareView*>(m_results->widget(i))) {
            m_results->removeTab(i);
            old->deleteLater();
            break;
        }
    auto* compare = new PlanCompareView(m_results);
    compare->setPlans(std::move(first), std::move(second), firstName, secondName);
    m_results->addTab(compare, tr("Plans compared"));
    m_results->setCurrentWidget(compare);
    return compare;
}

} // namespace pgdesk::ui
