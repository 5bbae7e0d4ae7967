#include "csvreader.h"

#include <QStringDecoder>

namespace jcr {

namespace {

constexpr char16_t kQuote = u'"';
constexpr char16_t kComma = u',';
constexpr char16_t kCr = u'\r';
constexpr char16_t kLf = u'\n';
constexpr char16_t kBom = 0xFEFF;

} // namespace

CsvReader::CsvReader(const QByteArray& data)
{
    // Stateless: `data` is the whole text, so a multi-byte sequence cut off at its end is an error (and a
    // U+FFFD) instead of state kept for a next chunk that never comes.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    m_text = decoder.decode(data);
    m_encodingErrors = decoder.hasError();
    // Qt's decoder normally drops an initial BOM already; checking again keeps it out of the first header
    // name even if that default or the flags above change.
    if (m_text.startsWith(QChar(kBom)))
        m_pos = 1;
}

bool CsvReader::readRow(QStringList* fields)
{
    fields->clear();
    const QChar* const begin = m_text.constData();
    const QChar* const end = begin + m_text.size();
    const QChar* p = begin + m_pos;

    // Blank lines (nothing but spaces or tabs) are not rows: skip them, counting the lines.
    for (;;) {
        const QChar* q = p;
        while (q < end && (q->unicode() == u' ' || q->unicode() == u'\t'))
            ++q;
        if (q == end) {
            m_pos = m_text.size();
            return false;
        }
        if (q->unicode() == kCr) {
            ++q;
            if (q < end && q->unicode() == kLf)
                ++q;
        } else if (q->unicode() == kLf) {
            ++q;
        } else {
            break;
        }
        ++m_line;
        p = q;
    }

    m_rowLine = m_line;
    for (;;) {
        // One field per iteration; p is at its first character.
        if (p < end && p->unicode() == kQuote) {
            ++p;
            const QChar* start = p;
            QString value;
            bool closed = false;
            // Copy runs between doubled quotes in one go rather than character by character.
            while (p < end) {
                const char16_t c = p->unicode();
                if (c == kQuote) {
                    if (p + 1 < end && p[1].unicode() == kQuote) {
                        value.append(start, p - start + 1); // keeps one of the two quotes
                        p += 2;
                        start = p;
                        continue;
                    }
                    value.append(start, p - start);
                    ++p;
                    closed = true;
                    break;
                }
                if (c == kLf) {
                    ++m_line;
                } else if (c == kCr) {
                    // CRLF is one line break; a lone CR is one too.
                    if (!(p + 1 < end && p[1].unicode() == kLf))
                        ++m_line;
                }
                ++p;
            }
            if (!closed) {
                value.append(start, p - start);
                m_unterminatedQuote = true;
            }
            // Text between the closing quote and the next separator (`"a"b,`) is not RFC 4180; keep it
            // rather than lose data.
            const QChar* tail = p;
            while (p < end && p->unicode() != kComma && p->unicode() != kCr && p->unicode() != kLf)
                ++p;
            if (p != tail)
                value.append(tail, p - tail);
            fields->append(value);
        } else {
            const QChar* start = p;
            while (p < end && p->unicode() != kComma && p->unicode() != kCr && p->unicode() != kLf)
                ++p;
            fields->append(QString(start, p - start));
        }

        if (p < end && p->unicode() == kComma) {
            ++p;
            continue; // a comma at the end of the line still opens one (empty) last field
        }
        // End of line or of the text ends the row.
        if (p < end) {
            if (p->unicode() == kCr) {
                ++p;
                if (p < end && p->unicode() == kLf)
                    ++p;
            } else {
                ++p;
            }
            ++m_line;
        }
        break;
    }
    m_pos = p - begin;
    return true;
}

QList<QStringList> CsvReader::readAll(const QByteArray& data)
{
    CsvReader reader(data);
    QList<QStringList> rows;
    // A row is rarely shorter than 60 bytes in the ShowJCR files; reserving avoids most regrowth.
    rows.reserve(data.size() / 60 + 1);
    QStringList fields;
    while (reader.readRow(&fields))
        rows.append(fields);
    return rows;
}

} // namespace jcr
