// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input end to end, on tables of the test's own (schema tst_hostile_<pid>): SQL injection attempts in
// every filter value and operation, search text, sort column, page cursor, export filter (inlined as
// literals, COPY has no parameters), change-set value and key, batch value, table and column name, profile
// field and DSN option. Oracles: a payload stored as a row is found by equality as exactly that row (it
// stayed data), no attempt ever gets a syntax error from SQL we built (42601), and a canary table the
// payloads try to drop, empty or change is intact after each test. Identifiers with quotes, spaces,
// Unicode and reserved words browse, sort, page, apply and export. The counts of attempts are printed.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/batchoperation.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/transfer/exportwriter.h>
#include <pgdesk/core/transfer/importer.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace pgdesk::core;

namespace {

// {S} is the test's schema. Payloads aim at the canary, try to end the statement, comment out the rest,
// open dollar quotes, smuggle escapes, sleep, kill the backend, read secrets, and break encodings.
QStringList payloadTemplates() {
    return {
        QStringLiteral("'; drop table {S}.canary; --"),
        QStringLiteral("\"; drop table {S}.canary; --"),
        QStringLiteral("'); delete from {S}.canary; --"),
        QStringLiteral("') or ('1'='1"),
        QStringLiteral("1 or 1=1"),
        QStringLiteral("1; update {S}.canary set i = 666"),
        QStringLiteral("$$; drop table {S}.canary; $$"),
        QStringLiteral("$q$ || (select 1) || $q$"),
        QStringLiteral("\\'; drop table {S}.canary; --"),
        QStringLiteral("E'\\x27; insert into {S}.canary values (666); --"),
        QStringLiteral("/* */ drop table {S}.canary /*"),
        QStringLiteral("-- "),
        QStringLiteral("%_%\\"),
        QStringLiteral("' || pg_sleep(5) || '"),
        QStringLiteral("x' and pg_terminate_backend(pg_backend_pid()) is not null --"),
        QStringLiteral("' union select rolname, rolpassword from pg_authid --"),
        QStringLiteral("1::int); drop table {S}.canary; --"),
        QStringLiteral("\\\\\\"),
        QStringLiteral("${injection} %s %d {0} ?"),
        QStringLiteral("$1"),
        QStringLiteral("ünïcödé 🐘 表 \u2028 \u202e"),
        QStringLiteral("a\"b'c`d"),
        QStringLiteral("select"),
        QStringLiteral("NULL"),
        QStringLiteral(" "),
        QStringLiteral("line\nbreak\r\ttab"),
        QStringLiteral("{\"a\": \"'; drop table {S}.canary; --\"}"),
        QStringLiteral("{'; drop table {S}.canary; --}"),
        QString(QStringLiteral("'\"")).repeated(300),
    };
}

// Identifiers that need quoting: reserved words, spaces, quotes, Unicode, injection text.
const QStringList kIdentifiers{
    QStringLiteral("select"),
    QStringLiteral("from where"),
    QStringLiteral("Ünïcödé 表"),
    QStringLiteral("a\"b"),
    QStringLiteral(" leading space"),
    QStringLiteral("x\"; drop table canary; --"),
    QStringLiteral("order"),
    QStringLiteral("🐘"),
    QStringLiteral("Robert'); DROP TABLE canary;--"),
    QStringLiteral("$1"),
    QStringLiteral("MixedCase"),
};

const QStringList kTableNames{
    QStringLiteral("user"),
    QStringLiteral("from where ünï 表"),
    QStringLiteral("t\"; drop table canary; --"),
    QStringLiteral("🐘 order"),
};

} // namespace

