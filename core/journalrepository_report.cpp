// JournalRepository: the list and report queries (filter, databaseInfo, health), apart from the lookups.

#include "ccffields.h"
#include "databaseschema.h"
#include "journalrepository.h"
#include "searchindex.h"
#include "textnormalizer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace jcr {

namespace {

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return text;
}

/// Keeps the first failure of a series of queries in `failure`.
void noteFailure(const QSqlQuery& query, QSqlError* failure)
{
    if (failure && !failure->isValid() && query.lastError().isValid())
        *failure = query.lastError();
}

int scalar(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {}, QSqlError* failure = nullptr)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    const int value = query.exec() && query.next() ? query.value(0).toInt() : 0;
    noteFailure(query, failure);
    return value;
}

QList<int> distinctYears(const QSqlDatabase& db, const QString& table, const QString& column, QSqlError* failure)
{
    // Table and column names come from the fixed list of callers below, never from input.
    QList<int> years;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT DISTINCT %1 FROM %2 ORDER BY %1").arg(column, table))) {
        while (query.next())
            years.append(query.value(0).toInt());
    }
    noteFailure(query, failure);
    return years;
}

QString validateCriteria(const FilterCriteria& criteria)
{
    if (criteria.casPartition < 0 || criteria.casPartition > 4)
        return QStringLiteral("partition must be 1, 2, 3 or 4 (got %1)").arg(criteria.casPartition);
    static const QStringList quartiles{QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"),
                                       QStringLiteral("Q4")};
    if (!criteria.quartile.isEmpty() && !quartiles.contains(criteria.quartile.toUpper()))
        return QStringLiteral("quartile must be Q1, Q2, Q3 or Q4 (got \"%1\")").arg(criteria.quartile.left(20));
    static const QStringList ranks{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
    if (!criteria.ccfRank.isEmpty() && !ranks.contains(criteria.ccfRank.toUpper()))
        return QStringLiteral("CCF class must be A, B or C (got \"%1\")").arg(criteria.ccfRank.left(20));
    static const QStringList venueTypes{QStringLiteral("journal"), QStringLiteral("conference")};
    if (!criteria.venueType.isEmpty() && !venueTypes.contains(criteria.venueType))
        return QStringLiteral("venue_type must be journal or conference (got \"%1\")").arg(criteria.venueType.left(20));
    static const QStringList sorts{QStringLiteral("impact_factor"), QStringLiteral("title"),
                                   QStringLiteral("cas_partition")};
    if (!sorts.contains(criteria.sortBy))
        return QStringLiteral("sort_by must be one of impact_factor, title, cas_partition");
    if (criteria.limit < 1 || criteria.limit > 200)
        return QStringLiteral("limit must be between 1 and 200");
    if (criteria.offset < 0)
        return QStringLiteral("offset must not be negative");
    if (criteria.year != 0 && (criteria.year < 1990 || criteria.year > 2100))
        return QStringLiteral("year %1 is out of range").arg(criteria.year);
    if (criteria.minImpactFactor && criteria.maxImpactFactor && *criteria.minImpactFactor > *criteria.maxImpactFactor)
        return QStringLiteral("min_impact_factor is larger than max_impact_factor");
    for (const QString* text :
         {&criteria.majorCategory, &criteria.minorCategory, &criteria.nameContains, &criteria.ccfField}) {
        if (text->size() > JournalRepository::MaxQueryLength)
            return QStringLiteral("a filter text is longer than %1 characters").arg(JournalRepository::MaxQueryLength);
    }
    return QString();
}

} // namespace

