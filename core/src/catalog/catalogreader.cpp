// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogsql.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/joinedthread.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/lockwait.h>
#include <pgdesk/core/session/transaction.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <exception>
#include <optional>
#include <vector>

namespace pgdesk::core {

namespace {

// ---------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------

// Well-known built-in type OIDs (pg_type.dat); stable across server versions.
enum : Oid {
    BoolOid = 16,
    ByteaOid = 17,
    NameOid = 19,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    TextOid = 25,
    JsonOid = 114,
    CidrOid = 650,
    Float4Oid = 700,
    Float8Oid = 701,
    MacaddrOid = 829,
    Macaddr8Oid = 774,
    InetOid = 869,
    BpcharOid = 1042,
    VarcharOid = 1043,
    DateOid = 1082,
    TimeOid = 1083,
    TimestampOid = 1114,
    TimestamptzOid = 1184,
    IntervalOid = 1186,
    TimetzOid = 1266,
    NumericOid = 1700,
    UuidOid = 2950,
    TsvectorOid = 3614,
    JsonbOid = 3802,
};

TypeCategory categoryFor(Oid baseOid, const QString& typname, const QString& typcategory,
                         const QString& typtype) {
    if (typcategory == QLatin1String("A"))
        return TypeCategory::Array;
    switch (baseOid) {
    case BoolOid:
        return TypeCategory::Boolean;
    case Int2Oid:
    case Int4Oid:
    case Int8Oid:
        return TypeCategory::Integer;
    case NumericOid:
        return TypeCategory::Numeric;
    case Float4Oid:
    case Float8Oid:
        return TypeCategory::Float;
    case TextOid:
    case VarcharOid:
    case BpcharOid:
    case NameOid:
        return TypeCategory::Text;
    case UuidOid:
        return TypeCategory::Uuid;
    case DateOid:
        return TypeCategory::Date;
    case TimeOid:
    case TimetzOid:
        return TypeCategory::Time;
    case TimestampOid:
    case TimestamptzOid:
        return TypeCategory::Timestamp;
    case IntervalOid:
        return TypeCategory::Interval;
    case JsonOid:
    case JsonbOid:
        return TypeCategory::Json;
    case ByteaOid:
        return TypeCategory::Bytea;
    case InetOid:
    case CidrOid:
    case MacaddrOid:
    case Macaddr8Oid:
        return TypeCategory::Network;
    case TsvectorOid:
        return TypeCategory::TsVector;
    default:
        break;
    }
    if (typtype == QLatin1String("e"))
        return TypeCategory::Enum;
    if (typtype == QLatin1String("r") || typtype == QLatin1String("m"))
        return TypeCategory::Range;
    // Extension types have no fixed OID: citext is recognised by name.
    if (typname == QLatin1String("citext"))
        return TypeCategory::Text;
    return TypeCategory::Other;
}

QJsonArray jsonArray(const Result& r, int row, const char* column) {
    return QJsonDocument::fromJson(r.bytes(row, r.columnIndex(QLatin1String(column)))).array();
}

QStringList stringList(const QJsonValue& value) {
    QStringList out;
    for (const auto& v : value.toArray())
        out << v.toString();
    return out;
}

// [select, insert, update] when the column has grants of its own (only then can they differ from the
// table's), else the table's privileges; a query result's columns (no table) keep theirs.
void setPrivileges(ColumnInfo& c, const QJsonValue& own, const Privileges* table) {
    if (const QJsonArray grants = own.toArray(); grants.size() == 3) {
        c.canSelect = grants.at(0).toBool();
        c.canInsert = grants.at(1).toBool();
        c.canUpdate = grants.at(2).toBool();
    } else if (table) {
        c.canSelect = table->select;
        c.canInsert = table->insert;
        c.canUpdate = table->update;
    }
}

// `table`: the table's privileges, which columns without grants of their own have (none for query results).
QList<ColumnInfo> parseColumns(const QJsonArray& array, const Privileges* table = nullptr) {
    QList<ColumnInfo> columns;
    columns.reserve(array.size());
    for (const auto& v : array) {
        const QJsonObject o = v.toObject();
        ColumnInfo c;
        c.name = o[QLatin1String("name")].toString();
        c.number = o[QLatin1String("number")].toInt();
        c.typeOid = Oid(o[QLatin1String("type_oid")].toInteger());
        c.typeName = o[QLatin1String("type_name")].toString();
        c.baseTypeOid = Oid(o[QLatin1String("base_oid")].toInteger());
        c.baseTypeName = o[QLatin1String("base_name")].toString();
        c.domainName = o[QLatin1String("domain")].toString();
        c.category = categoryFor(c.baseTypeOid, o[QLatin1String("base_typname")].toString(),
                                 o[QLatin1String("base_category")].toString(),
                                 o[QLatin1String("base_typtype")].toString());
        c.elementTypeOid = Oid(o[QLatin1String("elem_oid")].toInteger());
        c.elementTypeName = o[QLatin1String("elem_name")].toString();
        c.enumLabels = stringList(o[QLatin1String("enum_labels")]);
        c.notNull = o[QLatin1String("not_null")].toBool();
        c.defaultExpression = o[QLatin1String("default")].toString();
        const QString identity = o[QLatin1String("identity")].toString();
        c.isIdentity = identity == QLatin1String("a") || identity == QLatin1String("d");
        c.identityAlways = identity == QLatin1String("a");
        c.isGenerated = o[QLatin1String("generated")].toString() == QLatin1String("s");
        c.comment = o[QLatin1String("comment")].toString();
        c.textSearchConfig = o[QLatin1String("ts_config")].toString();
        setPrivileges(c, o[QLatin1String("privileges")], table);
        columns << c;
    }
    return columns;
}

QList<UniqueConstraint> parseUniques(const QJsonArray& array) {
    QList<UniqueConstraint> uniques;
    for (const auto& v : array) {
        const QJsonObject o = v.toObject();
        UniqueConstraint u;
        u.name = o[QLatin1String("name")].toString();
        u.columns = stringList(o[QLatin1String("columns")]);
        u.isPrimaryKey = o[QLatin1String("primary_key")].toBool();
        u.isIndexOnly = o[QLatin1String("index_only")].toBool();
        u.isPartial = o[QLatin1String("partial")].toBool();
        uniques << u;
    }
    return uniques;
}

QList<ForeignKey> parseForeignKeys(const QJsonArray& array) {
    QList<ForeignKey> keys;
    for (const auto& v : array) {
        const QJsonObject o = v.toObject();
        ForeignKey k;
        k.name = o[QLatin1String("name")].toString();
        k.schema = o[QLatin1String("schema")].toString();
        k.table = o[QLatin1String("table")].toString();
        k.columns = stringList(o[QLatin1String("columns")]);
        k.refSchema = o[QLatin1String("ref_schema")].toString();
        k.refTable = o[QLatin1String("ref_table")].toString();
        k.refColumns = stringList(o[QLatin1String("ref_columns")]);
        keys << k;
    }
    return keys;
}

bool boolAt(const Result& r, int row, int column) {
    return r.view(row, column) == "t";
}

qint64 int64At(const Result& r, int row, int column) {
    const std::string_view v = r.view(row, column);
    return QByteArray::fromRawData(v.data(), qsizetype(v.size())).toLongLong();
}

// Where the columns of kCommonColumns are in a result: looked up once, not per row (a listing of 10,000
// relations would ask 170,000 times).
struct CommonColumns {
    explicit CommonColumns(const Result& r) {
        const auto at = [&r](const char* name) { return r.columnIndex(QLatin1String(name)); };
        oid = at("oid");
        schema = at("schema_name");
        name = at("rel_name");
        relkind = at("relkind");
        parentSchema = at("parent_schema");
        parentName = at("parent_name");
        estimatedRows = at("estimated_rows");
        estimateFromSize = at("estimate_from_size");
        totalBytes = at("total_bytes");
        comment = at("comment");
        canSelect = at("can_select");
        canInsert = at("can_insert");
        canUpdate = at("can_update");
        canDelete = at("can_delete");
        canReadVersion = at("can_read_version");
        trigger = at("before_update_row_trigger");
    }
    int oid, schema, name, relkind, parentSchema, parentName, estimatedRows, estimateFromSize, totalBytes,
        comment, canSelect, canInsert, canUpdate, canDelete, canReadVersion, trigger;
};

// The scalar parts shared by TableSummary and TableInfo, from one row of either query.
TableInfo parseCommon(const Result& r, int row, const CommonColumns& at) {
    TableInfo t;
    t.oid = Oid(int64At(r, row, at.oid));
    t.schema = r.text(row, at.schema);
    t.name = r.text(row, at.name);
    t.kind = relationKindFromRelkind(r.text(row, at.relkind));
    t.parentSchema = r.text(row, at.parentSchema);
    t.parentName = r.text(row, at.parentName);
    t.estimatedRows = r.bytes(row, at.estimatedRows).toDouble();
    t.estimateFromSize = boolAt(r, row, at.estimateFromSize);
    t.totalBytes = int64At(r, row, at.totalBytes);
    t.comment = r.text(row, at.comment);
    t.privileges.select = boolAt(r, row, at.canSelect);
    t.privileges.insert = boolAt(r, row, at.canInsert);
    t.privileges.update = boolAt(r, row, at.canUpdate);
    t.privileges.remove = boolAt(r, row, at.canDelete);
    t.versionReadable = boolAt(r, row, at.canReadVersion);
    return t;
}

// Rows of tablesColumnsSql() or tablesUniquesSql(), grouped by relation OID (column 0) in one pass; the
// rows come in no order, so each relation's are kept in the order `before` puts them.
class RowsByRelation {
public:
    using Rows = QVarLengthArray<int, 4>;
    template <typename Before> RowsByRelation(const Result& r, Before before) {
        m_rows.reserve(r.rowCount());
        for (int row = 0; row < r.rowCount(); ++row)
            m_rows[Oid(int64At(r, row, 0))].append(row);
        for (Rows& rows : m_rows)
            if (rows.size() > 1)
                std::sort(rows.begin(), rows.end(), before);
    }
    const Rows& rows(Oid oid) const {
        static const Rows none;
        const auto it = m_rows.constFind(oid);
        return it == m_rows.cend() ? none : *it;
    }

private:
    QHash<Oid, Rows> m_rows;
};

// Readable columns in TableInfo::columns, the others in hiddenColumns. Nothing readable at all: the table
// keeps its shape, and a read fails as the server says (permission denied for table) rather than as a
// table without columns.
void placeColumns(TableInfo& t, QList<ColumnInfo> columns) {
    for (ColumnInfo& c : columns)
        (c.canSelect ? t.columns : t.hiddenColumns).append(std::move(c));
    if (t.columns.isEmpty())
        t.columns.swap(t.hiddenColumns);
}

// A listing's column (tablesColumnsSql: relation, name, number, NOT NULL, base type OID, own grants or
// nulls).
ColumnInfo parseListedColumn(const Result& r, int row, const Privileges& table) {
    constexpr int at = 1;
    ColumnInfo c;
    c.name = r.text(row, at);
    c.number = int(int64At(r, row, at + 1));
    c.notNull = boolAt(r, row, at + 2);
    c.baseTypeOid = c.typeOid = Oid(int64At(r, row, at + 3));
    c.category = categoryFor(c.baseTypeOid, {}, {}, {}); // built-in types, by OID
    if (r.isNull(row, at + 4)) {
        c.canSelect = table.select;
        c.canInsert = table.insert;
        c.canUpdate = table.update;
    } else {
        c.canSelect = boolAt(r, row, at + 4);
        c.canInsert = boolAt(r, row, at + 5);
        c.canUpdate = boolAt(r, row, at + 6);
    }
    return c;
}

// tablesUniquesSql()'s columns.
enum ListedIndexColumn {
    IndexName = 1,
    IndexPrimary,
    IndexPartial,
    IndexUsable,
    IndexPages,
    KeyCount,
    IndexKey
};

// A listing's columns of one relation (tablesColumnsSql) by number and its unique indexes (tablesUniquesSql,
// rows in their order), their key columns named from those columns: a column not listed (nullable, so no
// key) keeps an empty name, which no column has.
void parseListedRelation(const Result& listed, const RowsByRelation::Rows& columnRows, const Result& indexes,
                         const RowsByRelation::Rows& indexRows, TableInfo& t) {
    QList<ColumnInfo> columns;
    columns.reserve(columnRows.size());
    for (const int row : columnRows)
        columns << parseListedColumn(listed, row, t.privileges);
    for (const int row : indexRows) {
        if (!boolAt(indexes, row, IndexUsable))
            continue;
        UniqueConstraint u;
        u.name = indexes.text(row, IndexName);
        u.isPrimaryKey = boolAt(indexes, row, IndexPrimary);
        u.isPartial = boolAt(indexes, row, IndexPartial);
        const int keyColumns = int(int64At(indexes, row, KeyCount));
        const QList<QByteArray> attnums = indexes.bytes(row, IndexKey).split(' ');
        for (int k = 0; k < keyColumns && k < attnums.size(); ++k) {
            const int attnum = attnums[k].toInt();
            auto named = std::find_if(columns.begin(), columns.end(),
                                      [attnum](const ColumnInfo& c) { return c.number == attnum; });
            u.columns << (named == columns.end() ? QString() : named->name);
        }
        t.uniques << u;
    }
    placeColumns(t, std::move(columns));
}

} // namespace

std::optional<QStringList> splitQualifiedName(const QString& text) {
    QStringList parts;
    QString current;
    bool inQuotes = false;
    bool atPartStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (inQuotes) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    current += ch;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                current += ch;
            }
            continue;
        }
        // A quote opens a quoted identifier only at the start of a part; elsewhere it is a character
        // of the name (the demo's bare `we"ird; drop table x;--`).
        if (ch == QLatin1Char('"') && atPartStart) {
            inQuotes = true;
            atPartStart = false;
            continue;
        }
        if (ch == QLatin1Char('.')) {
            parts << current;
            current.clear();
            atPartStart = true;
            continue;
        }
        current += ch;
        atPartStart = false;
    }
    if (inQuotes)
        return std::nullopt;
    parts << current;
    if (parts.size() > 2 ||
        std::any_of(parts.begin(), parts.end(), [](const QString& p) { return p.isEmpty(); }))
        return std::nullopt;
    return parts;
}

