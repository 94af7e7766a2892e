// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace pgdesk::test;

class TestCliTables final : public QObject {
    Q_OBJECT
private slots:
    void tablesJsonListsUsersWithKey() {
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("tables"),
                               QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray tables = parseObject(r)[QStringLiteral("tables")].toArray();
        QJsonObject users, events2601;
        for (const auto& v : tables) {
            const QJsonObject o = v.toObject();
            if (o[QStringLiteral("schema")].toString() == QLatin1String("public") &&
                o[QStringLiteral("name")].toString() == QLatin1String("users"))
                users = o;
            if (o[QStringLiteral("name")].toString() == QLatin1String("events_2026_01"))
                events2601 = o;
        }
        QVERIFY2(!users.isEmpty(), qPrintable(r.out.left(2000)));
        QCOMPARE(users[QStringLiteral("kind")].toString(), QStringLiteral("table"));
        const QJsonObject conv = users[QStringLiteral("conventions")].toObject();
        QCOMPARE(conv[QStringLiteral("row_key")].toArray(), QJsonArray({QStringLiteral("id")}));
        QCOMPARE(conv[QStringLiteral("row_key_source")].toString(), QStringLiteral("primary_key"));
        QVERIFY(conv[QStringLiteral("uuid_key")].toBool());
        QVERIFY(conv[QStringLiteral("soft_delete")].isNull());
        QCOMPARE(users[QStringLiteral("estimated_rows")].toDouble(), 200.0);
        QCOMPARE(events2601[QStringLiteral("parent_name")].toString(), QStringLiteral("events"));
    }

