// SPDX-License-Identifier: GPL-3.0-or-later
// Pure tests of the geometry view's SQL, no server: the PostGIS and built-in queries for the visible
// extent, hostile names quoted, the tab's filter applied first, extent filters, refused requests.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/visual/geometry.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

GeometryColumnKind kindOf(const char* type) {
    return geometryColumnKind(QString::fromLatin1(type));
}

} // namespace

class TestGeometrySql final : public QObject {
    Q_OBJECT

private slots:
    void postgisQuery() {
        GeometryQueryRequest r;
        r.schema = QStringLiteral("gis");
        r.table = QStringLiteral("roads");
        r.column = QStringLiteral("geom");
        r.kind = kindOf("geometry(MultiLineString,3857)");
        r.hoverColumns = {QStringLiteral("id"), QStringLiteral("name")};
        r.tolerance = 0.25;
        r.maxFeatures = 500;
        r.extent = GeoBounds{1, 2, 3, 4};
        GeometryQuery q = buildGeometryQuery(r);
        QCOMPARE(q.sql,
                 QStringLiteral("SELECT ST_AsBinary(ST_SimplifyPreserveTopology(\"geom\", $1::float8)), "
                                "ST_SRID(\"geom\"), \"id\"::text, \"name\"::text\n"
                                "  FROM \"gis\".\"roads\"\n"
                                " WHERE \"geom\" IS NOT NULL AND \"geom\" && ST_MakeEnvelope($2::float8, "
                                "$3::float8, $4::float8, $5::float8, $6::int4)\n"
                                " LIMIT 501"));
        QCOMPARE(q.params, (Params{"0.25", "1", "2", "3", "4", "3857"}));
        QCOMPARE(q.limit, 501);
        QVERIFY(q.binary);
        QVERIFY(q.extentFiltered);

        // Points are never simplified; no extent; PostGIS outside the search path: qualified calls.
        r.kind = kindOf("\"gis ext\".geometry(Point,4326)");
        r.extent.reset();
        r.hoverColumns.clear();
        q = buildGeometryQuery(r);
        QCOMPARE(q.sql,
                 QStringLiteral("SELECT \"gis ext\".ST_AsBinary(\"geom\"), \"gis ext\".ST_SRID(\"geom\")\n"
                                "  FROM \"gis\".\"roads\"\n"
                                " WHERE \"geom\" IS NOT NULL\n"
                                " LIMIT 501"));
        QVERIFY(q.params.isEmpty());

        // Geography: through ::geometry, compared at its SRID; tolerance 0 keeps vertices (curves
        // linearized).
        r.kind = kindOf("\"gis ext\".geography(Polygon,4326)");
        r.tolerance = 0;
        r.extent = GeoBounds{-10, -20, 10, 20};
        q = buildGeometryQuery(r);
        QCOMPARE(q.sql,
                 QStringLiteral(
                     "SELECT \"gis ext\".ST_AsBinary(CASE WHEN \"gis ext\".ST_HasArc(\"geom\"::\"gis "
                     "ext\".geometry) THEN \"gis ext\".ST_CurveToLine(\"geom\"::\"gis ext\".geometry) ELSE "
                     "\"geom\"::\"gis ext\".geometry END), \"gis ext\".ST_SRID(\"geom\")\n"
                     "  FROM \"gis\".\"roads\"\n"
                     " WHERE \"geom\" IS NOT NULL AND \"geom\"::\"gis ext\".geometry OPERATOR(\"gis "
                     "ext\".&&) \"gis ext\".ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, "
                     "$5::int4)\n"
                     " LIMIT 501"));
        QCOMPARE(q.params, (Params{"-10", "-20", "10", "20", "4326"}));
    }

