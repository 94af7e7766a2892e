// SPDX-License-Identifier: GPL-3.0-or-later
// ChangeSet is pure data: staging rules, JSON in both directions, and a reader that turns every hostile
// input into a ConfigurationError naming the change and field. No server needed.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/changeset.h>

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <memory>

using namespace pgdesk::core;

namespace {

Key key(const QString& column, const QString& value) {
    return Key{{column, value}};
}

// The ConfigurationError a text produces: "field|message", or a description of what happened instead.
QString readError(const QByteArray& text) {
    try {
        ChangeSet::fromJsonText(text);
    } catch (const ConfigurationError& e) {
        return e.info().field + QLatin1Char('|') + e.message();
    } catch (const std::exception& e) {
        return QStringLiteral("wrong exception: ") + QString::fromUtf8(e.what());
    }
    return QStringLiteral("no exception");
}

QByteArray wrap(const QByteArray& change) {
    return R"({"table":"public.t","changes":[{"op":"insert","values":{}},)" + change + "]}";
}

ChangeSet sample() {
    ChangeSet s;
    s.table = QStringLiteral("public.t");
    s.changes << Change{ChangeOp::Update,
                        key(QStringLiteral("id"), QStringLiteral("1")),
                        QStringLiteral("4711"),
                        {{QStringLiteral("name"), QStringLiteral("ünïcödé 🐘 \"q\" \\ \n\t")},
                         {QStringLiteral("note"), std::nullopt},
                         {QStringLiteral("empty"), QString(QLatin1String(""))}},
                        {{QStringLiteral("name"), QStringLiteral("old")}}};
    s.changes << Change{
        ChangeOp::Insert, {}, {}, {{QStringLiteral("we\"ird; drop table x;--"), QStringLiteral("v")}}, {}};
    s.changes << Change{
        ChangeOp::Delete, key(QStringLiteral("id"), QStringLiteral("2")), QStringLiteral("9"), {}, {}};
    s.changes << Change{ChangeOp::SoftDelete, key(QStringLiteral("id"), QStringLiteral("3")), {}, {}, {}};
    s.changes << Change{
        ChangeOp::Restore, key(QStringLiteral("id"), QStringLiteral("4")), QStringLiteral("10"), {}, {}};
    return s;
}

} // namespace

class TestChangeSet final : public QObject {
    Q_OBJECT private slots : void opNames() {
        for (const ChangeOp op :
             {ChangeOp::Update, ChangeOp::Insert, ChangeOp::Delete, ChangeOp::SoftDelete, ChangeOp::Restore})
            QCOMPARE(changeOpFromName(changeOpName(op)), std::optional<ChangeOp>(op));
        QCOMPARE(changeOpName(ChangeOp::SoftDelete), QStringLiteral("soft_delete"));
        QVERIFY(!changeOpFromName(QStringLiteral("UPDATE")));
        QVERIFY(!changeOpFromName(QString()));
    }

    void tableText() {
        QCOMPARE(qualifiedTableText(QStringLiteral("public"), QStringLiteral("t")),
                 QStringLiteral("public.t"));
        QCOMPARE(qualifiedTableText(QStringLiteral("my.schema"), QStringLiteral("a\"b")),
                 QStringLiteral("\"my.schema\".a\"b"));
        QCOMPARE(qualifiedTableText(QStringLiteral("s"), QStringLiteral("\"x")),
                 QStringLiteral("s.\"\"\"x\""));
        TableInfo hostile;
        hostile.schema = QStringLiteral("public");
        hostile.name = QStringLiteral("we\"ird; drop table x;--");
        const ChangeSet s(hostile);
        QCOMPARE(s.table, QStringLiteral("public.we\"ird; drop table x;--"));
        QVERIFY(s.refersTo(hostile));
        TableInfo dotted;
        dotted.schema = QStringLiteral("my.schema");
        dotted.name = QStringLiteral("a.b");
        const ChangeSet d(dotted);
        QCOMPARE(d.table, QStringLiteral("\"my.schema\".\"a.b\""));
        QVERIFY(d.refersTo(dotted));
        QVERIFY(!d.refersTo(hostile));
        ChangeSet bare;
        bare.table = QStringLiteral("a.b");
        QVERIFY(bare.refersTo(dotted)); // the whole text as a bare name, as CatalogReader reads it
        bare.table = QStringLiteral("other.a.b");
        QVERIFY(!bare.refersTo(dotted));
        bare.table = QStringLiteral("\"my.schema\".other");
        QVERIFY(!bare.refersTo(dotted));
    }

