// SPDX-License-Identifier: GPL-3.0-or-later
// Parallel CSV/TSV export of a plain table: ranges of pages taken in order by several streams, each range's
// output written when every range before it is (a stream holds at most RangeCopy::holdBytes meanwhile).
#include "transfer/parallelexport.h"
#include "transfer/exportencoder.h"
#include <pgdesk/core/session/copy.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/joinedthread.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <string>
#include <vector>

namespace pgdesk::core::exporting {

namespace {

// 4 MiB of heap at the default block size: a stream ahead of its turn holds its range's output (about
// 3 MB of pgbench_accounts' CSV) until then, and from the cache it is written at half the system time it
// took from 11 MB held at 2,048 pages (--jobs 2: 1.1–1.5 s of system time instead of 2.1–2.8 s).
constexpr qint64 kMaxRangePages = 512;
constexpr qint64 kMinRangePages = 64; // fewer pages cost a statement each for little work

// The file, written range by range in order: only the stream whose range is next writes, so writes never
// overlap; the others hold their output until their turn.
class OrderedOutput final {
public:
    OrderedOutput(QIODevice* device, const QString& name)
        : m_device(device)
        , m_name(name) {}

    bool isTurn(qint64 range) const { return m_next.load(std::memory_order_acquire) == range; }
    // Waits until `range` is next, or `stop()`: false then.
    template <typename Stop> bool waitTurn(qint64 range, Stop stop) {
        std::unique_lock lock(m_mutex);
        while (!isTurn(range)) {
            if (stop())
                return false;
            m_wake.wait_for(lock, std::chrono::milliseconds(50)); // cancel() does not notify: poll it
        }
        return true;
    }
    void write(std::string& held) {
        writeOut(m_device, m_name, held);
        m_bytes.fetch_add(qint64(held.size()), std::memory_order_relaxed);
        held.clear();
    }
    void done(qint64 range) {
        {
            std::lock_guard lock(m_mutex);
            m_next.store(range + 1, std::memory_order_release);
        }
        m_wake.notify_all();
    }
    void wake() { m_wake.notify_all(); }
    qint64 bytes() const { return m_bytes.load(std::memory_order_relaxed); }

private:
    QIODevice* m_device;
    const QString& m_name;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<qint64> m_next{0};
    std::atomic<qint64> m_bytes{0};
};

struct Shared {
    Shared(const RangeCopy& c, QIODevice* device, const QString& name, const std::atomic<bool>& cancel)
        : copy(c)
        , step(rangePages(c.pages, c.jobs))
        , ranges(std::max<qint64>(1, (c.pages + step - 1) / step))
        , cancelled(cancel)
        , out(device, name) {}

    bool stopping() const { return failed.load() || cancelled.load(); }
    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::move(e);
        }
        failed = true;
        out.wake();
    }

    const RangeCopy& copy;
    const qint64 step;
    const qint64 ranges;
    const std::atomic<bool>& cancelled;
    OrderedOutput out;
    std::atomic<qint64> nextRange{0};
    std::atomic<qint64> rows{0};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    std::exception_ptr error;
};

// Takes ranges until none is left, copying each and writing it in its turn.
void runStream(Connection& connection, Shared& s, const CancelHandle& handle,
               const std::function<void(qint64, qint64)>* progress, std::atomic<int>& streams) {
    std::string held;
    bool counted = false;
    std::optional<CsvLines> csv; // this stream's own: it keeps a row's fields
    if (s.copy.csv)
        csv.emplace(*s.copy.csv);
    bool cancelSent = false;
    unsigned ticks = 0;
    const auto stop = [&s] { return s.stopping(); };
    while (!s.stopping()) {
        const qint64 range = s.nextRange.fetch_add(1);
        if (range >= s.ranges)
            return;
        if (!counted) { // a stream counts once it copies
            counted = true;
            ++streams;
        }
        const qint64 first = range * s.step;
        const bool last = range + 1 == s.ranges;
        bool headerPending = range == 0 && s.copy.header && !s.copy.csv;
        pq::CopyOut copy(connection,
                         rangeCopyStatement(s.copy, first, last ? -1 : first + s.step, headerPending));
        while (const auto data = copy.next()) {
            if (s.stopping()) {
                if (!cancelSent)
                    cancelSent = handle.cancel();
                continue; // the server stops soon; what it still sends is dropped
            }
            if (csv)
                csv->append(held, *data);
            else
                held.append(*data);
            if (headerPending)
                headerPending = false; // COPY's first message is the header line
            else
                s.rows.fetch_add(1, std::memory_order_relaxed);
            if (held.size() >= s.copy.batchBytes &&
                (s.out.isTurn(range) || (held.size() >= s.copy.holdBytes && s.out.waitTurn(range, stop))))
                s.out.write(held);
            if (progress && (++ticks & 255) == 0)
                (*progress)(s.rows.load(std::memory_order_relaxed), s.out.bytes());
        }
        copy.finish(); // QueryCanceled after a cancel, or the error that ended the COPY
        if (!s.out.waitTurn(range, stop))
            return;
        s.out.write(held);
        s.out.done(range);
    }
}

