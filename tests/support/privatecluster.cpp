// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatecluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace pgdesk::test {

namespace {

QString pgclusterScript() {
    return qEnvironmentVariable("PGDESK_SOURCE_DIR") + QStringLiteral("/scripts/pgcluster");
}

} // namespace

PrivateCluster::PrivateCluster(const PrivateCluster* primary) {
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/pgdesk-private.XXXXXX"));
    if (!dir.isValid()) {
        m_error = QStringLiteral("cannot create a folder for the cluster");
        return;
    }
    dir.setAutoRemove(false); // pgcluster destroy removes it
    m_dir = dir.path();
    // Registered first, so that the fixture's cleanup destroys it even if this process dies.
    const QString registry = qEnvironmentVariable("PGDESK_TEST_CLUSTER_STATE") + QStringLiteral(".private");
    QFile list(registry);
    if (!qEnvironmentVariableIsEmpty("PGDESK_TEST_CLUSTER_STATE") &&
        list.open(QIODevice::Append | QIODevice::Text))
        list.write((m_dir + QLatin1Char('\n')).toUtf8());
    QStringList arguments{QStringLiteral("start"), m_dir, QStringLiteral("--fast")};
    if (primary)
        arguments << QStringLiteral("--standby-of") << primary->dir();
    if (!pgcluster(arguments))
        return;
    QFile env(m_dir + QStringLiteral("/env"));
    if (!env.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("no env file in %1").arg(m_dir);
        return;
    }
    QTextStream in(&env);
    int port = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.startsWith(QLatin1String("PGDESK_PGPORT=")))
            port = line.mid(14).toInt();
        else if (line.startsWith(QLatin1String("PGDESK_PGBIN=")))
            m_pgbin = line.mid(13);
    }
    if (port == 0 || m_pgbin.isEmpty())
        m_error = QStringLiteral("incomplete env file in %1").arg(m_dir);
    else
        m_port = port;
}

PrivateCluster::~PrivateCluster() {
    if (!m_dir.isEmpty())
        pgcluster({QStringLiteral("destroy"), m_dir});
}

core::ConnectionProfile PrivateCluster::profile(const QString& database) const {
    core::ConnectionProfile p;
    p.name = QStringLiteral("private");
    p.host = m_dir;
    p.port = m_port;
    p.user = QStringLiteral("postgres");
    p.database = database;
    p.applicationName = QStringLiteral("pgdesk-private-test");
    return p;
}

core::ConnectionProfile PrivateCluster::tcpProfile(int port, const QString& database) const {
    core::ConnectionProfile p = profile(database);
    p.host = QStringLiteral("127.0.0.1");
    p.port = port ? port : m_port;
    return p;
}

QString PrivateCluster::psql(const QString& sql, const QString& database) {
    QProcess p;
    p.start(m_pgbin + QStringLiteral("/psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-tA"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_dir, QStringLiteral("-p"),
             QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"),
             database, QStringLiteral("-c"), sql});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        m_error = QStringLiteral("psql failed: %1").arg(QString::fromUtf8(p.readAllStandardError()));
        return QString();
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return out.isNull() ? QStringLiteral("") : out; // null means failed
}

bool PrivateCluster::restart() {
    return pgcluster({QStringLiteral("restart"), m_dir});
}

bool PrivateCluster::loadPgCron() {
    // ALTER SYSTEM runs outside a transaction block: one statement a call.
    return !psql(QStringLiteral("alter system set shared_preload_libraries = 'pg_cron'")).isNull() &&
           restart() && !psql(QStringLiteral("alter system set cron.use_background_workers = on")).isNull() &&
           restart() && !psql(QStringLiteral("create extension pg_cron")).isNull();
}

bool PrivateCluster::restartAsStandby() {
    QFile signal(m_dir + QStringLiteral("/data/standby.signal"));
    if (!signal.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write %1").arg(signal.fileName());
        return false;
    }
    signal.close();
    return restart();
}

bool PrivateCluster::pgcluster(const QStringList& arguments, int timeoutMs) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(pgclusterScript(), arguments);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("pgcluster %1 failed: %2")
                      .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(p.readAll()));
        return false;
    }
    return true;
}

} // namespace pgdesk::test
