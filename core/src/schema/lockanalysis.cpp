// SPDX-License-Identifier: GPL-3.0-or-later
// The server's side of lock analysis: the catalog facts the static rules ask for, and the trace (the script
// run in a transaction that is rolled back, pg_locks, relfilenode and the transaction's scan counts read
// after each statement).
#include <pgdesk/core/session/sequencewatch.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::LockAnalyzer", text);
}

// A part as psql shows it: quoted only where it must be.
QString displayPart(const QString& part) {
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    return plain.match(part).hasMatch() ? part : quoteIdentifier(part);
}

QString displayName(const QString& schema, const QString& name) {
    return displayPart(schema) + QLatin1Char('.') + displayPart(name);
}

// The columns every relation query below returns, in this order.
const char* const kRelationColumns = R"SQL(
 c.oid::int8, n.nspname::text, c.relname::text, c.relkind::text,
 case when c.reltuples >= 0 or c.relkind not in ('r', 'm') then
     (c.relpages::int8
      + case when c.relhasindex then (select coalesce(sum(ic.relpages), 0)::int8 from pg_index i
           join pg_class ic on ic.oid = i.indexrelid where i.indrelid = c.oid) else 0 end
      + coalesce((select tc.relpages from pg_class tc where tc.oid = c.reltoastrelid), 0))
     * current_setting('block_size')::int8
 else -1 end
)SQL";

// What decides whether a column's type change rewrites (typeChangeRewritesFrom reads them in this order);
// `a` is the column's pg_attribute row, `t` holds the new type's oid.
const char* const kTypeChangeColumns = R"SQL(
 a.atttypid::int8, a.atttypmod, format_type(a.atttypid, null), t.oid::int8, format_type(t.oid, null),
 exists (select 1 from pg_cast where castsource = a.atttypid and casttarget = t.oid and castmethod = 'b'),
 current_setting('TimeZone')
)SQL";
bool typeChangeRewritesFrom(const Result& r, int row, int first, const QString& newType);

RelationFacts relationAt(const Result& r, int row) {
    RelationFacts f;
    f.oid = r.text(row, 0).toUInt();
    f.name = displayName(r.text(row, 1), r.text(row, 2));
    f.kind = r.text(row, 3).isEmpty() ? 'r' : r.text(row, 3).at(0).toLatin1();
    f.bytes = r.text(row, 4).toLongLong();
    return f;
}

class ServerFacts final : public LockFacts {
public:
    explicit ServerFacts(Connection& c)
        : m_c(c) {}

