#include "journallinker.h"

#include "textnormalizer.h"

namespace jcr {

namespace {

bool isAllUpperCase(const QString& text)
{
    return text == text.toUpper() && text != text.toLower();
}

} // namespace

void JournalLinker::beginFile()
{
    m_claimedInFile.clear();
}

void JournalLinker::reserve(const QString& title, const QStringList& issns)
{
    const QString spelling = TextNormalizer::cleanTitle(title).toCaseFolded();
    for (const QString& issn : issns) {
        for (int journal : m_byIssn.value(issn)) {
            if (hasSpelling(journal, spelling) && !m_claimedInFile.contains(journal)) {
                m_claimedInFile.insert(journal, spelling);
                return;
            }
        }
    }
}

int JournalLinker::link(const QString& title, const QStringList& issns, Venue venue, const QString& abbreviation)
{
    const QString cleaned = TextNormalizer::cleanTitle(title);
    const QString key = TextNormalizer::titleKey(cleaned);
    if (key.isEmpty())
        return -1;
    const QString spelling = cleaned.toCaseFolded();

    int journal = byIssn(issns, spelling, venue);
    if (journal < 0)
        journal = byTitle(key, spelling, issns, venue);
    if (journal < 0 && !abbreviation.isEmpty())
        journal = byAbbreviation(abbreviation, spelling, venue);
    if (journal < 0) {
        Journal created;
        created.title = cleaned;
        created.key = key;
        created.venue = venue == Venue::Any ? Venue::Journal : venue;
        m_journals.append(created);
        journal = int(m_journals.size()) - 1;
        m_byKey[key].append(journal);
    }
    attach(journal, cleaned, key);
    m_claimedInFile.insert(journal, spelling);
    return journal;
}

int JournalLinker::preferSpelling(const QList<int>& candidates,
                                  const QString& spelling,
                                  const std::function<bool(int)>& eligible) const
{
    int fallback = -1;
    for (int journal : candidates) {
        if (!eligible(journal))
            continue;
        // Of several journals that fit, the one already known under this very spelling wins.
        if (hasSpelling(journal, spelling))
            return journal;
        if (fallback < 0)
            fallback = journal;
    }
    return fallback;
}

int JournalLinker::byIssn(const QStringList& issns, const QString& spelling, Venue venue) const
{
    QList<int> candidates;
    for (const QString& issn : issns)
        candidates += m_byIssn.value(issn);
    return preferSpelling(candidates, spelling, [&](int journal) {
        return venueMatches(journal, venue) && freeInThisFile(journal, spelling);
    });
}

int JournalLinker::byTitle(const QString& key, const QString& spelling, const QStringList& issns, Venue venue) const
{
    return preferSpelling(m_byKey.value(key), spelling, [&](int journal) {
        return venueMatches(journal, venue) && freeInThisFile(journal, spelling) && issnsCompatible(journal, issns);
    });
}

int JournalLinker::byAbbreviation(const QString& abbreviation, const QString& spelling, Venue venue) const
{
    int found = -1;
    for (int journal : m_byAbbreviation.value(TextNormalizer::titleKey(abbreviation))) {
        if (venue == Venue::Any || !venueMatches(journal, venue) || !freeInThisFile(journal, spelling))
            continue;
        if (found >= 0 && found != journal)
            return -1; // ambiguous: better two entries than a wrong merge
        found = journal;
    }
    return found;
}

void JournalLinker::attach(int journal, const QString& title, const QString& key)
{
    Journal& entry = m_journals[journal];
    if (!hasSpelling(journal, title.toCaseFolded()))
        entry.spellings.append(title);
    if (isAllUpperCase(entry.title) && !isAllUpperCase(title) && key == entry.key)
        entry.title = title;
    QList<int>& withKey = m_byKey[key];
    if (!withKey.contains(journal))
        withKey.append(journal);
}

bool JournalLinker::venueMatches(int journal, Venue venue) const
{
    return venue == Venue::Any || m_journals.at(journal).venue == venue;
}

bool JournalLinker::freeInThisFile(int journal, const QString& spelling) const
{
    const auto claimed = m_claimedInFile.constFind(journal);
    return claimed == m_claimedInFile.cend() || *claimed == spelling;
}

bool JournalLinker::issnsCompatible(int journal, const QStringList& issns) const
{
    const Journal& entry = m_journals.at(journal);
    if (issns.isEmpty() || entry.issns.isEmpty())
        return true;
    for (const auto& known : entry.issns) {
        if (issns.contains(known.first))
            return true;
    }
    return false;
}

bool JournalLinker::hasSpelling(int journal, const QString& spelling) const
{
    for (const QString& known : m_journals.at(journal).spellings) {
        if (known.toCaseFolded() == spelling)
            return true;
    }
    return false;
}

void JournalLinker::addIssn(int journal, const QString& issn, IssnKind kind)
{
    if (journal < 0 || issn.isEmpty())
        return;
    Journal& entry = m_journals[journal];
    QList<int>& owners = m_byIssn[issn];
    if (!owners.contains(journal))
        owners.append(journal);
    bool known = false;
    for (auto& existing : entry.issns) {
        if (existing.first == issn) {
            known = true;
            if (existing.second == IssnKind::Unknown)
                existing.second = kind;
        }
    }
    if (!known)
        entry.issns.append({issn, kind});
    if (kind == IssnKind::Print && entry.issn.isEmpty())
        entry.issn = issn;
    else if (kind == IssnKind::Electronic && entry.eissn.isEmpty())
        entry.eissn = issn;
}

void JournalLinker::addAbbreviation(int journal, const QString& abbreviation)
{
    const QString cleaned = TextNormalizer::cleanTitle(abbreviation);
    if (journal < 0 || cleaned.isEmpty() || m_journals[journal].abbreviations.contains(cleaned))
        return;
    m_journals[journal].abbreviations.append(cleaned);
    QList<int>& withAbbreviation = m_byAbbreviation[TextNormalizer::titleKey(cleaned)];
    if (!withAbbreviation.contains(journal))
        withAbbreviation.append(journal);
}

void JournalLinker::addChineseTitle(int journal, const QString& title)
{
    const QString cleaned = TextNormalizer::cleanTitle(title);
    if (journal >= 0 && !cleaned.isEmpty() && !m_journals[journal].chineseTitles.contains(cleaned))
        m_journals[journal].chineseTitles.append(cleaned);
}

void JournalLinker::setCn(int journal, const QString& cn)
{
    if (journal >= 0 && !cn.trimmed().isEmpty() && m_journals[journal].cn.isEmpty())
        m_journals[journal].cn = cn.trimmed();
}

} // namespace jcr
