// SPDX-License-Identifier: GPL-3.0-or-later
// rls TABLE --as ROLE: a table as another role sees it, with the policy that admits each row
// (core/server/rowsecurity.h).
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "tablelookup.h"

#include <pgdesk/core/server/rowsecurity.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

int cmdRls(Invocation& inv) {
    QString tableName, role;
    int limit = 1000;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        if (arg == QLatin1String("--as")) {
            role = optionValue(inv.args, i);
        } else if (arg == QLatin1String("--limit")) {
            bool ok = false;
            limit = optionValue(inv.args, i).toInt(&ok);
            if (!ok || limit < 0)
                throw UsageError{QStringLiteral("--limit wants a whole number (0 or more)")};
        } else if (arg.startsWith(QLatin1String("--")) || !tableName.isEmpty()) {
            throw UsageError{QStringLiteral("rls takes TABLE --as ROLE [--limit N]")};
        } else {
            tableName = arg;
        }
    }
    if (tableName.isEmpty() || role.isEmpty())
        throw UsageError{QStringLiteral("rls takes TABLE --as ROLE [--limit N]")};
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const core::TableInfo table = readTable(connection, tableName, false);
    const core::RoleRowView v = core::seeAsRole(connection, table.schema, table.name, role, limit);
    const QString state = !v.rowSecurityEnabled ? QStringLiteral("row security is off for this table")
                          : v.bypasses ? QStringLiteral("%1 bypasses row security (superuser, BYPASSRLS or "
                                                        "owner without FORCE)")
                                             .arg(role)
                                       : QStringLiteral("row security applies to %1").arg(role);
    if (format == Format::Json) {
        QJsonArray policies, columns, rows;
        for (const core::RowPolicy& p : v.policies) {
            QJsonArray roles;
            for (const QString& r : p.roles)
                roles.append(r);
            policies.append(QJsonObject{
                {QStringLiteral("name"), p.name},
                {QStringLiteral("permissive"), p.permissive},
                {QStringLiteral("roles"), roles},
                {QStringLiteral("command"), p.command},
                {QStringLiteral("using"), p.usingExpr.isEmpty() ? QJsonValue() : QJsonValue(p.usingExpr)},
                {QStringLiteral("with_check"),
                 p.checkExpr.isEmpty() ? QJsonValue() : QJsonValue(p.checkExpr)},
                {QStringLiteral("applies"), v.applicable.contains(p.name)}});
        }
        for (const QString& c : v.columns)
            columns.append(c);
        for (qsizetype i = 0; i < v.rows.size(); ++i) {
            QJsonArray values, admitted;
            for (const auto& value : v.rows[i])
                values.append(value ? QJsonValue(*value) : QJsonValue());
            for (const QString& name : v.admittedBy[i])
                admitted.append(name);
            rows.append(QJsonObject{{QStringLiteral("values"), values},
                                    {QStringLiteral("admitted_by"), admitted},
                                    {QStringLiteral("updatable"), v.updatable[i]},
                                    {QStringLiteral("deletable"), v.deletable[i]}});
        }
        printJson(inv.out, QJsonObject{{QStringLiteral("role"), role},
                                       {QStringLiteral("row_security"), v.rowSecurityEnabled},
                                       {QStringLiteral("forced"), v.forced},
                                       {QStringLiteral("bypasses"), v.bypasses},
                                       {QStringLiteral("policies"), policies},
                                       {QStringLiteral("columns"), columns},
                                       {QStringLiteral("rows"), rows},
                                       {QStringLiteral("total_rows"), v.totalRows}});
        return ExitOk;
    }
    inv.err << "pgdesk-cli: " << state << "; " << role << " reads " << v.rows.size() << " of " << v.totalRows
            << " row(s)" << (v.rows.size() == limit ? QStringLiteral(" (--limit reached)") : QString())
            << '\n';
    QStringList headers = v.columns;
    headers << QStringLiteral("admitted by") << QStringLiteral("may update") << QStringLiteral("may delete");
    QList<QStringList> rows;
    for (qsizetype i = 0; i < v.rows.size(); ++i) {
        QStringList cells;
        for (const auto& value : v.rows[i])
            cells << value.value_or(QString());
        cells << v.admittedBy[i].join(QStringLiteral(", "))
              << (v.updatable[i] ? QStringLiteral("yes") : QStringLiteral("no"))
              << (v.deletable[i] ? QStringLiteral("yes") : QStringLiteral("no"));
        rows << cells;
    }
    printTable(inv.out, headers, rows);
    return ExitOk;
}

} // namespace pgdesk::cli
