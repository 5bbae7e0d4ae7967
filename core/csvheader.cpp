#include "csvheader.h"

#include <QRegularExpression>
#include <QtDebug>

namespace jcr {

namespace {

QRegularExpression compileWholeName(const QString& pattern)
{
    // Names are case folded already; matching case-insensitively as well lets callers write `IF\(\d{4}\)`.
    QRegularExpression re(QRegularExpression::anchoredPattern(pattern), QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid())
        qWarning("CsvHeader: invalid column pattern %s: %s", qPrintable(pattern), qPrintable(re.errorString()));
    return re;
}

} // namespace

CsvHeader::CsvHeader(const QStringList& names) : m_original(names)
{
    m_normalized.reserve(names.size());
    for (const QString& name : names)
        m_normalized.append(normalize(name));
}

int CsvHeader::indexOf(const QString& pattern) const
{
    const QRegularExpression re = compileWholeName(pattern);
    if (!re.isValid())
        return -1;
    for (int i = 0; i < m_normalized.size(); ++i) {
        if (re.match(m_normalized.at(i)).hasMatch())
            return i;
    }
    return -1;
}

QList<int> CsvHeader::indexesOf(const QString& pattern) const
{
    QList<int> indexes;
    const QRegularExpression re = compileWholeName(pattern);
    if (!re.isValid())
        return indexes;
    for (int i = 0; i < m_normalized.size(); ++i) {
        if (re.match(m_normalized.at(i)).hasMatch())
            indexes.append(i);
    }
    return indexes;
}

int CsvHeader::yearIn(int index) const
{
    if (index < 0 || index >= m_normalized.size())
        return 0;
    // Only a standalone 19xx/20xx counts, so the group suffix of `IF Rank(2025)_1` or the 1 of `小类1分区`
    // can never be read as a year.
    static const QRegularExpression yearPattern(QStringLiteral("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)"));
    const QRegularExpressionMatch match = yearPattern.match(m_normalized.at(index));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString CsvHeader::originalName(int index) const
{
    return index >= 0 && index < m_original.size() ? m_original.at(index) : QString();
}

QString CsvHeader::normalizedName(int index) const
{
    return index >= 0 && index < m_normalized.size() ? m_normalized.at(index) : QString();
}

QString CsvHeader::normalize(const QString& name)
{
    // NFKC first: it turns full-width parentheses and the ideographic space into their ASCII forms, which
    // the white space removal below then handles like any other.
    const QString composed = name.normalized(QString::NormalizationForm_KC);
    QString result;
    result.reserve(composed.size());
    for (const QChar c : composed) {
        // A BOM glued to the first name is a format character, not white space, so it needs its own test.
        if (c.isSpace() || c.unicode() == 0xFEFF || c.unicode() == 0x200B)
            continue;
        result.append(c);
    }
    return result.toCaseFolded();
}

QString fieldAt(const QStringList& row, int index)
{
    if (index < 0 || index >= row.size())
        return QString();
    return row.at(index).trimmed();
}

} // namespace jcr
