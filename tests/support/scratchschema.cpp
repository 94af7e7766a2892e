// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"

#include "testcluster.h"

#include <QtDebug>

#include <exception>

namespace pgdesk::test {

ScratchSchema::ScratchSchema(QString name, const QString& setupSql)
    : m_name(std::move(name)) {
    // One psql call, so the whole setup is one transaction: it is there completely or not at all.
    psql(QStringLiteral("drop schema if exists %1 cascade; create schema %1;").arg(m_name) +
         QString(setupSql).replace(QStringLiteral("$S"), m_name));
}

ScratchSchema::~ScratchSchema() {
    // Runs after the last test function: a failure can only be reported, not fail a test.
    try {
        psql(QStringLiteral("drop schema if exists %1 cascade").arg(m_name));
    } catch (const std::exception& e) {
        qWarning("scratch schema %s not dropped: %s", qPrintable(m_name), e.what());
    }
}

} // namespace pgdesk::test
