#include "referencechecker.h"

#include "referencelistparser.h"

#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace jcr {

namespace {

/// Conference names that reference lists write in a form no data source lists, mapped to the CCF acronym.
/// Kept tiny on purpose: only proceedings series whose title does not contain the conference's name.
QString knownProceedingsSeries(const QString& venue)
{
    static const QList<QPair<QRegularExpression, QString>> series{
        {QRegularExpression(QStringLiteral("^advances in neural information processing systems\\b"),
                            QRegularExpression::CaseInsensitiveOption),
         QStringLiteral("NeurIPS")},
    };
    for (const auto& [pattern, acronym] : series) {
        if (pattern.match(venue).hasMatch())
            return acronym;
    }
    return {};
}

} // namespace

ReferenceChecker::ReferenceChecker(const JournalRepository& repository) : m_repository(repository)
{
}

ReferenceReport ReferenceChecker::check(const QString& text, int year)
{
    return checkParsed(ReferenceListParser::parse(text), year);
}

ReferenceReport ReferenceChecker::check(const QByteArray& utf8, int year)
{
    return checkParsed(ReferenceListParser::parse(utf8), year);
}

ReferenceReport ReferenceChecker::checkParsed(const ReferenceListParser::Result& parsed, int year)
{
    if (!parsed.ok()) {
        ReferenceReport report;
        report.year = year;
        report.error = parsed.error;
        return report;
    }
    return check(parsed.entries, parsed.format, year);
}

ReferenceReport ReferenceChecker::check(const QList<ReferenceEntry>& entries, const QString& format, int year)
{
    ReferenceReport report;
    report.format = format;
    report.year = year;
    report.entries.reserve(entries.size());
    for (const ReferenceEntry& entry : entries) {
        QString error;
        report.entries << checkEntry(entry, year, &error);
        if (!error.isEmpty()) {
            // A database failure is not a fact about this entry: refuse the whole answer.
            report.entries.clear();
            report.error = error;
            return report;
        }
        const int checked = int(report.entries.size());
        if (m_progress && !m_progress(checked, int(entries.size()))) {
            report.entries.clear();
            report.stopped = true;
            report.error =
                QStringLiteral("the check was stopped after %1 of %2 entries").arg(checked).arg(entries.size());
            return report;
        }
    }
    report.summarise();
    return report;
}

CheckedReference ReferenceChecker::checkEntry(const ReferenceEntry& entry, int year, QString* error)
{
    CheckedReference reference;
    reference.entry = entry;
    const ReferenceClassifier::Verdict verdict = ReferenceClassifier::classify(entry);
    if (verdict.kind != ReferenceClassifier::Kind::Venue) {
        reference.status = ReferenceClassifier::kindName(verdict.kind);
        reference.detail = verdict.detail;
        return reference;
    }
    if (entry.venue.size() > JournalRepository::MaxQueryLength) {
        reference.status = QStringLiteral("invalid");
        reference.detail =
            QStringLiteral("the venue is longer than %1 characters").arg(JournalRepository::MaxQueryLength);
        return reference;
    }
    const Resolution resolution = resolveVenue(entry);
    if (!resolution.error.isEmpty()) {
        *error = resolution.error;
        return reference;
    }
    reference.candidates = resolution.candidates;
    if (resolution.ambiguous) {
        reference.status = QStringLiteral("ambiguous");
        reference.detail = QStringLiteral("%1 journals have this name").arg(resolution.candidates.size());
        return reference;
    }
    if (!resolution.match) {
        reference.status = QStringLiteral("unresolved");
        return reference;
    }
    reference.status = QStringLiteral("resolved");
    reference.matchedBy = resolution.matchedBy;
    reference.matchedName = resolution.match->matchedName;
    reference.journal = resolution.match->journal;
    addFacts(reference, year, error);
    return reference;
}

bool ReferenceChecker::isGuess(MatchKind kind)
{
    // Anything else the search gives (exact, ISSN, abbreviation, and sure kinds it may add) is taken.
    return kind == MatchKind::Prefix || kind == MatchKind::Substring || kind == MatchKind::Fuzzy;
}

