#include "journalrecords.h"

#include <QHash>
#include <QJsonArray>

namespace jcr {

namespace {

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalBool(const std::optional<bool>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue nonZero(int value)
{
    return value ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonValue nonEmpty(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

template <typename T> QJsonArray toJsonArray(const QList<T>& items)
{
    QJsonArray array;
    for (const T& item : items)
        array.append(item.toJson());
    return array;
}

QJsonArray intArray(const QList<int>& values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QJsonObject countsObject(const QMap<QString, qint64>& counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonValue timestamp(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject JcrCategory::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("edition"), nonEmpty(edition)},
            {QStringLiteral("quartile"), nonEmpty(quartile)},
            {QStringLiteral("rank"), nonZero(rank)},
            {QStringLiteral("rankTotal"), nonZero(rankTotal)}};
}

QJsonObject JcrFact::toJson() const
{
    return {{QStringLiteral("year"), year},
            {QStringLiteral("impactFactor"), optionalNumber(impactFactor)},
            {QStringLiteral("impactFactorText"), impactFactorText},
            {QStringLiteral("quartile"), nonEmpty(quartile)},
            {QStringLiteral("rank"), nonZero(rank)},
            {QStringLiteral("rankTotal"), nonZero(rankTotal)},
            {QStringLiteral("webOfScience"), nonEmpty(webOfScience)},
            {QStringLiteral("country"), nonEmpty(country)},
            {QStringLiteral("categories"), toJsonArray(categories)}};
}

QJsonObject CasCategory::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("partition"), nonZero(partition)},
            {QStringLiteral("rank"), nonZero(rank)},
            {QStringLiteral("rankTotal"), nonZero(rankTotal)}};
}

QJsonObject CasFact::toJson() const
{
    return {{QStringLiteral("year"), year},
            {QStringLiteral("majorCategory"), majorCategory},
            {QStringLiteral("partition"), nonZero(partition)},
            {QStringLiteral("rank"), nonZero(rank)},
            {QStringLiteral("rankTotal"), nonZero(rankTotal)},
            {QStringLiteral("top"), top},
            {QStringLiteral("review"), review},
            {QStringLiteral("openAccess"), optionalBool(openAccess)},
            {QStringLiteral("openAccessJournalIndex"), optionalBool(openAccessJournalIndex)},
            {QStringLiteral("webOfScience"), nonEmpty(webOfScience)},
            {QStringLiteral("note"), nonEmpty(note)},
            {QStringLiteral("minorCategories"), toJsonArray(minorCategories)}};
}

QJsonObject WarningFact::toJson() const
{
    return {{QStringLiteral("year"), year},
            {QStringLiteral("level"), nonEmpty(level)},
            {QStringLiteral("reason"), nonEmpty(reason)},
            {QStringLiteral("listedTitle"), listedTitle}};
}

QJsonObject CcfFact::toJson() const
{
    return {{QStringLiteral("edition"), edition},
            {QStringLiteral("list"), list},
            {QStringLiteral("rank"), rank},
            {QStringLiteral("venueType"), venueType},
            {QStringLiteral("abbreviation"), nonEmpty(abbreviation)},
            {QStringLiteral("field"), nonEmpty(field)},
            {QStringLiteral("publisher"), nonEmpty(publisher)},
            {QStringLiteral("url"), nonEmpty(url)},
            {QStringLiteral("mergedInto"), nonEmpty(mergedInto)},
            {QStringLiteral("listedTitle"), listedTitle}};
}

QJsonObject CcftFact::toJson() const
{
    return {{QStringLiteral("edition"), edition},           {QStringLiteral("tier"), tier},
            {QStringLiteral("titleZh"), nonEmpty(titleZh)}, {QStringLiteral("titleEn"), nonEmpty(titleEn)},
            {QStringLiteral("cn"), nonEmpty(cn)},           {QStringLiteral("language"), nonEmpty(language)},
            {QStringLiteral("sponsor"), nonEmpty(sponsor)}};
}

QJsonObject XrFact::toJson() const
{
    return {{QStringLiteral("edition"), edition},
            {QStringLiteral("abbreviation"), nonEmpty(abbreviation)},
            {QStringLiteral("partition"), nonEmpty(partition)},
            {QStringLiteral("top"), top},
            {QStringLiteral("url"), nonEmpty(url)}};
}

QJsonObject ExtraFact::toJson() const
{
    return {{QStringLiteral("source"), source}, {QStringLiteral("year"), year}, {QStringLiteral("fields"), fields}};
}

QJsonObject JournalSummary::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("title"), title},
            {QStringLiteral("titleZh"), nonEmpty(titleZh)},
            {QStringLiteral("issn"), nonEmpty(issn)},
            {QStringLiteral("eissn"), nonEmpty(eissn)},
            {QStringLiteral("venueType"), venueType},
            {QStringLiteral("latestJcrYear"), nonZero(latestJcrYear)},
            {QStringLiteral("latestImpactFactor"), optionalNumber(latestImpactFactor)},
            {QStringLiteral("latestQuartile"), nonEmpty(latestQuartile)},
            {QStringLiteral("latestCasYear"), nonZero(latestCasYear)},
            {QStringLiteral("latestCasPartition"), nonZero(latestCasPartition)},
            {QStringLiteral("latestCasTop"), latestCasTop},
            {QStringLiteral("onWarningList"), onWarningList},
            {QStringLiteral("ccfRank"), nonEmpty(ccfRank)}};
}

