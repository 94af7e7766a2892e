// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/browse/valuecheck.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace pgdesk::core {

std::optional<QString> checkValueLength(const QString& typeName, const QString& value) {
    static const QRegularExpression sized(
        QStringLiteral(R"(^(character varying|character|varchar|char|bpchar)\((\d+)\)$)"));
    const QRegularExpressionMatch m = sized.match(typeName);
    if (!m.hasMatch())
        return std::nullopt;
    const qsizetype limit = m.captured(2).toLongLong();
    // Characters, not UTF-16 units: what char_length() counts.
    qsizetype length = 0;
    qsizetype lastNonBlank = 0; // the length up to the last character that is not a blank
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i].isHighSurrogate() && i + 1 < value.size() && value[i + 1].isLowSurrogate())
            ++i;
        ++length;
        if (value[i] != QLatin1Char(' '))
            lastNonBlank = length;
    }
    if (lastNonBlank <= limit) // PostgreSQL drops blanks beyond the length silently
        return std::nullopt;
    return QStringLiteral("value too long for type %1").arg(typeName);
}

bool typeCanRefuse(const QString& typeName) {
    return typeName != QLatin1String("text") && typeName != QLatin1String("character varying") &&
           typeName != QLatin1String("varchar");
}

namespace {

// Whether the server refused a value (rather than failing for another reason).
bool isRefusal(const Error& e) {
    const QString state = e.sqlState();
    return state.startsWith(QLatin1String("22")) || state.startsWith(QLatin1String("23"));
}

} // namespace

std::optional<InvalidValue> findInvalidValue(Connection& connection, const QString& typeName,
                                             const QList<std::optional<QString>>& values,
                                             const std::shared_ptr<CancelToken>& cancel) {
    std::optional<InvalidValue> found;
    QStringList distinct;
    QList<qsizetype> firstIndex;
    QHash<QString, bool> seen;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values[i])
            continue;
        if (!found) {
            if (auto tooLong = checkValueLength(typeName, *values[i]))
                found = InvalidValue{i, *tooLong};
        }
        if (found && i >= found->index)
            break; // nothing later can come first
        if (seen.contains(*values[i]))
            continue;
        seen.insert(*values[i], true);
        distinct << *values[i];
        firstIndex << i;
    }
    if (distinct.isEmpty() || !typeCanRefuse(typeName))
        return found;

    // The type text comes from the catalog (format_type), never from the user; the values are a parameter.
    const QString sql = QStringLiteral("select count(v::%1) from unnest($1::text[]) as t(v)").arg(typeName);
    CancelToken::Scope scope(cancel, connection);
    QString lastMessage;
    const auto refuses = [&](qsizetype from, qsizetype count) {
        if (cancel)
            cancel->throwIfCancelled();
        try {
            connection.exec(sql, {arrayLiteral(distinct.mid(from, count)).toUtf8()});
            return false;
        } catch (const Error& e) {
            if (!isRefusal(e))
                throw;
            lastMessage = e.message();
            return true;
        }
    };
    if (!refuses(0, distinct.size()))
        return found;
    // The first refused value: the left half when it fails, else the right one (which then must).
    qsizetype lo = 0;
    qsizetype hi = distinct.size();
    while (hi - lo > 1) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (refuses(lo, mid - lo))
            hi = mid;
        else
            lo = mid;
    }
    (void)refuses(lo, 1); // its own message
    if (!found || firstIndex[lo] < found->index)
        found = InvalidValue{firstIndex[lo], lastMessage};
    return found;
}

} // namespace pgdesk::core
