#pragma once

#include "referencereport.h"

#include <QByteArray>
#include <QString>

namespace jcr {

/// The text and CSV forms of a ReferenceReport: what the CLI prints, what check_references puts beside its
/// structured content, and what the GUI exports. The text stays short for long lists: the summary first,
/// then one line per entry.
class ReferenceReportFormatter
{
public:
    static QString text(const ReferenceReport& report);
    static QString summaryText(const ReferenceReport& report);
    /// "Nature Communications · IF 2024 15.7 Q1 · 中科院 1区 Top · CCF A · ⚠ 预警 2020" or why unresolved.
    static QString entryLine(const CheckedReference& reference);
    /// RFC 4180 CSV with a header row, UTF-8 with BOM so that Excel shows the Chinese text.
    static QByteArray csv(const ReferenceReport& report);
    /// The status in words ("已匹配 resolved", "预印本 preprint: arXiv", …).
    static QString statusText(const CheckedReference& reference);

private:
    static QString counts(const QMap<QString, int>& counts, const QString& prefix, const QString& suffix);
    static QString csvField(const QString& value);
};

} // namespace jcr
