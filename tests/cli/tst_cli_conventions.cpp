// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pgdesk::test;

namespace {

CliRun addProfile(const QString& name, const QString& database) {
    return runCli({QStringLiteral("profiles"), QStringLiteral("add"), name, QStringLiteral("--host"),
                   cluster().host, QStringLiteral("--port"), QString::number(cluster().port),
                   QStringLiteral("--database"), database, QStringLiteral("--user"), cluster().user,
                   QStringLiteral("--replace")});
}

CliRun profiles(const QStringList& args) {
    return runCli(QStringList{QStringLiteral("profiles")} + args);
}

// describe TABLE --format json with --profile NAME; the conventions object.
QJsonObject describeConventions(const QString& profile, const QString& table, CliRun* run = nullptr) {
    const auto r = runCli({QStringLiteral("--profile"), profile, QStringLiteral("describe"), table,
                           QStringLiteral("--format"), QStringLiteral("json")});
    if (run)
        *run = r;
    return parseObject(r)[QStringLiteral("conventions")].toObject();
}

} // namespace

class TestCliConventions final : public QObject {
    Q_OBJECT

    QString m_database = QStringLiteral("pgdesk_conv_%1").arg(QCoreApplication::applicationPid());

private slots:
    void initTestCase() {
        QVERIFY2(addProfile(QStringLiteral("demo"), QStringLiteral("pgdesk_demo")).exitCode == 0, "add demo");
        // A table of our own, in a database of our own, so no other test sees it.
        psql(QStringLiteral("create database %1").arg(m_database), QStringLiteral("postgres"));
        psql(QStringLiteral("create table public.tagged (tenant int not null, code text not null, "
                            "label text, gone boolean not null default false, gone_at timestamptz)"),
             m_database);
        QVERIFY2(addProfile(QStringLiteral("own"), m_database).exitCode == 0, "add own");
    }

    void cleanupTestCase() {
        psql(QStringLiteral("drop database if exists %1").arg(m_database), QStringLiteral("postgres"));
    }

