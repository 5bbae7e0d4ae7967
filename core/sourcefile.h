#pragma once

#include <QByteArray>
#include <QString>

namespace jcr {

/// One ShowJCR data file: its name, what kind of table it is, the year label its name gives, and content.
class SourceFile
{
public:
    enum class Kind { Jcr, Cas, Warning, Ccf, CcfChinese, Ccft, Xr, Other };

    SourceFile() = default;
    SourceFile(const QString& fileName, const QByteArray& content);

    QString fileName() const { return m_fileName; }
    QByteArray content() const { return m_content; }
    Kind kind() const { return m_kind; }
    int year() const { return m_year; }
    /// e.g. "jcr", "cas", "warning": stable names stored in the database.
    QString kindName() const;
    QString sha256() const;

    /// Classifies a file by its name (JCR2025-UTF8.csv → Jcr, 2025; FQBJCR2021 → Cas; GJQKYJMD → Warning, …).
    static Kind kindOf(const QString& fileName, int* year = nullptr);
    static QString kindName(Kind kind);

private:
    QString m_fileName;
    QByteArray m_content;
    Kind m_kind = Kind::Other;
    int m_year = 0;
};

} // namespace jcr
