// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/createscriptview.h>
#include <pgdesk/ui/common/filechooser.h>

#include "common/lockwaitwatcher.h"
#include "common/sqlhighlighter.h"

#include <pgdesk/core/admin/ddlwriter.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace pgdesk::ui {

CreateScriptView::CreateScriptView(std::shared_ptr<core::Pool> pool, QString schema, QString relation,
                                   QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_schema(std::move(schema))
    , m_relation(std::move(relation))
    , m_load(new JobSlot(this))
    , m_message(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_copy(new QPushButton(themedIcon(QStringLiteral("edit-copy")), tr("Copy"), this))
    , m_save(new QPushButton(themedIcon(QStringLiteral("document-save")), tr("Save as…"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_editor(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("createScriptView"));
    m_message->setObjectName(QStringLiteral("createScriptMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("createScriptRetry"));
    m_retry->setVisible(false);
    connect(m_retry, &QPushButton::clicked, this, &CreateScriptView::refresh);
    m_copy->setObjectName(QStringLiteral("createScriptCopy"));
    m_copy->setToolTip(tr("Copy the whole script"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &CreateScriptView::copyScript);
    m_save->setObjectName(QStringLiteral("createScriptSave"));
    m_save->setToolTip(tr("Save the script as a .sql file"));
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &CreateScriptView::saveAs);
    m_refresh->setObjectName(QStringLiteral("createScriptRefresh"));
    m_refresh->setToolTip(tr("Read the script again from the catalog"));
    connect(m_refresh, &QPushButton::clicked, this, &CreateScriptView::refresh);
    m_editor->setObjectName(QStringLiteral("createScriptText"));
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLayoutDirection(Qt::LeftToRight); // SQL reads left to right in every language
    m_editor->setAccessibleName(tr("CREATE script"));
    m_highlighter = new SqlHighlighter(m_editor->document(), m_editor->palette());

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_save);
    buttons->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_editor, 1);
}

CreateScriptView::CreateScriptView(std::shared_ptr<core::Pool> pool, QString title, QString fileName,
                                   Source read, QWidget* parent)
    : CreateScriptView(std::move(pool), std::move(fileName), QString(), parent) {
    m_title = std::move(title);
    m_source = std::move(read);
}

CreateScriptView::~CreateScriptView() = default;

void CreateScriptView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    ensureLoaded();
}

void CreateScriptView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->usePalette(m_editor->palette()); // a theme switched while the script is shown
}

void CreateScriptView::ensureLoaded() {
    if (!m_requested)
        refresh();
}

bool CreateScriptView::isLoading() const {
    return m_load->isRunning();
}

QString CreateScriptView::suggestedFileName() const {
    QString name = m_relation.isEmpty() ? m_schema : m_schema + QLatin1Char('.') + m_relation;
    // Characters no file system likes become '_'; the name stays recognisable.
    for (QChar& c : name)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    return name + QStringLiteral(".sql");
}

void CreateScriptView::refresh() {
    m_requested = true;
    m_retry->setVisible(false);
    m_message->setStyleSheet({});
    m_message->setText(tr("Reading the catalog…"));
    m_load->start(
        [pool = m_pool, schema = m_schema, relation = m_relation,
         source = m_source](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            if (source)
                return source(*connection);
            core::DdlWriter writer(*connection);
            try {
                return relation.isEmpty() ? writer.schemaScript({schema})
                                          : writer.relationScript(schema, relation);
            } catch (const core::QueryError& e) {
                LockWaitWatcher::rethrowNamingHolders(e, writer.lockHolders());
            }
        },
        [this](QString script) {
            m_script = std::move(script);
            m_editor->setPlainText(m_script);
            m_message->setText(!m_title.isEmpty() ? tr("CREATE script of %1").arg(m_title)
                               : m_relation.isEmpty()
                                   ? tr("CREATE script of schema %1").arg(m_schema)
                                   : tr("CREATE script of %1.%2").arg(m_schema, m_relation));
            m_copy->setEnabled(true);
            m_save->setEnabled(true);
            emit loaded();
        },
        [this](const BackgroundFailure& failure) { showFailure(failure.message); });
}

void CreateScriptView::showFailure(const QString& message) {
    m_message->setStyleSheet(textStyle(errorColor()));
    m_message->setText(tr("Could not read the script: %1").arg(message));
    m_retry->setVisible(true);
    emit loadFailed(message);
}

void CreateScriptView::copyScript() {
    if (!m_script.isEmpty())
        QApplication::clipboard()->setText(m_script);
}

bool CreateScriptView::saveTo(const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_script.toUtf8()) < 0 || !file.commit()) {
        m_message->setStyleSheet(textStyle(errorColor()));
        m_message->setText(
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_message->setStyleSheet({});
    m_message->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void CreateScriptView::saveAs() {
    const QString path = chooseFileToSave(this, tr("Save CREATE script"), suggestedFileName(),
                                          tr("SQL files (*.sql);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

} // namespace pgdesk::ui
