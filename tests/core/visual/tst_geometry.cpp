// SPDX-License-Identifier: GPL-3.0-or-later
// Pure tests of geometry decoding (hand-built WKB / EWKB / ISO WKB in both byte orders, the built-in
// geometric types' text), no server; the geometry view's SQL is tst_geometrysql's.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/visual/geometry.h>

#include <QTest>
#include <QtEndian>

#include <bit>
#include <cmath>

using namespace pgdesk::core;

namespace {

// Writes WKB in one byte order; each (sub)geometry may switch it, as WKB allows.
class Wkb final {
public:
    explicit Wkb(bool little = true)
        : m_little(little) {}

    Wkb& order(bool little) {
        m_little = little;
        m_bytes.append(char(little ? 1 : 0));
        return *this;
    }
    Wkb& u32(quint32 v) {
        char b[4];
        if (m_little)
            qToLittleEndian(v, b);
        else
            qToBigEndian(v, b);
        m_bytes.append(b, 4);
        return *this;
    }
    Wkb& f64(double v) {
        char b[8];
        const quint64 bits = std::bit_cast<quint64>(v);
        if (m_little)
            qToLittleEndian(bits, b);
        else
            qToBigEndian(bits, b);
        m_bytes.append(b, 8);
        return *this;
    }
    // A geometry header in the current byte order.
    Wkb& head(quint32 type) { return order(m_little).u32(type); }
    Wkb& xy(double x, double y) { return f64(x).f64(y); }
    Wkb& point(double x, double y) { return head(1).xy(x, y); }
    Wkb& line(const QList<GeoPoint>& pts) {
        head(2).u32(quint32(pts.size()));
        for (const GeoPoint& p : pts)
            xy(p.x, p.y);
        return *this;
    }
    Wkb& ring(const QList<GeoPoint>& pts) {
        u32(quint32(pts.size()));
        for (const GeoPoint& p : pts)
            xy(p.x, p.y);
        return *this;
    }
    Wkb& raw(const QByteArray& b) {
        m_bytes.append(b);
        return *this;
    }
    Wkb& little(bool l) {
        m_little = l;
        return *this;
    }
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
    bool m_little;
};

const QList<GeoPoint> kShell{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
const QList<GeoPoint> kHole{{2, 2}, {2, 4}, {4, 4}, {2, 2}};

// MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,2 2)),((20 20,21 20,21 21,20 20)))
QByteArray multiPolygon(bool little) {
    Wkb w(little);
    w.head(6).u32(2);
    w.head(3).u32(2).ring(kShell).ring(kHole);
    w.head(3).u32(1).ring({{20, 20}, {21, 20}, {21, 21}, {20, 20}});
    return w.bytes();
}

template <typename F> bool throwsData(F f) {
    try {
        f();
    } catch (const DataError&) {
        return true;
    }
    return false;
}

GeometryColumnKind kindOf(const char* type) {
    return geometryColumnKind(QString::fromLatin1(type));
}

} // namespace

class TestGeometry final : public QObject {
    Q_OBJECT

private slots:
    void byteOrders_data() {
        QTest::addColumn<bool>("little");
        QTest::newRow("NDR little-endian") << true;
        QTest::newRow("XDR big-endian") << false;
    }

