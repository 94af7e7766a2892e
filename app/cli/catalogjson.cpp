#include "catalogjson.h"

#include <pgdesk/core/catalogreader.h>

#include <QJsonArray>

namespace pgdesk::cli {

QJsonValue stringOrNull(const QString& s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject conventionsJson(const core::Conventions& c) {
    QJsonObject softDelete;
    if (c.softDelete != core::SoftDeleteKind::None) {
        softDelete[QStringLiteral("kind")] = core::softDeleteKindName(c.softDelete);
        softDelete[QStringLiteral("column")] = c.softDeleteColumn;
    }
    return QJsonObject{
        {QStringLiteral("row_key"), QJsonArray::fromStringList(c.rowKey)},
        {QStringLiteral("row_key_source"), stringOrNull(c.rowKeySource)},
        {QStringLiteral("uuid_key"), c.uuidKey},
        {QStringLiteral("soft_delete"), softDelete.isEmpty() ? QJsonValue() : QJsonValue(softDelete)},
        {QStringLiteral("created_at_column"), stringOrNull(c.createdAtColumn)},
        {QStringLiteral("updated_at_column"), stringOrNull(c.updatedAtColumn)},
        {QStringLiteral("updated_at_by_trigger"), c.updatedAtByTrigger},
    };
}

QJsonObject privilegesJson(const core::Privileges& p) {
    return QJsonObject{{QStringLiteral("select"), p.select},
                       {QStringLiteral("insert"), p.insert},
                       {QStringLiteral("update"), p.update},
                       {QStringLiteral("delete"), p.remove}};
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
    QJsonObject j = conventionsJson(c);
    j[QStringLiteral("overridden")] = o != nullptr;
    if (o)
        j[QStringLiteral("overridden_fields")] = QJsonArray::fromStringList(o->fields());
    return j;
}

} // namespace pgdesk::cli
