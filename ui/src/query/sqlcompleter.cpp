// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/sqlcompleter.h"

#include "query/completionlistmodel.h"
#include "query/completionsource.h"
#include "query/snippetlibrary.h"
#include "query/sqleditor.h"

#include <pgdesk/core/completion/completion.h>

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QListView>
#include <QPainter>
#include <QScreen>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTimer>

#include <algorithm>

namespace pgdesk::ui {

namespace {

const int kVisibleRows = 10;

// The name on the left, what it is (kind and type, muted) on the right.
class ProposalDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyledItemDelegate::paint(painter, option, index);
        const QString detail = index.data(CompletionListModel::DetailRole).toString();
        if (detail.isEmpty())
            return;
        const int nameWidth = option.fontMetrics.horizontalAdvance(index.data().toString());
        const QRect room = option.rect.adjusted(nameWidth + 24, 0, -6, 0);
        if (room.width() < 24)
            return;
        painter->save();
        painter->setPen(option.palette.color(
            option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(room, int(Qt::AlignRight | Qt::AlignVCenter),
                          option.fontMetrics.elidedText(detail, Qt::ElideMiddle, room.width()));
        painter->restore();
    }
};

bool startsName(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('"') || c == QLatin1Char('$');
}

const core::CompletionCatalog& emptyCatalog() {
    static const core::CompletionCatalog empty = [] {
        core::CompletionCatalog c;
        c.index();
        return c;
    }();
    return empty;
}

} // namespace

SqlCompleter::SqlCompleter(SqlEditor* editor, std::shared_ptr<CompletionSource> source)
    : QObject(editor)
    , m_editor(editor)
    , m_source(std::move(source))
    , m_model(new CompletionListModel(this))
    , m_popup(new QListView(editor))
    , m_pause(new QTimer(this)) {
    // A tool-tip window: on top of everything, outside the editor's bounds, never active, so the editor
    // keeps the keyboard and the popup follows what is typed.
    m_popup->setWindowFlags(Qt::ToolTip);
    m_popup->setAttribute(Qt::WA_ShowWithoutActivating);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setObjectName(QStringLiteral("completionPopup"));
    m_popup->setAccessibleName(tr("Completions"));
    m_popup->setModel(m_model);
    m_popup->setItemDelegate(new ProposalDelegate(m_popup));
    m_popup->setUniformItemSizes(true); // rows of one height: no measuring of 300 rows per keystroke
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->setFont(editor->font());
    m_popup->hide();
    connect(m_popup, &QListView::clicked, this, [this](const QModelIndex& index) {
        m_popup->setCurrentIndex(index);
        acceptCurrent();
    });

    m_pause->setSingleShot(true);
    m_pause->setInterval(kPauseMs);
    connect(m_pause, &QTimer::timeout, this, [this] {
        if (!m_editor->hasFocus() || isPopupVisible())
            return;
        const QString text = m_editor->toPlainText();
        const int cursor = m_editor->textCursor().position();
        if (core::completionWordStart(text, cursor) < cursor) // a name begun: not after a space
            update(Mode::Auto);
    });
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &SqlCompleter::cursorMoved);
    connect(m_source.get(), &CompletionSource::catalogChanged, this, [this] {
        if (isPopupVisible() || m_waitingForCatalog)
            update(m_mode);
    });
}

SqlCompleter::~SqlCompleter() = default;

bool SqlCompleter::isPopupVisible() const {
    return m_popup->isVisible();
}

QStringList SqlCompleter::labels() const {
    QStringList out;
    for (const core::CompletionItem& item : m_model->items())
        out << item.label;
    return out;
}

void SqlCompleter::showPopup() {
    update(Mode::Explicit);
}

void SqlCompleter::hidePopup() {
    m_pause->stop();
    m_waitingForCatalog = false;
    m_popup->hide();
}

void SqlCompleter::setSearchPath(std::optional<QStringList> path) {
    m_searchPath = std::move(path);
    m_pathCatalog.reset();
    m_pathBase.reset();
}

std::shared_ptr<const core::CompletionCatalog> SqlCompleter::catalog() {
    std::shared_ptr<const core::CompletionCatalog> base = m_source->catalog();
    if (!base || !m_searchPath || *m_searchPath == base->searchPath)
        return base;
    if (m_pathBase != base) {
        // A shallow copy (the lists and indexes are shared, implicitly): the search path is read at lookup.
        auto copy = std::make_shared<core::CompletionCatalog>(*base);
        copy->searchPath = *m_searchPath;
        m_pathCatalog = std::move(copy);
        m_pathBase = base;
    }
    return m_pathCatalog;
}

