// SPDX-License-Identifier: GPL-3.0-or-later
// DdlWriter: CREATE scripts replayed into an empty database give back the same catalog, judged by
// pg_dump --schema-only of both (normalised only by dropping its comments and \restrict lines): for a schema
// with every feature the script covers, for the demo database's schemas, and for one relation at a time.

#include "testcluster.h"

#include <pgdesk/core/admin/ddlwriter.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::cluster;
using pgdesk::test::firstDifference;
using pgdesk::test::loadScript;
using pgdesk::test::psql;
using pgdesk::test::psqlValue;
using pgdesk::test::schemaDump;

namespace {

// Every feature issue 20 names for the DDL: partitioned table with partitions and a default partition,
// identity, generated column, exclusion constraint, partial and expression indexes, trigger, RLS policy,
// comments, grants; and serial, enum, domain, composite type, function, view over a view, materialized
// view with an index, inheritance, NOT VALID and deferrable constraints, storage, statistics, options,
// collation, column grants, a hostile name.
const char* const kFeatures =
    R"SQL(
create schema ddl;
comment on schema ddl is 'Every feature of a CREATE script';
create type ddl.mood as enum ('sad', 'ok', 'it''s fine');
create domain ddl.percent as numeric(5,2) default 0 not null constraint percent_range check (value between 0 and 100);
create type ddl.pair as (a integer, b text);
create function ddl.touch() returns trigger language plpgsql as $$
begin new.updated_at := now(); return new; end $$;
comment on function ddl.touch() is 'Sets updated_at';
create function ddl.double_it(x integer) returns integer language sql immutable as 'select x * 2';
revoke all on function ddl.double_it(integer) from public;
grant execute on function ddl.double_it(integer) to ddl_reader;
create sequence ddl.standalone_seq as bigint start with 100 increment by 5 cache 10;

create table ddl.account (
    id integer generated always as identity (start with 10 increment by 2),
    code text collate "C" not null unique,
    mood ddl.mood default 'ok',
    share ddl.percent,
    price numeric(10,2) check (price >= 0),
    qty integer not null default 1,
    total numeric generated always as (price * qty) stored,
    pair ddl.pair,
    updated_at timestamptz,
    primary key (id)
) with (fillfactor = 70, autovacuum_enabled = false);
alter table ddl.account add constraint qty_positive check (qty > 0) not valid;
alter table ddl.account alter column code set storage main;
alter table ddl.account alter column qty set statistics 500;
comment on table ddl.account is 'Accounts: identity, generated column, domain, enum';
comment on column ddl.account.total is 'price × qty';
comment on column ddl.account.qty is 'C:\\units ''each''';
comment on constraint qty_positive on ddl.account is 'Not validated yet';
create index account_lower_code on ddl.account (lower(code));
create index account_cheap on ddl.account (price) where price < 10;
create index "account %1 qty" on ddl.account ((qty + 1));
alter index ddl."account %1 qty" alter column 1 set statistics 77;
create table ddl."odd %1" ("n %1" integer);
alter table ddl."odd %1" alter column "n %1" set statistics 12;
comment on index ddl.account_lower_code is 'Case-insensitive lookups';
create trigger account_touch before update on ddl.account for each row execute function ddl.touch();
comment on trigger account_touch on ddl.account is 'Keeps updated_at';
alter table ddl.account enable row level security;
create policy own_rows on ddl.account for select to ddl_reader using (qty > 0);
create policy no_big on ddl.account as restrictive for insert to public with check (price < 1000000);
grant select, insert on ddl.account to ddl_reader;
grant update (price, qty) on ddl.account to ddl_reader;
grant select on ddl.account to ddl_writer with grant option;

create table ddl.booking (
    id serial primary key,
    account_id integer references ddl.account (id) on delete cascade deferrable initially deferred,
    room integer not null,
    during tstzrange not null,
    exclude using gist (during with &&)
);
create table ddl.event (
    id bigint not null,
    at timestamptz not null,
    kind text,
    primary key (id, at)
) partition by range (at);
create table ddl.event_2026 partition of ddl.event for values from ('2026-01-01') to ('2027-01-01')
    partition by range (at);
create table ddl.event_2026_h1 partition of ddl.event_2026 for values from ('2026-01-01') to ('2026-07-01');
create table ddl.event_2026_other partition of ddl.event_2026 default;
create table ddl.event_default partition of ddl.event default;
create index event_kind on ddl.event (kind);
create unlogged table ddl.log_base (id integer, note text);
create table ddl.log_child (extra text) inherits (ddl.log_base);
create table ddl."Odd ""name""; x" ("Col umn" integer);
create view ddl.cheap as select id, code, price from ddl.account where price < 10;
create view ddl.cheapest with (security_barrier = true) as select * from ddl.cheap where price < 1;
create materialized view ddl.mood_count as select mood, count(*) as n from ddl.account group by mood;
create unique index mood_count_mood on ddl.mood_count (mood);
grant select on ddl.cheap to ddl_reader;
)SQL"
    // Issue 37: objects whose order only pg_depend knows (a function returning a table's
    // rows, created after it; a view over that function), aggregates (plain, moving,
    // hostile name) and a view using them, operators, an operator family with a member
    // of its own and a class, a cast, default privileges, a typed table, defaults a
    // partition and a child set apart from their parent, an event trigger, publications.
    R"SQL(
