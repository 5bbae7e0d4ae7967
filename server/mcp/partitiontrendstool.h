#pragma once

#include "toolregistry.h"

namespace jcr::mcp {

class JournalBackend;

/// The MCP tool get_partition_trends: one journal's IF, quartile and CAS zone per year.
class PartitionTrendsTool
{
public:
    /// The tool's definition; its handler reads through `backend`, which must outlive the registry.
    static ToolDefinition create(JournalBackend& backend);
};

} // namespace jcr::mcp