CatalogReader::CatalogReader(Connection& connection)
    : m_connection(connection) {
}

Result CatalogReader::read(const QString& sql, const Params& params, const QString& schema,
                           const QString& relation) {
    return read({{sql, params}}, schema, relation).first();
}

QList<Result> CatalogReader::read(const QList<BatchStatement>& statements, const QString& schema,
                                  const QString& relation, const LocalSettings& extra,
                                  const Connection::ResultArrived& arrived) {
    // A catalog read that waits behind another session's uncommitted DDL would hang the tree or the CLI
    // with no reason shown; a local setting in the statement's own pipeline keeps the limit to this
    // statement, also through a transaction pooler.
    const int profileMs = m_connection.profile().lockTimeoutMs;
    const int timeoutMs = profileMs > 0 ? std::min(profileMs, kCatalogLockTimeoutMs) : kCatalogLockTimeoutMs;
    m_lockHolders.clear();
    try {
        // jit off: catalog statements are many small correlated subqueries whose estimated cost starts the
        // server's JIT, which then compiles for longer (1.1 s of 2.7 s on 5,000 tables) than it saves. No
        // parallel workers either: each starts with cold catalog caches (10,000 tables: 460 → 360 ms).
        LocalSettings settings{{QStringLiteral("lock_timeout"), QString::number(timeoutMs)},
                               {QStringLiteral("jit"), QStringLiteral("off")},
                               {QStringLiteral("max_parallel_workers_per_gather"), QStringLiteral("0")}};
        settings += extra;
        return m_connection.exec(statements, settings, arrived);
    } catch (const QueryError& e) {
        if (e.sqlState() != QLatin1String("55P03"))
            throw;
        ErrorInfo info = e.info();
        try {
            m_lockHolders = relationLockHolders(m_connection, schema, relation);
            if (m_lockHolders.isEmpty() && (!schema.isEmpty() || !relation.isEmpty()))
                m_lockHolders = relationLockHolders(m_connection);
        } catch (const QueryError&) {
            // Not knowing who holds it still leaves the timeout to report.
        }
        QStringList holders;
        for (const LockBlocker& b : m_lockHolders)
            holders << describeBlocker(b);
        info.detail = info.message; // "canceling statement due to lock timeout"
        info.message =
            holders.isEmpty()
                ? QStringLiteral("waited %1 ms for a lock another session holds").arg(timeoutMs)
                : QStringLiteral("waiting for a lock held by ") + holders.join(QStringLiteral("; "));
        throwError(std::move(info));
    }
}

