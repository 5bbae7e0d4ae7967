#pragma once

#include <QString>

namespace jcr {

/// One entry of a reference list as the reader found it, before anything is looked up: which entry it is
/// (key, line), what kind of work it says it is, and the venue exactly as written (LaTeX decoded).
struct ReferenceEntry
{
    QString format;  ///< "bibtex", "ris", "csl-json" or "plain": the vocabulary of `type`
    QString key;     ///< citation key, RIS ID, CSL id, or "line N" for plain lists
    QString type;    ///< entry type as written: "article", "inproceedings", "JOUR", "article-journal", …
    QString venue;   ///< journal or proceedings title as written (LaTeX decoded); empty when there is none
    QString issn;    ///< an ISSN the entry gives, tried when the venue name does not resolve
    QString eprint;  ///< eprint / archive hints ("arXiv:2101.00001", eprinttype), for preprint detection
    QString url;     ///< URL or DOI link, for preprint detection
    int line = 0;    ///< 1-based line where the entry starts; 0 when the format has none (CSL-JSON)
    QString problem; ///< why the entry could not be read (unbalanced braces, too long); empty when read
};

} // namespace jcr
