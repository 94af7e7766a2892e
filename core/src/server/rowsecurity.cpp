// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/rowsecurity.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/transaction.h>

#include <QSet>

#include <algorithm>

namespace pgdesk::core {

namespace {

// Role names may hold commas: the unit separator splits them.
const QChar kSeparator(0x1f);

bool appliesTo(const RowPolicy& p, const QString& command) {
    return p.command == QLatin1String("ALL") || p.command == command;
}

// OR of the permissive USING expressions, AND of the restrictive ones, for `command`, as PostgreSQL combines
// them; "false" without a permissive one (default deny). A policy without USING admits every row.
QString combined(const QList<RowPolicy>& policies, const QString& command) {
    QStringList permissive, restrictive;
    for (const RowPolicy& p : policies) {
        if (!appliesTo(p, command))
            continue;
        const QString expr = p.usingExpr.isEmpty() ? QStringLiteral("true")
                                                   : QLatin1Char('(') + p.usingExpr + QLatin1Char(')');
        (p.permissive ? permissive : restrictive) << expr;
    }
    if (permissive.isEmpty())
        return QStringLiteral("false");
    QString sql = QLatin1Char('(') + permissive.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    for (const QString& r : std::as_const(restrictive))
        sql += QStringLiteral(" AND ") + r;
    return QStringLiteral("coalesce(%1, false)").arg(sql);
}

} // namespace

QList<RowPolicy> rowPolicies(Connection& connection, const QString& schema, const QString& table) {
    const Result r = connection.exec(
        QStringLiteral(
            "SELECT policyname::text, permissive = 'PERMISSIVE', array_to_string(roles, chr(31)), cmd, "
            "coalesce(qual, ''), coalesce(with_check, '') FROM pg_policies "
            "WHERE schemaname = $1 AND tablename = $2 ORDER BY policyname"),
        {param(schema), param(table)});
    QList<RowPolicy> out;
    for (int row = 0; row < r.rowCount(); ++row)
        out << RowPolicy{r.text(row, 0),
                         r.text(row, 1) == QLatin1String("t"),
                         r.text(row, 2).split(kSeparator, Qt::SkipEmptyParts),
                         r.text(row, 3),
                         r.text(row, 4),
                         r.text(row, 5)};
    return out;
}

TableRowSecurity tableRowSecurity(Connection& connection, const QString& schema, const QString& table) {
    const Result r = connection.exec(
        QStringLiteral(
            "SELECT c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2"),
        {param(schema), param(table)});
    if (r.rowCount() == 0)
        throwError(ErrorKind::NotFound, QStringLiteral("No table %1.%2.").arg(schema, table));
    TableRowSecurity out;
    out.enabled = r.text(0, 0) == QLatin1String("t");
    out.forced = r.text(0, 1) == QLatin1String("t");
    out.policies = rowPolicies(connection, schema, table);
    return out;
}

QStringList rolesToSeeAs(Connection& connection) {
    const Result r = connection.exec(
        QStringLiteral("SELECT rolname::text FROM pg_roles WHERE pg_has_role(current_user, oid, 'MEMBER') "
                       "AND rolname !~ '^pg_' ORDER BY 1"));
    QStringList out;
    for (int row = 0; row < r.rowCount(); ++row)
        out << r.text(row, 0);
    return out;
}

RoleRowView seeAsRole(Connection& connection, const QString& schema, const QString& table,
                      const QString& role, int limit) {
    RoleRowView view;
    view.role = role;
    const QString relation =
        connection.quoteIdentifier(schema) + QLatin1Char('.') + connection.quoteIdentifier(table);
    TransactionOptions options;
    options.readOnly = true; // it only reads, and is rolled back
    Transaction transaction(connection, options);
    const Result info = connection.exec(
        QStringLiteral("SELECT c.relrowsecurity, c.relforcerowsecurity, r.rolsuper OR r.rolbypassrls OR "
                       "(pg_has_role(r.oid, c.relowner, 'USAGE') AND NOT c.relforcerowsecurity) "
                       "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, pg_roles r "
                       "WHERE n.nspname = $1 AND c.relname = $2 AND r.rolname = $3"),
        {param(schema), param(table), param(role)});
    if (info.rowCount() == 0)
        throwError(ErrorKind::NotFound,
                   QStringLiteral("there is no table %1.%2 or no role %3").arg(schema, table, role));
    view.rowSecurityEnabled = info.text(0, 0) == QLatin1String("t");
    view.forced = info.text(0, 1) == QLatin1String("t");
    view.bypasses = info.text(0, 2) == QLatin1String("t");
    view.policies = rowPolicies(connection, schema, table);
    // The policies' roles the role is a member of, asked in one statement.
    QStringList named;
    for (const RowPolicy& p : std::as_const(view.policies))
        for (const QString& r : p.roles)
            if (r != QLatin1String("public") && !named.contains(r))
                named << r;
    QSet<QString> memberOf;
    if (!named.isEmpty()) {
        const Result members = connection.exec(
            QStringLiteral("SELECT r FROM unnest($2::text[]) r WHERE pg_has_role($1, r::name, 'MEMBER')"),
            {param(role), param(arrayLiteral(named))});
        for (int row = 0; row < members.rowCount(); ++row)
            memberOf << members.text(row, 0);
    }
    QList<RowPolicy> applicable;
    for (const RowPolicy& p : std::as_const(view.policies)) {
        const bool applies = std::any_of(p.roles.cbegin(), p.roles.cend(), [&](const QString& r) {
            return r == QLatin1String("public") || memberOf.contains(r);
        });
        if (applies) {
            applicable << p;
            view.applicable << p.name;
        }
    }
    view.totalRows =
        connection.exec(QStringLiteral("SELECT count(*) FROM %1").arg(relation)).text(0, 0).toLongLong();

    // As the role: every expression below is evaluated as the role's query would evaluate it.
    connection.exec(QStringLiteral("SET LOCAL ROLE %1").arg(connection.quoteIdentifier(role)));
    const bool policed = view.rowSecurityEnabled && !view.bypasses;
    QStringList extra;
    QList<int> admitting; // indexes into `applicable` of the permissive SELECT policies shown per row
    if (policed) {
        for (int i = 0; i < applicable.size(); ++i) {
            const RowPolicy& p = applicable[i];
            if (p.permissive && appliesTo(p, QStringLiteral("SELECT"))) {
                extra << (p.usingExpr.isEmpty() ? QStringLiteral("true")
                                                : QStringLiteral("coalesce((%1), false)").arg(p.usingExpr));
                admitting << i;
            }
        }
        extra << QStringLiteral("has_table_privilege(%1, 'UPDATE') AND %2")
                     .arg(connection.quoteLiteral(relation), combined(applicable, QStringLiteral("UPDATE")))
              << QStringLiteral("has_table_privilege(%1, 'DELETE') AND %2")
                     .arg(connection.quoteLiteral(relation), combined(applicable, QStringLiteral("DELETE")));
    } else {
        extra << QStringLiteral("has_table_privilege(%1, 'UPDATE')").arg(connection.quoteLiteral(relation))
              << QStringLiteral("has_table_privilege(%1, 'DELETE')").arg(connection.quoteLiteral(relation));
    }
    QString select = QStringLiteral("SELECT t.*");
    for (qsizetype i = 0; i < extra.size(); ++i)
        select += QStringLiteral(", %1 AS pgdesk_x%2").arg(extra[i]).arg(i);
    select += QStringLiteral(" FROM %1 t ORDER BY t.ctid LIMIT %2").arg(relation).arg(std::max(0, limit));
    const Result r = connection.exec(select);
    const int columns = r.columnCount() - int(extra.size());
    for (int c = 0; c < columns; ++c)
        view.columns << r.columnName(c);
    for (int row = 0; row < r.rowCount(); ++row) {
        QList<std::optional<QString>> values;
        for (int c = 0; c < columns; ++c)
            values << (r.isNull(row, c) ? std::nullopt : std::optional<QString>(r.text(row, c)));
        view.rows << values;
        QStringList admitted;
        for (qsizetype k = 0; k < admitting.size(); ++k)
            if (r.text(row, columns + int(k)) == QLatin1String("t"))
                admitted << applicable[admitting[k]].name;
        view.admittedBy << admitted;
        view.updatable << (r.text(row, r.columnCount() - 2) == QLatin1String("t"));
        view.deletable << (r.text(row, r.columnCount() - 1) == QLatin1String("t"));
    }
    transaction.rollback();
    return view;
}

} // namespace pgdesk::core
