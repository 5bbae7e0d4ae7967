#include "ccffields.h"

#include <QHash>

namespace jcr {

namespace {

struct KnownField
{
    const char16_t* chinese;
    const char* english;
    QStringList aliases; ///< other English names and short names people use
};

/// The ten fields of the CCF lists 2019–2026 with the English names the CCF uses.
const QList<KnownField>& knownFields()
{
    static const QList<KnownField> fields{
        {u"交叉/综合/新兴",
         "Interdisciplinary/Comprehensive/Emerging",
         {QStringLiteral("Cross/Comprehensive/Emerging"),
          QStringLiteral("Interdisciplinary, Comprehensive and Emerging")}},
        {u"人工智能", "Artificial Intelligence", {QStringLiteral("AI")}},
        {u"人机交互与普适计算",
         "Human-Computer Interaction and Pervasive Computing",
         {QStringLiteral("HCI"), QStringLiteral("Human-Computer Interaction"), QStringLiteral("Ubiquitous Computing")}},
        {u"数据库/数据挖掘/内容检索",
         "Database/Data Mining/Content Retrieval",
         {QStringLiteral("Databases"), QStringLiteral("Information Retrieval")}},
        {u"网络与信息安全",
         "Network and Information Security",
         {QStringLiteral("Security"), QStringLiteral("Cybersecurity"), QStringLiteral("Information Security")}},
        {u"计算机体系结构/并行与分布计算/存储系统",
         "Computer Architecture/Parallel and Distributed Computing/Storage Systems",
         {QStringLiteral("Architecture"), QStringLiteral("Distributed Computing")}},
        {u"计算机图形学与多媒体",
         "Computer Graphics and Multimedia",
         {QStringLiteral("Graphics"), QStringLiteral("Multimedia")}},
        {u"计算机科学理论",
         "Theoretical Computer Science",
         {QStringLiteral("Computer Science Theory"), QStringLiteral("Theory")}},
        {u"计算机网络", "Computer Networks", {QStringLiteral("Computer Network"), QStringLiteral("Networking")}},
        {u"软件工程/系统软件/程序设计语言",
         "Software Engineering/System Software/Programming Languages",
         {QStringLiteral("Programming Language"), QStringLiteral("Software")}},
    };
    return fields;
}

/// Letters and digits only, lower case, "&" read as "and": "Data-Mining" and "data mining" are one key.
QString keyOf(const QString& text)
{
    QString key;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC)) {
        if (c == u'&')
            key += QStringLiteral("and");
        else if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

/// Every name of a stored field: itself, its parts between slashes, its English name and aliases with theirs.
QStringList namesOf(const QString& field)
{
    QStringList names{field};
    names += field.split(u'/', Qt::SkipEmptyParts);
    for (const KnownField& known : knownFields()) {
        if (QString::fromUtf16(known.chinese) != field)
            continue;
        const QString english = QString::fromLatin1(known.english);
        names << english;
        names += english.split(u'/', Qt::SkipEmptyParts);
        names += known.aliases;
    }
    return names;
}

QString describe(const QString& field)
{
    const QString english = CcfFields::englishName(field);
    return english.isEmpty() ? field : QStringLiteral("%1 (%2)").arg(field, english);
}

QString describeAll(const QStringList& fields)
{
    QStringList described;
    for (const QString& field : fields)
        described << describe(field);
    return described.join(QStringLiteral("; "));
}

} // namespace

QString CcfFields::englishName(const QString& field)
{
    for (const KnownField& known : knownFields()) {
        if (QString::fromUtf16(known.chinese) == field)
            return QString::fromLatin1(known.english);
    }
    return QString();
}

QString CcfFields::resolve(const QString& text, const QStringList& fields, QString* error)
{
    const QString wanted = keyOf(text);
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return QString();
    };
    if (wanted.isEmpty())
        return fail(QStringLiteral("ccf_field is empty; the CCF fields are: %1").arg(describeAll(fields)));

    // A whole name first (so "computer networks" is not also a piece of another field), then a piece of one.
    QStringList whole, partial;
    for (const QString& field : fields) {
        bool exact = false, piece = false;
        for (const QString& name : namesOf(field)) {
            const QString key = keyOf(name);
            exact = exact || key == wanted;
            piece = piece || key.contains(wanted);
        }
        if (exact)
            whole << field;
        else if (piece)
            partial << field;
    }
    const QStringList& found = whole.isEmpty() ? partial : whole;
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty())
        return fail(QStringLiteral("\"%1\" is not a CCF field; the CCF fields are: %2")
                        .arg(text.trimmed().left(60), describeAll(fields)));
    return fail(QStringLiteral("\"%1\" fits several CCF fields: %2; name one of them")
                    .arg(text.trimmed().left(60), describeAll(found)));
}

} // namespace jcr
