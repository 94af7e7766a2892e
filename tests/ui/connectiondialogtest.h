// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the connection manager suites (tst_connectiondialog, tst_connectiondsn).

#include "programs.h"
#include "testcluster.h"
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/passwordprompt.h>
#include <pgdesk/ui/connect/profileeditor.h>
#include <pgdesk/ui/connect/profilelistmodel.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <sys/socket.h>
#include <unistd.h>

using pgdesk::core::ConnectionProfile;
using pgdesk::core::ProfileStore;
using pgdesk::ui::ConnectionDialog;
using pgdesk::ui::ProfileListModel;

namespace connectiondialogtest {

// A TCP socket on 127.0.0.1 that completes the handshake (the kernel does) but never answers, so a
// connection attempt waits until connect_timeout. With listening=false the port is closed again.
class SilentServer {
public:
    explicit SilentServer(bool listening = true) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        if (listening) {
            ::listen(m_fd, 8);
        } else {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~SilentServer() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

inline ProfileStore diskStore() {
    return ProfileStore(); // reads the file again: what is on disk, not what a dialog holds
}

inline QByteArray profileFile() {
    QFile f(ProfileStore::defaultPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template <class T> inline T* child(QObject* parent, const char* name) {
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Types into a line edit the way a user does (textEdited fires), replacing what was there.
inline void retype(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    edit->del();
    edit->insert(text);
}

// Clicks a button of the next message box once it is up (QMessageBox::question runs its own loop).
inline void answerNextMessageBox(QMessageBox::StandardButton answer) {
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->button(answer)->click();
            poll->deleteLater();
        }
    });
    poll->start(20);
}

// Every piece of text a widget under `root` shows (or offers to screen readers).
inline QStringList visibleTexts(QWidget* root) {
    QStringList texts{root->windowTitle(), root->toolTip()};
    for (QWidget* w : root->findChildren<QWidget*>()) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->windowTitle();
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            texts << edit->displayText() << edit->placeholderText();
        if (auto* label = qobject_cast<QLabel*>(w))
            texts << label->text();
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            texts << button->text();
        if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
            texts << spin->text();
        if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model())
            for (int r = 0; r < view->model()->rowCount(); ++r)
                for (int role :
                     {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(ProfileListModel::SummaryRole)})
                    texts << view->model()->index(r, 0).data(role).toString();
    }
    return texts;
}

inline int countContaining(const QStringList& texts, const QString& needle) {
    int n = 0;
    for (const QString& t : texts)
        if (t.contains(needle))
            ++n;
    return n;
}

// What the Secret Service itself holds for a profile, read by another program.
inline std::optional<QString> keychainPassword(const QString& profile) {
    QProcess p;
    p.start(pgdesk::test::requireProgram(QStringLiteral("secret-tool"), "libsecret-tools"),
            {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("PgDesk"),
             QStringLiteral("user"), QStringLiteral("profile/") + profile});
    if (!p.waitForFinished(20000))
        qFatal("secret-tool did not finish");
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitCode() != 0 || out.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(out);
}

// Files under the config folder (profiles.json and anything beside it) that contain `needle`.
inline QStringList configFilesContaining(const QByteArray& needle) {
    QStringList hits;
    const QString root = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

inline void resetStore(const QList<ConnectionProfile>& profiles) {
    ProfileStore store;
    for (const auto& p : store.profiles())
        store.remove(p.name);
    for (const auto& p : profiles)
        store.add(p);
    store.save();
}

inline ConnectionProfile clusterProfile(const QString& name) {
    ConnectionProfile p = pgdesk::test::profile();
    p.name = name;
    return p;
}

// The scram-sha-256 role over TCP: the server asks for its password.
inline ConnectionProfile authProfile(const QString& name) {
    ConnectionProfile p;
    p.name = name;
    p.host = QStringLiteral("127.0.0.1");
    p.port = pgdesk::test::cluster().port;
    p.user = pgdesk::test::cluster().authUser;
    p.database = QStringLiteral("postgres");
    return p;
}

} // namespace connectiondialogtest

using namespace connectiondialogtest;
