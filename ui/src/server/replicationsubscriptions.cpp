// SPDX-License-Identifier: GPL-3.0-or-later
// ReplicationView's Subscriptions tab: the list, and what can be done to a subscription from it.
#include <pgdesk/ui/server/replicationview.h>

#include "server/subscriptiondialog.h"

#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <functional>

namespace pgdesk::ui {

QWidget* ReplicationView::subscriptionPage(QTabWidget* tabs) {
    auto* page = new QWidget(tabs);
    m_subscriptionView =
        listTableView(m_subscriptionModel, "replicationSubscriptions", tr("Subscriptions"), page);
    auto* buttons = new QHBoxLayout;
    auto* create = new QPushButton(themedIcon(QStringLiteral("list-add")), tr("New Subscription…"), page);
    create->setObjectName(QStringLiteral("newSubscriptionButton"));
    connect(create, &QPushButton::clicked, this, &ReplicationView::openSubscription);
    buttons->addWidget(create);
    using A = core::SubscriptionAction;
    const struct {
        A action;
        const char* text;
        const char* name;
        const char* tip;
    } actions[] = {
        {A::Enable, QT_TR_NOOP("Enable"), "enableSubscriptionButton", QT_TR_NOOP("Start its apply worker")},
        {A::Disable, QT_TR_NOOP("Disable"), "disableSubscriptionButton",
         QT_TR_NOOP("Stop its apply worker; the publisher's slot keeps the WAL meanwhile")},
        {A::Refresh, QT_TR_NOOP("Refresh…"), "refreshSubscriptionButton",
         QT_TR_NOOP("Subscribe to the tables its publications added since")},
        {A::Skip, QT_TR_NOOP("Skip…"), "skipSubscriptionButton",
         QT_TR_NOOP("Skip the remote transaction that keeps failing (its changes are lost here)")},
        {A::Drop, QT_TR_NOOP("Drop…"), "dropSubscriptionButton",
         QT_TR_NOOP("Drop the subscription and its slot on the publisher")},
    };
    for (const auto& a : actions) {
        auto* button = new QPushButton(tr(a.text), page);
        button->setObjectName(QLatin1String(a.name));
        button->setToolTip(tr(a.tip));
        connect(button, &QPushButton::clicked, this,
                [this, action = a.action] { askSubscriptionAction(action); });
        buttons->addWidget(button);
    }
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_subscriptionView);
    return page;
}

QString ReplicationView::selectedSubscription() const {
    const QModelIndex current = m_subscriptionView->currentIndex();
    return current.isValid() ? m_subscriptionModel->index(current.row(), 0).data().toString() : QString();
}

void ReplicationView::openSubscription() {
    // The saved profiles a publisher is chosen from: a file read, on the worker as every read is.
    m_publicationJob->start(
        [](const std::shared_ptr<core::CancelToken>&) {
            core::ProfileStore store;
            store.load();
            return store.profiles();
        },
        [this](const QList<core::ConnectionProfile>& profiles) {
            auto* dialog = new SubscriptionDialog(m_pool, profiles, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &SubscriptionDialog::applied, this, [this](const QString& created) {
                m_summary->setText(tr("Subscription %1 created.").arg(created));
                emit subscriptionChanged(created);
                refresh();
            });
            dialog->open();
            emit subscriptionDialogOpened(dialog);
        },
        [this](const BackgroundFailure& f) { m_summary->setText(f.message); });
}

