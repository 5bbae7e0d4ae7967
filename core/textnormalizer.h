#pragma once

#include <QString>
#include <QStringList>

namespace jcr {

/// Normalisation of journal titles and ISSNs, shared by the importer (to link rows across files) and the
/// search (to match what users type). Stateless.
class TextNormalizer
{
public:
    /// Cleans a title for display: the DEL character (0x7F, found where a hyphen belongs) becomes '-',
    /// other control characters are dropped, white space (including NBSP and ideographic space) is
    /// collapsed to single spaces and trimmed.
    static QString cleanTitle(const QString& title);

    /// The key under which titles are compared: NFKC, case folded, `&` read as "and", a leading "the"
    /// dropped, every character that is not a letter or digit removed (so spaces, hyphens and punctuation
    /// that come and go between years do not matter), and variant CJK characters folded (图象 → 图像).
    /// "Nature Reviews Earth & Environment" and "NATURE REVIEWS EARTH AND ENVIRONMENT" share a key.
    static QString titleKey(const QString& title);

    /// An ISSN in canonical 8-character form ("0028-0836", "ISSN 0028 0836", "0028-083x" →
    /// "00280836"/"0028083X"), or an empty string when `text` is not shaped like an ISSN (N/A, empty,
    /// wrong length). The check digit is not verified: the data itself has a few that fail it.
    static QString normalizeIssn(const QString& text);
    /// "00280836" → "0028-0836". Returns `issn` unchanged when it is not 8 characters.
    static QString formatIssn(const QString& issn);
    /// Every ISSN in a cell such as "2649-664X/2649-6100" (CAS 2025's ISSN/EISSN), normalised.
    static QStringList issnsIn(const QString& cell);
    /// True when `text` looks like an ISSN a user typed (with or without hyphen or "ISSN" prefix).
    static bool looksLikeIssn(const QString& text);

    /// The short name a JCR title carries before its first hyphen, as users write it alone ("JAMA" of
    /// "JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION", "BMJ", "CA" of "CA-A Cancer Journal for Clinicians"),
    /// or an empty string. Only when the part before the hyphen is one word of 2 to 8 letters that reads as a short
    /// name: upper case in a mixed-case title (before a word that is not itself upper case, which excludes
    /// "IEEE-ACM …"), or, in an all upper-case title, the initials of the words after the hyphen in order
    /// ("JAMA" ⊂ J(ournal) … A(merican) M(edical) A(ssociation)); "Nano-Micro Letters" or "EARTH-SCIENCE
    /// REVIEWS" give none.
    static QString shortNameOf(const QString& title);

    /// Initial-letter acronyms of a title or abbreviation, case folded, 3 to 8 letters: the initials of its
    /// significant words ("New England Journal of Medicine" → "nejm"); in mixed case, short upper-case words
    /// count whole ("Communications of the ACM", "Commun. ACM" → "cacm"); without a leading publisher word
    /// ("IEEE Transactions on Pattern Analysis and Machine Intelligence" → "tpami"). Empty for text that is not
    /// written in Latin letters.
    static QStringList acronymsOf(const QString& text);

    /// 是/否, Yes/No, Y/N, true/false → 1/0; anything else → -1 (unknown).
    static int parseYesNo(const QString& text);
};

} // namespace jcr
