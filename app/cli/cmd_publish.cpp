// SPDX-License-Identifier: GPL-3.0-or-later
// publications create | alter | drop: a publication written as the designer writes a table (core/server/
// publishing.h), shown with the lock of each statement (--dry-run) or applied in one transaction; and what
// can be done to a subscription (create, enable, disable, refresh, skip, drop) the same way.
#include "cliapp.h"
#include "commands.h"
#include "connect.h"
#include "designrun.h"
#include "exitcodes.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/server/publishing.h>

#include <QHash>

#include <algorithm>

namespace pgdesk::cli {

namespace {

// A table as the option names it, its schema found as `describe` finds it when none is given.
core::PublishedTable resolved(core::Connection& connection, const QString& text) {
    core::PublishedTable t = core::publishedTableFromText(text);
    const QString name = (t.schema.isEmpty() ? QString() : connection.quoteIdentifier(t.schema) + u'.') +
                         connection.quoteIdentifier(t.name);
    const core::TableInfo info = readTable(connection, name, false);
    t.schema = info.schema;
    t.name = info.name;
    return t;
}

QString key(const core::PublishedTable& t) {
    return t.schema + u'.' + t.name;
}

void setPublish(core::Publication& p, const QString& list) {
    p.insert = p.update = p.deletes = p.truncate = false;
    for (const QString& part : list.split(u',', Qt::SkipEmptyParts)) {
        const QString w = part.trimmed().toLower();
        if (w == QLatin1String("insert"))
            p.insert = true;
        else if (w == QLatin1String("update"))
            p.update = true;
        else if (w == QLatin1String("delete"))
            p.deletes = true;
        else if (w == QLatin1String("truncate"))
            p.truncate = true;
        else
            throw UsageError{
                QStringLiteral("--publish takes insert, update, delete and truncate, not \"%1\"").arg(part)};
    }
}

std::optional<core::Publication> find(core::Connection& connection, const QString& name) {
    for (const core::Publication& p : core::ReplicationReader(connection).publications())
        if (p.name == name)
            return p;
    return std::nullopt;
}

} // namespace

// publications create NAME … | alter NAME … | drop NAME, each with [--dry-run] [--lock-timeout MS].
int cmdPublicationChange(Invocation& inv) {
    const QString verb = inv.args.value(0);
    const QString name = inv.args.value(1);
    if (name.isEmpty() || name.startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("publications %1 takes the publication's NAME").arg(verb)};
    StatementRun run;
    run.what = QStringLiteral("publications ") + verb;
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("publications: --format takes text or json, not \"%1\"").arg(format)};
    run.json = format == QLatin1String("json");
    QStringList tables, dropTables, schemas, dropSchemas;
    QString publish, rename, owner;
    std::optional<bool> viaRoot;
    bool allTables = false;
    const QStringList& args = inv.args;
    for (qsizetype i = 2; i < args.size(); ++i) {
        const QString& o = args[i];
        const bool create = verb == QLatin1String("create"), alter = verb == QLatin1String("alter");
        if (o == QLatin1String("--dry-run")) {
            run.dryRun = true;
        } else if (o == QLatin1String("--lock-timeout")) {
            bool ok = false;
            run.lockTimeoutMs = optionValue(args, i).toInt(&ok);
            if (!ok || run.lockTimeoutMs <= 0)
                throw UsageError{QStringLiteral("--lock-timeout takes milliseconds")};
        } else if ((create && o == QLatin1String("--table")) ||
                   (alter && o == QLatin1String("--add-table"))) {
            tables << optionValue(args, i);
        } else if ((create && o == QLatin1String("--schema")) ||
                   (alter && o == QLatin1String("--add-schema"))) {
            schemas << optionValue(args, i);
        } else if (create && o == QLatin1String("--all-tables")) {
            allTables = true;
        } else if ((create || alter) && o == QLatin1String("--publish")) {
            publish = optionValue(args, i);
        } else if ((create || alter) && o == QLatin1String("--via-root")) {
            viaRoot = true;
        } else if (alter && o == QLatin1String("--no-via-root")) {
            viaRoot = false;
        } else if ((create || alter) && o == QLatin1String("--owner")) {
            owner = optionValue(args, i);
        } else if (alter && o == QLatin1String("--drop-table")) {
            dropTables << optionValue(args, i);
        } else if (alter && o == QLatin1String("--drop-schema")) {
            dropSchemas << optionValue(args, i);
        } else if (alter && o == QLatin1String("--rename")) {
            rename = optionValue(args, i);
        } else {
            throw UsageError{QStringLiteral("publications %1: unknown option \"%2\"").arg(verb, o)};
        }
    }
    auto connection = connect(inv);
    QList<core::DesignStatement> statements;
    if (verb == QLatin1String("create")) {
        core::Publication p;
        p.name = name;
        p.allTables = allTables;
        p.schemas = schemas;
        p.owner = owner;
        p.viaRoot = viaRoot.value_or(false);
        if (!publish.isEmpty())
            setPublish(p, publish);
        for (const QString& t : std::as_const(tables))
            p.tables << resolved(connection, t);
        statements = core::createPublicationStatements(p);
    } else {
        const std::optional<core::Publication> before = find(connection, name);
        if (!before)
            core::throwError(core::ErrorKind::NotFound,
                             QStringLiteral("There is no publication \"%1\".").arg(name));
        if (verb == QLatin1String("drop")) {
            statements = core::dropPublicationStatements(name);
        } else {
            core::Publication after = *before;
            for (const QString& t : std::as_const(dropTables)) {
                const core::PublishedTable gone = resolved(connection, t);
                const qsizetype removed = after.tables.removeIf(
                    [&](const core::PublishedTable& p) { return p.listed && key(p) == key(gone); });
                if (removed == 0)
                    core::throwError(
                        core::ErrorKind::NotFound,
                        QStringLiteral("Publication \"%1\" does not name %2.").arg(name, key(gone)));
            }
            for (const QString& t : std::as_const(tables)) {
                const core::PublishedTable added = resolved(connection, t);
                after.tables.removeIf([&](const core::PublishedTable& p) { return key(p) == key(added); });
                after.tables << added; // a table named again takes its new column list and row filter
            }
            for (const QString& s : std::as_const(dropSchemas))
                if (after.schemas.removeAll(s) == 0)
                    core::throwError(
                        core::ErrorKind::NotFound,
                        QStringLiteral("Publication \"%1\" does not publish schema %2.").arg(name, s));
            for (const QString& s : std::as_const(schemas))
                if (!after.schemas.contains(s))
                    after.schemas << s;
            if (!publish.isEmpty())
                setPublish(after, publish);
            after.viaRoot = viaRoot.value_or(after.viaRoot);
            if (!owner.isEmpty())
                after.owner = owner;
            if (!rename.isEmpty())
                after.name = rename;
            statements = core::alterPublicationStatements(*before, after);
            if (statements.isEmpty()) {
                inv.err << "pgdesk-cli: publication \"" << name << "\" already is so: nothing to do\n";
                return ExitOk;
            }
        }
    }
    return runStatements(inv, connection, statements, run);
}

