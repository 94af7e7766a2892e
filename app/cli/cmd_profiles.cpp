// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "specoptions.h"
#include "sshoptions.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/servicefile.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

int toInt(const QString& option, const QString& value) {
    bool ok = false;
    const int v = value.toInt(&ok);
    if (!ok)
        core::throwConfigurationError(
            option.mid(2), QStringLiteral("%1 needs a whole number, not \"%2\"").arg(option, value));
    return v;
}

double toDouble(const QString& option, const QString& value) {
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok)
        core::throwConfigurationError(option.mid(2),
                                      QStringLiteral("%1 needs a number, not \"%2\"").arg(option, value));
    return v;
}

// Applies `profiles add` options onto a profile. Returns whether --replace was given.
bool applyOptions(const QStringList& args, core::ConnectionProfile& p) {
    bool replace = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto value = [&] { return optionValue(args, i); };
        if (a == QLatin1String("--host"))
            p.host = value();
        else if (a == QLatin1String("--port"))
            p.port = toInt(a, value());
        else if (a == QLatin1String("--database") || a == QLatin1String("--dbname"))
            p.database = value();
        else if (a == QLatin1String("--user"))
            p.user = value();
        else if (a == QLatin1String("--service"))
            p.service = value();
        else if (a == QLatin1String("--sslmode"))
            p.sslMode = value();
        else if (a == QLatin1String("--sslrootcert"))
            p.sslRootCert = value();
        else if (a == QLatin1String("--sslcert"))
            p.sslCert = value();
        else if (a == QLatin1String("--sslkey"))
            p.sslKey = value();
        else if (a == QLatin1String("--application-name"))
            p.applicationName = value();
        else if (a == QLatin1String("--connect-timeout"))
            p.connectTimeoutSeconds = toInt(a, value());
        else if (a == QLatin1String("--statement-timeout"))
            p.statementTimeoutMs = toInt(a, value());
        else if (a == QLatin1String("--lock-timeout"))
            p.lockTimeoutMs = toInt(a, value());
        else if (a == QLatin1String("--isolation"))
            p.isolation = core::isolationLevelFromString(value());
        else if (a == QLatin1String("--read-only"))
            p.readOnly = true;
        else if (a == QLatin1String("--echo"))
            p.echo = true;
        else if (a == QLatin1String("--hide-parameters"))
            p.hideParameters = true;
        else if (a == QLatin1String("--pooler"))
            p.pooler = core::PoolerMode::Transaction;
        else if (a == QLatin1String("--pin-database"))
            p.pinDatabase = true;
        else if (a == QLatin1String("--pool-size"))
            p.pool.size = toInt(a, value());
        else if (a == QLatin1String("--max-overflow"))
            p.pool.maxOverflow = toInt(a, value());
        else if (a == QLatin1String("--pool-timeout"))
            p.pool.timeoutSeconds = toDouble(a, value());
        else if (a == QLatin1String("--pool-recycle"))
            p.pool.recycleSeconds = toInt(a, value());
        else if (a == QLatin1String("--pool-pre-ping"))
            p.pool.prePing = true;
        else if (a == QLatin1String("--pool-use-lifo"))
            p.pool.useLifo = true;
        else if (a == QLatin1String("--environment"))
            p.environment = core::environmentFromString(value());
        else if (a == QLatin1String("--colour") || a == QLatin1String("--color"))
            p.colour = value();
        else if (a == QLatin1String("--folder"))
            p.folder = value();
        else if (a == QLatin1String("--password-command"))
            p.passwordCommand = value();
        else if (a == QLatin1String("--password-command-timeout"))
            p.passwordCommandTimeoutSeconds = toInt(a, value());
        else if (a == QLatin1String("--gss") || a == QLatin1String("--kerberos"))
            p.authentication = core::Authentication::Kerberos;
        else if (a == QLatin1String("--gssencmode"))
            p.gssEncMode = value();
        else if (a == QLatin1String("--krbsrvname"))
            p.krbSrvName = value();
        else if (a == QLatin1String("--replace"))
            replace = true;
        else
            throw UsageError{QStringLiteral("profiles add: unknown option %1").arg(a)};
    }
    return replace;
}

