// jcr_bench_stdio: what an MCP client feels over stdio. Spawns jcr-mcp-server as a client would (pipes,
// cwd "/"), measures the time from process start to the initialize answer (several cold starts), then the
// round-trip latency of tools/call for get_journal and search_journal (p50/p99) on titles sampled from
// the real JCR2025 file. Targets (issue 3): start → initialize < 150 ms, get_journal p50 < 1 ms.
//
//   jcr_bench_stdio [--server BIN] [--db FILE] [--data DIR] [--calls N] [--starts N] [--json FILE]

#include "csvreader.h"
#include "latencystats.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <cstdio>

using jcr::bench::LatencyStats;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

class StdioClient
{
public:
    bool start(const QString& server, const QString& database)
    {
        m_process.setProgram(server);
        m_process.setArguments({QStringLiteral("--db"), database});
        m_process.setWorkingDirectory(QStringLiteral("/"));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setStandardErrorFile(QProcess::nullDevice());
        m_process.start();
        return m_process.waitForStarted(10000);
    }

    /// Sends a request and waits for the response with that id (skipping notifications).
    QJsonObject call(int id, const QString& method, const QJsonObject& params)
    {
        const QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                  {QStringLiteral("id"), id},
                                  {QStringLiteral("method"), method},
                                  {QStringLiteral("params"), params}};
        m_process.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
        for (;;) {
            while (!m_process.canReadLine()) {
                if (!m_process.waitForReadyRead(30000))
                    return {};
            }
            const QJsonObject message = QJsonDocument::fromJson(m_process.readLine()).object();
            if (message.value(QStringLiteral("id")) == QJsonValue(id))
                return message;
        }
    }

    void notify(const QString& method)
    {
        m_process.write(QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                                  {QStringLiteral("method"), method}})
                            .toJson(QJsonDocument::Compact) +
                        '\n');
    }

    int stop()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        return m_process.exitCode();
    }

private:
    QProcess m_process;
};

QJsonObject initializeParams()
{
    return QJsonObject{
        {QStringLiteral("protocolVersion"), QStringLiteral("2025-11-25")},
        {QStringLiteral("capabilities"), QJsonObject()},
        {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("jcr_bench_stdio")},
                                                   {QStringLiteral("version"), QStringLiteral("1")}}}};
}

QStringList sampleTitles(const QString& dataDir, int count)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("JCR2025-UTF8.csv")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QStringList> rows = jcr::CsvReader::readAll(file.readAll());
    QStringList titles;
    const qsizetype step = qMax<qsizetype>(1, (rows.size() - 1) / qMax(1, count));
    for (qsizetype r = 1; r < rows.size() && titles.size() < count; r += step) {
        if (!rows.at(r).isEmpty() && !rows.at(r).constFirst().trimmed().isEmpty())
            titles << rows.at(r).constFirst().trimmed();
    }
    return titles;
}

