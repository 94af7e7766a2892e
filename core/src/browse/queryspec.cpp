// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>

#include <array>
#include <utility>

namespace pgdesk::core {

namespace {

constexpr std::array<std::pair<FilterOp, const char*>, 21> kNames{{
    {FilterOp::Equal, "equal"},
    {FilterOp::NotEqual, "not_equal"},
    {FilterOp::LessThan, "less_than"},
    {FilterOp::LessThanOrEqual, "less_than_or_equal"},
    {FilterOp::GreaterThan, "greater_than"},
    {FilterOp::GreaterThanOrEqual, "greater_than_or_equal"},
    {FilterOp::InList, "in_list"},
    {FilterOp::NotInList, "not_in_list"},
    {FilterOp::Like, "like"},
    {FilterOp::ILike, "ilike"},
    {FilterOp::StartsWith, "starts_with"},
    {FilterOp::EndsWith, "ends_with"},
    {FilterOp::Contains, "contains"},
    {FilterOp::IsNull, "is_null"},
    {FilterOp::IsNotNull, "is_not_null"},
    {FilterOp::Between, "between"},
    {FilterOp::ArrayContains, "array_contains"},
    {FilterOp::ArrayOverlaps, "array_overlaps"},
    {FilterOp::JsonPathEqual, "json_path_equal"},
    {FilterOp::JsonContains, "json_contains"},
    {FilterOp::FullText, "full_text"},
}};

} // namespace

QString filterOpName(FilterOp op) {
    for (const auto& [value, name] : kNames) {
        if (value == op)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<FilterOp> filterOpFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    for (const auto& [value, text] : kNames) {
        if (n == QLatin1String(text))
            return value;
    }
    // The symbols, so that "price >= 10" reads naturally on the command line.
    if (n == QLatin1String("="))
        return FilterOp::Equal;
    if (n == QLatin1String("!=") || n == QLatin1String("<>"))
        return FilterOp::NotEqual;
    if (n == QLatin1String("<"))
        return FilterOp::LessThan;
    if (n == QLatin1String("<="))
        return FilterOp::LessThanOrEqual;
    if (n == QLatin1String(">"))
        return FilterOp::GreaterThan;
    if (n == QLatin1String(">="))
        return FilterOp::GreaterThanOrEqual;
    return std::nullopt;
}

int filterValueCount(FilterOp op) {
    switch (op) {
    case FilterOp::IsNull:
    case FilterOp::IsNotNull:
        return 0;
    case FilterOp::Between:
        return 2;
    case FilterOp::InList:
    case FilterOp::NotInList:
    case FilterOp::ArrayContains:
    case FilterOp::ArrayOverlaps:
        return -1;
    default:
        return 1;
    }
}

QList<FilterOp> operationsFor(const ColumnInfo& column) {
    using F = FilterOp;
    const QList<F> nulls{F::IsNull, F::IsNotNull};
    const QList<F> ordering{F::LessThan, F::LessThanOrEqual, F::GreaterThan, F::GreaterThanOrEqual,
                            F::Between};
    const QList<F> lists{F::InList, F::NotInList};
    const QList<F> like{F::Contains, F::StartsWith, F::EndsWith, F::Like, F::ILike};
    QList<F> ops{F::Equal, F::NotEqual};
    switch (column.category) {
    case TypeCategory::Text:
        ops = QList<F>{F::Contains, F::Equal, F::NotEqual, F::StartsWith, F::EndsWith, F::Like, F::ILike};
        ops << lists << ordering << F::FullText;
        break;
    case TypeCategory::Enum:
        ops << lists << ordering << like;
        break;
    case TypeCategory::Integer:
    case TypeCategory::Numeric:
    case TypeCategory::Float:
    case TypeCategory::Date:
    case TypeCategory::Time:
    case TypeCategory::Timestamp:
    case TypeCategory::Interval:
    case TypeCategory::Uuid:
    case TypeCategory::Network:
        ops << ordering << lists;
        break;
    case TypeCategory::Boolean:
        break;
    case TypeCategory::Json:
        // json (unlike jsonb) has no equality operator; contains compares the text.
        ops = {F::JsonPathEqual, F::JsonContains, F::Contains};
        if (column.baseTypeName == QLatin1String("jsonb"))
            ops << F::Equal << F::NotEqual;
        break;
    case TypeCategory::Array:
        ops = {F::ArrayContains, F::ArrayOverlaps, F::Equal, F::NotEqual};
        break;
    case TypeCategory::TsVector:
        ops = {F::FullText};
        break;
    case TypeCategory::Range:
        ops << ordering;
        break;
    case TypeCategory::Bytea:
        break;
    case TypeCategory::Other:
        // point, xml, bit strings, composites…: not all have "=", but every value has a text form.
        ops = {F::Contains};
        break;
    }
    ops << nulls;
    return ops;
}

namespace {

// Splits "a,b\,c" on unescaped commas ("\," is a literal comma, "\\" a literal backslash).
QStringList splitEscapedList(const QString& text) {
    QStringList out;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size() &&
            (text.at(i + 1) == QLatin1Char(',') || text.at(i + 1) == QLatin1Char('\\'))) {
            current += text.at(++i);
        } else if (c == QLatin1Char(',')) {
            out << current;
            current.clear();
        } else {
            current += c;
        }
    }
    out << current;
    return out;
}

// Takes the first word of text: a "double-quoted identifier" ("" inside is one quote) or up to a space.
QString takeWord(QString& text) {
    text = text.trimmed();
    QString word;
    qsizetype i = 0;
    if (text.startsWith(QLatin1Char('"'))) {
        for (i = 1; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    word += QLatin1Char('"');
                    ++i;
                    continue;
                }
                ++i;
                break;
            }
            word += text.at(i);
        }
    } else {
        while (i < text.size() && !text.at(i).isSpace())
            word += text.at(i++);
    }
    text = text.mid(i);
    if (text.startsWith(QLatin1Char(' ')))
        text = text.mid(1); // exactly one separator: the value keeps its own leading spaces
    return word;
}

