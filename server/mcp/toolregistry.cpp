#include "toolregistry.h"

namespace jcr::mcp {

ToolOutput ToolOutput::failure(const QString& message)
{
    ToolOutput output;
    output.text = message;
    output.isError = true;
    return output;
}

ToolOutput ToolOutput::invalidArgument(const QString& field, const QString& message)
{
    ToolOutput output = failure(message);
    output.invalidField = field;
    return output;
}

void ToolRegistry::add(ToolDefinition tool)
{
    m_tools.append(std::move(tool));
}

const ToolDefinition* ToolRegistry::find(const QString& name) const
{
    for (const ToolDefinition& tool : m_tools) {
        if (tool.name == name)
            return &tool;
    }
    return nullptr;
}

QJsonObject ToolRegistry::describe(const ToolDefinition& tool, const QString& protocolVersion)
{
    QJsonObject object{{QStringLiteral("name"), tool.name},
                       {QStringLiteral("description"), tool.description},
                       {QStringLiteral("inputSchema"), tool.inputSchema}};
    if (protocolVersion >= QLatin1String("2025-06-18")) {
        if (!tool.title.isEmpty())
            object.insert(QStringLiteral("title"), tool.title);
        if (!tool.outputSchema.isEmpty())
            object.insert(QStringLiteral("outputSchema"), tool.outputSchema);
    }
    if (protocolVersion >= QLatin1String("2025-03-26") && !tool.annotations.isEmpty())
        object.insert(QStringLiteral("annotations"), tool.annotations);
    return object;
}

} // namespace jcr::mcp
