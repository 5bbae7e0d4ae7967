#pragma once

#include <QString>
#include <QStringList>

namespace jcr {

/// The fields (领域) of the CCF recommendation lists: the database stores them as the lists spell them, in
/// Chinese ("人工智能", "数据库/数据挖掘/内容检索"); users also ask in English ("artificial intelligence"),
/// by one part of a field ("data mining") or by a short name ("AI"). This turns what they typed into the
/// stored name, or says which fields there are.
class CcfFields
{
public:
    /// The English name of a stored (Chinese) field, empty for a field this version does not know.
    static QString englishName(const QString& field);

    /// The one field of `fields` (as stored) that `text` names: the Chinese or English name, a part of it
    /// between slashes, a short name, or a piece of exactly one of them; case, spaces and punctuation do not
    /// matter. Empty with the reason in `error` (listing the candidates, or every field) when `text` names
    /// none or several.
    static QString resolve(const QString& text, const QStringList& fields, QString* error);
};

} // namespace jcr
