// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QString>

#include <optional>

namespace pgdesk::core {

// The most a password command may print (a token is a few KiB); more is an error.
constexpr qsizetype kPasswordCommandMaxOutput = 64 * 1024;

// Runs a profile's password command: `/bin/sh -c COMMAND` (the user's own configuration, as psql's and
// pgcli's are), standard input and standard error on /dev/null (its messages may hold the secret), in a
// process group of its own so that a timeout kills whatever it started too. Blocks the calling thread up
// to timeoutSeconds from start to exit, reading included (a worker's thread, never the GUI's: no event
// loop is needed). Reads at most kPasswordCommandMaxOutput bytes. Returns its standard output without the
// trailing newline; never logs it. Throws ConfigurationError (field "password_command") in plain words,
// never with its output or messages: "The password command failed (exit 2); … run it yourself …",
// "… timed out after 10 s", "… printed more than 64 KiB …", "… printed nothing", "… could not be
// started: …", "… was killed by a signal".
QString runPasswordCommand(const QString& command, int timeoutSeconds);

// Throws ConfigurationError (field "untrusted_commands") naming the profile's commands() and how to trust
// them when the profile was imported with commands nobody has accepted yet (untrustedCommands). Called
// before a password command runs and before an SSH tunnel reads its config file.
void requireTrustedCommands(const ConnectionProfile& profile);

// text with control and invisible formatting characters written as \n, \t or a backslash-u escape: a
// command or path shown on a terminal or in a message exactly, without the terminal acting on it.
QString printableText(const QString& text);

// The password a new connection of `profile` logs in with: the password command's output when the profile
// has one (run now: tokens are short-lived, so every new connection gets a fresh one, and the command takes
// precedence over a saved or typed password), otherwise `password`. Throws as requireTrustedCommands().
std::optional<QString> connectionPassword(const ConnectionProfile& profile,
                                          const std::optional<QString>& password);

// Whether a login the server refused should ask the user for a password: not when a password command or
// Kerberos (the ticket) provides the login, where typing a password cannot help.
bool asksForPassword(const ConnectionProfile& profile);

} // namespace pgdesk::core
