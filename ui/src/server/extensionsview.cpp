// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/extensionsview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/server/replicationview.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace pgdesk::ui {

ExtensionDialog::ExtensionDialog(Action action, const core::ExtensionInfo& extension,
                                 const core::ExtensionDependents& dependents, QWidget* parent)
    : QDialog(parent)
    , m_action(action)
    , m_extension(extension)
    , m_hasDependents(!dependents.isEmpty())
    , m_preview(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("extensionDialog"));
    m_preview->setObjectName(QStringLiteral("extensionPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMaximumHeight(70);
    auto* form = new QFormLayout;
    auto* layout = new QVBoxLayout(this);
    if (action == Action::Install) {
        setWindowTitle(tr("Install extension %1").arg(extension.name));
        m_schema = new QLineEdit(this);
        m_schema->setObjectName(QStringLiteral("extensionSchema"));
        m_schema->setPlaceholderText(tr("the first schema of the search path"));
        m_version = new QComboBox(this);
        m_version->setEditable(true);
        m_version->addItem(extension.defaultVersion);
        m_cascade = new QCheckBox(tr("Also install the extensions it requires (%1)")
                                      .arg(extension.required.isEmpty()
                                               ? tr("none")
                                               : extension.required.join(QStringLiteral(", "))),
                                  this);
        form->addRow(tr("&Schema:"), m_schema);
        form->addRow(tr("&Version:"), m_version);
        form->addRow(QString(), m_cascade);
        if (extension.superuserOnly)
            layout->addWidget(
                new QLabel(tr("This version is not trusted: only a superuser may install it."), this));
    } else if (action == Action::Update) {
        setWindowTitle(tr("Update extension %1").arg(extension.name));
        m_version = new QComboBox(this);
        m_version->addItems(extension.updateTargets);
        form->addRow(tr("From %1 to:").arg(extension.installedVersion), m_version);
    } else {
        setWindowTitle(tr("Drop extension %1").arg(extension.name));
        m_dependents = new QListWidget(this);
        m_dependents->setObjectName(QStringLiteral("extensionDependents"));
        for (const QString& e : dependents.extensions)
            m_dependents->addItem(tr("extension %1 (requires it)").arg(e));
        m_dependents->addItems(dependents.objects);
        m_cascade = new QCheckBox(tr("Drop these %n object(s) too (CASCADE)", nullptr,
                                     int(dependents.objects.size() + dependents.extensions.size())),
                                  this);
        auto* what = new QLabel(
            m_hasDependents ? tr("Dropping %1 drops its own objects and, only with CASCADE, these that "
                                 "depend on them, with their data:")
                                  .arg(extension.name)
                            : tr("Dropping %1 drops its own objects (types, functions, operators …); "
                                 "nothing else in the database depends on them.")
                                  .arg(extension.name),
            this);
        what->setWordWrap(true);
        layout->addWidget(what);
        if (m_hasDependents) {
            layout->addWidget(m_dependents);
            form->addRow(QString(), m_cascade);
        } else {
            m_dependents->hide();
            m_cascade->hide();
        }
    }
    if (m_cascade)
        m_cascade->setObjectName(QStringLiteral("extensionCascade"));
    if (m_version)
        m_version->setObjectName(QStringLiteral("extensionVersion"));
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Statement:"), this));
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_schema)
        connect(m_schema, &QLineEdit::textChanged, this, &ExtensionDialog::updatePreview);
    if (m_version)
        connect(m_version, &QComboBox::currentTextChanged, this, &ExtensionDialog::updatePreview);
    if (m_cascade)
        connect(m_cascade, &QCheckBox::toggled, this, &ExtensionDialog::updatePreview);
    updatePreview();
}

bool ExtensionDialog::isAcceptable() const {
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

QString ExtensionDialog::sql() const {
    return m_sql;
}

void ExtensionDialog::updatePreview() {
    QString sql;
    QString why;
    if (m_action == Action::Install)
        sql = core::createExtensionSql(m_extension.name, m_schema->text().trimmed(),
                                       m_version->currentText().trimmed(), m_cascade->isChecked());
    else if (m_action == Action::Update && m_version->currentText().isEmpty())
        why = tr("-- %1 %2 is the newest version this server has")
                  .arg(m_extension.name, m_extension.installedVersion);
    else if (m_action == Action::Update)
        sql = core::updateExtensionSql(m_extension.name, m_version->currentText());
    else if (m_hasDependents && !m_cascade->isChecked())
        why = tr("-- what depends on %1 is listed above: dropping needs CASCADE").arg(m_extension.name);
    else
        sql = core::dropExtensionSql(m_extension.name, m_hasDependents);
    m_sql = sql;
    m_preview->setPlainText(sql.isEmpty() ? why : sql + QLatin1Char(';'));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!sql.isEmpty());
}