[[noreturn]] void throwFilterError(const QString& message) {
    ErrorInfo info;
    info.kind = ErrorKind::Configuration;
    info.field = QStringLiteral("filter");
    info.message = message;
    throwError(info);
}

// Why "COLUMN OPERATION [VALUE]" text has no known operation, and what to write instead.
[[noreturn]] void throwUnknownOperation(const QString& text, const QString& opName) {
    // "Order Date equal 5": an unquoted name with spaces; a later word is an operation.
    const QStringList words = text.trimmed().split(QLatin1Char(' '));
    if (!text.trimmed().startsWith(QLatin1Char('"')))
        for (qsizetype k = 2; k < words.size(); ++k)
            if (filterOpFromName(words.at(k))) {
                QString column = words.mid(0, k).join(QLatin1Char(' '));
                column.replace(QLatin1Char('"'), QLatin1String("\"\""));
                throwFilterError(
                    QStringLiteral("unknown filter operation \"%1\" in \"%2\": a column name with "
                                   "spaces must be double-quoted: \"%3\" %4")
                        .arg(opName, text, column, words.mid(k).join(QLatin1Char(' '))));
            }
    QStringList names;
    for (const auto& [value, name] : kNames)
        names << QString::fromLatin1(name);
    throwFilterError(
        QStringLiteral("unknown filter operation \"%1\" in \"%2\"; operations: %3 (or = != <> < <= "
                       "> >=)")
            .arg(opName, text, names.join(QLatin1Char(' '))));
}

} // namespace

