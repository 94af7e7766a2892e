// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/publishing.h>

#include <pgdesk/core/base/conninfosecrets.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::Publishing", text);
}

DesignStatement statement(const QString& sql, const QString& description, bool destructive = false) {
    return DesignStatement{sql, DesignStatement::Phase::Transaction, destructive, description};
}

QString relation(const PublishedTable& t) {
    if (t.name.isEmpty())
        throwConfigurationError(QStringLiteral("table"), tr("A published table needs a name."));
    return (t.schema.isEmpty() ? QString() : quoteIdentifier(t.schema) + QLatin1Char('.')) +
           quoteIdentifier(t.name);
}

QString tableClause(const PublishedTable& t) {
    QString sql = relation(t);
    if (!t.columns.isEmpty()) {
        QStringList columns;
        for (const QString& c : t.columns)
            columns << quoteIdentifier(c);
        sql += QStringLiteral(" (%1)").arg(columns.join(QStringLiteral(", ")));
    }
    if (!t.rowFilter.trimmed().isEmpty()) {
        checkSqlFragment(t.rowFilter, tr("the row filter of %1").arg(t.name));
        sql += QStringLiteral(" WHERE (%1)").arg(t.rowFilter.trimmed());
    }
    return sql;
}

QString key(const PublishedTable& t) {
    return t.schema + QLatin1Char('.') + t.name;
}

QList<PublishedTable> listed(const Publication& p) {
    QList<PublishedTable> out;
    for (const PublishedTable& t : p.tables)
        if (t.listed)
            out << t;
    return out;
}

QString options(const Publication& p) {
    return QStringLiteral("publish = %1, publish_via_partition_root = %2")
        .arg(stringLiteral(p.publishText()), p.viaRoot ? QStringLiteral("true") : QStringLiteral("false"));
}

QString schemaList(const QStringList& schemas) {
    QStringList out;
    for (const QString& s : schemas)
        out << quoteIdentifier(s);
    return out.join(QStringLiteral(", "));
}

QString tableList(const QList<PublishedTable>& tables, bool clauses) {
    QStringList out;
    for (const PublishedTable& t : tables)
        out << (clauses ? tableClause(t) : relation(t));
    return out.join(QStringLiteral(", "));
}

void needName(const QString& name) {
    if (name.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("publication"), tr("A publication needs a name."));
}

} // namespace

QList<DesignStatement> createPublicationStatements(const Publication& p) {
    needName(p.name);
    QString sql = QStringLiteral("CREATE PUBLICATION ") + quoteIdentifier(p.name);
    const QList<PublishedTable> tables = listed(p);
    if (p.allTables) {
        if (!tables.isEmpty() || !p.schemas.isEmpty())
            throwConfigurationError(QStringLiteral("tables"),
                                    tr("A publication FOR ALL TABLES names no table or schema."));
        sql += QStringLiteral(" FOR ALL TABLES");
    } else {
        QStringList objects;
        if (!tables.isEmpty())
            objects << QStringLiteral("TABLE ") + tableList(tables, true);
        if (!p.schemas.isEmpty())
            objects << QStringLiteral("TABLES IN SCHEMA ") + schemaList(p.schemas);
        if (!objects.isEmpty())
            sql += QStringLiteral(" FOR ") + objects.join(QStringLiteral(", "));
    }
    if (p.publishText().isEmpty())
        throwConfigurationError(
            QStringLiteral("publish"),
            tr("A publication publishes at least one of insert, update, delete, truncate."));
    sql += QStringLiteral(" WITH (%1)").arg(options(p));
    QList<DesignStatement> out{statement(sql, tr("create publication %1").arg(p.name))};
    if (!p.owner.isEmpty())
        out << statement(QStringLiteral("ALTER PUBLICATION %1 OWNER TO %2")
                             .arg(quoteIdentifier(p.name), quoteIdentifier(p.owner)),
                         tr("set the owner to %1").arg(p.owner));
    return out;
}

