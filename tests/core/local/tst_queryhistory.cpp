// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's history: per profile, newest first, searched literally (no wildcards) and
// case-insensitively also beyond ASCII, capped per profile, usable from several threads at once.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/local/queryhistory.h>

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <vector>

using namespace pgdesk::core;

namespace {

QStringList sqlOf(const QList<HistoryEntry>& entries) {
    QStringList out;
    for (const HistoryEntry& e : entries)
        out << e.sql;
    return out;
}

QDateTime at(int second) {
    return QDateTime(QDate(2026, 1, 2), QTime(3, 4, second, 567), Qt::UTC);
}

} // namespace

class TestQueryHistory final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultPathIsInTheUsersDataFolder() {
        QCOMPARE(QueryHistory::defaultPath(),
                 QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                     QStringLiteral("/pgdesk/history.sqlite"));
    }

    void addAndSearchNewestFirstPerProfile() {
        QueryHistory h(path("a/b/history.sqlite"));
        QVERIFY(QFile::exists(path("a/b/history.sqlite")));
        QCOMPARE(QFile::permissions(path("a/b/history.sqlite")) &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const qint64 first = h.add(QStringLiteral("demo"), QStringLiteral("select 1"), at(1), 12, 1);
        h.add(QStringLiteral("other"), QStringLiteral("select 1 from other"), at(2), 3, 1);
        const qint64 third = h.add(QStringLiteral("demo"), QStringLiteral("update t set a = 1"), at(3), 40, 7,
                                   QStringLiteral("ERROR 42P01: x"));
        QVERIFY(third > first);

        const auto all = h.search(QStringLiteral("demo"));
        QCOMPARE(sqlOf(all), (QStringList{QStringLiteral("update t set a = 1"), QStringLiteral("select 1")}));
        QCOMPARE(all[0].id, third);
        QCOMPARE(all[0].profile, QStringLiteral("demo"));
        QCOMPARE(all[0].started, at(3));
        QCOMPARE(all[0].durationMs, 40);
        QCOMPARE(all[0].rows, 7);
        QCOMPARE(all[0].error, QStringLiteral("ERROR 42P01: x"));
        QVERIFY(all[1].error.isEmpty());
        QCOMPARE(h.count(QStringLiteral("demo")), 2);
        QCOMPARE(h.count(QStringLiteral("other")), 1);
        QCOMPARE(h.search(QStringLiteral("demo"), QStringLiteral("SELECT")).size(), 1);
        QCOMPARE(h.search(QStringLiteral("demo"), {}, 1).size(), 1);
        QVERIFY(h.search(QStringLiteral("nobody")).isEmpty());

        h.clear(QStringLiteral("demo"));
        QCOMPARE(h.count(QStringLiteral("demo")), 0);
        QCOMPARE(h.count(QStringLiteral("other")), 1);
    }

    void searchTextIsLiteralAndUnicodeAware() {
        QueryHistory h(path("literal.sqlite"));
        const QString p = QStringLiteral("we\"ird; drop table x;--");
        h.add(p, QStringLiteral("select 'a%b'"), at(1), 1, 1);
        h.add(p, QStringLiteral("select 'axb'"), at(2), 1, 1);
        h.add(p, QStringLiteral("select 'a_b'"), at(3), 1, 1);
        h.add(p, QStringLiteral("select 'a\\b'"), at(4), 1, 1);
        h.add(p, QString::fromUtf8("SELECT 'ÜNÏCÖDÉ 🐘' AS straße"), at(5), 1, 1);
        h.add(p, QStringLiteral("select 'it''s'"), at(6), 1, 1);

        QCOMPARE(sqlOf(h.search(p, QStringLiteral("a%b"))), QStringList{QStringLiteral("select 'a%b'")});
        QCOMPARE(sqlOf(h.search(p, QStringLiteral("a_b"))), QStringList{QStringLiteral("select 'a_b'")});
        QCOMPARE(sqlOf(h.search(p, QStringLiteral("a\\b"))), QStringList{QStringLiteral("select 'a\\b'")});
        QCOMPARE(sqlOf(h.search(p, QStringLiteral("%"))), QStringList{QStringLiteral("select 'a%b'")});
        QCOMPARE(sqlOf(h.search(p, QStringLiteral("''"))), QStringList{QStringLiteral("select 'it''s'")});
        QCOMPARE(sqlOf(h.search(p, QString::fromUtf8("ünïcödé 🐘"))),
                 QStringList{QString::fromUtf8("SELECT 'ÜNÏCÖDÉ 🐘' AS straße")});
        QCOMPARE(h.search(p, QString::fromUtf8("StraßE")).size(), 1);
        QCOMPARE(h.search(p, QStringLiteral("nothing like this")).size(), 0);
        QCOMPARE(h.search(p).size(), 6);
    }

    void prunesTheOldestBeyondTheCapPerProfile() {
        QueryHistory h(path("cap.sqlite"), 5);
        for (int i = 1; i <= 8; ++i)
            h.add(QStringLiteral("a"), QStringLiteral("select %1").arg(i), at(i), i, i);
        h.add(QStringLiteral("b"), QStringLiteral("select b"), at(9), 1, 1);
        QCOMPARE(h.count(QStringLiteral("a")), 5);
        QCOMPARE(
            sqlOf(h.search(QStringLiteral("a"))),
            (QStringList{QStringLiteral("select 8"), QStringLiteral("select 7"), QStringLiteral("select 6"),
                         QStringLiteral("select 5"), QStringLiteral("select 4")}));
        QCOMPARE(h.count(QStringLiteral("b")), 1);
    }

    void survivesReopeningAndServesSeveralThreads() {
        const QString file = path("threads.sqlite");
        { QueryHistory(file).add(QStringLiteral("p"), QStringLiteral("select 0"), at(0), 0, 0); }
        std::vector<QThread*> threads;
        for (int t = 0; t < 4; ++t) {
            threads.push_back(QThread::create([file, t] {
                QueryHistory h(file);
                for (int i = 0; i < 25; ++i)
                    h.add(QStringLiteral("p"), QStringLiteral("select %1, %2").arg(t).arg(i), at(1), 1, 1);
            }));
            threads.back()->start();
        }
        for (QThread* t : threads) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QueryHistory h(file);
        QCOMPARE(h.count(QStringLiteral("p")), 101);
        QCOMPARE(h.search(QStringLiteral("p"), QStringLiteral("select 3, 24")).size(), 1);
    }

    void aFileThatIsNotADatabaseIsAConfigurationError() {
        const QString file = path("garbage.sqlite");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, QueryHistory{file});
    }
};

QTEST_GUILESS_MAIN(TestQueryHistory)
#include "tst_queryhistory.moc"
