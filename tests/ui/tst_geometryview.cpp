// SPDX-License-Identifier: GPL-3.0-or-later
// The geometry view (offscreen, real server, PostGIS): a table's polygons and points are fitted and drawn,
// only what lies in a smaller extent is read again, a layer of more features than the view reads says so,
// a feature under the mouse is found with its row key, a grid row selects its feature, and the built-in
// geometric types draw without PostGIS.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/visual/geometryview.h>

#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace pgdesk::ui;

class TestGeometryView final : public QObject {
    Q_OBJECT
    std::shared_ptr<pgdesk::core::Pool> m_pool; // on pgdesk_gis, the cluster's PostGIS database
    const QString m_schema = QStringLiteral("geo_ui_%1").arg(QCoreApplication::applicationPid());

    pgdesk::core::TableInfo table(const QString& name) {
        auto c = pgdesk::core::Connection::open(pgdesk::test::profile(QStringLiteral("pgdesk_gis")));
        return pgdesk::core::CatalogReader(c).table(m_schema, name);
    }
    static bool loaded(GeometryView& v) {
        QSignalSpy spy(&v, &GeometryView::featuresLoaded);
        return QTest::qWaitFor([&] { return !spy.isEmpty() && !v.isLoading(); }, 20000);
    }

private slots:
    void initTestCase() {
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile(QStringLiteral("pgdesk_gis")));
        pgdesk::test::psql(
            QString("\n"
                    "            set search_path = public, postgis;\n"
                    "            drop schema if exists $S cascade;\n"
                    "            create schema $S;\n"
                    "            create table $S.parcels (id int primary key, name text, shape "
                    "geometry(Polygon, 3857));\n"
                    "            insert into $S.parcels select i, 'parcel ' || i, ST_MakeEnvelope(i * 100, "
                    "0, i * 100 + 80, 80, 3857)\n"
                    "              from generate_series(1, 50) i;\n"
                    "            create table $S.places (id int primary key, at geometry(Point, 4326));\n"
                    "            insert into $S.places select i, ST_SetSRID(ST_MakePoint(i % 100, i / 100), "
                    "4326)\n"
                    "              from generate_series(1, 6000) i;\n"
                    "            create table $S.shapes (id int primary key, b box, c circle, p point);\n"
                    "            insert into $S.shapes values (1, box '(0,0),(10,10)', circle '<(20,20),5>', "
                    "point '(30,30)'),\n"
                    "              (2, box '(40,40),(50,60)', null, point '(-5,-5)');")
                .replace(QStringLiteral("$S"), m_schema),
            QStringLiteral("pgdesk_gis"));
    }
    void cleanupTestCase() {
        m_pool.reset();
        pgdesk::test::psql(QStringLiteral("drop schema %1 cascade").arg(m_schema),
                           QStringLiteral("pgdesk_gis"));
    }

    void polygonsFitAndExtentReads() {
        GeometryView v(m_pool, table(QStringLiteral("parcels")), {});
        v.resize(1000, 600);
        v.show();
        QVERIFY(loaded(v));
        QCOMPARE(v.column(), QStringLiteral("shape"));
        QCOMPARE(v.srid(), 3857);
        QCOMPARE(v.featureCount(), 50);
        QVERIFY(!v.hasMore());
        QVERIFY2(v.statusText().contains(QStringLiteral("SRID 3857")), qPrintable(v.statusText()));
        const QImage drawn = v.canvas()->grab().toImage();
        QVERIFY(!drawn.isNull());

        // A smaller extent: only the parcels it meets are read.
        pgdesk::core::GeoBounds box;
        box.add(pgdesk::core::GeoPoint{90, -10});
        box.add(pgdesk::core::GeoPoint{390, 90});
        v.setExtent(box);
        QVERIFY(loaded(v));
        QVERIFY2(v.featureCount() >= 3 && v.featureCount() <= 6,
                 qPrintable(QString::number(v.featureCount())));

        // The feature under a point of the canvas, and its row key.
        const QRectF canvas = v.canvas()->rect();
        int found = -1;
        for (int x = 0; x < canvas.width() && found < 0; x += 4)
            found = v.featureAt(QPointF(x, canvas.height() / 2));
        QVERIFY(found >= 0);
        const QStringList key = v.rowKeyOf(found);
        QCOMPARE(key.size(), 1);
        v.selectRow(key);
        QCOMPARE(v.selectedFeature(), found);
        v.selectRow({QStringLiteral("999")});
        QCOMPARE(v.selectedFeature(), -1);
    }

    void moreFeaturesThanTheViewReads() {
        GeometryView v(m_pool, table(QStringLiteral("places")), {});
        v.resize(800, 500);
        v.show();
        QVERIFY(loaded(v));
        QCOMPARE(v.featureCount(), GeometryView::kMaxFeatures);
        QVERIFY(v.hasMore());
        QVERIFY2(v.statusText().contains(QStringLiteral("more than")), qPrintable(v.statusText()));
    }

    void builtInTypesDrawWithoutPostgis() {
        const auto t = table(QStringLiteral("shapes"));
        QCOMPARE(GeometryView::drawableColumns(t), (QStringList{"b", "c", "p"}));
        GeometryView v(m_pool, t, {}, QStringLiteral("c"));
        v.resize(600, 400);
        v.show();
        QVERIFY(loaded(v));
        QCOMPARE(v.featureCount(), 1);
        v.setColumn(QStringLiteral("p"));
        QVERIFY(loaded(v));
        QCOMPARE(v.featureCount(), 2);
        v.setColumn(QStringLiteral("b"));
        QVERIFY(loaded(v));
        QCOMPARE(v.featureCount(), 2);
    }
};

PGDESK_UI_TEST_MAIN(TestGeometryView)
#include "tst_geometryview.moc"
