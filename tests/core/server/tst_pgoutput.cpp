// SPDX-License-Identifier: GPL-3.0-or-later
// core::PgOutputDecoder on messages built byte by byte as pgoutput (protocol 1) sends them: every change
// kind, NULL against empty text, unchanged TOAST, key-only and full old rows, changes held until COMMIT, and
// every message cut short at every length or naming an unknown relation refused as a Data error.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/changefeed.h>

#include <QTest>
#include <QtEndian>

using namespace pgdesk;

namespace {

class Message {
public:
    explicit Message(char type) { m_bytes.append(type); }
    Message& u8(char v) {
        m_bytes.append(v);
        return *this;
    }
    Message& u16(quint16 v) { return raw(qToBigEndian(v)); }
    Message& u32(quint32 v) { return raw(qToBigEndian(v)); }
    Message& u64(quint64 v) { return raw(qToBigEndian(v)); }
    Message& str(const char* s) {
        m_bytes.append(s);
        m_bytes.append('\0');
        return *this;
    }
    Message& text(const QByteArray& value) {
        u8('t').u32(quint32(value.size()));
        m_bytes.append(value);
        return *this;
    }
    QByteArray bytes() const { return m_bytes; }

private:
    template <typename T> Message& raw(T v) {
        m_bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
        return *this;
    }
    QByteArray m_bytes;
};

QByteArray begin(quint32 xid) {
    return Message('B').u64(0x1000).u64(0).u32(xid).bytes();
}

// Commit at 2026-01-02 03:04:05.000006 UTC (microseconds since 2000-01-01).
constexpr quint64 kCommitMicros = 820'638'245'000'006ULL;

QByteArray commit() {
    return Message('C').u8(0).u64(0x1000).u64(0x1100).u64(kCommitMicros).bytes();
}

// Relation 16384: "shop"."or ders" (id key, note, blob).
QByteArray relation() {
    return Message('R')
        .u32(16384)
        .str("shop")
        .str("or ders")
        .u8('d')
        .u16(3)
        .u8(1)
        .str("id")
        .u32(23)
        .u32(0xffffffff)
        .u8(0)
        .str("note")
        .u32(25)
        .u32(0xffffffff)
        .u8(0)
        .str("blob")
        .u32(25)
        .u32(0xffffffff)
        .bytes();
}

QList<QByteArray> transaction() {
    return {
        begin(777),
        relation(),
        Message('I').u32(16384).u8('N').u16(3).text("1").text("").u8('n').bytes(),
        Message('U')
            .u32(16384)
            .u8('K')
            .u16(3)
            .text("1")
            .u8('n')
            .u8('n')
            .u8('N')
            .u16(3)
            .text("2")
            .text("שלום %_\\")
            .u8('u')
            .bytes(),
        Message('D').u32(16384).u8('O').u16(3).text("2").text("x").text("y").bytes(),
        Message('T').u32(1).u8(0).u32(16384).bytes(),
        commit(),
    };
}

} // namespace

