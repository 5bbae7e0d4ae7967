// jcr_bench_references: how long check_references takes for a long reference list.
//
//   jcr_bench_references [--db FILE] [--data DIR] [--abbreviations DIR] [--entries 1000] [--runs 20]
//
// Builds a BibTeX list of `--entries` entries from the real files (JCR2025 titles in several spellings, ISSNs,
// CCF2026 conferences as "Proceedings of the Nth …", arXiv preprints and books, in a fixed order), then times
// ReferenceListParser + ReferenceChecker on it `--runs` times with a new checker each time (no answers kept
// between runs), on a repository whose search index is already built (as in a running server). Without --db
// the database is built first from the data folders (about 15 s, not timed).
#include "csvreader.h"
#include "dataimporter.h"
#include "datasource.h"
#include "journalrepository.h"
#include "latencystats.h"
#include "referencechecker.h"
#include "referencelistparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>

using namespace jcr;

namespace {

QList<QStringList> csvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows = CsvReader::readAll(file.readAll());
    if (!rows.isEmpty())
        rows.removeFirst();
    return rows;
}

/// "NUCLEIC ACIDS RESEARCH" → "Nucleic Acids Research": how authors write a title the JCR file shouts.
QString titleCase(const QString& title)
{
    QStringList words = title.toLower().split(QLatin1Char(' '));
    for (QString& word : words) {
        if (!word.isEmpty() && word != QLatin1String("of") && word != QLatin1String("and") &&
            word != QLatin1String("the") && word != QLatin1String("in"))
            word[0] = word[0].toUpper();
    }
    return words.join(QLatin1Char(' '));
}

/// The list: 80 % journals (title as written, title case, braces and \&, ISSN), 10 % conferences, 5 % arXiv,
/// 5 % books. Deterministic: every run and every machine checks the same text.
QByteArray buildList(const QString& dataDir, int entries)
{
    const QList<QStringList> jcr = csvRows(dataDir + QStringLiteral("/JCR2025-UTF8.csv"));
    const QList<QStringList> ccf = csvRows(dataDir + QStringLiteral("/CCF2026-UTF8.csv"));
    QList<QStringList> conferences;
    for (const QStringList& row : ccf) {
        if (row.size() > 6 && row.at(6).contains(QStringLiteral("会议")) && !row.at(1).isEmpty())
            conferences << row;
    }
    QString text;
    const int journals = entries * 8 / 10;
    const int step = std::max<int>(1, int(jcr.size()) / std::max(1, journals));
    for (int i = 0; i < entries; ++i) {
        const QString key = QStringLiteral("ref%1").arg(i);
        const int slot = i % 20;
        if (slot < 16 && !jcr.isEmpty()) {
            const QStringList& row = jcr.at((i * step) % jcr.size());
            const QString title = row.value(0);
            QString field;
            switch (i % 4) {
            case 0:
                field = QStringLiteral("journal = {%1}").arg(title);
                break;
            case 1:
                field = QStringLiteral("journal = {%1}")
                            .arg(titleCase(title).replace(QLatin1Char('&'), QStringLiteral("\\&")));
                break;
            case 2:
                field = QStringLiteral("journal = \"{%1}\"").arg(title.toLower());
                break;
            default:
                field = row.value(1) != QLatin1String("N/A") ? QStringLiteral("issn = {%1}").arg(row.value(1))
                                                             : QStringLiteral("journal = {%1}").arg(title);
            }
            text += QStringLiteral("@article{%1, author = {Doe, J. and M{\\\"u}ller, K.}, title = {A study %2},\n"
                                   "  %3, year = {2024}, volume = {12}, pages = {1--10}}\n")
                        .arg(key)
                        .arg(i)
                        .arg(field);
        } else if (slot < 18 && !conferences.isEmpty()) {
            const QStringList& row = conferences.at(i % conferences.size());
            text += QStringLiteral("@inproceedings{%1, title = {A paper}, booktitle = {Proceedings of the %2th %3 "
                                   "(%4 2024)}, year = {2024}}\n")
                        .arg(key)
                        .arg(10 + i % 30)
                        .arg(row.value(1), row.value(0));
        } else if (slot == 18) {
            text += QStringLiteral("@misc{%1, title = {A preprint}, eprint = {2401.%2}, archivePrefix = {arXiv}}\n")
                        .arg(key)
                        .arg(10000 + i);
        } else {
            text += QStringLiteral("@book{%1, title = {A book}, publisher = {Springer}, year = {2020}}\n").arg(key);
        }
    }
    return text.toUtf8();
}