    void byteOrders() {
        QFETCH(bool, little);
        // POINT
        Geometry g = decodeWkb(Wkb(little).point(1.5, -2).bytes());
        QCOMPARE(g.typeName, QStringLiteral("POINT"));
        QCOMPARE(g.srid, 0);
        QCOMPARE(g.parts.size(), 1);
        QCOMPARE(g.parts[0].kind, GeoPartKind::Point);
        QCOMPARE(g.parts[0].points, (QList<GeoPoint>{{1.5, -2}}));
        QCOMPARE(g.pointCount(), 1);

        // LINESTRING
        g = decodeWkb(Wkb(little).line({{0, 0}, {1, 1e-300}, {-2.5, 1e300}}).bytes());
        QCOMPARE(g.typeName, QStringLiteral("LINESTRING"));
        QCOMPARE(g.parts[0].kind, GeoPartKind::LineString);
        QCOMPARE(g.parts[0].points, (QList<GeoPoint>{{0, 0}, {1, 1e-300}, {-2.5, 1e300}}));
        QVERIFY(!g.parts[0].closed);

        // POLYGON with a hole
        g = decodeWkb(Wkb(little).head(3).u32(2).ring(kShell).ring(kHole).bytes());
        QCOMPARE(g.typeName, QStringLiteral("POLYGON"));
        QCOMPARE(g.parts.size(), 1);
        QCOMPARE(g.parts[0].kind, GeoPartKind::Polygon);
        QCOMPARE(g.parts[0].rings, (QList<QList<GeoPoint>>{kShell, kHole}));
        QCOMPARE(g.pointCount(), 9);
        QCOMPARE(g.bounds(), (GeoBounds{0, 0, 10, 10}));

        // MULTIPOINT
        g = decodeWkb(Wkb(little).head(4).u32(2).point(1, 2).point(3, 4).bytes());
        QCOMPARE(g.typeName, QStringLiteral("MULTIPOINT"));
        QCOMPARE(g.parts.size(), 2);
        QCOMPARE(g.parts[1].points, (QList<GeoPoint>{{3, 4}}));

        // MULTILINESTRING
        g = decodeWkb(
            Wkb(little).head(5).u32(2).line({{0, 0}, {1, 1}}).line({{2, 2}, {3, 3}, {4, 5}}).bytes());
        QCOMPARE(g.typeName, QStringLiteral("MULTILINESTRING"));
        QCOMPARE(g.parts.size(), 2);
        QCOMPARE(g.pointCount(), 5);
        QCOMPARE(g.parts[1].points.last(), (GeoPoint{4, 5}));

        // MULTIPOLYGON
        g = decodeWkb(multiPolygon(little));
        QCOMPARE(g.typeName, QStringLiteral("MULTIPOLYGON"));
        QCOMPARE(g.parts.size(), 2);
        QCOMPARE(g.parts[0].rings.size(), 2);
        QCOMPARE(g.parts[1].rings[0].size(), 4);
        QCOMPARE(g.pointCount(), 13);
        QCOMPARE(g.bounds(), (GeoBounds{0, 0, 21, 21}));

        // GEOMETRYCOLLECTION(POINT, GEOMETRYCOLLECTION(LINESTRING, MULTIPOINT), POLYGON)
        Wkb w(little);
        w.head(7).u32(3).point(9, 8);
        w.head(7).u32(2).line({{0, 0}, {1, 0}}).head(4).u32(1).point(5, 5);
        w.head(3).u32(1).ring(kHole);
        g = decodeWkb(w.bytes());
        QCOMPARE(g.typeName, QStringLiteral("GEOMETRYCOLLECTION"));
        QCOMPARE(g.parts.size(), 4);
        QCOMPARE(g.parts[0].kind, GeoPartKind::Point);
        QCOMPARE(g.parts[1].kind, GeoPartKind::LineString);
        QCOMPARE(g.parts[2].kind, GeoPartKind::Point);
        QCOMPARE(g.parts[2].points[0], (GeoPoint{5, 5}));
        QCOMPARE(g.parts[3].kind, GeoPartKind::Polygon);
    }

    void mixedByteOrdersInOneValue() {
        // A big-endian multipoint whose members are little- and big-endian.
        Wkb w(false);
        w.head(4).u32(2);
        w.little(true).point(1, 2);
        w.little(false).point(3, 4);
        const Geometry g = decodeWkb(w.bytes());
        QCOMPARE(g.parts.size(), 2);
        QCOMPARE(g.parts[0].points[0], (GeoPoint{1, 2}));
        QCOMPARE(g.parts[1].points[0], (GeoPoint{3, 4}));
    }

