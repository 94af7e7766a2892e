// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli listen: notifications printed as NDJSON as they come, stopping after --count or --timeout.
#include "clirunner.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace pgdesk::test;

class TestCliListen final : public QObject {
    Q_OBJECT

private slots:
    void printsNotificationsAsNdjson() {
        QProcess listener;
        listener.start(binary(QStringLiteral("pgdesk-cli")),
                       {QStringLiteral("--dsn"), conninfo(), QStringLiteral("listen"),
                        QStringLiteral("cli jobs"), QStringLiteral("other"), QStringLiteral("--count"),
                        QStringLiteral("2"), QStringLiteral("--timeout"), QStringLiteral("30")});
        QVERIFY(listener.waitForStarted());
        // Sent until it has heard two: it may not listen yet when the first ones go out.
        QElapsedTimer timer;
        timer.start();
        int sent = 0;
        while (listener.state() != QProcess::NotRunning && timer.elapsed() < 20000) {
            psql(QStringLiteral("select pg_notify('cli jobs', 'payload %1 ✓')").arg(++sent));
            listener.waitForFinished(200);
        }
        QCOMPARE(listener.exitStatus(), QProcess::NormalExit);
        QCOMPARE(listener.exitCode(), 0);
        const QList<QByteArray> lines = listener.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (const QByteArray& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(QStringLiteral("channel")).toString(), QStringLiteral("cli jobs"));
            QVERIFY2(o.value(QStringLiteral("payload")).toString().endsWith(QStringLiteral("✓")),
                     line.constData());
            QVERIFY(o.value(QStringLiteral("pid")).toInt() > 0);
            QVERIFY(QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                        .isValid());
        }
    }

    void stopsAtTheTimeout() {
        QElapsedTimer timer;
        timer.start();
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("listen"),
                               QStringLiteral("silent"), QStringLiteral("--timeout"), QStringLiteral("0.5")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("listen")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("listen"), QStringLiteral("x"),
                         QStringLiteral("--count"), QStringLiteral("0")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliListen)
#include "tst_cli_listen.moc"
