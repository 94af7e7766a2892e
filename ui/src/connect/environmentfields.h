// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;

namespace pgdesk::ui {

// The profile editor's Environment page: environment (production is write-guarded), colour (the
// environment's own unless chosen) and the connection manager's folder.
class EnvironmentFields final : public QWidget {
    Q_OBJECT
public:
    explicit EnvironmentFields(QWidget* parent = nullptr);

    void setProfile(const core::ConnectionProfile& profile);
    void applyTo(core::ConnectionProfile& profile) const;
    // The colour chosen ("" = the environment's), for tests that cannot click through QColorDialog.
    void setColour(const QString& colour);

signals:
    void edited();

private:
    void showColour();
    void chooseColour();

    QComboBox* m_environment = nullptr;
    QToolButton* m_colourButton = nullptr;
    QToolButton* m_resetColour = nullptr;
    QLineEdit* m_folder = nullptr;
    QString m_colour;
};

} // namespace pgdesk::ui
