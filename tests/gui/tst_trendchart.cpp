// The impact factor trend chart of the lookup window: its geometry (TrendChartLayout, headless) and the widget
// that draws it (offscreen): axis maximum, points and gaps, ticks, colours, and saving it as a PNG image.

#include "trendchartlayout.h"
#include "trendchartwidget.h"

#include <QAction>
#include <QApplication>
#include <QImageReader>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using jcr::TrendPoint;
using jcr::gui::TrendChartLayout;
using jcr::gui::TrendChartWidget;

namespace {

const QSizeF ChartSize(560, 240);

/// A trend from "year:IF:quartile:zone" items separated by spaces; "-" for no IF, the rest optional, e.g.
/// "2019:3.5:Q2:2 2020:- 2021:4.1:Q1:1T" (T after the zone: CAS Top).
QList<TrendPoint> trendOf(const QString& spec)
{
    QList<TrendPoint> points;
    for (const QString& item : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u':');
        TrendPoint point;
        point.year = parts.value(0).toInt();
        if (parts.value(1) != QLatin1String("-") && !parts.value(1).isEmpty()) {
            point.impactFactor = parts.value(1).toDouble();
            point.impactFactorText = parts.value(1);
        }
        point.quartile = parts.value(2);
        QString zone = parts.value(3);
        point.casTop = zone.endsWith(u'T');
        point.casPartition = zone.remove(u'T').toInt();
        points.append(point);
    }
    return points;
}

} // namespace

class TestTrendChart : public QObject
{
    Q_OBJECT

private slots:
    void niceMaximum_data();
    void niceMaximum();
    void pointsAndGaps_data();
    void pointsAndGaps();
    void ticksRunFromZeroToTheMaximum_data();
    void ticksRunFromZeroToTheMaximum();
    void emptyDataDrawsNoPoints_data();
    void emptyDataDrawsNoPoints();
    void quartileColors_data();
    void quartileColors();
    void savesAPng();
    void unwritablePathSaysWhy_data();
    void unwritablePathSaysWhy();
    void saveActionHasTheShortcut();
    void saveActionAsksWhereAndSaves_data();
    void saveActionAsksWhereAndSaves();
};

void TestTrendChart::niceMaximum_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expected");
    QTest::addRow("zero") << 0.0 << 1.0;
    QTest::addRow("negative") << -3.0 << 1.0;
    QTest::addRow("not a number") << std::nan("") << 1.0;
    QTest::addRow("infinite") << std::numeric_limits<double>::infinity() << 1.0;
    QTest::addRow("0.5 -> 0.6") << 0.5 << 0.6;
    QTest::addRow("1 -> 1.5 (head room)") << 1.0 << 1.5;
    QTest::addRow("1.85 -> 2 (exactly 1.998)") << 1.85 << 2.0;
    QTest::addRow("2.3 -> 2.5") << 2.3 << 2.5;
    QTest::addRow("2.75 -> 3") << 2.75 << 3.0;
    QTest::addRow("3.5 -> 4") << 3.5 << 4.0;
    QTest::addRow("4.6 -> 5") << 4.6 << 5.0;
    QTest::addRow("5.5 -> 6") << 5.5 << 6.0;
    QTest::addRow("7.4 -> 8") << 7.4 << 8.0;
    QTest::addRow("8 -> 10") << 8.0 << 10.0;
    QTest::addRow("13.9 -> 20 (15.01 > 15)") << 13.9 << 20.0;
    QTest::addRow("50 -> 60") << 50.0 << 60.0;
    QTest::addRow("92.6 -> 150") << 92.6 << 150.0;
    QTest::addRow("0.042 -> 0.05") << 0.042 << 0.05;
}

void TestTrendChart::niceMaximum()
{
    QFETCH(double, value);
    QFETCH(double, expected);
    const double maximum = TrendChartLayout::niceMaximum(value);
    QVERIFY2(qFuzzyCompare(maximum, expected), qPrintable(QString::number(maximum)));
    if (std::isfinite(value) && value > 0)
        QVERIFY(maximum >= value * TrendChartLayout::HeadRoom);
}