create function ddl.cheap_accounts() returns setof ddl.account language sql stable
    as 'select * from ddl.account where price < 10';
create view ddl.cheap_via_function as select id from ddl.cheap_accounts();
create function ddl.concat_step(text, text) returns text language sql immutable
    as $$select coalesce($1 || ',', '') || $2$$;
create function ddl.concat_final(text) returns text language sql immutable as $$select '[' || $1 || ']'$$;
create aggregate ddl.concat_all(text) (sfunc = ddl.concat_step, stype = text, finalfunc = ddl.concat_final);
create aggregate ddl.total(numeric) (sfunc = numeric_add, stype = numeric, initcond = '0', msfunc = numeric_add,
    minvfunc = numeric_sub, mstype = numeric, minitcond = '0', parallel = safe);
create aggregate ddl."agg ""x""; y"(integer) (sfunc = int4pl, stype = integer);
comment on aggregate ddl.concat_all(text) is 'Codes in one string';
create view ddl.mood_codes as
    select mood, ddl.concat_all(code) as codes, ddl.total(price) as total from ddl.account group by mood;
create type ddl.pair_key as (a integer);
create function ddl.pair_eq(ddl.pair, ddl.pair) returns boolean language sql immutable as 'select $1.a = $2.a';
create operator ddl.=== (function = ddl.pair_eq, leftarg = ddl.pair, rightarg = ddl.pair,
                         commutator = operator(ddl.===));
comment on operator ddl.=== (ddl.pair, ddl.pair) is 'Same key';
create function ddl.rev_cmp(integer, integer) returns integer language sql immutable
    as 'select case when $1 > $2 then -1 when $1 < $2 then 1 else 0 end';
create function ddl.rev_cmp48(integer, bigint) returns integer language sql immutable
    as 'select case when $1 > $2 then -1 when $1 < $2 then 1 else 0 end';
create operator family ddl.rev_family using btree;
create operator class ddl.int_rev_ops for type integer using btree family ddl.rev_family as
    operator 1 >, operator 2 >=, operator 3 =, operator 4 <=, operator 5 <, function 1 ddl.rev_cmp(integer, integer);
alter operator family ddl.rev_family using btree add
    operator 3 = (integer, bigint), function 1 (integer, bigint) ddl.rev_cmp48(integer, bigint);
create function ddl.pair_text(ddl.pair) returns text language sql immutable as $$select $1.a || ':' || $1.b$$;
create cast (ddl.pair as text) with function ddl.pair_text(ddl.pair) as assignment;
alter default privileges in schema ddl grant select on tables to ddl_reader;
alter default privileges in schema ddl grant execute on functions to ddl_writer with grant option;
create table ddl.pairs of ddl.pair (primary key (a), b with options default 'none' not null);
create index pairs_rev on ddl.pairs (a ddl.int_rev_ops);
alter table ddl.event_default alter column kind set default 'other';
alter table ddl.event_2026_h1 alter column kind set not null;
alter table ddl.log_child alter column note set default 'child';
create function ddl.log_ddl() returns event_trigger language plpgsql as $$begin end$$;
create event trigger ddl_log on ddl_command_end when tag in ('CREATE TABLE', 'ALTER TABLE')
    execute function ddl.log_ddl();
