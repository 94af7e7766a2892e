// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/foreignkeypickerdialog.h"
#include "edit/foreignkeypickermodel.h"

#include <pgdesk/ui/common/icons.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pgdesk::ui {

ForeignKeyPickerDialog::ForeignKeyPickerDialog(std::shared_ptr<core::Pool> pool,
                                               const core::ForeignKey& foreignKey, const QString& search,
                                               QWidget* parent)
    : QDialog(parent)
    , m_model(new ForeignKeyPickerModel(std::move(pool), foreignKey, this))
    , m_search(new QLineEdit(search, this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_searchTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("foreignKeyPicker"));
    setWindowTitle(
        tr("Choose %1 from %2.%3")
            .arg(foreignKey.columns.join(QStringLiteral(", ")), foreignKey.refSchema, foreignKey.refTable));
    m_search->setObjectName(QStringLiteral("fkSearch"));
    m_search->setPlaceholderText(tr("Search key and label"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_view->setObjectName(QStringLiteral("fkRows"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false); // a UUID would break at its hyphens, in a row one line high
    m_view->setAccessibleName(tr("Rows of %1").arg(foreignKey.refTable));
    m_status->setObjectName(QStringLiteral("fkStatus"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    // Where the style puts icons on dialog buttons: the app's icons, not Qt's built-in ones beside them.
    if (style()->styleHint(QStyle::SH_DialogButtonBox_ButtonsHaveIcons, nullptr, this)) {
        buttons->button(QDialogButtonBox::Ok)->setIcon(themedIcon(QStringLiteral("dialog-ok")));
        buttons->button(QDialogButtonBox::Cancel)->setIcon(themedIcon(QStringLiteral("dialog-cancel")));
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 440);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_search, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    // Enter in the search field picks the current row; Down moves into the list.
    connect(m_search, &QLineEdit::returnPressed, this, &ForeignKeyPickerDialog::accept);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &ForeignKeyPickerDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &ForeignKeyPickerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_model, &ForeignKeyPickerModel::pageLoaded, this, &ForeignKeyPickerDialog::pageArrived);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_movingCurrent)
            m_preselect.clear(); // the user chose: no later page moves the selection
    });
    connect(m_model, &ForeignKeyPickerModel::failed, this,
            [this](const QString& message) { m_status->setText(message); });
    m_model->setSearch(search);
    updateStatus();
}

void ForeignKeyPickerDialog::preselect(const QStringList& key) {
    m_preselect = key;
    if (m_model->rowCount() > 0)
        pageArrived();
}

void ForeignKeyPickerDialog::setCurrentRow(int row) {
    m_movingCurrent = true;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->scrollTo(m_view->currentIndex());
    m_movingCurrent = false;
}

void ForeignKeyPickerDialog::pageArrived() {
    const int rows = m_model->rowCount();
    if (rows <= ForeignKeyPickerModel::kPageSize) { // a search's first page: the keys fit on one line
        for (int c = 0; c < m_model->foreignKey().refColumns.size(); ++c)
            m_view->resizeColumnToContents(c);
    }
    if (!m_preselect.isEmpty()) {
        for (int row = 0; row < rows; ++row) {
            if (m_model->keyAt(row) == m_preselect) {
                m_preselect.clear();
                setCurrentRow(row);
                break;
            }
        }
        // Not among the rows read yet: a few more pages, then the first row as without a value.
        if (!m_preselect.isEmpty() && rows < kPreselectRows && m_model->canFetchMore({}))
            m_model->fetchMore({});
    }
    if (!m_view->currentIndex().isValid() && rows > 0)
        setCurrentRow(0);
    updateStatus();
}

void ForeignKeyPickerDialog::updateStatus() {
    if (m_model->isLoading())
        m_status->setText(tr("Loading…"));
    else if (m_model->rowCount() == 0)
        m_status->setText(tr("No row matches"));
    else
        m_status->setText(m_model->canFetchMore({})
                              ? tr("%n row(s) shown, more as you scroll", nullptr, m_model->rowCount())
                              : tr("%n row(s)", nullptr, m_model->rowCount()));
}

void ForeignKeyPickerDialog::accept() {
    if (m_searchTimer->isActive()) {
        // Enter right after typing searches first: the rows shown are still the old search's.
        m_searchTimer->stop();
        m_model->setSearch(m_search->text());
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return; // nothing chosen yet: stay open
    m_chosen = m_model->keyAt(current.row());
    QDialog::accept();
}

} // namespace pgdesk::ui
