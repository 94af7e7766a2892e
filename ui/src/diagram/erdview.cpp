// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/diagram/erdview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/diagram/erdformat.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/paint/erdpainter.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/diagram/erdcanvas.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSaveFile>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace pgdesk::ui {

namespace {

struct Diagram {
    core::ErdGraph graph;
    core::ErdLayout layout;
    qint64 readMs = 0;
    qint64 layoutMs = 0;
};

Diagram laidOut(core::ErdGraph graph, const QFont& font, bool collapsed) {
    Diagram d;
    paint::ErdStyle style;
    style.font = font;
    const paint::ErdPainter painter(style);
    QElapsedTimer timer;
    timer.start();
    d.layout = core::layoutErd(graph, painter.boxSizes(graph, collapsed), painter.layoutOptions(collapsed));
    d.layoutMs = timer.elapsed();
    d.graph = std::move(graph);
    return d;
}

} // namespace

ErdView::ErdView(std::shared_ptr<core::Pool> pool, ErdScope scope, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_scope(std::move(scope))
    , m_job(new JobSlot(this))
    , m_canvas(new ErdCanvas(this))
    , m_find(new QLineEdit(this))
    , m_depth(new QSpinBox(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("erdView"));
    m_find->setObjectName(QStringLiteral("erdFind"));
    m_find->setPlaceholderText(tr("Find a table…"));
    m_find->setAccessibleName(tr("Find a table"));
    m_find->setClearButtonEnabled(true);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (!focusTable(m_find->text()))
            addTable(m_find->text()); // not in the diagram: bring it in
    });
    const bool neighbourhood = m_scope.schemas.isEmpty() && m_scope.tables.size() == 1;
    m_depth->setRange(0, 10);
    m_depth->setValue(m_scope.depth);
    m_depth->setPrefix(tr("Depth "));
    m_depth->setToolTip(tr("Tables within this many foreign-key steps of %1, either way")
                            .arg(neighbourhood ? m_scope.tables.first().second : QString()));
    m_depth->setVisible(neighbourhood);
    connect(m_depth, &QSpinBox::valueChanged, this, [this](int depth) {
        m_scope.depth = depth;
        const auto [schema, table] = m_scope.tables.first();
        load([schema, table, depth](core::Connection& c) {
            return core::readErdNeighbourhood(c, schema, table, depth);
        });
    });
    auto* grow = new QToolButton(this);
    grow->setText(tr("Grow"));
    grow->setToolTip(tr("Add the tables next to the selected one"));
    connect(grow, &QToolButton::clicked, this, [this] { growSelected(1); });
    m_collapse = new QAction(tr("Names only"), this);
    m_collapse->setCheckable(true);
    m_collapse->setToolTip(tr("Show each table as its name only"));
    connect(m_collapse, &QAction::toggled, this, &ErdView::setCollapsed);
    auto* collapse = new QToolButton(this);
    collapse->setDefaultAction(m_collapse);
    auto* fitButton = new QToolButton(this);
    fitButton->setText(tr("Fit"));
    fitButton->setToolTip(tr("Show the whole diagram"));
    connect(fitButton, &QToolButton::clicked, this, &ErdView::fit);
    auto* exportButton = new QToolButton(this);
    exportButton->setIcon(themedIcon(QStringLiteral("document-export")));
    exportButton->setText(tr("Export…"));
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setToolTip(tr("Save the diagram as SVG, PNG, Mermaid or DOT"));
    connect(exportButton, &QToolButton::clicked, this, &ErdView::exportAs);
    m_status->setObjectName(QStringLiteral("erdStatus"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_find, 1);
    bar->addWidget(m_depth);
    bar->addWidget(grow);
    bar->addWidget(collapse);
    bar->addWidget(fitButton);
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    connect(m_canvas, &ErdCanvas::tableClicked, this, &ErdView::selectTable);
    connect(m_canvas, &ErdCanvas::tableActivated, this, [this](int t) {
        if (t >= 0 && t < m_graph.tables.size())
            emit openTableRequested(m_graph.tables[t].schema, m_graph.tables[t].name);
    });
    connect(m_canvas, &ErdCanvas::contextMenuRequested, this, &ErdView::showContextMenu);

    ErdScope s = m_scope;
    load([s](core::Connection& c) {
        if (!s.schemas.isEmpty())
            return core::readErdSchemas(c, s.schemas);
        if (s.tables.size() == 1)
            return core::readErdNeighbourhood(c, s.tables.first().first, s.tables.first().second, s.depth);
        return core::readErdTables(c, s.tables);
    });
}

ErdView::~ErdView() = default;

bool ErdView::isLoading() const {
    return m_job->isRunning();
}

