// SPDX-License-Identifier: GPL-3.0-or-later
// ValueTree without a server: kinds, lazy indexing, hostile keys and their paths, exact numbers, every
// edit at every position with the rest of the text byte-identical, arrays/hstore/records, search and a
// 10 MB document.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/visual/valuetree.h>

#include <QElapsedTimer>
#include <QTest>

using namespace pgdesk::core;
using Kind = ValueTree::Kind;

namespace {

// The node at a path of keys / positions (a number selects an array's element).
int at(const ValueTree& t, const QStringList& path) {
    int node = ValueTree::kRoot;
    for (const QString& step : path) {
        bool isNumber = false;
        const int position = step.toInt(&isNumber);
        if (t.kind(node) == Kind::Array && isNumber) {
            node = t.child(node, position);
            continue;
        }
        int found = -1;
        for (int i = 0; i < t.childCount(node) && found < 0; ++i) {
            if (t.key(t.child(node, i)) == step)
                found = t.child(node, i);
        }
        if (found < 0)
            qFatal("no key %s", qPrintable(step));
        node = found;
    }
    return node;
}

QStringList keys(const ValueTree& t, int node) {
    QStringList out;
    for (int i = 0; i < t.childCount(node); ++i)
        out << t.key(t.child(node, i));
    return out;
}

QStringList texts(const ValueTree& t, int node) {
    QStringList out;
    for (int i = 0; i < t.childCount(node); ++i) {
        const int c = t.child(node, i);
        out << (t.kind(c) == Kind::Null ? QStringLiteral("<NULL>") : t.displayText(c));
    }
    return out;
}

const QByteArray kBigNumber = "123456789012345678901234567890.123456789";

} // namespace

class TestValueTree final : public QObject {
    Q_OBJECT

private slots:
    void kindsAndDisplay() {
        const ValueTree t = ValueTree::fromJson(" {\"s\":\"x\\\"y\",\"n\":-1.50,\"t\":true,\"f\":false,\"z\":"
                                                "null,\"o\":{},\"a\":[1,[2],{\"k\":3}]} ");
        QCOMPARE(t.kind(0), Kind::Object);
        QCOMPARE(t.source(), ValueTree::Source::Json);
        QCOMPARE(keys(t, 0), (QStringList{"s", "n", "t", "f", "z", "o", "a"}));
        const QList<Kind> kinds{Kind::String, Kind::Number, Kind::Boolean, Kind::Boolean,
                                Kind::Null,   Kind::Object, Kind::Array};
        const QStringList names{"string", "number", "boolean", "boolean", "null", "object", "array"};
        const QStringList shown{"x\"y", "-1.50", "true", "false", "null", "{0}", "[3]"};
        for (int i = 0; i < 7; ++i) {
            const int c = t.child(0, i);
            QCOMPARE(t.kind(c), kinds[i]);
            QCOMPARE(t.typeName(c), names[i]);
            QCOMPARE(t.displayText(c), shown[i]);
            QCOMPARE(t.parent(c), 0);
            QCOMPARE(t.row(c), i);
            QVERIFY(!t.isIndex(c));
        }
        QCOMPARE(t.rawJson(t.child(0, 0)), QByteArray("\"x\\\"y\""));
        QCOMPARE(t.rawJson(0),
                 QByteArray("{\"s\":\"x\\\"y\",\"n\":-1.50,\"t\":true,\"f\":false,\"z\":null,\"o\":{},"
                            R"("a":[1,[2],{"k":3}]})"));
        const int a = t.child(0, 6);
        QCOMPARE(keys(t, a), (QStringList{"0", "1", "2"}));
        QVERIFY(t.isIndex(t.child(a, 1)));
        QCOMPARE(t.displayText(t.child(a, 2)), QStringLiteral("{1}"));
        QVERIFY(!t.hasChildren(t.child(0, 5)));
        QVERIFY(t.hasChildren(a));
        QCOMPARE(t.key(0), QString());
        QCOMPARE(t.parent(0), -1);
        QVERIFY_THROWS_EXCEPTION(DataError, t.child(0, 7));
        QVERIFY_THROWS_EXCEPTION(DataError, t.kind(10000));

        const ValueTree scalar = ValueTree::fromJson(" \"only\" ");
        QCOMPARE(scalar.kind(0), Kind::String);
        QCOMPARE(scalar.childCount(0), 0);
        QCOMPARE(scalar.displayText(0), QStringLiteral("only"));
        QCOMPARE(ValueTree().displayText(0), QStringLiteral("null"));
    }

