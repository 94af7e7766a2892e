// SPDX-License-Identifier: GPL-3.0-or-later
// QueryTool's pinned results and result compares: Pin keeps a result in a tab of its own (read whole on a
// pooled connection, READ ONLY, on the job pool); Compare results… and Compare with previous run read what
// is not pinned yet and compare the two by a key (core::compareResults) on the job pool, then show the rows
// that differ in a tab.
#include <pgdesk/ui/query/querytool.h>

#include "query/queryresults.h"
#include "query/querysession.h"
#include "query/resultpins.h"

#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <pgdesk/core/browse/pinnedresult.h>
#include <pgdesk/core/compare/resultcompare.h>
#include <pgdesk/core/session/pool.h>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

namespace pgdesk::ui {

// One side of a compare: a result already pinned, or a plain query to read now.
struct QueryTool::CompareSide {
    std::shared_ptr<const core::PinnedResult> pinned;
    core::QuerySpec query;
};

struct QueryTool::TwoResults {
    CompareSide left;
    CompareSide right;
    QString leftName;
    QString rightName;
    QStringList columns;      // the left's, for the key
    QStringList suggestedKey; // the table's row key when a grid knows it, else the first column
};

namespace {

struct Compared {
    std::shared_ptr<const core::PinnedResult> left;
    std::shared_ptr<const core::PinnedResult> right;
    std::shared_ptr<const core::ResultComparison> comparison;
};

std::shared_ptr<const core::PinnedResult> read(core::Connection& connection, const core::QuerySpec& query) {
    return std::make_shared<core::PinnedResult>(core::pinQuery(connection, query.sql, query.sqlParams));
}

// On a worker: both sides' rows, each read from the server unless it is pinned already.
template <class Side>
Compared readBoth(core::Pool& pool, const Side& left, const Side& right,
                  const std::shared_ptr<core::CancelToken>& cancel) {
    Compared out{left.pinned, right.pinned, {}};
    if (!out.left || !out.right) {
        auto connection = pool.acquire();
        const core::CancelToken::Scope scope(cancel, *connection);
        if (!out.left)
            out.left = read(*connection, left.query);
        if (!out.right)
            out.right = read(*connection, right.query);
    }
    return out;
}

// The key columns, checked in a list of the left result's columns (the suggestion checked first).
QStringList chooseKey(QWidget* parent, const QStringList& columns, const QStringList& suggested) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QueryTool::tr("Compare by key"));
    auto* list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("compareKeyList"));
    for (const QString& c : columns) {
        auto* item = new QListWidgetItem(c, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(suggested.contains(c) ? Qt::Checked : Qt::Unchecked);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(QueryTool::tr("The columns that identify a row in both results:"), &dialog));
    layout->addWidget(list);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QStringList key;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            key << list->item(i)->text();
    return key;
}

} // namespace

void QueryTool::addClosableResultTab(QWidget* tab, const QString& title, const QString& tip) {
    const int index = m_results->addTab(tab, title);
    m_results->setTabToolTip(index, tip);
    auto* close = new QToolButton(m_results);
    close->setObjectName(QStringLiteral("closeResultTab"));
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close this tab"));
    close->setAccessibleName(tr("Close %1").arg(title));
    connect(close, &QToolButton::clicked, tab, [this, tab] {
        m_results->removeTab(m_results->indexOf(tab));
        tab->deleteLater();
    });
    m_results->tabBar()->setTabButton(index, QTabBar::RightSide, close);
    m_results->setCurrentIndex(index);
}

QList<QWidget*> QueryTool::pinnedTabs() const {
    QList<QWidget*> out;
    for (int i = 0; i < m_results->count(); ++i)
        if (qobject_cast<PinnedResultView*>(m_results->widget(i)))
            out << m_results->widget(i);
    return out;
}

