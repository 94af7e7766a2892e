// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Geometry values decoded into plain shapes for a canvas: PostGIS values (WKB, EWKB, ISO WKB, hex EWKB)
// and PostgreSQL's built-in geometric types (their text output); and the SQL a geometry view reads a
// table's shapes and extent with. Pure, no QtGui: coordinates are doubles in small structs.

#include <pgdesk/core/base/param.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/result.h>

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <limits>
#include <optional>

namespace pgdesk::core {

struct GeoPoint {
    double x = 0;
    double y = 0;

    bool operator==(const GeoPoint&) const = default;
};

// An axis-aligned box; empty until a finite point is added (non-finite coordinates never count).
struct GeoBounds {
    double xmin = std::numeric_limits<double>::infinity();
    double ymin = std::numeric_limits<double>::infinity();
    double xmax = -std::numeric_limits<double>::infinity();
    double ymax = -std::numeric_limits<double>::infinity();

    bool isEmpty() const { return !(xmin <= xmax && ymin <= ymax); }
    double width() const { return isEmpty() ? 0 : xmax - xmin; }
    double height() const { return isEmpty() ? 0 : ymax - ymin; }
    void add(GeoPoint p); // ignored unless both coordinates are finite
    void add(const GeoBounds& other);
    bool intersects(const GeoBounds& other) const; // edges touching count
    bool operator==(const GeoBounds&) const = default;
};

enum class GeoPartKind {
    Point,      // points: one point
    LineString, // points in order; closed: a closed path (built-in path "((…))"), drawn back to the start
    Polygon,    // rings: the shell first, then the holes
    Circle,     // center and radius
    Line,       // the infinite line a·x + b·y + c = 0 (built-in line): no points, no bounds
};

// One drawable piece. Rings and lines keep their points as given: WKB rings repeat their first point,
// the built-in polygon and box do not (a drawer closes them either way).
struct GeoPart {
    GeoPartKind kind = GeoPartKind::Point;
    QList<GeoPoint> points;       // Point, LineString
    QList<QList<GeoPoint>> rings; // Polygon
    bool closed = false;          // LineString only
    GeoPoint center;              // Circle
    double radius = 0;            // Circle
    double a = 0, b = 0, c = 0;   // Line

    qsizetype pointCount() const; // Point/LineString: points, Polygon: all rings', Circle: 1, Line: 0
    GeoBounds bounds() const;     // a circle's box; a line has none
};

// A decoded value. Multi* geometries and collections (nested too) are flattened into parts; typeName
// keeps what the value was ("POINT", "MULTIPOLYGON", "GEOMETRYCOLLECTION" for PostGIS values, the
// built-in type's own name, "point" … "line", for those). Empty parts (POINT EMPTY, whose WKB coordinates
// are NaN; LINESTRING EMPTY; a polygon without rings) are left out, so an empty geometry has no parts.
struct Geometry {
    QString typeName;
    int srid = 0; // 0 when the value carries none
    bool hasZ = false;
    bool hasM = false; // Z and M were read and dropped: only x and y are kept
    QList<GeoPart> parts;

    bool isEmpty() const { return parts.isEmpty(); }
    qsizetype pointCount() const; // as ST_NPoints counts (a circle counts its center)
    GeoBounds bounds() const;
};

// Decodes OGC WKB (either byte order, per (sub)geometry), PostGIS EWKB (SRID 0x20000000, Z 0x80000000,
// M 0x40000000 flags) and ISO WKB types 1001–3007 (Z, M, ZM). Input comes from the network: every read
// is checked against the end, element counts are bounded by the bytes left, nesting is bounded, and
// anything truncated, malformed, trailing or of an unsupported type (curves) throws DataError. Triangles,
// TINs and polyhedral surfaces become polygons.
Geometry decodeWkb(QByteArrayView bytes);
// Hex (E)WKB as PostGIS prints geometry, or bytea's text output ("\x…" of ST_AsBinary). DataError for
// anything else.
Geometry decodeHexWkb(QStringView hex);

// PostgreSQL's built-in geometric types as the server prints them: point "(1,2)", lseg "[(1,2),(3,4)]",
// box "(3,4),(1,2)", path "[(1,2),(3,4)]" (open) or "((1,2),(3,4))" (closed), polygon "((0,0),(1,0),(1,1))",
// circle "<(1,2),3>", line "{1,-1,0}"; numbers as float8 prints them (exponents, Infinity, -Infinity,
// NaN), blanks between tokens allowed. typeName may be schema-qualified ("pg_catalog.point"). A box
// becomes a Polygon of its four corners, an lseg a LineString of two points. DataError for other text or
// types.
Geometry parseGeometricText(const QString& typeName, const QString& text);

// What a column's type is for drawing, from its type name as format_type writes it ("geometry",
// "geometry(MultiPolygon,3857)", "public.geography(Point,4326)", "\"my gis\".geometry", "point", "box" …).
struct GeometryColumnKind {
    enum class Type { None, Geometry, Geography, Point, Lseg, Box, Path, Polygon, Circle, Line };
    Type type = Type::None;
    QString schema;  // the type's schema when the name is qualified (PostGIS: where its functions live)
    QString subtype; // the type modifier's geometry type, upper case ("POINT", "MULTIPOLYGON"), or empty
    int srid = 0;    // the type modifier's SRID, 0 when none

