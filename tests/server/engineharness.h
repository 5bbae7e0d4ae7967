#pragma once

#include "journalbackend.h"
#include "mcpengine.h"
#include "promptprovider.h"
#include "resourceprovider.h"
#include "toolregistry.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace jcr::test {

/// An McpEngine wired to the journal tools, resources and prompts over one database file, driven in
/// memory (no process, no pipes). Notifications the engine emits are collected in `notifications`.
class EngineHarness
{
public:
    explicit EngineHarness(const QString& databasePath);

    mcp::JournalBackend backend;
    mcp::ToolRegistry tools;
    mcp::ResourceProvider resources;
    mcp::PromptProvider prompts;
    mcp::McpEngine engine;
    QList<QJsonObject> notifications;

    /// Sends one message; returns what the engine answered (0 or 1 messages).
    QList<QJsonValue> send(const QJsonValue& message);
    /// Sends a request with a fresh integer id; returns the response (empty object when none came).
    QJsonObject request(const QString& method, const QJsonObject& params = {});
    void notify(const QString& method, const QJsonObject& params = {});
    /// initialize (+ notifications/initialized); returns the initialize response.
    QJsonObject initialize(const QString& version = QStringLiteral("2025-11-25"), bool sendInitialized = true);
    /// tools/call; returns the response.
    QJsonObject callTool(const QString& name, const QJsonObject& arguments);

    /// Builds the fixture database (tests/server/data, synthetic journals) at `path`.
    static bool buildFixtureDatabase(const QString& path, QString* error);
    static QString fixtureDataDir();

private:
    int m_nextId = 1;
};

} // namespace jcr::test