    void hostileNamesStayQuoted() {
        const QString evil = QStringLiteral("x\"; drop table t; --\n*/ $$ '");
        GeometryQueryRequest r;
        r.schema = evil;
        r.table = evil + QStringLiteral("t");
        r.column = evil + QStringLiteral("c");
        r.kind = kindOf("geometry");
        r.hoverColumns = {evil};
        r.extent = GeoBounds{0, 0, 1, 1};
        r.srid = 2154;
        const GeometryQuery q = buildGeometryQuery(r);
        const QString quoted = QStringLiteral("\"x\"\"; drop table t; --\n*/ $$ '\"");
        const QString col = QStringLiteral("\"x\"\"; drop table t; --\n*/ $$ 'c\"");
        QVERIFY(q.sql.contains(QStringLiteral("FROM %1.\"x\"\"; drop table t; --\n*/ $$ 't\"").arg(quoted)));
        QVERIFY(q.sql.contains(QStringLiteral("WHERE %1 IS NOT NULL AND %1 && ST_MakeEnvelope").arg(col)));
        QVERIFY(q.sql.contains(quoted + QStringLiteral("::text")));
        QCOMPARE(q.params.last(), Param("2154"));
        // Once every quoted identifier is taken out, nothing of the names is left.
        QString rest = q.sql;
        rest.remove(QRegularExpression(QStringLiteral("\"([^\"]|\"\")*\"")));
        QVERIFY2(!rest.contains(QLatin1String("drop")) && !rest.contains(QLatin1String("$$")) &&
                     !rest.contains(QLatin1Char('\'')) && !rest.contains(QLatin1String("*/")),
                 qPrintable(rest));

        // The extent query passes the names to PostGIS as values, never as text.
        const GeometryExtentQuery e = buildGeometryExtentQuery(r.schema, r.table, r.column, r.kind);
        QVERIFY(e.params.contains(Param(evil.toUtf8())));
        QVERIFY(e.params.contains(Param((evil + QStringLiteral("c")).toUtf8())));
        rest = e.sql;
        rest.remove(QRegularExpression(QStringLiteral("\"([^\"]|\"\")*\"")));
        QVERIFY2(!rest.contains(QLatin1String("drop")) && !rest.contains(QLatin1Char('\'')),
                 qPrintable(rest));
    }

