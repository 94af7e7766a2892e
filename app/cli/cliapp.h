// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace pgdesk::cli {

// Raised for wrong command-line use; exits 2 with the message and a pointer to --help.
struct UsageError {
    QString message;
};

// The value after the option at args[i], moving i onto it; "OPTION needs a value" (exit 2) when there is
// none.
QString optionValue(const QStringList& args, qsizetype& i);

// Opens `path` for reading, "-" meaning standard input; false (with file.errorString()) when it cannot.
bool openInput(QFile& file, const QString& path);

// Options every command understands, parsed before the command name.
struct GlobalOptions {
    QString profile;  // --profile NAME
    QString dsn;      // --dsn DSN
    QString database; // --database DB: another database of the profile's (or DSN's) server
    QString format;   // --format table|csv|json (commands may accept more)
    bool passwordStdin = false;
    bool allowWrite =
        false;       // --allow-write: unlocks writing on a production profile (the guard, writeunlock.h)
    QStringList ssh; // --ssh* options with their values, in order (sshoptions.h), over the profile's
};

// What a command gets: its own arguments (after the command name) and the global options.
struct Invocation {
    QStringList args;
    GlobalOptions global;
    QTextStream& out;
    QTextStream& err;
};

// Qt's own debug, info and warning messages (an unset XDG_RUNTIME_DIR, a font it could not find) are not the
// command's: a command-line tool prints only its own messages, so they are dropped; PgDesk's categories
// (pgdesk.sql, a profile's echo) and critical and fatal ones still reach standard error. QT_LOGGING_RULES set
// in the environment keeps Qt's default output (debugging).
void keepQtMessagesOwn();

// Runs pgdesk-cli with the arguments after the program name; returns the exit code.
int run(const QStringList& arguments);

QString helpText();

} // namespace pgdesk::cli