QList<DesignStatement> alterPublicationStatements(const Publication& before, const Publication& after) {
    needName(after.name);
    if (before.allTables != after.allTables)
        throwConfigurationError(QStringLiteral("tables"),
                                tr("FOR ALL TABLES cannot be switched on or off: drop the publication and "
                                   "create it again."));
    const QString name = quoteIdentifier(before.name);
    const QString alter = QStringLiteral("ALTER PUBLICATION ") + name;
    QList<DesignStatement> out;
    const QList<PublishedTable> was = listed(before), is = listed(after);
    QList<PublishedTable> dropped, added;
    for (const PublishedTable& t : was) {
        const auto now =
            std::find_if(is.begin(), is.end(), [&](const PublishedTable& n) { return key(n) == key(t); });
        if (now == is.end())
            dropped << t;
        else if (now->columns != t.columns || now->rowFilter.trimmed() != t.rowFilter.trimmed()) {
            dropped << t; // PostgreSQL 15 changes a column list or row filter only by SET TABLE of them all
            added << *now;
        }
    }
    for (const PublishedTable& t : is)
        if (std::none_of(was.begin(), was.end(), [&](const PublishedTable& w) { return key(w) == key(t); }))
            added << t;
    if (!dropped.isEmpty())
        out << statement(alter + QStringLiteral(" DROP TABLE ") + tableList(dropped, false),
                         tr("stop publishing %1").arg(tableList(dropped, false)));
    if (!added.isEmpty())
        out << statement(alter + QStringLiteral(" ADD TABLE ") + tableList(added, true),
                         tr("publish %1").arg(tableList(added, false)));
    QStringList schemasDropped, schemasAdded;
    for (const QString& s : before.schemas)
        if (!after.schemas.contains(s))
            schemasDropped << s;
    for (const QString& s : after.schemas)
        if (!before.schemas.contains(s))
            schemasAdded << s;
    if (!schemasDropped.isEmpty())
        out << statement(
            alter + QStringLiteral(" DROP TABLES IN SCHEMA ") + schemaList(schemasDropped),
            tr("stop publishing the tables of %1").arg(schemasDropped.join(QStringLiteral(", "))));
    if (!schemasAdded.isEmpty())
        out << statement(alter + QStringLiteral(" ADD TABLES IN SCHEMA ") + schemaList(schemasAdded),
                         tr("publish the tables of %1").arg(schemasAdded.join(QStringLiteral(", "))));
    if (after.publishText() != before.publishText() || after.viaRoot != before.viaRoot) {
        if (after.publishText().isEmpty())
            throwConfigurationError(
                QStringLiteral("publish"),
                tr("A publication publishes at least one of insert, update, delete, truncate."));
        out << statement(alter + QStringLiteral(" SET (%1)").arg(options(after)), tr("what it publishes"));
    }
    if (!after.owner.isEmpty() && after.owner != before.owner)
        out << statement(alter + QStringLiteral(" OWNER TO ") + quoteIdentifier(after.owner),
                         tr("set the owner to %1").arg(after.owner));
    if (after.name != before.name)
        out << statement(
            alter + QStringLiteral(" RENAME TO ") + quoteIdentifier(after.name),
            tr("rename the publication to %1 (subscriptions name it: change them too)").arg(after.name));
    return out;
}

QList<DesignStatement> dropPublicationStatements(const QString& name) {
    needName(name);
    return {statement(QStringLiteral("DROP PUBLICATION ") + quoteIdentifier(name),
                      tr("drop publication %1 (its subscribers stop receiving changes)").arg(name), true)};
}

