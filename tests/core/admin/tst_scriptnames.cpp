// SPDX-License-Identifier: GPL-3.0-or-later
// Generated SQL with hostile names (issue 32, item 6): schemas, tables, columns and an aggregate whose names
// hold line breaks (\n, \r, U+2028, U+0085, vertical tab, form feed), `*/`, `/*`, `--`, quotes, `$$` and
// `%1`/`%2`, each written to drop a canary table if it ever escaped its quotes or a comment. Every script
// PgDesk writes — CREATE script of the schemas and of each table, change-set preview, Copy as INSERT, SQL
// export, maintenance statement — is (a) replayed with psql -v ON_ERROR_STOP=1, after which the canary still
// stands, and (b) read with the project's SQL lexer: no statement came from a name (the same statements,
// token for token, as the script of the same objects under plain quoted names; no bare word of the
// payload; no comment that a line break could end).
#include "testcluster.h"

#include <pgdesk/core/admin/ddlwriter.h>
#include <pgdesk/core/admin/maintenance.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/sqltext/statementsplitter.h>
#include <pgdesk/core/transfer/exportwriter.h>
#include <pgdesk/core/transfer/rowencoding.h>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::cluster;
using pgdesk::test::psql;

namespace {

const QString kDrop = QStringLiteral("DROP TABLE public.canary; --");

// Two sets of the same objects: hostile names, and plain names that need quoting too (upper case), so
// both scripts lex to the same tokens if no name changed the script's structure.
struct Names {
    QStringList schemas; // 2
    QStringList tables;  // 4, in each schema
    QStringList columns; // 3, besides "id"
    QString aggregate;
};

Names hostileNames() {
    return {{QStringLiteral("s\n") + kDrop, QStringLiteral("s\rDROP TABLE public.canary; -- */ /* $$ '\"")},
            {QStringLiteral("x\n") + kDrop, QStringLiteral("y\rDROP TABLE public.canary; /* */ %2 '$$\""),
             QStringLiteral("z */ DROP TABLE public.canary; /*"),
             QStringLiteral("w\u2028\u0085\v\fDROP TABLE public.canary; --")},
            {QStringLiteral("c\n") + kDrop, QStringLiteral("d%2 */ /* -- '$$\" %1"), QStringLiteral("e\r%1")},
            QStringLiteral("agg\n") + kDrop};
}

Names plainNames() {
    return {{QStringLiteral("S1"), QStringLiteral("S2")},
            {QStringLiteral("T1"), QStringLiteral("T2"), QStringLiteral("T3"), QStringLiteral("T4")},
            {QStringLiteral("C"), QStringLiteral("D"), QStringLiteral("E")},
            QStringLiteral("Agg")};
}

QString q(const QString& schema, const QString& name) {
    return quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(name);
}

// The objects, in one order, so both sets get the same OIDs order.
QString setupSql(const Names& n) {
    QString sql;
    for (const QString& s : n.schemas) {
        sql += QStringLiteral("create schema %1;\n").arg(quoteIdentifier(s));
        for (const QString& t : n.tables) {
            QStringList columns{QStringLiteral("id int primary key")};
            for (const QString& c : n.columns)
                columns << quoteIdentifier(c) + QStringLiteral(" text");
            sql += QStringLiteral("create table %1 (%2);\n").arg(q(s, t), columns.join(QStringLiteral(", ")));
            sql +=
                QStringLiteral("create index on %1 (%2);\n").arg(q(s, t), quoteIdentifier(n.columns.at(1)));
        }
    }
    // An aggregate: scripted with CREATE AGGREGATE (its name in the statement, and in COMMENT and ALTER …
    // OWNER).
    sql += QStringLiteral("create aggregate %1 (int) (sfunc = int4pl, stype = int);\n")
               .arg(q(n.schemas.first(), n.aggregate));
    return sql;
}

struct Replay {
    int exitCode = -1;
    QString errors;
};

// psql -f - the way a user replays a script.
Replay replay(const QString& database, const QString& script) {
    QProcess p;
    p.start(cluster().pgbin + QStringLiteral("/psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), cluster().host, QStringLiteral("-p"),
             QString::number(cluster().port), QStringLiteral("-U"), cluster().user, QStringLiteral("-d"),
             database, QStringLiteral("-f"), QStringLiteral("-")});
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardError())};
}

bool isLineBreak(QChar c) {
    return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\v') ||
           c == QLatin1Char('\f') || c == QChar(0x85) || c == QChar(0x2028) || c == QChar(0x2029);
}

