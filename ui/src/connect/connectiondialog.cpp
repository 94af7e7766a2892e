// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/connect/connectiondialog.h>

#include "connect/connectionwork.h"
#include "connect/profilefolderview.h"
#include "connect/profileitemdelegate.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/connect/commandtrustdialog.h>
#include <pgdesk/ui/connect/profileeditor.h>
#include <pgdesk/ui/connect/profilelistmodel.h>
#include <pgdesk/ui/connect/profiletreemodel.h>

#include <QDir>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace pgdesk::ui {

namespace {

using PasswordState = ProfileEditor::PasswordState;

QPushButton* button(const QString& text, const char* objectName, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(objectName));
    return b;
}

// A keychain write of a profile the list already shows (its password copied, removed or stored at a save):
// always heard to the end, so a JobSlot of its own that nothing supersedes, gone once it has answered.
JobSlot* keychainWrite(QObject* owner, const QString& name) {
    auto* job = new JobSlot(owner);
    job->setObjectName(name);
    QObject::connect(job, &JobSlot::runningChanged, job, [job](bool running) {
        if (!running)
            job->deleteLater();
    });
    return job;
}

const QString kPasswordSave = QStringLiteral("passwordSave");

} // namespace

ConnectionDialog::ConnectionDialog(QWidget* parent, const QString& storePath)
    : QDialog(parent)
    , m_store(storePath)
    , m_testJob(new JobSlot(this))
    , m_passwordJob(new JobSlot(this))
    , m_model(new ProfileListModel(this))
    , m_folders(new ProfileTreeModel(this)) {
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connections"));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createListPane());
    splitter->addWidget(createEditorPane());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 640});

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_save = button(tr("&Save"), "saveButton", this);
    m_save->setToolTip(tr("Write the changes to the profile file (and the password to the keychain when "
                          "ticked)"));
    auto* close = button(tr("Close"), "closeButton", this);
    m_connect = button(tr("C&onnect"), "connectButton", this);
    m_connect->setDefault(true);
    m_connect->setToolTip(tr("Save any changes and open this connection"));
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(close, &QPushButton::clicked, this, &ConnectionDialog::reject);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionDialog::accept);

    // Save belongs to the form, Close and Connect to the dialog: one row, in that reading order.
    auto* bottom = new QHBoxLayout;
    bottom->setSpacing(8);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_save);
    bottom->addSpacing(16);
    bottom->addWidget(close);
    bottom->addWidget(m_connect);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_editor, &ProfileEditor::edited, this, &ConnectionDialog::onEdited);
    reloadList(QString());
    if (!m_store.warning().isEmpty())
        setStatus(m_store.warning(), true);
    resize(940, 580);
}

ConnectionDialog::~ConnectionDialog() = default;

QTreeView* ConnectionDialog::list() const {
    return m_list;
}

