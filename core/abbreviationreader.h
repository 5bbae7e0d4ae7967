#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace jcr {

/// One row of a JabRef journal abbreviation list.
struct AbbreviationRow
{
    /// How the list writes abbreviations: ISO 4 with dots, MEDLINE/NLM without dots, or a list's own style.
    enum class Kind { Iso4, Medline, Other };

    QString fullName;
    QString abbreviation;
    QString shortestUnique; ///< the third column; often empty
    QString file;
    Kind kind = Kind::Iso4;

    bool operator==(const AbbreviationRow& other) const
    {
        return fullName == other.fullName && abbreviation == other.abbreviation &&
               shortestUnique == other.shortestUnique && file == other.file && kind == other.kind;
    }
};

/// Reads the JabRef abbreviation lists (`"<full name>","<abbreviation>"[,"<shortest unique>"[,"<frequency>"]]`,
/// RFC 4180, no header) with CsvReader.
class AbbreviationReader
{
public:
    struct Result
    {
        QList<AbbreviationRow> rows;
        int skippedRows = 0; ///< fewer than two columns, or an empty name or abbreviation
        int duplicates = 0;  ///< rows repeating an earlier (full name, abbreviation) pair of the same file
    };

    /// The rows of `content`, the file called `fileName`. A row repeating an earlier full name and abbreviation
    /// of the same file is dropped; a full name with different abbreviations keeps each of them.
    static Result read(const QString& fileName, const QByteArray& content);

    /// entrez and medicus give MEDLINE forms, annee-philologique and dainst their own; the rest is ISO 4.
    static AbbreviationRow::Kind kindOf(const QString& fileName);
    /// "iso4", "medline", "other": stable names stored in the database.
    static QString kindName(AbbreviationRow::Kind kind);
};

} // namespace jcr