QList<DesignStatement> createSubscriptionStatements(const NewSubscription& sub) {
    if (sub.name.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("subscription"), tr("A subscription needs a name."));
    if (sub.connection.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("connection"),
                                tr("A subscription needs the publisher's connection string."));
    if (maskDsnPassword(sub.connection) != sub.connection)
        throwConfigurationError(QStringLiteral("connection"),
                                tr("Give the publisher's password on its own, not in the connection string: "
                                   "there it would be shown and logged."));
    QStringList publications;
    for (const QString& p : sub.publications)
        if (!p.trimmed().isEmpty())
            publications << quoteIdentifier(p.trimmed());
    if (publications.isEmpty())
        throwConfigurationError(QStringLiteral("publication"),
                                tr("A subscription needs at least one publication of the publisher."));
    static const QStringList kCommits{QStringLiteral("off"), QStringLiteral("local"),
                                      QStringLiteral("remote_write"), QStringLiteral("remote_apply"),
                                      QStringLiteral("on")};
    if (!sub.synchronousCommit.isEmpty() && !kCommits.contains(sub.synchronousCommit))
        throwConfigurationError(
            QStringLiteral("synchronous_commit"),
            tr("synchronous_commit takes off, local, remote_write, remote_apply or on, not "
               "\"%1\".")
                .arg(sub.synchronousCommit));
    QString conninfo = sub.connection.trimmed();
    if (sub.password)
        conninfo += QStringLiteral(" password=") + quoteConninfoValue(*sub.password);

    // Only what differs from PostgreSQL's defaults, so the statement reads as a person would write it.
    QStringList with;
    const auto flag = [&](bool value, bool byDefault, const char* option) {
        if (value != byDefault)
            with << QLatin1String(option) + (value ? QStringLiteral(" = true") : QStringLiteral(" = false"));
    };
    flag(sub.enabled, true, "enabled");
    flag(sub.copyData, true, "copy_data");
    flag(sub.createSlot, true, "create_slot");
    if (!sub.slotName.trimmed().isEmpty())
        with << QStringLiteral("slot_name = ") + stringLiteral(sub.slotName.trimmed());
    flag(sub.binary, false, "binary");
    flag(sub.streaming, false, "streaming");
    flag(sub.twoPhase, false, "two_phase");
    flag(sub.disableOnError, false, "disable_on_error");
    if (!sub.synchronousCommit.isEmpty())
        with << QStringLiteral("synchronous_commit = ") + stringLiteral(sub.synchronousCommit);

    DesignStatement s = statement(
        QStringLiteral("CREATE SUBSCRIPTION %1 CONNECTION %2 PUBLICATION %3")
                .arg(quoteIdentifier(sub.name), stringLiteral(conninfo),
                     publications.join(QStringLiteral(", "))) +
            (with.isEmpty() ? QString() : QStringLiteral(" WITH (%1)").arg(with.join(QStringLiteral(", ")))),
        sub.createSlot ? tr("subscribe as %1, creating its slot on the publisher").arg(sub.name)
                       : tr("subscribe as %1 through an existing slot").arg(sub.name));
    if (sub.createSlot) // PostgreSQL: CREATE SUBSCRIPTION … create_slot = true cannot run in a transaction
                        // block
        s.phase = DesignStatement::Phase::Outside;
    return {s};
}

QString publisherConnection(const ConnectionProfile& profile) {
    QStringList parts;
    const auto add = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + quoteConninfoValue(value);
    };
    add("host", profile.host);
    if (profile.port > 0)
        add("port", QString::number(profile.port));
    add("dbname", profile.database);
    add("user", profile.user);
    add("sslmode", profile.sslMode);
    return parts.join(QLatin1Char(' '));
}

