#include "connect.h"
#include "interrupt.h"

#include <pgdesk/core/dsn.h>
#include <pgdesk/core/profilestore.h>
#include <pgdesk/core/secretstore.h>

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
    if (inv.global.passwordStdin)
        t.password = readPasswordFromStdin();
    t.profile.applicationName = QStringLiteral("pgdesk-cli");
    return t;
}

core::Connection connect(const Invocation& inv) {
    const Target t = resolveTarget(inv);
    auto connection = core::Connection::open(t.profile, t.password);
    setInterruptTarget(connection.cancelHandle());
    return connection;
}

} // namespace pgdesk::cli
