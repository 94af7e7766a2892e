// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/sqlscratch.h>

#include "admin/loadscript.h"
#include <pgdesk/core/sqltext/sqlwords.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/param.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>

namespace pgdesk::core {

namespace {

const char* kHelperSchema = "pgdesk_scratch";

// DROP DATABASE … WITH (FORCE) is PostgreSQL 13's: before it, the database's sessions are ended first.
void dropDatabase(Connection& admin, const QString& name) {
    if (admin.serverVersion() < 130000) {
        admin.exec(
            QStringLiteral("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1"),
            Params{param(name)});
        admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoteIdentifier(name)));
        return;
    }
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdentifier(name)));
}

// Extensions that reach outside the database (other servers, server files) or run untrusted code.
const QSet<QString>& deniedExtensions() {
    static const QSet<QString> denied{
        QStringLiteral("dblink"),    QStringLiteral("postgres_fdw"), QStringLiteral("file_fdw"),
        QStringLiteral("adminpack"), QStringLiteral("plperlu"),      QStringLiteral("plpython3u"),
        QStringLiteral("plpythonu"), QStringLiteral("plpython2u"),   QStringLiteral("pltclu"),
        QStringLiteral("pg_cron"),   QStringLiteral("pg_prewarm"),   QStringLiteral("old_snapshot")};
    return denied;
}

// This machine, in the names it gives: another machine's processes are not this one's to judge gone.
QString machineTag() {
    QByteArray id = QSysInfo::machineUniqueId();
    if (id.isEmpty())
        id = QSysInfo::machineHostName().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex().left(8));
}

