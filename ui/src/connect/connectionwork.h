// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The blocking half of the connection manager: what its worker threads run (a test connection, keychain
// writes) and the plain values they hand back to the GUI thread.

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/ui/connect/profileeditor.h>

#include <QString>

#include <optional>

namespace pgdesk::ui {

struct ConnectionTestOutcome {
    bool ok = false;
    QString version; // server_version, e.g. "15.20 (Debian 15.20-0+deb12u1)"
    QString user;
    QString database;
    core::ErrorKind kind = core::ErrorKind::Connection;
    QString message;
    QString sqlState;
    bool sshFailed = false; // the SSH tunnel failed: its hop, not the server, is the news
    qint64 elapsedMs = 0;
};

// Connects once with `profile` (password: `typed`, else the one stored for `savedAs`) and asks who it is.
// Blocking: worker threads only. Core errors come back as values, never thrown.
ConnectionTestOutcome runConnectionTest(const core::ConnectionProfile& profile,
                                        const std::optional<QString>& typed, const QString& savedAs);
// The outcome for people: the server version, or the error kind in plain words with libpq's message.
QString describeTestOutcome(const ConnectionTestOutcome& outcome);

struct PasswordOutcome {
    ProfileEditor::PasswordState state = ProfileEditor::PasswordState::None;
    QString error; // SecretStore::lastError(): why the keychain was not used
};

// Stores the password of a profile just saved as `name` (formerly `oldName`): a typed one goes to the
// keychain when `keep`, else to this session's memory (and any keychain copy goes); a renamed profile's
// password moves along; unticking (`!keep` with `wasKeychain`) removes the saved copy. Blocking: worker
// threads only.
PasswordOutcome storeProfilePassword(const QString& oldName, const QString& name,
                                     const std::optional<QString>& typed, bool keep, bool wasKeychain);

// `message` with any password that `dsn` carries replaced by ********: libpq quotes the parts of a DSN
// it cannot read.
QString withoutSecret(QString message, const QString& dsn);

} // namespace pgdesk::ui
