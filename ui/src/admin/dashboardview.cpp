// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/dashboardview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/replication.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/paint/chartpainter.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/uisettings.h>

#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>
#include <mutex>

namespace pgdesk::ui {

namespace {

// One line of a chart: its value at sample i of the history (none: a gap, e.g. the first sample's rate).
struct Line {
    QString name;
    std::function<std::optional<double>(const core::DashboardHistory&, int)> value;
};

struct ChartSpec {
    QString title;
    QString unit; // after the current value: "/s", " s", " B/s"
    QList<Line> lines;
    int decimals = 1;
    bool perStandby = false; // a line per standby seen (core::replicaLagSeries) instead of `lines`
};

std::optional<double> rate(const core::DashboardHistory& h, int i,
                           const std::function<std::optional<double>(const core::DashboardRates&)>& pick) {
    if (i < 1)
        return std::nullopt;
    return pick(h.ratesAt(i));
}

QList<ChartSpec> chartSpecs() {
    using H = core::DashboardHistory;
    using R = core::DashboardRates;
    const auto count = [](auto field) {
        return [field](const H& h, int i) -> std::optional<double> { return double(h.samples()[i].*field); };
    };
    const auto perSecond = [](auto field) {
        return [field](const H& h, int i) {
            return rate(h, i, [field](const R& r) { return std::optional(r.*field); });
        };
    };
    return {
        {DashboardView::tr("Sessions"),
         QString(),
         {{DashboardView::tr("active"), count(&core::DashboardSample::active)},
          {DashboardView::tr("idle"), count(&core::DashboardSample::idle)},
          {DashboardView::tr("idle in transaction"), count(&core::DashboardSample::idleInTransaction)}},
         0},
        {DashboardView::tr("Transactions per second"),
         QStringLiteral(" /s"),
         {{DashboardView::tr("commits"), perSecond(&R::commits)},
          {DashboardView::tr("rollbacks"), perSecond(&R::rollbacks)}}},
        {DashboardView::tr("Tuples per second"),
         QStringLiteral(" /s"),
         {{DashboardView::tr("in (written)"), perSecond(&R::tuplesIn)},
          {DashboardView::tr("out (read)"), perSecond(&R::tuplesOut)}}},
        {DashboardView::tr("Blocks per second"),
         QStringLiteral(" /s"),
         {{DashboardView::tr("read"), perSecond(&R::blocksRead)},
          {DashboardView::tr("hit"), perSecond(&R::blocksHit)}}},
        {DashboardView::tr("Cache hit ratio"),
         QStringLiteral(" %"),
         {{DashboardView::tr("hit"),
           [](const H& h, int i) {
               return rate(h, i, [](const R& r) {
                   return r.cacheHitRatio ? std::optional(*r.cacheHitRatio * 100) : std::nullopt;
               });
           }}}},
        {DashboardView::tr("Temporary files"),
         QStringLiteral(" B/s"),
         {{DashboardView::tr("bytes"), perSecond(&R::tempBytes)}},
         0},
        {DashboardView::tr("Locks and deadlocks"),
         QString(),
         {{DashboardView::tr("waiting locks"), count(&core::DashboardSample::waitingLocks)},
          {DashboardView::tr("deadlocks /s"), perSecond(&R::deadlocks)}}},
        {DashboardView::tr("Replication lag"), QStringLiteral(" s"), {}, 1, true},
        {DashboardView::tr("WAL and checkpoints"),
         QString(),
         {{DashboardView::tr("WAL bytes /s"),
           [](const H& h, int i) { return rate(h, i, [](const R& r) { return r.walBytes; }); }},
          {DashboardView::tr("checkpoints /min"), perSecond(&R::checkpointsPerMinute)}},
         0},
        {DashboardView::tr("Longest transaction"),
         QStringLiteral(" s"),
         {{DashboardView::tr("seconds"),
           [](const H& h, int i) -> std::optional<double> {
               return h.samples()[i].longestTransactionSeconds;
           }}}},
    };
}

} // namespace

// One time series chart of the dashboard, drawn by the window's chart painter; a click names the sample.
class DashboardChart final : public QWidget {
public:
    DashboardChart(ChartSpec spec, QWidget* parent)
        : QWidget(parent)
        , m_spec(std::move(spec)) {
        setMinimumSize(260, 150);
        setToolTip(DashboardView::tr("Click a point: the sessions busy at that moment"));
    }
    const ChartSpec& spec() const { return m_spec; }
    QString current() const { return m_current; }
    std::function<void(qint64 serverMs)> clicked;

