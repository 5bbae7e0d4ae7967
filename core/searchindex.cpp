#include "searchindex.h"

#include "textnormalizer.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <iterator>
#include <numeric>

namespace jcr {

namespace {

quint64 trigramAt(const QChar* p)
{
    return (quint64(p[0].unicode()) << 32) | (quint64(p[1].unicode()) << 16) | quint64(p[2].unicode());
}

std::vector<quint64> trigramsOf(const QString& key)
{
    std::vector<quint64> trigrams;
    for (qsizetype i = 0; i + 3 <= key.size(); ++i)
        trigrams.push_back(trigramAt(key.constData() + i));
    std::sort(trigrams.begin(), trigrams.end());
    trigrams.erase(std::unique(trigrams.begin(), trigrams.end()), trigrams.end());
    return trigrams;
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), or max + 1 as soon as
/// it is certain to exceed `max`.
int boundedDistance(QStringView a, QStringView b, int max)
{
    const qsizetype n = a.size(), m = b.size();
    if (std::abs(int(n - m)) > max)
        return max + 1;
    thread_local std::vector<int> previous2, previous, current;
    previous2.assign(m + 1, 0);
    previous.resize(m + 1);
    current.resize(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        int rowMinimum = current[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, previous2[j - 2] + 1);
            current[j] = value;
            rowMinimum = std::min(rowMinimum, value);
        }
        if (rowMinimum > max)
            return max + 1;
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], max + 1);
}

/// How many typos a key of this length may hold and still count as a close spelling.
int allowedTypos(qsizetype keyLength)
{
    if (keyLength < 4)
        return 0;
    if (keyLength <= 7)
        return 1;
    return keyLength <= 15 ? 2 : 3;
}

double impactOf(const JournalSummary& journal)
{
    return journal.latestImpactFactor.value_or(-1.0);
}

/// Bit i set: a word of `display` starts at position i of its key (titleKey). Keys fold case per character, so
/// the positions line up except after a dropped leading "The" (shifted) or where NFKC changed a length (no bits).
quint64 wordStartsOf(const QString& display, const QString& key)
{
    QString letters;
    QList<int> starts;
    bool newWord = true;
    for (const QChar c : display) {
        if (c == QLatin1Char('&')) {
            starts.append(int(letters.size()));
            letters += QLatin1String("and");
            newWord = true;
        } else if (c.isLetterOrNumber()) {
            if (newWord)
                starts.append(int(letters.size()));
            letters += c.toCaseFolded();
            newWord = false;
        } else {
            newWord = true;
        }
    }
    if (letters.size() < key.size() || !letters.endsWith(key))
        return 0;
    const int shift = int(letters.size() - key.size());
    quint64 bits = 0;
    for (int start : std::as_const(starts)) {
        const int at = start - shift;
        if (at >= 0 && at < 64)
            bits |= quint64(1) << at;
    }
    return bits;
}

/// An acronym of 3 to 8 letters a–z in 5 bits a letter (a compact key: there are some 30,000), or 0.
quint64 packedAcronym(const QString& acronym)
{
    if (acronym.size() < 3 || acronym.size() > 8)
        return 0;
    quint64 packed = 0;
    for (const QChar c : acronym) {
        if (c < u'a' || c > u'z')
            return 0;
        packed = (packed << 5) | quint64(c.unicode() - u'a' + 1);
    }
    return packed;
}

bool startsWord(quint64 wordStarts, qsizetype position)
{
    return position < 64 && (wordStarts >> position) & 1;
}

} // namespace

MatchKind SearchIndex::kindOf(Source source)
{
    switch (source) {
    case Source::Title:
    case Source::Chinese:
    case Source::Spelling:
        return MatchKind::Exact;
    case Source::ShortName:
        return MatchKind::Alias;
    default:
        return MatchKind::Abbreviation;
    }
}

