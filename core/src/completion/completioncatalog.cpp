// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/completion/completion.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <algorithm>

namespace pgdesk::core {

// ---- CompletionCatalog --------------------------------------------------------------------------------

void CompletionCatalog::index() {
    m_schemas.clear();
    m_relationByQualifiedName.clear();
    m_relationsBySchema.clear();
    m_functionsBySchema.clear();
    m_typesBySchema.clear();
    m_foreignKeysByRelation.clear();
    m_relationKeys.clear();
    m_functionKeys.clear();
    m_typeKeys.clear();
    for (const QString& s : schemas)
        m_schemas.insert(s, true);
    const auto byKey = [](const Key& a, const Key& b) { return a.lower < b.lower; };
    for (int i = 0; i < relations.size(); ++i) {
        const CompletionRelation& r = relations[i];
        m_relationByQualifiedName.insert(r.schema + QChar(0) + r.name, i);
        m_relationsBySchema[r.schema] << i;
        m_relationKeys << Key{r.name.toLower(), i};
    }
    for (int i = 0; i < functions.size(); ++i) {
        m_functionsBySchema[functions[i].schema] << i;
        m_functionKeys << Key{functions[i].name.toLower(), i};
    }
    for (int i = 0; i < types.size(); ++i) {
        m_typesBySchema[types[i].schema] << i;
        m_typeKeys << Key{types[i].name.toLower(), i};
    }
    for (int i = 0; i < foreignKeys.size(); ++i) {
        const CompletionForeignKey& k = foreignKeys[i];
        m_foreignKeysByRelation[k.schema + QChar(0) + k.table] << i;
        if (k.refSchema != k.schema || k.refTable != k.table)
            m_foreignKeysByRelation[k.refSchema + QChar(0) + k.refTable] << i;
    }
    std::sort(m_relationKeys.begin(), m_relationKeys.end(), byKey);
    std::sort(m_functionKeys.begin(), m_functionKeys.end(), byKey);
    std::sort(m_typeKeys.begin(), m_typeKeys.end(), byKey);
    m_indexed = true;
}

const CompletionRelation* CompletionCatalog::findRelation(const QString& schema, const QString& name) const {
    const auto find = [&](const QString& s) -> const CompletionRelation* {
        const auto it = m_relationByQualifiedName.constFind(s + QChar(0) + name);
        return it == m_relationByQualifiedName.constEnd() ? nullptr : &relations[*it];
    };
    if (!schema.isEmpty())
        return find(schema);
    // pg_catalog is searched first unless the path names it (as PostgreSQL does).
    if (!searchPath.contains(QLatin1String("pg_catalog")))
        if (const CompletionRelation* r = find(QStringLiteral("pg_catalog")))
            return r;
    for (const QString& s : searchPath)
        if (const CompletionRelation* r = find(s))
            return r;
    return nullptr;
}

bool CompletionCatalog::isVisible(const QString& schema) const {
    return schema == QLatin1String("pg_catalog") || searchPath.contains(schema);
}

bool CompletionCatalog::isSystemSchema(const QString& schema) {
    return schema == QLatin1String("pg_catalog") || schema == QLatin1String("information_schema");
}

namespace {
QList<int> prefixRange(const QList<CompletionCatalog::Key>& keys, const QString& lowerPrefix) {
    auto it = std::lower_bound(keys.begin(), keys.end(), lowerPrefix,
                               [](const CompletionCatalog::Key& k, const QString& p) { return k.lower < p; });
    QList<int> out;
    for (; it != keys.end() && it->lower.startsWith(lowerPrefix); ++it)
        out << it->index;
    return out;
}
} // namespace

QList<int> CompletionCatalog::relationsWithPrefix(const QString& p) const {
    return prefixRange(m_relationKeys, p);
}
QList<int> CompletionCatalog::functionsWithPrefix(const QString& p) const {
    return prefixRange(m_functionKeys, p);
}
QList<int> CompletionCatalog::typesWithPrefix(const QString& p) const {
    return prefixRange(m_typeKeys, p);
}

// ---- Loading ------------------------------------------------------------------------------------------

QStringList loadSearchPath(Connection& connection) {
    const Result r = connection.exec(
        QStringLiteral("select s from unnest(current_schemas(false)) with ordinality u(s, i) order by i"));
    QStringList path;
    for (int i = 0; i < r.rowCount(); ++i)
        path << r.text(i, 0);
    return path;
}

CompletionCatalog loadCompletionCatalog(Connection& connection) {
    CompletionCatalog cat;
    const QString skip = QStringLiteral("n.nspname !~ '^pg_toast' and n.nspname !~ '^pg_temp_'");
    Result r =
        connection.exec(QStringLiteral("select n.nspname from pg_namespace n where %1 order by 1").arg(skip));
    for (int i = 0; i < r.rowCount(); ++i)
        cat.schemas << r.text(i, 0);
    cat.searchPath = loadSearchPath(connection);
    // One row per column (a relation without columns has one row with a NULL attname).
    r = connection.exec(
        QStringLiteral(
            "select n.nspname, c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod) "
            "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            "left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped "
            "where c.relkind in ('r', 'p', 'v', 'm', 'f') and %1 "
            "order by n.nspname, c.relname, a.attnum")
            .arg(skip));
    for (int i = 0; i < r.rowCount(); ++i) {
        const QString schema = r.text(i, 0), name = r.text(i, 1);
        if (cat.relations.isEmpty() || cat.relations.last().schema != schema ||
            cat.relations.last().name != name) {
            CompletionRelation rel{schema, name, CompletionRelation::Kind::Table, {}};
            const QString kind = r.text(i, 2);
            if (kind == QLatin1String("v"))
                rel.kind = CompletionRelation::Kind::View;
            else if (kind == QLatin1String("m"))
                rel.kind = CompletionRelation::Kind::MaterializedView;
            else if (kind == QLatin1String("f"))
                rel.kind = CompletionRelation::Kind::Foreign;
            cat.relations << rel;
        }
        if (!r.isNull(i, 3))
            cat.relations.last().columns << CompletionColumn{r.text(i, 3), r.text(i, 4)};
    }
    r = connection.exec(
        QStringLiteral("select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), "
                       "coalesce(pg_get_function_result(p.oid), '') "
                       "from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                       "where %1 order by 1, 2")
            .arg(skip));
    for (int i = 0; i < r.rowCount(); ++i)
        cat.functions << CompletionFunction{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)};
    // Types one writes: not arrays, not the row types of tables (a composite type's own is kept).
    r = connection.exec(
        QStringLiteral("select n.nspname, t.typname from pg_type t "
                       "join pg_namespace n on n.oid = t.typnamespace "
                       "left join pg_class c on c.oid = t.typrelid "
                       "where %1 and t.typcategory <> 'A' and (c.oid is null or c.relkind = 'c') "
                       "order by 1, 2")
            .arg(skip));
    for (int i = 0; i < r.rowCount(); ++i)
        cat.types << CompletionType{r.text(i, 0), r.text(i, 1)};
    // One row per column pair of a foreign key, in the key's order.
    r = connection.exec(
        QStringLiteral("select c.oid, n.nspname, t.relname, rn.nspname, rt.relname, a.attname, ra.attname "
                       "from pg_constraint c "
                       "join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace "
                       "join pg_class rt on rt.oid = c.confrelid "
                       "join pg_namespace rn on rn.oid = rt.relnamespace "
                       "cross join lateral unnest(c.conkey, c.confkey) with ordinality k(col, refcol, pos) "
                       "join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col "
                       "join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.refcol "
                       "where c.contype = 'f' and %1 order by c.oid, k.pos")
            .arg(skip));
    QString key;
    for (int i = 0; i < r.rowCount(); ++i) {
        if (r.text(i, 0) != key) {
            key = r.text(i, 0);
            cat.foreignKeys << CompletionForeignKey{r.text(i, 1), r.text(i, 2), {},
                                                    r.text(i, 3), r.text(i, 4), {}};
        }
        cat.foreignKeys.last().columns << r.text(i, 5);
        cat.foreignKeys.last().refColumns << r.text(i, 6);
    }
    cat.index();
    return cat;
}

} // namespace pgdesk::core
