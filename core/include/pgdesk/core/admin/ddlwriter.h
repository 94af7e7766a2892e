// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/loadorder.h>
#include <pgdesk/core/catalog/catalogreader.h>

#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;
class Result;

// CREATE scripts assembled from the server's own pg_get_*def functions and the catalog, in an order that
// loads into an empty database: schemas and extensions; then types, functions, aggregates, operators with
// their families and classes, casts, sequences, tables (typed tables, partitions with the defaults they
// set apart) and views, each after what it depends on as pg_depend says (function bodies are not checked
// during the load, as pg_dump does); then indexes, foreign keys, triggers, row security and policies,
// publications, comments, owners, grants, default privileges and event triggers. Every name is qualified
// and quoted by the server, so the script means the same on any search_path: the relations' OIDs are read
// first, then every part in one pipeline of src/admin/ddlsql.h statements (and relationparts.h's) under
// search_path = pg_catalog, where pg_get_*def and format_type qualify every name outside it.
class DdlWriter {
public:
    explicit DdlWriter(Connection& connection);

    // The script of one relation (table, partitioned table with its partitions, view, materialized view,
    // foreign table) with its sequences, indexes, constraints, triggers, policies, comments, owner and
    // grants; the types and functions it uses are expected to exist. By exact schema and name, an empty
    // schema searches the search path. Throws NotFound when there is no such relation.
    QString relationScript(const QString& schema, const QString& name);
    // The script of whole schemas, every section across all of them before the next (so objects of one
    // may use another's). Throws NotFound when none of them exists.
    QString schemaScript(const QStringList& schemas);

    // Every dependency between the database's user objects as (dependent, referenced) keys "catalog:oid"
    // ("pg_class:16390"): a column default, rule or constraint counts as its table, a row type as its table,
    // an array type as its element type. For loadOrder().
    DependencyEdges dependencies();

    const QList<LockBlocker>& lockHolders() const { return m_catalog.lockHolders(); }

private:
    QString script(const QList<qint64>& relations, const QStringList& schemas, const QString& title);

    Connection& m_connection;
    CatalogReader m_catalog;
};

// What DdlWriter::dependencies() runs, and its result read as edges: for a reader that sends it in a batch of
// its own (one round trip).
QString dependenciesStatement();
DependencyEdges dependencyEdges(const Result& result);

} // namespace pgdesk::core
