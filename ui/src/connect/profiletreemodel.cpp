// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/environmentstyle.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/connect/profilelistmodel.h>
#include <pgdesk/ui/connect/profiletreemodel.h>

#include <QMimeData>

#include <algorithm>

namespace pgdesk::ui {

namespace {
const QString kProfileMime = QStringLiteral("application/x-pgdesk-profile");
} // namespace

struct ProfileTreeModel::Node {
    Node* parent = nullptr;
    bool folder = true;
    QString name; // the folder's last path part, or the profile's name
    QString path; // folders: the whole path
    int profileRow = -1;
    std::vector<std::unique_ptr<Node>> children;

    int row() const {
        if (!parent)
            return 0;
        const auto& siblings = parent->children;
        for (size_t i = 0; i < siblings.size(); ++i)
            if (siblings[i].get() == this)
                return int(i);
        return 0;
    }
};

ProfileTreeModel::ProfileTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>()) {
}

ProfileTreeModel::~ProfileTreeModel() = default;

ProfileTreeModel::Node* ProfileTreeModel::folderNode(const QString& path, bool create) {
    Node* node = m_root.get();
    if (path.isEmpty())
        return node;
    QString sofar;
    for (const QString& part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        sofar = sofar.isEmpty() ? part : sofar + QLatin1Char('/') + part;
        auto it = std::find_if(node->children.begin(), node->children.end(),
                               [&](const auto& c) { return c->folder && c->name == part; });
        if (it == node->children.end()) {
            if (!create)
                return nullptr;
            auto child = std::make_unique<Node>();
            child->parent = node;
            child->name = part;
            child->path = sofar;
            node->children.push_back(std::move(child));
            node = node->children.back().get();
        } else {
            node = it->get();
        }
    }
    return node;
}

void ProfileTreeModel::setProfiles(const QList<core::ConnectionProfile>& profiles,
                                   const QStringList& extraFolders) {
    beginResetModel();
    m_profiles = profiles;
    m_root = std::make_unique<Node>();
    for (const QString& folder : extraFolders)
        folderNode(folder, true);
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        Node* folder = folderNode(m_profiles[i].folder, true);
        auto leaf = std::make_unique<Node>();
        leaf->parent = folder;
        leaf->folder = false;
        leaf->name = m_profiles[i].name;
        leaf->profileRow = int(i);
        folder->children.push_back(std::move(leaf));
    }
    // Folders first, then by name (case-insensitive), at every level.
    const auto sortAll = [](auto&& self, Node* node) -> void {
        std::stable_sort(node->children.begin(), node->children.end(), [](const auto& a, const auto& b) {
            if (a->folder != b->folder)
                return a->folder;
            return a->name.compare(b->name, Qt::CaseInsensitive) < 0;
        });
        for (auto& c : node->children)
            self(self, c.get());
    };
    sortAll(sortAll, m_root.get());
    endResetModel();
}

QStringList ProfileTreeModel::folders() const {
    QStringList out;
    const auto walk = [&out](auto&& self, const Node* node) -> void {
        for (const auto& c : node->children)
            if (c->folder) {
                out << c->path;
                self(self, c.get());
            }
    };
    walk(walk, m_root.get());
    return out;
}

ProfileTreeModel::Node* ProfileTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex ProfileTreeModel::indexOfNode(const Node* node) const {
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node*>(node));
}

QModelIndex ProfileTreeModel::indexOfProfileRow(int row) const {
    const auto find = [row](auto&& self, const Node* node) -> const Node* {
        for (const auto& c : node->children) {
            if (!c->folder && c->profileRow == row)
                return c.get();
            if (c->folder)
                if (const Node* found = self(self, c.get()))
                    return found;
        }
        return nullptr;
    };
    return row < 0 ? QModelIndex() : indexOfNode(find(find, m_root.get()));
}

QModelIndex ProfileTreeModel::indexOfProfile(const QString& name) const {
    for (qsizetype i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].name == name)
            return indexOfProfileRow(int(i));
    return {};
}

QModelIndex ProfileTreeModel::indexOfFolder(const QString& path) const {
    return indexOfNode(const_cast<ProfileTreeModel*>(this)->folderNode(path, false));
}

int ProfileTreeModel::profileRow(const QModelIndex& index) const {
    return index.isValid() ? nodeOf(index)->profileRow : -1;
}

QString ProfileTreeModel::folderPath(const QModelIndex& index) const {
    if (!index.isValid())
        return {};
    const Node* node = nodeOf(index);
    return node->folder ? node->path : m_profiles.value(node->profileRow).folder;
}

QModelIndex ProfileTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (column != 0 || row < 0)
        return {};
    const Node* node = nodeOf(parent);
    if (parent.isValid() && (parent.column() != 0 || !node->folder))
        return {};
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, 0, node->children[size_t(row)].get());
}

QModelIndex ProfileTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int ProfileTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node* node = nodeOf(parent);
    return node->folder ? int(node->children.size()) : 0;
}

int ProfileTreeModel::columnCount(const QModelIndex&) const {
    return 1;
}

QVariant ProfileTreeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeOf(index);
    if (node->folder) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case ProfileListModel::NameRole:
            return node->name;
        case Qt::DecorationRole:
            return themedIcon(QStringLiteral("folder"));
        case FolderPathRole:
            return node->path;
        case IsFolderRole:
            return true;
        case ProfileRowRole:
            return -1;
        default:
            return {};
        }
    }
    const core::ConnectionProfile& p = m_profiles[node->profileRow];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case ProfileListModel::NameRole:
        return p.name;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
    case ProfileListModel::SummaryRole:
        return ProfileListModel::summary(p);
    case Qt::DecorationRole:
        return environmentSwatch(environmentColour(p));
    case ColourRole:
        return environmentColour(p);
    case FolderPathRole:
        return p.folder;
    case IsFolderRole:
        return false;
    case ProfileRowRole:
        return node->profileRow;
    default:
        return {};
    }
}

Qt::ItemFlags ProfileTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // the top level
    const Node* node = nodeOf(index);
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return node->folder ? f | Qt::ItemIsDropEnabled : f | Qt::ItemIsDragEnabled;
}

Qt::DropActions ProfileTreeModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList ProfileTreeModel::mimeTypes() const {
    return {kProfileMime};
}

QMimeData* ProfileTreeModel::mimeData(const QModelIndexList& indexes) const {
    QStringList names;
    for (const QModelIndex& i : indexes)
        if (const int row = profileRow(i); row >= 0)
            names << m_profiles[row].name;
    if (names.isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(kProfileMime, names.join(QLatin1Char('\n')).toUtf8());
    return data;
}

bool ProfileTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                       const QModelIndex& parent) const {
    if (!data || !data->hasFormat(kProfileMime) || (action != Qt::MoveAction && action != Qt::CopyAction))
        return false;
    return !parent.isValid() || nodeOf(parent)->folder;
}

bool ProfileTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                    const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString folder = parent.isValid() ? nodeOf(parent)->path : QString();
    const QStringList names =
        QString::fromUtf8(data->data(kProfileMime)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& name : names)
        emit profileMoved(name, folder);
    // The dialog saves and reloads; nothing for the view to remove after a move.
    return false;
}

} // namespace pgdesk::ui
