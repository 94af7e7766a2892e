// SPDX-License-Identifier: GPL-3.0-or-later
// What an agent proposed reaches a person in the window: the table's tab shows the proposal (who, when,
// what), Stage makes it the tab's staged edits, which apply with conflict detection like the user's own;
// Discard drops one; Connection ▸ Agent access… gives the lines to paste into an agent's configuration and
// lists what waits; the SQL log shows what agents ran.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/proposalstore.h>
#include <pgdesk/core/local/agentcalls.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/connect/agentaccessdialog.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/query/sqllogdock.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

namespace core = pgdesk::core;
using pgdesk::test::psql;
using pgdesk::test::psqlValue;

class TestAgentAccess final : public QObject {
    Q_OBJECT
    const QString m_table = QStringLiteral("agent_ui_%1").arg(QCoreApplication::applicationPid());
    const QString m_profile = QStringLiteral("Agent's demo");

    qint64 propose(const QString& body, const QString& summary) {
        core::Proposal p;
        p.profile = m_profile;
        p.table = core::qualifiedTableText(QStringLiteral("public"), m_table);
        p.body = body;
        p.summary = summary;
        p.proposedBy = QStringLiteral("test-agent 1.0");
        return core::ProposalStore().add(p);
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        psql(QStringLiteral("create table public.%1 (id int primary key, v text); "
                            "insert into public.%1 values (1, 'one'), (2, 'two')")
                 .arg(m_table));
        core::ConnectionProfile profile = pgdesk::test::profile();
        profile.name = m_profile;
        core::ProfileStore store;
        store.upsert(profile);
        store.save();
    }

    void cleanupTestCase() { psql(QStringLiteral("drop table if exists public.%1").arg(m_table)); }

    void aProposalIsStagedAndApplied() {
        const QString version =
            psqlValue(QStringLiteral("select xmin::text from public.%1 where id = 1").arg(m_table));
        const QString table = core::qualifiedTableText(QStringLiteral("public"), m_table);
        const qint64 changes = propose(
            QStringLiteral(R"({"table":"%1","changes":[{"op":"update","key":{"id":"1"},"version":"%2",)"
                           R"("set":{"v":"uno"}},{"op":"insert","values":{"id":"3","v":"tres"}}]})")
                .arg(table, version),
            QStringLiteral("1 update, 1 insert to public.%1").arg(m_table));
        const qint64 dropped =
            propose(QStringLiteral(R"({"table":"%1","changes":[]})").arg(table), QStringLiteral("nothing"));

        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(m_profile);
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 15000);

