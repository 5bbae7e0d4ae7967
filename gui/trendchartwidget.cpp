#include "trendchartwidget.h"

#include "journalprofilepresenter.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageWriter>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace jcr::gui {

namespace {

constexpr double PointRadius = 4;
const QColor Background(Qt::white);
const QColor TextColor(0x21, 0x21, 0x21);
const QColor MutedText(0x61, 0x61, 0x61);
const QColor AxisColor(0x9e, 0x9e, 0x9e);
const QColor GridColor(0xe6, 0xe6, 0xe6);
const QColor LineColor(0x90, 0xa4, 0xae);

/// A tick value without trailing zeros: 0, 2.5, 10, 0.375.
QString tickText(double value)
{
    return QString::number(value, 'g', 4);
}

/// What a point says: its impact factor and quartile, e.g. "8.0 Q1".
QString pointLabel(const TrendChartLayout::Point& point)
{
    return point.quartile.isEmpty() ? point.impactFactorText
                                    : QStringLiteral("%1 %2").arg(point.impactFactorText, point.quartile);
}

} // namespace

TrendChartWidget::TrendChartWidget(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("trendChart"));
    m_saveAction = new QAction(this);
    m_saveAction->setObjectName(QStringLiteral("saveChartAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    // The lookup window has no other Ctrl+S; a hidden chart's shortcut does not fire.
    m_saveAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_saveAction, &QAction::triggered, this, &TrendChartWidget::askAndSave);
    addAction(m_saveAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslateUi();
}

void TrendChartWidget::retranslateUi()
{
    m_saveAction->setText(tr("Save chart as image…"));
    setAccessibleName(tr("Impact factor per year"));
    QStringList values;
    for (const TrendPoint& point : m_trend) {
        if (point.impactFactor)
            values
                << QStringLiteral("%1: %2 %3").arg(point.year).arg(*point.impactFactor).arg(point.quartile).trimmed();
    }
    setAccessibleDescription(values.join(QStringLiteral("; ")));
}

void TrendChartWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void TrendChartWidget::setTrend(const QList<TrendPoint>& trend)
{
    m_trend = trend;
    retranslateUi(); // the accessible description lists the values
    update();
}

bool TrendChartWidget::hasData() const
{
    return std::any_of(m_trend.cbegin(), m_trend.cend(), [](const TrendPoint& point) {
        return point.year > 0 && point.impactFactor && std::isfinite(*point.impactFactor);
    });
}

TrendChartLayout TrendChartWidget::chartLayout(const QSizeF& size) const
{
    const QFontMetricsF metrics(font());
    TrendChartLayout::Metrics sizes;
    sizes.lineHeight = metrics.height();
    // The y axis labels depend on the axis maximum: lay out once to know them, then with their real width.
    const TrendChartLayout first(m_trend, size, sizes);
    double widest = metrics.horizontalAdvance(tr("CAS"));
    for (const double tick : first.ticks())
        widest = std::max(widest, metrics.horizontalAdvance(tickText(tick)));
    sizes.axisLabelWidth = std::ceil(widest);
    return TrendChartLayout(m_trend, size, sizes);
}

QColor TrendChartWidget::quartileColor(const QString& quartile)
{
    const QString q = quartile.trimmed().toUpper();
    if (q == QLatin1String("Q1"))
        return QColor(0x2e, 0x7d, 0x32);
    if (q == QLatin1String("Q2"))
        return QColor(0x15, 0x65, 0xc0);
    if (q == QLatin1String("Q3"))
        return QColor(0xef, 0x6c, 0x00);
    if (q == QLatin1String("Q4"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x75, 0x75, 0x75);
}

QSize TrendChartWidget::sizeHint() const
{
    const int line = QFontMetrics(font()).height();
    return QSize(560, 9 * line + 60);
}

QSize TrendChartWidget::minimumSizeHint() const
{
    const int line = QFontMetrics(font()).height();
    return QSize(320, 9 * line + 60);
}

void TrendChartWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paint(painter, size());
}

void TrendChartWidget::paint(QPainter& painter, const QSizeF& size) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font());
    painter.fillRect(QRectF(QPointF(0, 0), size), Background);
    const TrendChartLayout chart = chartLayout(size);
    const QRectF plot = chart.plotArea();
    const QFontMetricsF metrics(font());

    painter.setPen(TextColor);
    QFont captionFont = font();
    captionFont.setBold(true);
    painter.setFont(captionFont);
    painter.drawText(chart.captionArea(), Qt::AlignLeft | Qt::AlignVCenter, tr("Impact factor per year"));
    painter.setFont(font());

    // Horizontal grid lines with their values on the left.
    for (const double tick : chart.ticks()) {
        const double y = chart.yForValue(tick);
        painter.setPen(QPen(tick == 0 ? AxisColor : GridColor, 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(MutedText);
        const QRectF label(0, y - metrics.height() / 2, plot.left() - 6, metrics.height());
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, tickText(tick));
    }

    // The year row and, under it, the CAS zone of each year (with "Top" for CAS Top journals).
    QHash<int, TrendPoint> byYear;
    for (const TrendPoint& point : m_trend)
        byYear.insert(point.year, point);
    const double column = chart.years().isEmpty() ? plot.width() : plot.width() / chart.years().size();
    const bool anyZone =
        std::any_of(m_trend.cbegin(), m_trend.cend(), [](const TrendPoint& point) { return point.casPartition > 0; });
    painter.setPen(MutedText);
    if (anyZone) // a journal without CAS partitions gets no empty CAS row
        painter.drawText(QRectF(0, chart.casRowY() - metrics.ascent(), plot.left() - 6, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, tr("CAS"));
    for (const int year : chart.years()) {
        const double x = chart.xForYear(year);
        painter.setPen(TextColor);
        painter.drawText(QRectF(x - column / 2, chart.yearRowY() - metrics.ascent(), column, metrics.height()),
                         Qt::AlignCenter, QString::number(year));
        const TrendPoint point = byYear.value(year);
        if (point.casPartition > 0) {
            QString zone = JournalProfilePresenter::casPartitionText(point.casPartition);
            if (point.casTop)
                zone += QStringLiteral(" Top");
            painter.setPen(point.casPartition == 1 ? quartileColor(QStringLiteral("Q1")) : MutedText);
            painter.drawText(QRectF(x - column / 2, chart.casRowY() - metrics.ascent(), column, metrics.height()),
                             Qt::AlignCenter, zone);
        }
    }

    if (chart.isEmpty()) {
        painter.setPen(MutedText);
        painter.drawText(plot, Qt::AlignCenter, tr("No impact factor in the data"));
        return;
    }
    painter.setPen(QPen(LineColor, 2));
    for (const QLineF& segment : chart.segments())
        painter.drawLine(segment);
    for (const TrendChartLayout::Point& point : chart.points()) {
        const QColor color = quartileColor(point.quartile);
        painter.setPen(QPen(Background, 1.5));
        painter.setBrush(color);
        painter.drawEllipse(point.position, PointRadius, PointRadius);
        painter.setPen(color);
        const QString label = pointLabel(point);
        const double width = metrics.horizontalAdvance(label) + 4;
        painter.drawText(QRectF(point.position.x() - width / 2, point.position.y() - PointRadius - 2 - metrics.height(),
                                width, metrics.height()),
                         Qt::AlignCenter, label);
    }
    painter.setBrush(Qt::NoBrush);
}

QImage TrendChartWidget::toImage(const QSize& size) const
{
    QImage image(size.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Background);
    QPainter painter(&image);
    paint(painter, image.size());
    return image;
}

bool TrendChartWidget::saveImage(const QString& path, QString* error) const
{
    const QSize imageSize = isVisible() ? size() : sizeHint();
    QImageWriter writer(path, "png");
    if (!writer.write(toImage(imageSize))) {
        if (error)
            *error =
                tr("The chart cannot be saved as %1: %2").arg(QDir::toNativeSeparators(path), writer.errorString());
        return false;
    }
    return true;
}

void TrendChartWidget::askAndSave()
{
    if (!hasData())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString name = m_suggestedFileName.isEmpty() ? QStringLiteral("impact-factor") : m_suggestedFileName;
    // Characters no file name may hold (on any system) become spaces: "Journal: of/Tests" → "Journal of Tests".
    name = name.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|]+)")), QStringLiteral(" ")).simplified();
    const QString proposed = QDir(folder).filePath(name + QStringLiteral(".png"));
    QString path = m_askSavePath ? m_askSavePath(this, proposed)
                                 : QFileDialog::getSaveFileName(this, tr("Save chart as image"), proposed,
                                                                tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    QString error;
    if (!saveImage(path, &error))
        QMessageBox::warning(this, tr("Save chart as image"), error);
}

} // namespace jcr::gui