FilterResult JournalRepository::filter(const FilterCriteria& criteria) const
{
    FilterResult result;
    result.error = validateCriteria(criteria);
    if (!result.ok())
        return result;
    if (!isOpen()) {
        result.error = QStringLiteral("no journal database is open; run `jcr-mcp-server sync` to build it");
        return result;
    }
    const QSqlDatabase db = database();
    QSqlError yearFailure;
    // The newest edition not after the year asked for: CAS has no 2024 table, JCR none for the year of the
    // newest CCF list, and a CCF list stays in force until the next one.
    result.jcrYear = scalar(db, QStringLiteral("SELECT max(year) FROM jcr_fact WHERE ? = 0 OR year <= ?"),
                            {criteria.year, criteria.year}, &yearFailure);
    result.casYear = scalar(db, QStringLiteral("SELECT max(year) FROM cas_fact WHERE ? = 0 OR year <= ?"),
                            {criteria.year, criteria.year}, &yearFailure);
    const bool ccf = !criteria.ccfRank.isEmpty() || !criteria.ccfField.trimmed().isEmpty();
    if (ccf)
        result.ccfEdition =
            scalar(db,
                   QStringLiteral(
                       "SELECT max(edition) FROM ccf_fact WHERE list = 'international' AND (? = 0 OR edition <= ?)"),
                   {criteria.year, criteria.year}, &yearFailure);
    if (failed(yearFailure, &result.error))
        return result;
    if (!criteria.ccfField.trimmed().isEmpty()) {
        result.ccfField = resolveCcfField(criteria.ccfField, result.ccfEdition, &result.error);
        if (!result.ok())
            return result;
    }

    // With a CCF criterion the venues are those of the CCF list, with or without JCR or CAS data (conferences
    // have none); one row per venue, with its best class when it stands in several fields. SQLite takes the
    // other columns of a min() group from the row with the minimum.
    QString ccfJoin;
    QVariantList values;
    if (ccf) {
        QStringList ccfWhere{QStringLiteral("edition = ?"), QStringLiteral("list = 'international'")};
        values << result.ccfEdition;
        if (!criteria.ccfRank.isEmpty()) {
            ccfWhere << QStringLiteral("rank = ?");
            values << criteria.ccfRank.toUpper();
        }
        if (!result.ccfField.isEmpty()) {
            ccfWhere << QStringLiteral("field = ?");
            values << result.ccfField;
        }
        if (!criteria.venueType.isEmpty()) {
            ccfWhere << QStringLiteral("venue_type = ?");
            values << criteria.venueType;
        }
        ccfJoin = QStringLiteral(" JOIN (SELECT journal_id, min(rank) AS rank, field, abbreviation, listed_title"
                                 " FROM ccf_fact WHERE %1 GROUP BY journal_id) cc ON cc.journal_id = j.id")
                      .arg(ccfWhere.join(QStringLiteral(" AND ")));
    }
    values << result.jcrYear << result.casYear;
    QStringList where;
    auto require = [&](const QString& clause, const QVariantList& clauseValues) {
        where.append(clause);
        values.append(clauseValues);
    };
    // Without one, the journals with JCR or CAS data of the year; conferences have none, so they are all the
    // conferences in the database.
    if (!ccf && criteria.venueType != QLatin1String("conference"))
        where.append(QStringLiteral("(jf.journal_id IS NOT NULL OR cf.journal_id IS NOT NULL)"));
    if (!ccf && !criteria.venueType.isEmpty())
        require(QStringLiteral("j.venue_type = ?"), {criteria.venueType});
    if (!criteria.majorCategory.trimmed().isEmpty())
        require(QStringLiteral("cf.major_category = ?"), {criteria.majorCategory.trimmed()});
    if (!criteria.minorCategory.trimmed().isEmpty()) {
        const QString pattern = u'%' + escapeLike(criteria.minorCategory.trimmed()) + u'%';
        // One uncorrelated subquery: SQLite evaluates it once, not once per journal.
        if (criteria.casPartition)
            require(QStringLiteral("j.id IN (SELECT m.journal_id FROM cas_category m WHERE m.year = ? AND m.name LIKE ?"
                                   " ESCAPE '\\' AND m.partition = ?)"),
                    {result.casYear, pattern, criteria.casPartition});
        else
            require(QStringLiteral("j.id IN (SELECT m.journal_id FROM cas_category m WHERE m.year = ? AND m.name LIKE ?"
                                   " ESCAPE '\\')"),
                    {result.casYear, pattern});
    } else if (criteria.casPartition) {
        require(QStringLiteral("cf.partition = ?"), {criteria.casPartition});
    }
    if (criteria.top)
        require(QStringLiteral("cf.top = ?"), {int(*criteria.top)});
    if (!criteria.quartile.isEmpty())
        require(QStringLiteral("jf.quartile = ?"), {criteria.quartile.toUpper()});
    if (criteria.minImpactFactor)
        require(QStringLiteral("jf.impact_factor >= ?"), {*criteria.minImpactFactor});
    if (criteria.maxImpactFactor)
        require(QStringLiteral("jf.impact_factor <= ?"), {*criteria.maxImpactFactor});
    if (criteria.openAccess)
        require(QStringLiteral("cf.open_access = ?"), {int(*criteria.openAccess)});
    const QString nameKey = TextNormalizer::titleKey(criteria.nameContains);
    if (nameKey.size() >= 3) {
        // FTS5 trigram index: a substring match on the normalised names without scanning them.
        QString phrase = nameKey;
        phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        require(QStringLiteral("j.id IN (SELECT n.journal_id FROM journal_name n WHERE n.id IN"
                               " (SELECT rowid FROM journal_name_fts WHERE journal_name_fts MATCH ?))"),
                {u'"' + phrase + u'"'});
    } else if (!nameKey.isEmpty()) {
        require(QStringLiteral("j.id IN (SELECT journal_id FROM journal_name WHERE name_key LIKE ? ESCAPE '\\')"),
                {u'%' + escapeLike(nameKey) + u'%'});
    }

    const QString from =
        QStringLiteral(" FROM journal j") + ccfJoin +
        QStringLiteral(" LEFT JOIN jcr_fact jf ON jf.journal_id = j.id AND jf.year = ?"
                       " LEFT JOIN cas_fact cf ON cf.journal_id = j.id AND cf.year = ?") +
        (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")));
    const QString direction = criteria.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString order;
    if (criteria.sortBy == QLatin1String("title"))
        order = QStringLiteral("j.title COLLATE NOCASE ") + direction;
    else if (criteria.sortBy == QLatin1String("cas_partition"))
        order = QStringLiteral("cf.partition IS NULL, cf.partition ") + direction +
                QStringLiteral(", jf.impact_factor DESC");
    else
        order = QStringLiteral("jf.impact_factor IS NULL, jf.impact_factor ") + direction;

    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto execute = [&](const QString& sql, const QVariantList& bound) {
        if (!query.prepare(sql)) {
            failed(query.lastError(), &result.error);
            return false;
        }
        for (int i = 0; i < bound.size(); ++i)
            query.bindValue(i, bound.at(i));
        if (!query.exec()) {
            failed(query.lastError(), &result.error);
            return false;
        }
        return true;
    };
    if (!execute(QStringLiteral("SELECT count(*)") + from, values) || !query.next()) {
        failed(query.lastError(), &result.error);
        return result;
    }
    result.total = query.value(0).toInt();

    QVariantList pageValues = values;
    pageValues << criteria.limit << criteria.offset;
    const QString ccfColumns = ccf ? QStringLiteral("cc.rank, cc.field, cc.abbreviation, cc.listed_title")
                                   : QStringLiteral("j.ccf_rank, NULL, NULL, NULL");
    if (!execute(
            QStringLiteral("SELECT j.id, jf.impact_factor, jf.quartile, cf.major_category, cf.partition, cf.top, ") +
                ccfColumns + from + QStringLiteral(" ORDER BY ") + order + QStringLiteral(", j.id LIMIT ? OFFSET ?"),
            pageValues))
        return result;
    const SearchIndex* loaded = loadedIndex(&result.error);
    if (!loaded)
        return result;
    const SearchIndex& index = *loaded;
    while (query.next()) {
        FilterRow row;
        if (const JournalSummary* summary = index.summaryById(query.value(0).toLongLong()))
            row.journal = *summary;
        if (!query.value(1).isNull())
            row.impactFactor = query.value(1).toDouble();
        row.quartile = query.value(2).toString();
        row.majorCategory = query.value(3).toString();
        row.casPartition = query.value(4).toInt();
        row.top = query.value(5).toInt() != 0;
        row.ccfRank = query.value(6).toString();
        row.ccfField = query.value(7).toString();
        row.ccfAbbreviation = query.value(8).toString();
        row.ccfTitle = query.value(9).toString();
        result.rows.append(row);
    }
    if (failed(query.lastError(), &result.error))
        result.rows.clear();
    return result;
}

QString JournalRepository::resolveCcfField(const QString& text, int edition, QString* error) const
{
    QStringList fields;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT DISTINCT field FROM ccf_fact WHERE edition = ? AND list = 'international'"
                                 " AND field IS NOT NULL AND field <> '' ORDER BY field"));
    query.addBindValue(edition);
    if (!query.exec()) {
        failed(query.lastError(), error);
        return QString();
    }
    while (query.next())
        fields << query.value(0).toString();
    if (failed(query.lastError(), error))
        return QString();
    if (fields.isEmpty()) {
        if (error)
            *error = QStringLiteral("the journal database has no CCF list with fields%1; run `jcr-mcp-server sync`")
                         .arg(edition ? QStringLiteral(" for %1").arg(edition) : QString());
        return QString();
    }
    return CcfFields::resolve(text, fields, error);
}

