#pragma once

#include <QJsonObject>

#include <cstdint>
#include <vector>

namespace jcr::bench {

/// Latency samples of one measured operation, in nanoseconds, and their summary (nearest-rank percentiles).
class LatencyStats
{
public:
    void add(std::int64_t nanoseconds) { m_samples.push_back(nanoseconds); }
    void reserve(std::size_t count) { m_samples.reserve(count); }
    std::size_t count() const { return m_samples.size(); }

    /// Percentile `p` (0..100) in milliseconds; 0 when there are no samples.
    double percentileMs(double p) const;
    double meanMs() const;
    double maxMs() const;
    double minMs() const;

    /// count, p50_ms, p99_ms, mean_ms, max_ms, min_ms.
    QJsonObject toJson() const;

private:
    const std::vector<std::int64_t>& sorted() const;

    std::vector<std::int64_t> m_samples;
    mutable std::vector<std::int64_t> m_sorted;
};

} // namespace jcr::bench