QList<QWidget*> QueryTool::compareTabs() const {
    QList<QWidget*> out;
    for (int i = 0; i < m_results->count(); ++i)
        if (qobject_cast<ResultCompareView*>(m_results->widget(i)))
            out << m_results->widget(i);
    return out;
}

void QueryTool::pinResult(QueryResultGrid* grid) {
    if (!grid)
        grid = currentResultGrid();
    if (!grid)
        return;
    const int number = ++m_pins;
    const auto show = [this, number](std::shared_ptr<const core::PinnedResult> pinned) {
        auto* view = new PinnedResultView(pinned, m_results);
        addClosableResultTab(view, tr("Pinned %1").arg(number), pinned->sql.left(500));
        message(tr("Pinned %n row(s) as \"Pinned %1\".", nullptr,
                   int(std::min<qint64>(pinned->rowCount(), INT_MAX)))
                    .arg(number));
    };
    if (!grid->isPaged()) { // the rows kept are all there is; the statement is not run again
        show(pinnedFromModel(*grid->model(), grid->sql()));
        return;
    }
    message(tr("Pinning: reading the whole result (read only)…"));
    // A job of its own: pinning another result meanwhile must not cancel this one.
    auto* job = new JobSlot(this);
    job->start(
        [pool = grid->pool(), query = grid->exportSpec()](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return read(*connection, query);
        },
        [show, job](std::shared_ptr<const core::PinnedResult> pinned) {
            show(std::move(pinned));
            job->deleteLater();
        },
        [this, job](const BackgroundFailure& failure) {
            message(tr("Not pinned: %1").arg(failure.message), Tone::Error);
            job->deleteLater();
        });
}

bool QueryTool::chooseTwoResults(const QString& title, TwoResults& out) {
    // Every result tab: the pinned ones and the last run's.
    QList<QWidget*> tabs;
    QStringList names;
    for (int i = 0; i < m_results->count(); ++i) {
        QWidget* w = m_results->widget(i);
        if (qobject_cast<PinnedResultView*>(w) || qobject_cast<QueryResultGrid*>(w)) {
            tabs << w;
            names << m_results->tabText(i);
        }
    }
    if (tabs.size() < 2) {
        message(tr("%1 needs two results: pin one, run again, then choose them.").arg(title), Tone::Error);
        return false;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(title);
    auto* left = new QComboBox(&dialog);
    left->setObjectName(QStringLiteral("compareLeft"));
    auto* right = new QComboBox(&dialog);
    right->setObjectName(QStringLiteral("compareRight"));
    left->addItems(names);
    right->addItems(names);
    // Most often: the last result pinned against the run's first result (what the query gives now).
    int lastPinned = -1, firstRun = -1;
    for (int i = 0; i < tabs.size(); ++i) {
        if (qobject_cast<PinnedResultView*>(tabs[i]))
            lastPinned = i;
        else if (firstRun < 0)
            firstRun = i;
    }
    left->setCurrentIndex(lastPinned >= 0 ? lastPinned : 0);
    right->setCurrentIndex(firstRun >= 0 && firstRun != left->currentIndex() ? firstRun
                                                                             : int(tabs.size()) - 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("&Left:"), left);
    form->addRow(tr("&Right:"), right);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || left->currentIndex() == right->currentIndex())
        return false;
    const auto sideOf = [](QWidget* w) {
        CompareSide side;
        if (auto* pinned = qobject_cast<PinnedResultView*>(w))
            side.pinned = pinned->result();
        else if (auto* grid = qobject_cast<QueryResultGrid*>(w); grid && !grid->isPaged())
            side.pinned = pinnedFromModel(*grid->model(), grid->sql());
        else if (grid)
            side.query = grid->exportSpec();
        return side;
    };
    QWidget* l = tabs[left->currentIndex()];
    QWidget* r = tabs[right->currentIndex()];
    out.left = sideOf(l);
    out.right = sideOf(r);
    out.leftName = names[left->currentIndex()];
    out.rightName = names[right->currentIndex()];
    // The key: the table's row key when a grid knows it, else the first column.
    for (QWidget* w : {l, r}) {
        if (auto* grid = qobject_cast<QueryResultGrid*>(w)) {
            if (out.suggestedKey.isEmpty())
                out.suggestedKey = grid->keyColumns();
            if (out.columns.isEmpty())
                for (const core::PageColumn& c : grid->model()->page().columns)
                    out.columns << c.name;
        } else if (auto* pinned = qobject_cast<PinnedResultView*>(w); pinned && out.columns.isEmpty()) {
            out.columns = pinned->result()->columnNames();
        }
    }
    if (out.suggestedKey.isEmpty() && !out.columns.isEmpty())
        out.suggestedKey = {out.columns.first()};
    return true;
}

