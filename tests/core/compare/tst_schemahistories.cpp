// SPDX-License-Identifier: GPL-3.0-or-later
// Schema compare and migration on real material (issue 51): the published db/structure.sql of two
// applications at several commits (tests/data/danbooru, BSD-2-Clause; tests/data/zync, Apache-2.0), as
// their developers' migrations left them. For each pair from one commit to a later one, loaded as psql
// would and the older given a row in every table that takes one: the migration applies in one
// transaction, compare finds nothing afterwards, pg_dump --schema-only of both is the same (column order
// aside: the tables are altered in place, never made again to reorder them), every table kept is the same
// relation (same oid) with its rows, and every step that drops a table or a column is marked.

#include "testcluster.h"

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/compare/migration.h>
#include <pgdesk/core/compare/schemadiff.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::firstDifference;
using pgdesk::test::loadScript;
using pgdesk::test::psql;
using pgdesk::test::psqlValue;
using pgdesk::test::schemaDump;

namespace {

const QString kData = QStringLiteral(PGDESK_SOURCE_DIR "/tests/data/");

QString readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll());
}

// The structure files of one application, oldest first (their names start with the commit's date).
QStringList snapshots(const QString& application) {
    QStringList files =
        QDir(kData + application).entryList({QStringLiteral("structure-*.sql")}, QDir::Files, QDir::Name);
    for (QString& f : files)
        f = kData + application + QLatin1Char('/') + f;
    return files;
}

// A row in every table of public that takes one: a value by type for each NOT NULL column without a
// default, foreign keys not checked (session_replication_role), a table that refuses it (a CHECK, an
// unknown type) left empty. Returns how many tables have a row.
const char* kSeedRows = R"sql(
set session_replication_role = replica;
do $$
declare
    r record; c record; cols text; vals text;
begin
    for r in select k.oid, k.relname from pg_class k
             where k.relnamespace = 'public'::regnamespace and k.relkind in ('r', 'p') order by k.relname loop
        cols := null; vals := null;
        for c in select a.attname, t.typtype, t.typcategory, a.atttypid,
                        format_type(a.atttypid, a.atttypmod) as ft
                 from pg_attribute a join pg_type t on t.oid = a.atttypid
                 where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped and a.attnotnull
                   and not a.atthasdef and a.attidentity = '' and a.attgenerated = '' order by a.attnum loop
            cols := concat_ws(', ', cols, quote_ident(c.attname));
            vals := concat_ws(', ', vals, case
                when c.typtype = 'e' then quote_literal((select e.enumlabel from pg_enum e
                    where e.enumtypid = c.atttypid order by e.enumsortorder limit 1))
                when c.typcategory = 'N' then '1'
                when c.typcategory = 'S' then quote_literal('x ' || r.relname)
                when c.typcategory = 'B' then 'false'
                when c.typcategory = 'D' then quote_literal('2024-01-02 03:04:05')
                when c.typcategory = 'A' then quote_literal('{}')
                when c.ft in ('json', 'jsonb') then quote_literal('{"k": 1}')
                when c.typcategory = 'I' then quote_literal('127.0.0.1')
                when c.ft = 'uuid' then quote_literal('8c5b8f4e-1d2a-4a57-9e57-2f0e6a1b3c4d')
                else 'null' end || '::' || c.ft);
        end loop;
        begin
            if cols is null then
                execute format('insert into public.%I default values', r.relname);
            else
                execute format('insert into public.%I (%s) values (%s)', r.relname, cols, vals);
            end if;
        exception when others then null;
        end;
    end loop;
end $$;
)sql";

// A value of a column's type, for the rows a migration asks one for.
QString valueOfType(const QString& type) {
    if (type.endsWith(QLatin1String("[]")))
        return QStringLiteral("'{}'");
    if (type == QLatin1String("boolean"))
        return QStringLiteral("false");
    if (type.startsWith(QLatin1String("timestamp")) || type == QLatin1String("date"))
        return QStringLiteral("'2024-01-02 03:04:05'");
    if (type == QLatin1String("json") || type == QLatin1String("jsonb"))
        return QStringLiteral("'{}'");
    if (type.startsWith(QLatin1String("character")) || type == QLatin1String("text") ||
        type == QLatin1String("citext"))
        return QStringLiteral("''");
    if (type == QLatin1String("uuid"))
        return QStringLiteral("'8c5b8f4e-1d2a-4a57-9e57-2f0e6a1b3c4d'");
    return QStringLiteral("1"); // numbers: the id every seeded table's first row has, for a foreign key
}

