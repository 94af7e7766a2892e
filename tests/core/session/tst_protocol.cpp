// SPDX-License-Identifier: GPL-3.0-or-later
// The protocol layer (core/src/pq): pipeline, row stream and COPY, each against the real server. Every case
// ends by checking that the connection is ready for the next statement, which is what these classes promise.
#include "testcluster.h"

#include <pgdesk/core/session/copy.h>
#include <pgdesk/core/session/pipeline.h>
#include <pgdesk/core/session/rowstream.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QElapsedTimer>
#include <QTest>

#include <stdexcept>
#include <thread>

using namespace pgdesk::core;
using pq::CopyOut;
using pq::Pipeline;
using pq::RowStream;

namespace {

// Ready for the next statement: idle, out of pipeline and COPY modes, answering.
bool ready(Connection& c) {
    return c.isIdle() && c.exec(QStringLiteral("select 42"), Params{}).text(0, 0) == QLatin1String("42");
}

} // namespace

class TestProtocol final : public QObject {
    Q_OBJECT
private slots:
    // Three statements, the middle one fails: the first answers, the second carries its mapped error, the
    // third was skipped by the server; the pipeline then reads to its sync and leaves pipeline mode.
    void pipelineErrorInTheMiddleDrainsToSync() {
        auto c = Connection::open(pgdesk::test::profile());
        QStringList observed;
        c.setStatementObserver([&](const QString& sql, const QList<QString>&) { observed << sql; });
        {
            Pipeline p(c, QStringLiteral("(enter)"));
            QCOMPARE(p.send(QStringLiteral("select 1")), 0);
            QCOMPARE(p.send(QStringLiteral("select 1/0")), 1);
            QCOMPARE(p.send(QStringLiteral("select $1::int"), {param(3)}), 2);
            p.sync(QStringLiteral("(sync)"));
            const Pipeline::Answer first = p.next();
            QCOMPARE(first.request, 0);
            QVERIFY(!first.error && !first.aborted);
            QCOMPARE(first.result.text(0, 0), QStringLiteral("1"));
            const Pipeline::Answer second = p.next();
            QCOMPARE(second.request, 1);
            QVERIFY(second.error);
            QCOMPARE(second.error->kind, ErrorKind::Data);
            QCOMPARE(second.error->sqlState, QStringLiteral("22012"));
            QCOMPARE(second.error->statement, QStringLiteral("select 1/0"));
            const Pipeline::Answer third = p.next();
            QCOMPARE(third.request, 2);
            QVERIFY(third.aborted);
            QVERIFY(!third.error);
            QVERIFY(third.result.isNull());
            QCOMPARE(p.answered(), 3);
        }
        QCOMPARE(observed, QStringList({QStringLiteral("select 1"), QStringLiteral("select 1/0"),
                                        QStringLiteral("select $1::int")}));
        QVERIFY(ready(c));
    }

    // Statements of one text share one parse; a parse that fails is the answer of the statement it was for.
    void pipelinePreparedStatements() {
        auto c = Connection::open(pgdesk::test::profile());
        Pipeline p(c, QStringLiteral("(enter)"));
        p.sendPrepared(QStringLiteral("select $1::int + 1"), {param(1)});
        p.sendPrepared(QStringLiteral("select $1::int + 1"), {param(2)});
        p.send(QStringLiteral("select 'between'"));
        p.sendPrepared(QStringLiteral("select $1::int + 1"), {param(3)}); // parsed again after send()
        p.sendPrepared(QStringLiteral("selec $1"), {param(4)});
        p.sync(QStringLiteral("(sync)"));
        QCOMPARE(p.sent(), 5);
        QCOMPARE(p.next().result.text(0, 0), QStringLiteral("2"));
        QCOMPARE(p.next().result.text(0, 0), QStringLiteral("3"));
        QCOMPARE(p.next().result.text(0, 0), QStringLiteral("between"));
        QCOMPARE(p.next().result.text(0, 0), QStringLiteral("4"));
        const Pipeline::Answer failed = p.next();
        QCOMPARE(failed.request, 4);
        QVERIFY(failed.error);
        QCOMPARE(failed.error->kind, ErrorKind::Syntax);
        QVERIFY(!failed.aborted);
        p.finish();
        QVERIFY(ready(c));
    }

