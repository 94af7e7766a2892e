// SPDX-License-Identifier: GPL-3.0-or-later
// The server's log read from a real cluster writing stderr, csvlog and jsonlog at once: the three formats
// agree entry by entry; errors with Unicode, right-to-left text, multi-line statements and details; grouped
// errors; auto_explain plans in text and JSON opened as plans; a real deadlock read as who waited for whom;
// following the log through a rotation; a role without the grants refused with the GRANT that would allow
// it; a server without a collector explained; any split of the bytes read the same.
#include "privatecluster.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/server/serverlog.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>
#include <thread>

using namespace pgdesk;
using namespace pgdesk::test;

namespace {

QList<core::LogEntry> parseAll(core::LogFormat format, const QString& prefix, const QByteArray& bytes,
                               int maxSplit = 0) {
    core::LogParser parser(format, prefix);
    QList<core::LogEntry> out;
    if (maxSplit == 0) {
        out << parser.feed(bytes);
    } else {
        for (qsizetype i = 0; i < bytes.size();) {
            const qsizetype n = 1 + QRandomGenerator::global()->bounded(maxSplit);
            out << parser.feed(bytes.mid(i, n));
            i += n;
        }
    }
    out << parser.flush();
    return out;
}

const core::LogEntry* findEntry(const QList<core::LogEntry>& entries, const QString& messagePart) {
    for (const core::LogEntry& e : entries)
        if (e.message.contains(messagePart))
            return &e;
    return nullptr;
}

} // namespace

