#include "journaltextformatter.h"

#include "ccffields.h"
#include "textnormalizer.h"

#include <QRegularExpression>
#include <QStringList>

namespace jcr {

namespace {

QString yesNo(bool value)
{
    return value ? QStringLiteral("是 yes") : QStringLiteral("否 no");
}

QString casPartitionText(int partition, int rank, int total)
{
    if (!partition)
        return QStringLiteral("—");
    QString text = QStringLiteral("%1区 (zone %1)").arg(partition);
    if (rank && total)
        text += QStringLiteral(" [%1/%2]").arg(rank).arg(total);
    return text;
}

QString arrow(Direction direction)
{
    switch (direction) {
    case Direction::Rising:
        return QStringLiteral("↑ 上升 rising");
    case Direction::Falling:
        return QStringLiteral("↓ 下降 falling");
    case Direction::Stable:
        return QStringLiteral("→ 持平 stable");
    case Direction::Unknown:
        break;
    }
    return QStringLiteral("? 数据不足 not enough data");
}

} // namespace

QString JournalTextFormatter::impactFactor(const std::optional<double>& value, const QString& text)
{
    // Compiled once: this runs for every number of every profile.
    static const QRegularExpression trailingZeros(QStringLiteral("\\.?0+$"));
    if (value)
        return QString::number(*value, 'f', *value >= 100 ? 1 : 3).remove(trailingZeros);
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QStringList JournalTextFormatter::categoryLabels(const JcrFact& fact)
{
    QStringList labels;
    for (const JcrCategory& category : fact.categories) {
        QString text = category.name;
        if (!category.edition.isEmpty())
            text += QStringLiteral(" (%1)").arg(category.edition);
        if (!category.quartile.isEmpty() && fact.categories.size() > 1)
            text += u' ' + category.quartile;
        labels << text;
    }
    return labels;
}

QString JournalTextFormatter::citationAbbreviations(const QList<CitationAbbreviation>& abbreviations)
{
    QStringList parts;
    for (const CitationAbbreviation& entry : abbreviations) {
        const QString standard = entry.standard();
        parts << QStringLiteral("%1 %2").arg(standard.isEmpty() ? QStringLiteral("其他 other") : standard,
                                             entry.abbreviation);
    }
    return parts.join(QStringLiteral(" · "));
}

QString JournalTextFormatter::summaryLine(const JournalSummary& journal)
{
    QStringList parts;
    if (!journal.issn.isEmpty())
        parts << QStringLiteral("ISSN %1").arg(journal.issn);
    if (!journal.eissn.isEmpty())
        parts << QStringLiteral("EISSN %1").arg(journal.eissn);
    if (journal.latestJcrYear)
        parts << QStringLiteral("IF(%1) %2%3")
                     .arg(journal.latestJcrYear)
                     .arg(impactFactor(journal.latestImpactFactor),
                          journal.latestQuartile.isEmpty() ? QString() : u' ' + journal.latestQuartile);
    if (journal.latestCasYear && journal.latestCasPartition)
        parts << QStringLiteral("中科院%1 %2区%3")
                     .arg(journal.latestCasYear)
                     .arg(journal.latestCasPartition)
                     .arg(journal.latestCasTop ? QStringLiteral(" Top") : QString());
    if (!journal.ccfRank.isEmpty())
        parts << QStringLiteral("CCF-%1").arg(journal.ccfRank);
    if (journal.onWarningList)
        parts << QStringLiteral("⚠ 预警 warning list");
    QString title = journal.title;
    if (!journal.titleZh.isEmpty() && journal.titleZh != journal.title)
        title += QStringLiteral(" (%1)").arg(journal.titleZh);
    return parts.isEmpty() ? title : QStringLiteral("%1 — %2").arg(title, parts.join(QStringLiteral(" · ")));
}

QString JournalTextFormatter::profile(const JournalProfile& profile, int onlyYear)
{
    const JournalSummary& s = profile.summary;
    QStringList lines;
    lines << QStringLiteral("## %1").arg(s.title);
    if (!s.titleZh.isEmpty() && s.titleZh != s.title)
        lines << QStringLiteral("中文刊名 Chinese title: %1").arg(s.titleZh);
    if (!s.issn.isEmpty() || !s.eissn.isEmpty())
        lines << QStringLiteral("ISSN: %1   EISSN: %2")
                     .arg(s.issn.isEmpty() ? QStringLiteral("—") : s.issn,
                          s.eissn.isEmpty() ? QStringLiteral("—") : s.eissn);
    if (!profile.cn.isEmpty())
        lines << QStringLiteral("CN: %1").arg(profile.cn);
    if (!profile.abbreviations.isEmpty())
        lines << QStringLiteral("简称 Abbreviations: %1").arg(profile.abbreviations.join(QStringLiteral(", ")));
    if (!profile.citationAbbreviations.isEmpty())
        lines << QStringLiteral("缩写 Citation abbreviations: %1")
                     .arg(citationAbbreviations(profile.citationAbbreviations));
    if (!profile.otherTitles.isEmpty())
        lines << QStringLiteral("其他名称 Other titles: %1").arg(profile.otherTitles.join(QStringLiteral("; ")));
    if (s.venueType == QLatin1String("conference"))
        lines << QStringLiteral("类型 Type: 会议 conference");

    auto wanted = [onlyYear](int year) { return onlyYear == 0 || year == onlyYear; };
    QStringList jcrLines;
    for (const JcrFact& fact : profile.jcr) {
        if (!wanted(fact.year))
            continue;
        QString line =
            QStringLiteral("- %1: IF %2").arg(fact.year).arg(impactFactor(fact.impactFactor, fact.impactFactorText));
        if (!fact.quartile.isEmpty())
            line += QStringLiteral(", %1").arg(fact.quartile);
        if (fact.rank && fact.rankTotal)
            line += QStringLiteral(", 排名 rank %1/%2").arg(fact.rank).arg(fact.rankTotal);
        const QStringList categories = categoryLabels(fact);
        if (!categories.isEmpty())
            line += QStringLiteral("; 学科 categories: %1").arg(categories.join(QStringLiteral("; ")));
        if (!fact.webOfScience.isEmpty())
            line += QStringLiteral(" | 收录 indexed in: %1").arg(fact.webOfScience);
        jcrLines << line;
    }
    if (!jcrLines.isEmpty())
        lines << QString() << QStringLiteral("### JCR 影响因子与分区 Impact factor and quartile") << jcrLines;

    QStringList casLines;
    for (const CasFact& fact : profile.cas) {
        if (!wanted(fact.year))
            continue;
        QString line = QStringLiteral("- %1: %2 %3")
                           .arg(fact.year)
                           .arg(fact.majorCategory, casPartitionText(fact.partition, fact.rank, fact.rankTotal));
        line += QStringLiteral(", Top: %1").arg(yesNo(fact.top));
        if (fact.review)
            line += QStringLiteral(", 综述 review");
        if (fact.openAccess)
            line += QStringLiteral(", OA: %1").arg(yesNo(*fact.openAccess));
        QStringList minors;
        for (const CasCategory& category : fact.minorCategories)
            minors << QStringLiteral("%1 %2").arg(
                category.name, casPartitionText(category.partition, category.rank, category.rankTotal));
        if (!minors.isEmpty())
            line += QStringLiteral("; 小类 subcategories: %1").arg(minors.join(QStringLiteral("; ")));
        if (!fact.note.isEmpty())
            line += QStringLiteral("; 标注 note: %1").arg(fact.note);
        casLines << line;
    }
    if (!casLines.isEmpty())
        lines << QString() << QStringLiteral("### 中科院分区 CAS partition") << casLines;

    if (!profile.warnings.isEmpty()) {
        lines << QString() << QStringLiteral("### ⚠ 国际期刊预警名单 International journal warning list");
        for (const WarningFact& warning : profile.warnings) {
            if (!wanted(warning.year))
                continue;
            lines << QStringLiteral("- %1: %2")
                         .arg(warning.year)
                         .arg(!warning.level.isEmpty() ? QStringLiteral("预警等级 level %1").arg(warning.level)
                                                       : QStringLiteral("预警原因 reason %1").arg(warning.reason));
        }
    }
    if (!profile.ccf.isEmpty() || !profile.ccft.isEmpty()) {
        lines << QString() << QStringLiteral("### CCF 推荐 CCF ranking");
        for (const CcfFact& fact : profile.ccf)
            lines << QStringLiteral("- CCF %1 (%2): %3类 class %3, %4%5")
                         .arg(fact.edition)
                         .arg(fact.list == QLatin1String("chinese") ? QStringLiteral("中文期刊 Chinese list")
                                                                    : QStringLiteral("国际 international"),
                              fact.rank,
                              fact.venueType == QLatin1String("conference") ? QStringLiteral("会议 conference")
                                                                            : QStringLiteral("期刊 journal"),
                              fact.field.isEmpty() ? QString() : QStringLiteral(", 领域 field: %1").arg(fact.field));
        for (const CcftFact& fact : profile.ccft)
            lines << QStringLiteral("- CCF-T %1: %2").arg(fact.edition).arg(fact.tier);
    }
    for (const XrFact& fact : profile.xr)
        lines << QStringLiteral("- XR %1: 分区 partition %2%3")
                     .arg(fact.edition)
                     .arg(fact.partition, fact.top ? QStringLiteral(", Top") : QString());
    return lines.join(u'\n');
}

QString JournalTextFormatter::searchResult(const SearchResult& result)
{
    if (result.matches.isEmpty())
        return QStringLiteral("未找到期刊 No journal matches \"%1\".").arg(result.query);
    QStringList lines;
    lines << QStringLiteral("找到 %1 个匹配 %1 match(es) for \"%2\":").arg(result.total).arg(result.query);
    for (int i = 0; i < result.matches.size(); ++i) {
        const JournalMatch& match = result.matches.at(i);
        QString line = QStringLiteral("%1. %2").arg(i + 1).arg(summaryLine(match.journal));
        if (match.kind == MatchKind::Fuzzy)
            line += QStringLiteral("  (相近拼写 close spelling of \"%1\")").arg(match.matchedName);
        else if (match.kind != MatchKind::Prefix && match.kind != MatchKind::Substring)
            line += QStringLiteral("  (%1)").arg(match.matchNote());
        lines << line;
    }
    if (result.total > result.matches.size())
        lines << QStringLiteral("… 另有 %1 个 %1 more").arg(result.total - result.matches.size());
    return lines.join(u'\n');
}

QString JournalTextFormatter::trend(const JournalTrend& trend)
{
    QStringList lines;
    lines << QStringLiteral("## %1 — 分区趋势 Partition trend").arg(trend.journal.title);
    for (const TrendPoint& point : trend.points) {
        QStringList parts;
        if (point.impactFactor || !point.impactFactorText.isEmpty())
            parts << QStringLiteral("IF %1").arg(impactFactor(point.impactFactor, point.impactFactorText));
        if (!point.quartile.isEmpty())
            parts << point.quartile;
        if (point.casPartition)
            parts << QStringLiteral("中科院 %1区%2")
                         .arg(point.casPartition)
                         .arg(point.casTop ? QStringLiteral(" Top") : QString());
        lines << QStringLiteral("- %1: %2").arg(point.year).arg(parts.join(QStringLiteral(", ")));
    }
    lines << QStringLiteral("影响因子 Impact factor: %1").arg(arrow(trend.impactFactor));
    lines << QStringLiteral("JCR 分区 Quartile: %1").arg(arrow(trend.quartile));
    lines << QStringLiteral("中科院分区 CAS partition: %1").arg(arrow(trend.casPartition));
    return lines.join(u'\n');
}

QString JournalTextFormatter::warnings(const QList<WarningEntry>& entries)
{
    if (entries.isEmpty())
        return QStringLiteral("预警名单中没有匹配的期刊 No matching journal on the warning list.");
    QStringList lines;
    lines << QStringLiteral("国际期刊预警名单 Warning list: %1 条 entries").arg(entries.size());
    for (const WarningEntry& entry : entries)
        lines << QStringLiteral("- %1 %2: %3")
                     .arg(entry.warning.year)
                     .arg(entry.warning.listedTitle,
                          entry.warning.level.isEmpty() ? entry.warning.reason
                                                        : QStringLiteral("预警等级 level %1").arg(entry.warning.level));
    return lines.join(u'\n');
}

QString JournalTextFormatter::filterResult(const FilterResult& result)
{
    QStringList lines;
    // A CCF list holds conferences too: "venues" then.
    QString heading = (result.ccfEdition ? QStringLiteral("共 %1 个期刊或会议 %1 venues (JCR %2, 中科院 CAS %3")
                                         : QStringLiteral("共 %1 本期刊 %1 journals (JCR %2, 中科院 CAS %3"))
                          .arg(result.total)
                          .arg(result.jcrYear)
                          .arg(result.casYear);
    if (result.ccfEdition)
        heading += QStringLiteral(", CCF %1").arg(result.ccfEdition);
    if (!result.ccfField.isEmpty()) {
        const QString english = CcfFields::englishName(result.ccfField);
        heading += QStringLiteral(", 领域 field %1").arg(result.ccfField) +
                   (english.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(english));
    }
    lines << heading + QStringLiteral("):");
    for (const FilterRow& row : result.rows) {
        QString line = QStringLiteral("- %1").arg(summaryLine(row.journal));
        // From a CCF list: the short name (NeurIPS, TPAMI) and the class and field of that edition.
        if (result.ccfEdition && !row.ccfRank.isEmpty()) {
            QStringList ccf;
            if (!row.ccfAbbreviation.isEmpty())
                ccf << row.ccfAbbreviation;
            ccf << QStringLiteral("CCF %1 %2").arg(result.ccfEdition).arg(row.ccfRank);
            if (row.journal.venueType == QLatin1String("conference"))
                ccf << QStringLiteral("会议 conference");
            if (result.ccfField.isEmpty() && !row.ccfField.isEmpty())
                ccf << row.ccfField;
            line += QStringLiteral(" [%1]").arg(ccf.join(QStringLiteral(", ")));
        }
        lines << line;
    }
    return lines.join(u'\n');
}

} // namespace jcr
