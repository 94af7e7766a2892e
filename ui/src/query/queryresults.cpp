// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/queryresults.h"

#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/grid/celltext.h>

#include "query/querysession.h"
#include "query/resulteditability.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>

#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/griddelegate.h>
#include <pgdesk/ui/grid/gridpreferences.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QGuiApplication>

#include <QAction>
#include <QClipboard>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

QueryResultGrid::QueryResultGrid(std::shared_ptr<QuerySession> session, const core::StatementResult& result,
                                 QWidget* parent)
    : QWidget(parent)
    , m_pool(session->pool())
    , m_session(std::move(session))
    , m_spec(result.spec)
    , m_table(result.table)
    , m_sql(result.sql)
    , m_paged(result.paged)
    , m_truncated(result.truncated)
    , m_rowCount(result.rowCount)
    , m_statementIndex(result.index) {
    m_load = new JobSlot(this); // first: nothing below may load before it exists
    m_describe = new JobSlot(this);
    m_model = new PageModel(this);
    m_view = new QTableView(this);
    m_view->setItemDelegate(new GridDelegate(m_view));
    m_view->setObjectName(QStringLiteral("resultView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Result rows of statement %1").arg(result.index + 1));
    followGridPreferences(m_view, m_model);
    // Copy as the table tab copies (TSV of the selection, Ctrl+C; with the column names, Ctrl+Shift+C), and a
    // context menu that shows those keys.
    const auto copyAction = [this](const QString& text, const QKeySequence& key, bool headers) {
        auto* a = new QAction(themedIcon(QStringLiteral("edit-copy")), text, m_view);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, [this, headers] {
            const QModelIndexList cells = m_view->selectionModel()->selectedIndexes();
            if (!cells.isEmpty())
                QGuiApplication::clipboard()->setText(cellsAsTsv(*m_model, cells, headers));
        });
        m_view->addAction(a);
        return a;
    };
    QAction* copy = copyAction(tr("Copy"), QKeySequence::Copy, false);
    QAction* copyWithNames =
        copyAction(tr("Copy with column names"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            [this, copy, copyWithNames](const QPoint& pos) {
                if (!m_view->indexAt(pos).isValid())
                    return;
                auto* menu = new QMenu(this);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->addAction(copy);
                menu->addAction(copyWithNames);
                const auto copyAs = [this](CopyAsFormat format) {
                    const QString text = selectionAs(format);
                    if (!text.isEmpty())
                        QGuiApplication::clipboard()->setText(text);
                };
                addCopyAsMenu(menu, copyAs,
                              selectsOneCell(*m_view)
                                  ? std::function<void(CopyAsFormat)>([this, copyAs](CopyAsFormat f) {
                                        m_view->selectAll();
                                        copyAs(f);
                                    })
                                  : std::function<void(CopyAsFormat)>());
                if (m_editor) // an editable result: Set NULL / DEFAULT, delete rows… as in a table tab
                    m_editor->addMenuActions(menu, m_view->indexAt(pos));
                menu->popup(m_view->viewport()->mapToGlobal(pos));
            });

    m_range = new QLabel(this);
    m_range->setObjectName(QStringLiteral("resultRange"));
    const auto button = [this](const QString& text, const QString& tip, void (QueryResultGrid::*slot)()) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    // Arrows point the way the rows' order reads: mirrored right to left. Only glyphs every common UI font
    // has (DejaVu Sans, Noto, Segoe UI): U+23EE ⏮ is in none of them and showed as an empty box. The
    // same signs as the table tab's pager.
    const bool rtl = QGuiApplication::isRightToLeft();
    m_first = button(rtl ? QStringLiteral("▶|") : QStringLiteral("|◀"), tr("First page"),
                     &QueryResultGrid::firstPage);
    m_previous = button(rtl ? QStringLiteral("▶") : QStringLiteral("◀"), tr("Previous page"),
                        &QueryResultGrid::previousPage);
    m_next =
        button(rtl ? QStringLiteral("◀") : QStringLiteral("▶"), tr("Next page"), &QueryResultGrid::nextPage);
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("resultExportButton"));
    m_export->setText(tr("Export…"));
    m_export->setIcon(themedIcon(QStringLiteral("document-export")));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setAutoRaise(true);
    m_export->setToolTip(tr("Export this result to a file (the statement runs again)"));
    m_export->setAccessibleName(tr("Export this result"));
    connect(m_export, &QToolButton::clicked, this, &QueryResultGrid::exportRequested);
    auto* pin = new QToolButton(this);
    pin->setObjectName(QStringLiteral("resultPinButton"));
    pin->setText(tr("Pin"));
    pin->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    pin->setAutoRaise(true);
    pin->setToolTip(
        m_paged ? tr("Keep this result in a tab of its own (the query is read whole again, read only)")
                : tr("Keep this result's rows in a tab of its own"));
    connect(pin, &QToolButton::clicked, this, &QueryResultGrid::pinRequested);
    m_readOnly = new QLabel(this);
    m_readOnly->setObjectName(QStringLiteral("resultReadOnly"));
    m_readOnly->setVisible(false);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_first);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_range, 1);
    bar->addWidget(m_readOnly);
    bar->addWidget(pin);
    bar->addWidget(m_export);
    for (QWidget* w :
         {static_cast<QWidget*>(m_first), static_cast<QWidget*>(m_previous), static_cast<QWidget*>(m_next)})
        w->setVisible(m_paged);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);

    m_model->setPage(result.page);
    m_view->resizeColumnsToContents();
    updateControls();
    if (m_paged)
        describeEditability(result.page);
    else
        setReadOnly(tr("Read-only: only the rows of a plain query can be edited."));
}

