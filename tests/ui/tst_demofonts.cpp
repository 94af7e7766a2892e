// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's names in every script it holds (Japanese, Chinese, Persian, Vietnamese …) draw with real glyphs
// in the grid's font: no letter falls to the missing-glyph box. The letters come from the demo's own data,
// so a name added there is checked too. Fails naming the package when a script has no font on the machine
// (scripts/install-deps installs fonts-noto-core and fonts-noto-cjk for the demo).
#include "uitestmain.h"

#include <QFile>
#include <QFont>
#include <QGlyphRun>
#include <QRawFont>
#include <QSet>
#include <QTest>
#include <QTextLayout>

namespace {

// Every letter of the demo's data outside ASCII, once each, in the order found.
QString demoLetters() {
    QFile file(qEnvironmentVariable("PGDESK_SOURCE_DIR") + QStringLiteral("/resources/demo/02-data.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QString letters;
    QSet<char32_t> seen;
    for (const char32_t c : text.toUcs4()) {
        if (c < 0x80 || !QChar::isLetter(c) || seen.contains(c))
            continue;
        seen.insert(c);
        letters += QString::fromUcs4(&c, 1);
    }
    return letters;
}

// The letters of `text` that `font`, with Qt's fallback fonts, draws as glyph 0 (the missing-glyph box).
QString lettersWithoutGlyph(const QString& text, const QFont& font) {
    QString missing;
    for (const QChar& first : text) {
        if (first.isLowSurrogate())
            continue;
        const qsizetype at = &first - text.constData();
        const QString letter = text.mid(at, first.isHighSurrogate() ? 2 : 1);
        QTextLayout layout(letter, font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        const QList<QGlyphRun> runs = layout.glyphRuns();
        bool drawn = !runs.isEmpty();
        for (const QGlyphRun& run : runs)
            for (const quint32 glyph : run.glyphIndexes())
                drawn = drawn && glyph != 0;
        if (!drawn)
            missing += letter;
    }
    return missing;
}

} // namespace

class TestDemoFonts : public QObject {
    Q_OBJECT

private slots:
    void demoHoldsOtherScripts() {
        const QString letters = demoLetters();
        QVERIFY2(letters.contains(QStringLiteral("太")), "the demo's data no longer holds a CJK name");
        QVERIFY2(letters.contains(QChar(0x0641)), "the demo's data no longer holds a Persian name");
    }

    void everyDemoLetterHasAGlyph() {
        const QString missing = lettersWithoutGlyph(demoLetters(), QApplication::font());
        QVERIFY2(missing.isEmpty(),
                 qPrintable(
                     QStringLiteral("no font on this machine draws %1 (%2 letters): install fonts-noto-core "
                                    "and fonts-noto-cjk (scripts/install-deps)")
                         .arg(missing.left(40))
                         .arg(missing.size())));
    }

    // The check itself can fail: a code point no font has (U+0378 is unassigned) is reported.
    void aLetterNoFontHasIsFound() {
        const QString unassigned = QString(QChar(0x0378));
        QCOMPARE(lettersWithoutGlyph(unassigned, QApplication::font()), unassigned);
    }
};

PGDESK_UI_TEST_MAIN(TestDemoFonts)
#include "tst_demofonts.moc"