double elapsedMs(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("check_references on a long reference list."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("An existing database."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("ShowJCR folder."),
                                        QStringLiteral("DIR"), QStringLiteral(JCR_BENCH_DATA_DIR));
    const QCommandLineOption abbreviationsOption(QStringLiteral("abbreviations"),
                                                 QStringLiteral("JabRef abbreviation folder."), QStringLiteral("DIR"),
                                                 QStringLiteral(JCR_BENCH_ABBREVIATIONS_DIR));
    const QCommandLineOption entriesOption(QStringLiteral("entries"), QStringLiteral("Entries (default 1000)."),
                                           QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs (default 20)."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    parser.addOptions({dbOption, dataOption, abbreviationsOption, entriesOption, runsOption});
    parser.process(app);
    const QString dataDir = parser.value(dataOption);
    const int entries = std::clamp(parser.value(entriesOption).toInt(), 1, ReferenceListParser::MaxEntries);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    QString databasePath = parser.value(dbOption);
    QString error;
    if (databasePath.isEmpty()) {
        std::fprintf(stderr, "building the database from %s …\n", qPrintable(dataDir));
        const QList<SourceFile> files = DataSource::fromFolder(dataDir, &error);
        DataImporter importer;
        importer.setAbbreviationFiles(DataSource::fromFolder(parser.value(abbreviationsOption), &error));
        databasePath = dir.filePath(QStringLiteral("jcr.db"));
        if (files.isEmpty() || !importer.build(files, databasePath, dataDir, &error)) {
            std::fprintf(stderr, "jcr_bench_references: %s\n", qPrintable(error));
            return 2;
        }
    }
    JournalRepository repository;
    if (!repository.open(databasePath, &error)) {
        std::fprintf(stderr, "jcr_bench_references: %s\n", qPrintable(error));
        return 2;
    }
    repository.warmUp();
    const QByteArray list = buildList(dataDir, entries);

    bench::LatencyStats parse;
    bench::LatencyStats check;
    ReferenceReport report;
    for (int run = 0; run < runs; ++run) {
        auto start = std::chrono::steady_clock::now();
        const ReferenceListParser::Result parsed = ReferenceListParser::parse(list);
        parse.add(std::int64_t(elapsedMs(start) * 1e6));
        start = std::chrono::steady_clock::now();
        ReferenceChecker checker(repository); // nothing remembered from the previous run
        report = checker.check(list, 0);
        check.add(std::int64_t(elapsedMs(start) * 1e6));
        if (!parsed.ok() || !report.ok()) {
            std::fprintf(stderr, "jcr_bench_references: %s\n", qPrintable(parsed.error + report.error));
            return 2;
        }
    }
    const ReferenceSummary& s = report.summary;
    std::printf("jcr_bench_references: %d entries (%lld bytes of BibTeX), %d runs\n", s.entries,
                static_cast<long long>(list.size()), runs);
    std::printf("  statuses: resolved %d, unresolved %d, ambiguous %d, preprint %d, no_venue %d\n",
                s.byStatus.value(QStringLiteral("resolved")), s.byStatus.value(QStringLiteral("unresolved")),
                s.byStatus.value(QStringLiteral("ambiguous")), s.byStatus.value(QStringLiteral("preprint")),
                s.byStatus.value(QStringLiteral("no_venue")));
    std::printf("  parse only        p50 %7.1f ms   max %7.1f ms\n", parse.percentileMs(50), parse.maxMs());
    std::printf("  parse + check     p50 %7.1f ms   max %7.1f ms   (target < 200 ms: %s)\n", check.percentileMs(50),
                check.maxMs(), check.percentileMs(50) < 200 ? "PASS" : "FAIL");
    return 0;
}
