#include "engineharness.h"

#include "dataimporter.h"
#include "journaltools.h"
#include "sourcefile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace jcr::test {

EngineHarness::EngineHarness(const QString& databasePath)
    : backend(databasePath), resources(backend), prompts(backend), engine(tools, resources, prompts)
{
    mcp::JournalTools::registerAll(tools, backend);
    QObject::connect(&engine, &mcp::McpEngine::notificationReady,
                     [this](const QJsonObject& message) { notifications.append(message); });
}

QList<QJsonValue> EngineHarness::send(const QJsonValue& message)
{
    return engine.handle(message);
}

QJsonObject EngineHarness::request(const QString& method, const QJsonObject& params)
{
    QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), m_nextId++},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        message.insert(QStringLiteral("params"), params);
    const QList<QJsonValue> replies = send(message);
    return replies.isEmpty() ? QJsonObject() : replies.constFirst().toObject();
}

void EngineHarness::notify(const QString& method, const QJsonObject& params)
{
    send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                     {QStringLiteral("method"), method},
                     {QStringLiteral("params"), params}});
}

QJsonObject EngineHarness::initialize(const QString& version, bool sendInitialized)
{
    const QJsonObject reply = request(
        QStringLiteral("initialize"),
        QJsonObject{{QStringLiteral("protocolVersion"), version},
                    {QStringLiteral("capabilities"), QJsonObject()},
                    {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("tst")},
                                                               {QStringLiteral("version"), QStringLiteral("1")}}}});
    if (sendInitialized)
        notify(QStringLiteral("notifications/initialized"));
    return reply;
}

QJsonObject EngineHarness::callTool(const QString& name, const QJsonObject& arguments)
{
    return request(QStringLiteral("tools/call"),
                   QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}});
}

QString EngineHarness::fixtureDataDir()
{
    return QStringLiteral(JCR_SERVER_TEST_DATA);
}

bool EngineHarness::buildFixtureDatabase(const QString& path, QString* error)
{
    QList<SourceFile> files;
    const QDir dir(fixtureDataDir());
    for (const QString& name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return false;
        }
        files.append(SourceFile(name, file.readAll()));
    }
    DataImporter importer;
    return importer.build(files, path, QStringLiteral("tests/server/data"), error);
}

} // namespace jcr::test
