// SPDX-License-Identifier: GPL-3.0-or-later
// Row operations against a real server: tables of the test's own (schema tst_entityops_<pid>, so parallel
// runs never collide) and demo tables inside a transaction that is rolled back.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/entityoperations.h>
#include <pgdesk/core/session/atomic.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/transaction.h>

#include <QCoreApplication>
#include <QTest>

#include <stdexcept>

using namespace pgdesk::core;

namespace {

Key key(const QString& column, const QString& value) {
    return Key{{column, value}};
}

// The message of the expected exception, or a description of what happened instead.
template <class E, class Fn> QString errorOf(Fn&& fn) {
    try {
        fn();
    } catch (const E& e) {
        return e.message();
    } catch (const std::exception& e) {
        return QStringLiteral("wrong exception: ") + QString::fromUtf8(e.what());
    }
    return QStringLiteral("no exception");
}

// The expected text of column a for bulk row i: tabs, newlines, backslashes, COPY markers and Unicode.
std::optional<QString> bulkA(int i) {
    switch (i % 5) {
    case 0:
        return QStringLiteral("tab\there\t");
    case 1:
        return QStringLiteral("line\nbreak\r\nend\n");
    case 2:
        return QStringLiteral("back\\slash \\N \\. \\t %1").arg(i);
    case 3:
        return QStringLiteral("ünïcödé 🐘 \u2028 %1").arg(i);
    default:
        return QStringLiteral("v%1").arg(i);
    }
}
// Column b: NULL, empty string, and the text "\N" (which must not become NULL).
std::optional<QString> bulkB(int i) {
    switch (i % 3) {
    case 0:
        return std::nullopt;
    case 1:
        return QString(QLatin1String(""));
    default:
        return QStringLiteral("\\N");
    }
}

} // namespace

