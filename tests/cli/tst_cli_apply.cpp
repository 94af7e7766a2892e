// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli apply against the real server, on tables of the test's own (schema tst_cliapply_<pid>): the
// round trip browse --format json → edit → apply, dry runs, conflicts (exit 5) and errors, each checked
// against the server's state with psql.
#include "clirunner.h"
#include "filesearch.h"
#include "privatecluster.h"
#include "scratchschema.h"

#include <pgdesk/core/session/dsn.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace pgdesk::test;

class TestCliApply final : public QObject {
    Q_OBJECT
private:
    std::optional<ScratchSchema> m_scratch;
    QString m_schema;
    QTemporaryDir m_dir;
    int m_files = 0;

    QString t(const QString& name) const { return m_schema + QLatin1Char('.') + name; }
    QString write(const QJsonObject& changeSet) {
        return pgdesk::test::writeFile(m_dir.filePath(QStringLiteral("cs%1.json").arg(++m_files)),
                                       QJsonDocument(changeSet).toJson());
    }
    static CliRun cli(const QStringList& args, const QByteArray& input = {}) {
        return runCli(QStringList{QStringLiteral("--dsn"), conninfo()} + args, input);
    }
    static QJsonObject browse(const QString& table) {
        const CliRun r = cli({QStringLiteral("browse"), table, QStringLiteral("--format"),
                              QStringLiteral("json"), QStringLiteral("--sort"), QStringLiteral("id")});
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        return parseObject(r);
    }
    // The version browse printed for the row whose key is {"id": id}.
    static QString versionOf(const QJsonObject& page, const QString& id) {
        const QJsonArray keys = page[QStringLiteral("keys")].toArray();
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (keys.at(i).toObject()[QStringLiteral("id")].toString() == id)
                return page[QStringLiteral("versions")].toArray().at(i).toString();
        }
        return {};
    }
    QString fingerprint(const QString& table) {
        return psql(
            QStringLiteral("select md5(string_agg(x::text || ':' || xmin, ',' order by x::text)) from %1 x")
                .arg(t(table)));
    }
    static QJsonObject update(const QString& id, const QString& version, const QJsonObject& set) {
        return QJsonObject{{QStringLiteral("op"), QStringLiteral("update")},
                           {QStringLiteral("key"), QJsonObject{{QStringLiteral("id"), id}}},
                           {QStringLiteral("version"), version},
                           {QStringLiteral("set"), set}};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema = QStringLiteral("tst_cliapply_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table %1.items (id int primary key, name text not null, qty int check (qty >= 0),"
                "  deleted_at timestamptz);"
                "insert into %1.items select g, 'item ' || g, g, null from generate_series(1, 20) g;"
                "create table %1.keyless (a text, b int);"
                "insert into %1.keyless values ('same', 1), ('same', 1);"
                "create table %1.\"we\"\"ird; drop table x;--\" (id int primary key, \"a\"\"); drop table "
                "x;--\" text);"
                "insert into %1.\"we\"\"ird; drop table x;--\" values (1, 'v');")
                .arg(m_schema));
    }

    void roundTripBrowseEditApply() {
        const QJsonObject page = browse(t(QStringLiteral("items")));
        QCOMPARE(page[QStringLiteral("keys")].toArray().size(), 20);
        const QString hostile = QStringLiteral("ünïcödé 🐘 it's \"q\" \\ '); drop table x;--");
        const QJsonObject changeSet{
            {QStringLiteral("table"), t(QStringLiteral("items"))},
            {QStringLiteral("changes"),
             QJsonArray{
                 update(QStringLiteral("1"), versionOf(page, QStringLiteral("1")),
                        {{QStringLiteral("name"), hostile}, {QStringLiteral("qty"), QJsonValue()}}),
                 QJsonObject{
                     {QStringLiteral("op"), QStringLiteral("delete")},
                     {QStringLiteral("key"), QJsonObject{{QStringLiteral("id"), QStringLiteral("2")}}},
                     {QStringLiteral("version"), versionOf(page, QStringLiteral("2"))}},
                 QJsonObject{{QStringLiteral("op"), QStringLiteral("soft_delete")},
                             {QStringLiteral("key"), QJsonObject{{QStringLiteral("id"), 3}}}}, // a number
                 QJsonObject{
                     {QStringLiteral("op"), QStringLiteral("insert")},
                     {QStringLiteral("values"), QJsonObject{{QStringLiteral("id"), QStringLiteral("100")},
                                                            {QStringLiteral("name"), QString()}}}}}}};
        const CliRun r = cli(
            {QStringLiteral("apply"), write(changeSet), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject out = parseObject(r);
        QVERIFY(out[QStringLiteral("applied")].toBool());
        const QJsonArray rows = out[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).toObject()[QStringLiteral("version")].toString(),
                 psql(QStringLiteral("select xmin from %1 where id = 1").arg(t(QStringLiteral("items")))));
        QCOMPARE(rows.at(0).toObject()[QStringLiteral("row")].toObject()[QStringLiteral("name")].toString(),
                 hostile);
        QCOMPARE(rows.at(3).toObject()[QStringLiteral("key")].toObject()[QStringLiteral("id")].toString(),
                 QStringLiteral("100"));
        // The server's state, by hand-written SQL.
        QCOMPARE(psql(QStringLiteral("select name from %1 where id = 1").arg(t(QStringLiteral("items")))),
                 hostile);
        QCOMPARE(psql(QStringLiteral("select (qty is null)::text || count(*) over () from %1 where id = 1")
                          .arg(t(QStringLiteral("items")))),
                 QStringLiteral("true1"));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1 where id = 2").arg(t(QStringLiteral("items")))),
                 QStringLiteral("0"));
        QCOMPARE(psql(QStringLiteral("select deleted_at is not null from %1 where id = 3")
                          .arg(t(QStringLiteral("items")))),
                 QStringLiteral("t"));
        QCOMPARE(psql(QStringLiteral("select name = '' and qty is null from %1 where id = 100")
                          .arg(t(QStringLiteral("items")))),
                 QStringLiteral("t"));
        // The default (active) browse no longer shows the soft-deleted row; the next browse has the new
        // versions.
        const QJsonObject after = browse(t(QStringLiteral("items")));
        QVERIFY(versionOf(after, QStringLiteral("3")).isEmpty());
        QCOMPARE(versionOf(after, QStringLiteral("1")),
                 rows.at(0).toObject()[QStringLiteral("version")].toString());
        // Restoring through the same round trip.
        const QJsonObject restore{
            {QStringLiteral("table"), t(QStringLiteral("items"))},
            {QStringLiteral("changes"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("op"), QStringLiteral("restore")},
                 {QStringLiteral("key"), QJsonObject{{QStringLiteral("id"), QStringLiteral("3")}}}}}}};
        const CliRun restored = cli({QStringLiteral("apply"), write(restore)});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QVERIFY(restored.out.startsWith(
            QStringLiteral("applied 1 change to %1 (1 restore)").arg(t(QStringLiteral("items")))));
        QVERIFY(!versionOf(browse(t(QStringLiteral("items"))), QStringLiteral("3")).isEmpty());
    }

    void dryRunPrintsSqlAndWritesNothing() {
        const QJsonObject page = browse(t(QStringLiteral("items")));
        const QString path = write(
            QJsonObject{{QStringLiteral("table"), t(QStringLiteral("items"))},
                        {QStringLiteral("changes"),
                         QJsonArray{update(QStringLiteral("5"), versionOf(page, QStringLiteral("5")),
                                           {{QStringLiteral("name"), QStringLiteral("it's;\nnew")}})}}});
        const QString before = fingerprint(QStringLiteral("items"));
        CliRun r = cli({QStringLiteral("apply"), path, QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("BEGIN ISOLATION LEVEL")), qPrintable(r.out));
        QVERIFY2(
            r.out.contains(
                QStringLiteral("UPDATE \"%1\".\"items\" SET \"name\" = 'it''s;\nnew'::text WHERE \"id\" = "
                               "'5'::integer AND xmin = '%2'::xid RETURNING *, xmin;\nCOMMIT;\n")
                    .arg(m_schema, versionOf(page, QStringLiteral("5")))),
            qPrintable(r.out));
        QVERIFY(r.out.endsWith(QLatin1String("-- dry run: 1 statement, nothing was sent\n")));
        r = cli({QStringLiteral("apply"), path, QStringLiteral("--dry-run"), QStringLiteral("--format"),
                 QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject out = parseObject(r);
        QVERIFY(out[QStringLiteral("dry_run")].toBool());
        const QJsonObject statement = out[QStringLiteral("statements")].toArray().at(0).toObject();
        QCOMPARE(statement[QStringLiteral("change")].toInt(), 1);
        QCOMPARE(statement[QStringLiteral("op")].toString(), QStringLiteral("update"));
        QVERIFY(statement[QStringLiteral("sql")].toString().contains(QLatin1String("'it''s;\nnew'::text")));
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
    }

    void conflictExitsFiveAndWritesNothing() {
        const QJsonObject page = browse(t(QStringLiteral("items")));
        psql(QStringLiteral("update %1 set name = 'theirs' where id = 6").arg(t(QStringLiteral("items"))));
        const QString path =
            write(QJsonObject{{QStringLiteral("table"), t(QStringLiteral("items"))},
                              {QStringLiteral("changes"),
                               QJsonArray{update(QStringLiteral("7"), versionOf(page, QStringLiteral("7")),
                                                 {{QStringLiteral("name"), QStringLiteral("mine 7")}}),
                                          update(QStringLiteral("6"), versionOf(page, QStringLiteral("6")),
                                                 {{QStringLiteral("name"), QStringLiteral("mine 6")}})}}});
        const QString before = fingerprint(QStringLiteral("items"));
        CliRun r = cli({QStringLiteral("apply"), path, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 5);
        const QJsonObject out = parseObject(r);
        QVERIFY(!out[QStringLiteral("applied")].toBool());
        const QJsonArray conflicts = out[QStringLiteral("conflicts")].toArray();
        QCOMPARE(conflicts.size(), 1);
        const QJsonObject c = conflicts.at(0).toObject();
        QCOMPARE(c[QStringLiteral("change")].toInt(), 2);
        QCOMPARE(c[QStringLiteral("key")].toObject(),
                 (QJsonObject{{QStringLiteral("id"), QStringLiteral("6")}}));
        QCOMPARE(c[QStringLiteral("reason")].toString(), QStringLiteral("changed"));
        QCOMPARE(c[QStringLiteral("expected_version")].toString(), versionOf(page, QStringLiteral("6")));
        QCOMPARE(c[QStringLiteral("current")].toObject()[QStringLiteral("name")].toString(),
                 QStringLiteral("theirs"));
        QCOMPARE(c[QStringLiteral("current_version")].toString(),
                 psql(QStringLiteral("select xmin from %1 where id = 6").arg(t(QStringLiteral("items")))));
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
        // The table format lists the conflicting key too.
        r = cli({QStringLiteral("apply"), path});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.out.contains(QLatin1String("| id=6 ")) && r.out.contains(QLatin1String("changed")),
                 qPrintable(r.out));
        QVERIFY(r.err.contains(QLatin1String("nothing was applied")));
        // A vanished row.
        psql(QStringLiteral("delete from %1 where id = 7").arg(t(QStringLiteral("items"))));
        const QJsonObject vanished = parseObject(
            cli({QStringLiteral("apply"), path, QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(vanished[QStringLiteral("conflicts")].toArray().size(), 2);
        QCOMPARE(vanished[QStringLiteral("conflicts")]
                     .toArray()
                     .at(0)
                     .toObject()[QStringLiteral("reason")]
                     .toString(),
                 QStringLiteral("vanished"));
        QVERIFY(vanished[QStringLiteral("conflicts")]
                    .toArray()
                    .at(0)
                    .toObject()[QStringLiteral("current")]
                    .isNull());
    }

    void errorsNameTheChange() {
        const QJsonObject page = browse(t(QStringLiteral("items")));
        const QString before = fingerprint(QStringLiteral("items"));
        QJsonArray changes;
        for (const QString& id : {QStringLiteral("8"), QStringLiteral("9"), QStringLiteral("10")})
            changes << update(id, versionOf(page, id),
                              {{QStringLiteral("qty"),
                                id == QLatin1String("9") ? QStringLiteral("-1") : QStringLiteral("1")}});
        CliRun r = cli({QStringLiteral("apply"), write({{QStringLiteral("table"), t(QStringLiteral("items"))},
                                                        {QStringLiteral("changes"), changes}})});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QLatin1String(
                     "ERROR 23514: change 2 (update (id=9)): new row for relation \"items\" violates "
                     "check constraint \"items_qty_check\"")),
                 qPrintable(r.err));
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
        // Malformed change sets never reach the server: exit 2, naming the change and field.
        r = cli({QStringLiteral("apply"), QStringLiteral("-")},
                QStringLiteral("{\"table\":\"%1\",\"changes\":[{\"op\":\"delete\",\"key\":{\"id\":\"8\"}}]}")
                    .arg(t(QStringLiteral("items")))
                    .toUtf8());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("change 1: version: a delete needs the row version")),
                 qPrintable(r.err));
        r = cli({QStringLiteral("apply"), QStringLiteral("-")}, QByteArray("{\"table\": [}"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("not valid JSON at byte")));
        r = cli({QStringLiteral("apply"), m_dir.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("apply")});
        QCOMPARE(r.exitCode, 2);
        // An unknown column: exit 6 (not found), naming the change.
        r = cli({QStringLiteral("apply"),
                 write({{QStringLiteral("table"), t(QStringLiteral("items"))},
                        {QStringLiteral("changes"),
                         QJsonArray{update(QStringLiteral("8"), versionOf(page, QStringLiteral("8")),
                                           {{QStringLiteral("nope"), QStringLiteral("1")}})}}})});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QLatin1String("change 1 (update (id=8)): column \"nope\" does not exist")),
                 qPrintable(r.err));
    }

    void standardInputAndHostileNames() {
        const QString table = m_schema + QStringLiteral(".we\"ird; drop table x;--");
        const QString version = psql(
            QStringLiteral("select xmin from %1.\"we\"\"ird; drop table x;--\" where id = 1").arg(m_schema));
        const QJsonObject changeSet{
            {QStringLiteral("table"), table},
            {QStringLiteral("changes"),
             QJsonArray{update(QStringLiteral("1"), version,
                               {{QStringLiteral("a\"); drop table x;--"), QStringLiteral("ok")}})}}};
        const CliRun r =
            cli({QStringLiteral("apply"), QStringLiteral("-")}, QJsonDocument(changeSet).toJson());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(
            psql(QStringLiteral("select \"a\"\"); drop table x;--\" from %1.\"we\"\"ird; drop table x;--\"")
                     .arg(m_schema)),
            QStringLiteral("ok"));
    }

    void keylessNeedsCtidOptIn() {
        const QJsonObject byValue{
            {QStringLiteral("table"), t(QStringLiteral("keyless"))},
            {QStringLiteral("changes"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("op"), QStringLiteral("delete")},
                 {QStringLiteral("key"), QJsonObject{{QStringLiteral("a"), QStringLiteral("same")}}},
                 {QStringLiteral("version"), QStringLiteral("1")}}}}};
        CliRun r = cli({QStringLiteral("apply"), write(byValue)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("has no row key")), qPrintable(r.err));
        const QStringList row =
            psql(QStringLiteral("select ctid || '|' || xmin from %1 order by ctid limit 1")
                     .arg(t(QStringLiteral("keyless"))))
                .split(QLatin1Char('|'));
        const QJsonObject byCtid{
            {QStringLiteral("table"), t(QStringLiteral("keyless"))},
            {QStringLiteral("use_ctid"), true},
            {QStringLiteral("changes"),
             QJsonArray{QJsonObject{{QStringLiteral("op"), QStringLiteral("update")},
                                    {QStringLiteral("key"), QJsonObject{{QStringLiteral("ctid"), row.at(0)}}},
                                    {QStringLiteral("version"), row.at(1)},
                                    {QStringLiteral("set"), QJsonObject{{QStringLiteral("b"), 2}}}}}}};
        r = cli({QStringLiteral("apply"), write(byCtid)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(psql(QStringLiteral("select string_agg(b::text, ',' order by b) from %1")
                          .arg(t(QStringLiteral("keyless")))),
                 QStringLiteral("1,2"));
    }

    // Against a hot standby, apply and import fail before any transaction with the standby's reason, exit
    // code as a read-only session's refused write (before: "cannot execute INSERT in a read-only
    // transaction" for apply, from the middle of the transaction).
    void standbyRefusesWritesUpFront() {
        PrivateCluster server;
        QVERIFY2(server.isStarted(), qPrintable(server.error()));
        QVERIFY2(!server
                      .psql(QStringLiteral("create table t (id int primary key, name text); "
                                           "insert into t values (1, 'a')"))
                      .isNull(),
                 qPrintable(server.error()));
        const QString dsn = pgdesk::core::toDsn(server.profile());
        QTemporaryDir dir;
        const QString changes = dir.filePath(QStringLiteral("c.json"));
        QFile f(changes);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"table": "public.t", "changes": [{"op": "insert", "values": {"id": "2", "name": "b"}}]})");
        f.close();
        QFile q(dir.filePath(QStringLiteral("q.sql")));
        QVERIFY(q.open(QIODevice::WriteOnly));
        q.write("select 1;\ninsert into t values (4, 'd');\n");
        q.close();
        const QString csv = dir.filePath(QStringLiteral("t.csv"));
        QFile c(csv);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write("id,name\n3,c\n");
        c.close();
        // The exit code of a write a read-only session refuses, on the primary.
        pgdesk::core::ConnectionProfile readOnlyProfile = server.profile();
        readOnlyProfile.readOnly = true; // default_transaction_read_only in the DSN's options
        const CliRun readOnly = runCli({QStringLiteral("--dsn"), pgdesk::core::toDsn(readOnlyProfile),
                                        QStringLiteral("apply"), changes});
        QVERIFY2(readOnly.err.contains(QLatin1String("read-only transaction")), qPrintable(readOnly.err));

        QVERIFY2(server.restartAsStandby(), qPrintable(server.error()));
        QCOMPARE(server.psql(QStringLiteral("select pg_is_in_recovery()")), QStringLiteral("t"));
        const QString reason =
            QStringLiteral("This server is a read-only standby; connect to the primary to edit.");
        for (const QStringList& args :
             {QStringList{QStringLiteral("apply"), changes},
              QStringList{QStringLiteral("import"), QStringLiteral("t"), csv},
              QStringList{QStringLiteral("query"), QStringLiteral("insert into t values (4, 'd')")},
              QStringList{QStringLiteral("query"), QStringLiteral("--file"),
                          dir.filePath(QStringLiteral("q.sql"))}}) {
            const CliRun r = runCli(QStringList{QStringLiteral("--dsn"), dsn} + args);
            QCOMPARE(r.exitCode, readOnly.exitCode);
            QVERIFY2(r.err.contains(reason), qPrintable(r.err));
            QVERIFY2(!r.err.contains(QLatin1String("read-only transaction")), qPrintable(r.err));
        }
        // Reading still works, and a dry run (nothing sent) too.
        QCOMPARE(
            runCli({QStringLiteral("--dsn"), dsn, QStringLiteral("browse"), QStringLiteral("t")}).exitCode,
            0);
        QCOMPARE(runCli({QStringLiteral("--dsn"), dsn, QStringLiteral("apply"), QStringLiteral("--dry-run"),
                         changes})
                     .exitCode,
                 0);
        QCOMPARE(server.psql(QStringLiteral("select count(*) from t")), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestCliApply)
#include "tst_cli_apply.moc"
