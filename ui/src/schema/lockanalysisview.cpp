// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/schema/lockanalysisview.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

// The lock's words as the documentation's table names them, translated.
QString modeText(core::LockMode mode) {
    switch (mode) {
    case core::LockMode::None:
        return {};
    case core::LockMode::AccessShare:
        return LockAnalysisModel::tr("ACCESS SHARE");
    case core::LockMode::RowShare:
        return LockAnalysisModel::tr("ROW SHARE");
    case core::LockMode::RowExclusive:
        return LockAnalysisModel::tr("ROW EXCLUSIVE");
    case core::LockMode::ShareUpdateExclusive:
        return LockAnalysisModel::tr("SHARE UPDATE EXCLUSIVE");
    case core::LockMode::Share:
        return LockAnalysisModel::tr("SHARE");
    case core::LockMode::ShareRowExclusive:
        return LockAnalysisModel::tr("SHARE ROW EXCLUSIVE");
    case core::LockMode::Exclusive:
        return LockAnalysisModel::tr("EXCLUSIVE");
    case core::LockMode::AccessExclusive:
        return LockAnalysisModel::tr("ACCESS EXCLUSIVE");
    }
    return {};
}

QString blocksText(core::LockMode mode) {
    switch (mode) {
    case core::LockMode::None:
        return {};
    case core::LockMode::AccessShare:
        return LockAnalysisModel::tr("only ACCESS EXCLUSIVE waits");
    case core::LockMode::RowShare:
    case core::LockMode::RowExclusive:
        return LockAnalysisModel::tr("reads and writes go on");
    case core::LockMode::ShareUpdateExclusive:
        return LockAnalysisModel::tr("reads and writes go on; other schema changes wait");
    case core::LockMode::Share:
    case core::LockMode::ShareRowExclusive:
        return LockAnalysisModel::tr("reads go on; writes wait");
    case core::LockMode::Exclusive:
        return LockAnalysisModel::tr("only plain reads go on");
    case core::LockMode::AccessExclusive:
        return LockAnalysisModel::tr("reads and writes wait");
    }
    return {};
}

QString seconds(double s) {
    if (s < 1)
        return LockAnalysisModel::tr("under a second");
    return LockAnalysisModel::tr("about %1 s").arg(QLocale().toString(qRound(s)));
}

} // namespace

LockAnalysisModel::LockAnalysisModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void LockAnalysisModel::setStatements(QList<core::StatementLocks> statements, bool traced) {
    beginResetModel();
    m_statements = std::move(statements);
    m_traced = traced;
    m_rows.clear();
    for (int s = 0; s < m_statements.size(); ++s) {
        if (m_statements[s].locks.isEmpty())
            m_rows << Row{s, -1};
        for (int l = 0; l < m_statements[s].locks.size(); ++l)
            m_rows << Row{s, l};
    }
    endResetModel();
}

int LockAnalysisModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LockAnalysisModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount; // the view hides Trace until there is one
}

QVariant LockAnalysisModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const core::StatementLocks& s = m_statements[row.statement];
    const core::RelationLock* lock = row.lock >= 0 ? &s.locks[row.lock] : nullptr;
    const bool first = row.lock <= 0;
    if (role == StatementRole)
        return row.statement;
    if (role == Qt::ToolTipRole && index.column() == Statement)
        return s.sql;
    if (role == Qt::ToolTipRole && index.column() == Safer)
        return s.safer;
    if (role == Qt::ToolTipRole && index.column() == Work)
        return s.notes.join(QLatin1Char('\n'));
    if (role == Qt::ForegroundRole) {
        if (lock && index.column() == Lock && lock->mode == core::LockMode::AccessExclusive)
            return errorColor();
        if (lock && index.column() == Lock && lock->mode >= core::LockMode::Share)
            return warningColor();
        if (index.column() == Trace && !s.disagreements.isEmpty())
            return errorColor();
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Statement:
        if (!first)
            return {};
        return tr("%1. %2%3")
            .arg(row.statement + 1)
            .arg(s.operation.isEmpty() ? s.sql.simplified().left(60) : s.operation,
                 s.transactional ? QString() : tr(" (outside a transaction)"));
    case Relation:
        return lock ? lock->relation : (s.recognized ? tr("no table lock") : tr("not known to the rules"));
    case Lock:
        return lock ? modeText(lock->mode) : QString();
    case Blocks:
        return lock ? blocksText(lock->mode) : QString();
    case Work:
        if (!lock)
            return {};
        if (s.rewrites.contains(lock->relation))
            return tr("rewrites, %1")
                .arg(seconds(double(std::max<qint64>(0, lock->bytes)) / core::kRewriteBytesPerSecond));
        if (s.scans.contains(lock->relation))
            return tr("reads all, %1")
                .arg(seconds(double(std::max<qint64>(0, lock->bytes)) / core::kScanBytesPerSecond));
        return tr("instant");
    case Size:
        return lock && lock->bytes >= 0 ? QLocale().formattedDataSize(lock->bytes) : QString();
    case Trace: {
        if (!m_traced)
            return {};
        if (!s.traced)
            return first ? s.traceNote : QString();
        if (!s.disagreements.isEmpty())
            return first ? s.disagreements.join(QStringLiteral("; ")) : QString();
        if (!lock)
            return tr("as said");
        for (const core::RelationLock& t : s.tracedLocks)
            if (t.relation == lock->relation)
                return tr("took %1").arg(modeText(t.mode));
        return tr("held already");
    }
    case Safer:
        return first ? s.safer.section(QLatin1Char('\n'), 0, 0) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LockAnalysisModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Statement:
        return tr("Statement");
    case Relation:
        return tr("Table");
    case Lock:
        return tr("Lock");
    case Blocks:
        return tr("While it is held");
    case Work:
        return tr("Rewrite / scan");
    case Size:
        return tr("Size");
    case Trace:
        return tr("Trace");
    case Safer:
        return tr("Safer");
    case ColumnCount:
        break;
    }
    return {};
}

