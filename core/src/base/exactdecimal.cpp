// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/exactdecimal.h>

#include <algorithm>

namespace pgdesk::core {

namespace {

// Exponents beyond this (with more digits than any double or numeric prints) are not read.
constexpr int kMaxExponent = 1000;

QByteArray stripLeadingZeros(QByteArray digits) {
    qsizetype i = 0;
    while (i + 1 < digits.size() && digits[i] == '0')
        ++i;
    return i > 0 ? digits.mid(i) : digits;
}

// Compares magnitudes given as digit strings without leading zeros.
int compareDigits(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    const int c = qstrcmp(a, b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

QByteArray addDigits(const QByteArray& a, const QByteArray& b) {
    QByteArray out(std::max(a.size(), b.size()) + 1, '0');
    int carry = 0;
    qsizetype i = a.size() - 1;
    qsizetype j = b.size() - 1;
    for (qsizetype k = out.size() - 1; k >= 0; --k, --i, --j) {
        const int sum = (i >= 0 ? a[i] - '0' : 0) + (j >= 0 ? b[j] - '0' : 0) + carry;
        out[k] = char('0' + sum % 10);
        carry = sum / 10;
    }
    return stripLeadingZeros(out);
}

// a - b for a >= b.
QByteArray subtractDigits(const QByteArray& a, const QByteArray& b) {
    QByteArray out(a.size(), '0');
    int borrow = 0;
    qsizetype j = b.size() - 1;
    for (qsizetype i = a.size() - 1; i >= 0; --i, --j) {
        int d = (a[i] - '0') - (j >= 0 ? b[j] - '0' : 0) - borrow;
        borrow = d < 0 ? 1 : 0;
        out[i] = char('0' + (d + 10) % 10);
    }
    return stripLeadingZeros(out);
}

} // namespace

std::optional<ExactDecimal> ExactDecimal::parse(QStringView text) {
    text = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == QLatin1Char('-') || text[i] == QLatin1Char('+')))
        negative = text[i++] == QLatin1Char('-');
    QByteArray digits;
    int scale = 0;
    bool point = false;
    bool any = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            digits += char(c.unicode());
            any = true;
            if (point)
                ++scale;
        } else if (c == QLatin1Char('.') && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (!any)
        return std::nullopt;
    if (i < text.size()) {
        if (text[i] != QLatin1Char('e') && text[i] != QLatin1Char('E'))
            return std::nullopt;
        ++i;
        bool expNegative = false;
        if (i < text.size() && (text[i] == QLatin1Char('-') || text[i] == QLatin1Char('+')))
            expNegative = text[i++] == QLatin1Char('-');
        if (i >= text.size())
            return std::nullopt;
        int exponent = 0;
        for (; i < text.size(); ++i) {
            if (text[i] < QLatin1Char('0') || text[i] > QLatin1Char('9') || exponent > kMaxExponent)
                return std::nullopt;
            exponent = exponent * 10 + (text[i].unicode() - '0');
        }
        if (exponent > kMaxExponent)
            return std::nullopt;
        scale += expNegative ? exponent : -exponent;
        if (scale < 0) {
            digits += QByteArray(-scale, '0');
            scale = 0;
        }
    }
    ExactDecimal d;
    d.m_digits = stripLeadingZeros(digits);
    d.m_scale = scale;
    d.m_negative = negative && d.m_digits != "0";
    return d;
}

ExactDecimal ExactDecimal::fromInteger(qint64 value) {
    return *parse(QString::number(value));
}

QString ExactDecimal::toString() const {
    QByteArray digits = m_digits;
    if (digits.size() <= m_scale)
        digits.prepend(QByteArray(m_scale - digits.size() + 1, '0'));
    if (m_scale > 0)
        digits.insert(digits.size() - m_scale, '.');
    if (m_negative)
        digits.prepend('-');
    return QString::fromLatin1(digits);
}

ExactDecimal ExactDecimal::withScale(int scale) const {
    if (scale <= m_scale)
        return *this;
    ExactDecimal d = *this;
    if (d.m_digits != "0")
        d.m_digits += QByteArray(scale - m_scale, '0');
    d.m_scale = scale;
    return d;
}

ExactDecimal ExactDecimal::operator-() const {
    ExactDecimal d = *this;
    d.m_negative = !m_negative && m_digits != "0";
    return d;
}

ExactDecimal ExactDecimal::operator+(const ExactDecimal& other) const {
    const int scale = std::max(m_scale, other.m_scale);
    const ExactDecimal a = withScale(scale);
    const ExactDecimal b = other.withScale(scale);
    ExactDecimal sum;
    sum.m_scale = scale;
    if (a.m_negative == b.m_negative) {
        sum.m_digits = addDigits(a.m_digits, b.m_digits);
        sum.m_negative = a.m_negative;
    } else if (compareDigits(a.m_digits, b.m_digits) >= 0) {
        sum.m_digits = subtractDigits(a.m_digits, b.m_digits);
        sum.m_negative = a.m_negative;
    } else {
        sum.m_digits = subtractDigits(b.m_digits, a.m_digits);
        sum.m_negative = b.m_negative;
    }
    if (sum.m_digits == "0")
        sum.m_negative = false;
    return sum;
}

int ExactDecimal::compare(const ExactDecimal& other) const {
    if (m_negative != other.m_negative)
        return m_negative ? -1 : 1;
    const int scale = std::max(m_scale, other.m_scale);
    const int magnitude = compareDigits(withScale(scale).m_digits, other.withScale(scale).m_digits);
    return m_negative ? -magnitude : magnitude;
}

ExactDecimal ExactDecimal::dividedBy(qint64 divisor, int scale) const {
    if (divisor <= 0)
        return {};
    // One decimal more than asked, for the rounding; long division by a machine integer.
    const QByteArray dividend = withScale(scale + 1).m_digits;
    const int shift = std::max(0, m_scale - (scale + 1)); // decimals to drop when this has more
    QByteArray quotient;
    quotient.reserve(dividend.size());
    // remainder < divisor, so remainder × 10 + 9 fits while the divisor is below 10^18 (any row count).
    quint64 remainder = 0;
    const auto d = static_cast<quint64>(std::min<qint64>(divisor, 100'000'000'000'000'000LL));
    for (const char c : dividend) {
        remainder = remainder * 10 + unsigned(c - '0');
        quotient += char('0' + int(remainder / d));
        remainder %= d;
    }
    // Now quotient has m_scale' = max(m_scale, scale + 1) decimals: drop the extra ones but the last.
    if (shift > 0)
        quotient.chop(std::min<qsizetype>(shift, quotient.size()));
    const bool roundUp = !quotient.isEmpty() && quotient.back() >= '5';
    quotient.chop(1);
    QByteArray digits = stripLeadingZeros(quotient.isEmpty() ? QByteArray("0") : quotient);
    if (roundUp)
        digits = addDigits(digits, "1");
    ExactDecimal result;
    result.m_digits = digits;
    result.m_scale = scale;
    result.m_negative = m_negative && digits != "0";
    return result;
}

} // namespace pgdesk::core
