// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publicationdialog.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/server/publishing.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/schema/lockanalysisview.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

constexpr int kPartsRole = Qt::UserRole + 1; // {schema, name}: names are kept as the catalog spells them

QStringList partsOf(const QString& table) {
    const qsizetype dot = table.indexOf(u'.');
    return dot < 0 ? QStringList{QString(), table} : QStringList{table.left(dot), table.mid(dot + 1)};
}

QStringList listOf(const QString& text) {
    QStringList out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

} // namespace

PublicationDialog::PublicationDialog(std::shared_ptr<core::Pool> pool,
                                     std::optional<core::Publication> before, const QStringList& tables,
                                     QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool))
    , m_before(std::move(before)) {
    setObjectName(QStringLiteral("publicationDialog"));
    setWindowTitle(m_before ? tr("Publication %1").arg(m_before->name) : tr("New Publication"));
    m_preview = new JobSlot(this);
    m_applyJob = new JobSlot(this);

    m_name = new QLineEdit(m_before ? m_before->name : QString(), this);
    m_name->setObjectName(QStringLiteral("publicationName"));
    m_allTables = new QCheckBox(tr("All tables, also those created later (FOR ALL TABLES)"), this);
    m_allTables->setObjectName(QStringLiteral("publicationAllTables"));
    m_allTables->setChecked(m_before && m_before->allTables);
    m_allTables->setEnabled(!m_before); // ALTER cannot switch it
    m_picker = new QComboBox(this);
    m_picker->setObjectName(QStringLiteral("publicationTablePicker"));
    m_picker->addItems(tables);
    auto* add = new QPushButton(themedIcon(QStringLiteral("list-add")), tr("Add Table"), this);
    add->setObjectName(QStringLiteral("publicationAddTable"));
    connect(add, &QPushButton::clicked, this, [this] { addTable(m_picker->currentText()); });
    auto* remove = new QPushButton(themedIcon(QStringLiteral("list-remove")), tr("Remove"), this);
    remove->setObjectName(QStringLiteral("publicationRemoveTable"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_tables->currentRow() >= 0) {
            m_tables->removeRow(m_tables->currentRow());
            update();
        }
    });
    m_tables = new QTableWidget(0, 3, this);
    m_tables->setObjectName(QStringLiteral("publicationTables"));
    m_tables->setHorizontalHeaderLabels(
        {tr("Table"), tr("Columns (all when empty)"), tr("Row filter (WHERE)")});
    m_tables->horizontalHeader()->setStretchLastSection(true);
    m_tables->verticalHeader()->hide();
    m_schemas = new QLineEdit(m_before ? m_before->schemas.join(QStringLiteral(", ")) : QString(), this);
    m_schemas->setObjectName(QStringLiteral("publicationSchemas"));
    m_schemas->setPlaceholderText(tr("schemas whose tables are all published, separated by commas"));
    static const char* const kinds[] = {QT_TR_NOOP("insert"), QT_TR_NOOP("update"), QT_TR_NOOP("delete"),
                                        QT_TR_NOOP("truncate")};
    const bool published[] = {!m_before || m_before->insert, !m_before || m_before->update,
                              !m_before || m_before->deletes, !m_before || m_before->truncate};
    auto* publishRow = new QHBoxLayout;
    for (int i = 0; i < 4; ++i) {
        m_publish[i] = new QCheckBox(tr(kinds[i]), this);
        m_publish[i]->setObjectName(QStringLiteral("publicationPublish%1").arg(i));
        m_publish[i]->setChecked(published[i]);
        publishRow->addWidget(m_publish[i]);
        connect(m_publish[i], &QCheckBox::toggled, this, &PublicationDialog::update);
    }
    m_viaRoot = new QCheckBox(tr("Partitions as their partitioned table (publish_via_partition_root)"), this);
    m_viaRoot->setChecked(m_before && m_before->viaRoot);
    publishRow->addStretch();
    m_owner = new QLineEdit(this);
    m_owner->setPlaceholderText(m_before ? m_before->owner : tr("the current role"));

    auto* pickerRow = new QHBoxLayout;
    pickerRow->addWidget(m_picker, 1);
    pickerRow->addWidget(add);
    pickerRow->addWidget(remove);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(QString(), m_allTables);
    form->addRow(tr("Tables:"), pickerRow);
    form->addRow(QString(), m_tables);
    form->addRow(tr("Schemas:"), m_schemas);
    form->addRow(tr("Publishes:"), publishRow);
    form->addRow(QString(), m_viaRoot);
    form->addRow(tr("Owner:"), m_owner);

    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("publicationSql"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_locks = new LockAnalysisView(this);
    m_locks->setTraceAvailable(false,
                               tr("Apply runs the statements in one transaction; nothing runs before."));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("publicationState"));
    m_state->setWordWrap(true);
    m_unlock = new WriteUnlockButton(m_pool->profile(), this);
    m_unlock->setVisible(m_unlock->isGuarded());
    connect(m_unlock, &WriteUnlockButton::unlockedChanged, this, &PublicationDialog::update);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("publicationApply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PublicationDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(m_unlock);
    bottom->addWidget(buttons);

    auto* top = new QWidget(this);
    top->setLayout(form);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_sql);
    split->addWidget(m_locks);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    resize(900, 760);

    if (m_before)
        for (const core::PublishedTable& t : m_before->tables)
            if (t.listed)
                addTable(t.schema + u'.' + t.name, t.columns.join(QStringLiteral(", ")), t.rowFilter);
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(250);
    timer->setObjectName(QStringLiteral("publicationPreviewTimer"));
    connect(timer, &QTimer::timeout, this, [this] {
        const QString sql = core::designScript(statements());
        if (sql.isEmpty()) {
            m_locks->setStatements({}, false);
            return;
        }
        m_preview->start(
            [pool = m_pool, sql](const std::shared_ptr<core::CancelToken>& cancel) {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(cancel, *connection);
                return core::LockAnalyzer(*connection).analyze(sql);
            },
            [this](const QList<core::StatementLocks>& locks) {
                m_locks->setStatements(locks, false);
                emit previewed();
            },
            [this](const BackgroundFailure& f) { setState(f.message, true); });
    });
    for (QLineEdit* e : {m_name, m_schemas, m_owner})
        connect(e, &QLineEdit::textChanged, this, &PublicationDialog::update);
    connect(m_allTables, &QCheckBox::toggled, this, &PublicationDialog::update);
    connect(m_viaRoot, &QCheckBox::toggled, this, &PublicationDialog::update);
    connect(m_tables, &QTableWidget::itemChanged, this, &PublicationDialog::update);
    update();
}

