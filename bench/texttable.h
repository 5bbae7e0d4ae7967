#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace jcr::bench {

/// A plain-text table with aligned columns for the console report (numbers right-aligned).
class TextTable
{
public:
    explicit TextTable(QStringList header);
    void addRow(QStringList cells);
    QString toString() const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace jcr::bench