QString SearchIndex::abbreviationKindOf(Source source)
{
    switch (source) {
    case Source::Ccf:
        return QStringLiteral("ccf");
    case Source::Iso4:
        return QStringLiteral("iso4");
    case Source::Medline:
        return QStringLiteral("medline");
    case Source::OtherList:
        return QStringLiteral("other");
    default:
        return QString();
    }
}

int SearchIndex::classOf(Source source)
{
    const MatchKind kind = kindOf(source);
    return kind == MatchKind::Exact ? 0 : kind == MatchKind::Alias ? 1 : 2;
}

bool SearchIndex::isAbbreviationList(Source source)
{
    return source == Source::Iso4 || source == Source::Medline || source == Source::OtherList;
}

std::shared_ptr<const SearchIndex> SearchIndex::load(const QSqlDatabase& db, QString* error)
{
    auto index = std::make_shared<SearchIndex>();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto failed = [&] {
        if (error)
            *error = QStringLiteral("cannot read the journal names: %1").arg(query.lastError().text());
        return nullptr;
    };
    if (!query.exec(QStringLiteral(
            "SELECT id, title, title_zh, issn, eissn, venue_type, latest_jcr_year, latest_if, latest_quartile,"
            " latest_cas_year, latest_cas_partition, latest_cas_top, on_warning_list, ccf_rank FROM journal")))
        return failed();
    while (query.next()) {
        JournalSummary journal;
        journal.id = query.value(0).toLongLong();
        journal.title = query.value(1).toString();
        journal.titleZh = query.value(2).toString();
        journal.issn = query.value(3).toString();
        journal.eissn = query.value(4).toString();
        journal.venueType = query.value(5).toString();
        journal.latestJcrYear = query.value(6).toInt();
        if (!query.value(7).isNull())
            journal.latestImpactFactor = query.value(7).toDouble();
        journal.latestQuartile = query.value(8).toString();
        journal.latestCasYear = query.value(9).toInt();
        journal.latestCasPartition = query.value(10).toInt();
        journal.latestCasTop = query.value(11).toInt() != 0;
        journal.onWarningList = query.value(12).toInt() != 0;
        journal.ccfRank = query.value(13).toString();
        index->m_journalById.insert(journal.id, int(index->m_journals.size()));
        index->m_journals.append(journal);
    }
    if (!query.exec(QStringLiteral("SELECT journal_id, name, kind FROM journal_name")))
        return failed();
    static const QHash<QString, Source> nameSources{{QStringLiteral("title"), Source::Title},
                                                    {QStringLiteral("chinese"), Source::Chinese},
                                                    {QStringLiteral("alias"), Source::Spelling},
                                                    {QStringLiteral("abbreviation"), Source::Ccf}};
    while (query.next()) {
        const int journal = index->m_journalById.value(query.value(0).toLongLong(), -1);
        if (journal < 0)
            continue;
        const QString name = query.value(1).toString();
        const Source source = nameSources.value(query.value(2).toString(), Source::Spelling);
        index->addName(name, journal, source);
        if (source == Source::Title || source == Source::Spelling) {
            const QString shortName = TextNormalizer::shortNameOf(name);
            if (!shortName.isEmpty())
                index->addName(shortName, journal, Source::ShortName);
        }
    }
    // The JabRef lists; rows that no journal took (journal_id NULL) cannot answer a search.
    if (!query.exec(QStringLiteral("SELECT DISTINCT journal_id, abbreviation, kind, normalized FROM"
                                   " journal_abbreviations WHERE journal_id IS NOT NULL")))
        return failed();
    static const QHash<QString, Source> listSources{{QStringLiteral("iso4"), Source::Iso4},
                                                    {QStringLiteral("medline"), Source::Medline}};
    while (query.next()) {
        const int journal = index->m_journalById.value(query.value(0).toLongLong(), -1);
        if (journal < 0)
            continue;
        const QString abbreviation = query.value(1).toString();
        const QString normalized = query.value(3).toString();
        // The stored key is the title key unless a leading "the" or an "&" makes them differ; it saves the NFKC
        // pass of 25,000 rows.
        const bool sameAsTitleKey = !normalized.startsWith(QLatin1String("the")) && !abbreviation.contains(u'&');
        index->addName(abbreviation, journal, listSources.value(query.value(2).toString(), Source::OtherList),
                       sameAsTitleKey ? normalized : TextNormalizer::titleKey(abbreviation));
    }
    if (!query.exec(QStringLiteral("SELECT issn, journal_id FROM journal_issn")))
        return failed();
    while (query.next()) {
        const int journal = index->m_journalById.value(query.value(1).toLongLong(), -1);
        if (journal >= 0)
            index->m_journalsByIssn[query.value(0).toString()].append(journal);
    }
    index->build();
    // The scans above filled the connection's page cache with pages that lookups by id rarely need again.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA shrink_memory"));
#ifdef __GLIBC__
    // The load allocates and frees a string per row read (some 120,000); give the freed heap back to the system.
    malloc_trim(0);
#endif
    return index;
}

