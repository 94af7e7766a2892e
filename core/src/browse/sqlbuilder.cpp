// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

#include <limits>

namespace pgdesk::core {

FullTextQuery splitFullTextQuery(const QString& value) {
    static const QRegularExpression prefix(
        QStringLiteral(R"(^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?):(\S.*)$)"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = prefix.match(value);
    if (!m.hasMatch())
        return {QString(), value};
    return {m.captured(1), m.captured(2)};
}

QString encodeCursor(const Cursor& cursor) {
    QJsonArray values;
    for (const auto& v : cursor.values)
        values.append(v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null));
    const QJsonObject o{{QStringLiteral("k"), QJsonArray::fromStringList(cursor.signature)},
                        {QStringLiteral("v"), values}};
    return QString::fromLatin1(QJsonDocument(o)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Cursor decodeCursor(const QString& text) {
    const auto invalid = [] { throwError(ErrorKind::Configuration, QStringLiteral("invalid page cursor")); };
    const auto decoded = QByteArray::fromBase64Encoding(
        text.trimmed().toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        invalid();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        invalid();
    const QJsonValue k = doc.object().value(QStringLiteral("k"));
    const QJsonValue v = doc.object().value(QStringLiteral("v"));
    if (!k.isArray() || !v.isArray() || k.toArray().size() != v.toArray().size() || k.toArray().isEmpty())
        invalid();
    Cursor cursor;
    for (const QJsonValue& s : k.toArray()) {
        if (!s.isString())
            invalid();
        cursor.signature << s.toString();
    }
    for (const QJsonValue& value : v.toArray()) {
        if (value.isNull())
            cursor.values << std::nullopt;
        else if (value.isString())
            cursor.values << value.toString();
        else
            invalid();
    }
    return cursor;
}

namespace {

// Decided once per key: PostgreSQL's default puts NULLs last ascending and first descending.
struct EffectiveKey {
    const ColumnInfo* column = nullptr;
    bool descending = false;
    bool nullsFirst = false;

    QString signature() const {
        return QStringLiteral("%1 nulls %2 %3")
            .arg(descending ? QStringLiteral("desc") : QStringLiteral("asc"),
                 nullsFirst ? QStringLiteral("first") : QStringLiteral("last"), column->name);
    }
    EffectiveKey reversed() const { return {column, !descending, !nullsFirst}; }
};

// Accumulates parameters while the SQL text is written, so numbering stays right.
class Builder final {
public:
    Builder(const QuerySpec& spec, const TableInfo& table)
        : m_params(spec.sql.isEmpty() ? Params{} : spec.sqlParams) // the query's own $1 … $k come first
        , m_spec(spec)
        , m_table(table) {}

    QString from() const {
        if (!m_spec.sql.isEmpty())
            return querySource(m_spec.sql);
        return quoteIdentifier(m_table.schema) + QLatin1Char('.') + quoteIdentifier(m_table.name);
    }

    const ColumnInfo& column(const QString& name) const {
        for (const ColumnInfo& c : m_table.columns) {
            if (c.name == name)
                return c;
        }
        if (m_table.kind == RelationKind::Query)
            throwError(ErrorKind::NotFound,
                       QStringLiteral("column \"%1\" does not exist in the query's result").arg(name));
        throwError(ErrorKind::NotFound, QStringLiteral("column \"%1\" does not exist in table %2.%3")
                                            .arg(name, m_table.schema, m_table.name));
    }

    // "$n" for a text value cast to type (no cast when the type is unknown).
    QString bind(const QString& value, const QString& type) {
        m_params << param(value);
        const QString placeholder = QLatin1Char('$') + QString::number(m_params.size());
        return type.isEmpty() ? placeholder : placeholder + QStringLiteral("::") + type;
    }
    // Binds a value cast to a column's type, remembered for blaming failed casts on the column.
    QString bindColumnValue(const ColumnInfo& c, const QString& value) {
        m_casts << CastValue{c.name, typeOf(c), value};
        return bind(value, typeOf(c));
    }

    // Values are cast to the base type of domain columns: a filter value need not pass the domain's
    // CHECK (`c_positive > -5` is a fine question to ask).
    static QString typeOf(const ColumnInfo& c) {
        if ((!c.domainName.isEmpty() || c.typeName.isEmpty()) && !c.baseTypeName.isEmpty())
            return c.baseTypeName;
        return c.typeName;
    }

    QString where() {
        QStringList parts;
        if (const QString scope = scopeCondition(); !scope.isEmpty())
            parts << scope;
        if (const QString filter = group(m_spec.filter); !filter.isEmpty())
            parts << filter;
        if (const QString search = searchCondition(); !search.isEmpty())
            parts << search;
        m_hasCondition = !parts.isEmpty();
        return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    }

    QString seek(const QList<EffectiveKey>& keys, const QList<std::optional<QString>>& values);

    Params m_params;
    QList<CastValue> m_casts;
    bool m_hasCondition = false;

private:
    QString group(const FilterGroup& g);
    QString condition(const Condition& c);
    QString scopeCondition() const;
    QString searchCondition();
    QString likeCondition(const ColumnInfo& c, const QString& op, const QString& value, bool prefix,
                          bool suffix);

    const QuerySpec& m_spec;
    const TableInfo& m_table;
};

QString Builder::group(const FilterGroup& g) {
    QStringList parts;
    for (const Condition& c : g.conditions)
        parts << condition(c);
    for (const FilterGroup& sub : g.groups) {
        if (const QString s = group(sub); !s.isEmpty())
            parts << s;
    }
    if (parts.isEmpty())
        return {};
    const QString joined =
        parts.join(g.logic == FilterGroup::Logic::And ? QStringLiteral(" AND ") : QStringLiteral(" OR "));
    return (g.negated ? QStringLiteral("NOT (") : QStringLiteral("(")) + joined + QLatin1Char(')');
}

namespace {

void requireValues(const Condition& c, qsizetype min, qsizetype max) {
    const qsizetype n = c.values.size();
    if (n >= min && n <= max)
        return;
    QString expected = min == max ? QString::number(min) : QStringLiteral("at least %1").arg(min);
    throwError(ErrorKind::Configuration,
               QStringLiteral("filter %1 on column \"%2\" takes %3 value(s), got %4")
                   .arg(filterOpName(c.op), c.column, expected, QString::number(n)));
}

bool isArrayColumn(const ColumnInfo& c) {
    return c.category == TypeCategory::Array || Builder::typeOf(c).endsWith(QLatin1String("[]"));
}

// A backslash at the very end of a like pattern escapes nothing of the user's; left alone it would escape
// the '%' appended after it. It stands for itself, as if written \\.
QString closeTrailingEscape(const QString& pattern) {
    qsizetype n = 0;
    while (n < pattern.size() && pattern.at(pattern.size() - 1 - n) == QLatin1Char('\\'))
        ++n;
    return n % 2 == 1 ? pattern + QLatin1Char('\\') : pattern;
}

} // namespace

QString Builder::likeCondition(const ColumnInfo& c, const QString& op, const QString& value, bool prefix,
                               bool suffix) {
    // The pattern is assembled in SQL from the escaped parameter; E'\\' is one backslash whatever
    // standard_conforming_strings says.
    QString pattern = bind(escapeLike(value), QStringLiteral("text"));
    if (prefix)
        pattern = QStringLiteral("'%' || ") + pattern;
    if (suffix)
        pattern += QStringLiteral(" || '%'");
    return QStringLiteral("(%1::text %2 (%3) ESCAPE E'\\\\')").arg(quoteIdentifier(c.name), op, pattern);
}

QString Builder::condition(const Condition& cond) {
    const ColumnInfo& c = column(cond.column);
    const QString col = quoteIdentifier(c.name);
    const auto compare = [&](const char* op) {
        requireValues(cond, 1, 1);
        return QStringLiteral("(%1 %2 %3)")
            .arg(col, QLatin1String(op), bindColumnValue(c, cond.values.first()));
    };
    const qsizetype many = std::numeric_limits<qsizetype>::max();
    switch (cond.op) {
    case FilterOp::Equal:
        return compare("=");
    case FilterOp::NotEqual:
        return compare("<>");
    case FilterOp::LessThan:
        return compare("<");
    case FilterOp::LessThanOrEqual:
        return compare("<=");
    case FilterOp::GreaterThan:
        return compare(">");
    case FilterOp::GreaterThanOrEqual:
        return compare(">=");
    case FilterOp::InList:
    case FilterOp::NotInList: {
        requireValues(cond, 1, many);
        if (isArrayColumn(c))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("filter %1 is not supported on array column \"%2\"")
                           .arg(filterOpName(cond.op), c.name));
        // One array parameter, whatever the list's length: the statement text stays the same.
        for (const QString& v : cond.values)
            m_casts << CastValue{c.name, typeOf(c), v};
        const QString any = QStringLiteral("%1 = ANY(%2)")
                                .arg(col, bind(arrayLiteral(cond.values), typeOf(c) + QStringLiteral("[]")));
        return cond.op == FilterOp::InList ? QLatin1Char('(') + any + QLatin1Char(')')
                                           : QStringLiteral("NOT (") + any + QLatin1Char(')');
    }
    case FilterOp::Like:
    case FilterOp::ILike:
        // The value is the user's pattern, matched anywhere in the text (the specification's
        // `field LIKE %value%`): % and _ in it are wildcards, a backslash escapes (LIKE's default).
        requireValues(cond, 1, 1);
        return QStringLiteral("(%1::text %2 ('%' || %3 || '%') ESCAPE E'\\\\')")
            .arg(col, cond.op == FilterOp::Like ? QStringLiteral("LIKE") : QStringLiteral("ILIKE"),
                 bind(closeTrailingEscape(cond.values.first()), QStringLiteral("text")));
    case FilterOp::Contains:
        requireValues(cond, 1, 1);
        return likeCondition(c, QStringLiteral("ILIKE"), cond.values.first(), true, true);
    case FilterOp::StartsWith:
        requireValues(cond, 1, 1);
        return likeCondition(c, QStringLiteral("LIKE"), cond.values.first(), false, true);
    case FilterOp::EndsWith:
        requireValues(cond, 1, 1);
        return likeCondition(c, QStringLiteral("LIKE"), cond.values.first(), true, false);
    case FilterOp::IsNull:
        requireValues(cond, 0, 0);
        return QStringLiteral("(%1 IS NULL)").arg(col);
    case FilterOp::IsNotNull:
        requireValues(cond, 0, 0);
        return QStringLiteral("(%1 IS NOT NULL)").arg(col);
    case FilterOp::Between: {
        requireValues(cond, 2, 2);
        const QString low = bindColumnValue(c, cond.values.at(0));
        const QString high = bindColumnValue(c, cond.values.at(1));
        return QStringLiteral("(%1 BETWEEN %2 AND %3)").arg(col, low, high);
    }
    case FilterOp::ArrayContains:
    case FilterOp::ArrayOverlaps: {
        requireValues(cond, 1, many);
        if (!isArrayColumn(c))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("filter %1 needs an array column; \"%2\" is %3")
                           .arg(filterOpName(cond.op), c.name, typeOf(c)));
        const QString literal = arrayLiteral(cond.values);
        m_casts << CastValue{c.name, typeOf(c), literal};
        return QStringLiteral("(%1 %2 %3)")
            .arg(col, cond.op == FilterOp::ArrayContains ? QStringLiteral("@>") : QStringLiteral("&&"),
                 bind(literal, typeOf(c)));
    }
    case FilterOp::JsonPathEqual: {
        requireValues(cond, 1, 1);
        if (c.category != TypeCategory::Json)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("filter json_path_equal needs a json column; \"%1\" is %2")
                           .arg(c.name, typeOf(c)));
        if (cond.jsonPath.isEmpty())
            throwError(
                ErrorKind::Configuration,
                QStringLiteral("filter json_path_equal on column \"%1\" needs a JSON path").arg(c.name));
        const QString path = bind(arrayLiteral(cond.jsonPath), QStringLiteral("text[]"));
        return QStringLiteral("((%1 #>> %2) = %3)")
            .arg(col, path, bind(cond.values.first(), QStringLiteral("text")));
    }
    case FilterOp::JsonContains: {
        requireValues(cond, 1, 1);
        if (c.category != TypeCategory::Json)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("filter json_contains needs a json column; \"%1\" is %2")
                           .arg(c.name, typeOf(c)));
        m_casts << CastValue{c.name, QStringLiteral("jsonb"), cond.values.first()};
        // json (not jsonb) has no @>: compare as jsonb.
        const QString lhs = typeOf(c) == QLatin1String("jsonb") ? col : col + QStringLiteral("::jsonb");
        return QStringLiteral("(%1 @> %2)").arg(lhs, bind(cond.values.first(), QStringLiteral("jsonb")));
    }
    case FilterOp::FullText: {
        requireValues(cond, 1, 1);
        // The configuration: named in the value ("english:crocodile"), else the one the catalog says the
        // column was built or indexed with, else the session's default_text_search_config.
        const FullTextQuery query = splitFullTextQuery(cond.values.first());
        const QString config = query.config.isEmpty() ? c.textSearchConfig : query.config;
        const bool isVector = c.category == TypeCategory::TsVector || typeOf(c) == QLatin1String("tsvector");
        if (config.isEmpty()) {
            const QString lhs = isVector ? col : QStringLiteral("to_tsvector(%1::text)").arg(col);
            return QStringLiteral("(%1 @@ websearch_to_tsquery(%2))")
                .arg(lhs, bind(query.text, QStringLiteral("text")));
        }
        const QString cfg = bind(config, QStringLiteral("regconfig"));
        // Same shape as an index on to_tsvector('english', column), so that the planner can use it.
        const QString lhs = isVector ? col
                                     : QStringLiteral("to_tsvector(%1, %2)")
                                           .arg(cfg, c.isTextLike() ? col : col + QStringLiteral("::text"));
        return QStringLiteral("(%1 @@ websearch_to_tsquery(%2, %3))")
            .arg(lhs, cfg, bind(query.text, QStringLiteral("text")));
    }
    }
    throwError(ErrorKind::Configuration, QStringLiteral("unknown filter operation"));
}

QString Builder::scopeCondition() const {
    const Conventions& conv = m_table.conventions;
    if (conv.softDelete == SoftDeleteKind::None || conv.softDeleteColumn.isEmpty() ||
        m_spec.scope == SoftDeleteScope::All)
        return {};
    const ColumnInfo& c = column(conv.softDeleteColumn);
    const bool active = m_spec.scope == SoftDeleteScope::Active;
    const QString col = quoteIdentifier(c.name);
    // Nullable flags count NULL as false, so that Active and Deleted split the table in two.
    const QString flag = c.notNull ? col : QStringLiteral("coalesce(%1, false)").arg(col);
    switch (conv.softDelete) {
    case SoftDeleteKind::DeletedAtTimestamp:
        return QStringLiteral("(%1 IS %2NULL)").arg(col, active ? QString() : QStringLiteral("NOT "));
    case SoftDeleteKind::DeletedFlag:
        return active ? QStringLiteral("(NOT %1)").arg(flag) : QStringLiteral("(%1)").arg(flag);
    case SoftDeleteKind::ActiveFlag:
        return active ? QStringLiteral("(%1)").arg(flag) : QStringLiteral("(NOT %1)").arg(flag);
    case SoftDeleteKind::None:
        break;
    }
    return {};
}

QString Builder::searchCondition() {
    if (m_spec.search.isEmpty())
        return {};
    QStringList parts;
    QString placeholder;
    for (const ColumnInfo& c : m_table.columns) {
        // Same rule as ColumnInfo::isTextLike (kept local: the builder must stay free of catalog code).
        if (c.category != TypeCategory::Text && c.category != TypeCategory::Enum)
            continue;
        if (placeholder.isEmpty())
            placeholder = bind(escapeLike(m_spec.search), QStringLiteral("text"));
        parts << QStringLiteral("%1::text ILIKE ('%' || %2 || '%') ESCAPE E'\\\\'")
                     .arg(quoteIdentifier(c.name), placeholder);
    }
    if (parts.isEmpty())
        return QStringLiteral("FALSE"); // nothing searchable can contain the text
    return QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

// Rows strictly after the boundary row in the order given by keys: an OR-chain
//   (k1 after v1) OR (k1 ≡ v1 AND k2 after v2) OR …
// where ≡ is `= $n` or `IS NULL`, and "after" accounts for the direction and where NULLs sort. NULLs
// compare equal to each other (as ORDER BY treats them), so a NULL boundary value has nothing after it
// when NULLs sort last, and every non-NULL value after it when NULLs sort first.
QString Builder::seek(const QList<EffectiveKey>& keys, const QList<std::optional<QString>>& values) {
    QStringList branches;
    QStringList equalPrefix;
    QString firstPlaceholder;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const EffectiveKey& key = keys.at(i);
        const ColumnInfo& c = *key.column;
        const QString col = quoteIdentifier(c.name);
        const std::optional<QString>& v = values.at(i);
        QString after;
        QString placeholder;
        if (v) {
            placeholder = bindColumnValue(c, *v);
            if (i == 0)
                firstPlaceholder = placeholder;
            after = QStringLiteral("%1 %2 %3")
                        .arg(col, key.descending ? QStringLiteral("<") : QStringLiteral(">"), placeholder);
            if (!key.nullsFirst && !c.notNull)
                after = QStringLiteral("(%1 OR %2 IS NULL)").arg(after, col);
        } else if (key.nullsFirst) {
            after = QStringLiteral("%1 IS NOT NULL").arg(col);
        }
        if (!after.isEmpty()) {
            QStringList branch = equalPrefix;
            branch << after;
            branches << QLatin1Char('(') + branch.join(QStringLiteral(" AND ")) + QLatin1Char(')');
        }
        equalPrefix << (v ? QStringLiteral("%1 = %2").arg(col, placeholder)
                          : QStringLiteral("%1 IS NULL").arg(col));
    }
    if (branches.isEmpty())
        return QStringLiteral("FALSE"); // the boundary is the very last row
    QString chain = QLatin1Char('(') + branches.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    // A redundant range on the first key lets an index on it start at the boundary instead of scanning
    // from the top. Only valid when no NULL of that column sorts after the boundary.
    const EffectiveKey& first = keys.first();
    if (keys.size() > 1 && values.first() && (first.column->notNull || first.nullsFirst)) {
        chain =
            QStringLiteral("%1 %2 %3 AND %4")
                .arg(quoteIdentifier(first.column->name),
                     first.descending ? QStringLiteral("<=") : QStringLiteral(">="), firstPlaceholder, chain);
    }
    return chain;
}

// Whether a column's values may be cut to a prefix for display: types whose text can be huge and whose
// ::text is exactly their output (not char(n), whose cast to text drops the padding).
bool mayCut(const ColumnInfo& c) {
    constexpr Oid kBpchar = 1042;
    constexpr Oid kName = 19;
    constexpr Oid kXml = 142; // xml::text keeps an XML declaration its output drops
    switch (c.category) {
    case TypeCategory::Text:
        return c.baseTypeOid != kBpchar && c.baseTypeOid != kName;
    case TypeCategory::Other:
        return c.baseTypeOid != kXml;
    case TypeCategory::Json:
    case TypeCategory::Bytea:
    case TypeCategory::Array:
    case TypeCategory::TsVector:
        return true;
    default:
        return false;
    }
}

// "SELECT <columns>[, xmin]": the table's columns by name; a query source's result as it is (`*`), since
// its column names need not be unique. With a value limit, columns that may hold huge values (not the sort
// or row key columns, which cursors and edits need whole) come as a prefix one longer than the limit, so
// the engine can tell a cut value from one of exactly the limit.
QString selectClause(const TableInfo& table, bool selectsVersion, int valueLimit, const QStringList& whole,
                     bool skipGenerated, BuiltQuery* q, const QStringList& omit = {}) {
    QStringList quoted;
    if (table.kind != RelationKind::Query) {
        for (const ColumnInfo& c : table.columns) {
            if (skipGenerated && c.isGenerated)
                continue;
            // Hidden in the grid: not fetched, unless a cursor or an edit needs it (sort and row key).
            if (omit.contains(c.name) && !whole.contains(c.name))
                continue;
            const QString name = quoteIdentifier(c.name);
            if (valueLimit > 0 && mayCut(c) && !whole.contains(c.name)) {
                const bool bytes = c.category == TypeCategory::Bytea;
                q->cutColumns << BuiltQuery::CutColumn{int(q->columns.size()), bytes};
                // bytea as hex whatever bytea_output says; whether it was cut, its octet_length tells.
                // One arg() call: a second one would replace a "%1" or "%2" inside the quoted name.
                quoted << (bytes ? QStringLiteral(
                                       "(E'\\\\x' || encode(substring(%1 from 1 for %2), 'hex')) AS %1")
                                 : QStringLiteral("left(%1::text, %2) AS %1"))
                              .arg(name, QString::number(qint64(valueLimit) + 1));
            } else {
                quoted << name;
            }
            q->columns.append(c.name);
        }
    }
    QString select = QStringLiteral("SELECT ") +
                     (quoted.isEmpty() ? QStringLiteral("*") : quoted.join(QStringLiteral(", ")));
    if (selectsVersion) // no user column can be called xmin, so it needs no qualification
        select += QStringLiteral(", xmin::text AS ") + quoteIdentifier(QLatin1String(kVersionColumn));
    int next = int(q->columns.size()) + (selectsVersion ? 1 : 0);
    for (BuiltQuery::CutColumn& cut : q->cutColumns) {
        if (!cut.bytes)
            continue;
        cut.sizeColumn = next++;
        ++q->sizeColumns;
        select += QStringLiteral(", octet_length(%1) AS %2")
                      .arg(quoteIdentifier(q->columns[cut.index]),
                           quoteIdentifier(QStringLiteral("__pgdesk_size_%1").arg(cut.index)));
    }
    return select;
}

// The sort tuple: the user's keys, then the row key columns not already in it, so the order is total.
QList<EffectiveKey> sortKeys(const Builder& b, const QuerySpec& spec, const TableInfo& table) {
    QList<EffectiveKey> keys;
    QStringList seen;
    for (const SortKey& s : spec.sort) {
        const ColumnInfo& c = b.column(s.column);
        if (seen.contains(c.name))
            continue;
        seen << c.name;
        const bool nullsFirst =
            s.nulls == SortKey::Nulls::First || (s.nulls == SortKey::Nulls::Default && s.descending);
        keys << EffectiveKey{&c, s.descending, nullsFirst};
    }
    for (const QString& k : table.conventions.rowKey) {
        const ColumnInfo& c = b.column(k);
        if (seen.contains(c.name))
            continue;
        seen << c.name;
        keys << EffectiveKey{&c, false, false};
    }
    return keys;
}

QString orderByClause(const QList<EffectiveKey>& order) {
    QStringList orderBy;
    for (const EffectiveKey& k : order) {
        orderBy << QStringLiteral("%1 %2 NULLS %3")
                       .arg(quoteIdentifier(k.column->name),
                            k.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"),
                            k.nullsFirst ? QStringLiteral("FIRST") : QStringLiteral("LAST"));
    }
    return orderBy.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + orderBy.join(QStringLiteral(", "));
}

// Everything buildPageQuery and buildSelectQuery share: columns, FROM, WHERE, the sort tuple.
BuiltQuery selectBase(Builder& b, const QuerySpec& spec, const TableInfo& table, bool selectVersion,
                      QList<EffectiveKey>* keys, int valueLimit, bool skipGenerated = false,
                      const QStringList& omit = {}) {
    BuiltQuery q;
    *keys = sortKeys(b, spec, table);
    q.keyset = !table.conventions.rowKey.isEmpty();
    for (const EffectiveKey& k : *keys) {
        q.sortColumns << k.column->name;
        q.sortSignature << k.signature();
    }
    q.keyed = selectVersion && hasRowVersions(table);
    q.selectsVersion = q.keyed && table.versionReadable;
    // Cut values are loaded whole by row key later (EntityOperations::values): without one, or for a view,
    // values come whole.
    q.valueLimit = hasRowVersions(table) ? std::max(0, valueLimit) : 0;
    const QString select =
        selectClause(table, q.selectsVersion, q.valueLimit, q.sortColumns, skipGenerated, &q, omit);
    q.sql = select + QStringLiteral(" FROM ") + b.from();
    return q;
}

} // namespace

bool hasRowVersions(const TableInfo& table) {
    return !table.conventions.rowKey.isEmpty() &&
           (table.kind == RelationKind::Table || table.kind == RelationKind::PartitionedTable);
}

BuiltQuery buildPageQuery(const QuerySpec& spec, const TableInfo& table, bool selectVersion) {
    const PageRequest& page = spec.page;
    if (page.pageSize < 1 || page.pageSize > 100000)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("page size must be between 1 and 100000, got %1").arg(page.pageSize));
    const int requests = (page.pageNumber ? 1 : 0) + (page.afterCursor.isEmpty() ? 0 : 1) +
                         (page.beforeCursor.isEmpty() ? 0 : 1) + (page.last ? 1 : 0);
    if (requests > 1)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("give at most one of page number, after cursor, before cursor and last"));
    if (page.pageNumber && *page.pageNumber < 1)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("page numbers start at 1, got %1").arg(*page.pageNumber));
    // The row offset must fit in 64 bits (found by tests/fuzz/fuzz_filter: `browse --page
    // 922337203685477580`).
    if (page.pageNumber && *page.pageNumber - 1 > std::numeric_limits<qint64>::max() / page.pageSize)
        throwError(ErrorKind::Configuration, QStringLiteral("page %1 of %2 rows lies beyond any result")
                                                 .arg(*page.pageNumber)
                                                 .arg(page.pageSize));

    Builder b(spec, table);
    QList<EffectiveKey> keys;
    BuiltQuery q = selectBase(b, spec, table, selectVersion, &keys, spec.valueLimit, false, spec.omitColumns);

    const bool backwards = !page.beforeCursor.isEmpty() || page.last;
    const QString cursorText = page.afterCursor.isEmpty() ? page.beforeCursor : page.afterCursor;
    if (!q.keyset && (backwards || !cursorText.isEmpty()))
        throwError(ErrorKind::Configuration,
                   QStringLiteral("table %1.%2 has no row key: page with page numbers, not cursors or last")
                       .arg(table.schema, table.name));
    QList<EffectiveKey> order = keys;
    if (backwards) {
        for (EffectiveKey& k : order)
            k = k.reversed();
    }

    QString where = b.where();
    q.hasCondition = b.m_hasCondition;
    if (!cursorText.isEmpty()) {
        const Cursor cursor = decodeCursor(cursorText);
        if (cursor.signature != q.sortSignature)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("the page cursor belongs to another sort order"));
        const QString seek = b.seek(order, cursor.values);
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + seek;
    }
    q.backwards = backwards;
    q.limit = page.pageSize + 1;
    q.offset = page.pageNumber ? (*page.pageNumber - 1) * page.pageSize : 0;
    q.sql += where + orderByClause(order);
    q.sql += QStringLiteral(" LIMIT %1").arg(q.limit);
    if (q.offset > 0)
        q.sql += QStringLiteral(" OFFSET %1").arg(q.offset);
    q.params = b.m_params;
    q.casts = b.m_casts;
    return q;
}

