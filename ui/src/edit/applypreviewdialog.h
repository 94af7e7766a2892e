// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace pgdesk::ui {

// The SQL an apply would run, shown before it runs (object name "applyPreview"): read-only, wrapped to the
// dialog's width so that a long UPDATE reads without scrolling sideways, with Apply (object name
// "confirmApplyButton", the default) and Cancel. Accepting it is the go-ahead; it runs nothing itself.
// The SQL is coloured as in the query tool; above it, where it runs: the profile, the database and the
// profile's environment (object name "applyPreviewTarget").
class ApplyPreviewDialog final : public QDialog {
    Q_OBJECT
public:
    ApplyPreviewDialog(const QString& title, const QString& sql, const core::ConnectionProfile& profile,
                       QWidget* parent);

    // "Profile Shop, database shop (Production)"; without a profile's name (a DSN session) the database
    // alone.
    static QString targetText(const core::ConnectionProfile& profile);

    QPlainTextEdit* sqlView() const { return m_sql; }
    // A warning above the SQL (object name "applyPreviewWarning"; hidden while empty): staged foreign-key
    // values without a parent row, checked after the dialog opened.
    void setWarning(const QString& text);
    QString warning() const;

private:
    QPlainTextEdit* m_sql = nullptr;
    QLabel* m_warning = nullptr;
};

} // namespace pgdesk::ui
