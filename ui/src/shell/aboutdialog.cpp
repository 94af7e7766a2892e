// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/shell/aboutdialog.h>

#include <pgdesk/core/session/version.h>
#include <pgdesk/ui/common/errorlog.h>

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

constexpr auto Masked = "********";

bool isSecretKey(const QString& key) {
    // toJson() already drops core::isSecretOption() keys; anything else named like a password is masked too.
    return key.contains(QLatin1String("password"), Qt::CaseInsensitive);
}

// The profile as stored, with every secret masked, whatever toJson() lets through.
QJsonObject maskedProfile(const core::ConnectionProfile& profile) {
    QJsonObject o = profile.toJson();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (isSecretKey(it.key()))
            it.value() = QLatin1String(Masked);
    QJsonObject options = o.value(QLatin1String("options")).toObject();
    for (auto it = options.begin(); it != options.end(); ++it)
        if (isSecretKey(it.key()))
            it.value() = QLatin1String(Masked);
    if (!options.isEmpty())
        o[QStringLiteral("options")] = options;
    return o;
}

QString indented(const QString& text, const QString& prefix) {
    QString out = text.trimmed();
    out.replace(QLatin1Char('\n'), QLatin1Char('\n') + prefix);
    return prefix + out;
}

} // namespace

AboutDialog::AboutDialog(SessionDiagnostics session, QWidget* parent)
    : QDialog(parent)
    , m_session(std::move(session)) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About PgDesk"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/pgdesk/icons/pgdesk.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto* title = new QLabel(tr("<h3>PgDesk %1</h3>").arg(core::pgdeskVersion()), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    auto* summary = new QLabel(tr("A native PostgreSQL desktop client: browse, filter and edit data safely, "
                                  "with pgdesk-cli on the command line."),
                               this);
    summary->setWordWrap(true);
    m_versions = new QLabel(versionsText(), this);
    m_versions->setObjectName(QStringLiteral("aboutVersions"));
    m_versions->setTextFormat(Qt::PlainText);
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("aboutStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy diagnostics"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyDiagnostics"));
    copy->setToolTip(tr("Versions, system, the connection's settings (never a password) and the latest "
                        "errors, as text for a bug report"));
    connect(copy, &QPushButton::clicked, this, [this] {
        copyDiagnostics(m_session);
        m_status->setText(tr("Diagnostics copied to the clipboard."));
        emit diagnosticsCopied();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(summary);
    text->addWidget(m_versions);
    text->addWidget(m_status);
    auto* top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

QString AboutDialog::versionsText() const {
    QStringList lines{
        tr("Qt %1 (built with %2)").arg(core::qtVersion(), QStringLiteral(QT_VERSION_STR)),
        tr("libpq %1").arg(core::libpqVersion()),
    };
    lines << (m_session.serverVersion.isEmpty() ? tr("Not connected")
                                                : tr("PostgreSQL server %1").arg(m_session.serverVersion));
    return lines.join(QLatin1Char('\n'));
}

QString AboutDialog::diagnosticsText(const SessionDiagnostics& session) {
    const QString none = tr("(none)");
    QStringList out;
    out << tr("PgDesk diagnostics") << QString();
    out << tr("PgDesk: %1").arg(core::pgdeskVersion());
    out << tr("Qt: %1 (built with %2), platform %3")
               .arg(core::qtVersion(), QStringLiteral(QT_VERSION_STR), QGuiApplication::platformName());
    out << tr("libpq: %1").arg(core::libpqVersion());
    out << tr("OS: %1; kernel %2 %3; %4")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(), QSysInfo::kernelVersion(),
                    QSysInfo::currentCpuArchitecture());
    out << tr("Locale: %1").arg(QLocale().name());
    out << QString();

    out << tr("Server: %1")
               .arg(session.serverVersion.isEmpty() ? tr("not connected")
                                                    : tr("PostgreSQL %1").arg(session.serverVersion));
    if (session.profile) {
        out << tr("Connection settings (secrets masked):");
        out << indented(QString::fromUtf8(QJsonDocument(maskedProfile(*session.profile)).toJson()),
                        QStringLiteral("  "));
    } else {
        out << tr("Connection settings: %1").arg(none);
    }
    out << QString();

    const QStringList errors = ErrorLog::instance().lines();
    out << tr("Recent errors, oldest first (%1):").arg(errors.size());
    if (errors.isEmpty())
        out << QStringLiteral("  ") + none;
    for (const QString& e : errors)
        out << indented(e, QStringLiteral("  "));
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void AboutDialog::copyDiagnostics(const SessionDiagnostics& session) {
    QGuiApplication::clipboard()->setText(diagnosticsText(session));
}

} // namespace pgdesk::ui
