// SPDX-License-Identifier: GPL-3.0-or-later
// Geometry view reading against the real server: PostGIS geometry (SRID 4326 and 3857, unconstrained)
// and geography, read with buildGeometryQuery's SQL and decoded, checked coordinate for coordinate
// against ST_DumpPoints / ST_X / ST_Y / ST_NPoints; the built-in geometric types' text against their
// accessors; extent filters, LIMIT N+1, the grid's filter and the extent query.
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/visual/geometry.h>

#include <QTest>

#include <cmath>

using namespace pgdesk::core;

namespace {

double serverDouble(const QString& t) {
    if (t == QLatin1String("Infinity"))
        return std::numeric_limits<double>::infinity();
    if (t == QLatin1String("-Infinity"))
        return -std::numeric_limits<double>::infinity();
    if (t == QLatin1String("NaN"))
        return std::nan("");
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok)
        qFatal("not a number: %s", qPrintable(t));
    return v;
}

bool same(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

// Every point of a geometry in order, rings and members flattened as ST_DumpPoints lists them.
QList<GeoPoint> flatten(const Geometry& g) {
    QList<GeoPoint> out;
    for (const GeoPart& p : g.parts) {
        out += p.points;
        for (const QList<GeoPoint>& ring : p.rings)
            out += ring;
    }
    return out;
}

QString describe(const QList<GeoPoint>& pts) {
    QStringList s;
    for (const GeoPoint& p : pts)
        s << QStringLiteral("%1 %2").arg(p.x, 0, 'g', 17).arg(p.y, 0, 'g', 17);
    return s.join(QLatin1Char(','));
}

} // namespace

class TestGeometryServer final : public QObject {
    Q_OBJECT
    Connection m_c;
    const QString m_schema = QStringLiteral("geo_%1").arg(QCoreApplication::applicationPid());
    QString m_postgis;                                                    // the schema PostGIS lives in
    static inline const QString kDatabase = QStringLiteral("pgdesk_gis"); // the cluster's PostGIS database

    QString pg(const QString& name) const { return m_postgis + QLatin1Char('.') + name; }

    GeometryColumnKind kindOf(const QString& table, const QString& column) {
        const TableInfo t = CatalogReader(m_c).table(m_schema, table);
        for (const ColumnInfo& c : t.columns) {
            if (c.name == column)
                return geometryColumnKind(c.typeName);
        }
        qFatal("no column %s", qPrintable(column));
    }

    GeometryQueryRequest request(const QString& table, const QString& column = QStringLiteral("g")) {
        GeometryQueryRequest r;
        r.schema = m_schema;
        r.table = table;
        r.column = column;
        r.kind = kindOf(table, column);
        r.hoverColumns = {QStringLiteral("id")};
        return r;
    }

    QList<GeometryFeature> read(const GeometryQueryRequest& r, GeometryQuery* built = nullptr) {
        const GeometryQuery q = buildGeometryQuery(r);
        if (built)
            *built = q;
        const Result result = m_c.exec(q.sql, q.params);
        QList<GeometryFeature> out;
        for (int row = 0; row < result.rowCount(); ++row)
            out << readGeometryFeature(result, row, q, r.kind);
        return out;
    }

