#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace jcr {

/// Finds columns of a ShowJCR header by pattern, because the names drift between years: `IF (2020)`,
/// `IF(2021)`, ` IF(2023)`, `eISSN`/`EISSN`, `预警等级（2020）` with full-width parentheses,
/// `IF Quartile(2025)_1` … `_6`.
///
/// Header names are normalised before matching: NFKC (full-width → ASCII parentheses), BOM and
/// surrounding white space removed, inner white space removed, case folded. Patterns are regular
/// expressions matched against the whole normalised name, e.g. `if\(\d{4}\)` or `category_?(\d)?`.
class CsvHeader
{
public:
    CsvHeader() = default;
    explicit CsvHeader(const QStringList& names);

    /// Index of the first column whose normalised name matches `pattern` entirely, or -1.
    int indexOf(const QString& pattern) const;
    /// Indexes of every matching column, in file order.
    QList<int> indexesOf(const QString& pattern) const;
    /// The four-digit year written in column `index`'s name (`IF(2021)` → 2021), or 0.
    int yearIn(int index) const;

    int size() const { return int(m_original.size()); }
    QString originalName(int index) const;
    QString normalizedName(int index) const;

    static QString normalize(const QString& name);

private:
    QStringList m_original;
    QStringList m_normalized;
};

/// The field `index` of `row`, trimmed; empty when the index is -1 or the row is short.
QString fieldAt(const QStringList& row, int index);

} // namespace jcr
