// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/sqltext/sqlwords.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/sqltext/secretmask.h>

#include <QSet>

namespace pgdesk::core {

namespace {

using Token = SqlWord;

bool isWord(const QList<Token>& tokens, qsizetype i, const char* word) {
    return isKeyword(tokens, i, word);
}

// default_transaction_read_only or transaction_read_only, however written (quoted, in a literal).
bool namesReadOnlySetting(const Token& t) {
    return t.type != SqlTokenType::Number && t.type != SqlTokenType::Operator &&
           t.raw.contains(QLatin1String("transaction_read_only"), Qt::CaseInsensitive);
}

bool hasReadWrite(const QList<Token>& tokens, qsizetype from) {
    for (qsizetype i = from; i + 1 < tokens.size(); ++i)
        if (isWord(tokens, i, "READ") && isWord(tokens, i + 1, "WRITE"))
            return true;
    return false;
}

// COPY … {TO|FROM} {PROGRAM|'file'} at the statement's own level: only STDIN/STDOUT stay with the client.
std::optional<QString> copyRefusal(const QList<Token>& tokens, qsizetype k) {
    for (qsizetype i = k + 1; i + 1 < tokens.size(); ++i) {
        if (tokens[i].depth != 0 || !(isWord(tokens, i, "TO") || isWord(tokens, i, "FROM")))
            continue;
        if (isWord(tokens, i + 1, "PROGRAM"))
            return QStringLiteral("COPY … PROGRAM runs a program on the database server");
        if (tokens[i + 1].type == SqlTokenType::String)
            return QStringLiteral("COPY with a file name reads or writes a file on the database server");
        return std::nullopt;
    }
    return std::nullopt;
}

// A refusal and whether the statement acts outside its own transaction (a rollback does not undo it), as
// opposed to turning the session writable or maintenance, which a rolled-back trace may run.
struct Refusal {
    QString reason;
    bool outside = true;
};

// Functions a read-only transaction does not stop from acting outside it.
std::optional<Refusal> functionRefusal(const QList<Token>& tokens) {
    static const QSet<QString> files{QStringLiteral("LO_IMPORT"),      QStringLiteral("LO_EXPORT"),
                                     QStringLiteral("PG_FILE_WRITE"),  QStringLiteral("PG_FILE_RENAME"),
                                     QStringLiteral("PG_FILE_UNLINK"), QStringLiteral("PG_FILE_SYNC"),
                                     QStringLiteral("PG_READ_FILE"),   QStringLiteral("PG_READ_BINARY_FILE"),
                                     QStringLiteral("PG_LS_DIR"),      QStringLiteral("PG_STAT_FILE")};
    static const QSet<QString> server{QStringLiteral("PG_RELOAD_CONF"), QStringLiteral("PG_PROMOTE"),
                                      QStringLiteral("PG_ROTATE_LOGFILE"), QStringLiteral("PG_SWITCH_WAL")};
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.name.isEmpty() || tokens[i + 1].raw != QLatin1String("("))
            continue;
        const QString& name = t.name;
        if (name.startsWith(QLatin1String("DBLINK")))
            return Refusal{QStringLiteral("%1() opens another connection, which the guard does not cover")
                               .arg(name.toLower())};
        if (files.contains(name))
            return Refusal{
                QStringLiteral("%1() reads or writes a file on the database server").arg(name.toLower())};
        if (name == QLatin1String("PG_NOTIFY"))
            return Refusal{
                QStringLiteral("pg_notify() sends a notification other sessions act on, which PostgreSQL "
                               "allows in a read-only transaction")};
        if (name == QLatin1String("PG_TERMINATE_BACKEND") || name == QLatin1String("PG_CANCEL_BACKEND"))
            return Refusal{QStringLiteral("%1() signals another session").arg(name.toLower())};
        if (server.contains(name))
            return Refusal{QStringLiteral("%1() acts on the whole server").arg(name.toLower())};
        if (name == QLatin1String("SET_CONFIG")) {
            if (!(i + 3 < tokens.size() && tokens[i + 2].type == SqlTokenType::String &&
                  tokens[i + 3].raw == QLatin1String(",")))
                return Refusal{
                    QStringLiteral("set_config() with a setting name that is not a plain literal may "
                                   "turn the read-only setting off"),
                    false};
            if (namesReadOnlySetting(tokens[i + 2]))
                return Refusal{QStringLiteral("it changes the read-only setting the guard relies on"), false};
        }
    }
    return std::nullopt;
}

} // namespace

