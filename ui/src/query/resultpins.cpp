// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/resultpins.h"

#include <pgdesk/core/browse/page.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pgdesk::ui {
namespace {

bool isNumeric(quint32 type) {
    // int2, int4, int8, oid, float4, float8, numeric
    return type == 21 || type == 23 || type == 20 || type == 26 || type == 700 || type == 701 || type == 1700;
}

QTableView* gridFor(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

QString nullText() {
    return QStringLiteral("NULL");
}

} // namespace

std::shared_ptr<core::PinnedResult> pinnedFromModel(const PageModel& model, const QString& sql) {
    QList<core::PinnedResult::Column> columns;
    for (const core::PageColumn& c : model.page().columns)
        columns << core::PinnedResult::Column{c.name, c.typeOid};
    auto pinned = std::make_shared<core::PinnedResult>(columns);
    for (int r = 0; r < model.pageRowCount(); ++r)
        if (const auto* row = model.rowValues(r))
            pinned->append(*row);
    pinned->sql = sql;
    pinned->pinnedAt = QDateTime::currentDateTime().toString(Qt::ISODate);
    return pinned;
}

PinnedRows::PinnedRows(std::shared_ptr<const core::PinnedResult> result)
    : m_result(std::move(result)) {
}

const core::PinnedResult::Row& PinnedRows::row(qint64 n) const {
    if (auto* cached = m_rows.object(n))
        return *cached;
    auto* read = new core::PinnedResult::Row(m_result->row(n));
    m_rows.insert(n, read);
    return *read;
}

PinnedResultModel::PinnedResultModel(std::shared_ptr<const core::PinnedResult> result, QObject* parent)
    : QAbstractTableModel(parent)
    , m_rows(std::move(result)) {
}

int PinnedResultModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(std::min<qint64>(m_rows.result().rowCount(), INT_MAX));
}

int PinnedResultModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.result().columns().size());
}

QVariant PinnedResultModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const std::optional<QString>& value = m_rows.row(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return value ? *value : nullText();
    case Qt::ForegroundRole:
        return value ? QVariant() : QVariant(QGuiApplication::palette().brush(QPalette::PlaceholderText));
    case Qt::TextAlignmentRole:
        return isNumeric(m_rows.result().columns()[index.column()].type)
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    default:
        return {};
    }
}

QVariant PinnedResultModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_rows.result().columns().value(section).name;
}

PinnedResultView::PinnedResultView(std::shared_ptr<const core::PinnedResult> result, QWidget* parent)
    : QWidget(parent)
    , m_result(std::move(result)) {
    auto* about = new QLabel(this);
    about->setObjectName(QStringLiteral("pinnedAbout"));
    about->setTextFormat(Qt::PlainText);
    const QDateTime at = QDateTime::fromString(m_result->pinnedAt, Qt::ISODate);
    about->setText(
        tr("Pinned %1 · %n row(s) · %2", nullptr, int(std::min<qint64>(m_result->rowCount(), INT_MAX)))
            .arg(QLocale().toString(at.time(), QLocale::ShortFormat), m_result->sql.simplified().left(200)));
    about->setToolTip(m_result->sql.left(2000));
    about->setContentsMargins(4, 2, 4, 2);
    m_view = gridFor(new PinnedResultModel(m_result, this), this);
    m_view->setObjectName(QStringLiteral("pinnedGrid"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(about);
    layout->addWidget(m_view, 1);
}

SideBySideView::SideBySideView(std::shared_ptr<const core::PinnedResult> left,
                               std::shared_ptr<const core::PinnedResult> right, const QString& leftName,
                               const QString& rightName, QWidget* parent)
    : QWidget(parent) {
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("sideBySide"));
    m_left = new PinnedResultView(std::move(left), splitter);
    m_right = new PinnedResultView(std::move(right), splitter);
    m_left->setAccessibleName(leftName);
    m_right->setAccessibleName(rightName);
    QScrollBar* a = m_left->view()->verticalScrollBar();
    QScrollBar* b = m_right->view()->verticalScrollBar();
    connect(a, &QScrollBar::valueChanged, b, &QScrollBar::setValue);
    connect(b, &QScrollBar::valueChanged, a, &QScrollBar::setValue);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ResultCompareModel::ResultCompareModel(std::shared_ptr<const core::PinnedResult> left,
                                       std::shared_ptr<const core::PinnedResult> right,
                                       core::ResultComparison comparison, QObject* parent)
    : QAbstractTableModel(parent)
    , m_left(std::move(left))
    , m_right(std::move(right))
    , m_comparison(std::move(comparison)) {
}

int ResultCompareModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_comparison.differences.size());
}

int ResultCompareModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_comparison.columns.size()) + 1;
}

QVariant ResultCompareModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    using Kind = core::ResultDifference::Kind;
    const core::ResultDifference& d = m_comparison.differences.at(index.row());
    if (role == Qt::UserRole)
        return d.kind == Kind::OnlyLeft    ? QStringLiteral("left")
               : d.kind == Kind::OnlyRight ? QStringLiteral("right")
                                           : QStringLiteral("changed");
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    const auto tint = [dark](int r, int g, int b) {
        return QBrush(dark ? QColor(r, g, b).darker(300) : QColor(r, g, b));
    };
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return d.kind == Kind::OnlyLeft    ? QStringLiteral("−")
                   : d.kind == Kind::OnlyRight ? QStringLiteral("+")
                                               : QStringLiteral("≠");
        if (role == Qt::ToolTipRole)
            return d.kind == Kind::OnlyLeft    ? tr("Only in the left result")
                   : d.kind == Kind::OnlyRight ? tr("Only in the right result")
                                               : tr("In both, with cells that differ");
        return {};
    }
    const int column = index.column() - 1;
    const bool changedCell = d.kind == Kind::Changed && d.changed.contains(column);
    const auto value = [&](bool leftSide) -> std::optional<QString> {
        if (leftSide)
            return m_left.row(d.left).value(m_comparison.leftColumn[column]);
        return m_right.row(d.right).value(m_comparison.rightColumn[column]);
    };
    const auto shown = [](const std::optional<QString>& v) { return v ? *v : nullText(); };
    switch (role) {
    case Qt::DisplayRole:
        if (changedCell)
            return shown(value(true)) + QStringLiteral(" → ") + shown(value(false));
        return shown(value(d.kind == Kind::OnlyLeft));
    case Qt::ToolTipRole:
        if (changedCell)
            return tr("Left: %1\nRight: %2").arg(shown(value(true)), shown(value(false)));
        return {};
    case Qt::BackgroundRole:
        if (d.kind == Kind::OnlyLeft)
            return tint(255, 220, 220);
        if (d.kind == Kind::OnlyRight)
            return tint(220, 245, 220);
        return changedCell ? QVariant(tint(255, 240, 190)) : QVariant();
    case Qt::UserRole + 1:
        return changedCell;
    default:
        return {};
    }
}

QVariant ResultCompareModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == 0)
        return QString();
    const QString name = m_comparison.columns.value(section - 1);
    return m_comparison.key.contains(name) ? QStringLiteral("🔑 ") + name : name;
}

ResultCompareView::ResultCompareView(std::shared_ptr<const core::PinnedResult> left,
                                     std::shared_ptr<const core::PinnedResult> right,
                                     core::ResultComparison comparison, const QString& leftName,
                                     const QString& rightName, QWidget* parent)
    : QWidget(parent) {
    const QLocale locale;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QString text = tr("%1 (left, %2 rows) and %3 (right, %4 rows) by %5: %6 same, %7 changed, %8 only left, "
                      "%9 only right.")
                       .arg(leftName, locale.toString(comparison.leftRows), rightName,
                            locale.toString(comparison.rightRows), comparison.key.join(QStringLiteral(", ")),
                            locale.toString(comparison.same), locale.toString(comparison.changed),
                            locale.toString(comparison.onlyLeft))
                       .arg(locale.toString(comparison.onlyRight));
    if (!comparison.leftOut.isEmpty())
        text +=
            u' ' +
            tr("Not compared (in one result only): %1.").arg(comparison.leftOut.join(QStringLiteral(", ")));
    m_summary->setText(text);
    m_summary->setContentsMargins(4, 2, 4, 2);
    m_model = new ResultCompareModel(std::move(left), std::move(right), std::move(comparison), this);
    auto* view = gridFor(m_model, this);
    view->setObjectName(QStringLiteral("compareGrid"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(view, 1);
}

} // namespace pgdesk::ui
