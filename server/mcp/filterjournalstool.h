#pragma once

#include "toolregistry.h"

namespace jcr::mcp {

class JournalBackend;

/// The MCP tool filter_journals: journals by quartile, zone, IF range, category and CCF rank.
class FilterJournalsTool
{
public:
    /// The tool's definition; its handler reads through `backend`, which must outlive the registry.
    static ToolDefinition create(JournalBackend& backend);
};

} // namespace jcr::mcp
