// SPDX-License-Identifier: GPL-3.0-or-later
// `pgdesk-cli mcp` driven by the official MCP client SDK (@modelcontextprotocol/sdk, tests/mcp/client.mjs,
// run by Node: scripts/install-deps installs both), as an agent's client drives it: initialize, the tools
// listed, each tool called on the demo database; a write refused on every profile without --allow-write
// and on production even with it; hostile messages (not JSON, nested 10,000 deep, a batch, 100 MB, unknown
// tools and methods) answered with bounded memory; a client that goes mid-call; two clients at once. The
// profile's password is looked for in everything the processes printed and logged: never there.
#include "clirunner.h"

#include <pgdesk/core/local/agentcalls.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::test;
namespace core = pgdesk::core;

namespace {

const QString kRole = QStringLiteral("pgdesk_mcp_agent");
const QString kPassword = QStringLiteral("Mcp-pgdesk-SECRET-2718-q"); // distinctive: any hit is a leak

QJsonObject tool(const char* name, const QJsonObject& arguments = {}) {
    return {{QStringLiteral("tool"), QLatin1String(name)}, {QStringLiteral("arguments"), arguments}};
}

QJsonObject structured(const QJsonValue& call) {
    return call[QStringLiteral("result")][QStringLiteral("structuredContent")].toObject();
}

bool isError(const QJsonValue& call) {
    return call[QStringLiteral("result")][QStringLiteral("isError")].toBool();
}

QString text(const QJsonValue& call) {
    return call[QStringLiteral("result")][QStringLiteral("content")][0][QStringLiteral("text")].toString();
}

// The peak memory of a running process (VmHWM), in MiB.
qint64 peakMiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    return -1;
}

} // namespace

class TestCliMcp final : public QObject {
    Q_OBJECT
    QString m_node;
    QString m_client;
    QTemporaryDir m_dir;
    QByteArray m_printed; // everything the processes printed, searched for the password at the end

