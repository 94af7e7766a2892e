// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/completionsource.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/sqltext/statementsplitter.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QHash>

namespace pgdesk::ui {

namespace {

// Weak: a source lives as long as a tool holds it, and a new one is made for the pool after that.
QHash<const core::Pool*, std::weak_ptr<CompletionSource>>& sources() {
    static QHash<const core::Pool*, std::weak_ptr<CompletionSource>> map;
    return map;
}

} // namespace

std::shared_ptr<CompletionSource> CompletionSource::forPool(const std::shared_ptr<core::Pool>& pool) {
    auto& map = sources();
    if (auto existing = map.value(pool.get()).lock())
        return existing;
    std::shared_ptr<CompletionSource> source(new CompletionSource(pool));
    map.insert(pool.get(), source);
    return source;
}

void CompletionSource::invalidateFor(const std::shared_ptr<core::Pool>& pool) {
    if (auto existing = sources().value(pool.get()).lock())
        existing->invalidate();
}

CompletionSource::CompletionSource(std::shared_ptr<core::Pool> pool)
    : m_pool(std::move(pool))
    , m_job(new JobSlot(this)) {
}

CompletionSource::~CompletionSource() {
    auto& map = sources();
    const auto it = map.constFind(m_pool.get());
    if (it != map.constEnd() && it->expired())
        map.erase(it);
}

bool CompletionSource::isLoading() const {
    return m_job->isRunning();
}

void CompletionSource::ensureLoaded() {
    if (!m_current && !m_job->isRunning())
        load();
}

void CompletionSource::invalidate() {
    m_current = false;
    load();
}

void CompletionSource::setCatalog(core::CompletionCatalog catalog) {
    m_job->abandon();
    catalog.index();
    m_catalog = std::make_shared<const core::CompletionCatalog>(std::move(catalog));
    m_current = true;
    emit catalogChanged();
}

namespace {

// The first `count` words of a statement, lower-cased, as the project's lexer reads them (comments, nested
// ones too, skipped); fewer when something else (a quote, a number, an operator) comes first.
QStringList leadingWords(const QString& statement, int count) {
    core::SqlLexState state;
    QStringList words;
    for (const core::SqlToken& t : core::tokenizeSql(statement, state)) {
        if (t.type == core::SqlTokenType::Comment)
            continue;
        if (t.type != core::SqlTokenType::Word || words.size() == count)
            break;
        words << statement.mid(t.start, t.length).toLower();
    }
    return words;
}

} // namespace

bool CompletionSource::changesCatalog(const QString& statement) {
    // The first word: CREATE TABLE … AS reports "SELECT n", so the command tag would not do.
    static const QStringList words{QStringLiteral("create"), QStringLiteral("alter"), QStringLiteral("drop"),
                                   QStringLiteral("comment"), QStringLiteral("import")};
    const QStringList first = leadingWords(statement, 1);
    return !first.isEmpty() && words.contains(first.first());
}

bool CompletionSource::changesSearchPath(const QString& statement) {
    QStringList w = leadingWords(statement, 3);
    if (w.size() >= 2 && w[0] == QLatin1String("discard"))
        return w[1] == QLatin1String("all");
    if (w.isEmpty() || (w[0] != QLatin1String("set") && w[0] != QLatin1String("reset")))
        return false;
    if (w.size() >= 2 && (w[1] == QLatin1String("session") || w[1] == QLatin1String("local")))
        w.removeAt(1);
    return w.size() >= 2 && (w[1] == QLatin1String("search_path") || w[1] == QLatin1String("schema") ||
                             w[1] == QLatin1String("all"));
}

void CompletionSource::load() {
    ++m_loads;
    m_job->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& token) {
            core::PooledConnection connection = pool->acquire();
            core::CancelToken::Scope scope(token, *connection);
            auto catalog =
                std::make_shared<core::CompletionCatalog>(core::loadCompletionCatalog(*connection));
            catalog->index(); // here, not on the GUI thread
            return std::shared_ptr<const core::CompletionCatalog>(std::move(catalog));
        },
        [this](std::shared_ptr<const core::CompletionCatalog> catalog) {
            m_catalog = std::move(catalog);
            m_current = true;
            emit catalogChanged();
        },
        [this](const BackgroundFailure& failure) {
            m_current = false; // tried again at the next request
            emit loadFailed(failure.message);
        });
}

} // namespace pgdesk::ui
