#pragma once

#include "toolregistry.h"

namespace jcr::mcp {

class JournalBackend;

/// The MCP tool get_journal: every fact of one journal.
class GetJournalTool
{
public:
    /// The tool's definition; its handler reads through `backend`, which must outlive the registry.
    static ToolDefinition create(JournalBackend& backend);
};

} // namespace jcr::mcp