    void invalidJsonNamesTheByte() {
        try {
            ValueTree::fromJson(R"({"a":1,})");
            QFAIL("accepted");
        } catch (const DataError& e) {
            QVERIFY2(e.message().contains(QLatin1String("byte 7")), qPrintable(e.message()));
        }
        QVERIFY_THROWS_EXCEPTION(DataError, ValueTree::fromJson(""));
        QVERIFY_THROWS_EXCEPTION(DataError, ValueTree::fromJson("[1] 2"));
    }

    void indexesOnlyWhatIsExpanded() {
        const ValueTree t =
            ValueTree::fromJson(R"({"a":{"b":{"c":[1,2,3]},"d":[4,5]},"e":[6,[7,8,9,10]],"f":"g"})");
        QCOMPARE(t.indexedNodeCount(), 1);
        // Counting and "has children" read the bytes without indexing.
        QVERIFY(t.hasChildren(0));
        QCOMPARE(t.size(0), 3);
        QCOMPARE(t.indexedNodeCount(), 1);
        QCOMPARE(t.childCount(0), 3);
        QCOMPARE(t.indexedNodeCount(), 4);
        const int e = t.child(0, 1);
        QCOMPARE(t.size(e), 2);
        QCOMPARE(t.displayText(e), QStringLiteral("[2]"));
        QCOMPARE(t.indexedNodeCount(), 4);
        QCOMPARE(t.childCount(e), 2);
        QCOMPARE(t.indexedNodeCount(), 6);
        QCOMPARE(t.childCount(e), 2); // once
        QCOMPARE(t.indexedNodeCount(), 6);
        QCOMPARE(t.displayText(t.child(t.child(e, 1), 3)), QStringLiteral("10"));
        QCOMPARE(t.indexedNodeCount(), 10);
    }

    void hostileKeysAndPaths() {
        const QByteArray doc = "{\"a\":{\"it's\":[10,{\"x,y\":1}]},\"q\\\"\\\\\":{\"\":{\"NULL\":[true]}},"
                               "\"a.b\":{\"{}\":{\" sp \":2}},\"line\\nbreak\\u0001\":3,"
                               R"("שלום":{"سلام":{"😀":"✓"}},"0":{"$":{"[0]":null}}})";
        const ValueTree t = ValueTree::fromJson(doc);
        QCOMPARE(keys(t, 0), (QStringList{"a", "q\"\\", "a.b", "line\nbreak\x01", "שלום", "0"}));

        int n = at(t, {"a", "it's", "1", "x,y"});
        QCOMPARE(t.displayText(n), QStringLiteral("1"));
        QCOMPARE(t.arrowPath(n), QStringLiteral("->'a'->'it''s'->1->'x,y'"));
        QCOMPARE(t.textArray(n), QStringLiteral("{a,it's,1,\"x,y\"}"));
        QCOMPARE(t.textArrayPath(n), QStringLiteral("#>'{a,it''s,1,\"x,y\"}'"));
        QCOMPARE(t.jsonPath(n), QStringLiteral("$.\"a\".\"it's\"[1].\"x,y\""));
        QCOMPARE(t.pathSteps(n),
                 (QList<ValueTree::PathStep>{
                     {false, "a", 0}, {false, "it's", 0}, {true, "1", 1}, {false, "x,y", 0}}));

        n = at(t, {"q\"\\", "", "NULL", "0"});
        QCOMPARE(t.arrowPath(n), QStringLiteral("->'q\"\\'->''->'NULL'->0"));
        QCOMPARE(t.textArray(n), QStringLiteral("{\"q\\\"\\\\\",\"\",\"NULL\",0}"));
        QCOMPARE(t.jsonPath(n), QStringLiteral("$.\"q\\\"\\\\\".\"\".\"NULL\"[0]"));

        n = at(t, {"a.b", "{}", " sp "});
        QCOMPARE(t.textArray(n), QStringLiteral("{a.b,\"{}\",\" sp \"}"));
        QCOMPARE(t.jsonPath(n), QStringLiteral("$.\"a.b\".\"{}\".\" sp \""));

        n = at(t, {"line\nbreak\x01"});
        QCOMPARE(t.jsonPath(n), QStringLiteral("$.\"line\\u000abreak\\u0001\""));
        QCOMPARE(t.textArray(n), QStringLiteral("{\"line\nbreak\x01\"}"));

        n = at(t, {"שלום", "سلام", "😀"});
        QCOMPARE(t.displayText(n), QStringLiteral("✓"));
        QCOMPARE(t.arrowPath(n), QStringLiteral("->'שלום'->'سلام'->'😀'"));
        QCOMPARE(t.textArray(n), QStringLiteral("{שלום,سلام,😀}"));
        QCOMPARE(t.jsonPath(n), QStringLiteral("$.\"שלום\".\"سلام\".\"😀\""));

        n = at(t, {"0", "$", "[0]"});
        QCOMPARE(t.arrowPath(n), QStringLiteral("->'0'->'$'->'[0]'"));
        QCOMPARE(t.jsonPath(n), QStringLiteral("$.\"0\".\"$\".\"[0]\""));

        QCOMPARE(t.arrowPath(0), QString());
        QCOMPARE(t.textArray(0), QStringLiteral("{}"));
        QCOMPARE(t.jsonPath(0), QStringLiteral("$"));
        QVERIFY(t.pathSteps(0).isEmpty());
    }

