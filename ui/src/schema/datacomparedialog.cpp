// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/schema/datacomparedialog.h>

#include "schema/databasechoice.h"

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>

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
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("dataCompareDirection"));
    m_direction->addItem(tr("the source: the other table's rows change to match it"));
    m_direction->addItem(tr("the target: its rows change to match the other table"));
    m_otherDatabase = new QComboBox(this);
    m_otherDatabase->setObjectName(QStringLiteral("dataCompareSourceDatabase"));
    m_otherDatabase->addItem(database);
    m_otherTable =
        new QLineEdit(core::quoteIdentifier(schema) + QLatin1Char('.') + core::quoteIdentifier(table), this);
    m_otherTable->setObjectName(QStringLiteral("dataCompareSourceTable"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dataCompareSummary"));
    m_summary->setWordWrap(true);
    const auto sayDirection = [this] {
        const QString here = QStringLiteral("%1.%2").arg(m_schema, m_table);
        m_summary->setStyleSheet({});
        m_summary->setText(
            tableIsSource()
                ? tr("The rows of %1 are compared with the other table's by its key; what differs "
                     "becomes staged changes of the other table, previewed and applied in its tab.")
                      .arg(here)
                : tr("The rows of the other table are compared with those of %1 by its key; what "
                     "differs becomes staged changes of %1, previewed and applied in its tab.")
                      .arg(here));
        m_stage->setEnabled(false);
    };
    auto* form = new QFormLayout;
    form->addRow(tr("%1 · %2.%3 is").arg(database, schema, table), m_direction);
    form->addRow(tr("Other database:"), m_otherDatabase);
    form->addRow(tr("Other table:"), m_otherTable);
    auto* buttons = new QDialogButtonBox(this);
    m_compare = buttons->addButton(tr("Compare"), QDialogButtonBox::ActionRole);
    m_compare->setObjectName(QStringLiteral("dataCompareButton"));
    m_stage = buttons->addButton(tr("Stage in the table"), QDialogButtonBox::AcceptRole);
    m_stage->setObjectName(QStringLiteral("dataCompareStage"));
    m_stage->setEnabled(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_compare, &QPushButton::clicked, this, &DataCompareDialog::compare);
    connect(m_stage, &QPushButton::clicked, this, [this] {
        emit stageRequested(m_targetDatabase, m_targetSchema, m_targetTable, m_result.changes);
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
    connect(m_direction, &QComboBox::currentIndexChanged, this, sayDirection);
    sayDirection();
    loadDatabaseNames(m_databasesJob, m_pools(database), {m_otherDatabase});
}

bool DataCompareDialog::tableIsSource() const {
    return m_direction->currentIndex() == 0;
}

QString DataCompareDialog::summaryText() const {
    return m_summary->text();
}

void DataCompareDialog::compare() {
    const bool tableIsSource = this->tableIsSource();
    const QString other = m_otherDatabase->currentText();
    const auto source = m_pools(tableIsSource ? m_database : other);
    const auto target = m_pools(tableIsSource ? other : m_database);
    if (!source || !target || m_job->isRunning())
        return;
    m_compare->setEnabled(false);
    m_stage->setEnabled(false);
    m_summary->setStyleSheet({});
    m_summary->setText(tr("Comparing…"));
    m_job->start(
        [source, target, otherTable = m_otherTable->text(), schema = m_schema, table = m_table,
         tableIsSource](const std::shared_ptr<core::CancelToken>& cancel) {
            auto s = source->acquire();
            auto t = target->acquire();
            // The other table as the user wrote it, resolved on its own side.
            const core::TableInfo info = core::CatalogReader(tableIsSource ? *t : *s).table(otherTable);
            core::DataCompareSpec spec;
            spec.sourceSchema = tableIsSource ? schema : info.schema;
            spec.sourceTable = tableIsSource ? table : info.name;
            spec.targetSchema = tableIsSource ? info.schema : schema;
            spec.targetTable = tableIsSource ? info.name : table;
            // The statement in flight on the target is cancelled; between batches the flag is checked.
            const core::CancelToken::Scope scope(cancel, *t);
            return std::pair{spec, core::compareTableData(
                                       *s, *t, spec, [cancel](qint64) { return !cancel->isCancelled(); })};
        },
        [this, targetDatabase = tableIsSource ? other : m_database](
            const std::pair<core::DataCompareSpec, core::DataCompareResult>& outcome) {
            m_targetDatabase = targetDatabase;
            m_targetSchema = outcome.first.targetSchema;
            m_targetTable = outcome.first.targetTable;
            const core::DataCompareResult& r = outcome.second;
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
