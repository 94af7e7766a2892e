// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/visual/geometry.h>

#include <pgdesk/core/base/errors.h>

#include <QtEndian>

#include <bit>
#include <cmath>
#include <cstring>

namespace pgdesk::core {

void GeoBounds::add(GeoPoint p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
        return;
    xmin = std::min(xmin, p.x);
    ymin = std::min(ymin, p.y);
    xmax = std::max(xmax, p.x);
    ymax = std::max(ymax, p.y);
}

void GeoBounds::add(const GeoBounds& other) {
    if (other.isEmpty())
        return;
    add(GeoPoint{other.xmin, other.ymin});
    add(GeoPoint{other.xmax, other.ymax});
}

bool GeoBounds::intersects(const GeoBounds& other) const {
    if (isEmpty() || other.isEmpty())
        return false;
    return xmin <= other.xmax && other.xmin <= xmax && ymin <= other.ymax && other.ymin <= ymax;
}

qsizetype GeoPart::pointCount() const {
    switch (kind) {
    case GeoPartKind::Point:
    case GeoPartKind::LineString:
        return points.size();
    case GeoPartKind::Polygon: {
        qsizetype n = 0;
        for (const QList<GeoPoint>& ring : rings)
            n += ring.size();
        return n;
    }
    case GeoPartKind::Circle:
        return 1;
    case GeoPartKind::Line:
        return 0;
    }
    return 0;
}

GeoBounds GeoPart::bounds() const {
    GeoBounds b;
    switch (kind) {
    case GeoPartKind::Point:
    case GeoPartKind::LineString:
        for (const GeoPoint& p : points)
            b.add(p);
        break;
    case GeoPartKind::Polygon:
        for (const QList<GeoPoint>& ring : rings) {
            for (const GeoPoint& p : ring)
                b.add(p);
        }
        break;
    case GeoPartKind::Circle:
        if (std::isfinite(radius)) {
            b.add(GeoPoint{center.x - radius, center.y - radius});
            b.add(GeoPoint{center.x + radius, center.y + radius});
        }
        break;
    case GeoPartKind::Line:
        break;
    }
    return b;
}

qsizetype Geometry::pointCount() const {
    qsizetype n = 0;
    for (const GeoPart& p : parts)
        n += p.pointCount();
    return n;
}

GeoBounds Geometry::bounds() const {
    GeoBounds b;
    for (const GeoPart& p : parts)
        b.add(p.bounds());
    return b;
}

namespace {

[[noreturn]] void malformed(const QString& why) {
    throwError(ErrorKind::Data, QStringLiteral("malformed geometry: %1").arg(why));
}

// WKB type codes (the ISO ones are these plus 1000 for Z, 2000 for M, 3000 for ZM).
enum WkbType : quint32 {
    WkbPoint = 1,
    WkbLineString = 2,
    WkbPolygon = 3,
    WkbMultiPoint = 4,
    WkbMultiLineString = 5,
    WkbMultiPolygon = 6,
    WkbCollection = 7,
    WkbPolyhedralSurface = 15,
    WkbTin = 16,
    WkbTriangle = 17,
};

constexpr quint32 kEwkbZ = 0x80000000u;
constexpr quint32 kEwkbM = 0x40000000u;
constexpr quint32 kEwkbSrid = 0x20000000u;
// Deep enough for any real collection, shallow enough that hostile nesting cannot exhaust the stack.
constexpr int kMaxDepth = 32;
// The smallest (sub)geometry: byte order, type and an element count.
constexpr qsizetype kMinGeometryBytes = 1 + 4 + 4;

QString wkbTypeName(quint32 base) {
    switch (base) {
    case WkbPoint:
        return QStringLiteral("POINT");
    case WkbLineString:
        return QStringLiteral("LINESTRING");
    case WkbPolygon:
        return QStringLiteral("POLYGON");
    case WkbMultiPoint:
        return QStringLiteral("MULTIPOINT");
    case WkbMultiLineString:
        return QStringLiteral("MULTILINESTRING");
    case WkbMultiPolygon:
        return QStringLiteral("MULTIPOLYGON");
    case WkbCollection:
        return QStringLiteral("GEOMETRYCOLLECTION");
    case WkbPolyhedralSurface:
        return QStringLiteral("POLYHEDRALSURFACE");
    case WkbTin:
        return QStringLiteral("TIN");
    case WkbTriangle:
        return QStringLiteral("TRIANGLE");
    default:
        break;
    }
    return {};
}

GeoPart part(GeoPartKind kind, QList<GeoPoint> points) {
    GeoPart p;
    p.kind = kind;
    p.points = std::move(points);
    return p;
}

class WkbReader final {
public:
    explicit WkbReader(QByteArrayView bytes)
        : m_data(bytes) {}

