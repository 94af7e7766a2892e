// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QDialog>
#include <QString>

#include <optional>

class QLabel;

namespace pgdesk::ui {

// What the diagnostics say about the open session: plain values the window already holds, so making
// the report never calls libpq (nor blocks) on the GUI thread.
struct SessionDiagnostics {
    std::optional<core::ConnectionProfile> profile; // the current session's settings; none when not connected
    QString serverVersion;                          // as read when the session opened ("15.4")
};

// Help ▸ About PgDesk: the versions of PgDesk, Qt (run time and build) and libpq, the server's when
// connected, and "Copy diagnostics", which puts diagnosticsText() on the clipboard for a bug report.
class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(SessionDiagnostics session, QWidget* parent = nullptr);

    // The versions as the dialog shows them, one per line.
    QString versionsText() const;
    // A plain-text report: versions, OS, the profile's settings with every secret masked, the server
    // version and the latest errors of ErrorLog.
    static QString diagnosticsText(const SessionDiagnostics& session);
    // diagnosticsText() to the clipboard.
    static void copyDiagnostics(const SessionDiagnostics& session);

signals:
    void diagnosticsCopied();

private:
    SessionDiagnostics m_session;
    QLabel* m_versions = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace pgdesk::ui