QString QueryResultGrid::rangeText() const {
    const core::Page& page = m_model->page();
    const qlonglong rows = m_model->pageRowCount();
    const QLocale locale;
    if (rows == 0)
        return m_load->isRunning() ? tr("Loading…") : tr("No rows");
    if (!m_paged) {
        return m_truncated
                   ? tr("first %1 of %2 rows shown").arg(locale.toString(rows), locale.toString(m_rowCount))
                   : tr("%1 row(s)", nullptr, int(rows)).arg(locale.toString(rows));
    }
    const qint64 first = (m_pageNumber - 1) * m_spec.page.pageSize + 1;
    const QString span = tr("rows %1–%2").arg(locale.toString(first), locale.toString(first + rows - 1));
    if (!page.total)
        return span;
    return tr("%1 of %2%3")
        .arg(span, page.totalIsEstimate ? QStringLiteral("≈ ") : QString(), locale.toString(*page.total));
}

void QueryResultGrid::updateControls() {
    const core::Page& page = m_model->page();
    const qint64 rows = m_model->pageRowCount();
    const qint64 shownEnd = (m_pageNumber - 1) * m_spec.page.pageSize + rows;
    const bool more = rows >= m_spec.page.pageSize && !m_atEnd &&
                      (!page.total || page.totalIsEstimate || shownEnd < *page.total);
    m_first->setEnabled(!m_load->isRunning() && m_pageNumber > 1);
    m_previous->setEnabled(!m_load->isRunning() && m_pageNumber > 1);
    m_next->setEnabled(!m_load->isRunning() && more);
    m_range->setText(m_load->isRunning() ? tr("Loading…") : rangeText());
    m_model->setFirstRowNumber(m_paged ? (m_pageNumber - 1) * m_spec.page.pageSize + 1 : 1);
}

void QueryResultGrid::firstPage() {
    load(1);
}

void QueryResultGrid::previousPage() {
    load(std::max<qint64>(1, m_pageNumber - 1));
}

void QueryResultGrid::nextPage() {
    load(m_pageNumber + 1);
}

core::QuerySpec QueryResultGrid::exportSpec() const {
    core::QuerySpec spec;
    // The whole result, not the page: no paging, no count. A paged query as it ran (`:name` rewritten to $n,
    // with its values).
    spec.sql = m_paged ? m_spec.sql : m_sql;
    if (m_paged)
        spec.sqlParams = m_spec.sqlParams;
    return spec;
}

QStringList QueryResultGrid::keyColumns() const {
    if (!m_editability || !m_editability->editable)
        return {};
    QStringList out;
    for (const QString& k : m_editability->table.conventions.rowKey) {
        const qsizetype i = m_editability->columns.indexOf(k);
        if (i < 0 || i >= m_table.columns.size())
            return {};
        out << m_table.columns[i].name;
    }
    return out;
}

std::shared_ptr<core::Pool> QueryResultGrid::pool() const {
    return m_pool;
}

QString QueryResultGrid::selectionAs(CopyAsFormat format) const {
    const QModelIndexList cells = selectionBlock(*m_view);
    // An editable result inserts into its table (its columns carry the table's names); any other result
    // has no table to insert into: "query" stands for it, for the user to edit.
    core::TableInfo target;
    target.kind = core::RelationKind::Query;
    if (m_editability && m_editability->editable)
        target = m_editability->table;
    const core::TableInfo& described = m_paged ? m_table : target;
    return cellsAs(format, *m_model, cells, columnInfosFor(m_model->page().columns, described), target);
}

bool QueryResultGrid::isLoading() const {
    return m_load->isRunning();
}