    void softDeleteNoneThenClear() {
        QJsonObject conv = describeConventions(QStringLiteral("demo"), QStringLiteral("customer"));
        QCOMPARE(conv[QStringLiteral("soft_delete")].toObject()[QStringLiteral("column")].toString(),
                 QStringLiteral("is_active"));
        QCOMPARE(conv[QStringLiteral("overridden")].toBool(), false);

        auto r =
            profiles({QStringLiteral("set-convention"), QStringLiteral("demo"), QStringLiteral("customer"),
                      QStringLiteral("--soft-delete"), QStringLiteral("none")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("public.customer")), qPrintable(r.out));

        CliRun d;
        conv = describeConventions(QStringLiteral("demo"), QStringLiteral("customer"), &d);
        QVERIFY2(d.exitCode == 0, qPrintable(d.err));
        QVERIFY(conv[QStringLiteral("soft_delete")].isNull());
        QVERIFY(conv[QStringLiteral("overridden")].toBool());
        QCOMPARE(conv[QStringLiteral("overridden_fields")].toArray(),
                 QJsonArray({QStringLiteral("soft_delete")}));
        QCOMPARE(conv[QStringLiteral("row_key_source")].toString(), QStringLiteral("primary_key"));

        // Text output marks it; without --profile nothing is overridden.
        r = runCli({QStringLiteral("--profile"), QStringLiteral("demo"), QStringLiteral("describe"),
                    QStringLiteral("customer")});
        QVERIFY2(r.out.contains(QStringLiteral("soft delete: none (override)")), qPrintable(r.out));
        conv = parseObject(runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("describe"),
                                   QStringLiteral("customer"), QStringLiteral("--format"),
                                   QStringLiteral("json")}))[QStringLiteral("conventions")]
                   .toObject();
        QCOMPARE(conv[QStringLiteral("soft_delete")].toObject()[QStringLiteral("column")].toString(),
                 QStringLiteral("is_active"));

        // tables applies it too.
        r = runCli({QStringLiteral("--profile"), QStringLiteral("demo"), QStringLiteral("tables"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        bool seen = false;
        for (const auto& v : parseObject(r)[QStringLiteral("tables")].toArray()) {
            const QJsonObject t = v.toObject();
            // Other suites running beside this one make tables of the same name in schemas of their own.
            if (t[QStringLiteral("name")].toString() != QLatin1String("customer") ||
                t[QStringLiteral("schema")].toString() != QLatin1String("public"))
                continue;
            seen = true;
            const QJsonObject c = t[QStringLiteral("conventions")].toObject();
            QVERIFY(c[QStringLiteral("overridden")].toBool());
            QVERIFY(c[QStringLiteral("soft_delete")].isNull());
        }
        QVERIFY(seen);
        r = runCli({QStringLiteral("--profile"), QStringLiteral("demo"), QStringLiteral("tables"),
                    QStringLiteral("--schema"), QStringLiteral("public")});
        QVERIFY2(r.out.contains(QStringLiteral("none (override)")), qPrintable(r.out));

        // Stored in the profile.
        r = profiles({QStringLiteral("show"), QStringLiteral("demo"), QStringLiteral("--format"),
                      QStringLiteral("json")});
        const QJsonObject stored = parseObject(r)[QStringLiteral("conventions")].toObject();
        QCOMPARE(stored[QStringLiteral("public.customer")]
                     .toObject()[QStringLiteral("soft_delete")]
                     .toObject()[QStringLiteral("kind")]
                     .toString(),
                 QStringLiteral("none"));

        r = profiles(
            {QStringLiteral("clear-convention"), QStringLiteral("demo"), QStringLiteral("customer")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        conv = describeConventions(QStringLiteral("demo"), QStringLiteral("customer"));
        QCOMPARE(conv[QStringLiteral("soft_delete")].toObject()[QStringLiteral("column")].toString(),
                 QStringLiteral("is_active"));
        QCOMPARE(conv[QStringLiteral("overridden")].toBool(), false);

        // Clearing again: nothing to clear.
        r = profiles(
            {QStringLiteral("clear-convention"), QStringLiteral("demo"), QStringLiteral("customer")});
        QCOMPARE(r.exitCode, 6);
    }

    void nullableRowKeyRefused() {
        // audit_log's columns are all nullable: the NOT NULL rule refuses them as a row key.
        auto r =
            profiles({QStringLiteral("set-convention"), QStringLiteral("demo"), QStringLiteral("audit_log"),
                      QStringLiteral("--row-key"), QStringLiteral("logged_at,actor")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("logged_at")) && r.err.contains(QStringLiteral("NOT NULL")),
                 qPrintable(r.err));
        r = profiles({QStringLiteral("show"), QStringLiteral("demo"), QStringLiteral("--format"),
                      QStringLiteral("json")});
        QVERIFY(!parseObject(r).contains(QStringLiteral("conventions")));

        // Saved unchecked, describe still refuses it.
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("demo"), QStringLiteral("audit_log"),
                      QStringLiteral("--row-key"), QStringLiteral("logged_at,actor"),
                      QStringLiteral("--no-check")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        CliRun d;
        describeConventions(QStringLiteral("demo"), QStringLiteral("audit_log"), &d);
        QCOMPARE(d.exitCode, 2);
        QVERIFY2(d.err.contains(QStringLiteral("nullable")), qPrintable(d.err));
        QCOMPARE(profiles({QStringLiteral("clear-convention"), QStringLiteral("demo"),
                           QStringLiteral("public.audit_log")})
                     .exitCode,
                 0);
    }

    void unknownColumnsAndKinds() {
        auto r =
            profiles({QStringLiteral("set-convention"), QStringLiteral("demo"), QStringLiteral("customer"),
                      QStringLiteral("--row-key"), QStringLiteral("no_such_column")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("no_such_column")), qPrintable(r.err));
        // A flag must be boolean.
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("demo"), QStringLiteral("customer"),
                      QStringLiteral("--soft-delete"), QStringLiteral("flag:email")});
        QCOMPARE(r.exitCode, 2);
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("demo"), QStringLiteral("customer"),
                      QStringLiteral("--soft-delete"), QStringLiteral("sometimes")});
        QCOMPARE(r.exitCode, 2);
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("demo"), QStringLiteral("customer")});
        QCOMPARE(r.exitCode, 2);
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("demo"),
                      QStringLiteral("no_such_table"), QStringLiteral("--soft-delete"),
                      QStringLiteral("none")});
        QCOMPARE(r.exitCode, 6);
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("nobody"), QStringLiteral("customer"),
                      QStringLiteral("--soft-delete"), QStringLiteral("none")});
        QCOMPARE(r.exitCode, 6);
    }

    void rowKeyOnKeylessTable() {
        CliRun d;
        QJsonObject conv = describeConventions(QStringLiteral("own"), QStringLiteral("tagged"), &d);
        QVERIFY2(d.exitCode == 0, qPrintable(d.err));
        QVERIFY(conv[QStringLiteral("row_key")].toArray().isEmpty());

        auto r = profiles({QStringLiteral("set-convention"), QStringLiteral("own"), QStringLiteral("tagged"),
                           QStringLiteral("--row-key"), QStringLiteral("tenant, code")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Later options merge with the stored override.
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("own"),
                      QStringLiteral("public.tagged"), QStringLiteral("--soft-delete"),
                      QStringLiteral("flag:gone"), QStringLiteral("--updated-at"),
                      QStringLiteral("gone_at")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        conv = describeConventions(QStringLiteral("own"), QStringLiteral("tagged"), &d);
        QVERIFY2(d.exitCode == 0, qPrintable(d.err));
        QCOMPARE(conv[QStringLiteral("row_key")].toArray(),
                 QJsonArray({QStringLiteral("tenant"), QStringLiteral("code")}));
        QCOMPARE(conv[QStringLiteral("row_key_source")].toString(), QStringLiteral("override"));
        QVERIFY(!conv[QStringLiteral("uuid_key")].toBool());
        QCOMPARE(conv[QStringLiteral("soft_delete")].toObject()[QStringLiteral("kind")].toString(),
                 QStringLiteral("deleted_flag"));
        QCOMPARE(conv[QStringLiteral("updated_at_column")].toString(), QStringLiteral("gone_at"));
        QCOMPARE(conv[QStringLiteral("overridden_fields")].toArray().size(), 3);

        r = runCli({QStringLiteral("--profile"), QStringLiteral("own"), QStringLiteral("describe"),
                    QStringLiteral("tagged")});
        QVERIFY2(r.out.contains(QStringLiteral("Row key: tenant, code (override)")), qPrintable(r.out));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("own"), QStringLiteral("tables")});
        QVERIFY2(r.out.contains(QStringLiteral("tenant, code (override)")), qPrintable(r.out));

        // browse uses the override: the flag hides "gone" rows by default and the override key
        // identifies each row for editing.
        psql(QStringLiteral("insert into public.tagged (tenant, code, gone) values (1, 'a', false), "
                            "(1, 'b', true), (2, 'a', false)"),
             m_database);
        r = runCli({QStringLiteral("--profile"), QStringLiteral("own"), QStringLiteral("browse"),
                    QStringLiteral("tagged"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject page = parseObject(r);
        QCOMPARE(page[QStringLiteral("rows")].toArray().size(), 2);
        const QJsonArray keys = page[QStringLiteral("keys")].toArray();
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys.at(0).toObject().keys(),
                 (QStringList{QStringLiteral("code"), QStringLiteral("tenant")}));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("own"), QStringLiteral("browse"),
                    QStringLiteral("tagged"), QStringLiteral("--deleted"), QStringLiteral("deleted"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(parseObject(r)[QStringLiteral("rows")].toArray().size(), 1);

        // A column that is dropped later makes describe fail loudly instead of ignoring the override.
        psql(QStringLiteral("alter table public.tagged drop column gone"), m_database);
        describeConventions(QStringLiteral("own"), QStringLiteral("tagged"), &d);
        QCOMPARE(d.exitCode, 6);
        QVERIFY2(d.err.contains(QStringLiteral("gone")), qPrintable(d.err));
    }

    void unreachableProfileSavesUnchecked() {
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("away"),
                         QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                         QStringLiteral("1"), QStringLiteral("--connect-timeout"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = profiles({QStringLiteral("set-convention"), QStringLiteral("away"),
                      QStringLiteral("sales.orders"), QStringLiteral("--created-at"),
                      QStringLiteral("none")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("unchecked")), qPrintable(r.err));
        r = profiles({QStringLiteral("show"), QStringLiteral("away"), QStringLiteral("--format"),
                      QStringLiteral("json")});
        const QJsonObject o = parseObject(r)[QStringLiteral("conventions")]
                                  .toObject()[QStringLiteral("sales.orders")]
                                  .toObject();
        QVERIFY(o.contains(QStringLiteral("created_at_column")) &&
                o[QStringLiteral("created_at_column")].isNull());
        r = profiles({QStringLiteral("show"), QStringLiteral("away")});
        QVERIFY2(r.out.contains(QStringLiteral("created at none")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliConventions)
#include "tst_cli_conventions.moc"
