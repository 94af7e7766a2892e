// SPDX-License-Identifier: GPL-3.0-or-later
// QueryTool's File and Edit menus: .sql files (open, save, save as, recent, outside changes), crash
// recovery of autosaved text, and the editor's comforts (find / replace, go to line, comment, Format SQL).
#include <pgdesk/ui/query/querytool.h>

#include "query/findbar.h"
#include "query/queryfile.h"
#include "query/queryresults.h"
#include "query/snippetlibrary.h"
#include "query/snippetsavedialog.h"
#include "query/sqlcompleter.h"
#include "query/sqleditor.h"

#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/edit/tableeditor.h>

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QToolButton>
#include <QUrl>

namespace pgdesk::ui {

namespace {

QString sqlFilter() {
    return QueryTool::tr("SQL files (*.sql);;All files (*)");
}

} // namespace

void QueryTool::buildMenus(QWidget* bar) {
    const auto action = [this](QMenu* menu, const QString& text, const QString& name,
                               QList<QKeySequence> keys, auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work anywhere inside the tool
        menu->addAction(a);
        return a;
    };
    m_fileMenu = new QMenu(tr("File"), this);
    m_fileMenu->setObjectName(QStringLiteral("queryFileMenu"));
    action(m_fileMenu, tr("Open SQL file…"), QStringLiteral("openSqlAction"),
           {QKeySequence(Qt::CTRL | Qt::Key_O)}, [this] { openFileDialog(); })
        ->setIcon(themedIcon(QStringLiteral("document-open")));
    m_recentMenu = m_fileMenu->addMenu(tr("Recent files"));
    m_recentMenu->setObjectName(QStringLiteral("recentSqlMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &QueryTool::fillRecentMenu);
    action(m_fileMenu, tr("Save"), QStringLiteral("saveSqlAction"), {QKeySequence(Qt::CTRL | Qt::Key_S)},
           [this] { save(); })
        ->setIcon(themedIcon(QStringLiteral("document-save")));
    action(m_fileMenu, tr("Save as…"), QStringLiteral("saveSqlAsAction"),
           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}, [this] { saveAs(); })
        ->setIcon(themedIcon(QStringLiteral("document-save-as")));

    m_editMenu = new QMenu(tr("Edit"), this);
    m_editMenu->setObjectName(QStringLiteral("queryEditMenu"));
    action(m_editMenu, tr("Find…"), QStringLiteral("findAction"), {QKeySequence(Qt::CTRL | Qt::Key_F)},
           [this] { m_findBar->open(false); });
    action(m_editMenu, tr("Replace…"), QStringLiteral("replaceAction"), {QKeySequence(Qt::CTRL | Qt::Key_H)},
           [this] { m_findBar->open(true); });
    action(m_editMenu, tr("Find next"), QStringLiteral("findNextAction"), {QKeySequence(Qt::Key_F3)},
           [this] { m_findBar->findNext(false); });
    action(m_editMenu, tr("Find previous"), QStringLiteral("findPreviousAction"),
           {QKeySequence(Qt::SHIFT | Qt::Key_F3)}, [this] { m_findBar->findNext(true); });
    m_editMenu->addSeparator();
    action(m_editMenu, tr("Go to line…"), QStringLiteral("goToLineAction"),
           {QKeySequence(Qt::CTRL | Qt::Key_G)}, [this] {
               bool ok = false;
               const int line = QInputDialog::getInt(
                   this, tr("Go to line"), tr("Line (1–%1):").arg(m_editor->blockCount()),
                   m_editor->textCursor().blockNumber() + 1, 1, m_editor->blockCount(), 1, &ok);
               if (ok)
                   m_editor->goToLine(line);
           });
    action(m_editMenu, tr("Comment / uncomment lines"), QStringLiteral("toggleCommentAction"),
           {QKeySequence(Qt::CTRL | Qt::Key_Slash)}, [this] { m_editor->toggleComment(); });
    action(m_editMenu, tr("Indent lines"), QStringLiteral("indentAction"), {},
           [this] { m_editor->indentLines(false); });
    action(m_editMenu, tr("Unindent lines"), QStringLiteral("unindentAction"), {},
           [this] { m_editor->indentLines(true); });
    action(m_editMenu, tr("Format SQL"), QStringLiteral("formatSqlAction"),
           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)}, [this] { m_editor->formatSql(); });
    action(m_editMenu, tr("Expand selection"), QStringLiteral("expandSelectionAction"),
           {QKeySequence(Qt::SHIFT | Qt::ALT | Qt::Key_Right)}, [this] { m_editor->expandSelection(); });
    action(m_editMenu, tr("Shrink selection"), QStringLiteral("shrinkSelectionAction"),
           {QKeySequence(Qt::SHIFT | Qt::ALT | Qt::Key_Left)}, [this] { m_editor->shrinkSelection(); });
    action(m_editMenu, tr("Move lines up"), QStringLiteral("moveLinesUpAction"),
           {QKeySequence(Qt::ALT | Qt::Key_Up)}, [this] { m_editor->moveLines(true); });
    action(m_editMenu, tr("Move lines down"), QStringLiteral("moveLinesDownAction"),
           {QKeySequence(Qt::ALT | Qt::Key_Down)}, [this] { m_editor->moveLines(false); });
    // Shift+Alt+Up/Down make a column selection (issue 55), so copying lines takes Ctrl as well.
    action(m_editMenu, tr("Copy lines up"), QStringLiteral("copyLinesUpAction"),
           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::ALT | Qt::Key_Up)},
           [this] { m_editor->copyLines(true); });
    action(m_editMenu, tr("Copy lines down"), QStringLiteral("copyLinesDownAction"),
           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::ALT | Qt::Key_Down)},
           [this] { m_editor->copyLines(false); });
    // Several carets. Keys of the editor alone: a result grid keeps Ctrl+D (Duplicate rows).
    for (QAction* a :
         {action(m_editMenu, tr("Add caret above"), QStringLiteral("addCaretAboveAction"),
                 {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Up)},
                 [this] { m_editor->addCaretVertically(false); }),
          action(m_editMenu, tr("Add caret below"), QStringLiteral("addCaretBelowAction"),
                 {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Down)},
                 [this] { m_editor->addCaretVertically(true); }),
          action(m_editMenu, tr("Select next occurrence"), QStringLiteral("selectNextOccurrenceAction"),
                 {QKeySequence(Qt::CTRL | Qt::Key_D)}, [this] { m_editor->selectNextOccurrence(); })}) {
        removeAction(a);
        a->setShortcutContext(Qt::WidgetShortcut);
        m_editor->addAction(a);
    }
    // In the editor the completer takes Ctrl+Space itself; the menu entry shows the key and works elsewhere.
    action(m_editMenu, tr("Complete"), QStringLiteral("completeAction"),
           {QKeySequence(Qt::CTRL | Qt::Key_Space)}, [this] {
               m_editor->setFocus();
               m_completer->showPopup();
           });
    action(m_editMenu, tr("Insert snippet…"), QStringLiteral("insertSnippetAction"),
           {QKeySequence(Qt::CTRL | Qt::Key_J)}, [this] {
               m_editor->setFocus();
               m_completer->showSnippets();
           });
    action(m_editMenu, tr("Save as snippet…"), QStringLiteral("saveSnippetAction"), {}, [this] {
        const QString selected =
            m_editor->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n');
        auto* dialog = new SnippetSaveDialog(selected.isEmpty() ? m_editor->toPlainText() : selected, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    action(m_editMenu, tr("Open snippets folder"), QStringLiteral("openSnippetsFolderAction"), {}, [] {
        const QString folder = SnippetLibrary::instance().folder();
        QDir().mkpath(folder);
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    });

    // What is done with results: kept, compared, copied (the text's commands are the Edit menu's).
    m_resultsMenu = new QMenu(tr("Results"), this);
    m_resultsMenu->setObjectName(QStringLiteral("queryResultsMenu"));
    QAction* pin = action(m_resultsMenu, tr("Pin result"), QStringLiteral("pinResultAction"), {},
                          [this] { pinResult(); });
    action(m_resultsMenu, tr("Compare results…"), QStringLiteral("compareResultsAction"), {},
           [this] { compareResults(); });
    action(m_resultsMenu, tr("Compare with previous run"), QStringLiteral("compareWithPreviousRunAction"), {},
           [this] { compareWithPreviousRun(); });
    action(m_resultsMenu, tr("Results side by side…"), QStringLiteral("sideBySideAction"), {},
           [this] { showSideBySide(); });
    m_resultsMenu->addSeparator();
    // The selection of the result shown, as the grid's own context menu copies it.
    QMenu* copyAs = addCopyAsMenu(m_resultsMenu, [this](CopyAsFormat format) {
        if (QueryResultGrid* grid = currentResultGrid()) {
            const QString text = grid->selectionAs(format);
            if (!text.isEmpty())
                QGuiApplication::clipboard()->setText(text);
        }
    });
    connect(m_resultsMenu, &QMenu::aboutToShow, this, [this, pin, copyAs] {
        pin->setEnabled(currentResultGrid() != nullptr);
        copyAs->setEnabled(currentResultGrid() != nullptr);
    });

    auto* layout = static_cast<QHBoxLayout*>(bar->layout());
    int at = 0;
    for (QMenu* menu : {m_fileMenu, m_editMenu, m_resultsMenu}) {
        auto* button = new QToolButton(bar);
        button->setText(menu->title());
        button->setObjectName(menu->objectName() + QStringLiteral("Button"));
        button->setMenu(menu);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setAutoRaise(true);
        layout->insertWidget(at++, button);
    }
}

QString QueryTool::filePath() const {
    return m_file->path();
}

QStringList QueryTool::recentFiles() {
    return QueryFile::recentFiles();
}

QString QueryTool::title() const {
    QString t = m_file->path().isEmpty() ? m_untitled : QFileInfo(m_file->path()).fileName();
    if (m_editor->document()->isModified() && !m_file->path().isEmpty())
        t += QStringLiteral(" •");
    return t;
}

void QueryTool::setUntitledTitle(const QString& title) {
    m_untitled = title;
    emit titleChanged(this->title());
}

bool QueryTool::openFile(const QString& path) {
    QString error;
    if (!m_file->open(path, &error)) {
        QMessageBox::warning(this, tr("Open SQL file"), tr("Cannot read %1: %2").arg(path, error));
        return false;
    }
    emit titleChanged(title());
    return true;
}

void QueryTool::openFileDialog() {
    if (!confirmClose([this] { openFileDialog(); }))
        return;
    const QString dir = m_file->path().isEmpty() ? QString() : QFileInfo(m_file->path()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open SQL file"), dir, sqlFilter());
    if (!path.isEmpty())
        openFile(path);
}

void QueryTool::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = QueryFile::recentFiles();
    for (const QString& path : files) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (confirmClose())
                openFile(path);
        });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
}

