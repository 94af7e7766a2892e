// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL a geometry view reads a table's shapes and extent with. Identifiers are quoted, every value
// (extent, tolerance, SRID, names given to PostGIS functions) is a bound parameter.
#include <pgdesk/core/visual/geometry.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/browse/sqlbuilder.h>

#include <cmath>

namespace pgdesk::core {

namespace {

using Type = GeometryColumnKind::Type;

constexpr int kMaxFeatures = 10'000'000;

// Accumulates parameters after the filter's own, so the filter's $1 … $k keep their numbers.
class SqlParams final {
public:
    explicit SqlParams(Params first)
        : m_params(std::move(first)) {}

    QString bind(const QByteArray& value, const char* type) {
        m_params << Param(value);
        return QStringLiteral("$%1::%2").arg(m_params.size()).arg(QLatin1String(type));
    }
    QString bindDouble(double v) { return bind(QByteArray::number(v, 'g', 17), "float8"); }
    QString bindInt(int v) { return bind(QByteArray::number(v), "int4"); }
    QString bindText(const QString& v) { return bind(v.toUtf8(), "text"); }

    Params take() { return std::move(m_params); }

private:
    Params m_params;
};

// PostGIS functions, operators and types, qualified with the schema the type name carried (PostGIS
// installed in a schema outside the search path), unqualified otherwise.
class Postgis final {
public:
    explicit Postgis(const GeometryColumnKind& kind)
        : m_schema(kind.schema) {}

    QString fn(const char* name) const { return qualified(QLatin1String(name)); }
    QString op(const char* name) const {
        if (m_schema.isEmpty())
            return QLatin1String(name);
        return QStringLiteral("OPERATOR(%1.%2)").arg(quoteIdentifier(m_schema), QLatin1String(name));
    }
    QString geometryType() const { return qualified(QLatin1String("geometry")); }

private:
    QString qualified(QLatin1String name) const {
        return m_schema.isEmpty() ? QString(name) : quoteIdentifier(m_schema) + QLatin1Char('.') + name;
    }

    QString m_schema;
};

QString relation(const QString& schema, const QString& table) {
    return quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(table);
}

void requireDrawable(const GeometryColumnKind& kind, const QString& column) {
    if (!kind.isDrawable())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("column \"%1\" is not of a geometry or geometric type").arg(column));
}

// The filter's condition as a conjunct, or nothing.
QString filterCondition(const GeometryFilter& filter) {
    return filter.where.trimmed().isEmpty() ? QString() : QStringLiteral(" AND (%1)").arg(filter.where);
}

// The SRID a PostGIS column's extent and envelope are in when the request does not say.
int defaultSrid(const GeometryColumnKind& kind) {
    if (kind.srid != 0)
        return kind.srid;
    return kind.type == Type::Geography ? 4326 : 0;
}

// box(point($1,$2),point($3,$4)) of the extent.
QString boxOf(SqlParams& p, const GeoBounds& e) {
    const QString x1 = p.bindDouble(e.xmin), y1 = p.bindDouble(e.ymin);
    const QString x2 = p.bindDouble(e.xmax), y2 = p.bindDouble(e.ymax);
    return QStringLiteral("box(point(%1, %2), point(%3, %4))").arg(x1, y1, x2, y2);
}

QString builtInTypeName(Type type) {
    switch (type) {
    case Type::Point:
        return QStringLiteral("point");
    case Type::Lseg:
        return QStringLiteral("lseg");
    case Type::Box:
        return QStringLiteral("box");
    case Type::Path:
        return QStringLiteral("path");
    case Type::Polygon:
        return QStringLiteral("polygon");
    case Type::Circle:
        return QStringLiteral("circle");
    case Type::Line:
        return QStringLiteral("line");
    default:
        break;
    }
    return {};
}

// Text of a float8 the server printed; non-finite or NULL: NaN (GeoBounds ignores it).
double serverDouble(const Result& r, int row, int column) {
    if (r.isNull(row, column))
        return std::nan("");
    const QString t = r.text(row, column);
    if (t == QLatin1String("Infinity"))
        return std::numeric_limits<double>::infinity();
    if (t == QLatin1String("-Infinity"))
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = t.toDouble(&ok);
    return ok ? v : std::nan("");
}

} // namespace

