// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/tablespaces.h>

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

namespace {

// A text[] column as PostgreSQL writes it ({a,"b c"}): array_to_string'ed by the query instead, with a
// separator no option or tag holds.
QStringList listOf(const QString& text) {
    return text.isEmpty() ? QStringList() : text.split(QChar(0x1F));
}

} // namespace

QList<TablespaceInfo> TablespaceReader::tablespaces() {
    // The size only where this role may ask (CREATE on it, pg_read_all_stats or superuser): otherwise
    // pg_tablespace_size would fail the whole statement.
    const Result r = m_connection.exec(QStringLiteral(
        "SELECT t.spcname::text, pg_get_userbyid(t.spcowner)::text, pg_tablespace_location(t.oid), "
        "CASE WHEN has_tablespace_privilege(t.oid, 'CREATE') OR pg_has_role('pg_read_all_stats', 'MEMBER') "
        "THEN pg_tablespace_size(t.oid) END, array_to_string(t.spcoptions, E'\\x1f'), "
        "coalesce(shobj_description(t.oid, 'pg_tablespace'), ''), "
        "(SELECT count(*) FROM pg_class c WHERE c.relkind IN ('r', 'i', 'm', 'p', 'I') AND "
        "(c.reltablespace = t.oid OR (c.reltablespace = 0 AND t.oid = (SELECT dattablespace FROM pg_database "
        "WHERE datname = current_database())))) "
        "FROM pg_tablespace t ORDER BY 1"));
    QList<TablespaceInfo> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        TablespaceInfo t;
        t.name = r.text(row, 0);
        t.owner = r.text(row, 1);
        t.location = r.text(row, 2);
        t.bytes = r.isNull(row, 3) ? -1 : r.text(row, 3).toLongLong();
        t.options = listOf(r.text(row, 4));
        t.comment = r.text(row, 5);
        t.relations = r.text(row, 6).toLongLong();
        out << t;
    }
    return out;
}

QList<EventTriggerInfo> TablespaceReader::eventTriggers() {
    const Result r = m_connection.exec(QStringLiteral(
        "SELECT e.evtname::text, e.evtevent::text, pg_get_userbyid(e.evtowner)::text, "
        "quote_ident(n.nspname) || '.' || quote_ident(p.proname), e.evtenabled, "
        "array_to_string(e.evttags, E'\\x1f'), coalesce(obj_description(e.oid, 'pg_event_trigger'), '') "
        "FROM pg_event_trigger e JOIN pg_proc p ON p.oid = e.evtfoid JOIN pg_namespace n ON n.oid = "
        "p.pronamespace ORDER BY 1"));
    QList<EventTriggerInfo> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        EventTriggerInfo e;
        e.name = r.text(row, 0);
        e.event = r.text(row, 1);
        e.owner = r.text(row, 2);
        e.function = r.text(row, 3);
        const QString enabled = r.text(row, 4);
        e.enabled = enabled.isEmpty() ? QLatin1Char('O') : enabled.at(0);
        e.tags = listOf(r.text(row, 5));
        e.comment = r.text(row, 6);
        out << e;
    }
    return out;
}

QString tablespaceScript(const TablespaceInfo& t) {
    const QString name = quoteIdentifier(t.name);
    if (t.location.isEmpty())
        return QStringLiteral(
                   "-- %1 is the cluster's own tablespace (the data directory): it is not created.\n")
            .arg(sqlCommentText(t.name));
    QString sql = QStringLiteral("CREATE TABLESPACE %1 OWNER %2 LOCATION %3")
                      .arg(name, quoteIdentifier(t.owner), quoteLiteralPure(t.location));
    if (!t.options.isEmpty()) {
        QStringList options;
        for (const QString& o : t.options) // name=value, as the server stored them
            options << QStringLiteral("%1 = %2").arg(quoteIdentifier(o.section(QLatin1Char('='), 0, 0)),
                                                     quoteLiteralPure(o.section(QLatin1Char('='), 1)));
        sql += QStringLiteral(" WITH (%1)").arg(options.join(QStringLiteral(", ")));
    }
    sql += QStringLiteral(";\n");
    if (!t.comment.isEmpty())
        sql += QStringLiteral("COMMENT ON TABLESPACE %1 IS %2;\n").arg(name, quoteLiteralPure(t.comment));
    return sql;
}

QString eventTriggerScript(const EventTriggerInfo& e) {
    const QString name = quoteIdentifier(e.name);
    QString sql = QStringLiteral("CREATE EVENT TRIGGER %1 ON %2").arg(name, quoteIdentifier(e.event));
    if (!e.tags.isEmpty()) {
        QStringList tags;
        for (const QString& t : e.tags)
            tags << quoteLiteralPure(t);
        sql += QStringLiteral("\n    WHEN TAG IN (%1)").arg(tags.join(QStringLiteral(", ")));
    }
    // Schema-qualified and quoted by the query: the script finds it whatever the search path.
    sql += QStringLiteral("\n    EXECUTE FUNCTION %1();\n").arg(e.function);
    if (e.enabled == QLatin1Char('D'))
        sql += QStringLiteral("ALTER EVENT TRIGGER %1 DISABLE;\n").arg(name);
    else if (e.enabled == QLatin1Char('R'))
        sql += QStringLiteral("ALTER EVENT TRIGGER %1 ENABLE REPLICA;\n").arg(name);
    else if (e.enabled == QLatin1Char('A'))
        sql += QStringLiteral("ALTER EVENT TRIGGER %1 ENABLE ALWAYS;\n").arg(name);
    if (!e.comment.isEmpty())
        sql += QStringLiteral("COMMENT ON EVENT TRIGGER %1 IS %2;\n").arg(name, quoteLiteralPure(e.comment));
    return sql;
}

QString moveTableSql(const QString& schema, const QString& table, const QString& tablespace) {
    return QStringLiteral("ALTER TABLE %1.%2 SET TABLESPACE %3")
        .arg(quoteIdentifier(schema), quoteIdentifier(table), quoteIdentifier(tablespace));
}

} // namespace pgdesk::core
