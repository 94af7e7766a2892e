// SPDX-License-Identifier: GPL-3.0-or-later
// Looking at data, without a server (bench/run, ONLY=visual or the full run): a 10 MB JSON document opened
// in the value panel (validated, its top level shown; goal 200 ms) and 100,000 polygons drawn on the
// geometry canvas's painter into a 1600 x 1000 image (goal 1 s). One JSON line of medians on stdout.
#include <pgdesk/core/visual/valuetree.h>
#include <pgdesk/ui/visual/geometrylayer.h>
#include <pgdesk/ui/visual/valuepanel.h>
#include <pgdesk/ui/visual/valuetreemodel.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

QByteArray document() {
    QByteArray doc = "{\"items\": [";
    for (int i = 0; doc.size() < 10 * 1024 * 1024; ++i)
        doc += (i ? ", " : "") + QByteArray("{\"id\": ") + QByteArray::number(i) +
               ", \"name\": \"item number " + QByteArray::number(i) +
               "\", \"price\": 12345678901234567890.25, \"tags\": [\"a\", \"b\"]}";
    return doc + "], \"last\": true}";
}

} // namespace

int main(int argc, char* argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = qEnvironmentVariableIntValue("RUNS") > 0 ? qEnvironmentVariableIntValue("RUNS") : 5;

    const QByteArray doc = document();
    const QString text = QString::fromUtf8(doc);
    QList<double> coreMs, panelMs;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        const auto tree = pgdesk::core::ValueTree::fromJson(doc);
        (void)tree.childCount(pgdesk::core::ValueTree::kRoot);
        coreMs << t.nsecsElapsed() / 1e6;
        pgdesk::ui::ValuePanel panel;
        panel.resize(500, 700);
        panel.show();
        t.restart();
        panel.showValue(QStringLiteral("doc"), QStringLiteral("jsonb"), text);
        QCoreApplication::processEvents();
        panelMs << t.nsecsElapsed() / 1e6;
    }

    // 100,000 polygons (squares with a hole every tenth) in a 1000 x 100 grid of cells.
    QList<pgdesk::ui::GeometryShape> shapes;
    QElapsedTimer build;
    build.start();
    for (int i = 0; i < 100000; ++i) {
        const double x = (i % 1000) * 10.0, y = (i / 1000) * 10.0;
        pgdesk::core::GeoPart part;
        part.kind = pgdesk::core::GeoPartKind::Polygon;
        part.rings << QList<pgdesk::core::GeoPoint>{{x, y}, {x + 8, y}, {x + 8, y + 8}, {x, y + 8}, {x, y}};
        if (i % 10 == 0)
            part.rings << QList<pgdesk::core::GeoPoint>{
                {x + 2, y + 2}, {x + 6, y + 2}, {x + 6, y + 6}, {x + 2, y + 6}, {x + 2, y + 2}};
        pgdesk::core::Geometry g;
        g.parts << part;
        shapes << pgdesk::ui::geometryShape(g);
    }
    const double buildMs = build.nsecsElapsed() / 1e6;
    QList<double> drawMs;
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    const QRectF visible(0, 0, 10000, 1000);
    QTransform toScreen;
    toScreen.translate(0, 1000);
    toScreen.scale(0.16, -1.0);
    QPen pen(QColor(40, 90, 160), 0);
    pen.setCosmetic(true);
    for (int r = 0; r < std::max(3, runs / 2); ++r) {
        image.fill(Qt::white);
        QElapsedTimer t;
        t.start();
        QPainter p(&image);
        for (const auto& s : std::as_const(shapes))
            pgdesk::ui::drawGeometryShape(p, toScreen, s, visible, pen, QColor(40, 90, 160, 60), 5);
        p.end();
        drawMs << t.nsecsElapsed() / 1e6;
    }
    const QJsonObject out{{QStringLiteral("json_10mb_core_ms"), median(coreMs)},
                          {QStringLiteral("json_10mb_panel_ms"), median(panelMs)},
                          {QStringLiteral("polygons_100k_build_ms"), buildMs},
                          {QStringLiteral("polygons_100k_draw_ms"), median(drawMs)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