void SearchIndex::addName(const QString& display, int journal, Source source, const QString& knownKey)
{
    const QString key = knownKey.isNull() ? TextNormalizer::titleKey(display) : knownKey;
    if (!key.isEmpty())
        m_names.push_back({key, display, journal, source, 0});
}

void SearchIndex::build()
{
    // One entry per key and journal, the surest source kept: most abbreviations repeat a title's key ("Cell") or
    // another list's ("Nat. Commun." in several lists).
    std::sort(m_names.begin(), m_names.end(), [](const Name& a, const Name& b) {
        if (a.key != b.key)
            return a.key < b.key;
        return a.journal != b.journal ? a.journal < b.journal : a.source < b.source;
    });
    m_names.erase(std::unique(m_names.begin(), m_names.end(),
                              [](const Name& a, const Name& b) { return a.key == b.key && a.journal == b.journal; }),
                  m_names.end());
    m_names.shrink_to_fit();
    m_trigrams.reserve(int(m_names.size()));
    for (int i = 0; i < int(m_names.size()); ++i) {
        Name& name = m_names[i];
        name.wordStarts = wordStartsOf(name.display, name.key);
        // Acronyms of the title and of the abbreviations: "Commun. ACM" gives CACM where the title is upper case.
        if (name.source == Source::Title || isAbbreviationList(name.source)) {
            for (const QString& acronym : TextNormalizer::acronymsOf(name.display)) {
                const quint64 packed = packedAcronym(acronym);
                if (packed)
                    m_acronyms.push_back({packed, name.journal});
            }
        }
        // Abbreviations of the lists are matched whole or by their start, never inside or by close spelling: a
        // few letters inside "J. Am. Chem. Soc." or one typo away from it mean nothing.
        if (isAbbreviationList(name.source))
            continue;
        for (quint64 trigram : trigramsOf(name.key))
            m_trigrams[trigram].push_back(i);
    }
    std::sort(m_acronyms.begin(), m_acronyms.end());
    m_acronyms.erase(std::unique(m_acronyms.begin(), m_acronyms.end()), m_acronyms.end());
    m_acronyms.shrink_to_fit();
}

const JournalSummary* SearchIndex::summaryById(qint64 id) const
{
    const auto found = m_journalById.constFind(id);
    return found == m_journalById.cend() ? nullptr : &m_journals.at(*found);
}

namespace {

/// The title without a trailing "(place)" that PubMed and reference managers add to tell apart journals of the
/// same name ("Bioinformatics (Oxford, England)"); the text itself when it has none.
QString withoutPlaceQualifier(const QString& text)
{
    static const QRegularExpression qualifier(QStringLiteral(R"(\s*\([^()]*\)\s*$)"));
    QString title = text;
    return title.remove(qualifier);
}

} // namespace

