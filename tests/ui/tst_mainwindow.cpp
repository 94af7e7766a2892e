#include "testcluster.h"

#include <pgdesk/ui/mainwindow.h>

#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

class TestMainWindow final : public QObject {
    Q_OBJECT
private slots:
    void opensWithTitleMenuAndStatusBar() {
        pgdesk::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("PgDesk"));
        QVERIFY(w.menuBar()->actions().size() >= 3);
        QVERIFY(w.statusBar()->isVisible());
        QCOMPARE(w.connectionStatus(), QStringLiteral("Not connected"));
    }

    // Connecting happens on a worker thread: the window keeps painting, then shows the server.
    void connectsToTheRealServerWithoutBlocking() {
        pgdesk::ui::MainWindow w;
        w.show();
        QElapsedTimer timer;
        timer.start();
        w.openDsn(pgdesk::test::conninfo());
        QVERIFY2(timer.elapsed() < 100, "openDsn blocked the GUI thread");
        QVERIFY(w.connectionStatus().startsWith(QStringLiteral("Connecting")));
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL 15")), 10000);
        QVERIFY(w.connectionStatus().contains(QStringLiteral("postgres@pgdesk_demo")));
        QCOMPARE(w.windowTitle(), QStringLiteral("pgdesk_demo — PgDesk"));
    }

    void failedConnectionIsShownNotThrown() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=postgres password=wrong")
                      .arg(pgdesk::test::cluster().port)
                      .arg(pgdesk::test::cluster().authUser));
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(QStringLiteral("authentication")),
                                 10000);
        QCOMPARE(w.connectionStatus(), QStringLiteral("Not connected"));
        QVERIFY(!w.statusBar()->currentMessage().contains(QStringLiteral("wrong")));
    }

    // A reply from an earlier request never overwrites the answer to a later one.
    void staleReplyIsDropped() {
        pgdesk::ui::MainWindow w;
        w.openDsn(QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=postgres password=wrong")
                      .arg(pgdesk::test::cluster().port)
                      .arg(pgdesk::test::cluster().authUser));
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        QTest::qWait(300); // give the first (failing) reply time to arrive, if it were going to be used
        QVERIFY(w.connectionStatus().contains(QStringLiteral("PostgreSQL")));
        QVERIFY(!w.statusBar()->currentMessage().contains(QStringLiteral("failed")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