DatabaseInfo JournalRepository::databaseInfo(QString* error) const
{
    DatabaseInfo info;
    info.path = m_path;
    if (!isOpen()) {
        if (error)
            *error = QStringLiteral("no journal database is open; run `jcr-mcp-server sync` to build it");
        return info;
    }
    const QSqlDatabase db = database();
    QSqlError failure; // the first query that failed
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT key, value FROM meta"))) {
        while (query.next()) {
            const QString key = query.value(0).toString();
            if (key == QLatin1String("schema_version"))
                info.schemaVersion = query.value(1).toString();
            else if (key == QLatin1String("built_at"))
                info.builtAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODate);
            else if (key == QLatin1String("data_source"))
                info.dataSource = query.value(1).toString();
        }
    }
    noteFailure(query, &failure);
    if (failed(failure, error))
        return info;
    for (const QString& table : DatabaseSchema::tables())
        info.tableRows.insert(table, scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table), {}, &failure));
    info.journals = info.tableRows.value(QStringLiteral("journal"));
    // Not a failure when it fails: a database built before the abbreviation lists has no such table.
    QSqlQuery abbreviations(db);
    if (abbreviations.exec(QStringLiteral("SELECT count(DISTINCT journal_id) FROM journal_abbreviations")) &&
        abbreviations.next())
        info.journalsWithAbbreviations = abbreviations.value(0).toLongLong();
    if (query.exec(QStringLiteral("SELECT name, kind, year, rows, skipped_rows, sha256, imported_at FROM source_file"
                                  " ORDER BY kind, year, name"))) {
        while (query.next())
            info.sources.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt(),
                                 query.value(3).toInt(), query.value(4).toInt(), query.value(5).toString(),
                                 QDateTime::fromString(query.value(6).toString(), Qt::ISODate)});
    }
    noteFailure(query, &failure);
    info.jcrYears = distinctYears(db, QStringLiteral("jcr_fact"), QStringLiteral("year"), &failure);
    info.casYears = distinctYears(db, QStringLiteral("cas_fact"), QStringLiteral("year"), &failure);
    info.warningYears = distinctYears(db, QStringLiteral("warning_fact"), QStringLiteral("year"), &failure);
    info.ccfEditions = distinctYears(db, QStringLiteral("ccf_fact"), QStringLiteral("edition"), &failure);
    failed(failure, error);
    return info;
}

