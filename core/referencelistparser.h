#pragma once

#include "referenceentry.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace jcr {

/// Reads a whole reference list whatever its format: detects BibTeX, RIS, CSL-JSON or a plain list of names,
/// and enforces the limits (entries, size, text only) with a message that says what to do.
class ReferenceListParser
{
public:
    struct Result
    {
        QString format; ///< "bibtex", "ris", "csl-json", "plain"; empty when refused
        QList<ReferenceEntry> entries;
        QString error; ///< why the list was refused; entries is empty then

        bool ok() const { return error.isEmpty(); }
    };

    /// Parses UTF-8 bytes (a file): refuses binary data and invalid UTF-8.
    static Result parse(const QByteArray& utf8);
    /// Parses text (an MCP argument, pasted text).
    static Result parse(const QString& text);
    /// "bibtex", "ris", "csl-json" or "plain", judged from the first lines.
    static QString detectFormat(const QString& text);

    static constexpr int MaxEntries = 5000;
    static constexpr qsizetype MaxBytes = 2 * 1024 * 1024;

private:
    static QString binaryError(const QString& text);
    static QString sizeError(qsizetype bytes);
};

} // namespace jcr