    void postgisHexOutput() {
        // What PostGIS prints: 'POINT(1 2)'::geometry, 'SRID=3857;POINT Z (1 2 3)'::geometry,
        // ST_AsBinary('POINT Z (1 2 3)') as bytea text.
        Geometry g = decodeHexWkb(u"0101000000000000000000F03F000000000000F03F");
        QCOMPARE(g.parts[0].points[0], (GeoPoint{1, 1}));
        g = decodeHexWkb(u"01010000A0110F0000000000000000F03F00000000000000400000000000000840");
        QCOMPARE(g.srid, 3857);
        QVERIFY(g.hasZ);
        QVERIFY(!g.hasM);
        QCOMPARE(g.parts[0].points[0], (GeoPoint{1, 2}));
        g = decodeHexWkb(u"\\x01e9030000000000000000f03f00000000000000400000000000000840");
        QVERIFY(g.hasZ);
        QCOMPARE(g.srid, 0);
        QCOMPARE(g.parts[0].points[0], (GeoPoint{1, 2}));
        // POINT EMPTY from ST_AsBinary
        g = decodeHexWkb(u"\\x0101000000000000000000f87f000000000000f87f");
        QVERIFY(g.isEmpty());
        QCOMPARE(g.typeName, QStringLiteral("POINT"));

        QVERIFY(throwsData([] { decodeHexWkb(u"0101000"); }));
        QVERIFY(throwsData([] { decodeHexWkb(u"01010000zz"); }));
        QVERIFY(throwsData([] { decodeHexWkb(u""); }));
        QVERIFY(throwsData([] { decodeHexWkb(u"\\x"); }));
    }

    void ewkbFlags_data() {
        QTest::addColumn<bool>("little");
        QTest::addColumn<quint32>("flags");
        QTest::addColumn<int>("dims");
        QTest::addColumn<bool>("z");
        QTest::addColumn<bool>("m");
        for (const bool little : {true, false}) {
            const char* o = little ? "NDR" : "XDR";
            QTest::addRow("%s XY", o) << little << 0u << 2 << false << false;
            QTest::addRow("%s Z", o) << little << 0x80000000u << 3 << true << false;
            QTest::addRow("%s M", o) << little << 0x40000000u << 3 << false << true;
            QTest::addRow("%s ZM", o) << little << 0xC0000000u << 4 << true << true;
        }
    }

    void ewkbFlags() {
        QFETCH(bool, little);
        QFETCH(quint32, flags);
        QFETCH(int, dims);
        QFETCH(bool, z);
        QFETCH(bool, m);
        // SRID=4326;LINESTRING(1 2 [z m], 3 4 [z m]) and the same as a polygon in a multipolygon.
        Wkb w(little);
        w.head(2 | flags | 0x20000000u).u32(4326).u32(2);
        for (int p = 0; p < 2; ++p) {
            w.xy(1 + 2 * p, 2 + 2 * p);
            for (int d = 2; d < dims; ++d)
                w.f64(100 + d);
        }
        Geometry g = decodeWkb(w.bytes());
        QCOMPARE(g.srid, 4326);
        QCOMPARE(g.hasZ, z);
        QCOMPARE(g.hasM, m);
        QCOMPARE(g.parts[0].points, (QList<GeoPoint>{{1, 2}, {3, 4}}));

        Wkb mp(little);
        mp.head(6 | flags | 0x20000000u).u32(3857).u32(1);
        mp.head(3 | flags).u32(1).u32(4);
        for (const GeoPoint& pt : QList<GeoPoint>{{0, 0}, {1, 0}, {1, 1}, {0, 0}}) {
            mp.xy(pt.x, pt.y);
            for (int d = 2; d < dims; ++d)
                mp.f64(-7);
        }
        g = decodeWkb(mp.bytes());
        QCOMPARE(g.srid, 3857);
        QCOMPARE(g.typeName, QStringLiteral("MULTIPOLYGON"));
        QCOMPARE(g.parts[0].rings[0], (QList<GeoPoint>{{0, 0}, {1, 0}, {1, 1}, {0, 0}}));
        // Without the SRID flag the same bytes minus the SRID read as SRID 0.
        QVERIFY(throwsData([&] { decodeWkb(w.bytes().chopped(1)); }));
    }

    void isoTypes_data() {
        QTest::addColumn<bool>("little");
        QTest::addColumn<quint32>("offset");
        QTest::addColumn<int>("dims");
        for (const bool little : {true, false}) {
            const char* o = little ? "NDR" : "XDR";
            QTest::addRow("%s 1000 Z", o) << little << 1000u << 3;
            QTest::addRow("%s 2000 M", o) << little << 2000u << 3;
            QTest::addRow("%s 3000 ZM", o) << little << 3000u << 4;
        }
    }