// "row key a, b; soft delete none; created at -" for `profiles show`.
QString overrideText(const core::ConventionOverride& o) {
    auto column = [](const QString& c) { return c.isEmpty() ? QStringLiteral("none") : c; };
    QStringList parts;
    if (o.rowKey)
        parts << QStringLiteral("row key %1").arg(o.rowKey->join(QStringLiteral(", ")));
    if (o.softDelete)
        parts << (*o.softDelete == core::SoftDeleteKind::None
                      ? QStringLiteral("soft delete none")
                      : QStringLiteral("soft delete %1 (%2)")
                            .arg(o.softDeleteColumn, core::softDeleteKindName(*o.softDelete)));
    if (o.createdAtColumn)
        parts << QStringLiteral("created at %1").arg(column(*o.createdAtColumn));
    if (o.updatedAtColumn)
        parts << QStringLiteral("updated at %1").arg(column(*o.updatedAtColumn));
    if (o.labelColumn)
        parts << QStringLiteral("label %1").arg(column(*o.labelColumn));
    return parts.join(QStringLiteral("; "));
}

QList<QStringList> describe(const core::ConnectionProfile& p, bool hasPassword) {
    auto yes = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };
    QList<QStringList> rows{
        {QStringLiteral("name"), p.name},
        {QStringLiteral("dsn"), core::toDsn(p)},
        {QStringLiteral("service"), p.service},
        {QStringLiteral("host"), p.host},
        {QStringLiteral("port"), p.port ? QString::number(p.port) : QString()},
        {QStringLiteral("database"), p.database},
        {QStringLiteral("user"), p.user},
        {QStringLiteral("password"),
         hasPassword ? QStringLiteral("stored in keychain") : QStringLiteral("none")},
        {QStringLiteral("sslmode"), p.sslMode},
        {QStringLiteral("application_name"), p.applicationName},
        {QStringLiteral("connect_timeout"), QString::number(p.connectTimeoutSeconds)},
        {QStringLiteral("statement_timeout_ms"), QString::number(p.statementTimeoutMs)},
        {QStringLiteral("lock_timeout_ms"), QString::number(p.lockTimeoutMs)},
        {QStringLiteral("isolation_level"), core::isolationLevelName(p.isolation)},
        {QStringLiteral("read_only"), yes(p.readOnly)},
        {QStringLiteral("echo"), yes(p.echo)},
        {QStringLiteral("hide_parameters"), yes(p.hideParameters)},
        {QStringLiteral("pooler_mode"), core::poolerModeName(p.pooler)},
        {QStringLiteral("pool_size"), QString::number(p.pool.size)},
        {QStringLiteral("max_overflow"), QString::number(p.pool.maxOverflow)},
        {QStringLiteral("pool_timeout"), QString::number(p.pool.timeoutSeconds)},
        {QStringLiteral("pool_recycle"), QString::number(p.pool.recycleSeconds)},
        {QStringLiteral("pool_pre_ping"), yes(p.pool.prePing)},
        {QStringLiteral("pool_use_lifo"), yes(p.pool.useLifo)},
        {QStringLiteral("environment"), core::environmentName(p.environment)},
        {QStringLiteral("colour"), p.effectiveColour()},
        {QStringLiteral("folder"), p.folder},
    };
    // The command is configuration (it is in the profile file), not the secret it prints.
    if (!p.passwordCommand.isEmpty())
        rows << QStringList{QStringLiteral("password_command"), p.passwordCommand}
             << QStringList{QStringLiteral("password_command_timeout"),
                            QString::number(p.passwordCommandTimeoutSeconds)};
    if (p.authentication != core::Authentication::Password)
        rows << QStringList{QStringLiteral("authentication"), core::authenticationName(p.authentication)};
    if (!p.gssEncMode.isEmpty())
        rows << QStringList{QStringLiteral("gssencmode"), p.gssEncMode};
    if (!p.krbSrvName.isEmpty())
        rows << QStringList{QStringLiteral("krbsrvname"), p.krbSrvName};
    if (p.ssh.enabled()) {
        rows << QStringList{QStringLiteral("ssh"), p.ssh.destination()};
        if (!p.ssh.jumpHosts.isEmpty())
            rows << QStringList{QStringLiteral("ssh_jump_hosts"), p.ssh.jumpHosts.join(QLatin1Char(','))};
        if (!p.ssh.identityFile.isEmpty())
            rows << QStringList{QStringLiteral("ssh_identity_file"), p.ssh.identityFile};
        rows << QStringList{QStringLiteral("ssh_agent"), yes(p.ssh.useAgent)}
             << QStringList{QStringLiteral("ssh_host_key"), core::sshHostKeyPolicyName(p.ssh.hostKeyPolicy)};
        if (!p.ssh.configFile.isEmpty())
            rows << QStringList{QStringLiteral("ssh_config"), p.ssh.configFile};
    }
    for (auto it = p.conventionOverrides.constBegin(); it != p.conventionOverrides.constEnd(); ++it)
        rows << QStringList{QStringLiteral("conventions ") + it.key(), overrideText(it.value())};
    if (p.untrustedCommands && !p.commands().isEmpty())
        rows << QStringList{
            QStringLiteral("untrusted_commands"),
            QStringLiteral("yes: imported, they never run until `profiles trust %1`").arg(p.name)};
    return rows;
}

