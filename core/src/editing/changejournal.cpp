// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/changejournal.h>

#include <pgdesk/core/local/localdatabase.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/joinedthread.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>

namespace pgdesk::core {

namespace {

const localdb::Names kNames{QStringLiteral("journal"), QStringLiteral("change journal")};

QSqlQuery exec(const QSqlDatabase& db, const QString& path, const QString& sql,
               const QVariantList& values = {}) {
    return localdb::exec(kNames, db, path, sql, values);
}

} // namespace

QString ChangeJournal::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal.sqlite");
}

// One thread owns the SQLite connection (Qt Sql's rule) and runs every call in order.
class ChangeJournal::Worker final {
public:
    Worker()
        : m_thread([this] { loop(); }) {}
    ~Worker() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        // m_thread, the last member, is joined first: after every queued call, pending stages included.
    }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Runs fn on the worker and waits for it; its exception is rethrown here.
    template <class Fn> auto call(Fn fn) {
        using R = decltype(fn());
        // Shared with the queued call, so the task outlives its last use on the worker even when this
        // thread wakes (and returns) the moment the result is ready.
        auto task = std::make_shared<std::packaged_task<R()>>(std::move(fn));
        std::future<R> result = task->get_future();
        post([task] { (*task)(); });
        return result.get();
    }
    void post(std::function<void()> fn) {
        {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back(std::move(fn));
        }
        m_wake.notify_one();
    }

    std::mutex m_mutex;                                      // guards the queue and the fields below
    QHash<std::pair<QString, QString>, ChangeSet> m_pending; // (profile, table) → latest stageLater()
    QString m_writeError;

private:
    void loop() {
        for (;;) {
            std::function<void()> fn;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
                if (m_tasks.empty())
                    return;
                fn = std::move(m_tasks.front());
                m_tasks.pop_front();
            }
            fn();
        }
    }

    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    JoinedThread m_thread; // last: starts once the rest exists
};