QList<SchemaInfo> CatalogReader::schemas() {
    const Result r = read(QStringLiteral("select n.nspname::text, pg_get_userbyid(n.nspowner)::text, "
                                         "obj_description(n.oid, 'pg_namespace') "
                                         "from pg_namespace n "
                                         "where n.nspname not in ('pg_catalog', 'information_schema') "
                                         "and n.nspname !~ '^pg_(toast|temp)' "
                                         "order by n.nspname"),
                          Params{}, {}, {});
    QList<SchemaInfo> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row)
        out << SchemaInfo{r.text(row, 0), r.text(row, 1), r.text(row, 2)};
    return out;
}

namespace {

// A statement read on a second connection, on a thread of its own, while the caller reads on its connection:
// CatalogReader::setCompanion(). Joined before it is destroyed, whatever happened.
class Companion {
public:
    Companion() = default;
    Companion(const Companion&) = delete;
    Companion& operator=(const Companion&) = delete;
    ~Companion() { join(); }

    // `read` reads on the connection `open` makes, telling the lock holders it found when it fails.
    void start(std::function<Connection()> open,
               std::function<Result(Connection&, QList<LockBlocker>& lockHolders)> read) {
        m_thread = JoinedThread([this, open = std::move(open), read = std::move(read)] {
            Connection connection = open();
            m_connected = true;
            m_result = read(connection, m_lockHolders);
        });
    }
    void join() {
        try {
            m_thread.join();
        } catch (...) {
            m_error = std::current_exception();
        }
    }
    bool failedToConnect() const { return m_error && !m_connected; }
    // Its result, or its error thrown (with the lock holders it found).
    Result columns(QList<LockBlocker>& lockHolders) {
        if (m_error) {
            lockHolders = m_lockHolders;
            std::rethrow_exception(m_error);
        }
        return *m_result;
    }

private:
    JoinedThread m_thread;
    bool m_connected = false;
    std::optional<Result> m_result;
    std::exception_ptr m_error;
    QList<LockBlocker> m_lockHolders;
};

} // namespace

