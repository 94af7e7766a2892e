// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/lockwaitwatcher.h"
#include "edit/applypreviewdialog.h"
#include "edit/celleditdelegate.h"
#include "edit/gridpaste.h"
#include "edit/proposalbar.h"
#include "grid/wholevalueloader.h"

#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/environmentstyle.h>
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/formview.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/edit/valueeditordialog.h>

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/session/pool.h>

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace pgdesk::ui {

namespace {

// How long "Applied to …: 2 updated" stays in the staged bar and the window's status bar.
constexpr int kAppliedNoteMs = 8000;

// One journal for all tabs (SQLite connections are per thread and the tabs share the GUI thread).
std::shared_ptr<core::ChangeJournal> sharedJournal(QString* error) {
    static std::weak_ptr<core::ChangeJournal> shared;
    if (auto journal = shared.lock())
        return journal;
    try {
        auto journal = std::make_shared<core::ChangeJournal>();
        shared = journal;
        return journal;
    } catch (const std::exception& e) {
        *error = errorText(e);
        return nullptr;
    }
}

QWidget* bar(QWidget* parent, QLabel* text, const QString& style, const QList<QPushButton*>& buttons) {
    auto* widget = new QWidget(parent);
    auto* layout = new QHBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    text->setWordWrap(true);
    if (!style.isEmpty())
        text->setStyleSheet(style);
    layout->addWidget(text, 1);
    for (auto* b : buttons)
        layout->addWidget(b);
    widget->setVisible(false);
    return widget;
}

QPushButton* button(const QString& text, const QString& name, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

QString changeCount(qsizetype n) {
    return TableEditor::tr("%1 staged change(s)", nullptr, pluralCount(n))
        .arg(QLocale().toString(qlonglong(n)));
}

} // namespace

TableEditor::TableEditor(std::shared_ptr<core::Pool> pool, PageModel* model, QTableView* view,
                         QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_model(model)
    , m_view(view)
    , m_readOnly(new QLabel(this))
    , m_offerText(new QLabel(this))
    , m_conflictText(new QLabel(this))
    , m_stagedText(new QLabel(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("tableEditor"));
    m_readOnly->setObjectName(QStringLiteral("readOnlyLabel"));
    m_ctidOptIn = button(tr("Edit by row position (ctid)…"), QStringLiteral("ctidOptInButton"), this);
    m_ctidOptIn->setToolTip(tr("Identify rows by their physical position, each checked against its version "
                               "when applied: safe against concurrent changes, never edits two rows"));
    connect(m_ctidOptIn, &QPushButton::clicked, this, [this] { optInCtid(true); });
    m_readOnlyBar = bar(this, m_readOnly, {}, {m_ctidOptIn});
    m_hiddenColumns = new QLabel(this);
    m_hiddenColumns->setObjectName(QStringLiteral("hiddenColumnsLabel"));
    m_hiddenColumns->setWordWrap(true);
    m_hiddenColumns->setVisible(false);
    m_error->setObjectName(QStringLiteral("editErrorLabel"));
    m_error->setStyleSheet(textStyle(errorColor()));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto* restore = button(tr("Restore"), QStringLiteral("offerRestoreButton"), this);
    auto* drop = button(tr("Discard"), QStringLiteral("offerDiscardButton"), this);
    connect(restore, &QPushButton::clicked, this, &TableEditor::restoreOffered);
    connect(drop, &QPushButton::clicked, this, &TableEditor::discardOffered);
    m_offerText->setObjectName(QStringLiteral("offerLabel"));
    m_offerBar = bar(this, m_offerText, QStringLiteral("font-weight: bold"), {restore, drop});
    m_offerBar->setObjectName(QStringLiteral("offerBar"));

    auto* mine = button(tr("Keep mine"), QStringLiteral("keepMineButton"), this);
    auto* theirs = button(tr("Take theirs"), QStringLiteral("takeTheirsButton"), this);
    mine->setToolTip(tr("Stage my changes again against the rows as they are now"));
    theirs->setToolTip(tr("Drop my changes to the conflicting rows"));
    connect(mine, &QPushButton::clicked, this, &TableEditor::keepMine);
    connect(theirs, &QPushButton::clicked, this, &TableEditor::takeTheirs);
    m_conflictText->setObjectName(QStringLiteral("conflictLabel"));
    m_conflictBar = bar(this, m_conflictText, textStyle(warningColor()), {mine, theirs});
    m_conflictBar->setObjectName(QStringLiteral("conflictBar"));

    m_apply = button(tr("Apply…"), QStringLiteral("applyButton"), this);
    m_apply->setIcon(themedIcon(QStringLiteral("dialog-ok-apply")));
    m_apply->setToolTip(tr("Preview and apply the staged changes in one transaction (Ctrl+S)"));
    m_discard = button(tr("Discard"), QStringLiteral("discardButton"), this);
    m_discard->setIcon(themedIcon(QStringLiteral("dialog-cancel")));
    connect(m_apply, &QPushButton::clicked, this, &TableEditor::apply);
    connect(m_discard, &QPushButton::clicked, this, &TableEditor::discard);
    m_cancelApply = button(tr("Cancel"), QStringLiteral("cancelApplyButton"), this);
    m_cancelApply->setIcon(themedIcon(QStringLiteral("process-stop")));
    m_cancelApply->setToolTip(tr("Stop the apply: the transaction rolls back and nothing is written"));
    m_cancelApply->setVisible(false);
    connect(m_cancelApply, &QPushButton::clicked, this, &TableEditor::cancelApply);
    m_stagedText->setObjectName(QStringLiteral("stagedLabel"));
    m_stagedText->setWordWrap(true);
    m_stagedBar = bar(this, m_stagedText, {}, {m_apply, m_discard, m_cancelApply});
    m_stagedBar->setObjectName(QStringLiteral("stagedBar"));
    m_appliedNoteTimer = new QTimer(this);
    m_appliedNoteTimer->setSingleShot(true);
    m_appliedNoteTimer->setInterval(kAppliedNoteMs);
    connect(m_appliedNoteTimer, &QTimer::timeout, this, [this] {
        m_appliedNote.clear();
        updateState();
    });
    m_lockWait = new LockWaitWatcher(m_pool, this);
    connect(m_lockWait, &LockWaitWatcher::changed, this, &TableEditor::updateState);

    m_guardText = new QLabel(this);
    m_guardText->setObjectName(QStringLiteral("guardLabel"));
    auto* unlock = button(tr("Unlock writing"), QStringLiteral("guardUnlockButton"), this);
    unlock->setIcon(themedIcon(QStringLiteral("object-unlocked")));
    connect(unlock, &QPushButton::clicked, this, [this] {
        if (m_unlock)
            m_unlock->setUnlocked(true);
    });
    m_guardBar = bar(this, m_guardText, textStyle(warningColor()), {unlock});
    m_guardBar->setObjectName(QStringLiteral("guardBar"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{m_hiddenColumns, m_readOnlyBar, m_guardBar, m_offerBar,
                                                      m_conflictBar, m_error, m_stagedBar})
        layout->addWidget(w);

    auto* delegate = new CellEditDelegate(m_view);
    m_view->setItemDelegate(delegate);
    connect(delegate, &CellEditDelegate::structuredEditRequested, this, &TableEditor::editValue);
    connect(delegate, &CellEditDelegate::foreignKeyPickRequested, this,
            [this](const QModelIndex& cell) { pickForeignKey(cell); });

    auto* applyAction = new QAction(tr("Apply changes"), parent);
    applyAction->setShortcut(QKeySequence::Save);
    applyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(applyAction, &QAction::triggered, this, &TableEditor::apply);
    parent->addAction(applyAction);
    // Ctrl+Z in the tab takes back the last staged change (an open cell editor keeps Ctrl+Z for its text).
    auto* undoAction = new QAction(tr("Undo staged change"), parent);
    undoAction->setObjectName(QStringLiteral("undoStagedAction"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undoAction, &QAction::triggered, this, &TableEditor::undo);
    parent->addAction(undoAction);
    auto* addAction = new QAction(tr("Add row"), m_view);
    addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    addAction->setShortcutContext(Qt::WidgetShortcut);
    connect(addAction, &QAction::triggered, this, &TableEditor::addRow);
    m_view->addAction(addAction);
    // Named for what it does: setTable() makes it "Soft-delete rows" on tables with a soft-delete column.
    m_deleteAction = new QAction(tr("Delete rows permanently…"), m_view);
    auto* deleteAction = m_deleteAction;
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, [this] { deleteRows(selectedRows()); });
    m_view->addAction(deleteAction);
    auto* formAction = new QAction(tr("Form view"), parent);
    formAction->setObjectName(QStringLiteral("formViewAction"));
    formAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    formAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(formAction, &QAction::triggered, this, &TableEditor::openFormView);
    parent->addAction(formAction);
    m_paste = new GridPaste(m_pool, m_model, m_view, this);
    m_paste->addActions([this] { return selectedRows(); });
    m_paste->setWritingRefused([this] { return refuseWhileLocked(); });
    connect(m_paste, &GridPaste::staged, this, [this](qsizetype cells) {
        showError({});
        emit pasteStaged(cells);
    });
    connect(m_paste, &GridPaste::refused, this, [this](const QString& message) {
        showError(message);
        emit pasteRefused(message);
    });
}

void TableEditor::setWholeValueLoader(WholeValueLoader* loader) {
    m_whole = loader;
    m_paste->setWholeValueLoader(loader);
}

void TableEditor::pasteText(const QString& text, bool asNewRows, bool emptyIsNull) {
    if (asNewRows)
        m_paste->pasteAsNewRows(text, emptyIsNull);
    else
        m_paste->paste(text, emptyIsNull);
}

void TableEditor::duplicateRows(const QList<int>& rows) {
    m_paste->duplicateRows(rows);
}

FormView* TableEditor::openFormView() {
    if (m_model->rowCount() == 0)
        return nullptr;
    auto* form = new FormView(
        m_model, m_view, [this](const QModelIndex& cell) { editValue(cell); }, [this] { apply(); }, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->showRow(std::max(0, m_view->currentIndex().row()));
    form->show();
    return form;
}

void TableEditor::setJournal(std::shared_ptr<core::ChangeJournal> journal) {
    m_journal = std::move(journal);
}

void TableEditor::setTable(const core::TableInfo& table, bool standby) {
    if (m_session)
        return;
    const QString hidden = EditSession::hiddenColumnsNote(table);
    m_hiddenColumns->setText(hidden);
    m_hiddenColumns->setVisible(!hidden.isEmpty());
    if (table.conventions.softDelete != core::SoftDeleteKind::None)
        m_deleteAction->setText(tr("Soft-delete rows"));
    m_readOnlyReason = standby ? EditSession::standbyReason() : EditSession::readOnlyReason(table);
    m_readOnlyBar->setVisible(!m_readOnlyReason.isEmpty());
    if (!m_readOnlyReason.isEmpty()) {
        m_readOnly->setText(m_readOnlyReason);
        m_ctidOptIn->setVisible(!standby && core::canEditByCtid(table));
        return;
    }
    QString journalError;
    if (!m_journal)
        m_journal = sharedJournal(&journalError);
    bool created = false;
    // A DSN session has no profile name: it is journaled under its DSN's identity instead.
    m_shared = EditSession::shared(table, core::journalKey(m_pool->profile()), m_journal, &created);
    m_session = m_shared.get();
    if (created && !m_session->offerError().isEmpty())
        journalError = m_session->offerError();
    connect(m_session, &EditSession::changed, this, &TableEditor::updateState);
    // What an agent proposed for this table (pgdesk-cli mcp), under the offer of what a crash left.
    auto* proposals = new ProposalBar(m_session, core::journalKey(m_pool->profile()), this);
    static_cast<QVBoxLayout*>(layout())->insertWidget(layout()->indexOf(m_offerBar) + 1, proposals);
    connect(m_session, &EditSession::applied, this, [this] {
        showApplied(EditSession::describeApplied(m_session->table().name, m_session->lastApplied()));
        emit reloadRequested();
        emit applied();
    });
    connect(m_session, &EditSession::applyConflicted, this, [this] {
        emit reloadRequested(); // the rows' current values under the staged ones
        emit applyConflicted();
    });
    connect(m_session, &EditSession::applyFailed, this, [this](const QString& message) {
        showError(tr("Nothing was written, your staged changes are kept: %1").arg(message));
        emit applyFailed(message);
    });
    connect(m_session, &EditSession::applyCancelled, this, [this] {
        showError(tr("Apply cancelled: the transaction rolled back, nothing was written. Your staged changes "
                     "are kept."));
        emit applyCancelled();
    });
    m_model->setRowEdits(m_session);
    if (!journalError.isEmpty())
        showError(
            tr("Staged changes are not journaled (%1): they would not survive a crash.").arg(journalError));
    updateState();
}

void TableEditor::setWriteUnlock(WriteUnlockButton* button) {
    m_unlock = button;
    connect(m_unlock, &WriteUnlockButton::unlockedChanged, this, [this] {
        m_guardText->clear();
        updateState();
    });
    updateState();
}

bool TableEditor::isWritingLocked() const {
    return m_unlock && m_unlock->isGuarded() && !m_unlock->isUnlocked();
}

bool TableEditor::refuseWhileLocked() {
    if (!isWritingLocked())
        return false;
    m_guardText->setText(tr("Writing is locked on this %1 tab: nothing was staged. Unlock writing first.")
                             .arg(environmentLabel(m_pool->profile().environment)));
    m_guardBar->setVisible(true);
    return true;
}

QString TableEditor::readOnlyReason() const {
    return m_readOnlyReason;
}

bool TableEditor::hasOffer() const {
    return m_session && m_session->hasOffer();
}

bool TableEditor::isApplying() const {
    return m_session && m_session->isApplying();
}

void TableEditor::showError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void TableEditor::showApplied(const QString& text) {
    m_appliedNote = text;
    m_appliedNoteTimer->start();
    updateState();
    // The window's status bar too, where the other tabs' and the window's messages go.
    if (auto* window = qobject_cast<QMainWindow*>(this->window()))
        window->statusBar()->showMessage(text, kAppliedNoteMs);
}

QString TableEditor::stagedText() const {
    return m_stagedText->text();
}

void TableEditor::updateState() {
    const bool editable = m_session != nullptr;
    const qsizetype staged = editable ? m_session->size() : 0;
    m_offerBar->setVisible(hasOffer());
    if (hasOffer())
        m_offerText->setText(tr("%1 from a previous session").arg(changeCount(m_session->offerSize())));
    const bool applying = isApplying();
    const bool cancelling = applying && m_session->isCancellingApply();
    if (staged > 0 || applying)
        m_appliedNote.clear(); // the next changes replace the news of the last ones
    // Always there on an editable table, empty or not: the grid must not move when the first edit is staged.
    m_stagedBar->setVisible(editable);
    m_stagedText->setForegroundRole(staged > 0 || applying || !m_appliedNote.isEmpty()
                                        ? QPalette::WindowText
                                        : QPalette::PlaceholderText);
    if (applying) {
        QString text = cancelling ? tr("Cancelling the apply of %1: waiting for the server to roll back…")
                                        .arg(changeCount(staged))
                                  : tr("Applying %1…").arg(changeCount(staged));
        if (!m_lockWait->text().isEmpty())
            text += QLatin1Char(' ') + m_lockWait->text();
        m_stagedText->setText(text);
        if (!m_lockWait->isRunning())
            m_lockWait->start([session = m_session] { return session->applyBackendPid(); });
    } else {
        m_lockWait->stop();
        m_stagedText->setText(staged > 0                 ? changeCount(staged)
                              : !m_appliedNote.isEmpty() ? m_appliedNote
                                                         : tr("No staged changes"));
    }
    m_apply->setVisible(!applying);
    m_discard->setVisible(!applying);
    m_cancelApply->setVisible(applying);
    m_cancelApply->setEnabled(applying && !cancelling);
    m_apply->setEnabled(staged > 0 && !applying && !hasOffer());
    m_discard->setEnabled(staged > 0 && !applying);
    const bool locked = isWritingLocked();
    m_model->setEditingLocked(isApplying() || hasOffer() || locked);
    m_guardBar->setVisible(locked && editable);
    if (locked && m_guardText->text().isEmpty())
        m_guardText->setText(tr("%1: this tab is read-only. Editing, pasting, deleting and batch operations "
                                "need writing unlocked; Apply then asks for the database's name.")
                                 .arg(environmentLabel(m_pool->profile().environment)));
    const QList<core::ChangeConflict> conflicts =
        editable ? m_session->conflicts() : QList<core::ChangeConflict>{};
    m_conflictBar->setVisible(!conflicts.isEmpty());
    if (!conflicts.isEmpty()) {
        QStringList rows;
        for (const core::ChangeConflict& c : conflicts)
            rows << EditSession::describeKey(c.key) + (c.vanished ? tr(" (deleted)") : QString());
        rows.sort();
        m_conflictText->setText(
            tr("Nothing was written: %n row(s) changed on the server since they were read: "
               "%1. Keep mine stages my changes again against the rows as they are now; "
               "take theirs drops my changes to them.",
               nullptr, int(conflicts.size()))
                .arg(rows.join(QStringLiteral(", "))));
    }
    if (editable && !m_session->journalError().isEmpty())
        showError(tr("Could not write the journal (%1): staged changes would not survive a crash.")
                      .arg(m_session->journalError()));
}

QString TableEditor::previewSql() const {
    if (!m_session)
        return m_readOnlyReason;
    try {
        return core::ChangeSetApplier(core::tableWithoutCtidKey(m_session->table()))
            .preview(m_session->changes());
    } catch (const std::exception& e) {
        return tr("-- cannot apply: %1").arg(core::sqlCommentText(errorText(e))); // may name the table
    }
}

void TableEditor::apply() {
    if (!m_session || m_session->isEmpty() || isApplying() || hasOffer())
        return;
    if (m_unlock && m_unlock->isUnlocked()) {
        // The production guard's question replaces the preview: the counts, and the database's name typed.
        auto* dialog =
            new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()),
                                        ProductionConfirmDialog::changeSummary(m_session->changes()), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, &TableEditor::applyStaged);
        dialog->open();
        return;
    }
    if (!UiSettings::confirmBeforeApply())
        return applyStaged(); // the preference: no preview, no question
    auto* dialog = new ApplyPreviewDialog(
        tr("Apply %1 to %2").arg(changeCount(m_session->size()), m_session->table().name), previewSql(),
        m_pool->profile(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &TableEditor::applyStaged);
    dialog->open();
    checkForeignKeys(dialog);
}

bool TableEditor::undo() {
    if (!m_session || isApplying() || hasOffer())
        return false;
    return m_session->undo();
}

void TableEditor::applyStaged() {
    if (!m_session || m_session->isEmpty() || isApplying())
        return;
    showError({});
    // Locked on a production session, the apply still goes: the server refuses it (25006) and says so.
    m_session->apply(m_pool, m_unlock ? m_unlock->access() : nullptr);
}

void TableEditor::discard() {
    if (!m_session || m_session->isEmpty() || isApplying())
        return;
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Discard changes"),
                        tr("Discard %1 to %2?").arg(changeCount(m_session->size()), m_session->table().name),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Discard) && !isApplying()) {
            m_session->clear();
            showError({});
        }
    });
    box->open();
}

