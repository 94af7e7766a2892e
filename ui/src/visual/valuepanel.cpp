// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/visual/valuepanel.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/visual/valuetreemodel.h>

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pgdesk::ui {

using Kind = core::ValueTree::Kind;

namespace {

bool isGeometric(const QString& type) {
    static const QStringList types{"point", "lseg", "box", "path", "polygon", "circle", "line"};
    return types.contains(type);
}

// The tree a value of this type reads as; nullopt when it is no structured value (or not one of these).
std::optional<core::ValueTree> treeOf(const QString& type, const QString& text) {
    try {
        if (type == QLatin1String("json") || type == QLatin1String("jsonb"))
            return core::ValueTree::fromJson(text.toUtf8());
        if (type.endsWith(QLatin1String("[]")))
            return core::ValueTree::fromPgArray(text, type == QLatin1String("box[]") ? u';' : u',');
        if (type == QLatin1String("hstore"))
            return core::ValueTree::fromHstore(text);
        if (text.startsWith(QLatin1Char('(')) && !isGeometric(type))
            return core::ValueTree::fromComposite(text);
    } catch (const core::Error&) {
    }
    return std::nullopt;
}

} // namespace

ValuePanel::ValuePanel(QWidget* parent)
    : QWidget(parent)
    , m_info(new QLabel(this))
    , m_find(new QLineEdit(this))
    , m_pages(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_text(new QPlainTextEdit(this))
    , m_model(new ValueTreeModel(this)) {
    setObjectName(QStringLiteral("valuePanel"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_find->setPlaceholderText(tr("Find in the value"));
    m_find->setAccessibleName(tr("Find in the value"));
    m_find->setClearButtonEnabled(true);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (findNext(m_find->text()) < 0)
            setInfo(tr("\"%1\" is not in the value.").arg(m_find->text()), true);
    });
    auto* next = new QToolButton(this);
    next->setText(tr("Next"));
    connect(next, &QToolButton::clicked, m_find, &QLineEdit::returnPressed);
    auto* findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(next);

    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("valueTree"));
    m_view->setUniformRowHeights(true); // long documents scroll without measuring every row
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ValueTreeModel::ValueColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Value as a tree"));
    connect(m_view, &QWidget::customContextMenuRequested, this, &ValuePanel::showMenu);
    connect(m_model, &ValueTreeModel::documentEdited, this, &ValuePanel::stage);
    connect(m_model, &ValueTreeModel::editRefused, this, [this](const QString& why) { setInfo(why, true); });
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Value"));
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_text);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_info);
    layout->addLayout(findRow);
    layout->addWidget(m_pages, 1);
    showValue({}, {}, std::nullopt);
}

QString ValuePanel::infoText() const {
    return m_info->text();
}

QString ValuePanel::plainText() const {
    return m_text->toPlainText();
}

bool ValuePanel::showsTree() const {
    return m_pages->currentWidget() == m_view && m_model->hasTree();
}

void ValuePanel::setInfo(const QString& text, bool error) {
    m_info->setText(text);
    m_info->setStyleSheet(error ? textStyle(errorColor()) : QString());
}

void ValuePanel::showCell(const QModelIndex& cell) {
    if (m_cell.model())
        disconnect(m_cell.model(), nullptr, this, nullptr);
    m_cell = cell;
    m_expanded.clear();
    if (const QAbstractItemModel* model = cell.model()) {
        // Follow the cell: a staged edit or a reload changes what it holds.
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex& from, const QModelIndex& to) {
                    if (m_cell.isValid() && m_cell.row() >= from.row() && m_cell.row() <= to.row() &&
                        m_cell.column() >= from.column() && m_cell.column() <= to.column())
                        reload();
                });
        connect(model, &QAbstractItemModel::modelReset, this, [this] { showCell({}); });
    }
    reload();
}

