#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace jcr::mcp {

class RequestContext;

/// What a tool handler returns: the readable text, the structured result (must match outputSchema) and
/// whether it is a tool-level failure (isError: a message the model and the person can act on).
struct ToolOutput
{
    QString text;
    QJsonObject structured;
    bool isError = false;
    /// Set when an argument was wrong: the engine answers -32602 naming it before 2025-11-25 and an
    /// isError result from 2025-11-25 on (SEP-1303), exactly as for a schema violation.
    QString invalidField;

    static ToolOutput failure(const QString& message);
    static ToolOutput invalidArgument(const QString& field, const QString& message);
};

struct ToolDefinition
{
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    QJsonObject outputSchema;
    QJsonObject annotations;
    std::function<ToolOutput(const QJsonObject& arguments, RequestContext& context)> handler;
};

/// The tool catalogue: definitions in registration order, looked up by name. tools/list and tools/call
/// go through here; argument validation against inputSchema happens in call() so every tool reports
/// a wrong type the same way.
class ToolRegistry
{
public:
    void add(ToolDefinition tool);
    const QList<ToolDefinition>& tools() const { return m_tools; }
    const ToolDefinition* find(const QString& name) const;

    /// Which data the tools answer from: the version of the database file they read
    /// (JournalBackend::fileVersion()), 0 while there is none. Answers are remembered (AnswerCache) only under a
    /// known version.
    void setDataVersion(std::function<qint64()> version) { m_dataVersion = std::move(version); }
    qint64 dataVersion() const { return m_dataVersion ? m_dataVersion() : 0; }

    /// The Tool object of tools/list, shaped for the negotiated version (title and outputSchema from
    /// 2025-06-18, annotations from 2025-03-26).
    static QJsonObject describe(const ToolDefinition& tool, const QString& protocolVersion);

private:
    QList<ToolDefinition> m_tools;
    std::function<qint64()> m_dataVersion;
};

} // namespace jcr::mcp
