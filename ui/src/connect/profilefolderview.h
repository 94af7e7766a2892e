// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeView>

namespace pgdesk::ui {

class ProfileTreeModel;

// The connection manager's tree of folders and profiles: profiles are dragged onto folders (the model says
// so, the dialog saves), folders are made and renamed from the context menu, and the folders the user
// collapsed stay collapsed (UiSettings) across reloads and runs.
class ProfileFolderView final : public QTreeView {
    Q_OBJECT
public:
    explicit ProfileFolderView(ProfileTreeModel* model, QWidget* parent = nullptr);

    // After the model was filled: every folder expanded except those remembered as collapsed.
    void restoreExpansion();
    // "New folder" inside `parentPath` ("" = top level), kept while it holds no profile.
    void addFolder(const QString& parentPath, const QString& name);

signals:
    void folderRenameRequested(const QString& from, const QString& to);
    void foldersChanged(); // a folder was made: the dialog reloads the tree

private:
    void showMenu(const QPoint& at);
    void remember(const QModelIndex& index, bool collapsed);

    ProfileTreeModel* m_model = nullptr;
    bool m_restoring = false;
};

} // namespace pgdesk::ui
