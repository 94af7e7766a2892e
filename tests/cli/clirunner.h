// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testcluster.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace pgdesk::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real pgdesk-cli binary with arguments and optional standard input.
inline CliRun runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 60000) {
    QProcess p;
    p.start(binary(QStringLiteral("pgdesk-cli")), args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// The JSON object a run printed (empty, with a warning showing the output, when it is not JSON).
inline QJsonObject parseObject(const CliRun& r) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning().noquote() << "not JSON:" << r.out << r.err;
    return doc.object();
}

// `profiles add NAME` for the test cluster's demo database as a production profile (the production guard's
// tests); the run's outcome, for QVERIFY2(r.exitCode == 0, …).
inline CliRun addProductionProfile(const QString& name = QStringLiteral("prod")) {
    return runCli({QStringLiteral("profiles"), QStringLiteral("add"), name, QStringLiteral("--host"),
                   cluster().host, QStringLiteral("--port"), QString::number(cluster().port),
                   QStringLiteral("--database"), QStringLiteral("pgdesk_demo"), QStringLiteral("--user"),
                   cluster().user, QStringLiteral("--environment"), QStringLiteral("production")});
}

} // namespace pgdesk::test
