#include "textnormalizer.h"

#include <QRegularExpression>

#include <vector>

namespace jcr {

namespace {

constexpr char16_t kDel = 0x7F;

bool isZeroWidth(char16_t c)
{
    // Zero-width space/joiners and the BOM are invisible; in a title they are noise from copy and paste.
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool isDash(char16_t c)
{
    // Users paste ISSNs from web pages where the hyphen is often a typographic dash.
    return c == u'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

bool isUpperCaseWord(QStringView word)
{
    if (word.size() < 2)
        return false;
    bool letter = false;
    for (const QChar c : word) {
        if (c.isLower())
            return false;
        letter = letter || c.isLetter();
    }
    return letter;
}

bool isLatinLetter(QChar c)
{
    return c.isLetter() && c.unicode() < 0x250; // Basic Latin to Latin Extended-B: accents are fine, CJK is not
}

/// Words that acronyms skip: "Journal of the American Chemical Society" → JACS.
bool isMinorWord(QStringView word)
{
    static const QLatin1StringView minor[] = {
        QLatin1StringView("of"),  QLatin1StringView("the"), QLatin1StringView("and"),  QLatin1StringView("for"),
        QLatin1StringView("in"),  QLatin1StringView("on"),  QLatin1StringView("a"),    QLatin1StringView("an"),
        QLatin1StringView("at"),  QLatin1StringView("to"),  QLatin1StringView("with"), QLatin1StringView("from"),
        QLatin1StringView("by"),  QLatin1StringView("de"),  QLatin1StringView("la"),   QLatin1StringView("et"),
        QLatin1StringView("und"), QLatin1StringView("fur")};
    if (word.size() > 4)
        return false;
    for (const QLatin1StringView& candidate : minor) {
        if (word.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

/// Publishers whose name starts journal titles and which users put before an abbreviation ("IEEE TPAMI").
bool isPublisherWord(QStringView word)
{
    static const QLatin1StringView publishers[] = {
        QLatin1StringView("ieee"),  QLatin1StringView("acm"),  QLatin1StringView("siam"), QLatin1StringView("iet"),
        QLatin1StringView("ieice"), QLatin1StringView("asme"), QLatin1StringView("asce"), QLatin1StringView("aiaa"),
        QLatin1StringView("acs"),   QLatin1StringView("rsc"),  QLatin1StringView("iop"),  QLatin1StringView("spie"),
        QLatin1StringView("aip"),   QLatin1StringView("aps"),  QLatin1StringView("ams"),  QLatin1StringView("informs")};
    for (const QLatin1StringView& candidate : publishers) {
        if (word.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

/// Whether the letters of `part` occur in `whole` in the same order.
bool isSubsequence(const QString& part, const QString& whole)
{
    qsizetype at = 0;
    for (const QChar c : part) {
        at = whole.indexOf(c, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

/// The runs of letters and digits of `text` (by hand: a regular expression costs more than the search index
/// build can afford for every name).
QStringList wordsOf(const QString& text)
{
    QStringList words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inWord = i < text.size() && text.at(i).isLetterOrNumber();
        if (inWord && start < 0)
            start = i;
        else if (!inWord && start >= 0) {
            words.append(text.mid(start, i - start));
            start = -1;
        }
    }
    return words;
}

} // namespace

QString TextNormalizer::shortNameOf(const QString& title)
{
    const QString cleaned = cleanTitle(title);
    const qsizetype hyphen = cleaned.indexOf(QLatin1Char('-'));
    if (hyphen < 2 || hyphen > 8)
        return QString();
    const QString shortName = cleaned.left(hyphen);
    for (const QChar c : shortName) {
        if (!isLatinLetter(c) && c != QLatin1Char('&'))
            return QString();
    }
    const QStringList rest = wordsOf(cleaned.mid(hyphen + 1));
    if (rest.isEmpty() || !isUpperCaseWord(shortName))
        return QString();
    if (cleaned != cleaned.toUpper()) // mixed case: "BMJ-British Medical Journal", not "IEEE-ACM Transactions"
        return isUpperCaseWord(rest.first()) ? QString() : shortName;
    // All upper case: the short name's letters are initials of the following words, in order (JAMA-JOURNAL OF THE
    // AMERICAN MEDICAL ASSOCIATION); or the rest reads as a subtitle (CA-A CANCER JOURNAL …, AEU-INTERNATIONAL
    // JOURNAL …) and holds the letters in order. Compound words (DEEP-SEA, MINI-REVIEWS, PAN-PACIFIC) do neither.
    static const QStringList subtitleStarts{QStringLiteral("a"),
                                            QStringLiteral("an"),
                                            QStringLiteral("the"),
                                            QStringLiteral("journal"),
                                            QStringLiteral("international"),
                                            QStringLiteral("zeitschrift"),
                                            QStringLiteral("revue"),
                                            QStringLiteral("revista")};
    QString initials;
    for (const QString& word : rest)
        initials.append(word.at(0).toCaseFolded());
    const QString folded = shortName.toCaseFolded().remove(QLatin1Char('&'));
    if (isSubsequence(folded, initials) || (subtitleStarts.contains(rest.first().toCaseFolded()) &&
                                            isSubsequence(folded, rest.join(QString()).toCaseFolded())))
        return shortName;
    return QString();
}

QStringList TextNormalizer::acronymsOf(const QString& text)
{
    // Called for every title and abbreviation while the search index is built: views and flags, few allocations.
    struct Word
    {
        QStringView view;
        QChar initial;
        bool minor;
        bool upper;
    };
    std::vector<Word> words;
    bool mixedCase = false;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inWord = i < text.size() && text.at(i).isLetterOrNumber();
        if (inWord) {
            mixedCase = mixedCase || text.at(i).isLower();
            if (start < 0)
                start = i;
            continue;
        }
        if (start < 0)
            continue;
        const QStringView word = QStringView(text).mid(start, i - start);
        start = -1;
        if (!isLatinLetter(word.front()) && !word.front().isDigit())
            return {};
        words.push_back(
            {word, word.front().toCaseFolded(), isMinorWord(word) || word.front().isDigit(), isUpperCaseWord(word)});
    }
    QStringList acronyms;
    auto add = [&](size_t from, bool wholeUpperWords) {
        QString acronym;
        for (size_t w = from; w < words.size() && acronym.size() <= 8; ++w) {
            const Word& word = words[w];
            if (word.minor)
                continue;
            // "U.S.A." splits into one-letter words and reads as initials either way.
            if (wholeUpperWords && word.upper && word.view.size() <= 5)
                acronym += word.view.toString().toCaseFolded();
            else
                acronym += word.initial;
        }
        if (acronym.size() >= 3 && acronym.size() <= 8 && !acronyms.contains(acronym))
            acronyms.append(acronym);
    };
    add(0, false);
    if (mixedCase)
        add(0, true);
    if (words.size() > 2 &&
        (isPublisherWord(words.front().view) || (mixedCase && words.front().upper && words.front().view.size() <= 5))) {
        add(1, false);
        if (mixedCase)
            add(1, true);
    }
    return acronyms;
}

QString TextNormalizer::cleanTitle(const QString& title)
{
    QString result;
    result.reserve(title.size());
    bool pendingSpace = false;
    for (const QChar c : title) {
        const char16_t u = c.unicode();
        // Tab and line breaks are control characters too, but they separate words: treat them as spaces.
        if (c.isSpace()) {
            pendingSpace = !result.isEmpty();
            continue;
        }
        QChar out = c;
        if (u == kDel)
            out = QLatin1Char('-');
        else if (c.category() == QChar::Other_Control || isZeroWidth(u))
            continue;
        if (pendingSpace) {
            result.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        result.append(out);
    }
    return result;
}

QString TextNormalizer::titleKey(const QString& title)
{
    const QString folded = title.normalized(QString::NormalizationForm_KC).toCaseFolded();
    const qsizetype n = folded.size();
    const QChar* const s = folded.constData();

    // Drop a leading "the" only as a whole word, and only when something follows it, so "Theory of
    // Computing" keeps its first word and a journal named just "The" keeps a key.
    qsizetype start = 0;
    while (start < n && !s[start].isLetterOrNumber() && s[start] != QLatin1Char('&'))
        ++start;
    if (n - start > 3 && folded.mid(start, 3) == QLatin1String("the") && !s[start + 3].isLetterOrNumber()) {
        qsizetype rest = start + 3;
        bool moreWords = false;
        for (qsizetype i = rest; i < n; ++i) {
            if (s[i].isLetterOrNumber() || s[i] == QLatin1Char('&')) {
                moreWords = true;
                break;
            }
        }
        if (moreWords)
            start = rest;
    }

    QString key;
    key.reserve(n - start + 8);
    for (qsizetype i = start; i < n; ++i) {
        const QChar c = s[i];
        if (c == QLatin1Char('&')) {
            key.append(QLatin1String("and"));
        } else if (c.isHighSurrogate() && i + 1 < n && s[i + 1].isLowSurrogate()) {
            // Characters beyond the BMP (rare CJK ideographs) must be classified as one code point.
            if (QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, s[i + 1])))
                key.append(s + i, 2);
            ++i;
        } else if (c.isLetterOrNumber()) {
            key.append(c);
        }
        // Everything else (spaces, punctuation, DEL standing for a hyphen) separates words and is dropped.
    }
    key.replace(QStringLiteral("图象"), QStringLiteral("图像"));
    return key;
}

QString TextNormalizer::normalizeIssn(const QString& text)
{
    // NFKC turns full-width digits and letters into ASCII; dashes are unified before the shape check.
    QString s = text.normalized(QString::NormalizationForm_KC).trimmed();
    for (QChar& c : s) {
        if (isDash(c.unicode()))
            c = QLatin1Char('-');
    }
    // Four digits, an optional hyphen or spaces, three digits and a digit or X, optionally after "ISSN".
    static const QRegularExpression shape(QStringLiteral("^(?:e?-?issn)?[\\s:]*(\\d{4})\\s*-?\\s*(\\d{3}[\\dx])$"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = shape.match(s);
    if (!match.hasMatch())
        return QString();
    return (match.captured(1) + match.captured(2)).toUpper();
}

QString TextNormalizer::formatIssn(const QString& issn)
{
    if (issn.size() != 8)
        return issn;
    return issn.left(4) + QLatin1Char('-') + issn.mid(4);
}

QStringList TextNormalizer::issnsIn(const QString& cell)
{
    static const QRegularExpression listSeparators(QStringLiteral("[/,;]"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList result;
    const auto addIfNew = [&result](const QString& issn) {
        if (!issn.isEmpty() && !result.contains(issn))
            result.append(issn);
    };
    for (const QString& part : cell.split(listSeparators, Qt::SkipEmptyParts)) {
        // A whole part may be one ISSN written with a space ("ISSN 0028 0836"); otherwise white space
        // separates several.
        const QString whole = normalizeIssn(part);
        if (!whole.isEmpty()) {
            addIfNew(whole);
            continue;
        }
        for (const QString& token : part.split(spaces, Qt::SkipEmptyParts))
            addIfNew(normalizeIssn(token));
    }
    return result;
}

bool TextNormalizer::looksLikeIssn(const QString& text)
{
    return !normalizeIssn(text).isEmpty();
}

int TextNormalizer::parseYesNo(const QString& text)
{
    const QString t = text.trimmed().toCaseFolded();
    if (t == QStringLiteral("是") || t == QLatin1String("yes") || t == QLatin1String("y") ||
        t == QLatin1String("true") || t == QLatin1String("1"))
        return 1;
    if (t == QStringLiteral("否") || t == QLatin1String("no") || t == QLatin1String("n") ||
        t == QLatin1String("false") || t == QLatin1String("0"))
        return 0;
    return -1;
}

} // namespace jcr
