#include "query/completionsource.h"

#include <pgdesk/core/pool.h>
#include <pgdesk/ui/jobslot.h>

#include <QHash>
#include <QRegularExpression>

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

bool CompletionSource::changesCatalog(const QString& statement) {
    // The first word after any comments; CREATE TABLE … AS reports "SELECT n", so the tag would not do.
    static const QRegularExpression first(
        QStringLiteral("^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*([A-Za-z]+)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QStringList words{QStringLiteral("create"), QStringLiteral("alter"), QStringLiteral("drop"),
                                   QStringLiteral("comment"), QStringLiteral("import")};
    const QRegularExpressionMatch m = first.match(statement);
    return m.hasMatch() && words.contains(m.captured(1).toLower());
}

bool CompletionSource::changesSearchPath(const QString& statement) {
    static const QRegularExpression pattern(
        QStringLiteral(
            "^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*(?:(?:set|reset)\\s+(?:session\\s+|local\\s+)?"
            "(?:search_path|schema|all)\\b|discard\\s+all\\b)"),
        QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
    return pattern.match(statement).hasMatch();
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