        // Agent access: the lines to paste, the profile's name quoted for a shell; what waits.
        QAction* access = w.workbench()->action(QStringLiteral("agentAccessAction"));
        QVERIFY(access && access->isEnabled());
        pgdesk::ui::AgentAccessDialog* dialog = pgdesk::ui::ConnectFeature::of(w)->openAgentAccess();
        QVERIFY(dialog);
        QVERIFY2(dialog->configurationText().contains(
                     QStringLiteral("claude mcp add pgdesk -- pgdesk-cli mcp --profile 'Agent'\\''s demo'")),
                 qPrintable(dialog->configurationText()));
        QVERIFY(dialog->configurationText().contains(
            QStringLiteral("\"args\":[\"mcp\",\"--profile\",\"Agent's demo\"]")));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->proposals()->rowCount(), 2, 10000);
        QCOMPARE(dialog->proposals()->item(0, 1)->text(), QStringLiteral("test-agent 1.0"));
        // Discarded there, the empty one is gone for good.
        dialog->proposals()->setCurrentCell(1, 0);
        QSignalSpy refreshed(dialog, &pgdesk::ui::AgentAccessDialog::refreshed);
        dialog->findChild<QPushButton*>(QStringLiteral("proposalDiscardButton"))->click();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(dialog->proposals()->rowCount(), 1);
        QCOMPARE(core::ProposalStore().get(dropped)->status, core::Proposal::Status::Discarded);
        // Open: the table's tab, whose bar offers the proposal.
        dialog->proposals()->setCurrentCell(0, 0);
        dialog->findChild<QPushButton*>(QStringLiteral("proposalOpenButton"))->click();
        pgdesk::ui::TableBrowser* browser = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((browser = pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()) &&
                                     browser->table().has_value(),
                                 15000);
        dialog->close();
        QWidget* bar = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (bar = browser->findChild<QWidget*>(QStringLiteral("proposalBar"))) && bar->isVisible(), 15000);
        const QString said = bar->findChild<QLabel*>(QStringLiteral("proposalLabel"))->text();
        QVERIFY2(said.contains(QStringLiteral("test-agent 1.0 proposed 1 update, 1 insert")),
                 qPrintable(said));
        QCOMPARE(psqlValue(QStringLiteral("select v from public.%1 where id = 1").arg(m_table)),
                 QStringLiteral("one")); // nothing ran

        bar->findChild<QPushButton*>(QStringLiteral("proposalStageButton"))->click();
        pgdesk::ui::EditSession* session = browser->editor()->session();
        QCOMPARE(session->size(), 2);
        QCOMPARE(core::ProposalStore().get(changes)->status, core::Proposal::Status::Staged);
        QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 10000);
        QSignalSpy applied(browser->editor(), &pgdesk::ui::TableEditor::applied);
        browser->editor()->applyStaged();
        QVERIFY(applied.wait(15000));
        QCOMPARE(
            psqlValue(QStringLiteral("select string_agg(v, ',' order by id) from public.%1").arg(m_table)),
            QStringLiteral("uno,two,tres"));
    }

    // A proposal made on a row someone changed since the agent read it: staged, its apply is a conflict
    // and writes nothing, as the user's own would be.
    void aStaleProposalConflicts() {
        const QString version =
            psqlValue(QStringLiteral("select xmin::text from public.%1 where id = 2").arg(m_table));
        const QString table = core::qualifiedTableText(QStringLiteral("public"), m_table);
        propose(QStringLiteral(R"({"table":"%1","changes":[{"op":"update","key":{"id":"2"},"version":"%2",)"
                               R"("set":{"v":"dos"}}]})")
                    .arg(table, version),
                QStringLiteral("1 update to public.%1").arg(m_table));
        psql(QStringLiteral("update public.%1 set v = 'changed meanwhile' where id = 2").arg(m_table));
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(m_profile);
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 15000);
        pgdesk::ui::TableBrowser* browser =
            pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("public"), m_table);
        QVERIFY(browser);
        QWidget* bar = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (bar = browser->findChild<QWidget*>(QStringLiteral("proposalBar"))) && bar->isVisible(), 15000);
        bar->findChild<QPushButton*>(QStringLiteral("proposalStageButton"))->click();
        QSignalSpy conflicted(browser->editor(), &pgdesk::ui::TableEditor::applyConflicted);
        browser->editor()->applyStaged();
        QVERIFY(conflicted.wait(15000));
        QCOMPARE(psqlValue(QStringLiteral("select v from public.%1 where id = 2").arg(m_table)),
                 QStringLiteral("changed meanwhile"));
    }

    // What an agent does through `pgdesk-cli mcp` (another process) shows in the window's SQL log, with the
    // agent's name and whether it was refused; calls from before the window opened do not.
    void agentCallsShowInTheSqlLog() {
        core::AgentCall before;
        before.profile = m_profile;
        before.client = QStringLiteral("test-agent 1.0");
        before.tool = QStringLiteral("query");
        before.statement = QStringLiteral("select 'from before'");
        core::AgentCallLog().add(before);
        pgdesk::ui::MainWindow w;
        w.show();
        auto* dock = w.findChild<pgdesk::ui::SqlLogDock*>();
        QVERIFY(dock);
        dock->show();
        QSignalSpy read(dock, &pgdesk::ui::SqlLogDock::agentCallsRead);
        QVERIFY(read.wait(10000)); // the log's end, as the window opened

        core::AgentCall refused = before;
        refused.statement = QStringLiteral("update customer set email = ''");
        refused.refused = true;
        refused.message =
            QStringLiteral("the statement may write; pgdesk-cli mcp --allow-write would allow it");
        core::AgentCall ok = before;
        ok.statement = QStringLiteral("select\n  42");
        ok.rows = 1;
        core::AgentCallLog().add(refused);
        core::AgentCallLog().add(ok);
        QTRY_VERIFY_WITH_TIMEOUT(dock->text().contains(QLatin1String("select 42")), 10000);
        const QString text = dock->text();
        QVERIFY2(text.contains(QStringLiteral("agent test-agent 1.0 · query on Agent's demo: update customer "
                                              "set email = ''   -- refused: the statement may write")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("select 42   -- 1 row")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("from before")), qPrintable(text));
        QCOMPARE(text.count(QLatin1String("agent test-agent")), 2);
    }
};

PGDESK_UI_TEST_MAIN(TestAgentAccess)
#include "tst_agentaccess.moc"
