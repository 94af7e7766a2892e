// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/edit/formview.h>

#include "edit/celleditdelegate.h"

#include <pgdesk/ui/grid/pagemodel.h>

#include <pgdesk/core/catalog/catalog.h>

#include <QAbstractItemDelegate>
#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace pgdesk::ui {

namespace {

// A value shown, not edited here: wrapped to the field's width (anywhere, so a UUID or a hash wraps too)
// and as tall as its text up to a few lines, never scrolled sideways.
class WrappedValue final : public QTextEdit {
public:
    explicit WrappedValue(QWidget* parent)
        : QTextEdit(parent) {
        setReadOnly(true);
        setAcceptRichText(false);
        setLineWrapMode(QTextEdit::WidgetWidth);
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setTabChangesFocus(true);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
                [this] { fitHeight(); });
        fitHeight();
    }

private:
    void fitHeight() {
        const int line = fontMetrics().lineSpacing();
        const int margins = int(2 * document()->documentMargin()) + 2 * frameWidth();
        const int text = std::clamp(int(document()->size().height()) - int(2 * document()->documentMargin()),
                                    line, kMaxLines * line);
        setFixedHeight(text + margins);
    }
    static constexpr int kMaxLines = 6; // longer values scroll down; the whole one is in the value editor
};

