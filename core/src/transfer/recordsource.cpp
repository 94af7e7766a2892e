// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/transfer/recordsource.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace pgdesk::core {

std::optional<ImportFormat> importFormatFromName(const QString& name) {
    const QString n = name.toLower();
    if (n == QLatin1String("csv") || n == QLatin1String("tsv"))
        return ImportFormat::Csv;
    if (n == QLatin1String("xlsx"))
        return ImportFormat::Xlsx;
    if (n == QLatin1String("json"))
        return ImportFormat::Json;
    if (n == QLatin1String("ndjson") || n == QLatin1String("jsonl"))
        return ImportFormat::Ndjson;
    return std::nullopt;
}

std::optional<ImportFormat> importFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("txt"))
        return ImportFormat::Csv;
    return importFormatFromName(suffix);
}

QString importFormatName(ImportFormat format) {
    switch (format) {
    case ImportFormat::Csv:
        return QStringLiteral("csv");
    case ImportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ImportFormat::Json:
        return QStringLiteral("json");
    case ImportFormat::Ndjson:
        return QStringLiteral("ndjson");
    }
    return {};
}

RecordPreview previewRecords(const QString& path, ImportFormat format, const QString& sheet, bool header,
                             int maxRecords) {
    RecordPreview preview;
    std::unique_ptr<RecordSource> source;
    QFile file(path);
    if (format == ImportFormat::Xlsx) {
        preview.sheets = xlsxSheetNames(path);
        source = openXlsxRecords(path, sheet, header);
    } else if (format == ImportFormat::Json || format == ImportFormat::Ndjson) {
        if (!file.open(QIODevice::ReadOnly))
            throwError(
                ErrorKind::Configuration,
                QCoreApplication::translate("Import", "cannot open %1: %2").arg(path, file.errorString()));
        source = openJsonRecords(file, format, maxRecords);
    } else {
        throwError(ErrorKind::Configuration, QStringLiteral("CSV previews are parsed by parseCsvRecords"));
    }
    preview.fieldNames = source->fieldNames();
    QList<ImportValue> fields;
    while (preview.records.size() < maxRecords && source->next(fields)) {
        QList<std::optional<QString>> record;
        record.reserve(fields.size());
        for (const ImportValue& v : std::as_const(fields))
            record << (v ? std::optional<QString>(QString::fromUtf8(*v)) : std::nullopt);
        preview.records << record;
    }
    return preview;
}

} // namespace pgdesk::core