QWidget* ConnectionDialog::createListPane() {
    auto* pane = new QWidget(this);
    auto* title = new QLabel(tr("Saved connections"), pane);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_list = new ProfileFolderView(m_folders, pane);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setItemDelegate(new ProfileItemDelegate(m_list));
    // Dropped onto a folder: saved, then the tree is filled again (queued: never inside the drop).
    connect(
        m_folders, &ProfileTreeModel::profileMoved, this,
        [this](const QString& name, const QString& folder) { moveProfile(name, folder); },
        Qt::QueuedConnection);
    connect(m_list, &ProfileFolderView::folderRenameRequested, this, &ConnectionDialog::renameFolder);
    connect(m_list, &ProfileFolderView::foldersChanged, this, [this] { reloadList(m_current); });
    m_list->setAccessibleName(tr("Saved connections"));
    m_list->setMinimumWidth(220);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current, const QModelIndex& previous) {
                if (m_switching)
                    return;
                if (!confirmLeaving()) { // stay on the profile with unsaved changes
                    m_switching = true;
                    m_list->setCurrentIndex(previous);
                    m_switching = false;
                    return;
                }
                showProfile(m_folders->profileRow(current));
            });
    connect(m_list, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (m_folders->profileRow(index) >= 0)
            accept();
    });

    auto* add = button(tr("&New"), "newButton", pane);
    add->setToolTip(tr("Create a connection profile"));
    m_duplicate = button(tr("D&uplicate"), "duplicateButton", pane);
    m_duplicate->setToolTip(tr("Copy the selected profile (and its saved password) under a new name"));
    m_delete = button(tr("&Delete"), "deleteButton", pane);
    m_delete->setToolTip(tr("Delete the selected profile and its saved password"));
    auto* exportButton = button(tr("E&xport…"), "exportProfilesButton", pane);
    exportButton->setToolTip(tr("Save the profiles to a JSON file, without passwords"));
    auto* importButton = button(tr("Im&port…"), "importProfilesButton", pane);
    importButton->setToolTip(tr("Add the profiles of a JSON file exported by PgDesk"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = chooseFileToSave(this, tr("Export profiles"), QStringLiteral("profiles.json"),
                                              tr("JSON files (*.json)"));
        if (!path.isEmpty())
            exportProfilesTo(path);
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = chooseFileToOpen(this, tr("Import profiles"), tr("JSON files (*.json)"));
        if (!path.isEmpty())
            importProfilesFrom(path);
    });
    auto* import = button(tr("&Import from pg_service.conf…"), "importButton", pane);
    import->setToolTip(tr("Add a profile for each service of a pg_service.conf file"));
    connect(add, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectionDialog::duplicateProfile);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteProfile(); });
    connect(import, &QPushButton::clicked, this, &ConnectionDialog::chooseServiceFile);

    auto* row = new QHBoxLayout;
    row->setSpacing(6);
    row->addWidget(add);
    row->addWidget(m_duplicate);
    row->addWidget(m_delete);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    auto* transfer = new QHBoxLayout;
    transfer->setSpacing(6);
    transfer->addWidget(exportButton);
    transfer->addWidget(importButton);
    layout->addLayout(transfer);
    layout->addWidget(import);
    return pane;
}

QWidget* ConnectionDialog::createEditorPane() {
    auto* pane = new QWidget(this);
    m_dsn = new QLineEdit(pane);
    m_dsn->setObjectName(QStringLiteral("dsn"));
    m_dsn->setPlaceholderText(tr("postgresql://user@host:5432/db  or  host=… dbname=…"));
    m_dsn->setClearButtonEnabled(true);
    m_dsn->setToolTip(tr("Paste a connection URI or key=value string, then Enter or Fill fields: it replaces "
                         "the connection fields (nothing is saved); a password in it goes to the (masked) "
                         "password field."));
    m_dsn->installEventFilter(this); // Enter fills the fields; it must not reach the Connect button
    auto* fill = button(tr("&Fill fields"), "fillButton", pane);
    connect(fill, &QPushButton::clicked, this, [this] { fillFromDsn(m_dsn->text()); });
    auto* dsnRow = new QHBoxLayout;
    dsnRow->setSpacing(6);
    auto* dsnLabel = new QLabel(tr("&Paste a DSN:"), pane);
    dsnLabel->setBuddy(m_dsn);
    dsnRow->addWidget(dsnLabel);
    dsnRow->addWidget(m_dsn, 1);
    dsnRow->addWidget(fill);
    m_dsnMessage = new QLabel(pane);
    m_dsnMessage->setObjectName(QStringLiteral("dsnMessage"));
    m_dsnMessage->setTextFormat(Qt::PlainText);
    m_dsnMessage->setWordWrap(true);
    m_dsnMessage->hide();

    m_editor = new ProfileEditor(pane);
    m_empty = new QLabel(tr("No saved connections yet.\n\nCreate one with New, paste a DSN above, or import "
                            "the services of a pg_service.conf file."),
                         pane);
    m_empty->setObjectName(QStringLiteral("emptyHint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->hide();

    m_test = button(tr("&Test connection"), "testButton", pane);
    m_test->setToolTip(tr("Connect once with these settings (saved or not) and show the server version"));
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    m_busy = new QProgressBar(pane);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0); // no steps to count: an indeterminate "working" bar
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(90, m_test->sizeHint().height() / 2);
    m_busy->setAccessibleName(tr("Testing the connection"));
    m_busy->hide();
    m_testResult = new QLabel(pane);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->setSpacing(10);
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_busy, 0, Qt::AlignVCenter);
    testRow->addWidget(m_testResult, 1);

    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(dsnRow);
    layout->addWidget(m_dsnMessage);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(testRow);
    return pane;
}

void ConnectionDialog::reloadList(const QString& select) {
    m_model->setProfiles(m_store.profiles());
    m_folders->setProfiles(m_store.profiles(), UiSettings::emptyProfileFolders());
    m_list->restoreExpansion();
    int row = m_model->rowOf(select);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    m_switching = true;
    selectRow(row);
    m_switching = false;
    showProfile(row);
}

