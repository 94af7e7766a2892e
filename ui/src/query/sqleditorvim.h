// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/textedit/vim.h>

#include <QMetaObject>
#include <QString>

#include <functional>

class QKeyEvent;

namespace pgdesk::ui {

class SqlEditor;

// The SQL editor's document as core::VimEngine sees it: lines are its blocks, edits go through
// QTextCursor (a change is one undo step of the document), the visual selection is drawn as the
// editor's selection or, for a block, as a selected piece of each line (SqlEditor::showSelected).
class EditorVimBuffer final : public core::VimBuffer {
public:
    explicit EditorVimBuffer(SqlEditor* editor);
    ~EditorVimBuffer() override;
    void setSaveHandler(std::function<bool()> save) { m_save = std::move(save); }

    int lineCount() const override;
    QString line(int n) const override;
    void replace(core::VimPos from, core::VimPos to, const QString& text) override;
    core::VimPos cursor() const override;
    void setCursor(core::VimPos at) override;
    void setSelection(const core::VimSelection& selection) override;
    void beginChange() override;
    void endChange() override;
    std::optional<core::VimPos> undo() override;
    std::optional<core::VimPos> redo() override;
    bool save() override { return m_save && m_save(); }

private:
    int position(core::VimPos at) const;
    core::VimPos place(int position) const;
    void show(); // the cursor and the selection into the editor
    std::optional<core::VimPos> undoOrRedo(bool undo);

    SqlEditor* m_editor;
    std::function<bool()> m_save;
    core::VimPos m_cursor;
    core::VimSelection m_selection;
    // The editor's cursor as last set here: while it is unchanged the engine's own place (which a
    // selection drawn one past the cursor hides) is the cursor; once the mouse moved it, the editor's.
    int m_shownPosition = -1;
    int m_shownAnchor = -1;
    int m_depth = 0;
    bool m_firstEdit = true;
    bool m_replacing = false;          // replace()'s own edit
    QMetaObject::Connection m_changes; // any other edit: the editor's cursor is the cursor again
};

// A key as vim names it ("x", "<Esc>", "<C-r>", "<CR>"); empty for a key vim has no name for here.
QString vimKeyName(const QKeyEvent* event);

} // namespace pgdesk::ui