class TestServerLog final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;
    QString m_prefix = QStringLiteral("%m [%p] %q%u@%d %e ");

    core::Connection open() { return core::Connection::open(m_cluster->profile()); }

    QString dataPath(const QString& path) const {
        return QDir(m_cluster->dir() + QStringLiteral("/data")).filePath(path);
    }

    QByteArray localFile(const QString& path) {
        QFile f(dataPath(path));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Every entry of the server's current files in the three formats, read through the connection.
    QList<core::LogEntry> entries(core::Connection& c, core::LogFormat format) {
        core::ServerLogReader reader(c);
        const QString function = format == core::LogFormat::Json  ? QStringLiteral("jsonlog")
                                 : format == core::LogFormat::Csv ? QStringLiteral("csvlog")
                                                                  : QStringLiteral("stderr");
        const QString path =
            c.exec(QStringLiteral("select pg_current_logfile('%1')").arg(function)).text(0, 0);
        return parseAll(format, m_prefix, reader.read(path, 0, reader.size(path)));
    }

    // Waits until the collector has written `text` to the json log.
    bool logged(core::Connection& c, const QString& text) {
        for (int i = 0; i < 100; ++i) {
            if (findEntry(entries(c, core::LogFormat::Json), text))
                return true;
            QThread::msleep(100);
        }
        return false;
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        // ALTER SYSTEM runs outside a transaction block: one statement a psql call.
        for (const QString& sql :
             {QStringLiteral("alter system set logging_collector = on"),
              QStringLiteral("alter system set log_destination = 'stderr,csvlog,jsonlog'"),
              QStringLiteral("alter system set log_line_prefix = '%1'").arg(m_prefix),
              QStringLiteral("alter system set deadlock_timeout = '200ms'"),
              QStringLiteral("alter system set log_timezone = 'Asia/Tehran'"),
              QStringLiteral(
                  "create table t (id int primary key, v text); insert into t values (1, 'a'), (2, 'b'); "
                  "create role reader login password 'reader-pw'")})
            QVERIFY2(!m_cluster->psql(sql).isNull(), qPrintable(m_cluster->error()));
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
    }

    // Errors in all three formats: the same entries, messages, details, hints and statements.
    void formatsAgree() {
        auto c = open();
        for (int i = 0; i < 3; ++i)
            QVERIFY_THROWS_EXCEPTION(core::QueryError, c.exec(QStringLiteral("select 1/0")));
        QVERIFY_THROWS_EXCEPTION(
            core::QueryError,
            c.exec(QStringLiteral("do $$ begin raise exception 'שלום % 100%% \\_', 'עולם' using detail = "
                                  "'line1' || chr(10) || 'line2', hint = 'try ''this'''; end $$")));
        QVERIFY_THROWS_EXCEPTION(core::SyntaxError,
                                 c.exec(QStringLiteral("select\n\t'a b',\n  nope from\n")));
        QVERIFY(logged(c, QStringLiteral("syntax error")));
        const auto json = entries(c, core::LogFormat::Json);
        const auto csv = entries(c, core::LogFormat::Csv);
        const auto text = entries(c, core::LogFormat::Stderr);
        QVERIFY(json.size() >= 5);
        QCOMPARE(csv.size(), json.size());
        QCOMPARE(text.size(), json.size());
        for (qsizetype i = 0; i < json.size(); ++i) {
            QCOMPARE(csv[i].message, json[i].message);
            QCOMPARE(text[i].message, json[i].message);
            QCOMPARE(csv[i].severity, json[i].severity);
            QCOMPARE(text[i].severity, json[i].severity);
            QCOMPARE(csv[i].detail, json[i].detail);
            QCOMPARE(text[i].detail, json[i].detail);
            QCOMPARE(text[i].hint, json[i].hint);
            QCOMPARE(text[i].statement, json[i].statement);
            QCOMPARE(csv[i].statement, json[i].statement);
            QCOMPARE(text[i].pid, json[i].pid);
            QCOMPARE(csv[i].pid, json[i].pid);
            QCOMPARE(text[i].sqlstate, json[i].sqlstate);
            QCOMPARE(csv[i].sqlstate, json[i].sqlstate);
            QCOMPARE(text[i].database, json[i].database);
            QCOMPARE(csv[i].user, json[i].user);
            QCOMPARE(text[i].time, json[i].time); // written with the zone's abbreviation in all three
            QVERIFY(json[i].time.isValid());
        }
        const core::LogEntry* rtl = findEntry(json, QStringLiteral("שלום"));
        QVERIFY(rtl);
        QCOMPARE(rtl->message, QStringLiteral("שלום עולם 100% \\_"));
        QCOMPARE(rtl->detail, QStringLiteral("line1\nline2"));
        QCOMPARE(rtl->hint, QStringLiteral("try 'this'"));
        QCOMPARE(rtl->sqlstate, QStringLiteral("P0001"));
        const core::LogEntry* syntax = findEntry(text, QStringLiteral("syntax error"));
        QVERIFY(syntax);
        QCOMPARE(syntax->statement, QStringLiteral("select\n\t'a b',\n  nope from\n"));
        QVERIFY(qAbs(syntax->time.secsTo(QDateTime::currentDateTimeUtc())) < 120);

        const QList<core::LogErrorGroup> groups = core::groupErrors(json);
        QVERIFY(!groups.isEmpty());
        QCOMPARE(groups[0].count, 3);
        QCOMPARE(groups[0].sqlstate, QStringLiteral("22012"));
        QCOMPARE(groups[0].pattern, QStringLiteral("division by zero"));

        core::LogFilter filter;
        filter.sqlstate = QStringLiteral("22");
        QCOMPARE(std::count_if(json.cbegin(), json.cend(), [&](const auto& e) { return filter.matches(e); }),
                 3);
        filter = {};
        filter.errorsOnly = true; // LOG, ranked above ERROR, left out
        QCOMPARE(std::count_if(json.cbegin(), json.cend(), [&](const auto& e) { return filter.matches(e); }),
                 5);
        filter.errorsOnly = false;
        filter.minSeverity = QStringLiteral("ERROR");
        filter.text = QStringLiteral("עולם");
        QCOMPARE(std::count_if(text.cbegin(), text.cend(), [&](const auto& e) { return filter.matches(e); }),
                 1);

        // Any split of the bytes reads the same, and a local copy of the file too.
        for (const auto format : {core::LogFormat::Stderr, core::LogFormat::Csv, core::LogFormat::Json}) {
            const QString function = format == core::LogFormat::Json  ? QStringLiteral("jsonlog")
                                     : format == core::LogFormat::Csv ? QStringLiteral("csvlog")
                                                                      : QStringLiteral("stderr");
            const QByteArray bytes =
                localFile(c.exec(QStringLiteral("select pg_current_logfile('%1')").arg(function)).text(0, 0));
            QVERIFY(bytes.size() > 1000);
            const auto whole = parseAll(format, m_prefix, bytes);
            QVERIFY(findEntry(whole, QStringLiteral("division by zero")));
            const auto split = parseAll(format, m_prefix, bytes, 7);
            QCOMPARE(split.size(), whole.size());
            for (qsizetype i = 0; i < whole.size(); ++i) {
                QCOMPARE(split[i].message, whole[i].message);
                QCOMPARE(split[i].statement, whole[i].statement);
                QCOMPARE(split[i].offset, whole[i].offset);
            }
        }
    }

    // auto_explain's plans in both formats open as plans, and agree.
    // A server writing in German and French (lc_messages): severities and labels are its translations
    // ("FEHLER", "TIPP", "ANWEISUNG", "CONTEXTE :"), read as the English ones in all three formats, so
    // filters and error groups work the same.
    void translatedLogs() {
        const struct {
            const char* locale;
            const char* marker;
        } languages[] = {{"de_DE.UTF-8", "deutsch"}, {"fr_FR.UTF-8", "francais"}};
        for (const auto& language : languages) {
            QVERIFY2(!m_cluster
                          ->psql(QStringLiteral("alter system set lc_messages = '%1'")
                                     .arg(QLatin1String(language.locale)))
                          .isNull(),
                     qPrintable(m_cluster->error()));
            QVERIFY(!m_cluster->psql(QStringLiteral("select pg_reload_conf()")).isNull());
            QThread::msleep(300);
            auto c = open(); // a new backend: it reads lc_messages now
            const QString marker = QString::fromLatin1(language.marker);
            QVERIFY_THROWS_EXCEPTION(core::QueryError,
                                     c.exec(QStringLiteral("select 1/0 -- %1").arg(marker)));
            QVERIFY_THROWS_EXCEPTION(
                core::QueryError,
                c.exec(QStringLiteral(
                           "do $$ begin raise exception '%1 raised' using detail = 'a detail', hint = "
                           "'a hint'; end $$")
                           .arg(marker)));
            QVERIFY(logged(c, marker + QStringLiteral(" raised")));
            for (const auto format : {core::LogFormat::Stderr, core::LogFormat::Csv, core::LogFormat::Json}) {
                const auto all = entries(c, format);
                const core::LogEntry* raised = findEntry(all, marker + QStringLiteral(" raised"));
                QVERIFY(raised);
                QCOMPARE(raised->severity, QStringLiteral("ERROR"));
                QCOMPARE(raised->detail, QStringLiteral("a detail"));
                QCOMPARE(raised->hint, QStringLiteral("a hint"));
                QVERIFY2(raised->context.contains(QStringLiteral("PL/pgSQL")), qPrintable(raised->context));
                QVERIFY(raised->statement.startsWith(QStringLiteral("do $$")));
                // The division by zero in the server's language, an ERROR with its statement.
                const auto division = std::find_if(all.cbegin(), all.cend(), [&](const core::LogEntry& e) {
                    return e.sqlstate == QLatin1String("22012") && e.statement.contains(marker);
                });
                QVERIFY(division != all.cend());
                QCOMPARE(division->severity, QStringLiteral("ERROR"));
                QVERIFY2(!division->message.contains(QStringLiteral("division by zero")),
                         qPrintable(division->message));
                core::LogFilter filter;
                filter.errorsOnly = true;
                QVERIFY(filter.matches(*division));
            }
        }
        QVERIFY(!m_cluster->psql(QStringLiteral("alter system reset lc_messages")).isNull());
        QVERIFY(!m_cluster->psql(QStringLiteral("select pg_reload_conf()")).isNull());
        QThread::msleep(300);
    }

    void autoExplainPlans() {
        auto c = open();
        c.exec(QStringLiteral("LOAD 'auto_explain'"));
        c.exec(QStringLiteral("SET auto_explain.log_min_duration = 0"));
        c.exec(QStringLiteral("SET auto_explain.log_analyze = on"));
        const QString sql = QStringLiteral("select /*plan-%1*/ count(*) from t a join t b on a.id = b.id, "
                                           "generate_series(1, 1000) g");
        c.exec(QStringLiteral("SET auto_explain.log_format = 'text'"));
        c.exec(sql.arg(QStringLiteral("text")));
        c.exec(QStringLiteral("SET auto_explain.log_format = 'json'"));
        c.exec(sql.arg(QStringLiteral("json")));
        QVERIFY(logged(c, QStringLiteral("plan-json")));
        for (const auto format : {core::LogFormat::Stderr, core::LogFormat::Json}) {
            const auto all = entries(c, format);
            const core::LogEntry* textPlan = findEntry(all, QStringLiteral("plan-text"));
            const core::LogEntry* jsonPlan = findEntry(all, QStringLiteral("plan-json"));
            QVERIFY(textPlan && jsonPlan);
            QVERIFY(core::isAutoExplain(*textPlan));
            QVERIFY(core::isAutoExplain(*jsonPlan));
            const core::Plan a = core::parsePlan(textPlan->message.toUtf8());
            const core::Plan b = core::parsePlan(jsonPlan->message.toUtf8());
            QVERIFY(a.queryText.contains(QLatin1String("plan-text")));
            QVERIFY(a.analysed && b.analysed);
            QCOMPARE(a.nodes.size(), b.nodes.size());
            for (qsizetype i = 0; i < a.nodes.size(); ++i) {
                QCOMPARE(a.nodes[i].title(), b.nodes[i].title());
                QCOMPARE(a.nodes[i].actualRows, b.nodes[i].actualRows);
            }
            QVERIFY(!a.hotspots.isEmpty());
        }
    }

    // A real deadlock: two sessions each holding the row the other wants.
    void deadlockPicture() {
        auto one = open();
        auto two = open();
        const qint64 pidOne = one.exec(QStringLiteral("select pg_backend_pid()")).text(0, 0).toLongLong();
        const qint64 pidTwo = two.exec(QStringLiteral("select pg_backend_pid()")).text(0, 0).toLongLong();
        one.exec(QStringLiteral("begin"));
        two.exec(QStringLiteral("begin"));
        one.exec(QStringLiteral("update t set v = 'one' where id = 1"));
        two.exec(QStringLiteral("update t set v = 'two' where id = 2"));
        std::atomic<bool> oneFailed{false};
        std::thread blocked([&] {
            try {
                one.exec(QStringLiteral("update t set v = 'one' where id = 2"));
            } catch (const core::Error&) {
                oneFailed = true;
            }
        });
        QThread::msleep(300);
        bool twoFailed = false;
        try {
            two.exec(QStringLiteral("update t set v = 'two' where id = 1"));
        } catch (const core::Error&) {
            twoFailed = true;
        }
        blocked.join();
        QVERIFY(oneFailed != twoFailed); // one of them was chosen
        one.exec(QStringLiteral("rollback"));
        two.exec(QStringLiteral("rollback"));
        QVERIFY(logged(one, QStringLiteral("deadlock detected")));
        for (const auto format : {core::LogFormat::Stderr, core::LogFormat::Csv, core::LogFormat::Json}) {
            const auto all = entries(one, format);
            const core::LogEntry* e = findEntry(all, QStringLiteral("deadlock detected"));
            QVERIFY(e);
            const auto report = core::deadlockOf(*e);
            QVERIFY2(report, qPrintable(e->detail));
            QCOMPARE(report->waits.size(), 2);
            QCOMPARE(report->victim, oneFailed ? pidOne : pidTwo);
            QCOMPARE(report->waits[0].blocker, report->waits[1].waiter); // a cycle
            QCOMPARE(report->waits[1].blocker, report->waits[0].waiter);
            QCOMPARE(report->waits[0].lockMode, QStringLiteral("ShareLock"));
            QVERIFY(report->waits[0].target.startsWith(QLatin1String("transaction ")));
            QCOMPARE(report->processes.size(), 2);
            for (const auto& p : report->processes)
                QVERIFY2(p.statement.startsWith(QLatin1String("update t set v = ")), qPrintable(p.statement));
            const QString dot = core::deadlockDot(*report);
            QVERIFY(dot.contains(QStringLiteral("p%1 -> p%2").arg(pidOne).arg(pidTwo)));
            QVERIFY(dot.contains(QStringLiteral("p%1 -> p%2").arg(pidTwo).arg(pidOne)));
            QVERIFY(dot.contains(QStringLiteral("(cancelled)")));
        }
    }

    // Following the log: what is added arrives, also after the server moves to a new file.
    void tailFollowsRotation() {
        auto c = open();
        core::LogTail tail = core::LogTail::ofServer(c, 1 << 20);
        QCOMPARE(tail.format(), core::LogFormat::Json);
        const QString first = tail.path();
        tail.poll();
        QVERIFY_THROWS_EXCEPTION(core::Error, c.exec(QStringLiteral("select 'before-rotation'::int")));
        QList<core::LogEntry> seen;
        for (int i = 0; i < 50 && !findEntry(seen, QStringLiteral("before-rotation"));
             ++i, QThread::msleep(100))
            seen << tail.poll();
        QVERIFY(findEntry(seen, QStringLiteral("before-rotation")));
        // Caught up, a poll is one statement (two when something was added: the read); a window polls
        // every second.
        QList<int> sent;
        QString sentText;
        for (int i = 0; i < 5; ++i) {
            int statements = 0;
            c.setStatementObserver([&](const QString&, const QList<QString>&) { ++statements; });
            seen << tail.poll();
            c.setStatementObserver({});
            sent << statements;
            sentText += QStringLiteral(" %1").arg(statements);
        }
        QVERIFY2(*std::min_element(sent.begin(), sent.end()) == 1 &&
                     *std::max_element(sent.begin(), sent.end()) <= 2,
                 qPrintable(QStringLiteral("statements a poll:") + sentText));
        QThread::sleep(1); // file names have seconds: a rotation in the same second would reuse the name
        c.exec(QStringLiteral("select pg_rotate_logfile()"));
        QTRY_VERIFY_WITH_TIMEOUT(
            c.exec(QStringLiteral("select pg_current_logfile('jsonlog')")).text(0, 0) != first, 10000);
        QVERIFY_THROWS_EXCEPTION(core::Error, c.exec(QStringLiteral("select 'after-rotation'::int")));
        for (int i = 0; i < 50 && !findEntry(seen, QStringLiteral("after-rotation"));
             ++i, QThread::msleep(100))
            seen << tail.poll();
        QVERIFY(findEntry(seen, QStringLiteral("after-rotation")));
        QVERIFY(tail.path() != first);

        // A local file, from its backlog.
        core::LogTail file = core::LogTail::ofFile(dataPath(tail.path()), 1 << 20);
        const auto backlog = file.poll();
        QVERIFY(findEntry(backlog, QStringLiteral("after-rotation")));
    }

    void permissionsAndNoCollector() {
        auto profile = m_cluster->profile();
        profile.user = QStringLiteral("reader");
        auto reader = core::Connection::open(profile, QStringLiteral("reader-pw"));
        try {
            core::ServerLogReader(reader).current();
            QFAIL("a role without the grants read the log");
        } catch (const core::PermissionDenied& e) {
            QVERIFY2(
                e.info().hint.contains(QLatin1String("GRANT EXECUTE ON FUNCTION pg_current_logfile(text)")),
                qPrintable(e.info().hint));
        }
        m_cluster->psql(
            QStringLiteral("grant execute on function pg_current_logfile(text), pg_stat_file(text, boolean), "
                           "pg_read_binary_file(text, bigint, bigint, boolean) to reader"));
        const core::LogLocation location = core::ServerLogReader(reader).current();
        QVERIFY(location.size > 0);
        QCOMPARE(location.zone.id(), QByteArray("Asia/Tehran"));

        // The shared test cluster has no collector: said, with the setting to change.
        auto shared = core::Connection::open(pgdesk::test::profile());
        try {
            core::ServerLogReader(shared).current();
            QFAIL("a server without a collector gave a file");
        } catch (const core::NotFound& e) {
            QVERIFY2(e.info().hint.contains(QLatin1String("logging_collector = on")),
                     qPrintable(e.info().hint));
        }
    }

    // Lines cut from the middle of a file and the default prefix, without a server.
    void defaultPrefixAndBacklogStart() {
        const QByteArray log =
            "\tcontinued from before\n"
            "2026-11-28 10:00:00.123 UTC [42] DETAIL:  an orphan detail\n"
            "2026-11-28 10:00:01.000 UTC [42] ERROR:  relation \"x\" does not exist at character 15\n"
            "2026-11-28 10:00:01.000 UTC [42] STATEMENT:  select * from x\n"
            "2026-11-28 10:00:02.500 +0330 [43] LOG:  checkpoint starting: time\n"
            "could not write to log file\n";
        const auto list = parseAll(core::LogFormat::Stderr, QStringLiteral("%m [%p] "), log);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].severity, QStringLiteral("ERROR"));
        QCOMPARE(list[0].statement, QStringLiteral("select * from x"));
        QCOMPARE(list[0].time, QDateTime(QDate(2026, 11, 28), QTime(10, 0, 1), Qt::UTC));
        QCOMPARE(list[1].time, QDateTime(QDate(2026, 11, 28), QTime(6, 30, 2, 500), Qt::UTC));
        QCOMPARE(list[2].message, QStringLiteral("could not write to log file"));
        QCOMPARE(core::groupErrors(list).value(0).pattern, QStringLiteral("relation \"x\" does not exist"));
    }
};

QTEST_GUILESS_MAIN(TestServerLog)
#include "tst_serverlog.moc"
