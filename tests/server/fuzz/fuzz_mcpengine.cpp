// libFuzzer target: arbitrary bytes as the stdio input of one MCP session. The bytes are framed by
// LineFramer (in chunks whose sizes come from the input) and every line goes through
// McpEngine::handleLine, after an initialize whose protocol version the first byte picks. The engine
// works on the synthetic fixture database (tests/server/data), built once, so tools, resources,
// prompts and completion all run for real. Invariants checked: every reply is one line of valid JSON
// that is an object or an array, and no notification ever gets a reply of its own.

#include "dataimporter.h"
#include "journalbackend.h"
#include "journaltools.h"
#include "lineframer.h"
#include "mcpengine.h"
#include "promptprovider.h"
#include "resourceprovider.h"
#include "sourcefile.h"
#include "toolregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace jcr;
using namespace jcr::mcp;

namespace {

struct World
{
    QTemporaryDir dir;
    std::unique_ptr<JournalBackend> backend;
    ToolRegistry tools;
    std::unique_ptr<ResourceProvider> resources;
    std::unique_ptr<PromptProvider> prompts;
};

World* world = nullptr;

void buildWorld()
{
    world = new World; // lives until exit (reachable, so not a leak)
    QList<SourceFile> files;
    const QDir fixtures(QStringLiteral(JCR_FUZZ_FIXTURES));
    for (const QString& name : fixtures.entryList({QStringLiteral("*.csv")}, QDir::Files)) {
        QFile file(fixtures.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            files.append(SourceFile(name, file.readAll()));
    }
    const QString path = world->dir.filePath(QStringLiteral("fuzz.db"));
    DataImporter importer;
    QString error;
    if (!importer.build(files, path, QStringLiteral("fuzz"), &error)) {
        fprintf(stderr, "fixture database: %s\n", qPrintable(error));
        abort();
    }
    world->backend = std::make_unique<JournalBackend>(path);
    JournalTools::registerAll(world->tools, *world->backend);
    world->resources = std::make_unique<ResourceProvider>(*world->backend);
    world->prompts = std::make_unique<PromptProvider>(*world->backend);
    world->backend->open();
}

void checkReply(const QByteArray& reply)
{
    if (reply.contains('\n'))
        abort();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(reply, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication* app = new QCoreApplication(*argc, *argv);
    (void)app;
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    buildWorld();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static const char* versions[] = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"};
    McpEngine engine(world->tools, *world->resources, *world->prompts);
    QObject::connect(&engine, &McpEngine::notificationReady, [](const QJsonObject& message) {
        checkReply(QJsonDocument(message).toJson(QJsonDocument::Compact));
    });
    if (data[0] & 0x80) {
        const QByteArray init = QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                                                  "\"protocolVersion\":\"") +
                                versions[data[0] & 3] + QByteArrayLiteral("\",\"capabilities\":{}}}");
        for (const QByteArray& reply : engine.handleLine(init))
            checkReply(reply);
    }
    LineFramer framer(4096);
    const QByteArray input(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const qsizetype chunk = 1 + (data[0] & 0x3f);
    QList<LineFramer::Line> lines;
    for (qsizetype at = 0; at < input.size(); at += chunk)
        lines += framer.append(input.mid(at, chunk));
    lines += framer.finish();
    for (const LineFramer::Line& line : std::as_const(lines)) {
        if (line.tooLong)
            continue;
        const QByteArrayList replies = engine.handleLine(line.data);
        if (replies.size() > 1)
            abort();
        for (const QByteArray& reply : replies)
            checkReply(reply);
    }
    return 0;
}
