// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/browse/sweepestimate.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/param.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace pgdesk::core {

namespace {

std::optional<qint64> estimate(Connection& connection, const QString& statement,
                               const SweepingStatement& sweep) {
    if (sweep.kind == SweepingStatement::Kind::Truncate) {
        const Result r = connection.exec(
            QStringLiteral(
                "select sum(greatest(c.reltuples, 0))::int8 from unnest($1::text[]) t(name) join pg_class "
                "c on c.oid = to_regclass(t.name)"),
            Params{param(arrayLiteral(sweep.target.split(QStringLiteral(", "))))});
        if (r.rowCount() == 0 || r.isNull(0, 0))
            return std::nullopt;
        return r.text(0, 0).toLongLong();
    }
    if (sweep.kind == SweepingStatement::Kind::Drop)
        return std::nullopt;
    const Result r = connection.exec(QStringLiteral("explain (format json) ") + statement);
    const QJsonObject plan = QJsonDocument::fromJson(r.text(0, 0).toUtf8())
                                 .array()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("Plan"))
                                 .toObject();
    // ModifyTable's own estimate is of the rows it returns; its scan's is of the rows it reaches.
    const QJsonArray children = plan.value(QStringLiteral("Plans")).toArray();
    const QJsonValue rows =
        (children.isEmpty() ? plan : children.at(0).toObject()).value(QStringLiteral("Plan Rows"));
    if (!rows.isDouble())
        return std::nullopt;
    return qint64(std::llround(rows.toDouble()));
}

} // namespace

std::optional<qint64> estimateSweptRows(Connection& connection, const QString& statement,
                                        const SweepingStatement& sweep) {
    if (connection.inFailedTransaction())
        return std::nullopt;
    const bool inTransaction = connection.inTransaction();
    try {
        if (inTransaction)
            connection.exec(QStringLiteral("savepoint pgdesk_estimate"));
        const std::optional<qint64> rows = estimate(connection, statement, sweep);
        if (inTransaction)
            connection.exec(QStringLiteral("release savepoint pgdesk_estimate"));
        return rows;
    } catch (const ConnectionError&) {
        throw;
    } catch (const Error&) {
        if (inTransaction) {
            connection.exec(QStringLiteral("rollback to savepoint pgdesk_estimate"));
            connection.exec(QStringLiteral("release savepoint pgdesk_estimate"));
        }
        return std::nullopt;
    }
}

} // namespace pgdesk::core
