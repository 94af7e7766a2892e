// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace pgdesk::ui {

class EnvironmentFields;
class SshFields;

// The fields of one connection profile in tabs (Connection, Authentication & SSL, SSH, Pool, Session,
// Environment)
// with inline validation. Pure form: it never touches the profile store, the keychain or the server.
// Fields it does not show (sslcrl aside: extra libpq options, keepalives, convention overrides) are
// kept from the profile given to setProfile().
class ProfileEditor final : public QWidget {
    Q_OBJECT
public:
    explicit ProfileEditor(QWidget* parent = nullptr);

    // Shows a profile; clears the password field. Emits nothing.
    void setProfile(const core::ConnectionProfile& profile);
    // The profile as edited. A port that is not a number gives 0; isValid() says whether it is usable.
    core::ConnectionProfile profile() const;
    // The user trusted the commands shown (CommandTrustDialog): profile() no longer marks them untrusted.
    void trustCommands() { m_base.untrustedCommands = false; }

    // The password typed (or filled from a DSN) since setProfile(); nullopt when the field is empty.
    std::optional<QString> typedPassword() const;
    void setTypedPassword(const QString& password);
    bool savePassword() const;
    void setSavePassword(bool save);
    // Where the profile's password is kept, as far as is known: an empty field then means "keep it",
    // and its placeholder says so. Keychain ticks "save", None and Session untick it; Unknown (the
    // keychain has not answered yet) leaves the box alone. `setBox` false never touches the box.
    enum class PasswordState { Unknown, None, Session, Keychain };
    void setPasswordState(PasswordState state, bool setBox = true);
    PasswordState passwordState() const { return m_passwordState; }

    // Names of the other profiles: the name must differ from all of them.
    void setTakenNames(const QStringList& names);

    // Empty when the profile can be saved; otherwise the first problem in plain words (also shown inline).
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }

    QTabWidget* tabs() const { return m_tabs; }
    void focusName();

signals:
    // Any change made by the user (typing, picking, ticking).
    void edited();

private:
    QWidget* createConnectionTab();
    QWidget* createSecurityTab();
    void updateAuthentication();
    QWidget* createPoolTab();
    QWidget* createSessionTab();
    QWidget* fileField(QLineEdit* edit, const QString& title);
    void watch(QObject* field);
    void onEdited();
    void updateValidation();

    core::ConnectionProfile m_base;
    QStringList m_takenNames;
    PasswordState m_passwordState = PasswordState::Unknown;
    bool m_loading = false;

    QTabWidget* m_tabs = nullptr;
    QLabel* m_error = nullptr;
    // Connection
    QLineEdit* m_name = nullptr;
    QLineEdit* m_host = nullptr;
    QLineEdit* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_service = nullptr;
    QLineEdit* m_applicationName = nullptr;
    QSpinBox* m_connectTimeout = nullptr;
    QLabel* m_extraOptions = nullptr;
    QLabel* m_extraOptionsLabel = nullptr;
    // Authentication & SSL
    QLineEdit* m_password = nullptr;
    QCheckBox* m_savePassword = nullptr;
    QComboBox* m_sslMode = nullptr;
    QLineEdit* m_sslRootCert = nullptr;
    QLineEdit* m_sslCert = nullptr;
    QLineEdit* m_sslKey = nullptr;
    QLineEdit* m_sslCrl = nullptr;
    QComboBox* m_authentication = nullptr;
    QLineEdit* m_passwordCommand = nullptr;
    QSpinBox* m_passwordCommandTimeout = nullptr;
    QComboBox* m_gssEncMode = nullptr;
    QLineEdit* m_krbSrvName = nullptr;
    // Pool
    QSpinBox* m_poolSize = nullptr;
    QSpinBox* m_maxOverflow = nullptr;
    QDoubleSpinBox* m_poolTimeout = nullptr;
    QSpinBox* m_recycle = nullptr;
    QCheckBox* m_prePing = nullptr;
    QCheckBox* m_lifo = nullptr;
    // Session
    QSpinBox* m_statementTimeout = nullptr;
    QSpinBox* m_lockTimeout = nullptr;
    QComboBox* m_isolation = nullptr;
    QCheckBox* m_readOnly = nullptr;
    QCheckBox* m_echo = nullptr;
    QCheckBox* m_pooler = nullptr;
    QCheckBox* m_hideParameters = nullptr;
    EnvironmentFields* m_environment = nullptr;
    SshFields* m_ssh = nullptr;
};

} // namespace pgdesk::ui
