// SPDX-License-Identifier: GPL-3.0-or-later
// runInBackground(): a result reaches the GUI thread; a worker still running when the application object
// goes away is waited for and deleted by its destructor, not leaked (checked after main() returns: the
// worker's captures must have been destroyed by then; under ASan, LeakSanitizer checks the same).
#include "uitestmain.h"
#include <pgdesk/ui/common/background.h>

#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <memory>

using pgdesk::ui::runInBackground;

namespace {

std::weak_ptr<int> g_lateWorkerCapture; // owned by the late worker's function only

void checkLateWorkerDeleted() {
    if (!g_lateWorkerCapture.expired()) {
        std::fputs("FAIL: the worker still running at exit was never deleted (leaked)\n", stderr);
        std::_Exit(1);
    }
}

} // namespace

class TestBackground final : public QObject {
    Q_OBJECT
private slots:
    void resultArrivesOnTheGuiThread() {
        QObject context;
        int result = 0;
        QThread* deliveredOn = nullptr;
        runInBackground(
            &context, [] { return 42; },
            [&](int value) {
                result = value;
                deliveredOn = QThread::currentThread();
            },
            [](const QString&) {});
        QTRY_COMPARE(result, 42);
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    // Last: the worker outlives the test run and the application object.
    void workerStillRunningAtExit() {
        static QObject context;
        auto token = std::make_shared<int>(1);
        g_lateWorkerCapture = token;
        std::atexit(checkLateWorkerDeleted);
        runInBackground(
            &context,
            [token] {
                QThread::msleep(500);
                return *token;
            },
            [](int) {}, [](const QString&) {});
        QVERIFY(!g_lateWorkerCapture.expired());
    }
};

PGDESK_UI_TEST_MAIN(TestBackground)
#include "tst_background.moc"