void QueryTool::compareResults() {
    TwoResults two;
    if (!chooseTwoResults(tr("Compare results"), two))
        return;
    const QStringList key = chooseKey(this, two.columns, two.suggestedKey);
    if (key.isEmpty())
        return;
    startCompare(two.left, two.right, key, two.leftName, two.rightName);
}

void QueryTool::showSideBySide() {
    TwoResults two;
    if (!chooseTwoResults(tr("Results side by side"), two))
        return;
    m_compareJob->start(
        [pool = m_session->pool(), left = two.left,
         right = two.right](const std::shared_ptr<core::CancelToken>& cancel) {
            return readBoth(*pool, left, right, cancel);
        },
        [this, two](const Compared& done) {
            auto* view = new SideBySideView(done.left, done.right, two.leftName, two.rightName, m_results);
            addClosableResultTab(view, tr("%1 | %2").arg(two.leftName, two.rightName),
                                 tr("%1 and %2 side by side").arg(two.leftName, two.rightName));
        },
        [this](const BackgroundFailure& failure) {
            message(tr("Not shown: %1").arg(failure.message), Tone::Error);
        });
}

void QueryTool::compareWithPreviousRun() {
    if (m_previousRunQuery.sql.isEmpty() || m_lastRunQuery.sql.isEmpty()) {
        message(tr("Compare with previous run needs two runs of a query: edit it, run it, then compare."),
                Tone::Error);
        return;
    }
    QueryResultGrid* grid = resultGrids().value(0);
    QStringList key = grid ? grid->keyColumns() : QStringList();
    if (key.isEmpty()) {
        QStringList columns;
        if (grid)
            for (const core::PageColumn& c : grid->model()->page().columns)
                columns << c.name;
        key = chooseKey(this, columns, columns.mid(0, 1));
        if (key.isEmpty())
            return;
    }
    startCompare(CompareSide{nullptr, m_previousRunQuery}, CompareSide{nullptr, m_lastRunQuery}, key,
                 tr("the previous run"), tr("this run"));
}

void QueryTool::startCompare(CompareSide left, CompareSide right, const QStringList& key,
                             const QString& leftName, const QString& rightName) {
    message(tr("Comparing %1 and %2 by %3…").arg(leftName, rightName, key.join(QStringLiteral(", "))));
    m_compareJob->start(
        [pool = m_session->pool(), left, right, key](const std::shared_ptr<core::CancelToken>& cancel) {
            Compared out = readBoth(*pool, left, right, cancel);
            out.comparison =
                std::make_shared<core::ResultComparison>(core::compareResults(*out.left, *out.right, key));
            return out;
        },
        [this, leftName, rightName](const Compared& done) {
            const int number = ++m_compares;
            auto* view = new ResultCompareView(done.left, done.right, *done.comparison, leftName, rightName,
                                               m_results);
            addClosableResultTab(view, tr("Compare %1").arg(number), view->summary()->text());
            message(view->summary()->text());
        },
        [this](const BackgroundFailure& failure) {
            message(tr("Not compared: %1").arg(failure.message), Tone::Error);
        });
}

} // namespace pgdesk::ui