    // The SDK's client against `pgdesk-cli SERVER_ARGS… mcp …`: what it saw, as client.mjs prints it.
    QJsonObject agent(const QStringList& serverArgs, const QJsonArray& calls) {
        QProcess p;
        p.start(m_node, QStringList{m_client, binary(QStringLiteral("pgdesk-cli"))} + serverArgs);
        if (!p.waitForStarted())
            return {};
        p.write(QJsonDocument(calls).toJson());
        p.closeWriteChannel();
        if (!p.waitForFinished(120000))
            p.kill();
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        m_printed += out + '\n' + err + '\n';
        const QJsonObject seen = QJsonDocument::fromJson(out).object();
        if (seen.isEmpty() || seen.contains(QStringLiteral("failed")))
            qWarning().noquote() << "client:" << out << err;
        return seen;
    }

private slots:
    void initTestCase() {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!m_node.isEmpty(), "node is missing: Debian's package nodejs (scripts/install-deps)");
        const QString mcp = qEnvironmentVariable("PGDESK_SOURCE_DIR") + QStringLiteral("/tests/mcp");
        m_client = mcp + QStringLiteral("/client.mjs");
        QVERIFY2(
            QFile::exists(mcp + QStringLiteral("/node_modules/@modelcontextprotocol/sdk/package.json")),
            "the MCP SDK is missing: scripts/install-deps runs npm ci in tests/mcp (Debian's package npm)");
        psql(QStringLiteral("drop role if exists %1; create role %1 login password '%2';"
                            "grant select on all tables in schema public, inventory to %1;"
                            // Rights to change: the gateway, not a missing grant, keeps the rows as they are.
                            "grant insert, update, delete on public.customer to %1;"
                            "grant usage on schema inventory to %1")
                 .arg(kRole, kPassword));
        // The password goes to the keychain (the isolated D-Bus session's), as a user's would.
        const CliRun r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("agent"),
                                 QStringLiteral("--host"), cluster().host, QStringLiteral("--port"),
                                 QString::number(cluster().port), QStringLiteral("--database"),
                                 QStringLiteral("pgdesk_demo"), QStringLiteral("--user"), kRole,
                                 QStringLiteral("--environment"), QStringLiteral("development"),
                                 QStringLiteral("--password-stdin")},
                                kPassword.toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void cleanupTestCase() { psql(QStringLiteral("drop owned by %1; drop role if exists %1").arg(kRole)); }

    // Every tool, as an agent calls it; what may write is refused before it is sent, and nothing changes.
    void everyToolOnTheDemo() {
        const QString log = m_dir.filePath(QStringLiteral("calls.ndjson"));
        const qint64 mark = core::AgentCallLog().lastId();
        const QString customers = psqlValue(QStringLiteral("select count(*) from customer"));
        const QJsonArray calls{
            tool("list_schemas"), tool("list_tables", {{QStringLiteral("filter"), QStringLiteral("CUST")}}),
            tool("describe_table", {{QStringLiteral("table"), QStringLiteral("public.customer")}}),
            tool("query",
                 {{QStringLiteral("sql"), QStringLiteral("select customer_id, email from customer where "
                                                         "customer_id <= $1 order by 1")},
                  {QStringLiteral("params"), QJsonArray{3}}}),
            // 1,000 rows of 10 ms each: read whole, 10 s; stopped after the limit, a few tens of ms.
            tool("query", {{QStringLiteral("sql"), QStringLiteral("select g, pg_sleep(0.01) from "
                                                                  "generate_series(1, 1000) g")},
                           {QStringLiteral("row_limit"), 2}}),
            tool("query", {{QStringLiteral("sql"), QStringLiteral("update customer set email = email")}}),
            tool("query", {{QStringLiteral("sql"), QStringLiteral("select 1; delete from customer")}}),
            tool("query", {{QStringLiteral("sql"), QStringLiteral("copy customer to program 'id'")}}),
            tool("query", {{QStringLiteral("sql"), QStringLiteral("commit")}}),
            tool("query", {{QStringLiteral("sql"), QStringLiteral("select pg_sleep(5)")}}),
            tool("explain",
                 {{QStringLiteral("sql"), QStringLiteral("select * from customer where customer_id = 1")},
                  {QStringLiteral("analyze"), true}}),
            tool("explain", {{QStringLiteral("sql"), QStringLiteral("delete from customer")},
                             {QStringLiteral("analyze"), true}}),
            tool("explain", {{QStringLiteral("sql"), QStringLiteral("delete from customer")}}),
            tool("analyze_locks",
                 {{QStringLiteral("sql"), QStringLiteral("alter table customer add column x int "
                                                         "not null default 1")}}),
            tool("no_such_tool"),
            QJsonObject{{QStringLiteral("read"), QStringLiteral("pgdesk://agent/public/customer")}}};
        const QJsonObject seen = agent({QStringLiteral("--profile"), QStringLiteral("agent"),
                                        QStringLiteral("mcp"), QStringLiteral("--statement-timeout"),
                                        QStringLiteral("1000"), QStringLiteral("--log"), log},
                                       calls);
        QCOMPARE(seen[QStringLiteral("server")][QStringLiteral("name")].toString(), QStringLiteral("pgdesk"));
        QStringList names;
        for (const QJsonValue& t : seen[QStringLiteral("tools")].toArray())
            names << t[QStringLiteral("name")].toString();
        QCOMPARE(names, (QStringList{"list_schemas", "list_tables", "describe_table", "query", "explain",
                                     "analyze_locks", "propose_changes", "propose_migration"}));
        QVERIFY(seen[QStringLiteral("resources")].toInt() >= 10);
        const QJsonArray c = seen[QStringLiteral("calls")].toArray();
        QCOMPARE(c.size(), calls.size());

        bool publicSchema = false;
        for (const QJsonValue& s : structured(c[0])[QStringLiteral("schemas")].toArray())
            publicSchema = publicSchema || (s[QStringLiteral("name")] == QStringLiteral("public") &&
                                            s[QStringLiteral("tables")].toInt() > 0);
        QVERIFY(publicSchema);
        bool table = false;
        for (const QJsonValue& t : structured(c[1])[QStringLiteral("tables")].toArray())
            table = table || (t[QStringLiteral("name")] == QStringLiteral("customer") &&
                              t[QStringLiteral("bytes")].toDouble() > 0 &&
                              t[QStringLiteral("rows_estimate")].isDouble());
        QVERIFY(table);
        const QJsonObject described = structured(c[2]);
        QCOMPARE(described[QStringLiteral("primary_key")].toArray(),
                 QJsonArray{QStringLiteral("customer_id")});
        QCOMPARE(described[QStringLiteral("soft_delete")][QStringLiteral("kind")].toString(),
                 QStringLiteral("active_flag"));
        QVERIFY(!described[QStringLiteral("indexes")].toArray().isEmpty());
        QVERIFY(described[QStringLiteral("ddl")].toString().contains(
            QLatin1String("CREATE TABLE public.customer")));

        const QJsonObject rows = structured(c[3]);
        QCOMPARE(rows[QStringLiteral("rows")].toArray().size(), 3);
        QCOMPARE(rows[QStringLiteral("columns")][0][QStringLiteral("type")].toString(),
                 QStringLiteral("bigint"));
        QCOMPARE(rows[QStringLiteral("rows")][0][0].toString(), QStringLiteral("1")); // text, as the server's
        QCOMPARE(rows[QStringLiteral("truncated")].toBool(), false);
        const QJsonObject capped = structured(c[4]);
        QCOMPARE(capped[QStringLiteral("rows")].toArray().size(), 2);
        QVERIFY(capped[QStringLiteral("truncated")].toBool());
        QVERIFY2(capped[QStringLiteral("elapsed_ms")].toDouble() < 3000, "the rows past the limit were read");

        for (int i : {5, 6, 7, 8})
            QVERIFY2(isError(c[i]) && text(c[i]).contains(QLatin1String("refused, nothing was sent")),
                     qPrintable(text(c[i])));
        QVERIFY2(text(c[5]).contains(QLatin1String("UPDATE may change the database")) &&
                     text(c[5]).contains(QLatin1String("--allow-write")),
                 qPrintable(text(c[5])));
        QVERIFY2(text(c[6]).contains(QLatin1String("one statement")), qPrintable(text(c[6])));
        QVERIFY2(text(c[7]).contains(QLatin1String("PROGRAM")), qPrintable(text(c[7])));
        QVERIFY2(isError(c[9]) && text(c[9]).contains(QLatin1String("statement timeout")),
                 qPrintable(text(c[9])));
        QVERIFY(!structured(c[10])[QStringLiteral("nodes")].toArray().isEmpty());
        QVERIFY(structured(c[10]).contains(QStringLiteral("execution_ms")));
        QVERIFY2(isError(c[11]) && text(c[11]).contains(QLatin1String("may write")), qPrintable(text(c[11])));
        QVERIFY2(!isError(c[12]), qPrintable(text(c[12]))); // explained, not run
        const QJsonObject lock = structured(c[13])[QStringLiteral("statements")][0].toObject();
        QCOMPARE(lock[QStringLiteral("locks")][0][QStringLiteral("mode")].toString(),
                 QStringLiteral("AccessExclusiveLock"));
        QVERIFY2(c[14][QStringLiteral("thrown")].toString().contains(QLatin1String("no tool")),
                 qPrintable(QJsonDocument(c[14].toObject()).toJson()));
        QCOMPARE(c[15][QStringLiteral("result")][QStringLiteral("contents")].toArray().size(), 2);

        QCOMPARE(psqlValue(QStringLiteral("select count(*) from customer")), customers);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from information_schema.columns where "
                                          "table_name = 'customer' and column_name = 'x'")),
                 QStringLiteral("0"));

        // Every call logged, its parameter values hidden.
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        m_printed += lines.join('\n');
        QCOMPARE(lines.size(), calls.size() - 2); // no unknown tool and no resource read
        const QJsonObject logged = QJsonDocument::fromJson(lines[3]).object();
        QCOMPARE(logged[QStringLiteral("tool")].toString(), QStringLiteral("query"));
        QCOMPARE(logged[QStringLiteral("rows")].toInt(), 3);
        QVERIFY(logged[QStringLiteral("arguments")][QStringLiteral("params")].toString().contains(
            QLatin1String("hidden")));
        QCOMPARE(QJsonDocument::fromJson(lines[5]).object()[QStringLiteral("outcome")].toString(),
                 QStringLiteral("refused"));
        QVERIFY(!(QFile::permissions(log) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));

        // The same calls reach the window's SQL log, without the values.
        const QList<core::AgentCall> forWindow = core::AgentCallLog().after(mark);
        QCOMPARE(forWindow.size(), lines.size());
        QCOMPARE(forWindow[3].tool, QStringLiteral("query"));
        QCOMPARE(forWindow[3].profile, QStringLiteral("agent"));
        QVERIFY2(forWindow[3].client.contains(QLatin1String("pgdesk-tests")),
                 qPrintable(forWindow[3].client));
        QVERIFY2(forWindow[3].statement.contains(QLatin1String("customer_id <= $1")),
                 qPrintable(forWindow[3].statement));
        QCOMPARE(forWindow[3].rows, 3);
        QVERIFY2(forWindow[5].refused && !forWindow[5].message.isEmpty(), qPrintable(forWindow[5].message));
        QCOMPARE(forWindow[5].message,
                 QJsonDocument::fromJson(lines[5]).object()[QStringLiteral("message")].toString());
        for (const core::AgentCall& call : forWindow)
            m_printed += (call.statement + call.message + call.client + '\n').toUtf8();
    }

    // An agent proposes; nothing changes until a person applies the proposal (here pgdesk-cli apply
    // --proposal, under the same guard, once); values the server would refuse are refused up front and a row
    // changed since the agent read it is said; a migration is analysed and stored, never run.
    void proposalsWaitForAPerson() {
        const QString before = psqlValue(QStringLiteral("select email from customer where customer_id = 2"));
        const QString version =
            psqlValue(QStringLiteral("select xmin::text from customer where customer_id = 2"));
        const QJsonArray calls{
            tool("propose_changes",
                 {{QStringLiteral("table"), QStringLiteral("public.customer")},
                  {QStringLiteral("changes"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("op"), QStringLiteral("update")},
                       {QStringLiteral("key"),
                        QJsonObject{{QStringLiteral("customer_id"), QStringLiteral("2")}}},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("set"),
                        QJsonObject{{QStringLiteral("email"), QStringLiteral("agent@example.org")}}}}}}}),
            tool("propose_changes",
                 {{QStringLiteral("table"), QStringLiteral("public.customer")},
                  {QStringLiteral("changes"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("op"), QStringLiteral("update")},
                       {QStringLiteral("key"),
                        QJsonObject{{QStringLiteral("customer_id"), QStringLiteral("3")}}},
                       {QStringLiteral("version"), QStringLiteral("1")},
                       {QStringLiteral("set"),
                        QJsonObject{{QStringLiteral("created_at"), QStringLiteral("not a time")}}}}}}}),
            tool("propose_changes",
                 {{QStringLiteral("table"), QStringLiteral("public.customer")},
                  {QStringLiteral("changes"),
                   QJsonArray{QJsonObject{{QStringLiteral("op"), QStringLiteral("delete")},
                                          {QStringLiteral("key"),
                                           QJsonObject{{QStringLiteral("customer_id"), QStringLiteral("4")}}},
                                          {QStringLiteral("version"), QStringLiteral("1")}}}}}),
            tool("propose_migration",
                 {{QStringLiteral("sql"), QStringLiteral("alter table customer add column note text;"
                                                         "\ndrop table if exists nothing_here;")}})};
        const QJsonObject seen =
            agent({QStringLiteral("--profile"), QStringLiteral("agent"), QStringLiteral("mcp")}, calls);
        const QJsonArray c = seen[QStringLiteral("calls")].toArray();
        QVERIFY2(!isError(c[0]), qPrintable(text(c[0])));
        const qint64 id = qint64(structured(c[0])[QStringLiteral("proposal_id")].toDouble());
        QVERIFY(id > 0);
        QVERIFY2(structured(c[0])[QStringLiteral("summary")].toString().contains(
                     QLatin1String("1 update to public.customer")),
                 qPrintable(text(c[0])));
        QVERIFY(
            structured(c[0])[QStringLiteral("preview")][0].toString().startsWith(QLatin1String("UPDATE")));
        QVERIFY(structured(c[0])[QStringLiteral("conflicts")].toArray().isEmpty());
        QVERIFY2(isError(c[1]) && text(c[1]).contains(QLatin1String("created_at")), qPrintable(text(c[1])));
        QCOMPARE(structured(c[2])[QStringLiteral("conflicts")][0][QStringLiteral("reason")].toString(),
                 QStringLiteral("changed"));
        const QJsonObject migration = structured(c[3]);
        QVERIFY2(migration[QStringLiteral("summary")].toString().contains(QLatin1String("ACCESS EXCLUSIVE")),
                 qPrintable(text(c[3])));
        QCOMPARE(migration[QStringLiteral("destructive")][0][QStringLiteral("line")].toInt(), 2);
        QCOMPARE(psqlValue(QStringLiteral("select email from customer where customer_id = 2")), before);
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from information_schema.columns where table_name = "
                                     "'customer' and column_name = 'note'")),
            QStringLiteral("0"));

        const QStringList apply{QStringLiteral("--profile"), QStringLiteral("agent"), QStringLiteral("apply"),
                                QStringLiteral("--proposal"), QString::number(id)};
        CliRun r = runCli(apply);
        m_printed += (r.out + r.err).toUtf8();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral("select email from customer where customer_id = 2")),
                 QStringLiteral("agent@example.org"));
        r = runCli(apply); // once
        QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("applied already")), qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("agent"), QStringLiteral("apply"),
                    QStringLiteral("--proposal"),
                    QString::number(qint64(migration[QStringLiteral("proposal_id")].toDouble()))});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("is a migration")), qPrintable(r.err));
        QVERIFY(addProductionProfile(QStringLiteral("other")).exitCode == 0);
        r = runCli({QStringLiteral("--profile"), QStringLiteral("other"), QStringLiteral("apply"),
                    QStringLiteral("--proposal"), QString::number(id)});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("no proposal")),
                 qPrintable(r.err)); // another profile's
        psql(QStringLiteral("update customer set email = '%1' where customer_id = 2").arg(before));
    }

    // A production profile stays read-only with --allow-write; a development profile writes with it.
    void writingNeedsAllowWriteAndNoProduction() {
        QVERIFY(addProductionProfile(QStringLiteral("prod")).exitCode == 0);
        const QJsonArray update{tool("query", {{QStringLiteral("sql"), QStringLiteral("update customer set "
                                                                                      "email = email")}})};
        QJsonObject seen = agent({QStringLiteral("--profile"), QStringLiteral("prod"),
                                  QStringLiteral("--allow-write"), QStringLiteral("mcp")},
                                 update);
        QVERIFY2(isError(seen[QStringLiteral("calls")][0]),
                 qPrintable(text(seen[QStringLiteral("calls")][0])));
        QVERIFY(seen[QStringLiteral("instructions")].toString().contains(QLatin1String("Read-only")));

        psql(
            QStringLiteral("drop table if exists public.mcp_scratch; create table public.mcp_scratch (n int);"
                           "grant insert, select on public.mcp_scratch to %1")
                .arg(kRole));
        seen = agent(
            {QStringLiteral("--profile"), QStringLiteral("agent"), QStringLiteral("--allow-write"),
             QStringLiteral("mcp")},
            {tool("query", {{QStringLiteral("sql"), QStringLiteral("insert into mcp_scratch values (1), "
                                                                   "(2) returning n")}})});
        const QJsonValue inserted = seen[QStringLiteral("calls")][0];
        QVERIFY2(!isError(inserted), qPrintable(text(inserted)));
        QCOMPARE(structured(inserted)[QStringLiteral("rows")].toArray().size(), 2);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from public.mcp_scratch")), QStringLiteral("2"));
        psql(QStringLiteral("drop table public.mcp_scratch"));
    }

    // Whatever arrives gets an answer and the server stays up with bounded memory; exact numbers in params.
    void hostileMessages() {
        QProcess p;
        p.start(binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--profile"), QStringLiteral("agent"), QStringLiteral("mcp")});
        QVERIFY(p.waitForStarted());
        const auto send = [&p](const QByteArray& line) {
            p.write(line + '\n');
            while (p.bytesToWrite() > 0 && p.waitForBytesWritten(30000)) {
            }
        };
        const auto answer = [&p]() -> QJsonObject {
            for (int i = 0; i < 600 && !p.canReadLine(); ++i)
                p.waitForReadyRead(100);
            return QJsonDocument::fromJson(p.readLine()).object();
        };
        const auto code = [](const QJsonObject& o) {
            return o[QStringLiteral("error")][QStringLiteral("code")].toInt();
        };
        send("this is not json");
        QCOMPARE(code(answer()), -32700);
        send(QByteArray(10000, '['));
        QCOMPARE(code(answer()), -32700);
        send(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])");
        QCOMPARE(code(answer()), -32600);
        send(R"({"jsonrpc":"2.0","id":2,"method":"no/such/method"})");
        QCOMPARE(code(answer()), -32601);
        send(R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"drop_everything"}})");
        QCOMPARE(code(answer()), -32602);
        const qint64 before = peakMiB(p.processId());
        QByteArray huge =
            R"({"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"query","arguments":{"sql":"select ')";
        huge += QByteArray(100 << 20, 'x') + R"('"}}})";
        send(huge);
        const QJsonObject tooLarge = answer();
        QCOMPARE(code(tooLarge), -32600);
        // Read in chunks and dropped: the server's peak memory barely moves for 100 MB.
        QVERIFY2(peakMiB(p.processId()) - before < 24,
                 qPrintable(QStringLiteral("%1 → %2 MiB").arg(before).arg(peakMiB(p.processId()))));
        send(
            R"({"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"query","arguments":{"sql":"select $1::numeric + 0 as v, $2::text as t","params":[0.10, null]}}})");
        const QJsonObject exact = answer();
        QCOMPARE(exact[QStringLiteral("id")].toInt(), 5);
        const QJsonValue row =
            exact[QStringLiteral("result")][QStringLiteral("structuredContent")][QStringLiteral("rows")][0];
        QCOMPARE(row[0].toString(), QStringLiteral("0.10"));
        QVERIFY(row[1].isNull());
        send(R"({"jsonrpc":"2.0","id":6,"method":"ping"})");
        QCOMPARE(answer()[QStringLiteral("id")].toInt(), 6);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        m_printed += p.readAllStandardOutput() + p.readAllStandardError();
    }

    // A client that goes in the middle of a call: the server finishes the call, finds no one, and ends.
    // Two clients at once each have their own server and connection.
    void clientsComeAndGo() {
        QProcess p;
        p.start(binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--profile"), QStringLiteral("agent"), QStringLiteral("mcp")});
        QVERIFY(p.waitForStarted());
        p.write(
            R"json({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"query","arguments":{"sql":"select pg_sleep(1)"}}})json"
            "\n");
        p.waitForBytesWritten(5000);
        p.closeReadChannel(QProcess::StandardOutput);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);

        const QString pidQuery =
            QStringLiteral("select count(*) from pg_stat_activity where application_name = "
                           "'pgdesk-cli mcp'");
        QVERIFY(waitForPsqlValue(pidQuery, QStringLiteral("0")));
        QProcess a;
        QProcess b;
        const QJsonArray calls{
            tool("query", {{QStringLiteral("sql"), QStringLiteral("select pg_sleep(0.5), 1 as one")}})};
        for (QProcess* c : {&a, &b}) {
            c->start(m_node, {m_client, binary(QStringLiteral("pgdesk-cli")), QStringLiteral("--profile"),
                              QStringLiteral("agent"), QStringLiteral("mcp")});
            QVERIFY(c->waitForStarted());
            c->write(QJsonDocument(calls).toJson());
            c->waitForBytesWritten(10000);
            c->closeWriteChannel();
        }
        for (QProcess* c : {&a, &b}) {
            QVERIFY(c->waitForFinished(60000));
            const QByteArray out = c->readAllStandardOutput();
            m_printed += out + c->readAllStandardError();
            const QJsonValue call = QJsonDocument::fromJson(out).object()[QStringLiteral("calls")][0];
            QVERIFY2(!isError(call), out.constData());
            const QJsonObject result = structured(call);
            QVERIFY2(result[QStringLiteral("rows")][0][1].toString() == QLatin1String("1"), out.constData());
        }
    }

    // Last: nothing any process printed or logged holds the password, in any case or encoding.
    void thePasswordIsNeverShown() {
        QVERIFY(m_printed.size() > 1000);
        for (const QByteArray& form :
             {kPassword.toUtf8(), kPassword.toUtf8().toBase64(), kPassword.toUtf8().toHex()})
            QVERIFY2(!m_printed.contains(form), form.constData());
        QVERIFY(!m_printed.toLower().contains(kPassword.toLower().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliMcp)
#include "tst_cli_mcp.moc"
