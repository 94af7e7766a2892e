// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace pgdesk::core {

// A decimal number held as its digits (pure, exact): sums of numeric(30,10) values as PostgreSQL prints them
// never go through double, so the last digit is right. Reads what the server prints for integer, numeric,
// real and double precision (exponents included: "1.5e-07"); NaN and the infinities are not numbers here.
class ExactDecimal final {
public:
    ExactDecimal() = default; // 0
    static std::optional<ExactDecimal> parse(QStringView text);
    static ExactDecimal fromInteger(qint64 value);

    // Plain decimal text ("-12.3400": the scale kept, no exponent).
    QString toString() const;
    int scale() const { return m_scale; }
    bool isNegative() const { return m_negative; }

    ExactDecimal operator+(const ExactDecimal& other) const;
    ExactDecimal operator-() const;
    // -1, 0 or 1: numerically (1.50 == 1.5).
    int compare(const ExactDecimal& other) const;
    bool operator==(const ExactDecimal& other) const { return compare(other) == 0; }
    // This divided by a positive integer, rounded half away from zero to `scale` decimals (an average).
    ExactDecimal dividedBy(qint64 divisor, int scale) const;

private:
    ExactDecimal withScale(int scale) const; // more decimals only (appends zeros)
    bool m_negative = false;
    QByteArray m_digits = "0"; // |value| × 10^scale, decimal digits without leading zeros
    int m_scale = 0;
};

} // namespace pgdesk::core