    // Answers taken while still sending (never waiting), the rest after the sync: every one arrives once,
    // in order.
    void pipelineAnswersWhileSending() {
        auto c = Connection::open(pgdesk::test::profile());
        Pipeline p(c, QStringLiteral("(enter)"));
        QList<qint64> values;
        const auto take = [&](const Pipeline::Answer& a) {
            QCOMPARE(a.request, values.size());
            values << a.result.text(0, 0).toLongLong();
        };
        for (int i = 0; i < 5000; ++i) {
            p.sendPrepared(QStringLiteral("select $1::int8 * 2"), {param(i)});
            if (i % 500 == 499) {
                while (const auto a = p.nextIfReady())
                    take(*a);
            }
        }
        p.sync(QStringLiteral("(sync)"));
        while (p.answered() < p.sent())
            take(p.next());
        QVERIFY(!p.nextIfReady());
        QCOMPARE(values.size(), 5000);
        for (int i = 0; i < 5000; ++i)
            QCOMPARE(values.at(i), qint64(i) * 2);
        p.finish();
        QVERIFY(ready(c));
    }

    // Let go without a sync, or with answers unread: the pipeline still ends cleanly.
    void pipelineLetGoEarly() {
        auto c = Connection::open(pgdesk::test::profile());
        {
            Pipeline p(c, QStringLiteral("(enter)"));
            p.send(QStringLiteral("select 1"));
            p.send(QStringLiteral("select 2"));
        }
        QVERIFY(ready(c));
        {
            Pipeline p(c, QStringLiteral("(enter)"));
            for (int i = 0; i < 100; ++i)
                p.send(QStringLiteral("select $1::int"), {param(i)});
            p.sync(QStringLiteral("(sync)"));
            QCOMPARE(p.next().result.text(0, 0), QStringLiteral("0"));
        }
        QVERIFY(ready(c));
    }

    // Single-row mode: one row a part, then the end of the query with its tag.
    void rowStreamDeliversRowsOneByOne() {
        auto c = Connection::open(pgdesk::test::profile());
        RowStream s(c, QStringLiteral("select g, repeat('x', g) from generate_series(1, $1::int) g"),
                    {param(1000)});
        int rows = 0;
        bool ended = false;
        while (const auto part = s.next()) {
            QVERIFY(!ended);
            if (part->kind == RowStream::Kind::Row) {
                QCOMPARE(part->result.rowCount(), 1);
                QCOMPARE(part->result.columnCount(), 2);
                QCOMPARE(part->result.text(0, 0), QString::number(++rows));
                QCOMPARE(part->result.text(0, 1).size(), rows);
            } else {
                QCOMPARE(part->kind, RowStream::Kind::Rows);
                QCOMPARE(part->result.rowCount(), 0);
                QCOMPARE(part->result.columnName(0), QStringLiteral("g"));
                QCOMPARE(part->result.commandTag(), QStringLiteral("SELECT 1000"));
                ended = true;
            }
        }
        QVERIFY(ended);
        QCOMPARE(rows, 1000);
        QVERIFY(!s.next());
        QVERIFY(ready(c));
    }

    // A stream let go after a few rows cancels the statement instead of reading it to its end.
    void rowStreamLetGoEarlyCancels() {
        auto c = Connection::open(pgdesk::test::profile());
        QElapsedTimer timer;
        timer.start();
        {
            // Without the cancel this would run for 1,000 seconds. Rows wider than the server's 8 KiB output
            // buffer come one by one.
            RowStream s(c,
                        QStringLiteral(
                            "select g, repeat('x', 9000), pg_sleep(0.01) from generate_series(1, 100000) g"));
            for (int i = 0; i < 3; ++i)
                QCOMPARE(s.next()->kind, RowStream::Kind::Row);
        }
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(ready(c));
    }