void ValuePanel::showValue(const QString& column, const QString& type, const std::optional<QString>& value) {
    showCell({});
    m_column = column;
    m_type = type;
    m_value = value;
    reload();
}

void ValuePanel::reload() {
    rememberExpanded();
    bool editable = false;
    bool cut = false;
    if (m_cell.isValid()) {
        const QAbstractItemModel* model = m_cell.model();
        m_column = model->headerData(m_cell.column(), Qt::Horizontal).toString();
        m_type = m_cell.data(PageModel::TypeRole).toString();
        const QVariant v = m_cell.data(Qt::EditRole);
        m_value = m_cell.data(PageModel::IsNullRole).toBool() || !v.isValid() ? std::nullopt
                                                                              : std::optional(v.toString());
        editable = m_cell.flags() & Qt::ItemIsEditable;
        cut = m_cell.data(PageModel::IsCutRole).toBool();
    } else if (!m_value && m_column.isEmpty()) {
        m_model->clear();
        m_text->clear();
        m_json = false;
        setInfo(
            tr("Select a cell: its value shows here, as a tree for JSON, arrays, hstore and composites."));
        return;
    }
    m_json = m_type == QLatin1String("json") || m_type == QLatin1String("jsonb");
    if (!m_value) {
        m_model->clear();
        m_text->setPlainText(QString());
        m_pages->setCurrentWidget(m_text);
        setInfo(tr("%1 (%2): NULL").arg(m_column, m_type));
        return;
    }
    std::optional<core::ValueTree> tree = cut ? std::nullopt : treeOf(m_type, *m_value);
    const QString size = QLocale().formattedDataSize(m_value->toUtf8().size());
    if (!tree) {
        m_model->clear();
        m_text->setPlainText(m_value->left(256 * 1024));
        m_pages->setCurrentWidget(m_text);
        setInfo(cut ? tr("%1 (%2): the grid holds only the beginning of this value; open it whole with the "
                         "cell's "
                         "View value.")
                          .arg(m_column, m_type)
                    : tr("%1 (%2), %3").arg(m_column, m_type, size));
        return;
    }
    m_model->setTree(std::move(*tree), editable && m_json);
    m_pages->setCurrentWidget(m_view);
    m_view->expand(m_model->indexOf(core::ValueTree::kRoot));
    restoreExpanded();
    m_view->resizeColumnToContents(ValueTreeModel::KeyColumn);
    setInfo(editable && m_json
                ? tr("%1 (%2), %3: double-click a value to change it; the change is staged like any "
                     "cell edit.")
                      .arg(m_column, m_type, size)
                : tr("%1 (%2), %3").arg(m_column, m_type, size));
}

void ValuePanel::rememberExpanded() {
    if (!m_model->hasTree() || m_model->tree().source() != core::ValueTree::Source::Json)
        return;
    // Walk only what is expanded: indexing nothing new.
    QList<int> stack{core::ValueTree::kRoot};
    QSet<QString> expanded;
    while (!stack.isEmpty()) {
        const int node = stack.takeLast();
        if (!m_view->isExpanded(m_model->indexOf(node)))
            continue;
        expanded.insert(m_model->tree().textArray(node));
        for (int i = 0; i < m_model->tree().childCount(node); ++i)
            stack << m_model->tree().child(node, i);
    }
    if (!expanded.isEmpty())
        m_expanded = expanded;
}

void ValuePanel::restoreExpanded() {
    if (m_expanded.isEmpty() || m_model->tree().source() != core::ValueTree::Source::Json)
        return;
    QList<int> stack{core::ValueTree::kRoot};
    while (!stack.isEmpty()) {
        const int node = stack.takeLast();
        if (!m_expanded.contains(m_model->tree().textArray(node)))
            continue;
        m_view->expand(m_model->indexOf(node));
        for (int i = 0; i < m_model->tree().childCount(node); ++i)
            stack << m_model->tree().child(node, i);
    }
}

