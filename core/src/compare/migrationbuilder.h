// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/compare/migration.h>
#include <pgdesk/core/compare/schemadiff.h>

#include <QSet>

// Writing a migration's statements (internal to core): migration.cpp plans the order and writes types,
// routines, sequences and views; migrationtable.cpp writes tables. Every name is quoted here; expressions
// and definitions come from the source's catalog as the server printed them.
namespace pgdesk::core::migration {

class Builder final {
public:
    Builder(const SchemaSnapshot& source, const SchemaSnapshot& target, const MigrationOptions& options,
            Migration& out);

    QString qualified(const QString& name) const; // "target"."name"
    // A step of the transaction; one using an enum value the migration adds goes after the commit.
    void add(const QString& sql, const QString& description = {}, bool destructive = false);
    void addOutside(const QString& sql, const QString& description);
    void decide(const QString& text) { m_out.decisions << text; }
    void block(const QString& text) { m_out.blockers << text; }
    void needValue(const QString& table, const QString& column) {
        m_out.valuesNeeded.append({table, column});
    }
    void typeChanged(const TypeChange& change) { m_out.typeChanges << change; }
    void enumValueAdded(const QString& label) { m_newEnumLiterals << stringLiteral(label); }
    // COMMENT ON `what` when it changed; GRANT/REVOKE from the `from` ACL lines to the `to` ones.
    void comment(const QString& what, const QString& from, const QString& to);
    void grants(const QString& object, const QString& from, const QString& to, const QString& column = {});

    // migrationtable.cpp. `old` is the target's table (null: new), under `oldName` (a rename's old name).
    void createTable(const RelationShape& table);
    // Before the columns change: the constraints, indexes, triggers and policies that go or change.
    void dropTableParts(const RelationShape& table, const RelationShape& old);
    void alterColumns(const RelationShape& table, const RelationShape& old);
    // A table's place under parents: before its columns change (`after` false) it leaves what it no longer
    // belongs to (DETACH PARTITION, NO INHERIT, NOT OF), after them it joins the new ones (ATTACH PARTITION
    // with the source's bounds, INHERIT, OF). A changed bound is a detach and an attach in place.
    void changeParents(const RelationShape& table, const RelationShape& old, bool after);
    // After every table exists: constraints (foreign keys among them), indexes, triggers, policies, row
    // security, comments and grants, as far as they differ from `old`.
    // Foreign keys in a pass of their own (`foreignKeys`), once every other key exists.
    void tableParts(const RelationShape& table, const RelationShape* old, bool foreignKeys);

    // A table whose partition key changed (or that became partitioned, or stopped being): PostgreSQL cannot
    // change it in place. setRowsAside() copies the rows of the target's `old` tree (the columns both sides
    // have) into a temporary table `holder` and drops the tree, marked; putRowsBack(), once the source's
    // tree exists, inserts them through it (each row to its new partition) and moves identity sequences
    // past the rows' values.
    void setRowsAside(const RelationShape& table, const RelationShape& old, const QString& holder);
    void putRowsBack(const RelationShape& table, const RelationShape& old, const QString& holder);

    // Whether the script so far drops the target's column `table`.`column` (a sequence it owns goes too).
    bool dropsColumn(const QString& table, const QString& column) const {
        return m_droppedColumns.contains(table + QChar(0) + column);
    }
    // Whether the script so far drops the target's sequence (a serial's, replaced by an identity).
    bool dropsSequence(const QString& name) const { return m_droppedSequences.contains(name); }

    const SchemaSnapshot& source() const { return m_source; }
    const SchemaSnapshot& target() const { return m_target; }
    const MigrationOptions& options() const { return m_options; }

private:
    // `oldTable`: the target's name of the table (before a rename).
    void alterColumn(const RelationShape& table, const ColumnShape& column, const ColumnShape& old,
                     const QString& oldTable);

    const SchemaSnapshot& m_source;
    const SchemaSnapshot& m_target;
    const MigrationOptions& m_options;
    Migration& m_out;
    QSet<QString> m_newEnumLiterals;
    QSet<QString> m_droppedColumns; // table + '\0' + column, of the target
    QSet<QString> m_droppedSequences;
};

// "a, b" (pg_inherits' parents as regclass prints them, quoted where needed) → the names, a comma inside
// quotes kept.
QStringList parentNames(const QString& parents);
// A name as regclass prints it (a partition's parent) → the plain name (quotes taken off).
QString plainName(const QString& printed);
// Pure: whether changing a column from `from` to `to` neither rewrites the table nor can fail (a varchar
// made longer or unbounded, a numeric given more precision at the same scale …).
bool isSafeTypeChange(const QString& from, const QString& to);
// Whether `USING col::to` converts a `from` value on the server `target` was read from: the same type (a
// length or precision change), a pg_cast entry, or a string type on either side (text I/O), domains taken
// as their base types. Otherwise only `col::text::to` is accepted (bigint to uuid, one enum to another).
bool castsDirectly(const SchemaSnapshot& target, const QString& from, const QString& to);

} // namespace pgdesk::core::migration