QList<TableSummary> CatalogReader::tables(const QString& schema) {
    return tables(schema, {});
}

QList<TableSummary> CatalogReader::tables(const QString& schema, const RelationsRead& relationsFirst) {
    const Params params{schema.isEmpty() ? nullParam() : param(schema)};
    const bool wholeDatabase = schema.isEmpty();
    // Each result is taken apart as it arrives, while the server reads the catalogs for the next (10,000
    // relations: the relations' rows are parsed in the time the server takes for the indexes). The columns
    // come last: only the conventions need them.
    struct Listed {
        TableInfo table;
        bool trigger = false;
        bool addIndexPages = false;
    };
    std::vector<Listed> listed;
    qint64 blockSize = 0;
    std::optional<RowsByRelation> indexRows;
    std::optional<RowsByRelation> columnRows;
    std::vector<size_t> order; // of `listed`: by schema, then name
    const auto summary = [](const TableInfo& t) {
        TableSummary s;
        s.oid = t.oid;
        s.schema = t.schema;
        s.name = t.name;
        s.kind = t.kind;
        s.parentSchema = t.parentSchema;
        s.parentName = t.parentName;
        s.estimatedRows = t.estimatedRows;
        s.estimateFromSize = t.estimateFromSize;
        s.totalBytes = t.totalBytes;
        s.comment = t.comment;
        s.privileges = t.privileges;
        return s;
    };
    const auto arrived = [&](qsizetype index, const Result& r) {
        if (index == 0) {
            const CommonColumns at(r);
            const int addIndexPages = r.columnIndex(QStringLiteral("add_index_pages"));
            if (r.rowCount() > 0)
                blockSize = int64At(r, 0, r.columnIndex(QStringLiteral("block_size")));
            listed.reserve(size_t(r.rowCount()));
            for (int row = 0; row < r.rowCount(); ++row)
                listed.push_back(
                    {parseCommon(r, row, at), boolAt(r, row, at.trigger), boolAt(r, row, addIndexPages)});
            // By schema, then name, as `name` compares (C collation: UTF-8 bytes, which is code point order).
            std::vector<std::pair<QByteArray, size_t>> keys;
            keys.reserve(listed.size());
            for (size_t i = 0; i < listed.size(); ++i)
                keys.emplace_back(listed[i].table.schema.toUtf8() + '\0' + listed[i].table.name.toUtf8(), i);
            std::sort(keys.begin(), keys.end());
            order.reserve(keys.size());
            for (const auto& key : keys)
                order.push_back(key.second);
        } else if (index == 1) {
            // Unique indexes with the primary key first, then by name as `name` compares (bytes).
            indexRows.emplace(r, [&r](int a, int b) {
                const bool primaryA = boolAt(r, a, IndexPrimary);
                if (primaryA != boolAt(r, b, IndexPrimary))
                    return primaryA;
                return r.bytes(a, IndexName) < r.bytes(b, IndexName);
            });
            for (Listed& l : listed) {
                if (!l.addIndexPages)
                    continue;
                for (const int row : indexRows->rows(l.table.oid))
                    l.table.totalBytes += int64At(r, row, IndexPages) * blockSize;
            }
            if (relationsFirst) {
                QList<TableSummary> first;
                first.reserve(qsizetype(order.size()));
                for (const size_t i : order) {
                    first << summary(listed[i].table);
                    first.last().conventions.updatedAtByTrigger = listed[i].trigger;
                }
                relationsFirst(first);
            }
        } else {
            // Columns by number.
            columnRows.emplace(r, [&r](int a, int b) { return int64At(r, a, 2) < int64At(r, b, 2); });
        }
    };
    const BatchStatement columns{catalogsql::tablesColumnsSql(wholeDatabase), params};
    QList<BatchStatement> statements{{catalogsql::tablesSql(), params},
                                     {catalogsql::tablesUniquesSql(wholeDatabase), params}};
    Companion companion;
    if (wholeDatabase && m_openCompanion)
        companion.start(m_openCompanion,
                        [&columns, &schema](Connection& connection, QList<LockBlocker>& holders) {
                            CatalogReader reader(connection);
                            try {
                                return reader.read({columns}, schema, {}).first();
                            } catch (...) {
                                holders = reader.lockHolders();
                                throw;
                            }
                        });
    else
        statements << columns;
    // The whole database with hash joins over one scan of pg_class each: the planner's merge joins walked
    // pg_class in OID order by its index and looked every TOAST table up by OID (10,000 tables: 74 → 50 ms
    // of the server's time). The relations' lateral subqueries stay nested loops, which they have to be. One
    // schema keeps the planner's choice: its columns are read through pg_attribute's index.
    LocalSettings hashJoins;
    if (wholeDatabase)
        hashJoins = {{QStringLiteral("enable_mergejoin"), QStringLiteral("off")},
                     {QStringLiteral("enable_nestloop"), QStringLiteral("off")}};
    QList<Result> results = read(statements, schema, {}, hashJoins, arrived);
    companion.join();
    if (!columnRows) {
        // The companion's columns, or this connection's when it could not connect.
        if (companion.failedToConnect())
            results << read({columns}, schema, {}).first();
        else
            results << companion.columns(m_lockHolders);
        arrived(2, results.last());
    }
    results[0] = Result(); // taken apart already: its memory back before the summaries are made
    QList<TableSummary> out;
    out.reserve(qsizetype(order.size()));
    for (const size_t i : order) {
        Listed& l = listed[i];
        TableInfo& t = l.table;
        parseListedRelation(results[2], columnRows->rows(t.oid), results[1], indexRows->rows(t.oid), t);
        out << summary(t);
        out.last().conventions = detectConventions(t, l.trigger);
        t = TableInfo(); // its columns and keys are not kept
    }
    return out;
}