QList<DesignStatement> subscriptionStatements(const QString& name, SubscriptionAction action,
                                              const QString& lsn, bool copyData) {
    if (name.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("subscription"), tr("A subscription needs a name."));
    const QString alter = QStringLiteral("ALTER SUBSCRIPTION ") + quoteIdentifier(name);
    switch (action) {
    case SubscriptionAction::Enable:
        return {statement(alter + QStringLiteral(" ENABLE"), tr("start applying %1's changes").arg(name))};
    case SubscriptionAction::Disable:
        return {
            statement(alter + QStringLiteral(" DISABLE"),
                      tr("stop applying %1's changes (the publisher keeps their WAL meanwhile)").arg(name))};
    case SubscriptionAction::Refresh: {
        DesignStatement s =
            statement(alter + QStringLiteral(" REFRESH PUBLICATION WITH (copy_data = %1)")
                                  .arg(copyData ? QStringLiteral("true") : QStringLiteral("false")),
                      copyData ? tr("synchronise the tables its publications added (their rows are copied)")
                               : tr("subscribe to the tables its publications added (no rows copied)"));
        s.phase = DesignStatement::Phase::Outside;
        return {s};
    }
    case SubscriptionAction::Skip: {
        static const QRegularExpression kLsn(QStringLiteral("^[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}$"));
        if (!kLsn.match(lsn.trimmed()).hasMatch())
            throwConfigurationError(
                QStringLiteral("lsn"),
                tr("SKIP takes the LSN the failing transaction finished at (\"0/14C0378\" "
                   "in the subscriber's log), not \"%1\".")
                    .arg(lsn));
        return {statement(
            alter + QStringLiteral(" SKIP (lsn = %1)").arg(stringLiteral(lsn.trimmed())),
            tr("skip the remote transaction finishing at %1 (its changes are lost here)").arg(lsn), true)};
    }
    case SubscriptionAction::Drop: {
        DesignStatement s =
            statement(QStringLiteral("DROP SUBSCRIPTION ") + quoteIdentifier(name),
                      tr("drop subscription %1 and its slot on the publisher").arg(name), true);
        s.phase = DesignStatement::Phase::Outside;
        return {s};
    }
    }
    return {};
}

PublishedTable publishedTableFromText(const QString& text) {
    SqlLexState state;
    const QList<SqlToken> tokens = tokenizeSql(text, state);
    const auto piece = [&](qsizetype i) {
        return i < tokens.size() ? text.mid(tokens[i].start, tokens[i].length) : QString();
    };
    const auto usage = [] {
        throwConfigurationError(QStringLiteral("table"),
                                tr("A published table is written \"schema.table [(column, …)] [WHERE "
                                   "(expression)]\"."));
    };
    const auto isName = [&](qsizetype i) {
        return i < tokens.size() &&
               (tokens[i].type == SqlTokenType::Word || tokens[i].type == SqlTokenType::QuotedIdentifier);
    };
    const auto name = [&](qsizetype i) {
        const QString n = piece(i);
        return tokens[i].type == SqlTokenType::QuotedIdentifier
                   ? n.mid(1, n.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""))
                   : n.toLower();
    };
    if (!isName(0))
        usage();
    PublishedTable t;
    t.listed = true;
    qsizetype i = 0;
    t.name = name(i++);
    if (piece(i) == QLatin1String(".")) {
        if (!isName(i + 1))
            usage();
        t.schema = t.name;
        t.name = name(i + 1);
        i += 2;
    }
    if (piece(i) == QLatin1String("(")) {
        for (++i;; i += 2) {
            if (!isName(i))
                usage();
            t.columns << name(i);
            if (piece(i + 1) == QLatin1String(")")) {
                i += 2;
                break;
            }
            if (piece(i + 1) != QLatin1String(","))
                usage();
        }
    }
    if (i < tokens.size()) {
        if (piece(i).toUpper() != QLatin1String("WHERE") || piece(i + 1) != QLatin1String("(") ||
            piece(tokens.size() - 1) != QLatin1String(")"))
            usage();
        const qsizetype from = tokens[i + 1].start + 1;
        t.rowFilter = text.mid(from, tokens.last().start - from).trimmed();
        // "(a) OR (b)" ends in ")" too: its inside "a) OR (b" is refused as unbalanced.
        checkSqlFragment(t.rowFilter, tr("the row filter"));
    }
    return t;
}

} // namespace pgdesk::core
