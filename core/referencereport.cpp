#include "referencereport.h"

#include <QJsonArray>

namespace jcr {

namespace {

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue orNull(int number)
{
    return number == 0 ? QJsonValue() : QJsonValue(number);
}

QJsonObject countsJson(const QMap<QString, int>& counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject journalJson(const JournalSummary& journal)
{
    return {{QStringLiteral("id"), journal.id},
            {QStringLiteral("title"), journal.title},
            {QStringLiteral("issn"), orNull(journal.issn)},
            {QStringLiteral("eissn"), orNull(journal.eissn)},
            {QStringLiteral("venueType"), journal.venueType}};
}

QJsonObject namedJson(const CheckedReference& reference)
{
    QJsonObject object{{QStringLiteral("key"), reference.entry.key},
                       {QStringLiteral("venueAsWritten"), reference.entry.venue},
                       {QStringLiteral("status"), reference.status}};
    if (reference.journal)
        object.insert(QStringLiteral("title"), reference.journal->title);
    return object;
}

} // namespace

QJsonObject CheckedReference::toJson() const
{
    QJsonArray warningArray;
    for (const WarningFact& warning : warnings)
        warningArray.append(warning.toJson());
    QJsonObject facts{{QStringLiteral("jcrYear"), orNull(jcrYear)},
                      {QStringLiteral("impactFactor"), impactFactor ? QJsonValue(*impactFactor) : QJsonValue()},
                      {QStringLiteral("impactFactorText"), orNull(impactFactorText)},
                      {QStringLiteral("quartile"), orNull(quartile)},
                      {QStringLiteral("casYear"), orNull(casYear)},
                      {QStringLiteral("casMajorCategory"), orNull(casMajorCategory)},
                      {QStringLiteral("casPartition"), orNull(casPartition)},
                      {QStringLiteral("casTop"), casTop},
                      {QStringLiteral("ccfRank"), orNull(ccfRank)},
                      {QStringLiteral("ccfEdition"), orNull(ccfEdition)},
                      {QStringLiteral("ccfVenueType"), orNull(ccfVenueType)},
                      {QStringLiteral("warnings"), warningArray}};
    return {{QStringLiteral("key"), entry.key},
            {QStringLiteral("line"), orNull(entry.line)},
            {QStringLiteral("type"), entry.type},
            {QStringLiteral("venueAsWritten"), entry.venue},
            {QStringLiteral("status"), status},
            {QStringLiteral("detail"), orNull(detail)},
            {QStringLiteral("matchedBy"), orNull(matchedBy)},
            {QStringLiteral("matchedName"), orNull(matchedName)},
            {QStringLiteral("journal"), journal ? QJsonValue(journalJson(*journal)) : QJsonValue()},
            {QStringLiteral("candidates"), QJsonArray::fromStringList(candidates)},
            {QStringLiteral("facts"), resolved() ? QJsonValue(facts) : QJsonValue()}};
}

QJsonObject ReferenceReport::summaryJson() const
{
    QJsonArray hits;
    for (int index : summary.warningHits) {
        const CheckedReference& hit = entries.at(index);
        QJsonObject object = namedJson(hit);
        QJsonArray years;
        for (const WarningFact& warning : hit.warnings)
            years.append(warning.year);
        object.insert(QStringLiteral("warningYears"), years);
        hits.append(object);
    }
    QJsonArray open;
    for (int index : summary.unresolved)
        open.append(namedJson(entries.at(index)));
    const ReferenceSummary& s = summary;
    return {{QStringLiteral("entries"), s.entries},
            {QStringLiteral("byStatus"), countsJson(s.byStatus)},
            {QStringLiteral("jcrQuartiles"), countsJson(s.jcrQuartiles)},
            {QStringLiteral("casZones"), countsJson(s.casZones)},
            {QStringLiteral("casTop"), s.casTop},
            {QStringLiteral("ccfClasses"), countsJson(s.ccfClasses)},
            {QStringLiteral("warningHits"), hits},
            {QStringLiteral("unresolved"), open}};
}

void ReferenceReport::summarise()
{
    summary = ReferenceSummary();
    summary.entries = int(entries.size());
    for (int i = 0; i < entries.size(); ++i) {
        const CheckedReference& reference = entries.at(i);
        ++summary.byStatus[reference.status];
        if (reference.resolved()) {
            // Conferences have no JCR or CAS data: count them under CCF only.
            if (reference.journal->venueType != QLatin1String("conference")) {
                ++summary.jcrQuartiles[reference.quartile.isEmpty() ? QStringLiteral("none") : reference.quartile];
                ++summary.casZones[reference.casPartition ? QString::number(reference.casPartition)
                                                          : QStringLiteral("none")];
                summary.casTop += reference.casTop ? 1 : 0;
            }
            if (!reference.ccfRank.isEmpty())
                ++summary.ccfClasses[reference.ccfRank];
            if (!reference.warnings.isEmpty())
                summary.warningHits << i;
        } else if (reference.status != QLatin1String("preprint") && reference.status != QLatin1String("no_venue")) {
            summary.unresolved << i;
        }
    }
}

QJsonObject ReferenceReport::toJson() const
{
    QJsonArray array;
    for (const CheckedReference& reference : entries)
        array.append(reference.toJson());
    return {{QStringLiteral("format"), format},
            {QStringLiteral("year"), year},
            {QStringLiteral("summary"), summaryJson()},
            {QStringLiteral("entries"), array}};
}

} // namespace jcr
