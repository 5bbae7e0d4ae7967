#include "bibtexreader.h"

#include "latexdecoder.h"

namespace jcr {

namespace {

bool isIdentifierChar(QChar c)
{
    // BibTeX allows nearly everything in keys and names except these delimiters.
    return !c.isSpace() && c != QLatin1Char('{') && c != QLatin1Char('}') && c != QLatin1Char('(') &&
           c != QLatin1Char(')') && c != QLatin1Char(',') && c != QLatin1Char('=') && c != QLatin1Char('"') &&
           c != QLatin1Char('#') && c != QLatin1Char('%') && c != QLatin1Char('@');
}

QHash<QString, QString> standardMacros()
{
    // The month macros every BibTeX style defines.
    static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    QHash<QString, QString> macros;
    for (const char* month : months)
        macros.insert(QLatin1String(month), QLatin1String(month));
    return macros;
}

} // namespace

BibTexReader::BibTexReader(const QString& text) : m_text(text), m_macros(standardMacros())
{
}

QList<ReferenceEntry> BibTexReader::read(const QString& text, int maxEntries)
{
    BibTexReader reader(text);
    reader.run(maxEntries);
    return reader.m_entries;
}

void BibTexReader::run(int maxEntries)
{
    while (m_entries.size() <= maxEntries) {
        m_pos = int(m_text.indexOf(QLatin1Char('@'), m_pos));
        if (m_pos < 0)
            return;
        const int start = m_pos;
        if (!readEntry()) {
            m_pos = start + 1;
            resynchronise();
        }
    }
}

int BibTexReader::lineAt(int position)
{
    // Positions only grow between calls except after a failed entry, so count incrementally.
    if (position < m_lineCountedTo) {
        m_lineCountedTo = 0;
        m_line = 1;
    }
    m_line += int(QStringView(m_text).mid(m_lineCountedTo, position - m_lineCountedTo).count(QLatin1Char('\n')));
    m_lineCountedTo = position;
    return m_line;
}

void BibTexReader::resynchronise()
{
    // The next '@' at the start of a line (after indentation) begins the next entry.
    while (m_pos < m_text.size()) {
        const int at = int(m_text.indexOf(QLatin1Char('@'), m_pos));
        if (at < 0) {
            m_pos = int(m_text.size());
            return;
        }
        int before = at - 1;
        while (before >= 0 && (m_text.at(before) == QLatin1Char(' ') || m_text.at(before) == QLatin1Char('\t')))
            --before;
        if (before < 0 || m_text.at(before) == QLatin1Char('\n')) {
            m_pos = at;
            return;
        }
        m_pos = at + 1;
    }
}

void BibTexReader::skipSpaceAndComments()
{
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c.isSpace()) {
            ++m_pos;
        } else if (c == QLatin1Char('%')) {
            // biber and most tools treat % to the end of the line as a comment between fields.
            const int end = int(m_text.indexOf(QLatin1Char('\n'), m_pos));
            m_pos = end < 0 ? int(m_text.size()) : end + 1;
        } else {
            return;
        }
    }
}

QString BibTexReader::readIdentifier()
{
    const int start = m_pos;
    while (m_pos < m_text.size() && isIdentifierChar(m_text.at(m_pos)))
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

bool BibTexReader::skipBalanced(QChar open, QChar close)
{
    int depth = 0;
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos++);
        if (c == open)
            ++depth;
        else if (c == close && --depth == 0)
            return true;
    }
    return false;
}

bool BibTexReader::readEntry()
{
    const int start = m_pos;
    ++m_pos; // '@'
    skipSpaceAndComments();
    const QString type = readIdentifier().toLower();
    skipSpaceAndComments();
    if (type.isEmpty() || m_pos >= m_text.size() ||
        (m_text.at(m_pos) != QLatin1Char('{') && m_text.at(m_pos) != QLatin1Char('('))) {
        // An '@' in free text (an e-mail address in a comment): not an entry, nothing to report.
        m_pos = start + 1;
        return true;
    }
    const QChar open = m_text.at(m_pos);
    const QChar close = open == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(')');
    const int line = lineAt(start);
    if (type == QLatin1String("comment") || type == QLatin1String("preamble")) {
        if (skipBalanced(open, close))
            return true;
        m_entries << ReferenceEntry{QStringLiteral("bibtex"),
                                    {},
                                    type,
                                    {},
                                    {},
                                    {},
                                    {},
                                    line,
                                    QStringLiteral("unbalanced braces: @%1 is never closed").arg(type)};
        return false;
    }
    ++m_pos;
    if (type == QLatin1String("string")) {
        if (readString(close))
            return true;
        m_entries << ReferenceEntry{QStringLiteral("bibtex"),
                                    {},
                                    type,
                                    {},
                                    {},
                                    {},
                                    {},
                                    line,
                                    QStringLiteral("unreadable @string: unbalanced braces or a missing '='")};
        return false;
    }
    skipSpaceAndComments();
    const QString key = readIdentifier();
    skipSpaceAndComments();
    QList<Field> fields;
    if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(',')) {
        ++m_pos;
        if (!readFields(close, &fields)) {
            ReferenceEntry broken = entryFrom(type, key, fields, line);
            broken.problem = QStringLiteral("unbalanced braces or quotes: the entry is never closed");
            m_entries << broken;
            return false;
        }
    } else if (m_pos < m_text.size() && m_text.at(m_pos) == close) {
        ++m_pos;
    } else {
        ReferenceEntry broken = entryFrom(type, key, fields, line);
        broken.problem = QStringLiteral("expected ',' after the key");
        m_entries << broken;
        return false;
    }
    m_entries << entryFrom(type, key, fields, line);
    return true;
}