ReferenceChecker::Resolution ReferenceChecker::resolveName(const QString& name)
{
    const QString cacheKey = name.simplified().toCaseFolded();
    const auto cached = m_resolved.constFind(cacheKey);
    if (cached != m_resolved.cend())
        return *cached;
    Resolution resolution;
    SearchOptions options;
    options.limit = 5;
    const SearchResult result = m_repository.search(name, options);
    if (!result.ok()) {
        resolution.error = result.error;
        return resolution;
    }
    const QList<JournalMatch>& matches = result.matches;
    if (!matches.isEmpty()) {
        const JournalMatch& best = matches.constFirst();
        if (!isGuess(best.kind)) {
            // The same name, matched the same way, for another journal: say so rather than pick one.
            QStringList same{best.journal.title};
            for (int i = 1; i < matches.size(); ++i) {
                const JournalMatch& other = matches.at(i);
                if (other.kind == best.kind && other.journal.id != best.journal.id &&
                    other.matchedName.compare(best.matchedName, Qt::CaseInsensitive) == 0)
                    same << other.journal.title;
            }
            if (same.size() > 1) {
                resolution.ambiguous = true;
                resolution.candidates = same;
            } else {
                resolution.match = best;
                resolution.matchedBy = matchKindName(best.kind);
            }
        } else if (best.kind == MatchKind::Fuzzy && best.distance <= MaxFuzzyDistance && name.size() >= 12 &&
                   (matches.size() == 1 || matches.at(1).kind != MatchKind::Fuzzy ||
                    matches.at(1).distance > best.distance)) {
            // One close spelling clearly better than the next: a typo in a long title.
            resolution.match = best;
            resolution.matchedBy = QStringLiteral("close spelling");
        } else {
            for (int i = 0; i < matches.size() && i < 3; ++i)
                resolution.candidates << matches.at(i).journal.title;
        }
    }
    m_resolved.insert(cacheKey, resolution);
    return resolution;
}

