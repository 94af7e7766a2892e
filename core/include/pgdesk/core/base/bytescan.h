// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The first of four bytes in a buffer, sixteen bytes a step where SSE2 is there
// (every x86-64). Import and COPY text look for the few bytes that mean something among long runs of plain
// ones; byte by byte that search was most of a CSV import's client time.

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pgdesk::core {

inline const char* findFirstOf(const char* p, const char* end, char a, char b, char c, char d) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    const __m128i vc = _mm_set1_epi8(c);
    const __m128i vd = _mm_set1_epi8(d);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
        if (const int mask = _mm_movemask_epi8(hit))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    for (; p != end; ++p)
        if (*p == a || *p == b || *p == c || *p == d)
            return p;
    return end;
}

// The first '"', '\\' or control byte (below 0x20): where a JSON string ends or stops being plain.
inline const char* findJsonStringStop(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, lastControl), v); // unsigned v <= 0x1f
        const __m128i hit =
            _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        if (const int mask = _mm_movemask_epi8(hit))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    for (; p != end; ++p)
        if (*p == '"' || *p == '\\' || static_cast<unsigned char>(*p) < 0x20)
            return p;
    return end;
}

} // namespace pgdesk::core
