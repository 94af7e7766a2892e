// SPDX-License-Identifier: GPL-3.0-or-later
// CSV import with COPY in one transaction against the real server: exact values (NULL vs "", Unicode,
// newlines, delimiters and quotes inside values), all-or-nothing with the failing line and column
// named, header mapping, cancel.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/importer.h>

#include <QBuffer>
#include <QTest>

using namespace pgdesk::core;

class TestImporter final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    const QString m_schema = QStringLiteral("imp_%1").arg(QCoreApplication::applicationPid());

    TableInfo table() { return CatalogReader(m_c).table(m_schema, QStringLiteral("t \"odd\"")); }
    QStringList rows() {
        const Result r = m_c.exec(
            QStringLiteral("select coalesce(id::text, '<N>') || '|' || coalesce(name, '<NULL>') || '|' || "
                           "coalesce(price::text, '<NULL>') from %1.\"t \"\"odd\"\"\" order by id")
                .arg(m_schema),
            Params{});
        QStringList out;
        for (int i = 0; i < r.rowCount(); ++i)
            out << r.text(i, 0);
        return out;
    }
    qint64 import(const QByteArray& csv, const ImportOptions& options) {
        QBuffer buffer;
        buffer.setData(csv);
        buffer.open(QIODevice::ReadOnly);
        return Importer(m_c, table()).importCsv(buffer, options);
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.\"t \"\"odd\"\"\" (id int primary key, name text, price "
                           "numeric(8,2) check (price >= 0), made int generated always as (id * "
                           "2) stored)"));
    }
    void init() { m_c.exec(QStringLiteral("truncate %1.\"t \"\"odd\"\"\"").arg(m_schema), Params{}); }

    void csvParsingIsPure() {
        const auto r = parseCsvRecords("a,\"b,\"\"c\"\"\nd\"\r\n,x\nlast,unfinished", ',', 10);
        QCOMPARE(r.size(), 2);
        QCOMPARE(r[0], (QStringList{"a", "b,\"c\"\nd"}));
        QCOMPARE(r[1], (QStringList{"", "x"}));
        QCOMPARE(parseCsvRecords("h1\th2\n1\t2\n", '\t', 1), (QList<QStringList>{{"h1", "h2"}}));
    }

    void exactValuesWithHeader() {
        ImportOptions o;
        o.header = true;
        // Header in another order than the table; "" quoted is the empty string, unquoted empty is NULL.
        const QByteArray csv = "name,id,price\n"
                               "\"jürgen, \"\"the\"\" groß\",1,19.99\n"
                               "\"two\nlines\",2,\n"
                               "\"\",3,0\n"
                               ",4,12345.5\n";
        QCOMPARE(import(csv, o), 4);
        QCOMPARE(rows(), (QStringList{"1|jürgen, \"the\" groß|19.99", "2|two\nlines|<NULL>", "3||0.00",
                                      "4|<NULL>|12345.50"}));
    }

    void allOrNothingNamesLineAndColumn() {
        ImportOptions o;
        o.header = true;
        QByteArray csv = "id,name,price\n";
        for (int i = 1; i <= 1000; ++i)
            csv += QByteArray::number(i) + ",n" + QByteArray::number(i) + "," + (i == 700 ? "abc" : "1.5") +
                   "\n";
        try {
            import(csv, o);
            QFAIL("expected a DataError");
        } catch (const DataError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains(QStringLiteral("line 701")) && m.contains(QStringLiteral("price")), e.what());
        }
        QVERIFY(rows().isEmpty());
        QVERIFY(m_c.isIdle());

        csv = "1,a,1\n2,b,-1\n";
        o.header = false;
        o.columns = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("price")};
        QVERIFY_THROWS_EXCEPTION(IntegrityError, import(csv, o));
        QVERIFY(rows().isEmpty());
    }

    void columnsAreChecked() {
        ImportOptions o;
        o.header = true;
        QVERIFY_THROWS_EXCEPTION(NotFound, import("id,nope\n1,2\n", o));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, import("id,made\n1,2\n", o)); // generated column
        // Without a header: all writable columns in table order.
        o.header = false;
        o.nullText = QStringLiteral("NULL");
        QCOMPARE(import("7,NULL,2\n8,,3\n", o), 2);
        QCOMPARE(rows(), (QStringList{"7|<NULL>|2.00", "8||3.00"}));
    }

    void cancelWritesNothing() {
        QByteArray csv;
        for (int i = 1; i <= 200000; ++i)
            csv += QByteArray::number(i) + ",x,1\n";
        std::atomic<bool> cancel{false};
        ImportOptions o;
        o.header = false;
        QBuffer buffer;
        buffer.setData(csv);
        buffer.open(QIODevice::ReadOnly);
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(QueryCanceled, Importer(m_c, table())
                                                    .importCsv(
                                                        buffer, o,
                                                        [&](const ImportProgress& p) {
                                                            QVERIFY(p.totalBytes == csv.size());
                                                            if (++calls == 1)
                                                                cancel = true;
                                                        },
                                                        &cancel));
        QVERIFY(rows().isEmpty());
        QVERIFY(m_c.isIdle());
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
