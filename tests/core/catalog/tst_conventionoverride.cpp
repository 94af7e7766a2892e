// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pgdesk::core;

namespace {

ColumnInfo column(const QString& name, TypeCategory category, bool notNull, const QString& typeName = {}) {
    ColumnInfo c;
    c.name = name;
    c.category = category;
    c.notNull = notNull;
    c.typeName = typeName.isEmpty() ? typeCategoryName(category) : typeName;
    return c;
}

// public.customer-like: key id, soft delete by is_active, audit columns, plus spare columns.
TableInfo customer() {
    TableInfo t;
    t.schema = QStringLiteral("public");
    t.name = QStringLiteral("customer");
    t.columns = {
        column(QStringLiteral("id"), TypeCategory::Integer, true),
        column(QStringLiteral("code"), TypeCategory::Uuid, true),
        column(QStringLiteral("email"), TypeCategory::Text, true),
        column(QStringLiteral("nickname"), TypeCategory::Text, false),
        column(QStringLiteral("is_active"), TypeCategory::Boolean, true),
        column(QStringLiteral("archived"), TypeCategory::Boolean, false),
        column(QStringLiteral("removed_on"), TypeCategory::Timestamp, false, QStringLiteral("timestamptz")),
        column(QStringLiteral("created_at"), TypeCategory::Timestamp, true),
        column(QStringLiteral("born"), TypeCategory::Date, false),
        column(QStringLiteral("changed"), TypeCategory::Timestamp, false)};
    UniqueConstraint pk;
    pk.name = QStringLiteral("customer_pkey");
    pk.columns = {QStringLiteral("id")};
    pk.isPrimaryKey = true;
    t.uniques = {pk};
    t.conventions = detectConventions(t, false);
    return t;
}

ConnectionProfile profileWith(const QString& key, const ConventionOverride& o) {
    ConnectionProfile p;
    p.name = QStringLiteral("p");
    p.conventionOverrides.insert(key, o);
    return p;
}

template <typename E, typename F> QString expectThrow(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.info().field.isEmpty() ? e.info().column : e.info().field;
    } catch (const std::exception& e) {
        return QStringLiteral("wrong exception: ") + QString::fromUtf8(e.what());
    }
    return QStringLiteral("no exception");
}

} // namespace

