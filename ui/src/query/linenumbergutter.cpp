// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/linenumbergutter.h"

#include "query/sqleditor.h"

namespace pgdesk::ui {

LineNumberGutter::LineNumberGutter(SqlEditor* editor)
    : QWidget(editor)
    , m_editor(editor) {
    setObjectName(QStringLiteral("lineNumberGutter"));
    setAccessibleName(tr("Line numbers"));
}

QSize LineNumberGutter::sizeHint() const {
    return {m_editor->gutterWidth(), 0};
}

void LineNumberGutter::paintEvent(QPaintEvent* event) {
    m_editor->paintGutter(this, event);
}

} // namespace pgdesk::ui