    // A migration names the same tables statement after statement; nothing runs during the analysis, so
    // what the catalog says of a name or a partition tree is read once.
    std::optional<RelationFacts> relation(const QStringList& nameParts) override {
        QStringList quoted;
        for (const QString& p : nameParts)
            quoted << quoteIdentifier(p);
        const QString name = quoted.join(u'.');
        if (const auto known = m_relations.constFind(name); known != m_relations.cend()) {
            std::optional<RelationFacts> f = *known;
            if (f)
                measure(*f);
            return f;
        }
        const auto found = one(QStringLiteral("c.oid = to_regclass($1)"), Params{param(name)});
        m_relations.insert(name, found);
        return found;
    }
    QList<RelationFacts> partitions(const RelationFacts& table) override {
        if (const auto known = m_partitions.constFind(table.oid); known != m_partitions.cend())
            return *known;
        const QList<RelationFacts> found =
            many(QStringLiteral("c.oid in (select relid from pg_partition_tree($1::oid) where level > 0)"),
                 table.oid);
        m_partitions.insert(table.oid, found);
        return found;
    }
    std::optional<RelationFacts> tableOfIndex(const RelationFacts& index) override {
        return one(QStringLiteral("c.oid = (select indrelid from pg_index where indexrelid = $1::oid)"),
                   Params{param(qint64(index.oid))});
    }
    std::optional<RelationFacts> defaultPartition(const RelationFacts& table) override {
        return one(QStringLiteral("c.oid = (select nullif(partdefid, 0) from pg_partitioned_table "
                                  "where partrelid = $1::oid)"),
                   Params{param(qint64(table.oid))});
    }
    QList<RelationFacts> referencedTables(const RelationFacts& table) override {
        return many(QStringLiteral("c.oid in (select confrelid from pg_constraint where contype = 'f' "
                                   "and conrelid = $1::oid)"),
                    table.oid);
    }
    QList<RelationFacts> referencingTables(const RelationFacts& table) override {
        return many(QStringLiteral("c.oid in (select conrelid from pg_constraint where contype = 'f' "
                                   "and confrelid = $1::oid and conrelid <> confrelid)"),
                    table.oid);
    }
    QList<RelationFacts> viewSources(const RelationFacts& view) override {
        return many(
            QStringLiteral("c.oid in (select d.refobjid from pg_rewrite rw join pg_depend d on d.classid = "
                           "'pg_rewrite'::regclass and d.objid = rw.oid where rw.ev_class = $1::oid and "
                           "d.refclassid = 'pg_class'::regclass and d.refobjid <> $1::oid)"),
            view.oid);
    }
    QList<RelationFacts> publicationTables(const QString& publication) override {
        return many(QStringLiteral("c.oid in (select prrelid from pg_publication_rel pr join pg_publication "
                                   "p on p.oid = pr.prpubid where p.pubname = $1)"),
                    Params{param(publication)});
    }
    ColumnKeys columnForeignKeys(const RelationFacts& table, const QString& column) override {
        const ColumnFacts& facts = columnFacts(table, column);
        return {facts.referenced, facts.referencing};
    }
    QList<RelationFacts> viewsOnColumn(const RelationFacts& table, const QString& column) override {
        return columnFacts(table, column).views;
    }
    QString tablespaceOf(const RelationFacts& relation) override {
        const QString key = QString::number(relation.oid);
        if (const auto known = m_tablespaces.constFind(key); known != m_tablespaces.cend())
            return *known;
        return *m_tablespaces.insert(
            key,
            m_c.exec(QStringLiteral(
                         "select coalesce((select spcname from pg_tablespace where oid = nullif("
                         "(select reltablespace from pg_class where oid = $1::oid), 0)), (select spcname "
                         "from pg_tablespace t join pg_database d on d.dattablespace = t.oid where "
                         "d.datname = current_database()))"),
                     Params{param(qint64(relation.oid))})
                .text(0, 0));
    }
    QList<RelationFacts> referencingThrough(const RelationFacts& table, const QString& constraint) override {
        return many(
            QStringLiteral("c.oid in (select f.conrelid from pg_constraint f join pg_constraint k on "
                           "k.conindid = f.conindid and k.conrelid = f.confrelid where f.contype = 'f' "
                           "and k.conrelid = $1::oid and k.conname = $2 and k.contype in ('p', 'u') "
                           "and f.conrelid <> f.confrelid)"),
            Params{param(qint64(table.oid)), param(constraint)});
    }
    std::optional<RelationFacts> constraintReferences(const RelationFacts& table,
                                                      const QString& constraint) override {
        return one(QStringLiteral("c.oid = (select confrelid from pg_constraint where contype = 'f' "
                                  "and conrelid = $1::oid and conname = $2 limit 1)"),
                   Params{param(qint64(table.oid)), param(constraint)});
    }
    // What a column's change reaches, asked in one statement: the tables its foreign keys reference, those
    // whose foreign keys reference it, the views that read it (a type change asks all three; 2,000-table
    // migrations ask for hundreds of columns).
    struct ColumnFacts {
        QList<RelationFacts> referenced;
        QList<RelationFacts> referencing;
        QList<RelationFacts> views;
    };
    const ColumnFacts& columnFacts(const RelationFacts& table, const QString& column) {
        const auto key = std::pair(table.oid, column);
        if (const auto known = m_columns.find(key); known != m_columns.end()) {
            for (auto* list : {&known->referenced, &known->referencing, &known->views})
                for (RelationFacts& f : *list)
                    measure(f);
            return *known;
        }
        if (m_prefetched.contains(table.oid))
            return *m_columns.insert(key, {}); // read with its schema: nothing reaches it
        const QString attnum =
            QStringLiteral("(select attnum from pg_attribute where attrelid = $1::oid and attname = $2)");
        const Result r = m_c.exec(
            QStringLiteral(
                "select %1, t.tag from pg_class c join pg_namespace n on n.oid = c.relnamespace join ("
                "select 'referenced' as tag, confrelid as oid from pg_constraint where contype = 'f' and "
                "conrelid = $1::oid and %2 = any (conkey) and confrelid <> conrelid "
                "union select 'referencing', conrelid from pg_constraint where contype = 'f' and "
                "confrelid = $1::oid and %2 = any (confkey) and confrelid <> conrelid "
                "union select 'view', rw.ev_class from pg_depend d join pg_rewrite rw on rw.oid = d.objid "
                "where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass and "
                "d.refobjid = $1::oid and d.refobjsubid = %2 and rw.ev_class <> $1::oid) t on t.oid = c.oid "
                "order by t.tag, n.nspname, c.relname")
                .arg(QLatin1String(kRelationColumns), attnum),
            Params{param(qint64(table.oid)), param(column)});
        ColumnFacts facts;
        for (int row = 0; row < r.rowCount(); ++row) {
            RelationFacts f = relationAt(r, row);
            measure(f);
            const QString tag = r.text(row, 5);
            (tag == QLatin1String("referenced")    ? facts.referenced
             : tag == QLatin1String("referencing") ? facts.referencing
                                                   : facts.views)
                << f;
        }
        return *m_columns.insert(key, facts);
    }
    bool anyVolatile(const QStringList& functionNames) override {
        if (functionNames.isEmpty())
            return false;
        return flag(QStringLiteral("select exists (select 1 from pg_proc where proname = any ($1::text[]) "
                                   "and provolatile = 'v')"),
                    Params{param(arrayLiteral(functionNames))});
    }
    bool domainHasConstraints(const QStringList& typeNameParts) override {
        QStringList quoted;
        for (const QString& p : typeNameParts)
            quoted << quoteIdentifier(p);
        // to_regtype() of a name that is not a type (a keyword like "int") is NULL or a base type: no domain.
        const QString name = quoted.join(u'.');
        if (const auto known = m_domains.constFind(name); known != m_domains.cend())
            return *known;
        return *m_domains.insert(
            name,
            flag(QStringLiteral("select exists (select 1 from pg_constraint where contypid = (select "
                                "t.oid from pg_type t where t.oid = to_regtype($1) and t.typtype = 'd'))"),
                 Params{param(name)}));
    }
    bool typeChangeRewrites(const RelationFacts& table, const QString& column,
                            const QString& newType) override;
    bool hasNotNullCheck(const RelationFacts& table, const QString& column) override {
        // The check's expression as the server prints it: ((col IS NOT NULL)).
        return flag(QStringLiteral("select exists (select 1 from pg_constraint where conrelid = $1::oid "
                                   "and contype = 'c' and convalidated and pg_get_constraintdef(oid) = "
                                   "'CHECK ((' || quote_ident($2) || ' IS NOT NULL))')"),
                    Params{param(qint64(table.oid)), param(column)});
    }

