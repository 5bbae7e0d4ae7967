#pragma once

#include <QLoggingCategory>

// Logging categories of the MCP server. Everything goes to stderr (Qt's default handler); stdout carries
// protocol messages only. Enable debug output with QT_LOGGING_RULES="jcr.mcp*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcMcp)
Q_DECLARE_LOGGING_CATEGORY(lcMcpStdio)
