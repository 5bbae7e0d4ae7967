#pragma once

#include "referenceentry.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace jcr {

/// Reads BibTeX and BibLaTeX: `@type{key, field = value, …}` (or parentheses), values in braces, quotes,
/// numbers or `@string` macros joined by `#`; `@comment`, `@preamble` and text outside entries (comments)
/// are skipped. The venue is `journal`/`journaltitle` (articles and anything else that has one) or
/// `booktitle` (papers in proceedings). One pass over the text; an entry with unbalanced braces is returned
/// with its problem set and reading resumes at the next line that starts with `@`.
class BibTexReader
{
public:
    /// Entries of `text`; stops after `maxEntries` + 1 (the caller refuses the list then).
    static QList<ReferenceEntry> read(const QString& text, int maxEntries);

private:
    explicit BibTexReader(const QString& text);

    struct Field
    {
        QString name;
        QString value;
    };

    void run(int maxEntries);
    /// Reads the entry whose '@' is at m_pos; false (entry skipped) when it ends before its closing brace.
    bool readEntry();
    bool readString(QChar close);
    bool readFields(QChar close, QList<Field>* fields);
    bool readValue(QString* value);
    bool readBraced(QString* value);
    bool readQuoted(QString* value);
    QString readIdentifier();
    bool skipBalanced(QChar open, QChar close);
    void skipSpaceAndComments();
    void resynchronise();
    int lineAt(int position);
    ReferenceEntry entryFrom(const QString& type, const QString& key, const QList<Field>& fields, int line) const;

    const QString& m_text;
    int m_pos = 0;
    int m_lineCountedTo = 0;
    int m_line = 1;
    QHash<QString, QString> m_macros;
    QList<ReferenceEntry> m_entries;
};

} // namespace jcr
