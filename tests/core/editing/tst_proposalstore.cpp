// SPDX-License-Identifier: GPL-3.0-or-later
// ProposalStore: what agents proposed, kept for a person, shared by processes (a server writes, the window
// reads): pending per profile and table, settled once (staged, applied or discarded), owner-only.
#include <pgdesk/core/editing/proposalstore.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using pgdesk::core::Proposal;
using pgdesk::core::ProposalStore;

class TestProposalStore final : public QObject {
    Q_OBJECT

private slots:
    void proposedKeptAndSettledOnce() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/journal.sqlite"));
        ProposalStore server(path);
        Proposal p;
        p.profile = QStringLiteral("Demo");
        p.table = QStringLiteral("public.customer");
        p.body = QStringLiteral(R"({"table":"public.customer","changes":[]})");
        p.summary = QStringLiteral("1 update to public.customer");
        p.proposedBy = QStringLiteral("claude-code 2.1");
        const qint64 first = server.add(p);
        p.table = QStringLiteral("public.orders");
        const qint64 second = server.add(p);
        Proposal m;
        m.profile = QStringLiteral("Demo");
        m.kind = Proposal::Kind::Migration;
        m.body = QStringLiteral("alter table t add column c int");
        m.summary = QStringLiteral("1 statement(s)");
        const qint64 migration = server.add(m);
        Proposal other = p;
        other.profile = QStringLiteral("Production");
        server.add(other);
        QVERIFY(first > 0 && second > first && migration > second);

        ProposalStore window(path); // another process's view of the same file
        QCOMPARE(window.pending(QStringLiteral("Demo")).size(), 3);
        const QList<Proposal> customer =
            window.pending(QStringLiteral("Demo"), QStringLiteral("public.customer"));
        QCOMPARE(customer.size(), 1);
        QCOMPARE(customer.first().id, first);
        QCOMPARE(customer.first().proposedBy, QStringLiteral("claude-code 2.1"));
        QCOMPARE(customer.first().status, Proposal::Status::Pending);
        QVERIFY(customer.first().proposedAt.isValid());
        QCOMPARE(window.get(migration)->kind, Proposal::Kind::Migration);
        QCOMPARE(window.get(migration)->table, QString());
        QVERIFY(!window.get(9999));

        QVERIFY(window.settle(first, Proposal::Status::Staged));
        QVERIFY(!server.settle(first, Proposal::Status::Applied)); // taken already: once
        QCOMPARE(server.get(first)->status, Proposal::Status::Staged);
        QVERIFY(server.settle(second, Proposal::Status::Discarded));
        QCOMPARE(window.pending(QStringLiteral("Demo")).size(), 1);
        QCOMPARE(pgdesk::core::proposalStatusName(server.get(second)->status), QStringLiteral("discarded"));
        QVERIFY(!(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    }
};

QTEST_GUILESS_MAIN(TestProposalStore)
#include "tst_proposalstore.moc"
