// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ddlscript.h"
#include "admin/ddlsql.h"
#include <pgdesk/core/admin/loadorder.h>
#include <pgdesk/core/session/resultrow.h>

#include <pgdesk/core/admin/ddlwriter.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/relationparts.h>
#include <pgdesk/core/completion/completion.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/version.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <functional>

namespace pgdesk::core {

using namespace ddlscript;

namespace {

// The relations of the script ($1 int8[]), as the scope of the shared reads of their parts.
const QString kRelationsScope = QStringLiteral("select unnest($1::int8[]::oid[]) as oid");

// A column's grants as appendGrants reads an ACL.
QJsonArray grantsJson(const QList<CatalogGrant>& grants) {
    QJsonArray out;
    for (const CatalogGrant& g : grants)
        out << QJsonObject{{QStringLiteral("grantee"), g.grantee},
                           {QStringLiteral("grantor"), g.grantor},
                           {QStringLiteral("privilege"), g.privilege},
                           {QStringLiteral("grantable"), g.grantable}};
    return out;
}

struct Relation {
    qint64 oid = 0;
    QString kind; // relkind
    QString qname;
    QString name;
    QString persistence;
    QString options;
    QString partitionKey;
    QString partitionBound;
    QStringList parentNames;
    QString ofType;
    QString tablespace;
    QString owner;
    QString comment;
    bool rowSecurity = false;
    bool forceRowSecurity = false;
    QString replicaIdentity;
    QString replicaIndex;
    QString viewDefinition;
    bool populated = true;
    QString foreignServer;
    QString foreignOptions;
    bool aclNull = true;
    QJsonArray acl;

    bool isView() const { return kind == QLatin1String("v") || kind == QLatin1String("m"); }
    bool isPartition() const { return !partitionBound.isEmpty(); }
    bool isTable() const { return kind == QLatin1String("r") || kind == QLatin1String("p"); }
};

QString relationKeyword(const QString& relkind) {
    if (relkind == QLatin1String("v"))
        return QStringLiteral("VIEW");
    if (relkind == QLatin1String("m"))
        return QStringLiteral("MATERIALIZED VIEW");
    if (relkind == QLatin1String("f"))
        return QStringLiteral("FOREIGN TABLE");
    return QStringLiteral("TABLE");
}

// The order of a table's constraints in its script: keys, exclusions, checks, foreign keys.
int constraintRank(char kind) {
    switch (kind) {
    case 'p':
        return 0;
    case 'u':
        return 1;
    case 'x':
        return 2;
    case 'c':
        return 3;
    default:
        return 4;
    }
}

// The indexes a script makes (not those of constraints, which come with them), a partitioned table's before
// those attached to it, then by name.
QList<CatalogIndex> scriptIndexes(const Result& result) {
    QList<CatalogIndex> indexes;
    forEachCatalogIndex(result, [&](CatalogIndex&& x) {
        if (x.constraintName.isEmpty())
            indexes << std::move(x);
    });
    QHash<QString, const CatalogIndex*> byName;
    for (const CatalogIndex& x : indexes)
        byName.insert(x.qualifiedName, &x);
    QHash<const CatalogIndex*, int> depth;
    const std::function<int(const CatalogIndex&)> depthOf = [&](const CatalogIndex& x) {
        if (const auto it = depth.constFind(&x); it != depth.cend())
            return *it;
        const CatalogIndex* parent = byName.value(x.parentIndex);
        const int d = parent ? depthOf(*parent) + 1 : x.parentIndex.isEmpty() ? 1 : 2;
        depth.insert(&x, d);
        return d;
    };
    QList<std::pair<int, const CatalogIndex*>> order;
    for (const CatalogIndex& x : indexes)
        order.append({depthOf(x), &x});
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
    });
    QList<CatalogIndex> out;
    out.reserve(order.size());
    for (const auto& [d, x] : order)
        out << *x;
    return out;
}