    // Every relation of the schema by its qualified name (and by its plain name where the search path finds
    // it by that), and what each of their columns reaches (columnFacts), in two statements. Sizes stay
    // measured when asked for, under their own lock_timeout.
    void prefetch(const QString& schema) {
        const Params params{param(schema)};
        const Result relations = m_c.exec(
            // pg_table_is_visible: whether the search path finds it by its plain name (to_regclass of each
            // name was a fifth of the statement).
            QStringLiteral("select %1, pg_table_is_visible(c.oid) from pg_class c join "
                           "pg_namespace n on n.oid = c.relnamespace where n.nspname = $1")
                .arg(QLatin1String(kRelationColumns)),
            params);
        const QString prefix = quoteIdentifier(schema) + QLatin1Char('.');
        for (int row = 0; row < relations.rowCount(); ++row) {
            const RelationFacts f = relationAt(relations, row);
            const QString name = quoteIdentifier(relations.text(row, 2));
            m_relations.insert(prefix + name, f);
            if (relations.text(row, 5) == QLatin1String("t"))
                m_relations.insert(name, f);
            m_prefetched.insert(f.oid);
        }
        const Result columns = m_c.exec(
            QStringLiteral("select %1, t.tag, t.relid::int8, a.attname::text from ("
                           "select 'referenced' as tag, k.conrelid as relid, unnest(k.conkey) as attnum, "
                           "k.confrelid as oid "
                           "from pg_constraint k where k.contype = 'f' and k.confrelid <> k.conrelid "
                           "union select 'referencing', k.confrelid, unnest(k.confkey), k.conrelid "
                           "from pg_constraint k where k.contype = 'f' and k.confrelid <> k.conrelid "
                           "union select 'view', d.refobjid, d.refobjsubid, rw.ev_class from pg_depend d "
                           "join pg_rewrite rw "
                           "on rw.oid = d.objid where d.classid = 'pg_rewrite'::regclass and d.refclassid = "
                           "'pg_class'::regclass and d.refobjsubid > 0 and rw.ev_class <> d.refobjid) t "
                           "join pg_attribute a on a.attrelid = t.relid and a.attnum = t.attnum "
                           "join pg_class c on c.oid = t.oid join pg_namespace n on n.oid = c.relnamespace "
                           "where t.relid in (select r.oid from pg_class r join pg_namespace rn on rn.oid = "
                           "r.relnamespace "
                           "where rn.nspname = $1) "
                           "order by t.tag, n.nspname, c.relname")
                .arg(QLatin1String(kRelationColumns)),
            params);
        for (int row = 0; row < columns.rowCount(); ++row) {
            const RelationFacts f = relationAt(columns, row);
            ColumnFacts& facts =
                m_columns[std::pair(unsigned(columns.text(row, 6).toUInt()), columns.text(row, 7))];
            const QString tag = columns.text(row, 5);
            (tag == QLatin1String("referenced")    ? facts.referenced
             : tag == QLatin1String("referencing") ? facts.referencing
                                                   : facts.views)
                << f;
        }
    }