void TestTrendChart::pointsAndGaps_data()
{
    QTest::addColumn<QString>("trend");
    QTest::addColumn<QList<int>>("pointYears");
    QTest::addColumn<int>("segments");
    QTest::addColumn<QList<int>>("years"); // the year row
    QTest::addRow("seven years in a row")
        << "2019:3:Q2 2020:3.2:Q2 2021:3.9:Q1 2022:4:Q1 2023:4.1:Q1 2024:5:Q1 2025:6:Q1"
        << QList<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025} << 6
        << QList<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025};
    QTest::addRow("a year without IF breaks the line")
        << "2021:2.1:Q3 2022:- 2023:2.5:Q3 2024:2.7:Q2" << QList<int>{2021, 2023, 2024} << 1
        << QList<int>{2021, 2022, 2023, 2024};
    QTest::addRow("a missing year breaks the line")
        << "2020:1:Q4 2022:1.2:Q4" << QList<int>{2020, 2022} << 0 << QList<int>{2020, 2021, 2022};
    QTest::addRow("unsorted input") << "2024:8:Q1 2022:7:Q1 2023:7.5:Q1" << QList<int>{2022, 2023, 2024} << 2
                                    << QList<int>{2022, 2023, 2024};
    QTest::addRow("one year") << "2025:12.3:Q1" << QList<int>{2025} << 0 << QList<int>{2025};
    QTest::addRow("CAS years widen the year row")
        << "2019:-::2 2020:-::2 2021:1.5:Q3:3" << QList<int>{2021} << 0 << QList<int>{2019, 2020, 2021};
    QTest::addRow("zero IF is a point") << "2023:0:Q4 2024:0.1:Q4" << QList<int>{2023, 2024} << 1
                                        << QList<int>{2023, 2024};
}

void TestTrendChart::pointsAndGaps()
{
    QFETCH(QString, trend);
    QFETCH(QList<int>, pointYears);
    QFETCH(int, segments);
    QFETCH(QList<int>, years);
    const TrendChartLayout chart(trendOf(trend), ChartSize);
    QList<int> drawn;
    for (const TrendChartLayout::Point& point : chart.points())
        drawn.append(point.year);
    QCOMPARE(drawn, pointYears);
    QCOMPARE(chart.segments().size(), segments);
    QCOMPARE(chart.years(), years);
    QVERIFY(!chart.isEmpty());

    // Every point inside the plot, left to right by year, higher IF higher up; segments join drawn points.
    const QRectF plot = chart.plotArea();
    QVERIFY(QRectF(QPointF(0, 0), ChartSize).contains(plot));
    for (int i = 0; i < chart.points().size(); ++i) {
        const TrendChartLayout::Point& point = chart.points().at(i);
        QVERIFY2(plot.contains(point.position), qPrintable(QString::number(point.year)));
        QCOMPARE(point.position.x(), chart.xForYear(point.year));
        if (i > 0) {
            const TrendChartLayout::Point& previous = chart.points().at(i - 1);
            QVERIFY(point.position.x() > previous.position.x());
            if (point.impactFactor > previous.impactFactor)
                QVERIFY(point.position.y() < previous.position.y());
        }
    }
    for (const QLineF& segment : chart.segments()) {
        bool joins = false;
        for (int i = 1; i < chart.points().size(); ++i) {
            joins = joins || (segment.p1() == chart.points().at(i - 1).position &&
                              segment.p2() == chart.points().at(i).position &&
                              chart.points().at(i).year == chart.points().at(i - 1).year + 1);
        }
        QVERIFY(joins);
    }
    // The year columns lie inside the plot, and the year and CAS rows under it.
    QVERIFY(chart.xForYear(years.first()) > plot.left());
    QVERIFY(chart.xForYear(years.last()) < plot.right());
    QVERIFY(chart.yearRowY() > plot.bottom());
    QVERIFY(chart.casRowY() > chart.yearRowY());
    QVERIFY(chart.casRowY() <= ChartSize.height());
}