    void ctidText() {
        QVERIFY(isCtidText(QStringLiteral("(0,1)")));
        QVERIFY(isCtidText(QStringLiteral("(4294967295,65535)")));
        for (const char* bad : {"", "(0,1", "0,1)", "(0;1)", "(,1)", "(0,)", "(-1,1)", "(0,1,2)", "( 0,1)",
                                "(0x1,1)", "(00000000000,1)", "(١,1)"})
            QVERIFY2(!isCtidText(QString::fromUtf8(bad)), bad);
    }

    // The table, read ahead of the full parse from text nobody has checked yet: found where it is,
    // nullopt otherwise, and never a read past the end (ASan runs this too; each case is its own exact-size
    // allocation) however the text stops.
    void tableOfUncheckedText() {
        QCOMPARE(ChangeSet::tableOfJsonText(
                     "{\"changes\":[{\"op\":\"update\",\"key\":{\"id\":1}}],\"table\":\"a.b\"}"),
                 std::optional<QString>(QStringLiteral("a.b")));
        QCOMPARE(ChangeSet::tableOfJsonText(" { \"table\" : \"s\\\"q\\u00e9\" } "),
                 std::optional<QString>(QString::fromUtf8("s\"qé")));
        for (const char* text :
             {"", "{", "{,", "{\"table\":\"t\",", "{\"a\":1,", "{\"a\":[1,{\"b\":", "{\"table\"",
              "{\"table\":", "{\"table\":\"unterminated", "{\"table\":\"\\", "{\"a\":\"\\u12", "[",
              "{\"a\":tru", "{\"a\":{\"b\":{\"c\":[[[[", "{\"table\":5}", "{\"table\":null}"}) {
            const size_t size = std::strlen(text);
            const std::unique_ptr<char[]> exact(new char[size == 0 ? 1 : size]);
            std::memcpy(exact.get(), text, size);
            const auto table =
                ChangeSet::tableOfJsonText(QByteArray::fromRawData(exact.get(), qsizetype(size)));
            if (QByteArray(text).startsWith("{\"table\":\"t\","))
                QCOMPARE(table, std::optional<QString>(QStringLiteral("t")));
            else if (!QByteArray(text).contains("\"table\":\""))
                QVERIFY2(!table, text); // no table string at all
        }
    }

    void jsonRoundTrip() {
        const ChangeSet s = sample();
        s.validate();
        const ChangeSet back = ChangeSet::fromJsonText(s.toJsonText());
        QCOMPARE(back.table, s.table);
        QCOMPARE(back.changes.size(), s.changes.size());
        for (qsizetype i = 0; i < s.changes.size(); ++i) {
            const Change& a = s.changes.at(i);
            const Change& b = back.changes.at(i);
            QCOMPARE(b.op, a.op);
            QCOMPARE(b.key, a.key);
            QCOMPARE(b.version, a.version);
            // The reader keeps the document's column order.
            QCOMPARE(b.values, a.values);
            QCOMPARE(b.original, a.original);
        }
        // NULL stays NULL, empty stays empty.
        QVERIFY(back.changes.at(0).values.contains({QStringLiteral("note"), std::nullopt}));
        QVERIFY(back.changes.at(0).values.contains({QStringLiteral("empty"), QString(QLatin1String(""))}));
        // Compact and QJsonObject forms read back the same.
        QCOMPARE(ChangeSet::fromJsonText(s.toJsonText(false)), back);
        // A QJsonObject sorts its keys: the same change set, columns in name order.
        QCOMPARE(ChangeSet::fromJson(s.toJson()).toJson(), back.toJson());
        // The text form keeps the documented field order and one change per line.
        const QString text = QString::fromUtf8(s.toJsonText());
        QVERIFY(
            text.startsWith(QStringLiteral("{\n  \"table\": \"public.t\",\n  \"changes\": [\n    {\"op\": "
                                           "\"update\", \"key\": {\"id\": \"1\"}, \"version\": \"4711\", "
                                           "\"set\": {")));
        QVERIFY(!text.contains(QLatin1String("use_ctid")));
        ChangeSet ctid;
        ctid.table = QStringLiteral("public.audit_log");
        ctid.useCtid = true;
        ctid.changes << Change{ChangeOp::Delete,
                               key(QStringLiteral("ctid"), QStringLiteral("(0,3)")),
                               QStringLiteral("77"),
                               {},
                               {}};
        QVERIFY(ctid.toJsonText().contains("\"use_ctid\": true"));
        QCOMPARE(ChangeSet::fromJsonText(ctid.toJsonText()), ctid);
        QCOMPARE(ChangeSet::fromJson(ctid.toJson()), ctid);
        // Empty change sets are valid.
        ChangeSet empty;
        empty.table = QStringLiteral("t");
        QCOMPARE(ChangeSet::fromJsonText(empty.toJsonText()), empty);
    }

