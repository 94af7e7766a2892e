// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ddlscript.h"
#include <pgdesk/core/session/resultrow.h>

#include <QJsonObject>

namespace pgdesk::core::ddlscript {

// pg_get_viewdef ends the query with ';' (and maybe a newline).
QString withoutSemicolon(QString sql) {
    while (!sql.isEmpty() && (sql.back().isSpace() || sql.back() == QLatin1Char(';')))
        sql.chop(1);
    return sql;
}

namespace {

// Consecutive privileges of an ACL with the same grantee, grantor and grant option: one GRANT each.
struct GrantGroup {
    QString grantee;
    QString grantor;
    bool grantable = false;
    QStringList privileges;
};

QList<GrantGroup> grantGroups(const QJsonArray& acl) {
    QList<GrantGroup> groups;
    for (const auto& value : acl) {
        const QJsonObject o = value.toObject();
        const QString grantee = o.value(QLatin1String("grantee")).toString();
        const QString grantor = o.value(QLatin1String("grantor")).toString();
        const bool grantable = o.value(QLatin1String("grantable")).toBool();
        if (groups.isEmpty() || groups.last().grantee != grantee || groups.last().grantor != grantor ||
            groups.last().grantable != grantable)
            groups << GrantGroup{grantee, grantor, grantable, {}};
        groups.last().privileges << o.value(QLatin1String("privilege")).toString();
    }
    return groups;
}

QString grantOption(bool grantable) {
    return grantable ? QStringLiteral(" WITH GRANT OPTION") : QString();
}

} // namespace

// GRANTs that rebuild an ACL as it is. The defaults are revoked first (PUBLIC's and the owner's), then the
// privileges granted in the ACL's own order, each grantor's as that role, so the array comes back the same.
// A NULL ACL means the defaults: nothing to write. `columns` makes them column privileges (no revokes).
void appendGrants(QStringList& out, const QString& object, const QString& owner, bool aclNull,
                  const QJsonArray& acl, const QString& columns) {
    if (aclNull)
        return;
    if (columns.isEmpty()) {
        out << QStringLiteral("REVOKE ALL ON %1 FROM PUBLIC;").arg(object);
        out << QStringLiteral("REVOKE ALL ON %1 FROM %2;").arg(object, owner);
    }
    for (GrantGroup& g : grantGroups(acl)) {
        if (!columns.isEmpty())
            for (QString& p : g.privileges)
                p += QStringLiteral(" (%1)").arg(columns);
        const QString grant =
            QStringLiteral("GRANT %1 ON %2 TO %3%4;")
                .arg(g.privileges.join(QStringLiteral(", ")), object, g.grantee, grantOption(g.grantable));
        if (g.grantor == owner)
            out << grant;
        else // recorded as the owner's otherwise
            out << QStringLiteral("SET ROLE %1;").arg(g.grantor) << grant << QStringLiteral("RESET ROLE;");
    }
}

void appendComment(QStringList& out, const QString& what, const QString& literal) {
    if (!literal.isEmpty())
        out << QStringLiteral("COMMENT ON %1 IS %2;").arg(what, literal);
}

void addAggregates(const Result& result, Objects& objects, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        const QString signature = row.text("signature");
        objects.add(
            "pg_proc", row.int64("oid"), AggregateRank,
            {QStringLiteral("CREATE AGGREGATE %1 (\n    %2\n);").arg(row.text("head"), row.text("options"))});
        appendComment(s.comments, QStringLiteral("AGGREGATE ") + signature, row.text("comment"));
        s.owners << QStringLiteral("ALTER AGGREGATE %1 OWNER TO %2;").arg(signature, row.text("owner"));
        appendGrants(s.grants, QStringLiteral("FUNCTION ") + signature, row.text("owner"), row.isNull("acl"),
                     row.array("acl"));
    });
}

void addOperators(const Result& result, Objects& objects, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        const QString signature = row.text("signature");
        objects.add("pg_operator", row.int64("oid"), OperatorRank,
                    {row.text("definition") + QLatin1Char(';')});
        appendComment(s.comments, QStringLiteral("OPERATOR ") + signature, row.text("comment"));
        s.owners << QStringLiteral("ALTER OPERATOR %1 OWNER TO %2;").arg(signature, row.text("owner"));
    });
}

