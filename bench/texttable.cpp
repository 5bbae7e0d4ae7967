#include "texttable.h"

#include <algorithm>

namespace jcr::bench {

namespace {

bool looksNumeric(const QString& text)
{
    return !text.isEmpty() && (text.at(0).isDigit() || text.at(0) == u'-' || text.at(0) == u'<');
}

} // namespace

TextTable::TextTable(QStringList header) : m_header(std::move(header))
{
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_header.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

QString TextTable::toString() const
{
    QList<qsizetype> widths;
    for (const QString& title : m_header)
        widths.append(title.size());
    for (const QStringList& row : m_rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    auto line = [&](const QStringList& cells, bool header) {
        QString text;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString value = c < cells.size() ? cells.at(c) : QString();
            const bool right = !header && c > 0 && looksNumeric(value);
            text += (right ? value.rightJustified(widths[c]) : value.leftJustified(widths[c]));
            text += c + 1 < widths.size() ? QStringLiteral("  ") : QString();
        }
        while (text.endsWith(u' '))
            text.chop(1);
        return text + u'\n';
    };
    QString out = line(m_header, true);
    QString rule;
    for (qsizetype c = 0; c < widths.size(); ++c)
        rule += QString(widths[c], u'-') + (c + 1 < widths.size() ? QStringLiteral("  ") : QString());
    out += rule + u'\n';
    for (const QStringList& row : m_rows)
        out += line(row, false);
    return out;
}

} // namespace jcr::bench