TableInfo CatalogReader::table(const QString& schema, const QString& name) {
    const QString shown = schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
    return loadTable(schema.isEmpty() ? nullParam() : param(schema), param(name), nullParam(), shown);
}

TableInfo CatalogReader::table(const QString& qualifiedOrBareName) {
    const auto parts = splitQualifiedName(qualifiedOrBareName);
    if (!parts)
        return loadTable(nullParam(), param(qualifiedOrBareName), nullParam(), qualifiedOrBareName);
    // The whole text as a bare name is the fallback, for tables whose name contains a dot or quotes.
    if (parts->size() == 2)
        return loadTable(param(parts->at(0)), param(parts->at(1)), param(qualifiedOrBareName),
                         qualifiedOrBareName);
    return loadTable(nullParam(), param(parts->at(0)), param(qualifiedOrBareName), qualifiedOrBareName);
}

TableInfo CatalogReader::loadTable(const Param& schema, const Param& name, const Param& fallbackName,
                                   const QString& shownName) {
    auto text = [](const Param& p) { return p ? QString::fromUtf8(*p) : QString(); };
    const Result r = read(catalogsql::tableSql(), {schema, name, fallbackName}, text(schema), text(name));
    if (r.rowCount() == 0)
        throwError(ErrorKind::NotFound, QStringLiteral("no table or view named %1").arg(shownName));
    const CommonColumns at(r);
    TableInfo t = parseCommon(r, 0, at);
    QList<ColumnInfo> columns = parseColumns(jsonArray(r, 0, "columns_json"), &t.privileges);
    t.uniques = parseUniques(jsonArray(r, 0, "uniques_json"));
    placeColumns(t, std::move(columns));
    t.conventions = detectConventions(t, boolAt(r, 0, at.trigger));
    t.partitions = stringList(jsonArray(r, 0, "partitions_json"));
    t.foreignKeys = parseForeignKeys(jsonArray(r, 0, "foreign_keys_json"));
    t.referencedBy = parseForeignKeys(jsonArray(r, 0, "referenced_by_json"));
    for (const auto& v : jsonArray(r, 0, "checks_json")) {
        const QJsonObject o = v.toObject();
        t.checks << CheckConstraint{o[QLatin1String("name")].toString(),
                                    o[QLatin1String("definition")].toString()};
    }
    return t;
}