PublicationDialog::~PublicationDialog() = default;

void PublicationDialog::addTable(const QString& table, const QString& columns, const QString& rowFilter) {
    if (table.isEmpty())
        return;
    const QSignalBlocker block(m_tables);
    const int row = m_tables->rowCount();
    m_tables->insertRow(row);
    auto* name = new QTableWidgetItem(table);
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    name->setData(kPartsRole, partsOf(table));
    m_tables->setItem(row, 0, name);
    m_tables->setItem(row, 1, new QTableWidgetItem(columns));
    m_tables->setItem(row, 2, new QTableWidgetItem(rowFilter));
    m_tables->resizeColumnToContents(0);
    update();
}

core::Publication PublicationDialog::publication() const {
    core::Publication p;
    if (m_before) {
        p.owner = m_before->owner;
        p.tables = m_before->tables; // those through schemas stay as they are
        p.tables.removeIf([](const core::PublishedTable& t) { return t.listed; });
    }
    p.name = m_name->text().trimmed();
    p.allTables = m_allTables->isChecked();
    if (!m_owner->text().trimmed().isEmpty())
        p.owner = m_owner->text().trimmed();
    p.schemas = listOf(m_schemas->text());
    p.insert = m_publish[0]->isChecked();
    p.update = m_publish[1]->isChecked();
    p.deletes = m_publish[2]->isChecked();
    p.truncate = m_publish[3]->isChecked();
    p.viaRoot = m_viaRoot->isChecked();
    if (!p.allTables)
        for (int row = 0; row < m_tables->rowCount(); ++row) {
            const QStringList parts = m_tables->item(row, 0)->data(kPartsRole).toStringList();
            core::PublishedTable t;
            t.schema = parts.value(0);
            t.name = parts.value(1);
            t.columns = listOf(m_tables->item(row, 1)->text());
            t.rowFilter = m_tables->item(row, 2)->text().trimmed();
            t.listed = true;
            p.tables << t;
        }
    return p;
}

QList<core::DesignStatement> PublicationDialog::statements() const {
    try {
        const core::Publication p = publication();
        return m_before ? core::alterPublicationStatements(*m_before, p)
                        : core::createPublicationStatements(p);
    } catch (const core::Error&) {
        return {};
    }
}

QString PublicationDialog::stateText() const {
    return m_state->text();
}

void PublicationDialog::setState(const QString& text, bool error) {
    m_state->setText(text);
    QPalette p = m_state->palette();
    p.setColor(QPalette::WindowText, error ? errorColor() : palette().color(QPalette::WindowText));
    m_state->setPalette(p);
    m_stateError = error;
}

void PublicationDialog::update() {
    m_picker->setEnabled(!m_allTables->isChecked());
    m_tables->setEnabled(!m_allTables->isChecked());
    m_schemas->setEnabled(!m_allTables->isChecked());
    QList<core::DesignStatement> s;
    try {
        const core::Publication p = publication();
        s = m_before ? core::alterPublicationStatements(*m_before, p) : core::createPublicationStatements(p);
        setState(s.isEmpty() ? tr("Nothing differs from the publication as it is.")
                             : tr("%n statement(s), applied in one transaction.", nullptr, int(s.size())),
                 false);
    } catch (const core::Error& e) {
        setState(QString::fromUtf8(e.what()), true);
    }
    m_sql->setPlainText(core::designScript(s));
    m_apply->setEnabled(!s.isEmpty() && !m_applyJob->isRunning() &&
                        (!m_unlock->isGuarded() || m_unlock->isUnlocked()));
    if (auto* timer = findChild<QTimer*>(QStringLiteral("publicationPreviewTimer")))
        timer->start();
}

void PublicationDialog::apply() {
    const QList<core::DesignStatement> s = statements();
    if (s.isEmpty() || m_applyJob->isRunning())
        return;
    core::SchemaApplyOptions options;
    options.access = m_unlock->access();
    const core::Publication p = publication();
    if (!p.tables.isEmpty())
        options.table = core::quoteIdentifier(p.tables.first().schema) + u'.' +
                        core::quoteIdentifier(p.tables.first().name);
    m_apply->setEnabled(false);
    setState(tr("Applying…"), false);
    m_applyJob->start(
        [pool = m_pool, s, options](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::SchemaApplier(*connection).apply(s, options);
        },
        [this, name = p.name](const core::SchemaApplyResult& result) {
            if (!result.failure.isEmpty()) {
                setState(tr("Committed, but a later step failed: %1").arg(result.failure), true);
                return;
            }
            emit applied(name);
            accept();
        },
        [this](const BackgroundFailure& f) {
            setState(tr("Nothing was changed: %1").arg(f.message), true);
            m_apply->setEnabled(true);
        });
}

} // namespace pgdesk::ui
