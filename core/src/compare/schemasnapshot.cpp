// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/snapshotsql.h"
#include <pgdesk/core/session/resultrow.h>

#include <pgdesk/core/admin/ddlwriter.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/relationparts.h>
#include <pgdesk/core/compare/schemasnapshot.h>
#include <pgdesk/core/session/connection.h>

#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <functional>

namespace pgdesk::core {

namespace {

// The compare's view of a column: exact expressions, the identity's options as a clause, its grants as
// sorted lines (like a relation's).
ColumnShape columnShape(CatalogColumn&& c) {
    ColumnShape s;
    s.name = std::move(c.name);
    s.position = c.position;
    s.type = std::move(c.type);
    s.collation = c.collationSql();
    s.notNull = c.notNull;
    s.isLocal = c.isLocal;
    s.defaultExpression = std::move(c.defaultExpression);
    s.generatedExpression = std::move(c.generatedExpression);
    s.identity = std::move(c.identity);
    if (const auto& q = c.identitySequence)
        s.identityOptions =
            QStringLiteral(
                "SEQUENCE NAME %1 START WITH %2 INCREMENT BY %3 MINVALUE %4 MAXVALUE %5 CACHE %6%7")
                .arg(q->quotedName, q->start, q->increment, q->min, q->max, q->cache,
                     q->cycle ? QStringLiteral(" CYCLE") : QString());
    s.comment = std::move(c.comment);
    s.statistics = c.statistics;
    s.storage = c.storage;
    s.typeStorage = c.typeStorage;
    if (c.grants.isEmpty()) // most columns: no list to make
        return s;
    QStringList grants;
    for (const CatalogGrant& g : std::as_const(c.grants))
        grants << QStringLiteral("%1 %2%3").arg(
            g.grantee, g.privilege, g.grantable ? QStringLiteral(" WITH GRANT OPTION") : QString());
    grants.sort();
    s.acl = grants.join(QLatin1Char('\n'));
    return s;
}

// A policy as CREATE POLICY's clauses after its table; its roles in name order (their order is no
// difference).
TablePart policyPart(const CatalogPolicy& c) {
    QList<CatalogPolicyRole> roles = c.roles;
    std::sort(roles.begin(), roles.end(),
              [](const CatalogPolicyRole& a, const CatalogPolicyRole& b) { return a.name < b.name; });
    QStringList to;
    for (const CatalogPolicyRole& r : std::as_const(roles))
        to << r.quoted;
    QStringList clauses;
    if (!c.permissive)
        clauses << QStringLiteral("AS RESTRICTIVE");
    clauses << QStringLiteral("FOR ") + c.commandKeyword();
    if (!to.isEmpty())
        clauses << QStringLiteral("TO ") + to.join(QStringLiteral(", "));
    if (!c.usingExpression.isEmpty())
        clauses << QStringLiteral("USING (%1)").arg(c.usingExpression);
    if (!c.withCheckExpression.isEmpty())
        clauses << QStringLiteral("WITH CHECK (%1)").arg(c.withCheckExpression);
    TablePart part;
    part.name = c.name;
    part.definition = clauses.join(QLatin1Char(' '));
    part.comment = c.comment;
    return part;
}

RelationShape relationShape(const ResultRow& row) {
    RelationShape r;
    r.name = row.text("name");
    r.kind = row.text("kind");
    r.persistence = row.text("persistence");
    r.options = row.text("options");
    r.partitionKey = row.text("partition_key");
    r.partitionBound = row.text("partition_bound");
    r.parents = row.text("parents");
    r.ofType = row.text("of_type");
    r.rowSecurity = row.flag("row_security");
    r.forceRowSecurity = row.flag("force_row_security");
    r.viewDefinition = row.text("view_definition").trimmed();
    r.comment = row.text("comment");
    r.acl = row.text("acl");
    return r;
}

FunctionShape functionShape(const ResultRow& row) {
    FunctionShape f;
    f.name = row.text("name");
    f.identityArguments = row.text("identity_arguments");
    f.kind = row.text("kind");
    f.result = row.text("result");
    f.arguments = row.text("arguments");
    f.comment = row.text("comment");
    f.acl = row.text("acl");
    if (f.kind == QLatin1String("a")) {
        f.definition =
            QStringLiteral("CREATE AGGREGATE %1(%2) (\n    %3\n)")
                .arg(row.text("quoted_name"), f.arguments.isEmpty() ? QStringLiteral("*") : f.arguments,
                     row.text("aggregate"));
    } else {
        // "CREATE OR REPLACE FUNCTION public.f(" → "… FUNCTION f(": the schema's name is no difference.
        f.definition = row.text("definition").trimmed();
        const QString qualified = row.text("qualified_name") + QLatin1Char('(');
        const qsizetype at = f.definition.indexOf(qualified);
        if (at >= 0)
            f.definition.replace(at, qualified.size(), row.text("quoted_name") + QLatin1Char('('));
    }
    return f;
}

TypeShape typeShape(const ResultRow& row) {
    TypeShape t;
    t.name = row.text("name");
    t.kind = row.text("kind");
    t.labels = row.list("labels");
    t.baseType = row.text("base_type");
    t.notNull = row.flag("not_null");
    t.defaultExpression = row.text("default_expression");
    for (const auto& c : row.array("checks")) {
        TablePart p;
        p.name = c.toObject().value(QLatin1String("name")).toString();
        p.definition = c.toObject().value(QLatin1String("definition")).toString();
        t.checks << p;
    }
    for (const auto& a : row.array("attributes"))
        t.attributes.append({a.toObject().value(QLatin1String("name")).toString(),
                             a.toObject().value(QLatin1String("type")).toString()});
    t.subtype = row.text("subtype");
    t.comment = row.text("comment");
    t.acl = row.text("acl");
    return t;
}

SequenceShape sequenceShape(const ResultRow& row) {
    SequenceShape s;
    s.name = row.text("name");
    s.dataType = row.text("data_type");
    s.start = row.text("start");
    s.increment = row.text("increment");
    s.min = row.text("min");
    s.max = row.text("max");
    s.cache = row.text("cache");
    s.cycle = row.flag("cycle");
    s.ownedBy = row.text("owned_by");
    s.ownedTable = row.text("owned_table");
    s.ownedColumn = row.text("owned_column");
    s.comment = row.text("comment");
    s.acl = row.text("acl");
    return s;
}

} // namespace

const ColumnShape* RelationShape::column(const QString& columnName) const {
    for (const ColumnShape& c : columns)
        if (c.name == columnName)
            return &c;
    return nullptr;
}

const RelationShape* SchemaSnapshot::relation(const QString& relationName) const {
    for (const RelationShape& r : relations)
        if (r.name == relationName)
            return &r;
    return nullptr;
}

SchemaSnapshot readSchemaSnapshot(Connection& connection, const QString& schema) {
    SchemaSnapshot snapshot;
    snapshot.schema = schema;
    snapshot.serverVersion = connection.serverVersion();
    bool found = false;
    QHash<qint64, qsizetype> byOid;
    QHash<QString, QString> keys; // "pg_class:16390" → "relation:customer"

    // Each result read as it arrives, while the server works on the next statements.
    using Parse = std::function<void(const Result&)>;
    const auto rows = [](auto parseRow) {
        return Parse([parseRow](const Result& r) { forEachRow(r, parseRow); });
    };
    const Params p{param(schema)};
    using namespace snapshotsql;
    const QList<QPair<BatchStatement, Parse>> reads{
        {{QStringLiteral("select 1 from pg_namespace where nspname::text = $1::text"), p},
         [&](const Result& r) { found = r.rowCount() > 0; }},
        {{relationsSql(), p}, rows([&](const ResultRow& row) {
             byOid.insert(row.int64("oid"), snapshot.relations.size());
             snapshot.relations << relationShape(row);
         })},
        {catalogColumnsStatement(partsOfSql(), p, ExpressionStyle::Exact),
         [&](const Result& r) {
             forEachCatalogColumn(r, [&](CatalogColumn&& c) {
                 if (const qsizetype i = byOid.value(c.relation, -1); i >= 0)
                     snapshot.relations[i].columns << columnShape(std::move(c));
             });
             for (RelationShape& rel : snapshot.relations)
                 std::sort(
                     rel.columns.begin(), rel.columns.end(),
                     [](const ColumnShape& a, const ColumnShape& b) { return a.position < b.position; });
         }},
        {catalogConstraintsStatement(partsOfSql(), p, ExpressionStyle::Exact),
         [&](const Result& r) {
             forEachCatalogConstraint(r, [&](CatalogConstraint&& c) {
                 const qsizetype i = byOid.value(c.relation, -1);
                 if (i < 0)
                     return;
                 RelationShape& rel = snapshot.relations[i];
                 // A partition's constraints cloned from its parent's, and a child's inherited checks,
                 // follow the parent: kept apart (not compared), for what a detach leaves behind.
                 TablePart part;
                 part.name = std::move(c.name);
                 part.definition = std::move(c.definition);
                 part.comment = std::move(c.comment);
                 part.kind = QChar::fromLatin1(c.kind);
                 part.validated = c.validated;
                 (c.cloned || !c.isLocal ? rel.inheritedConstraints : rel.constraints) << std::move(part);
             });
         }},
        {catalogIndexesStatement(partsOfSql(), p, ExpressionStyle::Exact),
         [&](const Result& r) {
             forEachCatalogIndex(r, [&](CatalogIndex&& x) {
                 const qsizetype i = byOid.value(x.relation, -1);
                 if (i < 0 || !x.constraintName.isEmpty()) // a constraint's index comes with it
                     return;
                 RelationShape& rel = snapshot.relations[i];
                 // pg_get_indexdef names the table with its schema whatever the search path: left out, as
                 // in the other definitions (a migration runs with the target schema on the search path). A
                 // partitioned table's index reads ON ONLY, which would leave the partitions without
                 // theirs: made plain, it is made on (or attached to) every partition too.
                 TablePart part;
                 part.name = std::move(x.name);
                 part.definition = std::move(x.definition);
                 part.comment = std::move(x.comment);
                 part.statistics = x.statisticsText();
                 for (const char* on : {" ON ", " ON ONLY "}) {
                     const QString qualified = QLatin1String(on) + x.tableQualifiedName + QLatin1Char(' ');
                     const qsizetype at = part.definition.indexOf(qualified);
                     if (at >= 0) {
                         part.definition.replace(at, qualified.size(),
                                                 QStringLiteral(" ON ") + x.tableQuotedName +
                                                     QLatin1Char(' '));
                         break;
                     }
                 }
                 // A partition's index attached to its parent's follows it.
                 (x.parentIndex.isEmpty() ? rel.indexes : rel.inheritedIndexes) << std::move(part);
             });
         }},
        {catalogTriggersStatement(partsOfSql(), p, ExpressionStyle::Exact),
         [&](const Result& r) {
             forEachCatalogTrigger(r, [&](CatalogTrigger&& t) {
                 const qsizetype i = byOid.value(t.relation, -1);
                 if (i < 0 || t.inherited) // a partition's clone follows its parent's
                     return;
                 TablePart part;
                 part.name = std::move(t.name);
                 // The spelling of servers before 11 (a dump loaded elsewhere may keep it).
                 part.definition = t.definition.replace(QLatin1String(" EXECUTE PROCEDURE "),
                                                        QLatin1String(" EXECUTE FUNCTION "));
                 part.comment = std::move(t.comment);
                 part.kind = QChar::fromLatin1(t.enabled);
                 snapshot.relations[i].triggers << part;
             });
         }},
        {catalogPoliciesStatement(partsOfSql(), p, ExpressionStyle::Exact),
         [&](const Result& r) {
             forEachCatalogPolicy(r, [&](CatalogPolicy&& c) {
                 if (const qsizetype i = byOid.value(c.relation, -1); i >= 0)
                     snapshot.relations[i].policies << policyPart(c);
             });
         }},
        {{functionsSql(), p}, rows([&](const ResultRow& row) { snapshot.functions << functionShape(row); })},
        {{typesSql(), p}, rows([&](const ResultRow& row) { snapshot.types << typeShape(row); })},
        {{sequencesSql(), p}, rows([&](const ResultRow& row) { snapshot.sequences << sequenceShape(row); })},
        {{extensionsSql(), p}, rows([&](const ResultRow& row) {
             snapshot.extensions << row.text("name");
             snapshot.extensionVersions.insert(row.text("name"), row.text("version"));
         })},
        {{objectKeysSql(), p},
         rows([&](const ResultRow& row) { keys.insert(row.text("key"), row.text("name")); })},
        {{conversionsSql(), {}}, rows([&](const ResultRow& row) {
             const QString kind = row.text("kind");
             if (kind == QLatin1String("cast"))
                 snapshot.casts.insert(row.text("a") + QLatin1Char('\n') + row.text("b"));
             else if (kind == QLatin1String("string"))
                 snapshot.stringTypes.insert(row.text("a"));
             else
                 snapshot.domainBases.insert(row.text("a"), row.text("b"));
         })},
        {{collationsSql(), p}, rows([&](const ResultRow& row) {
             snapshot.collations << CollationShape{row.text("name"), row.text("definition"),
                                                   row.text("comment")};
         })},
        {{dependenciesStatement(), {}},
         [&](const Result& r) {
             for (const auto& [dependent, referenced] : dependencyEdges(r)) {
                 const QString from = keys.value(dependent);
                 const QString to = keys.value(referenced);
                 if (!from.isEmpty() && !to.isEmpty() && from != to)
                     snapshot.dependencies.append({from, to});
             }
         }},
    };
    QList<BatchStatement> statements;
    for (const auto& [statement, parse] : reads)
        statements << statement;
    CatalogReader(connection)
        .readBatch(statements, schema, {},
                   // The schema on the path leaves its own names unqualified in what the server prints;
                   // pg_catalog before it, so a function or operator of the schema that shadows a catalog one
                   // (format_type …) is never what the read calls: a schema's owner must not run code as
                   // whoever compares it. And read only, should anything still try.
                   {{QStringLiteral("search_path"), QStringLiteral("pg_catalog, ") + quoteIdentifier(schema)},
                    {QStringLiteral("transaction_read_only"), QStringLiteral("on")}},
                   [&](qsizetype i, const Result& result) { reads[i].second(result); });
    if (!found)
        throwError(ErrorKind::NotFound, QStringLiteral("no schema named %1").arg(quoteIdentifier(schema)));
    return snapshot;
}

bool tableHasRows(Connection& connection, const QString& schema, const QString& table) {
    const Result r = connection.exec(QStringLiteral("select exists (select from %1.%2)")
                                         .arg(quoteIdentifier(schema), quoteIdentifier(table)));
    return r.rowCount() > 0 && r.bytes(0, 0) == "t";
}

bool columnHasNulls(Connection& connection, const QString& schema, const QString& table,
                    const QString& column) {
    const Result r =
        connection.exec(QStringLiteral("select exists (select from %1.%2 where %3 is null)")
                            .arg(quoteIdentifier(schema), quoteIdentifier(table), quoteIdentifier(column)));
    return r.rowCount() > 0 && r.bytes(0, 0) == "t";
}

} // namespace pgdesk::core
