#include "trendchartlayout.h"

#include <algorithm>
#include <cmath>

namespace jcr::gui {

namespace {

constexpr double Padding = 8;
/// Room right of the plot for the newest point's label.
constexpr double RightMargin = 28;

} // namespace

TrendChartLayout::TrendChartLayout(const QList<TrendPoint>& trend, const QSizeF& size, const Metrics& metrics)
    : m_size(size), m_metrics(metrics)
{
    double highest = 0;
    for (const TrendPoint& point : trend) {
        if (point.year <= 0)
            continue;
        if (m_lastYear < m_firstYear) {
            m_firstYear = m_lastYear = point.year;
        } else {
            m_firstYear = std::min(m_firstYear, point.year);
            m_lastYear = std::max(m_lastYear, point.year);
        }
        if (point.impactFactor && std::isfinite(*point.impactFactor))
            highest = std::max(highest, *point.impactFactor);
    }
    m_axisMaximum = niceMaximum(highest);

    // Caption and point labels above the plot; the year and CAS rows below it.
    const double top = Padding + 2 * metrics.lineHeight;
    const double bottom = Padding + 2.5 * metrics.lineHeight;
    const double left = Padding + metrics.axisLabelWidth + Padding;
    m_plot = QRectF(left, top, std::max(1.0, size.width() - left - RightMargin),
                    std::max(1.0, size.height() - top - bottom));

    QList<TrendPoint> sorted = trend;
    std::sort(sorted.begin(), sorted.end(), [](const TrendPoint& a, const TrendPoint& b) { return a.year < b.year; });
    for (const TrendPoint& point : sorted) {
        if (point.year <= 0 || !point.impactFactor || !std::isfinite(*point.impactFactor))
            continue;
        const double value = std::max(0.0, *point.impactFactor);
        const QPointF position(xForYear(point.year), yForValue(value));
        if (!m_points.isEmpty() && m_points.last().year + 1 == point.year)
            m_segments.append(QLineF(m_points.last().position, position));
        const QString text =
            point.impactFactorText.trimmed().isEmpty() ? QString::number(value) : point.impactFactorText.trimmed();
        m_points.append({point.year, value, text, point.quartile, point.casPartition, point.casTop, position});
    }
}

TrendChartLayout::TrendChartLayout(const QList<TrendPoint>& trend, const QSizeF& size)
    : TrendChartLayout(trend, size, Metrics())
{
}

double TrendChartLayout::niceMaximum(double value)
{
    if (!std::isfinite(value) || value <= 0)
        return 1;
    static constexpr double Factors[] = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
    const double target = value * HeadRoom;
    const double power = std::pow(10.0, std::floor(std::log10(target)));
    for (const double factor : Factors) {
        // A relative tolerance, so 1.5 × 10^n computed in floating point still counts as reaching 1.5 × 10^n.
        if (factor * power >= target * (1 - 1e-12))
            return factor * power;
    }
    return 10 * power;
}

QList<double> TrendChartLayout::ticks() const
{
    QList<double> values;
    for (int i = 0; i < TickCount; ++i)
        values.append(m_axisMaximum * i / (TickCount - 1));
    return values;
}

QList<int> TrendChartLayout::years() const
{
    QList<int> values;
    for (int year = m_firstYear; year <= m_lastYear; ++year)
        values.append(year);
    return values;
}

double TrendChartLayout::xForYear(int year) const
{
    const int columns = std::max(1, m_lastYear - m_firstYear + 1);
    const double width = m_plot.width() / columns;
    return m_plot.left() + (year - m_firstYear + 0.5) * width;
}

double TrendChartLayout::yForValue(double impactFactor) const
{
    return m_plot.bottom() - impactFactor / m_axisMaximum * m_plot.height();
}

double TrendChartLayout::yearRowY() const
{
    return m_plot.bottom() + Padding / 2 + m_metrics.lineHeight;
}

double TrendChartLayout::casRowY() const
{
    return yearRowY() + m_metrics.lineHeight;
}

QRectF TrendChartLayout::captionArea() const
{
    return QRectF(Padding, Padding / 2, std::max(1.0, m_size.width() - 2 * Padding), m_metrics.lineHeight);
}

} // namespace jcr::gui