Relation parseRelation(const ResultRow& row) {
    Relation r;
    r.oid = row.int64("oid");
    r.kind = row.text("relkind");
    r.qname = row.text("qname");
    r.name = row.text("name");
    r.persistence = row.text("persistence");
    r.options = row.text("options");
    r.partitionKey = row.text("partition_key");
    r.partitionBound = row.text("partition_bound");
    r.parentNames = row.list("parents");
    r.ofType = row.text("of_type");
    r.tablespace = row.text("tablespace");
    r.owner = row.text("owner");
    r.comment = row.text("comment");
    r.rowSecurity = row.flag("row_security");
    r.forceRowSecurity = row.flag("force_row_security");
    r.replicaIdentity = row.text("replica_identity");
    r.replicaIndex = row.text("replica_index");
    r.viewDefinition = row.text("view_definition");
    r.populated = row.flag("populated");
    r.foreignServer = row.text("foreign_server");
    r.foreignOptions = row.text("foreign_options");
    r.aclNull = row.isNull("acl");
    r.acl = row.array("acl");
    return r;
}

// CREATE TABLE / FOREIGN TABLE, with the columns it declares itself and its valid local checks, keys and
// exclusions inline; what cannot be inline (NOT VALID checks, a partition's own constraints, defaults a
// partition or child sets apart from its parent's) follows it. The replica identity waits for the indexes.
QStringList tableStatements(Sections& s, const Relation& r, const QList<CatalogColumn>& columns,
                            const QList<CatalogConstraint>& constraints) {
    QStringList items;
    QStringList after;
    // ONLY keeps a setting on this table; a partitioned table passes it on to its partitions anyway.
    const QString alter = r.kind == QLatin1String("p") ? QStringLiteral("ALTER TABLE %1").arg(r.qname)
                                                       : QStringLiteral("ALTER TABLE ONLY %1").arg(r.qname);
    for (const CatalogColumn& c : columns) {
        const bool generated = !c.generatedExpression.isEmpty();
        if (c.hasParent && (r.isPartition() || !c.isLocal)) {
            // Made from the parent's column, default included: only what differs from it.
            if (c.defaultExpression != c.parentDefault && !generated)
                after << (c.defaultExpression.isEmpty()
                              ? QStringLiteral("ALTER TABLE ONLY %1 ALTER COLUMN %2 DROP DEFAULT;")
                                    .arg(r.qname, c.quotedName)
                              : QStringLiteral("ALTER TABLE ONLY %1 ALTER COLUMN %2 SET DEFAULT %3;")
                                    .arg(r.qname, c.quotedName, c.defaultExpression));
            if (c.notNull && !c.parentNotNull)
                after << QStringLiteral("ALTER TABLE ONLY %1 ALTER COLUMN %2 SET NOT NULL;")
                             .arg(r.qname, c.quotedName);
            continue;
        }
        if (r.isPartition() || !c.isLocal)
            continue;
        if (!r.ofType.isEmpty()) {
            // A typed table's columns come from its type: only their options.
            QString line = QStringLiteral("    %1 WITH OPTIONS").arg(c.quotedName);
            if (!c.defaultExpression.isEmpty())
                line += QStringLiteral(" DEFAULT ") + c.defaultExpression;
            if (c.notNull)
                line += QStringLiteral(" NOT NULL");
            if (!c.defaultExpression.isEmpty() || c.notNull)
                items << line;
            continue;
        }
        QString line = QStringLiteral("    %1 %2").arg(c.quotedName, c.type);
        // Qualified even in pg_catalog, as everything the script names.
        if (!c.collationName.isEmpty())
            line += QStringLiteral(" COLLATE %1.%2").arg(c.collationQuotedSchema, c.collationQuotedName);
        if (generated)
            line += QStringLiteral(" GENERATED ALWAYS AS (%1) STORED").arg(c.generatedExpression);
        if (!c.identity.isEmpty()) {
            line += c.identity == QLatin1String("a") ? QStringLiteral(" GENERATED ALWAYS AS IDENTITY")
                                                     : QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY");
            // The identity sequence's options, so the column gets back the same sequence (name, start …).
            if (const auto& q = c.identitySequence)
                line +=
                    QStringLiteral(" (SEQUENCE NAME %1.%2 START WITH %3 INCREMENT BY %4 MINVALUE %5 MAXVALUE "
                                   "%6 CACHE %7%8)")
                        .arg(q->quotedSchema, q->quotedName, q->start, q->increment, q->min, q->max, q->cache,
                             q->cycle ? QStringLiteral(" CYCLE") : QString());
        }
        if (!c.defaultExpression.isEmpty())
            line += QStringLiteral(" DEFAULT ") + c.defaultExpression;
        if (c.notNull && c.identity.isEmpty())
            line += QStringLiteral(" NOT NULL");
        items << line;
    }
    for (const CatalogConstraint& k : constraints) {
        if (k.kind == 'f' || k.cloned || !k.isLocal)
            continue;
        const QString def = QStringLiteral("CONSTRAINT %1 %2").arg(k.quotedName, k.definition);
        if (r.isPartition() || !k.validated)
            after << QStringLiteral("ALTER TABLE ONLY %1 ADD %2;").arg(r.qname, def);
        else
            items << QStringLiteral("    ") + def;
    }

    QString sql = QStringLiteral("CREATE %1%2 %3")
                      .arg(r.persistence == QLatin1String("u") ? QStringLiteral("UNLOGGED ") : QString(),
                           relationKeyword(r.kind), r.qname);
    if (r.isPartition())
        sql += QStringLiteral(" PARTITION OF %1 %2").arg(r.parentNames.value(0), r.partitionBound);
    else if (!r.ofType.isEmpty())
        sql += QStringLiteral(" OF ") + r.ofType +
               (items.isEmpty() ? QString()
                                : QStringLiteral(" (\n%1\n)").arg(items.join(QStringLiteral(",\n"))));
    else
        sql += items.isEmpty() ? QStringLiteral(" (\n)")
                               : QStringLiteral(" (\n%1\n)").arg(items.join(QStringLiteral(",\n")));
    if (!r.isPartition() && !r.parentNames.isEmpty())
        sql += QStringLiteral(" INHERITS (%1)").arg(r.parentNames.join(QStringLiteral(", ")));
    if (!r.partitionKey.isEmpty())
        sql += QStringLiteral(" PARTITION BY ") + r.partitionKey;
    if (!r.foreignServer.isEmpty()) {
        sql += QStringLiteral(" SERVER ") + r.foreignServer;
        if (!r.foreignOptions.isEmpty())
            sql += QStringLiteral(" OPTIONS (%1)").arg(r.foreignOptions);
    }
    if (!r.options.isEmpty())
        sql += QStringLiteral(" WITH (%1)").arg(r.options);
    if (!r.tablespace.isEmpty())
        sql += QStringLiteral(" TABLESPACE ") + r.tablespace;
    QStringList out{sql + QLatin1Char(';')};
    out << after;

    for (const CatalogColumn& c : columns) {
        if (c.storage != c.typeStorage)
            out << QStringLiteral("%1 ALTER COLUMN %2 SET STORAGE %3;")
                       .arg(alter, c.quotedName, c.storageName().toUpper());
        if (c.statistics >= 0)
            out << QStringLiteral("%1 ALTER COLUMN %2 SET STATISTICS %3;")
                       .arg(alter, c.quotedName, QString::number(c.statistics));
    }
    if (r.replicaIdentity == QLatin1String("f"))
        s.indexes << QStringLiteral("%1 REPLICA IDENTITY FULL;").arg(alter);
    else if (r.replicaIdentity == QLatin1String("n"))
        s.indexes << QStringLiteral("%1 REPLICA IDENTITY NOTHING;").arg(alter);
    else if (r.replicaIdentity == QLatin1String("i") && !r.replicaIndex.isEmpty())
        s.indexes << QStringLiteral("%1 REPLICA IDENTITY USING INDEX %2;").arg(alter, r.replicaIndex);
    return out;
}

