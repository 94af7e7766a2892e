// SPDX-License-Identifier: GPL-3.0-or-later
// ValueTree against the real server: every node of a document with hostile keys is found by its arrow
// path, its text[] path and its jsonpath; every edit gives the jsonb the server's own jsonb_set, #-,
// jsonb_insert build; arrays, hstore and records read as text parse to what the server says they hold.
#include "testcluster.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/visual/valuetree.h>

#include <QTest>

#include <functional>

using namespace pgdesk::core;
using Kind = ValueTree::Kind;

namespace {

// Keys a path has to survive: SQL and jsonpath quoting, text[] syntax, parameters, comments, Unicode.
const QStringList kHostileKeys{"plain",
                               "it's",
                               "two''quotes",
                               "\"dq\"",
                               "back\\slash",
                               "\\\"",
                               "a.b",
                               "a,b",
                               "{brace}",
                               "}",
                               "[0]",
                               "",
                               " ",
                               " lead",
                               "trail ",
                               "NULL",
                               "null",
                               "0",
                               "1",
                               "$",
                               "$1",
                               "?",
                               "@",
                               "--x",
                               "/*c*/",
                               "->",
                               "#>",
                               "line\nbreak",
                               "tab\there",
                               "\x01"
                               "ctl",
                               "שלום",
                               "سلام دنیا",
                               "😀",
                               "e\u0301",
                               "*",
                               "last"};

QByteArray hostileDocument() {
    const auto str = [](const QString& s) { return ValueTree::jsonString(s); };
    QByteArray doc = "{\n";
    for (int i = 0; i < kHostileKeys.size(); ++i) {
        const QString& key = kHostileKeys[i];
        QByteArray value;
        switch (i % 5) {
        case 0:
            value = "{" + str(key) + ": [1, " + str(key + "'") + ", {\"x\": null}], \"n\": 1e400}";
            break;
        case 1:
            value = "[123456789012345678901234567890.123456789, true, [" + str(key) + "], {}]";
            break;
        case 2:
            value = str(key + " value " + QString::fromUtf8("ع😀"));
            break;
        case 3:
            value = "{\"only\": {" + str(key) + ": -0.5e-10}}";
            break;
        default:
            value = "[[], [false], " + str(QStringLiteral("'\"\\")) + "]";
        }
        doc += "  " + str(key) + ": " + value + (i + 1 < kHostileKeys.size() ? ",\n" : "\n");
    }
    return doc + "}";
}

void expandAll(const ValueTree& t, int node, QList<int>* out) {
    out->append(node);
    for (int i = 0; i < t.childCount(node); ++i)
        expandAll(t, t.child(node, i), out);
}

} // namespace

class TestValueTreeServer final : public QObject {
    Q_OBJECT
    Connection m_c;

    bool serverSays(const QString& sql, const Params& params) {
        const Result r = m_c.exec(sql, params);
        return r.text(0, 0) == QLatin1String("t");
    }
    // The edited text, read by the server as jsonb, equals what `expected` (SQL over $1, the original)
    // builds; $2… are `params`.
    void compareEdit(const QByteArray& doc, const QByteArray& edited, const QString& expected,
                     const Params& params, const QString& what) {
        Params all{doc};
        all << params << edited;
        const QString sql = QStringLiteral("select $%1::jsonb = (%2)").arg(all.size()).arg(expected);
        QVERIFY2(serverSays(sql, all), qPrintable(what + QLatin1String(": ") + QString::fromUtf8(edited)));
        QVERIFY(ValueTree::fromJson(edited).childCount(0) >= 0);
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_c.exec(QStringLiteral("create extension if not exists hstore"));
    }

    void everyPathFindsItsNode() {
        const QByteArray doc = hostileDocument();
        const ValueTree t = ValueTree::fromJson(doc);
        QList<int> nodes;
        expandAll(t, ValueTree::kRoot, &nodes);
        QVERIFY(nodes.size() > 150);
        for (int node : nodes) {
            const QString sql =
                QStringLiteral("select ($1::jsonb%1) = $2::jsonb and ($1::jsonb%2) = $2::jsonb "
                               "and ($1::jsonb #> $3::text[]) = $2::jsonb "
                               "and jsonb_path_query_first($1::jsonb, $4::jsonpath) = $2::jsonb")
                    .arg(t.arrowPath(node), t.textArrayPath(node));
            QVERIFY2(serverSays(sql, Params{doc, t.rawJson(node), t.textArray(node).toUtf8(),
                                            t.jsonPath(node).toUtf8()}),
                     qPrintable(t.jsonPath(node)));
            // Keys and strings decode as the server decodes them.
            const Result r = m_c.exec(QStringLiteral("select $1::jsonb #>> $2::text[]"),
                                      Params{doc, t.textArray(node).toUtf8()});
            if (t.kind(node) == Kind::String)
                QCOMPARE(t.displayText(node), r.text(0, 0));
            if (node != ValueTree::kRoot && !t.isIndex(node))
                QVERIFY(kHostileKeys.contains(t.key(node)) || t.key(node) == QLatin1String("n") ||
                        t.key(node) == QLatin1String("x") || t.key(node) == QLatin1String("only"));
        }
        qInfo("%lld nodes checked, 4 paths each", qlonglong(nodes.size()));
    }

