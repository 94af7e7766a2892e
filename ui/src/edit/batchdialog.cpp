// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/edit/batchdialog.h>
#include <pgdesk/ui/grid/celltext.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

namespace pgdesk::ui {

// Shared by the dialog (which polls progress and may cancel) and the worker running the batch; the statement
// itself is cancelled by the slot's token.
struct BatchDialog::Job {
    std::atomic_bool cancel{false}; // core::BatchOperation stops between chunks
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
};

BatchDialog::BatchDialog(std::shared_ptr<core::Pool> pool, core::TableInfo table, core::QuerySpec view,
                         QList<core::Key> selected, QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool))
    , m_table(std::move(table))
    , m_view(std::move(view))
    , m_selected(std::move(selected))
    , m_selection(new QRadioButton(this))
    , m_matching(new QRadioButton(this))
    , m_action(new QComboBox(this))
    , m_column(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_null(new QCheckBox(tr("NULL"), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_poll(new QTimer(this))
    , m_work(new JobSlot(this)) {
    setObjectName(QStringLiteral("batchDialog"));
    setWindowTitle(tr("Batch operation on %1.%2").arg(m_table.schema, m_table.name));
    const QLocale locale;
    m_selection->setText(tr("The %n selected row(s)", nullptr, int(m_selected.size())));
    m_selection->setEnabled(!m_selected.isEmpty());
    const bool filtered = !m_view.filter.isEmpty() || !m_view.search.isEmpty();
    m_matching->setText(filtered ? tr("Every row matching the current filter")
                                 : tr("Every row of the table"));
    if (m_table.conventions.softDelete != core::SoftDeleteKind::None) {
        m_matching->setText(
            m_matching->text() +
            QStringLiteral(" (%1)").arg(m_view.scope == core::SoftDeleteScope::Active    ? tr("active")
                                        : m_view.scope == core::SoftDeleteScope::Deleted ? tr("deleted")
                                                                                         : tr("all")));
    }
    (m_selected.isEmpty() ? m_matching : m_selection)->setChecked(true);
    auto* target = new QButtonGroup(this);
    target->addButton(m_selection);
    target->addButton(m_matching);

    m_action->addItem(tr("Set a column to a value"), int(core::BatchAction::SetColumn));
    if (m_table.conventions.softDelete != core::SoftDeleteKind::None) {
        m_action->addItem(tr("Soft delete (%1)").arg(m_table.conventions.softDeleteColumn),
                          int(core::BatchAction::SoftDelete));
        m_action->addItem(tr("Restore"), int(core::BatchAction::Restore));
    }
    m_action->addItem(tr("Delete permanently"), int(core::BatchAction::HardDelete));
    m_action->setAccessibleName(tr("Action"));
    for (const core::ColumnInfo& c : std::as_const(m_table.columns)) {
        if (!c.isGenerated && !c.identityAlways)
            m_column->addItem(QStringLiteral("%1 : %2").arg(c.name, c.typeName), c.name);
    }
    m_column->setAccessibleName(tr("Column"));
    m_value->setAccessibleName(tr("New value"));
    m_value->setPlaceholderText(tr("value as PostgreSQL text (empty = empty string)"));
    m_null->setToolTip(tr("Set the column to NULL (not the empty string)"));
    auto* valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_null);

    m_status->setObjectName(QStringLiteral("batchStatus"));
    m_status->setWordWrap(true);
    m_progress->setVisible(false);
    m_progress->setRange(0, 100);

    auto* buttons = new QDialogButtonBox(this);
    m_count = buttons->addButton(tr("Count rows"), QDialogButtonBox::ActionRole);
    m_count->setObjectName(QStringLiteral("batchCount"));
    m_run = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("batchRun"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_count, &QPushButton::clicked, this, &BatchDialog::count);
    connect(m_run, &QPushButton::clicked, this, &BatchDialog::run);
    connect(m_close, &QPushButton::clicked, this, [this] { isBusy() ? cancel() : reject(); });

    auto* form = new QFormLayout;
    auto* rows = new QVBoxLayout;
    rows->addWidget(m_selection);
    rows->addWidget(m_matching);
    form->addRow(tr("Rows:"), rows);
    form->addRow(tr("Action:"), m_action);
    form->addRow(tr("Column:"), m_column);
    form->addRow(tr("Value:"), valueRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    // Any change of what would run invalidates the count: the number on the Run button must be the truth.
    connect(m_selection, &QRadioButton::toggled, this, &BatchDialog::optionsChanged);
    connect(m_action, &QComboBox::currentIndexChanged, this, &BatchDialog::optionsChanged);
    connect(m_column, &QComboBox::currentIndexChanged, this, &BatchDialog::optionsChanged);
    connect(m_value, &QLineEdit::textEdited, this, &BatchDialog::optionsChanged);
    connect(m_null, &QCheckBox::toggled, this, [this](bool on) {
        m_value->setEnabled(!on);
        optionsChanged();
    });
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &BatchDialog::showProgress);
    updateControls();
}

BatchDialog::~BatchDialog() {
    cancel(); // closing the dialog does not leave a batch running unseen: it rolls back
}

void BatchDialog::setAction(core::BatchAction action) {
    m_action->setCurrentIndex(m_action->findData(int(action)));
}
void BatchDialog::setOnSelection(bool selection) {
    (selection ? m_selection : m_matching)->setChecked(true);
}
void BatchDialog::setColumn(const QString& column) {
    m_column->setCurrentIndex(m_column->findData(column));
}
void BatchDialog::setValue(const std::optional<QString>& value) {
    m_null->setChecked(!value);
    m_value->setText(value.value_or(QString()));
    optionsChanged();
}
bool BatchDialog::onSelection() const {
    return m_selection->isChecked();
}
QString BatchDialog::statusText() const {
    return m_status->text();
}

core::BatchRequest BatchDialog::request() const {
    core::BatchRequest r;
    r.action = core::BatchAction(m_action->currentData().toInt());
    if (r.action == core::BatchAction::SetColumn) {
        r.column = m_column->currentData().toString();
        if (!m_null->isChecked())
            r.value = m_value->text();
    }
    return r;
}

bool BatchDialog::isBusy() const {
    return m_work->isRunning();
}

void BatchDialog::optionsChanged() {
    if (isBusy() && !m_job)
        m_work->abandon(); // a count of other options: its number must never reach the Run button
    if (m_finished)
        m_finished = false;
    m_counted.reset();
    m_status->clear();
    updateControls();
}

void BatchDialog::updateControls() {
    const bool busy = isBusy();
    const auto action = core::BatchAction(m_action->currentData().toInt());
    const bool setColumn = action == core::BatchAction::SetColumn;
    for (QWidget* w :
         {static_cast<QWidget*>(m_column), static_cast<QWidget*>(m_value), static_cast<QWidget*>(m_null)})
        w->setVisible(setColumn);
    m_value->setEnabled(!m_null->isChecked());
    for (QWidget* w : {static_cast<QWidget*>(m_selection), static_cast<QWidget*>(m_matching),
                       static_cast<QWidget*>(m_action), static_cast<QWidget*>(m_column),
                       static_cast<QWidget*>(m_value), static_cast<QWidget*>(m_null)})
        w->setDisabled(busy || m_finished);
    if (!busy && !m_finished)
        m_value->setEnabled(!m_null->isChecked());
    m_selection->setEnabled(!busy && !m_finished && !m_selected.isEmpty());
    m_count->setEnabled(!busy && !m_finished);
    m_run->setEnabled(!busy && !m_finished && m_counted && *m_counted > 0);
    const QLocale locale;
    const QString n = m_counted ? locale.toString(*m_counted) : QStringLiteral("…");
    const int plural = m_counted ? pluralCount(*m_counted) : 2;
    switch (action) {
    case core::BatchAction::SetColumn:
        m_run->setText(tr("Update %1 row(s)", nullptr, plural).arg(n));
        break;
    case core::BatchAction::SoftDelete:
        m_run->setText(tr("Soft delete %1 row(s)", nullptr, plural).arg(n));
        break;
    case core::BatchAction::Restore:
        m_run->setText(tr("Restore %1 row(s)", nullptr, plural).arg(n));
        break;
    case core::BatchAction::HardDelete:
        m_run->setText(tr("Delete %1 row(s) permanently", nullptr, plural).arg(n));
        break;
    }
    m_close->setText(busy ? tr("Cancel") : tr("Close"));
}

void BatchDialog::count() {
    if (isBusy())
        return;
    m_status->setText(tr("Counting…"));
    m_work->start(
        [pool = m_pool, table = m_table, request = request(), view = m_view, keys = m_selected,
         selection = onSelection()](const std::shared_ptr<core::CancelToken>& token) {
            const core::BatchOperation op(table, request);
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(token, *connection);
            return selection ? op.countAffected(*connection, keys) : op.countAffected(*connection, view);
        },
        [this](qint64 rows) {
            m_counted = rows;
            m_status->setText(rows == 0
                                  ? tr("No row would change.")
                                  : tr("%n row(s) will change, in one transaction.", nullptr, int(rows)));
            updateControls();
            emit counted(rows);
        },
        [this](const BackgroundFailure& failure) {
            m_status->setText(failure.message);
            updateControls();
            emit failed(failure.message);
        });
    updateControls();
}

void BatchDialog::run() {
    if (isBusy() || !m_counted || *m_counted == 0)
        return;
    if (m_unlock && m_unlock->isUnlocked()) {
        // The production guard: the count and the database's name typed before anything is sent.
        auto* confirm =
            new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()),
                                        tr("%1: %n row(s) of %2.%3", nullptr, int(*m_counted))
                                            .arg(m_action->currentText(), m_table.schema, m_table.name),
                                        this);
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        connect(confirm, &QDialog::accepted, this, &BatchDialog::start);
        confirm->open();
        return;
    }
    start();
}

