// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/profilestore.h>

#include <QDialog>
#include <QSet>

#include <functional>

class QLabel;
class QLineEdit;
class QTreeView;
class QProgressBar;
class QPushButton;

namespace pgdesk::ui {

class JobSlot;
class ProfileEditor;
class ProfileListModel;
class ProfileTreeModel;
class ProfileFolderView;

// The connection manager: saved profiles on the left; create, edit, duplicate, delete; the selected
// profile's fields (ProfileEditor); a DSN box that fills them; "Test connection" off the GUI thread;
// import from pg_service.conf. Profiles are written through core::ProfileStore, passwords through
// core::SecretStore on worker threads (the keychain only when "save password" is ticked). "Connect"
// saves pending changes and accepts with selectedProfileName(). The DSN box only fills the fields (Enter
// there never saves or connects); with no profile shown it starts a draft that exists once it is saved.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget* parent = nullptr,
                              const QString& storePath = core::ProfileStore::defaultPath());
    ~ConnectionDialog() override;

    // The profile being edited, as saved (empty when there is none, or for a draft not saved yet).
    QString selectedProfileName() const { return m_current; }
    // A profile filled from a DSN while none was shown: on screen, not in the store until saved.
    bool isDraft() const { return m_draft; }
    void selectProfile(const QString& name);

    void newProfile();
    void duplicateProfile();
    // Asks first when `confirm`; returns false when nothing was deleted.
    bool deleteProfile(bool confirm = true);
    // Writes the edited profile (and its password as the checkbox says); `then` runs once the
    // keychain work is done. Returns false (and shows why) when the profile is not valid.
    bool save(std::function<void()> then = {});
    // Fills the fields from a URI or key=value DSN (errors inline; the password goes to the masked field).
    // Saves nothing. A profile the user has not named ("New connection", or a name an earlier DSN gave)
    // is named after the connection (user@host:port/db).
    bool fillFromDsn(const QString& dsn);
    // Adds the services of a pg_service.conf file that have no profile of that name yet; returns how many.
    int importServiceFile(const QString& path);
    void testConnection();

    bool isDirty() const { return m_dirty; }
    bool isTesting() const { return m_testing; }
    QString testResultText() const;
    QString statusText() const;
    QString dsnMessage() const;

    ProfileEditor* editor() const { return m_editor; }
    ProfileListModel* model() const { return m_model; }
    // The same profiles in folders, as the list shows them.
    ProfileTreeModel* folders() const { return m_folders; }
    QTreeView* list() const;

    // Moves a profile to `folder` ("" = the top level) and saves it (what a drop onto a folder does).
    bool moveProfile(const QString& name, const QString& folder);
    // Renames a folder (and everything in it) and saves the profiles.
    bool renameFolder(const QString& from, const QString& to);
    // Export… and Import… without their file dialogs: JSON without secrets (core profiletransfer.h).
    // Importing names that exist asks to replace them unless `replace` is given.
    bool exportProfilesTo(const QString& path, const QStringList& names = {});
    bool importProfilesFrom(const QString& path, bool replace = false);
    QLineEdit* dsnEdit() const { return m_dsn; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* connectButton() const { return m_connect; }
    QPushButton* testButton() const { return m_test; }

    void accept() override;
    void reject() override;

signals:
    // A saved profile now has another name (written to the store): whoever shows the old one follows.
    void profileRenamed(const QString& from, const QString& to);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createListPane();
    QWidget* createEditorPane();
    void reloadList(const QString& select);
    void showProfile(int row);
    bool confirmLeaving();
    void onEdited();
    void updateButtons();
    void setStatus(const QString& text, bool error = false);
    enum class Tone { Neutral, Good, Bad };
    void setTestResult(const QString& text, Tone tone);
    void setTesting(bool testing);
    bool isSaving() const; // a save still storing the password
    void loadPasswordState(const QString& name);
    QString uniqueName(const QString& base) const;
    bool isUnnamed(const QString& name) const;
    QString nameForDsn(const core::ConnectionProfile& parsed) const;
    QStringList otherNames(const QString& name) const;
    void chooseServiceFile();
    void selectRow(int row); // the profile at `row` of model() in the tree
    bool saveAll(const QString& select, const QString& what);

    core::ProfileStore m_store;
    JobSlot* m_testJob = nullptr;     // Test connection: a second click, an edit or another profile drops it
    JobSlot* m_passwordJob = nullptr; // whether the keychain holds the shown profile's password
    ProfileListModel* m_model = nullptr;
    ProfileTreeModel* m_folders = nullptr;
    ProfileFolderView* m_list = nullptr;
    ProfileEditor* m_editor = nullptr;
    QLineEdit* m_dsn = nullptr;
    QLabel* m_dsnMessage = nullptr;
    QPushButton* m_test = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_testResult = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_duplicate = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_connect = nullptr;

    QString m_current;    // name of the shown profile as saved
    bool m_draft = false; // the shown profile came from a DSN and is not saved yet
    QString m_autoName;   // the last name fillFromDsn() made up: still the user's to replace
    bool m_dirty = false;
    bool m_testing = false;
    bool m_switching = false;     // selection changes made by the dialog itself
    bool m_acceptPending = false; // Connect pressed while a save was still storing the password
    QSet<QString> m_sessionOnly;  // profiles whose password this dialog kept in memory only
};

} // namespace pgdesk::ui
