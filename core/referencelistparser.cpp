#include "referencelistparser.h"

#include "bibtexreader.h"
#include "csljsonreader.h"
#include "plainlistreader.h"
#include "risreader.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>

namespace jcr {

QString ReferenceListParser::sizeError(qsizetype bytes)
{
    return QStringLiteral("The reference list is %1 bytes; at most %2 bytes (2 MB) are accepted. Split it into "
                          "smaller lists.")
        .arg(QLocale(QLocale::English).toString(qlonglong(bytes)),
             QLocale(QLocale::English).toString(qlonglong(MaxBytes)));
}

QString ReferenceListParser::binaryError(const QString& text)
{
    // Tabs, line ends and form feeds are text; any other control character means a binary file
    // (a PDF, a .docx, an image) was given instead of a reference list.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r' && c != u'\f')
            return QStringLiteral("The input contains binary data (control character 0x%1 at character %2), not a "
                                  "reference list. Give the text of a .bib, .ris, CSL-JSON or plain .txt file.")
                .arg(int(c), 2, 16, QLatin1Char('0'))
                .arg(i + 1);
    }
    return {};
}

ReferenceListParser::Result ReferenceListParser::parse(const QByteArray& utf8)
{
    Result result;
    if (utf8.size() > MaxBytes) {
        result.error = sizeError(utf8.size());
        return result;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(utf8);
    if (decoder.hasError()) {
        result.error = QStringLiteral("The input is not UTF-8 text (a binary file, or a legacy encoding such as "
                                      "GBK or Latin-1). Save the reference list as UTF-8 and try again.");
        return result;
    }
    return parse(text);
}

ReferenceListParser::Result ReferenceListParser::parse(const QString& input)
{
    Result result;
    // Each character is at least one byte in UTF-8: a cheap refusal before converting a huge string.
    if (input.size() > MaxBytes) {
        result.error = sizeError(input.size());
        return result;
    }
    const qsizetype bytes = input.toUtf8().size();
    if (bytes > MaxBytes) {
        result.error = sizeError(bytes);
        return result;
    }
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    result.error = binaryError(text);
    if (!result.ok())
        return result;
    if (text.trimmed().isEmpty()) {
        result.error = QStringLiteral("The reference list is empty.");
        return result;
    }
    result.format = detectFormat(text);
    if (result.format == QLatin1String("csl-json")) {
        CslJsonReader::Result json = CslJsonReader::read(text, MaxEntries);
        result.entries = json.entries;
        result.error = json.error;
    } else if (result.format == QLatin1String("bibtex")) {
        result.entries = BibTexReader::read(text, MaxEntries);
    } else if (result.format == QLatin1String("ris")) {
        result.entries = RisReader::read(text, MaxEntries);
    } else {
        result.entries = PlainListReader::read(text, MaxEntries);
    }
    if (result.ok() && result.entries.size() > MaxEntries)
        result.error = QStringLiteral("The reference list has more than %1 entries; at most %1 are checked at once. "
                                      "Split it into smaller lists.")
                           .arg(QLocale(QLocale::English).toString(MaxEntries));
    else if (result.ok() && result.entries.isEmpty())
        result.error = QStringLiteral("No entries found in the %1 text.").arg(result.format);
    if (!result.ok())
        result.entries.clear();
    return result;
}

QString ReferenceListParser::detectFormat(const QString& text)
{
    const QString start = text.left(4096).trimmed();
    // A JSON list of objects or one object; "[12] Nature" is a plain numbered list.
    static const QRegularExpression json(QStringLiteral("^(\\[\\s*(\\{|\\[|\\])|\\{\\s*\"|\\{\\s*$)"));
    if (json.match(start).hasMatch())
        return QStringLiteral("csl-json");
    static const QRegularExpression bibtex(QStringLiteral("^\\s*@\\s*[A-Za-z]+\\s*[{(]"),
                                           QRegularExpression::MultilineOption);
    static const QRegularExpression ris(QStringLiteral("^TY  -"), QRegularExpression::MultilineOption);
    const QString head = text.left(256 * 1024);
    const QRegularExpressionMatch bibMatch = bibtex.match(head);
    const QRegularExpressionMatch risMatch = ris.match(head);
    if (bibMatch.hasMatch() && (!risMatch.hasMatch() || bibMatch.capturedStart() < risMatch.capturedStart()))
        return QStringLiteral("bibtex");
    if (risMatch.hasMatch())
        return QStringLiteral("ris");
    return QStringLiteral("plain");
}

} // namespace jcr