QJsonObject CitationAbbreviation::toJson() const
{
    return {{QStringLiteral("abbreviation"), abbreviation}, {QStringLiteral("kind"), kind}};
}

QString CitationAbbreviation::standard() const
{
    if (kind == QLatin1String("iso4"))
        return QStringLiteral("ISO 4");
    if (kind == QLatin1String("medline"))
        return QStringLiteral("MEDLINE");
    return QString();
}

QJsonObject JournalProfile::toJson() const
{
    QJsonObject object = summary.toJson();
    object.insert(QStringLiteral("otherTitles"), QJsonArray::fromStringList(otherTitles));
    object.insert(QStringLiteral("abbreviations"), QJsonArray::fromStringList(abbreviations));
    object.insert(QStringLiteral("citationAbbreviations"), toJsonArray(citationAbbreviations));
    object.insert(QStringLiteral("cn"), nonEmpty(cn));
    object.insert(QStringLiteral("jcr"), toJsonArray(jcr));
    object.insert(QStringLiteral("cas"), toJsonArray(cas));
    object.insert(QStringLiteral("warnings"), toJsonArray(warnings));
    object.insert(QStringLiteral("ccf"), toJsonArray(ccf));
    object.insert(QStringLiteral("ccft"), toJsonArray(ccft));
    object.insert(QStringLiteral("xr"), toJsonArray(xr));
    object.insert(QStringLiteral("extra"), toJsonArray(extra));
    return object;
}

QString matchKindName(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Exact:
        return QStringLiteral("exact");
    case MatchKind::Issn:
        return QStringLiteral("issn");
    case MatchKind::Alias:
        return QStringLiteral("alias");
    case MatchKind::Abbreviation:
        return QStringLiteral("abbreviation");
    case MatchKind::Acronym:
        return QStringLiteral("acronym");
    case MatchKind::Prefix:
        return QStringLiteral("prefix");
    case MatchKind::Substring:
        return QStringLiteral("substring");
    case MatchKind::Fuzzy:
        return QStringLiteral("fuzzy");
    }
    return QString();
}

QString JournalMatch::matchedBy() const
{
    static const QHash<QString, QString> abbreviationKinds{{QStringLiteral("iso4"), QStringLiteral("ISO 4")},
                                                           {QStringLiteral("medline"), QStringLiteral("MEDLINE")},
                                                           {QStringLiteral("ccf"), QStringLiteral("CCF")},
                                                           {QStringLiteral("other"), QStringLiteral("other list")}};
    QString words;
    switch (kind) {
    case MatchKind::Exact:
        words = QStringLiteral("exact title");
        break;
    case MatchKind::Issn:
        words = QStringLiteral("ISSN");
        break;
    case MatchKind::Alias:
        words = QStringLiteral("short name");
        break;
    case MatchKind::Abbreviation:
        words =
            abbreviationKind.isEmpty()
                ? QStringLiteral("abbreviation")
                : QStringLiteral("abbreviation (%1)").arg(abbreviationKinds.value(abbreviationKind, abbreviationKind));
        break;
    case MatchKind::Acronym:
        words = QStringLiteral("acronym");
        break;
    case MatchKind::Prefix:
        words = QStringLiteral("start of the name");
        break;
    case MatchKind::Substring:
        words = QStringLiteral("part of the name");
        break;
    case MatchKind::Fuzzy:
        words = QStringLiteral("close spelling");
        break;
    }
    if (!publisher.isEmpty())
        words = QStringLiteral("publisher %1 + %2").arg(publisher, words);
    if (ambiguous)
        words += QStringLiteral(", ambiguous");
    return words;
}

QString JournalMatch::matchNote() const
{
    // A close spelling names the title it stands for: that is what the reader must check.
    const QString name = kind == MatchKind::Fuzzy ? journal.title : matchedName;
    return name.isEmpty() ? QStringLiteral("matched by %1").arg(matchedBy())
                          : QStringLiteral("matched by %1: %2").arg(matchedBy(), name);
}

QJsonObject JournalMatch::toJson() const
{
    QJsonObject object = journal.toJson();
    object.insert(QStringLiteral("match"), matchKindName(kind));
    object.insert(QStringLiteral("matchedBy"), matchedBy());
    object.insert(QStringLiteral("matchedName"), matchedName);
    if (kind == MatchKind::Fuzzy)
        object.insert(QStringLiteral("distance"), distance);
    if (!abbreviationKind.isEmpty())
        object.insert(QStringLiteral("abbreviationKind"), abbreviationKind);
    if (!publisher.isEmpty())
        object.insert(QStringLiteral("publisher"), publisher);
    object.insert(QStringLiteral("ambiguous"), ambiguous);
    return object;
}