    void setHistory(const core::DashboardHistory& history) { // the window of the last kWindowMs, redrawn
        m_data = {};
        m_data.xKind = core::AxisKind::Time;
        m_data.title = m_spec.title;
        const auto& samples = history.samples();
        const qint64 last = samples.isEmpty() ? 0 : samples.last().serverMs;
        int first = 0; // the window's first sample
        while (first < samples.size() && samples[first].serverMs < last - DashboardView::kWindowMs)
            ++first;
        const auto point = [&](int i, std::optional<double> v) {
            core::ChartPoint p;
            p.x = double(samples[i].serverMs);
            p.xText =
                QDateTime::fromMSecsSinceEpoch(samples[i].serverMs).toString(QStringLiteral("HH:mm:ss"));
            p.yNull = !v;
            p.y = v.value_or(0);
            p.yText = v ? QLocale().toString(*v, 'f', m_spec.decimals) : QString();
            return p;
        };
        if (m_spec.perStandby) {
            QStringList now;
            for (const core::ReplicaLagSeries& standby : core::replicaLagSeries(samples, first)) {
                core::ChartSeries series;
                series.name = standby.name;
                for (int k = 0; k < standby.seconds.size(); ++k)
                    series.points << point(first + k, standby.seconds[k]);
                m_data.series << series;
                const auto latest = standby.seconds.isEmpty() ? std::nullopt : standby.seconds.last();
                now << QStringLiteral("%1 %2").arg(standby.name,
                                                   latest ? QLocale().toString(*latest, 'f', 1) + m_spec.unit
                                                          : QStringLiteral("–"));
            }
            m_current =
                now.isEmpty() ? DashboardView::tr("no standby connected") : now.join(QStringLiteral(" · "));
            m_data.subtitle = m_current;
            QWidget::update();
            return;
        }
        for (const Line& line : m_spec.lines) {
            core::ChartSeries series;
            series.name = line.name;
            for (int i = first; i < samples.size(); ++i)
                series.points << point(i, line.value(history, i));
            m_data.series << series;
        }
        QStringList now;
        for (int l = 0; l < m_spec.lines.size() && !samples.isEmpty(); ++l) {
            const auto v = m_spec.lines[l].value(history, int(samples.size()) - 1);
            now << QStringLiteral("%1 %2%3").arg(
                m_spec.lines[l].name, v ? QLocale().toString(*v, 'f', m_spec.decimals) : QStringLiteral("–"),
                v ? m_spec.unit : QString());
        }
        m_current = now.join(QStringLiteral(" · "));
        m_data.subtitle = m_current;
        QWidget::update();
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        paint::ChartStyle style = palette().color(QPalette::Window).lightness() < 128
                                      ? paint::ChartStyle::dark()
                                      : paint::ChartStyle::light();
        style.font = font();
        style.direction = layoutDirection();
        m_painter.paint(p, rect(), m_data, core::ChartType::Line, style);
    }
    void mousePressEvent(QMouseEvent* event) override {
        const auto hit = m_painter.pointAt(event->position());
        if (hit && hit->series >= 0 && hit->index >= 0 && clicked)
            clicked(qint64(m_data.series[hit->series].points[hit->index].x));
    }

private:
    ChartSpec m_spec;
    core::ChartData m_data;
    QString m_current;
    paint::ChartPainter m_painter;
};

// The view's own connection, opened by the first tick and again after it was lost.
struct DashboardView::Reading {
    core::ConnectionProfile profile;
    std::optional<QString> password;
    std::mutex mutex;
    std::unique_ptr<core::Connection> connection;
};

DashboardView::DashboardView(core::ConnectionProfile profile, std::optional<QString> password,
                             QWidget* parent)
    : QWidget(parent)
    , m_reading(std::make_shared<Reading>())
    , m_history(3600)
    , m_job(new JobSlot(this))
    , m_timer(new QTimer(this))
    , m_status(new QLabel(this))
    , m_momentTitle(new QLabel(this))
    , m_momentSessions(new QTableWidget(this)) {
    setObjectName(QStringLiteral("dashboardView"));
    profile.applicationName = QString::fromLatin1(core::kDashboardApplicationName);
    m_reading->profile = std::move(profile);
    m_reading->password = std::move(password);
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &DashboardView::tick);

    auto* charts = new QWidget(this);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<ChartSpec> specs = chartSpecs();
    for (int i = 0; i < specs.size(); ++i) {
        auto* chart = new DashboardChart(specs[i], charts);
        chart->clicked = [this](qint64 serverMs) { showMoment(m_history.indexNear(serverMs)); };
        grid->addWidget(chart, i / 3, i % 3);
        m_charts << chart;
    }
    m_momentTitle->setText(tr("Click a point of a chart to see the sessions busy at that moment."));
    m_momentSessions->setColumnCount(6);
    m_momentSessions->setHorizontalHeaderLabels(
        {tr("PID"), tr("User"), tr("Database"), tr("State"), tr("Seconds"), tr("Query")});
    m_momentSessions->horizontalHeader()->setStretchLastSection(true);
    m_momentSessions->verticalHeader()->hide();
    m_momentSessions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* moment = new QWidget(this);
    auto* momentLayout = new QVBoxLayout(moment);
    momentLayout->setContentsMargins(0, 0, 0, 0);
    momentLayout->addWidget(m_momentTitle);
    momentLayout->addWidget(m_momentSessions);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(moment);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    m_slotAlertLabel = new QLabel(this);
    m_slotAlertLabel->setObjectName(QStringLiteral("dashboardSlotAlerts"));
    m_slotAlertLabel->setWordWrap(true);
    m_slotAlertLabel->setStyleSheet(textStyle(warningColor()));
    m_slotAlertLabel->hide();
    layout->addWidget(m_slotAlertLabel);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setText(tr("Sampling once a second while this tab is visible."));
}

