// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/visual/chartview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/paint/chartpainter.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

constexpr int kMaxRowsDrawn = 5000; // groups read from the server; more are said on the chart

paint::ChartStyle styleFor(const QWidget* widget) {
    const QPalette p = widget->palette();
    paint::ChartStyle style =
        p.color(QPalette::Window).lightness() < 128 ? paint::ChartStyle::dark() : paint::ChartStyle::light();
    style.font = widget->font();
    style.direction = widget->layoutDirection();
    return style;
}

} // namespace

// The drawing: the painter paints into the widget, and what it drew answers the mouse.
class ChartCanvas final : public QWidget {
public:
    explicit ChartCanvas(ChartView* owner)
        : QWidget(owner)
        , m_owner(owner) {
        setMouseTracking(true);
        setMinimumSize(320, 200);
        setObjectName(QStringLiteral("chartCanvas"));
        setAccessibleName(ChartView::tr("Chart"));
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        m_painter.paint(p, rect(), m_owner->data(), m_owner->type(), styleFor(this));
    }
    void mouseMoveEvent(QMouseEvent* event) override {
        const auto hit = m_painter.pointAt(event->position());
        if (!hit) {
            QToolTip::hideText();
            return;
        }
        const QString text = hit->seriesName.isEmpty()
                                 ? QStringLiteral("%1: %2").arg(hit->xText, hit->yText)
                                 : QStringLiteral("%1\n%2: %3").arg(hit->seriesName, hit->xText, hit->yText);
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }

private:
    ChartView* m_owner;
    paint::ChartPainter m_painter;
};

ChartView::ChartView(std::shared_ptr<core::Pool> pool, core::TableInfo table, core::QuerySpec view,
                     QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_table(std::move(table))
    , m_view(std::move(view)) {
    // The view's page and sort do not shape a chart: groups come in X order.
    m_view.sort.clear();
    build();
    QStringList names;
    QStringList types;
    for (const core::ColumnInfo& c : m_table.columns) {
        names << c.name;
        types << c.typeName;
    }
    fillColumns(names, types);
    chooseDefaults();
    refresh();
}

ChartView::ChartView(QList<core::ChartColumn> columns, QList<QStringList> rows, QString note, QWidget* parent)
    : QWidget(parent)
    , m_columns(std::move(columns))
    , m_rows(std::move(rows))
    , m_note(std::move(note)) {
    build();
    QStringList names;
    QStringList types;
    for (const core::ChartColumn& c : m_columns) {
        names << c.name;
        types << c.typeName;
    }
    fillColumns(names, types);
    chooseDefaults();
    refresh();
}

ChartView::~ChartView() = default;

void ChartView::build() {
    setObjectName(QStringLiteral("chartView"));
    m_job = new JobSlot(this);
    m_type = new QComboBox(this);
    for (const auto& [label, t] : {std::pair{QT_TR_NOOP("Bar"), core::ChartType::Bar},
                                   {QT_TR_NOOP("Line"), core::ChartType::Line},
                                   {QT_TR_NOOP("Area"), core::ChartType::Area},
                                   {QT_TR_NOOP("Scatter"), core::ChartType::Scatter},
                                   {QT_TR_NOOP("Pie"), core::ChartType::Pie}})
        m_type->addItem(tr(label), int(t));
    m_x = new QComboBox(this);
    m_bucket = new QComboBox(this);
    for (const auto& [label, b] : {std::pair{QT_TR_NOOP("each value"), core::TimeBucket::None},
                                   {QT_TR_NOOP("minute"), core::TimeBucket::Minute},
                                   {QT_TR_NOOP("hour"), core::TimeBucket::Hour},
                                   {QT_TR_NOOP("day"), core::TimeBucket::Day},
                                   {QT_TR_NOOP("week"), core::TimeBucket::Week},
                                   {QT_TR_NOOP("month"), core::TimeBucket::Month},
                                   {QT_TR_NOOP("quarter"), core::TimeBucket::Quarter},
                                   {QT_TR_NOOP("year"), core::TimeBucket::Year}})
        m_bucket->addItem(tr(label), int(b));
    m_aggregate = new QComboBox(this);
    for (const auto& [label, a] : {std::pair{QT_TR_NOOP("sum"), core::ChartAggregate::Sum},
                                   {QT_TR_NOOP("average"), core::ChartAggregate::Avg},
                                   {QT_TR_NOOP("count"), core::ChartAggregate::Count},
                                   {QT_TR_NOOP("minimum"), core::ChartAggregate::Min},
                                   {QT_TR_NOOP("maximum"), core::ChartAggregate::Max},
                                   {QT_TR_NOOP("the values themselves"), core::ChartAggregate::None}})
        m_aggregate->addItem(tr(label), int(a));
    m_group = new QComboBox(this);
    m_ys = new QListWidget(this);
    m_ys->setMaximumHeight(m_ys->fontMetrics().height() * 5);
    m_ys->setAccessibleName(tr("Y columns"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_canvas = new ChartCanvas(this);
    for (QComboBox* box : {m_type, m_x, m_bucket, m_aggregate, m_group})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                refresh();
        });
    connect(m_ys, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            refresh();
    });
    auto* save = new QPushButton(tr("Save as…"), this);
    connect(save, &QPushButton::clicked, this, &ChartView::saveAs);
    auto* copy = new QPushButton(tr("Copy"), this);
    connect(copy, &QPushButton::clicked, this, &ChartView::copyImage);

    auto* form = new QFormLayout;
    form->addRow(tr("Chart"), m_type);
    form->addRow(tr("X"), m_x);
    if (isServerSide()) {
        form->addRow(tr("X in steps of"), m_bucket);
        form->addRow(tr("Y is the"), m_aggregate);
    } else {
        m_bucket->hide();
        m_aggregate->hide();
    }
    form->addRow(tr("Y"), m_ys);
    form->addRow(tr("One series per"), m_group);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(copy);
    buttons->addStretch(1);
    auto* side = new QVBoxLayout;
    side->addLayout(form);
    side->addLayout(buttons);
    side->addWidget(m_status);
    side->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(side);
    layout->addWidget(m_canvas, 1);
}