class TestPgOutput final : public QObject {
    Q_OBJECT

private slots:
    // test_decoding's lines: quoted names holding what the parser looks for, bits, the old key of an update,
    // an update without identity, held until COMMIT; a line it cannot read refused.
    void testDecodingLines() {
        core::TestDecodingDecoder d;
        d.decode(QStringLiteral("BEGIN 731"), QStringLiteral("0/1"));
        d.decode(
            QStringLiteral("table \"s: x\".\"t \"\"q\"\"\": INSERT: \"a[b]\"[integer]:1 \"c d\"[character "
                           "varying(5)]:'it''s' e[bit(4)]:B'1010' f[text[]]:'{\"x y\"}' g[boolean]:true "
                           "h[text]:null"),
            QStringLiteral("0/2"));
        QVERIFY(d.take().isEmpty()); // not committed yet
        d.decode(QStringLiteral("table public.t: UPDATE: old-key: id[integer]:1 new-tuple: id[integer]:2 "
                                "v[text]:'new-tuple: no' big[text]:unchanged-toast-datum"),
                 QStringLiteral("0/3"));
        d.decode(QStringLiteral("table public.nokey: DELETE: (no-tuple-data)"), QStringLiteral("0/4"));
        d.decode(QStringLiteral("table public.t: TRUNCATE: restart_seqs"), QStringLiteral("0/5"));
        d.decode(QStringLiteral("COMMIT 731 (at 2026-11-29 05:00:00.12+00)"), QStringLiteral("0/6"));
        const QList<core::RowChange> c = d.take();
        QCOMPARE(c.size(), 4);
        QCOMPARE(c[0].schema, QStringLiteral("s: x"));
        QCOMPARE(c[0].table, QStringLiteral("t \"q\""));
        QCOMPARE(c[0].columns, (QStringList{"a[b]", "c d", "e", "f", "g", "h"}));
        QCOMPARE(*c[0].newValues[1], QStringLiteral("it's"));
        QCOMPARE(*c[0].newValues[2], QStringLiteral("1010"));
        QCOMPARE(*c[0].newValues[3], QStringLiteral("{\"x y\"}"));
        QCOMPARE(*c[0].newValues[4], QStringLiteral("true"));
        QVERIFY(!c[0].newValues[5]);
        QCOMPARE(c[0].xid, 731u);
        QCOMPARE(c[0].commitTime, QStringLiteral("2026-11-29T05:00:00.120000Z"));
        QCOMPARE(c[1].kind, core::RowChange::Kind::Update);
        QVERIFY(c[1].oldKeyOnly);
        QCOMPARE(*c[1].oldValues[0], QStringLiteral("1"));
        QCOMPARE(*c[1].newValues[1], QStringLiteral("new-tuple: no"));
        QCOMPARE(c[1].unchanged, QList<int>{2});
        QCOMPARE(c[1].keyColumns, (QList<bool>{true, false, false}));
        QCOMPARE(c[2].kind, core::RowChange::Kind::Delete);
        QVERIFY(c[2].oldValues.isEmpty());
        QCOMPARE(c[3].kind, core::RowChange::Kind::Truncate);
        for (const char* bad : {"table public.t INSERT: a[int]:1", "table t: INSERT: a[int]:1", "ROLLBACK 1",
                                "table public.t: MERGE: x", "table public.t: INSERT: a[int]:'open"})
            QVERIFY_THROWS_EXCEPTION(core::Error, d.decode(QString::fromUtf8(bad), QStringLiteral("0/7")));
    }

    void decodesEveryKindAtCommit() {
        core::PgOutputDecoder decoder;
        const QList<QByteArray> messages = transaction();
        for (qsizetype i = 0; i + 1 < messages.size(); ++i) {
            decoder.decode(messages[i], QStringLiteral("0/%1").arg(i));
            QVERIFY2(decoder.take().isEmpty(), "a change came out before its COMMIT");
        }
        decoder.decode(messages.constLast(), QStringLiteral("0/9"));
        const QList<core::RowChange> changes = decoder.take();
        QCOMPARE(changes.size(), 4);
        for (const auto& c : changes) {
            QCOMPARE(c.xid, 777u);
            QCOMPARE(c.commitTime, QStringLiteral("2026-01-02T03:04:05.000006Z"));
            QCOMPARE(c.schema, QStringLiteral("shop"));
            QCOMPARE(c.table, QStringLiteral("or ders"));
            QCOMPARE(c.columns, (QStringList{"id", "note", "blob"}));
            QCOMPARE(c.keyColumns, (QList<bool>{true, false, false}));
        }
        const core::RowChange& insert = changes[0];
        QCOMPARE(insert.kindName(), QStringLiteral("insert"));
        QCOMPARE(insert.lsn, QStringLiteral("0/2"));
        QVERIFY(insert.oldValues.isEmpty());
        QCOMPARE(insert.newValues.size(), 3);
        QCOMPARE(insert.newValues[1], std::optional<QString>(QString(""))); // empty text, not NULL
        QVERIFY(insert.newValues[1]->isEmpty());
        QCOMPARE(insert.newValues[2], std::optional<QString>()); // NULL
        QVERIFY(insert.unchanged.isEmpty());

        const core::RowChange& update = changes[1];
        QCOMPARE(update.kind, core::RowChange::Kind::Update);
        QVERIFY(update.oldKeyOnly);
        QCOMPARE(update.oldValues[0], std::optional<QString>(QStringLiteral("1")));
        QCOMPARE(update.newValues[1], std::optional<QString>(QStringLiteral("שלום %_\\")));
        QCOMPARE(update.unchanged, QList<int>{2});

        const core::RowChange& remove = changes[2];
        QCOMPARE(remove.kind, core::RowChange::Kind::Delete);
        QVERIFY(!remove.oldKeyOnly);
        QCOMPARE(remove.oldValues[2], std::optional<QString>(QStringLiteral("y")));
        QVERIFY(remove.newValues.isEmpty());

        QCOMPARE(changes[3].kind, core::RowChange::Kind::Truncate);
        QVERIFY(decoder.take().isEmpty());
    }