QList<int> TableEditor::selectedRows() const {
    std::set<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedIndexes())
        rows.insert(index.row());
    if (rows.empty() && m_view->currentIndex().isValid())
        rows.insert(m_view->currentIndex().row());
    return {rows.begin(), rows.end()};
}

void TableEditor::addRow() {
    if (!m_session || refuseWhileLocked() || isApplying() || hasOffer())
        return;
    m_session->stageInsert();
    const int row = m_model->rowCount() - 1;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QModelIndex cell = m_model->index(row, c);
        if (m_model->flags(cell) & Qt::ItemIsEditable) {
            m_view->setCurrentIndex(cell);
            m_view->scrollTo(cell);
            if (m_view->isVisible())
                m_view->edit(cell);
            break;
        }
    }
}

void TableEditor::deleteRows(const QList<int>& selected, bool hard) {
    if (!m_session || refuseWhileLocked() || selected.isEmpty() || isApplying() || hasOffer())
        return;
    // New rows never reached the server: they just go (last first, as indexes shift).
    QList<qsizetype> inserts;
    QList<int> rows;
    for (int row : selected) {
        if (const qsizetype insert = m_model->insertIndex(row); insert >= 0)
            inserts << insert;
        else if (row < m_model->pageRowCount())
            rows << row;
    }
    std::sort(inserts.begin(), inserts.end(), std::greater<>());
    m_session->beginBatch();
    for (qsizetype insert : std::as_const(inserts))
        m_session->cancelInsert(insert);
    m_session->endBatch();
    if (rows.isEmpty())
        return;
    const bool soft = !hard && m_session->table().conventions.softDelete != core::SoftDeleteKind::None;
    if (const QString refusal = EditSession::deleteRefusal(m_session->table()); !soft && !refusal.isEmpty())
        return showError(refusal);
    const auto stage = [this, rows, soft] {
        m_session->beginBatch();
        for (int row : rows) {
            const core::Key key = m_model->rowKey(row);
            // Soft-deleting a row that already is would only move its deletion time.
            if (!key.isEmpty() && !(soft && m_model->isRowDeleted(row)))
                m_session->stageDelete(key, m_model->rowVersion(row), !soft);
        }
        m_session->endBatch();
    };
    if (soft)
        return stage();
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Delete rows"),
        tr("Delete %n row(s) of %1 permanently when the changes are applied?", nullptr, int(rows.size()))
            .arg(m_session->table().name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, stage] {
        if (box->clickedButton() == box->button(QMessageBox::Yes) && !isApplying())
            stage();
    });
    box->open();
}