void SqlCompleter::update(Mode mode) {
    QElapsedTimer timer;
    timer.start();
    m_pause->stop();
    m_mode = mode;
    m_source->ensureLoaded();
    const std::shared_ptr<const core::CompletionCatalog> catalog = this->catalog();
    m_waitingForCatalog = !catalog;
    const QString text = m_editor->toPlainText();
    const int cursor = m_editor->textCursor().position();
    QList<core::CompletionItem> items = core::complete(catalog ? *catalog : emptyCatalog(), text, cursor);
    // The snippets whose prefix is being typed, after the names and keywords (`sel` + Tab stays SELECT).
    const QList<core::CompletionItem> snippets =
        core::snippetCompletions(SnippetLibrary::instance().snippets(), text, cursor);
    if (items.size() > kMaxShown - snippets.size())
        items.resize(std::max<qsizetype>(0, kMaxShown - snippets.size()));
    items += snippets;
    m_wordStart = core::completionWordStart(text, cursor);
    const QString typed = text.mid(m_wordStart, cursor - m_wordStart);
    // Unasked, the popup shows only for a name begun or after a `.`, and not when all it holds is what is
    // already typed (Enter must still break the line).
    const bool afterDot = m_wordStart > 0 && text.at(m_wordStart - 1) == QLatin1Char('.');
    if (mode == Mode::Auto &&
        (items.isEmpty() || (typed.isEmpty() && !afterDot) ||
         (items.size() == 1 && items.first().text.compare(typed, Qt::CaseInsensitive) == 0))) {
        m_popup->hide();
        return;
    }
    if (items.size() > kMaxShown)
        items.resize(kMaxShown);
    m_model->setItems(std::move(items));
    if (m_model->rowCount() == 0) {
        m_popup->hide();
        emit proposalsChanged();
        return;
    }
    m_popup->setCurrentIndex(m_model->index(0, 0));
    place();
    const bool shown = !m_popup->isVisible();
    m_popup->show();
    m_lastUpdateNs = timer.nsecsElapsed();
    if (shown)
        emit popupShown();
    emit proposalsChanged();
}

void SqlCompleter::place() {
    QTextCursor at = m_editor->textCursor();
    at.setPosition(m_wordStart);
    const QRect caret = m_editor->cursorRect(at);
    const QFontMetrics fm(m_popup->font());
    int width = 0;
    const QList<core::CompletionItem>& items = m_model->items();
    for (qsizetype i = 0; i < std::min<qsizetype>(items.size(), 40); ++i) // the first screenful or so
        width = std::max(
            width,
            fm.horizontalAdvance(items[i].label) +
                fm.horizontalAdvance(
                    m_model->data(m_model->index(int(i), 0), CompletionListModel::DetailRole).toString()));
    width = std::clamp(width + 48 + m_popup->verticalScrollBar()->sizeHint().width(), 260, 640);
    const int rows = std::min(int(items.size()), kVisibleRows);
    const int height = rows * m_popup->sizeHintForRow(0) + 2 * m_popup->frameWidth();
    QPoint topLeft = m_editor->viewport()->mapToGlobal(caret.bottomLeft() + QPoint(0, 2));
    if (const QScreen* screen = m_editor->screen()) {
        const QRect area = screen->availableGeometry();
        if (topLeft.y() + height > area.bottom()) // no room below the line: above it
            topLeft.setY(m_editor->viewport()->mapToGlobal(caret.topLeft()).y() - height - 2);
        topLeft.setX(std::clamp(topLeft.x(), area.left(), std::max(area.left(), area.right() - width)));
    }
    m_popup->setGeometry(QRect(topLeft, QSize(width, height)));
}

void SqlCompleter::step(int rows) {
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    int row = m_popup->currentIndex().row() + rows;
    if (std::abs(rows) == 1) // single steps wrap around, pages stop at the ends
        row = (row + count) % count;
    else
        row = std::clamp(row, 0, count - 1);
    m_popup->setCurrentIndex(m_model->index(row, 0));
}

