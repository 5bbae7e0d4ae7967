#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace jcr::mcp {

class JournalBackend;

/// The prompts: journal_analysis_prompt {journal_name} (embeds the journal's real data, as the original
/// server did) and submission_advice {research_topic, candidate_journals?, major_category?}.
/// get() throws JsonRpcError -32602 for an unknown prompt or a missing required argument.
class PromptProvider
{
public:
    explicit PromptProvider(JournalBackend& backend);

    QJsonArray prompts(const QString& protocolVersion) const;
    /// The result of prompts/get: {description, messages:[…]}.
    QJsonObject get(const QString& name, const QJsonObject& arguments, const QString& protocolVersion) const;
    /// Completion values for a prompt argument (empty for unknown prompts or arguments).
    QStringList complete(const QString& prompt, const QString& argument, const QString& value) const;

private:
    QJsonObject analysis(const QJsonObject& arguments, const QString& protocolVersion) const;
    QJsonObject submissionAdvice(const QJsonObject& arguments, const QString& protocolVersion) const;

    JournalBackend& m_backend;
};

} // namespace jcr::mcp