    bool isDrawable() const { return type != Type::None; }
    bool isPostgis() const { return type == Type::Geometry || type == Type::Geography; }
    // Only points (POINT or MULTIPOINT subtypes, the built-in point): nothing to simplify.
    bool isPointsOnly() const;
};
// Arrays, domains' own names and every other type: Type::None.
GeometryColumnKind geometryColumnKind(const QString& typeName);

// ---- SQL for a geometry view (geometrysql.cpp) ----

// A condition on the table's rows (the grid's filter) with its own $1 … $k placeholders; the builders put
// its values first and number theirs after them, so the fragment's text is never renumbered.
struct GeometryFilter {
    QString where; // SQL condition without WHERE; empty: none
    Params params;
};
// The WHERE condition buildCountQuery makes of the spec's filter, quick search and soft-delete scope, with
// its parameters. Table sources only (a QuerySpec with sql: ConfigurationError).
GeometryFilter geometryFilterFromSpec(const QuerySpec& spec, const TableInfo& table);

struct GeometryQueryRequest {
    QString schema;
    QString table;
    QString column;           // the geometry column
    GeometryColumnKind kind;  // geometryColumnKind(its type name); must be drawable (else ConfigurationError)
    QStringList hoverColumns; // shown on hover, selected as text
    // Only features whose bounding box meets this box (none: the whole table). PostGIS: in `srid`.
    std::optional<GeoBounds> extent;
    // The SRID the extent is in: the column's (GeometryExtent::srid). 0: the type modifier's, else
    // 4326 for geography; a geometry column without either is compared at SRID 0.
    int srid = 0;
    // PostGIS: simplify lines and polygons to this tolerance in data units (about a pixel); 0 keeps
    // every vertex. Point columns are never simplified.
    double tolerance = 0;
    int maxFeatures = 1000; // LIMIT maxFeatures + 1: one more row means "more than maxFeatures"
    GeometryFilter filter;
};

struct GeometryQuery {
    QString sql;
    Params params;
    int limit = 0;               // maxFeatures + 1
    bool extentFiltered = false; // the server filtered by the extent (not done for path and Line columns)
    bool binary = false;         // column 0 is WKB (bytea) rather than the built-in type's text
    // Result columns: 0 the geometry, 1 its SRID (0 for built-in types), then the hover columns in order.
    static constexpr int kGeometryColumn = 0;
    static constexpr int kSridColumn = 1;
    static constexpr int kFirstHoverColumn = 2;
};
// SELECT of the features to draw: non-NULL geometries, filtered by the extent (PostGIS `&&` with
// ST_MakeEnvelope, geography through ::geometry; point `<@ box`, box/polygon/circle `&&`, lseg and line
// `?#`) and the request's filter, LIMIT maxFeatures + 1. Identifiers are quoted, values bound.
GeometryQuery buildGeometryQuery(const GeometryQueryRequest& request);

struct GeometryFeature {
    Geometry geometry;
    QStringList hover; // the hover columns' text ("" for NULL)
};
// One row of a GeometryQuery's result, decoded (DataError for a value that does not decode).
GeometryFeature readGeometryFeature(const Result& result, int row, const GeometryQuery& query,
                                    const GeometryColumnKind& kind);

// One row: xmin, ymin, xmax, ymax (NULL when nothing has a finite extent), srid, estimated (bool).
// PostGIS geometry: ST_EstimatedExtent when `estimated` and the column has statistics (cheap), else
// ST_Extent of the table; geography: ST_Extent of ::geometry. The SRID is the type modifier's, else
// geometry_columns' (a CHECK on ST_SRID counts), else a row's ST_SRID, else 0 (geography: 4326).
// Built-in types: min and max of each row's bounding box (lines have none: NULL). A filter restricts
// the extent; with one, nothing is estimated (the statistics know nothing of it).
struct GeometryExtentQuery {
    QString sql;
    Params params;
};
GeometryExtentQuery buildGeometryExtentQuery(const QString& schema, const QString& table,
                                             const QString& column, const GeometryColumnKind& kind,
                                             bool estimated = true, const GeometryFilter& filter = {});

struct GeometryExtent {
    GeoBounds bounds; // empty when the column has nothing to draw
    int srid = 0;
    bool estimated = false;
};
GeometryExtent readGeometryExtent(const Result& result);

} // namespace pgdesk::core
