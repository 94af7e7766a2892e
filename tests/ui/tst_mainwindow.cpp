#include "testcluster.h"

#include <pgdesk/ui/mainwindow.h>

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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
