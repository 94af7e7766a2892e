// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/datacomparedialog.h>

#include "schema/databasechoice.h"

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/jobslot.h>
#include <pgdesk/ui/theme.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

DataCompareDialog::DataCompareDialog(PoolProvider pools, const QString& database, const QString& schema,
                                     const QString& table, QWidget* parent)
    : QDialog(parent)
    , m_pools(std::move(pools))
    , m_database(database)
    , m_schema(schema)
    , m_table(table) {
    setObjectName(QStringLiteral("dataCompareDialog"));
    setWindowTitle(tr("Compare data of %1.%2").arg(schema, table));
    m_job = new JobSlot(this);
    m_databasesJob = new JobSlot(this);
    m_sourceDatabase = new QComboBox(this);
    m_sourceDatabase->setObjectName(QStringLiteral("dataCompareSourceDatabase"));
    m_sourceDatabase->addItem(database);
    m_sourceTable =
        new QLineEdit(core::quoteIdentifier(schema) + QLatin1Char('.') + core::quoteIdentifier(table), this);
    m_sourceTable->setObjectName(QStringLiteral("dataCompareSourceTable"));
    m_summary =
        new QLabel(tr("The rows of the source are compared with those of %1.%2 by its key; what differs "
                      "becomes staged changes of %1.%2, previewed and applied in its tab.")
                       .arg(schema, table),
                   this);
    m_summary->setObjectName(QStringLiteral("dataCompareSummary"));
    m_summary->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Source database:"), m_sourceDatabase);
    form->addRow(tr("Source table:"), m_sourceTable);
    form->addRow(tr("Target:"), new QLabel(QStringLiteral("%1 · %2.%3").arg(database, schema, table), this));
    auto* buttons = new QDialogButtonBox(this);
    m_compare = buttons->addButton(tr("Compare"), QDialogButtonBox::ActionRole);
    m_compare->setObjectName(QStringLiteral("dataCompareButton"));
    m_stage = buttons->addButton(tr("Stage in the table"), QDialogButtonBox::AcceptRole);
    m_stage->setObjectName(QStringLiteral("dataCompareStage"));
    m_stage->setEnabled(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_compare, &QPushButton::clicked, this, &DataCompareDialog::compare);
    connect(m_stage, &QPushButton::clicked, this, [this] {
        emit stageRequested(m_database, m_schema, m_table, m_result.changes);
        accept();
    });
    // Cancel stops a compare in flight first; a second press closes.
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job->isRunning())
            m_job->cancel();
        else
            reject();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary, 1);
    layout->addWidget(buttons);
    resize(560, 260);
    loadDatabaseNames(m_databasesJob, m_pools(database), {m_sourceDatabase});
}

QString DataCompareDialog::summaryText() const {
    return m_summary->text();
}

void DataCompareDialog::compare() {
    const auto source = m_pools(m_sourceDatabase->currentText());
    const auto target = m_pools(m_database);
    if (!source || !target || m_job->isRunning())
        return;
    m_compare->setEnabled(false);
    m_stage->setEnabled(false);
    m_summary->setStyleSheet({});
    m_summary->setText(tr("Comparing…"));
    m_job->start(
        [source, target, sourceTable = m_sourceTable->text(), schema = m_schema,
         table = m_table](const std::shared_ptr<core::CancelToken>& cancel) {
            auto s = source->acquire();
            auto t = target->acquire();
            const core::TableInfo info = core::CatalogReader(*s).table(sourceTable);
            core::DataCompareSpec spec;
            spec.sourceSchema = info.schema;
            spec.sourceTable = info.name;
            spec.targetSchema = schema;
            spec.targetTable = table;
            // The statement in flight on the target is cancelled; between batches the flag is checked.
            const core::CancelToken::Scope scope(cancel, *t);
            return core::compareTableData(*s, *t, spec, [cancel](qint64) { return !cancel->isCancelled(); });
        },
        [this](const core::DataCompareResult& r) {
            m_result = r;
            m_compare->setEnabled(true);
            QString text =
                tr("Source %1 rows, target %2 rows: %3 the same, %4 different, %5 only in the source, "
                   "%6 only in the target.")
                    .arg(r.sourceRows)
                    .arg(r.targetRows)
                    .arg(r.same)
                    .arg(r.different)
                    .arg(r.onlyInSource)
                    .arg(r.onlyInTarget);
            if (!r.leftOut.isEmpty())
                text += QLatin1Char(' ') + tr("Not compared (in one table only, or generated): %1.")
                                               .arg(r.leftOut.join(QStringLiteral(", ")));
            text += QLatin1Char(' ') + (r.changes.isEmpty() ? tr("Nothing to change.")
                                                            : tr("%n changes make the target equal.", nullptr,
                                                                 int(r.changes.size())));
            m_summary->setText(text);
            m_stage->setEnabled(!r.changes.isEmpty());
            emit compared();
        },
        [this](const BackgroundFailure& f) {
            m_compare->setEnabled(true);
            m_summary->setStyleSheet(textStyle(errorColor()));
            m_summary->setText(f.message);
            emit compared();
        });
}

} // namespace pgdesk::ui
