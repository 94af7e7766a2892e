// SPDX-License-Identifier: GPL-3.0-or-later
// Column privileges (issue 16, item 13): a role with SELECT on some columns of a table, UPDATE on one and
// INSERT on two, and no table-level privilege. Before, browsing and exporting failed with "permission
// denied for table" (SELECT * and xmin) and the catalog said the role had no privileges at all.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;

namespace {
QStringList names(const QList<ColumnInfo>& columns) {
    QStringList out;
    for (const ColumnInfo& c : columns)
        out << c.name;
    return out;
}
} // namespace

class TestColumnPrivileges final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_admin;
    Connection m_c; // as the restricted role
    QString m_role;
    QString m_schema;

    TableInfo table(const QString& name) { return CatalogReader(m_c).table(m_schema, name); }
    QString scalar(const QString& sql) { return m_admin.exec(sql).text(0, 0); }

private slots:
    void initTestCase() {
        const qint64 pid = QCoreApplication::applicationPid();
        m_role = QStringLiteral("tst_colpriv_%1").arg(pid);
        m_schema = QStringLiteral("tst_colpriv_%1").arg(pid);
        m_admin = Connection::open(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral(R"SQL(
drop role if exists %2;
create role %2 login password 'pw';
grant usage on schema %1 to %2;
create table %1.staff (id int primary key, name text, salary numeric(12,2), note text, flags jsonb);
insert into %1.staff values (1, 'Ann', 5000.10, 'first', '{"a": 1}'), (2, 'Bob', 4000, null, null),
                            (3, '50%_off', 1, 'x', '[]');
grant select (id, name, note, flags) on %1.staff to %2;
grant update (note, flags) on %1.staff to %2;
grant insert (id, name) on %1.staff to %2;
-- The primary key itself is not readable: rows cannot be named.
create table %1.secret_key (code text primary key, label text);
insert into %1.secret_key values ('k1', 'one');
grant select (label) on %1.secret_key to %2;
-- Fully readable, and xmin too.
create table %1.open (id int primary key, v text);
insert into %1.open values (1, 'a');
grant select, update on %1.open to %2;
)SQL")
                                        .arg(m_schema, m_role));
        ConnectionProfile p = pgdesk::test::profile();
        p.user = m_role;
        m_c = Connection::open(p, QStringLiteral("pw"));
    }

    void cleanupTestCase() {
        m_c = Connection();
        m_scratch.reset(); // before the role: the schema's grants name it
        m_admin.exec(QStringLiteral("drop owned by %1; drop role if exists %1").arg(m_role));
    }

    void catalogReportsColumnPrivileges() {
        const TableInfo t = table(QStringLiteral("staff"));
        QCOMPARE(names(t.columns), (QStringList{"id", "name", "note", "flags"}));
        QCOMPARE(names(t.hiddenColumns), QStringList{"salary"});
        QCOMPARE(names(t.allColumns()), (QStringList{"id", "name", "salary", "note", "flags"}));
        QVERIFY(!t.privileges.select);
        QVERIFY(!t.privileges.update);
        QVERIFY(!t.versionReadable);
        QCOMPARE(t.conventions.rowKey, QStringList{"id"});
        QVERIFY(t.column(QStringLiteral("note"))->canUpdate);
        QVERIFY(!t.column(QStringLiteral("name"))->canUpdate);
        QVERIFY(t.column(QStringLiteral("name"))->canInsert);
        QVERIFY(!t.column(QStringLiteral("note"))->canInsert);
        QVERIFY(!t.hiddenColumns.first().canSelect);

        // With table-level SELECT everything is readable, xmin included.
        const TableInfo open = table(QStringLiteral("open"));
        QVERIFY(open.hiddenColumns.isEmpty());
        QVERIFY(open.versionReadable);
        QVERIFY(open.column(QStringLiteral("v"))->canUpdate);
        QVERIFY(!open.column(QStringLiteral("v"))->canInsert);
    }

    void hiddenKeyLeavesNoRowKey() {
        const TableInfo t = table(QStringLiteral("secret_key"));
        QCOMPARE(names(t.columns), QStringList{"label"});
        QVERIFY(t.conventions.rowKey.isEmpty());
        QVERIFY(!canEditByCtid(t));
        QuerySpec spec;
        spec.count = CountMode::Exact;
        const Page page = QueryEngine(m_c).fetchPage(spec, t);
        QCOMPARE(page.rows.size(), 1);
        QCOMPARE(page.rows.first().first(), std::optional<QString>(QStringLiteral("one")));
    }

    void browseReadsTheReadableColumns() {
        const TableInfo t = table(QStringLiteral("staff"));
        QuerySpec spec;
        spec.count = CountMode::Exact;
        spec.sort = {SortKey{QStringLiteral("name")}};
        spec.filter.conditions << Condition{
            QStringLiteral("name"), FilterOp::Contains, {QStringLiteral("%_")}, {}};
        const Page page = QueryEngine(m_c).fetchPage(spec, t);
        QCOMPARE(page.columns.size(), 4);
        QCOMPARE(page.rows.size(), 1);
        QCOMPARE(page.rows.first().at(1), std::optional<QString>(QStringLiteral("50%_off")));
        QCOMPARE(page.total, std::optional<qint64>(1));
        QVERIFY(page.versions.isEmpty() || page.versions.first().isEmpty());
        // Filtering on the hidden column names it as unknown rather than reading it.
        QuerySpec bad;
        bad.filter.conditions << Condition{
            QStringLiteral("salary"), FilterOp::Equal, {QStringLiteral("1")}, {}};
        QVERIFY_THROWS_EXCEPTION(NotFound, QueryEngine(m_c).fetchPage(bad, t));
    }

    void exportWritesTheReadableColumns() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("staff.csv"));
        ExportOptions options;
        ExportWriter(m_c).exportTo(QuerySpec{}, table(QStringLiteral("staff")), path, options);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("id,name,note,flags\n1,Ann,first,\"{\"\"a\"\": 1}\"\n2,Bob,,\n"
                                         "3,50%_off,x,[]\n"));
    }

    // Without a readable xmin an update is guarded by the changed columns' values as read.
    void updateGuardedByOriginals() {
        const TableInfo t = table(QStringLiteral("staff"));
        ChangeSet set(t);
        set.changes << Change{ChangeOp::Update, Key{{QStringLiteral("id"), QStringLiteral("1")}}, QString(),
                              Row{{QStringLiteral("note"), QStringLiteral("edited")},
                                  {QStringLiteral("flags"), QStringLiteral("{\"b\": 2}")}},
                              Row{{QStringLiteral("note"), QStringLiteral("first")},
                                  {QStringLiteral("flags"), QStringLiteral("{\"a\": 1}")}}};
        set.changes << Change{
            ChangeOp::Insert,
            {},
            QString(),
            Row{{QStringLiteral("id"), QStringLiteral("4")}, {QStringLiteral("name"), QStringLiteral("Dee")}},
            {}};
        ApplyResult r = ChangeSetApplier(t).apply(m_c, set);
        QVERIFY(r.applied);
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.rows.at(1).row.columns, (QStringList{"id", "name", "note", "flags"}));
        QCOMPARE(
            scalar(
                QStringLiteral("select note || ' ' || flags::text from %1.staff where id = 1").arg(m_schema)),
            QStringLiteral("edited {\"b\": 2}"));
        QCOMPARE(scalar(QStringLiteral("select salary from %1.staff where id = 4").arg(m_schema)), QString());

        // Someone else changes the note: the same change no longer matches, and nothing is written.
        m_admin.exec(QStringLiteral("update %1.staff set note = 'theirs', flags = '{\"a\": 1}' where id = 1")
                         .arg(m_schema));
        set.changes.removeLast();
        r = ChangeSetApplier(t).apply(m_c, set);
        QVERIFY(!r.applied);
        QCOMPARE(r.conflicts.size(), 1);
        QVERIFY(r.conflicts.first().current);
        QCOMPARE(r.conflicts.first().current->values.at(2), std::optional<QString>(QStringLiteral("theirs")));
        QCOMPARE(scalar(QStringLiteral("select note from %1.staff where id = 1").arg(m_schema)),
                 QStringLiteral("theirs"));
        // Another column's change (salary, not edited here) is no conflict for the note.
        m_admin.exec(QStringLiteral("update %1.staff set salary = 1 where id = 2").arg(m_schema));
        ChangeSet second(t);
        second.changes << Change{ChangeOp::Update, Key{{QStringLiteral("id"), QStringLiteral("2")}},
                                 QString(), Row{{QStringLiteral("note"), QStringLiteral("set")}},
                                 Row{{QStringLiteral("note"), std::nullopt}}};
        QVERIFY(ChangeSetApplier(t).apply(m_c, second).applied);
    }

    void unguardedChangesAreRefused() {
        const TableInfo t = table(QStringLiteral("staff"));
        ChangeSet set(t);
        // An update without version must give the original of every column it sets.
        set.changes << Change{ChangeOp::Update, Key{{QStringLiteral("id"), QStringLiteral("2")}}, QString(),
                              Row{{QStringLiteral("note"), QStringLiteral("a")},
                                  {QStringLiteral("flags"), QStringLiteral("[]")}},
                              Row{{QStringLiteral("note"), QStringLiteral("set")}}};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, set.validate());
        set.changes = {
            Change{ChangeOp::Delete, Key{{QStringLiteral("id"), QStringLiteral("2")}}, QString(), {}, {}}};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, set.validate());
        // A column the role may not update: the server refuses, nothing is written.
        set.changes = {Change{ChangeOp::Update, Key{{QStringLiteral("id"), QStringLiteral("2")}}, QString(),
                              Row{{QStringLiteral("name"), QStringLiteral("Robert")}},
                              Row{{QStringLiteral("name"), QStringLiteral("Bob")}}}};
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, ChangeSetApplier(t).apply(m_c, set));
        QCOMPARE(scalar(QStringLiteral("select name from %1.staff where id = 2").arg(m_schema)),
                 QStringLiteral("Bob"));
    }
};

QTEST_GUILESS_MAIN(TestColumnPrivileges)
#include "tst_columnprivileges.moc"