void TestTrendChart::ticksRunFromZeroToTheMaximum_data()
{
    QTest::addColumn<QString>("trend");
    QTest::addColumn<double>("maximum");
    QTest::addRow("IF 6.1") << "2024:5.2:Q1 2025:6.1:Q1" << 8.0;
    QTest::addRow("IF 64.8") << "2025:64.8:Q1" << 80.0;
    QTest::addRow("IF 0.3") << "2025:0.3:Q4" << 0.4;
    QTest::addRow("no IF") << "2025:-" << 1.0;
}

void TestTrendChart::ticksRunFromZeroToTheMaximum()
{
    QFETCH(QString, trend);
    QFETCH(double, maximum);
    const TrendChartLayout chart(trendOf(trend), ChartSize);
    QCOMPARE(chart.axisMaximum(), maximum);
    const QList<double> ticks = chart.ticks();
    QCOMPARE(ticks.size(), TrendChartLayout::TickCount);
    QCOMPARE(ticks.first(), 0.0);
    QCOMPARE(ticks.last(), maximum);
    for (int i = 1; i < ticks.size(); ++i)
        QVERIFY(qFuzzyCompare(ticks.at(i) - ticks.at(i - 1), maximum / (TrendChartLayout::TickCount - 1)));
    QCOMPARE(chart.yForValue(0), chart.plotArea().bottom());
    QCOMPARE(chart.yForValue(maximum), chart.plotArea().top());
}

void TestTrendChart::emptyDataDrawsNoPoints_data()
{
    QTest::addColumn<QString>("trend");
    QTest::addRow("nothing") << "";
    QTest::addRow("CAS only") << "2023:-::1T 2024:-::1T";
    QTest::addRow("IF not available") << "2024:- 2025:-";
}

void TestTrendChart::emptyDataDrawsNoPoints()
{
    QFETCH(QString, trend);
    const TrendChartLayout chart(trendOf(trend), ChartSize);
    QVERIFY(chart.isEmpty());
    QVERIFY(chart.segments().isEmpty());
    QCOMPARE(chart.axisMaximum(), 1.0);
    TrendChartWidget widget;
    widget.setTrend(trendOf(trend));
    QVERIFY(!widget.hasData());
    const QImage image = widget.toImage(QSize(400, 200)); // draws the "no impact factor" text, no crash
    QCOMPARE(image.size(), QSize(400, 200));
    QCOMPARE(widget.toImage(QSize(0, 0)).size(), QSize(1, 1)); // a degenerate size does not crash either
}

void TestTrendChart::quartileColors_data()
{
    QTest::addColumn<QString>("quartile");
    QTest::addColumn<QString>("color");
    QTest::addRow("Q1") << "Q1"
                        << "#2e7d32";
    QTest::addRow("Q2") << "Q2"
                        << "#1565c0";
    QTest::addRow("Q3") << "Q3"
                        << "#ef6c00";
    QTest::addRow("Q4") << "Q4"
                        << "#c62828";
    QTest::addRow("lower case") << "q1"
                                << "#2e7d32";
    QTest::addRow("none") << ""
                          << "#757575";
    QTest::addRow("N/A") << "N/A"
                         << "#757575";
}

void TestTrendChart::quartileColors()
{
    QFETCH(QString, quartile);
    QFETCH(QString, color);
    QCOMPARE(TrendChartWidget::quartileColor(quartile).name(), color);
}

