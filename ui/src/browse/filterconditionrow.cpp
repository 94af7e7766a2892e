// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/filterconditionrow.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace pgdesk::ui {

FilterConditionRow::FilterConditionRow(const QList<core::ColumnInfo>& columns, QWidget* parent)
    : QWidget(parent)
    , m_columns(columns)
    , m_column(new QComboBox(this))
    , m_operation(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_value(new QComboBox(this))
    , m_second(new QLineEdit(this))
    , m_remove(new QToolButton(this)) {
    for (const core::ColumnInfo& c : m_columns)
        m_column->addItem(c.name);
    m_column->setAccessibleName(tr("Filter column"));
    m_column->setMinimumContentsLength(12);
    m_column->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_operation->setAccessibleName(tr("Filter operation"));
    m_path->setPlaceholderText(tr("path, e.g. device.type"));
    m_path->setAccessibleName(tr("JSON path"));
    m_value->setEditable(true);
    m_value->setInsertPolicy(QComboBox::NoInsert);
    m_value->setAccessibleName(tr("Filter value"));
    m_value->setMinimumContentsLength(16);
    m_value->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_second->setAccessibleName(tr("Second filter value"));
    m_second->setPlaceholderText(tr("and"));
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setToolTip(tr("Remove this condition"));
    m_remove->setAccessibleName(tr("Remove condition"));
    m_remove->setAutoRaise(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_column);
    layout->addWidget(m_operation);
    layout->addWidget(m_path);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_second, 1);
    layout->addWidget(m_remove);

    connect(m_column, &QComboBox::currentIndexChanged, this, &FilterConditionRow::columnChanged);
    connect(m_operation, &QComboBox::currentIndexChanged, this, &FilterConditionRow::operationChanged);
    connect(m_operation, &QComboBox::activated, this, [this] { m_operationChosen = true; });
    connect(m_remove, &QToolButton::clicked, this, &FilterConditionRow::removeRequested);
    connect(m_value->lineEdit(), &QLineEdit::returnPressed, this, &FilterConditionRow::submitted);
    connect(m_second, &QLineEdit::returnPressed, this, &FilterConditionRow::submitted);
    connect(m_path, &QLineEdit::returnPressed, this, &FilterConditionRow::submitted);
    columnChanged();
}

const core::ColumnInfo* FilterConditionRow::currentColumn() const {
    const int i = m_column->currentIndex();
    return i >= 0 && i < m_columns.size() ? &m_columns[i] : nullptr;
}

QString FilterConditionRow::operationLabel(core::FilterOp op) {
    using F = core::FilterOp;
    switch (op) {
    case F::Equal:
        return QStringLiteral("=");
    case F::NotEqual:
        return QStringLiteral("≠");
    case F::LessThan:
        return QStringLiteral("<");
    case F::LessThanOrEqual:
        return QStringLiteral("≤");
    case F::GreaterThan:
        return QStringLiteral(">");
    case F::GreaterThanOrEqual:
        return QStringLiteral("≥");
    case F::InList:
        return tr("in list");
    case F::NotInList:
        return tr("not in list");
    case F::Like:
        return tr("matches pattern anywhere (% and _)");
    case F::ILike:
        return tr("matches pattern anywhere, ignore case (% and _)");
    case F::StartsWith:
        return tr("starts with");
    case F::EndsWith:
        return tr("ends with");
    case F::Contains:
        return tr("contains");
    case F::IsNull:
        return tr("is null");
    case F::IsNotNull:
        return tr("is not null");
    case F::Between:
        return tr("between");
    case F::ArrayContains:
        return tr("has all of");
    case F::ArrayOverlaps:
        return tr("has any of");
    case F::JsonPathEqual:
        return tr("at path equals");
    case F::JsonContains:
        return tr("contains JSON");
    case F::FullText:
        return tr("matches words");
    }
    return {};
}

QString FilterConditionRow::patternHelp() {
    return tr("A pattern, found anywhere in the text: % matches any text, _ any one character; put \\ "
              "before %, _ or \\ to match it as it is");
}