class TestConventionOverride final : public QObject {
    Q_OBJECT
private slots:
    void detectedBaseline() {
        const TableInfo t = customer();
        QCOMPARE(t.conventions.rowKey, QStringList{QStringLiteral("id")});
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::ActiveFlag);
        QCOMPARE(t.conventions.createdAtColumn, QStringLiteral("created_at"));
        QVERIFY(t.conventions.updatedAtColumn.isEmpty());
    }

    void noOverrideLeavesTableAlone() {
        TableInfo t = customer();
        const Conventions before = t.conventions;
        applyConventionOverride(t, profileWith(QStringLiteral("public.other"), {}));
        QCOMPARE(t.conventions.rowKey, before.rowKey);
        QCOMPARE(t.conventions.softDelete, before.softDelete);
    }

    void rowKeyOverrideRecomputesUuid() {
        TableInfo t = customer();
        ConventionOverride o;
        o.rowKey = QStringList{QStringLiteral("code")};
        applyConventionOverride(t, profileWith(QStringLiteral("public.customer"), o));
        QCOMPARE(t.conventions.rowKey, QStringList{QStringLiteral("code")});
        QCOMPARE(t.conventions.rowKeySource, QStringLiteral("override"));
        QVERIFY(t.conventions.uuidKey);
        // Untouched fields keep the detected values.
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::ActiveFlag);
        QCOMPARE(t.conventions.softDeleteColumn, QStringLiteral("is_active"));

        o.rowKey = QStringList{QStringLiteral("email"), QStringLiteral("id")};
        applyConventionOverride(t, o);
        QCOMPARE(t.conventions.rowKey, QStringList({QStringLiteral("email"), QStringLiteral("id")}));
        QVERIFY(!t.conventions.uuidKey);
    }

    void rowKeyMustBeNotNullAndExist() {
        TableInfo t = customer();
        const Conventions before = t.conventions;
        ConventionOverride o;
        o.rowKey = QStringList{QStringLiteral("id"), QStringLiteral("nickname")};
        o.softDelete = SoftDeleteKind::None; // must not be applied either: nothing changes on failure
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
        QCOMPARE(t.conventions.rowKey, before.rowKey);
        QCOMPARE(t.conventions.softDelete, before.softDelete);

        o.rowKey = QStringList{QStringLiteral("ghost")};
        QCOMPARE(expectThrow<NotFound>([&] { applyConventionOverride(t, o); }), QStringLiteral("ghost"));
        try {
            applyConventionOverride(t, o);
        } catch (const NotFound& e) {
            QVERIFY2(e.message().contains(QStringLiteral("ghost")), qPrintable(e.message()));
        }

        o.rowKey = QStringList{};
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
        o.rowKey = QStringList{QStringLiteral("id"), QStringLiteral("id")};
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
    }

    void rowKeyOnlyOnTables() {
        TableInfo t = customer();
        t.kind = RelationKind::View;
        ConventionOverride o;
        o.rowKey = QStringList{QStringLiteral("id")};
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
    }

    void softDeleteNoneDisables() {
        TableInfo t = customer();
        ConventionOverride o;
        o.softDelete = SoftDeleteKind::None;
        applyConventionOverride(t, o);
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::None);
        QVERIFY(t.conventions.softDeleteColumn.isEmpty());
        QCOMPARE(t.conventions.rowKeySource, QStringLiteral("primary_key"));
    }

    void softDeleteColumnTypes() {
        ConventionOverride o;
        o.softDelete = SoftDeleteKind::DeletedAtTimestamp;
        o.softDeleteColumn = QStringLiteral("removed_on");
        TableInfo t = customer();
        applyConventionOverride(t, o);
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::DeletedAtTimestamp);
        QCOMPARE(t.conventions.softDeleteColumn, QStringLiteral("removed_on"));

        o.softDelete = SoftDeleteKind::DeletedFlag;
        o.softDeleteColumn = QStringLiteral("archived");
        applyConventionOverride(t, o);
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::DeletedFlag);

        // A flag must be boolean, a deleted_at a timestamp (a date is not enough).
        o.softDelete = SoftDeleteKind::ActiveFlag;
        o.softDeleteColumn = QStringLiteral("removed_on");
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
        o.softDelete = SoftDeleteKind::DeletedAtTimestamp;
        o.softDeleteColumn = QStringLiteral("archived");
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
        o.softDeleteColumn = QStringLiteral("born");
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
        o.softDeleteColumn = QStringLiteral("nope");
        QCOMPARE(expectThrow<NotFound>([&] { applyConventionOverride(t, o); }), QStringLiteral("nope"));
        QCOMPARE(t.conventions.softDeleteColumn, QStringLiteral("archived"));
    }

    void auditColumns() {
        TableInfo t = customer();
        ConventionOverride o;
        o.createdAtColumn = QStringLiteral("born");
        o.updatedAtColumn = QStringLiteral("changed");
        applyConventionOverride(t, o);
        QCOMPARE(t.conventions.createdAtColumn, QStringLiteral("born"));
        QCOMPARE(t.conventions.updatedAtColumn, QStringLiteral("changed"));
        o.createdAtColumn = QString(); // "none"
        applyConventionOverride(t, o);
        QVERIFY(t.conventions.createdAtColumn.isEmpty());
        o.updatedAtColumn = QStringLiteral("email");
        QCOMPARE(expectThrow<ConfigurationError>([&] { applyConventionOverride(t, o); }),
                 QStringLiteral("conventions"));
        o.updatedAtColumn = QStringLiteral("missing");
        QCOMPARE(expectThrow<NotFound>([&] { applyConventionOverride(t, o); }), QStringLiteral("missing"));
    }

    void summaryOverrideUnchecked() {
        TableSummary s;
        s.schema = QStringLiteral("public");
        s.name = QStringLiteral("customer");
        s.conventions = customer().conventions;
        s.conventions.uuidKey = true;
        ConventionOverride o;
        o.rowKey = QStringList{QStringLiteral("email")};
        o.softDelete = SoftDeleteKind::None;
        applyConventionOverride(s, profileWith(QStringLiteral("public.customer"), o));
        QCOMPARE(s.conventions.rowKey, QStringList{QStringLiteral("email")});
        QCOMPARE(s.conventions.rowKeySource, QStringLiteral("override"));
        QVERIFY(!s.conventions.uuidKey);
        QCOMPARE(s.conventions.softDelete, SoftDeleteKind::None);
        QVERIFY(s.conventions.softDeleteColumn.isEmpty());
    }

    void softDeleteSpec() {
        using P = std::pair<SoftDeleteKind, QString>;
        QCOMPARE(parseSoftDeleteSpec(QStringLiteral("none")), P(SoftDeleteKind::None, QString()));
        QCOMPARE(parseSoftDeleteSpec(QStringLiteral("deleted_at")),
                 P(SoftDeleteKind::DeletedAtTimestamp, QStringLiteral("deleted_at")));
        QCOMPARE(parseSoftDeleteSpec(QStringLiteral("deleted_at:gone")),
                 P(SoftDeleteKind::DeletedAtTimestamp, QStringLiteral("gone")));
        QCOMPARE(parseSoftDeleteSpec(QStringLiteral("flag:is_gone")),
                 P(SoftDeleteKind::DeletedFlag, QStringLiteral("is_gone")));
        QCOMPARE(parseSoftDeleteSpec(QStringLiteral("active:on")),
                 P(SoftDeleteKind::ActiveFlag, QStringLiteral("on")));
        for (const char* bad : {"flag", "flag:", "active", "none:x", "sometimes", ""})
            QCOMPARE(expectThrow<ConfigurationError>([&] { parseSoftDeleteSpec(QLatin1String(bad)); }),
                     QStringLiteral("soft_delete"));
    }

    void jsonRoundTrip() {
        ConnectionProfile p;
        p.name = QStringLiteral("rt");
        ConventionOverride a;
        a.rowKey = QStringList{QStringLiteral("x"), QStringLiteral("y")};
        a.softDelete = SoftDeleteKind::ActiveFlag;
        a.softDeleteColumn = QStringLiteral("on");
        a.createdAtColumn = QString();
        ConventionOverride b;
        b.softDelete = SoftDeleteKind::None;
        b.updatedAtColumn = QStringLiteral("touched");
        p.conventionOverrides.insert(QStringLiteral("public.a"), a);
        p.conventionOverrides.insert(QStringLiteral("my.schema.b"), b);
        p.conventionOverrides.insert(QStringLiteral("s.empty"), ConventionOverride{});

        const QJsonObject json = p.toJson();
        const QJsonObject conv = json[QStringLiteral("conventions")].toObject();
        QCOMPARE(conv.size(), 3);
        const QJsonObject ja = conv[QStringLiteral("public.a")].toObject();
        QCOMPARE(ja[QStringLiteral("row_key")].toArray(),
                 QJsonArray({QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(ja[QStringLiteral("soft_delete")].toObject()[QStringLiteral("kind")].toString(),
                 QStringLiteral("active_flag"));
        QVERIFY(ja[QStringLiteral("created_at_column")].isNull());
        QVERIFY(!ja.contains(QStringLiteral("updated_at_column")));

        // Through text, as the store writes it.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        const ConnectionProfile back = ConnectionProfile::fromJson(reread);
        QCOMPARE(back.conventionOverrides.size(), 3);
        QVERIFY(back.conventionOverrides.value(QStringLiteral("public.a")) == a);
        QVERIFY(back.conventionOverrides.value(QStringLiteral("my.schema.b")) == b);
        QVERIFY(back == p);

        // Left out when empty.
        ConnectionProfile plain;
        plain.name = QStringLiteral("plain");
        QVERIFY(!plain.toJson().contains(QStringLiteral("conventions")));
        QVERIFY(ConnectionProfile::fromJson(plain.toJson()) == plain);
    }

    void invalidJson_data() {
        QTest::addColumn<QString>("conventions");
        QTest::newRow("not an object") << R"("x")";
        QTest::newRow("override not an object") << R"({"public.t": 3})";
        QTest::newRow("key without schema") << R"({"t": {"row_key": ["a"]}})";
        QTest::newRow("empty row key") << R"({"public.t": {"row_key": []}})";
        QTest::newRow("row key not strings") << R"({"public.t": {"row_key": [1]}})";
        QTest::newRow("row key string") << R"({"public.t": {"row_key": "a"}})";
        QTest::newRow("duplicate row key column") << R"({"public.t": {"row_key": ["a", "a"]}})";
        QTest::newRow("unknown kind") << R"({"public.t": {"soft_delete": {"kind": "maybe", "column": "c"}}})";
        QTest::newRow("kind without column") << R"({"public.t": {"soft_delete": {"kind": "active_flag"}}})";
        QTest::newRow("none with column")
            << R"({"public.t": {"soft_delete": {"kind": "none", "column": "c"}}})";
        QTest::newRow("soft delete string") << R"({"public.t": {"soft_delete": "none"}})";
        QTest::newRow("created_at number") << R"({"public.t": {"created_at_column": 5}})";
        QTest::newRow("unknown field") << R"({"public.t": {"primary": ["a"]}})";
    }

    void invalidJson() {
        QFETCH(QString, conventions);
        const QByteArray text =
            QByteArrayLiteral("{\"name\": \"bad\", \"conventions\": ") + conventions.toUtf8() + '}';
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(text, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(expectThrow<ConfigurationError>([&] { ConnectionProfile::fromJson(o); }),
                 QStringLiteral("conventions"));
    }

    void validateCatchesBadInMemoryOverride() {
        ConventionOverride o;
        o.softDeleteColumn = QStringLiteral("c"); // a column without a kind
        const ConnectionProfile p = profileWith(QStringLiteral("public.t"), o);
        QCOMPARE(expectThrow<ConfigurationError>([&] { p.validate(); }), QStringLiteral("conventions"));
    }

    void fieldsNamesOverriddenConventions() {
        ConventionOverride o;
        QVERIFY(o.isEmpty());
        o.softDelete = SoftDeleteKind::None;
        o.updatedAtColumn = QString();
        QVERIFY(!o.isEmpty());
        QCOMPARE(o.fields(),
                 QStringList({QStringLiteral("soft_delete"), QStringLiteral("updated_at_column")}));
    }
};

QTEST_GUILESS_MAIN(TestConventionOverride)
#include "tst_conventionoverride.moc"
