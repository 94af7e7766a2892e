// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/connectionwork.h"

#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/ui/connect/connectiondialog.h>

#include <QElapsedTimer>
#include <QUrl>

#include <tuple>

namespace pgdesk::ui {

namespace {

using PasswordState = ProfileEditor::PasswordState;

QString plainWords(core::ErrorKind kind) {
    using core::ErrorKind;
    switch (kind) {
    case ErrorKind::Connection:
        return ConnectionDialog::tr("Could not reach the server. Check the host and port, and that the "
                                    "server is running and accepts connections.");
    case ErrorKind::Authentication:
        return ConnectionDialog::tr("The server refused the login. Check the user name and the password.");
    case ErrorKind::Configuration:
        return ConnectionDialog::tr("A connection setting is not valid.");
    case ErrorKind::PermissionDenied:
        return ConnectionDialog::tr("This user may not connect to this database.");
    case ErrorKind::NotFound:
        return ConnectionDialog::tr("The database or the user does not exist.");
    case ErrorKind::QueryCanceled:
        return ConnectionDialog::tr("The server cancelled the test query (statement timeout).");
    case ErrorKind::PoolTimeout:
        return ConnectionDialog::tr("No connection became free in time.");
    default:
        return ConnectionDialog::tr("The server reported an error.");
    }
}

// libpq puts a second sentence on its own tab-indented line; a label reads better with one line.
QString oneLine(const QString& message) {
    QString text;
    for (const QString& line : message.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString part = line.trimmed();
        if (part.isEmpty())
            continue;
        if (!text.isEmpty())
            text += QStringLiteral(".?!:").contains(text.back()) ? QStringLiteral(" ") : QStringLiteral(". ");
        text += part;
    }
    return text;
}

} // namespace

ConnectionTestOutcome runConnectionTest(const core::ConnectionProfile& profile,
                                        const std::optional<QString>& typed, const QString& savedAs) {
    ConnectionTestOutcome outcome;
    QElapsedTimer timer;
    timer.start();
    try {
        std::optional<QString> password = typed;
        if (!password && !savedAs.isEmpty())
            password = core::SecretStore::instance().password(savedAs);
        core::Connection connection = core::Connection::open(profile, password);
        std::tie(outcome.user, outcome.database) = connection.userAndDatabase();
        outcome.ok = true;
        outcome.version = connection.serverVersionString();
    } catch (const core::Error& e) {
        outcome.kind = e.kind();
        outcome.message = e.message();
        outcome.sqlState = e.sqlState();
        outcome.sshFailed = core::isSshFailure(e.info());
    }
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

QString describeTestOutcome(const ConnectionTestOutcome& outcome) {
    if (outcome.ok)
        return ConnectionDialog::tr("Connected to PostgreSQL %1 as %2, database %3 (%4 ms).")
            .arg(outcome.version, outcome.user, outcome.database)
            .arg(outcome.elapsedMs);
    QString details = oneLine(outcome.message);
    if (!outcome.sqlState.isEmpty())
        details += QLatin1Char(' ') + ConnectionDialog::tr("(SQLSTATE %1)").arg(outcome.sqlState);
    // The SSH error's first words name the hop ("SSH authentication failed: …"); the database's host and
    // port were not even tried.
    if (outcome.sshFailed)
        return ConnectionDialog::tr(
                   "The SSH tunnel could not be opened; PgDesk did not reach the database.") +
               QLatin1Char('\n') + details;
    return plainWords(outcome.kind) + QLatin1Char('\n') + details;
}

PasswordOutcome storeProfilePassword(const QString& oldName, const QString& name,
                                     const std::optional<QString>& typed, bool keep, bool wasKeychain) {
    auto& secrets = core::SecretStore::instance();
    std::optional<QString> password = typed;
    bool changed = typed.has_value();
    if (oldName != name) { // the password follows a renamed profile
        if (const auto previous = secrets.password(oldName)) {
            secrets.removePassword(oldName);
            if (!password)
                password = previous;
            changed = true;
        }
    }
    if (!password && keep && !wasKeychain) { // ticked now: keep what this session holds
        password = secrets.password(name);
        changed = password.has_value();
    }
    PasswordOutcome outcome;
    if (password && changed) {
        secrets.setPassword(name, *password, keep);
        outcome.error = secrets.lastError();
    } else if (!keep && wasKeychain) {
        secrets.removePassword(name); // unticked: the saved copy goes
        outcome.error = secrets.lastError();
    }
    if (!secrets.password(name))
        outcome.state = PasswordState::None;
    else if (changed)
        outcome.state = keep && outcome.error.isEmpty() ? PasswordState::Keychain : PasswordState::Session;
    else
        outcome.state = wasKeychain ? PasswordState::Keychain : PasswordState::Session;
    return outcome;
}

QString withoutSecret(QString message, const QString& dsn) {
    const QString masked = core::maskDsnPassword(dsn);
    if (masked == dsn)
        return message;
    // The secret is what masking replaced: the part between the common prefix and suffix.
    qsizetype prefix = 0;
    while (prefix < dsn.size() && prefix < masked.size() && dsn[prefix] == masked[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < dsn.size() - prefix && suffix < masked.size() - prefix &&
           dsn[dsn.size() - 1 - suffix] == masked[masked.size() - 1 - suffix])
        ++suffix;
    const QString secret = dsn.mid(prefix, dsn.size() - prefix - suffix);
    const QString stars = QStringLiteral("********");
    for (const QString& form : {secret, QUrl::fromPercentEncoding(secret.toUtf8())})
        if (!form.isEmpty())
            message.replace(form, stars);
    return message;
}

} // namespace pgdesk::ui
