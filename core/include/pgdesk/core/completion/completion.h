// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;

// What SQL completion knows of a database: names only, loaded once per connection (on a worker) and
// indexed so that a lookup per keystroke stays cheap on tens of thousands of tables.
struct CompletionColumn {
    QString name;
    QString type; // format_type() text: "character varying(40)"
};

struct CompletionRelation {
    enum class Kind { Table, View, MaterializedView, Foreign };
    QString schema;
    QString name;
    Kind kind = Kind::Table;
    QList<CompletionColumn> columns; // in attnum order
};

struct CompletionFunction {
    QString schema;
    QString name;
    QString arguments; // pg_get_function_identity_arguments(): "text, timestamp with time zone"
    QString result;    // pg_get_function_result(): "timestamp with time zone"
};

struct CompletionType {
    QString schema;
    QString name;
};

// A foreign key, for the join condition offered after `JOIN … ON`.
struct CompletionForeignKey {
    QString schema, table; // the referencing table
    QStringList columns;
    QString refSchema, refTable; // the referenced one
    QStringList refColumns;      // paired with columns
};

struct CompletionCatalog {
    QStringList schemas;
    QStringList searchPath; // current_schemas(false), in order
    QList<CompletionRelation> relations;
    QList<CompletionFunction> functions;
    QList<CompletionType> types;
    QList<CompletionForeignKey> foreignKeys;

    // Builds the lookup tables; call once after filling (or changing) the lists above. complete()
    // indexes a copy itself when this was not done, which is correct but slow.
    void index();
    bool isIndexed() const { return m_indexed; }

    // Exact (already case-folded) names; an empty schema looks along the search path, then pg_catalog.
    const CompletionRelation* findRelation(const QString& schema, const QString& name) const;
    bool hasSchema(const QString& name) const { return m_schemas.contains(name); }
    // Objects of a schema named without qualification: in the search path, or pg_catalog.
    bool isVisible(const QString& schema) const;
    // pg_catalog and information_schema: their tables are offered only after `schema.`.
    static bool isSystemSchema(const QString& schema);

    // Indices into relations / functions / types whose lower-cased name starts with `lowerPrefix`.
    QList<int> relationsWithPrefix(const QString& lowerPrefix) const;
    QList<int> functionsWithPrefix(const QString& lowerPrefix) const;
    QList<int> typesWithPrefix(const QString& lowerPrefix) const;
    QList<int> relationsInSchema(const QString& schema) const { return m_relationsBySchema.value(schema); }
    QList<int> functionsInSchema(const QString& schema) const { return m_functionsBySchema.value(schema); }
    QList<int> typesInSchema(const QString& schema) const { return m_typesBySchema.value(schema); }
    // Indices into foreignKeys of the keys from or to the relation.
    QList<int> foreignKeysOf(const QString& schema, const QString& name) const {
        return m_foreignKeysByRelation.value(schema + QChar(0) + name);
    }

    struct Key {
        QString lower; // lower-cased name, the sort key
        int index = 0;
    };

private:
    bool m_indexed = false;
    QHash<QString, bool> m_schemas;
    QHash<QString, int> m_relationByQualifiedName; // schema + '\0' + name
    QHash<QString, QList<int>> m_relationsBySchema;
    QHash<QString, QList<int>> m_functionsBySchema;
    QHash<QString, QList<int>> m_typesBySchema;
    QHash<QString, QList<int>> m_foreignKeysByRelation; // schema + '\0' + name, both ends
    QList<Key> m_relationKeys;                          // sorted by lower, for prefix ranges by binary search
    QList<Key> m_functionKeys;
    QList<Key> m_typeKeys;
};

// A few catalog queries (schemas, relations with their columns, functions, types, search path); skips
// pg_toast and pg_temp schemas. Blocks: callers run it on a worker.
CompletionCatalog loadCompletionCatalog(Connection& connection);
// current_schemas(false) of the connection's session, in order: what CompletionCatalog::searchPath holds.
QStringList loadSearchPath(Connection& connection);

struct CompletionItem {
    enum Kind { Keyword, Schema, Table, View, Column, Function, Type, Alias, Cte, JoinCondition, Snippet };
    QString text;  // what to insert in place of the word being typed (see completionWordStart), quoted
                   // when needed, each part of a qualified name on its own
    QString label; // what to show: the bare name
    Kind kind = Keyword;
    QString detail; // column type, "(arguments) → result", the schema of a relation …
};

// Pure: the candidates for the word being typed at `cursor` in `sql` (a script: only the statement
// around the cursor counts), best first: names that match the typed text in its exact case, then
// columns, aliases, relations, schemas, functions, types, keywords. Right after `JOIN t ON` the conditions
// of the foreign keys between t and the relations before it come first ("o.customer_id = c.id"); a column
// two relations in scope have is offered qualified by each. Empty inside strings and comments.
QList<CompletionItem> complete(const CompletionCatalog& catalog, const QString& sql, int cursor);

// Pure: where the word being typed at `cursor` starts (its opening `"` included): the UI replaces
// [completionWordStart, cursor) with CompletionItem::text.
int completionWordStart(const QString& sql, int cursor);

// Pure: `name` as it must be written in SQL: bare when all lower-case [a-z_][a-z0-9_$]* and not a
// keyword PostgreSQL reserves for that place (quote_ident()'s rule), else double-quoted.
QString completionIdentifier(const QString& name);

} // namespace pgdesk::core
