#pragma once

#include "journalbackend.h"
#include "journalrecords.h"
#include "journalrepository.h"
#include "toolregistry.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace jcr::mcp {

/// What the journal tools share: registering them all, and resolving the journal an argument names.
/// Each tool is its own class (searchjournaltool.h, …): a thin adapter from MCP arguments to
/// JournalRepository queries and back to a structured result (the records' toJson()) plus readable text.
/// The first four keep the names and arguments of the original ShowJCR MCP server so existing prompts keep
/// working.
class JournalTools
{
public:
    /// Adds search_journal, get_partition_trends, check_warning_journals, compare_journals, get_journal,
    /// filter_journals and check_references to `registry`. `backend` must outlive the registry.
    static void registerAll(ToolRegistry& registry, JournalBackend& backend);

    /// The journal `query` names: the best search match unless it is only a close spelling that is not clearly
    /// better than the next (SearchResult::resolved), in which case nothing is returned and `suggestions` gets the
    /// close titles ("did you mean"). When the match is ambiguous (a short name or abbreviation of several
    /// journals), `alternatives` gets the other journals it stands for. A query error (database failure) is put
    /// in `error`.
    static std::optional<JournalMatch> resolve(const JournalRepository& repository,
                                               const QString& query,
                                               QStringList* suggestions,
                                               QString* error,
                                               QList<JournalMatch>* alternatives = nullptr);
    /// The journal that a tool's `field` argument names. When there is none, `answer` holds what the tool
    /// says instead: an argument error, a failure, or "not found" with suggestions.
    static std::optional<JournalMatch> journalArgument(const JournalRepository& repository,
                                                       const QJsonObject& arguments,
                                                       const QString& field,
                                                       QString* query,
                                                       ToolOutput* answer,
                                                       QList<JournalMatch>* alternatives);
    /// Says how `query` matched, so that an assistant can tell a sure match from a guess: `matchedBy`, `match`,
    /// `ambiguous` and `alternatives` in `structured`, and a line such as "matched by close spelling: <title>"
    /// (plus the other journals of an ambiguous name) before `text`.
    static void describeMatch(const QString& query,
                              const JournalMatch& match,
                              const QList<JournalMatch>& alternatives,
                              QJsonObject* structured,
                              QString* text);
    /// `properties` of an output schema with those that describeMatch() fills added.
    static QJsonObject withMatchProperties(QJsonObject properties);
    /// "未找到期刊 Journal not found …, did you mean …" text.
    static QString notFoundText(const QString& query, const QStringList& suggestions);
    /// `names` without case-insensitive duplicates ("Acta X" and "ACTA X" from different files), first kept.
    static QStringList uniqueNames(const QStringList& names);
    /// Splits "Nature, Science；Cell" (also Chinese separators and new lines) into trimmed names.
    static QStringList splitList(const QString& text);
    /// The profile with only the JCR, CAS and warning facts of `year` (0 keeps everything).
    static JournalProfile restrictToYear(const JournalProfile& profile, int year);

    /// Runs `body` with the repository, or returns the "database missing, run sync" failure.
    template <typename Body> static ToolOutput withRepository(JournalBackend& backend, Body body);

    /// What a tool says about the one journal that `field` names: the failure or "did you mean" when there is
    /// none, else `answer(repository, query, match)`, which reads the journal by match.journal.id (not by name
    /// or ISSN again: an ISSN can belong to two journals).
    using JournalAnswer = std::function<ToolOutput(const JournalRepository& repository,
                                                   const QString& query,
                                                   const JournalMatch& match,
                                                   const QList<JournalMatch>& alternatives)>;
    static ToolOutput aboutOneJournal(JournalBackend& backend,
                                      const QJsonObject& arguments,
                                      const QString& field,
                                      const JournalAnswer& answer);

    /// The argument `name` as text, white space simplified.
    static QString trimmedArgument(const QJsonObject& arguments, const QString& name);
    /// Rejects an empty or over-long name, naming the field.
    static bool checkName(const QString& value, const QString& field, ToolOutput* failure);
    /// The "not found, did you mean" answer, with query/found/suggestions added to `structured`.
    static ToolOutput notFound(const QString& query, const QStringList& suggestions, QJsonObject structured);
    /// Exact title, ISSN, short name or abbreviation: sure enough to show several such matches in full.
    static bool isStrongMatch(MatchKind kind);

    static constexpr int MaxCompare = 20;
    static constexpr int MaxFilterLimit = 100;
};

template <typename Body> ToolOutput JournalTools::withRepository(JournalBackend& backend, Body body)
{
    QString error;
    const JournalRepository* repository = backend.repository(&error);
    if (!repository)
        return ToolOutput::failure(error);
    return body(*repository);
}

} // namespace jcr::mcp
