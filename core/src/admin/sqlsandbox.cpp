// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/sqlsandbox.h>

#include "admin/loadscript.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pgdesk::core {

namespace {

constexpr int kPort = 5432; // only names the socket file, in a folder of the sandbox's own
const char* kSuperuser = "pgdesk_sandbox";
const char* kLoader = "pgdesk_load";
const char* kDatabase = "compare";
const char* kPrefix = "pgdesk-sandbox-";

[[noreturn]] void fail(const QString& message) {
    throwError(ErrorKind::Configuration, message);
}

// initdb and postgres of the wanted major version, else of the newest installed one; empty: none.
QString findServerBinaries(int serverVersion) {
    const QString forced = qEnvironmentVariable("PGDESK_SANDBOX_PGBIN");
    QStringList folders;
    if (!forced.isNull()) {
        folders << forced;
    } else {
        QList<int> majors;
        for (const QString& name : QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs))
            if (const int major = name.toInt(); major > 0)
                majors << major;
        std::sort(majors.begin(), majors.end(), std::greater<>());
        const int wanted = serverVersion / 10000;
        if (majors.contains(wanted))
            majors.move(majors.indexOf(wanted), 0);
        for (const int major : majors)
            folders << QStringLiteral("/usr/lib/postgresql/%1/bin").arg(major);
    }
    for (const QString& folder : folders)
        if (QFileInfo(folder + QStringLiteral("/initdb")).isExecutable() &&
            QFileInfo(folder + QStringLiteral("/postgres")).isExecutable())
            return folder;
    return {};
}

QString serverBinaries(int serverVersion) {
    if (QString folder = findServerBinaries(serverVersion); !folder.isEmpty())
        return folder;
    fail(QStringLiteral(
             "a .sql file is loaded into a private PostgreSQL server of its own, never into yours, and "
             "no server programs are installed here (initdb, postgres): install postgresql-%1")
             .arg(serverVersion > 0 ? serverVersion / 10000 : 15));
}

bool processAlive(pid_t pid) {
    return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
}

