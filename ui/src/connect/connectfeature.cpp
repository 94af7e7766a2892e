// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/requests.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/connect/agentaccessdialog.h>
#include <pgdesk/ui/connect/commandtrustdialog.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/passwordprompt.h>
#include <pgdesk/ui/connect/poolstatuswidget.h>
#include <pgdesk/ui/connect/sessionopener.h>

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>

#include <QAction>
#include <QMainWindow>

namespace pgdesk::ui {

namespace {

constexpr int kPoolStatusOrder = 300; // after the window's connection line and operation

} // namespace

ConnectFeature::~ConnectFeature() = default;

ConnectFeature* ConnectFeature::of(const QWidget& window) {
    return Workbench::featureOf<ConnectFeature>(window);
}

void ConnectFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    m_opener = new SessionOpener(this);
    connect(m_opener, &SessionOpener::opened, this, &ConnectFeature::onOpened);
    connect(m_opener, &SessionOpener::failed, this, &ConnectFeature::onFailed);
    m_poolStatus = new PoolStatusWidget(workbench.window());
    workbench.addStatusWidget(kPoolStatusOrder, m_poolStatus);
    connect(&workbench, &Workbench::sessionOpened, this,
            [this] { m_poolStatus->setPools(m_workbench->session().pools); });

    QAction* manage =
        workbench.addMenuAction(MenuId::Connection, 100, QStringLiteral("manageConnectionsAction"),
                                themedIcon(QStringLiteral("network-connect")), tr("&Manage connections…"),
                                [this] { manageConnections(); });
    manage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    manage->setIconText(tr("Connections"));
    workbench.addToToolBar(100, manage);
    QAction* agents = workbench.addMenuAction(MenuId::Connection, 105, QStringLiteral("agentAccessAction"),
                                              themedIcon(QStringLiteral("network-connect")),
                                              tr("A&gent access…"), [this] { openAgentAccess(); });
    agents->setToolTip(tr("Give an AI agent this profile (MCP), and review what agents proposed"));
    workbench.enableWith(agents, [&workbench] { return workbench.hasSession(); });

    workbench.handle<OpenProfileRequest>([this](const OpenProfileRequest& r) { openProfile(r.name); });
    workbench.handle<OpenDsnRequest>([this](const OpenDsnRequest& r) { openDsn(r.dsn); });
    workbench.handle<ManageConnectionsRequest>(
        [this](const ManageConnectionsRequest&) { manageConnections(); });
}

ConnectionDialog* ConnectFeature::connectionDialog() const {
    return m_connections;
}

PasswordPrompt* ConnectFeature::passwordPrompt() const {
    return m_passwordPrompt;
}

void ConnectFeature::openProfile(const QString& name) {
    // A profile imported with commands runs them only once the user has read and trusted them.
    if (CommandTrustDialog::askIfNeeded(m_workbench->window(), name, [this, name] { openProfile(name); }))
        return;
    m_openingProfile = name;
    m_workbench->showConnectionStatus(tr("Connecting to %1…").arg(name));
    m_opener->openProfile(name);
}

void ConnectFeature::openDsn(const QString& dsn) {
    m_openingProfile.clear();
    m_workbench->showConnectionStatus(tr("Connecting…"));
    m_opener->openDsn(dsn);
}

void ConnectFeature::onOpened(const SessionInfo& info) {
    Session session;
    session.pool = info.pool;
    session.pools = core::SessionPools::create(info.pool, info.database);
    session.profileName = m_openingProfile;
    session.title = info.profileName;
    session.serverVersion = info.serverVersion;
    session.user = info.user;
    session.database = info.database;
    m_workbench->openSession(session);
}

void ConnectFeature::onFailed(const QString& message) {
    m_workbench->showConnectionStatus(tr("Not connected"));
    if (!m_openingProfile.isEmpty() && m_opener->asksForPassword() &&
        PasswordPrompt::isPasswordRequest(message) && (!m_passwordPrompt || !m_passwordPrompt->isVisible())) {
        m_workbench->showMessage(tr("The server asks for a password"));
        m_passwordPrompt = new PasswordPrompt(m_openingProfile, message, m_workbench->window());
        m_passwordPrompt->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_passwordPrompt, &PasswordPrompt::passwordStored, this, &ConnectFeature::openProfile);
        m_passwordPrompt->open();
        return;
    }
    m_workbench->showMessage(tr("Connection failed: %1").arg(message));
}

AgentAccessDialog* ConnectFeature::openAgentAccess() {
    if (!m_workbench->hasSession())
        return nullptr;
    const Session& session = m_workbench->session();
    auto* dialog = new AgentAccessDialog(session.profileName, core::journalKey(session.pool->profile()),
                                         m_workbench->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AgentAccessDialog::openTableRequested, this, [this](const QString& table) {
        const auto parts = core::splitQualifiedName(table);
        if (parts && parts->size() == 2)
            m_workbench->request(OpenTableRequest{parts->at(0), parts->at(1), {}});
    });
    connect(dialog, &AgentAccessDialog::openMigrationRequested, this,
            [this](const QString& sql) { m_workbench->request(OpenQueryToolRequest{sql}); });
    dialog->open();
    return dialog;
}

void ConnectFeature::manageConnections() {
    if (m_connections) {
        m_connections->raise();
        m_connections->activateWindow();
        return;
    }
    m_connections = new ConnectionDialog(m_workbench->window());
    m_connections->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_connections, &QDialog::accepted, this, [this] {
        if (m_connections && !m_connections->selectedProfileName().isEmpty())
            openProfile(m_connections->selectedProfileName());
    });
    // The open session's profile renamed: the window and its saved tabs follow the new name.
    connect(m_connections, &ConnectionDialog::profileRenamed, this,
            [this](const QString& from, const QString& to) {
                if (m_openingProfile == from)
                    m_openingProfile = to;
                m_workbench->noteProfileRenamed(from, to);
            });
    m_connections->open();
}

} // namespace pgdesk::ui
