// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace pgdesk::ui {

namespace {

const QString kLastFolder = QStringLiteral("files/lastFolder");

} // namespace

QString fileDialogStart(const QString& name) {
    QString folder = QSettings().value(kLastFolder).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return name.isEmpty() ? folder : QDir(folder).filePath(name);
}

void rememberFileDialogChoice(const QString& path) {
    if (!path.isEmpty())
        QSettings().setValue(kLastFolder, QFileInfo(path).absolutePath());
}

QString chooseFileToOpen(QWidget* parent, const QString& title, const QString& filter) {
    const QString path = QFileDialog::getOpenFileName(parent, title, fileDialogStart(), filter);
    rememberFileDialogChoice(path);
    return path;
}

QString chooseFileToSave(QWidget* parent, const QString& title, const QString& name, const QString& filter) {
    const QString path = QFileDialog::getSaveFileName(parent, title, fileDialogStart(name), filter);
    rememberFileDialogChoice(path);
    return path;
}

} // namespace pgdesk::ui