namespace {

// The statements of one journal on its worker thread.
void writeStage(const QString& connection, const QString& path, const QString& profile,
                const ChangeSet& changes) {
    const QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (changes.isEmpty()) {
        exec(db, path, QStringLiteral("DELETE FROM staged WHERE profile = ? AND table_name = ?"),
             {profile, changes.table});
        return;
    }
    exec(db, path,
         // seq orders the entries by last write even within one clock tick.
         QStringLiteral("INSERT INTO staged (profile, table_name, change_set, staged_at, seq)"
                        " VALUES (?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM staged))"
                        " ON CONFLICT (profile, table_name) DO UPDATE SET change_set = excluded.change_set,"
                        " staged_at = excluded.staged_at, seq = excluded.seq"),
         {profile, changes.table, QString::fromUtf8(changes.toJsonText(false)),
          QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
}

} // namespace

// WAL with synchronous = NORMAL: a committed stage is in the OS's hands, so it survives the process being
// killed or crashing, without an fsync per edit. Only a power loss can take the last stages.
ChangeJournal::ChangeJournal(const QString& path)
    : m_path(path)
    , m_worker(std::make_unique<Worker>()) {
    m_connection = m_worker->call([path] {
        return localdb::open(
            kNames, path, QStringLiteral("pgdesk-journal"),
            {QStringLiteral("PRAGMA synchronous = NORMAL"),
             QStringLiteral(
                 "CREATE TABLE IF NOT EXISTS staged (profile TEXT NOT NULL, table_name TEXT NOT NULL,"
                 " change_set TEXT NOT NULL, staged_at TEXT NOT NULL, seq INTEGER NOT NULL,"
                 " PRIMARY KEY (profile, table_name))")});
    });
}

ChangeJournal::~ChangeJournal() {
    m_worker->post([name = m_connection] { localdb::close(name); });
    m_worker.reset(); // runs what is queued, then the close, then stops
}

QString journalKey(const ConnectionProfile& profile) {
    if (!profile.name.isEmpty())
        return profile.name;
    QString key = QStringLiteral("dsn:%1@%2:%3/%4")
                      .arg(profile.user, profile.host,
                           profile.port ? QString::number(profile.port) : QString(), profile.database);
    if (!profile.service.isEmpty())
        key += QStringLiteral("?service=") + profile.service;
    return key;
}

void ChangeJournal::stage(const QString& profile, const ChangeSet& changes) {
    m_worker->call([&] {
        {
            std::lock_guard lock(m_worker->m_mutex); // a queued stage of this entry is older: drop it
            m_worker->m_pending.remove({profile, changes.table});
        }
        writeStage(m_connection, m_path, profile, changes);
    });
}

void ChangeJournal::stageLater(const QString& profile, const ChangeSet& changes) {
    const std::pair<QString, QString> key{profile, changes.table};
    {
        std::lock_guard lock(m_worker->m_mutex);
        const bool queued = m_worker->m_pending.contains(key);
        m_worker->m_pending.insert(key, changes);
        if (queued)
            return; // the queued write takes the latest
    }
    // The worker, not m_worker: the destructor's reset() has already nulled m_worker while ~Worker runs
    // what is still queued (this write among it).
    Worker* worker = m_worker.get();
    worker->post([this, worker, key] {
        ChangeSet latest;
        {
            std::lock_guard lock(worker->m_mutex);
            const auto it = worker->m_pending.find(key);
            if (it == worker->m_pending.end())
                return; // cleared or written since
            latest = std::move(*it);
            worker->m_pending.erase(it);
        }
        QString error;
        try {
            writeStage(m_connection, m_path, key.first, latest);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        std::lock_guard lock(worker->m_mutex);
        worker->m_writeError = error;
    });
}

QString ChangeJournal::writeError() const {
    std::lock_guard lock(m_worker->m_mutex);
    return m_worker->m_writeError;
}

void ChangeJournal::clear(const QString& profile, const QString& table) {
    m_worker->call([&] {
        {
            std::lock_guard lock(m_worker->m_mutex);
            m_worker->m_pending.remove({profile, table});
        }
        exec(QSqlDatabase::database(m_connection, false), m_path,
             QStringLiteral("DELETE FROM staged WHERE profile = ? AND table_name = ?"), {profile, table});
    });
}

std::optional<ChangeSet> ChangeJournal::load(const QString& profile, const QString& table) const {
    const QString text = m_worker->call([&] {
        QSqlQuery q =
            exec(QSqlDatabase::database(m_connection, false), m_path,
                 QStringLiteral("SELECT change_set FROM staged WHERE profile = ? AND table_name = ?"),
                 {profile, table});
        return q.next() ? q.value(0).toString() : QString();
    });
    if (text.isNull())
        return std::nullopt;
    return ChangeSet::fromJsonText(text.toUtf8());
}

QList<JournalEntry> ChangeJournal::entries() const {
    struct Stored {
        QString profile, table, changes, stagedAt;
    };
    const QList<Stored> stored = m_worker->call([&] {
        QSqlQuery q = exec(QSqlDatabase::database(m_connection, false), m_path,
                           QStringLiteral("SELECT profile, table_name, change_set, staged_at FROM staged"
                                          " ORDER BY seq"));
        QList<Stored> rows;
        while (q.next())
            rows << Stored{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString()};
        return rows;
    });
    QList<JournalEntry> out;
    for (const Stored& s : stored) {
        try {
            out << JournalEntry{s.profile, s.table, ChangeSet::fromJsonText(s.changes.toUtf8()),
                                QDateTime::fromString(s.stagedAt, Qt::ISODateWithMs)};
        } catch (const ConfigurationError&) {
            // Written by another version, or damaged: skipped, so one bad entry never hides the others.
        }
    }
    return out;
}

} // namespace pgdesk::core