void ConnectionDialog::selectRow(int row) {
    const QModelIndex index = m_folders->indexOfProfileRow(row);
    if (index.isValid())
        m_list->scrollTo(index); // expands the folders above it
    m_list->setCurrentIndex(index);
}

void ConnectionDialog::selectProfile(const QString& name) {
    const int row = m_model->rowOf(name);
    if (row >= 0 && row != m_folders->profileRow(m_list->currentIndex()))
        selectRow(row); // asks about unsaved changes first
}

bool ConnectionDialog::eventFilter(QObject* watched, QEvent* event) {
    // QLineEdit passes Enter on to the dialog, whose default button (Connect) would save and connect.
    if (watched == m_dsn && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            fillFromDsn(m_dsn->text());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QStringList ConnectionDialog::otherNames(const QString& name) const {
    QStringList others;
    for (const auto& other : m_store.profiles())
        if (other.name != name)
            others << other.name;
    return others;
}

void ConnectionDialog::showProfile(int row) {
    m_testJob->abandon(); // a test of the previous profile no longer answers here
    setTesting(false);
    m_testResult->clear();
    m_dsnMessage->hide();
    m_draft = false;
    if (row < 0 || row >= m_model->rowCount()) {
        m_current.clear();
        m_editor->setProfile({});
    } else {
        const core::ConnectionProfile& p = m_model->profiles().at(row);
        m_current = p.name;
        m_editor->setTakenNames(otherNames(p.name));
        m_editor->setProfile(p);
        loadPasswordState(p.name);
    }
    m_dirty = false;
    updateButtons();
}

void ConnectionDialog::loadPasswordState(const QString& name) {
    m_passwordJob->start(
        [name](const std::shared_ptr<core::CancelToken>&) {
            return core::SecretStore::instance().password(name).has_value();
        },
        [this, name](bool found) {
            if (m_current != name)
                return;
            const PasswordState state = !found                         ? PasswordState::None
                                        : m_sessionOnly.contains(name) ? PasswordState::Session
                                                                       : PasswordState::Keychain;
            m_editor->setPasswordState(state, !m_dirty); // a box the user already set stays as set
        },
        [this](const BackgroundFailure& failure) {
            setStatus(tr("The keychain did not answer: %1").arg(failure.message), true);
        });
}

bool ConnectionDialog::confirmLeaving() {
    if (!m_dirty)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("Save the changes to “%1”?").arg(m_draft ? m_editor->profile().name : m_current),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    m_dirty = false;
    return true; // a discarded draft goes with the profile shown next
}

void ConnectionDialog::onEdited() {
    m_dirty = true;
    if (m_testing) { // the answer would describe settings that are no longer on screen
        m_testJob->abandon();
        setTesting(false);
        setTestResult(tr("The settings changed during the test; test again."), Tone::Neutral);
    } else {
        m_testResult->clear();
    }
    updateButtons();
}

void ConnectionDialog::updateButtons() {
    const bool saved = !m_current.isEmpty();
    const bool hasProfile = saved || m_draft;
    const bool valid = hasProfile && m_editor->isValid();
    m_editor->setVisible(hasProfile);
    m_empty->setVisible(!hasProfile);
    const bool saving = isSaving();
    m_save->setEnabled(valid && m_dirty && !saving);
    m_connect->setEnabled(valid && !saving);
    m_duplicate->setEnabled(saved);
    m_delete->setEnabled(saved);
    m_test->setEnabled(valid || m_testing);
}

bool ConnectionDialog::isSaving() const {
    const auto saves = findChildren<JobSlot*>(kPasswordSave, Qt::FindDirectChildrenOnly);
    return std::any_of(saves.begin(), saves.end(), [](const JobSlot* save) { return save->isRunning(); });
}

void ConnectionDialog::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, errorColor());
    m_status->setPalette(palette);
}

QString ConnectionDialog::statusText() const {
    return m_status->text();
}

QString ConnectionDialog::dsnMessage() const {
    return m_dsnMessage->isHidden() ? QString() : m_dsnMessage->text();
}

QString ConnectionDialog::testResultText() const {
    return m_testResult->text();
}

