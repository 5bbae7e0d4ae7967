#include "latencystats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace jcr::bench {

const std::vector<std::int64_t>& LatencyStats::sorted() const
{
    if (m_sorted.size() != m_samples.size()) {
        m_sorted = m_samples;
        std::sort(m_sorted.begin(), m_sorted.end());
    }
    return m_sorted;
}

double LatencyStats::percentileMs(double p) const
{
    const auto& values = sorted();
    if (values.empty())
        return 0.0;
    // Nearest rank: the smallest sample such that at least p% of the samples are at or below it.
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(values.size())));
    const std::size_t index = std::clamp<std::size_t>(rank, 1, values.size()) - 1;
    return double(values[index]) / 1e6;
}

double LatencyStats::meanMs() const
{
    if (m_samples.empty())
        return 0.0;
    const long double sum = std::accumulate(m_samples.begin(), m_samples.end(), (long double)0);
    return double(sum / m_samples.size()) / 1e6;
}

double LatencyStats::maxMs() const
{
    return m_samples.empty() ? 0.0 : double(sorted().back()) / 1e6;
}

double LatencyStats::minMs() const
{
    return m_samples.empty() ? 0.0 : double(sorted().front()) / 1e6;
}

QJsonObject LatencyStats::toJson() const
{
    return QJsonObject{{QStringLiteral("count"), qint64(count())},   {QStringLiteral("p50_ms"), percentileMs(50)},
                       {QStringLiteral("p99_ms"), percentileMs(99)}, {QStringLiteral("mean_ms"), meanMs()},
                       {QStringLiteral("max_ms"), maxMs()},          {QStringLiteral("min_ms"), minMs()}};
}

} // namespace jcr::bench