    qsizetype remaining() const { return m_data.size() - m_pos; }

    Geometry read() {
        Geometry g;
        readGeometry(g, 0, 0);
        if (remaining() != 0)
            malformed(QStringLiteral("%1 bytes after the end of the geometry").arg(remaining()));
        return g;
    }

private:
    void need(qsizetype n, const char* what) const {
        if (n > remaining())
            malformed(QStringLiteral("truncated %1 at byte %2").arg(QLatin1String(what)).arg(m_pos));
    }

    quint8 byte(const char* what) {
        need(1, what);
        return static_cast<quint8>(m_data[m_pos++]);
    }

    quint32 uint32(const char* what) {
        need(4, what);
        quint32 v;
        std::memcpy(&v, m_data.data() + m_pos, 4);
        m_pos += 4;
        return m_little ? qFromLittleEndian(v) : qFromBigEndian(v);
    }

    double float64() {
        need(8, "coordinate");
        quint64 v;
        std::memcpy(&v, m_data.data() + m_pos, 8);
        m_pos += 8;
        return std::bit_cast<double>(m_little ? qFromLittleEndian(v) : qFromBigEndian(v));
    }

    // An element count, refused when the elements cannot fit in what is left (so no huge allocation).
    quint32 count(qsizetype minElementBytes, const char* what) {
        const quint32 n = uint32(what);
        if (static_cast<qint64>(n) > remaining() / minElementBytes)
            malformed(QStringLiteral("%1 count %2 exceeds the %3 bytes left")
                          .arg(QLatin1String(what))
                          .arg(n)
                          .arg(remaining()));
        return n;
    }

    GeoPoint point(int dims) {
        need(qsizetype(dims) * 8, "point");
        GeoPoint p;
        p.x = float64();
        p.y = float64();
        for (int i = 2; i < dims; ++i)
            float64(); // Z and M: read (they are part of the layout) and dropped
        return p;
    }

    QList<GeoPoint> points(int dims) {
        const quint32 n = count(qsizetype(dims) * 8, "point");
        QList<GeoPoint> out;
        out.reserve(n);
        for (quint32 i = 0; i < n; ++i)
            out << point(dims);
        return out;
    }