    // A cancel from another thread ends the stream with QueryCanceled, the connection still usable.
    void rowStreamCancelledFromAnotherThread() {
        auto c = Connection::open(pgdesk::test::profile());
        RowStream s(c, QStringLiteral(
                           "select g, repeat('x', 9000), pg_sleep(0.05) from generate_series(1, 100000) g"));
        QCOMPARE(s.next()->kind, RowStream::Kind::Row);
        bool sent = false;
        std::thread canceller([&sent, handle = c.cancelHandle()] { sent = handle.cancel(); });
        canceller.join();
        QVERIFY(sent);
        try {
            while (s.next()) {
            }
            QFAIL("the stream ran to its end");
        } catch (const QueryCanceled& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("57014"));
        }
        QVERIFY(!s.next());
        QVERIFY(ready(c));
    }

    // Rows that came before an error were delivered; the error is thrown after every result is read.
    void rowStreamErrorAfterRows() {
        auto c = Connection::open(pgdesk::test::profile());
        RowStream s(c, QStringLiteral("select 10 / (3 - g) from generate_series(1, 5) g"));
        QStringList values;
        try {
            while (const auto part = s.next())
                values << part->result.text(0, 0);
            QFAIL("no error");
        } catch (const DataError& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("22012"));
            QCOMPARE(e.statement(), QStringLiteral("select 10 / (3 - g) from generate_series(1, 5) g"));
        }
        QCOMPARE(values, QStringList({QStringLiteral("5"), QStringLiteral("10")}));
        QVERIFY(ready(c));
    }

    // Statements without rows: their tag; COPY TO STDOUT's data dropped, COPY FROM STDIN refused.
    void rowStreamCommandsAndCopy() {
        auto c = Connection::open(pgdesk::test::profile());
        {
            RowStream s(c, QStringLiteral("create temp table tst_protocol_t (i int)"));
            const auto part = s.next();
            QCOMPARE(part->kind, RowStream::Kind::Command);
            QCOMPARE(part->result.commandTag(), QStringLiteral("CREATE TABLE"));
            QVERIFY(!s.next());
        }
        {
            RowStream s(c, QStringLiteral("copy (select generate_series(1, 500)) to stdout"));
            const auto part = s.next();
            QCOMPARE(part->kind, RowStream::Kind::Command);
            QCOMPARE(part->result.commandTag(), QStringLiteral("COPY 500"));
            QCOMPARE(part->result.affectedRows(), 500);
            QVERIFY(!s.next());
        }
        {
            RowStream s(c, QStringLiteral("copy tst_protocol_t from stdin"));
            s.setCopyInRefusal("no data here");
            try {
                while (s.next()) {
                }
                QFAIL("COPY FROM STDIN was not refused");
            } catch (const Error& e) {
                QVERIFY2(e.message().contains(QLatin1String("no data here")), qPrintable(e.message()));
            }
        }
        {
            RowStream s(c, QStringLiteral(""));
            QCOMPARE(s.next()->kind, RowStream::Kind::Empty);
            QVERIFY(!s.next());
        }
        QVERIFY(ready(c));
    }

    // Through a transaction pooler the statement sits in a pipeline behind the profile's SET LOCALs: they
    // hold for it, and the pipeline is ended once the stream is read (a direct connection here: the
    // protocol is the same).
    void rowStreamBehindTransactionSettings() {
        auto profile = pgdesk::test::profile();
        profile.pooler = PoolerMode::Transaction;
        profile.statementTimeoutMs = 4321;
        auto c = Connection::open(profile);
        QVERIFY(c.needsTransactionSettings());
        {
            RowStream s(
                c, QStringLiteral("select current_setting('statement_timeout') from generate_series(1, 3)"));
            int rows = 0;
            while (const auto part = s.next()) {
                if (part->kind == RowStream::Kind::Row) {
                    QCOMPARE(part->result.text(0, 0), QStringLiteral("4321ms"));
                    ++rows;
                }
            }
            QCOMPARE(rows, 3);
        }
        {
            RowStream s(c, QStringLiteral("select g from generate_series(1, 100000) g"));
            QCOMPARE(s.next()->kind, RowStream::Kind::Row); // let go early, inside the pipeline
        }
        QVERIFY(ready(c));
        // Nothing outlived its transaction: without the settings the session has its own value.
        RowStream s(c, QStringLiteral("show statement_timeout"), {}, TransactionSettings::Skip);
        QCOMPARE(s.next()->result.text(0, 0), QStringLiteral("0"));
    }

    // COPY OUT: every row as sent, then the tag's count.
    void copyOutReadsAllData() {
        auto c = Connection::open(pgdesk::test::profile());
        CopyOut copy(c,
                     QStringLiteral("copy (select g, 'a' || g from generate_series(1, 2000) g) to stdout"));
        int rows = 0;
        while (const auto data = copy.next()) {
            ++rows;
            QCOMPARE(QByteArray(data->data(), qsizetype(data->size())),
                     QByteArray::number(rows) + "\ta" + QByteArray::number(rows) + "\n");
        }
        QCOMPARE(rows, 2000);
        QVERIFY(!copy.next());
        QCOMPARE(copy.finish(), 2000);
        QVERIFY(ready(c));
    }

    // A COPY that does not start throws at once; one that fails midway throws from finish().
    void copyOutReportsErrors() {
        auto c = Connection::open(pgdesk::test::profile());
        try {
            CopyOut copy(c, QStringLiteral("copy tst_protocol_missing to stdout"));
            QFAIL("no error");
        } catch (const NotFound& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("42P01"));
        }
        QVERIFY(ready(c));
        CopyOut copy(c,
                     QStringLiteral("copy (select 100 / (50 - g) from generate_series(1, 100) g) to stdout"));
        int rows = 0;
        while (copy.next())
            ++rows;
        QVERIFY(rows < 50);
        try {
            copy.finish();
            QFAIL("no error");
        } catch (const DataError& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("22012"));
        }
        QVERIFY(ready(c));
    }

    // Let go midway (an exception in the reader), the COPY is cancelled and drained.
    void copyOutLetGoEarlyCancels() {
        auto c = Connection::open(pgdesk::test::profile());
        QElapsedTimer timer;
        timer.start();
        try {
            CopyOut copy(c, QStringLiteral("copy (select g, repeat('x', 9000), pg_sleep(0.01) from "
                                           "generate_series(1, 100000) g) to stdout"));
            QVERIFY(copy.next());
            throw std::runtime_error("reader failed");
        } catch (const std::runtime_error&) {
        }
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(ready(c));
    }

    // COPY IN beside it: chunks in, the count out.
    void copyInCountsRows() {
        auto c = Connection::open(pgdesk::test::profile());
        c.exec(QStringLiteral("create temp table tst_protocol_in (i int, t text)"));
        int chunk = 0;
        const qint64 copied =
            pq::copyIn(c, QStringLiteral("copy tst_protocol_in from stdin"), [&](QByteArray& data) {
                for (int i = 0; i < 100; ++i)
                    data += QByteArray::number(chunk * 100 + i) + "\trow\n";
                return ++chunk < 5;
            });
        QCOMPARE(copied, 500);
        QCOMPARE(c.exec(QStringLiteral("select count(*) from tst_protocol_in")).text(0, 0),
                 QStringLiteral("500"));
        QVERIFY(ready(c));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