QString viewStatement(const Relation& r) {
    QString sql = QStringLiteral("CREATE %1 %2").arg(relationKeyword(r.kind), r.qname);
    if (!r.options.isEmpty())
        sql += QStringLiteral(" WITH (%1)").arg(r.options);
    if (!r.tablespace.isEmpty())
        sql += QStringLiteral(" TABLESPACE ") + r.tablespace;
    sql += QStringLiteral(" AS\n") + withoutSemicolon(r.viewDefinition);
    if (r.kind == QLatin1String("m"))
        sql += r.populated ? QStringLiteral("\n  WITH DATA") : QStringLiteral("\n  WITH NO DATA");
    return sql + QLatin1Char(';');
}

} // namespace

QString dependenciesStatement() {
    return ddlsql::dependenciesSql();
}

DependencyEdges dependencyEdges(const Result& result) {
    DependencyEdges edges;
    forEachRow(result, [&](const ResultRow& row) {
        edges.append({row.text("dependent"), row.text("referenced")});
    });
    return edges;
}

DependencyEdges DdlWriter::dependencies() {
    return dependencyEdges(m_catalog.readBatch({{ddlsql::dependenciesSql(), {}}}, {}, {}).first());
}

DdlWriter::DdlWriter(Connection& connection)
    : m_connection(connection)
    , m_catalog(connection) {
}