    // expected: the base type a Multi* allows for its members (0: any).
    void readGeometry(Geometry& g, int depth, quint32 expected) {
        if (depth > kMaxDepth)
            malformed(QStringLiteral("collections nested deeper than %1").arg(kMaxDepth));
        const quint8 order = byte("byte order");
        if (order > 1)
            malformed(QStringLiteral("byte order %1 is neither 0 nor 1").arg(order));
        m_little = order == 1;
        const quint32 type = uint32("type");
        bool z = type & kEwkbZ;
        bool m = type & kEwkbM;
        const quint32 code = type & ~(kEwkbZ | kEwkbM | kEwkbSrid);
        const quint32 iso = code / 1000;
        const quint32 base = code % 1000;
        if (iso > 3 || wkbTypeName(base).isEmpty())
            malformed(QStringLiteral("unsupported geometry type %1").arg(code));
        z = z || iso == 1 || iso == 3;
        m = m || iso == 2 || iso == 3;
        if (expected != 0 && base != expected)
            malformed(
                QStringLiteral("%1 inside a collection of %2").arg(wkbTypeName(base), wkbTypeName(expected)));
        int srid = 0;
        if (type & kEwkbSrid)
            srid = static_cast<qint32>(uint32("SRID"));
        if (depth == 0) {
            g.typeName = wkbTypeName(base);
            g.srid = srid;
            g.hasZ = z;
            g.hasM = m;
        }
        const int dims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
        switch (base) {
        case WkbPoint: {
            const GeoPoint p = point(dims);
            if (!(std::isnan(p.x) && std::isnan(p.y))) // POINT EMPTY
                g.parts << part(GeoPartKind::Point, {p});
            break;
        }
        case WkbLineString: {
            const GeoPart line = part(GeoPartKind::LineString, points(dims));
            if (!line.points.isEmpty())
                g.parts << line;
            break;
        }
        case WkbPolygon:
        case WkbTriangle: {
            const quint32 n = count(4, "ring");
            GeoPart polygon = part(GeoPartKind::Polygon, {});
            for (quint32 i = 0; i < n; ++i) {
                QList<GeoPoint> ring = points(dims);
                if (!ring.isEmpty())
                    polygon.rings << ring;
            }
            if (!polygon.rings.isEmpty())
                g.parts << polygon;
            break;
        }
        default: {
            quint32 member = 0; // a collection holds anything
            if (base == WkbMultiPoint)
                member = WkbPoint;
            else if (base == WkbMultiLineString)
                member = WkbLineString;
            else if (base == WkbMultiPolygon || base == WkbPolyhedralSurface)
                member = WkbPolygon;
            else if (base == WkbTin)
                member = WkbTriangle;
            const quint32 n = count(kMinGeometryBytes, "geometry");
            for (quint32 i = 0; i < n; ++i)
                readGeometry(g, depth + 1, member);
            break;
        }
        }
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_little = true;
};

int hexValue(QChar c) {
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// ---- built-in geometric types ----

[[noreturn]] void badText(const QString& type, const QString& text) {
    // Cut: the value may be a huge polygon.
    const QString shown = text.size() > 80 ? text.left(80) + QStringLiteral("…") : text;
    throwError(ErrorKind::Data, QStringLiteral("invalid %1 value: \"%2\"").arg(type, shown));
}

class TextReader final {
public:
    TextReader(const QString& type, const QString& text)
        : m_type(type)
        , m_text(text) {}

    void skipBlanks() {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    bool peek(char c) {
        skipBlanks();
        return m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(c);
    }
    bool accept(char c) {
        if (!peek(c))
            return false;
        ++m_pos;
        return true;
    }
    void expect(char c) {
        if (!accept(c))
            fail();
    }
    void expectEnd() {
        skipBlanks();
        if (m_pos != m_text.size())
            fail();
    }
    [[noreturn]] void fail() const { badText(m_type, m_text); }

    // float8's output: [-]digits[.digits][e[+-]digits], Infinity, -Infinity, NaN.
    double number() {
        skipBlanks();
        const qsizetype start = m_pos;
        if (m_pos < m_text.size() &&
            (m_text.at(m_pos) == QLatin1Char('-') || m_text.at(m_pos) == QLatin1Char('+')))
            ++m_pos;
        const QStringView rest = QStringView(m_text).mid(m_pos);
        const bool negative = m_pos > start && m_text.at(start) == QLatin1Char('-');
        if (rest.startsWith(QLatin1String("Infinity"), Qt::CaseInsensitive)) {
            m_pos += 8;
            return negative ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
        }
        if (m_pos == start && rest.startsWith(QLatin1String("NaN"), Qt::CaseInsensitive)) {
            m_pos += 3;
            return std::numeric_limits<double>::quiet_NaN();
        }
        const qsizetype intStart = m_pos;
        digits();
        bool any = m_pos > intStart;
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('.')) {
            ++m_pos;
            const qsizetype fracStart = m_pos;
            digits();
            any = any || m_pos > fracStart;
        }
        if (!any)
            fail();
        if (m_pos < m_text.size() &&
            (m_text.at(m_pos) == QLatin1Char('e') || m_text.at(m_pos) == QLatin1Char('E'))) {
            ++m_pos;
            if (m_pos < m_text.size() &&
                (m_text.at(m_pos) == QLatin1Char('-') || m_text.at(m_pos) == QLatin1Char('+')))
                ++m_pos;
            const qsizetype expStart = m_pos;
            digits();
            if (m_pos == expStart)
                fail();
        }
        bool ok = false;
        const double v = QStringView(m_text).mid(start, m_pos - start).toDouble(&ok);
        // Out of double's range the server would not have printed it; refuse rather than guess.
        if (!ok)
            fail();
        return v;
    }

    GeoPoint point() {
        expect('(');
        GeoPoint p;
        p.x = number();
        expect(',');
        p.y = number();
        expect(')');
        return p;
    }

    // "(x,y),(x,y),…" up to the closing character (not consumed).
    QList<GeoPoint> pointList(char close) {
        QList<GeoPoint> out;
        if (peek(close))
            return out;
        out << point();
        while (accept(','))
            out << point();
        return out;
    }

private:
    void digits() {
        while (m_pos < m_text.size() && m_text.at(m_pos).unicode() >= '0' &&
               m_text.at(m_pos).unicode() <= '9')
            ++m_pos;
    }

    const QString& m_type;
    const QString& m_text;
    qsizetype m_pos = 0;
};

// The unquoted parts of a (possibly qualified, possibly quoted) type name without its modifier, and the
// modifier's text; false when the name does not parse.
bool splitTypeName(const QString& text, QStringList* names, QString* modifier) {
    QString current;
    qsizetype i = 0;
    const QString t = text.trimmed();
    bool quotedPart = false;
    while (i < t.size()) {
        const QChar ch = t.at(i);
        if (ch == QLatin1Char('"')) {
            ++i;
            bool closed = false;
            while (i < t.size()) {
                if (t.at(i) == QLatin1Char('"')) {
                    if (i + 1 < t.size() && t.at(i + 1) == QLatin1Char('"')) {
                        current += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                current += t.at(i++);
            }
            if (!closed)
                return false;
            quotedPart = true;
            continue;
        }
        if (ch == QLatin1Char('.')) {
            if (current.isEmpty() && !quotedPart)
                return false;
            *names << current;
            current.clear();
            quotedPart = false;
            ++i;
            continue;
        }
        if (ch == QLatin1Char('(')) {
            if (!t.endsWith(QLatin1Char(')')))
                return false;
            *modifier = t.mid(i + 1, t.size() - i - 2).trimmed();
            i = t.size();
            break;
        }
        current += ch;
        ++i;
    }
    if (current.isEmpty() && !quotedPart)
        return false;
    *names << current.trimmed();
    return names->size() <= 2;
}

} // namespace

Geometry decodeWkb(QByteArrayView bytes) {
    return WkbReader(bytes).read();
}

Geometry decodeHexWkb(QStringView hex) {
    if (hex.startsWith(QLatin1String("\\x")))
        hex = hex.mid(2);
    if (hex.size() % 2 != 0)
        malformed(QStringLiteral("odd number of hex digits"));
    QByteArray bytes(hex.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const int hi = hexValue(hex.at(2 * i));
        const int lo = hexValue(hex.at(2 * i + 1));
        if (hi < 0 || lo < 0)
            malformed(QStringLiteral("not a hex digit at %1").arg(hi < 0 ? 2 * i : 2 * i + 1));
        bytes[i] = static_cast<char>(hi * 16 + lo);
    }
    return decodeWkb(bytes);
}

Geometry parseGeometricText(const QString& typeName, const QString& text) {
    const GeometryColumnKind kind = geometryColumnKind(typeName);
    using T = GeometryColumnKind::Type;
    if (!kind.isDrawable() || kind.isPostgis())
        throwError(ErrorKind::Data, QStringLiteral("%1 is not a built-in geometric type").arg(typeName));
    QStringList names;
    QString modifier;
    splitTypeName(typeName, &names, &modifier);
    Geometry g;
    g.typeName = names.last();
    TextReader r(g.typeName, text);
    GeoPart part;
    switch (kind.type) {
    case T::Point:
        part.kind = GeoPartKind::Point;
        part.points << r.point();
        break;
    case T::Lseg: {
        // The server prints "[(…),(…)]"; the brackets are optional on input, so they are here.
        const bool bracket = r.accept('[');
        part.kind = GeoPartKind::LineString;
        part.points << r.point();
        r.expect(',');
        part.points << r.point();
        if (bracket)
            r.expect(']');
        break;
    }
    case T::Box: {
        // "(x1,y1),(x2,y2)": opposite corners, the upper right first as the server prints it.
        const bool paren = r.peek('(') && [&] {
            TextReader probe(g.typeName, text);
            probe.expect('(');
            return probe.peek('(');
        }();
        if (paren)
            r.expect('(');
        const GeoPoint p1 = r.point();
        r.expect(',');
        const GeoPoint p2 = r.point();
        if (paren)
            r.expect(')');
        const double x1 = std::min(p1.x, p2.x), x2 = std::max(p1.x, p2.x);
        const double y1 = std::min(p1.y, p2.y), y2 = std::max(p1.y, p2.y);
        part.kind = GeoPartKind::Polygon;
        part.rings << QList<GeoPoint>{{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}};
        break;
    }
    case T::Path: {
        part.kind = GeoPartKind::LineString;
        if (r.accept('[')) {
            part.points = r.pointList(']');
            r.expect(']');
        } else {
            r.expect('(');
            part.points = r.pointList(')');
            r.expect(')');
            part.closed = true;
        }
        if (part.points.isEmpty())
            r.fail();
        break;
    }
    case T::Polygon: {
        r.expect('(');
        QList<GeoPoint> ring = r.pointList(')');
        r.expect(')');
        if (ring.isEmpty())
            r.fail();
        part.kind = GeoPartKind::Polygon;
        part.rings << ring;
        break;
    }
    case T::Circle: {
        r.expect('<');
        part.kind = GeoPartKind::Circle;
        part.center = r.point();
        r.expect(',');
        part.radius = r.number();
        r.expect('>');
        break;
    }
    case T::Line: {
        r.expect('{');
        part.kind = GeoPartKind::Line;
        part.a = r.number();
        r.expect(',');
        part.b = r.number();
        r.expect(',');
        part.c = r.number();
        r.expect('}');
        break;
    }
    default:
        r.fail();
    }
    r.expectEnd();
    g.parts << part;
    return g;
}

bool GeometryColumnKind::isPointsOnly() const {
    if (type == Type::Point)
        return true;
    return isPostgis() &&
           (subtype.startsWith(QLatin1String("POINT")) || subtype.startsWith(QLatin1String("MULTIPOINT")));
}

GeometryColumnKind geometryColumnKind(const QString& typeName) {
    using T = GeometryColumnKind::Type;
    GeometryColumnKind kind;
    QStringList names;
    QString modifier;
    if (!splitTypeName(typeName, &names, &modifier))
        return kind;
    const QString schema = names.size() == 2 ? names.first() : QString();
    const QString name = names.last();
    if (name == QLatin1String("geometry") || name == QLatin1String("geography")) {
        kind.type = name == QLatin1String("geometry") ? T::Geometry : T::Geography;
        kind.schema = schema;
        if (!modifier.isEmpty()) {
            const QStringList parts = modifier.split(QLatin1Char(','));
            if (parts.size() > 2)
                return {};
            kind.subtype = parts.first().trimmed().toUpper();
            if (parts.size() == 2) {
                bool ok = false;
                kind.srid = parts.at(1).trimmed().toInt(&ok);
                if (!ok)
                    return {};
            }
        }
        return kind;
    }
    // The built-in types live in pg_catalog: a user's own "point" elsewhere is something else.
    if (!modifier.isEmpty() || (!schema.isEmpty() && schema != QLatin1String("pg_catalog")))
        return kind;
    static const QList<std::pair<QLatin1String, T>> builtIns = {
        {QLatin1String("point"), T::Point},     {QLatin1String("lseg"), T::Lseg},
        {QLatin1String("box"), T::Box},         {QLatin1String("path"), T::Path},
        {QLatin1String("polygon"), T::Polygon}, {QLatin1String("circle"), T::Circle},
        {QLatin1String("line"), T::Line}};
    for (const auto& [n, t] : builtIns) {
        if (name == n) {
            kind.type = t;
            kind.schema = schema;
        }
    }
    return kind;
}

} // namespace pgdesk::core
