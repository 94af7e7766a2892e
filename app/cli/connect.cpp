// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect.h"
#include "interrupt.h"
#include "sshoptions.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/standby.h>

#include <cstdio>
#include <optional>

namespace pgdesk::cli {

QString readPasswordFromStdin() {
    // Read once per process: a command may resolve its target more than once (tables, describe), and
    // the rest of standard input may be a change set or CSV. Byte by byte through stdio, so nothing
    // past the line is taken from those readers (a QTextStream reads ahead).
    static std::optional<QString> password;
    if (!password) {
        QByteArray line;
        for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin))
            line += char(c);
        if (line.endsWith('\r'))
            line.chop(1);
        password = QString::fromUtf8(line);
    }
    return *password;
}

Target resolveTarget(const Invocation& inv) {
    Target t;
    if (!inv.global.profile.isEmpty() && !inv.global.dsn.isEmpty())
        throw UsageError{QStringLiteral("give either --profile or --dsn, not both")};
    if (!inv.global.profile.isEmpty()) {
        core::ProfileStore store;
        store.load();
        t.profile = store.get(inv.global.profile);
        t.password = core::SecretStore::instance().password(t.profile.name);
    } else if (!inv.global.dsn.isEmpty()) {
        auto parsed = core::parseDsn(inv.global.dsn);
        t.profile = parsed.profile;
        t.password = parsed.password;
    }
    if (!inv.global.database.isEmpty()) {
        // Another database of the same server, with the profile's user, settings and password.
        if (t.profile.pinDatabase && inv.global.database != t.profile.database)
            throw UsageError{QStringLiteral("the profile \"%1\" is pinned to the database \"%2\"")
                                 .arg(t.profile.name, t.profile.database)};
        t.profile.database = inv.global.database;
    }
    if (inv.global.passwordStdin)
        t.password = readPasswordFromStdin();
    // --ssh* over the profile's SSH settings (or the only ones, for a DSN): every command goes through here.
    if (!inv.global.ssh.isEmpty())
        applySshOptions(inv.global.ssh, t.profile.ssh);
    t.profile.applicationName = QStringLiteral("pgdesk-cli");
    return t;
}

core::Connection connect(const Invocation& inv) {
    return connect(resolveTarget(inv));
}

core::Connection connect(const Target& target) {
    auto connection = core::Connection::open(target.profile, target.password);
    setInterruptTarget(connection.cancelHandle());
    return connection;
}

bool opensQuickly(const Target& target, const core::Connection& connection) {
    // What libpq reached, not what the profile says: an empty host may come from a service file or PGHOST.
    const QString host = connection.serverHost();
    const bool local = host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@')) ||
                       host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
                       host == QLatin1String("::1");
    return local && !target.profile.ssh.enabled() && target.profile.commands().isEmpty();
}

core::WriteAccess writeAccess(const Invocation& inv, const core::ConnectionProfile& profile,
                              const QString& what) {
    if (!profile.writeGuarded())
        return {};
    if (!inv.global.allowWrite)
        throwWriteGuarded(profile, what, false);
    return core::WriteUnlock::create();
}

void throwWriteGuarded(const core::ConnectionProfile& profile, const QString& what, bool refusedByServer) {
    core::ErrorInfo info;
    info.kind = core::ErrorKind::Configuration;
    info.field = QLatin1String(kAllowWriteField);
    if (refusedByServer)
        info.sqlState = QStringLiteral("25006");
    const QString name =
        profile.name.isEmpty() ? QStringLiteral("this profile") : QStringLiteral("\"%1\"").arg(profile.name);
    info.message =
        refusedByServer
            ? QStringLiteral("%1 is a production profile, whose sessions are read-only: the server "
                             "refused the %2's write; give --allow-write to write")
                  .arg(name, what)
            : QStringLiteral("%1 is a production profile: %2 writes only with --allow-write; nothing "
                             "was sent")
                  .arg(name, what);
    core::throwError(std::move(info));
}

// The server's 25006 on a locked production session is the guard refusing: said as such (exit 9). On a
// hot standby it is the standby's refusal, said in the words every other path uses (exit 4).
void throwIfGuardRefused(const core::Error& e, core::Connection& connection, const core::WriteAccess& access,
                         const QString& what) {
    if (e.info().sqlState != QLatin1String("25006"))
        return;
    if (connection.profile().writeGuarded() && !access)
        throwWriteGuarded(connection.profile(), what, true);
    if (connection.isOpen() && !connection.inFailedTransaction() && core::isStandby(connection)) {
        core::ErrorInfo info = e.info();
        info.message = QString::fromLatin1(core::kStandbyReadOnlyMessage);
        core::throwError(std::move(info));
    }
}

} // namespace pgdesk::cli