SearchIndex::Page SearchIndex::search(const QString& text, int offset, int limit) const
{
    QList<Hit> hits;
    bool fuzzyIsClear = false;
    if (TextNormalizer::looksLikeIssn(text)) {
        const QString issn = TextNormalizer::normalizeIssn(text);
        for (int journal : m_journalsByIssn.value(issn))
            hits.append({journal, -1, MatchKind::Issn, 0, 0});
    }
    const QString key = TextNormalizer::titleKey(text);
    if (hits.isEmpty() && !key.isEmpty()) {
        addExact(key, hits);
        if (hits.isEmpty())
            addExact(TextNormalizer::titleKey(withoutPlaceQualifier(text)), hits);
        const bool titleFound = !hits.isEmpty() && hits.constFirst().kind == MatchKind::Exact;
        if (hits.isEmpty())
            addPublisherAbbreviation(text, hits);
        QList<Hit> prefixes;
        addPrefix(key, prefixes);
        // An acronym is a guess: never above a title, and typed in lower case only when nothing starts so.
        const bool typedAsAcronym = text == text.toUpper();
        if (!titleFound && (typedAsAcronym || (hits.isEmpty() && prefixes.isEmpty()))) {
            const int owner = acronymOwner(key, QString());
            if (owner >= 0)
                hits.append({owner, -1, MatchKind::Acronym, 0, 0});
        }
        const bool sureFound = !hits.isEmpty();
        hits.append(prefixes);
        addSubstring(key, hits);
        if (!sureFound)
            fuzzyIsClear = addFuzzy(key, hits);
    }

    // Keep each journal's best hit: stages were appended best first, each stage sorted.
    std::vector<char> seen(m_journals.size(), 0);
    QList<Hit> unique;
    for (const Hit& hit : std::as_const(hits)) {
        if (!seen[hit.journal]) {
            seen[hit.journal] = 1;
            unique.append(hit);
        }
    }
    Page page;
    page.total = int(unique.size());
    page.resolved = !unique.isEmpty() && (unique.constFirst().kind != MatchKind::Fuzzy || fuzzyIsClear);
    for (qsizetype i = offset; i < unique.size() && i < qsizetype(offset) + limit; ++i)
        page.matches.append(toMatch(unique.at(i), text));
    return page;
}

JournalMatch SearchIndex::toMatch(const Hit& hit, const QString& text) const
{
    JournalMatch match;
    match.journal = m_journals.at(hit.journal);
    match.kind = hit.kind;
    match.distance = hit.distance;
    match.ambiguous = hit.ambiguous;
    if (hit.name >= 0) {
        const Name& name = m_names[hit.name];
        match.matchedName = name.display;
        if (hit.kind == MatchKind::Abbreviation)
            match.abbreviationKind = abbreviationKindOf(name.source);
    } else if (hit.kind == MatchKind::Issn) {
        match.matchedName = TextNormalizer::formatIssn(TextNormalizer::normalizeIssn(text));
    } else {
        match.matchedName = text.simplified();
    }
    if (hit.afterPublisher) {
        match.publisher = text.simplified().section(QLatin1Char(' '), 0, 0);
        match.matchedName = text.simplified();
    }
    return match;
}

namespace {

template <typename Names> auto equalKeys(const Names& names, const QString& key)
{
    return std::equal_range(names.begin(), names.end(), key, [](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, QString>)
            return a < b.key;
        else
            return a.key < b;
    });
}

} // namespace