QJsonObject SearchResult::toJson() const
{
    return {{QStringLiteral("query"), query},
            {QStringLiteral("total"), total},
            {QStringLiteral("resolved"), resolved},
            {QStringLiteral("matches"), toJsonArray(matches)}};
}

QString directionName(Direction direction)
{
    switch (direction) {
    case Direction::Rising:
        return QStringLiteral("rising");
    case Direction::Falling:
        return QStringLiteral("falling");
    case Direction::Stable:
        return QStringLiteral("stable");
    case Direction::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject TrendPoint::toJson() const
{
    return {{QStringLiteral("year"), year},
            {QStringLiteral("impactFactor"), optionalNumber(impactFactor)},
            {QStringLiteral("impactFactorText"), nonEmpty(impactFactorText)},
            {QStringLiteral("quartile"), nonEmpty(quartile)},
            {QStringLiteral("casPartition"), nonZero(casPartition)},
            {QStringLiteral("casTop"), casTop},
            {QStringLiteral("casMajorCategory"), nonEmpty(casMajorCategory)}};
}

QJsonObject JournalTrend::toJson() const
{
    return {{QStringLiteral("journal"), journal.toJson()},
            {QStringLiteral("points"), toJsonArray(points)},
            {QStringLiteral("impactFactorDirection"), directionName(impactFactor)},
            {QStringLiteral("quartileDirection"), directionName(quartile)},
            {QStringLiteral("casPartitionDirection"), directionName(casPartition)}};
}

QJsonObject WarningEntry::toJson() const
{
    QJsonObject object = warning.toJson();
    object.insert(QStringLiteral("journal"), journal.toJson());
    return object;
}

QJsonObject FilterRow::toJson() const
{
    return {{QStringLiteral("journal"), journal.toJson()},
            {QStringLiteral("impactFactor"), optionalNumber(impactFactor)},
            {QStringLiteral("quartile"), nonEmpty(quartile)},
            {QStringLiteral("majorCategory"), nonEmpty(majorCategory)},
            {QStringLiteral("casPartition"), nonZero(casPartition)},
            {QStringLiteral("top"), top},
            {QStringLiteral("ccfRank"), nonEmpty(ccfRank)},
            {QStringLiteral("ccfField"), nonEmpty(ccfField)},
            {QStringLiteral("ccfAbbreviation"), nonEmpty(ccfAbbreviation)},
            {QStringLiteral("ccfTitle"), nonEmpty(ccfTitle)}};
}

QJsonObject FilterResult::toJson() const
{
    return {{QStringLiteral("total"), total},
            {QStringLiteral("jcrYear"), nonZero(jcrYear)},
            {QStringLiteral("casYear"), nonZero(casYear)},
            {QStringLiteral("ccfEdition"), nonZero(ccfEdition)},
            {QStringLiteral("ccfField"), nonEmpty(ccfField)},
            {QStringLiteral("rows"), toJsonArray(rows)}};
}

QJsonObject SourceFileInfo::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("year"), nonZero(year)},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("skippedRows"), skippedRows},
            {QStringLiteral("sha256"), sha256},
            {QStringLiteral("importedAt"), timestamp(importedAt)}};
}

QJsonObject DatabaseInfo::toJson() const
{
    return {{QStringLiteral("path"), path},
            {QStringLiteral("schemaVersion"), schemaVersion},
            {QStringLiteral("dataSource"), dataSource},
            {QStringLiteral("builtAt"), timestamp(builtAt)},
            {QStringLiteral("journals"), journals},
            {QStringLiteral("journalsWithAbbreviations"), journalsWithAbbreviations},
            {QStringLiteral("tableRows"), countsObject(tableRows)},
            {QStringLiteral("sources"), toJsonArray(sources)},
            {QStringLiteral("jcrYears"), intArray(jcrYears)},
            {QStringLiteral("casYears"), intArray(casYears)},
            {QStringLiteral("warningYears"), intArray(warningYears)},
            {QStringLiteral("ccfEditions"), intArray(ccfEditions)}};
}

QJsonObject HealthReport::toJson() const
{
    return {{QStringLiteral("status"), healthy ? QStringLiteral("ok") : QStringLiteral("unhealthy")},
            {QStringLiteral("healthy"), healthy},
            {QStringLiteral("databasePresent"), databasePresent},
            {QStringLiteral("readable"), readable},
            {QStringLiteral("path"), path},
            {QStringLiteral("message"), nonEmpty(message)},
            {QStringLiteral("builtAt"), timestamp(builtAt)},
            {QStringLiteral("dataAgeDays"), dataAgeDays >= 0 ? QJsonValue(dataAgeDays) : QJsonValue()},
            {QStringLiteral("newestDataYear"), nonZero(newestDataYear)},
            {QStringLiteral("tableRows"), countsObject(tableRows)}};
}

} // namespace jcr