// NULL, DEFAULT and Edit… beside each field: as wide as their word, the field keeps the width.
QToolButton* fieldButton(const QString& text, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

FormView::FormView(PageModel* model, QTableView* view, std::function<void(const QModelIndex&)> editValue,
                   std::function<void()> apply, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_view(view)
    , m_editValue(std::move(editValue))
    , m_apply(std::move(apply))
    , m_fields(new QWidget(this))
    , m_grid(new QGridLayout(m_fields))
    , m_position(new QLabel(this))
    , m_previous(new QPushButton(tr("Previous row"), this))
    , m_next(new QPushButton(tr("Next row"), this)) {
    setObjectName(QStringLiteral("formView"));
    setWindowTitle(tr("Row"));
    m_previous->setObjectName(QStringLiteral("formPrevious"));
    m_next->setObjectName(QStringLiteral("formNext"));
    m_previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_position->setObjectName(QStringLiteral("formPosition"));
    connect(m_previous, &QPushButton::clicked, this, &FormView::previous);
    connect(m_next, &QPushButton::clicked, this, &FormView::next);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_fields);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* applyButton = buttons->addButton(tr("Apply…"), QDialogButtonBox::ApplyRole);
    applyButton->setObjectName(QStringLiteral("formApply"));
    connect(applyButton, &QPushButton::clicked, this, [this] {
        commit();
        if (m_apply)
            m_apply();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        commit(); // closing keeps what was typed, staged
        reject();
    });
    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addWidget(m_position, 1, Qt::AlignCenter);
    navigation->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(navigation);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    // Wide enough that values read whole beside their names, and resizable (a grip in the corner).
    setSizeGripEnabled(true);
    QSize size(760, 560);
    if (QWidget* window = parent ? parent->window() : nullptr)
        size = size.expandedTo(QSize(window->width() * 3 / 5, window->height() * 4 / 5));
    if (const QScreen* screen = parent ? parent->screen() : this->screen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    resize(size);
    // Staged elsewhere (the grid, undo, an apply): the form shows it, unless a field is being typed in.
    connect(model, &QAbstractItemModel::modelReset, this, [this] { showRow(m_row); });
}

QWidget* FormView::editor(const QString& column) const {
    return m_fields->findChild<QWidget*>(QStringLiteral("formEditor:") + column);
}

void FormView::showRow(int row) {
    if (!m_model)
        return;
    m_row = std::clamp(row, 0, std::max(0, m_model->rowCount() - 1));
    if (m_view && m_model->rowCount() > 0) // the grid follows, so that the row is in sight behind the form
        m_view->setCurrentIndex(m_model->index(m_row, std::max(0, m_view->currentIndex().column())));
    rebuild();
}

void FormView::previous() {
    commit();
    showRow(m_row - 1);
}

void FormView::next() {
    commit();
    showRow(m_row + 1);
}

void FormView::rebuild() {
    m_editors.clear(); // the editors go with the layout's widgets
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int rows = m_model->rowCount();
    m_position->setText(
        rows == 0 ? tr("No rows")
                  : tr("Row %1 of %2").arg(QLocale().toString(m_row + 1), QLocale().toString(rows)));
    m_previous->setEnabled(m_row > 0);
    m_next->setEnabled(m_row + 1 < rows);
    if (rows == 0)
        return;
    QAbstractItemDelegate* delegate = m_view ? m_view->itemDelegate() : nullptr;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QModelIndex index = m_model->index(m_row, c);
        const QString name = m_model->page().columns[c].name;
        auto* label = new QLabel(name, m_fields);
        label->setToolTip(m_model->page().columns[c].type);
        if (index.data(PageModel::IsEditedRole).toBool()) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
        }
        const core::ColumnInfo* info = CellEditDelegate::columnOf(index);
        // A boolean cell is checkable in the grid, not "editable": here it is edited when it can be staged.
        const bool boolean = info && info->category == core::TypeCategory::Boolean;
        const bool editable =
            (m_model->flags(index) & Qt::ItemIsEditable) != 0 || (boolean && m_model->canStage(index));
        const bool dialog =
            info && (CellEditDelegate::wantsDialog(*info) || CellEditDelegate::wantsTextDialog(index));
        Field field{c, nullptr, false};
        if (editable && delegate && !dialog) {
            QStyleOptionViewItem option;
            option.initFrom(m_fields);
            if (boolean) {
                // The grid toggles a check box; here a choice says true/false (the text "t" says little).
                auto* box = new QComboBox(m_fields);
                box->addItem(QStringLiteral("true"), QStringLiteral("t"));
                box->addItem(QStringLiteral("false"), QStringLiteral("f"));
                field.editor = box;
            } else {
                field.editor = delegate->createEditor(m_fields, option, index);
            }
            if (field.editor) {
                delegate->setEditorData(field.editor, index);
                field.delegated = true;
                if (auto* line = qobject_cast<QLineEdit*>(field.editor))
                    connect(line, &QLineEdit::editingFinished, this, [this, c] {
                        for (const Field& f : std::as_const(m_editors)) {
                            if (f.column == c && f.delegated && m_view)
                                m_view->itemDelegate()->setModelData(f.editor, m_model,
                                                                     m_model->index(m_row, c));
                        }
                    });
            }
        }
        if (!field.editor) { // read-only, or edited in the value dialog
            auto* text = new WrappedValue(m_fields);
            const QVariant value = index.data(Qt::EditRole);
            text->setPlainText(value.toString().left(1000));
            text->setPlaceholderText(value.isValid() ? QString() : QStringLiteral("NULL"));
            field.editor = text;
        }
        field.editor->setObjectName(QStringLiteral("formEditor:") + name);
        field.editor->setAccessibleName(name);
        label->setBuddy(field.editor);
        m_grid->addWidget(label, c, 0);
        m_grid->addWidget(field.editor, c, 1);
        const bool canStage = m_model->canStage(index);
        if (canStage && dialog && m_editValue) {
            QToolButton* edit = fieldButton(tr("Edit…"), m_fields);
            edit->setObjectName(QStringLiteral("formEdit:") + name);
            connect(edit, &QToolButton::clicked, this, [this, c] { m_editValue(m_model->index(m_row, c)); });
            m_grid->addWidget(edit, c, 2);
        }
        if (canStage) {
            QToolButton* null = fieldButton(QStringLiteral("NULL"), m_fields);
            null->setObjectName(QStringLiteral("formNull:") + name);
            null->setToolTip(tr("Set %1 to NULL").arg(name));
            null->setEnabled(index.data(Qt::EditRole).isValid() || m_model->isDefault(index));
            connect(null, &QToolButton::clicked, this, [this, c] { setNull(c); });
            QToolButton* byDefault = fieldButton(QStringLiteral("DEFAULT"), m_fields);
            byDefault->setObjectName(QStringLiteral("formDefault:") + name);
            byDefault->setToolTip(info && !info->defaultExpression.isEmpty()
                                      ? tr("The column's default: %1").arg(info->defaultExpression)
                                      : tr("The column has no default: it becomes NULL"));
            byDefault->setEnabled(!m_model->isDefault(index));
            connect(byDefault, &QToolButton::clicked, this, [this, c] { setDefault(c); });
            m_grid->addWidget(null, c, 3);
            m_grid->addWidget(byDefault, c, 4);
        }
        m_editors << field;
    }
    m_grid->setColumnStretch(1, 1);
    m_grid->setRowStretch(m_model->columnCount(), 1);
}

void FormView::commit() {
    if (!m_model || !m_view || m_row < 0 || m_row >= m_model->rowCount())
        return;
    // The delegate stages only what was changed (an untouched NULL stays NULL, not '').
    const QList<Field> fields = m_editors;
    for (const Field& field : fields) {
        if (field.delegated)
            m_view->itemDelegate()->setModelData(field.editor, m_model, m_model->index(m_row, field.column));
    }
}

void FormView::setNull(int column) {
    commit();
    m_model->setData(m_model->index(m_row, column), QVariant(), Qt::EditRole);
    rebuild();
}

void FormView::setDefault(int column) {
    commit();
    m_model->setDefault(m_model->index(m_row, column));
    rebuild();
}

} // namespace pgdesk::ui
