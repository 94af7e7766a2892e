// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/profiletransfer.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

// "  password_command: aws rds generate-db-auth-token …" lines, control characters made visible.
QString commandLines(const core::ConnectionProfile& p) {
    QString text;
    for (const auto& [field, value] : p.commands())
        text += QStringLiteral("  %1: %2\n").arg(field, core::printableText(value));
    return text;
}

} // namespace

// profiles export [NAME]... [--include-commands]: the profiles (all, or those named, in that order) as
// JSON on standard output, never with a password; their commands only when asked for.
int profilesExport(Invocation& inv, const QStringList& args) {
    bool includeCommands = false;
    QStringList names;
    for (const QString& a : args) {
        if (a == QLatin1String("--include-commands"))
            includeCommands = true;
        else if (a.startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("profiles export: unknown option %1").arg(a)};
        else
            names << a;
    }
    core::ProfileStore store;
    store.load();
    QList<core::ConnectionProfile> chosen;
    if (names.isEmpty())
        chosen = store.profiles();
    for (const QString& n : names)
        chosen << store.get(n); // NotFound (exit 6) names it
    inv.out << QString::fromUtf8(core::exportProfiles(chosen, includeCommands));
    QStringList withCommands;
    for (const auto& p : chosen)
        if (!p.commands().isEmpty())
            withCommands << QStringLiteral("\"%1\"").arg(p.name);
    if (!withCommands.isEmpty())
        inv.err << "pgdesk-cli: "
                << (includeCommands
                        ? QStringLiteral("the export holds the commands (password command, SSH config file) "
                                         "of %1: whoever imports it must trust them before they run")
                        : QStringLiteral("left out the commands (password command, SSH config file) of %1; "
                                         "give --include-commands to export them"))
                       .arg(withCommands.join(QStringLiteral(", ")))
                << '\n';
    return ExitOk;
}

// profiles import FILE|- [--replace] [--trust-commands]: adds a file's profiles; existing names refused
// unless --replace; their commands stay untrusted (they never run) unless --trust-commands.
int profilesImport(Invocation& inv, const QStringList& args) {
    QString path;
    bool replace = false;
    bool trust = false;
    for (const QString& a : args) {
        if (a == QLatin1String("--replace"))
            replace = true;
        else if (a == QLatin1String("--trust-commands"))
            trust = true;
        else if ((a.startsWith(QLatin1String("--")) && a != QLatin1String("-")) || !path.isEmpty())
            throw UsageError{QStringLiteral("profiles import: unexpected argument \"%1\"").arg(a)};
        else
            path = a;
    }
    if (path.isEmpty())
        throw UsageError{QStringLiteral("profiles import FILE.json [--replace] [--trust-commands]")};
    QFile file;
    if (!openInput(file, path))
        throw UsageError{QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    // One byte past the limit is enough to refuse it: a huge file (or endless stdin) is never held. A pipe
    // gives its bytes in pieces.
    QByteArray bytes;
    while (bytes.size() <= core::kMaxProfileFileBytes) {
        const QByteArray piece = file.read(core::kMaxProfileFileBytes + 1 - bytes.size());
        if (piece.isEmpty())
            break;
        bytes += piece;
    }
    QList<core::ConnectionProfile> profiles = core::parseProfileExport(bytes);
    QString untrusted;
    for (auto& p : profiles) {
        if (!p.untrustedCommands)
            continue;
        if (trust)
            p.untrustedCommands = false;
        untrusted += QStringLiteral("\"%1\":\n").arg(core::printableText(p.name)) + commandLines(p);
    }
    core::ProfileStore store;
    store.load();
    const QStringList replaced = core::importProfiles(store, profiles, replace);
    store.save();
    QStringList names;
    for (const auto& p : profiles)
        names << p.name;
    if (!untrusted.isEmpty())
        inv.err << "pgdesk-cli: "
                << (trust
                        ? QStringLiteral("trusted (--trust-commands) the commands these profiles run when "
                                         "they connect:\n")
                        : QStringLiteral("these profiles run commands when they connect; they stay untrusted "
                                         "and never run until you read them and give `pgdesk-cli profiles "
                                         "trust NAME`:\n"))
                << untrusted;
    if (parseFormat(inv.global.format, {Format::Table, Format::Json}) == Format::Json)
        printJson(inv.out, QJsonObject{{QStringLiteral("imported"), QJsonArray::fromStringList(names)},
                                       {QStringLiteral("replaced"), QJsonArray::fromStringList(replaced)}});
    else
        inv.out << "imported " << names.size() << " profile(s): " << names.join(QStringLiteral(", "))
                << (replaced.isEmpty()
                        ? QString()
                        : QStringLiteral(" (replaced: %1)").arg(replaced.join(QStringLiteral(", "))))
                << '\n';
    return ExitOk;
}

// profiles trust NAME: shows the commands an imported profile runs when it connects and marks them trusted.
int profilesTrust(Invocation& inv, const QStringList& args) {
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("profiles trust NAME")};
    core::ProfileStore store;
    store.load();
    core::ConnectionProfile p = store.get(args.first()); // NotFound (exit 6) names it
    const bool was = p.untrustedCommands && !p.commands().isEmpty();
    p.untrustedCommands = false;
    store.upsert(p);
    store.save();
    if (parseFormat(inv.global.format, {Format::Table, Format::Json}) == Format::Json) {
        QJsonObject commands;
        for (const auto& [field, value] : p.commands())
            commands[field] = value;
        printJson(inv.out, QJsonObject{{QStringLiteral("profile"), p.name},
                                       {QStringLiteral("commands"), commands},
                                       {QStringLiteral("was_untrusted"), was}});
    } else if (p.commands().isEmpty()) {
        inv.out << "profile \"" << p.name << "\" runs no command when it connects\n";
    } else {
        inv.out << "profile \"" << p.name << "\" now runs, when it connects:\n" << commandLines(p);
    }
    return ExitOk;
}

} // namespace pgdesk::cli
