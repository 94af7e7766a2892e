// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/sqltext/namedparameters.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <algorithm>

namespace pgdesk::core {

namespace {

bool isNameStart(QChar c) {
    return c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetter());
}

bool isNameChar(QChar c) {
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

bool isPlainName(QStringView word) {
    if (word.isEmpty() || !isNameStart(word.front()))
        return false;
    return std::all_of(word.begin(), word.end(), isNameChar);
}

struct Scan {
    QList<NamedParameter> named;
    QList<std::pair<int, qsizetype>> positional; // $k and where it starts
};

Scan scan(const QString& sql) {
    SqlLexState state;
    const QList<SqlToken> tokens = tokenizeSql(sql, state);
    auto text = [&sql](const SqlToken& t) { return QStringView(sql).mid(t.start, t.length); };
    auto isChar = [&](const SqlToken& t, char c) {
        return t.type == SqlTokenType::Operator && t.length == 1 && sql[t.start] == QLatin1Char(c);
    };
    Scan out;
    // What each open bracket or parenthesis is: a subscript's colon is a slice, anywhere else it may start a
    // placeholder. `[` after ARRAY (or directly inside ARRAY[ …) builds an array instead.
    enum class Open { Paren, Subscript, ArrayConstructor };
    QList<Open> open;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const SqlToken& t = tokens[i];
        if (t.type == SqlTokenType::Parameter) {
            out.positional.append({text(t).mid(1).toInt(), t.start});
        } else if (isChar(t, '(')) {
            open.append(Open::Paren);
        } else if (isChar(t, '[')) {
            const SqlToken* before = i > 0 ? &tokens[i - 1] : nullptr;
            const bool constructor =
                before &&
                ((before->type == SqlTokenType::Word &&
                  text(*before).compare(QLatin1String("array"), Qt::CaseInsensitive) == 0) ||
                 (isChar(*before, '[') && !open.isEmpty() && open.back() == Open::ArrayConstructor) ||
                 (isChar(*before, ',') && !open.isEmpty() && open.back() == Open::ArrayConstructor));
            open.append(constructor ? Open::ArrayConstructor : Open::Subscript);
        } else if (isChar(t, ')') || isChar(t, ']')) {
            if (!open.isEmpty())
                open.pop_back();
        } else if (isChar(t, ':') && i + 1 < tokens.size()) {
            const SqlToken& next = tokens[i + 1];
            const bool castBefore =
                i > 0 && isChar(tokens[i - 1], ':') && tokens[i - 1].start + tokens[i - 1].length == t.start;
            const bool inSlice = !open.isEmpty() && open.back() == Open::Subscript;
            if (!castBefore && !inSlice && next.type == SqlTokenType::Word && next.start == t.start + 1 &&
                isPlainName(text(next))) {
                out.named.append({text(next).toString(), t.start, next.length + 1});
                ++i; // the name is used up
            }
        }
    }
    return out;
}

} // namespace

QList<NamedParameter> findNamedParameters(const QString& sql) {
    return scan(sql).named;
}

QStringList parameterNames(const QString& sql) {
    const Scan s = scan(sql);
    // In order of appearance, positions and names interleaved as the text has them.
    QList<std::pair<qsizetype, QString>> all;
    for (const auto& [k, start] : s.positional)
        all.append({start, QString::number(k)});
    for (const NamedParameter& n : s.named)
        all.append({n.start, n.name});
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList names;
    for (const auto& [start, name] : all)
        if (!names.contains(name))
            names << name;
    return names;
}

QStringList boundParameterNames(const QString& sql) {
    SqlLexState state;
    QStringList words; // the first four words, lower case, comments skipped
    for (const SqlToken& t : tokenizeSql(sql, state)) {
        if (t.type == SqlTokenType::Comment)
            continue;
        if (t.type != SqlTokenType::Word || words.size() == 4)
            break;
        words << sql.mid(t.start, t.length).toLower();
    }
    auto word = [&words](qsizetype i) { return i < words.size() ? words[i] : QString(); };
    const qsizetype routine = word(1) == QLatin1String("or") ? 3 : 1; // CREATE OR REPLACE …
    const QString kind = routine < words.size() ? word(routine) : QString();
    if (word(0) == QLatin1String("prepare") ||
        (word(0) == QLatin1String("create") &&
         (kind == QLatin1String("function") || kind == QLatin1String("procedure"))))
        return {};
    return parameterNames(sql);
}

BoundStatement bindNamedParameters(const QString& sql, const QMap<QString, Param>& values) {
    const Scan s = scan(sql);
    int highest = 0;
    for (const auto& [k, start] : s.positional)
        highest = std::max(highest, k);
    auto missing = [](const QString& placeholder) {
        throwConfigurationError(QStringLiteral("parameters"),
                                QStringLiteral("no value for parameter %1").arg(placeholder));
    };
    BoundStatement bound;
    for (int k = 1; k <= highest; ++k) {
        const QString key = QString::number(k);
        const bool used = std::any_of(s.positional.begin(), s.positional.end(),
                                      [k](const auto& p) { return p.first == k; });
        if (!values.contains(key)) {
            if (used)
                missing(QLatin1Char('$') + key);
            // A gap ($1 and $3 only): the server still wants $2; an untyped NULL it infers a type for.
            bound.params.append(std::nullopt);
        } else {
            bound.params.append(values.value(key));
        }
    }
    QMap<QString, int> numbers;
    bound.sql.reserve(sql.size());
    qsizetype copied = 0;
    for (const NamedParameter& n : s.named) {
        if (!numbers.contains(n.name)) {
            if (!values.contains(n.name))
                missing(QLatin1Char(':') + n.name);
            numbers.insert(n.name, int(bound.params.size()) + 1);
            bound.params.append(values.value(n.name));
        }
        bound.sql += QStringView(sql).mid(copied, n.start - copied);
        const QString placeholder = QLatin1Char('$') + QString::number(numbers.value(n.name));
        bound.replacements.append({bound.sql.size(), placeholder.size(), n.start, n.length});
        bound.sql += placeholder;
        copied = n.start + n.length;
    }
    bound.sql += QStringView(sql).mid(copied);
    return bound;
}

qsizetype BoundStatement::originalIndex(qsizetype boundIndex) const {
    qsizetype shift = 0; // original minus bound, after the replacements passed
    for (const Replacement& r : replacements) {
        if (boundIndex < r.boundStart)
            break;
        if (boundIndex < r.boundStart + r.boundLength)
            return r.originalStart;
        shift = (r.originalStart + r.originalLength) - (r.boundStart + r.boundLength);
    }
    return boundIndex + shift;
}

} // namespace pgdesk::core
