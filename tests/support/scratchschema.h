// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional> // suites hold one as std::optional<ScratchSchema>, made in initTestCase()

namespace pgdesk::test {

// A schema of one suite's own on the test cluster (ctest runs suites against the same database at once),
// alive as long as the object: made afresh (a leftover of an aborted run is dropped first) and filled by
// `setupSql`, in which every "$S" stands for the schema's name; dropped with everything in it by the
// destructor. The SQL goes through psql as the superuser, so the fixture never depends on the code under
// test; a failing setup throws, as psql() does.
class ScratchSchema final {
public:
    explicit ScratchSchema(QString name, const QString& setupSql = {});
    ~ScratchSchema();
    ScratchSchema(const ScratchSchema&) = delete;
    ScratchSchema& operator=(const ScratchSchema&) = delete;

    const QString& name() const { return m_name; }

private:
    QString m_name;
};

} // namespace pgdesk::test
