#include "databasewriter.h"

#include "databaseschema.h"
#include "textnormalizer.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace jcr {

namespace {

/// A prepared insert whose failures carry the statement's purpose.
class Insert
{
public:
    Insert(const QSqlDatabase& db, const QString& sql, QString* error) : m_query(db), m_error(error)
    {
        m_query.setForwardOnly(true);
        m_ok = m_query.prepare(sql);
        if (!m_ok && m_error)
            *m_error = QStringLiteral("cannot prepare \"%1\": %2").arg(sql, m_query.lastError().text());
    }
    bool ok() const { return m_ok; }

    bool run(std::initializer_list<QVariant> values)
    {
        if (!m_ok)
            return false;
        int position = 0;
        for (const QVariant& value : values)
            m_query.bindValue(position++, value);
        if (!m_query.exec()) {
            m_ok = false;
            if (m_error)
                *m_error = QStringLiteral("cannot write: %1").arg(m_query.lastError().text());
        }
        return m_ok;
    }

private:
    QSqlQuery m_query;
    QString* m_error;
    bool m_ok = false;
};

QVariant orNull(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant orNull(int value)
{
    return value ? QVariant(value) : QVariant();
}

QVariant orNull(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant orNull(const std::optional<bool>& value)
{
    return value ? QVariant(int(*value)) : QVariant();
}

QString issnKindName(JournalLinker::IssnKind kind)
{
    switch (kind) {
    case JournalLinker::IssnKind::Print:
        return QStringLiteral("print");
    case JournalLinker::IssnKind::Electronic:
        return QStringLiteral("electronic");
    case JournalLinker::IssnKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

/// The newest facts of each journal, for the summary columns of `journal`.
struct Latest
{
    const JcrFact* jcr = nullptr;
    const CasFact* cas = nullptr;
    bool warned = false;
    int ccfEdition = 0;
    QString ccfRank;
};

QList<Latest> latestFacts(int journalCount, const ImportedData& data)
{
    QList<Latest> latest(journalCount);
    for (const auto& tagged : data.jcr) {
        Latest& entry = latest[tagged.journal];
        if (!entry.jcr || tagged.fact.year > entry.jcr->year)
            entry.jcr = &tagged.fact;
    }
    for (const auto& tagged : data.cas) {
        Latest& entry = latest[tagged.journal];
        if (!entry.cas || tagged.fact.year > entry.cas->year)
            entry.cas = &tagged.fact;
    }
    for (const auto& tagged : data.warnings)
        latest[tagged.journal].warned = true;
    for (const auto& tagged : data.ccf) {
        Latest& entry = latest[tagged.journal];
        const bool newer = tagged.fact.edition > entry.ccfEdition;
        const bool better = tagged.fact.edition == entry.ccfEdition && tagged.fact.rank < entry.ccfRank;
        if (!tagged.fact.rank.isEmpty() && (newer || better)) {
            entry.ccfEdition = tagged.fact.edition;
            entry.ccfRank = tagged.fact.rank;
        }
    }
    return latest;
}

QString venueName(JournalLinker::Venue venue)
{
    return venue == JournalLinker::Venue::Conference ? QStringLiteral("conference") : QStringLiteral("journal");
}

} // namespace

bool DatabaseWriter::writeSources(const QList<SourceFileInfo>& sources, QString* error)
{
    Insert insert(m_db,
                  QStringLiteral("INSERT INTO source_file (id, name, kind, year, rows, skipped_rows, sha256,"
                                 " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  error);
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const SourceFileInfo& source = sources.at(i);
        if (!insert.run({int(i + 1), source.name, source.kind, orNull(source.year), source.rows, source.skippedRows,
                         source.sha256, source.importedAt.toUTC().toString(Qt::ISODate)}))
            return false;
    }
    return insert.ok();
}

bool DatabaseWriter::writeJournals(const JournalLinker& linker, const ImportedData& data, QString* error)
{
    Insert journalInsert(
        m_db,
        QStringLiteral("INSERT INTO journal (id, title, title_key, title_zh, issn, eissn, cn, venue_type,"
                       " latest_jcr_year, latest_if, latest_quartile, latest_cas_year, latest_cas_partition,"
                       " latest_cas_top, on_warning_list, ccf_rank) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        error);
    Insert nameInsert(
        m_db, QStringLiteral("INSERT INTO journal_name (journal_id, name, name_key, kind) VALUES (?,?,?,?)"), error);
    Insert issnInsert(m_db, QStringLiteral("INSERT INTO journal_issn (issn, journal_id, kind) VALUES (?,?,?)"), error);
    if (!journalInsert.ok() || !nameInsert.ok() || !issnInsert.ok())
        return false;

    const QList<JournalLinker::Journal>& journals = linker.journals();
    const QList<Latest> latest = latestFacts(int(journals.size()), data);
    for (qsizetype i = 0; i < journals.size(); ++i) {
        const JournalLinker::Journal& journal = journals.at(i);
        const Latest& facts = latest.at(i);
        const int id = int(i + 1);
        QString issn = journal.issn;
        QString eissn = journal.eissn;
        if (issn.isEmpty() && eissn.isEmpty() && !journal.issns.isEmpty())
            issn = journal.issns.first().first;
        const QString titleZh = journal.chineseTitles.value(0);
        if (!journalInsert.run(
                {id, journal.title, journal.key, orNull(titleZh), orNull(TextNormalizer::formatIssn(issn)),
                 orNull(TextNormalizer::formatIssn(eissn)), orNull(journal.cn), venueName(journal.venue),
                 facts.jcr ? QVariant(facts.jcr->year) : QVariant(),
                 facts.jcr ? orNull(facts.jcr->impactFactor) : QVariant(),
                 facts.jcr ? orNull(facts.jcr->quartile) : QVariant(),
                 facts.cas ? QVariant(facts.cas->year) : QVariant(),
                 facts.cas ? orNull(facts.cas->partition) : QVariant(),
                 facts.cas ? QVariant(int(facts.cas->top)) : QVariant(), int(facts.warned), orNull(facts.ccfRank)}))
            return false;

        auto addName = [&](const QString& name, const QString& kind) {
            const QString key = TextNormalizer::titleKey(name);
            return key.isEmpty() || nameInsert.run({id, name, key, kind});
        };
        if (!addName(journal.title, QStringLiteral("title")))
            return false;
        for (const QString& spelling : journal.spellings) {
            // Spellings that differ from the title only in case are no other title.
            if (spelling.compare(journal.title, Qt::CaseInsensitive) != 0 &&
                !addName(spelling, QStringLiteral("alias")))
                return false;
        }
        for (const QString& abbreviation : journal.abbreviations) {
            if (!addName(abbreviation, QStringLiteral("abbreviation")))
                return false;
        }
        for (const QString& chinese : journal.chineseTitles) {
            if (!addName(chinese, QStringLiteral("chinese")))
                return false;
        }
        for (const auto& [number, kind] : journal.issns) {
            if (!issnInsert.run({number, id, issnKindName(kind)}))
                return false;
        }
    }
    QSqlQuery rebuild(m_db);
    if (!rebuild.exec(QStringLiteral("INSERT INTO journal_name_fts (journal_name_fts) VALUES ('rebuild')"))) {
        if (error)
            *error = QStringLiteral("cannot build the name index: %1").arg(rebuild.lastError().text());
        return false;
    }
    return true;
}

bool DatabaseWriter::writeFacts(const ImportedData& data, QString* error)
{
    // Journal ids are the linker's indexes + 1; source ids the source list's indexes + 1.
    Insert jcr(m_db,
               QStringLiteral("INSERT INTO jcr_fact (journal_id, year, impact_factor, impact_factor_text, quartile,"
                              " rank, rank_total, web_of_science, country, listed_title, source_id)"
                              " VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
               error);
    Insert jcrCategory(m_db,
                       QStringLiteral("INSERT INTO jcr_category (journal_id, year, position, name, edition, quartile,"
                                      " rank, rank_total) VALUES (?,?,?,?,?,?,?,?)"),
                       error);
    for (const auto& tagged : data.jcr) {
        const JcrFact& fact = tagged.fact;
        const int journal = tagged.journal + 1;
        if (!jcr.run({journal, fact.year, orNull(fact.impactFactor), fact.impactFactorText, orNull(fact.quartile),
                      orNull(fact.rank), orNull(fact.rankTotal), orNull(fact.webOfScience), orNull(fact.country),
                      tagged.listedTitle, tagged.source + 1}))
            return false;
        for (qsizetype c = 0; c < fact.categories.size(); ++c) {
            const JcrCategory& category = fact.categories.at(c);
            if (!jcrCategory.run({journal, fact.year, int(c + 1), category.name, orNull(category.edition),
                                  orNull(category.quartile), orNull(category.rank), orNull(category.rankTotal)}))
                return false;
        }
    }

    Insert cas(m_db,
               QStringLiteral("INSERT INTO cas_fact (journal_id, year, major_category, partition, rank, rank_total,"
                              " top, review, open_access, oaj, web_of_science, note, listed_title, source_id)"
                              " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
               error);
    Insert casCategory(m_db,
                       QStringLiteral("INSERT INTO cas_category (journal_id, year, position, name, partition, rank,"
                                      " rank_total) VALUES (?,?,?,?,?,?,?)"),
                       error);
    for (const auto& tagged : data.cas) {
        const CasFact& fact = tagged.fact;
        const int journal = tagged.journal + 1;
        if (!cas.run({journal, fact.year, orNull(fact.majorCategory), orNull(fact.partition), orNull(fact.rank),
                      orNull(fact.rankTotal), int(fact.top), int(fact.review), orNull(fact.openAccess),
                      orNull(fact.openAccessJournalIndex), orNull(fact.webOfScience), orNull(fact.note),
                      tagged.listedTitle, tagged.source + 1}))
            return false;
        for (qsizetype c = 0; c < fact.minorCategories.size(); ++c) {
            const CasCategory& category = fact.minorCategories.at(c);
            if (!casCategory.run({journal, fact.year, int(c + 1), category.name, orNull(category.partition),
                                  orNull(category.rank), orNull(category.rankTotal)}))
                return false;
        }
    }

    Insert warning(m_db,
                   QStringLiteral("INSERT INTO warning_fact (journal_id, year, level, reason, listed_title, source_id)"
                                  " VALUES (?,?,?,?,?,?)"),
                   error);
    for (const auto& tagged : data.warnings) {
        if (!warning.run({tagged.journal + 1, tagged.fact.year, orNull(tagged.fact.level), orNull(tagged.fact.reason),
                          tagged.listedTitle, tagged.source + 1}))
            return false;
    }

    Insert ccf(
        m_db,
        QStringLiteral("INSERT INTO ccf_fact (journal_id, edition, list, rank, venue_type, abbreviation, field,"
                       " publisher, url, merged_into, listed_title, source_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
        error);
    for (const auto& tagged : data.ccf) {
        const CcfFact& fact = tagged.fact;
        if (!ccf.run({tagged.journal + 1, fact.edition, fact.list, fact.rank, fact.venueType, orNull(fact.abbreviation),
                      orNull(fact.field), orNull(fact.publisher), orNull(fact.url), orNull(fact.mergedInto),
                      tagged.listedTitle, tagged.source + 1}))
            return false;
    }

    Insert ccft(m_db,
                QStringLiteral("INSERT INTO ccft_fact (journal_id, edition, tier, title_zh, title_en, cn, language,"
                               " sponsor, source_id) VALUES (?,?,?,?,?,?,?,?,?)"),
                error);
    for (const auto& tagged : data.ccft) {
        const CcftFact& fact = tagged.fact;
        if (!ccft.run({tagged.journal + 1, fact.edition, fact.tier, orNull(fact.titleZh), orNull(fact.titleEn),
                       orNull(fact.cn), orNull(fact.language), orNull(fact.sponsor), tagged.source + 1}))
            return false;
    }

    Insert xr(m_db,
              QStringLiteral("INSERT INTO xr_fact (journal_id, edition, abbreviation, partition, top, url, source_id)"
                             " VALUES (?,?,?,?,?,?,?)"),
              error);
    for (const auto& tagged : data.xr) {
        const XrFact& fact = tagged.fact;
        if (!xr.run({tagged.journal + 1, fact.edition, orNull(fact.abbreviation), orNull(fact.partition), int(fact.top),
                     orNull(fact.url), tagged.source + 1}))
            return false;
    }

    Insert extra(m_db, QStringLiteral("INSERT INTO extra_fact (journal_id, source_id, year, fields) VALUES (?,?,?,?)"),
                 error);
    for (const auto& tagged : data.extra) {
        const QString fields = QString::fromUtf8(QJsonDocument(tagged.fact.fields).toJson(QJsonDocument::Compact));
        if (!extra.run({tagged.journal + 1, tagged.source + 1, orNull(tagged.fact.year), fields}))
            return false;
    }
    return true;
}

QString DatabaseWriter::abbreviationKey(const QString& abbreviation)
{
    // titleKey() would drop a leading "The" and read "&" as "and"; an abbreviation keeps every word it has.
    QString key;
    const QString folded = abbreviation.normalized(QString::NormalizationForm_KC).toCaseFolded();
    key.reserve(folded.size());
    for (const QChar c : folded) {
        if (c.isLetterOrNumber())
            key.append(c);
    }
    return key;
}

QString DatabaseWriter::looseTitleKey(const QString& title)
{
    // titleKey() drops only a leading "The"; the lists write "JAMA, the Journal of …" and "… Part A, …" where JCR
    // writes "JAMA-JOURNAL OF …" and "… A-…".
    static const QRegularExpression fillers(QStringLiteral("\\b(the|part)\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString text = title;
    return TextNormalizer::titleKey(text.replace(fillers, QStringLiteral(" ")));
}

bool DatabaseWriter::writeAbbreviations(const QList<AbbreviationRow>& rows,
                                        const JournalLinker& linker,
                                        int* linkedJournals,
                                        QString* error)
{
    Insert insert(m_db,
                  QStringLiteral("INSERT INTO journal_abbreviations (journal_id, abbreviation, normalized, kind, list,"
                                 " full_name) VALUES (?, ?, ?, ?, ?, ?)"),
                  error);
    // Only rows that no title key finds try the loose key, so it cannot take a row from the journal it names.
    QHash<QString, QList<int>> byLooseKey;
    const QList<JournalLinker::Journal>& journals = linker.journals();
    for (qsizetype i = 0; i < journals.size(); ++i) {
        for (const QString& spelling : journals.at(i).spellings) {
            QList<int>& owners = byLooseKey[looseTitleKey(spelling)];
            if (!owners.contains(int(i)))
                owners.append(int(i));
        }
    }
    QSet<int> linked;
    QHash<QString, QList<int>> journalsByFullName; // the lists repeat full names across files
    for (const AbbreviationRow& row : rows) {
        auto found = journalsByFullName.constFind(row.fullName);
        if (found == journalsByFullName.constEnd()) {
            QList<int> owners = linker.journalsWithKey(TextNormalizer::titleKey(row.fullName));
            if (owners.isEmpty())
                owners = byLooseKey.value(looseTitleKey(row.fullName));
            found = journalsByFullName.insert(row.fullName, owners);
        }
        const QString key = abbreviationKey(row.abbreviation);
        const QString kind = AbbreviationReader::kindName(row.kind);
        if (found->isEmpty()) {
            if (!insert.run({QVariant(), row.abbreviation, key, kind, row.file, row.fullName}))
                return false;
            continue;
        }
        for (const int journal : *found) {
            linked.insert(journal);
            if (!insert.run({journal + 1, row.abbreviation, key, kind, row.file, row.fullName}))
                return false;
        }
    }
    if (linkedJournals)
        *linkedJournals = int(linked.size());
    return insert.ok();
}

bool DatabaseWriter::writeMeta(const QString& dataSource, QString* error)
{
    Insert meta(m_db, QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"), error);
    return meta.run({QStringLiteral("schema_version"), QString::number(DatabaseSchema::Version)}) &&
           meta.run({QStringLiteral("built_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}) &&
           meta.run({QStringLiteral("data_source"), dataSource}) &&
           meta.run({QStringLiteral("app_version"), QStringLiteral(JCR_MCP_VERSION)});
}

} // namespace jcr
