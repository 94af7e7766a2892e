// SPDX-License-Identifier: GPL-3.0-or-later
// ER diagrams at scale (bench/run, ONLY=erd or the full run): a schema of 3,000 tables with 3,000 foreign
// keys (made once in the bench database as erd_bench). The window's diagram tab opening a table's
// neighbourhood at depth 2 (goal 1 s) and the whole schema (goal 10 s), each until read, laid out and first
// painted; then frames of the whole schema panned and zoomed at the three levels of detail (goal 16 ms). The
// peer is Graphviz laying out the same DOT (dot for the neighbourhood, sfdp for the schema; a minute at
// most). Usage: pgdesk-bench-erd DSN. One JSON line of medians (and the worst frame) on stdout.
#include <pgdesk/core/diagram/erdformat.h>
#include <pgdesk/core/diagram/erdgraph.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/dashboardview.h>
#include <pgdesk/ui/diagram/erdcanvas.h>
#include <pgdesk/ui/diagram/erdview.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kTables = 3000;

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

void makeSchema(pgdesk::core::Connection& c) {
    const auto r = c.exec(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                                         "c.relnamespace WHERE n.nspname = 'erd_bench' AND c.relkind = 'r'"));
    if (r.text(0, 0).toInt() == kTables)
        return;
    // Every table references an earlier one (a tree with long and short branches), the first the last (a
    // cycle): 3,000 keys.
    c.exec(QStringLiteral("DROP SCHEMA IF EXISTS erd_bench CASCADE; CREATE SCHEMA erd_bench;"
                          "DO $$ BEGIN FOR i IN 1..%1 LOOP EXECUTE format('CREATE TABLE erd_bench.t_%s (id "
                          "int PRIMARY KEY, "
                          "parent_id int, name text NOT NULL, note text, amount numeric(12,2), created_at "
                          "timestamptz)', i); END LOOP;"
                          " FOR i IN 2..%1 LOOP EXECUTE format('ALTER TABLE erd_bench.t_%s ADD FOREIGN KEY "
                          "(parent_id) REFERENCES "
                          "erd_bench.t_%s (id)', i, 1 + mod(i * 7919, i - 1)); END LOOP;"
                          " EXECUTE format('ALTER TABLE erd_bench.t_1 ADD FOREIGN KEY (parent_id) REFERENCES "
                          "erd_bench.t_%s (id)', "
                          "%1); END $$")
               .arg(kTables));
}

// Constructs the tab and waits until it has read, laid out and painted once.
double openMs(const std::shared_ptr<pgdesk::core::Pool>& pool, const pgdesk::ui::ErdScope& scope,
              int* tables) {
    QElapsedTimer t;
    t.start();
    pgdesk::ui::ErdView view(pool, scope);
    view.resize(1600, 1000);
    view.show();
    QSignalSpy ready(&view, &pgdesk::ui::ErdView::diagramReady);
    if (!ready.wait(120000))
        return -1;
    (void)view.canvas()->grab(); // the first frame
    *tables = int(view.graph().tables.size());
    return t.nsecsElapsed() / 1e6;
}