namespace {

std::optional<Refusal> refusalOf(const QString& statement) {
    const QList<Token> tokens = sqlWords(statement);
    qsizetype k = 0;
    while (k < tokens.size() && tokens[k].raw == QLatin1String("("))
        ++k;
    if (k >= tokens.size() || tokens[k].type != SqlTokenType::Word)
        return functionRefusal(tokens);
    const QString& kw = tokens[k].keyword;
    const auto next = [&](qsizetype offset, const char* word) { return isWord(tokens, k + offset, word); };
    if ((kw == QLatin1String("BEGIN") || kw == QLatin1String("START")) && hasReadWrite(tokens, k + 1))
        return Refusal{QStringLiteral("it opens a read-write transaction"), false};
    if (kw == QLatin1String("SET") || kw == QLatin1String("RESET")) {
        const qsizetype name = (next(1, "SESSION") || next(1, "LOCAL")) ? k + 2 : k + 1;
        if (name < tokens.size() && namesReadOnlySetting(tokens[name]))
            return Refusal{QStringLiteral("it changes the read-only setting the guard relies on"), false};
        if (next(1, "TRANSACTION") && hasReadWrite(tokens, k + 2))
            return Refusal{QStringLiteral("it makes the transaction read-write"), false};
        if (next(1, "SESSION") && next(2, "CHARACTERISTICS"))
            return Refusal{QStringLiteral("it changes the session's default transaction mode"), false};
    }
    if (kw == QLatin1String("ALTER") && next(1, "SYSTEM"))
        return Refusal{QStringLiteral("ALTER SYSTEM changes the server's configuration, even in a read-only "
                                      "transaction")};
    if (kw == QLatin1String("COPY"))
        if (auto reason = copyRefusal(tokens, k))
            return Refusal{*reason};
    if (kw == QLatin1String("DO") || kw == QLatin1String("CALL"))
        return Refusal{
            QStringLiteral("%1 may commit inside and start a transaction that writes, and runs what "
                           "no lexer sees")
                .arg(kw)};
    static const QSet<QString> maintenance{QStringLiteral("VACUUM"),  QStringLiteral("ANALYZE"),
                                           QStringLiteral("ANALYSE"), QStringLiteral("CLUSTER"),
                                           QStringLiteral("REINDEX"), QStringLiteral("CHECKPOINT")};
    if (maintenance.contains(kw))
        return Refusal{
            QStringLiteral("%1 is maintenance, which PostgreSQL runs in a read-only transaction too").arg(kw),
            false};
    if (kw == QLatin1String("NOTIFY"))
        return Refusal{
            QStringLiteral("NOTIFY sends a notification other sessions act on, which PostgreSQL allows "
                           "in a read-only transaction")};
    if (kw == QLatin1String("LOAD"))
        return Refusal{QStringLiteral("LOAD loads a library into the server")};
    return functionRefusal(tokens);
}

} // namespace

std::optional<QString> guardRefusal(const QString& statement) {
    if (auto r = refusalOf(statement))
        return r->reason;
    return std::nullopt;
}

std::optional<QString> actsOutsideTransaction(const QString& statement) {
    if (auto r = refusalOf(statement); r && r->outside)
        return r->reason;
    return std::nullopt;
}

std::optional<GuardRefusal> firstGuardRefusal(const QList<SqlStatement>& statements) {
    for (qsizetype i = 0; i < statements.size(); ++i)
        if (auto reason = guardRefusal(statements[i].text))
            return GuardRefusal{int(i), statements[i].offset, statements[i].text, *reason};
    return std::nullopt;
}

void throwGuardRefusal(const QString& profileName, const GuardRefusal& refusal, int count, int line) {
    QString where = QStringLiteral("the statement");
    if (count > 1)
        where = QStringLiteral("statement %1 of %2").arg(refusal.index + 1).arg(count);
    if (line > 0)
        where += QStringLiteral(" (line %1)").arg(line);
    QString shown = maskStatementSecrets(refusal.statement).simplified(); // a refused CREATE ROLE … PASSWORD
    if (shown.size() > 80)
        shown = shown.left(79) + QChar(0x2026);
    ErrorInfo info;
    info.kind = ErrorKind::Configuration;
    info.field = QLatin1String(kWriteGuardField);
    info.statement = maskStatementSecrets(refusal.statement);
    const QString profile = profileName.isEmpty()
                                ? QStringLiteral("a production profile")
                                : QStringLiteral("production profile \"%1\"").arg(profileName);
    info.message =
        QStringLiteral("%1, \"%2\", is refused on %3 while writing is locked: %4; nothing was sent")
            .arg(where, shown, profile, refusal.reason);
    throwError(std::move(info));
}

void throwWriteGuarded(const ConnectionProfile& profile, const QString& what) {
    ErrorInfo info;
    info.kind = ErrorKind::Configuration;
    info.field = QLatin1String(kWriteGuardField);
    const QString name =
        profile.name.isEmpty() ? QStringLiteral("this profile") : QStringLiteral("\"%1\"").arg(profile.name);
    info.message = QStringLiteral("%1 is a production profile: %2 needs writing unlocked; nothing was sent")
                       .arg(name, what);
    throwError(std::move(info));
}

} // namespace pgdesk::core
