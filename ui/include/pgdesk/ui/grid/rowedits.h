// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/stagedchanges.h>

#include <QObject>

#include <optional>

namespace pgdesk::ui {

// What a grid needs of a table's staged edits: the staged values to show over the page's, the row states,
// and a way to stage what the user types. The grid declares it; the editing folder implements it
// (EditSession, with its journal and apply), so the grid never depends on editing. GUI thread only.
class RowEdits : public QObject {
    Q_OBJECT
public:
    using RowState = core::StagedRowState;

    using QObject::QObject;

    virtual const core::TableInfo& table() const = 0;
    virtual const core::StagedChanges& staged() const = 0;

    // Not generated, not identity ALWAYS, a column of the table, and one the role may UPDATE (rows read
    // from the server) or INSERT (new rows): column privileges can differ from the table's.
    bool isColumnUpdatable(const QString& column) const;
    bool isColumnInsertable(const QString& column) const;

    // Stages column = value for the row; a value equal to what the row was read with unstages the column
    // (unless original is only the beginning of the value: a cut value, PageModel::isCut()).
    virtual void stageValue(const core::Key& key, const QString& version, const QString& column,
                            const std::optional<QString>& value, const std::optional<QString>& original,
                            bool originalIsWhole = true) = 0;
    // Stages column = DEFAULT for the row (the server's default expression, NULL when the column has none).
    virtual void stageDefault(const core::Key& key, const QString& version, const QString& column,
                              const std::optional<QString>& original) = 0;
    virtual void stageInsertValue(qsizetype insertIndex, const QString& column,
                                  const std::optional<QString>& value) = 0;
    // Takes a column of a new row back to its default.
    virtual void unsetInsertValue(qsizetype insertIndex, const QString& column) = 0;

    // Reading what is staged (core::StagedChanges).
    QList<qsizetype> insertIndexes() const { return staged().insertIndexes(); }
    std::optional<std::optional<QString>> insertValue(qsizetype insertIndex, const QString& column) const {
        return staged().insertValue(insertIndex, column);
    }
    std::optional<std::optional<QString>> stagedValue(const core::Key& key, const QString& column) const {
        return staged().stagedValue(key, column);
    }
    bool isStagedDefault(const core::Key& key, const QString& column) const {
        return staged().isStagedDefault(key, column);
    }
    RowState rowState(const core::Key& key) const { return staged().rowState(key); }
    const core::ChangeConflict* conflict(const core::Key& key) const { return staged().conflict(key); }

signals:
    void changed();
};

} // namespace pgdesk::ui
