// SPDX-License-Identifier: GPL-3.0-or-later
// Schema compare in the window (make bench): how long the window's Compare takes on two big schemas, printing
// one JSON line.
//
//   shown_median_ms    until the objects that differ and the script are shown (the locks still coming).
//   median_ms, max_ms  a new SchemaCompareView (offscreen, shown) on new pools for --source-dsn's and
//                      --target-dsn's databases, from Compare until the objects that differ, the script and
//                      its locks are shown and painted: both catalog reads on a worker, the compare, the
//                      plan, the lock analysis (which the CLI's text output leaves out) and the models.
//                      Run 0 warms the server's caches and is not counted.
//   objects_differ     rows of the objects list that are not "same".
#include <pgdesk/core/compare/schemadiff.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/schema/schemacompareview.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("source-dsn"), QStringLiteral("The source database."), QStringLiteral("dsn")});
    parser.addOption(
        {QStringLiteral("target-dsn"), QStringLiteral("The target database."), QStringLiteral("dsn")});
    parser.addOption({QStringLiteral("schema"), QStringLiteral("The schema on both sides."),
                      QStringLiteral("name"), QStringLiteral("public")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Compares to time."), QStringLiteral("n"),
                      QStringLiteral("5")});
    parser.process(app);
    const auto source = pgdesk::core::parseDsn(parser.value(QStringLiteral("source-dsn"))).profile;
    const auto target = pgdesk::core::parseDsn(parser.value(QStringLiteral("target-dsn"))).profile;
    const QString schema = parser.value(QStringLiteral("schema"));
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QList<double> times;
    QList<double> shownTimes;
    int differ = 0;
    for (int run = 0; run <= runs; ++run) {
        // New pools each run: new connections, as when the compare is opened.
        auto pools = std::make_shared<QHash<QString, std::shared_ptr<pgdesk::core::Pool>>>();
        const auto provider = [pools, source, target](const QString& database) {
            if (!pools->contains(database))
                pools->insert(database,
                              pgdesk::core::Pool::create(database == source.database ? source : target));
            return pools->value(database);
        };
        pgdesk::ui::SchemaCompareView view(provider, target.database, schema);
        view.resize(1200, 800);
        view.show();
        view.setSource(source.database, schema);
        view.setTarget(target.database, schema);
        app.processEvents();
        QSignalSpy compared(&view, &pgdesk::ui::SchemaCompareView::compared);
        QElapsedTimer timer;
        double shownMs = 0;
        QObject::connect(&view, &pgdesk::ui::SchemaCompareView::differencesShown, &view, [&] {
            view.repaint();
            shownMs = double(timer.nsecsElapsed()) / 1e6;
        });
        timer.start();
        view.compare();
        // Wait in an event loop as the application does: processEvents(flags, maxtime) polls, and a polling
        // GUI thread takes one of the two cores the worker and both servers need.
        QEventLoop loop;
        QObject::connect(&view, &pgdesk::ui::SchemaCompareView::compared, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        if (compared.isEmpty())
            loop.exec();
        if (compared.isEmpty()) {
            std::fprintf(stderr, "bench-compare: no result: %s\n", qPrintable(view.stateText()));
            return 1;
        }
        view.repaint();
        if (run > 0) {
            times << double(timer.nsecsElapsed()) / 1e6;
            shownTimes << shownMs;
        }
        differ = 0;
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            const auto* d = view.model()->difference(row);
            if (d && d->state != pgdesk::core::DiffState::Same)
                ++differ;
        }
    }
    std::sort(times.begin(), times.end());
    std::sort(shownTimes.begin(), shownTimes.end());
    const QJsonObject out{{QStringLiteral("shown_median_ms"), shownTimes[shownTimes.size() / 2]},
                          {QStringLiteral("median_ms"), times[times.size() / 2]},
                          {QStringLiteral("max_ms"), times.last()},
                          {QStringLiteral("objects_differ"), differ}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