DashboardView::~DashboardView() {
    m_job->abandon();
    // The last owner closes the connection (PQfinish): on a pool thread, never on the GUI thread.
    jobPool().start([reading = std::move(m_reading)]() mutable { reading.reset(); });
}

bool DashboardView::isSampling() const {
    return m_timer->isActive();
}

QWidget* DashboardView::chartWidget(int i) const {
    return m_charts.value(i);
}

QString DashboardView::chartTitle(int i) const {
    return i >= 0 && i < m_charts.size() ? m_charts[i]->spec().title : QString();
}

QString DashboardView::currentText(int i) const {
    return i >= 0 && i < m_charts.size() ? m_charts[i]->current() : QString();
}

QString DashboardView::statusText() const {
    return m_status->text();
}

void DashboardView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_timer->start();
    tick(); // at once, not a second later
}

void DashboardView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer->stop(); // hidden: nothing is sent
    m_job->abandon();
}

void DashboardView::tick() {
    if (m_job->isRunning())
        return; // a slow server: one statement at a time, the tick skipped
    // The slots are read every kSlotCheckTicks samples, with the sample: a slot fills the disk over hours.
    const bool checkSlots = m_ticks++ % kSlotCheckTicks == 0;
    using Reply = std::pair<core::DashboardSample, std::optional<QList<core::SlotAlert>>>;
    m_job->start(
        [reading = m_reading, checkSlots,
         limit = UiSettings::slotAlertBytes()](const std::shared_ptr<core::CancelToken>& token) {
            std::lock_guard lock(reading->mutex);
            token->throwIfCancelled();
            if (!reading->connection)
                reading->connection = std::make_unique<core::Connection>(
                    core::Connection::open(reading->profile, reading->password));
            try {
                core::CancelToken::Scope scope(token, *reading->connection);
                Reply reply{core::readDashboardSample(*reading->connection), std::nullopt};
                if (checkSlots)
                    reply.second = core::slotAlerts(
                        core::ReplicationReader(*reading->connection).replicationSlots(), limit);
                return reply;
            } catch (const core::ConnectionError&) {
                reading->connection.reset(); // the next tick connects again
                throw;
            }
        },
        [this](const Reply& reply) {
            const core::DashboardSample& sample = reply.first;
            if (reply.second) {
                m_slotAlerts.clear();
                for (const core::SlotAlert& alert : *reply.second)
                    m_slotAlerts << alert.message;
                m_slotAlertLabel->setText(m_slotAlerts.join(QLatin1Char('\n')));
                m_slotAlertLabel->setVisible(!m_slotAlerts.isEmpty());
            }
            m_history.add(sample);
            redraw();
            m_status->setText(
                tr("%n sample(s) this session; once a second while visible.", nullptr, m_history.size()));
            emit sampled();
        },
        [this](const BackgroundFailure& failure) { m_status->setText(failure.message); });
}

void DashboardView::redraw() {
    for (DashboardChart* chart : std::as_const(m_charts))
        chart->setHistory(m_history);
}

void DashboardView::showMoment(int index) {
    if (index < 0 || index >= m_history.size())
        return;
    m_moment = index;
    const core::DashboardSample& s = m_history.samples()[index];
    m_momentTitle->setText(
        tr("Sessions busy at %1 (%n of them):", nullptr, int(s.sessions.size()))
            .arg(QDateTime::fromMSecsSinceEpoch(s.serverMs).toString(QStringLiteral("HH:mm:ss"))));
    m_momentSessions->setRowCount(int(s.sessions.size()));
    for (int r = 0; r < s.sessions.size(); ++r) {
        const core::DashboardSession& session = s.sessions[r];
        const QStringList cells{QString::number(session.pid),
                                session.user,
                                session.database,
                                session.wait.isEmpty()
                                    ? session.state
                                    : tr("%1, waiting for %2").arg(session.state, session.wait),
                                QLocale().toString(session.seconds, 'f', 1),
                                session.query.simplified()};
        for (int c = 0; c < cells.size(); ++c)
            m_momentSessions->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
}

} // namespace pgdesk::ui
