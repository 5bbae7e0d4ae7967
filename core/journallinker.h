#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace jcr {

/// Decides which rows of which files are the same journal, in memory, while the importer reads the files.
///
/// A row is linked by ISSN/EISSN first, else by its normalised title (TextNormalizer::titleKey). Rules that
/// the real data needs:
/// - When normalised titles collide but both sides have ISSNs and none is shared, they are different
///   journals ("ISSN decides"): folding `&` to `and` must not merge two journals.
/// - Within one file a journal takes only one spelling: a second row with another spelling that points at
///   the same ISSN (JCR 2024 lists one ISSN under two names) becomes a journal of its own that shares the
///   ISSN, and later rows with that ISSN go to whichever of the two already has their spelling.
/// - A conference (CCF, XR) links only to conferences, a journal only to journals.
/// Feed the files that carry ISSNs first, so that title-only files find ISSN-linked journals.
class JournalLinker
{
public:
    enum class Venue { Journal, Conference, Any };
    enum class IssnKind { Print, Electronic, Unknown };

    struct Journal
    {
        QString title; ///< canonical spelling: the first seen, unless it was all upper case
        QString key;
        Venue venue = Venue::Journal;
        QString issn;
        QString eissn;
        QList<QPair<QString, IssnKind>> issns;
        QStringList spellings; ///< every cleaned title seen, canonical included
        QStringList abbreviations;
        QStringList chineseTitles;
        QString cn;
    };

    /// Starts a new file: rows of it may not merge into a journal that another spelling of the same file
    /// has already taken.
    void beginFile();

    /// Before linking a file's rows: a row whose ISSN belongs to a journal that already has the row's
    /// spelling takes that journal for this file, whatever the order of the rows. Call it for every row of
    /// the file first, then link() them.
    void reserve(const QString& title, const QStringList& issns);

    /// The journal that a row with this title and these (normalised) ISSNs belongs to, created if new.
    /// `abbreviation` (CCF and XR rows) links a venue whose full name changed between editions
    /// ("Knowledge Discovery and Data Mining" in CCF 2019, "ACM SIGKDD Conference on …" later) when neither
    /// ISSN nor title found it and exactly one venue of the same type has that abbreviation.
    /// Returns -1 for an empty title.
    int link(const QString& title, const QStringList& issns, Venue venue, const QString& abbreviation = QString());

    void addIssn(int journal, const QString& issn, IssnKind kind);
    void addAbbreviation(int journal, const QString& abbreviation);
    void addChineseTitle(int journal, const QString& title);
    void setCn(int journal, const QString& cn);

    const QList<Journal>& journals() const { return m_journals; }
    /// Journals that one title key maps to (more than one when ISSNs told them apart).
    QList<int> journalsWithKey(const QString& key) const { return m_byKey.value(key); }
    /// The first journal that has this ISSN, or -1.
    int journalWithIssn(const QString& issn) const { return m_byIssn.value(issn).value(0, -1); }
    /// Every journal that has this ISSN (more than one when a file lists it under two names).
    QList<int> journalsWithIssn(const QString& issn) const { return m_byIssn.value(issn); }

private:
    bool venueMatches(int journal, Venue venue) const;
    bool freeInThisFile(int journal, const QString& spelling) const;
    bool issnsCompatible(int journal, const QStringList& issns) const;
    bool hasSpelling(int journal, const QString& spelling) const;
    int preferSpelling(const QList<int>& candidates,
                       const QString& spelling,
                       const std::function<bool(int)>& eligible) const;
    int byIssn(const QStringList& issns, const QString& spelling, Venue venue) const;
    int byTitle(const QString& key, const QString& spelling, const QStringList& issns, Venue venue) const;
    int byAbbreviation(const QString& abbreviation, const QString& spelling, Venue venue) const;
    void attach(int journal, const QString& title, const QString& key);

    QList<Journal> m_journals;
    QHash<QString, QList<int>> m_byKey;
    QHash<QString, QList<int>> m_byIssn;
    QHash<QString, QList<int>> m_byAbbreviation; ///< abbreviation key → journals
    QHash<int, QString> m_claimedInFile;         ///< journal → case-folded spelling that took it in this file
};

} // namespace jcr
