// SPDX-License-Identifier: GPL-3.0-or-later
// Row security policies as the designer writes them: names quoted, roles quoted (the few role words
// PostgreSQL reserves written as keywords), USING and WITH CHECK checked to be one balanced fragment each and
// refused where the command has none, so the server never sees a clause it would reject half-way through a
// design.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QCoreApplication>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::TableDesign", text);
}

// No role may be called one of these (CREATE ROLE refuses them), so a name spelled so means the keyword.
QString roleSql(const QString& role) {
    static const QStringList reserved{QStringLiteral("public"), QStringLiteral("current_user"),
                                      QStringLiteral("current_role"), QStringLiteral("session_user")};
    const QString lower = role.trimmed().toLower();
    if (reserved.contains(lower))
        return lower.toUpper();
    if (role.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("roles"), tr("A policy's role needs a name."));
    return quoteIdentifier(role.trimmed());
}

QString rolesSql(const QStringList& roles) {
    if (roles.isEmpty())
        return QStringLiteral("PUBLIC");
    QStringList out;
    for (const QString& r : roles)
        out << roleSql(r);
    // PostgreSQL keeps only PUBLIC then (with a warning nobody sees): say so instead.
    if (out.size() > 1 && out.contains(QStringLiteral("PUBLIC")))
        throwConfigurationError(QStringLiteral("roles"),
                                tr("PUBLIC is every role: a policy for PUBLIC names no other role."));
    return out.join(QStringLiteral(", "));
}

QString commandOf(const RowPolicy& p) {
    const QString c = p.command.trimmed().toUpper();
    if (c.isEmpty())
        return QStringLiteral("ALL");
    static const QStringList commands{QStringLiteral("ALL"), QStringLiteral("SELECT"),
                                      QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                      QStringLiteral("DELETE")};
    if (!commands.contains(c))
        throwConfigurationError(
            QStringLiteral("command"),
            tr("A policy is for ALL, SELECT, INSERT, UPDATE or DELETE, not \"%1\".").arg(p.command));
    return c;
}

// The USING and WITH CHECK clauses, each only where the command takes it.
QString clauses(const RowPolicy& p, const QString& command) {
    QString sql;
    if (!p.usingExpr.trimmed().isEmpty()) {
        if (command == QLatin1String("INSERT"))
            throwConfigurationError(QStringLiteral("using"),
                                    tr("An INSERT policy has no USING: new rows are checked by WITH CHECK."));
        checkSqlFragment(p.usingExpr, tr("USING"));
        sql += QStringLiteral(" USING (%1)").arg(p.usingExpr.trimmed());
    }
    if (!p.checkExpr.trimmed().isEmpty()) {
        if (command == QLatin1String("SELECT") || command == QLatin1String("DELETE"))
            throwConfigurationError(QStringLiteral("check"),
                                    tr("A %1 policy has no WITH CHECK: it writes no row.").arg(command));
        checkSqlFragment(p.checkExpr, tr("WITH CHECK"));
        sql += QStringLiteral(" WITH CHECK (%1)").arg(p.checkExpr.trimmed());
    }
    return sql;
}

void needName(const RowPolicy& p) {
    if (p.name.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("policy"), tr("A policy needs a name."));
}

} // namespace

QString createPolicySql(const RowPolicy& policy, const QString& quotedTable) {
    needName(policy);
    const QString command = commandOf(policy);
    return QStringLiteral("CREATE POLICY %1 ON %2 AS %3 FOR %4 TO %5%6")
        .arg(quoteIdentifier(policy.name), quotedTable,
             policy.permissive ? QStringLiteral("PERMISSIVE") : QStringLiteral("RESTRICTIVE"), command,
             rolesSql(policy.roles), clauses(policy, command));
}

QStringList alterPolicySql(const QString& name, const RowPolicy& policy, const QString& quotedTable) {
    needName(policy);
    QStringList out{QStringLiteral("ALTER POLICY %1 ON %2 TO %3%4")
                        .arg(quoteIdentifier(name), quotedTable, rolesSql(policy.roles),
                             clauses(policy, commandOf(policy)))};
    if (policy.name != name)
        out << QStringLiteral("ALTER POLICY %1 ON %2 RENAME TO %3")
                   .arg(quoteIdentifier(name), quotedTable, quoteIdentifier(policy.name));
    return out;
}

RowPolicy policyFromText(const QString& text) {
    SqlLexState state;
    const QList<SqlToken> tokens = tokenizeSql(text, state);
    const auto piece = [&](qsizetype i) {
        return i < tokens.size() ? text.mid(tokens[i].start, tokens[i].length) : QString();
    };
    const auto word = [&](qsizetype i) {
        return i < tokens.size() && tokens[i].type == SqlTokenType::Word ? piece(i).toUpper() : QString();
    };
    const auto name = [&](qsizetype i) {
        const QString n = piece(i);
        return tokens[i].type == SqlTokenType::QuotedIdentifier
                   ? n.mid(1, n.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""))
                   : n.toLower();
    };
    const auto usage = [] {
        throwConfigurationError(QStringLiteral("policy"),
                                tr("A policy is written \"name [AS PERMISSIVE|RESTRICTIVE] [FOR command] [TO "
                                   "role, …] [USING (expression)] [WITH CHECK (expression)]\"."));
    };
    if (tokens.isEmpty() ||
        (tokens[0].type != SqlTokenType::Word && tokens[0].type != SqlTokenType::QuotedIdentifier))
        usage();
    RowPolicy p;
    p.name = name(0);
    p.command = QStringLiteral("ALL");
    // The parenthesised expression starting at token i: its inside, and the token after it.
    const auto parenthesised = [&](qsizetype i) -> std::pair<QString, qsizetype> {
        if (piece(i) != QLatin1String("("))
            usage();
        int depth = 0;
        for (qsizetype j = i; j < tokens.size(); ++j) {
            const QString t = piece(j);
            if (tokens[j].type != SqlTokenType::Operator)
                continue;
            depth += t == QLatin1String("(") ? 1 : t == QLatin1String(")") ? -1 : 0;
            if (depth == 0) {
                const qsizetype from = tokens[i].start + 1;
                return {text.mid(from, tokens[j].start - from).trimmed(), j + 1};
            }
        }
        usage();
        return {};
    };
    qsizetype i = 1;
    while (i < tokens.size()) {
        const QString w = word(i);
        if (w == QLatin1String("AS") &&
            (word(i + 1) == QLatin1String("PERMISSIVE") || word(i + 1) == QLatin1String("RESTRICTIVE"))) {
            p.permissive = word(i + 1) == QLatin1String("PERMISSIVE");
            i += 2;
        } else if (w == QLatin1String("FOR") && !word(i + 1).isEmpty()) {
            p.command = word(i + 1);
            i += 2;
        } else if (w == QLatin1String("TO")) {
            p.roles.clear();
            ++i;
            for (;;) {
                if (i >= tokens.size() || (tokens[i].type != SqlTokenType::Word &&
                                           tokens[i].type != SqlTokenType::QuotedIdentifier))
                    usage();
                p.roles << name(i++);
                if (piece(i) != QLatin1String(","))
                    break;
                ++i;
            }
        } else if (w == QLatin1String("USING")) {
            std::tie(p.usingExpr, i) = parenthesised(i + 1);
        } else if (w == QLatin1String("WITH") && word(i + 1) == QLatin1String("CHECK")) {
            std::tie(p.checkExpr, i) = parenthesised(i + 2);
        } else {
            usage();
        }
    }
    createPolicySql(p, QStringLiteral("t")); // its faults now, with the option that wrote it
    return p;
}

} // namespace pgdesk::core
