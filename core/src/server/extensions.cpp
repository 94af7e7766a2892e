// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/extensions.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/server/guardedstatement.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

namespace {

QStringList list(const QString& text) {
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

ExtensionReader::ExtensionReader(Connection& connection)
    : m_connection(connection) {
}

QList<ExtensionInfo> ExtensionReader::extensions(bool withAvailable) {
    // One statement: the offered ones (pg_available_extensions) with what is installed here; an installed
    // extension whose control file is gone still shows (the right join).
    const Result r = m_connection.exec(
        QStringLiteral(
            "SELECT coalesce(a.name, e.extname)::text, coalesce(e.extversion, ''), "
            "coalesce(a.default_version, ''), "
            "coalesce(n.nspname::text, ''), coalesce(a.comment, ''), coalesce(e.extrelocatable, false), "
            "coalesce((SELECT v.superuser AND NOT v.trusted FROM pg_available_extension_versions v "
            "WHERE v.name = a.name AND v.version = a.default_version), true), "
            "CASE WHEN e.oid IS NOT NULL THEN (SELECT string_agg(p.target, ',' ORDER BY "
            "array_length(string_to_array(p.path, '--'), 1), p.target) FROM "
            "pg_extension_update_paths(e.extname) p "
            "WHERE p.source = e.extversion AND p.path IS NOT NULL) END, "
            "(SELECT array_to_string(v.requires, ',') FROM pg_available_extension_versions v "
            "WHERE v.name = a.name AND v.version = a.default_version) "
            "FROM pg_available_extensions a FULL JOIN pg_extension e ON e.extname = a.name "
            "LEFT JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.oid IS NOT NULL OR $1 "
            "ORDER BY e.oid IS NULL, 1"),
        {param(withAvailable ? "true" : "false")});
    QList<ExtensionInfo> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        ExtensionInfo e;
        e.name = r.text(row, 0);
        e.installedVersion = r.text(row, 1);
        e.defaultVersion = r.text(row, 2);
        e.schema = r.text(row, 3);
        e.comment = r.text(row, 4);
        e.relocatable = r.text(row, 5) == QLatin1String("t");
        e.superuserOnly = r.text(row, 6) == QLatin1String("t");
        e.updateTargets = list(r.text(row, 7));
        e.required = list(r.text(row, 8));
        out << e;
    }
    return out;
}

ExtensionDependents ExtensionReader::dependents(const QString& name) {
    const Result ext =
        m_connection.exec(QStringLiteral("SELECT oid FROM pg_extension WHERE extname = $1"), {param(name)});
    if (ext.rowCount() == 0)
        throwError(ErrorKind::NotFound,
                   QStringLiteral("extension \"%1\" is not installed in this database").arg(name));
    // Members: what the extension made (deptype 'e'). Dependents: what depends on a member in the normal way
    // and is no member itself, as DROP EXTENSION … CASCADE would reach it: a column (not its whole table), a
    // view (named for its rule), an index. The operators and functions of the extension's own operator
    // families are parts of members, not dependents.
    const Result objects = m_connection.exec(
        QStringLiteral(
            "WITH members AS (SELECT classid, objid FROM pg_depend WHERE refclassid = "
            "'pg_extension'::regclass "
            "AND refobjid = $1::oid AND deptype = 'e') "
            "SELECT DISTINCT CASE WHEN d.classid = 'pg_rewrite'::regclass THEN (SELECT "
            "pg_describe_object('pg_class'::regclass, w.ev_class, 0) FROM pg_rewrite w WHERE w.oid = "
            "d.objid) "
            "ELSE pg_describe_object(d.classid, d.objid, d.objsubid) END FROM pg_depend d "
            "JOIN members m ON m.classid = d.refclassid AND m.objid = d.refobjid "
            "WHERE d.deptype = 'n' AND d.classid NOT IN ('pg_amop'::regclass, 'pg_amproc'::regclass) AND NOT "
            "EXISTS (SELECT FROM members x WHERE x.classid = d.classid AND "
            "x.objid = d.objid) AND NOT (d.classid = 'pg_type'::regclass AND EXISTS (SELECT FROM pg_type t "
            "JOIN members x ON x.objid = t.typelem WHERE t.oid = d.objid)) "
            "ORDER BY 1"),
        {param(ext.text(0, 0))});
    ExtensionDependents out;
    for (int row = 0; row < objects.rowCount(); ++row)
        out.objects << objects.text(row, 0);
    const Result requiring = m_connection.exec(
        QStringLiteral(
            "SELECT e.extname::text FROM pg_depend d JOIN pg_extension e ON e.oid = d.objid "
            "WHERE d.classid = 'pg_extension'::regclass AND d.refclassid = 'pg_extension'::regclass "
            "AND d.refobjid = $1::oid ORDER BY 1"),
        {param(ext.text(0, 0))});
    for (int row = 0; row < requiring.rowCount(); ++row)
        out.extensions << requiring.text(row, 0);
    return out;
}

QString createExtensionSql(const QString& name, const QString& schema, const QString& version, bool cascade) {
    QString sql = QStringLiteral("CREATE EXTENSION %1").arg(quoteIdentifier(name));
    if (!schema.isEmpty())
        sql += QStringLiteral(" SCHEMA %1").arg(quoteIdentifier(schema));
    if (!version.isEmpty())
        sql += QStringLiteral(" VERSION %1").arg(stringLiteral(version));
    if (cascade)
        sql += QStringLiteral(" CASCADE");
    return sql;
}

QString updateExtensionSql(const QString& name, const QString& version) {
    QString sql = QStringLiteral("ALTER EXTENSION %1 UPDATE").arg(quoteIdentifier(name));
    if (!version.isEmpty())
        sql += QStringLiteral(" TO %1").arg(stringLiteral(version));
    return sql;
}

QString dropExtensionSql(const QString& name, bool cascade) {
    return QStringLiteral("DROP EXTENSION %1%2")
        .arg(quoteIdentifier(name), cascade ? QStringLiteral(" CASCADE") : QString());
}

void applyExtensionSql(Connection& connection, const QString& sql, const WriteAccess& write,
                       int lockTimeoutMs) {
    runGuardedStatement(connection, sql, {}, write, sql.section(QLatin1Char(' '), 0, 1), lockTimeoutMs);
}

} // namespace pgdesk::core
