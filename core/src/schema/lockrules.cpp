// SPDX-License-Identifier: GPL-3.0-or-later
// The static rules: which lock each DDL form takes and whether it rewrites or scans, after PostgreSQL 15's
// documentation (ALTER TABLE, CREATE INDEX, "Explicit Locking") and source (tablecmds.c), checked against
// the server by tests/core/tst_lockanalysis (every form traced in pg_locks, rewrites by relfilenode).
#include "schema/ddltokens.h"
#include "schema/lockrulebook.h"

#include <pgdesk/core/schema/lockanalysis.h>

#include <QCoreApplication>
#include <QSet>

namespace pgdesk::core {

namespace {

using ddl::Cursor;
using ddl::Token;
using lockrules::Rules;
using lockrules::tr;

const QString kNotValid() {
    return tr("Safer: ADD CONSTRAINT … NOT VALID (no scan), then ALTER TABLE … VALIDATE CONSTRAINT … in a "
              "transaction of its own (SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans).");
}

// ADD [COLUMN] name type [constraints…]
void addColumn(Cursor& c, const RelationFacts& t, bool only, Rules& r) {
    c.accept({"COLUMN"});
    c.accept({"IF", "NOT", "EXISTS"});
    c.name(); // the column
    const QStringList typeName = c.name();
    const QString type = typeName.value(typeName.size() - 1);
    static const QStringList serials{QStringLiteral("serial"),      QStringLiteral("bigserial"),
                                     QStringLiteral("smallserial"), QStringLiteral("serial2"),
                                     QStringLiteral("serial4"),     QStringLiteral("serial8")};
    bool rewrites = false;
    if (typeName.size() == 1 && serials.contains(type)) {
        rewrites = true;
        r.note(tr("A serial column takes nextval() for every existing row: the table is rewritten."));
    }
    if (c.containsWord("GENERATED")) {
        rewrites = true;
        r.note(
            tr("A generated or identity column is computed for every existing row: the table is rewritten."));
    }
    if (!typeName.isEmpty() && r.facts().domainHasConstraints(typeName)) {
        rewrites = true;
        r.note(tr("The column's domain has constraints: every row is checked as the table is rewritten."));
    }
    Cursor rest = c;
    bool hasDefault = false;
    while (!rest.atEnd()) {
        if (rest.accept({"DEFAULT"})) {
            hasDefault = true;
            // The default's expression: to the next constraint keyword.
            Cursor expr = rest;
            const QStringList all = expr.functionCalls();
            if (r.facts().anyVolatile(all)) {
                rewrites = true;
                r.note(tr("The default is volatile: it is computed for every existing row, so the table is "
                          "rewritten (a constant or stable default is stored once, instantly)."));
                r.safer(
                    tr("Safer: ADD COLUMN without the default, then ALTER COLUMN … SET DEFAULT (new rows), "
                       "then fill the existing rows in batches."));
            }
            break;
        }
        rest.skip();
    }
    if (rewrites)
        r.rewrite(t, only);
    else if (c.containsWord("CHECK") || (c.containsWord("NOT") && c.containsWord("NULL") && !hasDefault))
        r.scan(t, only);
    if (c.containsWord("PRIMARY") || c.containsWord("UNIQUE")) {
        r.scan(t, only);
        r.note(tr("The unique index is built while the table is locked."));
    }
    if (c.containsWord("REFERENCES")) {
        Cursor ref = c;
        while (!ref.atEnd() && !ref.accept({"REFERENCES"}))
            ref.skip();
        if (auto target = r.resolve(ref.name()))
            r.lock(*target, LockMode::ShareRowExclusive);
    }
}

// ADD [CONSTRAINT name] CHECK | FOREIGN KEY | PRIMARY KEY | UNIQUE | EXCLUDE …
LockMode addConstraint(Cursor& c, const RelationFacts& t, bool only, Rules& r) {
    QString name;
    if (c.accept({"CONSTRAINT"}))
        name = c.name().value(0);
    const bool notValid = c.containsWord("VALID") && c.containsWord("NOT");
    if (c.accept({"FOREIGN", "KEY"})) {
        c.skipParens();
        c.accept({"REFERENCES"});
        if (auto target = r.resolve(c.name()))
            r.lockTree(*target, LockMode::ShareRowExclusive);
        if (!notValid) {
            r.scan(t, only);
            r.note(tr("Every row is checked against the referenced table while both are locked against "
                      "writes."));
            r.safer(kNotValid());
        }
        return LockMode::ShareRowExclusive;
    }
    if (c.accept({"CHECK"})) {
        // CHECK (column IS NOT NULL): a later SET NOT NULL in the script can use it once it is valid.
        const QList<Token> e = c.rest();
        if (e.size() >= 6 && e[0].isOp(u'(') && (e[1].word || e[1].quoted) &&
            e[2].upper == QLatin1String("IS") && e[3].upper == QLatin1String("NOT") &&
            e[4].upper == QLatin1String("NULL") && e[5].isOp(u')')) {
            const QString key = t.name + QLatin1Char('\n') + ddl::foldIdentifier(e[1]);
            r.facts().scriptNotNullChecks.insert(name, key);
            if (!notValid)
                r.facts().scriptProvenNotNull.insert(key);
        }
        if (!notValid) {
            r.scan(t, only);
            r.safer(kNotValid());
        }
        return LockMode::AccessExclusive;
    }
    const bool usingIndex = c.containsWord("USING") && c.containsWord("INDEX");
    if (c.isWord("PRIMARY") || c.isWord("UNIQUE") || c.isWord("EXCLUDE")) {
        const bool primary = c.isWord("PRIMARY");
        if (!usingIndex) {
            r.scan(t, only);
            r.note(tr("The index is built while the table is locked against reads and writes."));
            if (!c.isWord("EXCLUDE"))
                r.safer(tr("Safer: CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … %1 USING "
                           "INDEX … (a short lock).")
                            .arg(primary ? QStringLiteral("PRIMARY KEY") : QStringLiteral("UNIQUE")));
        } else if (primary) {
            r.scan(t, only);
            r.note(
                tr("A primary key makes its columns NOT NULL: a column that is not yet is checked in every "
                   "row."));
        }
    }
    return LockMode::AccessExclusive;
}

// ALTER [COLUMN] name …
LockMode alterColumn(Cursor& c, const RelationFacts& t, bool only, Rules& r) {
    c.accept({"COLUMN"});
    const QStringList column = c.name();
    const QString name = column.value(0);
    if (c.accept({"SET", "DATA", "TYPE"}) || c.accept({"TYPE"})) {
        // Its foreign keys, on either side, are dropped and made again: the other table is locked too.
        const LockFacts::ColumnKeys keys = r.facts().columnForeignKeys(t, name);
        for (const RelationFacts& other : keys.referenced + keys.referencing)
            r.lock(other, LockMode::AccessExclusive);
        if (!keys.referenced.isEmpty() || !keys.referencing.isEmpty())
            r.note(tr("The foreign keys the column is in are made again: the tables at their other end are "
                      "locked against reads and writes too."));
        QStringList typeWords;
        while (!c.atEnd() && !c.isWord("USING") && !c.isWord("COLLATE")) {
            typeWords << c.peek()->text;
            c.skip();
        }
        bool usingOther = false;
        while (!c.atEnd() && !c.isWord("USING"))
            c.skip();
        if (c.accept({"USING"})) {
            const QList<Token> expr = c.rest();
            usingOther = !(expr.size() == 1 && ddl::foldIdentifier(expr.first()) == name);
        }
        if (usingOther || r.facts().typeChangeRewrites(t, name, typeWords.join(u' '))) {
            r.rewrite(t, only);
            r.note(tr("The new type needs every value converted: the table and its indexes are rewritten."));
            r.safer(
                tr("Safer: add a column of the new type, fill it in batches, and switch the two in one short "
                   "transaction."));
        } else {
            r.note(tr("The new type stores values the same way: no rewrite (indexes on the column may be "
                      "rebuilt)."));
        }
        return LockMode::AccessExclusive;
    }
    if (c.accept({"SET", "NOT", "NULL"})) {
        if (r.version() >= 120000 &&
            (r.facts().scriptProvenNotNull.contains(t.name + QLatin1Char('\n') + name) ||
             r.facts().hasNotNullCheck(t, name))) {
            r.note(tr("A validated CHECK (… IS NOT NULL) proves it: no scan."));
        } else {
            r.scan(t, only);
            r.note(tr("Every row is checked for NULL while the table is locked against reads and writes."));
            if (r.version() >= 120000)
                r.safer(
                    tr("Safer: ADD CONSTRAINT c CHECK (%1 IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (in "
                       "its own transaction); then SET NOT NULL skips the scan; then DROP CONSTRAINT c.")
                        .arg(name));
        }
        return LockMode::AccessExclusive;
    }
    if (c.accept({"SET", "STATISTICS"}) || (c.isWord("SET") && c.peek(1) && c.peek(1)->isOp(u'(')) ||
        c.isWord("RESET"))
        return LockMode::ShareUpdateExclusive;
    return LockMode::AccessExclusive; // DROP/SET DEFAULT, DROP NOT NULL, identity, STORAGE, COMPRESSION …
}

LockMode alterAction(Cursor& c, const RelationFacts& t, bool only, Rules& r) {
    if (c.accept({"ADD"})) {
        if (c.isWord("CONSTRAINT") || c.isWord("CHECK") || c.isWord("FOREIGN") || c.isWord("PRIMARY") ||
            c.isWord("UNIQUE") || c.isWord("EXCLUDE"))
            return addConstraint(c, t, only, r);
        addColumn(c, t, only, r);
        return LockMode::AccessExclusive;
    }
    if (c.isWord("ALTER") && !c.isWord("CONSTRAINT", 1)) {
        c.skip();
        return alterColumn(c, t, only, r);
    }
    if (c.accept({"VALIDATE", "CONSTRAINT"})) {
        const QString constraint = c.name().value(0);
        if (const auto check = r.facts().scriptNotNullChecks.constFind(constraint);
            check != r.facts().scriptNotNullChecks.cend())
            r.facts().scriptProvenNotNull.insert(*check);
        r.scan(t, only);
        if (auto target = r.facts().constraintReferences(t, constraint))
            r.lock(*target, LockMode::RowShare);
        return LockMode::ShareUpdateExclusive;
    }
    if (c.accept({"DROP", "CONSTRAINT"})) {
        c.accept({"IF", "EXISTS"});
        const QString constraint = c.name().value(0);
        if (auto target = r.facts().constraintReferences(t, constraint))
            r.lock(*target, LockMode::AccessExclusive);
        if (c.containsWord("CASCADE")) // a key others reference: their foreign keys go with it
            for (const RelationFacts& other : r.facts().referencingThrough(t, constraint))
                r.lock(other, LockMode::AccessExclusive);
        return LockMode::AccessExclusive;
    }
    if (c.accept({"DROP"})) {
        c.accept({"COLUMN"});
        c.accept({"IF", "EXISTS"});
        const QString column = c.name().value(0);
        const bool cascade = c.containsWord("CASCADE");
        // The foreign keys it is in go with it, and their triggers on the other table.
        const LockFacts::ColumnKeys keys = r.facts().columnForeignKeys(t, column);
        for (const RelationFacts& other : keys.referenced)
            r.lock(other, LockMode::AccessExclusive);
        if (cascade) {
            for (const RelationFacts& other : keys.referencing)
                r.lock(other, LockMode::AccessExclusive);
            for (const RelationFacts& view : r.facts().viewsOnColumn(t, column)) // they are dropped
                r.lock(view, LockMode::AccessExclusive);
        }
        r.note(tr("A dropped column is only marked dropped: no rewrite (its space is reclaimed as rows are "
                  "updated)."));
        return LockMode::AccessExclusive;
    }
    if (c.accept({"SET", "TABLESPACE"})) {
        if (ddl::foldIdentifier(c.peek() ? *c.peek() : Token{}) == r.facts().tablespaceOf(t)) {
            r.note(tr("The table is in that tablespace already: nothing is copied."));
            return LockMode::AccessExclusive;
        }
        r.rewrite(t, only);
        return LockMode::AccessExclusive;
    }
    if (c.accept({"SET", "LOGGED"}) || c.accept({"SET", "UNLOGGED"}) ||
        c.accept({"SET", "ACCESS", "METHOD"})) {
        r.rewrite(t, only);
        return LockMode::AccessExclusive;
    }
    if (c.accept({"CLUSTER", "ON"}) || c.accept({"SET", "WITHOUT", "CLUSTER"}) ||
        (c.isWord("SET") && c.peek(1) && c.peek(1)->isOp(u'(')) || c.isWord("RESET"))
        return LockMode::ShareUpdateExclusive; // storage parameters: fillfactor, autovacuum …
    if ((c.isWord("ENABLE") || c.isWord("DISABLE")) && (c.isWord("TRIGGER", 1) || c.isWord("TRIGGER", 2)))
        return LockMode::ShareRowExclusive;
    if (c.accept({"ATTACH", "PARTITION"})) {
        if (auto partition = r.resolve(c.name())) {
            r.lockTree(*partition, LockMode::AccessExclusive);
            r.scan(*partition);
            r.note(tr("The partition's rows are checked against its bound unless a valid CHECK constraint "
                      "implies it."));
            r.safer(tr("Safer: add a CHECK constraint matching the bound (NOT VALID, then VALIDATE) before "
                       "attaching: the attach then skips its scan."));
        }
        if (auto def = r.facts().defaultPartition(t)) {
            r.lock(*def, LockMode::AccessExclusive);
            r.scan(*def);
            r.note(tr("The default partition is checked for rows that now belong to the new partition."));
        }
        return LockMode::ShareUpdateExclusive;
    }
    if (c.accept({"DETACH", "PARTITION"})) {
        const auto partition = r.resolve(c.name());
        const bool concurrently = c.accept({"CONCURRENTLY"});
        const bool finalize = c.accept({"FINALIZE"}); // completes an interrupted CONCURRENTLY
        const LockMode mode =
            concurrently || finalize ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
        if (partition)
            r.lockTree(*partition, LockMode::AccessExclusive);
        if (auto def = r.facts().defaultPartition(t); def && !concurrently)
            r.lock(*def, LockMode::AccessExclusive); // its bound widens: its constraint is rebuilt
        if (concurrently) {
            r.outsideTransaction();
            r.note(tr("DETACH … CONCURRENTLY runs outside a transaction block, in two transactions."));
        } else {
            r.safer(tr("Safer: DETACH PARTITION … CONCURRENTLY (PostgreSQL 14 and later; outside a "
                       "transaction block)."));
        }
        return mode;
    }
    return LockMode::AccessExclusive; // RENAME, OWNER TO, SET SCHEMA, RLS, REPLICA IDENTITY, INHERIT, OF …
}

// "ADD COLUMN", "ALTER COLUMN … SET NOT NULL": the action's keywords, a name as "…".
QString actionName(const QList<Token>& action) {
    static const QSet<QString> keywords{
        QStringLiteral("ADD"),        QStringLiteral("DROP"),       QStringLiteral("ALTER"),
        QStringLiteral("COLUMN"),     QStringLiteral("CONSTRAINT"), QStringLiteral("SET"),
        QStringLiteral("NOT"),        QStringLiteral("NULL"),       QStringLiteral("DEFAULT"),
        QStringLiteral("TYPE"),       QStringLiteral("DATA"),       QStringLiteral("VALIDATE"),
        QStringLiteral("RENAME"),     QStringLiteral("TO"),         QStringLiteral("ATTACH"),
        QStringLiteral("DETACH"),     QStringLiteral("PARTITION"),  QStringLiteral("OWNER"),
        QStringLiteral("ENABLE"),     QStringLiteral("DISABLE"),    QStringLiteral("TRIGGER"),
        QStringLiteral("CLUSTER"),    QStringLiteral("ON"),         QStringLiteral("UNIQUE"),
        QStringLiteral("PRIMARY"),    QStringLiteral("KEY"),        QStringLiteral("FOREIGN"),
        QStringLiteral("CHECK"),      QStringLiteral("EXCLUDE"),    QStringLiteral("INHERIT"),
        QStringLiteral("NO"),         QStringLiteral("REPLICA"),    QStringLiteral("IDENTITY"),
        QStringLiteral("ROW"),        QStringLiteral("LEVEL"),      QStringLiteral("SECURITY"),
        QStringLiteral("TABLESPACE"), QStringLiteral("LOGGED"),     QStringLiteral("UNLOGGED"),
        QStringLiteral("SCHEMA"),     QStringLiteral("STATISTICS"), QStringLiteral("STORAGE"),
        QStringLiteral("WITHOUT"),    QStringLiteral("RESET"),      QStringLiteral("EXPRESSION"),
        QStringLiteral("GENERATED"),  QStringLiteral("ALL")};
    const QString name = QStringLiteral("…");
    QStringList out;
    int names = 0;
    for (const Token& t : action) {
        const bool keyword = t.word && keywords.contains(t.upper);
        if (out.size() >= 6 || (!t.word && !t.quoted) || (!keyword && ++names > 1))
            break;
        out << (keyword ? t.upper : name);
    }
    if (!out.isEmpty() && out.last() == name)
        out.removeLast(); // "ADD COLUMN", not "ADD COLUMN …" for the column and its type
    return out.join(u' ');
}

void alterTable(Cursor& c, Rules& r, StatementLocks& out) {
    c.accept({"IF", "EXISTS"});
    const bool only = c.accept({"ONLY"});
    const auto table = r.resolve(c.name());
    c.acceptOp(u'*');
    if (!table)
        return;
    LockMode mode = LockMode::None;
    QStringList actions;
    bool recurse = !only;
    for (const QList<Token>& action : c.splitAtCommas()) {
        Cursor a(action);
        // A partition attached or detached is locked on its own; the parent's other partitions are not.
        if (a.isWord("ATTACH") || a.isWord("DETACH"))
            recurse = false;
        actions << actionName(action);
        mode = std::max(mode, alterAction(a, *table, only, r));
    }
    out.operation = QStringLiteral("ALTER TABLE … ") + actions.join(QStringLiteral(", "));
    r.lockTree(*table, mode, !recurse);
}

// CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table …
void createIndex(Cursor& c, Rules& r, StatementLocks& out) {
    const bool concurrently = c.accept({"CONCURRENTLY"});
    while (!c.atEnd() && !c.isWord("ON"))
        c.skip();
    c.accept({"ON"});
    const bool only = c.accept({"ONLY"});
    const auto table = r.resolve(c.name());
    out.operation =
        concurrently ? QStringLiteral("CREATE INDEX CONCURRENTLY") : QStringLiteral("CREATE INDEX");
    if (concurrently) {
        out.transactional = false;
        r.note(
            tr("CONCURRENTLY runs outside the transaction, after it: writes go on, the table is read twice, "
               "and a failure leaves an INVALID index to drop."));
    } else {
        r.note(tr("Writes wait until the index is built (reads go on)."));
        r.safer(tr("Safer: CREATE INDEX CONCURRENTLY (outside the transaction; writes go on)."));
    }
    if (!table)
        return;
    const LockMode mode = concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share;
    r.lockTree(*table, mode, only);
    r.scan(*table, only);
}

void dropIndex(Cursor& c, Rules& r, StatementLocks& out) {
    const bool concurrently = c.accept({"CONCURRENTLY"});
    c.accept({"IF", "EXISTS"});
    out.operation = concurrently ? QStringLiteral("DROP INDEX CONCURRENTLY") : QStringLiteral("DROP INDEX");
    out.transactional = !concurrently;
    if (!concurrently)
        r.safer(tr("Safer: DROP INDEX CONCURRENTLY (outside a transaction block; queries go on)."));
    for (const QList<Token>& item : c.splitAtCommas()) {
        Cursor n(item);
        if (auto index = r.resolve(n.name())) {
            const LockMode mode = concurrently ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
            if (!concurrently) // CONCURRENTLY ends in a transaction of its own, where the trace cannot see it
                r.lock(*index, LockMode::AccessExclusive);
            if (auto table = r.facts().tableOfIndex(*index))
                r.lock(*table, mode);
        }
    }
}

void dropTables(Cursor& c, Rules& r, StatementLocks& out, const char* what) {
    c.accept({"IF", "EXISTS"});
    const bool cascade = c.containsWord("CASCADE");
    out.operation = QStringLiteral("DROP ") + QLatin1String(what);
    for (const QList<Token>& item : c.splitAtCommas()) {
        Cursor n(item);
        const auto table = r.resolve(n.name());
        if (!table)
            continue;
        r.lockTree(*table, LockMode::AccessExclusive);
        // Its foreign keys' triggers on the referenced tables go with it (and, with CASCADE, the keys of
        // the tables referencing it).
        for (const RelationFacts& ref : r.facts().referencedTables(*table))
            if (ref.name != table->name)
                r.lock(ref, LockMode::AccessExclusive);
        if (cascade)
            for (const RelationFacts& ref : r.facts().referencingTables(*table))
                r.lock(ref, LockMode::AccessExclusive);
    }
}

void truncate(Cursor& c, Rules& r, StatementLocks& out) {
    c.accept({"TABLE"});
    const bool cascade = c.containsWord("CASCADE");
    out.operation = QStringLiteral("TRUNCATE");
    r.note(tr("TRUNCATE swaps in new, empty files (counted as a rewrite): instant, and the rows are gone."));
    for (const QList<Token>& item : c.splitAtCommas()) {
        Cursor n(item);
        const bool only = n.accept({"ONLY"});
        const auto table = r.resolve(n.name());
        if (!table)
            continue;
        r.lockTree(*table, LockMode::AccessExclusive, only);
        r.rewrite(*table, only);
        if (cascade)
            for (const RelationFacts& ref : r.facts().referencingTables(*table)) {
                r.lockTree(ref, LockMode::AccessExclusive);
                r.rewrite(ref);
            }
    }
}

void createTable(Cursor& c, Rules& r, StatementLocks& out) {
    out.operation = QStringLiteral("CREATE TABLE");
    c.accept({"IF", "NOT", "EXISTS"});
    c.name();
    // CREATE TABLE … AS query: the query runs now.
    Cursor as = c;
    as.skipParens();
    while (!as.atEnd() && !as.isWord("AS") && !as.isWord("PARTITION") && !as.isWord("INHERITS"))
        as.skip();
    if (as.accept({"AS"})) {
        out.operation = QStringLiteral("CREATE TABLE … AS");
        lockrules::queryReads(as, r, true);
        return;
    }
    if (c.accept({"PARTITION", "OF"})) {
        out.operation = QStringLiteral("CREATE TABLE … PARTITION OF");
        if (auto parent = r.resolve(c.name())) {
            r.lock(*parent, LockMode::AccessExclusive);
            if (auto def = r.facts().defaultPartition(*parent)) {
                r.lock(*def, LockMode::AccessExclusive);
                r.scan(*def);
                r.note(tr("The default partition is checked for rows that belong to the new partition."));
            }
            r.safer(tr("Safer: CREATE TABLE … (LIKE parent), then ALTER TABLE parent ATTACH PARTITION (SHARE "
                       "UPDATE EXCLUSIVE on the parent)."));
        }
    }
    Cursor refs = c;
    while (!refs.atEnd()) {
        if (refs.accept({"REFERENCES"})) {
            if (auto target = r.resolve(refs.name()))
                r.lockTree(*target, LockMode::ShareRowExclusive);
        } else if (refs.accept({"INHERITS"})) {
            refs.acceptOp(u'(');
            if (auto parent = r.resolve(refs.name()))
                r.lock(*parent, LockMode::ShareUpdateExclusive);
        } else {
            refs.skip();
        }
    }
}

void lockStatement(Cursor& c, Rules& r, StatementLocks& out) {
    c.accept({"TABLE"});
    out.operation = QStringLiteral("LOCK TABLE");
    LockMode mode = LockMode::AccessExclusive;
    Cursor rest = c;
    while (!rest.atEnd() && !rest.isWord("IN"))
        rest.skip();
    if (rest.accept({"IN"})) {
        QStringList words;
        while (!rest.atEnd() && !rest.isWord("MODE")) {
            words << rest.peek()->upper;
            rest.skip();
        }
        mode = lockModeFromName(words.join(u' ')).value_or(LockMode::AccessExclusive);
    }
    QList<Token> names;
    for (const Token& t : c.rest()) {
        if (t.word && t.upper == QLatin1String("IN"))
            break;
        names << t;
    }
    for (const QList<Token>& item : Cursor(names).splitAtCommas()) {
        Cursor n(item);
        const bool only = n.accept({"ONLY"});
        if (auto table = r.resolve(n.name()))
            r.lockTree(*table, mode, only);
    }
}

// Statements on one named table: the table's name follows `c`'s position.
void onTable(Cursor& c, Rules& r, LockMode mode) {
    c.accept({"TABLE"});
    c.accept({"ONLY"});
    if (auto table = r.resolve(c.name()))
        r.lockTree(*table, mode);
}

void skipTo(Cursor& c, const char* word) {
    while (!c.atEnd() && !c.isWord(word))
        c.skip();
    c.skip();
}

// CREATE [OR REPLACE] [TEMP | TEMPORARY] [RECURSIVE] VIEW (not a materialized one).
bool isCreateView(const Cursor& c) {
    if (!c.isWord("CREATE"))
        return false;
    qsizetype i = 1;
    if (c.isWord("OR", i) && c.isWord("REPLACE", i + 1))
        i += 2;
    while (c.isWord("TEMP", i) || c.isWord("TEMPORARY", i) || c.isWord("RECURSIVE", i))
        ++i;
    return c.isWord("VIEW", i);
}

void classify(Cursor& c, Rules& r, StatementLocks& out) {
    out.recognized = true;
    if (c.accept({"ALTER", "TABLE"}) || c.accept({"ALTER", "FOREIGN", "TABLE"})) {
        alterTable(c, r, out);
    } else if (c.accept({"CREATE", "UNIQUE", "INDEX"}) || c.accept({"CREATE", "INDEX"})) {
        createIndex(c, r, out);
    } else if (c.accept({"ALTER", "INDEX"})) {
        lockrules::alterIndex(c, r, out);
    } else if (c.accept({"ALTER", "SEQUENCE"})) {
        lockrules::alterSequence(c, r, out);
    } else if ((c.isWord("CREATE") || c.isWord("ALTER") || c.isWord("DROP")) &&
               (c.isWord("PUBLICATION", 1) || c.isWord("SUBSCRIPTION", 1))) {
        const QString verb = c.peek()->upper;
        const bool publication = c.isWord("PUBLICATION", 1);
        c.skip(2);
        if (publication)
            lockrules::publication(c, r, out, verb);
        else
            lockrules::subscription(c, r, out, verb);
    } else if (isCreateView(c)) {
        c.skip();
        lockrules::createView(c, r, out);
    } else if (c.accept({"DROP", "INDEX"})) {
        dropIndex(c, r, out);
    } else if (c.accept({"DROP", "TABLE"}) || c.accept({"DROP", "FOREIGN", "TABLE"})) {
        dropTables(c, r, out, "TABLE");
    } else if (c.accept({"DROP", "MATERIALIZED", "VIEW"}) || c.accept({"DROP", "VIEW"})) {
        dropTables(c, r, out, "VIEW");
    } else if (c.accept({"TRUNCATE"})) {
        truncate(c, r, out);
    } else if (c.accept({"CREATE", "TABLE"}) || c.accept({"CREATE", "UNLOGGED", "TABLE"}) ||
               c.accept({"CREATE", "TEMPORARY", "TABLE"}) || c.accept({"CREATE", "TEMP", "TABLE"})) {
        createTable(c, r, out);
    } else if (c.accept({"LOCK"})) {
        lockStatement(c, r, out);
    } else if (c.accept({"VACUUM"})) {
        out.transactional = false;
        c.skipParens();
        const bool full = c.accept({"FULL"});
        while (c.accept({"FREEZE"}) || c.accept({"VERBOSE"}) || c.accept({"ANALYZE"}) ||
               c.accept({"ANALYSE"})) {
        }
        out.operation = full ? QStringLiteral("VACUUM FULL") : QStringLiteral("VACUUM");
        if (auto table = r.resolve(c.name())) {
            r.lockTree(*table, full ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive);
            full ? r.rewrite(*table) : r.scan(*table);
        }
        if (full)
            r.safer(tr("Safer: pg_repack (an extension) rewrites the table with only short locks."));
    } else if (c.accept({"CLUSTER"})) {
        c.accept({"VERBOSE"});
        out.operation = QStringLiteral("CLUSTER");
        if (auto table = r.resolve(c.name())) {
            r.lock(*table, LockMode::AccessExclusive);
            r.rewrite(*table);
            r.safer(tr("Safer: pg_repack (an extension) reorders the table with only short locks."));
        } else {
            out.transactional = false; // CLUSTER of every table cannot run in a transaction block
        }
    } else if (c.accept({"REINDEX"})) {
        c.skipParens();
        const bool index = c.accept({"INDEX"});
        const bool table = !index && c.accept({"TABLE"});
        const bool concurrently = c.accept({"CONCURRENTLY"});
        out.operation = QStringLiteral("REINDEX");
        out.transactional = !concurrently && (index || table);
        const LockMode mode = concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share;
        if (auto rel = r.resolve(c.name())) {
            const auto owner = index ? r.facts().tableOfIndex(*rel) : rel;
            if (owner) {
                r.lockTree(*owner, mode);
                r.scan(*owner);
            }
        }
        if (!concurrently)
            r.safer(tr("Safer: REINDEX … CONCURRENTLY (outside a transaction block; writes go on)."));
    } else if (c.accept({"REFRESH", "MATERIALIZED", "VIEW"})) {
        const bool concurrently = c.accept({"CONCURRENTLY"});
        out.operation = QStringLiteral("REFRESH MATERIALIZED VIEW");
        if (auto view = r.resolve(c.name())) {
            r.lock(*view, concurrently ? LockMode::Exclusive : LockMode::AccessExclusive);
            concurrently ? r.scan(*view) : r.rewrite(*view);
            for (const RelationFacts& source : r.facts().viewSources(*view))
                r.lock(source, LockMode::AccessShare); // the view's query runs again
        }
        if (!concurrently)
            r.safer(tr("Safer: REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index; reads go on)."));
    } else if (c.accept({"ANALYZE"}) || c.accept({"ANALYSE"})) {
        c.skipParens();
        c.accept({"VERBOSE"});
        out.operation = QStringLiteral("ANALYZE");
        onTable(c, r, LockMode::ShareUpdateExclusive);
    } else if (c.accept({"CREATE", "TRIGGER"}) || c.accept({"CREATE", "CONSTRAINT", "TRIGGER"}) ||
               c.accept({"CREATE", "OR", "REPLACE", "TRIGGER"})) {
        out.operation = QStringLiteral("CREATE TRIGGER");
        skipTo(c, "ON");
        onTable(c, r, LockMode::ShareRowExclusive);
    } else if (c.accept({"DROP", "TRIGGER"}) || c.accept({"ALTER", "TRIGGER"}) ||
               c.accept({"DROP", "RULE"}) || c.accept({"CREATE", "POLICY"}) || c.accept({"DROP", "POLICY"}) ||
               c.accept({"ALTER", "POLICY"})) {
        out.operation = QStringLiteral("TRIGGER / RULE / POLICY");
        skipTo(c, "ON");
        onTable(c, r, LockMode::AccessExclusive);
    } else if (c.accept({"CREATE", "RULE"}) || c.accept({"CREATE", "OR", "REPLACE", "RULE"})) {
        out.operation = QStringLiteral("CREATE RULE");
        skipTo(c, "TO");
        onTable(c, r, LockMode::AccessExclusive);
    } else if (c.accept({"CREATE", "STATISTICS"})) {
        out.operation = QStringLiteral("CREATE STATISTICS");
        skipTo(c, "FROM");
        onTable(c, r, LockMode::ShareUpdateExclusive);
    } else if (c.accept({"COMMENT", "ON"})) {
        out.operation = QStringLiteral("COMMENT ON");
        const bool column = c.accept({"COLUMN"});
        if (column || c.accept({"TABLE"}) || c.accept({"VIEW"}) || c.accept({"MATERIALIZED", "VIEW"})) {
            QStringList parts = c.name();
            if (column)
                parts.removeLast();
            if (auto table = r.resolve(parts))
                r.lock(*table, LockMode::ShareUpdateExclusive);
        }
    } else if (c.accept({"INSERT", "INTO"}) || c.accept({"UPDATE"}) || c.accept({"DELETE", "FROM"})) {
        out.operation = QStringLiteral("INSERT / UPDATE / DELETE");
        c.accept({"ONLY"});
        if (auto table = r.resolve(c.name()))
            r.lockTree(*table, LockMode::RowExclusive);
        r.note(tr("Rows written lock only themselves; foreign keys share-lock the rows they reference."));
    } else if (c.isWord("GRANT") || c.isWord("REVOKE") || c.isWord("SET") || c.isWord("RESET") ||
               c.isWord("BEGIN") || c.isWord("START") || c.isWord("COMMIT") || c.isWord("END") ||
               c.isWord("ROLLBACK") || c.isWord("SAVEPOINT") || c.isWord("RELEASE") || c.isWord("SELECT") ||
               c.isWord("SHOW") ||
               (c.isWord("CREATE") &&
                (c.isWord("SCHEMA", 1) || c.isWord("SEQUENCE", 1) || c.isWord("TYPE", 1) ||
                 c.isWord("FUNCTION", 1) || c.isWord("EXTENSION", 1) || c.isWord("DOMAIN", 1) ||
                 c.isWord("ROLE", 1) || (c.isWord("OR", 1) && c.isWord("FUNCTION", 3))))) {
        out.operation = c.peek()->upper;
        r.note(tr("Takes no lock that blocks reads or writes of a table."));
    } else {
        out.recognized = false;
        r.note(tr("The rules do not know this statement: Trace shows the locks it takes."));
    }
}

} // namespace

QString lockModeName(LockMode mode) {
    switch (mode) {
    case LockMode::None:
        return {};
    case LockMode::AccessShare:
        return QStringLiteral("AccessShareLock");
    case LockMode::RowShare:
        return QStringLiteral("RowShareLock");
    case LockMode::RowExclusive:
        return QStringLiteral("RowExclusiveLock");
    case LockMode::ShareUpdateExclusive:
        return QStringLiteral("ShareUpdateExclusiveLock");
    case LockMode::Share:
        return QStringLiteral("ShareLock");
    case LockMode::ShareRowExclusive:
        return QStringLiteral("ShareRowExclusiveLock");
    case LockMode::Exclusive:
        return QStringLiteral("ExclusiveLock");
    case LockMode::AccessExclusive:
        return QStringLiteral("AccessExclusiveLock");
    }
    return {};
}

QString lockModeSqlName(LockMode mode) {
    QString name = lockModeName(mode);
    name.chop(4); // "Lock"
    QString out;
    for (QChar ch : name) {
        if (ch.isUpper() && !out.isEmpty())
            out += QLatin1Char(' ');
        out += ch.toUpper();
    }
    return out;
}

std::optional<LockMode> lockModeFromName(const QString& name) {
    const QString wanted = name.simplified().toUpper();
    for (int m = int(LockMode::AccessShare); m <= int(LockMode::AccessExclusive); ++m) {
        const auto mode = LockMode(m);
        if (wanted == lockModeSqlName(mode) || wanted == lockModeName(mode).toUpper())
            return mode;
    }
    return std::nullopt;
}

QString lockModeEffect(LockMode mode) {
    switch (mode) {
    case LockMode::None:
        return {};
    case LockMode::AccessShare:
        return tr("blocks only ACCESS EXCLUSIVE");
    case LockMode::RowShare:
    case LockMode::RowExclusive:
        return tr("reads and writes go on; blocks DDL that locks the table");
    case LockMode::ShareUpdateExclusive:
        return tr("reads and writes go on; blocks other schema changes and VACUUM");
    case LockMode::Share:
    case LockMode::ShareRowExclusive:
        return tr("reads go on; writes wait");
    case LockMode::Exclusive:
        return tr("only plain reads go on");
    case LockMode::AccessExclusive:
        return tr("blocks reads and writes");
    }
    return {};
}

StatementLocks analyzeStatement(const QString& statement, LockFacts& facts, int serverVersion) {
    StatementLocks out;
    out.sql = statement;
    Cursor c(ddl::significantTokens(statement));
    if (c.atEnd())
        return out;
    Rules rules(facts, out, serverVersion);
    classify(c, rules, out);
    rules.finish();
    if (!out.transactional)
        rules.note(tr("Cannot run inside a transaction block: it runs after the transaction, on its own."));
    return out;
}

} // namespace pgdesk::core
