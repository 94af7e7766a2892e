// SPDX-License-Identifier: GPL-3.0-or-later
// Object tree benchmark (make bench): how long the window's object tree takes to show a big database,
// printing one JSON line.
//
//   first_level_*_ms a new ObjectBrowser (offscreen, shown) given a new pool on --dsn's database
//                    (bench_catalog: 10,000 tables), until the tree has its relations in view and has
//                    painted them: the connection, the catalog read on a worker, the model and the first
//                    paint. Median and worst of --runs, each with a new pool (a new connection, as when a
//                    profile is opened).
//   complete_median_ms   until the conventions (the notes column) are in as well.
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/objectbrowser.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // Wakes the waits below for their time limits; processEvents(flags, maxtime) would poll and take a core
    // from the worker and the server.
    QTimer tick;
    tick.start(100);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("dsn"), QStringLiteral("The 10,000-table database."), QStringLiteral("dsn")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Tree loads to time."), QStringLiteral("n"),
                      QStringLiteral("5")});
    parser.process(app);
    const auto parsed = pgdesk::core::parseDsn(parser.value(QStringLiteral("dsn")));
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QList<double> times;
    QList<double> complete;
    int relations = 0;
    for (int run = 0; run <= runs; ++run) { // run 0 warms the server's caches and is not counted
        pgdesk::ui::ObjectBrowser browser;
        browser.resize(400, 800);
        browser.show();
        app.processEvents();
        QSignalSpy loaded(&browser, &pgdesk::ui::ObjectBrowser::loaded);
        QSignalSpy failed(&browser, &pgdesk::ui::ObjectBrowser::loadFailed);
        QElapsedTimer timer;
        timer.start();
        QSignalSpy shown(&browser, &pgdesk::ui::ObjectBrowser::relationsShown);
        browser.setPool(pgdesk::core::Pool::create(parsed.profile));
        while (shown.isEmpty() && failed.isEmpty() && timer.elapsed() < 60000)
            app.processEvents(QEventLoop::WaitForMoreEvents);
        if (!failed.isEmpty() || shown.isEmpty()) {
            std::fprintf(stderr, "bench-objecttree: the tree did not load: %s\n",
                         failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
            return 1;
        }
        // The paint that shows it.
        browser.findChild<QTreeView*>()->viewport()->repaint();
        if (run > 0)
            times << double(timer.nsecsElapsed()) / 1e6;
        // Then the conventions (the notes): until the tree is complete.
        while (loaded.isEmpty() && failed.isEmpty() && timer.elapsed() < 60000)
            app.processEvents(QEventLoop::WaitForMoreEvents);
        if (run > 0)
            complete << double(timer.nsecsElapsed()) / 1e6;
        if (loaded.isEmpty()) {
            std::fprintf(stderr, "bench-objecttree: the conventions did not load\n");
            return 1;
        }
        relations = loaded.first().first().toInt();
    }
    std::sort(times.begin(), times.end());
    std::sort(complete.begin(), complete.end());
    const QJsonObject out{{QStringLiteral("relations"), relations},
                          {QStringLiteral("first_level_median_ms"), times[times.size() / 2]},
                          {QStringLiteral("first_level_max_ms"), times.last()},
                          {QStringLiteral("complete_median_ms"), complete[complete.size() / 2]}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