void SqlCompleter::showSnippets() {
    const QString text = m_editor->toPlainText();
    const int cursor = m_editor->textCursor().position();
    m_wordStart = core::completionWordStart(text, cursor);
    const QString typed = text.mid(m_wordStart, cursor - m_wordStart);
    QList<core::CompletionItem> items;
    for (const core::Snippet& s : SnippetLibrary::instance().snippets())
        if (s.prefix.startsWith(typed, Qt::CaseInsensitive))
            items << core::CompletionItem{s.prefix, s.prefix, core::CompletionItem::Snippet, s.name};
    m_mode = Mode::Explicit;
    m_model->setItems(std::move(items));
    if (m_model->rowCount() == 0) {
        m_popup->hide();
        return;
    }
    m_popup->setCurrentIndex(m_model->index(0, 0));
    place();
    const bool shown = !m_popup->isVisible();
    m_popup->show();
    if (shown)
        emit popupShown();
    emit proposalsChanged();
}

bool SqlCompleter::acceptCurrent() {
    const core::CompletionItem* item = m_model->item(m_popup->currentIndex().row());
    if (!item || m_wordStart < 0)
        return false;
    const core::CompletionItem chosen = *item;
    hidePopup();
    QTextCursor edit = m_editor->textCursor();
    const int cursor = edit.position();
    if (m_wordStart > cursor)
        return false;
    if (chosen.kind == core::CompletionItem::Snippet) {
        if (const core::Snippet* snippet = SnippetLibrary::instance().find(chosen.text)) {
            edit.setPosition(m_wordStart);
            edit.setPosition(cursor, QTextCursor::KeepAnchor);
            m_editor->setTextCursor(edit); // the prefix typed is replaced by the snippet
            m_editor->insertSnippet(core::expandSnippet(snippet->body));
            return true;
        }
        return false;
    }
    edit.beginEditBlock();
    edit.setPosition(m_wordStart);
    edit.setPosition(cursor, QTextCursor::KeepAnchor);
    // A keyword follows the case the user began it in: `sel` becomes `select`, `SEL` or `Sel` SELECT.
    const QString typed = edit.selectedText();
    const bool lower =
        chosen.kind == core::CompletionItem::Keyword && !typed.isEmpty() && typed == typed.toLower();
    edit.insertText(lower ? chosen.text.toLower() : chosen.text);
    if (chosen.kind == core::CompletionItem::Function &&
        m_editor->document()->characterAt(edit.position()) != QLatin1Char('(')) {
        edit.insertText(QStringLiteral("()"));
        edit.movePosition(QTextCursor::Left);
    }
    edit.endEditBlock();
    m_editor->setTextCursor(edit);
    return true;
}

void SqlCompleter::cursorMoved() {
    if (!isPopupVisible())
        return;
    // Typing inside the word keeps the popup (keyAfter updates it); a cursor moved out of the word (a click
    // elsewhere, Backspace past its start, a space) closes it.
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection() ||
        core::completionWordStart(m_editor->toPlainText(), cursor.position()) != m_wordStart)
        hidePopup();
}

bool SqlCompleter::wantsKey(const QKeyEvent* event) const {
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier)
        return true;
    if (!isPopupVisible() || (event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    switch (event->key()) {
    case Qt::Key_Escape:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        return true;
    default:
        return false;
    }
}

bool SqlCompleter::keyBefore(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        showPopup();
        return true;
    }
    if (!isPopupVisible())
        return false;
    if ((event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) != Qt::NoModifier) {
        hidePopup(); // Ctrl+Enter runs, Ctrl+V pastes …: the list no longer fits
        return false;
    }
    const int page = kVisibleRows - 1;
    switch (event->key()) {
    case Qt::Key_Escape:
        hidePopup();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (event->modifiers() & Qt::ShiftModifier)
            return false;
        return acceptCurrent();
    case Qt::Key_Up:
        step(-1);
        return true;
    case Qt::Key_Down:
        step(1);
        return true;
    case Qt::Key_PageUp:
        step(-page);
        return true;
    case Qt::Key_PageDown:
        step(page);
        return true;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
        hidePopup();
        return false;
    default:
        return false;
    }
}

void SqlCompleter::keyAfter(QKeyEvent* event) {
    const QString typed = event->text();
    if (isPopupVisible()) {
        if (event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete)
            update(m_mode);
        else if (typed == QLatin1String("."))
            update(Mode::Auto);
        else if (typed.size() == 1 && startsName(typed.front()))
            update(m_mode);
        else if (!typed.isEmpty()) // a space, a comma, an operator: the name is complete
            hidePopup();
        return;
    }
    if (typed.size() != 1 || (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))) {
        m_pause->stop();
        return;
    }
    if (typed == QLatin1String("."))
        update(Mode::Auto);
    else if (startsName(typed.front()))
        m_pause->start();
    else
        m_pause->stop();
}

} // namespace pgdesk::ui
