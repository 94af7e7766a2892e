// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionDialog's folders and profile files (moves, folder renames, Export…, Import…, pg_service.conf),
// apart from the dialog's main file to keep both readable.
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/profileeditor.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/profiletransfer.h>
#include <pgdesk/core/session/servicefile.h>

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

namespace pgdesk::ui {

bool ConnectionDialog::saveAll(const QString& select, const QString& what) {
    try {
        m_store.save();
    } catch (const core::Error& e) {
        m_store.load();
        setStatus(tr("Could not save %1: %2").arg(what, e.message()), true);
        reloadList(m_current);
        return false;
    }
    reloadList(select);
    return true;
}

bool ConnectionDialog::moveProfile(const QString& name, const QString& folder) {
    auto p = m_store.find(name);
    if (!p || p->folder == folder)
        return false;
    if (m_dirty && m_current == name && !confirmLeaving())
        return false;
    p->folder = folder;
    m_store.upsert(*p);
    const bool saved = saveAll(name, tr("the profile"));
    if (saved)
        setStatus(folder.isEmpty() ? tr("Moved %1 to the top level.").arg(name)
                                   : tr("Moved %1 to %2.").arg(name, folder));
    return saved;
}

bool ConnectionDialog::renameFolder(const QString& from, const QString& to) {
    if (from.isEmpty() || to.isEmpty() || from == to || !confirmLeaving())
        return false;
    const auto moved = [&](const QString& folder) -> std::optional<QString> {
        if (folder == from)
            return to;
        if (folder.startsWith(from + QLatin1Char('/')))
            return to + folder.mid(from.size());
        return std::nullopt;
    };
    for (core::ConnectionProfile p : m_store.profiles())
        if (const auto folder = moved(p.folder)) {
            p.folder = *folder;
            m_store.upsert(p);
        }
    QStringList empty = UiSettings::emptyProfileFolders();
    for (QString& folder : empty)
        if (const auto renamed = moved(folder))
            folder = *renamed;
    UiSettings::setEmptyProfileFolders(empty);
    QStringList collapsed = UiSettings::collapsedProfileFolders();
    for (QString& folder : collapsed)
        if (const auto renamed = moved(folder))
            folder = *renamed;
    UiSettings::setCollapsedProfileFolders(collapsed);
    return saveAll(m_current, tr("the renamed folder"));
}

bool ConnectionDialog::exportProfilesTo(const QString& path, const QStringList& names) {
    QList<core::ConnectionProfile> chosen;
    for (const core::ConnectionProfile& p : m_store.profiles())
        if (names.isEmpty() || names.contains(p.name))
            chosen << p;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(core::exportProfiles(chosen)) < 0 || !file.commit()) {
        setStatus(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    setStatus(tr("Exported %n profile(s) to %1, without passwords.", nullptr, int(chosen.size()))
                  .arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ConnectionDialog::importProfilesFrom(const QString& path, bool replace) {
    if (!confirmLeaving())
        return false;
    QFile file(path);
    QList<core::ConnectionProfile> profiles;
    try {
        if (!file.open(QIODevice::ReadOnly))
            core::throwConfigurationError(QStringLiteral("file"), file.errorString());
        profiles = core::parseProfileExport(file.read(core::kMaxProfileFileBytes + 1));
    } catch (const core::Error& e) {
        setStatus(tr("Could not import %1: %2").arg(QDir::toNativeSeparators(path), e.message()), true);
        return false;
    }
    QStringList existing;
    for (const core::ConnectionProfile& p : profiles)
        if (m_store.find(p.name))
            existing << p.name;
    if (!existing.isEmpty() && !replace) {
        const auto answer =
            QMessageBox::question(this, tr("Import profiles"),
                                  tr("These profiles exist already: %1.\nReplace them with the file's?")
                                      .arg(existing.join(QStringLiteral(", "))),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            setStatus(tr("Nothing imported."));
            return false;
        }
    }
    core::importProfiles(m_store, profiles, true);
    if (!saveAll(profiles.isEmpty() ? m_current : profiles.first().name, tr("the imported profiles")))
        return false;
    setStatus(tr("Imported %n profile(s) from %1.", nullptr, int(profiles.size()))
                  .arg(QDir::toNativeSeparators(path)));
    return true;
}

void ConnectionDialog::chooseServiceFile() {
    QString start = QDir::homePath();
    for (const QString& location : core::serviceFileLocations())
        if (QFileInfo::exists(location)) {
            start = location;
            break;
        }
    const QString file = QFileDialog::getOpenFileName(this, tr("Import from pg_service.conf"), start,
                                                      tr("Service files (*.conf);;All files (*)"));
    if (!file.isEmpty())
        importServiceFile(file);
}

int ConnectionDialog::importServiceFile(const QString& path) {
    if (!confirmLeaving())
        return 0;
    QList<core::ConnectionProfile> services;
    try {
        services = core::readServiceFile(path);
    } catch (const core::Error& e) {
        setStatus(tr("Could not import %1: %2").arg(QDir::toNativeSeparators(path), e.message()), true);
        return 0;
    }
    QStringList added;
    QStringList skipped;
    for (const auto& service : services) {
        if (m_store.find(service.name)) {
            skipped << service.name;
            continue;
        }
        m_store.add(service);
        added << service.name;
    }
    try {
        if (!added.isEmpty())
            m_store.save();
    } catch (const core::Error& e) {
        m_store.load();
        setStatus(tr("Could not save the imported profiles: %1").arg(e.message()), true);
        return 0;
    }
    reloadList(added.isEmpty() ? m_current : added.first());
    QString message = tr("Imported %n connection(s) from %1.", nullptr, static_cast<int>(added.size()))
                          .arg(QDir::toNativeSeparators(path));
    if (!skipped.isEmpty())
        message +=
            QLatin1Char(' ') +
            tr("Kept the existing profiles of the same name: %1.").arg(skipped.join(QStringLiteral(", ")));
    setStatus(message);
    return static_cast<int>(added.size());
}

} // namespace pgdesk::ui
