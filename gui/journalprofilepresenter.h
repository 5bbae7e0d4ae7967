#pragma once

#include "journalrecords.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace jcr::gui {

/// How a value stands out in the lookup window, as ShowJCR users expect: the best ranks (Q1, 1区, Top, CCF A)
/// green-ish, warning-list entries red.
enum class Highlight { None, Good, Warning };

struct ProfileCell
{
    QString text;
    Highlight highlight = Highlight::None;
    QString toolTip;
};

/// One section of a journal profile as a table: a heading, column headers and rows of cells.
struct ProfileTable
{
    QString objectName; ///< stable, untranslated name of the section (for the view and tests)
    QString title;      ///< translated heading
    QStringList headers;
    QList<QList<ProfileCell>> rows;

    bool isEmpty() const { return rows.isEmpty(); }
};

/// Turns a JournalProfile into the tables the lookup window shows, without any widget, so what the user sees
/// (texts, order, highlights) is unit-tested headless. Rows keep the repository's order: newest year first.
class JournalProfilePresenter
{
    Q_DECLARE_TR_FUNCTIONS(jcr::gui::JournalProfilePresenter)

public:
    enum JcrColumn { JcrYear, JcrImpactFactor, JcrQuartile, JcrRank, JcrCategories, JcrIndexedIn, JcrColumnCount };
    enum CasColumn { CasYear, CasMajorCategory, CasPartition, CasTop, CasMinorCategories, CasNotes, CasColumnCount };
    enum WarningColumn { WarningYear, WarningLevel, WarningReason, WarningColumnCount };
    enum CcfColumn { CcfEdition, CcfList, CcfRank, CcfField, CcfType, CcfColumnCount };
    enum IdentityColumn { IdentityField, IdentityValue, IdentityColumnCount };

    explicit JournalProfilePresenter(const JournalProfile& profile);

    QString title() const;
    /// The Chinese title when there is one, else empty.
    QString chineseTitle() const;
    /// "ISSN 1234-5678 · eISSN 8765-432X" (whichever exist), for the line under the title.
    QString identifiers() const;
    /// One line with the newest headline facts, e.g. "IF 2025: 8.0 · Q1 · CAS 2025: Zone 1 · Top".
    QString headline() const;
    bool isOnWarningList() const { return !m_profile.warnings.isEmpty(); }

    ProfileTable identity() const;
    ProfileTable impactFactors() const;
    ProfileTable casPartitions() const;
    ProfileTable warnings() const;
    ProfileTable ccfRanks() const;
    /// Every section in display order, empty ones included (the view hides those).
    QList<ProfileTable> sections() const;

    static Highlight quartileHighlight(const QString& quartile);
    static Highlight casPartitionHighlight(int partition);
    static Highlight ccfRankHighlight(const QString& rank);
    /// "1区 [15/495]" in Chinese, "Zone 1 [15/495]" in English; "—" without a partition.
    static QString casPartitionText(int partition, int rank = 0, int rankTotal = 0);
    /// The IF as ShowJCR shows it: the number, or the original text ("<0.1", "N/A") when there is none.
    static QString impactFactorText(const JcrFact& fact);
    static QString yesNo(bool value);
    /// The JabRef abbreviations as reference lists write them, each with its standard:
    /// "Nat. Commun. (ISO 4) · Nat Commun (MEDLINE)"; empty without any.
    static QString citationAbbreviationsText(const QList<CitationAbbreviation>& abbreviations);

private:
    JournalProfile m_profile;
};

} // namespace jcr::gui
