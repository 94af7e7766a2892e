// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

class Connection;

// PostgreSQL's table lock modes, weakest first (each conflicts with more of the others than the one before).
enum class LockMode {
    None,
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
};

QString lockModeName(LockMode mode);    // as pg_locks.mode spells it: "AccessExclusiveLock"
QString lockModeSqlName(LockMode mode); // as LOCK TABLE spells it: "ACCESS EXCLUSIVE"
std::optional<LockMode> lockModeFromName(const QString& name); // either spelling
// What the mode keeps others from doing, in a few words ("blocks reads and writes").
QString lockModeEffect(LockMode mode);

struct RelationLock {
    QString relation; // "schema.table", each part quoted only where it must be
    LockMode mode = LockMode::None;
    qint64 bytes = -1; // the relation's size (heap, indexes, TOAST) from the statistics; -1 unknown
    bool operator==(const RelationLock&) const = default;
};

// What the static rules know of the database: relations resolved along the search path, and the few facts
// that decide a lock or a rewrite. LockAnalyzer asks the server; tests may answer themselves.
struct RelationFacts {
    unsigned oid = 0;
    QString name;      // "schema.table" as RelationLock::relation
    char kind = 'r';   // pg_class.relkind
    qint64 bytes = -1; // as RelationLock::bytes
};

class LockFacts {
public:
    virtual ~LockFacts() = default;
    // A relation by its name as written (parts unquoted and case-folded already); nullopt when there is none
    // (yet: a table the script creates first).
    virtual std::optional<RelationFacts> relation(const QStringList& nameParts) = 0;
    // Every partition under a partitioned table, at any depth.
    virtual QList<RelationFacts> partitions(const RelationFacts& table) = 0;
    // The table an index belongs to.
    virtual std::optional<RelationFacts> tableOfIndex(const RelationFacts& index) = 0;
    // The default partition of a partitioned table, if it has one.
    virtual std::optional<RelationFacts> defaultPartition(const RelationFacts& table) = 0;
    // The tables the table's foreign keys reference, and those whose foreign keys reference it.
    virtual QList<RelationFacts> referencedTables(const RelationFacts& table) = 0;
    virtual QList<RelationFacts> referencingTables(const RelationFacts& table) = 0;
    // The tables and views a view or materialized view reads.
    virtual QList<RelationFacts> viewSources(const RelationFacts& view) = 0;
    // The foreign keys a column of `table` is in: the tables they reference (it is in a key of `table`'s) and
    // the tables whose keys reference it (it is in a referenced key). Dropping it or changing its type drops
    // or rebuilds those keys, whose triggers live on the other table.
    struct ColumnKeys {
        QList<RelationFacts> referenced;
        QList<RelationFacts> referencing;
    };
    virtual ColumnKeys columnForeignKeys(const RelationFacts& table, const QString& column) = 0;
    // The tables whose foreign keys use the named primary key or unique constraint of `table` (dropped with
    // it under CASCADE).
    virtual QList<RelationFacts> referencingThrough(const RelationFacts& table,
                                                    const QString& constraint) = 0;
    // The views and materialized views whose query reads the column (dropped with it under CASCADE).
    virtual QList<RelationFacts> viewsOnColumn(const RelationFacts& table, const QString& column) = 0;
    // The tables a publication names (pg_publication_rel): ALTER PUBLICATION … SET TABLE stops publishing
    // those it does not name again, and locks them to do it.
    virtual QList<RelationFacts> publicationTables(const QString& publication) = 0;
    // The tablespace the relation's files are in (the database's default when it names none).
    virtual QString tablespaceOf(const RelationFacts& relation) = 0;
    // The table a named foreign-key constraint of `table` references; nullopt for other constraints.
    virtual std::optional<RelationFacts> constraintReferences(const RelationFacts& table,
                                                              const QString& constraint) = 0;
    // Any function of one of these (lower-case) names is volatile (nextval, random, clock_timestamp …).
    virtual bool anyVolatile(const QStringList& functionNames) = 0;
    // A domain with constraints (adding a column of it checks every row).
    virtual bool domainHasConstraints(const QStringList& typeNameParts) = 0;
    // Whether changing the column's type to `newType` (as written, modifiers included) rewrites the table.
    virtual bool typeChangeRewrites(const RelationFacts& table, const QString& column,
                                    const QString& newType) = 0;
    // A validated CHECK (column IS NOT NULL) lets SET NOT NULL skip its scan (PostgreSQL 12 and later).
    virtual bool hasNotNullCheck(const RelationFacts& table, const QString& column) = 0;