ExtensionsView::ExtensionsView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_load(new JobSlot(this))
    , m_dependents(new JobSlot(this))
    , m_write(new JobSlot(this))
    , m_model(new ReplicationTableModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_table(listTableView(m_filter, "extensionsTable", tr("Extensions"), this))
    , m_filterEdit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_install(new QPushButton(tr("Install…"), this))
    , m_update(new QPushButton(tr("Update…"), this))
    , m_drop(new QPushButton(tr("Drop…"), this)) {
    setObjectName(QStringLiteral("extensionsView"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1); // the name and the comment
    m_filterEdit->setObjectName(QStringLiteral("extensionsFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name or description"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    m_status->setObjectName(QStringLiteral("extensionsStatus"));
    m_status->setWordWrap(true);
    m_install->setObjectName(QStringLiteral("installExtensionButton"));
    m_update->setObjectName(QStringLiteral("updateExtensionButton"));
    m_drop->setObjectName(QStringLiteral("dropExtensionButton"));
    connect(m_install, &QPushButton::clicked, this, [this] { openDialog(ExtensionDialog::Action::Install); });
    connect(m_update, &QPushButton::clicked, this, [this] { openDialog(ExtensionDialog::Action::Update); });
    connect(m_drop, &QPushButton::clicked, this, [this] { openDialog(ExtensionDialog::Action::Drop); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ExtensionsView::updateButtons);
    auto* refreshButton = new QPushButton(themedIcon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &ExtensionsView::refresh);

    auto* top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    for (QPushButton* b : {m_install, m_update, m_drop, refreshButton})
        top->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    updateButtons();
    refresh();
}

ExtensionsView::~ExtensionsView() = default;

void ExtensionsView::refresh() {
    m_load->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::ExtensionReader(*connection).extensions();
        },
        [this](const QList<core::ExtensionInfo>& extensions) {
            display(extensions);
            emit loaded();
        },
        [this](const BackgroundFailure& failure) {
            m_status->setText(tr("Could not read the extensions: %1").arg(failure.message));
            emit failed(failure.message);
        });
}

void ExtensionsView::display(const QList<core::ExtensionInfo>& extensions) {
    const std::optional<core::ExtensionInfo> was = selected();
    m_extensions = extensions;
    QList<QStringList> rows;
    QList<bool> updatable;
    int installed = 0;
    for (const core::ExtensionInfo& e : m_extensions) {
        installed += e.isInstalled() ? 1 : 0;
        rows << QStringList{e.name,
                            e.installedVersion,
                            e.defaultVersion,
                            e.schema,
                            e.updateTargets.join(QStringLiteral(", ")),
                            e.superuserOnly ? tr("superuser") : QString(),
                            e.comment};
        updatable << !e.updateTargets.isEmpty();
    }
    m_model->setRows({tr("Name"), tr("Installed"), tr("Default"), tr("Schema"), tr("Updates to"), tr("Needs"),
                      tr("Description")},
                     rows, updatable);
    m_table->resizeColumnsToContents();
    m_status->setText(tr("%1 installed in %2, %3 more offered by the server.")
                          .arg(installed)
                          .arg(ProductionConfirmDialog::databaseName(m_pool->profile()))
                          .arg(m_extensions.size() - installed));
    if (was)
        select(was->name);
    updateButtons();
}

bool ExtensionsView::select(const QString& name) {
    for (int row = 0; row < m_filter->rowCount(); ++row)
        if (m_filter->index(row, 0).data().toString() == name) {
            m_table->selectRow(row);
            return true;
        }
    return false;
}

std::optional<core::ExtensionInfo> ExtensionsView::selected() const {
    const QModelIndex index = m_filter->mapToSource(m_table->currentIndex());
    if (!index.isValid() || index.row() >= m_extensions.size())
        return std::nullopt;
    return m_extensions[index.row()];
}

void ExtensionsView::updateButtons() {
    const std::optional<core::ExtensionInfo> e = selected();
    m_install->setEnabled(e && !e->isInstalled());
    m_update->setEnabled(e && e->isInstalled() && !e->updateTargets.isEmpty());
    m_drop->setEnabled(e && e->isInstalled() && e->name != QLatin1String("plpgsql"));
}

void ExtensionsView::openDialog(ExtensionDialog::Action action) {
    const std::optional<core::ExtensionInfo> e = selected();
    if (!e)
        return;
    if (action != ExtensionDialog::Action::Drop) {
        askFor(action, *e, {});
        return;
    }
    // What goes with it is read first, so the dialog can name it.
    m_drop->setEnabled(false);
    m_dependents->start(
        [pool = m_pool, name = e->name](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::ExtensionReader(*connection).dependents(name);
        },
        [this, extension = *e](const core::ExtensionDependents& dependents) {
            updateButtons();
            askFor(ExtensionDialog::Action::Drop, extension, dependents);
        },
        [this](const BackgroundFailure& failure) {
            updateButtons();
            m_status->setText(failure.message);
        });
}

void ExtensionsView::askFor(ExtensionDialog::Action action, const core::ExtensionInfo& extension,
                            const core::ExtensionDependents& dependents) {
    auto* dialog = new ExtensionDialog(action, extension, dependents, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString sql = dialog->sql();
        if (sql.isEmpty())
            return;
        if (!m_pool->profile().writeGuarded()) {
            apply(sql, false);
            return;
        }
        auto* confirm = new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()),
                                                    sql.section(QLatin1Char(' '), 0, 2), this);
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        connect(confirm, &QDialog::accepted, this, [this, sql] { apply(sql, true); });
        confirm->open();
    });
    dialog->open();
}

void ExtensionsView::apply(const QString& sql, bool unlocked) {
    m_write->start(
        [pool = m_pool, sql, unlocked](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::applyExtensionSql(*connection, sql,
                                    unlocked ? core::WriteUnlock::create() : core::WriteAccess{});
            return sql;
        },
        [this](const QString& done) {
            m_status->setText(tr("Done: %1").arg(done));
            emit applied(done);
            refresh();
        },
        [this](const BackgroundFailure& failure) {
            m_status->setText(tr("Nothing was changed: %1").arg(failure.message));
            emit failed(failure.message);
        });
}

} // namespace pgdesk::ui