void addOperatorFamilies(const Result& result, Objects& objects, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        const QString signature = row.text("signature");
        objects.add("pg_opfamily", row.int64("oid"), FamilyRank,
                    {QStringLiteral("CREATE OPERATOR FAMILY %1;").arg(signature)});
        // Its own members use operators and functions created with the other objects: after them.
        if (!row.isNull("members"))
            s.familyMembers << QStringLiteral("ALTER OPERATOR FAMILY %1 ADD\n    %2;")
                                   .arg(signature, row.text("members"));
        appendComment(s.comments, QStringLiteral("OPERATOR FAMILY ") + signature, row.text("comment"));
        s.owners << QStringLiteral("ALTER OPERATOR FAMILY %1 OWNER TO %2;").arg(signature, row.text("owner"));
    });
}

void addOperatorClasses(const Result& result, Objects& objects, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        const QString signature = row.text("signature");
        objects.add("pg_opclass", row.int64("oid"), ClassRank, {row.text("definition") + QLatin1Char(';')});
        appendComment(s.comments, QStringLiteral("OPERATOR CLASS ") + signature, row.text("comment"));
        s.owners << QStringLiteral("ALTER OPERATOR CLASS %1 OWNER TO %2;").arg(signature, row.text("owner"));
    });
}

void addCasts(const Result& result, Objects& objects, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        objects.add("pg_cast", row.int64("oid"), CastRank, {row.text("definition") + QLatin1Char(';')});
        appendComment(s.comments, QStringLiteral("CAST ") + row.text("signature"), row.text("comment"));
    });
}

void addDefaultPrivileges(const Result& result, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        const QString head = QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 IN SCHEMA %2 GRANT")
                                 .arg(row.text("role"), row.text("schema_name"));
        // The role's own default privileges: every grantor is that role.
        for (const GrantGroup& g : grantGroups(row.array("acl")))
            s.defaultPrivileges << QStringLiteral("%1 %2 ON %3 TO %4%5;")
                                       .arg(head, g.privileges.join(QStringLiteral(", ")),
                                            row.text("object_type"), g.grantee, grantOption(g.grantable));
    });
}

void addEventTriggers(const Result& result, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        const QString name = row.text("name");
        s.eventTriggers << row.text("definition") + QLatin1Char(';');
        const QString enabled = row.text("enabled");
        if (enabled == QLatin1String("D"))
            s.eventTriggers << QStringLiteral("ALTER EVENT TRIGGER %1 DISABLE;").arg(name);
        else if (enabled == QLatin1String("R"))
            s.eventTriggers << QStringLiteral("ALTER EVENT TRIGGER %1 ENABLE REPLICA;").arg(name);
        else if (enabled == QLatin1String("A"))
            s.eventTriggers << QStringLiteral("ALTER EVENT TRIGGER %1 ENABLE ALWAYS;").arg(name);
        appendComment(s.eventTriggers, QStringLiteral("EVENT TRIGGER ") + name, row.text("comment"));
        s.eventTriggers << QStringLiteral("ALTER EVENT TRIGGER %1 OWNER TO %2;").arg(name, row.text("owner"));
    });
}

void addPublications(const Result& result, Sections& s) {
    forEachRow(result, [&](const ResultRow& row) {
        const QString name = row.text("name");
        s.publications << QStringLiteral("CREATE PUBLICATION %1 WITH (%2);").arg(name, row.text("options"));
        for (const QString& member : row.list("tables") + row.list("schemas"))
            s.publications << QStringLiteral("ALTER PUBLICATION %1 ADD %2;").arg(name, member);
        appendComment(s.comments, QStringLiteral("PUBLICATION ") + name, row.text("comment"));
        s.owners << QStringLiteral("ALTER PUBLICATION %1 OWNER TO %2;").arg(name, row.text("owner"));
    });
}

} // namespace pgdesk::core::ddlscript