void ReplicationView::askSubscriptionAction(core::SubscriptionAction action) {
    const QString name = selectedSubscription();
    if (name.isEmpty())
        return;
    using A = core::SubscriptionAction;
    // After the question the action asks, production asks for the database's name.
    const auto proceed = [this, name, action](const QString& lsn, bool copyData) {
        if (!m_pool->profile().writeGuarded()) {
            runSubscriptionAction(name, action, false, lsn, copyData);
            return;
        }
        auto* confirm = new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()),
                                                    tr("changing subscription \"%1\"").arg(name), this);
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        connect(confirm, &QDialog::accepted, this, [this, name, action, lsn, copyData] {
            runSubscriptionAction(name, action, true, lsn, copyData);
        });
        confirm->open();
    };
    if (action == A::Enable || action == A::Disable) {
        proceed({}, true);
        return;
    }
    if (action == A::Skip) {
        auto* input = new QInputDialog(this);
        input->setObjectName(QStringLiteral("skipLsnDialog"));
        input->setWindowTitle(tr("Skip a failing transaction"));
        input->setLabelText(tr("Subscription \"%1\" keeps failing on a remote transaction. Its changes are "
                               "skipped and lost on this side.\nThe LSN it finished at, as the subscriber's "
                               "log says (\"finished at 0/14C0378\"):")
                                .arg(name));
        input->setAttribute(Qt::WA_DeleteOnClose);
        connect(input, &QInputDialog::textValueSelected, this,
                [proceed](const QString& lsn) { proceed(lsn.trimmed(), true); });
        input->open();
        return;
    }
    auto* box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    if (action == A::Refresh) {
        box->setObjectName(QStringLiteral("refreshSubscriptionQuestion"));
        box->setIcon(QMessageBox::Question);
        box->setWindowTitle(tr("Refresh subscription"));
        box->setText(tr("Subscribe \"%1\" to the tables its publications added since? This talks to the "
                        "publisher.")
                         .arg(name));
        QPushButton* copy = box->addButton(tr("Copy their rows"), QMessageBox::AcceptRole);
        QPushButton* empty = box->addButton(tr("Only new changes"), QMessageBox::AcceptRole);
        connect(box, &QMessageBox::buttonClicked, this, [proceed, copy, empty](QAbstractButton* clicked) {
            if (clicked == copy || clicked == empty)
                proceed({}, clicked == copy);
        });
    } else {
        box->setObjectName(QStringLiteral("dropSubscriptionConfirm"));
        box->setIcon(QMessageBox::Warning);
        box->setWindowTitle(tr("Drop subscription"));
        box->setText(tr("Drop subscription \"%1\"? Its slot on the publisher is dropped too: what it has not "
                        "applied yet is not sent again, and subscribing anew copies the tables from the "
                        "start.")
                         .arg(name));
        QPushButton* drop = box->addButton(tr("Drop subscription"), QMessageBox::DestructiveRole);
        connect(box, &QMessageBox::buttonClicked, this, [proceed, drop](QAbstractButton* clicked) {
            if (clicked == drop)
                proceed({}, true);
        });
    }
    box->open();
}

void ReplicationView::runSubscriptionAction(const QString& name, core::SubscriptionAction action,
                                            bool unlocked, const QString& lsn, bool copyData) {
    QList<core::DesignStatement> statements;
    try {
        statements = core::subscriptionStatements(name, action, lsn, copyData);
    } catch (const core::Error& e) { // an LSN that is not one
        m_summary->setText(QString::fromUtf8(e.what()));
        return;
    }
    m_drop->start(
        [pool = m_pool, statements, unlocked](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::SchemaApplyOptions options;
            for (int i = 0; i < statements.size(); ++i)
                if (statements[i].destructive)
                    options.confirmed << i; // the question asked was this step's confirmation
            options.access = unlocked ? core::WriteUnlock::create() : core::WriteAccess{};
            return core::SchemaApplier(*connection).apply(statements, options);
        },
        [this, name, text = statements.constFirst().description](const core::SchemaApplyResult& result) {
            m_summary->setText(result.failure.isEmpty()
                                   ? tr("Subscription %1: done (%2).").arg(name, text)
                                   : tr("Subscription %1: %2").arg(name, result.failure));
            emit subscriptionChanged(name);
            refresh();
        },
        [this, name](const BackgroundFailure& failure) {
            m_summary->setText(tr("Subscription %1 was not changed: %2").arg(name, failure.message));
        });
}

} // namespace pgdesk::ui
