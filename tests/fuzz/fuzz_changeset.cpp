// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: ChangeSet::tableOfJsonText and fromJsonText on arbitrary bytes. A change set it accepts
// must survive toJsonText → fromJsonText unchanged, and planning it (per-row statements, SQL preview, the
// set-based plan) for a table with every column family may refuse it only with core::Error. A crash, a
// sanitizer report, another exception or a failed round trip is a bug.
#include "editing/setbasedupdate.h"
#include "fuzztable.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>

using namespace pgdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    // Reads unvalidated text (the CLI runs it while the whole set is parsed): must stay in bounds.
    (void)core::ChangeSet::tableOfJsonText(text);
    core::ChangeSet changes;
    try {
        changes = core::ChangeSet::fromJsonText(text);
    } catch (const core::Error&) {
        return 0;
    }
    const QByteArray written = changes.toJsonText(false);
    try {
        if (!(core::ChangeSet::fromJsonText(written) == changes)) {
            std::fprintf(stderr, "round trip changed the change set: %s\n", written.constData());
            __builtin_trap();
        }
    } catch (const core::Error& e) {
        std::fprintf(stderr, "written change set not readable (%s): %s\n", e.what(), written.constData());
        __builtin_trap();
    }
    const core::TableInfo table = fuzz::table(!changes.useCtid);
    changes.table = QStringLiteral("public.t");
    const core::ChangeSetApplier applier(table);
    try {
        (void)applier.plan(changes);
        (void)applier.preview(changes);
    } catch (const core::Error&) {
    }
    // The set-based plan needs many updates of distinct rows: the first change, if an update, repeated for
    // kSetBasedMinChanges rows whose key values differ by a suffix.
    if (!changes.isEmpty() && changes.changes.first().op == core::ChangeOp::Update) {
        core::ChangeSet many;
        many.table = changes.table;
        for (int i = 0; i < core::kSetBasedMinChanges + 6; ++i) {
            core::Change c = changes.changes.first();
            for (auto& [column, value] : c.key)
                value = value.value_or(QString()) + QString::number(i);
            many.changes << c;
        }
        try {
            (void)core::planSetBasedUpdates(table, many, 7);
        } catch (const core::Error&) {
        }
    }
    return 0;
}
