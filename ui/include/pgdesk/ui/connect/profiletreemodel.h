// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace pgdesk::ui {

// The connection manager's profiles in folders (ConnectionProfile::folder, nested with "/"): folders first,
// then profiles, each by name. A profile is dragged onto a folder (or the top level) to move it: the model
// only says so (profileMoved), the dialog saves it. Empty folders the user made are given as extraFolders.
// Folders show their path in FolderPathRole; a profile's row in profiles() is ProfileRowRole (-1 on folders).
class ProfileTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { FolderPathRole = Qt::UserRole + 20, ProfileRowRole, IsFolderRole, ColourRole };

    explicit ProfileTreeModel(QObject* parent = nullptr);
    ~ProfileTreeModel() override;

    void setProfiles(const QList<core::ConnectionProfile>& profiles, const QStringList& extraFolders = {});
    const QList<core::ConnectionProfile>& profiles() const { return m_profiles; }
    QStringList folders() const; // every folder path, parents before children

    QModelIndex indexOfProfile(const QString& name) const;
    QModelIndex indexOfProfileRow(int row) const;
    QModelIndex indexOfFolder(const QString& path) const;
    int profileRow(const QModelIndex& index) const;     // -1 for a folder or an invalid index
    QString folderPath(const QModelIndex& index) const; // a folder's path; a profile's folder; "" at the top

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    // A profile dropped onto folder `folder` ("" = the top level).
    void profileMoved(const QString& profile, const QString& folder);

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(const Node* node) const;
    Node* folderNode(const QString& path, bool create);

    QList<core::ConnectionProfile> m_profiles;
    std::unique_ptr<Node> m_root;
};

} // namespace pgdesk::ui
