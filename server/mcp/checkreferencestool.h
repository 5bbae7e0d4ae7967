#pragma once

#include "toolregistry.h"

namespace jcr::mcp {

class JournalBackend;

/// The MCP tool check_references: every entry of a reference list (BibTeX, RIS, CSL-JSON or one name per line)
/// resolved to its journal or conference with the facts a submission or a review needs (ReferenceChecker).
class CheckReferencesTool
{
public:
    /// The tool's definition; its handler reads through `backend`, which must outlive the registry.
    static ToolDefinition create(JournalBackend& backend);

private:
    static QJsonObject inputSchema();
    static QJsonObject outputSchema();
};

} // namespace jcr::mcp