QString ErdView::statusText() const {
    return m_status->text();
}

void ErdView::load(std::function<core::ErdGraph(core::Connection&)> read) {
    m_status->setText(tr("Reading the catalog…"));
    m_job->start(
        [pool = m_pool, read = std::move(read), font = font(),
         collapsed = m_collapsed](const std::shared_ptr<core::CancelToken>& token) {
            QElapsedTimer timer;
            timer.start();
            core::ErdGraph graph;
            {
                auto connection = pool->acquire();
                core::CancelToken::Scope scope(token, *connection);
                graph = read(*connection);
            }
            const qint64 readMs = timer.elapsed();
            Diagram d = laidOut(std::move(graph), font, collapsed);
            d.readMs = readMs;
            return d;
        },
        [this](const Diagram& d) {
            const QString selected = m_selected >= 0 && m_selected < m_graph.tables.size()
                                         ? m_graph.tables[m_selected].qualifiedName()
                                         : QString();
            const bool first = m_graph.isEmpty();
            m_graph = d.graph;
            m_layout = d.layout;
            m_selected = -1;
            for (int i = 0; i < m_graph.tables.size(); ++i) {
                if (m_graph.tables[i].qualifiedName() == selected)
                    m_selected = i;
            }
            m_canvas->setDiagram(&m_graph, &m_layout, m_collapsed);
            m_canvas->setHighlighted(m_selected >= 0 ? QSet<int>{m_selected} : QSet<int>{});
            QStringList names;
            for (const core::ErdTable& t : std::as_const(m_graph.tables))
                names << t.qualifiedName() << t.name;
            names.removeDuplicates();
            auto* completer = new QCompleter(names, m_find);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setFilterMode(Qt::MatchContains);
            m_find->setCompleter(completer);
            m_status->setText(tr("%n table(s), %1 foreign key(s); read in %2 ms, laid out in %3 ms.", nullptr,
                                 int(m_graph.tables.size()))
                                  .arg(m_graph.edges.size())
                                  .arg(d.readMs)
                                  .arg(d.layoutMs));
            if (first || !m_layout.bounds.contains(m_canvas->center()))
                fit();
            if (!m_focusWhenReady.isEmpty())
                focusTable(std::exchange(m_focusWhenReady, QString()));
            emit diagramReady();
        },
        [this](const BackgroundFailure& failure) {
            m_focusWhenReady.clear();
            m_status->setText(failure.message);
        });
}

void ErdView::addTable(const QString& name) {
    const QString text = name.trimmed();
    if (text.isEmpty())
        return;
    const auto parts = core::splitQualifiedName(text);
    QString schema;
    QString table;
    if (parts && parts->size() == 2) {
        schema = parts->at(0);
        table = parts->at(1);
    } else {
        table = parts && parts->size() == 1 ? parts->at(0) : text;
        schema = m_selected >= 0              ? m_graph.tables[m_selected].schema
                 : !m_graph.isEmpty()         ? m_graph.tables.first().schema
                 : !m_scope.schemas.isEmpty() ? m_scope.schemas.first()
                                              : QStringLiteral("public");
    }
    QList<std::pair<QString, QString>> chosen;
    for (const core::ErdTable& t : std::as_const(m_graph.tables))
        chosen.append({t.schema, t.name});
    chosen.append({schema, table});
    m_focusWhenReady = schema + QLatin1Char('.') + table;
    load([chosen](core::Connection& c) { return core::readErdTables(c, chosen); });
}

void ErdView::relayout() {
    const core::ErdGraph graph = m_graph;
    load([graph](core::Connection&) { return graph; });
}

bool ErdView::focusTable(const QString& name) {
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return false;
    int found = -1;
    // The qualified name, then the bare name exactly, then ignoring case, then any name containing it.
    const QList<std::function<bool(const core::ErdTable&)>> tests{
        [&](const core::ErdTable& t) { return t.qualifiedName() == wanted; },
        [&](const core::ErdTable& t) { return t.name == wanted; },
        [&](const core::ErdTable& t) { return t.name.compare(wanted, Qt::CaseInsensitive) == 0; },
        [&](const core::ErdTable& t) { return t.qualifiedName().contains(wanted, Qt::CaseInsensitive); },
    };
    for (const auto& test : tests) {
        for (int i = 0; found < 0 && i < m_graph.tables.size(); ++i) {
            if (test(m_graph.tables[i]))
                found = i;
        }
    }
    if (found < 0)
        return false;
    selectTable(found);
    m_canvas->setView(m_layout.boxes[found].center(), std::max<qreal>(m_canvas->zoom(), 0.8));
    return true;
}