alter event trigger ddl_log disable;
create publication ddl_pub for table ddl.account (id, code, price) where (price > 0) with (publish = 'insert');
create publication ddl_schema_pub for tables in schema ddl with (publish = 'insert, truncate');
)SQL";

} // namespace

class TestDdl final : public QObject {
    Q_OBJECT

    const QString m_suffix = QString::number(QCoreApplication::applicationPid());
    const QString m_source = QStringLiteral("tst_ddl_src_") + m_suffix;
    const QString m_demo = QStringLiteral("tst_ddl_demo_") + m_suffix;
    QStringList m_databases;

    QString freshDatabase(const QString& name) {
        // A run that failed before its cleanup may have left one of the same name (PIDs repeat).
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(name), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(name), QStringLiteral("postgres"));
        m_databases << name;
        return name;
    }

    Connection open(const QString& database) { return Connection::open(pgdesk::test::profile(database)); }

    // Replays `script` into a new database and compares pg_dump of `schemas` in both.
    void compareReplay(const QString& source, const QStringList& schemas, const QString& script,
                       const char* tag) {
        const QString target =
            freshDatabase(QStringLiteral("tst_ddl_%1_%2").arg(QLatin1String(tag), m_suffix));
        loadScript(target, script);
        const QString before = schemaDump(source, schemas);
        const QString after = schemaDump(target, schemas);
        QVERIFY2(before == after,
                 qPrintable(firstDifference(before, after) + QStringLiteral("\n--- script ---\n") + script));
    }

