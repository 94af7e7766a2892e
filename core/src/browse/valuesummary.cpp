// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/browse/valuesummary.h>

#include <pgdesk/core/base/exactdecimal.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>

#include <QSet>

namespace pgdesk::core {

ValueSummary summarizeValues(const QList<std::optional<QString>>& values, bool numeric) {
    ValueSummary summary;
    QSet<QString> seen;
    std::optional<ExactDecimal> sum, min, max;
    bool allNumbers = numeric;
    for (const std::optional<QString>& value : values) {
        if (!value) {
            ++summary.nulls;
            continue;
        }
        ++summary.count;
        std::optional<ExactDecimal> number;
        if (allNumbers) {
            number = ExactDecimal::parse(*value);
            allNumbers = number.has_value();
        }
        if (number) {
            // Distinct by value: the number's text without trailing zeros after the point.
            QString canonical = number->toString();
            if (canonical.contains(QLatin1Char('.'))) {
                while (canonical.endsWith(QLatin1Char('0')))
                    canonical.chop(1);
                if (canonical.endsWith(QLatin1Char('.')))
                    canonical.chop(1);
            }
            seen.insert(canonical);
            sum = sum ? *sum + *number : *number;
            if (!min || number->compare(*min) < 0)
                min = number;
            if (!max || number->compare(*max) > 0)
                max = number;
        } else {
            seen.insert(*value);
        }
    }
    summary.distinct = seen.size();
    if (allNumbers && summary.count > 0 && sum) {
        summary.sum = sum->toString();
        summary.average = sum->dividedBy(summary.count, std::max(sum->scale(), kAverageMinScale)).toString();
        summary.min = min->toString();
        summary.max = max->toString();
    }
    return summary;
}

ValueSummary summarizeColumn(Connection& connection, const BuiltQuery& select, const QString& column,
                             bool numeric, const std::shared_ptr<CancelToken>& cancel) {
    const QString c = QStringLiteral("v.") + quoteIdentifier(column);
    // Values of types without equality (json) are told apart by their text.
    const QString distinct = numeric ? c : c + QStringLiteral("::text");
    const QString numbers =
        numeric ? QStringLiteral("sum(%1)::text, avg(%1)::text, min(%1)::text, max(%1)::text").arg(c)
                : QStringLiteral("null, null, null, null");
    const QString sql =
        QStringLiteral("select count(%1), count(distinct %2), count(*) - count(%1), %3 from (\n%4\n) as v")
            .arg(c, distinct, numbers, select.sql);
    CancelToken::Scope scope(cancel, connection);
    const Result r = connection.exec(sql, select.params);
    ValueSummary summary;
    summary.count = r.text(0, 0).toLongLong();
    summary.distinct = r.text(0, 1).toLongLong();
    summary.nulls = r.text(0, 2).toLongLong();
    if (numeric && summary.count > 0 && !r.isNull(0, 3)) {
        summary.sum = r.text(0, 3);
        summary.average = r.text(0, 4);
        summary.min = r.text(0, 5);
        summary.max = r.text(0, 6);
    }
    return summary;
}

} // namespace pgdesk::core
