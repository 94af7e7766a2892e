// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLSTATE → error kind mapping, pure (label `unit`); tst_errors checks it against real statements.
#include <pgdesk/core/base/errors.h>

#include <QTest>

using namespace pgdesk::core;

class TestErrorMapping final : public QObject {
    Q_OBJECT
private slots:
    void mappingIsPure_data() {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("kind");
        const QList<std::pair<const char*, ErrorKind>> table = {
            {"08006", ErrorKind::Connection},
            {"08001", ErrorKind::Connection},
            {"57P01", ErrorKind::Connection},
            {"57P03", ErrorKind::Connection},
            {"53300", ErrorKind::Connection},
            {"28P01", ErrorKind::Authentication},
            {"28000", ErrorKind::Authentication},
            {"42501", ErrorKind::PermissionDenied},
            {"42P01", ErrorKind::NotFound},
            {"42703", ErrorKind::NotFound},
            {"3F000", ErrorKind::NotFound},
            {"42883", ErrorKind::Query}, // no operator for these types: a wrong filter, not a missing object
            {"23505", ErrorKind::AlreadyExists},
            {"23503", ErrorKind::Integrity},
            {"23502", ErrorKind::Integrity},
            {"23514", ErrorKind::Integrity},
            {"23P01", ErrorKind::Integrity},
            {"40001", ErrorKind::Serialization},
            {"40P01", ErrorKind::Deadlock},
            {"57014", ErrorKind::QueryCanceled},
            {"22P02", ErrorKind::Data},
            {"22003", ErrorKind::Data},
            {"22012", ErrorKind::Data},
            {"42601", ErrorKind::Syntax},
            {"XX000", ErrorKind::Query},
            {"", ErrorKind::Query},
            {"4", ErrorKind::Query},
        };
        for (const auto& [state, kind] : table)
            QTest::newRow(state) << QString::fromLatin1(state) << int(kind);
    }
    void mappingIsPure() {
        QFETCH(QString, state);
        QFETCH(int, kind);
        QCOMPARE(int(errorKindFromSqlState(state.toStdString())), kind);
    }

    void retryable() {
        QVERIFY(isRetryable(ErrorKind::Serialization));
        QVERIFY(isRetryable(ErrorKind::Deadlock));
        QVERIFY(!isRetryable(ErrorKind::Integrity));
    }
};

QTEST_GUILESS_MAIN(TestErrorMapping)
#include "tst_errormapping.moc"