    // The rules run once over a script with `deferring` on: the sizes and type changes they ask about are
    // noted, then answered here in two statements (a migration of 400 statements asked 400 of them one
    // by one); the second run finds every answer.
    void setDeferring(bool on) { m_deferring = on; }
    void answer() {
        if (!m_sizesWanted.isEmpty() && !m_c.inTransaction()) {
            QStringList oids;
            for (unsigned oid : std::as_const(m_sizesWanted))
                oids << QString::number(oid);
            try {
                const Result r = m_c.exec(
                    QStringLiteral("select o::int8, pg_total_relation_size(o) from unnest($1::oid[]) o"),
                    Params{param(arrayLiteral(oids))},
                    LocalSettings{{QStringLiteral("lock_timeout"), QStringLiteral("200")}});
                for (int row = 0; row < r.rowCount(); ++row)
                    if (!r.isNull(row, 1))
                        m_sizes.insert(r.text(row, 0).toUInt(), r.text(row, 1).toLongLong());
            } catch (const QueryError&) {
                // One of them busy: each is measured by itself when asked again.
            }
        }
        m_sizesWanted.clear();
        if (!m_typesWanted.isEmpty()) {
            QStringList tables, columns, types;
            for (const TypeQuestion& q : std::as_const(m_typesWanted)) {
                tables << QString::number(q.table);
                columns << q.column;
                types << q.newType;
                m_rewrites.insert(rewriteKey(q.table, q.column, q.newType), true); // no such column
            }
            const Result r = m_c.exec(
                QStringLiteral(
                    "select q.relid::int8, q.col, q.newtype, %1 from unnest($1::oid[], $2::text[], "
                    "$3::text[]) q(relid, col, newtype) join pg_attribute a on a.attrelid = q.relid "
                    "and a.attname = q.col cross join lateral (select to_regtype(q.newtype) as oid) t")
                    .arg(QLatin1String(kTypeChangeColumns)),
                Params{param(arrayLiteral(tables)), param(arrayLiteral(columns)),
                       param(arrayLiteral(types))});
            for (int row = 0; row < r.rowCount(); ++row)
                m_rewrites.insert(rewriteKey(r.text(row, 0).toUInt(), r.text(row, 1), r.text(row, 2)),
                                  typeChangeRewritesFrom(r, row, 3, r.text(row, 2)));
        }
        m_typesWanted.clear();
    }
    static QString rewriteKey(unsigned table, const QString& column, const QString& newType) {
        return QString::number(table) + QLatin1Char('\n') + column + QLatin1Char('\n') + newType;
    }

