#pragma once

#include "journallinker.h"
#include "journalrecords.h"
#include "sourcefile.h"

#include <QHash>
#include <QList>
#include <QString>

namespace jcr {

/// Facts read from every file, each tagged with the linker's journal index and the source it came from.
struct ImportedData
{
    template <typename Fact> struct Tagged
    {
        int journal = -1;
        int source = -1;
        QString listedTitle;
        Fact fact;
    };
    QList<Tagged<JcrFact>> jcr;
    QList<Tagged<CasFact>> cas;
    QList<Tagged<WarningFact>> warnings;
    QList<Tagged<CcfFact>> ccf;
    QList<Tagged<CcftFact>> ccft;
    QList<Tagged<XrFact>> xr;
    QList<Tagged<ExtraFact>> extra;
};

/// Reads one ShowJCR file of any kind: maps its columns by pattern (CsvHeader), links each row to a journal
/// (JournalLinker) and appends the row's facts to ImportedData. Duplicate rows of one journal inside one
/// file are merged, preferring the row that has a value (JCR 2021 lists some journals twice, once "N/A").
class SourceParser
{
public:
    SourceParser(JournalLinker& linker, ImportedData& data) : m_linker(linker), m_data(data) {}

    struct Result
    {
        int rows = 0;        ///< data rows read
        int skippedRows = 0; ///< rows without a usable title
        int duplicates = 0;  ///< rows merged into an earlier row of the same journal
        QString error;       ///< the file could not be read at all
    };
    Result parse(const SourceFile& file, int sourceIndex);

    /// True when the file's header names an ISSN column; such files are parsed first so that the others
    /// can link to ISSN-identified journals.
    static bool hasIssnColumn(const SourceFile& file);

    // Cell parsers, public for the unit tests.
    static std::optional<double> parseImpactFactor(const QString& text);
    /// "1/333" → (1, 333). A bare number is a rank that Excel turned into a date serial: (0, 0).
    static QPair<int, int> parseRank(const QString& text);
    /// "1", "4 [625/778]" → partition, rank, total.
    static void parsePartition(const QString& text, int* partition, int* rank, int* total);
    /// "SCIE, SSCI", "SSCI;AHCISCIE", "SCIEOnHold" → "SCIE, SSCI", "SSCI, AHCI, SCIE", "SCIE (on hold)".
    static QString normalizeWebOfScience(const QString& text);
    static QString normalizeQuartile(const QString& text);

private:
    template <typename Fact> using Tagged = ImportedData::Tagged<Fact>;

    void parseJcr(const QList<QStringList>& rows, int year, int source, Result& result);
    void parseCas(const QList<QStringList>& rows, int year, int source, Result& result);
    void parseWarnings(const QList<QStringList>& rows, int year, int source, Result& result);
    void parseCcf(const QList<QStringList>& rows, int year, int source, Result& result);
    void parseCcfChinese(const QList<QStringList>& rows, int year, int source, Result& result);
    void parseCcft(const QList<QStringList>& rows, int year, int source, Result& result);
    void parseXr(const QList<QStringList>& rows, int year, int source, Result& result);
    void parseOther(const QList<QStringList>& rows, const QString& name, int year, int source, Result& result);

    int linkWithIssns(const QString& title,
                      const QStringList& print,
                      const QStringList& electronic,
                      const QStringList& unknown,
                      JournalLinker::Venue venue);

    JournalLinker& m_linker;
    ImportedData& m_data;
};

} // namespace jcr