QString DdlWriter::relationScript(const QString& schema, const QString& name) {
    const Result targets =
        m_catalog
            .readBatch({{ddlsql::targetsSql(),
                         {nullParam(), schema.isEmpty() ? nullParam() : param(schema), param(name)}}},
                       schema, name)
            .first();
    QList<qint64> relations;
    for (int row = 0; row < targets.rowCount(); ++row)
        relations << targets.bytes(row, 0).toLongLong();
    if (relations.isEmpty())
        throwError(ErrorKind::NotFound, QStringLiteral("no table or view named %1")
                                            .arg(schema.isEmpty() ? name : schema + QLatin1Char('.') + name));
    return script(relations, {},
                  schema.isEmpty()
                      ? completionIdentifier(name)
                      : completionIdentifier(schema) + QLatin1Char('.') + completionIdentifier(name));
}

QString DdlWriter::schemaScript(const QStringList& schemas) {
    const Result targets =
        m_catalog
            .readBatch({{ddlsql::targetsSql(), {param(arrayLiteral(schemas)), nullParam(), nullParam()}}}, {},
                       {})
            .first();
    QList<qint64> relations;
    for (int row = 0; row < targets.rowCount(); ++row)
        relations << targets.bytes(row, 0).toLongLong();
    QStringList names;
    for (const QString& schema : schemas)
        names << completionIdentifier(schema);
    return script(relations, schemas, names.join(QStringLiteral(", ")));
}