    void isoTypes() {
        QFETCH(bool, little);
        QFETCH(quint32, offset);
        QFETCH(int, dims);
        auto coords = [&](Wkb& w, double x, double y) {
            w.xy(x, y);
            for (int d = 2; d < dims; ++d)
                w.f64(42);
        };
        // Every type 1..7 with the offset: POINT, LINESTRING, POLYGON, MULTI*, GEOMETRYCOLLECTION.
        Wkb pt(little);
        pt.head(1 + offset);
        coords(pt, 1, 2);
        QCOMPARE(decodeWkb(pt.bytes()).parts[0].points[0], (GeoPoint{1, 2}));

        Wkb ls(little);
        ls.head(2 + offset).u32(2);
        coords(ls, 1, 2);
        coords(ls, 3, 4);
        QCOMPARE(decodeWkb(ls.bytes()).parts[0].points, (QList<GeoPoint>{{1, 2}, {3, 4}}));

        Wkb pg(little);
        pg.head(3 + offset).u32(1).u32(4);
        for (const GeoPoint& p : QList<GeoPoint>{{0, 0}, {1, 0}, {1, 1}, {0, 0}})
            coords(pg, p.x, p.y);
        QCOMPARE(decodeWkb(pg.bytes()).parts[0].rings[0].size(), 4);

        Wkb mpt(little);
        mpt.head(4 + offset).u32(2).raw(pt.bytes()).raw(pt.bytes());
        QCOMPARE(decodeWkb(mpt.bytes()).pointCount(), 2);

        Wkb mls(little);
        mls.head(5 + offset).u32(1).raw(ls.bytes());
        QCOMPARE(decodeWkb(mls.bytes()).typeName, QStringLiteral("MULTILINESTRING"));

        Wkb mpg(little);
        mpg.head(6 + offset).u32(2).raw(pg.bytes()).raw(pg.bytes());
        QCOMPARE(decodeWkb(mpg.bytes()).parts.size(), 2);

        Wkb gc(little);
        gc.head(7 + offset).u32(3).raw(pt.bytes()).raw(mls.bytes()).raw(mpg.bytes());
        const Geometry g = decodeWkb(gc.bytes());
        QCOMPARE(g.typeName, QStringLiteral("GEOMETRYCOLLECTION"));
        QCOMPARE(g.parts.size(), 4);
        QCOMPARE(g.hasZ, offset != 2000);
        QCOMPARE(g.hasM, offset != 1000);
        QCOMPARE(g.pointCount(), 1 + 2 + 4 + 4);
    }

    void emptyGeometries() {
        const double nan = std::nan("");
        for (const bool little : {true, false}) {
            Geometry g = decodeWkb(Wkb(little).point(nan, nan).bytes());
            QVERIFY(g.isEmpty());
            QCOMPARE(g.pointCount(), 0);
            QVERIFY(g.bounds().isEmpty());
            g = decodeWkb(Wkb(little).head(2).u32(0).bytes());
            QCOMPARE(g.typeName, QStringLiteral("LINESTRING"));
            QVERIFY(g.isEmpty());
            QVERIFY(decodeWkb(Wkb(little).head(3).u32(0).bytes()).isEmpty());
            QVERIFY(decodeWkb(Wkb(little).head(6).u32(0).bytes()).isEmpty());
            g = decodeWkb(Wkb(little).head(7).u32(0).bytes());
            QCOMPARE(g.typeName, QStringLiteral("GEOMETRYCOLLECTION"));
            QVERIFY(g.isEmpty());
            // MULTIPOINT(EMPTY, 1 2): the empty member is left out.
            g = decodeWkb(Wkb(little).head(4).u32(2).point(nan, nan).point(1, 2).bytes());
            QCOMPARE(g.parts.size(), 1);
            QCOMPARE(g.parts[0].points[0], (GeoPoint{1, 2}));
            // GEOMETRYCOLLECTION(POINT EMPTY, LINESTRING EMPTY, GEOMETRYCOLLECTION EMPTY)
            g = decodeWkb(Wkb(little).head(7).u32(3).point(nan, nan).head(2).u32(0).head(7).u32(0).bytes());
            QVERIFY(g.isEmpty());
        }
    }

    void everyPrefixIsRejected() {
        for (const bool little : {true, false}) {
            const QByteArray full = multiPolygon(little);
            QCOMPARE(decodeWkb(full).pointCount(), 13);
            for (qsizetype n = 0; n < full.size(); ++n) {
                const QByteArray prefix = full.left(n);
                if (!throwsData([&] { decodeWkb(prefix); }))
                    QFAIL(qPrintable(QStringLiteral("prefix of %1 bytes decoded").arg(n)));
                const QString hex = QString::fromLatin1(prefix.toHex());
                QVERIFY(throwsData([&] { decodeHexWkb(hex); }));
            }
            // One byte too many.
            QVERIFY(throwsData([&] { decodeWkb(full + QByteArray(1, '\0')); }));
        }
    }