void ValuePanel::stage(const QByteArray& json) {
    if (!m_cell.isValid())
        return;
    auto* model = const_cast<QAbstractItemModel*>(m_cell.model());
    if (!model->setData(m_cell, QString::fromUtf8(json), Qt::EditRole))
        setInfo(tr("The grid did not take the change."), true);
}

int ValuePanel::currentNode() const {
    return m_model->nodeOf(m_view->currentIndex());
}

void ValuePanel::selectNode(int node) {
    const QModelIndex index = m_model->indexOf(node);
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

int ValuePanel::findNext(const QString& needle) {
    if (!m_model->hasTree() || needle.isEmpty())
        return -1;
    const int found = m_model->tree().find(needle, currentNode());
    if (found >= 0)
        selectNode(found);
    else
        m_view->setCurrentIndex({});
    return found;
}

QString ValuePanel::copyPath(int node, PathStyle style) {
    if (!m_model->hasTree() || node < 0)
        return {};
    const core::ValueTree& t = m_model->tree();
    const QString path = style == PathStyle::Arrow       ? t.arrowPath(node)
                         : style == PathStyle::TextArray ? t.textArrayPath(node)
                                                         : t.jsonPath(node);
    QApplication::clipboard()->setText(path);
    return path;
}

QString ValuePanel::copyValue(int node) {
    if (!m_model->hasTree() || node < 0)
        return {};
    const core::ValueTree& t = m_model->tree();
    const Kind kind = t.kind(node);
    const QString text =
        (kind == Kind::Object || kind == Kind::Array) && t.source() == core::ValueTree::Source::Json
            ? QString::fromUtf8(t.rawJson(node))
            : t.displayText(node);
    QApplication::clipboard()->setText(text);
    return text;
}

std::optional<core::Condition> ValuePanel::filterFor(int node) const {
    if (!m_json || !m_model->hasTree() || node <= core::ValueTree::kRoot)
        return std::nullopt;
    const core::ValueTree& t = m_model->tree();
    const Kind kind = t.kind(node);
    if (kind == Kind::Object || kind == Kind::Array || kind == Kind::Null)
        return std::nullopt;
    core::Condition c;
    c.column = m_column;
    c.op = core::FilterOp::JsonPathEqual;
    c.values << t.displayText(node);
    for (const core::ValueTree::PathStep& step : t.pathSteps(node))
        c.jsonPath << (step.index ? QString::number(step.position) : step.key);
    return c;
}

bool ValuePanel::changeType(int node, const QString& kind) {
    if (!m_model->isEditable() || node < 0)
        return false;
    const core::ValueTree& t = m_model->tree();
    try {
        const QString text = t.displayText(node);
        QByteArray json;
        if (kind == QLatin1String("string")) {
            json = t.setString(node, t.kind(node) == Kind::Null ? QString() : text);
        } else if (kind == QLatin1String("number")) {
            bool ok = false;
            text.toDouble(&ok);
            json = t.replaceValue(node, ok ? text.trimmed().toUtf8() : QByteArray("0"));
        } else if (kind == QLatin1String("boolean")) {
            json = t.replaceValue(node, text == QLatin1String("true") ? "true" : "false");
        } else if (kind == QLatin1String("null")) {
            json = t.replaceValue(node, "null");
        } else if (kind == QLatin1String("object")) {
            json = t.replaceValue(node, "{}");
        } else if (kind == QLatin1String("array")) {
            json = t.replaceValue(node, "[]");
        } else {
            return false;
        }
        stage(json);
        return true;
    } catch (const core::Error& e) {
        setInfo(e.info().message, true);
        return false;
    }
}

bool ValuePanel::addMember(int objectNode, const QString& key) {
    if (!m_model->isEditable() || objectNode < 0)
        return false;
    try {
        stage(m_model->tree().insertMember(objectNode, key, "null"));
        return true;
    } catch (const core::Error& e) {
        setInfo(e.info().message, true);
        return false;
    }
}

bool ValuePanel::addElement(int arrayNode) {
    if (!m_model->isEditable() || arrayNode < 0)
        return false;
    try {
        stage(m_model->tree().appendElement(arrayNode, "null"));
        return true;
    } catch (const core::Error& e) {
        setInfo(e.info().message, true);
        return false;
    }
}

bool ValuePanel::removeNode(int node) {
    if (!m_model->isEditable() || node <= core::ValueTree::kRoot)
        return false;
    try {
        stage(m_model->tree().removeNode(node));
        return true;
    } catch (const core::Error& e) {
        setInfo(e.info().message, true);
        return false;
    }
}

bool ValuePanel::renameKey(int node, const QString& key) {
    if (!m_model->isEditable() || node <= core::ValueTree::kRoot || m_model->tree().isIndex(node))
        return false;
    try {
        stage(m_model->tree().renameKey(node, key));
        return true;
    } catch (const core::Error& e) {
        setInfo(e.info().message, true);
        return false;
    }
}

void ValuePanel::showMenu(const QPoint& at) {
    const int node = m_model->nodeOf(m_view->indexAt(at));
    if (node < 0)
        return;
    const core::ValueTree& t = m_model->tree();
    const Kind kind = t.kind(node);
    QMenu menu(this);
    menu.addAction(tr("Copy value"), this, [this, node] { copyValue(node); });
    if (t.source() == core::ValueTree::Source::Json) {
        QMenu* path = menu.addMenu(tr("Copy path"));
        path->addAction(t.arrowPath(node).isEmpty() ? tr("-> (the whole value)") : t.arrowPath(node), this,
                        [this, node] { copyPath(node, PathStyle::Arrow); });
        path->addAction(t.textArrayPath(node), this, [this, node] { copyPath(node, PathStyle::TextArray); });
        path->addAction(t.jsonPath(node), this, [this, node] { copyPath(node, PathStyle::JsonPath); });
    }
    if (const auto condition = filterFor(node)) {
        menu.addAction(tr("Filter rows where this path = this value"), this,
                       [this, c = *condition] { emit filterRequested(c); });
    }
    if (m_model->isEditable()) {
        menu.addSeparator();
        QMenu* type = menu.addMenu(tr("Change type to"));
        for (const Kind k :
             {Kind::String, Kind::Number, Kind::Boolean, Kind::Null, Kind::Object, Kind::Array}) {
            if (k == kind)
                continue;
            const QString name = k == Kind::String    ? QStringLiteral("string")
                                 : k == Kind::Number  ? QStringLiteral("number")
                                 : k == Kind::Boolean ? QStringLiteral("boolean")
                                 : k == Kind::Null    ? QStringLiteral("null")
                                 : k == Kind::Object  ? QStringLiteral("object")
                                                      : QStringLiteral("array");
            type->addAction(ValueTreeModel::kindName(k), this,
                            [this, node, name] { changeType(node, name); });
        }
        if (kind == Kind::Object) {
            menu.addAction(tr("Add key…"), this, [this, node] {
                bool ok = false;
                const QString key =
                    QInputDialog::getText(this, tr("Add key"), tr("Key"), QLineEdit::Normal, {}, &ok);
                if (ok)
                    addMember(node, key);
            });
        }
        if (kind == Kind::Array)
            menu.addAction(tr("Add element"), this, [this, node] { addElement(node); });
        if (node != core::ValueTree::kRoot && !t.isIndex(node)) {
            menu.addAction(tr("Rename key…"), this, [this, node] {
                bool ok = false;
                const QString key = QInputDialog::getText(this, tr("Rename key"), tr("Key"),
                                                          QLineEdit::Normal, m_model->tree().key(node), &ok);
                if (ok)
                    renameKey(node, key);
            });
        }
        if (node != core::ValueTree::kRoot)
            menu.addAction(tr("Remove"), this, [this, node] { removeNode(node); });
    }
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

} // namespace pgdesk::ui