void TableEditor::restoreRows(const QList<int>& rows) {
    if (!m_session || refuseWhileLocked() || isApplying() || hasOffer())
        return;
    m_session->beginBatch();
    for (int row : rows) {
        const core::Key key = m_model->rowKey(row);
        if (!key.isEmpty())
            m_session->stageRestore(key, m_model->rowVersion(row), m_model->isRowDeleted(row));
    }
    m_session->endBatch();
}

void TableEditor::setNull(const QModelIndex& cell) {
    m_model->setData(cell, QVariant(), Qt::EditRole);
}

void TableEditor::cancelApply() {
    if (m_session)
        m_session->cancelApply();
}

bool TableEditor::confirmClose(std::function<void()> resume) {
    if (!settleApplyBeforeClose(std::move(resume)))
        return false;
    // Another tab on the table shares the session: closing this one loses nothing.
    if (!m_session || m_session->isEmpty() || m_shared.use_count() > 1)
        return true;
    // The count phrase carries the plural ("1 staged change", "2 staged changes"); the sentence around it
    // has none to agree with it ("1 staged change that are …" was wrong).
    QMessageBox box(QMessageBox::Warning, tr("Staged changes"),
                    tr("%1 has %2 not applied yet.")
                            .arg(m_session->table().qualifiedName(), changeCount(m_session->size())) +
                        QLatin1Char(' ') + tr("Changes kept staged come back when you open the table again."),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("closeConfirm"));
    QPushButton* keep = box.addButton(tr("Keep staged"), QMessageBox::AcceptRole);
    QPushButton* drop = box.addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == drop) {
        m_session->clear();
        return true;
    }
    return box.clickedButton() == keep;
}

