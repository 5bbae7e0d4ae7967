#include "plainlistreader.h"

#include <QRegularExpression>

namespace jcr {

QList<ReferenceEntry> PlainListReader::read(const QString& text, int maxEntries)
{
    // "3 Biotech" is a journal: only numbers followed by '.', ')' or in brackets are list numbers.
    static const QRegularExpression listNumber(QStringLiteral("^(\\[\\d{1,5}\\]|\\d{1,5}[.)])\\s+"));
    QList<ReferenceEntry> entries;
    int lineNumber = 0;
    for (QStringView raw : QStringView(text).split(QLatin1Char('\n'))) {
        ++lineNumber;
        if (entries.size() > maxEntries)
            break;
        const QStringView line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('%')))
            continue;
        ReferenceEntry entry;
        entry.format = QStringLiteral("plain");
        entry.type = QStringLiteral("line");
        entry.key = QStringLiteral("line %1").arg(lineNumber);
        entry.line = lineNumber;
        if (line.size() > MaxLineLength) {
            entry.venue = line.left(60).toString() + QStringLiteral("…");
            entry.problem =
                QStringLiteral("the line is longer than %1 characters; not a journal name").arg(MaxLineLength);
        } else {
            entry.venue = line.toString().remove(listNumber).simplified();
        }
        entries << entry;
    }
    return entries;
}

} // namespace jcr