bool ReferenceChecker::looksLikeProceedings(const ReferenceEntry& entry)
{
    static const QStringList types{QStringLiteral("inproceedings"), QStringLiteral("conference"),
                                   QStringLiteral("conf"), QStringLiteral("cpaper"),
                                   QStringLiteral("paper-conference")};
    static const QRegularExpression words(QStringLiteral("\\b(proc\\.?|proceedings|conference|symposium|workshop|"
                                                         "congress|meeting)\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    return types.contains(entry.type.toLower()) || words.match(entry.venue).hasMatch();
}

QStringList ReferenceChecker::conferenceNames(const QString& venue)
{
    // "Proceedings of the 40th Annual International Conference on X (ICX 2023), Vol. 2" → "International
    // Conference on X" and "Annual International Conference on X".
    static const QRegularExpression prefix(QStringLiteral("^(in\\s+)?(proc\\.?|proceedings)(\\s+of)?(\\s+the)?\\s+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ordinal(
        QStringLiteral("^((19|20)\\d\\d\\s+)?(\\d+(st|nd|rd|th)|first|second|third|[a-z]+-?(first|second|third|"
                       "fourth|fifth|sixth|seventh|eighth|ninth|tenth)|[a-z]*(tenth|eleventh|twelfth|[a-z]+teenth|"
                       "[a-z]+ieth))\\s+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tail(QStringLiteral("\\s*(\\(.*\\)|,.*|\\b(19|20)\\d\\d\\b.*|:.*)$"));
    static const QRegularExpression annual(QStringLiteral("^annual\\s+"), QRegularExpression::CaseInsensitiveOption);
    QString name = venue;
    name.remove(prefix);
    name.remove(ordinal);
    name.remove(tail);
    name = name.simplified();
    QStringList names;
    if (!name.isEmpty() && name != venue)
        names << name;
    QString withoutAnnual = name;
    withoutAnnual.remove(annual);
    if (!withoutAnnual.isEmpty() && withoutAnnual != name)
        names << withoutAnnual;
    return names;
}

QStringList ReferenceChecker::acronyms(const QString& venue)
{
    // "(CVPR)", "CVPR 2023", "NeurIPS'22", "Proc. ACM SIGMOD": words of two or more capitals.
    static const QRegularExpression parenthesised(
        QStringLiteral("\\(([A-Za-z][A-Za-z0-9&-]{1,15})(?:\\s*'?\\d{2,4})?\\)"));
    static const QRegularExpression capitals(QStringLiteral("\\b([A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*)\\b"));
    QStringList found;
    for (auto it = parenthesised.globalMatch(venue); it.hasNext();)
        found << it.next().captured(1);
    for (auto it = capitals.globalMatch(venue); it.hasNext();) {
        const QString word = it.next().captured(1);
        if (!found.contains(word))
            found << word;
    }
    return found;
}

ReferenceChecker::Resolution ReferenceChecker::resolveConference(const QString& venue)
{
    for (const QString& name : conferenceNames(venue)) {
        Resolution resolution = resolveName(name);
        if (!resolution.error.isEmpty() || resolution.match || resolution.ambiguous) {
            if (resolution.match)
                resolution.matchedBy = QStringLiteral("proceedings title (%1)").arg(resolution.matchedBy);
            return resolution;
        }
    }
    QStringList names = acronyms(venue);
    const QString series = knownProceedingsSeries(venue);
    if (!series.isEmpty())
        names.prepend(series);
    for (const QString& acronym : std::as_const(names)) {
        Resolution resolution = resolveName(acronym);
        if (!resolution.error.isEmpty())
            return resolution;
        // An acronym is only trusted when it names a conference: "ACM" or "IEEE" alone must not match a journal.
        if (resolution.match && resolution.match->journal.venueType == QLatin1String("conference")) {
            resolution.matchedBy = QStringLiteral("conference acronym");
            return resolution;
        }
    }
    return {};
}

ReferenceChecker::Resolution ReferenceChecker::resolveVenue(const ReferenceEntry& entry)
{
    Resolution resolution;
    if (!entry.venue.isEmpty())
        resolution = resolveName(entry.venue);
    if (!resolution.error.isEmpty() || resolution.match || resolution.ambiguous)
        return resolution;
    if (!entry.venue.isEmpty() && looksLikeProceedings(entry)) {
        Resolution conference = resolveConference(entry.venue);
        if (!conference.error.isEmpty() || conference.match || conference.ambiguous)
            return conference;
    }
    if (!entry.issn.isEmpty()) {
        Resolution byIssn = resolveName(entry.issn);
        if (!byIssn.error.isEmpty() || byIssn.match || byIssn.ambiguous)
            return byIssn;
    }
    return resolution;
}

void ReferenceChecker::addFacts(CheckedReference& reference, int year, QString* error)
{
    const qint64 id = reference.journal->id;
    auto cached = m_profiles.constFind(id);
    if (cached == m_profiles.cend()) {
        const std::optional<JournalProfile> profile = m_repository.rankingFacts(id, error);
        if (!profile)
            return;
        cached = m_profiles.insert(id, *profile);
    }
    const JournalProfile& profile = *cached;
    // Newest first in every list: the first fact of the year asked for (or the first at all) is the one.
    const auto ofYear = [year](const auto& fact) { return year == 0 || fact.year == year; };
    const auto jcr = std::find_if(profile.jcr.cbegin(), profile.jcr.cend(), ofYear);
    if (jcr != profile.jcr.cend()) {
        reference.jcrYear = jcr->year;
        reference.impactFactor = jcr->impactFactor;
        reference.impactFactorText = jcr->impactFactorText;
        reference.quartile = jcr->quartile;
    }
    const auto cas = std::find_if(profile.cas.cbegin(), profile.cas.cend(), ofYear);
    if (cas != profile.cas.cend()) {
        reference.casYear = cas->year;
        reference.casMajorCategory = cas->majorCategory;
        reference.casPartition = cas->partition;
        reference.casTop = cas->top;
    }
    // CCF editions (2019, 2022, 2026) are not yearly: the newest edition not after the year asked for.
    const auto ccf = std::find_if(profile.ccf.cbegin(), profile.ccf.cend(),
                                  [year](const CcfFact& fact) { return year == 0 || fact.edition <= year; });
    if (ccf != profile.ccf.cend()) {
        reference.ccfRank = ccf->rank;
        reference.ccfEdition = ccf->edition;
        reference.ccfVenueType = ccf->venueType;
    }
    std::copy_if(profile.warnings.cbegin(), profile.warnings.cend(), std::back_inserter(reference.warnings), ofYear);
}

} // namespace jcr
