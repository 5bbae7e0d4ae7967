#pragma once

#include "toolregistry.h"

namespace jcr::mcp {

class JournalBackend;

/// The MCP tool compare_journals: several journals side by side.
class CompareJournalsTool
{
public:
    /// The tool's definition; its handler reads through `backend`, which must outlive the registry.
    static ToolDefinition create(JournalBackend& backend);
};

} // namespace jcr::mcp
