// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/completion/completion.h>

#include <QObject>

#include <memory>

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// The names SQL completion offers for one connection profile's database, shared by all the query tools
// on its pool: loaded on a worker (a pooled connection, core::loadCompletionCatalog) the first time a tool
// asks, and again after invalidate() (DDL committed in a tab, a lost connection). Until a load finishes,
// catalog() is the last one loaded (or null): completion keeps working on what it knew. A failed load is
// tried again at the next request, so completion recovers with the connection.
class CompletionSource final : public QObject {
    Q_OBJECT
public:
    // The source of `pool` (one per pool while any tool holds it). GUI thread only.
    static std::shared_ptr<CompletionSource> forPool(const std::shared_ptr<core::Pool>& pool);
    ~CompletionSource() override;

    std::shared_ptr<const core::CompletionCatalog> catalog() const { return m_catalog; }
    bool isLoading() const;
    // Starts a load unless one runs or the catalog is current.
    void ensureLoaded();
    // The catalog is out of date: loads it again now (a running load is superseded).
    void invalidate();
    // The source of `pool`, if a tool holds one, is out of date (none is made for it).
    static void invalidateFor(const std::shared_ptr<core::Pool>& pool);
    // For tests and the bench: use this catalog (indexed here) as if it had been loaded.
    void setCatalog(core::CompletionCatalog catalog);
    // Whether a statement changes what completion knows (CREATE, ALTER, DROP, COMMENT, IMPORT …).
    static bool changesCatalog(const QString& statement);
    // Whether a statement may change its session's search path (SET / RESET search_path or schema, RESET
    // ALL, DISCARD ALL).
    static bool changesSearchPath(const QString& statement);
    // Loads so far (tests: a refresh really happened).
    int loadCount() const { return m_loads; }

signals:
    void catalogChanged();
    void loadFailed(const QString& message);

private:
    explicit CompletionSource(std::shared_ptr<core::Pool> pool);
    void load();

    std::shared_ptr<core::Pool> m_pool;
    std::shared_ptr<const core::CompletionCatalog> m_catalog;
    JobSlot* m_job = nullptr;
    bool m_current = false; // m_catalog reflects the database as of the last invalidate()
    int m_loads = 0;
};

} // namespace pgdesk::ui