bool processAlive(qint64 pid) {
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

std::optional<QString> functionRefusal(const QList<SqlWord>& w) {
    static const QSet<QString> files{QStringLiteral("PG_READ_FILE"), QStringLiteral("PG_READ_BINARY_FILE"),
                                     QStringLiteral("PG_STAT_FILE")};
    static const QSet<QString> signalling{
        QStringLiteral("PG_TERMINATE_BACKEND"), QStringLiteral("PG_CANCEL_BACKEND"),
        QStringLiteral("PG_SIGNAL_BACKEND"),    QStringLiteral("PG_RELOAD_CONF"),
        QStringLiteral("PG_ROTATE_LOGFILE"),    QStringLiteral("PG_PROMOTE"),
        QStringLiteral("PG_SWITCH_WAL"),        QStringLiteral("PG_LOG_BACKEND_MEMORY_CONTEXTS")};
    for (qsizetype i = 0; i + 1 < w.size(); ++i) {
        const QString& name = w[i].name;
        if (name.isEmpty() || w[i + 1].raw != QLatin1String("("))
            continue;
        if (name.startsWith(QLatin1String("DBLINK")))
            return QStringLiteral("%1(), a connection to another database").arg(name.toLower());
        if (name.startsWith(QLatin1String("LO_")))
            return QStringLiteral("%1(), large objects (server files)").arg(name.toLower());
        if (files.contains(name) || name.startsWith(QLatin1String("PG_LS_")) ||
            name.startsWith(QLatin1String("PG_FILE_")))
            return QStringLiteral("%1(), a server file").arg(name.toLower());
        if (signalling.contains(name))
            return QStringLiteral("%1(), a signal to the server or its sessions").arg(name.toLower());
        if (name == QLatin1String("SET_CONFIG")) {
            const bool literal = i + 3 < w.size() && w[i + 2].type == SqlTokenType::String &&
                                 w[i + 3].raw == QLatin1String(",");
            const QString setting =
                literal ? w[i + 2].raw.mid(1, w[i + 2].raw.size() - 2).trimmed().toLower() : QString();
            if (!literal || setting == QLatin1String("role") ||
                setting == QLatin1String("session_authorization"))
                return QStringLiteral("set_config() of the role (or of a setting not written as a literal)");
        }
    }
    return std::nullopt;
}

std::optional<QString> refusalOf(const QString& statement) {
    const QList<SqlWord> w = sqlWords(statement);
    qsizetype k = 0;
    while (k < w.size() && w[k].raw == QLatin1String("("))
        ++k;
    if (k >= w.size())
        return std::nullopt;
    const QString& kw = w[k].keyword;
    const auto at = [&](qsizetype offset, const char* word) { return isKeyword(w, k + offset, word); };
    const bool ddl =
        kw == QLatin1String("CREATE") || kw == QLatin1String("ALTER") || kw == QLatin1String("DROP");
    if (ddl && (at(1, "ROLE") || at(1, "GROUP") || (at(1, "USER") && !at(2, "MAPPING"))))
        return QStringLiteral("%1 %2, roles are the server's").arg(kw, w[k + 1].keyword);
    if (kw == QLatin1String("REASSIGN") || (kw == QLatin1String("DROP") && at(1, "OWNED")))
        return QStringLiteral("%1 OWNED, other roles' objects").arg(kw);
    if (kw == QLatin1String("GRANT") || kw == QLatin1String("REVOKE")) {
        bool on = false;
        for (qsizetype i = k + 1; i < w.size() && !on; ++i)
            on = w[i].depth == 0 && w[i].keyword == QLatin1String("ON");
        if (!on)
            return QStringLiteral("%1 of a role, a membership on the server").arg(kw);
    }
    if (ddl && at(1, "DATABASE"))
        return QStringLiteral("%1 DATABASE").arg(kw);
    if (ddl && at(1, "TABLESPACE"))
        return QStringLiteral("%1 TABLESPACE").arg(kw);
    if (kw == QLatin1String("ALTER") && at(1, "SYSTEM"))
        return QStringLiteral("ALTER SYSTEM");
    if (kw == QLatin1String("SET") || kw == QLatin1String("RESET")) {
        if (at(1, "SESSION") && at(2, "AUTHORIZATION"))
            return QStringLiteral("%1 SESSION AUTHORIZATION").arg(kw);
        const qsizetype name = (at(1, "SESSION") || at(1, "LOCAL")) ? k + 2 : k + 1;
        if (name < w.size() &&
            (w[name].name == QLatin1String("ROLE") || w[name].name == QLatin1String("SESSION_AUTHORIZATION")))
            return QStringLiteral("%1 ROLE").arg(kw);
    }
    if (ddl && (at(1, "SERVER") || at(1, "SUBSCRIPTION") || (at(1, "USER") && at(2, "MAPPING")) ||
                (at(1, "FOREIGN") && at(2, "DATA"))))
        return QStringLiteral("%1 %2, a connection to another server").arg(kw, w[k + 1].keyword);
    if (kw == QLatin1String("CREATE")) {
        qsizetype i = k + 1;
        if (at(1, "OR") && at(2, "REPLACE"))
            i += 2;
        while (isKeyword(w, i, "TRUSTED") || isKeyword(w, i, "PROCEDURAL"))
            ++i;
        if (isKeyword(w, i, "LANGUAGE"))
            return QStringLiteral("CREATE LANGUAGE");
        if (isKeyword(w, i, "EXTENSION")) {
            qsizetype n = i + 1;
            if (isKeyword(w, n, "IF") && isKeyword(w, n + 1, "NOT") && isKeyword(w, n + 2, "EXISTS"))
                n += 3;
            if (n < w.size() && deniedExtensions().contains(w[n].name.toLower()))
                return QStringLiteral("CREATE EXTENSION %1, which reaches outside the database")
                    .arg(w[n].name.toLower());
        }
    }
    if (kw == QLatin1String("COPY"))
        for (qsizetype i = k + 1; i + 1 < w.size(); ++i)
            if (w[i].depth == 0 &&
                (w[i].keyword == QLatin1String("TO") || w[i].keyword == QLatin1String("FROM")) &&
                (w[i + 1].keyword == QLatin1String("PROGRAM") || w[i + 1].type == SqlTokenType::String))
                return QStringLiteral("COPY with a server file or program");
    if (kw == QLatin1String("LOAD"))
        return QStringLiteral("LOAD, a library into the server");
    return functionRefusal(w);
}

} // namespace

QList<PlainScriptLine> scratchRefusals(const QString& script) {
    QList<PlainScriptLine> out;
    qsizetype counted = 0;
    qint64 line = 1;
    for (const SqlStatement& s : splitStatements(script)) {
        const auto what = refusalOf(s.text);
        if (!what)
            continue;
        qsizetype start = s.offset;
        while (start < script.size() && script[start].isSpace())
            ++start;
        line += script.mid(counted, start - counted).count(QLatin1Char('\n'));
        counted = start;
        out << PlainScriptLine{line, *what};
    }
    return out;
}

