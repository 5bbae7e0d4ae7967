#include "abbreviationreader.h"

#include "csvreader.h"
#include "textnormalizer.h"

#include <QSet>

namespace jcr {

AbbreviationReader::Result AbbreviationReader::read(const QString& fileName, const QByteArray& content)
{
    Result result;
    const AbbreviationRow::Kind kind = kindOf(fileName);
    CsvReader reader(content);
    QSet<QPair<QString, QString>> seen;
    QStringList fields;
    while (reader.readRow(&fields)) {
        if (fields.size() < 2) {
            ++result.skippedRows;
            continue;
        }
        AbbreviationRow row;
        row.fullName = TextNormalizer::cleanTitle(fields.at(0));
        row.abbreviation = TextNormalizer::cleanTitle(fields.at(1));
        if (row.fullName.isEmpty() || row.abbreviation.isEmpty()) {
            ++result.skippedRows;
            continue;
        }
        if (fields.size() > 2)
            row.shortestUnique = TextNormalizer::cleanTitle(fields.at(2));
        row.file = fileName;
        row.kind = kind;
        const QPair<QString, QString> pair{row.fullName, row.abbreviation};
        if (seen.contains(pair)) {
            ++result.duplicates;
            continue;
        }
        seen.insert(pair);
        result.rows.append(row);
    }
    return result;
}

AbbreviationRow::Kind AbbreviationReader::kindOf(const QString& fileName)
{
    const QString name = fileName.toLower();
    if (name.contains(QLatin1String("entrez")) || name.contains(QLatin1String("medicus")))
        return AbbreviationRow::Kind::Medline;
    // Not ISO 4 either: the astronomy list gives the AAS/ADS short forms ("ApJ", "MNRAS", "Nat"), the
    // ieee_strings list the names of the IEEEabrv.bib string macros ("#IEEE_O_ACC#").
    if (name.contains(QLatin1String("annee-philologique")) || name.contains(QLatin1String("dainst")) ||
        name.contains(QLatin1String("astronomy")) || name.contains(QLatin1String("ieee_strings")))
        return AbbreviationRow::Kind::Other;
    return AbbreviationRow::Kind::Iso4;
}

QString AbbreviationReader::kindName(AbbreviationRow::Kind kind)
{
    switch (kind) {
    case AbbreviationRow::Kind::Iso4:
        return QStringLiteral("iso4");
    case AbbreviationRow::Kind::Medline:
        return QStringLiteral("medline");
    case AbbreviationRow::Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace jcr
