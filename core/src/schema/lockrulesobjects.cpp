// SPDX-License-Identifier: GPL-3.0-or-later
// The static rules of relations other than tables: indexes, sequences and views, after PostgreSQL 15's
// tablecmds.c and sequence.c (ALTER INDEX and ALTER SEQUENCE lock the relation they name) and view.c (a
// view made again is locked against everything, what its query reads only against being dropped), checked by
// tests/core/tst_lockanalysis's trace like the table rules.
#include "schema/lockrulebook.h"

namespace pgdesk::core::lockrules {

using ddl::Cursor;

// ALTER INDEX [IF EXISTS] name RENAME TO … | SET (…) | RESET (…) | SET TABLESPACE … | ALTER [COLUMN] n SET
// STATISTICS … | ATTACH PARTITION …
void alterIndex(Cursor& c, Rules& r, StatementLocks& out) {
    out.operation = QStringLiteral("ALTER INDEX");
    c.accept({"IF", "EXISTS"});
    const auto index = r.resolve(c.name());
    if (!index)
        return;
    if (c.accept({"RENAME"})) {
        out.operation = QStringLiteral("ALTER INDEX … RENAME");
        r.lock(*index, LockMode::ShareUpdateExclusive);
        r.note(tr("Renaming an index blocks only other changes to it: queries and writes go on."));
        return;
    }
    if (c.accept({"SET", "TABLESPACE"})) {
        out.operation = QStringLiteral("ALTER INDEX … SET TABLESPACE");
        r.lock(*index, LockMode::AccessExclusive);
        if (auto table = r.facts().tableOfIndex(*index))
            r.lock(*table, LockMode::ShareUpdateExclusive);
        r.note(tr("The index's files are copied to the other tablespace while it is locked: queries that "
                  "would use it wait."));
        return;
    }
    if (c.accept({"ATTACH", "PARTITION"})) {
        out.operation = QStringLiteral("ALTER INDEX … ATTACH PARTITION");
        r.lock(*index, LockMode::ShareUpdateExclusive);
        if (auto partition = r.resolve(c.name()))
            r.lock(*partition, LockMode::AccessExclusive);
        return;
    }
    // Storage parameters, a column's statistics target: only other changes to the index wait.
    r.lock(*index, LockMode::ShareUpdateExclusive);
}

// ALTER SEQUENCE [IF EXISTS] name …: its options (RESTART, INCREMENT, OWNED BY …) are changed under SHARE ROW
// EXCLUSIVE, which nextval() (ROW EXCLUSIVE) waits for; RENAME, OWNER TO and SET SCHEMA go the ALTER TABLE
// way.
void alterSequence(Cursor& c, Rules& r, StatementLocks& out) {
    out.operation = QStringLiteral("ALTER SEQUENCE");
    c.accept({"IF", "EXISTS"});
    const auto sequence = r.resolve(c.name());
    if (!sequence)
        return;
    const bool asTable = c.isWord("RENAME") || c.isWord("OWNER") ||
                         (c.isWord("SET") && c.isWord("SCHEMA", 1)) ||
                         (c.isWord("SET") && (c.isWord("LOGGED", 1) || c.isWord("UNLOGGED", 1)));
    r.lock(*sequence, asTable ? LockMode::AccessExclusive : LockMode::ShareRowExclusive);
    if (!asTable)
        r.note(tr("nextval() on the sequence (every insert that fills a column from it) waits until the "
                  "transaction ends."));
    Cursor owned = c;
    while (!owned.atEnd() && !owned.accept({"OWNED", "BY"}))
        owned.skip();
    if (!owned.atEnd() && !owned.isWord("NONE")) {
        QStringList column = owned.name();
        column.removeLast();
        if (auto table = r.resolve(column))
            r.lock(*table, LockMode::AccessShare);
    }
}

// CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name [(columns)] [WITH (…)] AS query: the view (when it is made
// again) is locked against everything; the tables and views its query reads, named after FROM and JOIN, only
// against being dropped or changed.
void createView(Cursor& c, Rules& r, StatementLocks& out) {
    const bool replace = c.accept({"OR", "REPLACE"});
    while (c.accept({"TEMP"}) || c.accept({"TEMPORARY"}) || c.accept({"RECURSIVE"})) {
    }
    c.accept({"VIEW"});
    out.operation = replace ? QStringLiteral("CREATE OR REPLACE VIEW") : QStringLiteral("CREATE VIEW");
    if (const auto view = r.resolve(c.name()); view && replace)
        r.lock(*view, LockMode::AccessExclusive);
    while (!c.atEnd() && !c.isWord("AS"))
        c.skip();
    queryReads(c, r, false);
    r.note(tr("Queries on the view wait while it is made again; what it reads is only kept from being "
              "dropped or changed."));
}

void queryReads(Cursor& c, Rules& r, bool run) {
    bool inFrom = false; // after FROM at some depth: a comma starts another relation
    while (!c.atEnd()) {
        if (c.accept({"FROM"}) || c.accept({"JOIN"}) || (inFrom && c.acceptOp(u','))) {
            inFrom = true;
            const bool only = c.accept({"ONLY"});
            c.accept({"LATERAL"});
            if (c.peek() && (c.peek()->word || c.peek()->quoted))
                if (auto source = r.resolve(c.name())) {
                    if (run) {
                        r.lockTree(*source, LockMode::AccessShare, only);
                        r.scan(*source, only);
                    } else {
                        r.lock(*source, LockMode::AccessShare);
                    }
                }
            continue;
        }
        if (c.isWord("WHERE") || c.isWord("GROUP") || c.isWord("ORDER") || c.isWord("HAVING") ||
            c.isWord("LIMIT") || c.isWord("WINDOW") || c.isWord("UNION") || c.isWord("SELECT"))
            inFrom = false;
        c.skip();
    }
}

// CREATE | ALTER | DROP PUBLICATION, after PostgreSQL 15's publicationcmds.c: the tables named (TABLE a, b,
// and the items after them up to TABLES IN SCHEMA) are opened with SHARE UPDATE EXCLUSIVE (OpenTableList; a
// partitioned table's partitions are not); schemas, options, owner and name lock no table.
void publication(Cursor& c, Rules& r, StatementLocks& out, const QString& verb) {
    out.operation = verb + QStringLiteral(" PUBLICATION");
    c.accept({"IF", "EXISTS"});
    const QStringList name = c.name();
    bool tables = false;
    if (verb == QLatin1String("CREATE")) {
        if (c.accept({"FOR", "ALL", "TABLES"})) {
            r.note(tr("FOR ALL TABLES locks no table: every table, also those created later, is published."));
            return;
        }
        tables = c.accept({"FOR"});
    } else if (verb == QLatin1String("ALTER")) {
        const bool set = c.isWord("SET");
        tables = (c.accept({"ADD"}) || c.accept({"DROP"}) || c.accept({"SET"})) &&
                 (c.isWord("TABLE") || c.isWord("TABLES"));
        // SET TABLE stops publishing the tables it does not name again: they are locked too.
        if (tables && set && c.isWord("TABLE") && !name.isEmpty())
            for (const RelationFacts& t : r.facts().publicationTables(name.last()))
                r.lock(t, LockMode::ShareUpdateExclusive);
    }
    bool inTables = false;
    while (tables && !c.atEnd()) {
        if (c.accept({"TABLE"})) {
            inTables = true;
        } else if (c.accept({"TABLES", "IN", "SCHEMA"})) {
            inTables = false;
        } else if (c.isWord("WITH")) {
            break;
        }
        if (inTables) {
            c.accept({"ONLY"});
            // A partitioned table is published as one: its partitions are not opened.
            if (auto table = r.resolve(c.name()))
                r.lock(*table, LockMode::ShareUpdateExclusive);
            c.acceptOp(QLatin1Char('*'));
            c.skipParens(); // the column list
            if (c.accept({"WHERE"}))
                c.skipParens();
        } else {
            c.name(); // a schema, or CURRENT_SCHEMA
        }
        if (!c.acceptOp(QLatin1Char(',')))
            break;
    }
    r.note(out.locks.isEmpty()
               ? tr("Takes no lock that blocks reads or writes of a table.")
               : tr("The tables are locked only against other schema changes: reads and writes go on."));
    if (verb == QLatin1String("DROP"))
        r.note(tr("Its subscribers stop receiving changes."));
}

// CREATE | ALTER | DROP SUBSCRIPTION lock no table of this database; those that create, drop or refresh on
// the publisher cannot run in a transaction block (subscriptioncmds.c: PreventInTransactionBlock).
void subscription(Cursor& c, Rules& r, StatementLocks& out, const QString& verb) {
    out.operation = verb + QStringLiteral(" SUBSCRIPTION");
    // WITH (name = false | off | 0 …): whether an option is switched off.
    const QList<ddl::Token> rest = c.rest();
    const auto off = [&rest](const char* option) {
        for (qsizetype i = 0; i + 2 < rest.size(); ++i)
            if (rest[i].upper == QLatin1String(option) && rest[i + 1].isOp(QLatin1Char('='))) {
                QString v = rest[i + 2].upper;
                v.remove(QLatin1Char('\''));
                return v == QLatin1String("FALSE") || v == QLatin1String("OFF") || v == QLatin1String("0");
            }
        return false;
    };
    bool outside = false;
    if (verb == QLatin1String("CREATE")) {
        outside = !off("CONNECT") && !off("CREATE_SLOT");
    } else if (verb == QLatin1String("DROP")) {
        outside = true; // unless its slot_name was set to NONE first: the catalog decides, not the text
    } else {
        c.name();
        if (c.isWord("REFRESH"))
            outside = true;
        else if ((c.isWord("SET") || c.isWord("ADD") || c.isWord("DROP")) && c.isWord("PUBLICATION", 1))
            outside = !off("REFRESH");
    }
    if (outside) {
        r.outsideTransaction();
        r.note(tr("Runs outside a transaction block: it creates, drops or refreshes on the publisher."));
    }
    r.note(tr("Takes no lock that blocks reads or writes of a table here."));
}

} // namespace pgdesk::core::lockrules