class TestHostile final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QString m_schema;
    QStringList m_payloads;
    QMap<QString, int> m_counts; // attempts per context
    QTemporaryDir m_dir;

    QString q(const QString& name) const {
        return m_c.quoteIdentifier(m_schema) + QLatin1Char('.') + m_c.quoteIdentifier(name);
    }
    TableInfo table(const QString& name) { return CatalogReader(m_c).table(m_schema, name); }

    // One hostile attempt: it may succeed or fail, but never with a syntax error in SQL we built.
    bool attempt(const QString& context, const std::function<void()>& fn) {
        ++m_counts[context];
        try {
            fn();
            return true;
        } catch (const Error& e) {
            if (e.sqlState() == QLatin1String("42601") || e.kind() == ErrorKind::Syntax)
                qWarning().noquote() << context << "syntax error:" << e.displayText();
            [&] {
                QVERIFY2(e.sqlState() != QLatin1String("42601"),
                         qPrintable(context + QLatin1String(": ") + e.displayText()));
            }();
            if (m_c.inTransaction())
                m_c.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    void checkCanary() {
        QCOMPARE(pgdesk::test::psql(
                     QStringLiteral("select count(*) || ':' || sum(i) from %1.canary").arg(m_schema)),
                 QStringLiteral("1:1"));
    }
    QuerySpec spec(const QString& name) const {
        QuerySpec s;
        s.schema = m_schema;
        s.table = name;
        s.page.pageSize = 50;
        return s;
    }
    static Condition condition(const QString& column, FilterOp op, const QStringList& values) {
        Condition c;
        c.column = column;
        c.op = op;
        c.values = values;
        return c;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_c = Connection::open(pgdesk::test::profile());
        m_schema = QStringLiteral("tst_hostile_%1").arg(QCoreApplication::applicationPid());
        for (QString p : payloadTemplates())
            m_payloads << p.replace(QStringLiteral("{S}"), m_schema);
        m_scratch.emplace(m_schema,
                          QStringLiteral("create table $S.canary (i int); insert into $S.canary values (1);"
                                         "create table $S.data (id serial primary key, txt text, n int, j "
                                         "jsonb, arr text[], ts timestamptz)"));
        for (const QString& p : m_payloads)
            m_c.exec(
                QStringLiteral(
                    "insert into %1.data (txt, n, j, arr) values ($1, 1, jsonb_build_object('k', $1::text),"
                    " array[$1::text])")
                    .arg(m_schema),
                {param(p)});
        // Tables and columns with hostile names; "user" (reserved) is the key of each.
        for (const QString& t : kTableNames) {
            QStringList columns{QStringLiteral("\"user\" int primary key")};
            for (const QString& c : kIdentifiers)
                columns << m_c.quoteIdentifier(c) + QStringLiteral(" text");
            m_c.exec(QStringLiteral("create table %1 (%2)").arg(q(t), columns.join(QStringLiteral(", "))),
                     Params{});
            QStringList values;
            for (qsizetype i = 0; i < kIdentifiers.size(); ++i)
                values << QStringLiteral("'v' || g || '_%1'").arg(i);
            m_c.exec(QStringLiteral("insert into %1 select g, %2 from generate_series(1, 120) g")
                         .arg(q(t), values.join(QStringLiteral(", "))),
                     Params{});
        }
    }

    void cleanupTestCase() {
        QStringList counts;
        int total = 0;
        for (auto it = m_counts.constBegin(); it != m_counts.constEnd(); ++it) {
            counts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
            total += it.value();
        }
        qInfo().noquote() << "hostile attempts:" << total << "(" + counts.join(QStringLiteral(", ")) + ")"
                          << "with" << m_payloads.size() << "payloads," << kIdentifiers.size()
                          << "column names," << kTableNames.size() << "table names";
    }

    void cleanup() { checkCanary(); }

    // Every operation the filter offers on text, number, jsonb and array columns, with every payload.
    void filterValues() {
        const TableInfo data = table(QStringLiteral("data"));
        QueryEngine engine(m_c);
        for (const QString& columnName : {QStringLiteral("txt"), QStringLiteral("n"), QStringLiteral("j"),
                                          QStringLiteral("arr"), QStringLiteral("ts")}) {
            const ColumnInfo* column = data.column(columnName);
            QVERIFY(column);
            for (const FilterOp op : operationsFor(*column)) {
                const int count = filterValueCount(op);
                if (count == 0)
                    continue;
                for (const QString& p : m_payloads) {
                    QuerySpec s = spec(QStringLiteral("data"));
                    Condition c = condition(columnName, op, count == 2 ? QStringList{p, p} : QStringList{p});
                    if (count < 0)
                        c.values << QStringLiteral("x");
                    if (op == FilterOp::JsonPathEqual)
                        c.jsonPath = {p};
                    s.filter.conditions << c;
                    QElapsedTimer timer;
                    timer.start();
                    attempt(QStringLiteral("filter value"), [&] { engine.fetchPage(s, data); });
                    QVERIFY2(timer.elapsed() < 4000, qPrintable(p)); // pg_sleep never ran
                }
            }
        }
        // The payload rows are found as data, exactly.
        for (const QString& p : m_payloads) {
            QuerySpec s = spec(QStringLiteral("data"));
            s.filter.conditions << condition(QStringLiteral("txt"), FilterOp::Equal, {p});
            const Page page = engine.fetchPage(s, data);
            QCOMPARE(page.rows.size(), 1);
            QCOMPARE(page.rows.at(0).at(1), std::optional<QString>(p));
            s.filter.conditions = {condition(QStringLiteral("j"), FilterOp::JsonPathEqual, {p})};
            s.filter.conditions[0].jsonPath = {QStringLiteral("k")};
            QCOMPARE(engine.fetchPage(s, data).rows.size(), 1);
        }
    }

    void searchText() {
        const TableInfo data = table(QStringLiteral("data"));
        QueryEngine engine(m_c);
        for (const QString& p : m_payloads) {
            QuerySpec s = spec(QStringLiteral("data"));
            s.search = p;
            Page page;
            QVERIFY(attempt(QStringLiteral("search"), [&] { page = engine.fetchPage(s, data); }));
            bool found = false;
            for (const auto& row : page.rows) {
                // Only rows that contain the text (search is case-insensitive and ignores surrounding
                // spaces).
                if (!p.trimmed().isEmpty())
                    QVERIFY2(row.at(1) && row.at(1)->contains(p.trimmed(), Qt::CaseInsensitive),
                             qPrintable(p));
                found = found || row.at(1) == p;
            }
            QVERIFY2(found, qPrintable(p));
        }
    }

    // Sort columns are names looked up in the catalog, never SQL; cursors are data, checked and bound.
    void sortColumnsAndCursors() {
        const TableInfo data = table(QStringLiteral("data"));
        QueryEngine engine(m_c);
        for (const QString& p : m_payloads) {
            for (const bool descending : {false, true}) {
                QuerySpec s = spec(QStringLiteral("data"));
                s.sort << SortKey{p, descending};
                std::optional<ErrorKind> kind;
                try {
                    ++m_counts[QStringLiteral("sort column")];
                    engine.fetchPage(s, data);
                } catch (const Error& e) {
                    kind = e.kind();
                }
                QCOMPARE(kind, std::optional<ErrorKind>(ErrorKind::NotFound));
            }
            for (const QString& cursor :
                 {p,
                  QString::fromLatin1(
                      p.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
                  QString::fromLatin1(
                      QJsonDocument(
                          QJsonObject{{QStringLiteral("v"), QJsonArray{p}}, {QStringLiteral("s"), p}})
                          .toJson(QJsonDocument::Compact)
                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))}) {
                QuerySpec s = spec(QStringLiteral("data"));
                s.page.afterCursor = cursor;
                attempt(QStringLiteral("page cursor"), [&] { engine.fetchPage(s, data); });
            }
        }
        // A real cursor whose value is a payload (the sort column's value) pages correctly.
        QuerySpec s = spec(QStringLiteral("data"));
        s.sort << SortKey{QStringLiteral("txt")};
        s.page.pageSize = 3;
        int rows = 0;
        for (int pages = 0; pages < 100; ++pages) {
            const Page page = engine.fetchPage(s, data);
            rows += int(page.rows.size());
            if (page.nextCursor.isEmpty())
                break;
            s.page.afterCursor = page.nextCursor;
        }
        QCOMPARE(rows, int(m_payloads.size()));
    }

    // Filters of an export are inlined as escaped literals (COPY takes no parameters): the riskiest path.
    void exportFilterLiterals() {
        const TableInfo data = table(QStringLiteral("data"));
        ExportWriter writer(m_c);
        int i = 0;
        for (const QString& p : m_payloads) {
            // like takes a pattern found anywhere: the payload escaped by escapeLike finds the payloads that
            // hold it, itself among them.
            qsizetype holding = 0;
            for (const QString& other : m_payloads)
                holding += other.contains(p) ? 1 : 0;
            for (const FilterOp op : {FilterOp::Equal, FilterOp::Contains, FilterOp::InList, FilterOp::Like,
                                      FilterOp::StartsWith, FilterOp::EndsWith}) {
                QuerySpec s = spec(QStringLiteral("data"));
                s.filter.conditions << condition(QStringLiteral("txt"), op,
                                                 {op == FilterOp::Like ? escapeLike(p) : p});
                ExportOptions options;
                options.format = ExportFormat::NdJson;
                const QString path = m_dir.filePath(QStringLiteral("f%1.ndjson").arg(++i));
                ExportResult result;
                QVERIFY(attempt(QStringLiteral("export filter"),
                                [&] { result = writer.exportTo(s, data, path, options); }));
                if (op == FilterOp::Equal || op == FilterOp::InList) {
                    QCOMPARE(result.rows, qint64(1));
                    QFile f(path);
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    QCOMPARE(
                        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("txt")).toString(),
                        p);
                } else if (op == FilterOp::Like) {
                    QCOMPARE(result.rows, qint64(holding));
                    QFile f(path);
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    QStringList found;
                    for (const QByteArray& line : f.readAll().split('\n'))
                        if (!line.isEmpty())
                            found << QJsonDocument::fromJson(line)
                                         .object()
                                         .value(QStringLiteral("txt"))
                                         .toString();
                    QVERIFY(found.contains(p));
                }
            }
            QuerySpec s = spec(QStringLiteral("data"));
            s.search = p;
            ExportOptions options;
            QVERIFY(attempt(QStringLiteral("export search"), [&] {
                writer.exportTo(s, data, m_dir.filePath(QStringLiteral("s.csv")), options);
            }));
        }
    }

    // Values and keys of change sets and batch operations.
    void changeSetsAndBatches() {
        const TableInfo data = table(QStringLiteral("data"));
        const ChangeSetApplier applier(data);
        ChangeSet inserts(data);
        for (const QString& p : m_payloads) {
            Change c;
            c.op = ChangeOp::Insert;
            c.values = {{QStringLiteral("txt"), p}, {QStringLiteral("n"), QStringLiteral("2")}};
            inserts.changes << c;
            ++m_counts[QStringLiteral("change-set value")];
        }
        QVERIFY(applier.apply(m_c, inserts).applied);
        QCOMPARE(m_c.exec(QStringLiteral("select count(*) from %1.data where n = 2 and txt = any($1::text[])")
                              .arg(m_schema),
                          {param(QStringLiteral("{") +
                                 QStringList(m_payloads)
                                     .replaceInStrings(QStringLiteral("\\"), QStringLiteral("\\\\"))
                                     .replaceInStrings(QStringLiteral("\""), QStringLiteral("\\\""))
                                     .replaceInStrings(
                                         QRegularExpression(QStringLiteral("^(.*)$"),
                                                            QRegularExpression::DotMatchesEverythingOption),
                                         QStringLiteral("\"\\1\""))
                                     .join(QLatin1Char(',')) +
                                 QStringLiteral("}"))})
                     .text(0, 0),
                 QString::number(m_payloads.size()));
        for (const QString& p : m_payloads) {
            // Keys that are payloads: a bad integer or no such row, never SQL.
            ChangeSet byKey(data);
            byKey.stageUpdate({{QStringLiteral("id"), p}}, QStringLiteral("1"), {{QStringLiteral("txt"), p}});
            attempt(QStringLiteral("change-set key"), [&] { applier.apply(m_c, byKey); });
            ChangeSet byVersion(data);
            byVersion.stageUpdate({{QStringLiteral("id"), QStringLiteral("1")}}, p,
                                  {{QStringLiteral("txt"), p}});
            attempt(QStringLiteral("change-set version"), [&] { applier.apply(m_c, byVersion); });
            attempt(QStringLiteral("batch value"), [&] {
                BatchOperation(data, BatchRequest{BatchAction::SetColumn, QStringLiteral("txt"), p})
                    .run(m_c, QList<Key>{{{QStringLiteral("id"), QStringLiteral("1")}}});
                QCOMPARE(
                    m_c.exec(QStringLiteral("select txt from %1.data where id = 1").arg(m_schema), Params{})
                        .text(0, 0),
                    p);
            });
            attempt(QStringLiteral("batch key"), [&] {
                BatchOperation(data, BatchRequest{BatchAction::SetColumn, QStringLiteral("txt"), p})
                    .run(m_c, QList<Key>{{{QStringLiteral("id"), p}}});
            });
        }
    }

    // Tables and columns named with quotes, spaces, Unicode, reserved words and injection text: browse
    // (filter and sort on each column, keyset pages, last page), apply, batch, import and export.
    void hostileIdentifiers() {
        for (const QString& name : kTableNames) {
            ++m_counts[QStringLiteral("table name")];
            const TableInfo t = table(name);
            QCOMPARE(t.name, name);
            // The values in the cluster's collation (C.UTF-8: byte order for ASCII), smallest first.
            QStringList expected;
            for (int g = 1; g <= 120; ++g)
                expected << QStringLiteral("v%1_").arg(g) + QStringLiteral("%1");
            std::sort(expected.begin(), expected.end(),
                      [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
            QCOMPARE(t.conventions.rowKey, QStringList{QStringLiteral("user")});
            QueryEngine engine(m_c);
            for (qsizetype i = 0; i < kIdentifiers.size(); ++i) {
                ++m_counts[QStringLiteral("column name")];
                const QString& column = kIdentifiers.at(i);
                QuerySpec s = spec(name);
                s.filter.conditions << condition(column, FilterOp::Equal, {QStringLiteral("v7_%1").arg(i)});
                Page page = engine.fetchPage(s, t);
                QCOMPARE(page.rows.size(), 1);
                s = spec(name);
                s.sort << SortKey{column, true};
                s.page.pageSize = 40;
                s.count = CountMode::Exact;
                page = engine.fetchPage(s, t);
                QCOMPARE(page.rows.size(), 40);
                QCOMPARE(page.total, std::optional<qint64>(120));
                QCOMPARE(page.rows.at(0).at(i + 1), std::optional<QString>(expected.last().arg(i)));
                s.page.afterCursor = page.nextCursor;
                QCOMPARE(engine.fetchPage(s, t).rows.size(), 40);
                s.page.afterCursor.clear();
                s.page.last = true;
                QCOMPARE(engine.fetchPage(s, t).rows.last().at(i + 1),
                         std::optional<QString>(expected.first().arg(i)));
            }
            // Apply: update every hostile column of one row, insert one, delete one.
            QuerySpec s = spec(name);
            s.page.pageSize = 2;
            const Page page = engine.fetchPage(s, t);
            ChangeSet changes(t);
            Row set;
            for (const QString& column : kIdentifiers)
                set << std::pair<QString, std::optional<QString>>{column, column};
            changes.stageUpdate({{QStringLiteral("user"), *page.rows.at(0).at(0)}}, page.versions.at(0), set);
            changes.stageDelete({{QStringLiteral("user"), *page.rows.at(1).at(0)}}, page.versions.at(1));
            Change insert;
            insert.op = ChangeOp::Insert;
            insert.values = set;
            insert.values << std::pair<QString, std::optional<QString>>{QStringLiteral("user"),
                                                                        QStringLiteral("1000")};
            changes.changes << insert;
            const ApplyResult applied = ChangeSetApplier(t).apply(m_c, changes);
            QVERIFY(applied.applied);
            QCOMPARE(m_c.exec(QStringLiteral("select count(*) from %1 where %2 = $1")
                                  .arg(q(name), m_c.quoteIdentifier(kIdentifiers.at(5))),
                              {param(kIdentifiers.at(5))})
                         .text(0, 0),
                     QStringLiteral("2"));
            // Batch on a hostile column, by filter on another.
            QuerySpec byFilter = spec(name);
            byFilter.filter.conditions
                << condition(kIdentifiers.at(2), FilterOp::StartsWith, {QStringLiteral("v11")});
            QCOMPARE(BatchOperation(t, BatchRequest{BatchAction::SetColumn, kIdentifiers.at(8),
                                                    QStringLiteral("batched")})
                         .run(m_c, byFilter)
                         .affected,
                     qint64(11)); // v11, v110..v119
            // Import with a header naming the hostile columns (CSV-quoted).
            QByteArray csv = "user";
            for (const QString& column : kIdentifiers)
                csv += ",\"" + column.toUtf8().replace("\"", "\"\"") + "\"";
            csv += "\n2000";
            for (qsizetype i = 0; i < kIdentifiers.size(); ++i)
                csv += ",imported";
            csv += "\n";
            QBuffer input(&csv);
            input.open(QIODevice::ReadOnly);
            QCOMPARE(Importer(m_c, t).importCsv(input, ImportOptions{}), qint64(1));
            // Export: the CSV header names the columns exactly; JSON keys too.
            ExportWriter writer(m_c);
            const QString path = m_dir.filePath(QStringLiteral("hostile.json"));
            ExportOptions options;
            options.format = ExportFormat::Json;
            QuerySpec all = spec(name);
            all.sort << SortKey{kIdentifiers.at(3)};
            QCOMPARE(writer.exportTo(all, t, path, options).rows,
                     qint64(120 - 1 + 1 + 1)); // deleted, inserted, imported
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject first = QJsonDocument::fromJson(f.readAll()).array().at(0).toObject();
            for (const QString& column : kIdentifiers)
                QVERIFY2(first.contains(column), qPrintable(column));
        }
    }

    // Profile fields and DSN options: a payload is a value libpq passes on (or refuses), never SQL, and
    // survives profiles.json and the DSN round trip.
    void profileFieldsAndDsnOptions() {
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.json")));
        int stored = 0;
        for (const QString& p : m_payloads) {
            ConnectionProfile profile = pgdesk::test::profile();
            profile.applicationName = p;
            // The server keeps application_name as printable ASCII, at most 63 bytes.
            bool connected = attempt(QStringLiteral("profile field"), [&] {
                Connection c = Connection::open(profile);
                const QString seen =
                    c.exec(QStringLiteral("select current_setting('application_name')"), Params{}).text(0, 0);
                bool ascii = true;
                for (const QChar ch : p)
                    ascii = ascii && ch.unicode() >= 32 && ch.unicode() < 127;
                if (ascii && p.size() < 64)
                    QCOMPARE(seen, p);
            });
            Q_UNUSED(connected);
            for (const auto field : {&ConnectionProfile::database, &ConnectionProfile::user,
                                     &ConnectionProfile::sslRootCert, &ConnectionProfile::service}) {
                ConnectionProfile bad = pgdesk::test::profile();
                bad.*field = p;
                attempt(QStringLiteral("profile field"), [&] { Connection::open(bad); });
            }
            ConnectionProfile options = pgdesk::test::profile();
            options.extraOptions = {{QStringLiteral("options"), QStringLiteral("-c search_path=") + p},
                                    {QStringLiteral("target_session_attrs"), p}};
            attempt(QStringLiteral("DSN option"), [&] { Connection::open(options); });
            options.extraOptions = {{QStringLiteral("options"), QStringLiteral("-c application_name=") + p}};
            attempt(QStringLiteral("DSN option"), [&] { Connection::open(options); });

            // DSN strings built around the payload, both forms.
            const QString keyValue =
                QStringLiteral("host=%1 port=%2 dbname=pgdesk_demo user=postgres application_name='%3'")
                    .arg(pgdesk::test::cluster().host)
                    .arg(pgdesk::test::cluster().port)
                    .arg(QString(p)
                             .replace(QStringLiteral("\\"), QStringLiteral("\\\\"))
                             .replace(QStringLiteral("'"), QStringLiteral("\\'")));
            ++m_counts[QStringLiteral("DSN option")];
            const ParsedDsn parsed = parseDsn(keyValue);
            QCOMPARE(parsed.profile.applicationName, p);
            QCOMPARE(parseDsn(toDsn(parsed.profile)).profile, parsed.profile);
            const QString uri =
                QStringLiteral("postgresql://postgres@/pgdesk_demo?host=%1&port=%2&application_name=%3")
                    .arg(pgdesk::test::cluster().host)
                    .arg(pgdesk::test::cluster().port)
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(p)));
            attempt(QStringLiteral("DSN option"), [&] {
                const ParsedDsn fromUri = parseDsn(uri);
                QCOMPARE(fromUri.profile.applicationName, p);
                Connection::open(fromUri.profile);
            });
            for (const QString& key : {QStringLiteral("sslmode"), QStringLiteral("dbname"),
                                       QStringLiteral("options"), QStringLiteral("host")})
                attempt(QStringLiteral("DSN option"), [&] {
                    parseDsn(QStringLiteral("port=%1 %2='%3'")
                                 .arg(pgdesk::test::cluster().port)
                                 .arg(key, QString(p)
                                               .replace(QStringLiteral("\\"), QStringLiteral("\\\\"))
                                               .replace(QStringLiteral("'"), QStringLiteral("\\'"))));
                });

            // Every string field of a stored profile, and the name.
            ConnectionProfile odd = pgdesk::test::profile();
            odd.name = QStringLiteral("p%1 ").arg(++stored) + p;
            odd.host = odd.database = odd.user = odd.sslRootCert = odd.sslCert = odd.sslKey = odd.sslCrl =
                odd.service = p;
            odd.applicationName = p;
            odd.extraOptions = {{QStringLiteral("target_session_attrs"), p}};
            ++m_counts[QStringLiteral("profile field")];
            // A name with control characters, or over 200 characters, is refused.
            bool control = odd.name.size() > 200;
            for (const QChar ch : odd.name)
                control = control || ch.category() == QChar::Other_Control;
            try {
                store.upsert(odd);
                QVERIFY2(!control, qPrintable(odd.name));
            } catch (const ConfigurationError&) {
                QVERIFY2(control, qPrintable(odd.name));
            }
        }
        store.save();
        ProfileStore reread(store.path());
        reread.load();
        QCOMPARE(reread.profiles(), store.profiles());
        QVERIFY(m_c.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