void ErdView::selectTable(int table) {
    m_selected = table >= 0 && table < m_graph.tables.size() ? table : -1;
    m_canvas->setHighlighted(m_selected >= 0 ? QSet<int>{m_selected} : QSet<int>{});
    if (m_selected >= 0)
        m_status->setText(m_graph.tables[m_selected].qualifiedName());
}

void ErdView::growSelected(int depth) {
    if (m_selected < 0) {
        m_status->setText(tr("Select a table first: Grow adds the tables next to it."));
        return;
    }
    const core::ErdGraph graph = m_graph;
    const int table = m_selected;
    load([graph, table, depth](core::Connection& c) { return core::readErdGrown(c, graph, table, depth); });
}

void ErdView::setCollapsed(bool collapsed) {
    if (collapsed == m_collapsed)
        return;
    m_collapsed = collapsed;
    const QSignalBlocker block(m_collapse);
    m_collapse->setChecked(collapsed);
    relayout(); // boxes change size: laid out again, on the worker
}

void ErdView::fit() {
    m_canvas->fit();
}

namespace {

// SVG, PNG, Mermaid or DOT by the path's extension; an empty string when written, else why not. Plain values
// only, so the menu's export runs it on a worker: a PNG of thousands of tables takes a while to draw.
QString writeDiagram(const QString& path, const core::ErdGraph& graph, const core::ErdLayout& layout,
                     bool collapsed, const QFont& font) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    QString error;
    if (suffix == QLatin1String("svg") || suffix == QLatin1String("png")) {
        paint::ErdStyle style = paint::ErdStyle::light();
        style.font = font;
        if (!paint::ErdPainter(style).save(path, graph, layout, collapsed, &error) && error.isEmpty())
            error = ErdView::tr("Not saved: %1").arg(path);
        return error;
    }
    const bool dot = suffix == QLatin1String("dot") || suffix == QLatin1String("gv");
    if (!dot && suffix != QLatin1String("mmd") && suffix != QLatin1String("mermaid"))
        return ErdView::tr("Choose .svg, .png, .mmd (Mermaid) or .dot (Graphviz).");
    const QByteArray text = (dot ? core::erdToDot(graph, collapsed) : core::erdToMermaid(graph)).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace

bool ErdView::exportTo(const QString& path, QString* error) {
    const QString why = writeDiagram(path, m_graph, m_layout, m_collapsed, font());
    if (error)
        *error = why;
    return why.isEmpty();
}

void ErdView::exportAs() {
    const QString path =
        chooseFileToSave(this, tr("Export diagram"), QStringLiteral("diagram.svg"),
                         tr("SVG drawing (*.svg);;PNG image (*.png);;Mermaid (*.mmd);;Graphviz DOT (*.dot)"));
    if (path.isEmpty())
        return;
    m_status->setText(tr("Saving %1…").arg(path));
    jobSlot(this, QStringLiteral("export"))
        ->start(
            [path, graph = m_graph, layout = m_layout, collapsed = m_collapsed,
             font = font()](const std::shared_ptr<core::CancelToken>&) {
                return writeDiagram(path, graph, layout, collapsed, font);
            },
            [this, path](const QString& error) {
                m_status->setText(error.isEmpty() ? tr("Saved %1.").arg(path)
                                                  : tr("Not saved: %1").arg(error));
            },
            [this](const BackgroundFailure& failure) {
                m_status->setText(tr("Not saved: %1").arg(failure.message));
            });
}

void ErdView::showContextMenu(int table, QPoint global) {
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (table >= 0 && table < m_graph.tables.size()) {
        selectTable(table);
        const QString schema = m_graph.tables[table].schema;
        const QString name = m_graph.tables[table].name;
        menu->addAction(themedIcon(QStringLiteral("table")), tr("Open"), this,
                        [this, schema, name] { emit openTableRequested(schema, name); });
        menu->addAction(themedIcon(QStringLiteral("view-list-details")), tr("Structure"), this,
                        [this, schema, name] { emit structureRequested(schema, name); });
        menu->addAction(themedIcon(QStringLiteral("document-edit")), tr("Design…"), this,
                        [this, schema, name] { emit designRequested(schema, name); });
        menu->addAction(tr("Grow: add the tables next to it"), this, [this] { growSelected(1); });
        menu->addAction(themedIcon(QStringLiteral("edit-copy")), tr("Copy name"), this, [schema, name] {
            QApplication::clipboard()->setText(schema + QLatin1Char('.') + name);
        });
        menu->addSeparator();
    }
    menu->addAction(m_collapse);
    menu->addAction(tr("Fit"), this, &ErdView::fit);
    menu->addAction(themedIcon(QStringLiteral("document-export")), tr("Export…"), this, &ErdView::exportAs);
    menu->popup(global);
}

} // namespace pgdesk::ui
