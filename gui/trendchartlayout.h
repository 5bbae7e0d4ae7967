#pragma once

#include "journalrecords.h"

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace jcr::gui {

/// Where everything of the impact factor trend chart goes, without any widget or painter, so the geometry
/// (axis maximum, ticks, points, gaps in the line) is unit-tested headless. The chart has one column per year
/// from the oldest to the newest year of the trend; a point per year with an impact factor; a line segment
/// only between two neighbouring years (year and year + 1) that both have one, so a missing year shows as a
/// gap rather than a line that pretends to know it.
class TrendChartLayout
{
public:
    /// Text sizes the painter measured; defaults fit a 9-10 pt font.
    struct Metrics
    {
        double lineHeight = 16;     ///< one row of text
        double axisLabelWidth = 36; ///< the widest tick label on the y axis
    };

    struct Point
    {
        int year = 0;
        double impactFactor = 0;
        QString impactFactorText; ///< as the data gives it, e.g. "8.0"; the number when the text is empty
        QString quartile;
        int casPartition = 0;
        bool casTop = false;
        QPointF position;
    };

    static constexpr int TickCount = 5;
    /// Head room above the highest impact factor, so its point and label stay inside the plot.
    static constexpr double HeadRoom = 1.08;

    TrendChartLayout(const QList<TrendPoint>& trend, const QSizeF& size, const Metrics& metrics);
    /// With the default Metrics (a default argument cannot use them inside the class that declares them).
    TrendChartLayout(const QList<TrendPoint>& trend, const QSizeF& size);

    /// The smallest "nice" number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten) that is at least
    /// `value` × HeadRoom; 1 for zero, negative or non-finite values.
    static double niceMaximum(double value);

    /// True when no year has an impact factor (nothing to draw).
    bool isEmpty() const { return m_points.isEmpty(); }
    QSizeF size() const { return m_size; }
    /// The area inside the axes.
    QRectF plotArea() const { return m_plot; }
    double axisMaximum() const { return m_axisMaximum; }
    /// TickCount values from 0 to axisMaximum(), evenly spaced.
    QList<double> ticks() const;
    /// Every year from the oldest to the newest of the trend, with or without data.
    QList<int> years() const;
    /// The centre of a year's column.
    double xForYear(int year) const;
    double yForValue(double impactFactor) const;
    /// The years with an impact factor, oldest first, with their place in the chart.
    const QList<Point>& points() const { return m_points; }
    const QList<QLineF>& segments() const { return m_segments; }
    /// The baseline of the year row and of the CAS row under the plot.
    double yearRowY() const;
    double casRowY() const;
    /// The caption's row above the plot.
    QRectF captionArea() const;

private:
    QSizeF m_size;
    Metrics m_metrics;
    QRectF m_plot;
    int m_firstYear = 0;
    int m_lastYear = -1;
    double m_axisMaximum = 1;
    QList<Point> m_points;
    QList<QLineF> m_segments;
};

} // namespace jcr::gui