    // The size of a never-analyzed table, measured (once) if its lock is free within 200 ms.
    void measure(RelationFacts& f) {
        // In a transaction block a failed measurement would abort it: the size stays unknown there.
        if (f.bytes >= 0 || m_c.inTransaction())
            return;
        if (const auto known = m_sizes.constFind(f.oid); known != m_sizes.cend()) {
            f.bytes = *known;
            return;
        }
        if (m_deferring) {
            m_sizesWanted.insert(f.oid);
            return;
        }
        try {
            const Result r = m_c.exec(QStringLiteral("select pg_total_relation_size($1::oid)"),
                                      Params{param(qint64(f.oid))},
                                      LocalSettings{{QStringLiteral("lock_timeout"), QStringLiteral("200")}});
            f.bytes = r.text(0, 0).toLongLong();
        } catch (const QueryError&) {
            // Busy: the size stays unknown.
        }
        m_sizes.insert(f.oid, f.bytes);
    }

private:
    // Each question asked once: the rules run twice over a prefetched script (answer()), and statements
    // of one script ask about the same tables.
    static QString memoKey(const QString& sql, const Params& params) {
        QString key = sql;
        for (const Param& p : params)
            key += QLatin1Char('\x1f') + (p ? QString::fromUtf8(*p) : QStringLiteral("\x1e"));
        return key;
    }
    std::optional<RelationFacts> one(const QString& where, const Params& params) {
        const QString key = memoKey(where, params);
        auto known = m_one.find(key);
        if (known == m_one.end()) {
            const Result r =
                m_c.exec(QStringLiteral("select %1 from pg_class c join pg_namespace n on n.oid = "
                                        "c.relnamespace where %2")
                             .arg(QLatin1String(kRelationColumns), where),
                         params);
            known = m_one.insert(key, r.rowCount() == 0 ? std::nullopt
                                                        : std::optional<RelationFacts>(relationAt(r, 0)));
        }
        std::optional<RelationFacts> f = *known;
        if (f)
            measure(*f);
        return f;
    }
    QList<RelationFacts> many(const QString& where, unsigned oid) {
        return many(where, Params{param(qint64(oid))});
    }
    QList<RelationFacts> many(const QString& where, const Params& params) {
        const QString key = memoKey(where, params);
        auto known = m_many.find(key);
        if (known == m_many.end()) {
            const Result r =
                m_c.exec(QStringLiteral("select %1 from pg_class c join pg_namespace n on n.oid = "
                                        "c.relnamespace where %2 order by n.nspname, c.relname")
                             .arg(QLatin1String(kRelationColumns), where),
                         params);
            QList<RelationFacts> found;
            for (int row = 0; row < r.rowCount(); ++row)
                found << relationAt(r, row);
            known = m_many.insert(key, found);
        }
        QList<RelationFacts> out = *known;
        for (RelationFacts& f : out)
            measure(f);
        return out;
    }
    bool flag(const QString& sql, const Params& params) {
        const QString key = memoKey(sql, params);
        if (const auto known = m_flags.constFind(key); known != m_flags.cend())
            return *known;
        return *m_flags.insert(key, m_c.exec(sql, params).text(0, 0) == QLatin1String("t"));
    }

    Connection& m_c;
    QHash<QString, std::optional<RelationFacts>> m_relations; // quoted name → the relation, or none
    QHash<unsigned, QList<RelationFacts>> m_partitions;
    QHash<std::pair<unsigned, QString>, ColumnFacts> m_columns;
    QHash<QString, bool> m_domains;
    QHash<unsigned, qint64> m_sizes; // measured: -1 when the table was busy
    QSet<unsigned> m_prefetched;     // relations whose columnFacts are all in m_columns
    QHash<QString, std::optional<RelationFacts>> m_one;
    QHash<QString, QList<RelationFacts>> m_many;
    QHash<QString, bool> m_flags;
    QHash<QString, QString> m_tablespaces;
    // While the rules learn what a script asks (answer()): sizes and type changes noted, not asked.
    bool m_deferring = false;
    QSet<unsigned> m_sizesWanted;
    struct TypeQuestion {
        unsigned table;
        QString column;
        QString newType;
    };
    QList<TypeQuestion> m_typesWanted;
    QHash<QString, bool> m_rewrites; // "oid\ncolumn\nnew type" → whether it rewrites
};

// The typmod a type's modifiers give, for the types whose modifiers decide a rewrite: varchar(n) and
// char(n) store n + 4, numeric(p, s) ((p << 16) | s) + 4, the time types their precision.
int typmodOf(const QString& typeText, const QString& baseType) {
    static const QRegularExpression mods(QStringLiteral("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)"));
    const auto m = mods.match(typeText);
    if (!m.hasMatch())
        return -1;
    const int a = m.captured(1).toInt();
    const int b = m.captured(2).toInt();
    if (baseType == QLatin1String("numeric"))
        return ((a << 16) | b) + 4;
    if (baseType == QLatin1String("character varying") || baseType == QLatin1String("character") ||
        baseType == QLatin1String("bit varying") || baseType == QLatin1String("bit"))
        return baseType.startsWith(QLatin1String("bit")) ? a : a + 4;
    return a; // timestamp(p), time(p), interval(p)
}