    void everyEditMatchesTheServer() {
        const QByteArray doc = hostileDocument();
        const ValueTree t = ValueTree::fromJson(doc);
        QList<int> nodes;
        expandAll(t, ValueTree::kRoot, &nodes);
        const QByteArray value = "{\"new\": [\"it's\", \"\\\"\", 1e400, 123456789012345678901234567890.5]}";
        const QString newKey = QStringLiteral("new 'key' \"ع\" {,}");
        int edits = 0;
        for (int node : nodes) {
            const QByteArray path = t.textArray(node).toUtf8();
            if (node != ValueTree::kRoot) {
                compareEdit(doc, t.removeNode(node), QStringLiteral("$1::jsonb #- $2::text[]"), Params{path},
                            QStringLiteral("remove ") + t.jsonPath(node));
                compareEdit(doc, t.replaceValue(node, value),
                            QStringLiteral("jsonb_set($1::jsonb, $2::text[], $3::jsonb)"),
                            Params{path, value}, QStringLiteral("replace ") + t.jsonPath(node));
                compareEdit(doc, t.setString(node, newKey),
                            QStringLiteral("jsonb_set($1::jsonb, $2::text[], to_jsonb($3::text))"),
                            Params{path, newKey.toUtf8()}, QStringLiteral("set string ") + t.jsonPath(node));
                edits += 3;
            }
            if (node != ValueTree::kRoot && !t.isIndex(node)) {
                const int parent = t.parent(node);
                const QString expected =
                    parent == ValueTree::kRoot
                        ? QStringLiteral("select ($1::jsonb - $3::text) || jsonb_build_object($4::text, "
                                         "$1::jsonb -> $3::text) where $2::text[] = '{}'")
                        : QStringLiteral(
                              "jsonb_set($1::jsonb, $2::text[], ($1::jsonb #> $2::text[]) - $3::text "
                              "|| jsonb_build_object($4::text, $1::jsonb #> $2::text[] -> $3::text))");
                compareEdit(doc, t.renameKey(node, newKey), expected,
                            Params{t.textArray(parent).toUtf8(), t.key(node).toUtf8(), newKey.toUtf8()},
                            QStringLiteral("rename ") + t.jsonPath(node));
                ++edits;
            }
            if (t.kind(node) == Kind::Object) {
                compareEdit(doc, t.insertMember(node, newKey, value),
                            QStringLiteral("jsonb_insert($1::jsonb, $2::text[] || $3::text, $4::jsonb)"),
                            Params{path, newKey.toUtf8(), value},
                            QStringLiteral("insert into ") + t.jsonPath(node));
                ++edits;
            }
            if (t.kind(node) == Kind::Array) {
                const int n = t.childCount(node);
                compareEdit(doc, t.appendElement(node, value),
                            QStringLiteral("jsonb_set($1::jsonb, $2::text[] || $3::text, $4::jsonb, true)"),
                            Params{path, QByteArray::number(n), value},
                            QStringLiteral("append to ") + t.jsonPath(node));
                for (int position = 0; position < n; ++position) {
                    compareEdit(doc, t.insertElement(node, position, value),
                                QStringLiteral("jsonb_insert($1::jsonb, $2::text[] || $3::text, $4::jsonb)"),
                                Params{path, QByteArray::number(position), value},
                                QStringLiteral("insert at %1 in ").arg(position) + t.jsonPath(node));
                }
                edits += 1 + n;
            }
        }
        qInfo("%d edits checked", edits);
    }

