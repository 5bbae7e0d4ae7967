#pragma once

#include "journalprofilepresenter.h"
#include "referencereport.h"

#include <QCoreApplication>
#include <QString>

namespace jcr::gui {

/// Turns a ReferenceReport into the per-entry table and the summary line of the reference check window,
/// without widgets (unit-tested headless), with the highlights of the profile view: Q1, 1区, Top and CCF A
/// good; warning-list entries, and venues that need attention (unresolved, placeholder, …) as warnings.
class ReferenceReportPresenter
{
    Q_DECLARE_TR_FUNCTIONS(jcr::gui::ReferenceReportPresenter)

public:
    enum Column {
        Key,
        Venue,
        Status,
        Journal,
        ImpactFactor,
        Quartile,
        CasPartition,
        CasTop,
        CcfRank,
        WarningList,
        ColumnCount
    };

    explicit ReferenceReportPresenter(const ReferenceReport& report);

    ProfileTable table() const;
    /// "59 entries: 34 resolved, 5 preprints, 3 without venue, 17 to check · 1 on the warning list".
    QString summary() const;
    /// The status in the user's language ("Resolved (abbreviation)", "Preprint (arXiv)", "Not found", …).
    static QString statusText(const CheckedReference& reference);

private:
    QList<ProfileCell> row(const CheckedReference& reference) const;

    ReferenceReport m_report;
};

} // namespace jcr::gui