void ChartView::fillColumns(const QStringList& names, const QStringList& types) {
    const QSignalBlocker bx(m_x), bg(m_group), by(m_ys);
    m_group->addItem(tr("(none)"), QString());
    for (int i = 0; i < names.size(); ++i) {
        m_x->addItem(names[i], names[i]);
        m_x->setItemData(i, types[i], Qt::ToolTipRole);
        m_group->addItem(names[i], names[i]);
        if (core::isNumericType(types[i])) {
            auto* item = new QListWidgetItem(names[i], m_ys);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setData(Qt::UserRole, names[i]);
        }
    }
    auto* count = new QListWidgetItem(tr("number of rows"), m_ys);
    count->setFlags(count->flags() | Qt::ItemIsUserCheckable);
    count->setCheckState(Qt::Unchecked);
    count->setData(Qt::UserRole, QStringLiteral("*"));
    if (!isServerSide())
        count->setHidden(true); // fetched rows are drawn as they are: nothing to count
}

// X: the first date or timestamp (a time series), else the first text column; Y: the first number that is
// no key, else the row count.
void ChartView::chooseDefaults() {
    m_updating = true;
    int x = -1;
    for (int i = 0; i < m_x->count() && x < 0; ++i)
        if (core::axisKindForType(m_x->itemData(i, Qt::ToolTipRole).toString()) == core::AxisKind::Time)
            x = i;
    for (int i = 0; i < m_x->count() && x < 0; ++i)
        if (core::axisKindForType(m_x->itemData(i, Qt::ToolTipRole).toString()) == core::AxisKind::Category)
            x = i;
    m_x->setCurrentIndex(std::max(0, x));
    // A measure, not an identifier: decimals first, then integers that are no key or "…id" column.
    QListWidgetItem* y = nullptr;
    for (const bool decimalsOnly : {true, false}) {
        for (int i = 0; i < m_ys->count() && !y; ++i) {
            QListWidgetItem* item = m_ys->item(i);
            const QString name = item->data(Qt::UserRole).toString();
            const int column = m_x->findData(name);
            const QString type = column >= 0 ? m_x->itemData(column, Qt::ToolTipRole).toString() : QString();
            const bool integer = type.startsWith(QLatin1String("int")) ||
                                 type.contains(QLatin1String("integer")) || type == QLatin1String("bigint") ||
                                 type == QLatin1String("smallint");
            const bool identifier = m_table.conventions.rowKey.contains(name) ||
                                    name.endsWith(QLatin1String("id"), Qt::CaseInsensitive);
            if (item->isHidden() || name == m_x->currentData().toString() || name == QLatin1String("*") ||
                identifier || (decimalsOnly && integer))
                continue;
            y = item;
        }
    }
    if (!y && isServerSide())
        y = m_ys->item(m_ys->count() - 1);
    if (y)
        y->setCheckState(Qt::Checked);
    const bool time = core::axisKindForType(m_x->itemData(m_x->currentIndex(), Qt::ToolTipRole).toString()) ==
                      core::AxisKind::Time;
    m_bucket->setCurrentIndex(
        m_bucket->findData(int(time ? core::TimeBucket::Month : core::TimeBucket::None)));
    m_type->setCurrentIndex(m_type->findData(int(time ? core::ChartType::Line : core::ChartType::Bar)));
    m_updating = false;
}