    void numbersKeepTheirExactText() {
        const ChangeSet s = ChangeSet::fromJsonText(
            R"({"table":"t","changes":[{"op":"update","key":{"id":12345678901234567890},"version":4294967295,
                "set":{"a":0.10,"b":-1.5e-3,"c":1E+400,"d":true,"e":false,"f":"0.10","g":null,"h":-0}}]})");
        const Change& c = s.changes.first();
        QCOMPARE(c.key, key(QStringLiteral("id"), QStringLiteral("12345678901234567890")));
        QCOMPARE(c.version, QStringLiteral("4294967295"));
        const auto value = [&](const char* column) {
            for (const auto& [name, v] : c.values)
                if (name == QLatin1String(column))
                    return v;
            return std::optional<QString>(QStringLiteral("<absent>"));
        };
        QCOMPARE(value("a"), std::optional<QString>(QStringLiteral("0.10")));
        QCOMPARE(value("b"), std::optional<QString>(QStringLiteral("-1.5e-3")));
        QCOMPARE(value("c"), std::optional<QString>(QStringLiteral("1E+400")));
        QCOMPARE(value("d"), std::optional<QString>(QStringLiteral("true")));
        QCOMPARE(value("e"), std::optional<QString>(QStringLiteral("false")));
        QCOMPARE(value("f"), std::optional<QString>(QStringLiteral("0.10")));
        QCOMPARE(value("g"), std::optional<QString>());
        QCOMPARE(value("h"), std::optional<QString>(QStringLiteral("-0")));
        // Digits inside strings, escaped quotes and keys are left alone.
        const ChangeSet t = ChangeSet::fromJsonText(
            "{\"table\":\"t\",\"changes\":[{\"op\":\"insert\",\"values\":{\"12\":\"a\\\"1,2\\\"\","
            "\"x\\\\\":\"\\\\\\\"3\"}}]}");
        QCOMPARE(t.changes.first().values, (Row{{QStringLiteral("12"), QStringLiteral("a\"1,2\"")},
                                                {QStringLiteral("x\\"), QStringLiteral("\\\"3")}}));
        // Numbers not valid in JSON stay invalid.
        for (const char* bad : {"01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity"}) {
            const QByteArray doc =
                R"({"table":"t","changes":[{"op":"insert","values":{"a":)" + QByteArray(bad) + "}}]}";
            QVERIFY2(readError(doc).startsWith(QLatin1String("json|not valid JSON at byte")),
                     qPrintable(QString::fromUtf8(bad) + QStringLiteral(": ") + readError(doc)));
        }
    }

    void errorsNameTheChangeAndField_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        // The wrapped change is change 2 (change 1 is a valid insert).
        QTest::newRow("not json") << QByteArray("{\"table\":") << "json"
                                  << "not valid JSON at byte 9";
        QTest::newRow("error offset maps back") << QByteArray(R"({"table":"t","changes":[1,2 3]})") << "json"
                                                << "not valid JSON at byte 28";
        QTest::newRow("array") << QByteArray("[]") << "json"
                               << "a change set is a JSON object";
        QTest::newRow("empty") << QByteArray() << "json"
                               << "not valid JSON";
        QTest::newRow("no table") << QByteArray(R"({"changes":[]})") << "table"
                                  << "\"table\" must be";
        QTest::newRow("table number") << QByteArray(R"({"table":5,"changes":[]})") << "table"
                                      << "\"table\" must";
        QTest::newRow("blank table") << QByteArray(R"({"table":"  ","changes":[]})") << "table"
                                     << "\"table\" must";
        QTest::newRow("no changes") << QByteArray(R"({"table":"t"})") << "changes"
                                    << "must be an array, not missing";
        QTest::newRow("changes object") << QByteArray(R"({"table":"t","changes":{}})") << "changes"
                                        << "must be an array, not an object";
        QTest::newRow("extra top field")
            << QByteArray(R"({"table":"t","changes":[],"chanegs":[]})") << "chanegs"
            << "unexpected field \"chanegs\"";
        QTest::newRow("use_ctid string")
            << QByteArray(R"({"table":"t","use_ctid":"yes","changes":[]})") << "use_ctid"
            << "must be true or false";
        QTest::newRow("change not object") << wrap("[]") << "change 2"
                                           << "change 2: must be an object, not an array";
        QTest::newRow("no op") << wrap("{}") << "change 2.op"
                               << "change 2: op: must be one of";
        QTest::newRow("bad op") << wrap(R"({"op":"upsert"})") << "change 2.op"
                                << "unknown operation \"upsert\"";
        QTest::newRow("op null") << wrap(R"({"op":null})") << "change 2.op"
                                 << "must be one of";
        QTest::newRow("typo field")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","sett":{"a":"1"}})") << "change 2.sett"
            << "unexpected field for update";
        QTest::newRow("update no set")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1"})") << "change 2.set"
            << "an update needs \"set\"";
        QTest::newRow("set_default not array")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set_default":"a"})")
            << "change 2.set_default"
            << "must be an array of column names, not a string";
        QTest::newRow("set_default number")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set_default":[1]})")
            << "change 2.set_default"
            << "must hold column names, not a number";
        QTest::newRow("set_default and set")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set":{"a":"x"},"set_default":["a"]})")
            << "change 2.set_default"
            << "column \"a\" is both set to a value and to its default";
        QTest::newRow("set_default twice")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set_default":["a","a"]})")
            << "change 2.set_default"
            << "column \"a\" is given twice";
        QTest::newRow("set_default empty name")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set_default":[""]})")
            << "change 2.set_default"
            << "a column name is empty";
        QTest::newRow("set_default empty list")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set_default":[]})") << "change 2.set"
            << "an update needs at least one column";
        QTest::newRow("set_default on delete")
            << wrap(R"({"op":"delete","key":{"id":"1"},"version":"1","set_default":["a"]})")
            << "change 2.set_default"
            << "unexpected field for delete";
        QTest::newRow("update empty set")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set":{}})") << "change 2.set"
            << "at least one column";
        QTest::newRow("update no version")
            << wrap(R"({"op":"update","key":{"id":"1"},"set":{"a":"1"}})") << "change 2.version"
            << "needs the row version";
        QTest::newRow("delete no version")
            << wrap(R"({"op":"delete","key":{"id":"1"}})") << "change 2.version"
            << "a delete needs the row version";
        QTest::newRow("version not xid")
            << wrap(R"({"op":"delete","key":{"id":"1"},"version":"0x10"})") << "change 2.version"
            << "is not a row version";
        QTest::newRow("version too big")
            << wrap(R"({"op":"delete","key":{"id":"1"},"version":4294967296})") << "change 2.version"
            << "is not a row version";
        QTest::newRow("version negative")
            << wrap(R"({"op":"delete","key":{"id":"1"},"version":-1})") << "change 2.version"
            << "is not a row version";
        QTest::newRow("version object")
            << wrap(R"({"op":"delete","key":{"id":"1"},"version":{}})") << "change 2.version"
            << "must be a string, number, boolean or null";
        QTest::newRow("no key") << wrap(R"({"op":"soft_delete"})") << "change 2.key"
                                << "needs the row's key";
        QTest::newRow("key array") << wrap(R"({"op":"restore","key":["1"]})") << "change 2.key"
                                   << "must be an object of column";
        QTest::newRow("null key value") << wrap(R"({"op":"restore","key":{"id":null}})") << "change 2.key"
                                        << "\"id\" cannot be null";
        QTest::newRow("empty key column") << wrap(R"({"op":"restore","key":{"":"1"}})") << "change 2.key"
                                          << "a column name is empty";
        QTest::newRow("nested value")
            << wrap(R"({"op":"insert","values":{"a":{"b":1}}})") << "change 2.values.a"
            << "change 2: values.a: must be a string, number, boolean or null, not an object";
        QTest::newRow("array value")
            << wrap(R"({"op":"update","key":{"id":"1"},"version":"1","set":{"a":[1]}})") << "change 2.set.a"
            << "not an array";
        QTest::newRow("insert with key")
            << wrap(R"({"op":"insert","key":{"id":"1"},"values":{}})") << "change 2.key"
            << "unexpected field for insert";
        QTest::newRow("insert no values") << wrap(R"({"op":"insert"})") << "change 2.values"
                                          << "needs \"values\"";
        QTest::newRow("delete with set")
            << wrap(R"({"op":"delete","key":{"id":"1"},"version":"1","set":{}})") << "change 2.set"
            << "unexpected field for delete";
        QTest::newRow("ctid without opt-in")
            << wrap(R"J({"op":"delete","key":{"ctid":"(0,1)"},"version":"1"})J") << "change 2.key"
            << "needs \"use_ctid\": true";
        QTest::newRow("opt-in without ctid")
            << QByteArray(
                   R"J({"table":"t","use_ctid":true,"changes":[{"op":"delete","key":{"id":"1"},"version":"1"}]})J")
            << "change 1.key"
            << "with use_ctid the key is";
        QTest::newRow("bad ctid")
            << QByteArray(
                   R"J({"table":"t","use_ctid":true,"changes":[{"op":"delete","key":{"ctid":"(0,1) or 1=1"},"version":"1"}]})J")
            << "change 1.key"
            << "is not a ctid";
        QTest::newRow("ctid soft delete needs version")
            << QByteArray(
                   R"J({"table":"t","use_ctid":true,"changes":[{"op":"soft_delete","key":{"ctid":"(0,1)"}}]})J")
            << "change 1.version"
            << "a soft_delete needs the row version";
    }

    void errorsNameTheChangeAndField() {
        QFETCH(QByteArray, text);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString error = readError(text);
        QVERIFY2(error.startsWith(field + QLatin1Char('|')), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void hostileInputNeverCrashes() {
        // Deep nesting, huge strings, invalid UTF-8, NUL bytes.
        QVERIFY(readError(QByteArray(100000, '[')).startsWith(QLatin1String("json|")));
        QVERIFY(readError(R"({"table":"t","changes":[)" + QByteArray(5000, '{'))
                    .startsWith(QLatin1String("json|")));
        QVERIFY(readError("{\"table\":\"t\xff\xfe\",\"changes\":[]}").startsWith(QLatin1String("json|")));
        QVERIFY(readError(QByteArray("{\"table\":\"t\",\0\"changes\":[]}", 26))
                    .startsWith(QLatin1String("json|")));
        QCOMPARE(ChangeSet::fromJsonText(R"({"table":")" + QByteArray(1 << 20, 'x') + R"(","changes":[]})")
                     .table.size(),
                 1 << 20);
        // NUL cannot be PostgreSQL text (and marks numbers inside the reader): refused wherever it stands.
        QVERIFY(readError(R"({"table":"t","changes":[{"op":"insert","values":{"a":"x\u0000"}}]})")
                    .contains(QLatin1String("NUL")));
        QVERIFY(readError(R"({"table":"t","changes":[{"op":"insert","values":{"\u00001":"x"}}]})")
                    .contains(QLatin1String("NUL")));
        // A raw NUL byte inside a string too (found by tests/fuzz/fuzz_changeset): Qt's parser takes it, and
        // it would then pass for the number mark or cut the value short on the server.
        const auto withNul = [](QByteArray text) { return text.replace('@', QByteArray(1, '\0')); };
        QCOMPARE(readError(withNul(R"({"table":"t","changes":[{"op":"insert","values":{"a":"x@y"}}]})")),
                 QStringLiteral("json|not valid JSON at byte 55: NUL cannot be part of PostgreSQL text"));
        QVERIFY(readError(withNul(R"({"table":"t","changes":[{"op":"insert","values":{"@1":"x"}}]})"))
                    .contains(QLatin1String("NUL")));
        // Random mutations of a valid document: each is either a change set or a ConfigurationError.
        const QByteArray valid = sample().toJsonText(false);
        QRandomGenerator rng(20261122);
        const QByteArray alphabet = QByteArrayLiteral("{}[]\":,\\0123456789-.eE tfnul\x00\xff");
        int parsed = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray text = valid;
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits && !text.isEmpty(); ++e) {
                const qsizetype at = qsizetype(rng.bounded(quint32(text.size())));
                switch (rng.bounded(4)) {
                case 0:
                    text[at] = alphabet.at(qsizetype(rng.bounded(quint32(alphabet.size()))));
                    break;
                case 1:
                    text.remove(at, 1 + qsizetype(rng.bounded(8)));
                    break;
                case 2:
                    text.insert(at, alphabet.at(qsizetype(rng.bounded(quint32(alphabet.size())))));
                    break;
                default:
                    text.truncate(at);
                }
            }
            try {
                ChangeSet::fromJsonText(text).validate();
                ++parsed;
            } catch (const ConfigurationError&) {
            }
        }
        QVERIFY(parsed < 20000);
    }

    void setDefaultIsAThirdState() {
        ChangeSet s;
        s.table = QStringLiteral("t");
        const Key k1 = key(QStringLiteral("id"), QStringLiteral("1"));
        const QString a = QStringLiteral("a");
        const QString b = QStringLiteral("b");
        s.stageUpdate(k1, QStringLiteral("10"), {{a, QStringLiteral("x")}}, {{a, QStringLiteral("orig")}});
        // DEFAULT replaces a staged value of the column, and a value replaces a staged DEFAULT.
        QCOMPARE(s.stageUpdate(k1, QStringLiteral("10"), {}, {{b, QStringLiteral("ob")}}, {a, b, a}), 0);
        QCOMPARE(s.changes.at(0).values, Row{});
        QCOMPARE(s.changes.at(0).defaults, (QStringList{a, b}));
        QCOMPARE(s.changes.at(0).original, (Row{{a, QStringLiteral("orig")}, {b, QStringLiteral("ob")}}));
        s.stageUpdate(k1, QStringLiteral("10"), {{b, std::nullopt}});
        QCOMPARE(s.changes.at(0).values, (Row{{b, std::nullopt}}));
        QCOMPARE(s.changes.at(0).defaults, QStringList{a});
        s.validate();
        // A new update that is only DEFAULTs; JSON keeps them apart from values, in both forms.
        const Key k2 = key(QStringLiteral("id"), QStringLiteral("2"));
        QCOMPARE(s.stageUpdate(k2, QStringLiteral("11"), {}, {}, {b}), 1);
        const QByteArray text = s.toJsonText();
        QVERIFY2(text.contains(R"("version": "11", "set_default": ["b"]})"), text.constData());
        QCOMPARE(ChangeSet::fromJsonText(text), s);
        QCOMPARE(ChangeSet::fromJson(s.toJson()), s);
        const ChangeSet read = ChangeSet::fromJsonText(
            R"({"table":"t","changes":[{"op":"update","key":{"id":"3"},"version":"5","set_default":["c","d"]}]})");
        QCOMPARE(read.changes.at(0).values, Row{});
        QCOMPARE(read.changes.at(0).defaults, (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
        // Both states of one column cannot be built in code either.
        s.changes[0].values << std::pair{a, std::optional<QString>(QStringLiteral("v"))};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.validate());
        // New rows: taking a value back leaves the column to its default.
        const qsizetype ins = s.stageInsert({{a, QStringLiteral("new")}, {b, QStringLiteral("x")}});
        s.unsetInsertValue(ins, a);
        QCOMPARE(s.changes.at(ins).values, (Row{{b, QStringLiteral("x")}}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.unsetInsertValue(0, a));
    }

    void validateChecksCodeBuiltSets() {
        ChangeSet s;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.validate());
        s.table = QStringLiteral("t");
        s.validate();
        s.changes << Change{
            ChangeOp::Update,
            Key{{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("id"), QStringLiteral("2")}},
            QStringLiteral("1"),
            {{QStringLiteral("a"), QStringLiteral("x")}},
            {}};
        try {
            s.validate();
            QFAIL("no exception");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QStringLiteral("change 1.key"));
            QVERIFY(e.message().contains(QLatin1String("\"id\" is given twice")));
        }
        s.changes.first().key = key(QStringLiteral("id"), QStringLiteral("1"));
        s.changes.first().values << std::pair{QStringLiteral("a"), std::optional<QString>()};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.validate());
    }

    void stagingMergesOneRowIntoOneChange() {
        ChangeSet s;
        s.table = QStringLiteral("t");
        const Key k1 = key(QStringLiteral("id"), QStringLiteral("1"));
        const Key k2 = key(QStringLiteral("id"), QStringLiteral("2"));
        QCOMPARE(s.stageUpdate(k1, QStringLiteral("10"), {{QStringLiteral("a"), QStringLiteral("x")}},
                               {{QStringLiteral("a"), QStringLiteral("orig")}}),
                 0);
        // Same row again: merged; the first original of a column is kept, new columns are added.
        QCOMPARE(
            s.stageUpdate(
                k1, QStringLiteral("10"),
                {{QStringLiteral("a"), QStringLiteral("y")}, {QStringLiteral("b"), std::nullopt}},
                {{QStringLiteral("a"), QStringLiteral("x")}, {QStringLiteral("b"), QStringLiteral("ob")}}),
            0);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.changes.at(0).values,
                 (Row{{QStringLiteral("a"), QStringLiteral("y")}, {QStringLiteral("b"), std::nullopt}}));
        QCOMPARE(s.changes.at(0).original, (Row{{QStringLiteral("a"), QStringLiteral("orig")},
                                                {QStringLiteral("b"), QStringLiteral("ob")}}));
        // Composite keys match in any order.
        const Key ab{{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), QStringLiteral("2")}};
        const Key ba{{QStringLiteral("b"), QStringLiteral("2")}, {QStringLiteral("a"), QStringLiteral("1")}};
        QCOMPARE(s.stageUpdate(ab, QStringLiteral("5"), {{QStringLiteral("c"), QStringLiteral("1")}}), 1);
        QCOMPARE(s.indexOfKey(ba), 1);
        QCOMPARE(s.indexOfKey(k2), -1);

        // Hard delete replaces the row's update and keeps the version it was read with.
        QCOMPARE(s.stageDelete(k1, {}), 1);
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.changes.at(1).op, ChangeOp::Delete);
        QCOMPARE(s.changes.at(1).version, QStringLiteral("10"));
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            s.stageUpdate(k1, QStringLiteral("10"), {{QStringLiteral("a"), QStringLiteral("z")}}));

        // Soft delete keeps pending edits; restore cancels a pending soft delete, and vice versa.
        s.stageUpdate(k2, QStringLiteral("20"), {{QStringLiteral("a"), QStringLiteral("q")}});
        QCOMPARE(s.stageSoftDelete(k2), 3);
        QCOMPARE(s.stageSoftDelete(k2), 3);
        QCOMPARE(s.stageRestore(k2), -1);
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.changes.at(2).op, ChangeOp::Update);
        const Key k3 = key(QStringLiteral("id"), QStringLiteral("3"));
        QCOMPARE(s.stageRestore(k3), 3);
        QCOMPARE(s.stageRestore(k3), 3);
        QCOMPARE(s.stageSoftDelete(k3), -1);
        QCOMPARE(s.size(), 3);
        // An update after a pending restore is a change of its own, applied after it.
        s.stageRestore(k3);
        QCOMPARE(s.stageUpdate(k3, QStringLiteral("30"), {{QStringLiteral("a"), QStringLiteral("r")}}), 4);

        // Inserts: edited in place, cancelled by index.
        const qsizetype ins = s.stageInsert({{QStringLiteral("a"), QStringLiteral("new")}});
        QCOMPARE(s.stageInsertEdit(
                     ins, {{QStringLiteral("a"), QStringLiteral("newer")}, {QStringLiteral("b"), QString()}}),
                 ins);
        QCOMPARE(s.changes.at(ins).values,
                 (Row{{QStringLiteral("a"), QStringLiteral("newer")}, {QStringLiteral("b"), QString()}}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.stageInsertEdit(0, {}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.cancelInsert(99));
        s.cancelInsert(ins);
        QCOMPARE(s.size(), 5);
        s.validate();
        // Staged sets survive serialisation.
        QCOMPARE(ChangeSet::fromJsonText(s.toJsonText()).size(), s.size());
    }
};

QTEST_APPLESS_MAIN(TestChangeSet)
#include "tst_changeset.moc"