// "COLUMN OPERATION [VALUE]". Lists (in_list, not_in_list, array_*) and between's two bounds are
// comma-separated; json_path_equal takes "PATH VALUE" with a dot-separated path.
Condition conditionFromText(const QString& text) {
    QString rest = text;
    Condition c;
    c.column = takeWord(rest);
    const QString opName = takeWord(rest);
    const auto op = filterOpFromName(opName);
    if (c.column.isEmpty() || opName.isEmpty())
        throwFilterError(QStringLiteral("a filter is \"COLUMN OPERATION [VALUE]\", got \"%1\"").arg(text));
    if (!op)
        throwUnknownOperation(text, opName);
    c.op = *op;
    switch (c.op) {
    case FilterOp::IsNull:
    case FilterOp::IsNotNull:
        if (!rest.trimmed().isEmpty())
            throwFilterError(QStringLiteral("%1 takes no value").arg(filterOpName(c.op)));
        break;
    case FilterOp::InList:
    case FilterOp::NotInList:
    case FilterOp::ArrayContains:
    case FilterOp::ArrayOverlaps:
    case FilterOp::Between:
        c.values = splitEscapedList(rest);
        break;
    case FilterOp::JsonPathEqual:
        c.jsonPath = takeWord(rest).split(QLatin1Char('.'));
        c.values = {rest};
        break;
    default:
        c.values = {rest};
        break;
    }
    return c;
}

SortKey sortKeyFromText(const QString& text) {
    SortKey key;
    key.column = text;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        const QString dir = text.mid(colon + 1).toLower();
        if (dir == QLatin1String("asc") || dir == QLatin1String("desc")) {
            key.column = text.left(colon);
            key.descending = dir == QLatin1String("desc");
        }
    }
    // The column rule of filters: a "double-quoted" name ("" is a quote) stands for the name inside.
    // Anything else is taken as written (and not found, if no column has that name).
    if (key.column.size() > 2 && key.column.startsWith(QLatin1Char('"')) &&
        key.column.endsWith(QLatin1Char('"'))) {
        QString rest = key.column;
        const QString column = takeWord(rest);
        if (rest.isEmpty() && !column.isEmpty())
            key.column = column;
    }
    return key;
}

std::optional<SoftDeleteScope> softDeleteScopeFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("active"))
        return SoftDeleteScope::Active;
    if (n == QLatin1String("deleted"))
        return SoftDeleteScope::Deleted;
    if (n == QLatin1String("all"))
        return SoftDeleteScope::All;
    return std::nullopt;
}

QString softDeleteScopeName(SoftDeleteScope scope) {
    switch (scope) {
    case SoftDeleteScope::Active:
        return QStringLiteral("active");
    case SoftDeleteScope::Deleted:
        return QStringLiteral("deleted");
    case SoftDeleteScope::All:
        return QStringLiteral("all");
    }
    return {};
}

QString rowsHiddenBySoftDelete(const Conventions& conventions, SoftDeleteScope scope, bool flagNotNull) {
    if (scope != SoftDeleteScope::Active || conventions.softDeleteColumn.isEmpty())
        return {};
    const QString& column = conventions.softDeleteColumn;
    switch (conventions.softDelete) {
    case SoftDeleteKind::DeletedAtTimestamp:
        return QStringLiteral("rows with %1 set").arg(column);
    case SoftDeleteKind::DeletedFlag:
        return QStringLiteral("rows with %1 true").arg(column);
    case SoftDeleteKind::ActiveFlag:
        // The scope counts a NULL flag as false (sqlbuilder's scopeCondition).
        return flagNotNull ? QStringLiteral("rows with %1 false").arg(column)
                           : QStringLiteral("rows with %1 false or null").arg(column);
    case SoftDeleteKind::None:
        break;
    }
    return {};
}

QString rowsHiddenBySoftDelete(const TableInfo& table, SoftDeleteScope scope) {
    const ColumnInfo* flag = table.column(table.conventions.softDeleteColumn);
    return rowsHiddenBySoftDelete(table.conventions, scope, flag && flag->notNull);
}

bool FilterGroup::isEmpty() const {
    if (!conditions.isEmpty())
        return false;
    for (const FilterGroup& g : groups) {
        if (!g.isEmpty())
            return false;
    }
    return true;
}

} // namespace pgdesk::core
