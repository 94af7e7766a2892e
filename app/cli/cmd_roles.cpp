// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/admin/rolereader.h>
#include <pgdesk/core/catalog/catalogreader.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

QJsonArray membershipsJson(const QList<core::RoleMembership>& list) {
    QJsonArray out;
    for (const auto& m : list)
        out.append(QJsonObject{{QStringLiteral("role"), m.role},
                               {QStringLiteral("grantor"), m.grantor},
                               {QStringLiteral("admin_option"), m.adminOption}});
    return out;
}

QString membershipsText(const QList<core::RoleMembership>& list) {
    QStringList parts;
    for (const auto& m : list)
        parts << m.role + (m.adminOption ? QStringLiteral(" (admin)") : QString());
    return parts.join(QStringLiteral(", "));
}

// psql's \du words for the attributes a role has.
QString attributesText(const core::RoleInfo& r) {
    QStringList parts;
    if (r.superuser)
        parts << QStringLiteral("Superuser");
    if (!r.inherit)
        parts << QStringLiteral("No inheritance");
    if (r.createRole)
        parts << QStringLiteral("Create role");
    if (r.createDatabase)
        parts << QStringLiteral("Create DB");
    if (!r.canLogin)
        parts << QStringLiteral("Cannot login");
    if (r.replication)
        parts << QStringLiteral("Replication");
    if (r.bypassRls)
        parts << QStringLiteral("Bypass RLS");
    if (r.connectionLimit >= 0)
        parts << QStringLiteral("%1 connection(s)").arg(r.connectionLimit);
    if (!r.validUntil.isEmpty())
        parts << QStringLiteral("Password valid until %1").arg(r.validUntil);
    return parts.join(QStringLiteral(", "));
}

} // namespace

// roles [--all]: every role with its attributes and memberships; --all adds the predefined pg_* roles.
int cmdRoles(Invocation& inv) {
    bool all = false;
    for (const QString& arg : std::as_const(inv.args)) {
        if (arg == QLatin1String("--all"))
            all = true;
        else
            throw UsageError{QStringLiteral("roles takes only --all")};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::RoleInfo> roles = core::RoleReader(connection).roles(all);
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("roles"));
        for (const auto& r : roles)
            array.append(QJsonObject{
                {QStringLiteral("name"), r.name},
                {QStringLiteral("superuser"), r.superuser},
                {QStringLiteral("inherit"), r.inherit},
                {QStringLiteral("create_role"), r.createRole},
                {QStringLiteral("create_db"), r.createDatabase},
                {QStringLiteral("login"), r.canLogin},
                {QStringLiteral("replication"), r.replication},
                {QStringLiteral("bypass_rls"), r.bypassRls},
                {QStringLiteral("connection_limit"),
                 r.connectionLimit < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.connectionLimit)},
                {QStringLiteral("valid_until"),
                 r.validUntil.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.validUntil)},
                {QStringLiteral("comment"),
                 r.comment.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.comment)},
                {QStringLiteral("member_of"), membershipsJson(r.memberOf)},
                {QStringLiteral("members"), membershipsJson(r.members)},
            });
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto& r : roles)
        rows << QStringList{r.name, attributesText(r), membershipsText(r.memberOf),
                            membershipsText(r.members)};
    printTable(inv.out,
               {QStringLiteral("role"), QStringLiteral("attributes"), QStringLiteral("member of"),
                QStringLiteral("members")},
               rows);
    return ExitOk;
}

// grants OBJECT | --schema NAME | --function [SCHEMA.]NAME: the privileges on one object, a table's
// column privileges too.
int cmdGrants(Invocation& inv) {
    core::GrantObjectKind kind = core::GrantObjectKind::Relation;
    QString object;
    for (const QString& arg : std::as_const(inv.args)) {
        if (arg == QLatin1String("--schema"))
            kind = core::GrantObjectKind::Schema;
        else if (arg == QLatin1String("--function"))
            kind = core::GrantObjectKind::Function;
        else if (!arg.startsWith(QLatin1String("--")) && object.isEmpty())
            object = arg;
        else
            throw UsageError{QStringLiteral("grants takes OBJECT, --schema NAME or --function NAME")};
    }
    if (object.isEmpty())
        throw UsageError{QStringLiteral("grants needs an object: TABLE, --schema NAME or --function NAME")};
    QString schema;
    QString name = object;
    if (kind != core::GrantObjectKind::Schema) {
        const auto parts = core::splitQualifiedName(object);
        if (parts && parts->size() == 2) {
            schema = parts->at(0);
            name = parts->at(1);
        } else if (parts && parts->size() == 1) {
            name = parts->at(0);
        }
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::Grant> grants = core::RoleReader(connection).grants(kind, schema, name);
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("grants"));
        for (const auto& g : grants)
            array.append(QJsonObject{
                {QStringLiteral("object"), g.object},
                {QStringLiteral("kind"), core::grantObjectKindName(kind)},
                {QStringLiteral("column"),
                 g.column.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(g.column)},
                {QStringLiteral("grantee"), g.grantee},
                {QStringLiteral("privilege"), g.privilege},
                {QStringLiteral("grantable"), g.grantable},
                {QStringLiteral("grantor"), g.grantor},
                {QStringLiteral("owner_default"), g.ownerDefault},
            });
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto& g : grants)
        rows << QStringList{g.object,
                            g.column,
                            g.grantee,
                            g.privilege,
                            g.grantable ? QStringLiteral("yes") : QStringLiteral("no"),
                            g.grantor};
    printTable(inv.out,
               {QStringLiteral("object"), QStringLiteral("column"), QStringLiteral("grantee"),
                QStringLiteral("privilege"), QStringLiteral("grantable"), QStringLiteral("grantor")},
               rows);
    return ExitOk;
}

} // namespace pgdesk::cli