struct SqlScratch::State {
    Connection* admin = nullptr;
    ConnectionProfile server;
    std::optional<QString> password;
    WriteAccess access;
    bool superuser = false;
    QString name; // of both the role and the database
    QString loaderPassword;
    QTemporaryDir folder;
    bool roleMade = false;
    bool databaseMade = false;
};

SqlScratch::SqlScratch(Connection& admin, std::optional<QString> password, WriteAccess access)
    : m_state(std::make_unique<State>()) {
    State& s = *m_state;
    s.admin = &admin;
    s.server = admin.profile();
    s.password = std::move(password);
    s.access = std::move(access);
    const Result r = admin.exec(QStringLiteral(
        "select rolsuper, rolcreaterole and rolcreatedb from pg_roles where rolname = current_user"));
    s.superuser = r.text(0, 0) == QLatin1String("t");
    if (!s.superuser && r.text(0, 1) != QLatin1String("t"))
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("without server programs here (install postgresql-%1 for a private server), "
                           "a .sql file is loaded into a scratch database of the compared server by a "
                           "role made for it: that needs CREATEROLE and CREATEDB, which %2 lacks")
                .arg(admin.serverVersion() / 10000)
                .arg(quoteIdentifier(admin.exec(QStringLiteral("select current_user")).text(0, 0))));
    if (!s.folder.isValid())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("cannot make a folder for the load file: %1").arg(s.folder.errorString()));
    static std::atomic<int> made{0};
    s.name = QStringLiteral("pgdesk_diff_%1_%2_%3")
                 .arg(machineTag())
                 .arg(QCoreApplication::applicationPid())
                 .arg(++made);
    sweep(admin, s.access);
}

SqlScratch::~SqlScratch() {
    State& s = *m_state;
    try {
        const WriteScope writing(*s.admin, s.access);
        if (s.databaseMade)
            dropDatabase(*s.admin, s.name);
        if (s.roleMade)
            s.admin->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(quoteIdentifier(s.name)));
    } catch (const Error&) {
        // A lost connection: the next scratch on that server sweeps them.
    }
}

ConnectionProfile SqlScratch::prepare(const QString& script) {
    State& s = *m_state;
    if (const QList<PlainScriptLine> refused = scratchRefusals(script); !refused.isEmpty()) {
        QStringList lines;
        for (const PlainScriptLine& l : refused)
            lines << QStringLiteral("line %1: %2").arg(l.line).arg(l.what);
        throwError(ErrorKind::Configuration,
                   QStringLiteral("the file acts beyond a scratch database (no server programs are installed "
                                  "here for a private server), so it was not loaded: %1")
                       .arg(lines.join(QStringLiteral(", "))));
    }
    Connection& admin = *s.admin;
    const WriteScope writing(admin, s.access);
    const QString role = quoteIdentifier(s.name);
    // The password never reaches the server as text: its SCRAM verifier does.
    const QByteArray random = QByteArray::number(QRandomGenerator::system()->generate64(), 36) +
                              QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    s.loaderPassword = QString::fromLatin1(random);
    admin.exec(QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION "
                              "NOBYPASSRLS NOINHERIT CONNECTION LIMIT 1 PASSWORD %2")
                   .arg(role, stringLiteral(admin.encryptPassword(s.name, s.loaderPassword))));
    s.roleMade = true;
    // Its owner keeps the user's account; the role may only connect and create in it.
    admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(role));
    s.databaseMade = true;
    admin.exec(QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(role));
    admin.exec(QStringLiteral("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %1 TO %1").arg(role));
    {
        const ConnectionProfile own =
            s.access ? unlockedProfile(readerProfile(), *s.access) : readerProfile();
        Connection c = Connection::open(own, s.password);
        if (!s.superuser) // PostgreSQL 15: to give it the schema, the user's account must be a member of it
            c.exec(QStringLiteral("GRANT %1 TO CURRENT_USER").arg(role));
        c.exec(QStringLiteral("ALTER SCHEMA public OWNER TO %1").arg(role));
        // CREATE EXTENSION where the file says, through a function creating installed extensions by name
        // (their packages' scripts, never the file's code), those that reach outside the database excepted.
        c.exec(QStringLiteral("CREATE SCHEMA %1").arg(QLatin1String(kHelperSchema)));
        c.exec(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(QLatin1String(kHelperSchema), role));
        c.exec(QStringLiteral(R"(CREATE FUNCTION %1.create_extension(name text, sch text, ver text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $f$
BEGIN
  IF $1 = ANY (%2) OR NOT EXISTS (SELECT FROM pg_available_extensions a WHERE a.name = $1) THEN
    RAISE EXCEPTION 'extension "%" is not available here', $1;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = $1) THEN
    EXECUTE format('CREATE EXTENSION %I', $1) || CASE WHEN $2 <> '' THEN format(' SCHEMA %I', $2) ELSE '' END
      || CASE WHEN $3 <> '' THEN format(' VERSION %L', $3) ELSE '' END;
  END IF;
END $f$)")
                   .arg(QLatin1String(kHelperSchema),
                        stringLiteral(QLatin1Char('{') + QStringList(deniedExtensions().values()).join(u',') +
                                      QLatin1Char('}')) +
                            QStringLiteral("::text[]")));
        c.exec(QStringLiteral("REVOKE ALL ON FUNCTION %1.create_extension(text, text, text) FROM PUBLIC")
                   .arg(QLatin1String(kHelperSchema)));
        c.exec(QStringLiteral("GRANT EXECUTE ON FUNCTION %1.create_extension(text, text, text) TO %2")
                   .arg(QLatin1String(kHelperSchema), role));
    }
    // The script as psql reads it: CREATE EXTENSION replaced by that call; owners, privileges and comments
    // on extensions (which only their owner may set) left out.
    static const QRegularExpression extensionComment(QStringLiteral("^\\s*COMMENT\\s+ON\\s+EXTENSION\\b"),
                                                     QRegularExpression::CaseInsensitiveOption);
    writeLoadScript(loadFile(), script, splitStatements(script), QLatin1String(kHelperSchema),
                    [](const SqlStatement& st) {
                        return changesOwnerOrAuthorization(st) || st.keyword == QLatin1String("GRANT") ||
                               st.keyword == QLatin1String("REVOKE") ||
                               extensionComment.match(st.text).hasMatch();
                    });
    // The role's own session in its own database: no production guard to lift (its user made it, with
    // access given), no read-only profile setting to keep.
    ConnectionProfile loader = s.server;
    loader.database = s.name;
    loader.user = s.name;
    loader.passwordCommand.clear();
    loader.environment = Environment::None;
    loader.readOnly = false;
    loader.applicationName = QStringLiteral("pgdesk scratch load");
    return loader;
}