private slots:
    void initTestCase() {
        // Roles are cluster-wide: created once, kept (other runs may use them).
        psql(QStringLiteral("do $$ begin "
                            "if not exists (select from pg_roles where rolname = 'ddl_reader') then create "
                            "role ddl_reader; end if; "
                            "if not exists (select from pg_roles where rolname = 'ddl_writer') then create "
                            "role ddl_writer; end if; "
                            "end $$"),
             QStringLiteral("postgres"));
        freshDatabase(m_source);
        psql(QLatin1String(kFeatures), m_source);
        psql(QStringLiteral("alter table ddl.account owner to ddl_writer"), m_source);
    }

    void cleanupTestCase() {
        for (const QString& db : std::as_const(m_databases))
            psql(QStringLiteral("drop database if exists %1 with (force)").arg(db),
                 QStringLiteral("postgres"));
    }

    void everyFeatureRoundTrips() {
        auto c = open(m_source);
        const QString script = DdlWriter(c).schemaScript({QStringLiteral("ddl")});
        // The script is assembled from the server's definitions, qualified and in load order.
        QVERIFY(script.contains(
            QLatin1String("CREATE TABLE ddl.event_2026 PARTITION OF ddl.event FOR VALUES FROM")));
        QVERIFY(script.contains(QLatin1String("PARTITION BY RANGE (at)")));
        QVERIFY(script.contains(
            QLatin1String("GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME ddl.account_id_seq START WITH 10")));
        QVERIFY(script.contains(QLatin1String("EXCLUDE USING gist (during WITH &&)")));
        QVERIFY(script.indexOf(QLatin1String("CREATE VIEW ddl.cheap ")) <
                script.indexOf(QLatin1String("CREATE VIEW ddl.cheapest ")));
        QVERIFY(script.contains(QLatin1String("CREATE TABLE ddl.\"Odd \"\"name\"\"; x\" (")));
        // Ordered by pg_depend: the table before the function returning its rows, that before its view.
        const auto at = [&](const char* text) {
            const qsizetype i = script.indexOf(QLatin1String(text));
            if (i < 0)
                qFatal("not in the script: %s\n%s", text, qPrintable(script));
            return i;
        };
        QVERIFY(at("CREATE TABLE ddl.account (") < at("CREATE OR REPLACE FUNCTION ddl.cheap_accounts()"));
        QVERIFY(at("CREATE OR REPLACE FUNCTION ddl.cheap_accounts()") <
                at("CREATE VIEW ddl.cheap_via_function "));
        QVERIFY(at("CREATE AGGREGATE ddl.concat_all(text) (") < at("CREATE VIEW ddl.mood_codes "));
        QVERIFY(
            at("CREATE OPERATOR FAMILY ddl.rev_family USING btree;") <
            at("CREATE OPERATOR CLASS ddl.int_rev_ops FOR TYPE integer USING btree FAMILY ddl.rev_family"));
        QVERIFY(at("CREATE OPERATOR ddl.=== (") < at("CREATE TABLE ddl.pairs OF ddl.pair ("));
        at("CREATE CAST (ddl.pair AS text) WITH FUNCTION ddl.pair_text(ddl.pair) AS ASSIGNMENT;");
        at("ALTER DEFAULT PRIVILEGES FOR ROLE");
        at("ALTER TABLE ONLY ddl.event_default ALTER COLUMN kind SET DEFAULT 'other'::text;");
        at("CREATE EVENT TRIGGER ddl_log ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')");
        at("ALTER PUBLICATION ddl_pub ADD TABLE ONLY ddl.account (id, code, price) WHERE ((price > "
           "(0)::numeric));");
        QVERIFY(!script.contains(QLatin1String("not scripted")));
        compareReplay(m_source, {QStringLiteral("ddl")}, script, "features");
        // What pg_dump -n leaves out (it belongs to the database): event triggers and publications.
        const QString replay = QStringLiteral("tst_ddl_features_") + m_suffix;
        const QString databaseObjects = QStringLiteral(
            "select string_agg(x, E'\\n' order by x) from ("
            "select format('%s %s %s %s %s', evtname, evtevent, evtenabled, evttags, evtfoid::regproc) as x "
            "from pg_event_trigger union all "
            "select format('%s %s %s %s', pubname, pubinsert, pubupdate, pubtruncate) from pg_publication "
            "union all select format('%s %s %s %s', pubname, tablename, attnames, rowfilter) "
            "from pg_publication_tables union all "
            "select format('%s %s', p.pubname, n.nspname) from pg_publication_namespace pn "
            "join pg_publication p on p.oid = pn.pnpubid join pg_namespace n on n.oid = pn.pnnspid) y");
        const QString before = psqlValue(databaseObjects, m_source);
        QVERIFY(before.contains(QLatin1String("ddl_log ddl_command_end D")));
        QCOMPARE(psqlValue(databaseObjects, replay), before);
    }

    // Each relation's own script, replayed after the types and functions it uses, gives back that
    // relation (with its partitions, indexes, policies, grants …) as pg_dump -t shows it.
    void oneRelationRoundTrips() {
        auto c = open(m_source);
        DdlWriter writer(c);
        const QString relation = writer.relationScript(QStringLiteral("ddl"), QStringLiteral("account"));
        QVERIFY(relation.contains(QLatin1String("CREATE POLICY own_rows ON ddl.account")));
        QVERIFY(relation.contains(QLatin1String("GRANT UPDATE (price) ON TABLE ddl.account TO ddl_reader;")));
        QVERIFY(!relation.contains(QLatin1String("CREATE TABLE ddl.booking")));
        const QString partitioned = writer.relationScript(QStringLiteral("ddl"), QStringLiteral("event"));
        for (const char* part :
             {"ddl.event_2026 ", "ddl.event_2026_h1 ", "ddl.event_2026_other ", "ddl.event_default "})
            QVERIFY2(partitioned.contains(QLatin1String("CREATE TABLE ") + QLatin1String(part)), part);
        QVERIFY(partitioned.contains(QLatin1String("ATTACH PARTITION")));

        const QString target = freshDatabase(QStringLiteral("tst_ddl_one_") + m_suffix);
        // The types and functions first (what a relation script expects to exist), then each relation.
        psql(QStringLiteral("create schema ddl; "
                            "create type ddl.mood as enum ('sad', 'ok', 'it''s fine'); "
                            "create domain ddl.percent as numeric(5,2) default 0 not null constraint "
                            "percent_range check (value between 0 and 100); "
                            "create type ddl.pair as (a integer, b text); "
                            "create function ddl.touch() returns trigger language plpgsql as $$ "
                            "begin new.updated_at := now(); return new; end $$;"),
             target);
        loadScript(target, relation);
        loadScript(target, partitioned);
        for (const char* table : {"ddl.account", "ddl.event"}) {
            QProcess p;
            const auto dump = [&](const QString& db) {
                p.start(cluster().pgbin + QStringLiteral("/pg_dump"),
                        {QStringLiteral("--schema-only"), QStringLiteral("-h"), cluster().host,
                         QStringLiteral("-p"), QString::number(cluster().port), QStringLiteral("-U"),
                         cluster().user, QStringLiteral("-d"), db, QStringLiteral("-t"),
                         QLatin1String(table) + QLatin1Char('*')});
                p.waitForFinished(60000);
                QStringList lines;
                for (const QString& l : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n')))
                    if (!l.startsWith(QLatin1String("--")) && !l.startsWith(QLatin1Char('\\')) &&
                        !l.trimmed().isEmpty())
                        lines << l;
                return lines.join(QLatin1Char('\n'));
            };
            const QString before = dump(m_source);
            const QString after = dump(target);
            QVERIFY2(before == after, qPrintable(QLatin1String(table) + QStringLiteral(": ") +
                                                 firstDifference(before, after)));
        }
    }

    // Every table of the demo database: its schemas loaded from the demo's own SQL into a database of this
    // test (pgdesk_demo itself is shared with suites that add tables as they run), then scripted.
    void demoDatabaseRoundTrips() {
        freshDatabase(m_demo);
        const QString dir = QStringLiteral(PGDESK_SOURCE_DIR "/resources/demo/");
        for (const char* file : {"01-schema.sql", "02-data.sql", "03-big.sql"}) {
            QFile f(dir + QLatin1String(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QString sql = QString::fromUtf8(f.readAll());
            sql.replace(QStringLiteral("generate_series(1::bigint, 1000000)"),
                        QStringLiteral("generate_series(1::bigint, 10)"));
            loadScript(m_demo, sql);
        }
        auto c = open(m_demo);
        const QStringList schemas{QStringLiteral("inventory"), QStringLiteral("public")};
        const QString script = DdlWriter(c).schemaScript(schemas);
        QVERIFY(script.contains(QLatin1String("CREATE TRIGGER customer_set_last_update")));
        QVERIFY(script.contains(QLatin1String("CREATE MATERIALIZED VIEW inventory.product_stats")));
        compareReplay(m_demo, schemas, script, "demo");
    }

    // A published schema at two points of its history (tests/data/pagila): a function returning a table's
    // rows and an aggregate used by views, which a script in fixed sections cannot load.
    void sampleDatabaseRoundTrips_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("pagila 2024") << QStringLiteral("pagila-schema-2024.sql");
        QTest::newRow("pagila 2026") << QStringLiteral("pagila-schema-2026.sql");
    }

    void sampleDatabaseRoundTrips() {
        QFETCH(QString, file);
        QFile f(QStringLiteral(PGDESK_SOURCE_DIR "/tests/data/pagila/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString tag =
            file.contains(QLatin1String("2024")) ? QStringLiteral("pagila24") : QStringLiteral("pagila26");
        const QString source = freshDatabase(QStringLiteral("tst_ddl_src_%1_%2").arg(tag, m_suffix));
        loadScript(source, QString::fromUtf8(f.readAll()));
        auto c = open(source);
        const QString script = DdlWriter(c).schemaScript({QStringLiteral("public")});
        QVERIFY(script.indexOf(QLatin1String("CREATE TABLE public.customer (")) <
                script.indexOf(QLatin1String("FUNCTION public.rewards_report(")));
        QVERIFY(script.indexOf(QLatin1String("CREATE AGGREGATE public.group_concat(text) (")) <
                script.indexOf(QLatin1String("CREATE VIEW public.actor_info ")));
        compareReplay(source, {QStringLiteral("public")}, script, qPrintable(tag));
    }

    void missingObjectsAreNotFound() {
        auto c = open(m_source);
        DdlWriter writer(c);
        QVERIFY_THROWS_EXCEPTION(NotFound,
                                 writer.relationScript(QStringLiteral("ddl"), QStringLiteral("nope")));
        QVERIFY_THROWS_EXCEPTION(NotFound, writer.schemaScript({QStringLiteral("no_such_schema")}));
        // Exact names: the relation's name is not case-folded.
        QVERIFY_THROWS_EXCEPTION(NotFound,
                                 writer.relationScript(QStringLiteral("ddl"), QStringLiteral("ACCOUNT")));
    }
};

QTEST_GUILESS_MAIN(TestDdl)
#include "tst_ddl.moc"
