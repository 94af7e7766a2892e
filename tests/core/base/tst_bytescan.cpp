// SPDX-License-Identifier: GPL-3.0-or-later
// The byte searches of imports (base/bytescan.h), sixteen bytes a step: the same answer as a plain loop
// for every length, every offset and every byte value, bytes above 0x7f (UTF-8) included.
#include <pgdesk/core/base/bytescan.h>

#include <QTest>

#include <string>

using namespace pgdesk::core;

class TestByteScan final : public QObject {
    Q_OBJECT

private slots:
    void everyByteAtEveryOffset() {
        for (int length = 0; length <= 40; ++length) {
            for (int value = 0; value < 256; ++value) {
                for (int at = 0; at < length; ++at) {
                    std::string s(size_t(length), 'x');
                    s[size_t(at)] = char(value);
                    if (at + 1 < length)
                        s[size_t(at + 1)] = char(0xc3); // a UTF-8 lead byte after it
                    const char* b = s.data();
                    const char* e = b + s.size();
                    const char* first4 = e;
                    const char* json = e;
                    for (const char* p = b; p != e; ++p) {
                        if (first4 == e && (*p == ',' || *p == '"' || *p == '\n' || *p == '\r'))
                            first4 = p;
                        if (json == e && (*p == '"' || *p == '\\' || static_cast<unsigned char>(*p) < 0x20))
                            json = p;
                    }
                    QCOMPARE(findFirstOf(b, e, ',', '"', '\n', '\r') - b, first4 - b);
                    QCOMPARE(findJsonStringStop(b, e) - b, json - b);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestByteScan)
#include "tst_bytescan.moc"
