// jcr_bench: import time and query latency of jcr_core on the real ShowJCR data.
//
//   jcr_bench [DATA_DIR] [--data DIR] [--runs N] [--reps N] [--sample N] [--db FILE] [--json FILE] [--verbose]
//
// Prints tables and PASS/FAIL against the targets of issue 2; always exits 0 unless something errors (timing
// goals belong to benchmarks, not tests). See docs/benchmarks.md.

#include "dataimporter.h"
#include "datasource.h"
#include "journalrepository.h"
#include "latencystats.h"
#include "querymix.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <numeric>

#ifndef JCR_SOURCE_DIR
#define JCR_SOURCE_DIR "."
#endif
#ifndef JCR_BUILD_TYPE
#define JCR_BUILD_TYPE "unknown"
#endif

using namespace jcr;
using namespace jcr::bench;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start, Clock::time_point end = Clock::now())
{
    return std::chrono::duration<double, std::milli>(end - start).count();
}

std::int64_t nsBetween(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

double minimum(const QList<double>& values)
{
    return values.isEmpty() ? 0.0 : *std::min_element(values.begin(), values.end());
}

QString fixed(double value, int decimals = 3)
{
    return QString::number(value, 'f', decimals);
}

void print(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

/// The data folder when none is given: JCR_MCP_DATA_SOURCE (a folder, relative to the working directory
/// or to the source tree), else ../shared/showjcr beside the source tree.
QString defaultDataFolder()
{
    const QDir sourceDir(QStringLiteral(JCR_SOURCE_DIR));
    const QString env = qEnvironmentVariable("JCR_MCP_DATA_SOURCE");
    if (!env.isEmpty() && !DataSource::isUrl(env)) {
        if (QFileInfo(env).isDir())
            return QFileInfo(env).absoluteFilePath();
        if (QFileInfo(sourceDir.filePath(env)).isDir())
            return QDir::cleanPath(sourceDir.filePath(env));
    }
    return QDir::cleanPath(sourceDir.filePath(QStringLiteral("../shared/showjcr")));
}

QJsonObject machineInfo()
{
    QString cpu;
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
        }
    }
    qint64 memoryKb = 0;
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : meminfo.readAll().split('\n')) {
            if (line.startsWith("MemTotal:"))
                memoryKb = line.mid(9).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return QJsonObject{{QStringLiteral("cpu"), cpu},
                       {QStringLiteral("logical_cpus"), QThread::idealThreadCount()},
                       {QStringLiteral("memory_mib"), memoryKb / 1024},
                       {QStringLiteral("os"), QSysInfo::prettyProductName()},
                       {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                       {QStringLiteral("build_type"), QStringLiteral(JCR_BUILD_TYPE)}};
}

struct Target
{
    QString name;
    QString goal;
    double limit = 0;
    double measured = 0;
    QString unit;

    bool pass() const { return measured < limit; }
};

struct ClassResult
{
    QString name;
    QString description;
    QString check;
    int queries = 0;
    int hits = 0;
    LatencyStats stats;
    QStringList misses;
    std::vector<std::vector<std::int64_t>> perQuery; ///< samples of each query, for the slowest list
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jcr_bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Import time and query latency of jcr_core on the ShowJCR data."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("data"), QStringLiteral("Folder of ShowJCR CSV files."),
                                 QStringLiteral("[DATA_DIR]"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Folder of ShowJCR CSV files."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Full imports to time (default 3; 0 needs --db)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption repsOption(QStringLiteral("reps"),
                                        QStringLiteral("Timed passes over the query mix (default 20)."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption sampleOption(QStringLiteral("sample"),
                                          QStringLiteral("JCR2025 rows sampled for the mix (default 200)."),
                                          QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Search this database instead of the one the import built."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption abbreviationsOption(
        QStringLiteral("abbreviations"),
        QStringLiteral("Folder of JabRef abbreviation lists imported with the data (default: "
                       "JCR_MCP_ABBREVIATIONS_SOURCE, else ../abbrv next to the data folder; 'none' for none)."),
        QStringLiteral("DIR"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QStringLiteral("Also write the results as JSON to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("List the queries that missed and the slowest ones."));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral("Run only these comma-separated parts: search classes (exact, issn, issn-nohyphen, "
                       "abbreviation, abbr-iso4, abbr-dotless, abbr-medline, chinese, prefix, substring, typo-1, "
                       "typo-2), profile, "
                       "filter (for perf)."),
        QStringLiteral("LIST"));
    parser.addOptions({dataOption, runsOption, repsOption, sampleOption, dbOption, abbreviationsOption, jsonOption,
                       verboseOption, onlyOption});
    parser.process(app);

    QString dataFolder = parser.isSet(dataOption)                  ? parser.value(dataOption)
                         : !parser.positionalArguments().isEmpty() ? parser.positionalArguments().first()
                                                                   : defaultDataFolder();
    dataFolder = QFileInfo(dataFolder).absoluteFilePath();
    QString abbreviationsFolder = parser.isSet(abbreviationsOption) ? parser.value(abbreviationsOption)
                                  : !qEnvironmentVariable("JCR_MCP_ABBREVIATIONS_SOURCE").isEmpty()
                                      ? qEnvironmentVariable("JCR_MCP_ABBREVIATIONS_SOURCE")
                                      : QDir(dataFolder).filePath(QStringLiteral("../abbrv"));
    abbreviationsFolder =
        QFileInfo(abbreviationsFolder).isDir() ? QFileInfo(abbreviationsFolder).absoluteFilePath() : QString();
    const int runs = std::max(0, parser.value(runsOption).toInt());
    const int reps = std::max(1, parser.value(repsOption).toInt());
    const int sample = std::max(10, parser.value(sampleOption).toInt());
    const bool verbose = parser.isSet(verboseOption);
    const QStringList only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);
    auto wanted = [&only](const QString& part) { return only.isEmpty() || only.contains(part); };
    if (!QFileInfo(dataFolder).isDir()) {
        std::fprintf(stderr, "jcr_bench: no data folder at %s (give DATA_DIR, --data or JCR_MCP_DATA_SOURCE)\n",
                     qPrintable(dataFolder));
        return 2;
    }
    if (runs == 0 && !parser.isSet(dbOption)) {
        std::fprintf(stderr, "jcr_bench: --runs 0 needs --db FILE to search\n");
        return 2;
    }

    const QJsonObject machine = machineInfo();
    print(QStringLiteral("jcr_bench: %1, %2 logical CPUs, %3 MiB RAM, Qt %4, %5 build\ndata: %6\n\n")
              .arg(machine.value(QStringLiteral("cpu")).toString())
              .arg(machine.value(QStringLiteral("logical_cpus")).toInt())
              .arg(machine.value(QStringLiteral("memory_mib")).toInteger())
              .arg(machine.value(QStringLiteral("qt")).toString(),
                   machine.value(QStringLiteral("build_type")).toString(), dataFolder));
    print(QStringLiteral("abbreviation lists: %1\n\n")
              .arg(abbreviationsFolder.isEmpty() ? QStringLiteral("none") : abbreviationsFolder));
    QJsonObject json{{QStringLiteral("machine"), machine},
                     {QStringLiteral("data_folder"), dataFolder},
                     {QStringLiteral("abbreviations_folder"), abbreviationsFolder}};
    QList<Target> targets;

    // ---- 1. Full import --------------------------------------------------------------------------------
    std::unique_ptr<QTemporaryDir> keptDir;
    QString databasePath = parser.value(dbOption);
    if (runs > 0) {
        QList<double> totals, reads, parses, writes, checks;
        qint64 databaseBytes = 0;
        DataImporter::Report report;
        int files = 0;
        TextTable table({QStringLiteral("run"), QStringLiteral("total ms"), QStringLiteral("read files ms"),
                         QStringLiteral("parse+link ms"), QStringLiteral("write ms"), QStringLiteral("check+swap ms"),
                         QStringLiteral("db MiB")});
        for (int run = 0; run < runs; ++run) {
            auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/jcr-bench-XXXXXX"));
            if (!dir->isValid()) {
                std::fprintf(stderr, "jcr_bench: cannot create a temporary folder\n");
                return 1;
            }
            const QString target = dir->filePath(QStringLiteral("journals.db"));
            const Clock::time_point start = Clock::now();
            QString error;
            const QList<SourceFile> sources = DataSource::fromFolder(dataFolder, &error);
            if (sources.isEmpty()) {
                std::fprintf(stderr, "jcr_bench: cannot read %s: %s\n", qPrintable(dataFolder), qPrintable(error));
                return 1;
            }
            QList<SourceFile> lists;
            if (!abbreviationsFolder.isEmpty())
                lists = DataSource::fromFolder(abbreviationsFolder, &error);
            const Clock::time_point readDone = Clock::now();
            files = int(sources.size() + lists.size());
            DataImporter importer;
            importer.setAbbreviationFiles(lists);
            Clock::time_point writing{}, checking{};
            QObject::connect(&importer, &DataImporter::progress, [&](int, int, const QString& message) {
                if (message.startsWith(QLatin1String("writing")))
                    writing = Clock::now();
                else if (message.startsWith(QLatin1String("checking")))
                    checking = Clock::now();
            });
            if (!importer.build(sources, target, dataFolder, &error)) {
                std::fprintf(stderr, "jcr_bench: import failed: %s\n", qPrintable(error));
                return 1;
            }
            const Clock::time_point end = Clock::now();
            if (writing == Clock::time_point{})
                writing = end;
            if (checking == Clock::time_point{})
                checking = end;
            totals.append(msSince(start, end));
            reads.append(msSince(start, readDone));
            parses.append(msSince(readDone, writing));
            writes.append(msSince(writing, checking));
            checks.append(msSince(checking, end));
            report = importer.lastReport();
            databaseBytes = QFileInfo(target).size();
            table.addRow({QString::number(run + 1), fixed(totals.last(), 0), fixed(reads.last(), 0),
                          fixed(parses.last(), 0), fixed(writes.last(), 0), fixed(checks.last(), 0),
                          fixed(double(databaseBytes) / (1024.0 * 1024.0), 1)});
            keptDir = std::move(dir); // the last database is the one searched
            if (!parser.isSet(dbOption))
                databasePath = target;
        }
        table.addRow({QStringLiteral("min"), fixed(minimum(totals), 0), fixed(minimum(reads), 0),
                      fixed(minimum(parses), 0), fixed(minimum(writes), 0), fixed(minimum(checks), 0)});
        table.addRow({QStringLiteral("median"), fixed(median(totals), 0), fixed(median(reads), 0),
                      fixed(median(parses), 0), fixed(median(writes), 0), fixed(median(checks), 0)});
        print(QStringLiteral("== Full import: DataSource::fromFolder + DataImporter::build, %1 files, %2 rows (%3 "
                             "skipped), %4 journals\n")
                  .arg(files)
                  .arg(report.rows)
                  .arg(report.skippedRows)
                  .arg(report.journals));
        print(table.toString());
        print(QStringLiteral("database file: %1 bytes (%2 MiB)\n\n")
                  .arg(databaseBytes)
                  .arg(fixed(double(databaseBytes) / (1024.0 * 1024.0), 1)));
        auto list = [](const QList<double>& values) {
            QJsonArray array;
            for (double v : values)
                array.append(v);
            return array;
        };
        json.insert(QStringLiteral("import"), QJsonObject{{QStringLiteral("runs"), runs},
                                                          {QStringLiteral("files"), files},
                                                          {QStringLiteral("rows"), report.rows},
                                                          {QStringLiteral("skipped_rows"), report.skippedRows},
                                                          {QStringLiteral("journals"), report.journals},
                                                          {QStringLiteral("database_bytes"), databaseBytes},
                                                          {QStringLiteral("total_ms"), list(totals)},
                                                          {QStringLiteral("total_min_ms"), minimum(totals)},
                                                          {QStringLiteral("total_median_ms"), median(totals)},
                                                          {QStringLiteral("read_files_median_ms"), median(reads)},
                                                          {QStringLiteral("parse_link_median_ms"), median(parses)},
                                                          {QStringLiteral("write_median_ms"), median(writes)},
                                                          {QStringLiteral("check_swap_median_ms"), median(checks)}});
        targets.append({QStringLiteral("import all files (median)"), QStringLiteral("< 10 s"), 10000.0, median(totals),
                        QStringLiteral("ms")});
    }

    // ---- 2. Open + warm-up (search index build) --------------------------------------------------------
    QList<double> openTimes, warmTimes;
    std::unique_ptr<JournalRepository> repository;
    for (int i = 0; i < 3; ++i) {
        repository.reset(); // drops the shared index, so each warm-up builds it again
        repository = std::make_unique<JournalRepository>();
        QString error;
        const Clock::time_point start = Clock::now();
        if (!repository->open(databasePath, &error)) {
            std::fprintf(stderr, "jcr_bench: %s\n", qPrintable(error));
            return 1;
        }
        const Clock::time_point opened = Clock::now();
        repository->warmUp();
        openTimes.append(msSince(start, opened));
        warmTimes.append(msSince(opened));
    }
    print(QStringLiteral("== Open and warm-up (in-memory search index build), 3 times\n"));
    TextTable warmTable({QStringLiteral("step"), QStringLiteral("min ms"), QStringLiteral("median ms")});
    warmTable.addRow({QStringLiteral("open()"), fixed(minimum(openTimes), 2), fixed(median(openTimes), 2)});
    warmTable.addRow({QStringLiteral("warmUp()"), fixed(minimum(warmTimes), 1), fixed(median(warmTimes), 1)});
    print(warmTable.toString() + u'\n');
    json.insert(QStringLiteral("warm_up"), QJsonObject{{QStringLiteral("open_median_ms"), median(openTimes)},
                                                       {QStringLiteral("warm_up_min_ms"), minimum(warmTimes)},
                                                       {QStringLiteral("warm_up_median_ms"), median(warmTimes)}});

    // ---- 3. Search latency over the fixed mix ----------------------------------------------------------
    QueryMix mix;
    {
        QString error;
        if (!mix.build(dataFolder, databasePath, sample, &error)) {
            std::fprintf(stderr, "jcr_bench: %s\n", qPrintable(error));
            return 1;
        }
    }
    const SearchOptions page{10, 0};
    std::vector<ClassResult> results;
    qint64 sink = 0;
    std::vector<QueryClass> classes;
    for (const QueryClass& queryClass : mix.classes()) {
        if (wanted(queryClass.name))
            classes.push_back(queryClass);
    }
    for (const QueryClass& queryClass : classes) {
        ClassResult result;
        result.name = queryClass.name;
        result.description = queryClass.description;
        result.queries = int(queryClass.queries.size());
        if (!queryClass.queries.empty())
            result.check = QueryMix::expectationName(queryClass.queries.front().check);
        result.stats.reserve(size_t(reps) * queryClass.queries.size());
        result.perQuery.resize(queryClass.queries.size());
        // Untimed pass: warms caches and checks every answer once (the search is deterministic).
        for (const BenchQuery& query : queryClass.queries) {
            const SearchResult answer = repository->search(query.text, page);
            if (QueryMix::isHit(query, answer)) {
                ++result.hits;
            } else {
                QString got = answer.matches.isEmpty() ? (answer.ok() ? QStringLiteral("nothing") : answer.error)
                                                       : QStringLiteral("%1 [%2, %3]")
                                                             .arg(answer.matches.first().journal.title,
                                                                  matchKindName(answer.matches.first().kind),
                                                                  answer.matches.first().matchedName);
                result.misses.append(QStringLiteral("%1 -> %2").arg(query.text, got));
            }
        }
        results.push_back(std::move(result));
    }
    // Timed passes, interleaving the classes so that drift hits them alike.
    for (int rep = 0; rep < reps; ++rep) {
        for (size_t c = 0; c < classes.size(); ++c) {
            const auto& queries = classes[c].queries;
            for (size_t q = 0; q < queries.size(); ++q) {
                const Clock::time_point start = Clock::now();
                const SearchResult answer = repository->search(queries[q].text, page);
                const Clock::time_point end = Clock::now();
                sink += answer.total;
                results[c].stats.add(nsBetween(start, end));
                results[c].perQuery[q].push_back(nsBetween(start, end));
            }
        }
    }
    print(QStringLiteral("== Search: JournalRepository::search(text, {10, 0}), %1 timed passes over %2 queries\n")
              .arg(reps)
              .arg(std::accumulate(results.begin(), results.end(), 0,
                                   [](int sum, const ClassResult& r) { return sum + r.queries; })));
    TextTable searchTable({QStringLiteral("class"), QStringLiteral("queries"), QStringLiteral("samples"),
                           QStringLiteral("p50 ms"), QStringLiteral("p99 ms"), QStringLiteral("mean ms"),
                           QStringLiteral("max ms"), QStringLiteral("hit rate"), QStringLiteral("check")});
    QJsonObject searchJson;
    for (const ClassResult& result : results) {
        const double rate = result.queries ? 100.0 * result.hits / result.queries : 0.0;
        searchTable.addRow({result.name, QString::number(result.queries), QString::number(result.stats.count()),
                            fixed(result.stats.percentileMs(50)), fixed(result.stats.percentileMs(99)),
                            fixed(result.stats.meanMs()), fixed(result.stats.maxMs()),
                            QStringLiteral("%1/%2 (%3%)").arg(result.hits).arg(result.queries).arg(fixed(rate, 1)),
                            result.check});
        QJsonObject entry = result.stats.toJson();
        entry.insert(QStringLiteral("description"), result.description);
        entry.insert(QStringLiteral("queries"), result.queries);
        entry.insert(QStringLiteral("hits"), result.hits);
        entry.insert(QStringLiteral("hit_rate"), rate / 100.0);
        entry.insert(QStringLiteral("check"), result.check);
        entry.insert(QStringLiteral("misses"), QJsonArray::fromStringList(result.misses));
        searchJson.insert(result.name, entry);
    }
    print(searchTable.toString());
    for (const ClassResult& result : results)
        print(QStringLiteral("  %1: %2\n").arg(result.name, result.description));
    print(QStringLiteral("\n"));
    if (verbose) {
        for (const ClassResult& result : results) {
            for (const QString& miss : result.misses)
                print(QStringLiteral("miss %1: %2\n").arg(result.name, miss));
        }
        // The slowest queries of each class by their median, to see what dominates a class's tail.
        for (size_t c = 0; c < results.size(); ++c) {
            std::vector<std::pair<std::int64_t, size_t>> medians;
            for (size_t q = 0; q < results[c].perQuery.size(); ++q) {
                auto samples = results[c].perQuery[q];
                std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
                medians.emplace_back(samples[samples.size() / 2], q);
            }
            std::sort(medians.rbegin(), medians.rend());
            for (size_t k = 0; k < medians.size() && k < 5; ++k) {
                const BenchQuery& query = classes[c].queries[medians[k].second];
                print(QStringLiteral("slow %1: %2 ms  \"%3\" (total %4)\n")
                          .arg(results[c].name, fixed(double(medians[k].first) / 1e6), query.text)
                          .arg(repository->search(query.text, page).total));
            }
        }
        for (const QString& note : mix.notes())
            print(QStringLiteral("note: %1\n").arg(note));
        print(QStringLiteral("\n"));
    } else {
        int missCount = 0;
        for (const ClassResult& result : results)
            missCount += int(result.misses.size());
        if (missCount || !mix.notes().isEmpty())
            print(QStringLiteral("%1 misses and %2 sampling notes: run with --verbose to list them\n\n")
                      .arg(missCount)
                      .arg(mix.notes().size()));
    }
    json.insert(QStringLiteral("search"), searchJson);
    json.insert(QStringLiteral("search_notes"), QJsonArray::fromStringList(mix.notes()));
    for (const ClassResult& result : results) {
        if (result.name == QLatin1String("exact") || result.name.startsWith(QLatin1String("issn")) ||
            result.name.startsWith(QLatin1String("abbr-")))
            targets.append({QStringLiteral("search %1 p50").arg(result.name), QStringLiteral("< 0.2 ms"), 0.2,
                            result.stats.percentileMs(50), QStringLiteral("ms")});
        if (result.name.startsWith(QLatin1String("typo")))
            targets.append({QStringLiteral("search %1 p99").arg(result.name), QStringLiteral("< 5 ms"), 5.0,
                            result.stats.percentileMs(99), QStringLiteral("ms")});
    }

    // ---- 4. profile(id) and filter() -------------------------------------------------------------------
    const int profileReps = std::max(1, reps / 2);
    LatencyStats profileStats;
    int profileHits = 0;
    for (qint64 id : mix.profileIds()) {
        const auto profile = repository->profile(id);
        if (profile && profile->summary.id == id && !profile->jcr.isEmpty())
            ++profileHits;
    }
    for (int rep = 0; rep < (wanted(QStringLiteral("profile")) ? profileReps : 0); ++rep) {
        for (qint64 id : mix.profileIds()) {
            const Clock::time_point start = Clock::now();
            const auto profile = repository->profile(id);
            const Clock::time_point end = Clock::now();
            sink += profile ? profile->jcr.size() : 0;
            profileStats.add(nsBetween(start, end));
        }
    }

    struct NamedFilter
    {
        QString name;
        FilterCriteria criteria;
    };
    QList<NamedFilter> filters;
    {
        const QStringList majors = repository->casMajorCategories();
        FilterCriteria cas;
        cas.majorCategory = majors.contains(QStringLiteral("医学")) ? QStringLiteral("医学") : majors.value(0);
        cas.casPartition = 1;
        cas.top = true;
        filters.append({QStringLiteral("CAS 大类=%1, partition 1, Top").arg(cas.majorCategory), cas});
        FilterCriteria quartile;
        quartile.quartile = QStringLiteral("Q1");
        quartile.minImpactFactor = 10.0;
        filters.append({QStringLiteral("JCR Q1, IF >= 10, by IF"), quartile});
        FilterCriteria ccf;
        ccf.ccfRank = QStringLiteral("A");
        ccf.sortBy = QStringLiteral("title");
        ccf.descending = false;
        filters.append({QStringLiteral("CCF A, by title"), ccf});
        FilterCriteria minor;
        minor.minorCategory = QStringLiteral("COMPUTER SCIENCE");
        minor.casPartition = 2;
        filters.append({QStringLiteral("CAS 小类 ~ COMPUTER SCIENCE, partition 2"), minor});
    }
    TextTable otherTable({QStringLiteral("operation"), QStringLiteral("samples"), QStringLiteral("p50 ms"),
                          QStringLiteral("p99 ms"), QStringLiteral("mean ms"), QStringLiteral("max ms"),
                          QStringLiteral("result")});
    otherTable.addRow({QStringLiteral("profile(id)"), QString::number(profileStats.count()),
                       fixed(profileStats.percentileMs(50)), fixed(profileStats.percentileMs(99)),
                       fixed(profileStats.meanMs()), fixed(profileStats.maxMs()),
                       QStringLiteral("%1/%2 complete").arg(profileHits).arg(mix.profileIds().size())});
    QJsonObject profileJson = profileStats.toJson();
    profileJson.insert(QStringLiteral("journals"), int(mix.profileIds().size()));
    profileJson.insert(QStringLiteral("complete"), profileHits);
    json.insert(QStringLiteral("profile"), profileJson);
    QJsonArray filterJson;
    const int filterReps = std::max(5, reps);
    for (const NamedFilter& filter : std::as_const(filters)) {
        if (!wanted(QStringLiteral("filter")))
            break;
        const FilterResult first = repository->filter(filter.criteria);
        LatencyStats stats;
        for (int rep = 0; rep < filterReps; ++rep) {
            const Clock::time_point start = Clock::now();
            const FilterResult answer = repository->filter(filter.criteria);
            const Clock::time_point end = Clock::now();
            sink += answer.total;
            stats.add(nsBetween(start, end));
        }
        const QString outcome = first.ok() ? QStringLiteral("total %1").arg(first.total) : first.error;
        otherTable.addRow({QStringLiteral("filter: %1").arg(filter.name), QString::number(stats.count()),
                           fixed(stats.percentileMs(50)), fixed(stats.percentileMs(99)), fixed(stats.meanMs()),
                           fixed(stats.maxMs()), outcome});
        QJsonObject entry = stats.toJson();
        entry.insert(QStringLiteral("criteria"), filter.name);
        entry.insert(QStringLiteral("total"), first.total);
        entry.insert(QStringLiteral("error"), first.error);
        filterJson.append(entry);
    }
    json.insert(QStringLiteral("filter"), filterJson);
    print(QStringLiteral("== profile(id) over the %1 exact-sample journals (%2 passes) and filter() (%3 runs each, "
                         "limit 20)\n")
              .arg(mix.profileIds().size())
              .arg(profileReps)
              .arg(filterReps));
    print(otherTable.toString() + u'\n');

    // ---- Targets ----------------------------------------------------------------------------------------
    print(QStringLiteral("== Targets (issue 2, 2-core machine)\n"));
    TextTable targetTable(
        {QStringLiteral("target"), QStringLiteral("goal"), QStringLiteral("measured"), QStringLiteral("verdict")});
    QJsonArray targetJson;
    for (const Target& target : std::as_const(targets)) {
        const QString measured = target.limit >= 1000 ? QStringLiteral("%1 s").arg(fixed(target.measured / 1000.0, 2))
                                                      : QStringLiteral("%1 ms").arg(fixed(target.measured));
        targetTable.addRow(
            {target.name, target.goal, measured, target.pass() ? QStringLiteral("PASS") : QStringLiteral("FAIL")});
        targetJson.append(QJsonObject{{QStringLiteral("name"), target.name},
                                      {QStringLiteral("goal"), target.goal},
                                      {QStringLiteral("limit_ms"), target.limit},
                                      {QStringLiteral("measured_ms"), target.measured},
                                      {QStringLiteral("pass"), target.pass()}});
    }
    print(targetTable.toString());
    json.insert(QStringLiteral("targets"), targetJson);
    json.insert(QStringLiteral("checksum"), sink);

    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0) {
            std::fprintf(stderr, "jcr_bench: cannot write %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 1;
        }
        print(QStringLiteral("\nresults written to %1\n").arg(QFileInfo(file).absoluteFilePath()));
    }
    repository.reset();
    return 0;
}