// The postmaster of a sandbox folder, when it still runs on that folder's data.
pid_t postmasterOf(const QString& dir) {
    QFile file(dir + QStringLiteral("/data/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const pid_t pid = pid_t(file.readLine().trimmed().toLong());
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (pid <= 0 || !cmdline.open(QIODevice::ReadOnly) || !cmdline.readAll().contains(dir.toLocal8Bit()))
        return 0; // gone, or the number now belongs to another process
    return pid;
}

void stopAndRemove(const QString& dir) {
    if (const pid_t pid = postmasterOf(dir)) {
        ::kill(pid, SIGQUIT); // immediate shutdown: nothing in it is worth keeping
        for (int i = 0; i < 100 && processAlive(pid); ++i)
            QThread::msleep(20);
        if (processAlive(pid))
            ::kill(pid, SIGKILL);
    }
    QDir(dir).removeRecursively();
}

} // namespace

struct SqlSandbox::State {
    QString bin;
    QString dir;
    QString versionText;
    bool asPostgresUser = false; // started by root: the server runs as the postgres account
    uid_t uid = 0;
    gid_t gid = 0;
    QProcess server;

    // A program of the server packages, run as the account that owns the folder; it dies with us.
    void prepareChild(QProcess& p, int deathSignal) const {
        QProcessEnvironment env;
        for (const QString& key : QProcessEnvironment::systemEnvironment().keys())
            if (!key.startsWith(QLatin1String("PG")) && key != QLatin1String("LD_PRELOAD"))
                env.insert(key, QProcessEnvironment::systemEnvironment().value(key));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.setChildProcessModifier(
            [as = asPostgresUser, uid = uid, gid = gid, deathSignal, parent = ::getpid()] {
                sigset_t none;
                sigemptyset(&none);
                sigprocmask(SIG_SETMASK, &none, nullptr);
                ::umask(077);
                if (as && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
                    ::_exit(126);
                ::prctl(PR_SET_PDEATHSIG, deathSignal);
                if (::getppid() != parent)
                    ::_exit(127);
            });
    }

    ConnectionProfile profile(const char* user, const char* database) const {
        ConnectionProfile p;
        p.name = QStringLiteral("sandbox");
        p.host = dir;
        p.port = kPort;
        p.user = QString::fromLatin1(user);
        p.database = QString::fromLatin1(database);
        p.applicationName = QStringLiteral("pgdesk sandbox");
        return p;
    }
};

SqlSandbox::SqlSandbox(int serverVersion)
    : m_state(std::make_unique<State>()) {
    sweep();
    State& s = *m_state;
    s.bin = serverBinaries(serverVersion);
    // A short path: the socket's (folder + /.s.PGSQL.5432) must fit in 107 bytes.
    QString base = QDir::tempPath();
    if (base.size() > 60)
        base = QStringLiteral("/tmp");
    QByteArray templ =
        QFile::encodeName(base + QLatin1Char('/') + QLatin1String(kPrefix) +
                          QString::number(QCoreApplication::applicationPid()) + QStringLiteral("-XXXXXX"));
    if (!::mkdtemp(templ.data())) // 0700
        fail(QStringLiteral("cannot make a folder for the private server in %1: %2")
                 .arg(base, QString::fromLocal8Bit(std::strerror(errno))));
    s.dir = QFile::decodeName(templ);
    if (::geteuid() == 0) {
        // PostgreSQL refuses to run as root: the postgres account of the server packages runs it.
        const passwd* pw = ::getpwnam("postgres");
        if (!pw || ::chown(templ.constData(), pw->pw_uid, pw->pw_gid) != 0) {
            QDir(s.dir).removeRecursively();
            fail(QStringLiteral(
                "running as root, the private server needs the postgres account (installed with "
                "the PostgreSQL server packages)"));
        }
        s.asPostgresUser = true;
        s.uid = pw->pw_uid;
        s.gid = pw->pw_gid;
    }
    try {
        QProcess initdb;
        s.prepareChild(initdb, SIGKILL);
        initdb.setProcessChannelMode(QProcess::MergedChannels);
        initdb.start(s.bin + QStringLiteral("/initdb"),
                     {QStringLiteral("-D"), s.dir + QStringLiteral("/data"), QStringLiteral("-U"),
                      QString::fromLatin1(kSuperuser), QStringLiteral("-A"), QStringLiteral("trust"),
                      QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                      QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")});
        if (!initdb.waitForFinished(180000) || initdb.exitStatus() != QProcess::NormalExit ||
            initdb.exitCode() != 0)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("initdb of the private server failed: %1")
                           .arg(QString::fromLocal8Bit(initdb.readAll()).trimmed()));
        // No TCP; the socket in the 0700 folder; nothing written that is not needed for a schema.
        s.prepareChild(s.server, SIGQUIT);
        // Its messages go to a file: a pipe nobody reads would fill with a long load's errors and stop it.
        const QString log = s.dir + QStringLiteral("/server.log");
        s.server.setStandardOutputFile(log);
        s.server.setStandardErrorFile(log, QIODevice::Append);
        s.server.start(s.bin + QStringLiteral("/postgres"),
                       {QStringLiteral("-D"), s.dir + QStringLiteral("/data"),
                        QStringLiteral("-k"), s.dir,
                        QStringLiteral("-p"), QString::number(kPort),
                        QStringLiteral("-c"), QStringLiteral("listen_addresses="),
                        QStringLiteral("-c"), QStringLiteral("unix_socket_permissions=0700"),
                        QStringLiteral("-c"), QStringLiteral("fsync=off"),
                        QStringLiteral("-c"), QStringLiteral("full_page_writes=off"),
                        QStringLiteral("-c"), QStringLiteral("synchronous_commit=off"),
                        QStringLiteral("-c"), QStringLiteral("max_connections=20"),
                        QStringLiteral("-c"), QStringLiteral("shared_buffers=32MB"),
                        QStringLiteral("-c"), QStringLiteral("logging_collector=off"),
                        QStringLiteral("-c"), QStringLiteral("max_wal_senders=0"),
                        QStringLiteral("-c"), QStringLiteral("wal_level=minimal")});
        const QDeadlineTimer deadline(60000);
        for (;;) {
            if (s.server.state() == QProcess::NotRunning) {
                QFile messages(log);
                messages.open(QIODevice::ReadOnly);
                throwError(ErrorKind::Configuration,
                           QStringLiteral("the private server did not start: %1")
                               .arg(QString::fromLocal8Bit(messages.readAll()).trimmed()));
            }
            try {
                Connection c = Connection::open(s.profile(kSuperuser, "postgres"));
                s.versionText =
                    c.exec(QStringLiteral("show server_version")).text(0, 0).section(QLatin1Char(' '), 0, 0);
                break;
            } catch (const Error&) {
                if (deadline.hasExpired())
                    throw;
                s.server.waitForFinished(50);
            }
        }
    } catch (...) {
        m_state.reset();
        stopAndRemove(QFile::decodeName(templ));
        throw;
    }
}

bool SqlSandbox::available(int serverVersion) {
    return !findServerBinaries(serverVersion).isEmpty();
}

SqlSandbox::~SqlSandbox() {
    if (!m_state)
        return;
    State& s = *m_state;
    if (s.server.state() != QProcess::NotRunning) {
        ::kill(pid_t(s.server.processId()), SIGQUIT);
        if (!s.server.waitForFinished(5000)) {
            s.server.kill();
            s.server.waitForFinished(2000);
        }
    }
    QDir(s.dir).removeRecursively();
}

ConnectionProfile SqlSandbox::prepare(const QString& script, const QStringList& roles) {
    const State& s = *m_state;
    const QList<SqlStatement> statements = splitStatements(script);
    {
        Connection c = Connection::open(s.profile(kSuperuser, "postgres"));
        c.exec(QStringLiteral(
                   "CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS")
                   .arg(QLatin1String(kLoader)));
        QSet<QString> made{QString::fromLatin1(kSuperuser), QString::fromLatin1(kLoader)};
        QString rolesScript; // one round trip for all: a server's roles may be thousands
        for (const QString& role : roles + rolesNamedBy(statements)) {
            if (made.contains(role) || role.startsWith(QLatin1String("pg_")) || role.isEmpty())
                continue;
            made.insert(role);
            rolesScript += QStringLiteral("CREATE ROLE %1 NOLOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB;\n"
                                          "GRANT %1 TO %2;\n")
                               .arg(quoteIdentifier(role), QLatin1String(kLoader));
        }
        if (!rolesScript.isEmpty())
            c.exec(rolesScript);
        c.exec(QStringLiteral("CREATE DATABASE %1 OWNER %2")
                   .arg(QLatin1String(kDatabase), QLatin1String(kLoader)));
    }
    {
        // CREATE EXTENSION needs a superuser for most extensions: the loading role calls a function that
        // creates one of the installed extensions (vetted files of this machine, never the script's code)
        // and makes the role its owner, so COMMENT ON EXTENSION works as from a dump.
        Connection c = Connection::open(s.profile(kSuperuser, kDatabase));
        c.exec(QStringLiteral("CREATE SCHEMA pgdesk_sandbox"));
        c.exec(QStringLiteral("GRANT USAGE ON SCHEMA pgdesk_sandbox TO %1").arg(QLatin1String(kLoader)));
        c.exec(
            QStringLiteral(R"(CREATE FUNCTION pgdesk_sandbox.create_extension(name text, sch text, ver text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $f$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_available_extensions a WHERE a.name = $1) THEN
    RAISE EXCEPTION 'extension "%" is not available', $1;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = $1) THEN
    EXECUTE format('CREATE EXTENSION %I', $1) || CASE WHEN $2 <> '' THEN format(' SCHEMA %I', $2) ELSE '' END
      || CASE WHEN $3 <> '' THEN format(' VERSION %L', $3) ELSE '' END || ' CASCADE';
  END IF;
  UPDATE pg_extension SET extowner = session_user::regrole WHERE extname = $1;
END $f$)"));
        c.exec(QStringLiteral(
            "REVOKE ALL ON FUNCTION pgdesk_sandbox.create_extension(text, text, text) FROM PUBLIC"));
        c.exec(QStringLiteral(
                   "GRANT EXECUTE ON FUNCTION pgdesk_sandbox.create_extension(text, text, text) TO %1")
                   .arg(QLatin1String(kLoader)));
        c.exec(
            QStringLiteral("UPDATE pg_extension SET extowner = '%1'::regrole").arg(QLatin1String(kLoader)));
    }
    // The script as psql reads it, each CREATE EXTENSION replaced by that call; and each OWNER TO and SET
    // SESSION AUTHORIZATION left out: a compare reads no owners, and here a new owner would need rights on
    // the schema that only a superuser's restore has (it failed with "permission denied for schema").
    writeLoadScript(s.dir + QStringLiteral("/load.sql"), script, statements, QStringLiteral("pgdesk_sandbox"),
                    changesOwnerOrAuthorization);
    return s.profile(kLoader, kDatabase);
}

void SqlSandbox::finishLoad() {
    Connection c = Connection::open(readerProfile());
    c.exec(QStringLiteral("DROP FUNCTION pgdesk_sandbox.create_extension(text, text, text)"));
    c.exec(QStringLiteral("DROP SCHEMA pgdesk_sandbox")); // empty now: no cascade, no notice
}

QString SqlSandbox::loadFile() const {
    return m_state->dir + QStringLiteral("/load.sql");
}

ConnectionProfile SqlSandbox::readerProfile() const {
    return m_state->profile(kSuperuser, kDatabase);
}

QString SqlSandbox::versionText() const {
    return m_state->versionText;
}

QString SqlSandbox::folder() const {
    return m_state->dir;
}

int SqlSandbox::sweep() {
    int swept = 0;
    for (const QString& base : {QDir::tempPath(), QStringLiteral("/tmp")}) {
        const QDir tmp(base);
        for (const QString& name : tmp.entryList({QLatin1String(kPrefix) + QLatin1Char('*')}, QDir::Dirs)) {
            const pid_t owner =
                pid_t(name.mid(int(qstrlen(kPrefix))).section(QLatin1Char('-'), 0, 0).toLong());
            if (owner <= 0 || processAlive(owner))
                continue;
            stopAndRemove(tmp.filePath(name));
            ++swept;
        }
        if (QDir(base).canonicalPath() == QDir(QStringLiteral("/tmp")).canonicalPath())
            break;
    }
    return swept;
}

} // namespace pgdesk::core