// Milliseconds Graphviz takes to lay out `dot` text with `program`, or -1 past the limit.
double graphvizMs(const QString& program, const QByteArray& dot, int limitMs) {
    const QString exe = QStandardPaths::findExecutable(program);
    if (exe.isEmpty())
        return -1;
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(exe, {QStringLiteral("-Tplain")});
    p.waitForStarted();
    p.write(dot);
    p.closeWriteChannel();
    if (!p.waitForFinished(limitMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return t.nsecsElapsed() / 1e6;
}

// CPU seconds (user + system) this process has used.
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The dashboard's cost: percent of one core while shown (sampling and drawing once a second) and while
// hidden, each over `seconds` of the event loop running.
std::pair<double, double> dashboardCpu(const pgdesk::core::ConnectionProfile& profile, int seconds) {
    pgdesk::ui::DashboardView view(profile, std::nullopt);
    view.resize(1200, 800);
    view.show();
    // A plain event loop: QTest::qWait would wake every few milliseconds itself.
    const auto idle = [](int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    };
    idle(3000); // connected, a few samples in
    double start = cpuSeconds();
    QElapsedTimer t;
    t.start();
    idle(seconds * 1000);
    const double shown = 100 * (cpuSeconds() - start) / (t.elapsed() / 1000.0);
    view.hide();
    idle(500);
    start = cpuSeconds();
    t.restart();
    idle(seconds * 1000);
    const double hidden = 100 * (cpuSeconds() - start) / (t.elapsed() / 1000.0);
    return {shown, hidden};
}

} // namespace

int main(int argc, char* argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: pgdesk-bench-erd DSN\n");
        return 2;
    }
    const int runs = qEnvironmentVariableIntValue("RUNS") > 0 ? qEnvironmentVariableIntValue("RUNS") : 3;
    const auto profile = pgdesk::core::parseDsn(QString::fromLocal8Bit(argv[1])).profile;
    auto c = pgdesk::core::Connection::open(profile);
    makeSchema(c);
    const auto pool = pgdesk::core::Pool::create(profile);

    const pgdesk::ui::ErdScope around{{}, {{QStringLiteral("erd_bench"), QStringLiteral("t_1500")}}, 2};
    const pgdesk::ui::ErdScope whole{{QStringLiteral("erd_bench")}, {}, 1};
    QList<double> aroundMs, wholeMs;
    int aroundTables = 0;
    int wholeTables = 0;
    const bool framesOnly = qEnvironmentVariableIsSet("ERD_FRAMES_ONLY"); // for profiling the painting
    const auto [dashboardShown, dashboardHidden] =
        framesOnly ? std::pair{0.0, 0.0} : dashboardCpu(profile, 20);
    for (int r = 0; r < runs && !framesOnly; ++r) {
        aroundMs << openMs(pool, around, &aroundTables);
        wholeMs << openMs(pool, whole, &wholeTables);
    }

    // Frames of the whole schema: fitted (plain boxes), at 0.3 (names) and at 1 (everything), panned.
    pgdesk::ui::ErdView view(pool, whole);
    view.resize(1600, 1000);
    view.show();
    QSignalSpy ready(&view, &pgdesk::ui::ErdView::diagramReady);
    ready.wait(120000);
    pgdesk::ui::ErdCanvas* canvas = view.canvas();
    (void)QTest::qWaitFor([canvas] { return canvas->isPrepared(); }, 60000); // a user looking a moment
    QImage frame(canvas->size(), QImage::Format_ARGB32_Premultiplied);
    QJsonObject frames;
    double worst = 0;
    QList<double> all;
    const QRectF bounds = view.layout().bounds;
    for (const auto& [name, zoom] : {std::pair{"fit", 0.0}, {"names", 0.3}, {"full", 1.0}}) {
        QList<double> ms;
        for (int i = 0; i < 40; ++i) {
            if (zoom == 0) {
                canvas->fit();
                canvas->setView(canvas->center() + QPointF(i * 7, i * 3),
                                canvas->zoom() * (1 + i % 5 * 0.05));
            } else {
                const QPointF at(bounds.left() + bounds.width() * (0.1 + 0.02 * i),
                                 bounds.top() + bounds.height() * (0.5 + 0.01 * (i % 10)));
                canvas->setView(at, zoom);
            }
            QElapsedTimer t;
            t.start();
            canvas->render(&frame);
            ms << t.nsecsElapsed() / 1e6;
        }
        worst = std::max(worst, *std::max_element(ms.begin(), ms.end()));
        all += ms;
        frames.insert(QLatin1String(name), median(ms));
    }

    pgdesk::core::ErdGraph aroundGraph =
        pgdesk::core::readErdNeighbourhood(c, QStringLiteral("erd_bench"), QStringLiteral("t_1500"), 2);
    const double dotAround =
        framesOnly ? 0
                   : graphvizMs(QStringLiteral("dot"), pgdesk::core::erdToDot(aroundGraph).toUtf8(), 60000);
    const double sfdpWhole =
        framesOnly ? 0
                   : graphvizMs(QStringLiteral("sfdp"), pgdesk::core::erdToDot(view.graph()).toUtf8(), 60000);

    QJsonObject out{{QStringLiteral("erd_neighbourhood_ms"), median(aroundMs)},
                    {QStringLiteral("erd_neighbourhood_tables"), aroundTables},
                    {QStringLiteral("erd_schema_ms"), median(wholeMs)},
                    {QStringLiteral("erd_schema_tables"), wholeTables},
                    {QStringLiteral("erd_frame_fit_ms"), frames.value(QStringLiteral("fit"))},
                    {QStringLiteral("erd_frame_names_ms"), frames.value(QStringLiteral("names"))},
                    {QStringLiteral("erd_frame_full_ms"), frames.value(QStringLiteral("full"))},
                    {QStringLiteral("erd_frame_worst_ms"), worst},
                    {QStringLiteral("erd_frame_p95_ms"),
                     [&] {
                         std::sort(all.begin(), all.end());
                         return all.isEmpty() ? 0.0 : all[int(all.size() * 0.95)];
                     }()},
                    {QStringLiteral("graphviz_dot_neighbourhood_ms"), dotAround},
                    {QStringLiteral("graphviz_sfdp_schema_ms"), sfdpWhole}};
    out.insert(QStringLiteral("erd_frames"), frames);
    out.insert(QStringLiteral("dashboard_cpu_shown_percent"), dashboardShown);
    out.insert(QStringLiteral("dashboard_cpu_hidden_percent"), dashboardHidden);
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