    void hugeCountsAreRejected() {
        for (const bool little : {true, false}) {
            // Counts that promise far more than the bytes hold: refused before any allocation.
            QVERIFY(throwsData([&] { decodeWkb(Wkb(little).head(2).u32(0xFFFFFFFFu).xy(1, 2).bytes()); }));
            QVERIFY(throwsData([&] { decodeWkb(Wkb(little).head(3).u32(0x7FFFFFFFu).u32(1).bytes()); }));
            QVERIFY(
                throwsData([&] { decodeWkb(Wkb(little).head(3).u32(1).u32(0x10000000u).xy(0, 0).bytes()); }));
            QVERIFY(throwsData([&] { decodeWkb(Wkb(little).head(7).u32(0xFFFFFFFFu).point(1, 2).bytes()); }));
            QVERIFY(throwsData(
                [&] { decodeWkb(Wkb(little).head(6).u32(100000).raw(QByteArray(900, '\1')).bytes()); }));
            // Two points announced, one given.
            QVERIFY(throwsData([&] { decodeWkb(Wkb(little).head(2).u32(2).xy(1, 2).bytes()); }));
        }
    }

    void malformedInput() {
        QVERIFY(throwsData([] { decodeWkb(QByteArray()); }));
        QVERIFY(throwsData([] { decodeWkb(QByteArray(1, '\1')); }));
        // Byte order neither 0 nor 1.
        QByteArray bad = Wkb(true).point(1, 2).bytes();
        bad[0] = 2;
        QVERIFY(throwsData([&] { decodeWkb(bad); }));
        // Unknown and unsupported types: 0, CIRCULARSTRING (8), CURVEPOLYGON (10), 99, ISO 4001.
        for (const quint32 t : {0u, 8u, 10u, 99u, 4001u, 1008u})
            QVERIFY2(throwsData([&] { decodeWkb(Wkb(true).head(t).u32(0).bytes()); }),
                     qPrintable(QString::number(t)));
        // A multipolygon holding a point, a multipoint holding a line.
        QVERIFY(throwsData([] { decodeWkb(Wkb(true).head(6).u32(1).point(1, 2).bytes()); }));
        QVERIFY(throwsData([] { decodeWkb(Wkb(true).head(4).u32(1).line({{0, 0}, {1, 1}}).bytes()); }));
        // Collections nested 1000 deep: refused without exhausting the stack.
        Wkb deep(true);
        for (int i = 0; i < 1000; ++i)
            deep.head(7).u32(1);
        deep.point(1, 2);
        QVERIFY(throwsData([&] { decodeWkb(deep.bytes()); }));
        // 20 deep is fine.
        Wkb ok(false);
        for (int i = 0; i < 20; ++i)
            ok.head(7).u32(1);
        ok.point(1, 2);
        QCOMPARE(decodeWkb(ok.bytes()).parts[0].points[0], (GeoPoint{1, 2}));
    }

    void polyhedralSurfaceAndTin() {
        // TIN(((0 0,1 0,0 1,0 0))) as ISO TIN Z: 1016 holding a 1017 triangle.
        Wkb w(true);
        w.head(1016).u32(1).head(1017).u32(1).u32(4);
        for (const GeoPoint& p : QList<GeoPoint>{{0, 0}, {1, 0}, {0, 1}, {0, 0}})
            w.xy(p.x, p.y).f64(5);
        const Geometry g = decodeWkb(w.bytes());
        QCOMPARE(g.typeName, QStringLiteral("TIN"));
        QCOMPARE(g.parts[0].kind, GeoPartKind::Polygon);
        QCOMPARE(g.pointCount(), 4);
    }

    void builtInText_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<GeoPoint>>("points"); // points, or the first ring
        QTest::addColumn<bool>("closed");

