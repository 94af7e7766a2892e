// SPDX-License-Identifier: GPL-3.0-or-later
// QueryTool's questions before a run: a statement that reaches a whole table (UPDATE or DELETE without
// WHERE, TRUNCATE) or drops an object, with the planner's estimate of the rows (EXPLAIN, nothing run); and on
// a production profile whose writing is unlocked, the database's name before anything that may write, as
// the grid asks before Apply.
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/query/querytool.h>

#include "query/querysession.h"

#include <pgdesk/core/sqltext/sweeping.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace pgdesk::ui {

QString QueryTool::sweepText(const core::SweepingStatement& sweep, qint64 rows) {
    const QString estimate =
        rows < 0 ? tr("the planner cannot say how many rows")
                 : tr("about %1 rows by the planner's estimate").arg(QLocale().toString(qlonglong(rows)));
    switch (sweep.kind) {
    case core::SweepingStatement::Kind::UpdateAll:
        return tr("UPDATE without WHERE changes every row of %1: %2").arg(sweep.target, estimate);
    case core::SweepingStatement::Kind::DeleteAll:
        return tr("DELETE without WHERE deletes every row of %1: %2").arg(sweep.target, estimate);
    case core::SweepingStatement::Kind::Truncate:
        return tr("TRUNCATE empties %1: %2").arg(sweep.target, estimate);
    case core::SweepingStatement::Kind::Drop:
        return tr("DROP %1").arg(sweep.target);
    }
    return QString();
}

void QueryTool::confirmThenLaunch(const QList<core::SqlStatement>& statements, qsizetype base,
                                  const QString& sql, const QMap<QString, core::Param>& parameters) {
    const core::ConnectionProfile& profile = m_session->pool()->profile();
    const bool production = profile.writeGuarded();
    QList<std::pair<QString, core::SweepingStatement>> sweeps;
    bool writes = false;
    for (const core::SqlStatement& s : statements) {
        if (const auto sweep = core::sweepingStatement(s.text))
            sweeps.append({s.text, *sweep});
        writes = writes || core::statementMayWrite(s);
    }
    // A locked production tab sends writes to a read-only session: the server refuses them, and the refusal
    // says how to unlock. Unlocked, it asks for the database's name as the grid does.
    const bool askName = production && m_unlock->isUnlocked() && writes;
    const bool askSweep =
        !sweeps.isEmpty() && (production ? m_unlock->isUnlocked() : UiSettings::confirmSweeping());
    const auto go = [this, statements, base, sql, parameters] {
        checkLocksThenLaunch(statements, base, sql, parameters);
    };
    if (!askName && !askSweep)
        return go();
    const auto ask = [this, go, askName, database = ProductionConfirmDialog::databaseName(profile),
                      count = statements.size()](const QStringList& lines) {
        const auto cancelled = [this] {
            message(tr("Cancelled: nothing ran."), Tone::Warning);
            emit runFinished();
        };
        if (askName) {
            const QString summary =
                (lines.isEmpty() ? tr("%n statement(s) that may write", nullptr, int(count))
                                 : lines.join(QLatin1Char('\n')));
            auto* dialog = new ProductionConfirmDialog(database, summary, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowModality(Qt::WindowModal);
            connect(dialog, &QDialog::finished, this, [go, cancelled](int result) {
                if (result == QDialog::Accepted)
                    return go();
                cancelled();
            });
            dialog->open();
            return;
        }
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Change every row?"),
                            tr("Nothing has run yet.\n%1\n\nRun it?").arg(lines.join(QLatin1Char('\n'))),
                            QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("sweepWarning"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        QPushButton* run = box->addButton(tr("Run"), QMessageBox::AcceptRole);
        run->setObjectName(QStringLiteral("sweepWarningRun"));
        box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::finished, this, [box, run, go, cancelled] {
            if (box->clickedButton() == run)
                return go();
            cancelled();
        });
        box->open();
    };
    if (sweeps.isEmpty())
        return ask({});
    setRunning(true);
    m_status->setText(tr("Estimating the rows…"));
    jobSlot(this, QStringLiteral("sweepEstimateJob"))
        ->start([session = m_session, sweeps](
                    const std::shared_ptr<core::CancelToken>&) { return session->estimateSweeps(sweeps); },
                [this, sweeps, ask](const QList<qint64>& rows) {
                    setRunning(false);
                    m_status->setText(QString());
                    QStringList lines;
                    for (qsizetype i = 0; i < sweeps.size(); ++i)
                        lines << sweepText(sweeps[i].second, rows.value(i, -1));
                    ask(lines);
                },
                [this](const BackgroundFailure& failure) {
                    setRunning(false);
                    showFailure(failure.message, failure.connectionLost);
                    emit runFinished();
                });
}

} // namespace pgdesk::ui
