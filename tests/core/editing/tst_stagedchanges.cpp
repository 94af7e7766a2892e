// SPDX-License-Identifier: GPL-3.0-or-later
// The staging rules of an editing grid (core::StagedChanges), pure: what counts as an edit, row states,
// undo steps and batches, conflicts kept and resolved. No server needed.
#include <pgdesk/core/editing/stagedchanges.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

TableInfo items() {
    TableInfo t;
    t.schema = QStringLiteral("public");
    t.name = QStringLiteral("items");
    t.conventions.rowKey = {QStringLiteral("id")};
    t.conventions.rowKeySource = QStringLiteral("primary_key");
    return t;
}

Key key(int id) {
    return Key{{QStringLiteral("id"), QString::number(id)}};
}

const QString kName = QStringLiteral("name");
const QString kNote = QStringLiteral("note");

} // namespace

class TestStagedChanges final : public QObject {
    Q_OBJECT

private slots:
    void aValueBackToTheOriginalIsNoEdit() {
        StagedChanges s(items());
        QVERIFY(!s.stageValue(key(1), QStringLiteral("7"), kName, QStringLiteral("b"), QStringLiteral("b")));
        QVERIFY(s.isEmpty());
        QVERIFY(s.stageValue(key(1), QStringLiteral("7"), kName, QStringLiteral("c"), QStringLiteral("b")));
        QCOMPARE(s.stagedValue(key(1), kName), std::optional<std::optional<QString>>(QStringLiteral("c")));
        QCOMPARE(s.rowState(key(1)), StagedRowState::Updated);
        // Typing the value it was read with takes the edit back (the first original counts).
        QVERIFY(s.stageValue(key(1), QStringLiteral("7"), kName, QStringLiteral("b"), QStringLiteral("c")));
        QVERIFY(s.isEmpty());
        QCOMPARE(s.rowState(key(1)), StagedRowState::None);
    }

    void nullAndEmptyAreDifferentValues() {
        StagedChanges s(items());
        QVERIFY(s.stageValue(key(1), {}, kNote, QString(QLatin1String("")), std::nullopt));
        QCOMPARE(s.stagedValue(key(1), kNote),
                 std::optional<std::optional<QString>>(QString(QLatin1String(""))));
        QVERIFY(s.stageValue(key(2), {}, kNote, std::nullopt, QStringLiteral("x")));
        QCOMPARE(s.stagedValue(key(2), kNote),
                 std::optional<std::optional<QString>>(std::optional<QString>()));
        QVERIFY(!s.stageValue(key(3), {}, kNote, std::nullopt, std::nullopt)); // NULL over NULL: no edit
    }

    void aCutOriginalIsAlwaysAnEdit() {
        // A value read cut (only its beginning) may equal what was typed and still differ on the server.
        StagedChanges s(items());
        QVERIFY(s.stageValue(key(1), {}, kName, QStringLiteral("abc"), QStringLiteral("abc"), false));
        QCOMPARE(s.size(), 1);
    }

