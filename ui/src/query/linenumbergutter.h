// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace pgdesk::ui {

class SqlEditor;

// The strip left of the SQL editor's text that shows line numbers. The editor decides its width and
// paints it (it knows where each line is); this widget only forwards size hints and paint events.
class LineNumberGutter final : public QWidget {
    Q_OBJECT
public:
    explicit LineNumberGutter(SqlEditor* editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    SqlEditor* m_editor;
};

} // namespace pgdesk::ui
