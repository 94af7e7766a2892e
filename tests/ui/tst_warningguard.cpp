// SPDX-License-Identifier: GPL-3.0-or-later
// The UI suites' warning guard (uitestmain.h): a suite whose code prints a Qt warning it did not expect
// fails, inside a test function or when its windows close after the last one; an expected one
// (QTest::ignoreMessage) and the offscreen platform's noise do not. Each case runs this program again as a
// child suite.
#include "uitestmain.h"

#include <QProcess>
#include <QWidget>

namespace {

const char* const kModeVariable = "PGDESK_WARNINGGUARD_CHILD";

// The child suite: what it does is chosen by the environment.
class GuardedChild final : public QObject {
    Q_OBJECT
    QString mode() const { return qEnvironmentVariable(kModeVariable); }

public:
    ~GuardedChild() override {
        if (mode() == QLatin1String("on-exit"))
            qWarning("a deliberate warning while the suite closes");
    }

private slots:
    void run() {
        if (mode() == QLatin1String("warning"))
            qWarning("a deliberate warning");
        else if (mode() == QLatin1String("critical"))
            qCritical("a deliberate critical message");
        else if (mode() == QLatin1String("expected")) {
            QTest::ignoreMessage(QtWarningMsg, "a deliberate, expected warning");
            qWarning("a deliberate, expected warning");
        } else if (mode() == QLatin1String("noise")) {
            QWidget window;
            window.show(); // offscreen: "This plugin does not support propagateSizeHints()"
            QVERIFY(QTest::qWaitForWindowExposed(&window));
        }
        QVERIFY(true);
    }
};

} // namespace

class TestWarningGuard final : public QObject {
    Q_OBJECT

    struct Outcome {
        int exitCode = -1;
        QString output;
    };
    static Outcome runChild(const QString& mode) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kModeVariable), mode);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        if (!child.waitForFinished(60000))
            return {};
        return {child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -2,
                QString::fromLocal8Bit(child.readAll())};
    }

private slots:
    void unexpectedWarningFails() {
        const Outcome o = runChild(QStringLiteral("warning"));
        QVERIFY2(o.exitCode > 0, qPrintable(o.output));
        QVERIFY2(o.output.contains(QLatin1String("unexpected Qt warning")) &&
                     o.output.contains(QLatin1String("   a deliberate warning")),
                 qPrintable(o.output));
        // The suite's own test function passed: only the guard failed it.
        QVERIFY2(o.output.contains(QLatin1String("PASS   : GuardedChild::run()")), qPrintable(o.output));
    }
    void unexpectedCriticalFails() {
        const Outcome o = runChild(QStringLiteral("critical"));
        QVERIFY2(o.exitCode > 0 && o.output.contains(QLatin1String("   a deliberate critical message")),
                 qPrintable(o.output));
    }
    void warningOnExitFails() {
        const Outcome o = runChild(QStringLiteral("on-exit"));
        QVERIFY2(o.exitCode > 0 &&
                     o.output.contains(QLatin1String("   a deliberate warning while the suite closes")),
                 qPrintable(o.output));
    }
    void expectedWarningAndPlatformNoisePass() {
        for (const QString& mode :
             {QStringLiteral("quiet"), QStringLiteral("expected"), QStringLiteral("noise")}) {
            const Outcome o = runChild(mode);
            QVERIFY2(o.exitCode == 0, qPrintable(mode + QLatin1Char('\n') + o.output));
        }
    }
};

int main(int argc, char** argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    if (qEnvironmentVariableIsSet(kModeVariable))
        return pgdesk::test::runUiSuite<GuardedChild>(argc, argv);
    return pgdesk::test::runUiSuite<TestWarningGuard>(argc, argv);
}

#include "tst_warningguard.moc"
