#include "referencereportformatter.h"

#include "journaltextformatter.h"

#include <QStringList>

namespace jcr {

QString ReferenceReportFormatter::counts(const QMap<QString, int>& counts, const QString& prefix, const QString& suffix)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.key() != QLatin1String("none"))
            parts << QStringLiteral("%1%2%3 %4").arg(prefix, it.key(), suffix).arg(it.value());
    }
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}

QString ReferenceReportFormatter::statusText(const CheckedReference& reference)
{
    const QString& status = reference.status;
    if (status == QLatin1String("resolved"))
        return QStringLiteral("已匹配 resolved");
    if (status == QLatin1String("ambiguous"))
        return QStringLiteral("有歧义 ambiguous: %1").arg(reference.candidates.join(QStringLiteral(" | ")));
    if (status == QLatin1String("unresolved"))
        return reference.candidates.isEmpty() ? QStringLiteral("未找到 not found")
                                              : QStringLiteral("未找到 not found; 相近 close: %1")
                                                    .arg(reference.candidates.join(QStringLiteral(" | ")));
    if (status == QLatin1String("preprint"))
        return QStringLiteral("预印本 preprint: %1").arg(reference.detail);
    if (status == QLatin1String("no_venue"))
        return QStringLiteral("无期刊 no venue (%1)").arg(reference.detail);
    if (status == QLatin1String("missing_venue"))
        return QStringLiteral("缺少期刊名 venue missing (%1)").arg(reference.detail);
    if (status == QLatin1String("placeholder"))
        return QStringLiteral("占位符 placeholder: %1").arg(reference.detail);
    return QStringLiteral("无法读取 unreadable: %1").arg(reference.detail);
}

QString ReferenceReportFormatter::entryLine(const CheckedReference& reference)
{
    const QString who = reference.entry.venue.isEmpty()
                            ? QStringLiteral("[%1]").arg(reference.entry.key)
                            : QStringLiteral("[%1] %2").arg(reference.entry.key, reference.entry.venue);
    if (!reference.resolved())
        return QStringLiteral("%1 → %2").arg(who, statusText(reference));
    QStringList facts{reference.journal->title};
    if (reference.matchedBy != QLatin1String("exact"))
        facts.last() += QStringLiteral(" (%1)").arg(reference.matchedBy);
    if (reference.jcrYear)
        facts << QStringLiteral("IF %1 %2 %3")
                     .arg(reference.jcrYear)
                     .arg(JournalTextFormatter::impactFactor(reference.impactFactor, reference.impactFactorText),
                          reference.quartile)
                     .trimmed();
    if (reference.casPartition)
        facts << QStringLiteral("中科院 %1区%2")
                     .arg(reference.casPartition)
                     .arg(reference.casTop ? QStringLiteral(" Top") : QString());
    if (!reference.ccfRank.isEmpty())
        facts << QStringLiteral("CCF %1").arg(reference.ccfRank);
    if (!reference.warnings.isEmpty()) {
        QStringList years;
        for (const WarningFact& warning : reference.warnings)
            years << QString::number(warning.year);
        facts << QStringLiteral("⚠ 预警 warning list %1").arg(years.join(QLatin1Char('/')));
    }
    return QStringLiteral("%1 → %2").arg(who, facts.join(QStringLiteral(" · ")));
}

QString ReferenceReportFormatter::summaryText(const ReferenceReport& report)
{
    const ReferenceSummary& s = report.summary;
    QStringList lines;
    lines << QStringLiteral(
                 "参考文献检查 Reference check: %1 entries (%2), %3 resolved, %4 preprints, %5 without venue, "
                 "%6 unresolved")
                 .arg(s.entries)
                 .arg(report.format)
                 .arg(s.byStatus.value(QStringLiteral("resolved")))
                 .arg(s.byStatus.value(QStringLiteral("preprint")))
                 .arg(s.byStatus.value(QStringLiteral("no_venue")))
                 .arg(s.unresolved.size());
    lines << QStringLiteral("JCR: %1 · 中科院 CAS: %2 (Top %3) · CCF: %4")
                 .arg(counts(s.jcrQuartiles, QString(), QString()), counts(s.casZones, QString(), QStringLiteral("区")))
                 .arg(s.casTop)
                 .arg(counts(s.ccfClasses, QString(), QString()));
    QStringList hits;
    for (int index : s.warningHits)
        hits << QStringLiteral("[%1] %2").arg(report.entries.at(index).entry.key,
                                              report.entries.at(index).journal->title);
    lines << (hits.isEmpty() ? QStringLiteral("预警名单 Warning list: none")
                             : QStringLiteral("⚠ 预警名单 Warning list: %1").arg(hits.join(QStringLiteral("; "))));
    QStringList open;
    for (int index : s.unresolved) {
        const CheckedReference& reference = report.entries.at(index);
        open << QStringLiteral("[%1] %2").arg(
            reference.entry.key, reference.entry.venue.isEmpty() ? reference.status : reference.entry.venue);
    }
    if (!open.isEmpty())
        lines << QStringLiteral("未解决 Unresolved: %1").arg(open.join(QStringLiteral("; ")));
    return lines.join(QLatin1Char('\n'));
}

QString ReferenceReportFormatter::text(const ReferenceReport& report)
{
    if (!report.ok())
        return QStringLiteral("无法检查 Cannot check the reference list: %1").arg(report.error);
    QStringList lines{summaryText(report), QString()};
    for (const CheckedReference& reference : report.entries)
        lines << entryLine(reference);
    return lines.join(QLatin1Char('\n'));
}

QString ReferenceReportFormatter::csvField(const QString& value)
{
    // Quote always; a leading = + - @ would be a formula in a spreadsheet: prefix a quote mark.
    QString text = value;
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.at(0)))
        text.prepend(QLatin1Char('\''));
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QByteArray ReferenceReportFormatter::csv(const ReferenceReport& report)
{
    QStringList rows{QStringLiteral("key,line,type,venue_as_written,status,detail,matched_by,title,issn,eissn,"
                                    "jcr_year,impact_factor,quartile,cas_year,cas_major_category,cas_partition,"
                                    "cas_top,ccf_rank,warning_years")};
    for (const CheckedReference& r : report.entries) {
        QStringList warningYears;
        for (const WarningFact& warning : r.warnings)
            warningYears << QString::number(warning.year);
        const QString detail = r.resolved() ? QString() : statusText(r);
        QStringList fields{r.entry.key,
                           r.entry.line ? QString::number(r.entry.line) : QString(),
                           r.entry.type,
                           r.entry.venue,
                           r.status,
                           detail,
                           r.matchedBy,
                           r.journal ? r.journal->title : QString(),
                           r.journal ? r.journal->issn : QString(),
                           r.journal ? r.journal->eissn : QString(),
                           r.jcrYear ? QString::number(r.jcrYear) : QString(),
                           r.impactFactor ? QString::number(*r.impactFactor) : r.impactFactorText,
                           r.quartile,
                           r.casYear ? QString::number(r.casYear) : QString(),
                           r.casMajorCategory,
                           r.casPartition ? QString::number(r.casPartition) : QString(),
                           r.resolved() && r.casPartition ? (r.casTop ? QStringLiteral("yes") : QStringLiteral("no"))
                                                          : QString(),
                           r.ccfRank,
                           warningYears.join(QLatin1Char(' '))};
        for (QString& field : fields)
            field = csvField(field);
        rows << fields.join(QLatin1Char(','));
    }
    return QByteArray("\xEF\xBB\xBF") + rows.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

} // namespace jcr