void SearchIndex::addExact(const QString& key, QList<Hit>& hits) const
{
    const auto range = equalKeys(m_names, key);
    QList<Hit> stage;
    for (auto it = range.first; it != range.second; ++it)
        stage.append({it->journal, int(it - m_names.begin()), kindOf(it->source), 0, 0});
    std::sort(stage.begin(), stage.end(), [this](const Hit& a, const Hit& b) {
        // A journal's own title before another journal's old spelling, titles before short names before
        // abbreviations; among journals sharing a short name or an abbreviation the more cited first.
        const Source sa = m_names[a.name].source, sb = m_names[b.name].source;
        if (classOf(sa) != classOf(sb))
            return classOf(sa) < classOf(sb);
        if (classOf(sa) == 0 && sa != sb)
            return sa < sb;
        const double ia = impactOf(m_journals.at(a.journal)), ib = impactOf(m_journals.at(b.journal));
        return ia != ib ? ia > ib : sa < sb;
    });
    // A short name or abbreviation of several journals stands for each of them: say so, never pick one silently.
    if (!stage.isEmpty() && stage.constFirst().kind != MatchKind::Exact) {
        QSet<int> journals;
        for (const Hit& hit : std::as_const(stage))
            journals.insert(hit.journal);
        if (journals.size() > 1) {
            for (Hit& hit : stage)
                hit.ambiguous = true;
        }
    }
    hits.append(stage);
}

void SearchIndex::addPublisherAbbreviation(const QString& text, QList<Hit>& hits) const
{
    // "IEEE TPAMI", "ACM TOCS": a publisher word, then an abbreviation, short name or acronym of one of its journals.
    const QString simplified = text.simplified();
    const qsizetype space = simplified.indexOf(QLatin1Char(' '));
    if (space < 0)
        return;
    const QString publisherKey = TextNormalizer::titleKey(simplified.left(space));
    const QString restKey = TextNormalizer::titleKey(simplified.mid(space + 1));
    if (publisherKey.size() < 2 || restKey.size() < 2)
        return;
    QList<Hit> stage;
    const auto range = equalKeys(m_names, restKey);
    for (auto it = range.first; it != range.second; ++it) {
        if (kindOf(it->source) != MatchKind::Exact && titleStartsWith(it->journal, publisherKey))
            stage.append({it->journal, int(it - m_names.begin()), MatchKind::Abbreviation, 0, 0, false, true});
    }
    if (stage.isEmpty()) {
        const int owner = acronymOwner(restKey, publisherKey);
        if (owner >= 0)
            stage.append({owner, -1, MatchKind::Acronym, 0, 0, false, true});
    }
    std::stable_sort(stage.begin(), stage.end(), [this](const Hit& a, const Hit& b) {
        return impactOf(m_journals.at(a.journal)) > impactOf(m_journals.at(b.journal));
    });
    QSet<int> journals;
    for (const Hit& hit : std::as_const(stage))
        journals.insert(hit.journal);
    for (Hit& hit : stage)
        hit.ambiguous = journals.size() > 1;
    hits.append(stage);
}

bool SearchIndex::titleStartsWith(int journal, const QString& key) const
{
    // Computed for the few candidates of a publisher query rather than kept for 24,000 journals.
    return TextNormalizer::titleKey(m_journals.at(journal).title).startsWith(key);
}