QString DdlWriter::script(const QList<qint64>& relations, const QStringList& schemas, const QString& title) {
    QStringList oids;
    for (qint64 oid : relations)
        oids << QString::number(oid);
    const Params oidParam{param(QStringLiteral("{%1}").arg(oids.join(QLatin1Char(','))))};
    const Params names{param(arrayLiteral(schemas))};
    using namespace ddlsql;
    // search_path = pg_catalog: the pg_get_*def functions then qualify every name outside pg_catalog.
    const QList<Result> r = m_catalog.readBatch(
        {{relationsSql(), oidParam},
         catalogColumnsStatement(kRelationsScope, oidParam, ExpressionStyle::Exact, ParentColumns::Read),
         catalogConstraintsStatement(kRelationsScope, oidParam, ExpressionStyle::Exact),
         catalogIndexesStatement(kRelationsScope, oidParam, ExpressionStyle::Exact),
         catalogTriggersStatement(kRelationsScope, oidParam, ExpressionStyle::Exact),
         catalogPoliciesStatement(kRelationsScope, oidParam, ExpressionStyle::Exact),
         {sequencesSql(), oidParam + names},
         {schemasSql(), names},
         {extensionsSql(), names},
         {typesSql(), names},
         {functionsSql(), names},
         {aggregatesSql(), names},
         {operatorsSql(), names},
         {operatorFamiliesSql(), names},
         {operatorClassesSql(), names},
         {castsSql(), names},
         {defaultPrivilegesSql(), names},
         {eventTriggersSql(), names},
         {publicationsSql(m_connection.serverVersion()), names + oidParam},
         {dependenciesSql(), {}},
         {collationsSql(), names}},
        {}, {}, {{QStringLiteral("search_path"), QStringLiteral("pg_catalog")}});
    if (!schemas.isEmpty() && r[7].rowCount() == 0)
        throwError(ErrorKind::NotFound,
                   QStringLiteral("no schema named %1").arg(schemas.join(QStringLiteral(", "))));

    QList<Relation> rels;
    forEachRow(r[0], [&](const ResultRow& row) { rels << parseRelation(row); });
    QHash<qint64, QList<CatalogColumn>> columns;
    forEachCatalogColumn(r[1], [&](CatalogColumn&& c) { columns[c.relation] << std::move(c); });
    for (QList<CatalogColumn>& list : columns)
        std::sort(list.begin(), list.end(),
                  [](const CatalogColumn& a, const CatalogColumn& b) { return a.position < b.position; });
    // Each table's keys first, then exclusions, checks and foreign keys, by name.
    QHash<qint64, QList<CatalogConstraint>> constraints;
    forEachCatalogConstraint(r[2], [&](CatalogConstraint&& k) { constraints[k.relation] << std::move(k); });
    for (QList<CatalogConstraint>& list : constraints)
        std::stable_sort(list.begin(), list.end(),
                         [](const CatalogConstraint& a, const CatalogConstraint& b) {
                             return constraintRank(a.kind) < constraintRank(b.kind);
                         });
    QHash<qint64, const Relation*> byOid;
    for (const Relation& rel : rels)
        byOid.insert(rel.oid, &rel);

    Sections s;
    Objects objects;
    // Names in the header as SQL writes them; a line break in one would end the comment and run the rest.
    s.header << QStringLiteral("-- CREATE script of %1").arg(sqlCommentText(title))
             << QStringLiteral("-- PostgreSQL %1, PgDesk %2")
                    .arg(sqlCommentText(m_connection.serverVersionString()), pgdeskVersion())
             << QStringLiteral("SET check_function_bodies = false;")
             << QStringLiteral("SET client_min_messages = warning;");

    forEachRow(r[7], [&](const ResultRow& row) {
        const QString name = row.text("name");
        s.schemas << QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1;").arg(name);
        appendComment(s.comments, QStringLiteral("SCHEMA ") + name, row.text("comment"));
        s.owners << QStringLiteral("ALTER SCHEMA %1 OWNER TO %2;").arg(name, row.text("owner"));
        appendGrants(s.grants, QStringLiteral("SCHEMA ") + name, row.text("owner"), row.isNull("acl"),
                     row.array("acl"));
    });
    forEachRow(r[8], [&](const ResultRow& row) {
        s.extensions << QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2;")
                            .arg(row.text("name"), row.text("schema_name"));
    });
    // Collations with the extensions: columns, domains and indexes use them, and they use nothing.
    forEachRow(r[20], [&](const ResultRow& row) {
        const QString q = row.text("qname");
        s.extensions << QStringLiteral("CREATE COLLATION %1 (%2);").arg(q, row.text("definition"));
        appendComment(s.comments, QStringLiteral("COLLATION ") + q, row.text("comment"));
        s.owners << QStringLiteral("ALTER COLLATION %1 OWNER TO %2;").arg(q, row.text("owner"));
    });
    forEachRow(r[9], [&](const ResultRow& row) {
        const QString kind = row.text("kind");
        const QString q = row.text("qname");
        QString keyword = QStringLiteral("TYPE");
        const auto add = [&](const QString& sql) {
            objects.add("pg_type", row.int64("oid"), kind == QLatin1String("d") ? DomainRank : TypeRank,
                        {sql});
        };
        if (kind == QLatin1String("e")) {
            add(QStringLiteral("CREATE TYPE %1 AS ENUM (%2);").arg(q, row.text("labels")));
        } else if (kind == QLatin1String("c")) {
            add(QStringLiteral("CREATE TYPE %1 AS (%2);").arg(q, row.text("attributes")));
        } else if (kind == QLatin1String("r")) {
            add(QStringLiteral("CREATE TYPE %1 AS RANGE (subtype = %2);").arg(q, row.text("subtype")));
        } else {
            keyword = QStringLiteral("DOMAIN");
            QString sql = QStringLiteral("CREATE DOMAIN %1 AS %2").arg(q, row.text("base_type"));
            if (!row.isNull("collation"))
                sql += QStringLiteral(" COLLATE ") + row.text("collation");
            if (!row.isNull("default_expression"))
                sql += QStringLiteral(" DEFAULT ") + row.text("default_expression");
            if (row.flag("not_null"))
                sql += QStringLiteral(" NOT NULL");
            for (const auto& c : row.array("checks"))
                sql += QStringLiteral("\n    CONSTRAINT %1 %2")
                           .arg(c.toObject().value(QLatin1String("name")).toString(),
                                c.toObject().value(QLatin1String("definition")).toString());
            add(sql + QLatin1Char(';'));
        }
        appendComment(s.comments, keyword + QLatin1Char(' ') + q, row.text("comment"));
        s.owners << QStringLiteral("ALTER %1 %2 OWNER TO %3;").arg(keyword, q, row.text("owner"));
        appendGrants(s.grants, keyword + QLatin1Char(' ') + q, row.text("owner"), row.isNull("acl"),
                     row.array("acl"));
    });
    forEachRow(r[10], [&](const ResultRow& row) {
        const QString kind = row.text("kind");
        const QString signature = row.text("signature");
        const QString keyword =
            kind == QLatin1String("p") ? QStringLiteral("PROCEDURE") : QStringLiteral("FUNCTION");
        objects.add("pg_proc", row.int64("oid"), FunctionRank,
                    {withoutSemicolon(row.text("definition")) + QLatin1Char(';')});
        appendComment(s.comments, keyword + QLatin1Char(' ') + signature, row.text("comment"));
        s.owners << QStringLiteral("ALTER %1 %2 OWNER TO %3;").arg(keyword, signature, row.text("owner"));
        appendGrants(s.grants, keyword + QLatin1Char(' ') + signature, row.text("owner"), row.isNull("acl"),
                     row.array("acl"));
    });
    forEachRow(r[6], [&](const ResultRow& row) {
        const QString q = row.text("qname");
        objects.add("pg_class", row.int64("oid"), SequenceRank,
                    {QStringLiteral("CREATE SEQUENCE %1 AS %2 START WITH %3 INCREMENT BY %4 MINVALUE %5 "
                                    "MAXVALUE %6 CACHE %7%8;")
                         .arg(q, row.text("data_type"), row.text("start"), row.text("increment"),
                              row.text("min"), row.text("max"), row.text("cache"),
                              row.flag("cycle") ? QStringLiteral(" CYCLE") : QString())});
        if (!row.isNull("owned_by"))
            s.ownedBy << QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(q, row.text("owned_by"));
        appendComment(s.comments, QStringLiteral("SEQUENCE ") + q, row.text("comment"));
        s.owners << QStringLiteral("ALTER SEQUENCE %1 OWNER TO %2;").arg(q, row.text("owner"));
        appendGrants(s.grants, QStringLiteral("SEQUENCE ") + q, row.text("owner"), row.isNull("acl"),
                     row.array("acl"));
    });

    addAggregates(r[11], objects, s);
    addOperators(r[12], objects, s);
    addOperatorFamilies(r[13], objects, s);
    addOperatorClasses(r[14], objects, s);
    addCasts(r[15], objects, s);
    addDefaultPrivileges(r[16], s);
    addEventTriggers(r[17], s);
    addPublications(r[18], s);

    for (const Relation& relation : rels) {
        const Relation* rel = &relation;
        const QList<CatalogColumn> cols = columns.value(rel->oid);
        if (rel->isView())
            objects.add("pg_class", rel->oid, ViewRank, {viewStatement(*rel)});
        else
            objects.add("pg_class", rel->oid, TableRank,
                        tableStatements(s, *rel, cols, constraints.value(rel->oid)));
        const QString keyword = relationKeyword(rel->kind);
        appendComment(s.comments, keyword + QLatin1Char(' ') + rel->qname, rel->comment);
        for (const CatalogColumn& c : cols)
            appendComment(s.comments, QStringLiteral("COLUMN %1.%2").arg(rel->qname, c.quotedName),
                          c.comment.isEmpty() ? QString() : quoteLiteralPure(c.comment));
        for (const CatalogConstraint& k : constraints.value(rel->oid)) {
            if (k.cloned || !k.isLocal)
                continue;
            if (k.kind == 'f')
                s.foreignKeys << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3;")
                                     .arg(rel->qname, k.quotedName, k.definition);
            appendComment(s.comments, QStringLiteral("CONSTRAINT %1 ON %2").arg(k.quotedName, rel->qname),
                          k.comment.isEmpty() ? QString() : quoteLiteralPure(k.comment));
        }
        if (rel->rowSecurity)
            s.security << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY;").arg(rel->qname);
        if (rel->forceRowSecurity)
            s.security << QStringLiteral("ALTER TABLE %1 FORCE ROW LEVEL SECURITY;").arg(rel->qname);
        s.owners << QStringLiteral("ALTER %1 %2 OWNER TO %3;").arg(keyword, rel->qname, rel->owner);
        const QString object = QStringLiteral("TABLE ") + rel->qname;
        appendGrants(s.grants, object, rel->owner, rel->aclNull, rel->acl);
        for (const CatalogColumn& c : cols)
            appendGrants(s.grants, object, rel->owner, c.grants.isEmpty(), grantsJson(c.grants),
                         c.quotedName);
    }

    for (const CatalogIndex& x : scriptIndexes(r[3])) {
        const Relation* rel = byOid.value(x.relation);
        s.indexes << withoutSemicolon(x.definition) + QLatin1Char(';');
        if (!x.parentIndex.isEmpty())
            s.indexes
                << QStringLiteral("ALTER INDEX %1 ATTACH PARTITION %2;").arg(x.parentIndex, x.qualifiedName);
        // An expression column's statistics target, which pg_get_indexdef does not say.
        for (const auto& [column, target] : x.statistics)
            s.indexes << QStringLiteral("ALTER INDEX %1 ALTER COLUMN %2 SET STATISTICS %3;")
                             .arg(x.qualifiedName, QString::number(column), QString::number(target));
        if (x.clustered && rel)
            s.indexes << QStringLiteral("ALTER TABLE %1 CLUSTER ON %2;").arg(rel->qname, x.quotedName);
        appendComment(s.comments, QStringLiteral("INDEX ") + x.qualifiedName,
                      x.comment.isEmpty() ? QString() : quoteLiteralPure(x.comment));
    }
    // Triggers cloned onto partitions (tgparentid) come back with their parent's.
    forEachCatalogTrigger(r[4], [&](CatalogTrigger&& t) {
        const Relation* rel = byOid.value(t.relation);
        if (!rel || t.inherited)
            return;
        s.triggers << withoutSemicolon(t.definition) + QLatin1Char(';');
        const QString& name = t.quotedName;
        if (t.enabled == 'D')
            s.triggers << QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER %2;").arg(rel->qname, name);
        else if (t.enabled == 'R')
            s.triggers << QStringLiteral("ALTER TABLE %1 ENABLE REPLICA TRIGGER %2;").arg(rel->qname, name);
        else if (t.enabled == 'A')
            s.triggers << QStringLiteral("ALTER TABLE %1 ENABLE ALWAYS TRIGGER %2;").arg(rel->qname, name);
        appendComment(s.comments, QStringLiteral("TRIGGER %1 ON %2").arg(name, rel->qname),
                      t.comment.isEmpty() ? QString() : quoteLiteralPure(t.comment));
    });
    forEachCatalogPolicy(r[5], [&](CatalogPolicy&& p) {
        const Relation* rel = byOid.value(p.relation);
        if (!rel)
            return;
        QString sql = QStringLiteral("CREATE POLICY %1 ON %2").arg(p.quotedName, rel->qname);
        if (!p.permissive)
            sql += QStringLiteral(" AS RESTRICTIVE");
        QStringList roles;
        for (const CatalogPolicyRole& role : std::as_const(p.roles))
            roles << role.quoted;
        sql += QStringLiteral(" FOR %1 TO %2").arg(p.commandKeyword(), roles.join(QStringLiteral(", ")));
        if (!p.usingExpression.isEmpty())
            sql += QStringLiteral(" USING (%1)").arg(p.usingExpression);
        if (!p.withCheckExpression.isEmpty())
            sql += QStringLiteral(" WITH CHECK (%1)").arg(p.withCheckExpression);
        s.security << sql + QLatin1Char(';');
        appendComment(s.comments, QStringLiteral("POLICY %1 ON %2").arg(p.quotedName, rel->qname),
                      p.comment.isEmpty() ? QString() : quoteLiteralPure(p.comment));
    });
    for (qsizetype i : loadOrder(objects.items, dependencyEdges(r[19])))
        s.objects << objects.statements[i];
    return s.join();
}

} // namespace pgdesk::core