void QueryResultGrid::load(qint64 pageNumber) {
    if (!m_paged)
        return;
    core::QuerySpec spec = m_spec;
    spec.page.pageNumber = pageNumber;
    m_load->start(
        [weak = m_session, spec, table = m_table, editing = m_editability,
         pool = m_pool](const std::shared_ptr<core::CancelToken>& token) {
            const auto session = weak.lock();
            if (!session)
                core::throwError(core::ErrorKind::Connection, QStringLiteral("the query tool was closed"));
            core::Page page = session->fetchPage(spec, table);
            if (!editing || !editing->editable)
                return page;
            const core::LocalSettings settings = session->outputSettings();
            core::PooledConnection connection = pool->acquire();
            const core::CancelToken::Scope scope(token, *connection);
            QList<QString> versions = editing->readVersions(*connection, page, settings);
            return editing->editablePage(std::move(page), std::move(versions));
        },
        [this, pageNumber](core::Page page) {
            if (page.rows.isEmpty() && pageNumber > 1) {
                m_atEnd = true; // the estimate promised more than there is: stay on this page
            } else {
                m_atEnd = pageNumber < m_pageNumber ? false : m_atEnd;
                m_pageNumber = pageNumber;
                m_model->setPage(std::move(page));
            }
            updateControls();
            emit pageLoaded();
        },
        [this](const BackgroundFailure& failure) {
            updateControls();
            m_range->setText(failure.message);
            emit loadFailed(failure.message);
        });
    updateControls();
}

bool QueryResultGrid::confirmClose(std::function<void()> resume) {
    return !m_editor || m_editor->confirmClose(std::move(resume));
}

void QueryResultGrid::reload() {
    load(m_pageNumber);
}

bool QueryResultGrid::isEditabilityKnown() const {
    return m_editability != nullptr;
}

bool QueryResultGrid::isEditable() const {
    return m_editability && m_editability->editable;
}

QString QueryResultGrid::readOnlyReason() const {
    return m_editability ? m_editability->reason : QString();
}

void QueryResultGrid::setReadOnly(const QString& reason) {
    ResultEditability readOnly;
    readOnly.reason = reason;
    m_editability = std::make_shared<const ResultEditability>(std::move(readOnly));
    m_readOnly->setText(reason);
    m_readOnly->setToolTip(reason);
    m_readOnly->setVisible(true);
    emit editabilityKnown();
}

void QueryResultGrid::describeEditability(const core::Page& first) {
    // Told by the result's description alone (several tables, a computed column): no round trip.
    if (const QString refusal = ResultEditability::shapeRefusal(m_table); !refusal.isEmpty()) {
        setReadOnly(refusal);
        return;
    }
    struct Described {
        ResultEditability editability;
        core::Page first; // with the rows' versions, read right after the catalog
    };
    m_describe->start(
        [pool = m_pool, weak = m_session, result = m_table,
         first](const std::shared_ptr<core::CancelToken>& token) {
            // The settings the first page was printed with, first: the user's next run takes the session.
            const auto session = weak.lock();
            if (!session)
                core::throwError(core::ErrorKind::Connection, QStringLiteral("the query tool was closed"));
            const core::LocalSettings settings = session->outputSettings();
            // On a connection of its own: the tool's session may be inside the user's transaction.
            core::PooledConnection connection = pool->acquire();
            const core::CancelToken::Scope scope(token, *connection);
            Described d{ResultEditability::describe(*connection, result), {}};
            if (!d.editability.editable)
                return d;
            d.first =
                d.editability.editablePage(first, d.editability.readVersions(*connection, first, settings));
            return d;
        },
        [this](Described d) {
            if (!d.editability.editable) {
                setReadOnly(d.editability.reason);
                return;
            }
            m_editability = std::make_shared<const ResultEditability>(std::move(d.editability));
            // The first page as described, unless another one is shown or on its way: that one runs again.
            const bool firstShown = m_pageNumber == 1 && !m_load->isRunning();
            becomeEditable(firstShown ? std::optional<core::Page>(std::move(d.first)) : std::nullopt);
        },
        [this](const BackgroundFailure& failure) { setReadOnly(tr("Read-only: %1").arg(failure.message)); });
}

void QueryResultGrid::becomeEditable(std::optional<core::Page> first) {
    m_editor = new TableEditor(m_pool, m_model, m_view, this);
    m_editor->setObjectName(QStringLiteral("resultEditor"));
    m_editor->setWriteUnlock(m_unlock);
    static_cast<QVBoxLayout*>(layout())->insertWidget(0, m_editor);
    connect(m_editor, &TableEditor::reloadRequested, this, &QueryResultGrid::reload);
    const core::Conventions& conventions = m_editability->table.conventions;
    m_model->setSoftDelete(conventions.softDelete, conventions.softDeleteColumn);
    if (first)
        m_model->setPage(std::move(*first));
    else
        load(m_pageNumber);
    m_editor->setTable(m_editability->table);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->installEventFilter(this);
    emit editabilityKnown();
}

// Ctrl+S and Ctrl+Z are the query tool's too (save the file, undo in the editor): in an editable grid they
// apply and undo staged changes, taken before the tool's shortcuts see them (two would be ambiguous).
bool QueryResultGrid::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && m_editor &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool save = key->matches(QKeySequence::Save);
        const bool undo = key->matches(QKeySequence::Undo);
        if (save || undo) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                if (save)
                    m_editor->apply();
                else
                    m_editor->undo();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pgdesk::ui
