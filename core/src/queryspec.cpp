#include <pgdesk/core/queryspec.h>

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