// subscriptions create NAME --publication P… (--publisher-profile PROFILE | --connection CONNINFO) [options]:
// the publisher's password from PROFILE's keychain entry or password command, or from standard input;
// never from the command line, where other users of the machine would read it.
int cmdSubscriptionCreate(Invocation& inv) {
    core::NewSubscription sub;
    sub.name = inv.args.value(1);
    if (sub.name.isEmpty() || sub.name.startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("subscriptions create takes the subscription's NAME")};
    StatementRun run;
    run.what = QStringLiteral("subscriptions create");
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{
            QStringLiteral("subscriptions: --format takes text or json, not \"%1\"").arg(format)};
    run.json = format == QLatin1String("json");
    QString publisherProfile;
    bool passwordFromStdin = false;
    const QStringList& args = inv.args;
    for (qsizetype i = 2; i < args.size(); ++i) {
        const QString& o = args[i];
        if (o == QLatin1String("--dry-run"))
            run.dryRun = true;
        else if (o == QLatin1String("--publication"))
            sub.publications << optionValue(args, i).split(u',', Qt::SkipEmptyParts);
        else if (o == QLatin1String("--publisher-profile"))
            publisherProfile = optionValue(args, i);
        else if (o == QLatin1String("--connection"))
            sub.connection = optionValue(args, i);
        else if (o == QLatin1String("--publisher-password-stdin"))
            passwordFromStdin = true;
        else if (o == QLatin1String("--slot-name"))
            sub.slotName = optionValue(args, i);
        else if (o == QLatin1String("--synchronous-commit"))
            sub.synchronousCommit = optionValue(args, i);
        else if (o == QLatin1String("--no-copy-data"))
            sub.copyData = false;
        else if (o == QLatin1String("--no-create-slot"))
            sub.createSlot = false;
        else if (o == QLatin1String("--disabled"))
            sub.enabled = false;
        else if (o == QLatin1String("--binary"))
            sub.binary = true;
        else if (o == QLatin1String("--streaming"))
            sub.streaming = true;
        else if (o == QLatin1String("--two-phase"))
            sub.twoPhase = true;
        else if (o == QLatin1String("--disable-on-error"))
            sub.disableOnError = true;
        else
            throw UsageError{QStringLiteral("subscriptions create: unknown option \"%1\"").arg(o)};
    }
    if (publisherProfile.isEmpty() == sub.connection.isEmpty())
        throw UsageError{QStringLiteral("subscriptions create takes the publisher as --publisher-profile "
                                        "PROFILE or --connection CONNINFO (one of them)")};
    if (passwordFromStdin && inv.global.passwordStdin)
        throw UsageError{QStringLiteral("--publisher-password-stdin and --password-stdin both read standard "
                                        "input: give the subscriber's password through its profile")};
    if (!publisherProfile.isEmpty()) {
        core::ProfileStore store;
        store.load();
        const core::ConnectionProfile publisher = store.get(publisherProfile);
        sub.connection = core::publisherConnection(publisher);
        sub.password =
            core::connectionPassword(publisher, core::SecretStore::instance().password(publisher.name));
    }
    if (passwordFromStdin)
        sub.password = readPasswordFromStdin();
    const QList<core::DesignStatement> statements = core::createSubscriptionStatements(sub);
    auto connection = connect(inv);
    return runStatements(inv, connection, statements, run);
}

