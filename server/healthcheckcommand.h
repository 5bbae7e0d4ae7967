#pragma once

#include <QString>
#include <QTextStream>

namespace jcr {

/// `jcr-mcp-server healthcheck [--url URL]`: asks a running HTTP server for GET /health and exits 0 when
/// it answers 200 with status "ok", 1 otherwise, with one friendly line saying why. Made for Docker's
/// HEALTHCHECK and for monitoring scripts, so it needs no curl in the image.
class HealthCheckCommand
{
public:
    HealthCheckCommand(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

    /// Sends the bearer token from JCR_MCP_TOKEN when set (the server then also says where its database is,
    /// which an unhealthy answer repeats). Gives up after `timeoutMs`.
    int run(const QString& url, int timeoutMs = 5000);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace jcr