bool ServerFacts::typeChangeRewrites(const RelationFacts& table, const QString& column,
                                     const QString& newType) {
    const QString key = rewriteKey(table.oid, column, newType);
    if (const auto known = m_rewrites.constFind(key); known != m_rewrites.cend())
        return *known;
    if (m_deferring) {
        m_typesWanted.append({table.oid, column, newType});
        return true;
    }
    const Result r =
        m_c.exec(QStringLiteral("select %1 from pg_attribute a, (select to_regtype($3) as oid) t "
                                "where a.attrelid = $1::oid and a.attname = $2")
                     .arg(QLatin1String(kTypeChangeColumns)),
                 Params{param(qint64(table.oid)), param(column), param(newType)});
    return *m_rewrites.insert(key, r.rowCount() == 0 || typeChangeRewritesFrom(r, 0, 0, newType));
}

// PostgreSQL's ATColumnChangeRequiresRewrite, for the cases people meet: the same type with a looser
// modifier (varchar longer or unbounded, numeric with more precision and the same scale, more fractional
// seconds), or a binary-coercible cast (varchar → text) without a new length limit. Everything else is
// taken to rewrite (the trace says where it does not). From kTypeChangeColumns at `first`.
bool typeChangeRewritesFrom(const Result& r, int row, int first, const QString& newType) {
    if (r.isNull(row, first + 3))
        return true;
    const qint64 oldType = r.text(row, first).toLongLong();
    const int oldMod = r.text(row, first + 1).toInt();
    const QString oldName = r.text(row, first + 2);
    const qint64 newTypeOid = r.text(row, first + 3).toLongLong();
    const QString newName = r.text(row, first + 4);
    const bool binary = r.text(row, first + 5) == QLatin1String("t");
    const QString timeZone = r.text(row, first + 6);
    const int newMod = typmodOf(newType, newName);
    if (oldType == newTypeOid) {
        if (newMod == oldMod || newMod == -1)
            return newMod == -1 && oldMod != -1 &&
                   (newName == QLatin1String("character") || newName == QLatin1String("bit"));
        if (oldMod == -1)
            return true;
        if (newName == QLatin1String("numeric"))
            return (newMod & 0xffff) != (oldMod & 0xffff) || newMod < oldMod;
        if (newName == QLatin1String("character varying") || newName == QLatin1String("bit varying") ||
            newName.startsWith(QLatin1String("timestamp")) || newName.startsWith(QLatin1String("time")) ||
            newName == QLatin1String("interval"))
            return newMod < oldMod;
        return true;
    }
    // timestamp → timestamptz keeps the bits only where the session's time zone is UTC.
    if (oldName == QLatin1String("timestamp without time zone") &&
        newName == QLatin1String("timestamp with time zone"))
        return !(timeZone == QLatin1String("UTC") || timeZone == QLatin1String("Etc/UTC")) ||
               (newMod != -1 && newMod < oldMod);
    return !binary || newMod != -1;
}

} // namespace

LockAnalyzer::LockAnalyzer(Connection& connection)
    : m_connection(connection) {
}

QList<StatementLocks> LockAnalyzer::analyze(const QString& script, const QString& schema) {
    // Inside the user's open transaction (the query tool's session) the reads run under a savepoint that is
    // rolled back: a failed read or a local setting never outlives the analysis.
    if (m_connection.inFailedTransaction())
        throwConfigurationError(
            QStringLiteral("transaction"),
            tr("The session's transaction has failed: roll it back before the analysis."));
    const bool nested = m_connection.inTransaction();
    if (nested)
        m_connection.exec(QStringLiteral("savepoint pgdesk_lock_analysis"));
    const auto leave = [&] {
        if (nested)
            m_connection.exec(QStringLiteral("rollback to savepoint pgdesk_lock_analysis; "
                                             "release savepoint pgdesk_lock_analysis"));
    };
    QList<StatementLocks> out;
    try {
        ServerFacts facts(m_connection);
        const QList<SqlStatement> statements = splitStatements(script);
        if (!schema.isEmpty()) {
            facts.prefetch(schema);
            // A first run learns the sizes and type changes the rules will ask about; answer() reads them
            // in bulk, and the run below finds every answer.
            facts.setDeferring(true);
            for (const SqlStatement& s : statements)
                analyzeStatement(s.text, facts, m_connection.serverVersion());
            facts.setDeferring(false);
            facts.answer();
        }
        for (const SqlStatement& s : statements) {
            StatementLocks locks = analyzeStatement(s.text, facts, m_connection.serverVersion());
            locks.offset = s.offset;
            locks.transactional = locks.transactional && !s.outsideTransaction;
            out << std::move(locks);
        }
    } catch (...) {
        leave();
        throw;
    }
    leave();
    return out;
}

