#include "journalrepository.h"

#include "databaseschema.h"
#include "integrityverdicts.h"
#include "searchindex.h"
#include "textnormalizer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace jcr {

namespace {

const QString NotFoundHint = QStringLiteral("run `jcr-mcp-server sync` to build it");

std::optional<double> optionalDouble(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

std::optional<bool> optionalBool(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<bool>(value.toInt() != 0);
}

QString validateQueryText(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QStringLiteral("the query is empty: give a journal name, abbreviation or ISSN");
    if (text.size() > JournalRepository::MaxQueryLength)
        return QStringLiteral("the query is %1 characters long; at most %2 are accepted")
            .arg(text.size())
            .arg(JournalRepository::MaxQueryLength);
    return QString();
}

Direction directionOf(const QList<double>& values, bool lowerIsBetter)
{
    if (values.size() < 2)
        return Direction::Unknown;
    const double change = values.last() - values.first();
    if (qFuzzyIsNull(change))
        return Direction::Stable;
    return (change > 0) != lowerIsBetter ? Direction::Rising : Direction::Falling;
}

/// Search indexes by database file, so that every repository (thread) on one file shares one.
QMutex indexCacheMutex;
QHash<QString, std::weak_ptr<const SearchIndex>> indexCache;

} // namespace

JournalRepository::JournalRepository()
    : m_connectionName(QStringLiteral("jcr-repository-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
{
}

JournalRepository::~JournalRepository()
{
    close();
}

bool JournalRepository::open(const QString& path, QString* error)
{
    close();
    const QString why = connect(path);
    if (why.isEmpty())
        return true;
    // Only now, with connect()'s handles to the connection gone, can it be removed cleanly.
    close();
    if (error)
        *error = why;
    return false;
}

QString JournalRepository::connect(const QString& path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return QStringLiteral("no journal database at %1; %2").arg(path, NotFoundHint);
    if (!file.isReadable())
        return QStringLiteral("the journal database %1 is not readable").arg(path);

    // Taken before SQLite opens the file: should the file change in between, the identity no longer matches
    // and the owner (JournalBackend) opens it again.
    m_identity = DatabaseFileIdentity::of(file.absoluteFilePath());
    m_path = file.absoluteFilePath();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    openReadOnly(db, m_path);
    if (!db.open())
        return QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());

    tuneConnection(db);
    QSqlQuery query(db);
    // SQLite also checks here that the file is as long as its header says: a truncated file fails to open.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return QStringLiteral("%1 is not a journal database or is damaged (%2); %3")
            .arg(path, query.lastError().text(), NotFoundHint);
    const int version = query.value(0).toInt();
    if (version != DatabaseSchema::Version)
        return QStringLiteral("%1 was built by another version of jcr-mcp (schema %2, expected %3); %4")
            .arg(path)
            .arg(version)
            .arg(DatabaseSchema::Version)
            .arg(NotFoundHint);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM journal")) || !query.next())
        return QStringLiteral("%1 is damaged (%2); %3").arg(path, query.lastError().text(), NotFoundHint);
    return QString();
}

void JournalRepository::openReadOnly(QSqlDatabase& db, const QString& absolutePath)
{
    // immutable=1: SQLite takes no file locks and never checks whether another process changed the file.
    // True of our databases: `sync` never writes to a database in use, it renames a finished new file over
    // it, and this connection keeps reading the file it opened. Saves a lock round trip on every query.
    db.setDatabaseName(QUrl::fromLocalFile(absolutePath).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
}

void JournalRepository::tuneConnection(QSqlDatabase& db)
{
    // No memory mapping (SQLite's default, mmap_size 0): a mapped file that someone shrinks in place (truncate,
    // a copy over it, a restore) kills the process with SIGBUS on the next read of a page past the new end, and
    // no check beforehand can prevent that, because the file can shrink between the check and the read. Through
    // SQLite's ordinary read(2) I/O the same accident is a short read, which SQLite turns into SQLITE_CORRUPT:
    // an error for one query, reported as damage, never a crash. What mapping saved, copying pages into SQLite's
    // small default cache (2 MB) again and again, a larger cache saves as well: with 16 MiB per connection a
    // filter over every CAS category runs as fast as with the 256 MiB mapping before (about 40 ms, against 200 ms
    // with the default cache; jcr_bench --only filter). The cache fills only as far as pages are read.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size=-16384"));
}

bool JournalRepository::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

QString JournalRepository::path() const
{
    return m_path;
}

void JournalRepository::close()
{
    m_index.reset();
    m_indexError.clear();
    m_statements.clear(); // they belong to the connection removed below
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase JournalRepository::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery* JournalRepository::prepared(const QString& sql, const QVariantList& values, QString* error) const
{
    // Compiling a statement costs more than running these indexed lookups, so each is compiled once per
    // connection and kept; exec() resets it for the next use.
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        QSqlQuery query(database());
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            failed(query.lastError(), error);
            return nullptr;
        }
        found = m_statements.insert(sql, std::move(query));
    }
    QSqlQuery& query = *found;
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        failed(query.lastError(), error);
        return nullptr;
    }
    return &query;
}

bool JournalRepository::failed(const QSqlError& failure, QString* error) const
{
    if (!failure.isValid())
        return false;
    const QString why = QStringLiteral("database query failed: %1").arg(failure.text());
    if (error)
        *error = why;
    // SQLITE_IOERR (10), SQLITE_CORRUPT (11), SQLITE_NOTADB (26), in the low byte of extended codes too: the
    // file cannot be trusted any more, for any connection. Other failures (a bad statement) concern one query.
    const int code = failure.nativeErrorCode().toInt() & 0xff;
    if (code == 10 || code == 11 || code == 26)
        IntegrityVerdicts::reportDamage(m_path, m_identity, failure.text());
    return true;
}

DatabaseFileIdentity JournalRepository::identity() const
{
    return m_identity;
}

QString JournalRepository::damage() const
{
    return isOpen() ? IntegrityVerdicts::knownDamage(m_path, m_identity) : QString();
}

void JournalRepository::checkIntegrityInBackground() const
{
    if (!isOpen())
        return;
    IntegrityVerdicts::checkInBackground(m_path, m_identity,
                                         [path = m_path, identity = m_identity] { return quickCheck(path, identity); });
}

QString JournalRepository::integrityVerdict(int timeoutMs) const
{
    if (!isOpen())
        return QStringLiteral("no journal database is open");
    return IntegrityVerdicts::verdict(m_path, m_identity, timeoutMs);
}

QString JournalRepository::quickCheck(const QString& path, const DatabaseFileIdentity& identity)
{
    // PRAGMA quick_check reads every page and checks the b-tree structure, in about 0.2 s on the full
    // database: too slow for the start-up path, hence in the background (IntegrityVerdicts). integrity_check
    // would also compare every index with its table, at three times the cost.
    const QString connection = QStringLiteral("jcr-integrity-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        openReadOnly(db, path);
        QSqlQuery query(db);
        if (!db.open())
            problem = db.lastError().text();
        else if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
            problem = query.lastError().text();
        else if (query.value(0).toString() != QLatin1String("ok"))
            problem =
                QStringLiteral("quick_check: %1")
                    .arg(query.value(0).toString().simplified().remove(QStringLiteral("*** in database main *** ")));
    }
    QSqlDatabase::removeDatabase(connection);
    // A file that changed meanwhile was not the version asked about; that version is gone, and the server opens
    // the new one, which gets a check of its own.
    if (DatabaseFileIdentity::of(path) != identity)
        return QStringLiteral("it changed while it was being checked");
    return problem;
}

const SearchIndex& JournalRepository::searchIndex() const
{
    if (!m_index) {
        const QString cacheKey = m_path + QLatin1Char('|') + m_identity.key();
        QMutexLocker locker(&indexCacheMutex);
        m_index = indexCache.value(cacheKey).lock();
        if (!m_index) {
            QString error;
            m_index = SearchIndex::load(database(), &error);
            if (!m_index) {
                // Not shared: an empty index would answer "not found" to everything, as if the data lacked it.
                qWarning("search index: %s", qPrintable(error));
                m_indexError = QStringLiteral("the journal names cannot be read: %1").arg(error);
                IntegrityVerdicts::reportDamage(m_path, m_identity, m_indexError);
                m_index = std::make_shared<SearchIndex>();
            } else {
                indexCache.insert(cacheKey, m_index);
            }
        }
    }
    return *m_index;
}

const SearchIndex* JournalRepository::loadedIndex(QString* error) const
{
    const SearchIndex& index = searchIndex();
    if (m_indexError.isEmpty())
        return &index;
    if (error)
        *error = QStringLiteral("database query failed: %1").arg(m_indexError);
    return nullptr;
}

void JournalRepository::warmUp() const
{
    if (isOpen())
        searchIndex();
}

void JournalRepository::shareSearchIndex(const JournalRepository& other)
{
    if (other.m_index && other.m_indexError.isEmpty() && other.m_path == m_path && other.m_identity == m_identity)
        m_index = other.m_index;
}

SearchResult JournalRepository::search(const QString& text, const SearchOptions& options) const
{
    SearchResult result;
    result.query = text;
    result.error = validateQueryText(text);
    if (!result.error.isEmpty())
        return result;
    if (!isOpen()) {
        result.error = QStringLiteral("no journal database is open; %1").arg(NotFoundHint);
        return result;
    }
    const SearchIndex* index = loadedIndex(&result.error);
    if (!index)
        return result;
    const int limit = std::clamp(options.limit, 0, 1000);
    const SearchIndex::Page page = index->search(text, std::max(0, options.offset), limit);
    result.total = page.total;
    result.matches = page.matches;
    result.resolved = page.resolved;
    return result;
}

std::optional<JournalSummary> JournalRepository::findBest(const QString& nameOrIssn, QString* error) const
{
    const SearchResult result = search(nameOrIssn, {1, 0});
    if (!result.ok()) {
        if (error)
            *error = result.error;
        return std::nullopt;
    }
    // Unclear close spellings are suggestions, not the journal meant: the same rule as the MCP tools.
    if (!result.resolved)
        return std::nullopt;
    return result.matches.first().journal;
}

std::optional<JournalProfile> JournalRepository::profile(const QString& nameOrIssn, QString* error) const
{
    const std::optional<JournalSummary> best = findBest(nameOrIssn, error);
    if (!best)
        return std::nullopt;
    return profile(best->id, error);
}

std::optional<JournalProfile> JournalRepository::profile(qint64 journalId, QString* error) const
{
    return readProfile(journalId, true, error);
}

std::optional<JournalProfile> JournalRepository::rankingFacts(qint64 journalId, QString* error) const
{
    return readProfile(journalId, false, error);
}

bool JournalRepository::readCitationAbbreviations(qint64 journalId, JournalProfile* profile, QString* error) const
{
    // Several lists often give the same abbreviation (ISO 4 in general and in a publisher's list): each
    // (abbreviation, kind) once, ISO 4 first (what most reference styles want), then MEDLINE, then the other
    // lists, each kind in the order the lists were imported. JabRef's "#NAME#" rows name BibTeX string macros
    // (IEEEabrv.bib): search finds a journal by them (`journal = IEEE_O_ACC`), but nobody writes them out.
    QSqlQuery* query =
        prepared(QStringLiteral("SELECT abbreviation, kind FROM journal_abbreviations WHERE journal_id = ?"
                                " AND abbreviation NOT LIKE '#%#'"
                                " GROUP BY abbreviation, kind"
                                " ORDER BY CASE kind WHEN 'iso4' THEN 0 WHEN 'medline' THEN 1 ELSE 2 END, MIN(id)"),
                 {journalId}, error);
    if (!query)
        return false;
    while (query->next())
        profile->citationAbbreviations.append({query->value(0).toString(), query->value(1).toString()});
    return !failed(query->lastError(), error);
}

std::optional<JournalProfile> JournalRepository::readProfile(qint64 journalId, bool full, QString* error) const
{
    if (!isOpen()) {
        if (error)
            *error = QStringLiteral("no journal database is open; %1").arg(NotFoundHint);
        return std::nullopt;
    }
    const SearchIndex* index = loadedIndex(error);
    if (!index)
        return std::nullopt;
    const JournalSummary* summary = index->summaryById(journalId);
    if (!summary)
        return std::nullopt;
    JournalProfile profile;
    profile.summary = *summary;
    const QVariantList id{journalId};
    QSqlQuery* query = nullptr;

    if (full) {
        if (!(query = prepared(QStringLiteral("SELECT cn FROM journal WHERE id = ?"), id, error)))
            return std::nullopt;
        if (query->next())
            profile.cn = query->value(0).toString();
        if (failed(query->lastError(), error))
            return std::nullopt;
        query->finish(); // one row read: done with it

        if (!(query = prepared(QStringLiteral("SELECT name, kind FROM journal_name WHERE journal_id = ? ORDER BY id"),
                               id, error)))
            return std::nullopt;
        while (query->next()) {
            const QString name = query->value(0).toString();
            const QString kind = query->value(1).toString();
            if (kind == QLatin1String("alias"))
                profile.otherTitles.append(name);
            else if (kind == QLatin1String("abbreviation"))
                profile.abbreviations.append(name);
        }
        if (failed(query->lastError(), error))
            return std::nullopt;
        if (!readCitationAbbreviations(journalId, &profile, error))
            return std::nullopt;
    }

    if (!(query =
              prepared(QStringLiteral("SELECT year, impact_factor, impact_factor_text, quartile, rank, rank_total,"
                                      " web_of_science, country FROM jcr_fact WHERE journal_id = ? ORDER BY year DESC"),
                       id, error)))
        return std::nullopt;
    while (query->next()) {
        JcrFact fact;
        fact.year = query->value(0).toInt();
        fact.impactFactor = optionalDouble(query->value(1));
        fact.impactFactorText = query->value(2).toString();
        fact.quartile = query->value(3).toString();
        fact.rank = query->value(4).toInt();
        fact.rankTotal = query->value(5).toInt();
        fact.webOfScience = query->value(6).toString();
        fact.country = query->value(7).toString();
        profile.jcr.append(fact);
    }
    if (failed(query->lastError(), error))
        return std::nullopt;
    if (full) {
        if (!(query = prepared(QStringLiteral("SELECT year, name, edition, quartile, rank, rank_total FROM jcr_category"
                                              " WHERE journal_id = ? ORDER BY year DESC, position"),
                               id, error)))
            return std::nullopt;
        while (query->next()) {
            const int year = query->value(0).toInt();
            for (JcrFact& fact : profile.jcr) {
                if (fact.year == year)
                    fact.categories.append({query->value(1).toString(), query->value(2).toString(),
                                            query->value(3).toString(), query->value(4).toInt(),
                                            query->value(5).toInt()});
            }
        }
        if (failed(query->lastError(), error))
            return std::nullopt;
    }

    if (!(query = prepared(
              QStringLiteral("SELECT year, major_category, partition, rank, rank_total, top, review, open_access, oaj,"
                             " web_of_science, note FROM cas_fact WHERE journal_id = ? ORDER BY year DESC"),
              id, error)))
        return std::nullopt;
    while (query->next()) {
        CasFact fact;
        fact.year = query->value(0).toInt();
        fact.majorCategory = query->value(1).toString();
        fact.partition = query->value(2).toInt();
        fact.rank = query->value(3).toInt();
        fact.rankTotal = query->value(4).toInt();
        fact.top = query->value(5).toInt() != 0;
        fact.review = query->value(6).toInt() != 0;
        fact.openAccess = optionalBool(query->value(7));
        fact.openAccessJournalIndex = optionalBool(query->value(8));
        fact.webOfScience = query->value(9).toString();
        fact.note = query->value(10).toString();
        profile.cas.append(fact);
    }
    if (failed(query->lastError(), error))
        return std::nullopt;
    if (full) {
        if (!(query = prepared(
                  QStringLiteral("SELECT year, name, partition, rank, rank_total FROM cas_category WHERE journal_id = ?"
                                 " ORDER BY year DESC, position"),
                  id, error)))
            return std::nullopt;
        while (query->next()) {
            const int year = query->value(0).toInt();
            for (CasFact& fact : profile.cas) {
                if (fact.year == year)
                    fact.minorCategories.append({query->value(1).toString(), query->value(2).toInt(),
                                                 query->value(3).toInt(), query->value(4).toInt()});
            }
        }
        if (failed(query->lastError(), error))
            return std::nullopt;
    }

    if (!(query =
              prepared(QStringLiteral("SELECT year, level, reason, listed_title FROM warning_fact WHERE journal_id = ?"
                                      " ORDER BY year DESC"),
                       id, error)))
        return std::nullopt;
    while (query->next())
        profile.warnings.append({query->value(0).toInt(), query->value(1).toString(), query->value(2).toString(),
                                 query->value(3).toString()});
    if (failed(query->lastError(), error))
        return std::nullopt;

    if (!(query = prepared(
              QStringLiteral("SELECT edition, list, rank, venue_type, abbreviation, field, publisher, url, merged_into,"
                             " listed_title FROM ccf_fact WHERE journal_id = ? ORDER BY edition DESC, id"),
              id, error)))
        return std::nullopt;
    while (query->next()) {
        CcfFact fact;
        fact.edition = query->value(0).toInt();
        fact.list = query->value(1).toString();
        fact.rank = query->value(2).toString();
        fact.venueType = query->value(3).toString();
        fact.abbreviation = query->value(4).toString();
        fact.field = query->value(5).toString();
        fact.publisher = query->value(6).toString();
        fact.url = query->value(7).toString();
        fact.mergedInto = query->value(8).toString();
        fact.listedTitle = query->value(9).toString();
        profile.ccf.append(fact);
    }
    if (failed(query->lastError(), error))
        return std::nullopt;

    if (full) {
        if (!(query = prepared(
                  QStringLiteral("SELECT edition, tier, title_zh, title_en, cn, language, sponsor FROM ccft_fact"
                                 " WHERE journal_id = ? ORDER BY edition DESC"),
                  id, error)))
            return std::nullopt;
        while (query->next())
            profile.ccft.append({query->value(0).toInt(), query->value(1).toString(), query->value(2).toString(),
                                 query->value(3).toString(), query->value(4).toString(), query->value(5).toString(),
                                 query->value(6).toString()});
        if (failed(query->lastError(), error))
            return std::nullopt;

        if (!(query = prepared(
                  QStringLiteral("SELECT edition, abbreviation, partition, top, url FROM xr_fact WHERE journal_id = ?"
                                 " ORDER BY edition DESC"),
                  id, error)))
            return std::nullopt;
        while (query->next())
            profile.xr.append({query->value(0).toInt(), query->value(1).toString(), query->value(2).toString(),
                               query->value(3).toInt() != 0, query->value(4).toString()});
        if (failed(query->lastError(), error))
            return std::nullopt;

        if (!(query = prepared(
                  QStringLiteral(
                      "SELECT s.name, e.year, e.fields FROM extra_fact e JOIN source_file s ON s.id = e.source_id"
                      " WHERE e.journal_id = ? ORDER BY e.year DESC"),
                  id, error)))
            return std::nullopt;
        while (query->next())
            profile.extra.append({query->value(0).toString(), query->value(1).toInt(),
                                  QJsonDocument::fromJson(query->value(2).toString().toUtf8()).object()});
        if (failed(query->lastError(), error))
            return std::nullopt;
    }

    return profile;
}

std::optional<JournalTrend> JournalRepository::trend(const QString& nameOrIssn, QString* error) const
{
    const std::optional<JournalSummary> best = findBest(nameOrIssn, error);
    if (!best)
        return std::nullopt;
    return trend(best->id, error);
}

std::optional<JournalTrend> JournalRepository::trend(qint64 journalId, QString* error) const
{
    const std::optional<JournalProfile> found = profile(journalId, error);
    if (!found)
        return std::nullopt;
    JournalTrend trend;
    trend.journal = found->summary;
    QMap<int, TrendPoint> byYear;
    for (const JcrFact& fact : found->jcr) {
        TrendPoint& point = byYear[fact.year];
        point.year = fact.year;
        point.impactFactor = fact.impactFactor;
        point.impactFactorText = fact.impactFactorText;
        point.quartile = fact.quartile;
    }
    for (const CasFact& fact : found->cas) {
        TrendPoint& point = byYear[fact.year];
        point.year = fact.year;
        point.casPartition = fact.partition;
        point.casTop = fact.top;
        point.casMajorCategory = fact.majorCategory;
    }
    QList<double> impactFactors, quartiles, partitions;
    for (const TrendPoint& point : byYear) {
        trend.points.append(point);
        if (point.impactFactor)
            impactFactors.append(*point.impactFactor);
        if (!point.quartile.isEmpty())
            quartiles.append(point.quartile.mid(1).toDouble());
        if (point.casPartition)
            partitions.append(point.casPartition);
    }
    // Quartile and partition numbers fall as a journal rises (Q1 is best).
    trend.impactFactor = directionOf(impactFactors, false);
    trend.quartile = directionOf(quartiles, true);
    trend.casPartition = directionOf(partitions, true);
    return trend;
}

QList<WarningEntry> JournalRepository::warnings(const WarningQuery& request, QString* error) const
{
    QList<WarningEntry> entries;
    if (!isOpen()) {
        if (error)
            *error = QStringLiteral("no journal database is open; %1").arg(NotFoundHint);
        return entries;
    }
    if (request.keyword.size() > MaxQueryLength) {
        if (error)
            *error = validateQueryText(request.keyword);
        return entries;
    }
    QSqlQuery* found = prepared(QStringLiteral("SELECT journal_id, year, level, reason, listed_title FROM warning_fact"
                                               " WHERE (? = 0 OR year = ?) ORDER BY year DESC, listed_title"),
                                {request.year, request.year}, error);
    if (!found)
        return entries;
    QSqlQuery& query = *found;
    const QString keywordKey = TextNormalizer::titleKey(request.keyword);
    const QString keyword = request.keyword.trimmed();
    const SearchIndex* loaded = loadedIndex(error);
    if (!loaded)
        return entries;
    const SearchIndex& index = *loaded;
    while (query.next()) {
        WarningEntry entry;
        entry.warning = {query.value(1).toInt(), query.value(2).toString(), query.value(3).toString(),
                         query.value(4).toString()};
        if (const JournalSummary* summary = index.summaryById(query.value(0).toLongLong()))
            entry.journal = *summary;
        const bool matches =
            keyword.isEmpty() ||
            (!keywordKey.isEmpty() && (TextNormalizer::titleKey(entry.warning.listedTitle).contains(keywordKey) ||
                                       TextNormalizer::titleKey(entry.journal.title).contains(keywordKey))) ||
            entry.warning.reason.contains(keyword, Qt::CaseInsensitive) || entry.warning.level == keyword;
        if (matches)
            entries.append(entry);
    }
    if (failed(query.lastError(), error))
        entries.clear();
    return entries;
}

JournalRepository::Comparison JournalRepository::compare(const QStringList& namesOrIssns, QString* error) const
{
    Comparison comparison;
    for (const QString& name : namesOrIssns) {
        if (name.trimmed().isEmpty())
            continue;
        QString failure;
        const std::optional<JournalProfile> found = profile(name, &failure);
        if (found)
            comparison.journals.append(*found);
        else if (failure.isEmpty())
            comparison.notFound.append(name.trimmed());
        else {
            if (error)
                *error = failure;
            return comparison;
        }
    }
    return comparison;
}

QStringList JournalRepository::completeNames(const QString& prefix, int limit) const
{
    if (!isOpen() || prefix.size() > MaxQueryLength)
        return {};
    return searchIndex().complete(prefix, std::clamp(limit, 0, 100));
}

QStringList JournalRepository::casMajorCategories() const
{
    QStringList categories;
    if (!isOpen())
        return categories;
    if (QSqlQuery* query = prepared(
            QStringLiteral("SELECT DISTINCT major_category FROM cas_fact WHERE year = (SELECT max(year) FROM cas_fact)"
                           " AND major_category IS NOT NULL ORDER BY major_category"),
            {}, nullptr)) {
        while (query->next())
            categories.append(query->value(0).toString());
        if (failed(query->lastError(), nullptr))
            categories.clear();
    }
    return categories;
}

} // namespace jcr
