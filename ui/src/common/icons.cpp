// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/icons.h>

#include <pgdesk/ui/common/theme.h>

#include <QDir>
#include <QIconEngine>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

// Q_INIT_RESOURCE must be used outside any namespace; the resources live in this static library, which a
// test executable may not otherwise pull in.
static void initPgdeskResources() {
    Q_INIT_RESOURCE(pgdesk);
}

namespace pgdesk::ui {

namespace {

QString iconPath(const QString& name, bool dark) {
    return QStringLiteral(":/pgdesk/icons/%1/%2.svg")
        .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"), name);
}

class ThemedIconEngine final : public QIconEngine {
public:
    explicit ThemedIconEngine(QString name)
        : m_name(std::move(name)) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override {
        painter->drawPixmap(rect, pixmap(rect.size() * painter->device()->devicePixelRatioF(), mode, state));
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State) override {
        const bool dark = isDarkPalette();
        const QString key = QStringLiteral("pgdesk-icon:%1:%2:%3x%4:%5")
                                .arg(m_name)
                                .arg(dark)
                                .arg(size.width())
                                .arg(size.height())
                                .arg(int(mode));
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap(size);
        pm.fill(Qt::transparent);
        QSvgRenderer renderer(iconPath(m_name, dark));
        if (renderer.isValid()) {
            QPainter p(&pm);
            // Disabled actions must look disabled: the glyph faded, as the platform styles do.
            if (mode == QIcon::Disabled)
                p.setOpacity(0.35);
            renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
        }
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine* clone() const override { return new ThemedIconEngine(m_name); }
    QString key() const override { return QStringLiteral("pgdesk-themed"); }
    QString iconName() override { return m_name; }
    bool isNull() override { return !QFile::exists(iconPath(m_name, false)); }

private:
    QString m_name;
};

} // namespace

QIcon themedIcon(const QString& name) {
    static const bool registered = (initPgdeskResources(), true);
    Q_UNUSED(registered);
    return QIcon(new ThemedIconEngine(name));
}

QStringList themedIconNames() {
    themedIcon(QString()); // registers the resources
    QStringList names;
    for (const QString& file :
         QDir(QStringLiteral(":/pgdesk/icons/light")).entryList({QStringLiteral("*.svg")}))
        names << file.chopped(4);
    return names;
}

} // namespace pgdesk::ui