    // What the script itself did before the statement analysed: the NOT NULL checks it added (constraint
    // name → relation and column, "name\ncolumn") and those it validated.
    QHash<QString, QString> scriptNotNullChecks;
    QSet<QString> scriptProvenNotNull;
};

// Per statement: the locks it takes on tables (partitions and referenced tables included; the strongest
// mode per relation), whether it rewrites a table (new files: every row copied, indexes rebuilt) or reads
// all of it, and the safer pattern when there is one.
struct StatementLocks {
    QString sql;
    qsizetype offset = 0;      // where the statement starts in the script
    QString operation;         // "ALTER TABLE … ADD COLUMN", empty when the rules do not know the statement
    bool recognized = false;   // the static rules know the statement (Trace checks the others)
    bool transactional = true; // false: cannot run in a transaction block (CONCURRENTLY, VACUUM)
    QList<RelationLock> locks;
    QStringList rewrites;
    QStringList scans;
    QStringList notes; // why, in a sentence each ("a volatile default fills every row")
    QString safer;     // the pattern that avoids the lock or the rewrite, as SQL or words
    double seconds =
        0; // a rough estimate of the rewrite and scan time from the sizes (kRewriteBytesPerSecond)

    // Trace (a transaction rolled back): what the server did.
    bool traced = false;
    QString traceNote; // why not traced, or the error that stopped it
    QList<RelationLock> tracedLocks;
    QStringList tracedRewrites;  // relfilenode changed
    QStringList tracedScans;     // sequential scans counted in the transaction's statistics
    QStringList tracedSequences; // advanced by it: nextval() stays done after the rollback
    QStringList disagreements;   // where the static rules and the trace differ, a sentence each
};

// The throughput the time estimate assumes (a rewrite copies the table and rebuilds its indexes).
inline constexpr double kRewriteBytesPerSecond = 100.0 * 1024 * 1024;
inline constexpr double kScanBytesPerSecond = 400.0 * 1024 * 1024;

// Pure (with the facts): the static rules for one statement, PostgreSQL 15's (the server version given
// decides where the rules changed: SET NOT NULL with a check constraint since 12). A relation the facts do
// not know (one the script creates first) takes no lock anyone else could wait for: it is left out.
StatementLocks analyzeStatement(const QString& statement, LockFacts& facts, int serverVersion = 150000);

// Lock analysis on a connection the caller owns.
class LockAnalyzer final {
public:
    explicit LockAnalyzer(Connection& connection);

    // Static: reads the catalog only; nothing of the script runs. `schema`: where most of the relations the
    // script names are (a migration's target): what the rules ask of them is read for all at once first
    // (a migration of 400 statements asked 1,000 questions one by one).
    QList<StatementLocks> analyze(const QString& script, const QString& schema = {});
    // Static, then the script runs in a transaction that is rolled back whatever happens (lock_timeout
    // `lockTimeoutMs`, statement_timeout `statementTimeoutMs`): the locks held after each statement
    // (pg_locks), rewrites (relfilenode) and scans (pg_stat_xact_all_tables). The locks are real while it
    // runs. Refused on a production profile (the guard's refusal: never, not even unlocked), on a read-only
    // one and with a transaction open (ConfigurationError); statements that cannot run in a transaction or
    // act outside it (actsOutsideTransaction: programs, server files, dblink, signals, NOTIFY, ALTER SYSTEM,
    // DO/CALL) are not traced, and an error stops the trace. Sequences a statement advanced are named.
    QList<StatementLocks> trace(const QString& script, int lockTimeoutMs = 2000,
                                int statementTimeoutMs = 60000);

private:
    Connection& m_connection;
};

} // namespace pgdesk::core