QString ms(double value)
{
    return QString::number(value, 'f', 3);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MCP over stdio: start → initialize and per-call latency"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("server"), QStringLiteral("Server binary."), QStringLiteral("path"),
                      QStringLiteral(JCR_BENCH_SERVER)});
    parser.addOption({QStringLiteral("db"), QStringLiteral("Database (built with sync when missing)."),
                      QStringLiteral("path"), QStringLiteral(JCR_BENCH_DEFAULT_DB)});
    parser.addOption({QStringLiteral("data"), QStringLiteral("ShowJCR folder."), QStringLiteral("dir"),
                      QStringLiteral(JCR_BENCH_DATA_DIR)});
    parser.addOption({QStringLiteral("calls"), QStringLiteral("Measured calls per tool."), QStringLiteral("n"),
                      QStringLiteral("1000")});
    parser.addOption(
        {QStringLiteral("starts"), QStringLiteral("Cold starts measured."), QStringLiteral("n"), QStringLiteral("10")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Also write the results as JSON."), QStringLiteral("file")});
    parser.process(app);

    const QString server = parser.value(QStringLiteral("server"));
    const QString database = parser.value(QStringLiteral("db"));
    const QString data = parser.value(QStringLiteral("data"));
    const int calls = qMax(10, parser.value(QStringLiteral("calls")).toInt());
    const int starts = qMax(1, parser.value(QStringLiteral("starts")).toInt());

    if (!QFileInfo::exists(database)) {
        out() << "building " << database << " from " << data << " …" << Qt::endl;
        QDir().mkpath(QFileInfo(database).absolutePath());
        QProcess sync;
        sync.start(server, {QStringLiteral("sync"), QStringLiteral("--from"), data, QStringLiteral("--db"), database});
        if (!sync.waitForFinished(600000) || sync.exitCode() != 0) {
            fprintf(stderr, "sync failed: %s\n", sync.readAllStandardError().constData());
            return 1;
        }
    }
    const QStringList titles = sampleTitles(data, 200);
    if (titles.isEmpty()) {
        fprintf(stderr, "cannot read JCR2025-UTF8.csv in %s\n", qPrintable(data));
        return 1;
    }

    // 1. Cold starts: process start → initialize answer.
    LatencyStats startup;
    for (int i = 0; i < starts; ++i) {
        QElapsedTimer timer;
        timer.start();
        StdioClient client;
        if (!client.start(server, database))
            return 1;
        const QJsonObject reply = client.call(0, QStringLiteral("initialize"), initializeParams());
        startup.add(timer.nsecsElapsed());
        if (!reply.contains(QStringLiteral("result"))) {
            fprintf(stderr, "initialize failed\n");
            return 1;
        }
        client.stop();
    }

    // 2. Per-call latency in one session (after a warm-up that builds the search index).
    StdioClient client;
    if (!client.start(server, database))
        return 1;
    client.call(0, QStringLiteral("initialize"), initializeParams());
    client.notify(QStringLiteral("notifications/initialized"));
    int id = 1;
    struct Tool
    {
        QString name;
        QString argument;
        LatencyStats stats;
        int misses = 0;
    };
    Tool tools[] = {{QStringLiteral("get_journal"), QStringLiteral("name_or_issn"), {}, 0},
                    {QStringLiteral("search_journal"), QStringLiteral("journal_name"), {}, 0}};
    for (Tool& tool : tools) {
        for (int i = 0; i < 50; ++i) // warm-up
            client.call(
                id++, QStringLiteral("tools/call"),
                QJsonObject{{QStringLiteral("name"), tool.name},
                            {QStringLiteral("arguments"), QJsonObject{{tool.argument, titles.at(i % titles.size())}}}});
        tool.stats.reserve(size_t(calls));
        for (int i = 0; i < calls; ++i) {
            const QString title = titles.at(i % titles.size());
            QElapsedTimer timer;
            timer.start();
            const QJsonObject reply =
                client.call(id++, QStringLiteral("tools/call"),
                            QJsonObject{{QStringLiteral("name"), tool.name},
                                        {QStringLiteral("arguments"), QJsonObject{{tool.argument, title}}}});
            tool.stats.add(timer.nsecsElapsed());
            const QJsonObject structured =
                reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("structuredContent")).toObject();
            if (!structured.value(QStringLiteral("found")).toBool())
                ++tool.misses;
        }
    }
    LatencyStats ping;
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer timer;
        timer.start();
        client.call(id++, QStringLiteral("ping"), {});
        ping.add(timer.nsecsElapsed());
    }
    client.stop();

    jcr::bench::TextTable table({QStringLiteral("measure"), QStringLiteral("n"), QStringLiteral("p50 ms"),
                                 QStringLiteral("p99 ms"), QStringLiteral("mean ms"), QStringLiteral("max ms"),
                                 QStringLiteral("not found")});
    table.addRow({QStringLiteral("start → initialize answer"), QString::number(startup.count()),
                  ms(startup.percentileMs(50)), ms(startup.percentileMs(99)), ms(startup.meanMs()), ms(startup.maxMs()),
                  QString()});
    for (const Tool& tool : tools)
        table.addRow({QStringLiteral("tools/call %1").arg(tool.name), QString::number(tool.stats.count()),
                      ms(tool.stats.percentileMs(50)), ms(tool.stats.percentileMs(99)), ms(tool.stats.meanMs()),
                      ms(tool.stats.maxMs()), QString::number(tool.misses)});
    table.addRow({QStringLiteral("ping (transport floor)"), QString::number(ping.count()), ms(ping.percentileMs(50)),
                  ms(ping.percentileMs(99)), ms(ping.meanMs()), ms(ping.maxMs()), QString()});
    out() << "MCP over stdio — " << server << " on " << database << " (" << titles.size() << " sampled titles)\n"
          << table.toString() << Qt::endl;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject results{{QStringLiteral("startToInitialize"), startup.toJson()},
                            {QStringLiteral("ping"), ping.toJson()}};
        for (const Tool& tool : tools) {
            QJsonObject stats = tool.stats.toJson();
            stats.insert(QStringLiteral("notFound"), tool.misses);
            results.insert(tool.name, stats);
        }
        QFile file(parser.value(QStringLiteral("json")));
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(results).toJson());
    }
    const bool startOk = startup.percentileMs(50) < 150.0;
    const bool getOk = tools[0].stats.percentileMs(50) < 1.0;
    out() << "targets: start → initialize p50 < 150 ms: " << (startOk ? "met" : "MISSED")
          << "; get_journal p50 < 1 ms: " << (getOk ? "met" : "MISSED") << Qt::endl;
    return 0;
}