// Applies `profiles set-convention` options onto an override. Returns whether --no-check was given.
bool applyConventionOptions(const QStringList& args, core::ConventionOverride& o) {
    bool noCheck = false;
    bool any = false;
    auto column = [](const QString& v) { return v == QLatin1String("none") ? QString() : v; };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto value = [&] { return optionValue(args, i); };
        if (a == QLatin1String("--row-key")) {
            o.rowKey = parseColumnList(a, value());
            any = true;
        } else if (a == QLatin1String("--soft-delete")) {
            const auto [kind, col] = core::parseSoftDeleteSpec(value());
            o.softDelete = kind;
            o.softDeleteColumn = col;
            any = true;
        } else if (a == QLatin1String("--created-at")) {
            o.createdAtColumn = column(value());
            any = true;
        } else if (a == QLatin1String("--updated-at")) {
            o.updatedAtColumn = column(value());
            any = true;
        } else if (a == QLatin1String("--label-column")) {
            o.labelColumn = column(value());
            any = true;
        } else if (a == QLatin1String("--no-check")) {
            noCheck = true;
        } else {
            throw UsageError{QStringLiteral("profiles set-convention: unknown option %1").arg(a)};
        }
    }
    if (!any)
        throw UsageError{
            QStringLiteral("profiles set-convention needs --row-key, --soft-delete, --created-at, "
                           "--updated-at or --label-column")};
    return noCheck;
}

// The override key for TABLE without a catalog: "schema.table", or "public.table" for a bare name.
QString offlineKey(const QString& table) {
    const auto parts = core::splitQualifiedName(table);
    if (parts && parts->size() == 2)
        return core::conventionOverrideKey(parts->at(0), parts->at(1));
    if (parts && parts->size() == 1)
        return core::conventionOverrideKey(QStringLiteral("public"), parts->at(0));
    throw UsageError{QStringLiteral("\"%1\" is not a table name").arg(table)};
}

core::ProfileStore loadedStore(Invocation& inv) {
    core::ProfileStore store;
    store.load();
    if (!store.warning().isEmpty())
        inv.err << "pgdesk-cli: " << store.warning() << '\n';
    return store;
}

} // namespace