void ConnectionDialog::setTestResult(const QString& text, Tone tone) {
    m_testResult->setText(text);
    QPalette palette = this->palette();
    if (tone == Tone::Good)
        palette.setColor(QPalette::WindowText, successColor());
    else if (tone == Tone::Bad)
        palette.setColor(QPalette::WindowText, errorColor());
    m_testResult->setPalette(palette);
}

void ConnectionDialog::setTesting(bool testing) {
    m_testing = testing;
    m_busy->setVisible(testing);
    m_test->setText(testing ? tr("Cancel &test") : tr("&Test connection"));
    updateButtons();
}

QString ConnectionDialog::uniqueName(const QString& base) const {
    QString name = base;
    for (int n = 2; m_store.find(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

bool ConnectionDialog::isUnnamed(const QString& name) const {
    // What New gives ("New connection", "New connection 2") was never chosen by the user either.
    const QRegularExpression made(
        QStringLiteral("^%1(?: \\d+)?$").arg(QRegularExpression::escape(tr("New connection"))));
    return name.isEmpty() || name == m_autoName || made.match(name).hasMatch();
}

QString ConnectionDialog::nameForDsn(const core::ConnectionProfile& parsed) const {
    const QString base = ProfileListModel::summary(parsed);
    // The shown profile may already carry that name: it is not taken by another.
    if (base == m_current)
        return base;
    QString name = base;
    for (int n = 2; m_store.find(name) && name != m_current; ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

void ConnectionDialog::newProfile() {
    if (!confirmLeaving())
        return;
    core::ConnectionProfile p;
    p.name = uniqueName(tr("New connection"));
    p.host = QStringLiteral("localhost");
    try {
        m_store.add(p);
        m_store.save();
    } catch (const core::Error& e) {
        m_store.load();
        setStatus(tr("Could not create the profile: %1").arg(e.message()), true);
        return;
    }
    reloadList(p.name);
    m_editor->focusName();
    setStatus(tr("Created “%1”. Fill in the fields, or paste a DSN.").arg(p.name));
}

void ConnectionDialog::duplicateProfile() {
    const auto source = m_store.find(m_current);
    if (!source || !confirmLeaving())
        return;
    core::ConnectionProfile copy = *source;
    // "X (copy)" duplicated again becomes "X (copy 2)", not "X (copy) (copy)".
    const QRegularExpression copySuffix(
        QStringLiteral(" \\(%1(?: \\d+)?\\)$").arg(QRegularExpression::escape(tr("copy"))));
    QString stem = source->name;
    stem.remove(copySuffix);
    copy.name = tr("%1 (copy)").arg(stem);
    for (int n = 2; m_store.find(copy.name); ++n)
        copy.name = tr("%1 (copy %2)").arg(stem).arg(n);
    try {
        m_store.add(copy);
        m_store.save();
    } catch (const core::Error& e) {
        m_store.load();
        setStatus(tr("Could not duplicate the profile: %1").arg(e.message()), true);
        return;
    }
    const bool sessionOnly = m_sessionOnly.contains(source->name);
    if (sessionOnly)
        m_sessionOnly.insert(copy.name);
    reloadList(copy.name);
    // The copy's password lookup (started by reloadList) races the copy below; look again afterwards.
    keychainWrite(this, QStringLiteral("passwordCopy"))
        ->start(
            [from = source->name, to = copy.name, sessionOnly](const std::shared_ptr<core::CancelToken>&) {
                auto& secrets = core::SecretStore::instance();
                if (const auto password = secrets.password(from))
                    secrets.setPassword(to, *password, !sessionOnly);
                return secrets.lastError();
            },
            [this, name = copy.name](const QString& keychainError) {
                if (m_current == name)
                    loadPasswordState(name);
                if (!keychainError.isEmpty())
                    setStatus(
                        tr("Duplicated, but the password stays in this session only: %1").arg(keychainError),
                        true);
            },
            [this](const BackgroundFailure& failure) { setStatus(failure.message, true); });
    setStatus(tr("Duplicated “%1” as “%2”.").arg(source->name, copy.name));
}

bool ConnectionDialog::deleteProfile(bool confirm) {
    const QString name = m_current;
    if (name.isEmpty())
        return false;
    if (confirm &&
        QMessageBox::question(this, tr("Delete connection"),
                              tr("Delete the connection “%1”?\nIts saved password is removed "
                                 "from the keychain too.")
                                  .arg(name),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    const int row = m_model->rowOf(name);
    try {
        m_store.remove(name);
        m_store.save();
    } catch (const core::Error& e) {
        m_store.load();
        setStatus(tr("Could not delete the profile: %1").arg(e.message()), true);
        return false;
    }
    m_sessionOnly.remove(name);
    keychainWrite(this, QStringLiteral("passwordRemoval"))
        ->start(
            [name](const std::shared_ptr<core::CancelToken>&) {
                core::SecretStore::instance().removePassword(name);
                return true;
            },
            [](bool) {}, [this](const BackgroundFailure& failure) { setStatus(failure.message, true); });
    m_dirty = false;
    const auto remaining = m_store.profiles();
    reloadList(remaining.isEmpty() ? QString()
                                   : remaining.at(std::min<qsizetype>(row, remaining.size() - 1)).name);
    setStatus(tr("Deleted “%1”.").arg(name));
    return true;
}

bool ConnectionDialog::save(std::function<void()> then) {
    if (m_current.isEmpty() && !m_draft)
        return false;
    const QString problem = m_editor->validationError();
    if (!problem.isEmpty()) {
        setStatus(problem, true);
        return false;
    }
    const core::ConnectionProfile p = m_editor->profile();
    const bool draft = m_draft;
    const QString oldName = draft ? p.name : m_current; // a draft has no old name (nor password) to move
    try {
        if (oldName != p.name)
            m_store.remove(oldName);
        m_store.upsert(p);
        m_store.save();
    } catch (const core::Error& e) {
        m_store.load();
        setStatus(tr("Could not save: %1").arg(e.message()), true);
        return false;
    }
    const std::optional<QString> typed = m_editor->typedPassword();
    const bool keep = m_editor->savePassword();
    const bool wasKeychain = m_editor->passwordState() == PasswordState::Keychain;
    m_current = p.name;
    m_draft = false;
    m_dirty = false;
    // The list follows without reloading the editor: the typed password stays until it is stored.
    m_model->setProfiles(m_store.profiles());
    m_folders->setProfiles(m_store.profiles(), UiSettings::emptyProfileFolders());
    m_list->restoreExpansion();
    m_switching = true;
    selectRow(m_model->rowOf(p.name));
    m_switching = false;
    m_editor->setTakenNames(otherNames(p.name));
    setStatus(tr("Saving “%1”…").arg(p.name));
    if (oldName != p.name)
        emit profileRenamed(oldName, p.name);

    // Always heard to the end (the profile was saved), unlike a keychain lookup it makes stale.
    m_passwordJob->abandon();
    const quint64 lookups = m_passwordJob->currentId();
    keychainWrite(this, kPasswordSave)
        ->start(
            [oldName, name = p.name, typed, keep, wasKeychain](const std::shared_ptr<core::CancelToken>&) {
                return storeProfilePassword(oldName, name, typed, keep, wasKeychain);
            },
            [this, lookups, name = p.name, oldName, then](const PasswordOutcome& outcome) {
                if (outcome.state == PasswordState::Session)
                    m_sessionOnly.insert(name);
                else
                    m_sessionOnly.remove(name);
                if (oldName != name)
                    m_sessionOnly.remove(oldName);
                if (lookups == m_passwordJob->currentId() && m_current == name && !m_dirty) {
                    m_editor->setTypedPassword(QString());
                    m_editor->setPasswordState(outcome.state);
                }
                updateButtons();
                if (outcome.error.isEmpty())
                    setStatus(tr("Saved “%1”.").arg(name));
                else
                    setStatus(
                        tr("Saved “%1”, but the keychain was not used (%2): the password is kept for this "
                           "session only.")
                            .arg(name, outcome.error),
                        true);
                if (then)
                    then();
                if (std::exchange(m_acceptPending, false))
                    accept();
            },
            [this](const BackgroundFailure& failure) {
                updateButtons();
                setStatus(tr("The profile was saved, but not its password: %1").arg(failure.message), true);
            });
    updateButtons(); // Save and Connect wait for the password
    return true;
}

bool ConnectionDialog::fillFromDsn(const QString& text) {
    const QString dsn = text.trimmed();
    if (dsn.isEmpty())
        return false;
    // Nothing shown: the DSN starts a draft, saved only by Save or Connect (never by pressing Enter).
    const bool fresh = m_current.isEmpty() && !m_draft;
    // A pasted DSN describes a whole connection: fields it leaves out go back to libpq's defaults, while
    // what a DSN cannot say (name, pool, isolation, logging) stays as edited.
    const core::ConnectionProfile edited = fresh ? core::ConnectionProfile{} : m_editor->profile();
    core::ConnectionProfile base;
    base.name = edited.name;
    base.pool = edited.pool;
    base.isolation = edited.isolation;
    base.echo = edited.echo;
    base.hideParameters = edited.hideParameters;
    base.statementTimeoutMs = edited.statementTimeoutMs;
    base.lockTimeoutMs = edited.lockTimeoutMs;
    base.readOnly = edited.readOnly;
    base.keepalives = edited.keepalives;
    base.conventionOverrides = edited.conventionOverrides;
    base.environment = edited.environment;
    base.colour = edited.colour;
    base.folder = edited.folder;
    QPalette palette = this->palette();
    try {
        core::ParsedDsn parsed = core::parseDsn(dsn, base);
        const bool unnamed = isUnnamed(edited.name);
        parsed.profile.name = unnamed ? nameForDsn(parsed.profile) : edited.name;
        if (unnamed)
            m_autoName = parsed.profile.name;
        const PasswordState state = fresh ? PasswordState::None : m_editor->passwordState();
        const bool keep = !fresh && m_editor->savePassword();
        const std::optional<QString> typed = fresh ? std::nullopt : m_editor->typedPassword();
        if (fresh) {
            m_testJob->abandon();
            setTesting(false);
            m_testResult->clear();
            m_draft = true;
            m_editor->setTakenNames(otherNames(QString()));
        }
        m_editor->setProfile(parsed.profile);
        m_editor->setPasswordState(state, false);
        m_editor->setSavePassword(keep);
        if (parsed.password || typed)
            m_editor->setTypedPassword(parsed.password ? *parsed.password : *typed);
        m_dsn->clear(); // it may hold a password in plain sight
        m_dsnMessage->setText(
            tr("Filled from %1 — check the fields, then Save.").arg(core::maskDsnPassword(dsn)));
        m_dsnMessage->setPalette(palette);
        m_dsnMessage->show();
        if (fresh)
            setStatus(tr("“%1” is not saved yet.").arg(parsed.profile.name));
        onEdited();
        return true;
    } catch (const core::Error& e) {
        palette.setColor(QPalette::WindowText, errorColor());
        m_dsnMessage->setText(tr("This DSN could not be read: %1").arg(withoutSecret(e.message(), dsn)));
        m_dsnMessage->setPalette(palette);
        m_dsnMessage->show();
        return false;
    }
}

void ConnectionDialog::testConnection() {
    if (m_testing) { // a second click cancels: the late answer is dropped
        m_testJob->abandon();
        setTesting(false);
        setTestResult(tr("Test cancelled."), Tone::Neutral);
        return;
    }
    const QString problem = m_editor->validationError();
    if (!problem.isEmpty()) {
        setTestResult(problem, Tone::Bad);
        return;
    }
    const core::ConnectionProfile profile = m_editor->profile();
    // An imported profile's commands run only once the user has seen and trusted them.
    if (CommandTrustDialog::askIfUntrusted(this, profile, m_dirty ? QString() : m_current, [this] {
            m_editor->trustCommands();
            testConnection();
        }))
        return;
    setTesting(true);
    setTestResult(tr("Connecting to %1…").arg(ProfileListModel::summary(profile)), Tone::Neutral);
    m_testJob->start(
        [profile, typed = m_editor->typedPassword(), savedAs = m_current](
            const std::shared_ptr<core::CancelToken>&) { return runConnectionTest(profile, typed, savedAs); },
        [this](const ConnectionTestOutcome& outcome) {
            setTesting(false);
            setTestResult(describeTestOutcome(outcome), outcome.ok ? Tone::Good : Tone::Bad);
        },
        [this](const BackgroundFailure& failure) {
            setTesting(false);
            setTestResult(failure.message, Tone::Bad);
        });
}

void ConnectionDialog::accept() {
    if ((m_current.isEmpty() && !m_draft) || !m_editor->isValid())
        return;
    if (isSaving()) { // the password is still being stored; connect once it is
        m_acceptPending = true;
        return;
    }
    if (m_dirty) {
        if (save())
            m_acceptPending = true;
        return;
    }
    QDialog::accept();
}

void ConnectionDialog::reject() {
    if (!confirmLeaving())
        return;
    m_testJob->abandon();
    QDialog::reject();
}

} // namespace pgdesk::ui
