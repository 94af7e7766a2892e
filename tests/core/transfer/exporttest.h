// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the export suites share (tst_export: CSV/TSV against psql, cancel and progress;
// tst_exportformats: JSON, SQL, XLSX, Markdown): a connection, a scratch schema, a temporary folder
// and the helpers the tests call.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <optional>

namespace pgdesk::test {

inline const QString kHostile = QStringLiteral("public.\"we\"\"ird; drop table x;--\"");

inline QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline core::SortKey sortBy(const QString& column) {
    core::SortKey k;
    k.column = column;
    return k;
}

// Rows of a that b lacks or has fewer times, and the other way round, compared as row text (json, xml
// and point have no equality operator, their text does).
inline QString difference(const QString& a, const QString& b) {
    return psql(
        QStringLiteral("select count(*) from ((select t::text from %1 t except all select t::text from %2 t) "
                       "union all (select t::text from %2 t except all select t::text from %1 t)) d")
            .arg(a, b));
}

class ExportFixture {
protected:
    std::optional<ScratchSchema> m_scratch; // first: dropped after the connection closes
    core::Connection m_c;
    QTemporaryDir m_dir;
    QString m_schema;

    // For initTestCase().
    void openFixture() {
        m_c = core::Connection::open(profile());
        m_schema = QStringLiteral("export_test_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema);
    }

    QString file(const QString& name) const { return m_dir.filePath(name); }

    core::ExportResult exportTable(const QString& name, const core::ExportOptions& options,
                                   const QString& path, core::QuerySpec spec = {}) {
        const core::TableInfo table = core::CatalogReader(m_c).table(name);
        spec.schema = table.schema;
        spec.table = table.name;
        core::ExportWriter writer(m_c);
        return writer.exportTo(spec, table, path, options);
    }

    core::ExportResult exportQuery(const QString& sql, const core::ExportOptions& options,
                                   const QString& path, core::QuerySpec spec = {}) {
        const core::TableInfo table = core::CatalogReader(m_c).describeQuery(sql);
        spec.sql = sql;
        core::ExportWriter writer(m_c);
        return writer.exportTo(spec, table, path, options);
    }

    static core::ExportOptions format(core::ExportFormat f) {
        core::ExportOptions o;
        o.format = f;
        return o;
    }
};

} // namespace pgdesk::test