int cmdProfiles(Invocation& inv) {
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    if (inv.args.isEmpty())
        throw UsageError{QStringLiteral(
            "profiles needs a subcommand: list, show, add, remove, test, set-ssh-secret, import-services, "
            "export, import, trust, set-convention, clear-convention")};
    const QString sub = inv.args.first();
    const QStringList args = inv.args.mid(1);
    auto& secrets = core::SecretStore::instance();

    if (sub == QLatin1String("list")) {
        auto store = loadedStore(inv);
        if (format == Format::Json) {
            QJsonArray list;
            for (const auto& p : store.profiles())
                list.append(p.toJson());
            printJson(inv.out, list);
        } else {
            QList<QStringList> rows;
            for (const auto& p : store.profiles())
                rows << QStringList{p.name, core::toDsn(p)};
            printTable(inv.out, {QStringLiteral("name"), QStringLiteral("connection")}, rows);
        }
        return ExitOk;
    }
    if (sub == QLatin1String("show")) {
        if (args.size() != 1)
            throw UsageError{QStringLiteral("profiles show NAME")};
        auto store = loadedStore(inv);
        const auto p = store.get(args.first());
        const bool hasPassword = secrets.password(p.name).has_value();
        if (format == Format::Json) {
            QJsonObject o = p.toJson();
            o[QStringLiteral("has_password")] = hasPassword;
            printJson(inv.out, o);
        } else {
            printTable(inv.out, {QStringLiteral("field"), QStringLiteral("value")}, describe(p, hasPassword));
        }
        return ExitOk;
    }
    if (sub == QLatin1String("add")) {
        if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
            throw UsageError{
                QStringLiteral("profiles add NAME (--dsn DSN | --host … --port … --database … --user …)")};
        core::ConnectionProfile p;
        std::optional<QString> password;
        if (!inv.global.dsn.isEmpty()) {
            auto parsed = core::parseDsn(inv.global.dsn);
            p = parsed.profile;
            password = parsed.password;
        }
        p.name = args.first();
        const bool replace = applyOptions(args.mid(1), p);
        if (!inv.global.ssh.isEmpty())
            applySshOptions(inv.global.ssh, p.ssh);
        if (inv.global.passwordStdin)
            password = readPasswordFromStdin();
        p.validate();
        auto store = loadedStore(inv);
        if (store.find(p.name) && !replace)
            core::throwConfigurationError(
                QStringLiteral("name"),
                QStringLiteral("a profile named \"%1\" exists (use --replace)").arg(p.name));
        store.upsert(p);
        store.save();
        bool passwordKept = true;
        if (password) {
            secrets.setPassword(p.name, *password);
            // A fallback to memory ends with this process: for the command line the password is gone.
            passwordKept = secrets.lastError().isEmpty();
            if (!passwordKept)
                inv.err << "pgdesk-cli: the password of \"" << p.name << "\" will not be remembered: "
                        << secrets.lastError().section(QLatin1Char(';'), 0, 0)
                        << ". Put it in ~/.pgpass (host:port:database:user:password, mode 0600) or set "
                           "PGPASSWORD when you connect, or give --password-stdin each time\n";
        }
        inv.out << "profile \"" << p.name
                << (passwordKept ? "\" saved\n" : "\" saved without its password\n");
        return ExitOk;
    }
    if (sub == QLatin1String("export"))
        return profilesExport(inv, args);
    if (sub == QLatin1String("import"))
        return profilesImport(inv, args);
    if (sub == QLatin1String("trust"))
        return profilesTrust(inv, args);
    if (sub == QLatin1String("set-ssh-secret")) {
        // The SSH password or key passphrase into the keychain, from the first line of standard input.
        if (args.size() != 1)
            throw UsageError{QStringLiteral("profiles set-ssh-secret NAME (the secret on standard input)")};
        auto store = loadedStore(inv);
        const auto p = store.get(args.first());
        secrets.setPassword(core::sshSecretName(p.name), readPasswordFromStdin());
        if (!secrets.lastError().isEmpty()) {
            inv.err << "pgdesk-cli: the SSH secret of \"" << p.name
                    << "\" could not be stored: " << secrets.lastError().section(QLatin1Char(';'), 0, 0)
                    << "\n";
            return ExitUsage;
        }
        inv.out << "SSH secret of \"" << p.name << "\" stored in the keychain\n";
        return ExitOk;
    }
    if (sub == QLatin1String("remove")) {
        if (args.size() != 1)
            throw UsageError{QStringLiteral("profiles remove NAME")};
        auto store = loadedStore(inv);
        if (!store.remove(args.first()))
            core::throwError(core::ErrorKind::NotFound,
                             QStringLiteral("no profile named \"%1\"").arg(args.first()));
        store.save();
        secrets.removePassword(args.first());
        secrets.removePassword(core::sshSecretName(args.first()));
        inv.out << "profile \"" << args.first() << "\" removed\n";
        return ExitOk;
    }
    if (sub == QLatin1String("test")) {
        if (args.size() > 1)
            throw UsageError{QStringLiteral("profiles test [NAME]")};
        if (!args.isEmpty())
            inv.global.profile = args.first();
        QElapsedTimer timer;
        timer.start();
        auto c = connect(inv);
        const qint64 ms = timer.elapsed();
        const auto [user, database] = c.userAndDatabase();
        const QString who = user + QLatin1Char('@') + database;
        if (format == Format::Json) {
            printJson(inv.out, QJsonObject{{QStringLiteral("ok"), true},
                                           {QStringLiteral("server_version"), c.serverVersionString()},
                                           {QStringLiteral("connected_as"), who},
                                           {QStringLiteral("connect_ms"), ms}});
        } else {
            inv.out << "ok: " << who << ", PostgreSQL " << c.serverVersionString() << ", connected in " << ms
                    << " ms\n";
        }
        return ExitOk;
    }
    if (sub == QLatin1String("import-services")) {
        QStringList files;
        bool replace = false;
        for (const auto& a : args) {
            if (a == QLatin1String("--replace"))
                replace = true;
            else if (a.startsWith(QLatin1String("--")))
                throw UsageError{QStringLiteral("profiles import-services: unknown option %1").arg(a)};
            else
                files << a;
        }
        if (files.isEmpty())
            for (const auto& f : core::serviceFileLocations())
                if (QFileInfo::exists(f))
                    files << f;
        if (files.isEmpty())
            core::throwError(core::ErrorKind::NotFound, QStringLiteral("no pg_service.conf found"));
        auto store = loadedStore(inv);
        QList<core::ConnectionProfile> services;
        QStringList imported;
        QStringList existing;
        for (const auto& file : files)
            for (const auto& p : core::readServiceFile(file)) {
                if (imported.contains(p.name))
                    continue; // libpq uses the first file that has the service
                services << p;
                imported << p.name;
                if (store.find(p.name))
                    existing << QStringLiteral("\"%1\"").arg(p.name);
            }
        // Checked before anything is written: a profile's own settings (read-only, timeouts, database)
        // must not be lost to a service entry by accident.
        if (!existing.isEmpty() && !replace)
            core::throwConfigurationError(
                QStringLiteral("name"),
                (existing.size() == 1
                     ? QStringLiteral("a profile named %1 exists (use --replace); nothing imported")
                     : QStringLiteral("profiles named %1 exist (use --replace); nothing imported"))
                    .arg(existing.join(QStringLiteral(", "))));
        for (const auto& p : services)
            store.upsert(p);
        store.save();
        if (format == Format::Json)
            printJson(inv.out, QJsonArray::fromStringList(imported));
        else
            inv.out << "imported " << imported.size()
                    << " profile(s): " << imported.join(QStringLiteral(", ")) << '\n';
        return ExitOk;
    }
    if (sub == QLatin1String("set-convention")) {
        if (args.size() < 2 || args[0].startsWith(QLatin1String("--")) ||
            args[1].startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral(
                "profiles set-convention NAME TABLE [--row-key C1,C2] [--soft-delete "
                "deleted_at|deleted_at:COL|flag:COL|active:COL|none] [--created-at COL|none] [--updated-at "
                "COL|none] [--label-column COL|none] [--no-check]")};
        auto store = loadedStore(inv);
        core::ConnectionProfile p = store.get(args[0]);
        const QStringList options = args.mid(2);
        core::ConventionOverride scratch;
        const bool noCheck = applyConventionOptions(options, scratch); // usage errors before connecting
        // Options given replace those fields of an existing override; the others stay.
        auto merged = [&](const QString& key) {
            core::ConventionOverride o = p.conventionOverrides.value(key);
            applyConventionOptions(options, o);
            return o;
        };
        QString key = offlineKey(args[1]);
        core::ConventionOverride o = merged(key);
        bool checked = false;
        if (!noCheck) {
            // Check against the live catalog when the profile can connect; otherwise save unchecked
            // (describe checks again every time).
            std::optional<core::Connection> connection;
            try {
                inv.global.profile = p.name;
                inv.global.dsn.clear();
                connection.emplace(connect(inv));
            } catch (const core::ConnectionError& e) {
                inv.err << "pgdesk-cli: cannot connect to check the columns (" << e.message()
                        << "); saved unchecked\n";
            }
            if (connection) {
                core::TableInfo table = readTable(*connection, args[1], false);
                key = core::conventionOverrideKey(table.schema, table.name);
                o = merged(key);
                core::applyConventionOverride(table, o);
                checked = true;
            }
        }
        o.validate(key);
        p.conventionOverrides.insert(key, o);
        store.upsert(p);
        store.save();
        if (format == Format::Json)
            printJson(inv.out, QJsonObject{{QStringLiteral("profile"), p.name},
                                           {QStringLiteral("table"), key},
                                           {QStringLiteral("conventions"), o.toJson()},
                                           {QStringLiteral("checked"), checked}});
        else
            inv.out << "profile \"" << p.name << "\": conventions for " << key << " set (" << overrideText(o)
                    << ")" << (checked ? "" : ", not checked against the database") << '\n';
        return ExitOk;
    }
    if (sub == QLatin1String("clear-convention")) {
        if (args.size() != 2)
            throw UsageError{QStringLiteral("profiles clear-convention NAME TABLE")};
        auto store = loadedStore(inv);
        core::ConnectionProfile p = store.get(args[0]);
        QString key = args[1];
        if (!p.conventionOverrides.contains(key))
            key = offlineKey(args[1]);
        if (!p.conventionOverrides.remove(key))
            core::throwError(core::ErrorKind::NotFound,
                             QStringLiteral("profile \"%1\" has no conventions for %2").arg(p.name, args[1]));
        store.upsert(p);
        store.save();
        inv.out << "profile \"" << p.name << "\": conventions for " << key << " cleared\n";
        return ExitOk;
    }
    throw UsageError{QStringLiteral("unknown profiles subcommand \"%1\"").arg(sub)};
}

} // namespace pgdesk::cli
