#include "searchindex.h"

#include "textnormalizer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
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

MatchKind kindOfName(const QString& kind)
{
    return kind == QLatin1String("abbreviation") ? MatchKind::Abbreviation : MatchKind::Exact;
}

int priorityOfName(const QString& kind)
{
    static const QStringList order{QStringLiteral("title"), QStringLiteral("chinese"), QStringLiteral("alias"),
                                   QStringLiteral("abbreviation")};
    const qsizetype position = order.indexOf(kind);
    return position < 0 ? int(order.size()) : int(position);
}

} // namespace

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
    if (!query.exec(QStringLiteral("SELECT journal_id, name, name_key, kind FROM journal_name")))
        return failed();
    while (query.next()) {
        const int journal = index->m_journalById.value(query.value(0).toLongLong(), -1);
        if (journal >= 0)
            index->m_names.push_back({query.value(2).toString(), query.value(1).toString(), journal,
                                      kindOfName(query.value(3).toString()),
                                      priorityOfName(query.value(3).toString())});
    }
    if (!query.exec(QStringLiteral("SELECT issn, journal_id FROM journal_issn")))
        return failed();
    while (query.next()) {
        const int journal = index->m_journalById.value(query.value(1).toLongLong(), -1);
        if (journal >= 0)
            index->m_journalsByIssn[query.value(0).toString()].append(journal);
    }
    index->build();
    return index;
}

void SearchIndex::build()
{
    std::sort(m_names.begin(), m_names.end(), [](const Name& a, const Name& b) { return a.key < b.key; });
    m_trigrams.reserve(int(m_names.size()));
    for (int i = 0; i < int(m_names.size()); ++i) {
        for (quint64 trigram : trigramsOf(m_names[i].key))
            m_trigrams[trigram].push_back(i);
    }
}

const JournalSummary* SearchIndex::summaryById(qint64 id) const
{
    const auto found = m_journalById.constFind(id);
    return found == m_journalById.cend() ? nullptr : &m_journals.at(*found);
}

SearchIndex::Page SearchIndex::search(const QString& text, int offset, int limit) const
{
    QList<Hit> hits;
    if (TextNormalizer::looksLikeIssn(text)) {
        const QString issn = TextNormalizer::normalizeIssn(text);
        for (int journal : m_journalsByIssn.value(issn))
            hits.append({journal, -1, MatchKind::Issn, 0, 0});
    }
    const QString key = TextNormalizer::titleKey(text);
    if (hits.isEmpty() && !key.isEmpty()) {
        addExact(key, hits);
        const bool exactFound = !hits.isEmpty();
        addPrefix(key, hits);
        addSubstring(key, hits);
        if (!exactFound)
            addFuzzy(key, hits);
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
    const QString issnText = TextNormalizer::formatIssn(TextNormalizer::normalizeIssn(text));
    for (qsizetype i = offset; i < unique.size() && i < qsizetype(offset) + limit; ++i) {
        const Hit& hit = unique.at(i);
        JournalMatch match;
        match.journal = m_journals.at(hit.journal);
        match.kind = hit.kind;
        match.matchedName = hit.name >= 0 ? m_names[hit.name].display : issnText;
        match.distance = hit.distance;
        page.matches.append(match);
    }
    return page;
}

void SearchIndex::addExact(const QString& key, QList<Hit>& hits) const
{
    const auto range = std::equal_range(m_names.begin(), m_names.end(), key, [](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, Name>)
            return a.key < b;
        else
            return a < b.key;
    });
    QList<Hit> stage;
    for (auto it = range.first; it != range.second; ++it)
        stage.append({it->journal, int(it - m_names.begin()), it->kind, 0, 0});
    std::sort(stage.begin(), stage.end(), [this](const Hit& a, const Hit& b) {
        // A journal's own title before another journal's old spelling, full names before abbreviations.
        if (m_names[a.name].priority != m_names[b.name].priority)
            return m_names[a.name].priority < m_names[b.name].priority;
        return impactOf(m_journals.at(a.journal)) > impactOf(m_journals.at(b.journal));
    });
    hits.append(stage);
}

void SearchIndex::sortShorterNameFirst(QList<Hit>& stage) const
{
    // A shorter name is a closer match to the same text; among equals the more cited journal first.
    // The keys are read once per hit, not once per comparison: a common word matches thousands of names.
    struct Keyed
    {
        qsizetype length;
        double impact;
        Hit hit;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(size_t(stage.size()));
    for (const Hit& hit : std::as_const(stage))
        keyed.push_back({m_names[hit.name].key.size(), impactOf(m_journals.at(hit.journal)), hit});
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        return a.length != b.length ? a.length < b.length : a.impact > b.impact;
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
    sortShorterNameFirst(stage);
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
    sortShorterNameFirst(stage);
    hits.append(stage);
}

void SearchIndex::addFuzzy(const QString& key, QList<Hit>& hits) const
{
    const int typos = allowedTypos(key.size());
    if (typos == 0)
        return;
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
            if (std::abs(int(m_names[name].key.size() - key.size())) <= typos)
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
