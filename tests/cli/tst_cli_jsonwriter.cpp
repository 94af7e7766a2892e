// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogjson.h"
#include "jsonwriter.h"

#include <pgdesk/core/catalog/catalogreader.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaType>
#include <QTest>

#include <cmath>
#include <limits>

using pgdesk::cli::IndentedJsonWriter;

namespace {

// Writes `v` through the writer, taking keys in QJsonObject's iteration order (the order the writer's
// callers must give). Numbers go as integer() or number() by how QJsonValue holds them.
void writeValue(IndentedJsonWriter& w, const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Object: {
        w.beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            w.key(it.key());
            writeValue(w, it.value());
        }
        w.endObject();
        break;
    }
    case QJsonValue::Array:
        w.beginArray();
        for (const auto& e : v.toArray())
            writeValue(w, e);
        w.endArray();
        break;
    case QJsonValue::String:
        w.string(v.toString());
        break;
    case QJsonValue::Bool:
        w.boolean(v.toBool());
        break;
    case QJsonValue::Null:
        w.null();
        break;
    case QJsonValue::Double:
        if (v.toVariant().typeId() == QMetaType::LongLong)
            w.integer(v.toInteger());
        else
            w.number(v.toDouble());
        break;
    case QJsonValue::Undefined:
        QFAIL("undefined value");
        break;
    }
}

QByteArray writerText(const QJsonObject& o, int depth = 0) {
    QByteArray out;
    IndentedJsonWriter w(out, depth);
    writeValue(w, o);
    return out;
}

QByteArray qtText(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

// Qt's text for {"v": d} against the writer's number(d): the double path is not reached through
// QJsonValue (which turns integral doubles into integers), so it is checked directly.
void compareDouble(double d) {
    QByteArray out;
    IndentedJsonWriter w(out);
    w.beginObject().key(u"v").number(d).endObject();
    out.append('\n');
    QCOMPARE(out, qtText(QJsonObject{{QStringLiteral("v"), d}}));
}

} // namespace

class TestCliJsonWriter final : public QObject {
    Q_OBJECT
private slots:
    void emptyObject() { QCOMPARE(writerText({}) + '\n', qtText({})); }

    // Literal keys are copied as they are when plain ASCII, escaped like any other otherwise; integers of
    // every size.
    void literalKeysAndIntegers() {
        QByteArray out;
        IndentedJsonWriter w(out);
        w.beginObject();
        w.key(u"a\"b").integer(std::numeric_limits<qint64>::min());
        w.key(u"plain").integer(0);
        w.key(u"tab\there").integer(-7);
        w.key(u"\u00e9t\u00e9").integer(std::numeric_limits<qint64>::max());
        w.endObject();
        out.append('\n');
        QCOMPARE(out,
                 qtText(QJsonObject{{QStringLiteral("a\"b"), std::numeric_limits<qint64>::min()},
                                    {QStringLiteral("plain"), 0},
                                    {QStringLiteral("tab\there"), -7},
                                    {QStringLiteral("\u00e9t\u00e9"), std::numeric_limits<qint64>::max()}}));
    }

    void mixedValues() {
        const QJsonObject o{
            {QStringLiteral("empty_object"), QJsonObject{}},
            {QStringLiteral("empty_array"), QJsonArray{}},
            {QStringLiteral("nested"),
             QJsonObject{
                 {QStringLiteral("a"), QJsonArray{1, QJsonObject{}, QJsonArray{}, QJsonArray{QJsonArray{}}}},
                 {QStringLiteral("b"), QJsonObject{{QStringLiteral("c"), QJsonObject{{"d", true}}}}}}},
            {QStringLiteral("array_of_objects"),
             QJsonArray{QJsonObject{{"x", 1}, {"y", QJsonValue()}}, QJsonObject{{"z", false}}}},
            {QStringLiteral("quotes"), QStringLiteral("say \"hi\" \\ back\\slash /")},
            {QStringLiteral("controls"), QString::fromUtf16(u"\b\f\n\r\t\x01\x1f\x7f end")},
            {QStringLiteral("nul"), QString(QChar(0))},
            {QStringLiteral("unicode"), QString::fromUtf16(u"é ß € 中文 \U0001F600 \U00010348")},
            {QStringLiteral("lone_surrogates"), QString::fromUtf16(u"a\xd800z\xdfff")},
            {QStringLiteral("key with \"quote\"\n"), 1},
            {QStringLiteral("ünïcödé key"), QStringLiteral("v")},
            {QStringLiteral("ints"),
             QJsonArray{0, -1, 42, qint64(1) << 53, -(qint64(1) << 53), std::numeric_limits<qint64>::max(),
                        std::numeric_limits<qint64>::min()}},
            {QStringLiteral("doubles"), QJsonArray{0.5, 1e300, -0.0, 123456789.0, -2.5e-8, 0.1 + 0.2}},
            {QStringLiteral("null"), QJsonValue()},
            {QStringLiteral("t"), true},
            {QStringLiteral("f"), false},
            {QStringLiteral("empty_string"), QString()},
        };
        QCOMPARE(writerText(o) + '\n', qtText(o));
    }

