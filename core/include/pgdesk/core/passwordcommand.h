#pragma once

#include <pgdesk/core/connectionprofile.h>

#include <QString>

#include <optional>

namespace pgdesk::core {

// Runs a profile's password command: `/bin/sh -c COMMAND` (the user's own configuration, as psql's and
// pgcli's are), standard input from /dev/null, in a process group of its own so that a timeout kills
// whatever it started too. Blocks the calling thread up to timeoutSeconds (a worker's, never the GUI's:
// no event loop is needed). Returns its standard output without the trailing newline; never logs it.
// Throws ConfigurationError (field "password_command") in plain words, never with the output:
// "The password command failed (exit 2): <first line of its standard error>", "… timed out after 10 s",
// "… printed nothing", "… could not be started: …", "… was killed by a signal".
QString runPasswordCommand(const QString& command, int timeoutSeconds);

// The password a new connection of `profile` logs in with: the password command's output when the profile
// has one (run now: tokens are short-lived, so every new connection gets a fresh one, and the command takes
// precedence over a saved or typed password), otherwise `password`.
std::optional<QString> connectionPassword(const ConnectionProfile& profile,
                                          const std::optional<QString>& password);

// Whether a login the server refused should ask the user for a password: not when a password command or
// Kerberos (the ticket) provides the login, where typing a password cannot help.
bool asksForPassword(const ConnectionProfile& profile);

} // namespace pgdesk::core
