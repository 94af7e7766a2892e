// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/visual/geometrylayer.h>
#include <pgdesk/ui/visual/geometryview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/visual/chartdata.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace pgdesk::ui {

class GeometryCanvas final : public QWidget {
public:
    explicit GeometryCanvas(GeometryView* owner)
        : QWidget(owner)
        , m_owner(owner) {
        setMouseTracking(true);
        setMinimumSize(320, 240);
        setObjectName(QStringLiteral("geometryCanvas"));
        setAccessibleName(GeometryView::tr("Geometry"));
        setBackgroundRole(QPalette::Base);
        setAutoFillBackground(true);
    }

    void setFeatures(QList<core::GeometryFeature> features, QList<GeometryShape> shapes) {
        m_features = std::move(features);
        m_shapes = std::move(shapes);
        if (m_selected >= m_features.size())
            m_selected = -1;
        update();
    }

    // The visible box in data units.
    core::GeoBounds extent() const {
        const QRectF r = toData().mapRect(QRectF(rect()));
        core::GeoBounds b;
        b.add(core::GeoPoint{r.left(), r.top()});
        b.add(core::GeoPoint{r.right(), r.bottom()});
        return b;
    }
    void show(const core::GeoBounds& box) {
        if (box.isEmpty())
            return;
        m_center = QPointF((box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2);
        const double w = std::max(box.width(), 1e-9);
        const double h = std::max(box.height(), 1e-9);
        m_scale = std::min((width() - 2 * kMargin) / w, (height() - 2 * kMargin) / h);
        if (!std::isfinite(m_scale) || m_scale <= 0)
            m_scale = 1;
        update();
    }
    double unitsPerPixel() const { return 1 / m_scale; }
    int featureAt(QPointF pos) const {
        const QPointF d = toData().map(pos);
        const double tolerance = 5 / m_scale;
        for (int i = int(m_shapes.size()) - 1; i >= 0; --i) {
            const GeometryShape& s = m_shapes[i];
            if (!s.bounds.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(d) &&
                s.infinite.isEmpty())
                continue;
            if (!s.area.isEmpty() && s.area.contains(d))
                return i;
            for (const QPointF& p : s.points)
                if (std::hypot(p.x() - d.x(), p.y() - d.y()) <= tolerance)
                    return i;
            if (!s.lines.isEmpty()) {
                QPainterPathStroker stroker;
                stroker.setWidth(2 * tolerance);
                if (stroker.createStroke(s.lines).contains(d))
                    return i;
            }
            for (const auto& [a, b, c] : s.infinite)
                if (std::abs(a * d.x() + b * d.y() + c) / std::hypot(a, b) <= tolerance)
                    return i;
        }
        return -1;
    }
    void setSelected(int feature) {
        m_selected = feature;
        update();
    }
    int selected() const { return m_selected; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing, m_shapes.size() < 20000); // speed first for big layers
        drawAxes(p);
        const QTransform t = toScreen();
        const QColor accent = palette().color(QPalette::Highlight);
        const QColor fill(accent.red(), accent.green(), accent.blue(), 60);
        QPen pen(accent.darker(130), 0); // cosmetic: one pixel at any zoom
        pen.setCosmetic(true);
        const QRectF visible = toData().mapRect(QRectF(rect()));
        for (int i = 0; i < m_shapes.size(); ++i)
            drawGeometryShape(p, t, m_shapes[i], visible, pen, fill, 5);
        if (m_selected >= 0) {
            QPen selectedPen(palette().color(QPalette::Text), 2.5);
            selectedPen.setCosmetic(true);
            drawGeometryShape(p, t, m_shapes[m_selected], visible, selectedPen, QColor(255, 200, 0, 120), 8);
        }
    }
    void mousePressEvent(QMouseEvent* event) override {
        m_press = event->position();
        m_dragged = false;
    }
    void mouseMoveEvent(QMouseEvent* event) override {
        if (event->buttons() & Qt::LeftButton) {
            const QPointF delta = event->position() - m_press;
            if (delta.manhattanLength() > 2 || m_dragged) {
                m_dragged = true;
                m_center -= QPointF(delta.x() / m_scale, -delta.y() / m_scale);
                m_press = event->position();
                update();
                m_owner->m_settle->start();
            }
            return;
        }
        const int i = featureAt(event->position());
        if (i < 0) {
            QToolTip::hideText();
            return;
        }
        QStringList lines;
        const core::GeometryFeature& f = m_features[i];
        for (int c = 0; c < f.hover.size() && c < m_owner->m_hover.size(); ++c)
            lines << QStringLiteral("%1: %2").arg(m_owner->m_hover[c], f.hover[c].left(200));
        lines << f.geometry.typeName;
        QToolTip::showText(event->globalPosition().toPoint(), lines.join(QLatin1Char('\n')), this);
    }
    void mouseReleaseEvent(QMouseEvent* event) override {
        if (!m_dragged)
            m_owner->select(featureAt(event->position()));
    }
    void wheelEvent(QWheelEvent* event) override {
        const QPointF before = toData().map(event->position());
        const double factor = std::pow(1.0015, event->angleDelta().y());
        m_scale = std::clamp(m_scale * factor, 1e-12, 1e12);
        const QPointF after = toData().map(event->position());
        m_center += before - after; // the point under the mouse stays there
        update();
        m_owner->m_settle->start();
    }

private:
    static constexpr double kMargin = 48; // room for the axes' labels