// A stream of its own: a connection importing the main transaction's snapshot. One that cannot connect or
// import it (max_connections reached, another server behind the same name) leaves its share to the others.
void runExtraStream(const ConnectionFactory& open, Shared& s,
                    const std::function<void(const CancelHandle&)>& onStream, std::atomic<int>& streams) {
    std::optional<Connection> connection;
    try {
        connection.emplace(open());
        onStream(connection->cancelHandle());
        connection->exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        connection->exec(QStringLiteral("SET TRANSACTION SNAPSHOT ") +
                         connection->quoteLiteral(s.copy.snapshot));
        if (connection->parameterStatus("client_encoding") != QLatin1String("UTF8"))
            connection->exec(QStringLiteral("SET LOCAL client_encoding = 'UTF8'"));
    } catch (...) {
        return;
    }
    try {
        runStream(*connection, s, connection->cancelHandle(), nullptr, streams);
    } catch (...) {
        s.fail(std::current_exception());
    }
}

} // namespace

qint64 rangePages(qint64 pages, int jobs) {
    const qint64 wanted = std::max(1, jobs) * 8; // several ranges a job: one that finishes early takes more
    return std::clamp((pages + wanted - 1) / wanted, kMinRangePages, kMaxRangePages);
}

QString rangeCopyStatement(const RangeCopy& copy, qint64 firstPage, qint64 endPage, bool header) {
    // Page numbers are ours, never a user's text; the tid literals let the planner choose a TID range scan.
    QString where = QStringLiteral("ctid >= '(%1,0)'::tid").arg(firstPage);
    if (endPage >= 0)
        where += QStringLiteral(" AND ctid < '(%1,0)'::tid").arg(endPage);
    // ONLY: COPY table TO reads the table itself, never its inheritance children.
    const QString select = QStringLiteral("COPY (SELECT %1 FROM ONLY %2 WHERE %3) TO STDOUT")
                               .arg(copy.columns, copy.relation, where);
    if (copy.csv)
        return select; // text format: this side quotes the CSV
    return select + QStringLiteral(" (%1, HEADER %2)")
                        .arg(copy.options, header ? QStringLiteral("true") : QStringLiteral("false"));
}

RangeCopyResult copyRanges(Connection& main, const ConnectionFactory& open, const RangeCopy& copy,
                           QIODevice* device, const QString& name, const std::atomic<bool>& cancelled,
                           const std::function<void(const CancelHandle&)>& onStream,
                           const std::function<void(qint64, qint64)>& progress) {
    Shared s(copy, device, name, cancelled);
    if (!copy.prefix.empty()) {
        std::string prefix = copy.prefix;
        s.out.write(prefix);
    }
    std::atomic<int> streams{0};
    std::vector<JoinedThread> threads; // their failures go to s.fail()
    threads.reserve(size_t(std::max(0, copy.jobs - 1)));
    for (int i = 1; i < copy.jobs && qint64(i) < s.ranges; ++i)
        threads.emplace_back([&] { runExtraStream(open, s, onStream, streams); });
    try {
        runStream(main, s, main.cancelHandle(), &progress, streams);
    } catch (...) {
        s.fail(std::current_exception());
    }
    for (JoinedThread& t : threads)
        t.join();
    if (s.error)
        std::rethrow_exception(s.error);
    if (cancelled)
        throwError(ErrorKind::QueryCanceled, QStringLiteral("export cancelled"));
    RangeCopyResult result;
    result.rows = s.rows.load();
    result.bytes = s.out.bytes();
    result.streams = std::max(1, streams.load());
    return result;
}

} // namespace pgdesk::core::exporting
