// SPDX-License-Identifier: GPL-3.0-or-later
// Completion benchmark (make bench): what SQL completion costs the window, printing one JSON line.
//
//   catalog_load_ms     core::loadCompletionCatalog + index() on --dsn's database (bench_catalog: 10,000
//                       tables): what the worker does before the first popup; median of --runs
//   keystroke_*_ms      a statement typed key by key into the real SqlEditor with its SqlCompleter
//                       (offscreen) over a catalog of --tables (10,000) tables × 20 columns and 3,000
//                       functions; each key's whole GUI work (the editor's, the lookup, the list, placing the
//                       popup): median, 95th percentile and worst; popup_key_*: the keys that opened or
//                       changed the popup alone. editor_only_median_ms: the same keys without completion, for
//                       what completion adds. Goal: under 16 ms (one frame) per key.
#include <pgdesk/core/completion/completion.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>

#include "../../ui/src/query/completionsource.h"
#include "../../ui/src/query/sqlcompleter.h"
#include "../../ui/src/query/sqleditor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "bench-completion: %s\n", qPrintable(message));
    std::exit(1);
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double percentile(QList<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())))];
}

pgdesk::core::CompletionCatalog bigCatalog(int tables) {
    using namespace pgdesk::core;
    CompletionCatalog c;
    c.schemas = {QStringLiteral("public"), QStringLiteral("pg_catalog")};
    c.searchPath = {QStringLiteral("public")};
    for (int t = 0; t < tables; ++t) {
        CompletionRelation r{
            QStringLiteral("public"), QStringLiteral("table_%1").arg(t), CompletionRelation::Kind::Table, {}};
        for (int k = 0; k < 20; ++k)
            r.columns << CompletionColumn{QStringLiteral("column_%1").arg(k), QStringLiteral("integer")};
        c.relations << r;
    }
    for (int f = 0; f < 3000; ++f)
        c.functions << CompletionFunction{QStringLiteral("pg_catalog"), QStringLiteral("fn_%1").arg(f),
                                          QStringLiteral("integer"), QStringLiteral("integer")};
    return c;
}

// Types `statement` key by key; the time each key's events take, painting included, in ms. `updated`
// gets the times of the keys that changed the popup.
QList<double> typeTimed(pgdesk::ui::SqlEditor& editor, const QString& statement, const int* updates = nullptr,
                        QList<double>* updated = nullptr) {
    editor.clear();
    QCoreApplication::processEvents();
    QList<double> ms;
    for (const QChar ch : statement) {
        const int before = updates ? *updates : 0;
        QElapsedTimer t;
        t.start();
        QTest::keyClick(&editor, ch.toLatin1());
        QCoreApplication::processEvents(); // the repaint of the editor and the popup
        ms << double(t.nsecsElapsed()) / 1e6;
        if (updated && *updates != before)
            *updated << ms.last();
    }
    return ms;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("dsn"), QStringLiteral("The 10,000-table database."), QStringLiteral("dsn")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Catalog loads to time."), QStringLiteral("n"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("tables"),
                      QStringLiteral("Tables of the catalog the keys are typed over."), QStringLiteral("n"),
                      QStringLiteral("10000")});
    parser.process(app);
    const auto parsed = pgdesk::core::parseDsn(parser.value(QStringLiteral("dsn")));
    auto pool = pgdesk::core::Pool::create(parsed.profile);

    QList<double> loads;
    qsizetype relations = 0;
    for (int i = 0; i < parser.value(QStringLiteral("runs")).toInt(); ++i) {
        auto connection = pool->acquire();
        QElapsedTimer t;
        t.start();
        pgdesk::core::CompletionCatalog catalog = pgdesk::core::loadCompletionCatalog(*connection);
        catalog.index();
        loads << double(t.nsecsElapsed()) / 1e6;
        relations = catalog.relations.size();
    }

    // Statements that open the popup by `.`, follow it by the letters typed after, and look tables up.
    const QString statement =
        QStringLiteral("select t.column_1, u.column_17 from table_4242 t join table_17 u on u.column_3 = t.");
    pgdesk::ui::SqlEditor editor;
    editor.resize(900, 500);
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        fail(QStringLiteral("the editor was not shown"));
    editor.setFocus();
    const QList<double> plain = typeTimed(editor, statement);

    auto source = pgdesk::ui::CompletionSource::forPool(pool);
    source->setCatalog(bigCatalog(parser.value(QStringLiteral("tables")).toInt()));
    auto* completer = new pgdesk::ui::SqlCompleter(&editor, source);
    editor.setCompleter(completer);
    QList<double> keys, updated;
    int shown = 0;
    QObject::connect(completer, &pgdesk::ui::SqlCompleter::proposalsChanged, [&] { ++shown; });
    for (int round = 0; round < 5; ++round)
        keys << typeTimed(editor, statement, &shown, &updated);
    if (updated.isEmpty())
        fail(QStringLiteral("the popup never opened"));

    QJsonObject out{{QStringLiteral("catalog_relations"), double(relations)},
                    {QStringLiteral("typed_catalog_tables"), parser.value(QStringLiteral("tables")).toInt()},
                    {QStringLiteral("catalog_load_ms"), median(loads)},
                    {QStringLiteral("keystroke_median_ms"), median(keys)},
                    {QStringLiteral("keystroke_p95_ms"), percentile(keys, 0.95)},
                    {QStringLiteral("keystroke_max_ms"), *std::max_element(keys.begin(), keys.end())},
                    {QStringLiteral("popup_key_median_ms"), median(updated)},
                    {QStringLiteral("popup_key_max_ms"), *std::max_element(updated.begin(), updated.end())},
                    {QStringLiteral("editor_only_median_ms"), median(plain)},
                    {QStringLiteral("popup_updates"), double(updated.size())}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
