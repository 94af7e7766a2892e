// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/schema/privileges.h>
#include <pgdesk/core/schema/schemaapply.h>

namespace pgdesk::cli {

namespace {

struct GrantArguments {
    bool privileges = false; // PRIVILEGES on OBJECT, else ROLE to MEMBER
    QList<core::Privilege> list;
    core::PrivilegeTarget target;
    QString role; // the grantee (privileges) or the granted role (membership)
    QString member;
    QStringList columns;
    bool option = false; // WITH GRANT OPTION / WITH ADMIN OPTION
    bool dryRun = false;
};

// grant PRIV[,PRIV] on [table|schema|default-tables-in] NAME to ROLE [--columns C,C] [--with-grant-option]
// grant ROLE to MEMBER [--admin]; revoke … from ….
GrantArguments parseGrantArguments(const QStringList& args, bool grant) {
    const QString command = grant ? QStringLiteral("grant") : QStringLiteral("revoke");
    const QString to = grant ? QStringLiteral("to") : QStringLiteral("from");
    GrantArguments g;
    QStringList words;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--dry-run"))
            g.dryRun = true;
        else if (a == QLatin1String("--columns"))
            for (const QString& c : optionValue(args, i).split(u',', Qt::SkipEmptyParts))
                g.columns << c.trimmed();
        else if (grant && (a == QLatin1String("--with-grant-option") || a == QLatin1String("--admin")))
            g.option = true;
        else if (a.startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("%1: unknown option \"%2\"").arg(command, a)};
        else
            words << a;
    }
    const QString usage =
        QStringLiteral("%1 takes PRIVILEGE[,PRIVILEGE] on [table|schema|default-tables-in] NAME "
                       "%2 ROLE, or ROLE %2 MEMBER")
            .arg(command, to);
    if (words.size() == 3 && words[1].compare(to, Qt::CaseInsensitive) == 0) {
        g.role = words[0];
        g.member = words[2];
        if (!g.columns.isEmpty())
            throw UsageError{usage};
        return g;
    }
    if (words.size() < 5 || words[1].compare(QLatin1String("on"), Qt::CaseInsensitive) != 0 ||
        words[words.size() - 2].compare(to, Qt::CaseInsensitive) != 0)
        throw UsageError{usage};
    g.privileges = true;
    for (const QString& p : words[0].split(u',', Qt::SkipEmptyParts)) {
        const auto privilege = core::privilegeFromName(p);
        if (!privilege)
            throw UsageError{QStringLiteral("%1: unknown privilege \"%2\"").arg(command, p)};
        g.list << *privilege;
    }
    QString kind = QStringLiteral("table");
    QString name = words[2];
    if (words.size() == 6) {
        kind = words[2].toLower();
        name = words[3];
    } else if (words.size() != 5) {
        throw UsageError{usage};
    }
    g.role = words.last();
    if (kind == QLatin1String("schema")) {
        g.target.kind = core::PrivilegeTarget::Kind::Schema;
        g.target.schema = name;
    } else if (kind == QLatin1String("default-tables-in")) {
        g.target.kind = core::PrivilegeTarget::Kind::DefaultTables;
        g.target.schema = name;
    } else if (kind == QLatin1String("table")) {
        g.target.name = name; // resolved on the server, as every command names a table
    } else {
        throw UsageError{usage};
    }
    return g;
}

int run(Invocation& inv, bool grant) {
    GrantArguments g = parseGrantArguments(inv.args, grant);
    auto connection = connect(inv);
    if (g.privileges && g.target.kind == core::PrivilegeTarget::Kind::Table) {
        const core::TableInfo table = readTable(connection, g.target.name, false);
        g.target.schema = table.schema;
        g.target.name = table.name;
    }
    const QString statement = g.privileges
                                  ? core::grantStatement(grant, g.target, g.list, g.role, g.columns, g.option)
                                  : core::membershipStatement(grant, g.role, g.member, g.option);
    const QList<core::StatementLocks> locks = core::LockAnalyzer(connection).analyze(statement);
    inv.out << statement << ";\n";
    if (g.dryRun) {
        for (const core::StatementLocks& l : locks)
            for (const core::RelationLock& r : l.locks)
                inv.out << "   " << core::lockModeName(r.mode) << " on " << r.relation << '\n';
        return ExitOk;
    }
    core::SchemaApplyOptions options;
    options.access =
        writeAccess(inv, connection.profile(), grant ? QStringLiteral("grant") : QStringLiteral("revoke"));
    core::SchemaApplier(connection).apply(core::transactionStatements({statement}), options);
    return ExitOk;
}

} // namespace

int cmdGrant(Invocation& inv) {
    return run(inv, true);
}
int cmdRevoke(Invocation& inv) {
    return run(inv, false);
}

} // namespace pgdesk::cli