core::ChartType ChartView::type() const {
    return core::ChartType(m_type->currentData().toInt());
}

bool ChartView::isLoading() const {
    return m_job->isRunning();
}

QString ChartView::statusText() const {
    return m_status->text();
}

QWidget* ChartView::canvas() const {
    return m_canvas;
}

void ChartView::setType(core::ChartType type) {
    m_type->setCurrentIndex(m_type->findData(int(type)));
}

void ChartView::setX(const QString& column) {
    m_x->setCurrentIndex(m_x->findData(column));
}

void ChartView::setYs(const QStringList& columns) {
    m_updating = true;
    for (int i = 0; i < m_ys->count(); ++i)
        m_ys->item(i)->setCheckState(
            columns.contains(m_ys->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    m_updating = false;
    refresh();
}

void ChartView::setGroup(const QString& column) {
    m_group->setCurrentIndex(std::max(0, m_group->findData(column)));
}

void ChartView::setBucket(core::TimeBucket bucket) {
    m_bucket->setCurrentIndex(m_bucket->findData(int(bucket)));
}

void ChartView::setAggregate(core::ChartAggregate aggregate) {
    m_aggregate->setCurrentIndex(m_aggregate->findData(int(aggregate)));
}

void ChartView::updateControls() {
    const bool time = core::axisKindForType(m_x->itemData(m_x->currentIndex(), Qt::ToolTipRole).toString()) ==
                      core::AxisKind::Time;
    m_bucket->setEnabled(time);
}

void ChartView::refresh() {
    updateControls();
    QStringList ys;
    for (int i = 0; i < m_ys->count(); ++i)
        if (m_ys->item(i)->checkState() == Qt::Checked)
            ys << m_ys->item(i)->data(Qt::UserRole).toString();
    if (ys.isEmpty()) {
        m_status->setText(tr("Choose at least one Y column."));
        display({});
        return;
    }
    const QString x = m_x->currentData().toString();
    const QString group = m_group->currentData().toString();
    if (!isServerSide()) {
        core::ChartOptions options;
        for (int c = 0; c < m_columns.size(); ++c) {
            if (m_columns[c].name == x)
                options.xColumn = c;
            if (m_columns[c].name == group)
                options.groupColumn = c;
            if (ys.contains(m_columns[c].name))
                options.yColumns << c;
        }
        core::ChartData data = core::chartDataFromRows(m_columns, m_rows, options);
        data.subtitle = m_note;
        data.xLabel = x;
        m_status->setText(
            tr("%n row(s) of the result, as the grid fetched them.", nullptr, int(m_rows.size())));
        display(std::move(data));
        return;
    }
    core::ChartQuerySpec spec;
    spec.xColumn = x;
    spec.groupColumn = group;
    spec.maxRows = kMaxRowsDrawn;
    if (m_bucket->isEnabled())
        spec.bucket = core::TimeBucket(m_bucket->currentData().toInt());
    const auto aggregate = core::ChartAggregate(m_aggregate->currentData().toInt());
    for (const QString& y : std::as_const(ys))
        spec.series << core::ChartSeriesSpec{y == QLatin1String("*") ? QString() : y,
                                             y == QLatin1String("*") ? core::ChartAggregate::Count
                                                                     : aggregate};
    if (aggregate == core::ChartAggregate::None && ys.contains(QStringLiteral("*"))) {
        m_status->setText(tr("The number of rows needs an aggregate: choose sum, count or another."));
        display({});
        return;
    }
    // A huge table is drawn twice: first from a sample of its pages (an estimate, in a fraction of the
    // time), then exactly; the estimate says so on the chart until the exact one replaces it.
    spec.samplePercent = core::chartSamplePercent(m_table);
    readChart(spec, x);
}

void ChartView::readChart(const core::ChartQuerySpec& spec, const QString& xLabel) {
    core::ChartQuery query;
    try {
        query = core::buildChartQuery(m_view, m_table, spec);
    } catch (const core::Error& e) {
        m_status->setText(e.info().message);
        display({});
        return;
    }
    const bool estimate = spec.samplePercent > 0;
    if (!estimate)
        m_lastSql = query.query.sql;
    if (!estimate || m_data.series.isEmpty())
        m_status->setText(tr("Reading…"));
    QList<core::ChartColumn> columns;
    for (int c = 0; c < query.columns.size(); ++c)
        columns << core::ChartColumn{query.columns[c], query.types[c]};
    for (int i = 0; i < query.yIndexes.size(); ++i) { // series named by what they show
        const core::ChartSeriesSpec& s = spec.series[i];
        columns[query.yIndexes[i]].name =
            s.column.isEmpty() ? tr("number of rows")
            : s.aggregate == core::ChartAggregate::None
                ? s.column
                : QStringLiteral("%1(%2)").arg(core::chartAggregateName(s.aggregate), s.column);
    }
    m_job->start(
        [pool = m_pool, query, columns](const std::shared_ptr<core::CancelToken>& token) {
            auto connection = pool->acquire();
            core::CancelToken::Scope scope(token, *connection);
            const core::Result r = connection->exec(query.query.sql, query.query.params);
            QList<QStringList> rows;
            const int kept = std::min(r.rowCount(), kMaxRowsDrawn);
            for (int i = 0; i < kept; ++i) {
                QStringList row;
                for (int c = 0; c < r.columnCount(); ++c)
                    row << (r.isNull(i, c) ? QString() : r.text(i, c));
                rows << row;
            }
            core::ChartOptions options;
            options.groupColumn = query.groupIndex;
            options.yColumns = query.yIndexes;
            core::ChartData data = core::chartDataFromRows(columns, rows, options);
            return std::pair{data, r.rowCount()};
        },
        [this, xLabel, spec, aggregated = query.aggregated](const std::pair<core::ChartData, int>& result) {
            core::ChartData data = result.first;
            data.xLabel = xLabel;
            if (result.second > kMaxRowsDrawn)
                data.subtitle = aggregated
                                    ? tr("the first %1 groups of more").arg(QLocale().toString(kMaxRowsDrawn))
                                    : tr("the first %1 rows of more").arg(QLocale().toString(kMaxRowsDrawn));
            if (spec.samplePercent > 0) {
                const QString estimate = tr("estimated from %1 % of the table; the exact chart follows…")
                                             .arg(QLocale().toString(spec.samplePercent, 'g', 2));
                data.subtitle =
                    data.subtitle.isEmpty() ? estimate : data.subtitle + QStringLiteral("; ") + estimate;
                m_status->setText(tr("An estimate from a sample; reading every row…"));
                m_estimate = true;
                display(std::move(data));
                core::ChartQuerySpec exact = spec;
                exact.samplePercent = 0;
                readChart(exact, xLabel);
                return;
            }
            m_status->setText(
                tr("%n group(s) read from the server.", nullptr, std::min(result.second, kMaxRowsDrawn)));
            m_estimate = false;
            display(std::move(data));
        },
        [this](const BackgroundFailure& failure) {
            m_status->setText(failure.message);
            m_estimate = false;
            display({});
        });
}

void ChartView::display(core::ChartData data) {
    m_data = std::move(data);
    if (m_data.title.isEmpty())
        m_data.title = isServerSide() ? m_table.qualifiedName() : QString();
    m_canvas->update();
    emit chartUpdated();
}

bool ChartView::saveImage(const QString& path, QString* error) {
    paint::ChartPainter painter;
    return painter.save(path, m_data, type(), styleFor(this), m_canvas->size().expandedTo(QSize(640, 400)),
                        devicePixelRatioF(), error);
}

void ChartView::copyImage() {
    paint::ChartPainter painter;
    QApplication::clipboard()->setImage(
        painter.renderImage(m_data, type(), styleFor(this), m_canvas->size(), devicePixelRatioF()));
}

void ChartView::saveAs() {
    const QString path = chooseFileToSave(this, tr("Save chart"), m_data.title + QStringLiteral(".png"),
                                          tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveImage(path, &error))
        m_status->setText(tr("Not saved: %1").arg(error));
    else
        m_status->setText(tr("Saved %1.").arg(path));
}

} // namespace pgdesk::ui
