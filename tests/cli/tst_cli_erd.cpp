// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli erd: a table's neighbourhood as Mermaid (the tables within --depth steps, the keys with their
// cardinality), as DOT that Graphviz draws, as SVG and PNG from the window's painter; a schema; chosen
// tables; refusals with their exit codes.
#include "clirunner.h"
#include "programs.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace pgdesk::test;

class TestCliErd final : public QObject {
    Q_OBJECT
    const QString m_schema = QStringLiteral("cli_erd_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;

    CliRun erd(const QStringList& args) {
        return runCli(QStringList{QStringLiteral("--dsn"), conninfo()} + args);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        psql(QStringLiteral(
                 "create schema %1;"
                 "create table %1.customer (id int primary key, name text not null);"
                 "create table %1.orders (id int primary key, customer_id int not null references "
                 "%1.customer (id));"
                 "create table %1.line (order_id int references %1.orders (id), n int, primary key "
                 "(order_id, n));"
                 "create table %1.note (id int primary key, line_order int, line_n int, foreign key "
                 "(line_order, line_n) references %1.line (order_id, n));")
                 .arg(m_schema));
    }
    void cleanupTestCase() { psql(QStringLiteral("drop schema %1 cascade").arg(m_schema)); }

    // Cron, CI and ssh sessions have no XDG_RUNTIME_DIR: Qt's warning about it (QStandardPaths, from the
    // draw program's QGuiApplication) must not reach the command's standard error, nor any other of Qt's.
    void onlyItsOwnMessagesWithoutRuntimeDir() {
        for (const QString& format : {QStringLiteral("dot"), QStringLiteral("svg")}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
            env.remove(QStringLiteral("QT_LOGGING_RULES"));
            p.setProcessEnvironment(env);
            p.start(binary(QStringLiteral("pgdesk-cli")),
                    {QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"), format,
                     QStringLiteral("erd"), m_schema + QStringLiteral(".orders")});
            QVERIFY(p.waitForFinished(60000));
            const QByteArray err = p.readAllStandardError();
            QCOMPARE(p.exitCode(), 0);
            QVERIFY2(err.isEmpty(), err.constData());
            QVERIFY(!p.readAllStandardOutput().isEmpty());
        }
        // Its own messages still come: an unknown table, exit code and all.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        p.setProcessEnvironment(env);
        p.start(binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--dsn"), conninfo(), QStringLiteral("erd"),
                 m_schema + QStringLiteral(".nosuch")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(!p.readAllStandardError().isEmpty());
    }

    void neighbourhoodAsMermaid() {
        auto r = erd({QStringLiteral("erd"), m_schema + QStringLiteral(".orders")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("erDiagram\n")));
        QVERIFY(r.out.contains(QStringLiteral("[\"%1.customer\"]").arg(m_schema)));
        QVERIFY(r.out.contains(QStringLiteral("[\"%1.line\"]").arg(m_schema)));
        QVERIFY(!r.out.contains(QStringLiteral("%1.note").arg(m_schema)));       // two steps away
        QVERIFY2(r.out.contains(QStringLiteral("}o..|| t")), qPrintable(r.out)); // orders → customer
        QVERIFY2(r.out.contains(QStringLiteral("}o--|| t")), qPrintable(r.out)); // line → orders, identifying
        r = erd({QStringLiteral("erd"), m_schema + QStringLiteral(".orders"), QStringLiteral("--depth"),
                 QStringLiteral("2")});
        QVERIFY(r.out.contains(QStringLiteral("%1.note").arg(m_schema)));
    }

    void schemaAsDotSvgAndPng() {
        auto r = erd({QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("erd"),
                      QStringLiteral("--schema"), m_schema});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral(" -> ")), 3);
        const QString dot = pgdesk::test::requireProgram(QStringLiteral("dot"), "graphviz");
        QProcess p;
        p.start(dot, {QStringLiteral("-Tsvg")});
        QVERIFY(p.waitForStarted());
        p.write(r.out.toUtf8());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);

        const QString svg = m_dir.filePath(QStringLiteral("schema.svg"));
        r = erd({QStringLiteral("erd"), QStringLiteral("--schema"), m_schema, QStringLiteral("-o"), svg});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        QStringList texts;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
                texts << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(texts.contains(m_schema + QStringLiteral(".note")),
                 qPrintable(texts.join(QLatin1Char('|'))));

        const QString png = m_dir.filePath(QStringLiteral("schema.png"));
        r = erd({QStringLiteral("erd"), QStringLiteral("--schema"), m_schema, QStringLiteral("--collapsed"),
                 QStringLiteral("-o"), png});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile image(png);
        QVERIFY(image.open(QIODevice::ReadOnly));
        QVERIFY(image.read(4) == "\x89PNG");
    }

    void chosenTablesAndRefusals() {
        auto r = erd({QStringLiteral("erd"), m_schema + QStringLiteral(".customer"),
                      m_schema + QStringLiteral(".note")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral(" : \""))); // no key between them
        r = erd({QStringLiteral("erd"), m_schema + QStringLiteral(".nope")});
        QCOMPARE(r.exitCode, 6);
        r = erd({QStringLiteral("erd"), QStringLiteral("--schema"), m_schema, QStringLiteral("--depth"),
                 QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
        r = erd({QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("erd"),
                 QStringLiteral("--schema"), m_schema});
        QCOMPARE(r.exitCode, 2);
        r = erd({QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("erd"),
                 QStringLiteral("--schema"), m_schema});
        QCOMPARE(r.exitCode, 2); // a PNG needs a file
    }
};

QTEST_GUILESS_MAIN(TestCliErd)
#include "tst_cli_erd.moc"