namespace {

struct Held {
    QHash<qint64, LockMode> strongest; // relation oid → strongest mode held
    QSet<QPair<qint64, int>> modes;    // every (oid, mode) held
};

Held heldLocks(Connection& c) {
    const Result r =
        c.exec(QStringLiteral("select relation::int8, mode from pg_locks where pid = pg_backend_pid() "
                              "and locktype = 'relation' and granted and relation >= 16384"));
    Held h;
    for (int row = 0; row < r.rowCount(); ++row) {
        const qint64 oid = r.text(row, 0).toLongLong();
        const LockMode mode = lockModeFromName(r.text(row, 1)).value_or(LockMode::None);
        h.modes.insert({oid, int(mode)});
        h.strongest[oid] = std::max(h.strongest.value(oid, LockMode::None), mode);
    }
    return h;
}

struct Known {
    QString name;
    char kind = 'r';
    QString filenode;
    qint64 bytes = -1;
};

// What the server did for one statement, against the static rules.
void compare(StatementLocks& s, const QHash<qint64, Known>& known, const Held& before, const Held& after) {
    QHash<QString, LockMode> traced;
    for (auto it = after.strongest.cbegin(); it != after.strongest.cend(); ++it) {
        const auto k = known.constFind(it.key());
        if (k == known.cend())
            continue; // made by the script itself
        // The strongest mode this statement asked for: one it did not hold before.
        LockMode mode = LockMode::None;
        for (int m = int(LockMode::AccessShare); m <= int(LockMode::AccessExclusive); ++m)
            if (after.modes.contains({it.key(), m}) && !before.modes.contains({it.key(), m}))
                mode = LockMode(m);
        if (mode == LockMode::None)
            continue;
        const bool table = QByteArrayLiteral("rpmvf").contains(k->kind);
        bool named = false;
        for (const RelationLock& l : std::as_const(s.locks))
            named = named || l.relation == k->name;
        if (table || named)
            traced.insert(k->name, mode);
    }
    for (auto it = traced.cbegin(); it != traced.cend(); ++it)
        s.tracedLocks << RelationLock{it.key(), it.value(), -1};
    std::sort(s.tracedLocks.begin(), s.tracedLocks.end(),
              [](const RelationLock& a, const RelationLock& b) { return a.relation < b.relation; });
    for (const RelationLock& l : std::as_const(s.locks)) {
        const LockMode seen = traced.value(l.relation, LockMode::None);
        if (seen == l.mode)
            continue;
        // Held already, as strong, from an earlier statement: this one's own request cannot be seen.
        qint64 oid = -1;
        for (auto k = known.cbegin(); k != known.cend(); ++k)
            if (k->name == l.relation)
                oid = k.key();
        if (seen < l.mode && oid >= 0 && before.modes.contains({oid, int(l.mode)})) {
            s.traceNote +=
                (s.traceNote.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("%1 on %2 was held already (an earlier statement): this statement's own request "
                   "cannot be seen.")
                    .arg(lockModeName(l.mode), l.relation);
            continue;
        }
        s.disagreements << (seen == LockMode::None
                                ? tr("%1: the rules say %2, the trace saw no new lock")
                                      .arg(l.relation, lockModeName(l.mode))
                                : tr("%1: the rules say %2, the trace saw %3")
                                      .arg(l.relation, lockModeName(l.mode), lockModeName(seen)));
    }
    for (auto it = traced.cbegin(); it != traced.cend(); ++it) {
        bool named = false;
        for (const RelationLock& l : std::as_const(s.locks))
            named = named || l.relation == it.key();
        if (!named)
            s.disagreements
                << tr("%1: the trace saw %2, the rules say nothing").arg(it.key(), lockModeName(it.value()));
    }
    for (const QString& r : std::as_const(s.rewrites))
        if (!s.tracedRewrites.contains(r))
            s.disagreements << tr("%1: the rules say it is rewritten, the trace saw the same files").arg(r);
    for (const QString& r : std::as_const(s.tracedRewrites))
        if (!s.rewrites.contains(r))
            s.disagreements << tr("%1: the trace saw it rewritten, the rules did not").arg(r);
}

} // namespace

QList<StatementLocks> LockAnalyzer::trace(const QString& script, int lockTimeoutMs, int statementTimeoutMs) {
    const ConnectionProfile& profile = m_connection.profile();
    if (profile.writeGuarded())
        throwWriteGuarded(profile, tr("a lock trace (it runs the statements, then rolls them back)"));
    if (profile.sessionReadOnly())
        throwConfigurationError(QStringLiteral("trace"),
                                tr("Trace runs the statements (then rolls them back): not on a production or "
                                   "read-only connection. The static analysis needs no trace."));
    if (!m_connection.isIdle())
        throwConfigurationError(QStringLiteral("trace"),
                                tr("Trace needs a connection with no transaction open."));
    QList<StatementLocks> out = analyze(script);
    m_connection.exec(QStringLiteral("begin"));
    try {
        m_connection.exec(
            QStringLiteral("select set_config('lock_timeout', $1, true), "
                           "set_config('statement_timeout', $2, true)"),
            Params{param(QString::number(lockTimeoutMs)), param(QString::number(statementTimeoutMs))});
        // Every relation there is before the script: only their locks and files are compared.
        QHash<qint64, Known> known;
        const Result r = m_connection.exec(QStringLiteral(
            "select c.oid::int8, n.nspname::text, c.relname::text, c.relkind::text, c.relfilenode::text "
            "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid >= 16384 "
            "and c.relkind in ('r', 'p', 'm', 'v', 'f', 'i', 'I', 'S')"));
        for (int row = 0; row < r.rowCount(); ++row)
            known.insert(r.text(row, 0).toLongLong(), Known{displayName(r.text(row, 1), r.text(row, 2)),
                                                            r.text(row, 3).at(0).toLatin1(), r.text(row, 4)});
        QHash<qint64, qint64> scansSoFar;
        SequenceWatch sequences(m_connection);
        bool stopped = false;
        for (StatementLocks& s : out) {
            if (stopped) {
                s.traceNote = tr("Not traced: an earlier statement failed.");
                continue;
            }
            if (!s.transactional) {
                s.traceNote = tr("Not traced: it cannot run inside a transaction block.");
                continue;
            }
            if (classifyStatement(s.sql).kind == StatementKind::TransactionControl) {
                s.traceNote = tr("Not traced: the trace's own transaction stays open until its rollback.");
                continue;
            }
            // A trace is promised as rolled back: what a rollback does not undo never runs in one.
            if (const auto outside = actsOutsideTransaction(s.sql)) {
                s.traceNote = tr("Not traced: %1, which the trace's rollback would not undo.").arg(*outside);
                continue;
            }
            const Held before = heldLocks(m_connection);
            m_connection.exec(QStringLiteral("savepoint pgdesk_trace"));
            try {
                m_connection.exec(s.sql);
            } catch (const Error& e) {
                s.traceNote = tr("Stopped: %1").arg(QString::fromUtf8(e.what()));
                stopped = true;
                m_connection.exec(QStringLiteral("rollback to savepoint pgdesk_trace"));
                continue;
            }
            m_connection.exec(QStringLiteral("release savepoint pgdesk_trace"));
            const Held after = heldLocks(m_connection);
            s.traced = true;
            s.tracedSequences = sequences.advanced(); // nextval() is not undone by the rollback
            // Files and scans of the relations it locked (a rewrite or a scan needs a lock).
            QStringList oids;
            for (auto it = after.strongest.cbegin(); it != after.strongest.cend(); ++it)
                if (known.contains(it.key()))
                    oids << QString::number(it.key());
            const Result files = m_connection.exec(
                QStringLiteral(
                    "select o.oid, c.relfilenode::text, coalesce(pg_stat_get_xact_numscans(o.oid), 0) "
                    "from unnest($1::int8[]) o(oid) left join pg_class c on c.oid = o.oid::oid"),
                Params{param(QLatin1Char('{') + oids.join(u',') + QLatin1Char('}'))});
            for (int row = 0; row < files.rowCount(); ++row) {
                const qint64 oid = files.text(row, 0).toLongLong();
                Known& k = known[oid];
                const QString filenode = files.text(row, 1);
                if ((k.kind == 'r' || k.kind == 'm') && !filenode.isEmpty() && filenode != k.filenode) {
                    s.tracedRewrites << k.name;
                    k.filenode = filenode;
                }
                const qint64 scans = files.text(row, 2).toLongLong();
                if (scans > scansSoFar.value(oid, 0) && (k.kind == 'r' || k.kind == 'm'))
                    s.tracedScans << k.name;
                scansSoFar[oid] = scans;
            }
            s.tracedRewrites.sort();
            s.tracedScans.sort();
            compare(s, known, before, after);
        }
    } catch (...) {
        m_connection.exec(QStringLiteral("rollback"));
        throw;
    }
    m_connection.exec(QStringLiteral("rollback"));
    return out;
}

} // namespace pgdesk::core
