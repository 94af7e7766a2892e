// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <pgdesk/core/session/version.h>

using pgdesk::test::runCli;

class TestCliBasics final : public QObject {
    Q_OBJECT
private slots:
    void version() {
        const auto r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("pgdesk-cli ") + pgdesk::core::pgdeskVersion()));
    }

    void help() {
        const auto r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Exit codes")));
        QVERIFY(r.out.contains(QStringLiteral("130")));
    }

    void unknownCommandIsUsageError() {
        const auto r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("frobnicate")));
    }

    void missingCommandIsUsageError() { QCOMPARE(runCli({}).exitCode, 2); }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