    void arraysParseToWhatTheServerHolds_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("text") << QStringLiteral("array['a', 'NULL', null, '', 'x \"y\"', 'b\\c', ' sp ', "
                                                "'{}', ',', 'שלום', '😀', 'null']::text[]")
                              << QChar(u',');
        QTest::newRow("2d int") << QStringLiteral("'{{1,2,3},{4,5,6}}'::int[]") << QChar(u',');
        QTest::newRow("bounds") << QStringLiteral("'[0:1][5:6]={{a,b},{c,d}}'::text[]") << QChar(u',');
        QTest::newRow("2d nulls") << QStringLiteral("array[[null, 'x'], ['\"', '\\'], ['{', '}']]")
                                  << QChar(u',');
        QTest::newRow("empty") << QStringLiteral("'{}'::text[]") << QChar(u',');
        QTest::newRow("numeric") << QStringLiteral(
                                        "array[1.50, null, 1e20, 123456789012345678901234567890.1]")
                                 << QChar(u',');
        QTest::newRow("jsonb") << QStringLiteral("array['{\"a\": [1, 2]}'::jsonb, 'null', '\"s\"']")
                               << QChar(u',');
        QTest::newRow("box") << QStringLiteral("array[box '(1,1),(0,0)', box '(2,2),(1,1)']") << QChar(u';');
        QTest::newRow("3d") << QStringLiteral("'{{{1,2},{3,4}},{{5,6},{7,NULL}}}'::int[]") << QChar(u',');
    }
    void arraysParseToWhatTheServerHolds() {
        QFETCH(QString, expression);
        QFETCH(QChar, delimiter);
        const Result text =
            m_c.exec(QStringLiteral("select (%1)::text, array_ndims(%1)").arg(expression), Params{});
        const ValueTree t = ValueTree::fromPgArray(text.text(0, 0), delimiter);
        // The leaves in order are unnest's rows.
        QStringList leaves;
        const std::function<void(int, int)> walk = [&](int node, int depth) {
            if (t.kind(node) != Kind::Array) {
                leaves << (t.kind(node) == Kind::Null ? QStringLiteral("<NULL>") : t.displayText(node));
                return;
            }
            if (t.childCount(node) > 0) {
                // The subscripts are the server's.
                const Result bounds =
                    m_c.exec(QStringLiteral("select array_lower(%1, %2), array_length(%1, %2)")
                                 .arg(expression)
                                 .arg(depth),
                             Params{});
                QCOMPARE(t.key(t.child(node, 0)), bounds.text(0, 0));
                QCOMPARE(QString::number(t.childCount(node)), bounds.text(0, 1));
            }
            for (int i = 0; i < t.childCount(node); ++i)
                walk(t.child(node, i), depth + 1);
        };
        walk(ValueTree::kRoot, 1);
        const Result rows = m_c.exec(
            QStringLiteral(
                "select coalesce(u::text, '<NULL>') from unnest(%1) with ordinality as x(u, o) order by o")
                .arg(expression),
            Params{});
        QStringList server;
        for (int i = 0; i < rows.rowCount(); ++i)
            server << rows.text(i, 0);
        QCOMPARE(leaves, server);
        int depth = 0;
        for (int node = ValueTree::kRoot; t.kind(node) == Kind::Array && t.childCount(node) > 0;
             node = t.child(node, 0))
            ++depth;
        QCOMPARE(depth == 0 ? QString() : QString::number(depth), text.text(0, 1));
    }

    void hstoreParsesToWhatTheServerHolds() {
        const QString h = QStringLiteral(
            "hstore(array['a', 'NULL', '', 'q\"\\', '=>,', ' sp ', 'ع', 'x'], array['b', null, '', 'NULL', "
            "'x', '😀', '', '\"=>\"'])");
        const Result text = m_c.exec(QStringLiteral("select (%1)::text").arg(h), Params{});
        const ValueTree t = ValueTree::fromHstore(text.text(0, 0));
        const Result pairs = m_c.exec(QStringLiteral("select key, value from each(%1)").arg(h), Params{});
        QCOMPARE(t.childCount(0), pairs.rowCount());
        QCOMPARE(pairs.rowCount(), 8);
        for (int i = 0; i < pairs.rowCount(); ++i) {
            const int c = t.child(0, i);
            QCOMPARE(t.key(c), pairs.text(i, 0));
            QCOMPARE(t.kind(c) == Kind::Null, pairs.isNull(i, 1));
            if (!pairs.isNull(i, 1))
                QCOMPARE(t.displayText(c), pairs.text(i, 1));
        }
        QCOMPARE(ValueTree::fromHstore(m_c.exec(QStringLiteral("select ''::hstore::text")).text(0, 0))
                     .childCount(0),
                 0);
    }

    void recordParsesToWhatTheServerHolds() {
        const QStringList names{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
        const Result r = m_c.exec(
            QStringLiteral(
                "select t::text, t.a::text, t.b, t.c, t.d, t.e, t.f::text, t.g::text, t.h, t.i, t.j, "
                "t.k::text from (select 1 as a, 'x y'::text as b, null::text as c, ''::text as d, "
                "'a\"b\\c'::text as e, array[1, null] as f, row(1, 'z \"w\"', null) as g, "
                "'NULL'::text as h, ' ' as i, '(,)' as j, '{\"k\": \"(\"}'::jsonb as k) t"),
            Params{});
        const ValueTree t = ValueTree::fromComposite(r.text(0, 0), names);
        QCOMPARE(t.childCount(0), names.size());
        for (int i = 0; i < names.size(); ++i) {
            const int c = t.child(0, i);
            QCOMPARE(t.key(c), names[i]);
            QCOMPARE(t.kind(c) == Kind::Null, r.isNull(0, i + 1));
            if (!r.isNull(0, i + 1))
                QCOMPARE(t.displayText(c), r.text(0, i + 1));
        }
        // A field that is itself a record or an array parses again.
        const ValueTree g = ValueTree::fromComposite(t.displayText(t.child(0, 6)));
        QCOMPARE(g.displayText(g.child(0, 1)), QStringLiteral("z \"w\""));
        QCOMPARE(g.kind(g.child(0, 2)), Kind::Null);
        const ValueTree f = ValueTree::fromPgArray(t.displayText(t.child(0, 5)));
        QCOMPARE(f.kind(f.child(0, 1)), Kind::Null);
    }
};

QTEST_GUILESS_MAIN(TestValueTreeServer)
#include "tst_valuetreeserver.moc"
