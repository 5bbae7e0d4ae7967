#pragma once

#include <QString>

namespace jcr {

/// Turns the LaTeX that BibTeX fields are written in into plain Unicode text: accents (`{\"u}`, `\'e`,
/// `\c{c}`), special letters (`{\ss}`, `\o`, `\ae`), escaped characters (`\&`, `\%`), dashes (`--`, `---`),
/// ties (`~`) and grouping braces. Formatting commands (`\emph{X}`, `\textit{X}`) keep their text; other
/// commands are dropped. Linear in the input; never fails.
class LatexDecoder
{
public:
    static QString decode(const QString& latex);

private:
    static QChar combiningAccent(QChar accent);
    static QString letterCommand(const QString& name);
    static QChar accentCommand(const QString& name);
};

} // namespace jcr
