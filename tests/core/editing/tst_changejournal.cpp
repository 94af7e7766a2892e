// SPDX-License-Identifier: GPL-3.0-or-later
// The change journal: staged change sets survive the process — including a process killed with SIGKILL
// right after staging (a child copy of this test binary does the staging, then waits to be killed).
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/changejournal.h>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace pgdesk::core;

namespace {

ChangeSet sample(const QString& table, int n) {
    ChangeSet s;
    s.table = table;
    for (int i = 1; i <= n; ++i)
        s.stageUpdate(Key{{QStringLiteral("id"), QString::number(i)}}, QString::number(100 + i),
                      {{QStringLiteral("note"), QStringLiteral("ünïcödé 🐘 '%1' \\ \"q\"").arg(i)},
                       {QStringLiteral("empty"), QString(QLatin1String(""))},
                       {QStringLiteral("null"), std::nullopt}},
                      {{QStringLiteral("note"), QStringLiteral("old %1").arg(i)}});
    s.stageInsert({{QStringLiteral("id"), QStringLiteral("0.10")}});
    s.stageSoftDelete(Key{{QStringLiteral("id"), QStringLiteral("999")}});
    return s;
}

// In the child: stage into the journal at `path`, say so, then wait to be killed.
int childMain(const QString& path) {
    ChangeJournal journal(path);
    journal.stage(QStringLiteral("demo"), sample(QStringLiteral("public.we\"ird; drop table x;--"), 50));
    std::fputs("staged\n", stdout);
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

} // namespace

class TestChangeJournal final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void stageLoadListClear() {
        const QString path = m_dir.filePath(QStringLiteral("a/b/journal.sqlite"));
        {
            ChangeJournal journal(path);
            QVERIFY(journal.entries().isEmpty());
            journal.stage(QStringLiteral("p1"), sample(QStringLiteral("public.t"), 3));
            journal.stage(QStringLiteral("p1"), sample(QStringLiteral("public.u"), 1));
            journal.stage(QStringLiteral("p2"), sample(QStringLiteral("public.t"), 2));
            // Staging again replaces.
            journal.stage(QStringLiteral("p1"), sample(QStringLiteral("public.t"), 4));
            const auto t = journal.load(QStringLiteral("p1"), QStringLiteral("public.t"));
            QVERIFY(t);
            QCOMPARE(t->size(), 6);
            QCOMPARE(t->changes.first().original, (Row{{QStringLiteral("note"), QStringLiteral("old 1")}}));
            QVERIFY(!journal.load(QStringLiteral("p3"), QStringLiteral("public.t")));
            QCOMPARE(journal.entries().size(), 3);
        }
        // The owner alone may read it.
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        ChangeJournal reopened(path);
        const QList<JournalEntry> entries = reopened.entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.last().profile, QStringLiteral("p1"));
        QCOMPARE(entries.last().table, QStringLiteral("public.t"));
        QVERIFY(entries.last().stagedAt.isValid());
        const ChangeSet expected = sample(QStringLiteral("public.t"), 4);
        QCOMPARE(entries.last().changes.size(), expected.size());
        QCOMPARE(entries.last().changes.toJsonText(),
                 ChangeSet::fromJsonText(expected.toJsonText()).toJsonText());
        reopened.clear(QStringLiteral("p1"), QStringLiteral("public.t"));
        reopened.stage(QStringLiteral("p2"),
                       ChangeSet{}); // empty: nothing to keep (table "" → clears nothing)
        ChangeSet emptied;
        emptied.table = QStringLiteral("public.t");
        reopened.stage(QStringLiteral("p2"), emptied);
        QCOMPARE(reopened.entries().size(), 1);
        QCOMPARE(reopened.entries().first().table, QStringLiteral("public.u"));
    }

    void stageLaterIsOrderedAndReportsFailures() {
        const QString path = m_dir.filePath(QStringLiteral("later.sqlite"));
        ChangeJournal journal(path);
        // Many stages queued at once: merged, and any later call sees the last of them.
        for (int n = 1; n <= 200; ++n)
            journal.stageLater(QStringLiteral("p"), sample(QStringLiteral("public.t"), n));
        QCOMPARE(journal.load(QStringLiteral("p"), QStringLiteral("public.t"))->size(), 202);
        journal.stageLater(QStringLiteral("p"), sample(QStringLiteral("public.u"), 1));
        journal.clear(QStringLiteral("p"), QStringLiteral("public.u")); // a clear after a queued stage wins
        QCOMPARE(journal.entries().size(), 1);
        QVERIFY(journal.writeError().isEmpty());
        // A write that fails is reported afterwards, and the next one that works clears it.
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sabotage"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE staged RENAME TO gone")));
            journal.stageLater(QStringLiteral("p"), sample(QStringLiteral("public.v"), 1));
            QTRY_VERIFY(!journal.writeError().isEmpty()); // never waits for the write itself
            QVERIFY2(journal.writeError().contains(QLatin1String("change journal")),
                     qPrintable(journal.writeError()));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE gone RENAME TO staged")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("sabotage"));
        journal.stageLater(QStringLiteral("p"), sample(QStringLiteral("public.v"), 1));
        QVERIFY(journal.load(QStringLiteral("p"), QStringLiteral("public.v")));
        QVERIFY(journal.writeError().isEmpty());
    }

    // The journal going away right after a stage (the last table tab closed just after an edit): the queued
    // write still runs (it crashed here, reaching the worker through a pointer already reset) and is kept.
    void destroyedWithAStagePending() {
        const QString path = m_dir.filePath(QStringLiteral("pending.sqlite"));
        for (int round = 0; round < 20; ++round) {
            ChangeJournal journal(path);
            journal.stageLater(QStringLiteral("p"), sample(QStringLiteral("public.w"), round + 1));
        }
        ChangeJournal again(path);
        QCOMPARE(again.load(QStringLiteral("p"), QStringLiteral("public.w"))->size(), 22);
    }

    void damagedEntriesAreSkipped() {
        const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        ChangeJournal journal(path);
        journal.stage(QStringLiteral("p"), sample(QStringLiteral("t1"), 1));
        journal.stage(QStringLiteral("p"), sample(QStringLiteral("t2"), 1));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("UPDATE staged SET change_set = '{\"table\":' WHERE table_name = 't1'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        QCOMPARE(journal.entries().size(), 1);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, journal.load(QStringLiteral("p"), QStringLiteral("t1")));
        // Not a journal at all.
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, ChangeJournal{junk});
    }

    void stagedEditsSurviveAKilledProcess() {
        const QString path = m_dir.filePath(QStringLiteral("killed.sqlite"));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--stage-and-wait"), path});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() == QProcess::NotRunning, 20000);
        QCOMPARE(child.readLine(), QByteArray("staged\n"));
        child.kill(); // SIGKILL: no destructor, no close, no clean shutdown
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        ChangeJournal journal(path);
        const QList<JournalEntry> entries = journal.entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().profile, QStringLiteral("demo"));
        QCOMPARE(entries.first().table, QStringLiteral("public.we\"ird; drop table x;--"));
        QCOMPARE(entries.first().changes.size(), 52);
        QCOMPARE(entries.first().changes.toJsonText(),
                 ChangeSet::fromJsonText(
                     sample(QStringLiteral("public.we\"ird; drop table x;--"), 50).toJsonText())
                     .toJsonText());
    }

    void defaultPathIsInTheAppDataFolder() {
        QVERIFY(ChangeJournal::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(ChangeJournal::defaultPath().endsWith(QLatin1String("/journal.sqlite")));
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
    if (argc == 3 && QByteArray(argv[1]) == "--stage-and-wait")
        return childMain(QString::fromLocal8Bit(argv[2]));
    TestChangeJournal test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_changejournal.moc"