HealthReport JournalRepository::health() const
{
    HealthReport report;
    report.path = m_path;
    report.databasePresent = QFileInfo::exists(m_path);
    if (!isOpen()) {
        report.message =
            report.databasePresent
                ? QStringLiteral("the journal database is not open")
                : QStringLiteral("no journal database at %1; run `jcr-mcp-server sync` to build it").arg(m_path);
        return report;
    }
    QString error;
    const DatabaseInfo info = databaseInfo(&error);
    if (error.isEmpty())
        error = damage(); // found by a query of another connection to this file, or by its integrity check
    report.readable = error.isEmpty() && info.schemaVersion == QString::number(DatabaseSchema::Version);
    report.tableRows = info.tableRows;
    report.builtAt = info.builtAt;
    if (info.builtAt.isValid())
        report.dataAgeDays = info.builtAt.daysTo(QDateTime::currentDateTimeUtc());
    for (const QList<int>* years : {&info.jcrYears, &info.casYears, &info.warningYears})
        report.newestDataYear = std::max(report.newestDataYear, years->isEmpty() ? 0 : years->last());
    report.healthy = report.readable && info.journals > 0;
    if (!report.readable)
        report.message = QStringLiteral("the journal database cannot be read (%1); run `jcr-mcp-server sync`")
                             .arg(error.isEmpty() ? QStringLiteral("unexpected schema") : error);
    else if (info.journals == 0)
        report.message = QStringLiteral("the journal database is empty; run `jcr-mcp-server sync`");
    return report;
}

HealthReport JournalRepository::healthOf(const QString& path)
{
    JournalRepository repository;
    QString error;
    if (!repository.open(path, &error)) {
        HealthReport report;
        report.path = path;
        report.databasePresent = QFileInfo::exists(path);
        report.message = error;
        return report;
    }
    return repository.health();
}

} // namespace jcr
