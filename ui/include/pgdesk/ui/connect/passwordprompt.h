// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace pgdesk::ui {

class JobSlot;

// Asks for the password of a profile the server wants one for. On OK the password goes to SecretStore
// on a worker thread (the keychain only when "save" is ticked, otherwise this session's memory) and
// passwordStored() follows on the GUI thread, so the caller can retry the connection.
class PasswordPrompt final : public QDialog {
    Q_OBJECT
public:
    PasswordPrompt(QString profileName, const QString& reason, QWidget* parent = nullptr);

    // Whether a connection error (background.h errorText()) means the server wants a (different)
    // password: SQLSTATE 28P01, or libpq's "no password supplied".
    static bool isPasswordRequest(const QString& errorText);

    QString profileName() const { return m_profileName; }
    QLineEdit* passwordEdit() const { return m_password; }
    QCheckBox* saveBox() const { return m_save; }

    void accept() override;

signals:
    void passwordStored(const QString& profileName);

private:
    QString m_profileName;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_save = nullptr;
    QLabel* m_status = nullptr;
    JobSlot* m_store = nullptr; // the keychain write; running: the dialog waits for it
};

} // namespace pgdesk::ui