    QTransform toScreen() const {
        QTransform t;
        t.translate(width() / 2.0, height() / 2.0);
        t.scale(m_scale, -m_scale); // y grows upwards, as on a map
        t.translate(-m_center.x(), -m_center.y());
        return t;
    }
    QTransform toData() const { return toScreen().inverted(); }

    void drawAxes(QPainter& p) {
        const core::GeoBounds box = extent();
        if (box.isEmpty())
            return;
        const QColor grid = palette().color(QPalette::Mid);
        const QColor text = palette().color(QPalette::PlaceholderText);
        p.setFont(font());
        const QTransform t = toScreen();
        const bool rtl = layoutDirection() == Qt::RightToLeft;
        const core::NiceTicks xs = core::niceTicks(box.xmin, box.xmax, std::max(2, width() / 110));
        for (const double x : xs.ticks) {
            const double sx = t.map(QPointF(x, 0)).x();
            p.setPen(QPen(grid, 0, Qt::DotLine));
            p.drawLine(QPointF(sx, 0), QPointF(sx, height()));
            p.setPen(text);
            p.drawText(QRectF(sx - 60, height() - 18, 120, 16), Qt::AlignCenter,
                       QLocale().toString(x, 'f', xs.decimals));
        }
        const core::NiceTicks ys = core::niceTicks(box.ymin, box.ymax, std::max(2, height() / 60));
        for (const double y : ys.ticks) {
            const double sy = t.map(QPointF(0, y)).y();
            p.setPen(QPen(grid, 0, Qt::DotLine));
            p.drawLine(QPointF(0, sy), QPointF(width(), sy));
            p.setPen(text);
            const QRectF label = rtl ? QRectF(width() - 104, sy - 8, 100, 16) : QRectF(4, sy - 8, 100, 16);
            p.drawText(label, (rtl ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                       QLocale().toString(y, 'f', ys.decimals));
        }
    }

    GeometryView* m_owner;
    QList<core::GeometryFeature> m_features;
    QList<GeometryShape> m_shapes;
    QPointF m_center;
    double m_scale = 1;
    QPointF m_press;
    bool m_dragged = false;
    int m_selected = -1;
};

GeometryView::GeometryView(std::shared_ptr<core::Pool> pool, core::TableInfo table, core::QuerySpec view,
                           QString column, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_table(std::move(table))
    , m_view(std::move(view))
    , m_extentJob(new JobSlot(this))
    , m_featureJob(new JobSlot(this))
    , m_column(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_canvas(new GeometryCanvas(this))
    , m_settle(new QTimer(this)) {
    setObjectName(QStringLiteral("geometryView"));
    m_settle->setSingleShot(true);
    m_settle->setInterval(250);
    connect(m_settle, &QTimer::timeout, this, &GeometryView::readFeatures);
    for (const QString& c : drawableColumns(m_table))
        m_column->addItem(c, c);
    m_column->setAccessibleName(tr("Geometry column"));
    connect(m_column, &QComboBox::currentIndexChanged, this, [this] { fit(); });
    auto* fitButton = new QPushButton(tr("Fit"), this);
    fitButton->setToolTip(tr("Show the whole extent"));
    connect(fitButton, &QPushButton::clicked, this, &GeometryView::fit);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Column"), this));
    top->addWidget(m_column);
    top->addWidget(fitButton);
    top->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_canvas, 1);
    if (!column.isEmpty())
        m_column->setCurrentIndex(std::max(0, m_column->findData(column)));
    if (m_column->count() == 0)
        m_status->setText(tr("%1 has no geometry column to draw.").arg(m_table.qualifiedName()));
    else
        QTimer::singleShot(0, this, &GeometryView::fit); // once the canvas has its size
}

GeometryView::~GeometryView() = default;

QStringList GeometryView::drawableColumns(const core::TableInfo& table) {
    QStringList names;
    for (const core::ColumnInfo& c : table.columns)
        if (core::geometryColumnKind(c.typeName).isDrawable())
            names << c.name;
    return names;
}

void GeometryView::setColumn(const QString& column) {
    m_column->setCurrentIndex(m_column->findData(column));
}

QString GeometryView::column() const {
    return m_column->currentData().toString();
}

core::GeoBounds GeometryView::extent() const {
    return m_canvas->extent();
}

int GeometryView::featureCount() const {
    return int(features().size());
}

bool GeometryView::hasMore() const {
    return m_more;
}

int GeometryView::srid() const {
    return m_srid;
}

bool GeometryView::isLoading() const {
    return m_extentJob->isRunning() || m_featureJob->isRunning();
}

QString GeometryView::statusText() const {
    return m_status->text();
}

QWidget* GeometryView::canvas() const {
    return m_canvas;
}

const QList<core::GeometryFeature>& GeometryView::features() const {
    return m_loaded;
}

int GeometryView::featureAt(QPointF position) const {
    return m_canvas->featureAt(position);
}

QStringList GeometryView::rowKeyOf(int feature) const {
    if (feature < 0 || feature >= m_loaded.size())
        return {};
    return m_loaded[feature].hover.mid(0, m_table.conventions.rowKey.size());
}

int GeometryView::selectedFeature() const {
    return m_canvas->selected();
}

void GeometryView::select(int feature) {
    m_canvas->setSelected(feature);
    if (feature >= 0 && !m_table.conventions.rowKey.isEmpty())
        emit rowSelected(rowKeyOf(feature));
}

void GeometryView::selectRow(const QStringList& keyValues) {
    for (int i = 0; i < m_loaded.size(); ++i) {
        if (rowKeyOf(i) == keyValues) {
            m_canvas->setSelected(i);
            return;
        }
    }
    m_canvas->setSelected(-1);
}

void GeometryView::fit() {
    const QString name = column();
    if (name.isEmpty())
        return;
    const core::ColumnInfo* c = m_table.column(name);
    m_kind = core::geometryColumnKind(c ? c->typeName : QString());
    // Hovering shows the row key first (a click selects by it), then the other columns but the drawn one.
    m_hover = m_table.conventions.rowKey;
    for (const core::ColumnInfo& col : m_table.columns)
        if (col.name != name && !m_hover.contains(col.name) &&
            !core::geometryColumnKind(col.typeName).isDrawable())
            m_hover << col.name;
    m_hover = m_hover.mid(0, 12);
    readExtent();
}

void GeometryView::readExtent() {
    m_status->setText(tr("Reading the extent…"));
    core::GeometryFilter filter;
    try {
        filter = core::geometryFilterFromSpec(m_view, m_table);
    } catch (const core::Error& e) {
        m_status->setText(e.info().message);
        return;
    }
    const core::GeometryExtentQuery q = core::buildGeometryExtentQuery(
        m_table.schema, m_table.name, column(), m_kind, filter.where.isEmpty(), filter);
    m_extentJob->start(
        [pool = m_pool, q](const std::shared_ptr<core::CancelToken>& token) {
            auto connection = pool->acquire();
            core::CancelToken::Scope scope(token, *connection);
            return core::readGeometryExtent(connection->exec(q.sql, q.params));
        },
        [this](const core::GeometryExtent& extent) {
            m_srid = extent.srid;
            if (extent.bounds.isEmpty()) {
                m_status->setText(tr("Nothing to draw: every value is NULL or empty."));
                m_loaded.clear();
                m_canvas->setFeatures({}, {});
                emit featuresLoaded();
                return;
            }
            m_canvas->show(extent.bounds);
            readFeatures();
        },
        [this](const BackgroundFailure& failure) { m_status->setText(failure.message); });
}

void GeometryView::setExtent(const core::GeoBounds& box) {
    m_canvas->show(box);
    readFeatures();
}

void GeometryView::readFeatures() {
    m_settle->stop();
    if (column().isEmpty())
        return;
    core::GeometryQueryRequest request;
    request.schema = m_table.schema;
    request.table = m_table.name;
    request.column = column();
    request.kind = m_kind;
    request.hoverColumns = m_hover;
    request.extent = m_canvas->extent();
    request.srid = m_srid;
    request.tolerance = m_kind.isPostgis() ? m_canvas->unitsPerPixel() : 0;
    request.maxFeatures = kMaxFeatures;
    try {
        request.filter = core::geometryFilterFromSpec(m_view, m_table);
    } catch (const core::Error& e) {
        m_status->setText(e.info().message);
        return;
    }
    const core::GeometryQuery query = core::buildGeometryQuery(request);
    m_status->setText(tr("Reading…"));
    struct Loaded {
        QList<core::GeometryFeature> features;
        QList<GeometryShape> shapes;
        bool more = false;
        int unreadable = 0;
    };
    m_featureJob->start(
        [pool = m_pool, query, kind = m_kind](const std::shared_ptr<core::CancelToken>& token) {
            auto connection = pool->acquire();
            core::CancelToken::Scope scope(token, *connection);
            const core::Result r = connection->exec(query.sql, query.params);
            auto loaded = std::make_shared<Loaded>();
            loaded->more = r.rowCount() >= query.limit;
            const int rows = std::min(r.rowCount(), query.limit - 1);
            for (int i = 0; i < rows; ++i) {
                try {
                    core::GeometryFeature f = core::readGeometryFeature(r, i, query, kind);
                    loaded->shapes << geometryShape(f.geometry);
                    loaded->features << std::move(f);
                } catch (const core::Error&) {
                    ++loaded->unreadable; // a curve type or a malformed value: counted, not drawn
                }
            }
            return loaded;
        },
        [this](const std::shared_ptr<Loaded>& loaded) {
            m_loaded = loaded->features;
            m_more = loaded->more;
            m_canvas->setFeatures(loaded->features, loaded->shapes);
            QString text = m_more ? tr("%1 of more than %1 features in view (zoom in for the rest)")
                                        .arg(QLocale().toString(int(m_loaded.size())))
                                  : tr("%n feature(s) in view", nullptr, int(m_loaded.size()));
            if (m_srid != 0)
                text += QStringLiteral(" · SRID %1").arg(m_srid);
            if (loaded->unreadable > 0)
                text += QStringLiteral(" · ") +
                        tr("%n value(s) not drawn (types without a drawing)", nullptr, loaded->unreadable);
            m_status->setText(text);
            emit featuresLoaded();
        },
        [this](const BackgroundFailure& failure) { m_status->setText(failure.message); });
}

} // namespace pgdesk::ui