// subscriptions enable | disable | refresh [--no-copy-data] | skip --lsn LSN | drop NAME [--dry-run].
int cmdSubscriptionChange(Invocation& inv) {
    const QString verb = inv.args.value(0);
    if (verb == QLatin1String("create"))
        return cmdSubscriptionCreate(inv);
    const QString name = inv.args.value(1);
    if (name.isEmpty() || name.startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("subscriptions %1 takes the subscription's NAME").arg(verb)};
    static const QHash<QString, core::SubscriptionAction> kActions{
        {QStringLiteral("enable"), core::SubscriptionAction::Enable},
        {QStringLiteral("disable"), core::SubscriptionAction::Disable},
        {QStringLiteral("refresh"), core::SubscriptionAction::Refresh},
        {QStringLiteral("skip"), core::SubscriptionAction::Skip},
        {QStringLiteral("drop"), core::SubscriptionAction::Drop}};
    const core::SubscriptionAction action = kActions.value(verb);
    StatementRun run;
    run.what = QStringLiteral("subscriptions ") + verb;
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{
            QStringLiteral("subscriptions: --format takes text or json, not \"%1\"").arg(format)};
    run.json = format == QLatin1String("json");
    QString lsn;
    bool copyData = true;
    const QStringList& args = inv.args;
    for (qsizetype i = 2; i < args.size(); ++i) {
        const QString& o = args[i];
        if (o == QLatin1String("--dry-run"))
            run.dryRun = true;
        else if (action == core::SubscriptionAction::Skip && o == QLatin1String("--lsn"))
            lsn = optionValue(args, i);
        else if (action == core::SubscriptionAction::Refresh && o == QLatin1String("--no-copy-data"))
            copyData = false;
        else
            throw UsageError{QStringLiteral("subscriptions %1: unknown option \"%2\"").arg(verb, o)};
    }
    if (action == core::SubscriptionAction::Skip && lsn.isEmpty())
        throw UsageError{QStringLiteral("subscriptions skip takes --lsn LSN: where the failing transaction "
                                        "finished, as the subscriber's log says")};
    const QList<core::DesignStatement> statements = core::subscriptionStatements(name, action, lsn, copyData);
    auto connection = connect(inv);
    const QList<core::Subscription> subs = core::ReplicationReader(connection).subscriptions();
    if (std::none_of(subs.begin(), subs.end(), [&](const core::Subscription& s) { return s.name == name; }))
        core::throwError(core::ErrorKind::NotFound,
                         QStringLiteral("There is no subscription \"%1\" in this database.").arg(name));
    return runStatements(inv, connection, statements, run);
}

} // namespace pgdesk::cli