        using P = QList<GeoPoint>;
        const int pt = int(GeoPartKind::Point), ls = int(GeoPartKind::LineString),
                  pg = int(GeoPartKind::Polygon);
        QTest::newRow("point") << "point"
                               << "(1,2)" << pt << P{{1, 2}} << false;
        QTest::newRow("point exponents") << "point"
                                         << "(-1.5e-07,1e+100)" << pt << P{{-1.5e-07, 1e+100}} << false;
        QTest::newRow("point qualified") << "pg_catalog.point"
                                         << "( 3 , -4 )" << pt << P{{3, -4}} << false;
        QTest::newRow("lseg") << "lseg"
                              << "[(1,2),(3,4)]" << ls << P{{1, 2}, {3, 4}} << false;
        QTest::newRow("box") << "box"
                             << "(3,4),(1,2)" << pg << P{{1, 2}, {3, 2}, {3, 4}, {1, 4}} << false;
        QTest::newRow("open path") << "path"
                                   << "[(1,2),(3,4),(5,0)]" << ls << P{{1, 2}, {3, 4}, {5, 0}} << false;
        QTest::newRow("closed path") << "path"
                                     << "((1,2),(3,4))" << ls << P{{1, 2}, {3, 4}} << true;
        QTest::newRow("polygon") << "polygon"
                                 << "((0,0),(1,0),(1,1))" << pg << P{{0, 0}, {1, 0}, {1, 1}} << false;
        QTest::newRow("polygon one point") << "polygon"
                                           << "((0.5,0.25))" << pg << P{{0.5, 0.25}} << false;
    }

