// SPDX-License-Identifier: GPL-3.0-or-later
// The ER diagram tab (offscreen, real server): a table's neighbourhood opens with the expected tables, a
// table is found and focused, the depth and Grow read more, Names only lays out smaller boxes, the diagram
// is exported as SVG, PNG, Mermaid and DOT, a double click opens the table; zoomed out, the canvas draws
// less; the window opens diagrams from the menu and for a schema.
#include "imageink.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/diagram/diagramfeature.h>
#include <pgdesk/ui/diagram/erdcanvas.h>
#include <pgdesk/ui/diagram/erdview.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAction>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace pgdesk::ui;

class TestErdView final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    const QString m_schema = QStringLiteral("erd_ui_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;

    static bool ready(ErdView& v) {
        QSignalSpy spy(&v, &ErdView::diagramReady);
        return QTest::qWaitFor([&] { return !spy.isEmpty() && !v.isLoading(); }, 15000);
    }
    static QStringList names(const ErdView& v) {
        QStringList out;
        for (const auto& t : v.graph().tables)
            out << t.name;
        out.sort();
        return out;
    }
    static QPoint onScreen(const ErdView& v, int table) {
        const ErdCanvas* c = v.canvas();
        const QPointF p = (v.layout().boxes[table].center() - c->center()) * c->zoom() +
                          QPointF(c->width() / 2.0, c->height() / 2.0);
        return p.toPoint();
    }
    static int inked(const QImage& image) { return pgdesk::test::inkedPixels(image, QPoint(0, 0)); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table $S.customer (id int primary key, name text not null);"
                "create table $S.orders (id int primary key, customer_id int not null references "
                "$S.customer (id), total numeric(12,2));"
                "create table $S.line (order_id int references $S.orders (id), n int, primary key "
                "(order_id, n));"
                "create table $S.shipment (id int primary key, order_id int references $S.orders (id));"
                "create table $S.carrier_note (shipment_id int references $S.shipment (id));"));
    }

    void neighbourhoodFindGrowAndExport() {
        ErdView v(m_pool, ErdScope{{}, {{m_schema, QStringLiteral("line")}}, 1});
        v.resize(1000, 700);
        v.show();
        QVERIFY(ready(v));
        QCOMPARE(names(v), (QStringList{"line", "orders"}));
        QVERIFY(inked(v.canvas()->grab().toImage()) > 200);

        QVERIFY(v.focusTable(QStringLiteral("ORDERS")));
        const int orders = v.selectedTable();
        QCOMPARE(v.graph().tables[orders].name, QStringLiteral("orders"));
        QCOMPARE(v.canvas()->center(), v.layout().boxes[orders].center());
        QVERIFY(!v.focusTable(QStringLiteral("nothing like it")));

        // A table the diagram does not hold is brought in by name, with its keys to the others, and focused.
        v.addTable(QStringLiteral("carrier_note"));
        QVERIFY(ready(v));
        QCOMPARE(names(v), (QStringList{"carrier_note", "line", "orders"}));
        QCOMPARE(v.graph().tables[v.selectedTable()].name, QStringLiteral("carrier_note"));
        QVERIFY(v.graph().edges.size() == 1); // carrier_note's key goes to shipment, not drawn
        v.addTable(QStringLiteral("no_such_table"));
        QTRY_VERIFY_WITH_TIMEOUT(!v.isLoading(), 10000);
        QVERIFY2(v.statusText().contains(QStringLiteral("no_such_table")), qPrintable(v.statusText()));
        QCOMPARE(v.graph().tables.size(), 3);
        QVERIFY(v.focusTable(QStringLiteral("orders")));

        v.growSelected(1);
        QVERIFY(ready(v));
        QCOMPARE(names(v), (QStringList{"carrier_note", "customer", "line", "orders", "shipment"}));
        QCOMPARE(v.graph().tables[v.selectedTable()].name, QStringLiteral("orders")); // still selected

        const qreal expanded = v.layout().boxes[0].height();
        v.setCollapsed(true);
        QVERIFY(ready(v));
        QVERIFY(v.layout().boxes[0].height() < expanded);
        v.setCollapsed(false);
        QVERIFY(ready(v));

        for (const char* file : {"d.svg", "d.png", "d.mmd", "d.dot"}) {
            QString error;
            const QString path = m_dir.filePath(QLatin1String(file));
            QVERIFY2(v.exportTo(path, &error), qPrintable(error));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(bytes.size() > 100, file);
            if (path.endsWith(QLatin1String(".png")))
                QVERIFY(!QImage(path).isNull());
            if (path.endsWith(QLatin1String(".mmd")))
                QVERIFY(bytes.startsWith("erDiagram") && bytes.contains(m_schema.toUtf8() + ".shipment"));
            if (path.endsWith(QLatin1String(".dot")))
                QCOMPARE(bytes.count(" -> "), 4);
            if (path.endsWith(QLatin1String(".svg"))) {
                QXmlStreamReader xml(bytes);
                while (!xml.atEnd())
                    xml.readNext();
                QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            }
        }
        QString error;
        QVERIFY(!v.exportTo(m_dir.filePath(QStringLiteral("d.pdf")), &error));
        QVERIFY(!error.isEmpty());

        // A double click on a table asks to open it.
        QSignalSpy open(&v, &ErdView::openTableRequested);
        v.focusTable(QStringLiteral("shipment"));
        QTest::mouseDClick(v.canvas(), Qt::LeftButton, {}, onScreen(v, v.selectedTable()));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(1).toString(), QStringLiteral("shipment"));
    }

    void depthAndZoom() {
        ErdView v(m_pool, ErdScope{{}, {{m_schema, QStringLiteral("customer")}}, 1});
        v.resize(900, 600);
        v.show();
        QVERIFY(ready(v));
        QCOMPARE(names(v), (QStringList{"customer", "orders"}));
        auto* depth = v.findChild<QSpinBox*>();
        QVERIFY(depth && depth->isVisible());
        depth->setValue(3);
        QVERIFY(ready(v));
        QCOMPARE(names(v), (QStringList{"carrier_note", "customer", "line", "orders", "shipment"}));
        // Zoomed far out the canvas draws plain boxes: less ink than the full detail at the same place.
        v.canvas()->setView(v.layout().bounds.center(), 1);
        const int full = inked(v.canvas()->grab().toImage());
        v.canvas()->setView(v.layout().bounds.center(), 0.1);
        const int far = inked(v.canvas()->grab().toImage());
        QVERIFY2(far < full, qPrintable(QStringLiteral("%1 %2").arg(far).arg(full)));
        QTest::keyClick(v.canvas(), Qt::Key_Plus);
        QVERIFY(v.canvas()->zoom() > 0.1);
    }

    void theWindowOpensDiagrams() {
        MainWindow window;
        window.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        ErdView* schema = pgdesk::ui::DiagramFeature::of(window)->openErd(m_schema);
        QVERIFY(schema);
        QCOMPARE(window.tabs()->currentWidget(), schema);
        QVERIFY(ready(*schema));
        QCOMPARE(schema->graph().tables.size(), 5);
        QCOMPARE(schema->graph().edges.size(), 4);
        QSignalSpy open(schema, &ErdView::openTableRequested);
        emit schema->openTableRequested(m_schema, QStringLiteral("orders"));
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<TableBrowser*>(window.tabs()->currentWidget()) &&
                                     qobject_cast<TableBrowser*>(window.tabs()->currentWidget())->table(),
                                 15000);
        QAction* erd = window.findChild<QAction*>(QStringLiteral("erdAction"));
        QVERIFY(erd);
        erd->trigger(); // the table in front: its neighbourhood
        auto* around = qobject_cast<ErdView*>(window.tabs()->currentWidget());
        QVERIFY(around);
        QVERIFY(ready(*around));
        QCOMPARE(names(*around), (QStringList{"customer", "line", "orders", "shipment"}));
    }
};

PGDESK_UI_TEST_MAIN(TestErdView)
#include "tst_erdview.moc"
