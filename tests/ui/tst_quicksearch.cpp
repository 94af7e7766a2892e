// SPDX-License-Identifier: GPL-3.0-or-later
// The quick search runs as the user types (label `unit`): once when typing pauses, at once on Enter, never
// for text set by the program or a text already run.
#include "uitestmain.h"
#include <pgdesk/ui/browse/filterbar.h>

#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using pgdesk::ui::FilterBar;

class TestQuickSearch final : public QObject {
    Q_OBJECT
private slots:
    void runsOnceTypingPauses() {
        FilterBar bar;
        QSignalSpy applied(&bar, &FilterBar::applied);
        QElapsedTimer typing;
        typing.start();
        QTest::keyClicks(bar.searchEdit(), QStringLiteral("caf%_e"));
        QVERIFY2(typing.elapsed() < FilterBar::kSearchDelayMs,
                 "typed within one pause"); // else no claim below
        QCOMPARE(applied.count(), 0);       // not per keystroke
        QVERIFY(applied.wait(FilterBar::kSearchDelayMs * 5));
        QCOMPARE(bar.search(), QStringLiteral("caf%_e"));
        QTest::qWait(FilterBar::kSearchDelayMs * 2);
        QCOMPARE(applied.count(), 1);

        // Typing that ends where it started runs nothing again.
        QTest::keyClick(bar.searchEdit(), Qt::Key_X);
        QTest::keyClick(bar.searchEdit(), Qt::Key_Backspace);
        QTest::qWait(FilterBar::kSearchDelayMs * 2);
        QCOMPARE(applied.count(), 1);

        // Clearing the box is a search too: every row again.
        bar.searchEdit()->selectAll();
        QTest::keyClick(bar.searchEdit(), Qt::Key_Delete);
        QVERIFY(applied.wait(FilterBar::kSearchDelayMs * 5));
        QCOMPARE(bar.search(), QString());
    }

    void enterRunsAtOnceAndOnlyOnce() {
        FilterBar bar;
        QSignalSpy applied(&bar, &FilterBar::applied);
        QTest::keyClicks(bar.searchEdit(), QStringLiteral("50%_off"));
        QTest::keyClick(bar.searchEdit(), Qt::Key_Return);
        QCOMPARE(applied.count(), 1);
        QTest::qWait(FilterBar::kSearchDelayMs * 2);
        QCOMPARE(applied.count(), 1); // the pending run was the same search
    }

    void textSetByTheProgramDoesNotRun() {
        FilterBar bar;
        QSignalSpy applied(&bar, &FilterBar::applied);
        bar.setSearch(QStringLiteral("from a link"));
        QTest::qWait(FilterBar::kSearchDelayMs * 2);
        QCOMPARE(applied.count(), 0);
    }
};

PGDESK_UI_TEST_MAIN(TestQuickSearch)
#include "tst_quicksearch.moc"