void FilterConditionRow::columnChanged() {
    const core::ColumnInfo* c = currentColumn();
    const QVariant previous = m_operation->currentData();
    const QSignalBlocker block(m_operation);
    m_operation->clear();
    if (c) {
        for (core::FilterOp op : core::operationsFor(*c)) {
            m_operation->addItem(operationLabel(op), int(op));
            if (op == core::FilterOp::Like || op == core::FilterOp::ILike)
                m_operation->setItemData(m_operation->count() - 1, patternHelp(), Qt::ToolTipRole);
        }
    }
    // An operation the user picked survives a change of column when it fits the new one.
    const int keep = m_operationChosen ? m_operation->findData(previous) : -1;
    m_operation->setCurrentIndex(keep >= 0 ? keep : 0);

    // Suggestions: enum labels, or true/false; free text stays possible.
    const QString text = m_value->currentText();
    m_value->clear();
    if (c && c->category == core::TypeCategory::Boolean)
        m_value->addItems({QStringLiteral("true"), QStringLiteral("false")});
    else if (c)
        m_value->addItems(c->enumLabels);
    m_value->setEditText(
        c && c->category == core::TypeCategory::Boolean && text.isEmpty() ? QStringLiteral("true") : text);
    if (c)
        m_value->setToolTip(c->typeName);
    operationChanged();
}

void FilterConditionRow::operationChanged() {
    const auto op = core::FilterOp(m_operation->currentData().toInt());
    const int values = core::filterValueCount(op);
    m_value->setVisible(values != 0);
    m_second->setVisible(values == 2);
    m_path->setVisible(op == core::FilterOp::JsonPathEqual);
    const bool pattern = op == core::FilterOp::Like || op == core::FilterOp::ILike;
    m_value->lineEdit()->setPlaceholderText(values == -1 ? tr("values, comma-separated")
                                            : pattern    ? tr("pattern found anywhere (% and _), e.g. A_E")
                                                         : tr("value"));
    m_value->lineEdit()->setToolTip(pattern ? patternHelp() : QString());
}

QStringList FilterConditionRow::splitList(const QString& text) {
    QStringList out;
    QString current;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    current += ch;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += ch;
            }
        } else if (ch == QLatin1Char('"') && current.trimmed().isEmpty()) {
            quoted = wasQuoted = true;
            current.clear();
        } else if (ch == QLatin1Char(',')) {
            out << (wasQuoted ? current : current.trimmed());
            current.clear();
            wasQuoted = false;
        } else if (!wasQuoted) {
            current += ch;
        }
    }
    if (!current.isEmpty() || wasQuoted || !out.isEmpty())
        out << (wasQuoted ? current : current.trimmed());
    return out;
}

QString FilterConditionRow::joinList(const QStringList& values) {
    QStringList parts;
    for (const QString& v : values) {
        const bool plain = !v.isEmpty() && v.trimmed() == v && !v.contains(QLatin1Char(',')) &&
                           !v.startsWith(QLatin1Char('"'));
        parts << (plain ? v
                        : QLatin1Char('"') + QString(v).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                              QLatin1Char('"'));
    }
    return parts.join(QStringLiteral(", "));
}

core::Condition FilterConditionRow::condition() const {
    core::Condition c;
    if (const core::ColumnInfo* column = currentColumn())
        c.column = column->name;
    c.op = core::FilterOp(m_operation->currentData().toInt());
    switch (core::filterValueCount(c.op)) {
    case 0:
        break;
    case 2:
        c.values = {m_value->currentText(), m_second->text()};
        break;
    case -1:
        c.values = splitList(m_value->currentText());
        break;
    default:
        c.values = {m_value->currentText()};
        break;
    }
    if (c.op == core::FilterOp::JsonPathEqual)
        c.jsonPath = m_path->text().split(QLatin1Char('.'), Qt::SkipEmptyParts);
    return c;
}

void FilterConditionRow::setCondition(const core::Condition& condition) {
    const int column = m_column->findText(condition.column, Qt::MatchExactly);
    if (column >= 0)
        m_column->setCurrentIndex(column);
    const int op = m_operation->findData(int(condition.op));
    if (op >= 0) {
        m_operation->setCurrentIndex(op);
        m_operationChosen = true;
    }
    const int values = core::filterValueCount(condition.op);
    if (values == -1)
        m_value->setEditText(joinList(condition.values));
    else
        m_value->setEditText(condition.values.value(0));
    m_second->setText(condition.values.value(1));
    m_path->setText(condition.jsonPath.join(QLatin1Char('.')));
}

} // namespace pgdesk::ui