// pg_dump's text with the column lines of each CREATE TABLE sorted: a column a later migration added
// comes last in a table altered in place, where the source's structure file may list it elsewhere.
QString columnOrderFree(const QString& dump) {
    static const QRegularExpression createTable(QStringLiteral(R"(^CREATE (UNLOGGED )?TABLE .*\($)"));
    QStringList out;
    QStringList block;
    bool inTable = false;
    for (const QString& line : dump.split(QLatin1Char('\n'))) {
        if (inTable) {
            if (!line.startsWith(QLatin1Char(')'))) {
                block << (line.endsWith(QLatin1Char(',')) ? line.chopped(1) : line);
                continue;
            }
            block.sort();
            out << block << line;
            block.clear();
            inTable = false;
            continue;
        }
        out << line;
        inTable = createTable.match(line).hasMatch();
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

// The lines of an object that differ, for a failure's message ("-" the target's, "+" the source's).
QString changedLines(const ObjectDifference& d) {
    QString out;
    for (const DiffLine& l : lineDiff(d.targetText, d.sourceText))
        if (l.op != ' ')
            out += QStringLiteral("\n") + QLatin1Char(l.op) + QLatin1Char(' ') + l.text;
    return out;
}

class TestSchemaHistories final : public QObject {
    Q_OBJECT

    const QString m_suffix = QString::number(QCoreApplication::applicationPid());
    QStringList m_databases;

    QString freshDatabase(const QString& name) {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(name), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(name), QStringLiteral("postgres"));
        m_databases << name;
        return name;
    }

    void dropDatabases() {
        for (const QString& db : std::as_const(m_databases))
            psql(QStringLiteral("drop database if exists %1 with (force)").arg(db),
                 QStringLiteral("postgres"));
        m_databases.clear();
    }

    // Each kept table's oid, and the rows of the columns both sides keep with one type (those given a value
    // for their NULLs aside): count and checksum.
    static QString keptTables(const QString& database, const SchemaSnapshot& target,
                              const SchemaSnapshot& source, const QHash<QString, QString>& filled) {
        QStringList out;
        for (const RelationShape& t : target.relations) {
            const RelationShape* s = source.relation(t.name);
            if (!s || t.kind != QLatin1String("r") || s->kind != QLatin1String("r"))
                continue;
            QStringList columns;
            for (const ColumnShape& c : t.columns)
                if (const ColumnShape* sc = s->column(c.name);
                    sc && sc->type == c.type && c.generatedExpression.isEmpty() &&
                    !filled.contains(t.name + QLatin1Char('.') + c.name))
                    columns << quoteIdentifier(c.name);
            const QString table = QStringLiteral("public.") + quoteIdentifier(t.name);
            const QString oid = psqlValue(QStringLiteral("select '%1'::regclass::oid").arg(table), database);
            const QString rows =
                columns.isEmpty()
                    ? QString()
                    : psqlValue(
                          QStringLiteral("select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' "
                                         "order by x::text)), '') from (select %1 from only %2) x")
                              .arg(columns.join(QStringLiteral(", ")), table),
                          database);
            out << t.name + QLatin1Char(' ') + oid + QLatin1Char(' ') + rows;
        }
        return out.join(QLatin1Char('\n'));
    }

private slots:
    void cleanup() { dropDatabases(); }

    void historyMigrates_data() {
        QTest::addColumn<QString>("older");
        QTest::addColumn<QString>("newer");
        for (const char* application : {"danbooru", "zync"}) {
            const QStringList files = snapshots(QLatin1String(application));
            QVERIFY2(files.size() >= 3, application);
            // Each commit to the next, and the oldest to the newest in one step.
            for (qsizetype i = 0; i + 1 < files.size(); ++i)
                QTest::addRow("%s %s", application, qPrintable(QFileInfo(files[i + 1]).baseName()))
                    << files[i] << files[i + 1];
            QTest::addRow("%s all at once", application) << files.first() << files.last();
        }
    }

    void historyMigrates() {
        QFETCH(QString, older);
        QFETCH(QString, newer);
        const QString target = freshDatabase(QStringLiteral("hist_old_") + m_suffix);
        const QString source = freshDatabase(QStringLiteral("hist_new_") + m_suffix);
        loadScript(target, readFile(older));
        loadScript(source, readFile(newer));
        loadScript(target, QLatin1String(kSeedRows));
        const int tables =
            psqlValue(QStringLiteral("select count(*) from pg_tables where schemaname = 'public'"), target)
                .toInt();
        const int seeded =
            psqlValue(QStringLiteral("select count(*) from pg_tables where schemaname = 'public' and "
                                     "(xpath('/row/c/text()', query_to_xml(format('select count(*) as c from "
                                     "public.%I', tablename), false, true, '')))[1]::text::int > 0"),
                      target)
                .toInt();
        // The row check means something only if most tables have a row.
        QVERIFY2(seeded * 4 >= tables * 3, qPrintable(QStringLiteral("%1 of %2").arg(seeded).arg(tables)));

        auto sourceConnection = Connection::open(pgdesk::test::profile(source));
        auto targetConnection = Connection::open(pgdesk::test::profile(target));
        const SchemaSnapshot after = readSchemaSnapshot(sourceConnection, QStringLiteral("public"));
        const SchemaSnapshot before = readSchemaSnapshot(targetConnection, QStringLiteral("public"));
        QVERIFY(schemasDiffer(compareSchemas(after, before)));

        MigrationOptions options;
        options.hasRows = [&](const QString& table) {
            return tableHasRows(targetConnection, QStringLiteral("public"), table);
        };
        options.hasNulls = [&](const QString& table, const QString& column) {
            return columnHasNulls(targetConnection, QStringLiteral("public"), table, column);
        };
        // A NOT NULL column added to a table with rows, or made NOT NULL over NULLs: the application's
        // migration filled it; here a value of its type does, as the user would type in the window.
        for (const auto& [table, column] : planMigration(after, before, options).valuesNeeded)
            options.fillValues.insert(table + QLatin1Char('.') + column,
                                      valueOfType(after.relation(table)->column(column)->type));
        const Migration migration = planMigration(after, before, options);
        const QString keptBefore = keptTables(target, before, after, options.fillValues);
        const QString script = migration.script(QStringLiteral("test"));
        QVERIFY2(migration.blockers.isEmpty(), qPrintable(migration.blockers.join(QLatin1Char('\n'))));
        SchemaApplyOptions applyOptions;
        static const QRegularExpression drops(QStringLiteral(R"(^DROP TABLE |\bDROP COLUMN )"));
        for (int i = 0; i < migration.statements.size(); ++i) {
            const DesignStatement& s = migration.statements[i];
            QVERIFY2(s.destructive || !drops.match(s.sql).hasMatch(), qPrintable(s.sql));
            if (s.destructive)
                applyOptions.confirmed.insert(i);
        }
        SchemaApplyResult result;
        try {
            result = applyMigration(targetConnection, migration, applyOptions);
        } catch (const std::exception& e) {
            QFAIL(qPrintable(QString::fromUtf8(e.what()) + QStringLiteral("\n--- script ---\n") + script));
        }
        QVERIFY2(result.committed && result.failure.isEmpty(),
                 qPrintable(result.failure + QStringLiteral("\n--- script ---\n") + script));

        for (const ObjectDifference& d :
             compareSchemas(after, readSchemaSnapshot(targetConnection, QStringLiteral("public"))))
            QVERIFY2(d.state == DiffState::Same,
                     qPrintable(d.kind + QLatin1Char(' ') + d.name + changedLines(d)));
        const QString want = columnOrderFree(schemaDump(source, {QStringLiteral("public")}));
        const QString got = columnOrderFree(schemaDump(target, {QStringLiteral("public")}));
        QVERIFY2(want == got,
                 qPrintable(firstDifference(want, got) + QStringLiteral("\n--- script ---\n") + script));
        const QString keptAfter = keptTables(target, before, after, options.fillValues);
        QVERIFY2(keptAfter == keptBefore, qPrintable(firstDifference(keptBefore, keptAfter)));
    }

    // The normalisation above sorts only column lines: a table that differs in anything else still differs.
    void columnOrderIsAllThatIsSetAside() {
        const QString a = QStringLiteral("CREATE TABLE public.t (\n    id integer,\n    b text\n);");
        QCOMPARE(columnOrderFree(a),
                 columnOrderFree(QStringLiteral("CREATE TABLE public.t (\n    b text,\n    id integer\n);")));
        QVERIFY(columnOrderFree(a) !=
                columnOrderFree(QStringLiteral("CREATE TABLE public.t (\n    id bigint,\n    b text\n);")));
        QVERIFY(columnOrderFree(a) !=
                columnOrderFree(QStringLiteral("CREATE TABLE public.u (\n    id integer,\n    b text\n);")));
    }

    void cleanupTestCase() { dropDatabases(); }
};

QTEST_GUILESS_MAIN(TestSchemaHistories)
#include "tst_schemahistories.moc"