void TestTrendChart::savesAPng()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TrendChartWidget widget;
    widget.setTrend(trendOf("2021:3:Q2:2 2022:3.5:Q2:2 2023:4.5:Q1:1 2024:5:Q1:1T"));
    QVERIFY(widget.hasData());
    widget.resize(widget.sizeHint());
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(widget.saveImage(path, &error), qPrintable(error));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QCOMPARE(image.size(), widget.sizeHint()); // not shown yet: the size hint
    // Each point is drawn in its quartile's colour at its place.
    const TrendChartLayout chart = widget.chartLayout(image.size());
    QCOMPARE(chart.points().size(), 4);
    for (const TrendChartLayout::Point& point : chart.points()) {
        const QColor pixel = image.pixelColor(point.position.toPoint());
        QCOMPARE(pixel.name(), TrendChartWidget::quartileColor(point.quartile).name());
    }
    // The corner is background.
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
}

void TestTrendChart::unwritablePathSaysWhy_data()
{
    QTest::addColumn<QString>("relativePath"); // under a fresh temporary folder
    QTest::addRow("folder does not exist") << "no/such/folder/chart.png";
    QTest::addRow("a folder, not a file") << ".";
    QTest::addRow("empty path") << "";
}

void TestTrendChart::unwritablePathSaysWhy()
{
    QFETCH(QString, relativePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = relativePath.isEmpty() ? QString() : dir.filePath(relativePath);
    TrendChartWidget widget;
    widget.setTrend(trendOf("2024:5:Q1 2025:6:Q1"));
    QString error;
    QVERIFY(!widget.saveImage(path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
}

void TestTrendChart::saveActionHasTheShortcut()
{
    TrendChartWidget widget;
    QAction* save = widget.saveAction();
    QVERIFY(save);
    QCOMPARE(save->shortcut(), QKeySequence(QKeySequence::Save));
    QVERIFY(widget.actions().contains(save)); // in the context menu
    QCOMPARE(widget.contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(!widget.accessibleName().isEmpty());
}

void TestTrendChart::saveActionAsksWhereAndSaves_data()
{
    QTest::addColumn<QString>("typed");   // what the user types in the file dialog, under a temporary folder
    QTest::addColumn<QString>("written"); // the file that must exist afterwards; empty: none
    QTest::addColumn<bool>("errorShown"); // a message box says why
    QTest::addRow("with .png") << "chart.png"
                               << "chart.png" << false;
    QTest::addRow("without a suffix: .png added") << "chart"
                                                  << "chart.png" << false;
    QTest::addRow("folder does not exist") << "missing/chart.png"
                                           << "" << true;
}

void TestTrendChart::saveActionAsksWhereAndSaves()
{
    QFETCH(QString, typed);
    QFETCH(QString, written);
    QFETCH(bool, errorShown);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TrendChartWidget widget;
    widget.setTrend(trendOf("2024:5:Q1 2025:6:Q1"));
    widget.setSuggestedFileName(QStringLiteral("Journal: of/Tests"));
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    // Answer where to save as a user would in the dialog, and accept a possible error box from inside its
    // event loop.
    QString proposed;
    QWidget* askedParent = nullptr;
    widget.setSavePathAsker([&](QWidget* parent, const QString& proposedPath) {
        askedParent = parent;
        proposed = proposedPath;
        return dir.filePath(typed);
    });
    bool sawError = false;
    QTimer answer;
    answer.setInterval(20);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            sawError = box->text().contains(dir.filePath(typed));
            box->accept();
        }
    });
    answer.start();
    widget.saveAction()->trigger();
    answer.stop();

    QCOMPARE(askedParent, &widget); // the dialog belongs to the chart's window
    // The proposed name is the journal's, without characters a file name cannot hold.
    QVERIFY2(QFileInfo(proposed).fileName() == QStringLiteral("Journal of Tests.png"), qPrintable(proposed));
    QCOMPARE(sawError, errorShown);
    if (!written.isEmpty()) {
        const QImage image(dir.filePath(written));
        QVERIFY2(!image.isNull(), qPrintable(dir.filePath(written)));
        QCOMPARE(image.size(), widget.size());
    }
}

QTEST_MAIN(TestTrendChart)
#include "tst_trendchart.moc"
