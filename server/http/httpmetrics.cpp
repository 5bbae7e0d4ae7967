#include "httpmetrics.h"

#include "mcpengine.h"

namespace jcr::http {

namespace {

/// `name="value"` with the value escaped.
QByteArray label(const char* name, const QByteArray& value)
{
    return QByteArray(name) + "=\"" + HttpMetrics::escapeLabelValue(value) + '"';
}

} // namespace

QByteArray HttpMetrics::methodLabel(const QByteArray& method)
{
    if (method == "batch" || mcp::McpEngine::knowsMethod(QString::fromUtf8(method)))
        return method;
    return QByteArrayLiteral("other");
}

QByteArray HttpMetrics::escapeLabelValue(const QByteArray& value)
{
    QByteArray escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '"')
            escaped += "\\\"";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    return escaped;
}

void HttpMetrics::recordRequest(const QByteArray& route, int status, double /*milliseconds*/)
{
    ++m_requests[{route, status}];
}

void HttpMetrics::recordCall(const QByteArray& method, bool failed, double milliseconds)
{
    const QByteArray name = methodLabel(method);
    Histogram& histogram = m_calls[name];
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (milliseconds <= Buckets[i])
            ++histogram.counts[i];
    }
    ++histogram.total;
    histogram.sum += milliseconds / 1000.0;
    if (failed)
        ++m_callErrors[name];
}

QByteArray
HttpMetrics::render(const QList<QPair<QByteArray, int>>& sessions, int busyWorkers, double uptimeSeconds) const
{
    QByteArray text;
    text += "# HELP jcr_http_requests_total HTTP requests by route and status.\n"
            "# TYPE jcr_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        text += "jcr_http_requests_total{" + label("route", it.key().first) + ',' +
                label("status", QByteArray::number(it.key().second)) + "} " + QByteArray::number(it.value()) + '\n';

    text += "# HELP jcr_mcp_call_duration_seconds Time to answer MCP requests, by method.\n"
            "# TYPE jcr_mcp_call_duration_seconds histogram\n";
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        const QByteArray method = label("method", it.key());
        for (size_t i = 0; i < Buckets.size(); ++i)
            text += "jcr_mcp_call_duration_seconds_bucket{" + method + ",le=\"" +
                    QByteArray::number(Buckets[i] / 1000.0) + "\"} " + QByteArray::number(it->counts[i]) + '\n';
        text +=
            "jcr_mcp_call_duration_seconds_bucket{" + method + ",le=\"+Inf\"} " + QByteArray::number(it->total) + '\n';
        text += "jcr_mcp_call_duration_seconds_sum{" + method + "} " + QByteArray::number(it->sum, 'f', 6) + '\n';
        text += "jcr_mcp_call_duration_seconds_count{" + method + "} " + QByteArray::number(it->total) + '\n';
    }

    text += "# HELP jcr_mcp_call_errors_total MCP requests answered with an error or an isError result.\n"
            "# TYPE jcr_mcp_call_errors_total counter\n";
    for (auto it = m_callErrors.cbegin(); it != m_callErrors.cend(); ++it)
        text += "jcr_mcp_call_errors_total{" + label("method", it.key()) + "} " + QByteArray::number(it.value()) + '\n';

    text += "# HELP jcr_sessions Live MCP sessions by transport.\n# TYPE jcr_sessions gauge\n";
    for (const auto& [transport, count] : sessions)
        text += "jcr_sessions{" + label("transport", transport) + "} " + QByteArray::number(count) + '\n';
    text += "# HELP jcr_busy_workers Worker threads answering a request now.\n# TYPE jcr_busy_workers gauge\n"
            "jcr_busy_workers " +
            QByteArray::number(busyWorkers) + '\n';
    text += "# HELP jcr_uptime_seconds Seconds since the server started.\n# TYPE jcr_uptime_seconds gauge\n"
            "jcr_uptime_seconds " +
            QByteArray::number(uptimeSeconds, 'f', 1) + '\n';
    return text;
}

} // namespace jcr::http
