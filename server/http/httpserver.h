#pragma once

#include "httpsettings.h"

#include <QString>

namespace jcr {

/// `jcr-mcp-server --transport streamable-http|sse|http`: the MCP server over HTTP until SIGTERM/SIGINT.
///
/// Prints the ready line `jcr-mcp-server: listening on http://HOST:PORT (TRANSPORT)` on stderr once it
/// accepts connections. On SIGTERM or SIGINT it stops accepting, answers every request it has accepted,
/// ends its streams and returns 0. Returns 2 when it cannot listen (port in use, bad address), and when it
/// would listen on a non-loopback address without JCR_MCP_TOKEN and without --allow-unauthenticated.
class HttpServer
{
public:
    HttpServer(const QString& databasePath, const http::HttpSettings& settings, const QString& transportName);

    int run();

    static constexpr int ExitCannotListen = 2;
    static constexpr int ExitMisconfigured = 2;

private:
    /// False, after telling the operator how to set a token, when the server would be open to the network.
    bool authenticationConfigured() const;

    QString m_databasePath;
    http::HttpSettings m_settings;
    QString m_transportName;
};

} // namespace jcr
