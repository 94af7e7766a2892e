// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <optional>

class QLabel;
class QPlainTextEdit;

namespace pgdesk::ui {

// Shows one cell's whole value (the grid elides long text): JSON indented, everything else exactly as
// the server printed it, with its type and size; of a value over 256 Ki characters only the beginning
// (the window would freeze laying it out). Read-only; Copy puts the exact, whole text on the clipboard.
class ValueViewer final : public QDialog {
    Q_OBJECT
public:
    ValueViewer(const QString& column, const QString& type, const std::optional<QString>& value,
                QWidget* parent = nullptr);

    QString shownText() const;

private:
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_info = nullptr;
    std::optional<QString> m_value;
};

} // namespace pgdesk::ui
