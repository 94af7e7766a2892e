// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace pgdesk::cli {

namespace {

// Levenshtein distance with two rows.
int editDistance(const QString& a, const QString& b) {
    std::vector<int> previous(size_t(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 0; i < a.size(); ++i) {
        current[0] = int(i) + 1;
        for (qsizetype j = 0; j < b.size(); ++j) {
            const int substitute = previous[size_t(j)] + (a.at(i) == b.at(j) ? 0 : 1);
            current[size_t(j) + 1] =
                std::min({previous[size_t(j) + 1] + 1, current[size_t(j)] + 1, substitute});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

// A name as the user would type it back: quoted only when splitting at dots would misread it.
QString typedName(const QString& name) {
    static const QRegularExpression plain(QStringLiteral("^[^.\"\\s]+$"));
    if (plain.match(name).hasMatch())
        return name;
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

// Every table and view the user could name: bare when visible on the search path, else schema-qualified.
// Only read after a lookup failed, so the cost of a large catalog is paid on that path alone.
QStringList relationNames(core::Connection& connection) {
    const core::Result r = connection.exec(
        QStringLiteral("select n.nspname, c.relname, pg_catalog.pg_table_is_visible(c.oid) "
                       "from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace "
                       "where c.relkind in ('r', 'p', 'v', 'm', 'f') "
                       "and n.nspname not in ('pg_catalog', 'information_schema') "
                       "and n.nspname !~ '^pg_(toast|temp)' order by 3 desc, 1, 2"),
        core::Params{});
    QStringList names;
    names.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        const QString qualified = typedName(r.text(row, 0)) + QLatin1Char('.') + typedName(r.text(row, 1));
        names << (r.text(row, 2) == QLatin1String("t") ? typedName(r.text(row, 1)) : qualified);
    }
    return names;
}

} // namespace

QStringList closestNames(const QString& name, const QStringList& candidates, int limit) {
    const QString wanted = name.toLower();
    const QString wantedTable = wanted.mid(wanted.lastIndexOf(QLatin1Char('.')) + 1);
    const int allowed = std::max<int>(2, int(wantedTable.size()) / 3);
    std::vector<std::pair<int, qsizetype>> scored;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const QString candidate = candidates.at(i).toLower();
        const QString candidateTable = candidate.mid(candidate.lastIndexOf(QLatin1Char('.')) + 1);
        // "custmer" for "inventory.customer" and "public.prodcts" for "inventory.products": the table
        // parts alone, one more for the schema that differs or is missing.
        const bool schemaDiffers =
            wanted.size() != wantedTable.size() || candidate.size() != candidateTable.size();
        const int distance = std::min(editDistance(wanted, candidate),
                                      editDistance(wantedTable, candidateTable) + (schemaDiffers ? 1 : 0));
        if (distance <= allowed)
            scored.emplace_back(distance, i);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList out;
    for (const auto& [distance, index] : scored) {
        if (out.size() >= limit)
            break;
        out << candidates.at(index);
    }
    return out;
}

core::TableInfo readTable(core::Connection& connection, const QString& name, bool withProfileConventions) {
    core::TableInfo table;
    try {
        table = core::CatalogReader(connection).table(name);
    } catch (const core::NotFound& e) {
        core::ErrorInfo info = e.info();
        QStringList suggestions;
        try {
            suggestions = closestNames(name, relationNames(connection));
        } catch (const core::Error&) { // the lookup's own error is the one to report
        }
        if (!suggestions.isEmpty() && info.hint.isEmpty())
            info.hint = QStringLiteral("did you mean %1?").arg(suggestions.join(QStringLiteral(", ")));
        core::throwError(std::move(info));
    }
    if (withProfileConventions)
        core::applyConventionOverride(table, connection.profile());
    return table;
}

} // namespace pgdesk::cli