std::optional<std::pair<QString, QString>> CatalogReader::relationName(Oid oid) {
    const Result r =
        m_connection.exec(QStringLiteral("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c "
                                         "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                         "WHERE c.oid = $1::oid"),
                          {param(QString::number(oid))});
    if (r.rowCount() != 1)
        return std::nullopt;
    return std::pair{r.text(0, 0), r.text(0, 1)};
}

TableInfo CatalogReader::describeQuery(const QString& sql, const Params& params) {
    const QString probe = QStringLiteral("SELECT * FROM ") + querySource(sql) + QStringLiteral(" LIMIT 0");
    // Extended protocol (one statement only, never a `;`-separated second one) in a READ ONLY
    // transaction: describing a query must not run anything that writes.
    std::optional<Transaction> readOnly;
    if (m_connection.isIdle()) {
        TransactionOptions options;
        options.readOnly = true;
        readOnly.emplace(m_connection, options);
    }
    const Result shape = m_connection.exec(probe, params);
    QStringList names, types, modifiers;
    for (int c = 0; c < shape.columnCount(); ++c) {
        names << shape.columnName(c);
        types << QString::number(shape.columnType(c));
        modifiers << QString::number(shape.columnTypeModifier(c));
    }
    const Result r = m_connection.exec(
        catalogsql::resultColumnsSql(),
        {param(arrayLiteral(names)), param(arrayLiteral(types)), param(arrayLiteral(modifiers))});
    TableInfo t;
    t.kind = RelationKind::Query;
    t.name = QStringLiteral("query");
    t.columns = parseColumns(jsonArray(r, 0, "columns_json"));
    if (t.columns.size() == shape.columnCount()) {
        for (int c = 0; c < shape.columnCount(); ++c) {
            t.columns[c].sourceTable = shape.columnTable(c);
            t.columns[c].sourceColumn = shape.columnTableColumn(c);
        }
    }
    t.privileges.select = true;
    if (readOnly)
        readOnly->commit();
    return t;
}

} // namespace pgdesk::core