    void doubles() {
        const double values[] = {0.5,
                                 1e300,
                                 -1e300,
                                 -0.0,
                                 0.0,
                                 123456789.0,
                                 1e15,
                                 1e16,
                                 1e21,
                                 1e-7,
                                 0.1 + 0.2,
                                 9007199254740992.0, // 2^53
                                 -9007199254740992.0,
                                 9007199254740994.0, // 2^53 + 2
                                 -9007199254740994.0,
                                 9.3e18,
                                 std::numeric_limits<double>::max(),
                                 std::numeric_limits<double>::denorm_min(),
                                 std::numeric_limits<double>::quiet_NaN(),
                                 std::numeric_limits<double>::infinity(),
                                 -std::numeric_limits<double>::infinity(),
                                 12345.678,
                                 -3.0};
        for (double d : values)
            compareDouble(d);
    }

    // What JsonArrayPrinter needs: an element at depth 2 is Qt's text with every line moved in 8 spaces.
    void startingDepth() {
        const QJsonObject o{{QStringLiteral("a"), QJsonObject{{"b", QJsonArray{1, QJsonArray{}}}}},
                            {QStringLiteral("c"), QJsonObject{}}};
        QByteArray expected = qtText(o);
        expected.chop(1);
        expected.replace("\n", "\n        ");
        QCOMPARE(writerText(o, 2), expected);
    }

    // The tables command writes conventions and privileges through the writer; describe gets the same
    // objects as QJsonObjects.
    void catalogObjects() {
        pgdesk::core::Conventions c;
        c.rowKey = {QStringLiteral("id"), QStringLiteral("tenant \"x\"")};
        c.rowKeySource = QStringLiteral("primary_key");
        c.softDelete = pgdesk::core::SoftDeleteKind::DeletedAtTimestamp;
        c.softDeleteColumn = QStringLiteral("deleted_at");
        c.updatedAtColumn = QStringLiteral("updated_at");
        c.updatedAtByTrigger = true;
        pgdesk::core::ConventionOverride o;
        o.rowKey = c.rowKey;
        o.createdAtColumn = QString();
        const pgdesk::core::ConventionOverride* const overrides[] = {nullptr, &o};
        for (const auto* over : overrides) {
            for (bool noSoftDelete : {false, true}) {
                pgdesk::core::Conventions cc = c;
                if (noSoftDelete)
                    cc.softDelete = pgdesk::core::SoftDeleteKind::None;
                QByteArray out;
                IndentedJsonWriter w(out);
                pgdesk::cli::writeConventionsWithOverride(w, cc, over);
                QCOMPARE(out + '\n', qtText(pgdesk::cli::conventionsWithOverride(cc, over)));
                QVERIFY(
                    pgdesk::cli::conventionsWithOverride(cc, over).contains(QStringLiteral("overridden")));
            }
        }
        QVERIFY(!pgdesk::cli::conventionsJson(c).contains(QStringLiteral("overridden")));
        QCOMPARE(pgdesk::cli::conventionsJson(c)
                     .value(QStringLiteral("soft_delete"))[QStringLiteral("kind")]
                     .toString(),
                 pgdesk::core::softDeleteKindName(c.softDelete));
        const pgdesk::core::Privileges p{true, false, true, false};
        QByteArray out;
        IndentedJsonWriter w(out);
        pgdesk::cli::writePrivileges(w, p);
        QCOMPARE(out + '\n', QByteArray("{\n    \"delete\": false,\n    \"insert\": false,\n"
                                        "    \"select\": true,\n    \"update\": true\n}\n"));
        QCOMPARE(qtText(pgdesk::cli::privilegesJson(p)), out + '\n');
    }
};

QTEST_GUILESS_MAIN(TestCliJsonWriter)
#include "tst_cli_jsonwriter.moc"
