// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the query engine suites share (tst_queryfilters: filters, search, soft delete; tst_queryengine:
// paging, counts, streaming): a connection to the demo database and the spec helpers.
#include "testcluster.h"

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>

namespace pgdesk::test {

inline core::Condition condition(const QString& column, core::FilterOp op, QStringList values = {},
                                 QStringList jsonPath = {}) {
    core::Condition c;
    c.column = column;
    c.op = op;
    c.values = std::move(values);
    c.jsonPath = std::move(jsonPath);
    return c;
}

inline core::QuerySpec allRows(const core::TableInfo& table) {
    core::QuerySpec s;
    s.schema = table.schema;
    s.table = table.name;
    s.scope = core::SoftDeleteScope::All;
    s.count = core::CountMode::None;
    s.page.pageSize = 10000;
    return s;
}

class DemoFixture {
protected:
    core::Connection m_c;
    core::TableInfo table(const QString& schema, const QString& name) {
        return core::CatalogReader(m_c).table(schema, name);
    }
};

} // namespace pgdesk::test
