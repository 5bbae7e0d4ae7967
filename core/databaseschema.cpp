#include "databaseschema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace jcr {

namespace {

const char* const schemaStatements[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE source_file (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER,"
    " rows INTEGER NOT NULL, skipped_rows INTEGER NOT NULL, sha256 TEXT NOT NULL, imported_at TEXT NOT NULL)",
    // The latest_* and ccf_rank columns summarise the fact tables so that lists and search hits need no joins.
    "CREATE TABLE journal (id INTEGER PRIMARY KEY, title TEXT NOT NULL, title_key TEXT NOT NULL, title_zh TEXT,"
    " issn TEXT, eissn TEXT, cn TEXT, venue_type TEXT NOT NULL, latest_jcr_year INTEGER, latest_if REAL,"
    " latest_quartile TEXT, latest_cas_year INTEGER, latest_cas_partition INTEGER, latest_cas_top INTEGER,"
    " on_warning_list INTEGER NOT NULL DEFAULT 0, ccf_rank TEXT)",
    "CREATE INDEX journal_by_title_key ON journal (title_key)",
    "CREATE INDEX journal_by_ccf_rank ON journal (ccf_rank)",
    // kind: title (the canonical one), alias (another spelling seen in some file), abbreviation, chinese.
    "CREATE TABLE journal_name (id INTEGER PRIMARY KEY, journal_id INTEGER NOT NULL REFERENCES journal (id),"
    " name TEXT NOT NULL, name_key TEXT NOT NULL, kind TEXT NOT NULL)",
    "CREATE INDEX journal_name_by_key ON journal_name (name_key)",
    "CREATE INDEX journal_name_by_journal ON journal_name (journal_id)",
    "CREATE VIRTUAL TABLE journal_name_fts USING fts5 (name_key, content='journal_name', content_rowid='id',"
    " tokenize='trigram')",
    // kind: print, electronic, unknown (CAS cells that hold one number of unknown kind).
    "CREATE TABLE journal_issn (issn TEXT NOT NULL, journal_id INTEGER NOT NULL REFERENCES journal (id),"
    " kind TEXT NOT NULL, PRIMARY KEY (issn, journal_id)) WITHOUT ROWID",
    "CREATE INDEX journal_issn_by_journal ON journal_issn (journal_id)",
    "CREATE TABLE jcr_fact (journal_id INTEGER NOT NULL REFERENCES journal (id), year INTEGER NOT NULL,"
    " impact_factor REAL, impact_factor_text TEXT NOT NULL, quartile TEXT, rank INTEGER, rank_total INTEGER,"
    " web_of_science TEXT, country TEXT, listed_title TEXT NOT NULL, source_id INTEGER NOT NULL,"
    " PRIMARY KEY (journal_id, year)) WITHOUT ROWID",
    "CREATE INDEX jcr_fact_by_year ON jcr_fact (year, impact_factor)",
    "CREATE TABLE jcr_category (journal_id INTEGER NOT NULL, year INTEGER NOT NULL, position INTEGER NOT NULL,"
    " name TEXT NOT NULL, edition TEXT, quartile TEXT, rank INTEGER, rank_total INTEGER,"
    " PRIMARY KEY (journal_id, year, position)) WITHOUT ROWID",
    "CREATE TABLE cas_fact (journal_id INTEGER NOT NULL REFERENCES journal (id), year INTEGER NOT NULL,"
    " major_category TEXT, partition INTEGER, rank INTEGER, rank_total INTEGER, top INTEGER NOT NULL,"
    " review INTEGER NOT NULL, open_access INTEGER, oaj INTEGER, web_of_science TEXT, note TEXT,"
    " listed_title TEXT NOT NULL, source_id INTEGER NOT NULL, PRIMARY KEY (journal_id, year)) WITHOUT ROWID",
    "CREATE INDEX cas_fact_by_year ON cas_fact (year, major_category, partition)",
    "CREATE TABLE cas_category (journal_id INTEGER NOT NULL, year INTEGER NOT NULL, position INTEGER NOT NULL,"
    " name TEXT NOT NULL, partition INTEGER, rank INTEGER, rank_total INTEGER,"
    " PRIMARY KEY (journal_id, year, position)) WITHOUT ROWID",
    "CREATE INDEX cas_category_by_year ON cas_category (year, name)",
    "CREATE TABLE warning_fact (journal_id INTEGER NOT NULL REFERENCES journal (id), year INTEGER NOT NULL,"
    " level TEXT, reason TEXT, listed_title TEXT NOT NULL, source_id INTEGER NOT NULL,"
    " PRIMARY KEY (journal_id, year)) WITHOUT ROWID",
    "CREATE INDEX warning_fact_by_year ON warning_fact (year)",
    "CREATE TABLE ccf_fact (id INTEGER PRIMARY KEY, journal_id INTEGER NOT NULL REFERENCES journal (id),"
    " edition INTEGER NOT NULL, list TEXT NOT NULL, rank TEXT NOT NULL, venue_type TEXT NOT NULL,"
    " abbreviation TEXT, field TEXT, publisher TEXT, url TEXT, merged_into TEXT, listed_title TEXT NOT NULL,"
    " source_id INTEGER NOT NULL)",
    "CREATE INDEX ccf_fact_by_journal ON ccf_fact (journal_id)",
    "CREATE TABLE ccft_fact (id INTEGER PRIMARY KEY, journal_id INTEGER NOT NULL REFERENCES journal (id),"
    " edition INTEGER NOT NULL, tier TEXT NOT NULL, title_zh TEXT, title_en TEXT, cn TEXT, language TEXT,"
    " sponsor TEXT, source_id INTEGER NOT NULL)",
    "CREATE INDEX ccft_fact_by_journal ON ccft_fact (journal_id)",
    "CREATE TABLE xr_fact (id INTEGER PRIMARY KEY, journal_id INTEGER NOT NULL REFERENCES journal (id),"
    " edition INTEGER NOT NULL, abbreviation TEXT, partition TEXT, top INTEGER NOT NULL, url TEXT,"
    " source_id INTEGER NOT NULL)",
    "CREATE INDEX xr_fact_by_journal ON xr_fact (journal_id)",
    // Rows of a ShowJCR table this version does not know, kept as JSON under their Journal column.
    "CREATE TABLE extra_fact (id INTEGER PRIMARY KEY, journal_id INTEGER NOT NULL REFERENCES journal (id),"
    " source_id INTEGER NOT NULL, year INTEGER, fields TEXT NOT NULL)",
    "CREATE INDEX extra_fact_by_journal ON extra_fact (journal_id)",
    // The JabRef abbreviation lists, one row per (list, full name, abbreviation, journal). journal_id is NULL
    // when the full name matched no journal. normalized: the abbreviation case folded, without dots and spaces.
    // kind: iso4, medline, other; list: the file it came from.
    "CREATE TABLE journal_abbreviations (id INTEGER PRIMARY KEY, journal_id INTEGER REFERENCES journal (id),"
    " abbreviation TEXT NOT NULL, normalized TEXT NOT NULL, kind TEXT NOT NULL, list TEXT NOT NULL,"
    " full_name TEXT NOT NULL)",
    "CREATE INDEX journal_abbreviations_by_normalized ON journal_abbreviations (normalized)",
    "CREATE INDEX journal_abbreviations_by_journal ON journal_abbreviations (journal_id)",
};

} // namespace

bool DatabaseSchema::create(QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    for (const char* statement : schemaStatements) {
        if (!query.exec(QString::fromLatin1(statement))) {
            if (error)
                *error = QStringLiteral("cannot create the schema: %1").arg(query.lastError().text());
            return false;
        }
    }
    return true;
}

QStringList DatabaseSchema::tables()
{
    return {QStringLiteral("journal"),      QStringLiteral("journal_name"), QStringLiteral("journal_issn"),
            QStringLiteral("jcr_fact"),     QStringLiteral("jcr_category"), QStringLiteral("cas_fact"),
            QStringLiteral("cas_category"), QStringLiteral("warning_fact"), QStringLiteral("ccf_fact"),
            QStringLiteral("ccft_fact"),    QStringLiteral("xr_fact"),      QStringLiteral("extra_fact"),
            QStringLiteral("source_file")};
}

} // namespace jcr
