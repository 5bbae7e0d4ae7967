#pragma once

#include <QByteArray>
#include <QMap>
#include <QPair>

#include <array>

namespace jcr::http {

/// Counters for GET /metrics, in the Prometheus text format. Written here rather than with a client
/// library: Debian has no Qt-friendly one, and four metric families need no more than this.
class HttpMetrics
{
public:
    /// One finished HTTP request: its route (/mcp, /sse, …), status code and duration.
    void recordRequest(const QByteArray& route, int status, double milliseconds);
    /// One finished MCP call: the JSON-RPC method (tools/call, …), whether it failed, and its duration. Methods
    /// the engine does not know are counted under `other` (and a batch under `batch`): the names come from
    /// clients, and each distinct label value would be a series of its own.
    void recordCall(const QByteArray& method, bool failed, double milliseconds);

    /// The label to record a call under: `method` when the engine serves it, `batch`, or `other`.
    static QByteArray methodLabel(const QByteArray& method);
    /// A label value as the text format writes it between double quotes: backslash, double quote and
    /// newline escaped (anything else is written as it is).
    static QByteArray escapeLabelValue(const QByteArray& value);

    /// `sessions` are (transport, count) gauges taken at the time of the scrape.
    QByteArray render(const QList<QPair<QByteArray, int>>& sessions, int busyWorkers, double uptimeSeconds) const;

private:
    static constexpr std::array<double, 12> Buckets{0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000};
    struct Histogram
    {
        std::array<quint64, Buckets.size()> counts{};
        quint64 total = 0;
        double sum = 0;
    };

    QMap<QPair<QByteArray, int>, quint64> m_requests;
    QMap<QByteArray, Histogram> m_calls;
    QMap<QByteArray, quint64> m_callErrors;
};

} // namespace jcr::http
