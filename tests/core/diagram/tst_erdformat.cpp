// SPDX-License-Identifier: GPL-3.0-or-later
// ER diagrams as Mermaid and DOT, no server: the Mermaid text follows the erDiagram grammar subset it emits
// (checked line by line by a small parser: entities declared before use, attribute tokens, relationship
// cardinalities), hostile names (quotes, line breaks, `*/`, `$$`, #, Unicode) come back exactly from the
// aliases and comments; Graphviz's dot reads the DOT (as installed by scripts/install-deps) and draws every
// table and key.
#include "programs.h"
#include <pgdesk/core/diagram/erdformat.h>

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace pgdesk::core;

namespace {

ErdColumn column(const QString& name, const QString& type, bool notNull, bool pk, bool fk) {
    return ErdColumn{name, type, notNull, pk, fk};
}

// Customers (self-referencing), orders, order lines with a composite identifying key to products, a
// one-to-one profile, and a table whose every name is hostile.
ErdGraph sample() {
    ErdGraph g;
    g.tables << ErdTable{
        1,
        QStringLiteral("public"),
        QStringLiteral("customer"),
        RelationKind::Table,
        {column(QStringLiteral("id"), QStringLiteral("integer"), true, true, false),
         column(QStringLiteral("referrer"), QStringLiteral("integer"), false, false, true),
         column(QStringLiteral("naïve name"), QStringLiteral("character varying(20)"), false, false, false)}};
    g.tables << ErdTable{
        2,
        QStringLiteral("public"),
        QStringLiteral("orders"),
        RelationKind::Table,
        {column(QStringLiteral("id"), QStringLiteral("integer"), true, true, false),
         column(QStringLiteral("customer_id"), QStringLiteral("integer"), true, false, true),
         column(QStringLiteral("total"), QStringLiteral("numeric(12,2)"), false, false, false)}};
    g.tables << ErdTable{3,
                         QStringLiteral("sales"),
                         QStringLiteral("order_line"),
                         RelationKind::Table,
                         {column(QStringLiteral("order_id"), QStringLiteral("integer"), true, true, true),
                          column(QStringLiteral("line"), QStringLiteral("integer"), true, true, false),
                          column(QStringLiteral("sku"), QStringLiteral("text"), false, false, true),
                          column(QStringLiteral("variant"), QStringLiteral("integer"), false, false, true)}};
    g.tables << ErdTable{4,
                         QStringLiteral("sales"),
                         QStringLiteral("product"),
                         RelationKind::Table,
                         {column(QStringLiteral("sku"), QStringLiteral("text"), true, true, false),
                          column(QStringLiteral("variant"), QStringLiteral("integer"), true, true, false),
                          column(QStringLiteral("tags"), QStringLiteral("text[]"), false, false, false)}};
    g.tables << ErdTable{
        5,
        QStringLiteral("public"),
        QStringLiteral("profile"),
        RelationKind::Table,
        {column(QStringLiteral("customer_id"), QStringLiteral("integer"), true, true, true)}};
    g.tables << ErdTable{
        6,
        QStringLiteral("we\"ird */ $$"),
        QStringLiteral("t\"ab\nle #quot; <b>&amp;"),
        RelationKind::PartitionedTable,
        {column(QStringLiteral("co\"l\n*/"), QStringLiteral("\"my type\""), false, false, true),
         column(QStringLiteral("שלום"), QStringLiteral("text"), false, false, false)}};
    g.edges << ErdEdge{0, 0, QStringLiteral("customer_referrer_fkey"), {"referrer"}, {"id"}, false, false};
    g.edges << ErdEdge{1, 0, QStringLiteral("orders_customer_id_fkey"), {"customer_id"}, {"id"}, true, false};
    g.edges << ErdEdge{2, 1, QStringLiteral("order_line_order_id_fkey"), {"order_id"}, {"id"}, true, false};
    g.edges << ErdEdge{
        2,     3,    QStringLiteral("order_line_sku_variant_fkey"), {"sku", "variant"}, {"sku", "variant"},
        false, false};
    g.edges << ErdEdge{4, 0, QStringLiteral("profile_customer_id_fkey"), {"customer_id"}, {"id"}, true, true};
    g.edges << ErdEdge{5, 1, QStringLiteral("k\"ey\n$$"), {"co\"l\n*/"}, {"id"}, false, false};
    return g;
}

QString decodeMermaid(QString text) {
    text.replace(QStringLiteral("#quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("#35;"), QStringLiteral("#"));
    return text;
}

// What a line break in a name becomes in Mermaid: a space.
QString flattened(QString text) {
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

class TestErdFormat final : public QObject {
    Q_OBJECT
private slots:
    void mermaidFollowsItsGrammar() {
        const ErdGraph g = sample();
        const QString text = erdToMermaid(g);
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("erDiagram"));
        static const QRegularExpression entity(QStringLiteral("^    (t[0-9]+)\\[\"([^\"\\n]*)\"\\] \\{$"));
        static const QRegularExpression attribute(
            QStringLiteral("^        ([A-Za-z_][A-Za-z0-9_()\\[\\]-]*) (\\*?[A-Za-z_][A-Za-z0-9_()\\[\\]-]*)"
                           "( (?:PK|FK|UK)(?:, (?:PK|FK|UK))*)?(?: \"([^\"\\n]*)\")?$"));
        static const QRegularExpression close(QStringLiteral("^    \\}$"));
        static const QRegularExpression relation(
            QStringLiteral("^    (t[0-9]+) (\\|o|\\|\\||\\}o|\\}\\|)(--|\\.\\.)(o\\||\\|\\||o\\{|\\|\\{) "
                           "(t[0-9]+) : \"([^\"\\n]*)\"$"));
        QHash<QString, QString> aliases; // entity → its qualified name
        QHash<QString, QStringList> attributes;
        QStringList relations;
        QString open;
        for (int i = 1; i < lines.size(); ++i) {
            const QString& line = lines[i];
            if (!open.isEmpty()) {
                if (close.match(line).hasMatch()) {
                    open.clear();
                    continue;
                }
                const auto m = attribute.match(line);
                QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("attribute line %1: %2").arg(i).arg(line)));
                attributes[open] << (m.capturedLength(4) > 0 ? decodeMermaid(m.captured(4)) : m.captured(2));
                continue;
            }
            if (const auto m = entity.match(line); m.hasMatch()) {
                QVERIFY2(!aliases.contains(m.captured(1)), qPrintable(line));
                open = m.captured(1);
                aliases.insert(open, decodeMermaid(m.captured(2)));
                continue;
            }
            const auto m = relation.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("line %1: %2").arg(i).arg(line)));
            QVERIFY2(aliases.contains(m.captured(1)) && aliases.contains(m.captured(5)), qPrintable(line));
            relations << m.captured(1) + m.captured(2) + m.captured(3) + m.captured(4) + m.captured(5) +
                             QLatin1Char(' ') + decodeMermaid(m.captured(6));
        }
        QVERIFY(open.isEmpty());
        QCOMPARE(aliases.size(), g.tables.size());
        for (int t = 0; t < g.tables.size(); ++t) {
            const QString id = QStringLiteral("t%1").arg(t);
            QCOMPARE(aliases.value(id), flattened(g.tables[t].qualifiedName()));
            QStringList names;
            for (const ErdColumn& c : g.tables[t].columns)
                names << flattened(c.name);
            QCOMPARE(attributes.value(id), names); // the exact name: as the token, else in the comment
        }
        QCOMPARE(relations,
                 (QStringList{"t0}o..o|t0 customer_referrer_fkey", "t1}o..||t0 orders_customer_id_fkey",
                              "t2}o--||t1 order_line_order_id_fkey", "t2}o..o|t3 order_line_sku_variant_fkey",
                              "t4|o--||t0 profile_customer_id_fkey", "t5}o..o|t1 k\"ey $$"}));
        QVERIFY(text.contains(QStringLiteral("character_varying(20) naïve_name")) ||
                text.contains(QStringLiteral("character_varying(20) na_ve_name")));
        QVERIFY(text.contains(QStringLiteral("integer order_id PK, FK")));
    }

    void dotIsReadByGraphviz() {
        const QString dot = pgdesk::test::requireProgram(QStringLiteral("dot"), "graphviz");
        for (const bool collapsed : {false, true}) {
            const QString text = erdToDot(sample(), collapsed);
            QProcess p;
            p.start(dot, {QStringLiteral("-Tsvg")});
            QVERIFY(p.waitForStarted());
            p.write(text.toUtf8());
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(30000));
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(p.exitCode() == 0 && !err.contains("rror"), err.constData());
            QXmlStreamReader svg(p.readAllStandardOutput());
            QStringList texts;
            int edges = 0;
            int nodes = 0;
            while (!svg.atEnd()) {
                if (svg.readNext() != QXmlStreamReader::StartElement)
                    continue;
                if (svg.name() == QLatin1String("text"))
                    texts << svg.readElementText(QXmlStreamReader::IncludeChildElements);
                else if (svg.name() == QLatin1String("g") &&
                         svg.attributes().value(QStringLiteral("class")) == QLatin1String("edge"))
                    ++edges;
                else if (svg.name() == QLatin1String("g") &&
                         svg.attributes().value(QStringLiteral("class")) == QLatin1String("node"))
                    ++nodes;
            }
            QVERIFY2(!svg.hasError(), qPrintable(svg.errorString()));
            QCOMPARE(nodes, 6);
            QCOMPARE(edges, 6);
            const QString all = texts.join(QLatin1Char('|'));
            QVERIFY2(all.contains(QStringLiteral("we\"ird */ $$.t\"ab\u21b5le #quot; <b>&amp;")),
                     qPrintable(all));
            QCOMPARE(all.contains(QStringLiteral("customer_id integer PK, FK")), !collapsed);
        }
    }

    void emptyGraph() {
        QCOMPARE(erdToMermaid({}), QStringLiteral("erDiagram\n"));
        QVERIFY(erdToDot({}).startsWith(QLatin1String("digraph erd {")));
    }
};

QTEST_GUILESS_MAIN(TestErdFormat)
#include "tst_erdformat.moc"
