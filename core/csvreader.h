#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace jcr {

/// Reads RFC 4180 CSV text row by row.
///
/// Written by hand because neither Qt nor Debian's Qt stack offers a CSV parser. It accepts what the
/// ShowJCR files contain: UTF-8 with or without a BOM, quoted fields holding commas, doubled quotes and
/// line breaks, LF, CRLF or CR line ends, and rows of different lengths (short rows are returned short).
class CsvReader
{
public:
    /// Decodes `data` as UTF-8 (a leading BOM is dropped; invalid bytes become U+FFFD and are reported
    /// by hasEncodingErrors()).
    explicit CsvReader(const QByteArray& data);

    /// Reads the next row into `fields`; returns false at the end. Blank lines are skipped.
    bool readRow(QStringList* fields);
    /// The 1-based line on which the row last returned by readRow() started.
    int lineNumber() const { return m_rowLine; }
    bool hasEncodingErrors() const { return m_encodingErrors; }
    /// True when the text ended inside a quoted field (a truncated file).
    bool endedInsideQuotes() const { return m_unterminatedQuote; }

    /// Every row of `data`, header included.
    static QList<QStringList> readAll(const QByteArray& data);

private:
    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_rowLine = 0;
    bool m_encodingErrors = false;
    bool m_unterminatedQuote = false;
};

} // namespace jcr
