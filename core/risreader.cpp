#include "risreader.h"

#include <QStringList>

namespace jcr {

namespace {

/// Venue tags, most specific first.
const char* const VenueTags[] = {"JF", "T2", "JO", "JA", "J2"};

int venueRank(QStringView tag)
{
    for (int i = 0; i < 5; ++i) {
        if (tag == QLatin1String(VenueTags[i]))
            return i;
    }
    return -1;
}

bool bookLike(const QString& type)
{
    // Their T2 is the book's or the series' title, not a periodical.
    static const QStringList types{QStringLiteral("CHAP"), QStringLiteral("BOOK"), QStringLiteral("EBOOK"),
                                   QStringLiteral("ECHAP"), QStringLiteral("EDBOOK")};
    return types.contains(type);
}

} // namespace

bool RisReader::isTagLine(QStringView line)
{
    // "TY  - JOUR": two characters (letter, letter or digit), two spaces, a hyphen. Some exporters drop the
    // space after the hyphen on empty values ("ER  -").
    return line.size() >= 5 && line.at(0).isUpper() && line.at(0).unicode() < 128 &&
           (line.at(1).isUpper() || line.at(1).isDigit()) && line.at(1).unicode() < 128 &&
           line.mid(2, 3) == QLatin1String("  -");
}

void RisReader::finish(ReferenceEntry& entry, const QStringList& venues)
{
    for (const QString& venue : venues) {
        if (!venue.isEmpty()) {
            entry.venue = venue;
            return;
        }
    }
}

QList<ReferenceEntry> RisReader::read(const QString& text, int maxEntries)
{
    QList<ReferenceEntry> entries;
    ReferenceEntry entry;
    QStringList venues(5);
    bool open = false;
    int lineNumber = 0;
    auto close = [&] {
        if (!open)
            return;
        finish(entry, venues);
        entries << entry;
        entry = ReferenceEntry();
        venues = QStringList(5);
        open = false;
    };
    for (QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        ++lineNumber;
        if (entries.size() > maxEntries)
            break;
        line = line.trimmed() == QLatin1String("ER  -") ? line.trimmed() : line;
        if (!isTagLine(line))
            continue; // continuation lines and blank lines carry nothing we need
        const QStringView tag = line.left(2);
        const QString value = line.mid(5).trimmed().toString();
        if (tag == QLatin1String("TY")) {
            close();
            open = true;
            entry.format = QStringLiteral("ris");
            entry.type = value.toUpper();
            entry.line = lineNumber;
            entry.key = QStringLiteral("line %1").arg(lineNumber);
        } else if (!open) {
            continue;
        } else if (tag == QLatin1String("ER")) {
            close();
        } else if (tag == QLatin1String("ID")) {
            entry.key = value;
        } else if (tag == QLatin1String("SN")) {
            entry.issn = entry.issn.isEmpty() ? value : entry.issn;
        } else if (tag == QLatin1String("UR") || tag == QLatin1String("DO")) {
            entry.url = entry.url.isEmpty() ? value : entry.url;
        } else if (tag == QLatin1String("PB") || tag == QLatin1String("DB")) {
            entry.eprint += (entry.eprint.isEmpty() ? QString() : QStringLiteral(" ")) + value;
        } else {
            const int rank = venueRank(tag);
            if (rank >= 0 && venues[rank].isEmpty() && !(tag == QLatin1String("T2") && bookLike(entry.type)))
                venues[rank] = value;
        }
    }
    close();
    return entries;
}

} // namespace jcr