    void builtInText() {
        QFETCH(QString, type);
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QList<GeoPoint>, points);
        QFETCH(bool, closed);
        const Geometry g = parseGeometricText(type, text);
        QCOMPARE(g.parts.size(), 1);
        const GeoPart& p = g.parts[0];
        QCOMPARE(int(p.kind), kind);
        if (p.kind == GeoPartKind::Polygon) {
            QCOMPARE(p.rings.size(), 1);
            QCOMPARE(p.rings[0], points);
        } else {
            QCOMPARE(p.points, points);
        }
        QCOMPARE(p.closed, closed);
        QCOMPARE(g.srid, 0);
        QVERIFY(g.typeName.endsWith(QStringView(type).mid(type.lastIndexOf(QLatin1Char('.')) + 1)));
    }

    void circleLineAndSpecialNumbers() {
        Geometry g = parseGeometricText(QStringLiteral("circle"), QStringLiteral("<(1,2),3>"));
        QCOMPARE(g.parts[0].kind, GeoPartKind::Circle);
        QCOMPARE(g.parts[0].center, (GeoPoint{1, 2}));
        QCOMPARE(g.parts[0].radius, 3.0);
        QCOMPARE(g.bounds(), (GeoBounds{-2, -1, 4, 5}));
        QCOMPARE(g.pointCount(), 1);

        g = parseGeometricText(QStringLiteral("line"), QStringLiteral("{1,-1,0}"));
        QCOMPARE(g.parts[0].kind, GeoPartKind::Line);
        QCOMPARE(g.parts[0].a, 1.0);
        QCOMPARE(g.parts[0].b, -1.0);
        QCOMPARE(g.parts[0].c, 0.0);
        QVERIFY(g.bounds().isEmpty());
        QCOMPARE(g.pointCount(), 0);

        g = parseGeometricText(QStringLiteral("point"), QStringLiteral("(Infinity,-Infinity)"));
        QVERIFY(std::isinf(g.parts[0].points[0].x) && g.parts[0].points[0].x > 0);
        QVERIFY(std::isinf(g.parts[0].points[0].y) && g.parts[0].points[0].y < 0);
        QVERIFY(g.bounds().isEmpty()); // non-finite points have no place on a canvas
        g = parseGeometricText(QStringLiteral("point"), QStringLiteral("(NaN,1)"));
        QVERIFY(std::isnan(g.parts[0].points[0].x));
        g = parseGeometricText(QStringLiteral("circle"),
                               QStringLiteral("<(1.7976931348623157e+308,-5e-324),.5>"));
        QCOMPARE(g.parts[0].center, (GeoPoint{1.7976931348623157e+308, -5e-324}));
        QCOMPARE(g.parts[0].radius, 0.5);
        g = parseGeometricText(QStringLiteral("line"), QStringLiteral("{0,-1,Infinity}"));
        QVERIFY(std::isinf(g.parts[0].c));
    }

    void builtInTextRejected_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "point"
                               << "";
        QTest::newRow("one number") << "point"
                                    << "(1)";
        QTest::newRow("trailing") << "point"
                                  << "(1,2)x";
        QTest::newRow("unclosed") << "point"
                                  << "(1,2";
        QTest::newRow("word") << "point"
                              << "(one,2)";
        QTest::newRow("bad exponent") << "point"
                                      << "(1e,2)";
        QTest::newRow("out of range") << "point"
                                      << "(1e999,2)";
        QTest::newRow("lseg one point") << "lseg"
                                        << "[(1,2)]";
        QTest::newRow("box three") << "box"
                                   << "(1,2),(3,4),(5,6)";
        QTest::newRow("path empty") << "path"
                                    << "[]";
        QTest::newRow("path unclosed") << "path"
                                       << "[(1,2)";
        QTest::newRow("polygon empty") << "polygon"
                                       << "()";
        QTest::newRow("circle no radius") << "circle"
                                          << "<(1,2)>";
        QTest::newRow("line two") << "line"
                                  << "{1,2}";
        QTest::newRow("not geometric") << "text"
                                       << "(1,2)";
        QTest::newRow("postgis") << "geometry"
                                 << "(1,2)";
        QTest::newRow("user point") << "myschema.point"
                                    << "(1,2)";
    }

    void builtInTextRejected() {
        QFETCH(QString, type);
        QFETCH(QString, text);
        QVERIFY(throwsData([&] { parseGeometricText(type, text); }));
    }

    void columnKinds() {
        using T = GeometryColumnKind::Type;
        GeometryColumnKind k = kindOf("geometry");
        QCOMPARE(k.type, T::Geometry);
        QVERIFY(k.isDrawable() && k.isPostgis());
        QVERIFY(!k.isPointsOnly());
        QCOMPARE(k.srid, 0);
        k = kindOf("geometry(MultiPolygon,3857)");
        QCOMPARE(k.subtype, QStringLiteral("MULTIPOLYGON"));
        QCOMPARE(k.srid, 3857);
        QVERIFY(!k.isPointsOnly());
        k = kindOf("public.geography(Point,4326)");
        QCOMPARE(k.type, T::Geography);
        QCOMPARE(k.schema, QStringLiteral("public"));
        QCOMPARE(k.srid, 4326);
        QVERIFY(k.isPointsOnly());
        k = kindOf("\"my \"\"gis\"\".x\".geometry(PointZ)");
        QCOMPARE(k.schema, QStringLiteral("my \"gis\".x"));
        QCOMPARE(k.subtype, QStringLiteral("POINTZ"));
        QVERIFY(k.isPointsOnly());
        QVERIFY(kindOf("geometry(MultiPointM,0)").isPointsOnly());
        QCOMPARE(kindOf("point").type, T::Point);
        QVERIFY(!kindOf("point").isPostgis());
        QVERIFY(kindOf("point").isPointsOnly());
        QCOMPARE(kindOf("pg_catalog.lseg").type, T::Lseg);
        QCOMPARE(kindOf("box").type, T::Box);
        QCOMPARE(kindOf("path").type, T::Path);
        QCOMPARE(kindOf("polygon").type, T::Polygon);
        QCOMPARE(kindOf("circle").type, T::Circle);
        QCOMPARE(kindOf("line").type, T::Line);
        for (const char* none :
             {"text", "geometry[]", "point[]", "geometry(Point,4326)[]", "other.point", "box2d",
              "\"Geometry\"", "a.b.geometry", "", "\"unclosed.geometry", "geometry(Point,x)"})
            QVERIFY2(!kindOf(none).isDrawable(), none);
    }

    void bounds() {
        GeoBounds b;
        QVERIFY(b.isEmpty());
        QCOMPARE(b.width(), 0.0);
        b.add(GeoPoint{1, 2});
        QVERIFY(!b.isEmpty());
        QCOMPARE(b.width(), 0.0);
        b.add(GeoPoint{-1, 5});
        b.add(GeoPoint{std::nan(""), 100});
        QCOMPARE(b, (GeoBounds{-1, 2, 1, 5}));
        QVERIFY(b.intersects(GeoBounds{1, 5, 9, 9}));
        QVERIFY(!b.intersects(GeoBounds{1.5, 0, 9, 9}));
        QVERIFY(!b.intersects(GeoBounds{}));
    }
};

QTEST_GUILESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