void TableEditor::optInCtid(bool confirm) {
    if (m_session || m_ctidOptIn->isHidden())
        return;
    if (confirm) {
        QMessageBox box(QMessageBox::Question, tr("Edit by row position"),
                        tr("This table has no primary key. PgDesk can identify each row by its physical "
                           "position (ctid) instead. Every change is checked against the row's version when "
                           "applied, so a row changed or moved by someone else is reported as a conflict "
                           "and nothing is written; identical rows stay distinguishable.\n\nEdit this table "
                           "by row position?"),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("ctidConfirm"));
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    emit ctidOptInRequested();
}

void TableEditor::keepMine() {
    if (m_session && !isApplying())
        m_session->keepMine();
}

void TableEditor::takeTheirs() {
    if (m_session && !isApplying())
        m_session->takeTheirs();
}

void TableEditor::restoreOffered() {
    if (m_session)
        m_session->restoreOffer();
}

void TableEditor::discardOffered() {
    if (m_session)
        m_session->discardOffer();
}

void TableEditor::addMenuActions(QMenu* menu, const QModelIndex& cell) {
    if (!m_session)
        return;
    const bool locked = isApplying() || hasOffer();
    menu->addSeparator();
    if (m_model->canStage(cell)) {
        QAction* setNull = menu->addAction(themedIcon(QStringLiteral("edit-clear")), tr("Set NULL"), this,
                                           [this, cell] { this->setNull(cell); });
        setNull->setEnabled(
            !locked && (m_model->value(cell.row(), cell.column()).has_value() || m_model->isDefault(cell)));
        QAction* setDefault =
            menu->addAction(tr("Set DEFAULT"), this, [this, cell] { m_model->setDefault(cell); });
        setDefault->setObjectName(QStringLiteral("setDefaultAction"));
        setDefault->setEnabled(!locked && !m_model->isDefault(cell));
        if (const core::ColumnInfo* column = CellEditDelegate::columnOf(cell))
            setDefault->setToolTip(column->defaultExpression.isEmpty()
                                       ? tr("The column has no default: it becomes NULL")
                                       : tr("The column's default: %1").arg(column->defaultExpression));
        if (const core::ColumnInfo* column = CellEditDelegate::columnOf(cell);
            column && CellEditDelegate::wantsDialog(*column))
            menu->addAction(tr("Edit value…"), this, [this, cell] { editValue(cell); })->setEnabled(!locked);
    }
    if (const core::ColumnInfo* column = CellEditDelegate::columnOf(cell);
        column && column->category == core::TypeCategory::Bytea) {
        QAction* load = menu->addAction(tr("Load from file…"), this, [this, cell] {
            const QString path = chooseFileToOpen(m_view, tr("Load bytes into the cell"));
            if (!path.isEmpty())
                loadFromFile(cell, path);
        });
        load->setEnabled(!locked && m_model->canStage(cell));
        menu->addAction(tr("Save to file…"), this,
                        [this, cell] {
                            const QString path = chooseFileToSave(m_view, tr("Save the cell's bytes"));
                            if (!path.isEmpty())
                                saveToFile(cell, path);
                        })
            ->setEnabled(m_model->value(cell.row(), cell.column()).has_value());
    }
    QList<int> rows = selectedRows();
    if (!rows.contains(cell.row()))
        rows = {cell.row()};
    QAction* add = menu->addAction(themedIcon(QStringLiteral("edit-table-insert-row-below")), tr("Add row"),
                                   this, &TableEditor::addRow);
    add->setEnabled(!locked);
    add->setShortcut(QKeySequence(Qt::Key_Insert)); // shown: the grid's own action runs it
    m_paste->addMenuActions(menu, locked, rows);
    menu->addAction(tr("Form view…"), this, &TableEditor::openFormView)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    if (m_model->isNewRow(cell.row())) {
        menu->addAction(tr("Remove new row"), this, [this, cell] { deleteRows({cell.row()}); })
            ->setEnabled(!locked);
        return;
    }
    const bool softTable = m_session->table().conventions.softDelete != core::SoftDeleteKind::None;
    bool anyDeleted = false;
    for (int row : std::as_const(rows)) {
        const auto state =
            EditSession::RowState(m_model->data(m_model->index(row, 0), PageModel::RowStateRole).toInt());
        anyDeleted = anyDeleted || m_model->isRowDeleted(row) ||
                     state == EditSession::RowState::DeletePending ||
                     state == EditSession::RowState::SoftDeletePending;
    }
    // Which delete it is, in words: the same label must never mean a soft delete here and a real one there.
    // The Delete key does the first of these (m_deleteAction): the menu shows it beside that one.
    if (softTable) {
        QAction* soft = menu->addAction(themedIcon(QStringLiteral("edit-table-delete-row")),
                                        tr("Soft-delete %n row(s)", nullptr, int(rows.size())), this,
                                        [this, rows] { deleteRows(rows); });
        soft->setEnabled(!locked);
        soft->setShortcut(QKeySequence::Delete);
    }
    QAction* hard = menu->addAction(themedIcon(QStringLiteral("edit-delete")),
                                    tr("Delete %n row(s) permanently…", nullptr, int(rows.size())), this,
                                    [this, rows] { deleteRows(rows, true); });
    hard->setEnabled(!locked);
    if (!softTable)
        hard->setShortcut(QKeySequence::Delete);
    if (anyDeleted)
        menu->addAction(themedIcon(QStringLiteral("edit-undo")),
                        tr("Restore %n row(s)", nullptr, int(rows.size())), this,
                        [this, rows] { restoreRows(rows); })
            ->setEnabled(!locked);
}

} // namespace pgdesk::ui