    QStringList ids(const QList<GeometryFeature>& features) {
        QStringList out;
        for (const GeometryFeature& f : features)
            out << f.hover.value(0);
        std::sort(out.begin(), out.end(),
                  [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
        return out;
    }

    // The server's own view of one row's geometry: its points, ST_NPoints, GeometryType, ST_SRID.
    struct ServerGeometry {
        QList<GeoPoint> points;
        int npoints = 0;
        QString type;
        int srid = 0;
    };
    ServerGeometry server(const QString& table, const QString& id, const QString& expression) {
        ServerGeometry s;
        const QString g = expression;
        const Result pts = m_c.exec(
            QStringLiteral(
                "select %1(d.geom)::text, %2(d.geom)::text from %3.%4 t, %5(%6) d where t.id = $1::int "
                "order by d.path")
                .arg(pg(QStringLiteral("ST_X")), pg(QStringLiteral("ST_Y")), m_schema, table,
                     pg(QStringLiteral("ST_DumpPoints")), g),
            Params{param(id)});
        for (int i = 0; i < pts.rowCount(); ++i)
            s.points << GeoPoint{serverDouble(pts.text(i, 0)), serverDouble(pts.text(i, 1))};
        const Result info =
            m_c.exec(QStringLiteral("select %1(%4), %2(%4), %3(%4) from %5.%6 t where t.id = $1::int")
                         .arg(pg(QStringLiteral("ST_NPoints")), pg(QStringLiteral("GeometryType")),
                              pg(QStringLiteral("ST_SRID")), g, m_schema, table),
                     Params{param(id)});
        s.npoints = info.text(0, 0).toInt();
        s.type = info.text(0, 1);
        s.srid = info.text(0, 2).toInt();
        return s;
    }

    void compareAll(const QString& table, const QString& serverExpression, int expectedSrid,
                    int expectedRows) {
        GeometryQueryRequest r = request(table);
        const QList<GeometryFeature> features = read(r);
        QCOMPARE(features.size(), expectedRows);
        for (const GeometryFeature& f : features) {
            const QString id = f.hover.value(0);
            const ServerGeometry s = server(table, id, serverExpression);
            const QList<GeoPoint> mine = flatten(f.geometry);
            QVERIFY2(mine == s.points, qPrintable(QStringLiteral("row %1: %2 vs the server's %3")
                                                      .arg(id, describe(mine), describe(s.points))));
            QCOMPARE(f.geometry.pointCount(), qsizetype(s.npoints));
            // GeometryType says "POINTM" for measured values; WKB's type is the same without the M.
            QString type = s.type;
            if (f.geometry.hasM && !f.geometry.hasZ && type.endsWith(QLatin1Char('M')))
                type.chop(1);
            QCOMPARE(f.geometry.typeName, type);
            QCOMPARE(f.geometry.srid, s.srid);
            QCOMPARE(f.geometry.srid, expectedSrid);
        }
    }

private slots:
    void initTestCase() {
        using pgdesk::test::psql;
        using pgdesk::test::psqlValue;
        // The cluster's pgdesk_gis database has PostGIS in a schema of its own, off the search path: the
        // other suites' database stays as it was, and the type names come schema-qualified, as they do for
        // anyone who installs PostGIS that way.
        m_postgis =
            psqlValue(QStringLiteral("select extnamespace::regnamespace::text from pg_extension where "
                                     "extname = 'postgis'"),
                      kDatabase);
        QCOMPARE(m_postgis, QStringLiteral("postgis"));
        const QString s = m_postgis;
        psql(QStringLiteral("drop schema if exists %1 cascade; create schema %1").arg(m_schema), kDatabase);
        psql(
            QString(
                QStringLiteral(
                    "set search_path = $S, %1;"
                    "create table pts (id int primary key, name text, g geometry(Point, 4326));"
                    "insert into pts values (1, 'origin', 'SRID=4326;POINT(0 0)'), (2, 'one', "
                    "'SRID=4326;POINT(1 "
                    "1)'),"
                    " (3, 'two', 'SRID=4326;POINT(2 2)'), (4, 'far', 'SRID=4326;POINT(10 10)'),"
                    " (5, 'boston', 'SRID=4326;POINT(-71.0588801 42.3600825)'), (6, 'none', null);"
                    // Mixed dimensions need an unconstrained type; the SRID is in a CHECK, which
                    // geometry_columns reads.
                    "create table shapes (id int primary key, g geometry check (st_srid(g) = 3857));"
                    "insert into shapes values"
                    " (1, 'SRID=3857;LINESTRING(0 0, 100.5 200.25, -3e-5 1e7)'),"
                    " (2, 'SRID=3857;POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (100 100, 100 200, 200 "
                    "200, "
                    "100 "
                    "100), (300 300, 300 400, 400 400, 300 300))'),"
                    " (3, 'SRID=3857;MULTIPOLYGON(((0 0, 10 0, 10 10, 0 0)), ((20 20, 30 20, 30 30, 20 20), "
                    "(22 "
                    "21, 28 "
                    "21, 28 27, 22 21)))'),"
                    " (4, 'SRID=3857;MULTILINESTRING((0 0, 1 1), (2 2, 3 3, 4 4))'),"
                    " (5, 'SRID=3857;MULTIPOINT((1 2), (3 4), (0.1 0.2))'),"
                    " (6, 'SRID=3857;GEOMETRYCOLLECTION(POINT(5 5), GEOMETRYCOLLECTION(LINESTRING(6 6, 7 7), "
                    "POLYGON((8 8, 9 8, 9 9, 8 8))), MULTIPOINT((1e6 -1e6)))'),"
                    " (7, 'SRID=3857;POINT Z (1.25 2.5 3.75)'),"
                    " (8, 'SRID=3857;LINESTRING M (1 2 3, 4 5 6)'),"
                    " (9, 'SRID=3857;POLYGON ZM ((0 0 1 2, 5 0 1 2, 5 5 1 2, 0 0 1 2))'),"
                    " (10, 'SRID=3857;POINT EMPTY'),"
                    " (11, 'SRID=3857;CIRCULARSTRING(0 0, 1 1, 2 0)'),"
                    " (12, 'SRID=3857;POINT(0.1 0.7)'),"
                    " (13, 'SRID=3857;MULTIPOLYGON EMPTY');"
                    "create table roads (id int primary key, g geometry(MultiLineString, 3857));"
                    "insert into roads values (1, 'SRID=3857;MULTILINESTRING((0 0, 5 5), (1e5 2e5, 3.5e5 "
                    "-1.25e5))'),"
                    " (2, 'SRID=3857;MULTILINESTRING((-1 -1, -2 -2, -3 -1))');"
                    "create table geog (id int primary key, g geography);"
                    "insert into geog values (1, 'POINT(2.3522 48.8566)'), (2, 'POLYGON((-10 -10, 10 -10, 10 "
                    "10, "
                    "-10 "
                    "10, -10 -10), (-1 -1, -1 1, 1 1, -1 -1))'), (3, 'LINESTRING(100 -45, 120 -40)'),"
                    " (4, 'MULTIPOINT((-170 80), (170 -80))');"
                    "create table free (id int primary key, g geometry);"
                    "insert into free values (1, 'SRID=2154;POINT(700000 6600000)'), (2, "
                    "'SRID=2154;LINESTRING(0 "
                    "0, 1 "
                    "0, 1 0.001, 2 0, 2 0.0005, 3 0, 3 -0.0004, 4 0)');"
                    "create table empty_geo (id int primary key, g geometry(Polygon, 4326));"
                    "create table builtin (id int primary key, p point, l lseg, b box, pa path, pg polygon, "
                    "c "
                    "circle, "
                    "li line);"
                    "insert into builtin values"
                    " (1, '(1,2)', '[(1,2),(3,4)]', '(3,4),(1,2)', '[(1,2),(3,4),(5,0)]', "
                    "'((0,0),(1,0),(1,1))', "
                    "'<(1,2),3>', '{1,-1,0}'),"
                    " (2, '(1e300,-1.5e-300)', '[(-5,-5),(-4,-4)]', '(0.5,0.5),(0.25,0.25)', "
                    "'((10,10),(11,10),(11,11))',"
                    " '((-3,-3),(-2,-3),(-2,-2),(-3,-2))', '<(-10,-10),0.5>', line(point(0,0), point(1,2))),"
                    " (3, '(Infinity,NaN)', null, null, '[(0.1,0.2)]', '((0.1,0.2))', '<(0,0),0>', "
                    "'{0,-1,5}'),"
                    " (4, '(0.3,0.7)', '[(0.1,0.1),(0.2,0.2)]', '(0.9,0.9),(0.8,0.8)', "
                    "'[(0.5,0.5),(0.6,0.6)]',"
                    " '((0.5,0.5),(0.6,0.5),(0.6,0.6))', '<(0.5,0.5),0.1>', '{1,0,-0.5}'),"
                    " (5, null, null, null, null, null, null, null);")
                    .arg(s))
                .replace(QStringLiteral("$S"), m_schema),
            kDatabase);
        m_c = Connection::open(pgdesk::test::profile(kDatabase));
    }

    void cleanupTestCase() {
        m_c = Connection();
        pgdesk::test::psql(QStringLiteral("drop schema if exists %1 cascade").arg(m_schema), kDatabase);
    }

    void typeNamesAsTheCatalogGivesThem() {
        const GeometryColumnKind k = kindOf(QStringLiteral("pts"), QStringLiteral("g"));
        QCOMPARE(k.type, GeometryColumnKind::Type::Geometry);
        QCOMPARE(k.srid, 4326);
        QVERIFY(k.isPointsOnly());
        QCOMPARE(kindOf(QStringLiteral("shapes"), QStringLiteral("g")).srid, 0);
        QCOMPARE(kindOf(QStringLiteral("roads"), QStringLiteral("g")).srid, 3857);
        QCOMPARE(kindOf(QStringLiteral("roads"), QStringLiteral("g")).subtype,
                 QStringLiteral("MULTILINESTRING"));
        QCOMPARE(kindOf(QStringLiteral("geog"), QStringLiteral("g")).type,
                 GeometryColumnKind::Type::Geography);
        QCOMPARE(kindOf(QStringLiteral("free"), QStringLiteral("g")).srid, 0);
        QCOMPARE(kindOf(QStringLiteral("builtin"), QStringLiteral("pa")).type,
                 GeometryColumnKind::Type::Path);
        QVERIFY(!kindOf(QStringLiteral("pts"), QStringLiteral("name")).isDrawable());
        // Installed off the search path, the type names come qualified: the SQL must qualify PostGIS too.
        QCOMPARE(k.schema, m_postgis);
    }

    void pointsExact() {
        compareAll(QStringLiteral("pts"), QStringLiteral("t.g"), 4326, 5);
        // ST_X / ST_Y of the Boston point, to the last bit.
        const QList<GeometryFeature> f = read(request(QStringLiteral("pts")));
        for (const GeometryFeature& feature : f) {
            if (feature.hover.value(0) != QLatin1String("5"))
                continue;
            const Result r =
                m_c.exec(QStringLiteral("select %1(g)::text, %2(g)::text from %3.pts where id = 5")
                             .arg(pg(QStringLiteral("ST_X")), pg(QStringLiteral("ST_Y")), m_schema),
                         Params{});
            QVERIFY(feature.geometry.parts[0].points[0].x == serverDouble(r.text(0, 0)));
            QVERIFY(feature.geometry.parts[0].points[0].y == serverDouble(r.text(0, 1)));
            QVERIFY(feature.geometry.parts[0].points[0].x == -71.0588801);
        }
    }

    void shapesExact() {
        // Curves come linearized (tolerance 0 keeps every vertex of everything else).
        compareAll(QStringLiteral("shapes"),
                   QStringLiteral("case when %1(t.g) then %2(t.g) else t.g end")
                       .arg(pg(QStringLiteral("ST_HasArc")), pg(QStringLiteral("ST_CurveToLine"))),
                   3857, 13);
        QHash<QString, Geometry> byId;
        for (const GeometryFeature& f : read(request(QStringLiteral("shapes"))))
            byId.insert(f.hover.value(0), f.geometry);
        // The polygon's two holes, the multipolygon's two members (the second with a hole).
        QCOMPARE(byId[QStringLiteral("2")].parts.size(), 1);
        QCOMPARE(byId[QStringLiteral("2")].parts[0].rings.size(), 3);
        QCOMPARE(byId[QStringLiteral("3")].parts.size(), 2);
        QCOMPARE(byId[QStringLiteral("3")].parts[1].rings.size(), 2);
        QCOMPARE(byId[QStringLiteral("6")].parts.size(), 4);
        QVERIFY(byId[QStringLiteral("7")].hasZ);
        QVERIFY(byId[QStringLiteral("8")].hasM);
        QVERIFY(byId[QStringLiteral("9")].hasZ && byId[QStringLiteral("9")].hasM);
        QVERIFY(byId[QStringLiteral("10")].isEmpty());
        QVERIFY(byId[QStringLiteral("13")].isEmpty());
        QCOMPARE(byId[QStringLiteral("11")].typeName, QStringLiteral("LINESTRING"));
        QCOMPARE(byId[QStringLiteral("1")].bounds(), (GeoBounds{-3e-5, 0, 100.5, 1e7}));
    }

    void typmod3857Exact() { compareAll(QStringLiteral("roads"), QStringLiteral("t.g"), 3857, 2); }

    void hexEwkbAsPostgisPrintsIt() {
        // geometry's own text output is hex EWKB with the SRID inside.
        const Result r =
            m_c.exec(QStringLiteral("select g::text from %1.shapes where id = 9").arg(m_schema), Params{});
        const Geometry g = decodeHexWkb(r.text(0, 0));
        QCOMPARE(g.srid, 3857);
        QVERIFY(g.hasZ && g.hasM);
        QCOMPARE(g.typeName, QStringLiteral("POLYGON"));
        QCOMPARE(g.parts[0].rings[0], (QList<GeoPoint>{{0, 0}, {5, 0}, {5, 5}, {0, 0}}));
    }

    void geographyExact() {
        compareAll(QStringLiteral("geog"), QStringLiteral("t.g::%1").arg(pg(QStringLiteral("geometry"))),
                   4326, 4);
    }

    void unconstrainedGeometryKeepsRowSrid() {
        compareAll(QStringLiteral("free"), QStringLiteral("t.g"), 2154, 2);
    }

    void simplification() {
        GeometryQueryRequest r = request(QStringLiteral("free"));
        r.tolerance = 0.01;
        const QList<GeometryFeature> f = read(r);
        QCOMPARE(f.size(), 2);
        for (const GeometryFeature& feature : f) {
            if (feature.hover.value(0) != QLatin1String("2"))
                continue;
            const Result s = m_c.exec(QStringLiteral("select %1(%2(g, 0.01)) from %3.free where id = 2")
                                          .arg(pg(QStringLiteral("ST_NPoints")),
                                               pg(QStringLiteral("ST_SimplifyPreserveTopology")), m_schema),
                                      Params{});
            QCOMPARE(feature.geometry.pointCount(), qsizetype(s.text(0, 0).toInt()));
            QCOMPARE(feature.geometry.parts[0].points, (QList<GeoPoint>{{0, 0}, {4, 0}}));
        }
        // Points are not simplified even with a large tolerance.
        r = request(QStringLiteral("pts"));
        r.tolerance = 100;
        QCOMPARE(read(r).size(), 5);
    }

    void extentFilter() {
        GeometryQueryRequest r = request(QStringLiteral("pts"));
        r.extent = GeoBounds{0.5, 0.5, 3, 3};
        GeometryQuery q;
        QCOMPARE(ids(read(r, &q)), (QStringList{"2", "3"}));
        QVERIFY(q.extentFiltered);
        r.extent = GeoBounds{-80, 40, -70, 45};
        QCOMPARE(ids(read(r)), (QStringList{"5"}));
        r.extent = GeoBounds{50, 50, 60, 60};
        QVERIFY(read(r).isEmpty());

        // Bounding boxes that meet the extent: the linestring (its box reaches 1e7), the polygon, the big
        // collection, the Z point and the ZM polygon around (2, 2); not the far multipoint (1e6 -1e6).
        r = request(QStringLiteral("shapes"));
        r.extent = GeoBounds{1.5, 1.5, 2.5, 2.5};
        QCOMPARE(ids(read(r)), (QStringList{"1", "2", "3", "4", "5", "8", "9"}));
        r.extent = GeoBounds{999999, -1000001, 1000001, -999999};
        QCOMPARE(ids(read(r)), (QStringList{"6"}));

        r = request(QStringLiteral("geog"));
        // The multipoint's box spans the globe: it meets every extent.
        r.extent = GeoBounds{0, 40, 5, 50};
        QCOMPARE(ids(read(r)), (QStringList{"1", "4"}));
        r.extent = GeoBounds{-5, -5, 5, 5};
        QCOMPARE(ids(read(r)), (QStringList{"2", "4"}));
        r.extent = GeoBounds{-180, -90, 180, 90};
        QCOMPARE(ids(read(r)), (QStringList{"1", "2", "3", "4"}));

        r = request(QStringLiteral("free"));
        r.extent = GeoBounds{600000, 6500000, 800000, 6700000};
        r.srid = 2154;
        QCOMPARE(ids(read(r)), (QStringList{"1"}));
    }

    void limitOneMore() {
        GeometryQueryRequest r = request(QStringLiteral("pts"));
        r.maxFeatures = 2;
        GeometryQuery q;
        QCOMPARE(read(r, &q).size(), 3); // 3 > 2: "2 of more than 2 features"
        QCOMPARE(q.limit, 3);
        r.maxFeatures = 5;
        QCOMPARE(read(r).size(), 5); // exactly all of them, none left over
        r.maxFeatures = 1;
        r.extent = GeoBounds{0.5, 0.5, 3, 3};
        QCOMPARE(read(r).size(), 2);
    }

    void gridFilterApplies() {
        const TableInfo t = CatalogReader(m_c).table(m_schema, QStringLiteral("pts"));
        QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("pts");
        spec.filter.conditions << Condition{
            QStringLiteral("name"), FilterOp::InList, {"one", "far", "boston"}, {}};
        GeometryQueryRequest r = request(QStringLiteral("pts"));
        r.filter = geometryFilterFromSpec(spec, t);
        r.hoverColumns = {QStringLiteral("id"), QStringLiteral("name")};
        QCOMPARE(ids(read(r)), (QStringList{"2", "4", "5"}));
        r.extent = GeoBounds{0, 0, 20, 20};
        const QList<GeometryFeature> f = read(r);
        QCOMPARE(ids(f), (QStringList{"2", "4"}));
        QVERIFY(f[0].hover.value(1) == QLatin1String("one") || f[0].hover.value(1) == QLatin1String("far"));

        // The extent query under the same filter.
        const GeometryExtentQuery e = buildGeometryExtentQuery(m_schema, QStringLiteral("pts"),
                                                               QStringLiteral("g"), r.kind, true, r.filter);
        const GeometryExtent extent = readGeometryExtent(m_c.exec(e.sql, e.params));
        QCOMPARE(extent.bounds, (GeoBounds{-71.0588801, 1, 10, 42.3600825}));
        QVERIFY(!extent.estimated);
    }

    void extentQueries() {
        auto extentOf = [&](const QString& table, bool estimated,
                            const QString& column = QStringLiteral("g")) {
            const GeometryExtentQuery e =
                buildGeometryExtentQuery(m_schema, table, column, kindOf(table, column), estimated);
            return readGeometryExtent(m_c.exec(e.sql, e.params));
        };
        GeometryExtent e = extentOf(QStringLiteral("pts"), false);
        QCOMPARE(e.srid, 4326);
        QVERIFY(!e.estimated);
        // ST_Extent is a box2d of floats: compare with what the server says, not with the points.
        const Result x =
            m_c.exec(QStringLiteral("select %1(e)::text, %2(e)::text, %3(e)::text, %4(e)::text from "
                                    "(select %5(g) e from %6.pts) s")
                         .arg(pg(QStringLiteral("ST_XMin")), pg(QStringLiteral("ST_YMin")),
                              pg(QStringLiteral("ST_XMax")), pg(QStringLiteral("ST_YMax")),
                              pg(QStringLiteral("ST_Extent")), m_schema),
                     Params{});
        QCOMPARE(e.bounds, (GeoBounds{serverDouble(x.text(0, 0)), serverDouble(x.text(0, 1)),
                                      serverDouble(x.text(0, 2)), serverDouble(x.text(0, 3))}));
        // Not analyzed yet: the estimate falls back to the exact extent.
        m_c.exec(QStringLiteral("analyze %1.shapes").arg(m_schema), Params{});
        e = extentOf(QStringLiteral("shapes"), true);
        QCOMPARE(e.srid, 3857);
        QVERIFY(e.estimated);
        QVERIFY(e.bounds.xmax >= 1e6 && e.bounds.ymin <= -1e6);
        QVERIFY(!extentOf(QStringLiteral("geog"), true).estimated);
        QCOMPARE(extentOf(QStringLiteral("geog"), true).srid, 4326);
        QCOMPARE(extentOf(QStringLiteral("geog"), true).bounds, (GeoBounds{-170, -80, 170, 80}));
        e = extentOf(QStringLiteral("free"), true);
        QCOMPARE(e.srid, 2154);
        QVERIFY(!e.estimated);
        e = extentOf(QStringLiteral("empty_geo"), true);
        QVERIFY(e.bounds.isEmpty());
        QCOMPARE(e.srid, 4326);

        // Built-in types: exact, each row's box; a point of (Infinity,NaN) left out, not the whole extent
        // made infinite (the demo's type_showcase has (Infinity,0), which made it look empty).
        QCOMPARE(extentOf(QStringLiteral("builtin"), true, QStringLiteral("p")).bounds,
                 (GeoBounds{0.3, -1.5e-300, 1e300, 2}));
        QCOMPARE(extentOf(QStringLiteral("builtin"), true, QStringLiteral("b")).bounds,
                 (GeoBounds{0.25, 0.25, 3, 4}));
        QCOMPARE(extentOf(QStringLiteral("builtin"), true, QStringLiteral("c")).bounds,
                 (GeoBounds{-10.5, -10.5, 4, 5}));
        QCOMPARE(extentOf(QStringLiteral("builtin"), true, QStringLiteral("pg")).bounds,
                 (GeoBounds{-3, -3, 1, 1}));
        QCOMPARE(extentOf(QStringLiteral("builtin"), true, QStringLiteral("pa")).bounds,
                 (GeoBounds{0.1, 0, 11, 11}));
        QCOMPARE(extentOf(QStringLiteral("builtin"), true, QStringLiteral("l")).bounds,
                 (GeoBounds{-5, -5, 3, 4}));
        QVERIFY(extentOf(QStringLiteral("builtin"), true, QStringLiteral("li")).bounds.isEmpty());
        // Points: the one at Infinity makes the x range infinite; such a box is no box at all.
        const GeometryExtent p = extentOf(QStringLiteral("builtin"), true, QStringLiteral("p"));
        QCOMPARE(p.srid, 0);
    }

    void builtInTypesExact() {
        auto features = [&](const QString& column) {
            GeometryQueryRequest r = request(QStringLiteral("builtin"), column);
            QHash<QString, Geometry> out;
            for (const GeometryFeature& f : read(r))
                out.insert(f.hover.value(0), f.geometry);
            return out;
        };
        auto value = [&](const QString& expression, const QString& id) {
            const Result r = m_c.exec(QStringLiteral("select (%1)::text from %2.builtin where id = $1::int")
                                          .arg(expression, m_schema),
                                      Params{param(id)});
            return serverDouble(r.text(0, 0));
        };
        const QHash<QString, Geometry> points = features(QStringLiteral("p"));
        QCOMPARE(points.size(), 4);
        for (auto it = points.begin(); it != points.end(); ++it) {
            const GeoPoint p = it.value().parts[0].points[0];
            QVERIFY2(same(p.x, value(QStringLiteral("p[0]"), it.key())), qPrintable(it.key()));
            QVERIFY2(same(p.y, value(QStringLiteral("p[1]"), it.key())), qPrintable(it.key()));
        }
        QVERIFY(points[QStringLiteral("2")].parts[0].points[0] == (GeoPoint{1e300, -1.5e-300}));

        const QHash<QString, Geometry> segments = features(QStringLiteral("l"));
        QCOMPARE(segments.size(), 3);
        for (auto it = segments.begin(); it != segments.end(); ++it) {
            const QList<GeoPoint>& s = it.value().parts[0].points;
            QCOMPARE(s.size(), 2);
            for (int i = 0; i < 2; ++i) {
                QVERIFY(s[i].x == value(QStringLiteral("(l[%1])[0]").arg(i), it.key()));
                QVERIFY(s[i].y == value(QStringLiteral("(l[%1])[1]").arg(i), it.key()));
            }
        }

        const QHash<QString, Geometry> boxes = features(QStringLiteral("b"));
        QCOMPARE(boxes.size(), 3);
        for (auto it = boxes.begin(); it != boxes.end(); ++it) {
            const GeoBounds b = it.value().bounds();
            QVERIFY(b.xmax == value(QStringLiteral("(b[0])[0]"), it.key()));
            QVERIFY(b.ymax == value(QStringLiteral("(b[0])[1]"), it.key()));
            QVERIFY(b.xmin == value(QStringLiteral("(b[1])[0]"), it.key()));
            QVERIFY(b.ymin == value(QStringLiteral("(b[1])[1]"), it.key()));
            QCOMPARE(it.value().pointCount(), 4);
        }

        const QHash<QString, Geometry> paths = features(QStringLiteral("pa"));
        QCOMPARE(paths.size(), 4);
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const GeoPart& part = it.value().parts[0];
            QCOMPARE(part.kind, GeoPartKind::LineString);
            QCOMPARE(double(part.points.size()), value(QStringLiteral("npoints(pa)"), it.key()));
            const Result closed = m_c.exec(
                QStringLiteral("select isclosed(pa) from %1.builtin where id = $1::int").arg(m_schema),
                Params{param(it.key())});
            QCOMPARE(part.closed, closed.text(0, 0) == QLatin1String("t"));
            const GeoBounds b = part.bounds();
            QVERIFY(b.xmax == value(QStringLiteral("((box(polygon(pclose(pa))))[0])[0]"), it.key()));
            QVERIFY(b.ymin == value(QStringLiteral("((box(polygon(pclose(pa))))[1])[1]"), it.key()));
        }
        QCOMPARE(paths[QStringLiteral("1")].parts[0].points, (QList<GeoPoint>{{1, 2}, {3, 4}, {5, 0}}));

        const QHash<QString, Geometry> polygons = features(QStringLiteral("pg"));
        QCOMPARE(polygons.size(), 4);
        for (auto it = polygons.begin(); it != polygons.end(); ++it) {
            QCOMPARE(double(it.value().pointCount()), value(QStringLiteral("npoints(pg)"), it.key()));
            const GeoBounds b = it.value().bounds();
            QVERIFY(b.xmin == value(QStringLiteral("((box(pg))[1])[0]"), it.key()));
            QVERIFY(b.ymax == value(QStringLiteral("((box(pg))[0])[1]"), it.key()));
        }

        const QHash<QString, Geometry> circles = features(QStringLiteral("c"));
        QCOMPARE(circles.size(), 4);
        for (auto it = circles.begin(); it != circles.end(); ++it) {
            const GeoPart& c = it.value().parts[0];
            QCOMPARE(c.kind, GeoPartKind::Circle);
            QVERIFY(c.center.x == value(QStringLiteral("(center(c))[0]"), it.key()));
            QVERIFY(c.center.y == value(QStringLiteral("(center(c))[1]"), it.key()));
            QVERIFY(c.radius == value(QStringLiteral("radius(c)"), it.key()));
        }

        // Lines: the points that made them lie on them.
        const QHash<QString, Geometry> lines = features(QStringLiteral("li"));
        QCOMPARE(lines.size(), 4);
        const GeoPart l2 = lines[QStringLiteral("2")].parts[0];
        QCOMPARE(l2.kind, GeoPartKind::Line);
        QCOMPARE(l2.a * 0 + l2.b * 0 + l2.c, 0.0);
        QCOMPARE(l2.a * 1 + l2.b * 2 + l2.c, 0.0);
        const GeoPart l1 = lines[QStringLiteral("1")].parts[0];
        QVERIFY(l1.a == 1 && l1.b == -1 && l1.c == 0);
    }

    void builtInExtentFilters() {
        auto inBox = [&](const QString& column, const GeoBounds& box) {
            GeometryQueryRequest r = request(QStringLiteral("builtin"), column);
            r.extent = box;
            return ids(read(r));
        };
        const GeoBounds unit{0, 0, 1, 1};
        QCOMPARE(inBox(QStringLiteral("p"), unit), (QStringList{"4"}));
        QCOMPARE(inBox(QStringLiteral("b"), unit), (QStringList{"2", "4"}));
        QCOMPARE(inBox(QStringLiteral("pg"), unit), (QStringList{"1", "3", "4"}));
        QCOMPARE(inBox(QStringLiteral("l"), unit), (QStringList{"4"}));
        // The circle around the box meets <(1,2),3> and touches <(0,0),0>.
        QCOMPARE(inBox(QStringLiteral("c"), unit), (QStringList{"1", "3", "4"}));
        // {0,-1,5} is y = 5: outside; {1,-1,0} is y = x; line(0 0, 1 2) and x = 0.5 cross the box.
        QCOMPARE(inBox(QStringLiteral("li"), unit), (QStringList{"1", "2", "4"}));
        // Paths are not filtered by the server: all of them come.
        QCOMPARE(inBox(QStringLiteral("pa"), unit), (QStringList{"1", "2", "3", "4"}));
    }
};

QTEST_GUILESS_MAIN(TestGeometryServer)
#include "tst_geometryserver.moc"