int SearchIndex::acronymOwner(const QString& key, const QString& publisherKey) const
{
    if (key.size() < 3 || key.size() > 8)
        return -1;
    for (const QChar c : key) {
        if (!c.isLetter())
            return -1;
    }
    QList<int> owners;
    const quint64 packed = packedAcronym(key);
    const auto range = std::equal_range(m_acronyms.begin(), m_acronyms.end(), std::pair<quint64, int>{packed, -1},
                                        [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = range.first; packed && it != range.second; ++it) {
        const int journal = it->second;
        if (publisherKey.isEmpty() || titleStartsWith(journal, publisherKey))
            owners.append(journal);
    }
    // "One well-known journal": the most cited of a few owners, with at least twice the impact factor of the next
    // (JACS: the Journal of the American Chemical Society, not the Journal of the American College of Surgeons).
    constexpr int MaxOwners = 12;
    if (owners.isEmpty() || owners.size() > MaxOwners)
        return -1;
    std::sort(owners.begin(), owners.end(),
              [this](int a, int b) { return impactOf(m_journals.at(a)) > impactOf(m_journals.at(b)); });
    const double best = impactOf(m_journals.at(owners.first()));
    const double next = owners.size() > 1 ? std::max(0.0, impactOf(m_journals.at(owners.at(1)))) : 0.0;
    return best > 0 && best >= 2 * next ? owners.first() : -1;
}

void SearchIndex::sortByQuality(QList<Hit>& stage, qsizetype keyLength) const
{
    // How well the text covers the name's words: whole words (0), the start of a word (1), inside a word (2); one
    // less for a list abbreviation.
    // Then importance, the newest impact factor, so that "Nature" lists Nature Reviews … before Nature Plants
    // because they are cited more, not because their names are shorter. The keys are read once per hit, not once
    // per comparison: a common word matches thousands of names.
    struct Keyed
    {
        int quality;
        double impact;
        Source source;
        qsizetype length;
        Hit hit;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(size_t(stage.size()));
    for (const Hit& hit : std::as_const(stage)) {
        const Name& name = m_names[hit.name];
        const bool startsAWord = hit.position == 0 || startsWord(name.wordStarts, hit.position);
        const qsizetype end = hit.position + keyLength;
        const bool endsAWord = end == name.key.size() || startsWord(name.wordStarts, end);
        // The start of a list abbreviation ("Cell." of "Cell. Mol. Immunol.") is weaker than that of a title.
        const int quality = (startsAWord ? (endsAWord ? 0 : 1) : 2) + (isAbbreviationList(name.source) ? 1 : 0);
        keyed.push_back({quality, impactOf(m_journals.at(hit.journal)), name.source, name.key.size(), hit});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        if (a.quality != b.quality)
            return a.quality < b.quality;
        if (a.impact != b.impact)
            return a.impact > b.impact;
        // One journal's names: its title rather than its abbreviation is the name shown.
        return a.source != b.source ? a.source < b.source : a.length < b.length;
    });
    for (qsizetype i = 0; i < stage.size(); ++i)
        stage[i] = keyed[size_t(i)].hit;
}

void SearchIndex::addPrefix(const QString& key, QList<Hit>& hits) const
{
    auto it = std::upper_bound(m_names.begin(), m_names.end(), key,
                               [](const QString& value, const Name& name) { return value < name.key; });
    QList<Hit> stage;
    for (; it != m_names.end() && it->key.startsWith(key); ++it)
        stage.append({it->journal, int(it - m_names.begin()), MatchKind::Prefix, 0, 0});
    sortByQuality(stage, key.size());
    hits.append(stage);
}

std::vector<int> SearchIndex::trigramCandidates(const QString& key) const
{
    // Intersect the posting lists of the key's trigrams, shortest list first.
    std::vector<const std::vector<int>*> lists;
    for (quint64 trigram : trigramsOf(key)) {
        const auto found = m_trigrams.constFind(trigram);
        if (found == m_trigrams.cend())
            return {};
        lists.push_back(&*found);
    }
    std::sort(lists.begin(), lists.end(), [](const auto* a, const auto* b) { return a->size() < b->size(); });
    std::vector<int> candidates = *lists.front();
    std::vector<int> narrowed;
    for (size_t l = 1; l < lists.size() && !candidates.empty(); ++l) {
        const std::vector<int>& other = *lists[l];
        // Posting lists are sorted: a merge walk costs |a| + |b|, a binary search per candidate |a| log |b|;
        // common trigrams ("jou", "nal") have lists of thousands, where the walk is several times faster.
        if (other.size() > 32 * candidates.size()) {
            candidates.erase(
                std::remove_if(candidates.begin(), candidates.end(),
                               [&other](int name) { return !std::binary_search(other.begin(), other.end(), name); }),
                candidates.end());
        } else {
            narrowed.clear();
            std::set_intersection(candidates.begin(), candidates.end(), other.begin(), other.end(),
                                  std::back_inserter(narrowed));
            candidates.swap(narrowed);
        }
    }
    return candidates;
}

void SearchIndex::addSubstring(const QString& key, QList<Hit>& hits) const
{
    // One or two letters inside names match thousands of journals and tell nothing.
    if (key.size() < 3)
        return;
    QList<Hit> stage;
    auto consider = [&](int name) {
        const qsizetype position = m_names[name].key.indexOf(key);
        if (position > 0) // position 0 is a prefix or exact match, found already
            stage.append({m_names[name].journal, name, MatchKind::Substring, 0, int(position)});
    };
    for (int name : trigramCandidates(key))
        consider(name);
    sortByQuality(stage, key.size());
    hits.append(stage);
}

bool SearchIndex::addFuzzy(const QString& key, QList<Hit>& hits) const
{
    const int typos = allowedTypos(key.size());
    if (typos == 0)
        return false;
    QList<Hit> stage;
    auto consider = [&](int name) {
        const int distance = boundedDistance(key, m_names[name].key, typos);
        if (distance > 0 && distance <= typos)
            stage.append({m_names[name].journal, name, MatchKind::Fuzzy, distance, 0});
    };
    const std::vector<quint64> trigrams = trigramsOf(key);
    // A substitution, insertion or deletion breaks at most three trigrams and a transposition four, so a
    // close spelling shares at least this many.
    const int needed = int(trigrams.size()) - 4 * typos;
    if (needed <= 0) {
        for (int name = 0; name < int(m_names.size()); ++name) {
            if (!isAbbreviationList(m_names[name].source) &&
                std::abs(int(m_names[name].key.size() - key.size())) <= typos)
                consider(name);
        }
    } else {
        thread_local std::vector<quint16> counts;
        counts.assign(m_names.size(), 0);
        std::vector<int> touched;
        for (quint64 trigram : trigrams) {
            const auto found = m_trigrams.constFind(trigram);
            if (found == m_trigrams.cend())
                continue;
            for (int name : *found) {
                if (counts[name]++ == 0)
                    touched.push_back(name);
            }
        }
        for (int name : touched) {
            if (counts[name] >= needed && std::abs(int(m_names[name].key.size() - key.size())) <= typos)
                consider(name);
        }
    }
    std::sort(stage.begin(), stage.end(), [this](const Hit& a, const Hit& b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        return impactOf(m_journals.at(a.journal)) > impactOf(m_journals.at(b.journal));
    });
    hits.append(stage);
    // Clear: one journal, or the next journal needs at least one more typo and twice as many.
    const int best = stage.isEmpty() ? 0 : stage.constFirst().distance;
    for (const Hit& hit : std::as_const(stage)) {
        if (hit.journal != stage.constFirst().journal)
            return hit.distance > best && hit.distance >= 2 * best;
    }
    return !stage.isEmpty();
}

QStringList SearchIndex::complete(const QString& prefix, int limit) const
{
    QStringList values;
    if (limit <= 0)
        return values;
    const QString key = TextNormalizer::titleKey(prefix);
    QList<Hit> hits;
    if (key.isEmpty()) {
        // Nothing typed yet: the most cited journals.
        QList<int> order(m_journals.size());
        std::iota(order.begin(), order.end(), 0);
        std::partial_sort(order.begin(), order.begin() + std::min<qsizetype>(limit, order.size()), order.end(),
                          [this](int a, int b) { return impactOf(m_journals.at(a)) > impactOf(m_journals.at(b)); });
        for (qsizetype i = 0; i < order.size() && values.size() < limit; ++i)
            values.append(m_journals.at(order.at(i)).title);
        return values;
    }
    addExact(key, hits);
    addPrefix(key, hits);
    addSubstring(key, hits);
    for (const Hit& hit : std::as_const(hits)) {
        const QString& name = m_names[hit.name].display;
        if (!values.contains(name))
            values.append(name);
        if (values.size() >= limit)
            break;
    }
    return values;
}

} // namespace jcr