class TestEntityOperations final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QString m_schema;

    TableInfo table(const QString& name) { return CatalogReader(m_c).table(m_schema, name); }
    EntityOperations ops(const QString& name) { return EntityOperations(m_c, table(name)); }
    std::optional<QString> scalar(const QString& sql) {
        return EntityOperations(m_c, TableInfo{}).scalar(sql);
    }
    QString q(const QString& name) const { return m_schema + QLatin1Char('.') + name; }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_c.exec(QStringLiteral("SET TimeZone = 'UTC'"));
        m_schema = QStringLiteral("tst_entityops_%1").arg(QCoreApplication::applicationPid());
        const QString s = m_schema;
        m_scratch.emplace(
            s, QStringLiteral(
                   "create table %1.items (id uuid primary key default gen_random_uuid(), name text not null,"
                   "  note text, created_at timestamptz not null default now(),"
                   "  updated_at timestamptz not null default now());"
                   "create table %1.members (id bigserial primary key, name text not null,"
                   "  is_active boolean not null default true, updated_at timestamptz);"
                   "create table %1.docs (id int primary key, title text, deleted_at timestamptz);"
                   "create table %1.flags (id int primary key, is_deleted boolean not null default false);"
                   "create table %1.keyless (a text, b int);"
                   "create table %1.touched (id int primary key, v text, updated_at timestamptz,"
                   "  app_touched boolean);"
                   // Records whether the statement itself assigned updated_at, then maintains it.
                   "create function %1.touch() returns trigger language plpgsql as $$ begin"
                   "  NEW.app_touched := NEW.updated_at is distinct from OLD.updated_at;"
                   "  NEW.updated_at := now(); return NEW; end $$;"
                   "create trigger touched_touch before update on %1.touched for each row"
                   "  execute function %1.touch();"
                   "create table %1.types (id int primary key, n numeric(30,10), i8 int8, ts timestamptz,"
                   "  j jsonb, arr text[], vc varchar(5),"
                   "  vc_len int generated always as (length(vc)) stored,"
                   "  serial_no int generated always as identity);"
                   "create table %1.bulk (id int primary key, a text, b text, c int);"
                   "create table %1.bulk_fail (id int primary key, c int check (c >= 0));"
                   "create table %1.\"hostile \"\"); drop table x;--\" (id int primary key,"
                   "  \"a\"\"); drop table x;--\" text);")
                   .arg(s));
    }

    void createReturnsRowAndDefaults() {
        EntityOperations items = ops(QStringLiteral("items"));
        const RowResult r = items.create({{QStringLiteral("name"), QStringLiteral("first")}});
        QCOMPARE(r.columns, (QStringList{"id", "name", "note", "created_at", "updated_at"}));
        QCOMPARE(r.value(QStringLiteral("id")).value_or(QString()).size(), 36); // default uuid
        QCOMPARE(r.value(QStringLiteral("name")), std::optional<QString>(QStringLiteral("first")));
        QVERIFY(!r.values.at(2).has_value()); // note: NULL
        QVERIFY(r.value(QStringLiteral("created_at")).has_value());
        QVERIFY(!r.version.isEmpty());
        // Empty string stays an empty string, distinct from NULL.
        const RowResult empty =
            items.create({{QStringLiteral("name"), QString()}, {QStringLiteral("note"), {}}});
        QCOMPARE(empty.value(QStringLiteral("name")), std::optional<QString>(QString()));
        QVERIFY(!empty.values.at(2).has_value());

        QVERIFY_THROWS_EXCEPTION(NotFound, items.create({{QStringLiteral("nope"), QStringLiteral("x")}}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 items.create({{QStringLiteral("name"), QStringLiteral("a")},
                                               {QStringLiteral("name"), QStringLiteral("b")}}));
        EntityOperations types = ops(QStringLiteral("types"));
        QVERIFY(errorOf<ConfigurationError>([&] {
                    types.create({{QStringLiteral("id"), QStringLiteral("1")},
                                  {QStringLiteral("vc_len"), QStringLiteral("3")}});
                }).contains(QLatin1String("generated")));
        QVERIFY(errorOf<ConfigurationError>([&] {
                    types.create({{QStringLiteral("id"), QStringLiteral("1")},
                                  {QStringLiteral("serial_no"), QStringLiteral("3")}});
                }).contains(QLatin1String("IDENTITY")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 types.bulkCreate({QStringLiteral("vc_len")}, {{QStringLiteral("1")}}));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1").arg(q(QStringLiteral("types")))),
                 std::optional<QString>(QStringLiteral("0")));
    }

    void exactTextRoundTrips() {
        EntityOperations types = ops(QStringLiteral("types"));
        const Row values{
            {QStringLiteral("id"), QStringLiteral("100")},
            {QStringLiteral("n"), QStringLiteral("12345678901234567890.0123456789")},
            {QStringLiteral("i8"), QStringLiteral("-9223372036854775808")},
            {QStringLiteral("ts"), QStringLiteral("2026-03-14 15:09:26.535897+00")},
            {QStringLiteral("j"),
             QStringLiteral("{\"a\": 1, \"b\": [1, 2.50, \"x\\\"y\"], \"unicode\": \"ü\"}")},
            {QStringLiteral("arr"),
             QStringLiteral("{plain,\"with space\",\"quote\\\"d\",\"back\\\\slash\",NULL}")},
            {QStringLiteral("vc"), QStringLiteral("üöäß€")},
        };
        const RowResult created = types.create(values);
        for (const auto& [column, value] : values)
            QCOMPARE(created.value(column), value);
        QCOMPARE(created.value(QStringLiteral("vc_len")), std::optional<QString>(QStringLiteral("5")));
        const RowResult read = types.getOrThrow(key(QStringLiteral("id"), QStringLiteral("100")));
        QCOMPARE(read.values, created.values);
        QCOMPARE(read.version, created.version);

        const RowResult updated =
            types.update(key(QStringLiteral("id"), QStringLiteral("100")),
                         {{QStringLiteral("n"), QStringLiteral("-0.0000000001")},
                          {QStringLiteral("i8"), QStringLiteral("9223372036854775807")}});
        QCOMPARE(updated.value(QStringLiteral("n")), std::optional<QString>(QStringLiteral("-0.0000000001")));
        QCOMPARE(updated.value(QStringLiteral("i8")),
                 std::optional<QString>(QStringLiteral("9223372036854775807")));
        // A value too long for varchar(5) fails instead of being truncated by a cast.
        QVERIFY_THROWS_EXCEPTION(DataError,
                                 types.create({{QStringLiteral("id"), QStringLiteral("101")},
                                               {QStringLiteral("vc"), QStringLiteral("toolong")}}));
        QVERIFY_THROWS_EXCEPTION(DataError,
                                 types.update(key(QStringLiteral("id"), QStringLiteral("100")),
                                              {{QStringLiteral("vc"), QStringLiteral("toolong")}}));
        QCOMPARE(
            types.getOrThrow(key(QStringLiteral("id"), QStringLiteral("100"))).value(QStringLiteral("vc")),
            std::optional<QString>(QStringLiteral("üöäß€")));
    }

    void bulkCreateHundredThousandRows() {
        EntityOperations bulk = ops(QStringLiteral("bulk"));
        constexpr int n = 100000;
        QList<QList<std::optional<QString>>> rows;
        rows.reserve(n);
        for (int i = 1; i <= n; ++i)
            rows.append({QString::number(i), bulkA(i), bulkB(i), QString::number(i)});
        QCOMPARE(
            bulk.bulkCreate(
                {QStringLiteral("id"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, rows),
            qint64(n));
        const QString t = q(QStringLiteral("bulk"));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1").arg(t)),
                 std::optional<QString>(QString::number(n)));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1 where b is null").arg(t)),
                 std::optional<QString>(QStringLiteral("33333")));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1 where b = ''").arg(t)),
                 std::optional<QString>(QStringLiteral("33334")));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1 where b = E'\\\\N'").arg(t)),
                 std::optional<QString>(QStringLiteral("33333")));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1 where a = E'tab\\there\\t'").arg(t)),
                 std::optional<QString>(QStringLiteral("20000")));
        for (const int i : {1, 2, 3, 4, 5, 6, 7, 12345, 50000, 99998, 99999, 100000}) {
            const RowResult r = bulk.getOrThrow(key(QStringLiteral("id"), QString::number(i)));
            QCOMPARE(r.value(QStringLiteral("a")), bulkA(i));
            QCOMPARE(r.values.at(2), bulkB(i));
            QCOMPARE(r.value(QStringLiteral("c")), std::optional<QString>(QString::number(i)));
        }
        QCOMPARE(bulk.bulkCreate({QStringLiteral("id")}, {}), qint64(0));
    }

    void bulkCreateIsAllOrNothing_data() {
        QTest::addColumn<QString>("id500");
        QTest::addColumn<QString>("c500");
        QTest::addColumn<QString>("kind");
        QTest::newRow("check violation") << "500"
                                         << "-1"
                                         << "integrity";
        // 23505 is its own kind in the taxonomy (AlreadyExists), still all or nothing.
        QTest::newRow("duplicate key") << "1"
                                       << "5"
                                       << "already_exists";
        QTest::newRow("bad integer") << "500"
                                     << "five"
                                     << "data";
    }
    void bulkCreateIsAllOrNothing() {
        QFETCH(QString, id500);
        QFETCH(QString, c500);
        QFETCH(QString, kind);
        EntityOperations bulk = ops(QStringLiteral("bulk_fail"));
        QList<QList<std::optional<QString>>> rows;
        for (int i = 1; i <= 1000; ++i)
            rows.append({QString::number(i), QString::number(i)});
        rows[499] = {id500, c500};
        const QStringList columns{QStringLiteral("id"), QStringLiteral("c")};
        if (kind == QLatin1String("integrity"))
            QVERIFY_THROWS_EXCEPTION(IntegrityError, bulk.bulkCreate(columns, rows));
        else if (kind == QLatin1String("already_exists"))
            QVERIFY_THROWS_EXCEPTION(AlreadyExists, bulk.bulkCreate(columns, rows));
        else
            QVERIFY_THROWS_EXCEPTION(DataError, bulk.bulkCreate(columns, rows));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1").arg(q(QStringLiteral("bulk_fail")))),
                 std::optional<QString>(QStringLiteral("0")));
        // The connection left COPY mode cleanly.
        QVERIFY(m_c.isIdle());
        QCOMPARE(scalar(QStringLiteral("select 1")), std::optional<QString>(QStringLiteral("1")));
        // Malformed batches are refused before anything is sent.
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, bulk.bulkCreate(columns, {{QStringLiteral("1")}}));
        QVERIFY_THROWS_EXCEPTION(NotFound,
                                 bulk.bulkCreate({QStringLiteral("nope")}, {{QStringLiteral("1")}}));
    }

    void bulkCreateInsideFailedTransaction() {
        EntityOperations bulk = ops(QStringLiteral("bulk_fail"));
        Transaction tx(m_c);
        QVERIFY_THROWS_EXCEPTION(QueryError, m_c.exec(QStringLiteral("select 1/0")));
        QVERIFY_THROWS_EXCEPTION(QueryError,
                                 bulk.bulkCreate({QStringLiteral("id")}, {{QStringLiteral("1")}}));
        tx.rollback();
        QVERIFY(m_c.isIdle());
    }

    void getAndGetOrThrow() {
        EntityOperations items = ops(QStringLiteral("items"));
        const RowResult r = items.create({{QStringLiteral("name"), QStringLiteral("findme")}});
        const QString id = *r.value(QStringLiteral("id"));
        const auto found = items.get(key(QStringLiteral("id"), id));
        QVERIFY(found.has_value());
        QCOMPARE(found->values, r.values);
        QCOMPARE(found->version, r.version);
        const QString missing = QStringLiteral("00000000-0000-0000-0000-000000000000");
        QVERIFY(!items.get(key(QStringLiteral("id"), missing)).has_value());
        const QString message =
            errorOf<NotFound>([&] { items.getOrThrow(key(QStringLiteral("id"), missing)); });
        QVERIFY2(message.startsWith(QStringLiteral("no row in %1.items with key").arg(m_schema)),
                 qPrintable(message));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 items.get(key(QStringLiteral("name"), QStringLiteral("findme"))));
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            items.get({{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("x")}}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, items.get({}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, items.get({{QStringLiteral("id"), std::nullopt}}));
        QVERIFY_THROWS_EXCEPTION(DataError,
                                 items.get(key(QStringLiteral("id"), QStringLiteral("not-a-uuid"))));
    }

    void updateSetsUpdatedAtOnlyWithoutTrigger() {
        const QString fixed = QStringLiteral("2000-01-01 00:00:00+00");
        EntityOperations items = ops(QStringLiteral("items"));
        QVERIFY(!items.table().conventions.updatedAtByTrigger);
        const QString id = *items
                                .create({{QStringLiteral("name"), QStringLiteral("u")},
                                         {QStringLiteral("updated_at"), fixed}})
                                .value(QStringLiteral("id"));
        const RowResult updated =
            items.update(key(QStringLiteral("id"), id), {{QStringLiteral("name"), QStringLiteral("v")}});
        QCOMPARE(updated.value(QStringLiteral("name")), std::optional<QString>(QStringLiteral("v")));
        QVERIFY(updated.value(QStringLiteral("updated_at")) != std::optional<QString>(fixed));
        QVERIFY(*updated.value(QStringLiteral("updated_at")) > fixed);
        // An explicit updated_at wins over the automatic one.
        const RowResult explicitly =
            items.update(key(QStringLiteral("id"), id), {{QStringLiteral("updated_at"), fixed}});
        QCOMPARE(explicitly.value(QStringLiteral("updated_at")), std::optional<QString>(fixed));
        // Nothing to set on a table without updated_at is refused.
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            ops(QStringLiteral("docs")).update(key(QStringLiteral("id"), QStringLiteral("1")), {}));

        // With a BEFORE UPDATE trigger the statement leaves updated_at to it.
        EntityOperations touched = ops(QStringLiteral("touched"));
        QVERIFY(touched.table().conventions.updatedAtByTrigger);
        QCOMPARE(touched.table().conventions.updatedAtColumn, QStringLiteral("updated_at"));
        touched.create({{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("updated_at"), fixed}});
        const RowResult t = touched.update(key(QStringLiteral("id"), QStringLiteral("1")),
                                           {{QStringLiteral("v"), QStringLiteral("changed")}});
        QCOMPARE(t.value(QStringLiteral("app_touched")), std::optional<QString>(QStringLiteral("f")));
        QVERIFY(t.value(QStringLiteral("updated_at")) !=
                std::optional<QString>(fixed)); // the trigger's now()
    }

    void versionsAndMissingKeys() {
        EntityOperations items = ops(QStringLiteral("items"));
        const RowResult r = items.create({{QStringLiteral("name"), QStringLiteral("v1")}});
        const Key k = key(QStringLiteral("id"), *r.value(QStringLiteral("id")));
        const RowResult second = items.update(k, {{QStringLiteral("name"), QStringLiteral("v2")}}, r.version);
        QVERIFY(second.version != r.version); // another transaction wrote it
        try {
            items.update(k, {{QStringLiteral("name"), QStringLiteral("v3")}}, r.version);
            QFAIL("stale version accepted");
        } catch (const ConflictError& e) {
            QCOMPARE(e.kind(), ErrorKind::Conflict);
            QCOMPARE(e.message(), QStringLiteral("row changed since it was read"));
        }
        QCOMPARE(items.getOrThrow(k).value(QStringLiteral("name")),
                 std::optional<QString>(QStringLiteral("v2")));
        QCOMPARE(items.getOrThrow(k).version, second.version);

        const Key missing = key(QStringLiteral("id"), QStringLiteral("00000000-0000-0000-0000-000000000001"));
        QVERIFY_THROWS_EXCEPTION(NotFound,
                                 items.update(missing, {{QStringLiteral("name"), QStringLiteral("x")}}));
        QVERIFY_THROWS_EXCEPTION(
            NotFound, items.update(missing, {{QStringLiteral("name"), QStringLiteral("x")}}, r.version));
        QVERIFY_THROWS_EXCEPTION(NotFound, items.update(k, {{QStringLiteral("nope"), QStringLiteral("x")}}));

        // remove follows the same rule.
        QVERIFY_THROWS_EXCEPTION(ConflictError, items.remove(k, r.version));
        QVERIFY(items.get(k).has_value());
        items.remove(k, second.version);
        QVERIFY(!items.get(k).has_value());
        QVERIFY_THROWS_EXCEPTION(NotFound, items.remove(k));
        QVERIFY_THROWS_EXCEPTION(NotFound, items.remove(k, second.version));

        // remove without a version.
        const RowResult other = items.create({{QStringLiteral("name"), QStringLiteral("gone")}});
        items.remove(key(QStringLiteral("id"), *other.value(QStringLiteral("id"))));
        QVERIFY(!items.get(key(QStringLiteral("id"), *other.value(QStringLiteral("id")))).has_value());
    }

    void softDeleteAndRestore() {
        EntityOperations docs = ops(QStringLiteral("docs"));
        QCOMPARE(docs.table().conventions.softDelete, SoftDeleteKind::DeletedAtTimestamp);
        docs.create(
            {{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("title"), QStringLiteral("t")}});
        const Key one = key(QStringLiteral("id"), QStringLiteral("1"));
        QVERIFY(docs.softDelete(one).value(QStringLiteral("deleted_at")).has_value());
        QVERIFY(!docs.restore(one).value(QStringLiteral("deleted_at")).has_value());
        QVERIFY_THROWS_EXCEPTION(NotFound, docs.softDelete(key(QStringLiteral("id"), QStringLiteral("404"))));

        EntityOperations flags = ops(QStringLiteral("flags"));
        QCOMPARE(flags.table().conventions.softDelete, SoftDeleteKind::DeletedFlag);
        flags.create({{QStringLiteral("id"), QStringLiteral("1")}});
        QCOMPARE(flags.softDelete(one).value(QStringLiteral("is_deleted")),
                 std::optional<QString>(QStringLiteral("t")));
        QCOMPARE(flags.restore(one).value(QStringLiteral("is_deleted")),
                 std::optional<QString>(QStringLiteral("f")));

        EntityOperations members = ops(QStringLiteral("members"));
        QCOMPARE(members.table().conventions.softDelete, SoftDeleteKind::ActiveFlag);
        const RowResult m = members.create({{QStringLiteral("name"), QStringLiteral("m")}});
        QVERIFY(!m.value(QStringLiteral("updated_at")).has_value());
        const Key mk = key(QStringLiteral("id"), *m.value(QStringLiteral("id")));
        const RowResult deleted = members.softDelete(mk);
        QCOMPARE(deleted.value(QStringLiteral("is_active")), std::optional<QString>(QStringLiteral("f")));
        QVERIFY(deleted.value(QStringLiteral("updated_at")).has_value()); // touched like update()
        QCOMPARE(members.restore(mk).value(QStringLiteral("is_active")),
                 std::optional<QString>(QStringLiteral("t")));

        EntityOperations items = ops(QStringLiteral("items"));
        const QString id =
            *items.create({{QStringLiteral("name"), QStringLiteral("n")}}).value(QStringLiteral("id"));
        QVERIFY(errorOf<ConfigurationError>([&] {
                    items.softDelete(key(QStringLiteral("id"), id));
                }).contains(QLatin1String("soft-delete")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, items.restore(key(QStringLiteral("id"), id)));
    }

    void composesInsideAtomic() {
        const TableInfo docsInfo = table(QStringLiteral("docs"));
        auto pool = Pool::create(pgdesk::test::profile());
        const QString version = atomic(*pool, [&](Transaction& tx) {
            EntityOperations docs(tx.connection(), docsInfo);
            docs.create({{QStringLiteral("id"), QStringLiteral("10")},
                         {QStringLiteral("title"), QStringLiteral("a")}});
            docs.update(key(QStringLiteral("id"), QStringLiteral("10")),
                        {{QStringLiteral("title"), QStringLiteral("b")}});
            return docs.softDelete(key(QStringLiteral("id"), QStringLiteral("10"))).version;
        });
        EntityOperations docs(m_c, docsInfo);
        const RowResult r = docs.getOrThrow(key(QStringLiteral("id"), QStringLiteral("10")));
        QCOMPARE(r.value(QStringLiteral("title")), std::optional<QString>(QStringLiteral("b")));
        QVERIFY(r.value(QStringLiteral("deleted_at")).has_value());
        QCOMPARE(r.version, version);

        QVERIFY_THROWS_EXCEPTION(std::runtime_error, atomic(*pool, [&](Transaction& tx) {
                                     EntityOperations ops(tx.connection(), docsInfo);
                                     ops.create({{QStringLiteral("id"), QStringLiteral("11")}});
                                     ops.bulkCreate({QStringLiteral("id")}, {{QStringLiteral("12")}});
                                     throw std::runtime_error("changed my mind");
                                 }));
        QVERIFY(!docs.get(key(QStringLiteral("id"), QStringLiteral("11"))).has_value());
        QVERIFY(!docs.get(key(QStringLiteral("id"), QStringLiteral("12"))).has_value());
        QCOMPARE(pool->stats().invalidated, quint64(0));
    }

    void keylessTableRefusesKeyOperations() {
        EntityOperations keyless = ops(QStringLiteral("keyless"));
        QVERIFY(keyless.table().conventions.rowKey.isEmpty());
        const RowResult r = keyless.create(
            {{QStringLiteral("a"), QStringLiteral("x")}, {QStringLiteral("b"), QStringLiteral("1")}});
        QCOMPARE(r.values, (QList<std::optional<QString>>{QStringLiteral("x"), QStringLiteral("1")}));
        QVERIFY(!r.version.isEmpty());
        QCOMPARE(
            keyless.bulkCreate({QStringLiteral("a"), QStringLiteral("b")},
                               {{QStringLiteral("y"), QStringLiteral("2")}, {std::nullopt, std::nullopt}}),
            qint64(2));
        const Key k = key(QStringLiteral("a"), QStringLiteral("x"));
        const QString expected =
            QStringLiteral("table has no row key; editing by ctid is an explicit opt-in");
        QCOMPARE(errorOf<ConfigurationError>([&] { keyless.get(k); }), expected);
        QCOMPARE(errorOf<ConfigurationError>([&] { keyless.getOrThrow(k); }), expected);
        QCOMPARE(errorOf<ConfigurationError>([&] {
                     keyless.update(k, {{QStringLiteral("b"), QStringLiteral("5")}});
                 }),
                 expected);
        QCOMPARE(errorOf<ConfigurationError>([&] { keyless.remove(k); }), expected);
        QCOMPARE(errorOf<ConfigurationError>([&] { keyless.softDelete(k); }), expected);
        QCOMPARE(errorOf<ConfigurationError>([&] { keyless.restore(k); }), expected);
        QCOMPARE(
            scalar(QStringLiteral("select count(*) from %1 where b = 1").arg(q(QStringLiteral("keyless")))),
            std::optional<QString>(QStringLiteral("1")));
    }

    void injectionIsInert() {
        EntityOperations items = ops(QStringLiteral("items"));
        for (const QString& hostile : {QStringLiteral("'); drop table public.x; --"), QStringLiteral("$1"),
                                       QStringLiteral("\\'; select 1; --"), QStringLiteral("\" or 1=1 --")}) {
            const RowResult r =
                items.create({{QStringLiteral("name"), hostile}, {QStringLiteral("note"), hostile}});
            QCOMPARE(r.value(QStringLiteral("name")), std::optional<QString>(hostile));
            const Key k = key(QStringLiteral("id"), *r.value(QStringLiteral("id")));
            QCOMPARE(
                items.update(k, {{QStringLiteral("note"), hostile + hostile}}).value(QStringLiteral("note")),
                std::optional<QString>(hostile + hostile));
        }
        // A version is a parameter cast to xid, never a condition.
        const RowResult r = items.create({{QStringLiteral("name"), QStringLiteral("guarded")}});
        const Key k = key(QStringLiteral("id"), *r.value(QStringLiteral("id")));
        QVERIFY_THROWS_EXCEPTION(QueryError,
                                 items.update(k, {{QStringLiteral("name"), QStringLiteral("hacked")}},
                                              QStringLiteral("0 or true")));
        QCOMPARE(items.getOrThrow(k).value(QStringLiteral("name")),
                 std::optional<QString>(QStringLiteral("guarded")));
        // Hostile column names are quoted identifiers, or unknown.
        QVERIFY_THROWS_EXCEPTION(NotFound, items.create({{QStringLiteral("name\"); drop table public.x; --"),
                                                          QStringLiteral("x")}}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 items.get(key(QStringLiteral("id = id or true --"), QStringLiteral("1"))));

        const QString column = QStringLiteral("a\"); drop table x;--");
        EntityOperations hostileTable = ops(QStringLiteral("hostile \"); drop table x;--"));
        const RowResult h = hostileTable.create(
            {{QStringLiteral("id"), QStringLiteral("1")}, {column, QStringLiteral("v'); --")}});
        QCOMPARE(h.columns, (QStringList{QStringLiteral("id"), column}));
        QCOMPARE(h.value(column), std::optional<QString>(QStringLiteral("v'); --")));
        QCOMPARE(hostileTable.bulkCreate({QStringLiteral("id"), column},
                                         {{QStringLiteral("2"), QStringLiteral("w")}}),
                 qint64(1));
        QCOMPARE(hostileTable.update(key(QStringLiteral("id"), QStringLiteral("2")), {{column, std::nullopt}})
                     .values.at(1),
                 std::optional<QString>());
        hostileTable.remove(key(QStringLiteral("id"), QStringLiteral("1")));
        QCOMPARE(scalar(QStringLiteral("select to_regclass('public.x') is not null")),
                 std::optional<QString>(QStringLiteral("t")));
    }

    void demoTablesInRolledBackTransaction() {
        const auto count = [this](const QString& t) {
            return scalar(QStringLiteral("select count(*) from ") + t);
        };
        const auto usersBefore = count(QStringLiteral("public.users"));
        const auto customersBefore = count(QStringLiteral("public.customer"));
        const auto postsBefore = count(QStringLiteral("public.posts"));
        {
            Transaction tx(m_c);
            CatalogReader catalog(m_c);
            EntityOperations users(m_c, catalog.table(QStringLiteral("public"), QStringLiteral("users")));
            const RowResult u =
                users.create({{QStringLiteral("username"), QStringLiteral("tst.entityops")},
                              {QStringLiteral("email"), QStringLiteral("tst@entityops.invalid")},
                              {QStringLiteral("bio"), QString()}});
            QCOMPARE(u.value(QStringLiteral("bio")), std::optional<QString>(QString()));
            const Key uk = key(QStringLiteral("id"), *u.value(QStringLiteral("id")));
            QCOMPARE(
                users.update(uk, {{QStringLiteral("full_name"), QStringLiteral("Jürgen Groß")}}, u.version)
                    .value(QStringLiteral("full_name")),
                std::optional<QString>(QStringLiteral("Jürgen Groß")));

            EntityOperations posts(m_c, catalog.table(QStringLiteral("public"), QStringLiteral("posts")));
            const RowResult p = posts.create({{QStringLiteral("user_id"), *u.value(QStringLiteral("id"))},
                                              {QStringLiteral("title"), QStringLiteral("hello")}});
            const Key pk = key(QStringLiteral("id"), *p.value(QStringLiteral("id")));
            QVERIFY(posts.softDelete(pk).value(QStringLiteral("deleted_at")).has_value());
            QVERIFY(!posts.restore(pk).value(QStringLiteral("deleted_at")).has_value());
            // The post references the user: deleting the user is an integrity error.
            QVERIFY_THROWS_EXCEPTION(IntegrityError, users.remove(uk));
        }
        {
            Transaction tx(m_c);
            CatalogReader catalog(m_c);
            EntityOperations customer(m_c,
                                      catalog.table(QStringLiteral("public"), QStringLiteral("customer")));
            QVERIFY(customer.table().conventions.updatedAtByTrigger);
            const RowResult c = customer.create(
                {{QStringLiteral("first_name"), QStringLiteral("Tst")},
                 {QStringLiteral("last_name"), QStringLiteral("Ops")},
                 {QStringLiteral("email"), QStringLiteral("tst.customer@entityops.invalid")}});
            const Key ck = key(QStringLiteral("customer_id"), *c.value(QStringLiteral("customer_id")));
            QCOMPARE(customer.softDelete(ck).value(QStringLiteral("is_active")),
                     std::optional<QString>(QStringLiteral("f")));
            QCOMPARE(customer.restore(ck).value(QStringLiteral("is_active")),
                     std::optional<QString>(QStringLiteral("t")));
            customer.remove(ck);

            EntityOperations weird(
                m_c, catalog.table(QStringLiteral("public"), QStringLiteral("we\"ird; drop table x;--")));
            const RowResult w =
                weird.create({{QStringLiteral("id"), QStringLiteral("424242")},
                              {QStringLiteral("select"), QStringLiteral("x'); drop table x;--")},
                              {QStringLiteral("Mixed Case"), QStringLiteral("ü")}});
            QCOMPARE(w.value(QStringLiteral("select")),
                     std::optional<QString>(QStringLiteral("x'); drop table x;--")));
            QCOMPARE(weird.getOrThrow(key(QStringLiteral("id"), QStringLiteral("424242"))).values, w.values);
            tx.rollback();
        }
        QVERIFY(m_c.isIdle());
        QCOMPARE(count(QStringLiteral("public.users")), usersBefore);
        QCOMPARE(count(QStringLiteral("public.customer")), customersBefore);
        QCOMPARE(count(QStringLiteral("public.posts")), postsBefore);
        QCOMPARE(scalar(QStringLiteral(
                     "select count(*) from public.\"we\"\"ird; drop table x;--\" where id = 424242")),
                 std::optional<QString>(QStringLiteral("0")));
        QCOMPARE(scalar(QStringLiteral("select to_regclass('public.x') is not null")),
                 std::optional<QString>(QStringLiteral("t")));
    }

    void executeAndScalar() {
        EntityOperations items = ops(QStringLiteral("items"));
        QCOMPARE(items.scalar(QStringLiteral("select $1::text || $2::text"), {param("a"), param("'b")}),
                 std::optional<QString>(QStringLiteral("a'b")));
        QVERIFY(!items.scalar(QStringLiteral("select null")).has_value());
        QVERIFY(!items.scalar(QStringLiteral("select 1 where false")).has_value());
        QCOMPARE(items.scalar(QStringLiteral("select ''")), std::optional<QString>(QString()));
        const Result r = items.execute(QStringLiteral("select generate_series(1, $1::int)"), {param(3LL)});
        QCOMPARE(r.rowCount(), 3);
        QVERIFY_THROWS_EXCEPTION(SyntaxError, items.execute(QStringLiteral("selec 1")));
    }
};

QTEST_GUILESS_MAIN(TestEntityOperations)
#include "tst_entityoperations.moc"
