#include "journalprofilepresenter.h"

#include "journaltextformatter.h"

namespace jcr::gui {

namespace {

const QString Dash = QStringLiteral("—");
const QString ListSeparator = QStringLiteral("; ");

QString orDash(const QString& text)
{
    return text.trimmed().isEmpty() ? Dash : text;
}

ProfileCell cell(const QString& text, Highlight highlight = Highlight::None, const QString& toolTip = QString())
{
    return {orDash(text), highlight, toolTip};
}

} // namespace

JournalProfilePresenter::JournalProfilePresenter(const JournalProfile& profile) : m_profile(profile)
{
}

QString JournalProfilePresenter::title() const
{
    return m_profile.summary.title;
}

QString JournalProfilePresenter::chineseTitle() const
{
    const QString& zh = m_profile.summary.titleZh;
    return zh == m_profile.summary.title ? QString() : zh;
}

QString JournalProfilePresenter::identifiers() const
{
    QStringList parts;
    if (!m_profile.summary.issn.isEmpty())
        parts << tr("ISSN %1").arg(m_profile.summary.issn);
    if (!m_profile.summary.eissn.isEmpty())
        parts << tr("eISSN %1").arg(m_profile.summary.eissn);
    return parts.join(QStringLiteral(" · "));
}

QString JournalProfilePresenter::headline() const
{
    QStringList parts;
    if (!m_profile.jcr.isEmpty()) {
        const JcrFact& newest = m_profile.jcr.first();
        QString text = tr("IF %1: %2").arg(newest.year).arg(impactFactorText(newest));
        if (!newest.quartile.isEmpty())
            text += QStringLiteral(" · ") + newest.quartile;
        parts << text;
    }
    if (!m_profile.cas.isEmpty()) {
        const CasFact& newest = m_profile.cas.first();
        QString text = tr("CAS %1: %2").arg(newest.year).arg(casPartitionText(newest.partition));
        if (newest.top)
            text += QStringLiteral(" · Top");
        parts << text;
    }
    if (!m_profile.ccf.isEmpty())
        parts << tr("CCF %1").arg(m_profile.ccf.first().rank);
    if (isOnWarningList())
        parts << tr("On the warning list (%1)").arg(m_profile.warnings.first().year);
    return parts.join(QStringLiteral("   "));
}

ProfileTable JournalProfilePresenter::identity() const
{
    ProfileTable table{QStringLiteral("identity"), tr("Journal"), {tr("Field"), tr("Value")}, {}};
    const JournalSummary& s = m_profile.summary;
    auto add = [&table](const QString& field, const QString& value) {
        if (!value.trimmed().isEmpty())
            table.rows.append({cell(field), cell(value)});
    };
    add(tr("Title"), s.title);
    add(tr("Chinese title"), chineseTitle());
    add(tr("ISSN"), s.issn);
    add(tr("eISSN"), s.eissn);
    add(tr("CN"), m_profile.cn);
    add(tr("Abbreviations"), m_profile.abbreviations.join(QStringLiteral(", ")));
    add(tr("Citation abbreviations"), citationAbbreviationsText(m_profile.citationAbbreviations));
    add(tr("Other titles"), m_profile.otherTitles.join(ListSeparator));
    if (s.venueType == QLatin1String("conference"))
        add(tr("Type"), tr("Conference"));
    return table;
}

ProfileTable JournalProfilePresenter::impactFactors() const
{
    ProfileTable table{
        QStringLiteral("jcr"),
        tr("JCR impact factor and quartile"),
        {tr("Year"), tr("Impact factor"), tr("Quartile"), tr("Rank"), tr("Categories"), tr("Indexed in")},
        {}};
    for (const JcrFact& fact : m_profile.jcr) {
        const QStringList categories = JournalTextFormatter::categoryLabels(fact);
        const QString rank =
            fact.rank && fact.rankTotal ? QStringLiteral("%1/%2").arg(fact.rank).arg(fact.rankTotal) : QString();
        table.rows.append({cell(QString::number(fact.year)), cell(impactFactorText(fact)),
                           cell(fact.quartile, quartileHighlight(fact.quartile)), cell(rank),
                           cell(categories.join(ListSeparator)), cell(fact.webOfScience)});
    }
    return table;
}

ProfileTable JournalProfilePresenter::casPartitions() const
{
    ProfileTable table{QStringLiteral("cas"),
                       tr("CAS partition"),
                       {tr("Year"), tr("Major category"), tr("Partition"), tr("Top"), tr("Subcategories"), tr("Notes")},
                       {}};
    for (const CasFact& fact : m_profile.cas) {
        QStringList minors;
        Highlight minorHighlight = Highlight::None;
        for (const CasCategory& category : fact.minorCategories) {
            minors << QStringLiteral("%1 %2").arg(
                category.name.trimmed(), casPartitionText(category.partition, category.rank, category.rankTotal));
            if (casPartitionHighlight(category.partition) == Highlight::Good)
                minorHighlight = Highlight::Good;
        }
        QStringList notes;
        if (fact.review)
            notes << tr("Review journal");
        if (fact.openAccess)
            notes << tr("Open access: %1").arg(yesNo(*fact.openAccess));
        if (!fact.webOfScience.isEmpty())
            notes << fact.webOfScience;
        if (!fact.note.isEmpty())
            notes << fact.note;
        table.rows.append(
            {cell(QString::number(fact.year)), cell(fact.majorCategory),
             cell(casPartitionText(fact.partition, fact.rank, fact.rankTotal), casPartitionHighlight(fact.partition)),
             cell(yesNo(fact.top), fact.top ? Highlight::Good : Highlight::None),
             cell(minors.join(ListSeparator), minorHighlight), cell(notes.join(ListSeparator))});
    }
    return table;
}

ProfileTable JournalProfilePresenter::warnings() const
{
    ProfileTable table{QStringLiteral("warnings"),
                       tr("International journal warning list"),
                       {tr("Year"), tr("Warning level"), tr("Reason")},
                       {}};
    const QString toolTip = tr("Listed in the international journal warning list of this year");
    for (const WarningFact& warning : m_profile.warnings)
        table.rows.append({cell(QString::number(warning.year), Highlight::Warning, toolTip),
                           cell(warning.level, Highlight::Warning, toolTip),
                           cell(warning.reason, Highlight::Warning, toolTip)});
    return table;
}

ProfileTable JournalProfilePresenter::ccfRanks() const
{
    ProfileTable table{QStringLiteral("ccf"),
                       tr("CCF recommendation"),
                       {tr("Edition"), tr("List"), tr("Rank"), tr("Research area"), tr("Type")},
                       {}};
    for (const CcfFact& fact : m_profile.ccf) {
        const QString list = fact.list == QLatin1String("chinese") ? tr("Chinese journals") : tr("International");
        const QString type = fact.venueType == QLatin1String("conference") ? tr("Conference") : tr("Journal");
        table.rows.append({cell(QString::number(fact.edition)), cell(list),
                           cell(fact.rank, ccfRankHighlight(fact.rank)), cell(fact.field), cell(type)});
    }
    for (const CcftFact& fact : m_profile.ccft)
        table.rows.append({cell(QString::number(fact.edition)), cell(tr("Computing journal tiers (CCFT)")),
                           cell(fact.tier, fact.tier == QLatin1String("T1") ? Highlight::Good : Highlight::None),
                           cell(QString()), cell(tr("Journal"))});
    return table;
}

QList<ProfileTable> JournalProfilePresenter::sections() const
{
    // Warnings first: a researcher must not miss them.
    return {warnings(), impactFactors(), casPartitions(), ccfRanks(), identity()};
}

Highlight JournalProfilePresenter::quartileHighlight(const QString& quartile)
{
    return quartile.compare(QLatin1String("Q1"), Qt::CaseInsensitive) == 0 ? Highlight::Good : Highlight::None;
}

Highlight JournalProfilePresenter::casPartitionHighlight(int partition)
{
    return partition == 1 ? Highlight::Good : Highlight::None;
}

Highlight JournalProfilePresenter::ccfRankHighlight(const QString& rank)
{
    return rank.compare(QLatin1String("A"), Qt::CaseInsensitive) == 0 ? Highlight::Good : Highlight::None;
}

QString JournalProfilePresenter::casPartitionText(int partition, int rank, int rankTotal)
{
    if (partition <= 0)
        return Dash;
    QString text = tr("Zone %1").arg(partition);
    if (rank && rankTotal)
        text += QStringLiteral(" [%1/%2]").arg(rank).arg(rankTotal);
    return text;
}

QString JournalProfilePresenter::impactFactorText(const JcrFact& fact)
{
    if (!fact.impactFactorText.trimmed().isEmpty())
        return fact.impactFactorText.trimmed();
    if (fact.impactFactor)
        return QString::number(*fact.impactFactor);
    return Dash;
}

QString JournalProfilePresenter::citationAbbreviationsText(const QList<CitationAbbreviation>& abbreviations)
{
    QStringList parts;
    for (const CitationAbbreviation& entry : abbreviations) {
        const QString standard = entry.standard();
        parts << tr("%1 (%2)", "citation abbreviation (its standard)")
                     .arg(entry.abbreviation, standard.isEmpty() ? tr("other list") : standard);
    }
    return parts.join(QStringLiteral(" · "));
}

QString JournalProfilePresenter::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

} // namespace jcr::gui