    void tablesTableFormatWithSchemaFilter() {
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("tables"),
                               QStringLiteral("--schema"), QStringLiteral("inventory")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("products")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("materialized_view")));
        QVERIFY(r.out.contains(QStringLiteral("product_id")));
        QVERIFY2(!r.out.contains(QStringLiteral("users")), qPrintable(r.out));
    }

    // An uncommitted ALTER TABLE in another session: reads of that table give up after their short
    // lock_timeout (exit 4, 55P03) and name the session holding the lock, instead of hanging without a
    // reason; the listing does not wait at all (it does not open the locked table).
    void catalogReadsBlockedByAlterTableNameTheHolder() {
        // A database of its own: the lock would block every other test listing the demo database's tables.
        const QString db = QStringLiteral("tst_cli_lock_%1").arg(QCoreApplication::applicationPid());
        psql(QStringLiteral("create database %1").arg(db), QStringLiteral("postgres"));
        psql(QStringLiteral("create table public.customer (id int primary key, name text)"), db);
        auto holder = pgdesk::core::Connection::open(profile(db));
        holder.exec(QStringLiteral("BEGIN; ALTER TABLE public.customer ADD COLUMN x int"));
        const QString pid = QString::number(holder.backendPid());
        const auto tables =
            runCli({QStringLiteral("--dsn"), conninfo(db), QStringLiteral("tables")}, {}, 20000);
        QVERIFY2(tables.exitCode == 0, qPrintable(tables.err)); // waiting would have ended in 55P03
        QVERIFY2(tables.out.contains(QStringLiteral("customer")), qPrintable(tables.out));
        const QList<QStringList> commands{
            {QStringLiteral("describe"), QStringLiteral("customer")},
            {QStringLiteral("browse"), QStringLiteral("customer")},
            {QStringLiteral("export"), QStringLiteral("customer"), QStringLiteral("-o"),
             QDir::temp().filePath(
                 QStringLiteral("tst_cli_tables_%1.csv").arg(QCoreApplication::applicationPid()))}};
        for (const QStringList& command : commands) {
            QElapsedTimer timer;
            timer.start();
            const auto r = runCli(QStringList{QStringLiteral("--dsn"), conninfo(db)} + command, {}, 20000);
            const qint64 elapsed = timer.elapsed();
            QVERIFY2(elapsed < 5000, qPrintable(command.join(u' ') + QStringLiteral(": %1 ms").arg(elapsed)));
            QVERIFY2(r.exitCode == 4, qPrintable(command.join(u' ') + QStringLiteral(": ") + r.err));
            QVERIFY2(r.err.contains(QStringLiteral("55P03")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("waiting for a lock held by PID %1 (").arg(pid)),
                     qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("idle in transaction")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("ALTER TABLE public.customer ADD COLUMN x int")),
                     qPrintable(r.err));
        }
        holder.exec(QStringLiteral("ROLLBACK"));
        QCOMPARE(runCli({QStringLiteral("--dsn"), conninfo(db), QStringLiteral("describe"),
                         QStringLiteral("customer")})
                     .exitCode,
                 0);
        holder = {};
        psql(QStringLiteral("drop database %1 with (force)").arg(db), QStringLiteral("postgres"));
    }

    void describeCustomerShowsActiveFlag() {
        const auto r =
            runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("describe"),
                    QStringLiteral("customer"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r);
        QCOMPARE(o[QStringLiteral("schema")].toString(), QStringLiteral("public"));
        const QJsonObject conv = o[QStringLiteral("conventions")].toObject();
        const QJsonObject soft = conv[QStringLiteral("soft_delete")].toObject();
        QCOMPARE(soft[QStringLiteral("kind")].toString(), QStringLiteral("active_flag"));
        QCOMPARE(soft[QStringLiteral("column")].toString(), QStringLiteral("is_active"));
        QVERIFY(conv[QStringLiteral("updated_at_by_trigger")].toBool());
        QCOMPARE(conv[QStringLiteral("updated_at_column")].toString(), QStringLiteral("last_update"));
        QCOMPARE(o[QStringLiteral("columns")].toArray().size(), 7);
        QCOMPARE(
            o[QStringLiteral("referenced_by")].toArray().at(0).toObject()[QStringLiteral("table")].toString(),
            QStringLiteral("big_orders"));
        QVERIFY(o[QStringLiteral("privileges")].toObject()[QStringLiteral("delete")].toBool());
    }

    void describeTableFormat() {
        const auto r = runCli(
            {QStringLiteral("--dsn"), conninfo(), QStringLiteral("describe"), QStringLiteral("posts")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("deleted_at (deleted_at)")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("-> public.users (id)")));
    }

    void describeMissingExits6() {
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("describe"),
                               QStringLiteral("no_such_table")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("no_such_table")), qPrintable(r.err));
    }

    void describeHostileTable() {
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("describe"),
                               QStringLiteral("we\"ird; drop table x;--"), QStringLiteral("--format"),
                               QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r);
        QCOMPARE(o[QStringLiteral("name")].toString(), QStringLiteral("we\"ird; drop table x;--"));
        QStringList names;
        for (const auto& c : o[QStringLiteral("columns")].toArray())
            names << c.toObject()[QStringLiteral("name")].toString();
        QCOMPARE(names, QStringList({"id", "select", "Mixed Case"}));
        const auto x = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"),
                               QStringLiteral("select count(*) from public.x"), QStringLiteral("--format"),
                               QStringLiteral("csv")});
        QCOMPARE(x.exitCode, 0);
        QCOMPARE(x.out, QStringLiteral("count\r\n1\r\n"));
    }

    // A role with SELECT on some columns only (issue 16, item 13): describe reports the column privileges,
    // browse and export read the readable columns and say which are left out (before: "permission denied
    // for table", exit 4, and describe said the role had no privileges at all).
    void columnPrivileges() {
        const QString name = QStringLiteral("tst_cli_grants_%1").arg(QCoreApplication::applicationPid());
        psql(QStringLiteral(
                 "drop role if exists %1; create role %1 login password 'pw';"
                 "create table public.%1 (id int primary key, name text, salary numeric);"
                 "insert into public.%1 values (1, 'Ann', 5000);"
                 "grant select (id, name) on public.%1 to %1; grant update (name) on public.%1 to %1")
                 .arg(name));
        const QString dsn =
            conninfo().replace(QStringLiteral("user=") + cluster().user, QStringLiteral("user=") + name);
        const auto run = [&](QStringList args) {
            args.prepend(QStringLiteral("--password-stdin"));
            args.prepend(dsn);
            args.prepend(QStringLiteral("--dsn"));
            return runCli(args, "pw\n");
        };
        const auto d = run({QStringLiteral("describe"), name});
        QCOMPARE(d.exitCode, 0);
        QVERIFY2(
            d.out.contains(QLatin1String("Privileges: select on id, name (not salary), insert no, update on "
                                         "name (not id, salary), delete no")),
            qPrintable(d.out));
        QVERIFY2(d.out.contains(QLatin1String("not readable")), qPrintable(d.out));
        const QJsonObject described = parseObject(
            run({QStringLiteral("describe"), name, QStringLiteral("--format"), QStringLiteral("json")}));
        const QJsonArray columns = described[QStringLiteral("columns")].toArray();
        QCOMPARE(columns.size(), 3);
        QVERIFY(!columns.at(2)
                     .toObject()[QStringLiteral("privileges")]
                     .toObject()[QStringLiteral("select")]
                     .toBool());
        QVERIFY(columns.at(1)
                    .toObject()[QStringLiteral("privileges")]
                    .toObject()[QStringLiteral("update")]
                    .toBool());
        QVERIFY(!described[QStringLiteral("row_version_readable")].toBool());

        const auto b =
            run({QStringLiteral("browse"), name, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(b.exitCode, 0);
        QVERIFY2(b.err.contains(QLatin1String("note: column salary is not read (no SELECT privilege on it)")),
                 qPrintable(b.err));
        const QJsonObject page = parseObject(b);
        QCOMPARE(page[QStringLiteral("hidden_columns")].toArray(), QJsonArray({QStringLiteral("salary")}));
        QCOMPARE(page[QStringLiteral("rows")].toArray().first().toArray(),
                 QJsonArray({QStringLiteral("1"), QStringLiteral("Ann")}));

        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        const auto e = run({QStringLiteral("export"), name, QStringLiteral("-o"), csv,
                            QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(e.exitCode, 0);
        QVERIFY2(e.err.contains(QLatin1String("column salary is not read")), qPrintable(e.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("id,name\n1,Ann\n"));
        psql(QStringLiteral("drop table public.%1; drop role %1").arg(name));
    }
};

QTEST_GUILESS_MAIN(TestCliTables)
#include "tst_cli_tables.moc"
