// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main() of every UI suite: PGDESK_UI_TEST_MAIN(TestClass) in place of QTEST_MAIN. The suite also fails
// when the application printed a Qt warning or critical message that no test expected: the user sees these
// on the terminal ("QAbstractItemView::commitData called with an editor that does not belong to this view"),
// and they hide the next real one. A test that provokes a warning on purpose says so with
// QTest::ignoreMessage; noise of the test platform itself is named in platformNoise() below.
//
// Inside QTest::qExec the test library owns the message handler and never passes a message on, so its own
// log is read: a second, XML log of the run lists every message it did not ignore. Before and after qExec
// (the application's start, the suite object's destruction, which closes its windows) a handler of ours
// collects them.
#include <pgdesk/ui/common/background.h>

#include <QApplication>
#include <QFile>
#include <QMutex>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cstdio>
#include <memory>

namespace pgdesk::test {

// Messages that come from the test platform, not from PgDesk: each one with why it is allowed.
inline bool isPlatformNoise(const QString& message) {
    static const QStringList noise = {
        // The offscreen platform plugin (QT_QPA_PLATFORM=offscreen) cannot pass a top-level widget's size
        // hints to a window system it does not have; every dialog or window shown prints it once.
        QStringLiteral("This plugin does not support propagateSizeHints()"),
        // It has no window stack either: QWidget::raise() (a completer's popup, a dialog brought to the
        // front) cannot raise anything.
        QStringLiteral("This plugin does not support raise()"),
        // Nor a keyboard to grab: a popup (menu, completer) asks for the keyboard when it opens.
        QStringLiteral("This plugin does not support grabbing the keyboard"),
    };
    return noise.contains(message.trimmed());
}

class WarningGuard final {
public:
    WarningGuard() { s_previous = qInstallMessageHandler(&WarningGuard::handle); }
    ~WarningGuard() { qInstallMessageHandler(s_previous); }
    WarningGuard(const WarningGuard&) = delete;
    WarningGuard& operator=(const WarningGuard&) = delete;

    static QStringList& outside() {
        static QStringList messages;
        return messages;
    }
    static QMutex& mutex() {
        static QMutex m;
        return m;
    }

    // The unexpected messages of a QTest XML log.
    static QStringList fromLog(const QString& path) {
        QStringList found;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return found;
        QXmlStreamReader xml(&file);
        QString type;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("Message"))
                type = xml.attributes().value(QLatin1String("type")).toString();
            else if (xml.isEndElement() && xml.name() == QLatin1String("Message"))
                type.clear();
            else if (xml.isStartElement() && xml.name() == QLatin1String("Description") &&
                     (type == QLatin1String("qwarn") || type == QLatin1String("qcritical"))) {
                const QString text = xml.readElementText();
                if (!isPlatformNoise(text))
                    found << text;
            }
        }
        return found;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if ((type == QtWarningMsg || type == QtCriticalMsg) && !isPlatformNoise(message)) {
            QMutexLocker lock(&mutex());
            outside() << message;
        }
        if (s_previous)
            s_previous(type, context, message);
        else
            std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
    }

    static inline QtMessageHandler s_previous = nullptr;
};

template <class TestObject> int runUiSuite(int argc, char** argv) {
    QTest::Internal::callInitMain<TestObject>();
    WarningGuard guard; // first: the application's start counts too
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    QTemporaryDir dir;
    QStringList arguments = app.arguments();
    const QString log = dir.filePath(QStringLiteral("messages.xml"));
    if (!arguments.contains(QLatin1String("-o")))
        arguments << QStringLiteral("-o") << QStringLiteral("-,txt"); // the usual output stays
    arguments << QStringLiteral("-o") << log + QStringLiteral(",xml");
    int failed = 0;
    {
        auto suite = std::make_unique<TestObject>();
        failed = QTest::qExec(suite.get(), arguments);
        // Jobs the tests left running (a query tool's history read, a catalog load) end before the suite's
        // temporary folders go: a job still opening a file there would race the folder's removal.
        pgdesk::ui::jobPool().waitForDone(15000);
    } // the suite's windows close here: their messages count too
    QCoreApplication::processEvents();
    QStringList unexpected = WarningGuard::fromLog(log);
    {
        QMutexLocker lock(&WarningGuard::mutex());
        unexpected << WarningGuard::outside();
    }
    if (unexpected.isEmpty())
        return failed;
    std::fprintf(stdout, "FAIL!  : %d unexpected Qt warning(s) (QTest::ignoreMessage expects one):\n",
                 int(unexpected.size()));
    for (const QString& message : std::as_const(unexpected))
        std::fprintf(stdout, "   %s\n", qPrintable(message));
    std::fflush(stdout);
    return failed + 1;
}

} // namespace pgdesk::test

#define PGDESK_UI_TEST_MAIN(TestObject)                                                                      \
    int main(int argc, char** argv) {                                                                        \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return pgdesk::test::runUiSuite<TestObject>(argc, argv);                                             \
    }
