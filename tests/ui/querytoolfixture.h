// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the query-tool suites share: tools on one pool with a history file each in a temporary folder, a
// run that waits for its end, and the suite's scratch schema written as $S in SQL.
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/query/querytool.h>

#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace pgdesk::test {

class QueryToolFixture {
public:
    std::unique_ptr<ui::QueryTool> tool() {
        // The suites here run UPDATE without WHERE and DROP as ordinary steps; tst_querytoolconfirm tests the
        // question they would get.
        ui::UiSettings::setConfirmSweeping(confirmSweeping);
        return std::make_unique<ui::QueryTool>(
            m_toolPool, QStringLiteral("demo"), nullptr,
            m_toolDir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_tools)));
    }
    // Runs `sql` as the tool's whole script; false when it did not finish in 20 s.
    static bool runAndWait(ui::QueryTool& t, const QString& sql) {
        t.setSql(sql);
        QSignalSpy done(&t, &ui::QueryTool::runFinished);
        t.run();
        return done.wait(20000);
    }

protected:
    // `text` with $S replaced by the suite's schema.
    QString sql(QString text) const { return text.replace(QStringLiteral("$S"), m_schema); }

    QString m_schema;                       // the suite's scratch schema, set by its initTestCase
    std::shared_ptr<core::Pool> m_toolPool; // set by the suite's initTestCase
    QTemporaryDir m_toolDir;
    int m_tools = 0;
    bool confirmSweeping = false;
};

} // namespace pgdesk::test
