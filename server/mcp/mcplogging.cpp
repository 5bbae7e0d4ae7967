#include "mcplogging.h"

Q_LOGGING_CATEGORY(lcMcp, "jcr.mcp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMcpStdio, "jcr.mcp.stdio", QtInfoMsg)
