// SPDX-License-Identifier: GPL-3.0-or-later
// maskStatementSecrets(): the password of CREATE/ALTER ROLE, of a user mapping and of a subscription's or
// dblink's connection string never reaches a log, a history or an error message; quotes, comments, dollar
// quotes and ordinary values are read as the server reads them and left alone.
#include <pgdesk/core/sqltext/secretmask.h>

#include <QTest>

using namespace pgdesk::core;

class TestSecretMask final : public QObject {
    Q_OBJECT

private slots:
    void masked_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("create role") << "CREATE ROLE \"x\" LOGIN PASSWORD 'Secr3t'"
                                     << "CREATE ROLE \"x\" LOGIN PASSWORD '********'";
        QTest::newRow("lower case, encrypted, escape string")
            << "alter user bob with encrypted password E'a\\'Secr3t'"
            << "alter user bob with encrypted password '********'";
        QTest::newRow("dollar quoted") << "alter role bob password $q$Secr3t$q$"
                                       << "alter role bob password '********'";
        QTest::newRow("comment between")
            << "ALTER ROLE bob PASSWORD /* new */ 'Secr3t' VALID UNTIL 'infinity'"
            << "ALTER ROLE bob PASSWORD /* new */ '********' VALID UNTIL 'infinity'";
        QTest::newRow("unterminated") << "ALTER ROLE bob PASSWORD 'Secr3t"
                                      << "ALTER ROLE bob PASSWORD '********'";
        QTest::newRow("password null stays") << "ALTER ROLE bob PASSWORD NULL"
                                             << "ALTER ROLE bob PASSWORD NULL";
        QTest::newRow("user mapping")
            << "CREATE USER MAPPING FOR bob SERVER s OPTIONS (user 'bob', password 'Secr3t')"
            << "CREATE USER MAPPING FOR bob SERVER s OPTIONS (user 'bob', password '********')";
        QTest::newRow("user mapping, quoted option, set")
            << "ALTER USER MAPPING FOR bob SERVER s OPTIONS (SET \"password\" 'Secr3t', ADD sslpassword "
               "'K3y')"
            << "ALTER USER MAPPING FOR bob SERVER s OPTIONS (SET \"password\" '********', ADD sslpassword "
               "'********')";
        QTest::newRow("subscription")
            << "CREATE SUBSCRIPTION s CONNECTION 'host=h port=5432 password=Secr3t dbname=d' PUBLICATION p"
            << "CREATE SUBSCRIPTION s CONNECTION 'host=h port=5432 password=******** dbname=d' PUBLICATION p";
        QTest::newRow("subscription, quoted conninfo value")
            << "ALTER SUBSCRIPTION s CONNECTION 'host=h password=''it\\''s secret'' user=u'"
            << "ALTER SUBSCRIPTION s CONNECTION 'host=h password=******** user=u'";
        QTest::newRow("dblink uri")
            << "SELECT * FROM dblink('postgresql://bob:Secr3t@h/db', 'select 1') AS t(a int)"
            << "SELECT * FROM dblink('postgresql://bob:********@h/db', 'select 1') AS t(a "
               "int)";
        QTest::newRow("uri query password")
            << "SELECT dblink_connect('c', 'postgres://h/db?password=Secr3t&x=1')"
            << "SELECT dblink_connect('c', 'postgres://h/db?password=********&x=1')";
        QTest::newRow("script: each statement")
            << "CREATE ROLE a PASSWORD 'one';\nSELECT 1;\nALTER ROLE b PASSWORD 'two';"
            << "CREATE ROLE a PASSWORD '********';\nSELECT 1;\nALTER ROLE b PASSWORD '********';";
    }
    void masked() {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QCOMPARE(maskStatementSecrets(sql), expected);
        QVERIFY(!maskStatementSecrets(sql).contains(QLatin1String("Secr3t")));
    }

    void leftAlone_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("no secret") << "SELECT * FROM t WHERE a = 'x'";
        QTest::newRow("a password column compared") << "SELECT * FROM users WHERE password = 'x'";
        QTest::newRow("the word in a value") << "INSERT INTO notes VALUES ('my password is long')";
        QTest::newRow("in a comment only") << "SELECT 1 -- password 'x'";
        QTest::newRow("a column named password") << "SELECT password FROM users";
        QTest::newRow("a url that is not a conninfo") << "SELECT 'https://example.org/a'";
        QTest::newRow("conninfo without a password")
            << "CREATE SUBSCRIPTION s CONNECTION 'host=h dbname=d' PUBLICATION p";
        QTest::newRow("empty") << "";
    }
    void leftAlone() {
        QFETCH(QString, sql);
        QCOMPARE(maskStatementSecrets(sql), sql);
    }
};

QTEST_APPLESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