    void numbersKeepTheirText() {
        const QByteArray doc = "[" + kBigNumber + ", 1e400, -0.0, 1E-7, 10]";
        const ValueTree t = ValueTree::fromJson(doc);
        QCOMPARE(texts(t, 0), (QStringList{QString::fromLatin1(kBigNumber), "1e400", "-0.0", "1E-7", "10"}));
        QCOMPARE(t.rawJson(t.child(0, 1)), QByteArray("1e400"));
        QCOMPARE(t.removeNode(t.child(0, 4)), "[" + kBigNumber + ", 1e400, -0.0, 1E-7]");
        QCOMPARE(t.replaceValue(t.child(0, 2), "\"x\""), "[" + kBigNumber + ", 1e400, \"x\", 1E-7, 10]");
        QCOMPARE(t.appendElement(0, kBigNumber),
                 "[" + kBigNumber + ", 1e400, -0.0, 1E-7, 10, " + kBigNumber + "]");
        const ValueTree again = ValueTree::fromJson(t.appendElement(0, " 1e400 "));
        QCOMPARE(again.displayText(again.child(0, 5)), QStringLiteral("1e400"));
        QCOMPARE(again.displayText(again.child(0, 0)), QString::fromLatin1(kBigNumber));
    }

    void removeAtEveryPosition_data() {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray obj = R"({"a":1,"b":[2],"c":{"d":1e400}})";
        QTest::newRow("object first")
            << obj << QStringList{"a"} << QByteArray(R"({"b":[2],"c":{"d":1e400}})");
        QTest::newRow("object middle") << obj << QStringList{"b"} << QByteArray(R"({"a":1,"c":{"d":1e400}})");
        QTest::newRow("object last") << obj << QStringList{"c"} << QByteArray(R"({"a":1,"b":[2]})");
        QTest::newRow("object only") << obj << QStringList{"c", "d"}
                                     << QByteArray(R"({"a":1,"b":[2],"c":{}})");
        const QByteArray pretty = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
        QTest::newRow("pretty first")
            << pretty << QStringList{"a"} << QByteArray("{\n  \"b\": 2,\n  \"c\": 3\n}");
        QTest::newRow("pretty middle")
            << pretty << QStringList{"b"} << QByteArray("{\n  \"a\": 1,\n  \"c\": 3\n}");
        QTest::newRow("pretty last") << pretty << QStringList{"c"}
                                     << QByteArray("{\n  \"a\": 1,\n  \"b\": 2\n}");
        QTest::newRow("pretty only") << QByteArray("{\n  \"a\": [\n    1\n  ]\n}") << QStringList{"a", "0"}
                                     << QByteArray("{\n  \"a\": []\n}");
        const QByteArray arr = "[ 1 , \"x\" , [3] ]";
        QTest::newRow("array first") << arr << QStringList{"0"} << QByteArray("[ \"x\" , [3] ]");
        QTest::newRow("array middle") << arr << QStringList{"1"} << QByteArray("[ 1 , [3] ]");
        QTest::newRow("array last") << arr << QStringList{"2"} << QByteArray("[ 1 , \"x\" ]");
        QTest::newRow("array only") << arr << QStringList{"2", "0"} << QByteArray("[ 1 , \"x\" , [] ]");
    }
    void removeAtEveryPosition() {
        QFETCH(QByteArray, doc);
        QFETCH(QStringList, path);
        QFETCH(QByteArray, expected);
        const ValueTree t = ValueTree::fromJson(doc);
        QCOMPARE(t.removeNode(at(t, path)), expected);
    }

