// SPDX-License-Identifier: GPL-3.0-or-later
// The agents' call log the window's SQL log reads: what one process writes another reads, in order, from
// where it left off; the newest calls kept; the history file stays its owner's; the query history beside
// it is untouched.
#include <pgdesk/core/local/agentcalls.h>
#include <pgdesk/core/local/queryhistory.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;

namespace {

AgentCall call(const QString& statement, qint64 rows = -1) {
    AgentCall c;
    c.at = QDateTime(QDate(2026, 11, 28), QTime(9, 1, 2, 345), Qt::UTC);
    c.profile = QStringLiteral("Démo ‫مثال‬");
    c.client = QStringLiteral("claude-code 2.1.0");
    c.tool = QStringLiteral("query");
    c.statement = statement;
    c.rows = rows;
    return c;
}

} // namespace

class TestAgentCalls final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void besideTheQueryHistory() { QCOMPARE(AgentCallLog::defaultPath(), QueryHistory::defaultPath()); }

    void aReaderGoesOnFromWhereItLeftOff() {
        const QString path = m_dir.filePath(QStringLiteral("h/history.sqlite"));
        AgentCallLog writer(path);
        QCOMPARE(writer.lastId(), 0);
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const AgentCallLog reader(path); // another connection, as another process's
        const qint64 first = writer.add(call(QStringLiteral("select '%_\\' as v"), 1));
        AgentCall refused = call(QStringLiteral("update t set v = ''"));
        refused.refused = true;
        refused.message = QStringLiteral("may write");
        refused.client = QString(); // a client that did not say
        const qint64 second = writer.add(refused);
        QVERIFY(second > first);
        QCOMPARE(reader.lastId(), second);

        const QList<AgentCall> all = reader.after(0);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].id, first);
        QCOMPARE(all[0].statement, QStringLiteral("select '%_\\' as v"));
        QCOMPARE(all[0].profile, QStringLiteral("Démo ‫مثال‬"));
        QCOMPARE(all[0].at, call({}).at);
        QCOMPARE(all[0].rows, 1);
        QVERIFY(!all[0].refused);
        QVERIFY(all[1].refused);
        QCOMPARE(all[1].message, QStringLiteral("may write"));
        QCOMPARE(all[1].client, QString());
        QCOMPARE(all[1].rows, -1);
        QCOMPARE(reader.after(first).size(), 1);
        QVERIFY(reader.after(second).isEmpty());
        QCOMPARE(QueryHistory(path).count(QStringLiteral("Démo ‫مثال‬")), 0);
    }

    void theNewestAreKeptAndReadNewestLast() {
        const QString path = m_dir.filePath(QStringLiteral("keep.sqlite"));
        AgentCallLog log(path, 5);
        for (int i = 1; i <= 12; ++i)
            log.add(call(QStringLiteral("select %1").arg(i)));
        const QList<AgentCall> kept = log.after(0);
        QCOMPARE(kept.size(), 5);
        QCOMPARE(kept.first().statement, QStringLiteral("select 8"));
        QCOMPARE(kept.last().statement, QStringLiteral("select 12"));
        // A reader far behind gets the newest `limit`, oldest of them first.
        const QList<AgentCall> two = log.after(0, 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two[0].statement, QStringLiteral("select 11"));
        QCOMPARE(two[1].statement, QStringLiteral("select 12"));
    }
};

QTEST_GUILESS_MAIN(TestAgentCalls)
#include "tst_agentcalls.moc"