    void keysMatchWhateverTheColumnOrder() {
        const Key ab{{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), std::nullopt}};
        const Key ba{{QStringLiteral("b"), std::nullopt}, {QStringLiteral("a"), QStringLiteral("1")}};
        QCOMPARE(StagedChanges::keyText(ab), StagedChanges::keyText(ba));
        const Key other{{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), QString()}};
        QVERIFY(StagedChanges::keyText(ab) != StagedChanges::keyText(other)); // NULL is not ""
    }

    void rowStatesAndRestore() {
        StagedChanges s(items());
        s.stageValue(key(1), {}, kName, QStringLiteral("x"), QStringLiteral("y"));
        s.stageDelete(key(1), {}, false);
        QCOMPARE(s.rowState(key(1)), StagedRowState::SoftDeletePending);
        s.stageDelete(key(2), {}, true);
        QCOMPARE(s.rowState(key(2)), StagedRowState::DeletePending);
        // Restoring a row pending deletion takes the delete back; its edit stays.
        s.stageRestore(key(1), {}, false);
        QCOMPARE(s.rowState(key(1)), StagedRowState::Updated);
        // A row soft-deleted on the server gets a restore staged.
        s.stageRestore(key(3), QStringLiteral("9"), true);
        QCOMPARE(s.rowState(key(3)), StagedRowState::RestorePending);
        // A row that is neither: nothing to restore, nothing staged.
        const qsizetype before = s.size();
        s.stageRestore(key(4), {}, false);
        QCOMPARE(s.size(), before);
    }

    void pastedCellsSkipRowsPendingDeletion() {
        StagedChanges s(items());
        s.stageDelete(key(2), {}, true);
        QList<StagedChanges::CellValue> cells;
        for (int id = 1; id <= 3; ++id)
            cells << StagedChanges::CellValue{
                key(id), {}, kName, QStringLiteral("p%1").arg(id), QStringLiteral("o")};
        cells << StagedChanges::CellValue{key(1), {}, kNote, QStringLiteral("same"), QStringLiteral("same")};
        QVERIFY(s.stageValues(cells));
        QCOMPARE(s.stagedValue(key(1), kName), std::optional<std::optional<QString>>(QStringLiteral("p1")));
        QCOMPARE(s.stagedValue(key(2), kName), std::nullopt);
        QCOMPARE(s.stagedValue(key(3), kName), std::optional<std::optional<QString>>(QStringLiteral("p3")));
        QCOMPARE(s.stagedValue(key(1), kNote), std::nullopt); // equal to the original: no edit
        // A paste that sets cells back empties their rows' changes.
        QVERIFY(s.stageValues(
            {StagedChanges::CellValue{key(1), {}, kName, QStringLiteral("o"), QStringLiteral("p1")}}));
        QCOMPARE(s.rowState(key(1)), StagedRowState::None);
        QCOMPARE(s.size(), 2);
    }

    void defaultsAndInserts() {
        StagedChanges s(items());
        s.stageValue(key(1), {}, kName, QStringLiteral("x"), QStringLiteral("y"));
        s.stageDefault(key(1), {}, kName, QStringLiteral("y"));
        QVERIFY(s.isStagedDefault(key(1), kName));
        QCOMPARE(s.stagedValue(key(1), kName), std::nullopt);

        const qsizetype at = s.stageInsert();
        QCOMPARE(s.insertIndexes(), QList<qsizetype>{at});
        QCOMPARE(s.insertValue(at, kName), std::nullopt); // never set: the column's default
        s.stageInsertValue(at, kName, std::nullopt);
        QCOMPARE(s.insertValue(at, kName), std::optional<std::optional<QString>>(std::optional<QString>()));
        s.unsetInsertValue(at, kName);
        QCOMPARE(s.insertValue(at, kName), std::nullopt);
        s.cancelInsert(at);
        QVERIFY(s.insertIndexes().isEmpty());
        QCOMPARE(s.insertValue(at, kName), std::nullopt); // not an insert (any more): nothing
    }

    void eachStageIsOneUndoStepAndABatchIsOne() {
        StagedChanges s(items());
        QVERIFY(!s.canUndo());
        s.stageValue(key(1), {}, kName, QStringLiteral("a"), QStringLiteral("o"));
        s.stageValue(key(2), {}, kName, QStringLiteral("b"), QStringLiteral("o"));
        s.beginBatch();
        QVERIFY(!s.stageDelete(key(3), {}, true)); // inside a batch: the step comes at its end
        s.beginBatch();
        s.stageDelete(key(4), {}, true);
        QVERIFY(!s.endBatch()); // nested: still inside
        QVERIFY(s.endBatch());
        QCOMPARE(s.size(), 4);
        QVERIFY(s.undo()); // the batch, as one step
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.rowState(key(4)), StagedRowState::None);
        QVERIFY(s.undo());
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.rowState(key(1)), StagedRowState::Updated); // the index follows the undo
        QVERIFY(s.undo());
        QVERIFY(s.isEmpty());
        QVERIFY(!s.undo());
        QVERIFY(!s.endBatch()); // an end without a begin changes nothing
    }

    void anEmptyBatchTakesNoStep() {
        StagedChanges s(items());
        s.beginBatch();
        QVERIFY(!s.endBatch());
        QVERIFY(!s.canUndo());
    }

    void undoKeepsAtMostAHundredSteps() {
        StagedChanges s(items());
        for (int i = 0; i < StagedChanges::kUndoSteps + 20; ++i)
            s.stageValue(key(i), {}, kName, QStringLiteral("v"), QStringLiteral("o"));
        int undone = 0;
        while (s.undo())
            ++undone;
        QCOMPARE(undone, StagedChanges::kUndoSteps);
        QCOMPARE(s.size(), 20); // the oldest steps can no longer be taken back
    }

    void conflictsAreKeptByKeyAndResolved() {
        StagedChanges s(items());
        s.stageValue(key(1), QStringLiteral("7"), kName, QStringLiteral("mine"), QStringLiteral("old"));
        s.stageValue(key(2), QStringLiteral("8"), kName, QStringLiteral("mine2"), QStringLiteral("old2"));
        s.stageValue(key(3), QStringLiteral("9"), kName, QStringLiteral("mine3"), QStringLiteral("old3"));
        ChangeConflict changed;
        changed.key = key(1);
        changed.current = RowResult{{QStringLiteral("id"), kName},
                                    {QStringLiteral("1"), QStringLiteral("theirs")},
                                    QStringLiteral("70")};
        ChangeConflict vanished;
        vanished.key = Key{{QStringLiteral("id"), QStringLiteral("2")}};
        vanished.vanished = true;
        s.setConflicts({changed, vanished});
        QVERIFY(s.conflict(key(1)));
        QVERIFY(s.conflict(key(2)));
        QVERIFY(!s.conflict(key(3)));

        StagedChanges theirs = s;
        QVERIFY(theirs.takeTheirs());
        QCOMPARE(theirs.size(), 1);
        QCOMPARE(theirs.rowState(key(3)), StagedRowState::Updated);
        QVERIFY(theirs.conflicts().isEmpty());

        QVERIFY(s.keepMine());
        QVERIFY(s.conflicts().isEmpty());
        QVERIFY(!s.canUndo()); // resolving starts afresh
        QCOMPARE(s.size(), 2); // the vanished row's change is dropped
        const Change& kept = s.changes().changes.at(s.changes().indexOfKey(key(1)));
        QCOMPARE(kept.version, QStringLiteral("70")); // against the row as it is now
        QCOMPARE(kept.original, (Row{{kName, QStringLiteral("theirs")}}));
        QCOMPARE(s.stagedValue(key(1), kName), std::optional<std::optional<QString>>(QStringLiteral("mine")));
    }

    void replaceAndClearStartAfresh() {
        StagedChanges s(items());
        s.stageValue(key(1), {}, kName, QStringLiteral("a"), QStringLiteral("o"));
        ChangeConflict c;
        c.key = key(1);
        c.vanished = true;
        s.setConflicts({c});
        ChangeSet offered(items());
        offered.stageDelete(key(5), QStringLiteral("3"));
        QVERIFY(s.replace(offered));
        QVERIFY(!s.canUndo());
        QVERIFY(!s.conflict(key(1)));
        QCOMPARE(s.rowState(key(5)), StagedRowState::DeletePending);
        QCOMPARE(s.rowState(key(1)), StagedRowState::None);
        s.clear();
        QVERIFY(s.isEmpty());
        QCOMPARE(s.rowState(key(5)), StagedRowState::None);
    }

    void ctidKeyedTablesStageByPosition() {
        TableInfo t = items();
        t.conventions.rowKey = {QStringLiteral("ctid")};
        t.conventions.rowKeySource = QStringLiteral("ctid");
        StagedChanges s(t);
        QVERIFY(s.changes().useCtid);
        QCOMPARE(s.changes().table, QStringLiteral("public.items"));
    }
};

QTEST_GUILESS_MAIN(TestStagedChanges)
#include "tst_stagedchanges.moc"