    void insertAtEveryPosition() {
        // Members go last, spaced like the members before them.
        const auto member = [](const QByteArray& doc, const QByteArray& value = "3") {
            const ValueTree t = ValueTree::fromJson(doc);
            return t.insertMember(0, QStringLiteral("c"), value);
        };
        QCOMPARE(member(R"({"a":1,"b":2})"), QByteArray(R"({"a":1,"b":2,"c":3})"));
        QCOMPARE(member(R"({"a": 1, "b": 2})"), QByteArray(R"({"a": 1, "b": 2, "c": 3})"));
        QCOMPARE(member(R"({"a" : 1})"), QByteArray(R"({"a" : 1, "c" : 3})"));
        QCOMPARE(member("{}"), QByteArray(R"({"c": 3})"));
        QCOMPARE(member("{ }"), QByteArray(R"({"c": 3 })"));
        QCOMPARE(member("{\n  \"a\": 1\n}"), QByteArray("{\n  \"a\": 1,\n  \"c\": 3\n}"));
        QCOMPARE(member("{\n    \"a\": 1,\n    \"b\": 2\n}", " {\"x\": [1]} "),
                 QByteArray("{\n    \"a\": 1,\n    \"b\": 2,\n    \"c\": {\"x\": [1]}\n}"));
        const ValueTree t = ValueTree::fromJson("{\"a\":1,\"it's \\\"q\\\"\":{}}");
        QCOMPARE(t.insertMember(t.child(0, 1), QStringLiteral("k\\\"'\n"), "null"),
                 QByteArray("{\"a\":1,\"it's \\\"q\\\"\":{\"k\\\\\\\"'\\n\": null}}"));
        QVERIFY_THROWS_EXCEPTION(DataError, t.insertMember(0, QStringLiteral("a"), "2"));
        QVERIFY_THROWS_EXCEPTION(DataError, t.insertMember(t.child(0, 0), QStringLiteral("x"), "2"));

        const auto element = [](const QByteArray& doc, int position) {
            const ValueTree t = ValueTree::fromJson(doc);
            return position == -1 ? t.appendElement(0, "0") : t.insertElement(0, position, "0");
        };
        QCOMPARE(element("[1,2,3]", 0), QByteArray("[0,1,2,3]"));
        QCOMPARE(element("[1,2,3]", 1), QByteArray("[1,0,2,3]"));
        QCOMPARE(element("[1,2,3]", 2), QByteArray("[1,2,0,3]"));
        QCOMPARE(element("[1,2,3]", 3), QByteArray("[1,2,3,0]"));
        QCOMPARE(element("[1, 2]", -1), QByteArray("[1, 2, 0]"));
        QCOMPARE(element("[1]", -1), QByteArray("[1, 0]"));
        QCOMPARE(element("[1]", 0), QByteArray("[0, 1]"));
        QCOMPARE(element("[]", -1), QByteArray("[0]"));
        QCOMPARE(element("[\n  1\n]", -1), QByteArray("[\n  1,\n  0\n]"));
        QCOMPARE(element("[\n  1,\n  2\n]", 1), QByteArray("[\n  1,\n  0,\n  2\n]"));
        QVERIFY_THROWS_EXCEPTION(DataError, element("[1]", 2));
        QVERIFY_THROWS_EXCEPTION(DataError, element("[1]", -2));
        QVERIFY_THROWS_EXCEPTION(DataError, element("{}", 0));
    }

