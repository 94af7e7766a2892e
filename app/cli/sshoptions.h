// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/sshsettings.h>

#include <QStringList>

namespace pgdesk::cli {

// --ssh DEST, --ssh-identity FILE, --ssh-jump H1,H2, --ssh-agent, --ssh-no-agent, --ssh-config FILE,
// --ssh-host-key ask|strict: shared by the global options (any command, over a profile's or for a DSN)
// and `profiles add`.
bool isSshOption(const QString& option);
bool sshOptionTakesValue(const QString& option);
// Applies options (with their values, as collected) onto settings; ConfigurationError for bad values.
void applySshOptions(const QStringList& options, core::SshSettings& settings);
// The CLI's answers to ssh's questions: the terminal (/dev/tty, no echo for secrets) when there is one;
// without one a secret is cancelled and an unknown host key refused, saying so on standard error.
void installTerminalPrompter();

} // namespace pgdesk::cli