GeometryFilter geometryFilterFromSpec(const QuerySpec& spec, const TableInfo& table) {
    if (!spec.sql.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("a geometry view reads a table, not a query"));
    // buildCountQuery is "SELECT count(*) FROM <table>[ WHERE <condition>]": its condition is the grid's.
    const BuiltQuery q = buildCountQuery(spec, table);
    const QString prefix = QStringLiteral("SELECT count(*) FROM ") + relation(table.schema, table.name);
    const QString where = QStringLiteral(" WHERE ");
    if (!q.sql.startsWith(prefix))
        throwError(ErrorKind::Configuration, QStringLiteral("unexpected count query shape: %1").arg(q.sql));
    const QString rest = q.sql.mid(prefix.size());
    if (rest.isEmpty())
        return {QString(), q.params};
    if (!rest.startsWith(where))
        throwError(ErrorKind::Configuration, QStringLiteral("unexpected count query shape: %1").arg(q.sql));
    return {rest.mid(where.size()), q.params};
}

GeometryQuery buildGeometryQuery(const GeometryQueryRequest& request) {
    const GeometryColumnKind& kind = request.kind;
    requireDrawable(kind, request.column);
    if (request.maxFeatures < 1 || request.maxFeatures > kMaxFeatures)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("the feature limit must be between 1 and %1, got %2")
                       .arg(kMaxFeatures)
                       .arg(request.maxFeatures));
    if (!std::isfinite(request.tolerance) || request.tolerance < 0)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("the simplification tolerance must be finite and ≥ 0"));
    if (request.extent && (request.extent->isEmpty() || !std::isfinite(request.extent->xmin) ||
                           !std::isfinite(request.extent->xmax) || !std::isfinite(request.extent->ymin) ||
                           !std::isfinite(request.extent->ymax)))
        throwError(ErrorKind::Configuration, QStringLiteral("the extent must be a finite, non-empty box"));

    SqlParams p(request.filter.params);
    GeometryQuery q;
    q.limit = request.maxFeatures + 1;
    const QString col = quoteIdentifier(request.column);
    QString geometry;
    QString srid;
    QString extentCondition;
    if (kind.isPostgis()) {
        const Postgis pg(kind);
        q.binary = true;
        const QString g =
            kind.type == Type::Geography ? QStringLiteral("%1::%2").arg(col, pg.geometryType()) : col;
        QString drawn = g;
        if (!kind.isPointsOnly()) {
            if (request.tolerance > 0) {
                // Simplifying also turns curves into lines, which WKB decoding needs.
                drawn = QStringLiteral("%1(%2, %3)")
                            .arg(pg.fn("ST_SimplifyPreserveTopology"), g, p.bindDouble(request.tolerance));
            } else {
                drawn = QStringLiteral("CASE WHEN %1(%2) THEN %3(%2) ELSE %2 END")
                            .arg(pg.fn("ST_HasArc"), g, pg.fn("ST_CurveToLine"));
            }
        }
        geometry = QStringLiteral("%1(%2)").arg(pg.fn("ST_AsBinary"), drawn);
        srid = QStringLiteral("%1(%2)").arg(pg.fn("ST_SRID"), col);
        if (request.extent) {
            const GeoBounds& e = *request.extent;
            const QString x1 = p.bindDouble(e.xmin), y1 = p.bindDouble(e.ymin);
            const QString x2 = p.bindDouble(e.xmax), y2 = p.bindDouble(e.ymax);
            const QString envelope =
                QStringLiteral("%1(%2, %3, %4, %5, %6)")
                    .arg(pg.fn("ST_MakeEnvelope"), x1, y1, x2, y2,
                         p.bindInt(request.srid != 0 ? request.srid : defaultSrid(kind)));
            // Geography is compared as planar longitude/latitude, as it is drawn (its own && compares
            // boxes on the sphere): the geography index is not used.
            extentCondition = QStringLiteral(" AND %1 %2 %3").arg(g, pg.op("&&"), envelope);
            q.extentFiltered = true;
        }
    } else {
        geometry = col + QStringLiteral("::text");
        srid = QStringLiteral("0");
        if (request.extent) {
            const GeoBounds& e = *request.extent;
            QString condition;
            switch (kind.type) {
            case Type::Point:
                condition = QStringLiteral("%1 <@ %2").arg(col, boxOf(p, e));
                break;
            case Type::Box:
                condition = QStringLiteral("%1 && %2").arg(col, boxOf(p, e));
                break;
            case Type::Polygon:
                condition = QStringLiteral("%1 && polygon(%2)").arg(col, boxOf(p, e));
                break;
            case Type::Circle:
                // The circle around the box: a few features just outside the corners come along.
                condition = QStringLiteral("%1 && circle(%2)").arg(col, boxOf(p, e));
                break;
            case Type::Lseg:
            case Type::Line:
                condition = QStringLiteral("%1 ?# %2").arg(col, boxOf(p, e));
                break;
            default:
                break; // path: no operator says whether a path meets a box
            }
            if (!condition.isEmpty()) {
                extentCondition = QStringLiteral(" AND ") + condition;
                q.extentFiltered = true;
            }
        }
    }
    QStringList select{geometry, srid};
    for (const QString& h : request.hoverColumns)
        select << quoteIdentifier(h) + QStringLiteral("::text");
    q.sql = QStringLiteral("SELECT %1\n  FROM %2\n WHERE %3 IS NOT NULL%4%5\n LIMIT %6")
                .arg(select.join(QStringLiteral(", ")), relation(request.schema, request.table), col,
                     extentCondition, filterCondition(request.filter), QString::number(q.limit));
    q.params = p.take();
    return q;
}