// A statement as its tokens: words as written (upper case), quoted identifiers, strings, numbers and
// comments as placeholders; whatever a name holds cannot show here unless it left its quotes.
QString shape(const QString& statement) {
    SqlLexState state;
    QStringList out;
    for (const SqlToken& t : tokenizeSql(statement, state)) {
        const QString text = statement.mid(t.start, t.length);
        switch (t.type) {
        case SqlTokenType::QuotedIdentifier:
            out << QStringLiteral("<ident>");
            break;
        case SqlTokenType::String:
        case SqlTokenType::DollarString:
            out << QStringLiteral("<string>");
            break;
        case SqlTokenType::Comment:
            out << QStringLiteral("<comment>");
            break;
        case SqlTokenType::Number:
            out << QStringLiteral("<number>");
            break;
        default:
            out << text.toUpper();
        }
    }
    return out.join(QLatin1Char(' '));
}

// What the lexer must see in any script: no bare word of the payload, and no comment holding a line break
// (PostgreSQL ends a line comment at \n or \r, other readers at any line break) or a nested block comment.
QString lexProblem(const QString& script) {
    SqlLexState state;
    for (const SqlToken& t : tokenizeSql(script, state)) {
        const QString text = script.mid(t.start, t.length);
        if (t.type == SqlTokenType::Word && text.compare(QLatin1String("canary"), Qt::CaseInsensitive) == 0)
            return QStringLiteral("a name's text ran as SQL near offset %1").arg(t.start);
        if (t.type != SqlTokenType::Comment)
            continue;
        if (std::any_of(text.begin(), text.end(), isLineBreak))
            return QStringLiteral("a comment holds a line break: %1").arg(text);
        if (text.startsWith(QLatin1String("/*")) && text.indexOf(QLatin1String("/*"), 2) >= 0)
            return QStringLiteral("a block comment nests: %1").arg(text);
    }
    if (state.mode != SqlLexState::Mode::Normal)
        return QStringLiteral("the script ends inside a quote or comment");
    return {};
}

QStringList shapes(const QString& script) {
    QStringList out;
    for (const SqlStatement& s : splitStatements(script))
        out << shape(s.text);
    return out;
}

} // namespace

class TestScriptNames final : public QObject {
    Q_OBJECT

    const QString m_suffix = QString::number(QCoreApplication::applicationPid());
    const QString m_source = QStringLiteral("tst_scriptnames_src_") + m_suffix;
    const Names m_hostile = hostileNames();
    const Names m_plain = plainNames();
    QStringList m_databases;
    QTemporaryDir m_dir;