bool BibTexReader::readString(QChar close)
{
    QList<Field> fields;
    if (!readFields(close, &fields))
        return false;
    for (const Field& field : fields)
        m_macros.insert(field.name, field.value);
    return true;
}

bool BibTexReader::readFields(QChar close, QList<Field>* fields)
{
    for (;;) {
        skipSpaceAndComments();
        if (m_pos >= m_text.size())
            return false;
        if (m_text.at(m_pos) == close) {
            ++m_pos;
            return true;
        }
        if (m_text.at(m_pos) == QLatin1Char(',')) {
            ++m_pos;
            continue;
        }
        const QString name = readIdentifier().toLower();
        skipSpaceAndComments();
        if (name.isEmpty() || m_pos >= m_text.size() || m_text.at(m_pos) != QLatin1Char('='))
            return false;
        ++m_pos;
        QString value;
        if (!readValue(&value))
            return false;
        fields->append({name, value});
    }
}

bool BibTexReader::readValue(QString* value)
{
    // value = part ( '#' part )*
    for (;;) {
        skipSpaceAndComments();
        if (m_pos >= m_text.size())
            return false;
        const QChar c = m_text.at(m_pos);
        QString part;
        if (c == QLatin1Char('{')) {
            if (!readBraced(&part))
                return false;
        } else if (c == QLatin1Char('"')) {
            if (!readQuoted(&part))
                return false;
        } else {
            const QString word = readIdentifier();
            if (word.isEmpty())
                return false;
            // A number stands for itself; anything else is a macro (an unknown one is kept as written).
            part = m_macros.value(word.toLower(), word);
        }
        *value += part;
        skipSpaceAndComments();
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('#')) {
            ++m_pos;
            continue;
        }
        return true;
    }
}

bool BibTexReader::readBraced(QString* value)
{
    const int start = m_pos + 1;
    if (!skipBalanced(QLatin1Char('{'), QLatin1Char('}')))
        return false;
    *value = m_text.mid(start, m_pos - 1 - start);
    return true;
}

bool BibTexReader::readQuoted(QString* value)
{
    // A quote inside braces does not end the value ("{"}ber" style).
    const int start = ++m_pos;
    int depth = 0;
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos++);
        if (c == QLatin1Char('\\') && m_pos < m_text.size()) {
            ++m_pos;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}')) {
            if (--depth < 0)
                return false;
        } else if (c == QLatin1Char('"') && depth == 0) {
            *value = m_text.mid(start, m_pos - 1 - start);
            return true;
        }
    }
    return false;
}

ReferenceEntry
BibTexReader::entryFrom(const QString& type, const QString& key, const QList<Field>& fields, int line) const
{
    ReferenceEntry entry;
    entry.format = QStringLiteral("bibtex");
    entry.key = key;
    entry.type = type;
    entry.line = line;
    QString journal;
    QString bookTitle;
    for (const Field& field : fields) {
        const QString& name = field.name;
        if ((name == QLatin1String("journal") || name == QLatin1String("journaltitle")) && journal.isEmpty())
            journal = field.value;
        else if (name == QLatin1String("booktitle") && bookTitle.isEmpty())
            bookTitle = field.value;
        else if (name == QLatin1String("issn") && entry.issn.isEmpty())
            entry.issn = LatexDecoder::decode(field.value);
        else if (name == QLatin1String("eprint") || name == QLatin1String("archiveprefix") ||
                 name == QLatin1String("eprinttype") || name == QLatin1String("primaryclass") ||
                 name == QLatin1String("howpublished") || name == QLatin1String("publisher") ||
                 name == QLatin1String("institution"))
            entry.eprint += (entry.eprint.isEmpty() ? QString() : QStringLiteral(" ")) + field.value;
        else if ((name == QLatin1String("url") || name == QLatin1String("doi")) && entry.url.isEmpty())
            entry.url = field.value;
    }
    // Papers in proceedings name the proceedings in booktitle; for an incollection it is a book's title,
    // which the classifier treats as "no venue" by the entry type.
    const bool proceedings = type == QLatin1String("inproceedings") || type == QLatin1String("conference");
    entry.venue = LatexDecoder::decode(journal.isEmpty() && proceedings ? bookTitle : journal);
    entry.eprint = LatexDecoder::decode(entry.eprint);
    return entry;
}

} // namespace jcr