GeometryFeature readGeometryFeature(const Result& result, int row, const GeometryQuery& query,
                                    const GeometryColumnKind& kind) {
    GeometryFeature f;
    if (result.isNull(row, GeometryQuery::kGeometryColumn))
        throwError(ErrorKind::Data, QStringLiteral("the geometry is NULL"));
    const QString value = result.text(row, GeometryQuery::kGeometryColumn);
    if (query.binary) {
        f.geometry = decodeHexWkb(value);
        // ST_AsBinary drops the SRID: it comes in a column of its own.
        f.geometry.srid = result.text(row, GeometryQuery::kSridColumn).toInt();
    } else {
        f.geometry = parseGeometricText(builtInTypeName(kind.type), value);
    }
    for (int c = GeometryQuery::kFirstHoverColumn; c < result.columnCount(); ++c)
        f.hover << result.text(row, c);
    return f;
}

GeometryExtentQuery buildGeometryExtentQuery(const QString& schema, const QString& table,
                                             const QString& column, const GeometryColumnKind& kind,
                                             bool estimated, const GeometryFilter& filter) {
    requireDrawable(kind, column);
    SqlParams p(filter.params);
    const QString col = quoteIdentifier(column);
    const QString from = relation(schema, table);
    const QString where = QStringLiteral("%1 IS NOT NULL%2").arg(col, filterCondition(filter));
    GeometryExtentQuery q;
    if (kind.isPostgis()) {
        const Postgis pg(kind);
        const bool geography = kind.type == Type::Geography;
        const QString g = geography ? QStringLiteral("%1::%2").arg(col, pg.geometryType()) : col;
        const QString exact =
            QStringLiteral("(SELECT %1(%2) FROM %3 WHERE %4)").arg(pg.fn("ST_Extent"), g, from, where);
        // The names as values (for the statistics and geometry_columns), bound once and only when used.
        QString names[3];
        auto name = [&](int i) -> QString {
            if (names[0].isEmpty()) {
                names[0] = p.bindText(schema);
                names[1] = p.bindText(table);
                names[2] = p.bindText(column);
            }
            return names[i];
        };
        // The planner's statistics answer at once where ST_Extent reads the whole table; they know nothing
        // of the filter. Asked only once the column has statistics (else PostGIS warns and says NULL).
        // OFFSET 0 keeps each subquery from being inlined, which would compute it once per reference.
        QString extent;
        if (estimated && !geography && filter.where.trimmed().isEmpty()) {
            const QString est =
                QStringLiteral("CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_stats WHERE schemaname = %1 AND "
                               "tablename = %2 AND attname = %3) THEN %4(%1, %2, %3) END")
                    .arg(name(0), name(1), name(2), pg.fn("ST_EstimatedExtent"));
            extent = QStringLiteral(
                         "coalesce(est.e, %1) AS e, est.e IS NOT NULL AS estimated FROM (SELECT %2 AS e "
                         "OFFSET 0) est")
                         .arg(exact, est);
        } else {
            extent = QStringLiteral("%1 AS e, false AS estimated").arg(exact);
        }
        const QString rowSrid = QStringLiteral("(SELECT %1(%2) FROM %3 WHERE %2 IS NOT NULL LIMIT 1)")
                                    .arg(pg.fn("ST_SRID"), col, from);
        QString srid;
        if (kind.srid != 0) {
            srid = p.bindInt(kind.srid);
        } else if (geography) {
            srid = QStringLiteral("coalesce(%1, 4326)").arg(rowSrid);
        } else {
            const QString registered =
                QStringLiteral(
                    "(SELECT nullif(srid, 0) FROM %1 WHERE f_table_schema = %2 AND f_table_name = %3 "
                    "AND f_geometry_column = %4)")
                    .arg(pg.fn("geometry_columns"), name(0), name(1), name(2));
            srid = QStringLiteral("coalesce(%1, %2, 0)").arg(registered, rowSrid);
        }
        q.sql =
            QStringLiteral("SELECT %1(x.e), %2(x.e), %3(x.e), %4(x.e), %5 AS srid, x.estimated\n"
                           "  FROM (SELECT %6 OFFSET 0) x")
                .arg(pg.fn("ST_XMin"), pg.fn("ST_YMin"), pg.fn("ST_XMax"), pg.fn("ST_YMax"), srid, extent);
    } else {
        // Each row's bounding box, then the box around them all.
        QString box;
        switch (kind.type) {
        case Type::Point:
            box = QStringLiteral("box(%1, %1)").arg(col);
            break;
        case Type::Lseg:
            box = QStringLiteral("box((%1)[0], (%1)[1])").arg(col);
            break;
        case Type::Box:
            box = col;
            break;
        case Type::Path:
            box = QStringLiteral("box(polygon(pclose(%1)))").arg(col);
            break;
        case Type::Polygon:
            box = QStringLiteral("box(%1)").arg(col);
            break;
        case Type::Circle:
            box = QStringLiteral("box(point((center(%1))[0] - radius(%1), (center(%1))[1] - radius(%1)), "
                                 "point((center(%1))[0] + radius(%1), (center(%1))[1] + radius(%1)))")
                      .arg(col);
            break;
        default:
            break;
        }
        if (box.isEmpty()) { // line: infinite, no extent
            q.sql =
                QStringLiteral("SELECT NULL::float8, NULL::float8, NULL::float8, NULL::float8, 0 AS srid, "
                               "false AS estimated");
        } else {
            // A box keeps its upper right corner at [0] and its lower left at [1]. Rows with an infinite or
            // NaN coordinate (NaN sorts above Infinity) are left out: one (Infinity,0) made the whole extent
            // infinite, and the view said every value was NULL or empty.
            q.sql = QStringLiteral(
                        "SELECT min((b.b[1])[0]), min((b.b[1])[1]), max((b.b[0])[0]), max((b.b[0])[1]), "
                        "0 AS srid, false AS estimated\n"
                        "  FROM (SELECT %1 AS b FROM %2 WHERE %3) b\n"
                        " WHERE (b.b[0])[0] < 'Infinity'::float8 AND (b.b[0])[1] < 'Infinity'::float8 AND "
                        "(b.b[1])[0] > '-Infinity'::float8 AND (b.b[1])[1] > '-Infinity'::float8")
                        .arg(box, from, where);
        }
    }
    q.params = p.take();
    return q;
}

GeometryExtent readGeometryExtent(const Result& result) {
    GeometryExtent e;
    if (result.rowCount() < 1 || result.columnCount() < 6)
        throwError(ErrorKind::Data, QStringLiteral("the extent query returned no row"));
    const double xmin = serverDouble(result, 0, 0), ymin = serverDouble(result, 0, 1);
    const double xmax = serverDouble(result, 0, 2), ymax = serverDouble(result, 0, 3);
    e.bounds.add(GeoPoint{xmin, ymin});
    e.bounds.add(GeoPoint{xmax, ymax});
    e.srid = result.text(0, 4).toInt();
    e.estimated = result.text(0, 5) == QLatin1String("t");
    return e;
}

} // namespace pgdesk::core