    QString freshDatabase(const QString& name) {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(name), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(name), QStringLiteral("postgres"));
        psql(QStringLiteral("create table public.canary (i int); insert into public.canary values (1)"),
             name);
        m_databases << name;
        return name;
    }
    Connection open() { return Connection::open(pgdesk::test::profile(m_source)); }

    // (a) psql replays it without error and the canary stands; (b) the lexer finds no escaped name text
    // and, when given, exactly the statements expected (as shapes, in any order).
    void check(const char* what, const QString& database, const QString& script,
               const QStringList& expected = {}) {
        // Every oracle is asked, so a failure says both what the lexer saw and what psql did.
        QStringList problems;
        if (const QString p = lexProblem(script); !p.isEmpty())
            problems << p;
        if (!expected.isEmpty()) {
            QStringList got = shapes(script);
            QStringList want = expected;
            got.sort();
            want.sort();
            if (got != want)
                problems << QStringLiteral("other statements than expected");
        }
        const Replay r = replay(database, script);
        if (r.exitCode != 0)
            problems << QStringLiteral("psql failed: ") + r.errors;
        // Read with psql, not psql(): a missing canary is this test's failure, not the fixture's.
        if (replay(database, QStringLiteral("select 1 from public.canary;")).exitCode != 0)
            problems << QStringLiteral("the canary was dropped");
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QLatin1String(what) + QStringLiteral(": ") + problems.join(QStringLiteral("; ")) +
                            QStringLiteral("\n--- script ---\n") + script));
    }

    TableInfo table(Connection& c, int schema, int table) {
        return CatalogReader(c).table(m_hostile.schemas.at(schema), m_hostile.tables.at(table));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        freshDatabase(m_source);
        psql(setupSql(m_hostile) + setupSql(m_plain), m_source);
        // Values as hostile as the names.
        for (const QString& s : m_hostile.schemas)
            for (const QString& t : m_hostile.tables)
                psql(QStringLiteral("insert into %1 select g, $$a'b\"c$$ || g, E'x\\n' || g || ' */ -- $q$', "
                                    "E'\\\\' || g from generate_series(1, 100) g")
                         .arg(q(s, t)),
                     m_source);
    }

    void cleanupTestCase() {
        for (const QString& db : std::as_const(m_databases))
            psql(QStringLiteral("drop database if exists %1 with (force)").arg(db),
                 QStringLiteral("postgres"));
    }

    void sqlCommentTextEscapesEverythingThatEndsAComment() {
        QCOMPARE(sqlCommentText(QStringLiteral("a\nb\rc\vd\fe\u0085f\u2028g\u2029h\ti")),
                 QStringLiteral("a\\nb\\rc\\vd\\fe\\u0085f\\u2028g\\u2029h\ti"));
        QCOMPARE(sqlCommentText(QStringLiteral("x */ y /* z /*/ \\n")),
                 QStringLiteral("x *\\/ y /\\* z /\\*\\/ \\\\n"));
        QCOMPARE(sqlCommentText(QStringLiteral("public.\"Odd\" -- $$ 'x'")),
                 QStringLiteral("public.\"Odd\" -- $$ 'x'"));
    }

    // The CREATE script of both schemas, and of each table, replayed into empty databases.
    void createScripts() {
        auto c = open();
        DdlWriter writer(c);
        const QString script = writer.schemaScript(m_hostile.schemas);
        QVERIFY(script.contains(QStringLiteral("CREATE AGGREGATE %1(integer) (")
                                    .arg(quoteIdentifier(m_hostile.schemas.first()) + QLatin1Char('.') +
                                         quoteIdentifier(m_hostile.aggregate))));
        check("schema script", freshDatabase(QStringLiteral("tst_scriptnames_schemas_") + m_suffix), script,
              shapes(writer.schemaScript(m_plain.schemas)));

        const QString target = freshDatabase(QStringLiteral("tst_scriptnames_tables_") + m_suffix);
        for (const QString& s : m_hostile.schemas)
            psql(QStringLiteral("create schema %1").arg(quoteIdentifier(s)), target);
        for (qsizetype si = 0; si < m_hostile.schemas.size(); ++si)
            for (qsizetype ti = 0; ti < m_hostile.tables.size(); ++ti)
                check("table script", target,
                      writer.relationScript(m_hostile.schemas.at(si), m_hostile.tables.at(ti)),
                      shapes(writer.relationScript(m_plain.schemas.at(si), m_plain.tables.at(ti))));
    }

    // The Apply preview (also `apply --dry-run`): one INSERT, UPDATE and DELETE, run as shown.
    void changeSetPreview() {
        auto c = open();
        for (int s = 0; s < 2; ++s)
            for (int t = 0; t < 4; ++t) {
                const TableInfo info = table(c, s, t);
                const auto version = [&](int id) {
                    return psql(QStringLiteral("select xmin from %1 where id = %2")
                                    .arg(q(info.schema, info.name), QString::number(id)),
                                m_source);
                };
                ChangeSet changes;
                changes.table = qualifiedTableText(info.schema, info.name);
                const QString value = QStringLiteral("v\n") + kDrop + QStringLiteral(" */ $$ '\"");
                Row values{{QStringLiteral("id"), QStringLiteral("1000")}};
                for (const QString& col : m_hostile.columns)
                    values << std::pair{col, std::optional<QString>(value)};
                changes.stageInsert(values);
                changes.stageUpdate({{QStringLiteral("id"), QStringLiteral("1")}}, version(1),
                                    {{m_hostile.columns.at(1), value}});
                changes.stageDelete({{QStringLiteral("id"), QStringLiteral("2")}}, version(2));
                const QString preview = ChangeSetApplier(info).preview(changes);
                check("change-set preview", m_source, preview);
                QCOMPARE(splitStatements(preview).size(), 3);
                QCOMPARE(
                    psql(QStringLiteral("select count(*) from %1 where %2 = $v$%3$v$")
                             .arg(q(info.schema, info.name), quoteIdentifier(m_hostile.columns.at(1)), value),
                         m_source),
                    QStringLiteral("2"));
            }
    }

    // Names holding "%2" stay themselves where statements are assembled with QString::arg: the set-based
    // update of 64+ rows and the page query that cuts long values.
    void percentPlaceholdersInNamesStay() {
        auto c = open();
        const TableInfo info = table(c, 1, 1); // y…%2… with column d%2…
        ChangeSet changes;
        changes.table = qualifiedTableText(info.schema, info.name);
        const QString column = m_hostile.columns.at(1);
        for (int id = 1; id <= 80; ++id) {
            if (id == 2)
                continue; // deleted by changeSetPreview
            const QString version = psql(QStringLiteral("select xmin from %1 where id = %2")
                                             .arg(q(info.schema, info.name), QString::number(id)),
                                         m_source);
            changes.stageUpdate({{QStringLiteral("id"), QString::number(id)}}, version,
                                {{column, QStringLiteral("set-based %1").arg(id)}});
        }
        const ApplyResult result = ChangeSetApplier(info).apply(c, changes);
        QVERIFY(result.applied);
        QCOMPARE(result.statements, 1); // one set-based UPDATE
        QCOMPARE(psql(QStringLiteral("select count(*) from %1 where %2 like 'set-based %%'")
                          .arg(q(info.schema, info.name), quoteIdentifier(column)),
                      m_source),
                 QStringLiteral("79"));

        QuerySpec spec;
        spec.schema = info.schema;
        spec.table = info.name;
        spec.valueLimit = 5;
        spec.page.pageSize = 3;
        const BuiltQuery page = buildPageQuery(spec, info);
        const Result r = c.exec(page.sql, page.params);
        QCOMPARE(r.columnName(2), column);
        QCOMPARE(r.text(0, 2), QStringLiteral("set-ba")); // valueLimit + 1 characters: known to be cut
    }

    // Copy as INSERT (grid and query tool) and the SQL export, replayed into the replayed schemas.
    void insertsAndSqlExport() {
        auto c = open();
        const QString target = freshDatabase(QStringLiteral("tst_scriptnames_rows_") + m_suffix);
        check("schema script", target, DdlWriter(c).schemaScript(m_hostile.schemas));
        if (QTest::currentTestFailed())
            return; // nothing to insert into
        for (int s = 0; s < 2; ++s)
            for (int t = 0; t < 4; ++t) {
                const TableInfo info = table(c, s, t);
                ExportOptions options;
                options.format = ExportFormat::Sql;
                options.sqlRowsPerStatement = 7;
                const QString path = m_dir.filePath(QStringLiteral("export_%1_%2.sql").arg(s).arg(t));
                QuerySpec spec;
                spec.schema = info.schema;
                spec.table = info.name;
                spec.filter.conditions
                    << Condition{QStringLiteral("id"), FilterOp::GreaterThan, {QStringLiteral("2")}, {}}
                    << Condition{QStringLiteral("id"), FilterOp::LessThan, {QStringLiteral("52")}, {}};
                ExportWriter(c).exportTo(spec, info, path, options);
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString exported = QString::fromUtf8(file.readAll());
                check("SQL export", target, exported);
                QCOMPARE(splitStatements(exported).size(), 7); // 49 rows (3 … 51), 7 a statement

                QList<TextRow> rows;
                for (int id = 2000; id < 2003; ++id) {
                    TextRow row{QString::number(id)};
                    for (int k = 0; k < m_hostile.columns.size(); ++k)
                        row << QStringLiteral("r\n") + kDrop + QStringLiteral(" */ $$ '\"");
                    rows << row;
                }
                options.sqlRowsPerStatement = 1;
                const QString inserts = QString::fromUtf8(encodeRows(info.columns, rows, info, options));
                check("Copy as INSERT", target, inserts,
                      QStringList(3, shape(splitStatements(inserts).first().text)));
                QCOMPARE(
                    psql(QStringLiteral("select count(*) from %1").arg(q(info.schema, info.name)), target),
                    QStringLiteral("52"));
            }
    }

    void maintenanceStatements() {
        for (const QString& s : m_hostile.schemas)
            for (const QString& t : m_hostile.tables) {
                MaintenanceTarget target;
                target.schema = s;
                target.name = t;
                target.kind = QStringLiteral("r");
                MaintenanceOptions options;
                options.analyze = true;
                const QString vacuum = maintenanceStatement(target, options) + QLatin1Char(';');
                check("maintenance", m_source, vacuum,
                      {QStringLiteral("VACUUM ( ANALYZE ) <ident> . <ident>")});
                options = {};
                options.operation = MaintenanceOperation::Reindex;
                check("maintenance", m_source, maintenanceStatement(target, options) + QLatin1Char(';'),
                      {QStringLiteral("REINDEX TABLE <ident> . <ident>")});
            }
    }
};

QTEST_GUILESS_MAIN(TestScriptNames)
#include "tst_scriptnames.moc"
