// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/profilefolderview.h"

#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/connect/profiletreemodel.h>

#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>

namespace pgdesk::ui {

ProfileFolderView::ProfileFolderView(ProfileTreeModel* model, QWidget* parent)
    : QTreeView(parent)
    , m_model(model) {
    setModel(model);
    setHeaderHidden(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &ProfileFolderView::showMenu);
    connect(this, &QTreeView::collapsed, this, [this](const QModelIndex& i) { remember(i, true); });
    connect(this, &QTreeView::expanded, this, [this](const QModelIndex& i) { remember(i, false); });
}

void ProfileFolderView::restoreExpansion() {
    m_restoring = true;
    const QStringList collapsed = UiSettings::collapsedProfileFolders();
    for (const QString& path : m_model->folders())
        setExpanded(m_model->indexOfFolder(path), !collapsed.contains(path));
    m_restoring = false;
}

void ProfileFolderView::remember(const QModelIndex& index, bool collapsed) {
    if (m_restoring)
        return;
    const QString path = index.data(ProfileTreeModel::FolderPathRole).toString();
    if (path.isEmpty() || !index.data(ProfileTreeModel::IsFolderRole).toBool())
        return;
    QStringList paths = UiSettings::collapsedProfileFolders();
    paths.removeAll(path);
    if (collapsed)
        paths << path;
    UiSettings::setCollapsedProfileFolders(paths);
}

void ProfileFolderView::addFolder(const QString& parentPath, const QString& name) {
    const QString part = name.trimmed().replace(QLatin1Char('/'), QLatin1Char('-'));
    if (part.isEmpty())
        return;
    QStringList folders = UiSettings::emptyProfileFolders();
    const QString path = parentPath.isEmpty() ? part : parentPath + QLatin1Char('/') + part;
    if (!folders.contains(path))
        folders << path;
    UiSettings::setEmptyProfileFolders(folders);
    emit foldersChanged();
}

void ProfileFolderView::showMenu(const QPoint& at) {
    const QModelIndex index = indexAt(at);
    const bool onFolder = index.isValid() && index.data(ProfileTreeModel::IsFolderRole).toBool();
    const QString path = index.isValid() ? m_model->folderPath(index) : QString();
    QMenu menu(this);
    menu.addAction(themedIcon(QStringLiteral("folder")),
                   onFolder ? tr("New folder inside…") : tr("New folder…"), this, [this, path] {
                       bool ok = false;
                       const QString name = QInputDialog::getText(this, tr("New folder"), tr("Folder name:"),
                                                                  QLineEdit::Normal, QString(), &ok);
                       if (ok)
                           addFolder(path, name);
                   });
    if (onFolder) {
        menu.addAction(tr("Rename folder…"), this, [this, path] {
            const QString last = path.section(QLatin1Char('/'), -1);
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("Rename folder"), tr("Folder name:"),
                                                       QLineEdit::Normal, last, &ok)
                                     .trimmed()
                                     .replace(QLatin1Char('/'), QLatin1Char('-'));
            if (!ok || name.isEmpty() || name == last)
                return;
            const QString parent =
                path.contains(QLatin1Char('/')) ? path.section(QLatin1Char('/'), 0, -2) : QString();
            emit folderRenameRequested(path, parent.isEmpty() ? name : parent + QLatin1Char('/') + name);
        });
    }
    menu.exec(viewport()->mapToGlobal(at));
}

} // namespace pgdesk::ui
