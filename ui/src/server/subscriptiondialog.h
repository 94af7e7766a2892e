// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/server/publishing.h>

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class WriteUnlockButton;

// A new subscription of this database to another server's publications (core createSubscriptionStatements):
// the publisher chosen among the saved profiles (its host, port, database, user and sslmode; its password
// from the keychain or its password command, fetched on the worker when applied) or typed as a connection
// string with the password in a field of its own. The statement is shown as it is edited with the password
// masked, and applied by SchemaApplier (outside a transaction: it creates the slot on the publisher). A
// production profile applies only after Unlock writing.
class SubscriptionDialog final : public QDialog {
    Q_OBJECT
public:
    // `profiles`: the saved profiles a publisher may be chosen from.
    SubscriptionDialog(std::shared_ptr<core::Pool> pool, const QList<core::ConnectionProfile>& profiles,
                       QWidget* parent = nullptr);
    ~SubscriptionDialog() override;

    // The subscription as edited; its password only when typed (a profile's comes when applied).
    core::NewSubscription subscription() const;
    QString stateText() const;
    QPlainTextEdit* sqlView() const { return m_sql; }
    QPushButton* applyButton() const { return m_apply; }
    WriteUnlockButton* unlockButton() const { return m_unlock; }
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* publisherBox() const { return m_publisher; } // item 0: a connection string typed
    QLineEdit* connectionEdit() const { return m_connection; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* publicationsEdit() const { return m_publications; }
    QCheckBox* copyDataBox() const { return m_copyData; }
    QCheckBox* enabledBox() const { return m_enabled; }
    QCheckBox* createSlotBox() const { return m_createSlot; }
    QLineEdit* slotNameEdit() const { return m_slotName; }
    void apply();

signals:
    void applied(const QString& name); // created; the dialog closes

private:
    void update();
    void setState(const QString& text, bool error);
    const core::ConnectionProfile* publisherProfile() const;

    std::shared_ptr<core::Pool> m_pool;
    QList<core::ConnectionProfile> m_profiles;
    QLineEdit* m_name = nullptr;
    QComboBox* m_publisher = nullptr;
    QLineEdit* m_connection = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_publications = nullptr;
    QCheckBox* m_copyData = nullptr;
    QCheckBox* m_enabled = nullptr;
    QCheckBox* m_createSlot = nullptr;
    QLineEdit* m_slotName = nullptr;
    QCheckBox* m_binary = nullptr;
    QCheckBox* m_streaming = nullptr;
    QCheckBox* m_twoPhase = nullptr;
    QCheckBox* m_disableOnError = nullptr;
    QComboBox* m_synchronousCommit = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    QLabel* m_state = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QPushButton* m_apply = nullptr;
    JobSlot* m_applyJob = nullptr;
};

} // namespace pgdesk::ui