QString LockAnalysisModel::summary(const QList<core::StatementLocks>& statements, bool traced) {
    int exclusive = 0;
    int rewrites = 0;
    int outside = 0;
    int unknown = 0;
    int disagreements = 0;
    double total = 0;
    for (const core::StatementLocks& s : statements) {
        bool blocksAll = false;
        for (const core::RelationLock& l : s.locks)
            blocksAll = blocksAll || l.mode == core::LockMode::AccessExclusive;
        exclusive += blocksAll ? 1 : 0;
        rewrites += s.rewrites.isEmpty() ? 0 : 1;
        outside += s.transactional ? 0 : 1;
        unknown += s.recognized ? 0 : 1;
        disagreements += s.disagreements.isEmpty() ? 0 : 1;
        total += s.seconds;
    }
    QStringList parts;
    parts << tr("%n statement(s)", nullptr, int(statements.size()));
    if (exclusive)
        parts << tr("%n statement(s) block reads and writes of a table", nullptr, exclusive);
    if (rewrites)
        parts << tr("%n statement(s) rewrite a table", nullptr, rewrites);
    if (total >= 1)
        parts << tr("about %1 s of rewriting and scanning").arg(QLocale().toString(qRound(total)));
    if (outside)
        parts << tr("%n cannot run in a transaction block", nullptr, outside);
    if (unknown)
        parts << tr("%n not known to the rules (Trace shows them)", nullptr, unknown);
    if (traced)
        parts << (disagreements ? tr("the trace disagrees on %n", nullptr, disagreements)
                                : tr("the trace agrees"));
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

LockAnalysisView::LockAnalysisView(QWidget* parent)
    : QWidget(parent) {
    m_model = new LockAnalysisModel(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("lockSummary"));
    m_summary->setWordWrap(true);
    m_trace = new QPushButton(tr("Trace"), this);
    m_trace->setObjectName(QStringLiteral("lockTrace"));
    m_trace->setToolTip(tr("Run the statements in a transaction that is rolled back and read the locks the "
                           "server takes (pg_locks) and the tables it rewrites. The locks are real while it "
                           "runs."));
    connect(m_trace, &QPushButton::clicked, this, &LockAnalysisView::traceRequested);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("lockTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnHidden(LockAnalysisModel::Trace, true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_trace);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
}

QString LockAnalysisView::summaryText() const {
    return m_summary->text();
}

void LockAnalysisView::setStatements(QList<core::StatementLocks> statements, bool traced) {
    m_summary->setText(LockAnalysisModel::summary(statements, traced));
    m_model->setStatements(std::move(statements), traced);
    m_view->setColumnHidden(LockAnalysisModel::Trace, !traced);
    m_view->resizeColumnsToContents();
}

void LockAnalysisView::setTraceAvailable(bool available, const QString& whyNot) {
    m_trace->setEnabled(available);
    if (!available && !whyNot.isEmpty())
        m_trace->setToolTip(whyNot);
}

} // namespace pgdesk::ui
