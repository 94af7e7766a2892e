// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/movetablespacedialog.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/server/guardedstatement.h>
#include <pgdesk/core/server/tablespaces.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/schema/lockanalysisview.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

MoveTablespaceDialog::MoveTablespaceDialog(std::shared_ptr<core::Pool> pool, QString schema, QString table,
                                           QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool))
    , m_schema(std::move(schema))
    , m_table(std::move(table))
    , m_read(new JobSlot(this))
    , m_preview(new JobSlot(this))
    , m_apply(new JobSlot(this)) {
    setObjectName(QStringLiteral("moveTablespaceDialog"));
    setWindowTitle(tr("Move %1.%2 to another tablespace").arg(m_schema, m_table));
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("moveTablespaceTarget"));
    m_sql = new QPlainTextEdit(this);
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setMaximumHeight(70);
    m_locks = new LockAnalysisView(this);
    m_locks->setTraceAvailable(false, tr("Move runs the statement alone, under a lock timeout."));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("moveTablespaceState"));
    m_state->setWordWrap(true);
    m_unlock = new WriteUnlockButton(m_pool->profile(), this);
    m_unlock->setVisible(m_unlock->isGuarded());
    connect(m_unlock, &WriteUnlockButton::unlockedChanged, this, &MoveTablespaceDialog::update);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_move = buttons->addButton(tr("Move"), QDialogButtonBox::AcceptRole);
    m_move->setObjectName(QStringLiteral("moveTablespaceApply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &MoveTablespaceDialog::move);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout;
    form->addRow(tr("To tablespace:"), m_target);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(m_unlock);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_sql);
    layout->addWidget(m_locks, 1);
    layout->addLayout(bottom);
    resize(760, 480);
    connect(m_target, &QComboBox::currentIndexChanged, this, &MoveTablespaceDialog::update);

    setState(tr("Reading the tablespaces…"), false);
    m_read->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            QStringList names;
            for (const core::TablespaceInfo& t : core::TablespaceReader(*connection).tablespaces())
                if (t.name != QLatin1String("pg_global")) // the cluster's shared catalogs only
                    names << t.name;
            return names;
        },
        [this](const QStringList& names) {
            const QSignalBlocker block(m_target);
            m_target->addItems(names);
            m_target->setCurrentIndex(-1);
            setState(tr("Choose where the table goes."), false);
            update();
            emit tablespacesRead();
        },
        [this](const BackgroundFailure& f) { setState(f.message, true); });
    update();
}

MoveTablespaceDialog::~MoveTablespaceDialog() = default;

QString MoveTablespaceDialog::stateText() const {
    return m_state->text();
}

void MoveTablespaceDialog::setState(const QString& text, bool error) {
    m_state->setText(text);
    m_state->setStyleSheet(error ? textStyle(errorColor()) : QString());
}

void MoveTablespaceDialog::update() {
    const QString target = m_target->currentText();
    m_previewed = false;
    m_sql->setPlainText(target.isEmpty() ? QString() : core::moveTableSql(m_schema, m_table, target) + u';');
    m_move->setEnabled(false);
    if (target.isEmpty()) {
        m_locks->setStatements({}, false);
        return;
    }
    // What it locks and copies, said before anything runs.
    m_preview->start(
        [pool = m_pool, sql = m_sql->toPlainText()](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::LockAnalyzer(*connection).analyze(sql);
        },
        [this](const QList<core::StatementLocks>& locks) {
            m_locks->setStatements(locks, false);
            const core::StatementLocks first = locks.value(0);
            setState(
                first.rewrites.isEmpty()
                    ? tr("Nothing is copied.")
                    : tr("Copies %1 under ACCESS EXCLUSIVE: about %2 s in which nothing reads or writes it.")
                          .arg(first.rewrites.join(QStringLiteral(", ")))
                          .arg(first.seconds, 0, 'f', 1),
                false);
            m_previewed = true;
            m_move->setEnabled(!m_apply->isRunning() && (!m_unlock->isGuarded() || m_unlock->isUnlocked()));
            emit previewed();
        },
        [this](const BackgroundFailure& f) { setState(f.message, true); });
}

void MoveTablespaceDialog::move() {
    const QString target = m_target->currentText();
    if (target.isEmpty() || !m_previewed || m_apply->isRunning() ||
        (m_unlock->isGuarded() && !m_unlock->isUnlocked()))
        return;
    m_move->setEnabled(false);
    setState(tr("Moving…"), false);
    m_apply->start(
        [pool = m_pool, sql = core::moveTableSql(m_schema, m_table, target),
         access = m_unlock->access()](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::runGuardedStatement(*connection, sql, {}, access,
                                      QStringLiteral("ALTER TABLE … SET TABLESPACE"));
            return true;
        },
        [this, target](bool) {
            emit moved(target);
            accept();
        },
        [this](const BackgroundFailure& f) {
            setState(tr("The table was not moved: %1").arg(f.message), true);
            m_move->setEnabled(true);
        });
}

} // namespace pgdesk::ui
