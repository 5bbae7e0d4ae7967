#pragma once

#include "journalrecords.h"
#include "trendchartlayout.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QWidget>

#include <functional>

class QAction;
class QPainter;

namespace jcr::gui {

/// A small line chart of a journal's impact factor per year, drawn with QPainter: one point per year coloured
/// by its JCR quartile and labelled "IF Qn", the years under the plot and the CAS zone of each year under
/// those. Ctrl+S and the context menu save it as a PNG image.
class TrendChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TrendChartWidget(QWidget* parent = nullptr);

    /// The years to show, in any order (JournalRepository::trend() gives them oldest first).
    void setTrend(const QList<TrendPoint>& trend);
    const QList<TrendPoint>& trend() const { return m_trend; }
    /// Whether any year has an impact factor, i.e. whether there is a chart to show.
    bool hasData() const;
    /// The chart's geometry at `size` with this widget's font.
    TrendChartLayout chartLayout(const QSizeF& size) const;
    /// The name the save dialog proposes, without folder or extension (e.g. the journal's title).
    void setSuggestedFileName(const QString& name) { m_suggestedFileName = name; }

    /// The chart drawn at `size` on a white background.
    QImage toImage(const QSize& size) const;
    /// Writes the chart at the widget's size (or its size hint when it has none yet) as a PNG file. Returns
    /// false with the reason in `error` (e.g. a folder that does not exist or cannot be written).
    bool saveImage(const QString& path, QString* error = nullptr) const;
    QAction* saveAction() const { return m_saveAction; }
    /// Asks where to save the chart, given the proposed path; an empty answer cancels. The default is the
    /// platform's save dialog; tests put their own answer here instead of driving a dialog's event loop.
    using SavePathAsker = std::function<QString(QWidget* parent, const QString& proposedPath)>;
    void setSavePathAsker(SavePathAsker asker) { m_askSavePath = std::move(asker); }

    /// The colour of a point of this JCR quartile (Q1 green, Q2 blue, Q3 orange, Q4 red, otherwise grey).
    static QColor quartileColor(const QString& quartile);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void paint(QPainter& painter, const QSizeF& size) const;
    void askAndSave();

    QList<TrendPoint> m_trend;
    QString m_suggestedFileName;
    QAction* m_saveAction = nullptr;
    SavePathAsker m_askSavePath;
};

} // namespace jcr::gui