    // The relations outlive a poll: pgoutput announces a relation once per decoding session.
    void relationsAreKeptAcrossTransactions() {
        core::PgOutputDecoder decoder;
        for (const QByteArray& m : transaction())
            decoder.decode(m, QStringLiteral("0/1"));
        QCOMPARE(decoder.take().size(), 4);
        decoder.decode(begin(778), QStringLiteral("0/2"));
        decoder.decode(Message('I').u32(16384).u8('N').u16(3).text("5").u8('n').u8('n').bytes(),
                       QStringLiteral("0/3"));
        decoder.decode(commit(), QStringLiteral("0/4"));
        const auto changes = decoder.take();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].xid, 778u);
        QCOMPARE(changes[0].table, QStringLiteral("or ders"));
    }

    void everyTruncationIsRefused() {
        for (const QByteArray& m : transaction()) {
            for (qsizetype length = 0; length < m.size(); ++length) {
                core::PgOutputDecoder decoder;
                decoder.decode(relation(), QStringLiteral("0/0"));
                try {
                    decoder.decode(m.left(length), QStringLiteral("0/1"));
                    QFAIL(qPrintable(QStringLiteral("message '%1' cut at %2 bytes was accepted")
                                         .arg(QChar(m.at(0)))
                                         .arg(length)));
                } catch (const core::Error& e) {
                    QCOMPARE(e.kind(), core::ErrorKind::Data);
                }
            }
        }
    }

    void unknownRelationsAndKindsAreRefused() {
        const QList<QByteArray> bad{
            Message('I').u32(99).u8('N').u16(0).bytes(),                        // never announced
            Message('I').u32(16384).u8('N').u16(2).text("1").text("2").bytes(), // 2 values for 3 columns
            Message('I').u32(16384).u8('N').u16(3).u8('b').u32(1).u8('x').u8('n').u8('n').bytes(), // binary
            Message('I').u32(16384).u8('X').bytes(),
            Message('U').u32(16384).u8('K').u16(3).text("1").u8('n').u8('n').u8('Q').bytes(),
            Message('D').u32(16384).u8('N').u16(3).text("1").u8('n').u8('n').bytes(),
            Message('Z').bytes(),
            Message('I').u32(16384).u8('N').u16(3).u8('t').u32(0xffffffff).bytes(), // a length past the end
        };
        for (const QByteArray& m : bad) {
            core::PgOutputDecoder decoder;
            decoder.decode(relation(), QStringLiteral("0/0"));
            QVERIFY_THROWS_EXCEPTION(core::Error, decoder.decode(m, QStringLiteral("0/1")));
        }
    }
};

QTEST_GUILESS_MAIN(TestPgOutput)
#include "tst_pgoutput.moc"