    void replaceSetAndRename() {
        const QByteArray doc = R"({"a": "12", "b" : [true, {"c":null}], "z": 1e400})";
        const ValueTree t = ValueTree::fromJson(doc);
        // A type change is a replace: "12" becomes 12.
        QCOMPARE(t.replaceValue(at(t, {"a"}), "12"),
                 QByteArray(R"({"a": 12, "b" : [true, {"c":null}], "z": 1e400})"));
        QCOMPARE(t.replaceValue(at(t, {"b", "0"}), " \n[ ] \t"),
                 QByteArray(R"({"a": "12", "b" : [[ ], {"c":null}], "z": 1e400})"));
        QCOMPARE(t.replaceValue(0, "[]"), QByteArray("[]"));
        QCOMPARE(ValueTree::fromJson(" 1 ").replaceValue(0, "2"), QByteArray(" 2 "));
        QCOMPARE(
            t.setString(at(t, {"b", "1", "c"}), QStringLiteral("שלום \"😀\"\n\\")),
            QByteArray("{\"a\": \"12\", \"b\" : [true, {\"c\":\"שלום \\\"😀\\\"\\n\\\\\"}], \"z\": 1e400}"));
        QCOMPARE(t.renameKey(at(t, {"b"}), QStringLiteral("it's")),
                 QByteArray("{\"a\": \"12\", \"it's\" : [true, {\"c\":null}], \"z\": 1e400}"));
        QCOMPARE(t.renameKey(at(t, {"b"}), QStringLiteral("b")), doc);
        QCOMPARE(t.renameKey(at(t, {"z"}), QString()),
                 QByteArray(R"({"a": "12", "b" : [true, {"c":null}], "": 1e400})"));
        QVERIFY_THROWS_EXCEPTION(DataError, t.renameKey(at(t, {"b"}), QStringLiteral("a")));
        QVERIFY_THROWS_EXCEPTION(DataError, t.renameKey(at(t, {"b", "0"}), QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(DataError, t.renameKey(0, QStringLiteral("x")));
    }

    void invalidEditsRefused() {
        const ValueTree t = ValueTree::fromJson(R"({"a":[1]})");
        for (const QByteArray& bad : {QByteArray(""), QByteArray("{"), QByteArray("1 2"), QByteArray("nul"),
                                      QByteArray("'x'"), QByteArray("\"\\u0000\""), QByteArray("01")}) {
            QVERIFY_THROWS_EXCEPTION(DataError, t.replaceValue(1, bad));
            QVERIFY_THROWS_EXCEPTION(DataError, t.insertMember(0, QStringLiteral("b"), bad));
            QVERIFY_THROWS_EXCEPTION(DataError, t.appendElement(1, bad));
        }
        QVERIFY_THROWS_EXCEPTION(DataError, t.setString(1, QString::fromUtf8("nul\0x", 5)));
        QVERIFY_THROWS_EXCEPTION(DataError, t.removeNode(0));
        QVERIFY_THROWS_EXCEPTION(DataError, t.removeNode(99));
        const ValueTree array = ValueTree::fromPgArray(QStringLiteral("{1}"));
        QVERIFY_THROWS_EXCEPTION(DataError, array.replaceValue(1, "2"));
        QVERIFY_THROWS_EXCEPTION(DataError, array.removeNode(1));
    }

    void jsonStringEscapes() {
        QCOMPARE(ValueTree::jsonString(QStringLiteral("a\"b\\c/d")), QByteArray("\"a\\\"b\\\\c/d\""));
        QCOMPARE(ValueTree::jsonString(QStringLiteral("\b\f\n\r\t\x01\x1f\x7f")),
                 QByteArray("\"\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\""));
        QCOMPARE(ValueTree::jsonString(QStringLiteral("ع😀")), QByteArray("\"ع😀\""));
        QCOMPARE(ValueTree::jsonString(QString()), QByteArray("\"\""));
        for (const QString& s : {QStringLiteral("x\x02y\"'\\"), QStringLiteral("שלום עולם 😀"), QString()}) {
            const ValueTree t = ValueTree::fromJson(ValueTree::jsonString(s));
            QCOMPARE(t.displayText(0), s);
        }
    }

    void pgArrays() {
        ValueTree t = ValueTree::fromPgArray(
            QStringLiteral("{1,2,NULL,\"NULL\",\"\",\"a \\\"b\\\" \\\\c\",{3,4},null}"));
        QCOMPARE(t.source(), ValueTree::Source::PgArray);
        QCOMPARE(t.kind(0), Kind::Array);
        QCOMPARE(keys(t, 0), (QStringList{"1", "2", "3", "4", "5", "6", "7", "8"}));
        QCOMPARE(texts(t, 0), (QStringList{"1", "2", "<NULL>", "NULL", "", "a \"b\" \\c", "[2]", "<NULL>"}));
        QCOMPARE(t.kind(t.child(0, 0)), Kind::Text);
        QCOMPARE(t.kind(t.child(0, 2)), Kind::Null);
        QCOMPARE(t.displayText(t.child(0, 2)), QStringLiteral("NULL"));
        QCOMPARE(t.kind(t.child(0, 3)), Kind::Text);
        QVERIFY(t.isIndex(t.child(0, 0)));
        QCOMPARE(texts(t, t.child(0, 6)), (QStringList{"3", "4"}));
        QCOMPARE(t.rawJson(0), QByteArray());
        QCOMPARE(t.arrowPath(1), QString());

        t = ValueTree::fromPgArray(QStringLiteral("{{1,2,3},{4,5,6}}"));
        QCOMPARE(t.childCount(0), 2);
        QCOMPARE(texts(t, t.child(0, 1)), (QStringList{"4", "5", "6"}));
        QCOMPARE(keys(t, t.child(0, 1)), (QStringList{"1", "2", "3"}));
        QCOMPARE(t.pathSteps(t.child(t.child(0, 1), 2)),
                 (QList<ValueTree::PathStep>{{true, "2", 1}, {true, "3", 2}}));

        t = ValueTree::fromPgArray(QStringLiteral("[0:1][-2:-1]={{a,b},{\"c,d\",\"{e}\"}}"));
        QCOMPARE(keys(t, 0), (QStringList{"0", "1"}));
        QCOMPARE(keys(t, t.child(0, 1)), (QStringList{"-2", "-1"}));
        QCOMPARE(texts(t, t.child(0, 1)), (QStringList{"c,d", "{e}"}));

        QCOMPARE(ValueTree::fromPgArray(QStringLiteral("{}")).childCount(0), 0);
        QCOMPARE(texts(ValueTree::fromPgArray(QStringLiteral("{ שלום , \"😀 x\" ,a\\,b}")), 0),
                 (QStringList{"שלום", "😀 x", "a,b"}));
        QVERIFY_THROWS_EXCEPTION(DataError, ValueTree::fromPgArray(QString(100000, u'{')));
        t = ValueTree::fromPgArray(QStringLiteral("{(1,1),(0,0);(2,2),(1,1)}"), u';');
        QCOMPARE(texts(t, 0), (QStringList{"(1,1),(0,0)", "(2,2),(1,1)"}));
        for (const char* bad : {"", "{", "{1,}", "{1", "{1}x", "[1:2]{1,2}", "{\"a}", "{a\"b}", "1"})
            QVERIFY_THROWS_EXCEPTION(DataError, ValueTree::fromPgArray(bad));
    }

    void hstores() {
        const ValueTree t =
            ValueTree::fromHstore(QStringLiteral("\"a\"=>\"b\", \"c\"=>NULL, \"NULL\"=>\"NULL\", \"\"=>\"\", "
                                                 "\"q\\\"\\\\\"=>\"=>,\", \"ع\"=>\"😀\""));
        QCOMPARE(t.source(), ValueTree::Source::Hstore);
        QCOMPARE(t.kind(0), Kind::Object);
        QCOMPARE(keys(t, 0), (QStringList{"a", "c", "NULL", "", "q\"\\", "ع"}));
        QCOMPARE(texts(t, 0), (QStringList{"b", "<NULL>", "NULL", "", "=>,", "😀"}));
        QVERIFY(!t.isIndex(1));
        QCOMPARE(ValueTree::fromHstore(QString()).childCount(0), 0);
        QCOMPARE(texts(ValueTree::fromHstore(QStringLiteral("a=>1,b => null")), 0),
                 (QStringList{"1", "<NULL>"}));
        for (const char* bad : {"\"a\"", "\"a\"=>", "\"a\"=>\"b\" \"c\"=>\"d\"", "\"a\"=\"b\"", "NULL=>1"})
            QVERIFY_THROWS_EXCEPTION(DataError, ValueTree::fromHstore(bad));
    }

    void composites() {
        ValueTree t = ValueTree::fromComposite(
            QStringLiteral("(1,\"x y\",,\"\",\"a\"\"b\\\\c\",NULL,\"(2,\"\"z\"\")\")"),
            {"id", "name", "n", "e", "q"});
        QCOMPARE(t.source(), ValueTree::Source::Composite);
        QCOMPARE(keys(t, 0), (QStringList{"id", "name", "n", "e", "q", "6", "7"}));
        QCOMPARE(texts(t, 0), (QStringList{"1", "x y", "<NULL>", "", "a\"b\\c", "NULL", "(2,\"z\")"}));
        QVERIFY(!t.isIndex(1));
        QVERIFY(t.isIndex(6));
        t = ValueTree::fromComposite(QStringLiteral("(,)"));
        QCOMPARE(texts(t, 0), (QStringList{"<NULL>", "<NULL>"}));
        QCOMPARE(keys(t, 0), (QStringList{"1", "2"}));
        t = ValueTree::fromComposite(QStringLiteral(" (\"{1,2}\",a\\,b, \" \")"));
        QCOMPARE(texts(t, 0), (QStringList{"{1,2}", "a,b", "  "}));
        for (const char* bad : {"", "(", "(1", "(\"a)", "(1)x", "1,2"})
            QVERIFY_THROWS_EXCEPTION(DataError, ValueTree::fromComposite(bad));
    }

    void findInDocumentOrder() {
        const ValueTree t = ValueTree::fromJson(
            R"({"Alpha":{"beta":"GAMMA ray","list":[1,"alphabet",{"ÄÖ":"x"}]},"z":12345,"alpha2":true})");
        QCOMPARE(t.indexedNodeCount(), 1);
        int n = t.find(QStringLiteral("alpha"));
        QCOMPARE(t.key(n), QStringLiteral("Alpha"));
        QCOMPARE(t.indexedNodeCount(), 4); // only the root's children, the way to the match
        n = t.find(QStringLiteral("alpha"), n);
        QCOMPARE(t.displayText(n), QStringLiteral("alphabet"));
        QCOMPARE(t.jsonPath(n), QStringLiteral("$.\"Alpha\".\"list\"[1]"));
        n = t.find(QStringLiteral("alpha"), n);
        QCOMPARE(t.key(n), QStringLiteral("alpha2"));
        QCOMPARE(t.find(QStringLiteral("alpha"), n), -1);
        QCOMPARE(t.key(t.find(QStringLiteral("alpha"), -1, ValueTree::FindIn::Values)), QStringLiteral("1"));
        QCOMPARE(t.key(t.find(QStringLiteral("ray"))), QStringLiteral("beta"));
        QCOMPARE(t.find(QStringLiteral("ray"), -1, ValueTree::FindIn::Keys), -1);
        QCOMPARE(t.key(t.find(QStringLiteral("äö"))), QStringLiteral("ÄÖ"));
        QCOMPARE(t.key(t.find(QStringLiteral("234"))), QStringLiteral("z"));
        QCOMPARE(t.key(t.find(QStringLiteral("TRUE"))), QStringLiteral("alpha2"));
        // From a container: its own children come next.
        QCOMPARE(t.key(t.find(QStringLiteral("1"), at(t, {"Alpha", "list"}))), QStringLiteral("0"));
        QCOMPARE(t.find(QString()), -1);
        QCOMPARE(ValueTree::fromJson("\"needle\"").find(QStringLiteral("EED")), 0);

        const ValueTree h =
            ValueTree::fromHstore(QStringLiteral("\"a\"=>\"xy\", \"xb\"=>NULL, \"c\"=>\"X\""));
        n = h.find(QStringLiteral("x"));
        QCOMPARE(h.key(n), QStringLiteral("a"));
        n = h.find(QStringLiteral("x"), n);
        QCOMPARE(h.key(n), QStringLiteral("xb"));
        n = h.find(QStringLiteral("x"), n);
        QCOMPARE(h.key(n), QStringLiteral("c"));
        QCOMPARE(h.find(QStringLiteral("x"), n), -1);
        const ValueTree a = ValueTree::fromPgArray(QStringLiteral("{{a,b},{c,d}}"));
        QCOMPARE(a.pathSteps(a.find(QStringLiteral("C"))),
                 (QList<ValueTree::PathStep>{{true, "2", 1}, {true, "1", 0}}));
    }

    void tenMegabytes() {
        QByteArray doc = R"({"meta": {"generated": "now", "version": 3}, "items": [)";
        int items = 0;
        while (doc.size() < 10 * 1024 * 1024) {
            if (items > 0)
                doc += ',';
            doc +=
                QStringLiteral(R"({"id": %1, "name": "item %1", "price": %1.25, "tags": ["red", "green"], )"
                               R"("nested": {"a": [1, 2, 3], "b": null, "c": true, "d": "%2"}})")
                    .arg(items)
                    .arg(QString(20, QLatin1Char('x')))
                    .toUtf8();
            ++items;
        }
        doc += R"(], "needle_at_the_end": )" + kBigNumber + "}";
        qInfo("document: %lld bytes, %d items", qlonglong(doc.size()), items);

        QElapsedTimer timer;
        timer.start();
        const ValueTree t = ValueTree::fromJson(doc);
        const int count = t.childCount(0);
        qInfo("open (validate) + the root's children: %lld ms", qlonglong(timer.elapsed()));
        QCOMPARE(count, 3);
        QCOMPARE(t.indexedNodeCount(), 4);

        timer.start();
        QCOMPARE(t.size(t.child(0, 1)), items);
        qInfo("count the items without indexing them: %lld ms", qlonglong(timer.elapsed()));
        QCOMPARE(t.indexedNodeCount(), 4);

        timer.start();
        const int found = t.find(QStringLiteral("NEEDLE_AT"));
        qInfo("find a key at the end: %lld ms", qlonglong(timer.elapsed()));
        QCOMPARE(t.displayText(found), QString::fromLatin1(kBigNumber));
        QCOMPARE(t.indexedNodeCount(), 4);

        timer.start();
        QCOMPARE(t.find(QStringLiteral("nowhere to be found")), -1);
        qInfo("find nothing (a whole scan): %lld ms", qlonglong(timer.elapsed()));

        timer.start();
        const int deep = t.find(QStringLiteral("item 54321"));
        qInfo("find a value in item 54321: %lld ms, %d nodes indexed", qlonglong(timer.elapsed()),
              t.indexedNodeCount());
        QCOMPARE(t.jsonPath(deep), QStringLiteral("$.\"items\"[54321].\"name\""));
        QVERIFY(t.indexedNodeCount() < items + 20);

        timer.start();
        const QByteArray edited = t.removeNode(deep);
        const ValueTree after = ValueTree::fromJson(edited);
        qInfo("remove a member + open the result: %lld ms", qlonglong(timer.elapsed()));
        QCOMPARE(edited.size(),
                 doc.size() - qsizetype(QByteArrayLiteral(R"("name": "item 54321", )").size()));
        QCOMPARE(after.indexedNodeCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestValueTree)
#include "tst_valuetree.moc"
