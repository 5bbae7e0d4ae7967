#include "sourcefile.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

namespace jcr {

SourceFile::SourceFile(const QString& fileName, const QByteArray& content) : m_fileName(fileName), m_content(content)
{
    // Not in the initialiser list: m_year's default member initialiser would run after kindOf() wrote it.
    m_kind = kindOf(fileName, &m_year);
}

QString SourceFile::kindName() const
{
    return kindName(m_kind);
}

QString SourceFile::sha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(m_content, QCryptographicHash::Sha256).toHex());
}

SourceFile::Kind SourceFile::kindOf(const QString& fileName, int* year)
{
    // ShowJCR names its tables by a prefix and the year label, e.g. JCR2025-UTF8.csv, FQBJCR2021-UTF8.csv,
    // GJQKYJMD2024.csv, CCFT2025-UTF8.csv. The order matters: CCFChinese and CCFT before CCF, FQBJCR
    // before JCR.
    struct Rule
    {
        const char* pattern;
        Kind kind;
    };
    static const Rule rules[] = {
        {"^FQBJCR(\\d{4})", Kind::Cas},
        {"^JCR(\\d{4})", Kind::Jcr},
        {"^GJQKYJMD(\\d{4})", Kind::Warning},
        {"^CCFChinese(\\d{4})", Kind::CcfChinese},
        {"^CCFT(\\d{4})", Kind::Ccft},
        {"^CCF(\\d{4})", Kind::Ccf},
        {"^XR(\\d{4})", Kind::Xr},
    };
    const QString base = QFileInfo(fileName).fileName();
    for (const Rule& rule : rules) {
        const QRegularExpression expression(QString::fromLatin1(rule.pattern),
                                            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = expression.match(base);
        if (match.hasMatch()) {
            if (year)
                *year = match.captured(1).toInt();
            return rule.kind;
        }
    }
    if (year) {
        static const QRegularExpression anyYear(QStringLiteral("(?<!\\d)((?:19|20)\\d{2})(?!\\d)"));
        const QRegularExpressionMatch match = anyYear.match(base);
        *year = match.hasMatch() ? match.captured(1).toInt() : 0;
    }
    return Kind::Other;
}

QString SourceFile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Jcr:
        return QStringLiteral("jcr");
    case Kind::Cas:
        return QStringLiteral("cas");
    case Kind::Warning:
        return QStringLiteral("warning");
    case Kind::Ccf:
        return QStringLiteral("ccf");
    case Kind::CcfChinese:
        return QStringLiteral("ccf-chinese");
    case Kind::Ccft:
        return QStringLiteral("ccft");
    case Kind::Xr:
        return QStringLiteral("xr");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace jcr