namespace {
// `prefix` + the spec's FROM and WHERE, with no ORDER BY or LIMIT: counts and planner estimates.
BuiltQuery buildFiltered(const QuerySpec& spec, const TableInfo& table, const QString& prefix,
                         double samplePercent = 0) {
    Builder b(spec, table);
    BuiltQuery q;
    const QString where = b.where();
    QString from = b.from();
    if (samplePercent > 0) {
        const bool sampleable = spec.sql.isEmpty() && (table.kind == RelationKind::Table ||
                                                       table.kind == RelationKind::PartitionedTable ||
                                                       table.kind == RelationKind::MaterializedView);
        if (!sampleable || samplePercent > 100)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("only a table or materialized view can be sampled, by 0 to 100 %"));
        b.m_params << param(QString::number(samplePercent, 'g', 17));
        from += QStringLiteral(" TABLESAMPLE SYSTEM ($%1::float4)").arg(b.m_params.size());
    }
    q.sql = prefix + from + where;
    q.hasCondition = b.m_hasCondition;
    q.params = b.m_params;
    q.casts = b.m_casts;
    return q;
}
} // namespace

BuiltQuery buildSelectQuery(const QuerySpec& spec, const TableInfo& table, bool selectVersion,
                            bool skipGenerated) {
    Builder b(spec, table);
    QList<EffectiveKey> keys;
    BuiltQuery q = selectBase(b, spec, table, selectVersion, &keys, 0, skipGenerated);
    q.sql += b.where() + orderByClause(keys);
    q.hasCondition = b.m_hasCondition;
    q.params = b.m_params;
    q.casts = b.m_casts;
    return q;
}

QString selectStarText(const QString& schema, const QString& name, int limit) {
    return QStringLiteral("SELECT *\n  FROM %1.%2\n LIMIT %3;")
        .arg(quoteIdentifier(schema), quoteIdentifier(name), QString::number(limit));
}

BuiltQuery buildCountQuery(const QuerySpec& spec, const TableInfo& table) {
    return buildFiltered(spec, table, QStringLiteral("SELECT count(*) FROM "));
}

BuiltQuery buildFilteredSelect(const QuerySpec& spec, const TableInfo& table, const QString& selectList) {
    return buildFiltered(spec, table, QStringLiteral("SELECT %1 FROM ").arg(selectList));
}

BuiltQuery buildSampledSelect(const QuerySpec& spec, const TableInfo& table, const QString& selectList,
                              double percent) {
    if (!(percent > 0))
        throwError(ErrorKind::Configuration, QStringLiteral("a sample needs a percentage above 0"));
    return buildFiltered(spec, table, QStringLiteral("SELECT %1 FROM ").arg(selectList), percent);
}

BuiltQuery buildExplainEstimate(const QuerySpec& spec, const TableInfo& table) {
    return buildFiltered(spec, table, QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM "));
}

} // namespace pgdesk::core