void BatchDialog::start() {
    if (isBusy() || !m_counted || *m_counted == 0)
        return;
    auto job = std::make_shared<Job>();
    m_job = job;
    m_status->setText(tr("Running…"));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_poll->start();
    m_work->start(
        [pool = m_pool, table = m_table, request = request(), view = m_view, keys = m_selected,
         selection = onSelection(), expected = *m_counted, job,
         write = m_unlock ? m_unlock->access() : nullptr](const std::shared_ptr<core::CancelToken>& token) {
            const core::BatchOperation op(table, request);
            core::BatchOptions options;
            options.atomic.write = write; // production: without the tab's key the server refuses
            options.cancel = &job->cancel;
            options.expectedCount = expected;
            options.progress = [job](qint64 done, qint64 total) {
                job->done = done;
                job->total = total;
            };
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(token, *connection); // throws when already cancelled
            return selection ? op.run(*connection, keys, options) : op.run(*connection, view, options);
        },
        [this](const core::BatchResult& result) {
            m_job.reset();
            m_poll->stop();
            m_progress->setValue(100);
            m_finished = true;
            m_status->setText(tr("Done: %n row(s) changed in %1 ms.", nullptr, int(result.affected))
                                  .arg(QLocale().toString(result.elapsedMs)));
            updateControls();
            emit finished(result.affected);
        },
        [this, job](const BackgroundFailure& failure) {
            m_job.reset();
            m_poll->stop();
            m_progress->setVisible(false);
            m_counted.reset(); // count again before another try
            m_status->setText(job->cancel ? tr("Cancelled: nothing was changed.")
                                          : tr("Nothing was changed: %1").arg(failure.message));
            updateControls();
            emit failed(failure.message);
        });
    updateControls();
}

void BatchDialog::cancel() {
    if (m_job)
        m_job->cancel = true;
    m_work->cancel(); // a long filter statement stops at once; key chunks at the next chunk
}

void BatchDialog::showProgress() {
    if (!m_job)
        return;
    const qint64 total = m_job->total;
    const qint64 done = m_job->done;
    if (total > 0)
        m_progress->setValue(int(100 * done / total));
    const QLocale locale;
    m_status->setText(total > 0
                          ? tr("Running… %1 of %2 rows").arg(locale.toString(done), locale.toString(total))
                          : tr("Running…"));
}

} // namespace pgdesk::ui