bool QueryTool::save() {
    return m_file->path().isEmpty() ? saveAs() : saveTo(m_file->path());
}

bool QueryTool::saveAs() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save SQL file"), m_file->path(), sqlFilter());
    return !path.isEmpty() && saveTo(path);
}

bool QueryTool::saveTo(const QString& path) {
    QString error;
    if (!m_file->saveTo(path, &error)) {
        QMessageBox::warning(this, tr("Save SQL file"), tr("Cannot write %1: %2").arg(path, error));
        return false;
    }
    emit titleChanged(title());
    return true;
}

bool QueryTool::settleAppliesBeforeClose(std::function<void()> resume) {
    for (QueryResultGrid* grid : resultGrids())
        if (grid->editor() && !grid->editor()->settleApplyBeforeClose(resume))
            return false;
    return true;
}

bool QueryTool::confirmClose(std::function<void()> resume) {
    for (QueryResultGrid* grid : resultGrids())
        if (!grid->confirmClose(resume)) // edits staged in a result
            return false;
    if (!m_editor->document()->isModified() || m_editor->document()->isEmpty())
        return true;
    const QString name = title().remove(QStringLiteral(" •"));
    switch (QMessageBox::question(this, tr("Unsaved SQL"), tr("Save the changes to %1?").arg(name),
                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                  QMessageBox::Save)) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        m_file->discardAutosave();
        m_editor->document()->setModified(false);
        return true;
    default:
        return false;
    }
}

void QueryTool::changedOutside() {
    const auto answer =
        QMessageBox::question(this, tr("File changed on disk"),
                              tr("%1 was changed by another program. Read it again and lose your unsaved "
                                 "changes here?")
                                  .arg(m_file->path()),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    QString error;
    if (answer == QMessageBox::Yes && !m_file->reload(&error))
        QMessageBox::warning(this, tr("Open SQL file"), tr("Cannot read %1: %2").arg(m_file->path(), error));
}

void QueryTool::recover(const core::BufferEntry& entry) {
    m_file->recover(entry);
    message(tr("Unsaved text recovered: autosaved at %1 by a PgDesk that did not close normally.")
                .arg(QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)),
            Tone::Warning);
    emit titleChanged(title());
}

} // namespace pgdesk::ui
