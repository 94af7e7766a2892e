// SPDX-License-Identifier: GPL-3.0-or-later
// The server views (issue 54), on --dsn's database (wal_level = logical), one JSON line:
//   slots_view_ms       Connection ▸ Replication read and shown (refresh to loaded) with 50 replication slots
//                       (median of --runs; goal 100 ms); slots_read_ms the core reading alone
//   feed_offered_per_s  the change feed's load: --seconds of inserts at --rate rows a second (batches of a
//                       thousand every 100 ms, from a thread of this process on a connection of its own)
//   feed_shown_per_s    rows that reached the feed's grid per second over the same time
//   feed_catch_up_ms    after the last insert committed, until the grid had every row
//   feed_rows_kept      rows the grid keeps (bounded: ChangeFeedModel::kMaxRows)
//   peak_rss_mb         the process's peak resident memory
#include <pgdesk/core/server/replication.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/server/changefeedmodel.h>
#include <pgdesk/ui/server/changefeedview.h>
#include <pgdesk/ui/server/replicationview.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace pgdesk;

namespace {

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

qint64 peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "bench-server: %s\n", qPrintable(message));
    std::exit(1);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("dsn"), QStringLiteral("conninfo"), QStringLiteral("dsn")});
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("timed runs"), QStringLiteral("n"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("rate"), QStringLiteral("rows a second"), QStringLiteral("n"),
                      QStringLiteral("10000")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("feed load time"), QStringLiteral("s"),
                      QStringLiteral("5")});
    parser.process(app);
    const auto parsed = core::parseDsn(parser.value(QStringLiteral("dsn")));
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int rate = parser.value(QStringLiteral("rate")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    QJsonObject out;
    try {
        auto admin = core::Connection::open(parsed.profile, parsed.password);
        if (admin.exec(QStringLiteral("SHOW wal_level")).text(0, 0) != QLatin1String("logical"))
            fail(QStringLiteral("the server needs wal_level = logical"));
        admin.exec(QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                                  "WHERE slot_name LIKE 'bench\\_slot\\_%'"));
        admin.exec(QStringLiteral("SELECT pg_create_physical_replication_slot('bench_slot_' || g, true) "
                                  "FROM generate_series(1, 50) g"));
        auto pool = core::Pool::create(parsed.profile, parsed.password);

        // The slots view: refresh to loaded, the models filled.
        ui::ReplicationView view(pool);
        QSignalSpy loaded(&view, &ui::ReplicationView::loaded);
        if (!loaded.wait(30000))
            fail(QStringLiteral("the replication view did not load"));
        if (view.slotModel()->rowCount() < 50)
            fail(QStringLiteral("the view shows %1 slots").arg(view.slotModel()->rowCount()));
        QList<double> shown, read;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            view.refresh();
            if (!loaded.wait(30000))
                fail(QStringLiteral("the replication view did not load"));
            shown << t.nsecsElapsed() / 1e6;
            t.restart();
            auto c = pool->acquire();
            const auto list = core::ReplicationReader(*c).replicationSlots();
            core::slotAlerts(list, 1 << 30);
            read << t.nsecsElapsed() / 1e6;
        }
        out.insert(QStringLiteral("slots_view_ms"), median(shown));
        out.insert(QStringLiteral("slots_read_ms"), median(read));
        admin.exec(QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                                  "WHERE slot_name LIKE 'bench\\_slot\\_%'"));

        // The change feed under load.
        admin.exec(
            QStringLiteral("DROP TABLE IF EXISTS bench_feed; CREATE TABLE bench_feed (id bigint PRIMARY KEY, "
                           "name text, amount numeric, at timestamptz DEFAULT now())"));
        ui::ChangeFeedView feed(pool);
        feed.resize(1000, 600);
        feed.show();
        feed.setTables({QStringLiteral("public.bench_feed")});
        feed.start();
        QElapsedTimer startWait;
        startWait.start();
        while (!feed.statusText().startsWith(QStringLiteral("Watching")) && startWait.elapsed() < 30000)
            QTest::qWait(20);
        if (!feed.isRunning() || !feed.statusText().startsWith(QStringLiteral("Watching")))
            fail(QStringLiteral("the feed did not start: %1").arg(feed.statusText()));

        const qint64 total = qint64(rate) * seconds;
        std::atomic<bool> writerDone{false};
        std::atomic<qint64> written{0};
        QString writerError;
        QThread* writer = QThread::create([&] {
            try {
                auto c = core::Connection::open(parsed.profile, parsed.password);
                QElapsedTimer clock;
                clock.start();
                const int batch = 1000;
                for (qint64 next = 0; next < total; next += batch) {
                    const qint64 due = next * 1000 / rate; // ms since the start this batch is due
                    while (clock.elapsed() < due)
                        QThread::msleep(1);
                    c.exec(QStringLiteral(
                               "INSERT INTO bench_feed (id, name, amount) SELECT g, 'row ' || g, g * 1.5 "
                               "FROM generate_series($1::bigint, $2::bigint) g"),
                           {core::param(static_cast<long long>(next + 1)),
                            core::param(static_cast<long long>(next + batch))});
                    written = next + batch;
                }
            } catch (const std::exception& e) {
                writerError = QString::fromUtf8(e.what());
            }
            writerDone = true;
        });
        QElapsedTimer loadClock;
        loadClock.start();
        writer->start();
        while (!writerDone)
            QTest::qWait(10);
        const double loadMs = loadClock.nsecsElapsed() / 1e6;
        const qint64 shownDuringLoad = feed.model()->received();
        writer->wait();
        delete writer;
        if (!writerError.isEmpty())
            fail(writerError);
        QElapsedTimer catchUp;
        catchUp.start();
        while (feed.model()->received() < total && catchUp.elapsed() < 60000)
            QTest::qWait(5);
        const double catchUpMs = catchUp.nsecsElapsed() / 1e6;
        if (feed.model()->received() != total)
            fail(QStringLiteral("the feed showed %1 of %2 rows").arg(feed.model()->received()).arg(total));
        out.insert(QStringLiteral("feed_offered_per_s"), total * 1000.0 / loadMs);
        out.insert(QStringLiteral("feed_shown_per_s"), shownDuringLoad * 1000.0 / loadMs);
        out.insert(QStringLiteral("feed_catch_up_ms"), catchUpMs);
        out.insert(QStringLiteral("feed_rows_kept"), feed.model()->rowCount());
        feed.stop();
        admin.exec(QStringLiteral("DROP TABLE bench_feed"));
    } catch (const std::exception& e) {
        fail(QString::fromUtf8(e.what()));
    }
    out.insert(QStringLiteral("peak_rss_mb"), peakRssKb() / 1024.0);
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
