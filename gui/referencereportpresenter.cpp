#include "referencereportpresenter.h"

#include <QLocale>

namespace jcr::gui {

namespace {

ProfileCell cell(const QString& text, Highlight highlight = Highlight::None, const QString& toolTip = QString())
{
    return ProfileCell{text, highlight, toolTip};
}

} // namespace

ReferenceReportPresenter::ReferenceReportPresenter(const ReferenceReport& report) : m_report(report)
{
}

QString ReferenceReportPresenter::statusText(const CheckedReference& reference)
{
    const QString& status = reference.status;
    if (status == QLatin1String("resolved"))
        return reference.matchedBy == QLatin1String("exact") ? tr("Resolved")
                                                             : tr("Resolved (%1)").arg(reference.matchedBy);
    if (status == QLatin1String("ambiguous"))
        return tr("Ambiguous: %1").arg(reference.candidates.join(QStringLiteral(" | ")));
    if (status == QLatin1String("unresolved"))
        return reference.candidates.isEmpty()
                   ? tr("Not found")
                   : tr("Not found; close: %1").arg(reference.candidates.join(QStringLiteral(" | ")));
    if (status == QLatin1String("preprint"))
        return tr("Preprint (%1)").arg(reference.detail);
    if (status == QLatin1String("no_venue"))
        return tr("No venue (%1)").arg(reference.detail);
    if (status == QLatin1String("missing_venue"))
        return tr("Venue missing (%1)").arg(reference.detail);
    if (status == QLatin1String("placeholder"))
        return tr("Placeholder: %1").arg(reference.detail);
    return tr("Unreadable: %1").arg(reference.detail);
}

QList<ProfileCell> ReferenceReportPresenter::row(const CheckedReference& reference) const
{
    const bool attention = !reference.resolved() && reference.status != QLatin1String("preprint") &&
                           reference.status != QLatin1String("no_venue");
    QList<ProfileCell> cells{cell(reference.entry.key), cell(reference.entry.venue),
                             cell(statusText(reference), attention ? Highlight::Warning : Highlight::None)};
    if (!reference.resolved()) {
        while (cells.size() < ColumnCount)
            cells << cell(QString());
        return cells;
    }
    const JournalSummary& journal = *reference.journal;
    const QString issns = QStringList{journal.issn, journal.eissn}.join(QLatin1Char(' ')).trimmed();
    QString impactFactor;
    if (reference.impactFactor)
        impactFactor = QLocale().toString(*reference.impactFactor, 'f', 1);
    else
        impactFactor = reference.impactFactorText;
    if (reference.jcrYear)
        impactFactor = impactFactor.isEmpty() ? QString() : tr("%1 (%2)").arg(impactFactor).arg(reference.jcrYear);
    QStringList warningYears;
    for (const WarningFact& warning : reference.warnings)
        warningYears << QString::number(warning.year);
    cells << cell(journal.title, Highlight::None, issns) << cell(impactFactor)
          << cell(reference.quartile, JournalProfilePresenter::quartileHighlight(reference.quartile))
          << cell(reference.casPartition ? JournalProfilePresenter::casPartitionText(reference.casPartition)
                                         : QString(),
                  JournalProfilePresenter::casPartitionHighlight(reference.casPartition), reference.casMajorCategory)
          << cell(reference.casPartition ? JournalProfilePresenter::yesNo(reference.casTop) : QString(),
                  reference.casTop ? Highlight::Good : Highlight::None)
          << cell(reference.ccfRank, JournalProfilePresenter::ccfRankHighlight(reference.ccfRank))
          << cell(warningYears.join(QStringLiteral(", ")),
                  warningYears.isEmpty() ? Highlight::None : Highlight::Warning);
    return cells;
}

ProfileTable ReferenceReportPresenter::table() const
{
    ProfileTable table;
    table.objectName = QStringLiteral("references");
    table.title = tr("Reference list");
    table.headers =
        QStringList{tr("Key"),          tr("Venue as written"), tr("Status"), tr("Journal"), tr("IF"),
                    tr("JCR quartile"), tr("CAS zone"),         tr("Top"),    tr("CCF"),     tr("Warning list")};
    for (const CheckedReference& reference : m_report.entries)
        table.rows.append(row(reference));
    return table;
}

QString ReferenceReportPresenter::summary() const
{
    if (!m_report.ok())
        return m_report.error;
    const ReferenceSummary& s = m_report.summary;
    QString text =
        tr("%n entries: ", nullptr, s.entries) + tr("%1 resolved, %2 preprints, %3 without venue, %4 to check")
                                                     .arg(s.byStatus.value(QStringLiteral("resolved")))
                                                     .arg(s.byStatus.value(QStringLiteral("preprint")))
                                                     .arg(s.byStatus.value(QStringLiteral("no_venue")))
                                                     .arg(s.unresolved.size());
    if (!s.warningHits.isEmpty())
        text += QStringLiteral(" · ") + tr("%n on the warning list", nullptr, int(s.warningHits.size()));
    return text;
}

} // namespace jcr::gui
