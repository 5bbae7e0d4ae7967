#pragma once

#include "journalrecords.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace jcr::bench {

/// What a query of the mix must return to count as a hit (a benchmark that times wrong answers is useless).
enum class Expectation {
    FirstIsExpected, ///< the first match is one of `expected`
    ExpectedInTop3,  ///< one of `expected` is among the first three matches
    TopNameStarts,   ///< the first match's name starts with the query (compared by title key)
    TopNameContains, ///< the first match's name contains the query (compared by title key)
};

struct BenchQuery
{
    QString text;
    QList<qint64> expected; ///< journal ids that are a right answer (empty for the name checks)
    Expectation check = Expectation::FirstIsExpected;
};

struct QueryClass
{
    QString name;
    QString description;
    std::vector<BenchQuery> queries;
};

/// The fixed, deterministic query mix of the search benchmark, sampled from the real ShowJCR files (every
/// k-th row, no randomness) and checked against the database that the benchmark built.
///
/// The right answer of a query comes from the source files, not from the search under test: the journal
/// that owns the row's ISSN/EISSN (journal_issn), or, for abbreviations and Chinese titles, the journal
/// that carries the listed full name (journal_name).
class QueryMix
{
public:
    /// Reads JCR2025, CCF2026, CCFT and CCFChinese files of `dataFolder` and resolves the right answers in
    /// the database at `databasePath`. `sampleSize` rows are taken from JCR2025.
    bool build(const QString& dataFolder, const QString& databasePath, int sampleSize, QString* error);

    const std::vector<QueryClass>& classes() const { return m_classes; }
    /// Journal ids for the profile() benchmark (the right answers of the exact-title sample).
    const QList<qint64>& profileIds() const { return m_profileIds; }
    /// Rows or names that could not be turned into a checked query, for the report.
    const QStringList& notes() const { return m_notes; }

    static bool isHit(const BenchQuery& query, const SearchResult& result);
    static QString expectationName(Expectation check);

private:
    /// The abbr-iso4, abbr-dotless and abbr-medline classes, `perClass` queries each, from the imported lists.
    std::vector<QueryClass> abbreviationListClasses(const QSqlDatabase& db, int perClass);

    std::vector<QueryClass> m_classes;
    QList<qint64> m_profileIds;
    QStringList m_notes;
};

} // namespace jcr::bench