QString SqlScratch::loaderPassword() const {
    return m_state->loaderPassword;
}

QString SqlScratch::loadFile() const {
    return m_state->folder.filePath(QStringLiteral("load.sql"));
}

ConnectionProfile SqlScratch::readerProfile() const {
    ConnectionProfile p = m_state->server;
    p.database = m_state->name;
    return p;
}

std::optional<QString> SqlScratch::readerPassword() const {
    return m_state->password;
}

QString SqlScratch::databaseName() const {
    return m_state->name;
}

void SqlScratch::finishLoad() {
    const State& s = *m_state;
    Connection c = Connection::open(s.access ? unlockedProfile(readerProfile(), *s.access) : readerProfile(),
                                    s.password);
    c.exec(QStringLiteral("DROP FUNCTION %1.create_extension(text, text, text)")
               .arg(QLatin1String(kHelperSchema)));
    c.exec(QStringLiteral("DROP SCHEMA %1").arg(QLatin1String(kHelperSchema))); // empty now: no notice
}

int SqlScratch::sweep(Connection& admin, const WriteAccess& access) {
    static const QRegularExpression mine(QStringLiteral("^pgdesk_diff_%1_(\\d+)_\\d+$").arg(machineTag()));
    const WriteScope writing(admin, access);
    int swept = 0;
    const auto gone = [](const QString& name) {
        const auto m = mine.match(name);
        return m.hasMatch() && !processAlive(m.captured(1).toLongLong());
    };
    const Result databases =
        admin.exec(QStringLiteral("select datname from pg_database where datname like 'pgdesk\\_diff\\_%'"));
    for (int row = 0; row < databases.rowCount(); ++row)
        if (gone(databases.text(row, 0))) {
            dropDatabase(admin, databases.text(row, 0));
            ++swept;
        }
    const Result roles =
        admin.exec(QStringLiteral("select rolname from pg_roles where rolname like 'pgdesk\\_diff\\_%'"));
    for (int row = 0; row < roles.rowCount(); ++row)
        if (gone(roles.text(row, 0))) {
            admin.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(quoteIdentifier(roles.text(row, 0))));
            ++swept;
        }
    return swept;
}

} // namespace pgdesk::core