    void filterComesFirst() {
        TableInfo t;
        t.schema = QStringLiteral("s\"x");
        t.name = QStringLiteral("places");
        ColumnInfo name;
        name.name = QStringLiteral("name");
        name.typeName = name.baseTypeName = QStringLiteral("text");
        name.category = TypeCategory::Text;
        ColumnInfo pop;
        pop.name = QStringLiteral("pop");
        pop.typeName = pop.baseTypeName = QStringLiteral("integer");
        pop.category = TypeCategory::Integer;
        t.columns = {name, pop};
        QuerySpec spec;
        spec.schema = t.schema;
        spec.table = t.name;
        spec.filter.conditions << Condition{
            QStringLiteral("pop"), FilterOp::Between, {QStringLiteral("10"), QStringLiteral("20")}, {}};
        spec.search = QStringLiteral("ville");
        const GeometryFilter f = geometryFilterFromSpec(spec, t);
        QCOMPARE(f.params.size(), 3);
        QVERIFY(f.where.contains(QLatin1String("$1")) && f.where.contains(QLatin1String("$3")));
        QVERIFY(!f.where.startsWith(QLatin1String("WHERE")));

        GeometryQueryRequest r;
        r.schema = t.schema;
        r.table = t.name;
        r.column = QStringLiteral("p");
        r.kind = kindOf("point");
        r.extent = GeoBounds{0.5, -1, 2, 3};
        r.filter = f;
        r.maxFeatures = 1;
        const GeometryQuery q = buildGeometryQuery(r);
        QCOMPARE(q.sql, QStringLiteral(
                            "SELECT \"p\"::text, 0\n  FROM \"s\"\"x\".\"places\"\n WHERE \"p\" IS NOT NULL "
                            "AND \"p\" <@ box(point($4::float8, $5::float8), point($6::float8, "
                            "$7::float8)) AND (%1)\n LIMIT 2")
                            .arg(f.where));
        QCOMPARE(q.params.mid(0, 3), f.params);
        QCOMPARE(q.params.mid(3), (Params{"0.5", "-1", "2", "3"}));
        QVERIFY(!q.binary);

        // No filter at all.
        QuerySpec plain;
        plain.schema = t.schema;
        plain.table = t.name;
        const GeometryFilter none = geometryFilterFromSpec(plain, t);
        QVERIFY(none.where.isEmpty());
        QVERIFY(none.params.isEmpty());
        // A query source is not a table.
        plain.sql = QStringLiteral("select 1");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, geometryFilterFromSpec(plain, t));
    }

    void builtInExtentFilters() {
        GeometryQueryRequest r;
        r.schema = QStringLiteral("s");
        r.table = QStringLiteral("t");
        r.column = QStringLiteral("g");
        r.extent = GeoBounds{0, 0, 1, 1};
        const QString box =
            QStringLiteral("box(point($1::float8, $2::float8), point($3::float8, $4::float8))");
        const QList<std::pair<const char*, QString>> expected = {
            {"box", QStringLiteral("\"g\" && ") + box},
            {"polygon", QStringLiteral("\"g\" && polygon(%1)").arg(box)},
            {"circle", QStringLiteral("\"g\" && circle(%1)").arg(box)},
            {"lseg", QStringLiteral("\"g\" ?# ") + box},
            {"line", QStringLiteral("\"g\" ?# ") + box},
        };
        for (const auto& [type, condition] : expected) {
            r.kind = kindOf(type);
            const GeometryQuery q = buildGeometryQuery(r);
            QVERIFY2(q.sql.contains(QStringLiteral(" AND ") + condition + QLatin1Char('\n')),
                     qPrintable(q.sql));
            QVERIFY(q.extentFiltered);
            QCOMPARE(q.params.size(), 4);
        }
        r.kind = kindOf("path");
        const GeometryQuery q = buildGeometryQuery(r);
        QVERIFY(!q.extentFiltered);
        QVERIFY(q.params.isEmpty());
    }

    void badRequests() {
        GeometryQueryRequest r;
        r.schema = QStringLiteral("s");
        r.table = QStringLiteral("t");
        r.column = QStringLiteral("g");
        r.kind = kindOf("text");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildGeometryQuery(r));
        r.kind = kindOf("geometry");
        r.maxFeatures = 0;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildGeometryQuery(r));
        r.maxFeatures = 10;
        r.tolerance = std::nan("");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildGeometryQuery(r));
        r.tolerance = 0;
        r.extent = GeoBounds{};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildGeometryQuery(r));
        r.extent = GeoBounds{0, 0, std::numeric_limits<double>::infinity(), 1};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildGeometryQuery(r));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildGeometryExtentQuery("s", "t", "g", kindOf("int4")));
    }

    void extentQueries() {
        // Geometry with a type modifier SRID: estimate first, the SRID bound.
        GeometryExtentQuery e = buildGeometryExtentQuery(QStringLiteral("s"), QStringLiteral("t"),
                                                         QStringLiteral("g"), kindOf("geometry(Point,3857)"));
        QVERIFY2(e.sql.contains(QLatin1String("ST_EstimatedExtent($1::text, $2::text, $3::text)")),
                 qPrintable(e.sql));
        QVERIFY(e.sql.contains(
            QLatin1String("schemaname = $1::text AND tablename = $2::text AND attname = $3::text")));
        QVERIFY(e.sql.contains(QLatin1String(
            "coalesce(est.e, (SELECT ST_Extent(\"g\") FROM \"s\".\"t\" WHERE \"g\" IS NOT NULL))")));
        QCOMPARE(e.params, (Params{"s", "t", "g", "3857"}));
        // Exact, with a filter: the filter's parameters first, no estimate.
        e = buildGeometryExtentQuery(QStringLiteral("s"), QStringLiteral("t"), QStringLiteral("g"),
                                     kindOf("geometry"), true,
                                     GeometryFilter{QStringLiteral("\"k\" = $1"), {"7"}});
        QVERIFY(!e.sql.contains(QLatin1String("ST_EstimatedExtent")));
        QVERIFY(e.sql.contains(QLatin1String("WHERE \"g\" IS NOT NULL AND (\"k\" = $1))")));
        QVERIFY(e.sql.contains(QLatin1String("f_table_schema = $2::text")));
        QCOMPARE(e.params, (Params{"7", "s", "t", "g"}));
        // Built-in types: the box around each row's box.
        e = buildGeometryExtentQuery(QStringLiteral("s"), QStringLiteral("t"), QStringLiteral("g"),
                                     kindOf("circle"));
        QVERIFY(e.sql.contains(QLatin1String("radius(\"g\")")));
        QVERIFY(e.params.isEmpty());
        e = buildGeometryExtentQuery(QStringLiteral("s"), QStringLiteral("t"), QStringLiteral("g"),
                                     kindOf("line"));
        QVERIFY(e.sql.startsWith(QLatin1String("SELECT NULL::float8")));
    }
};

QTEST_GUILESS_MAIN(TestGeometrySql)
#include "tst_geometrysql.moc"
