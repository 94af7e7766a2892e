// SPDX-License-Identifier: GPL-3.0-or-later
// The change-set applier against a real server, on tables of the test's own (schema tst_csapply_<pid>):
// every outcome is checked against the server's state read back with hand-written SQL.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <future>

using namespace pgdesk::core;

namespace {

Key key(const QString& column, const QString& value) {
    return Key{{column, value}};
}

Key id(int n) {
    return key(QStringLiteral("id"), QString::number(n));
}

Change update(const Key& k, const QString& version, const Row& set) {
    return Change{ChangeOp::Update, k, version, set, {}};
}

template <class E, class Fn> ErrorInfo errorOf(Fn&& fn) {
    try {
        fn();
    } catch (const E& e) {
        return e.info();
    } catch (const std::exception& e) {
        ErrorInfo info;
        info.message = QStringLiteral("wrong exception: ") + QString::fromUtf8(e.what());
        return info;
    }
    ErrorInfo info;
    info.message = QStringLiteral("no exception");
    return info;
}

} // namespace

class TestChangeSetApplier final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QString m_schema;

    TableInfo table(const QString& name) { return CatalogReader(m_c).table(m_schema, name); }
    QString q(const QString& name) const { return m_schema + QLatin1Char('.') + name; }
    QString scalar(const QString& sql) { return m_c.exec(sql).text(0, 0); }
    QString version(const QString& tableName, int rowId) {
        return scalar(QStringLiteral("select xmin from %1 where id = %2").arg(q(tableName)).arg(rowId));
    }
    ChangeSet changeSet(const QString& name, QList<Change> changes = {}) {
        ChangeSet s(table(name));
        s.changes = std::move(changes);
        return s;
    }
    // A fingerprint of a whole table, to prove that nothing was written.
    QString fingerprint(const QString& name) {
        return scalar(
            QStringLiteral("select md5(string_agg(t::text || ':' || xmin, ',' order by t::text)) from %1 t")
                .arg(q(name)));
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_schema = QStringLiteral("tst_csapply_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table %1.items (id int primary key, name text not null, qty int check (qty >= 0),"
                "  note text, updated_at timestamptz);"
                "insert into %1.items select g, 'item ' || g, g, null, null from generate_series(1, 700) g;"
                "create table %1.docs (id int primary key, title text, deleted_at timestamptz);"
                "insert into %1.docs select g, 'doc ' || g, null from generate_series(1, 5) g;"
                "create table %1.members (id int primary key, name text, is_active boolean not null default "
                "  true, last_update timestamptz);"
                "create function %1.touch() returns trigger language plpgsql as $$ begin"
                "  NEW.last_update := '2000-01-01'; return NEW; end $$;"
                "create trigger members_touch before update on %1.members for each row execute function "
                "  %1.touch();"
                "insert into %1.members (id, name) values (1, 'ann'), (2, 'bob');"
                "create table %1.keyless (a text, b int);"
                "insert into %1.keyless values ('same', 1), ('same', 1), ('other', 2);"
                "create table %1.gen (id int primary key, v int, g int generated always as (v * 2) stored,"
                "  n int generated always as identity);"
                "insert into %1.gen (id, v) values (1, 1);"
                "create table %1.pair (a int, b text, v text, primary key (a, b));"
                "insert into %1.pair values (1, 'x', 'one'), (1, 'y', 'two');"
                "create type %1.mood as enum ('sad', 'ok', 'happy');"
                "create table %1.typed (id int primary key, n numeric(30,10), ts timestamptz, j jsonb, arr "
                "text[],"
                "  m %1.mood, vc varchar(5));"
                "insert into %1.typed (id) values (1);"
                "create table %1.\"we\"\"ird; drop table x;--\" (id int primary key,"
                "  \"a\"\"); drop table x;--\" text);"
                "insert into %1.\"we\"\"ird; drop table x;--\" values (1, 'v');"
                "create view %1.items_view as select * from %1.items;"
                "create table %1.defs (id int primary key, status text default 'new', n int default 40 + 2,"
                "  note text);"
                "insert into %1.defs select g, 'old', g, 'x' from generate_series(1, 100) g;")
                .arg(m_schema));
    }

    void planIsPureAndReadable() {
        const TableInfo items = table(QStringLiteral("items"));
        const ChangeSetApplier applier(items);
        ChangeSet s(items);
        s.changes << update(
            id(1), QStringLiteral("42"),
            {{QStringLiteral("name"), QStringLiteral("it's \\ new")}, {QStringLiteral("note"), {}}});
        s.changes << Change{
            ChangeOp::Insert,
            {},
            {},
            {{QStringLiteral("id"), QStringLiteral("9001")}, {QStringLiteral("name"), QStringLiteral("n")}},
            {}};
        s.changes << Change{ChangeOp::Delete, id(2), QStringLiteral("43"), {}, {}};
        const QList<PlannedStatement> plan = applier.plan(s);
        QCOMPARE(plan.size(), 3);
        const QString t = QStringLiteral("\"%1\".\"items\"").arg(m_schema);
        QCOMPARE(plan.at(0).sql,
                 QStringLiteral("UPDATE %1 SET \"name\" = $1::text, \"note\" = $2::text, "
                                "\"updated_at\" = now() WHERE \"id\" = $3::integer AND xmin = "
                                "$4::xid RETURNING *, xmin")
                     .arg(t));
        QVERIFY(plan.at(0).params == (Params{param("it's \\ new"), nullParam(), param("1"), param("42")}));
        QCOMPARE(plan.at(1).sql,
                 QStringLiteral(
                     "INSERT INTO %1 (\"id\", \"name\") VALUES ($1::integer, $2::text) RETURNING *, xmin")
                     .arg(t));
        QCOMPARE(
            plan.at(2).sql,
            QStringLiteral("DELETE FROM %1 WHERE \"id\" = $1::integer AND xmin = $2::xid RETURNING *, xmin")
                .arg(t));
        QCOMPARE(plan.at(2).change, 2);
        // The preview writes literals, escaped like PQescapeLiteral does.
        const QString preview = applier.preview(s);
        QVERIFY2(preview.startsWith(
                     QStringLiteral("UPDATE %1 SET \"name\" = E'it''s \\\\ new'::text, \"note\" = "
                                    "NULL::text, \"updated_at\" = now() WHERE \"id\" = '1'::integer "
                                    "AND xmin = '42'::xid RETURNING *, xmin;\n")
                         .arg(t)),
                 qPrintable(preview));
        QCOMPARE(preview.count(QLatin1String(";\n")), 3);
        // PQescapeLiteral writes the same literals (after a leading space it puts before E'…').
        QCOMPARE(applier.preview(s, [this](const QString& v) { return m_c.quoteLiteral(v).trimmed(); }),
                 preview);
        // The server agrees with the pure quoting.
        QCOMPARE(scalar(QStringLiteral("select ") + quoteLiteralPure(QStringLiteral("it's \\ new \"x\" 🐘"))),
                 QStringLiteral("it's \\ new \"x\" 🐘"));

        // Soft delete per convention; updated_at left to a trigger that maintains it.
        const ChangeSetApplier docs(table(QStringLiteral("docs")));
        ChangeSet d = changeSet(QStringLiteral("docs"), {Change{ChangeOp::SoftDelete, id(1), {}, {}, {}}});
        QVERIFY(docs.plan(d).first().sql.contains(
            QLatin1String("SET \"deleted_at\" = now() WHERE \"id\" = $1::integer "
                          "RETURNING")));
        const ChangeSetApplier members(table(QStringLiteral("members")));
        ChangeSet m = changeSet(QStringLiteral("members"),
                                {Change{ChangeOp::Restore, id(1), QStringLiteral("7"), {}, {}}});
        QVERIFY(members.plan(m).first().sql.contains(
            QLatin1String("SET \"is_active\" = true WHERE \"id\" = $1::integer "
                          "AND xmin = $2::xid RETURNING")));
    }

    void planRefusesWhatCannotApply() {
        const TableInfo items = table(QStringLiteral("items"));
        const ChangeSetApplier applier(items);
        const auto fails = [&](const ChangeSet& s) { return errorOf<Error>([&] { applier.plan(s); }); };
        ChangeSet s(items);
        s.changes << update(id(1), QStringLiteral("1"), {{QStringLiteral("name"), QStringLiteral("a")}});
        s.changes << update(id(2), QStringLiteral("1"), {{QStringLiteral("nope"), QStringLiteral("a")}});
        ErrorInfo e = fails(s);
        QCOMPARE(e.kind, ErrorKind::NotFound);
        QCOMPARE(e.field, QStringLiteral("change 2"));
        QVERIFY2(
            e.message.startsWith(QLatin1String("change 2 (update (id=2)): column \"nope\" does not exist")),
            qPrintable(e.message));
        s.changes[1] = update(key(QStringLiteral("name"), QStringLiteral("x")), QStringLiteral("1"),
                              {{QStringLiteral("name"), QStringLiteral("a")}});
        QVERIFY(fails(s).message.contains(QLatin1String("key columns must be exactly the row key (id)")));
        s.changes[1] = Change{ChangeOp::SoftDelete, id(2), {}, {}, {}};
        QVERIFY(fails(s).message.contains(QLatin1String("has no soft-delete convention")));
        s.table = QStringLiteral("public.items");
        QCOMPARE(fails(s).field, QStringLiteral("table"));

        ChangeSet g =
            changeSet(QStringLiteral("gen"),
                      {update(id(1), QStringLiteral("1"), {{QStringLiteral("g"), QStringLiteral("5")}})});
        QVERIFY(errorOf<ConfigurationError>([&] {
                    ChangeSetApplier(table(QStringLiteral("gen"))).plan(g);
                }).message.contains(QLatin1String("generated column")));
        g.changes = {Change{ChangeOp::Insert, {}, {}, {{QStringLiteral("n"), QStringLiteral("5")}}, {}}};
        QVERIFY(errorOf<ConfigurationError>([&] {
                    ChangeSetApplier(table(QStringLiteral("gen"))).plan(g);
                }).message.contains(QLatin1String("GENERATED ALWAYS AS IDENTITY")));

        ChangeSet v = changeSet(QStringLiteral("items_view"), {Change{ChangeOp::Insert, {}, {}, {}, {}}});
        QVERIFY(errorOf<ConfigurationError>([&] {
                    ChangeSetApplier(table(QStringLiteral("items_view"))).plan(v);
                }).message.contains(QLatin1String("is a view: only tables can be edited")));
    }

    void appliesEveryOperationInOneTransaction() {
        const QString before1 = version(QStringLiteral("items"), 1);
        const ChangeSet s =
            changeSet(QStringLiteral("items"),
                      {update(id(1), before1,
                              {{QStringLiteral("name"), QStringLiteral("renamed")},
                               {QStringLiteral("qty"), QStringLiteral("0")}}),
                       Change{ChangeOp::Insert,
                              {},
                              {},
                              {{QStringLiteral("id"), QStringLiteral("1001")},
                               {QStringLiteral("name"), QStringLiteral("new")}},
                              {}},
                       Change{ChangeOp::Delete, id(3), version(QStringLiteral("items"), 3), {}, {}}});
        const ApplyResult r = ChangeSetApplier(table(QStringLiteral("items"))).apply(m_c, s);
        QVERIFY(r.applied);
        QVERIFY(r.conflicts.isEmpty());
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.statements, 3);
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.rows.at(0).op, ChangeOp::Update);
        QCOMPARE(r.rows.at(0).row.value(QStringLiteral("name")),
                 std::optional<QString>(QStringLiteral("renamed")));
        QVERIFY(r.rows.at(0).row.value(QStringLiteral("updated_at")).has_value()); // touched
        QCOMPARE(r.rows.at(0).row.version, version(QStringLiteral("items"), 1));   // the new version
        QVERIFY(r.rows.at(0).row.version != before1);
        QCOMPARE(r.rows.at(1).row.value(QStringLiteral("name")),
                 std::optional<QString>(QStringLiteral("new")));
        QCOMPARE(r.rows.at(1).row.version, version(QStringLiteral("items"), 1001));
        QCOMPARE(r.rows.at(2).row.value(QStringLiteral("id")), std::optional<QString>(QStringLiteral("3")));
        QCOMPARE(
            scalar(QStringLiteral(
                       "select name || '/' || qty || '/' || (updated_at is not null) from %1 where id = 1")
                       .arg(q(QStringLiteral("items")))),
            QStringLiteral("renamed/0/true"));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1 where id in (3, 1001)")
                            .arg(q(QStringLiteral("items")))),
                 QStringLiteral("1"));
        // All in one transaction: the rows written share one xmin.
        QCOMPARE(r.rows.at(0).row.version, r.rows.at(1).row.version);

        // Empty change sets apply trivially.
        const ApplyResult empty =
            ChangeSetApplier(table(QStringLiteral("items"))).apply(m_c, changeSet(QStringLiteral("items")));
        QVERIFY(empty.applied);
        QCOMPARE(empty.attempts, 0);
        // A connection inside a transaction is refused.
        m_c.exec(QStringLiteral("begin"));
        QVERIFY_THROWS_EXCEPTION(QueryError, ChangeSetApplier(table(QStringLiteral("items"))).apply(m_c, s));
        m_c.exec(QStringLiteral("rollback"));
    }

    void setDefaultRunsTheColumnsDefault() {
        const TableInfo defs = table(QStringLiteral("defs"));
        Change c = update(id(1), version(QStringLiteral("defs"), 1),
                          {{QStringLiteral("note"), QStringLiteral("y")}});
        c.defaults = QStringList{QStringLiteral("status"), QStringLiteral("n")};
        ChangeSet s = changeSet(QStringLiteral("defs"), {c});
        const QString preview = ChangeSetApplier(defs).preview(s);
        QVERIFY2(
            preview.contains(QLatin1String("\"note\" = 'y'::text, \"status\" = DEFAULT, \"n\" = DEFAULT")),
            qPrintable(preview));
        const ApplyResult r = ChangeSetApplier(defs).apply(m_c, s);
        QVERIFY(r.applied);
        QCOMPARE(r.rows.at(0).row.value(QStringLiteral("status")),
                 std::optional<QString>(QStringLiteral("new")));
        QCOMPARE(scalar(QStringLiteral("select concat_ws('/', status, n, note) from %1 where id = 1")
                            .arg(q(QStringLiteral("defs")))),
                 QStringLiteral("new/42/y"));
        // A column without a default becomes NULL, as DEFAULT means there.
        c = update(id(2), version(QStringLiteral("defs"), 2), {});
        c.defaults = QStringList{QStringLiteral("note")};
        QVERIFY(ChangeSetApplier(defs).apply(m_c, changeSet(QStringLiteral("defs"), {c})).applied);
        QCOMPARE(
            scalar(QStringLiteral("select note is null from %1 where id = 2").arg(q(QStringLiteral("defs")))),
            QStringLiteral("t"));
        // Many updates of one column with one DEFAULT among them: not set-based (one statement per row),
        // every row exact.
        QList<Change> many;
        for (int i = 3; i <= 100; ++i)
            many << update(id(i), version(QStringLiteral("defs"), i),
                           {{QStringLiteral("n"), QString::number(-i)}});
        many[10].values.clear();
        many[10].defaults = QStringList{QStringLiteral("n")};
        const ApplyResult m = ChangeSetApplier(defs).apply(m_c, changeSet(QStringLiteral("defs"), many));
        QVERIFY(m.applied);
        QCOMPARE(m.statements, 98);
        QCOMPARE(scalar(QStringLiteral(
                            "select string_agg(n::text, ',' order by id) from %1 where id between 12 and 14")
                            .arg(q(QStringLiteral("defs")))),
                 QStringLiteral("-12,42,-14"));
        // Generated columns cannot be set to DEFAULT through a change set either.
        c = update(id(1), version(QStringLiteral("gen"), 1), {});
        c.defaults = QStringList{QStringLiteral("g")};
        const ErrorInfo e = errorOf<ConfigurationError>([&] {
            ChangeSetApplier(table(QStringLiteral("gen"))).plan(changeSet(QStringLiteral("gen"), {c}));
        });
        QVERIFY2(e.message.contains(QLatin1String("generated")), qPrintable(e.message));
    }

    void twoSessionsConflict() {
        // Session A reads rows 10, 11, 12 and 13; session B then changes 10, deletes 11 and leaves 12 alone.
        const QString v10 = version(QStringLiteral("items"), 10);
        const QString v11 = version(QStringLiteral("items"), 11);
        const QString v12 = version(QStringLiteral("items"), 12);
        const QString v13 = version(QStringLiteral("items"), 13);
        Connection b = Connection::open(pgdesk::test::profile());
        b.exec(QStringLiteral("update %1 set name = 'theirs' where id = 10; delete from %1 where id = 11")
                   .arg(q(QStringLiteral("items"))));
        const QString before = fingerprint(QStringLiteral("items"));
        const ChangeSet mine =
            changeSet(QStringLiteral("items"),
                      {update(id(12), v12, {{QStringLiteral("name"), QStringLiteral("mine 12")}}),
                       update(id(10), v10, {{QStringLiteral("name"), QStringLiteral("mine 10")}}),
                       Change{ChangeOp::Delete, id(11), v11, {}, {}},
                       update(id(13), v13, {{QStringLiteral("note"), QStringLiteral("mine 13")}})});
        const ApplyResult r = ChangeSetApplier(table(QStringLiteral("items"))).apply(m_c, mine);
        QVERIFY(!r.applied);
        QVERIFY(r.rows.isEmpty());
        QCOMPARE(r.conflicts.size(), 2);
        QCOMPARE(r.conflicts.at(0).change, 1);
        QCOMPARE(r.conflicts.at(0).key, id(10));
        QCOMPARE(r.conflicts.at(0).expectedVersion, v10);
        QVERIFY(!r.conflicts.at(0).vanished);
        QVERIFY(r.conflicts.at(0).current);
        QCOMPARE(r.conflicts.at(0).current->value(QStringLiteral("name")),
                 std::optional<QString>(QStringLiteral("theirs")));
        QCOMPARE(r.conflicts.at(0).current->version, version(QStringLiteral("items"), 10));
        QCOMPARE(r.conflicts.at(1).change, 2);
        QCOMPARE(r.conflicts.at(1).op, ChangeOp::Delete);
        QVERIFY(r.conflicts.at(1).vanished);
        QVERIFY(!r.conflicts.at(1).current);
        // Nothing written: rows 12 and 13 are as they were.
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
        QCOMPARE(scalar(QStringLiteral("select name from %1 where id = 12").arg(q(QStringLiteral("items")))),
                 QStringLiteral("item 12"));
        // A conflict before a failing statement: the conflict is what is reported (and nothing written).
        ChangeSet failing = mine;
        failing.changes << Change{
            ChangeOp::Insert,
            {},
            {},
            {{QStringLiteral("id"), QStringLiteral("12")}, {QStringLiteral("name"), QStringLiteral("dup")}},
            {}};
        const ApplyResult both = ChangeSetApplier(table(QStringLiteral("items"))).apply(m_c, failing);
        QCOMPARE(both.conflicts.size(), 2);
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
        // Resolved ("take theirs" for 10, drop the delete): applies.
        ChangeSet again = mine;
        again.changes[1].version = r.conflicts.at(0).current->version;
        again.changes.removeAt(2);
        QVERIFY(ChangeSetApplier(table(QStringLiteral("items"))).apply(m_c, again).applied);
        QCOMPARE(
            scalar(QStringLiteral("select string_agg(name, ',' order by id) from %1 where id in (10, 12)")
                       .arg(q(QStringLiteral("items")))),
            QStringLiteral("mine 10,mine 12"));
    }

    void concurrentWriterIsRetriedThenReported() {
        // B holds an uncommitted change of row 20 while A applies through a pool at REPEATABLE READ: A waits
        // for B's row lock, B commits, A's first attempt fails to serialize, the retry sees B's version.
        auto pool = Pool::create(pgdesk::test::profile());
        const QString v20 = version(QStringLiteral("items"), 20);
        Connection b = Connection::open(pgdesk::test::profile());
        b.exec(QStringLiteral("begin; update %1 set name = 'theirs 20' where id = 20")
                   .arg(q(QStringLiteral("items"))));
        const ChangeSet mine =
            changeSet(QStringLiteral("items"),
                      {update(id(20), v20, {{QStringLiteral("name"), QStringLiteral("mine 20")}})});
        const ChangeSetApplier applier(table(QStringLiteral("items")));
        auto pending = std::async(std::launch::async, [&] { return applier.apply(*pool, mine); });
        // Commit B once A is waiting for the row lock.
        QTRY_VERIFY_WITH_TIMEOUT(
            scalar(QStringLiteral("select count(*) from pg_stat_activity where wait_event_type = "
                                  "'Lock' and query like 'UPDATE %%%1%%'")
                       .arg(m_schema)) == QLatin1String("1"),
            10000);
        b.exec(QStringLiteral("commit"));
        const ApplyResult r = pending.get();
        QVERIFY(!r.applied);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts.first().current->value(QStringLiteral("name")),
                 std::optional<QString>(QStringLiteral("theirs 20")));
        QCOMPARE(scalar(QStringLiteral("select name from %1 where id = 20").arg(q(QStringLiteral("items")))),
                 QStringLiteral("theirs 20"));
        // Through the pool without a competitor: applied.
        ChangeSet ok = mine;
        ok.changes.first().version = r.conflicts.first().current->version;
        QVERIFY(applier.apply(*pool, ok).applied);
        QCOMPARE(scalar(QStringLiteral("select name from %1 where id = 20").arg(q(QStringLiteral("items")))),
                 QStringLiteral("mine 20"));
    }

    void errorAtChange500OfBatchWritesNothing() {
        // 600 updates of rows 100..699; the 500th sets a negative quantity (check constraint).
        ChangeSet s = changeSet(QStringLiteral("items"));
        const Result versions =
            m_c.exec(QStringLiteral("select id, xmin from %1 where id between 100 and 699 order by id")
                         .arg(q(QStringLiteral("items"))));
        QCOMPARE(versions.rowCount(), 600);
        for (int i = 0; i < 600; ++i) {
            const QString qty = i == 499 ? QStringLiteral("-1") : QString::number(1000 + i);
            s.changes << update(key(QStringLiteral("id"), versions.text(i, 0)), versions.text(i, 1),
                                {{QStringLiteral("qty"), qty}});
        }
        const ChangeSetApplier applier(table(QStringLiteral("items")));
        const QString before = fingerprint(QStringLiteral("items"));
        ErrorInfo e = errorOf<IntegrityError>([&] { applier.apply(m_c, s); });
        QCOMPARE(e.field, QStringLiteral("change 500"));
        QVERIFY2(
            e.message.startsWith(QLatin1String("change 500 (update (id=599)): new row for relation \"items\" "
                                               "violates check constraint \"items_qty_check\"")),
            qPrintable(e.message));
        QCOMPARE(e.constraint, QStringLiteral("items_qty_check"));
        QCOMPARE(e.sqlState, QStringLiteral("23514"));
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
        QVERIFY(m_c.isIdle());

        // A value that does not fit its column's type: the column is named although the server does not say.
        s.changes[499].values = {{QStringLiteral("qty"), QStringLiteral("12abc")}};
        e = errorOf<DataError>([&] { applier.apply(m_c, s); });
        QCOMPARE(e.column, QStringLiteral("qty"));
        QVERIFY2(
            e.message.startsWith(QLatin1String("change 500 (update (id=599)), column \"qty\": invalid input "
                                               "syntax for type integer: \"12abc\"")),
            qPrintable(e.message));
        // NOT NULL: the server names the column.
        s.changes[499].values = {{QStringLiteral("name"), std::nullopt}};
        e = errorOf<IntegrityError>([&] { applier.apply(m_c, s); });
        QCOMPARE(e.column, QStringLiteral("name"));
        QVERIFY2(
            e.message.startsWith(QLatin1String("change 500 (update (id=599)), column \"name\": null value")),
            qPrintable(e.message));
        QCOMPARE(fingerprint(QStringLiteral("items")), before);

        // And the same 600 changes without the bad one apply, in one transaction.
        s.changes[499].values = {{QStringLiteral("qty"), QStringLiteral("7")}};
        QElapsedTimer timer;
        timer.start();
        const ApplyResult r = applier.apply(m_c, s);
        qInfo("600 updates applied in %lld ms", qint64(timer.elapsed()));
        QVERIFY(r.applied);
        QCOMPARE(r.statements, 1); // set-based: one UPDATE … FROM unnest for the 600 rows
        QCOMPARE(r.rows.size(), 600);
        QCOMPARE(r.rows[499].change, 499);
        QCOMPARE(r.rows[499].row.value(QStringLiteral("id")), std::optional<QString>(QStringLiteral("599")));
        QCOMPARE(r.rows[499].row.value(QStringLiteral("qty")), std::optional<QString>(QStringLiteral("7")));
        QVERIFY(r.rows[499].row.value(QStringLiteral("updated_at"))); // updated_at = now() set-based too
        QCOMPARE(r.rows[499].row.version, version(QStringLiteral("items"), 599));
        QCOMPARE(scalar(QStringLiteral("select count(distinct xmin::text) || '/' || sum(qty) from %1 where "
                                       "id between 100 and 699")
                            .arg(q(QStringLiteral("items")))),
                 QStringLiteral("1/%1").arg(599 * 600 / 2 + 1000 * 600 - (1000 + 499) + 7));
    }

    // 3,000 updates run set-based; one row changed meanwhile by someone else: the set-based attempt rolls
    // back and the per-row pass names exactly that change, with the row as it is now; nothing is written.
    void setBasedConflictInTheMiddleIsNamed() {
        m_c.exec(
            QStringLiteral("create table %1.many (id int primary key, v text, n numeric(30,10), j jsonb, "
                           "arr text[], m %1.mood, ts timestamptz);"
                           "insert into %1.many (id, v) select g, 'v' || g from generate_series(1, 3000) g")
                .arg(m_schema));
        const Result versions =
            m_c.exec(QStringLiteral("select id, xmin from %1 order by id").arg(q(QStringLiteral("many"))));
        ChangeSet s = changeSet(QStringLiteral("many"));
        for (int i = 0; i < 3000; ++i)
            s.changes << update(key(QStringLiteral("id"), versions.text(i, 0)), versions.text(i, 1),
                                {{QStringLiteral("v"), QStringLiteral("new %1").arg(i + 1)}});
        m_c.exec(QStringLiteral("update %1 set v = 'theirs' where id = 1777").arg(q(QStringLiteral("many"))));
        const QString before = fingerprint(QStringLiteral("many"));
        const ChangeSetApplier applier(table(QStringLiteral("many")));
        const ApplyResult r = applier.apply(m_c, s);
        QVERIFY(!r.applied);
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts[0].change, 1776);
        QVERIFY(r.conflicts[0].current);
        QCOMPARE(r.conflicts[0].current->value(QStringLiteral("v")),
                 std::optional<QString>(QStringLiteral("theirs")));
        QCOMPARE(fingerprint(QStringLiteral("many")), before);

        // Exact values through the text arrays: NULL, '', quotes, backslashes, braces, Unicode, 30 digits,
        // JSON with big numbers, arrays with NULL and "NULL", enums, microsecond timestamps.
        const Result fresh = m_c.exec(QStringLiteral("select id, xmin from %1 where id <= 100 order by id")
                                          .arg(q(QStringLiteral("many"))));
        const QList<std::optional<QString>> texts = {
            std::nullopt, QString(), QStringLiteral("a \"quoted\" \\ back\\slash {brace}, comma"),
            QStringLiteral("Grüße ✓ لطفاً"), QStringLiteral("NULL")};
        ChangeSet typed = changeSet(QStringLiteral("many"));
        for (int i = 0; i < 100; ++i) {
            const bool odd = i % 2;
            typed.changes << update(
                key(QStringLiteral("id"), fresh.text(i, 0)), fresh.text(i, 1),
                {{QStringLiteral("v"), texts.at(i % texts.size())},
                 {QStringLiteral("n"),
                  odd ? std::optional<QString>(QStringLiteral("12345678901234567890.0123456789"))
                      : std::nullopt},
                 {QStringLiteral("j"),
                  QStringLiteral("{\"big\": 123456789012345678901234567890, \"s\": \"x\\\"y\"}")},
                 {QStringLiteral("arr"), QStringLiteral("{a,NULL,\"NULL\",\"b,c\"}")},
                 {QStringLiteral("m"), odd ? QStringLiteral("happy") : QStringLiteral("sad")},
                 {QStringLiteral("ts"), QStringLiteral("2024-02-29 23:59:59.123456+00")}});
        }
        const ApplyResult t = ChangeSetApplier(table(QStringLiteral("many"))).apply(m_c, typed);
        QVERIFY(t.applied);
        QCOMPARE(t.statements, 1);
        for (int i = 0; i < 100; i += 7) {
            const Result row =
                m_c.exec(QStringLiteral("select v, n, j::text, arr::text, m, ts = '2024-02-29 "
                                        "23:59:59.123456+00', array_length(arr, 1) from %1 where id = %2")
                             .arg(q(QStringLiteral("many")))
                             .arg(i + 1));
            const auto& expected = texts.at(i % texts.size());
            QCOMPARE(row.isNull(0, 0), !expected.has_value());
            if (expected)
                QCOMPARE(row.text(0, 0), *expected);
            QCOMPARE(row.isNull(0, 1), i % 2 == 0);
            if (i % 2)
                QCOMPARE(row.text(0, 1), QStringLiteral("12345678901234567890.0123456789"));
            QCOMPARE(row.text(0, 2),
                     QStringLiteral("{\"s\": \"x\\\"y\", \"big\": 123456789012345678901234567890}"));
            QCOMPARE(row.text(0, 3), QStringLiteral("{a,NULL,\"NULL\",\"b,c\"}"));
            QCOMPARE(row.text(0, 4), i % 2 ? QStringLiteral("happy") : QStringLiteral("sad"));
            QCOMPARE(row.text(0, 5), QStringLiteral("t"));
        }
        // The outcome of each change is its own row.
        QCOMPARE(t.rows.size(), 100);
        QCOMPARE(t.rows[42].row.value(QStringLiteral("id")), std::optional<QString>(QStringLiteral("43")));
    }

    void keylessTableNeedsCtidOptIn() {
        const TableInfo keyless = table(QStringLiteral("keyless"));
        QVERIFY(keyless.conventions.rowKey.isEmpty());
        const ChangeSetApplier applier(keyless);
        // Refused with a clear reason, even with a plausible key.
        ChangeSet s = changeSet(QStringLiteral("keyless"),
                                {update(key(QStringLiteral("a"), QStringLiteral("same")), QStringLiteral("1"),
                                        {{QStringLiteral("b"), QStringLiteral("5")}})});
        const ErrorInfo e = errorOf<ConfigurationError>([&] { applier.apply(m_c, s); });
        QVERIFY2(e.message.contains(QLatin1String("has no row key")) &&
                     e.message.contains(QLatin1String("use_ctid")),
                 qPrintable(e.message));
        // Inserts need no key.
        QVERIFY(applier
                    .apply(m_c, changeSet(QStringLiteral("keyless"),
                                          {Change{ChangeOp::Insert,
                                                  {},
                                                  {},
                                                  {{QStringLiteral("a"), QStringLiteral("ins")}},
                                                  {}}}))
                    .applied);

        // With the opt-in: exactly one of the two identical rows changes.
        const Result rows =
            m_c.exec(QStringLiteral("select ctid, xmin from %1 where a = 'same' order by ctid")
                         .arg(q(QStringLiteral("keyless"))));
        QCOMPARE(rows.rowCount(), 2);
        s.useCtid = true;
        s.changes = {update(key(QStringLiteral("ctid"), rows.text(0, 0)), rows.text(0, 1),
                            {{QStringLiteral("b"), QStringLiteral("5")}})};
        const ApplyResult r = applier.apply(m_c, s);
        QVERIFY(r.applied);
        QCOMPARE(scalar(QStringLiteral("select string_agg(b::text, ',' order by b) from %1 where a = 'same'")
                            .arg(q(QStringLiteral("keyless")))),
                 QStringLiteral("1,5"));
        // The same ctid and version again: the row moved (an update writes a new version elsewhere):
        // conflict.
        const ApplyResult stale = applier.apply(m_c, s);
        QVERIFY(!stale.applied);
        QCOMPARE(stale.conflicts.size(), 1);
        // Delete by ctid: one row.
        const Result now = m_c.exec(QStringLiteral("select ctid, xmin from %1 where a = 'same' and b = 1")
                                        .arg(q(QStringLiteral("keyless"))));
        s.changes = {
            Change{ChangeOp::Delete, key(QStringLiteral("ctid"), now.text(0, 0)), now.text(0, 1), {}, {}}};
        QVERIFY(applier.apply(m_c, s).applied);
        QCOMPARE(
            scalar(
                QStringLiteral("select count(*) from %1 where a = 'same'").arg(q(QStringLiteral("keyless")))),
            QStringLiteral("1"));
        // ctid on a table with a key is refused; one ctid twice in a set is refused.
        ChangeSet keyed = changeSet(QStringLiteral("items"));
        keyed.useCtid = true;
        keyed.changes = {Change{ChangeOp::Delete,
                                key(QStringLiteral("ctid"), QStringLiteral("(0,1)")),
                                QStringLiteral("1"),
                                {},
                                {}}};
        QVERIFY(errorOf<ConfigurationError>([&] {
                    ChangeSetApplier(table(QStringLiteral("items"))).plan(keyed);
                }).message.contains(QLatin1String("edit its rows by key")));
        s.changes << s.changes.first();
        QVERIFY(errorOf<ConfigurationError>([&] {
                    applier.plan(s);
                }).message.contains(QLatin1String("one change per")));
    }

    void softDeleteHidesFromActiveViewAndRestoreBringsBack() {
        const TableInfo docs = table(QStringLiteral("docs"));
        QCOMPARE(docs.conventions.softDelete, SoftDeleteKind::DeletedAtTimestamp);
        QuerySpec spec;
        spec.schema = docs.schema;
        spec.table = docs.name;
        spec.scope = SoftDeleteScope::Active;
        spec.count = CountMode::Exact;
        const auto ids = [&](SoftDeleteScope scope) {
            spec.scope = scope;
            QStringList out;
            for (const auto& row : QueryEngine(m_c).fetchPage(spec, docs).rows)
                out << row.first().value_or(QString());
            return out.join(QLatin1Char(','));
        };
        QCOMPARE(ids(SoftDeleteScope::Active), QStringLiteral("1,2,3,4,5"));
        const ChangeSetApplier applier(docs);
        ApplyResult r = applier.apply(
            m_c, changeSet(QStringLiteral("docs"), {Change{ChangeOp::SoftDelete, id(2), {}, {}, {}}}));
        QVERIFY(r.applied);
        QVERIFY(r.rows.first().row.value(QStringLiteral("deleted_at")).has_value());
        QCOMPARE(ids(SoftDeleteScope::Active), QStringLiteral("1,3,4,5"));
        QCOMPARE(ids(SoftDeleteScope::Deleted), QStringLiteral("2"));
        r = applier.apply(
            m_c, changeSet(QStringLiteral("docs"),
                           {Change{ChangeOp::Restore, id(2), version(QStringLiteral("docs"), 2), {}, {}}}));
        QVERIFY(r.applied);
        QCOMPARE(ids(SoftDeleteScope::Active), QStringLiteral("1,2,3,4,5"));
        QCOMPARE(ids(SoftDeleteScope::Deleted), QString());
        // A stale version on a soft delete is a conflict too.
        const QString v3 = version(QStringLiteral("docs"), 3);
        m_c.exec(
            QStringLiteral("update %1 set title = 'theirs' where id = 3").arg(q(QStringLiteral("docs"))));
        r = applier.apply(
            m_c, changeSet(QStringLiteral("docs"), {Change{ChangeOp::SoftDelete, id(3), v3, {}, {}}}));
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(ids(SoftDeleteScope::Active), QStringLiteral("1,2,3,4,5"));

        // An active flag, with a trigger that maintains last_update (not touched by the statement).
        const TableInfo members = table(QStringLiteral("members"));
        QCOMPARE(members.conventions.softDelete, SoftDeleteKind::ActiveFlag);
        QVERIFY(members.conventions.updatedAtByTrigger);
        r = ChangeSetApplier(members).apply(
            m_c, changeSet(QStringLiteral("members"), {Change{ChangeOp::SoftDelete, id(1), {}, {}, {}}}));
        QVERIFY(r.applied);
        QCOMPARE(scalar(QStringLiteral("select is_active || '/' || last_update::date from %1 where id = 1")
                            .arg(q(QStringLiteral("members")))),
                 QStringLiteral("false/2000-01-01"));
    }

    void nullEmptyUnicodeAndTypesStayExact() {
        const QString hostile =
            QStringLiteral("it's \"quoted\" \\ back\\slash\n\ttab ünïcödé 🐘 \u2028 '); drop table x;--");
        ChangeSet s = changeSet(
            QStringLiteral("items"),
            {update(id(30), version(QStringLiteral("items"), 30),
                    {{QStringLiteral("note"), QString(QLatin1String(""))}}),
             update(id(31), version(QStringLiteral("items"), 31), {{QStringLiteral("note"), std::nullopt}}),
             update(id(32), version(QStringLiteral("items"), 32), {{QStringLiteral("note"), hostile}})});
        m_c.exec(QStringLiteral("update %1 set note = 'x' where id = 31").arg(q(QStringLiteral("items"))));
        s.changes[1].version = version(QStringLiteral("items"), 31);
        QVERIFY(ChangeSetApplier(table(QStringLiteral("items"))).apply(m_c, s).applied);
        const Result r =
            m_c.exec(QStringLiteral(
                         "select note is null, note = '', note from %1 where id in (30, 31, 32) order by id")
                         .arg(q(QStringLiteral("items"))));
        QCOMPARE(r.text(0, 0) + r.text(0, 1), QStringLiteral("ft"));
        QCOMPARE(r.text(1, 0), QStringLiteral("t"));
        QCOMPARE(r.text(2, 2), hostile);

        const TableInfo typed = table(QStringLiteral("typed"));
        ChangeSet t =
            changeSet(QStringLiteral("typed"),
                      {update(id(1), version(QStringLiteral("typed"), 1),
                              {{QStringLiteral("n"), QStringLiteral("12345678901234567890.1234567891")},
                               {QStringLiteral("ts"), QStringLiteral("2026-03-01 12:34:56.123456+05:30")},
                               {QStringLiteral("j"), QStringLiteral("{\"a\": [1, 2.50, \"x\"]}")},
                               {QStringLiteral("arr"), QStringLiteral("{\"a,b\",\"c\\\"d\",NULL}")},
                               {QStringLiteral("m"), QStringLiteral("happy")},
                               {QStringLiteral("vc"), QStringLiteral("äöü€x")}})});
        const ApplyResult applied = ChangeSetApplier(typed).apply(m_c, t);
        QVERIFY(applied.applied);
        QCOMPARE(applied.rows.first().row.value(QStringLiteral("n")),
                 std::optional<QString>(QStringLiteral("12345678901234567890.1234567891")));
        QCOMPARE(
            scalar(QStringLiteral("select n::text || '|' || (ts = '2026-03-01 07:04:56.123456+00') || '|' || "
                                  "j::text || '|' "
                                  "|| arr[2] || '|' || (arr[3] is null) || '|' || m || '|' || vc from %1")
                       .arg(q(QStringLiteral("typed")))),
            QStringLiteral(
                "12345678901234567890.1234567891|true|{\"a\": [1, 2.50, \"x\"]}|c\"d|true|happy|äöü€x"));
        // varchar(5): the column's modifier applies on assignment and fails loudly, naming the column.
        t.changes.first() = update(id(1), version(QStringLiteral("typed"), 1),
                                   {{QStringLiteral("vc"), QStringLiteral("toolong")}});
        const ErrorInfo e = errorOf<DataError>([&] { ChangeSetApplier(typed).apply(m_c, t); });
        QVERIFY2(e.message.contains(QLatin1String("change 1")) &&
                     e.message.contains(QLatin1String("too long")),
                 qPrintable(e.message));
        t.changes.first() = update(id(1), version(QStringLiteral("typed"), 1),
                                   {{QStringLiteral("m"), QStringLiteral("angry")}});
        QCOMPARE(errorOf<DataError>([&] { ChangeSetApplier(typed).apply(m_c, t); }).column,
                 QStringLiteral("m"));
    }

    void hostileIdentifiersAndCompositeKeys() {
        const QString name = QStringLiteral("we\"ird; drop table x;--");
        const QString column = QStringLiteral("a\"); drop table x;--");
        const QString tablesNamedX =
            scalar(QStringLiteral("select count(*) from pg_tables where tablename = 'x'"));
        const TableInfo hostile = table(name);
        ChangeSet s(hostile);
        QCOMPARE(s.table, m_schema + QStringLiteral(".we\"ird; drop table x;--"));
        const QString v1 = scalar(
            QStringLiteral("select xmin from %1.\"we\"\"ird; drop table x;--\" where id = 1").arg(m_schema));
        s.changes = {update(id(1), v1, {{column, QStringLiteral("changed")}}),
                     Change{ChangeOp::Insert,
                            {},
                            {},
                            {{QStringLiteral("id"), QStringLiteral("2")}, {column, QStringLiteral("two")}},
                            {}}};
        // Through JSON, as the CLI does.
        const ChangeSet read = ChangeSet::fromJsonText(s.toJsonText());
        QVERIFY(ChangeSetApplier(hostile).apply(m_c, read).applied);
        QCOMPARE(scalar(QStringLiteral("select string_agg(\"a\"\"); drop table x;--\", ',' order by id) from "
                                       "%1.\"we\"\"ird; drop table x;--\"")
                            .arg(m_schema)),
                 QStringLiteral("changed,two"));
        // The demo's own table x is still there: nothing was executed as SQL.
        QCOMPARE(scalar(QStringLiteral("select count(*) from pg_tables where tablename = 'x'")),
                 tablesNamedX);

        // Composite key, in any order; two updates and a delete of the same row in one set work
        // because the later change expects this transaction's own version.
        const TableInfo pair = table(QStringLiteral("pair"));
        const QString vx =
            scalar(QStringLiteral("select xmin from %1 where b = 'x'").arg(q(QStringLiteral("pair"))));
        ChangeSet p(pair);
        const Key k{{QStringLiteral("b"), QStringLiteral("x")}, {QStringLiteral("a"), QStringLiteral("1")}};
        p.changes = {update(k, vx, {{QStringLiteral("v"), QStringLiteral("first")}}),
                     update(k, vx, {{QStringLiteral("v"), QStringLiteral("second")}}),
                     Change{ChangeOp::Delete, k, vx, {}, {}}};
        QVERIFY(ChangeSetApplier(pair).plan(p).at(1).sql.contains(
            QLatin1String("xmin = pg_current_xact_id()::xid")));
        QVERIFY(ChangeSetApplier(pair).apply(m_c, p).applied);
        QCOMPARE(scalar(QStringLiteral("select string_agg(b, ',') from %1").arg(q(QStringLiteral("pair")))),
                 QStringLiteral("y"));
    }

    void keyThatMatchesSeveralRowsIsRefused() {
        // A profile's row-key override need not be unique: rows 3 and 4 are both named 'dup'.
        m_c.exec(QStringLiteral("insert into %1 (id, name) values (3, 'dup'), (4, 'dup')")
                     .arg(q(QStringLiteral("members"))));
        TableInfo members = table(QStringLiteral("members"));
        members.conventions.rowKey = {QStringLiteral("name")};
        const QString before = fingerprint(QStringLiteral("members"));
        const ChangeSet s = changeSet(
            QStringLiteral("members"),
            {Change{ChangeOp::SoftDelete, key(QStringLiteral("name"), QStringLiteral("dup")), {}, {}, {}}});
        const ErrorInfo e = errorOf<ConflictError>([&] { ChangeSetApplier(members).apply(m_c, s); });
        QVERIFY2(e.message.contains(QLatin1String("change 1 (soft_delete (name=dup)): 2 rows matched")),
                 qPrintable(e.message));
        QCOMPARE(fingerprint(QStringLiteral("members")), before);
    }
};

QTEST_GUILESS_MAIN(TestChangeSetApplier)
#include "tst_changesetapplier.moc"
