// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogjson.h"
#include "jsonwriter.h"

#include <pgdesk/core/catalog/catalogreader.h>

#include <QJsonDocument>

namespace pgdesk::cli {

QJsonValue stringOrNull(const QString& s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

namespace {

// `withOverride` adds "overridden" (and "overridden_fields" when `o` is set). Members are written in
// QJsonObject's key order so the text matches QJsonDocument's.
void writeConventions(IndentedJsonWriter& w, const core::Conventions& c, bool withOverride,
                      const core::ConventionOverride* o) {
    w.beginObject();
    w.key(u"created_at_column").stringOrNull(c.createdAtColumn);
    if (withOverride) {
        w.key(u"overridden").boolean(o != nullptr);
        if (o)
            w.key(u"overridden_fields").stringList(o->fields());
    }
    w.key(u"row_key").stringList(c.rowKey);
    w.key(u"row_key_source").stringOrNull(c.rowKeySource);
    w.key(u"soft_delete");
    if (c.softDelete == core::SoftDeleteKind::None) {
        w.null();
    } else {
        w.beginObject();
        w.key(u"column").string(c.softDeleteColumn);
        w.key(u"kind").string(core::softDeleteKindName(c.softDelete));
        w.endObject();
    }
    w.key(u"updated_at_by_trigger").boolean(c.updatedAtByTrigger);
    w.key(u"updated_at_column").stringOrNull(c.updatedAtColumn);
    w.key(u"uuid_key").boolean(c.uuidKey);
    w.endObject();
}

// Parsing the writer's text back is cheap next to the catalog round trip of the one describe it serves,
// and keeps a single definition of each object.
QJsonObject parsed(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

QJsonObject conventionsJson(const core::Conventions& c) {
    QByteArray json;
    IndentedJsonWriter w(json);
    writeConventions(w, c, false, nullptr);
    return parsed(json);
}

QJsonObject privilegesJson(const core::Privileges& p) {
    QByteArray json;
    IndentedJsonWriter w(json);
    writePrivileges(w, p);
    return parsed(json);
}

void writeConventionsWithOverride(IndentedJsonWriter& w, const core::Conventions& c,
                                  const core::ConventionOverride* o) {
    writeConventions(w, c, true, o);
}

void writePrivileges(IndentedJsonWriter& w, const core::Privileges& p) {
    w.beginObject();
    w.key(u"delete").boolean(p.remove);
    w.key(u"insert").boolean(p.insert);
    w.key(u"select").boolean(p.select);
    w.key(u"update").boolean(p.update);
    w.endObject();
}

QString prettySize(qint64 bytes) {
    static const char* const units[] = {"bytes", "kB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 10240 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(qRound64(value)).arg(QLatin1String(units[unit]));
}

QJsonObject conventionsWithOverride(const core::Conventions& c, const core::ConventionOverride* o) {
    QByteArray json;
    IndentedJsonWriter w(json);
    writeConventionsWithOverride(w, c, o);
    return parsed(json);
}

} // namespace pgdesk::cli
