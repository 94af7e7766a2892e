// SPDX-License-Identifier: GPL-3.0-or-later
// Plan view benchmark (make bench): an EXPLAIN ANALYZE of an Append over --partitions partitions (1,000:
// 1,002 nodes, the shape that hung other tools), printing one JSON line. No server needed: the plan is
// written the way PostgreSQL 15 writes it (every member a Seq Scan with its filter, buffers and times).
//
//   nodes, json_bytes
//   parse_ms        core::parsePlan (read, time rules, hotspots): in the query tool this runs on a worker
//   layout_ms       core::layoutPlan of every node
//   shown_ms        PlanView::setPlan and the first frame drawn, offscreen, on the GUI thread: the longest
//                   time the window does not answer when a plan arrives
//   total_ms        parse + shown
//   relayout_ms     collapsing the Append and expanding it again (two layouts and frames)
//   zoom_frame_ms   one frame after zooming in on the fitted plan (no layout: the transform changes)
// Medians of --runs after a warm-up.
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/plan/planlayout.h>
#include <pgdesk/ui/plan/planview.h>

#include "../../ui/src/plan/plangraphview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double ms(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

QByteArray appendPlan(int partitions) {
    QJsonArray members;
    for (int i = 0; i < partitions; ++i)
        members.append(QJsonObject{
            {QStringLiteral("Node Type"), QStringLiteral("Seq Scan")},
            {QStringLiteral("Parent Relationship"), QStringLiteral("Member")},
            {QStringLiteral("Parallel Aware"), false},
            {QStringLiteral("Async Capable"), false},
            {QStringLiteral("Relation Name"), QStringLiteral("measurement_p%1").arg(i)},
            {QStringLiteral("Alias"), QStringLiteral("measurement_%1").arg(i + 1)},
            {QStringLiteral("Startup Cost"), 0.0},
            {QStringLiteral("Total Cost"), 35.5},
            {QStringLiteral("Plan Rows"), 1000},
            {QStringLiteral("Plan Width"), 16},
            {QStringLiteral("Actual Startup Time"), 0.004},
            {QStringLiteral("Actual Total Time"), 0.05 + (i % 13) * 0.01},
            {QStringLiteral("Actual Rows"), 990},
            {QStringLiteral("Actual Loops"), 1},
            {QStringLiteral("Filter"), QStringLiteral("(value > 10)")},
            {QStringLiteral("Rows Removed by Filter"), 10},
            {QStringLiteral("Shared Hit Blocks"), 6},
            {QStringLiteral("Shared Read Blocks"), 0},
            {QStringLiteral("Shared Dirtied Blocks"), 0},
            {QStringLiteral("Shared Written Blocks"), 0},
        });
    const QJsonObject append{{QStringLiteral("Node Type"), QStringLiteral("Append")},
                             {QStringLiteral("Parent Relationship"), QStringLiteral("Outer")},
                             {QStringLiteral("Plan Rows"), 1000 * partitions},
                             {QStringLiteral("Total Cost"), 40000.0},
                             {QStringLiteral("Actual Total Time"), 150.0},
                             {QStringLiteral("Actual Rows"), 990 * partitions},
                             {QStringLiteral("Actual Loops"), 1},
                             {QStringLiteral("Plans"), members}};
    const QJsonObject root{{QStringLiteral("Node Type"), QStringLiteral("Aggregate")},
                           {QStringLiteral("Strategy"), QStringLiteral("Plain")},
                           {QStringLiteral("Plan Rows"), 1},
                           {QStringLiteral("Total Cost"), 42000.0},
                           {QStringLiteral("Actual Total Time"), 190.0},
                           {QStringLiteral("Actual Rows"), 1},
                           {QStringLiteral("Actual Loops"), 1},
                           {QStringLiteral("Plans"), QJsonArray{append}}};
    return QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("Plan"), root},
                                                {QStringLiteral("Planning Time"), 25.0},
                                                {QStringLiteral("Execution Time"), 191.0}}})
        .toJson();
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("timed runs"), QStringLiteral("N"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("partitions"), QStringLiteral("members of the Append"),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QByteArray json = appendPlan(std::max(1, parser.value(QStringLiteral("partitions")).toInt()));

    pgdesk::ui::PlanView view;
    view.resize(1280, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return 1;
    QList<double> parse, layout, shown, total, relayout, zoomFrame;
    int nodes = 0;
    for (int run = 0; run <= runs; ++run) {
        QElapsedTimer t;
        t.start();
        auto plan = std::make_shared<const pgdesk::core::Plan>(pgdesk::core::parsePlan(json));
        const double parsed = ms(t);
        nodes = int(plan->nodes.size());
        t.restart();
        const pgdesk::core::PlanLayout l = pgdesk::core::layoutPlan(*plan);
        const double laidOut = ms(t);
        Q_UNUSED(l);
        view.setPlan(nullptr);
        view.graph()->viewport()->repaint();
        t.restart();
        view.setPlan(plan);
        view.graph()->viewport()->repaint(); // the first frame, drawn now
        const double firstShown = ms(t);
        t.restart();
        view.graph()->setCollapsed(1, true);
        view.graph()->viewport()->repaint();
        view.graph()->setCollapsed(1, false);
        view.graph()->viewport()->repaint();
        const double collapsed = ms(t);
        t.restart();
        view.graph()->zoomIn();
        view.graph()->viewport()->repaint();
        const double zoomed = ms(t);
        if (run == 0)
            continue; // warm-up
        parse << parsed;
        layout << laidOut;
        shown << firstShown;
        total << parsed + firstShown;
        relayout << collapsed;
        zoomFrame << zoomed;
    }
    const QJsonObject result{
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("json_bytes"), json.size()},
        {QStringLiteral("parse_ms"), median(parse)},
        {QStringLiteral("layout_ms"), median(layout)},
        {QStringLiteral("shown_ms"), median(shown)},
        {QStringLiteral("total_ms"), median(total)},
        {QStringLiteral("relayout_ms"), median(relayout)},
        {QStringLiteral("zoom_frame_ms"), median(zoomFrame)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
