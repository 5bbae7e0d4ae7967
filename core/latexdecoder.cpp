#include "latexdecoder.h"

#include <QHash>

namespace jcr {

namespace {

/// What follows an accent: `{u}`, `u`, `{\i}` or `\i`. Returns the base letter(s) and advances `i`.
QString accentArgument(const QString& text, int& i)
{
    while (i < text.size() && text.at(i) == QLatin1Char(' '))
        ++i;
    if (i >= text.size())
        return {};
    if (text.at(i) == QLatin1Char('{')) {
        const int close = text.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0) {
            ++i;
            return {};
        }
        QString inner = text.mid(i + 1, close - i - 1).trimmed();
        i = close + 1;
        if (inner == QLatin1String("\\i"))
            return QStringLiteral("i");
        if (inner == QLatin1String("\\j"))
            return QStringLiteral("j");
        return inner;
    }
    if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size() &&
        (text.at(i + 1) == QLatin1Char('i') || text.at(i + 1) == QLatin1Char('j'))) {
        const QChar letter = text.at(i + 1);
        i += 2;
        return QString(letter);
    }
    return QString(text.at(i++));
}

} // namespace

QChar LatexDecoder::combiningAccent(QChar accent)
{
    switch (accent.unicode()) {
    case '\'':
        return QChar(0x0301);
    case '`':
        return QChar(0x0300);
    case '^':
        return QChar(0x0302);
    case '"':
        return QChar(0x0308);
    case '~':
        return QChar(0x0303);
    case '=':
        return QChar(0x0304);
    case '.':
        return QChar(0x0307);
    default:
        return {};
    }
}

QChar LatexDecoder::accentCommand(const QString& name)
{
    static const QHash<QString, QChar> accents{
        {QStringLiteral("c"), QChar(0x0327)}, {QStringLiteral("v"), QChar(0x030C)},
        {QStringLiteral("u"), QChar(0x0306)}, {QStringLiteral("H"), QChar(0x030B)},
        {QStringLiteral("k"), QChar(0x0328)}, {QStringLiteral("r"), QChar(0x030A)},
        {QStringLiteral("d"), QChar(0x0323)}, {QStringLiteral("b"), QChar(0x0331)},
    };
    return accents.value(name);
}

QString LatexDecoder::letterCommand(const QString& name)
{
    static const QHash<QString, QString> letters{
        {QStringLiteral("ss"), QStringLiteral("ß")},         {QStringLiteral("o"), QStringLiteral("ø")},
        {QStringLiteral("O"), QStringLiteral("Ø")},          {QStringLiteral("ae"), QStringLiteral("æ")},
        {QStringLiteral("AE"), QStringLiteral("Æ")},         {QStringLiteral("oe"), QStringLiteral("œ")},
        {QStringLiteral("OE"), QStringLiteral("Œ")},         {QStringLiteral("aa"), QStringLiteral("å")},
        {QStringLiteral("AA"), QStringLiteral("Å")},         {QStringLiteral("l"), QStringLiteral("ł")},
        {QStringLiteral("L"), QStringLiteral("Ł")},          {QStringLiteral("i"), QStringLiteral("ı")},
        {QStringLiteral("j"), QStringLiteral("ȷ")},          {QStringLiteral("textendash"), QStringLiteral("–")},
        {QStringLiteral("textemdash"), QStringLiteral("—")}, {QStringLiteral("textampersand"), QStringLiteral("&")},
        {QStringLiteral("and"), QStringLiteral("and")},
    };
    return letters.value(name);
}

QString LatexDecoder::decode(const QString& latex)
{
    QString out;
    out.reserve(latex.size());
    const int n = int(latex.size());
    int i = 0;
    while (i < n) {
        const QChar c = latex.at(i);
        if (c == QLatin1Char('\\') && i + 1 < n) {
            const QChar next = latex.at(i + 1);
            const QChar accent = combiningAccent(next);
            if (!accent.isNull()) {
                i += 2;
                const QString base = accentArgument(latex, i);
                out += base.isEmpty() ? QString() : base.left(1) + accent + base.mid(1);
                continue;
            }
            if (next.isLetter() && next.unicode() < 128) {
                int end = i + 1;
                while (end < n && latex.at(end).isLetter() && latex.at(end).unicode() < 128)
                    ++end;
                const QString name = latex.mid(i + 1, end - i - 1);
                i = end;
                const QChar command = accentCommand(name);
                if (!command.isNull()) {
                    const QString base = accentArgument(latex, i);
                    out += base.isEmpty() ? QString() : base.left(1) + command + base.mid(1);
                    continue;
                }
                const QString letter = letterCommand(name);
                // A control word swallows the spaces after it ("\ss e" is "ße"); keep one when the word
                // produced nothing, so "\emph X" does not glue words.
                while (i < n && latex.at(i) == QLatin1Char(' '))
                    ++i;
                out += letter;
                continue;
            }
            // \& \% \$ \_ \# \{ \} "\ " and friends: the character itself.
            out += next;
            i += 2;
            continue;
        }
        if (c == QLatin1Char('{') || c == QLatin1Char('}')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('~')) {
            out += QLatin1Char(' ');
            ++i;
            continue;
        }
        if (c == QLatin1Char('-') && latex.mid(i, 3) == QLatin1String("---")) {
            out += QChar(0x2014);
            i += 3;
            continue;
        }
        if (c == QLatin1Char('-') && latex.mid(i, 2) == QLatin1String("--")) {
            out += QChar(0x2013);
            i += 2;
            continue;
        }
        out += c;
        ++i;
    }
    return out.normalized(QString::NormalizationForm_C).simplified();
}

} // namespace jcr
