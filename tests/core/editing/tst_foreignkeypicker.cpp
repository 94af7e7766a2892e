// SPDX-License-Identifier: GPL-3.0-or-later
// core::ForeignKeyPicker against a real server (schema tst_fkpick_<pid>): the label column chosen by the
// rules and by a profile's convention override, keyset pages that add up to the whole parent in key order,
// literal search, soft-deleted parents left out, and the existence check of staged values.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/editing/foreignkeypicker.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QTest>

using namespace pgdesk::core;

class TestForeignKeyPickerCore final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    QString m_schema = QStringLiteral("tst_fkpick_%1").arg(QCoreApplication::applicationPid());

    ForeignKey fkOf(Connection& c, const QString& table, const QString& column) {
        const TableInfo child = CatalogReader(c).table(m_schema, table);
        const ForeignKey* fk = foreignKeyOf(child, column);
        return fk ? *fk : ForeignKey{};
    }

private slots:
    void initTestCase() {
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create table $S.parents (a int, b text, code int, title text unique, name text not null,
                                     enabled boolean, primary key (a, b));
            insert into $S.parents select i / 10, 'b' || (i % 10), i, 'T' || i, 'N' || i, i % 7 <> 0
                from generate_series(1, 1000) i;
            insert into $S.parents values (500, 'x', 0, '50%_off', 'literal', true),
                                          (501, 'x', 0, '50x off', 'other', true);
            create table $S.children (id int primary key, pa int, pb text, foreign key (pa, pb) references $S.parents);)"));
        m_c = Connection::open(pgdesk::test::profile());
    }
    void cleanupTestCase() {
        m_c = Connection();
        m_scratch.reset();
    }

    void labelColumnRules() {
        const TableInfo parent = CatalogReader(m_c).table(m_schema, QStringLiteral("parents"));
        // title (unique) comes before name (NOT NULL) in table order.
        QCOMPARE(defaultLabelColumn(parent, {"a", "b"}), QStringLiteral("title"));
        QCOMPARE(defaultLabelColumn(parent, {"a", "b", "title"}), QStringLiteral("name"));
        const ForeignKey fk = fkOf(m_c, QStringLiteral("children"), QStringLiteral("pb"));
        QCOMPARE(fk.refColumns, (QStringList{"a", "b"}));
        QCOMPARE(ForeignKeyPicker::forForeignKey(m_c, fk).labelColumn(), QStringLiteral("title"));

        // A profile's override names another label column (and is checked against the columns).
        ConnectionProfile profile = pgdesk::test::profile();
        ConventionOverride o;
        o.labelColumn = QStringLiteral("name");
        o.softDelete = SoftDeleteKind::ActiveFlag;
        o.softDeleteColumn = QStringLiteral("enabled");
        profile.conventionOverrides.insert(conventionOverrideKey(m_schema, QStringLiteral("parents")), o);
        Connection c = Connection::open(profile);
        const ForeignKeyPicker picker = ForeignKeyPicker::forForeignKey(c, fk);
        QCOMPARE(picker.labelColumn(), QStringLiteral("name"));
        // Soft delete by the override's active flag: inactive parents are not offered.
        const ForeignKeyChoicePage page = picker.fetch(c, QStringLiteral("N7"), {}, 1000);
        QStringList labels;
        for (const ForeignKeyChoice& row : page.rows)
            labels << row.label.value_or(QString());
        QVERIFY(!labels.isEmpty());
        QVERIFY2(!labels.contains(QStringLiteral("N7")) && !labels.contains(QStringLiteral("N70")),
                 qPrintable(labels.join(',')));
        QVERIFY(labels.contains(QStringLiteral("N71")));

        const QJsonObject json = o.toJson();
        QCOMPARE(json.value(QStringLiteral("label_column")).toString(), QStringLiteral("name"));
        QVERIFY(ConventionOverride::fromJson(json, QStringLiteral("s.t")) == o);
        o.labelColumn = QStringLiteral("nope");
        TableInfo parent2 = parent;
        QVERIFY_THROWS_EXCEPTION(NotFound, applyConventionOverride(parent2, o));
    }

    void keysetPagesCoverTheParentInOrder() {
        const ForeignKeyPicker picker =
            ForeignKeyPicker::forForeignKey(m_c, fkOf(m_c, QStringLiteral("children"), QStringLiteral("pa")));
        QStringList seen;
        QStringList after;
        int pages = 0;
        for (;;) {
            const ForeignKeyChoicePage page = picker.fetch(m_c, {}, after, 97);
            ++pages;
            for (const ForeignKeyChoice& row : page.rows)
                seen << row.key.join(QLatin1Char('/'));
            if (!page.hasMore)
                break;
            after = page.rows.last().key;
        }
        const QString expected =
            m_c.exec(QStringLiteral("select string_agg(a || '/' || b, ',' order by a, b) from %1.parents")
                         .arg(m_schema))
                .text(0, 0);
        QCOMPARE(seen.join(QLatin1Char(',')), expected);
        QCOMPARE(pages, (1002 + 96) / 97);
    }

    void searchIsLiteral() {
        const ForeignKeyPicker picker =
            ForeignKeyPicker::forForeignKey(m_c, fkOf(m_c, QStringLiteral("children"), QStringLiteral("pa")));
        const ForeignKeyChoicePage page = picker.fetch(m_c, QStringLiteral("50%_"), {}, 50);
        QCOMPARE(page.rows.size(), 1);
        QCOMPARE(page.rows.first().label.value_or(QString()), QStringLiteral("50%_off"));
        QVERIFY(!page.hasMore);
    }

    void existsAndMissingParents() {
        const ForeignKey fk = fkOf(m_c, QStringLiteral("children"), QStringLiteral("pa"));
        const ForeignKeyPicker picker = ForeignKeyPicker::forForeignKey(m_c, fk);
        QVERIFY(picker.exists(m_c, {QStringLiteral("3"), QStringLiteral("b1")}));
        QVERIFY(!picker.exists(m_c, {QStringLiteral("3"), QStringLiteral("zz")}));
        QVERIFY(picker.exists(m_c, {QStringLiteral("3"), std::nullopt})); // MATCH SIMPLE

        const TableInfo child = CatalogReader(m_c).table(m_schema, QStringLiteral("children"));
        ChangeSet changes(child);
        changes.stageInsert({{"id", "1"}, {"pa", "3"}, {"pb", "b1"}});
        changes.stageInsert({{"id", "2"}, {"pa", "3"}, {"pb", "zz"}});
        changes.stageInsert({{"id", "3"}, {"pa", "abc"}, {"pb", "b1"}});
        changes.stageInsert({{"id", "4"}, {"pa", "3"}}); // pb left to its default: not checked
        const QList<StagedForeignKeyValue> values = stagedForeignKeyValues(child, changes);
        QCOMPARE(values.size(), 3);
        const QStringList missing = findMissingParents(m_c, values);
        QCOMPARE(missing.size(), 2);
        QVERIFY2(missing[0].startsWith(QStringLiteral("pa = 3, pb = zz: no row in")), qPrintable(missing[0]));
        QVERIFY2(missing[1].contains(QStringLiteral("pa = abc")), qPrintable(missing[1]));
    }
};

QTEST_GUILESS_MAIN(TestForeignKeyPickerCore)
#include "tst_foreignkeypicker.moc"
