// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/profiles/conventionoverride.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QJsonArray>
#include <QSet>

namespace pgdesk::core {

namespace {

[[noreturn]] void invalid(const QString& message) {
    throwConfigurationError(QStringLiteral("conventions"), message);
}

} // namespace

bool ConventionOverride::isEmpty() const {
    return !rowKey && !softDelete && !createdAtColumn && !updatedAtColumn && !labelColumn;
}

QStringList ConventionOverride::fields() const {
    QStringList f;
    if (rowKey)
        f << QStringLiteral("row_key");
    if (softDelete)
        f << QStringLiteral("soft_delete");
    if (createdAtColumn)
        f << QStringLiteral("created_at_column");
    if (updatedAtColumn)
        f << QStringLiteral("updated_at_column");
    if (labelColumn)
        f << QStringLiteral("label_column");
    return f;
}

void ConventionOverride::validate(const QString& key) const {
    if (key.isEmpty() || !key.contains(QLatin1Char('.')))
        invalid(QStringLiteral("convention override key \"%1\" must be \"schema.table\"").arg(key));
    if (rowKey) {
        if (rowKey->isEmpty())
            invalid(
                QStringLiteral("convention override for %1: the row key needs at least one column").arg(key));
        QSet<QString> seen;
        for (const auto& c : *rowKey) {
            if (c.isEmpty())
                invalid(QStringLiteral("convention override for %1: empty row key column name").arg(key));
            if (seen.contains(c))
                invalid(QStringLiteral("convention override for %1: row key column \"%2\" given twice")
                            .arg(key, c));
            seen.insert(c);
        }
    }
    if (softDelete) {
        if (*softDelete == SoftDeleteKind::None && !softDeleteColumn.isEmpty())
            invalid(
                QStringLiteral("convention override for %1: soft delete \"none\" takes no column").arg(key));
        if (*softDelete != SoftDeleteKind::None && softDeleteColumn.isEmpty())
            invalid(QStringLiteral("convention override for %1: soft delete %2 needs a column")
                        .arg(key, softDeleteKindName(*softDelete)));
    } else if (!softDeleteColumn.isEmpty()) {
        invalid(QStringLiteral("convention override for %1: a soft delete column needs a kind").arg(key));
    }
}

QJsonObject ConventionOverride::toJson() const {
    QJsonObject o;
    if (rowKey)
        o[QStringLiteral("row_key")] = QJsonArray::fromStringList(*rowKey);
    if (softDelete) {
        QJsonObject s{{QStringLiteral("kind"), softDeleteKindName(*softDelete)}};
        if (*softDelete != SoftDeleteKind::None)
            s[QStringLiteral("column")] = softDeleteColumn;
        o[QStringLiteral("soft_delete")] = s;
    }
    auto column = [](const QString& c) { return c.isEmpty() ? QJsonValue() : QJsonValue(c); };
    if (createdAtColumn)
        o[QStringLiteral("created_at_column")] = column(*createdAtColumn);
    if (updatedAtColumn)
        o[QStringLiteral("updated_at_column")] = column(*updatedAtColumn);
    if (labelColumn)
        o[QStringLiteral("label_column")] = column(*labelColumn);
    return o;
}

ConventionOverride ConventionOverride::fromJson(const QJsonValue& value, const QString& key) {
    if (!value.isObject())
        invalid(QStringLiteral("convention override for %1 must be an object").arg(key));
    const QJsonObject o = value.toObject();
    static const QStringList known = {QStringLiteral("row_key"), QStringLiteral("soft_delete"),
                                      QStringLiteral("created_at_column"),
                                      QStringLiteral("updated_at_column"), QStringLiteral("label_column")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            invalid(QStringLiteral("convention override for %1: unknown field \"%2\"").arg(key, it.key()));
    ConventionOverride r;
    if (o.contains(QStringLiteral("row_key"))) {
        const QJsonValue v = o.value(QStringLiteral("row_key"));
        if (!v.isArray())
            invalid(QStringLiteral("convention override for %1: row_key must be an array of column names")
                        .arg(key));
        QStringList columns;
        for (const auto& c : v.toArray()) {
            if (!c.isString())
                invalid(QStringLiteral("convention override for %1: row_key must be an array of column names")
                            .arg(key));
            columns << c.toString();
        }
        r.rowKey = columns;
    }
    if (o.contains(QStringLiteral("soft_delete"))) {
        const QJsonValue v = o.value(QStringLiteral("soft_delete"));
        if (v.isNull()) {
            r.softDelete = SoftDeleteKind::None;
        } else {
            const QJsonObject s = v.toObject();
            if (!v.isObject() || !s.value(QStringLiteral("kind")).isString())
                invalid(QStringLiteral("convention override for %1: soft_delete must be {\"kind\": …, "
                                       "\"column\": …}")
                            .arg(key));
            try {
                r.softDelete = softDeleteKindFromName(s.value(QStringLiteral("kind")).toString());
            } catch (const ConfigurationError& e) {
                invalid(QStringLiteral("convention override for %1: %2").arg(key, e.message()));
            }
            const QJsonValue column = s.value(QStringLiteral("column"));
            if (!column.isUndefined() && !column.isNull() && !column.isString())
                invalid(QStringLiteral("convention override for %1: soft_delete column must be a string")
                            .arg(key));
            r.softDeleteColumn = column.toString();
        }
    }
    auto auditColumn = [&](const QString& name) -> std::optional<QString> {
        if (!o.contains(name))
            return std::nullopt;
        const QJsonValue v = o.value(name);
        if (v.isNull())
            return QString();
        if (!v.isString())
            invalid(QStringLiteral("convention override for %1: %2 must be a string or null").arg(key, name));
        return v.toString();
    };
    r.createdAtColumn = auditColumn(QStringLiteral("created_at_column"));
    r.updatedAtColumn = auditColumn(QStringLiteral("updated_at_column"));
    r.labelColumn = auditColumn(QStringLiteral("label_column"));
    r.validate(key);
    return r;
}

QString conventionOverrideKey(const QString& schema, const QString& name) {
    return schema + QLatin1Char('.') + name;
}

std::pair<SoftDeleteKind, QString> parseSoftDeleteSpec(const QString& spec) {
    const QString kind = spec.section(QLatin1Char(':'), 0, 0);
    const QString column = spec.contains(QLatin1Char(':')) ? spec.section(QLatin1Char(':'), 1) : QString();
    const bool hasColumn = spec.contains(QLatin1Char(':'));
    if (kind == QLatin1String("none") && !hasColumn)
        return {SoftDeleteKind::None, {}};
    if (kind == QLatin1String("deleted_at") && !hasColumn)
        return {SoftDeleteKind::DeletedAtTimestamp, QStringLiteral("deleted_at")};
    if (hasColumn && !column.isEmpty()) {
        if (kind == QLatin1String("deleted_at"))
            return {SoftDeleteKind::DeletedAtTimestamp, column};
        if (kind == QLatin1String("flag"))
            return {SoftDeleteKind::DeletedFlag, column};
        if (kind == QLatin1String("active"))
            return {SoftDeleteKind::ActiveFlag, column};
    }
    throwConfigurationError(
        QStringLiteral("soft_delete"),
        QStringLiteral("bad soft delete \"%1\" (deleted_at, deleted_at:COL, flag:COL, active:COL or none)")
            .arg(spec));
}

const ConventionOverride* findConventionOverride(const ConnectionProfile& profile, const QString& schema,
                                                 const QString& name) {
    const auto it = profile.conventionOverrides.constFind(conventionOverrideKey(schema, name));
    return it == profile.conventionOverrides.constEnd() ? nullptr : &it.value();
}

} // namespace pgdesk::core
