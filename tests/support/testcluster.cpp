// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <stdexcept>

namespace pgdesk::test {

namespace {

[[noreturn]] void fail(const QString& why) {
    throw std::runtime_error(("test cluster: " + why).toStdString());
}

Cluster load() {
    const QString statePath = qEnvironmentVariable("PGDESK_TEST_CLUSTER_STATE");
    if (statePath.isEmpty())
        fail(QStringLiteral("PGDESK_TEST_CLUSTER_STATE is not set; run the tests through ctest"));
    QFile state(statePath);
    if (!state.open(QIODevice::ReadOnly))
        fail(QStringLiteral("no cluster state at %1: did the cluster.setup fixture run?").arg(statePath));
    Cluster c;
    c.dir = QString::fromUtf8(state.readAll()).trimmed();
    QFile env(c.dir + QStringLiteral("/env"));
    if (!env.open(QIODevice::ReadOnly))
        fail(QStringLiteral("no env file in %1: the server did not start").arg(c.dir));
    QTextStream in(&env);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        const auto eq = line.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString key = line.left(eq), value = line.mid(eq + 1);
        if (key == QLatin1String("PGDESK_PGHOST"))
            c.host = value;
        else if (key == QLatin1String("PGDESK_PGPORT"))
            c.port = value.toInt();
        else if (key == QLatin1String("PGDESK_PGUSER"))
            c.user = value;
        else if (key == QLatin1String("PGDESK_AUTH_USER"))
            c.authUser = value;
        else if (key == QLatin1String("PGDESK_AUTH_PASSWORD"))
            c.authPassword = value;
        else if (key == QLatin1String("PGDESK_PGBIN"))
            c.pgbin = value;
    }
    if (c.host.isEmpty() || c.port == 0)
        fail(QStringLiteral("incomplete env file in %1").arg(c.dir));
    return c;
}

} // namespace

namespace {

Pooler loadPooler() {
    const QString statePath = qEnvironmentVariable("PGDESK_TEST_POOLER_STATE");
    QFile state(statePath);
    if (statePath.isEmpty() || !state.open(QIODevice::ReadOnly))
        fail(QStringLiteral("no pooler state at \"%1\": does the test require the pooler fixture?")
                 .arg(statePath));
    Pooler p;
    p.dir = QString::fromUtf8(state.readAll()).trimmed();
    QFile env(p.dir + QStringLiteral("/env"));
    if (!env.open(QIODevice::ReadOnly))
        fail(QStringLiteral("no env file in %1: pgbouncer did not start").arg(p.dir));
    QTextStream in(&env);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        const auto eq = line.indexOf(QLatin1Char('='));
        if (line.left(eq) == QLatin1String("PGDESK_POOLER_HOST"))
            p.host = line.mid(eq + 1);
        else if (line.left(eq) == QLatin1String("PGDESK_POOLER_PORT"))
            p.port = line.mid(eq + 1).toInt();
    }
    if (p.host.isEmpty() || p.port == 0)
        fail(QStringLiteral("incomplete env file in %1").arg(p.dir));
    return p;
}

} // namespace

const Pooler& pooler() {
    static const Pooler p = loadPooler();
    return p;
}

core::ConnectionProfile poolerProfile(const QString& database) {
    core::ConnectionProfile p = profile(database);
    p.name = QStringLiteral("pooled");
    p.host = pooler().host;
    p.port = pooler().port;
    p.pooler = core::PoolerMode::Transaction;
    return p;
}

const Cluster& cluster() {
    static const Cluster c = load();
    return c;
}

core::ConnectionProfile profile(const QString& database) {
    core::ConnectionProfile p;
    p.name = QStringLiteral("test");
    p.host = cluster().host;
    p.port = cluster().port;
    p.user = cluster().user;
    p.database = database;
    p.applicationName = QStringLiteral("pgdesk-test");
    return p;
}

QString conninfo(const QString& database) {
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4")
        .arg(cluster().host)
        .arg(cluster().port)
        .arg(cluster().user, database);
}

QString binary(const QString& name) {
    const QString dir = qEnvironmentVariable("PGDESK_BINARY_DIR");
    for (const auto& sub :
         {QStringLiteral("/app/cli/"), QStringLiteral("/app/gui/"), QStringLiteral("/app/")}) {
        const QString path = dir + sub + name;
        if (QFile::exists(path))
            return path;
    }
    fail(QStringLiteral("binary %1 not found under %2").arg(name, dir));
}

QString psql(const QString& sql, const QString& database) {
    QProcess p;
    p.start(cluster().pgbin + QStringLiteral("/psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-tA"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), cluster().host, QStringLiteral("-p"),
             QString::number(cluster().port), QStringLiteral("-U"), cluster().user, QStringLiteral("-d"),
             database, QStringLiteral("-c"), sql});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        fail(QStringLiteral("psql failed: %1").arg(QString::fromUtf8(p.readAllStandardError())));
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString psqlValue(const QString& sql, const QString& database) {
    return psql(sql, database).trimmed();
}

bool waitForPsqlValue(const QString& sql, const QString& expected) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (psqlValue(sql) == expected)
            return true;
        QThread::msleep(100);
    }
    return false;
}

void loadScript(const QString& database, const QString& script) {
    const Cluster& c = cluster();
    QProcess p;
    p.start(c.pgbin + QStringLiteral("/psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), c.host, QStringLiteral("-p"),
             QString::number(c.port), QStringLiteral("-U"), c.user, QStringLiteral("-d"), database,
             QStringLiteral("-f"), QStringLiteral("-")});
    p.write(script.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(300000) || p.exitCode() != 0)
        qFatal("loading the script failed: %s\n--- script ---\n%s", p.readAllStandardError().constData(),
               qPrintable(script));
}

QString schemaDump(const QString& database, const QStringList& schemas) {
    const Cluster& c = cluster();
    QStringList args{QStringLiteral("--schema-only"),
                     QStringLiteral("-h"),
                     c.host,
                     QStringLiteral("-p"),
                     QString::number(c.port),
                     QStringLiteral("-U"),
                     c.user,
                     QStringLiteral("-d"),
                     database};
    for (const QString& s : schemas)
        args << QStringLiteral("-n") << s;
    QProcess p;
    p.start(c.pgbin + QStringLiteral("/pg_dump"), args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        qFatal("pg_dump failed: %s", p.readAllStandardError().constData());
    QStringList lines;
    for (const QString& line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("--")) || line.startsWith(QLatin1String("\\restrict")) ||
            line.startsWith(QLatin1String("\\unrestrict")) || line.trimmed().isEmpty())
            continue;
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString firstDifference(const QString& a, const QString& b) {
    const QStringList la = a.split(QLatin1Char('\n'));
    const QStringList lb = b.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(la.size(), lb.size()); ++i)
        if (la.value(i) != lb.value(i))
            return QStringLiteral("line %1:\n  first:  %2\n  second: %3")
                .arg(i + 1)
                .arg(la.value(i), lb.value(i));
    return {};
}

} // namespace pgdesk::test
