// AnswerCache and McpEngine::quickAnswer(): repeated tools/call questions are answered with the bytes of
// the first answer, only when nothing about the question, the session or the data differs.

#include "answercache.h"
#include "fixturedatabase.h"
#include "journalbackend.h"
#include "journaltools.h"
#include "jsonrpc.h"
#include "mcpengine.h"
#include "mcpsession.h"
#include "promptprovider.h"
#include "resourceprovider.h"
#include "toolregistry.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using jcr::mcp::AnswerCache;
using jcr::mcp::McpEngine;
using jcr::mcp::McpSession;

namespace {

QJsonObject request(const QJsonValue& id, const QString& method, const QJsonObject& params)
{
    return QJsonObject{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}

QJsonObject toolCall(const QJsonValue& id, const QString& tool, const QJsonObject& arguments)
{
    return request(id, "tools/call", QJsonObject{{"name", tool}, {"arguments", arguments}});
}

/// Bytes the heap holds for the program now (glibc: every arena's blocks in use plus mmap'ed blocks); -1 when
/// the C library cannot say.
qint64 heapInUse()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

/// VmRSS of this process in bytes, from /proc/self/status (0 when unknown).
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

/// A tools/call result as the engine serializes it (QJsonDocument, compact), about `size` bytes long.
QByteArray serializedResult(int size, int seed)
{
    QJsonArray journals;
    for (int written = 0; written < size; written += 64)
        journals.append(QJsonObject{{"name", QStringLiteral("Journal %1-%2").arg(seed).arg(written)}, {"if", 1.5}});
    return jcr::mcp::JsonRpc::serialize(QJsonObject{{"structuredContent", QJsonObject{{"journals", journals}}}});
}

QJsonObject initializeRequest(const QString& version)
{
    return request(0, "initialize",
                   QJsonObject{{"protocolVersion", version},
                               {"capabilities", QJsonObject()},
                               {"clientInfo", QJsonObject{{"name", "tst_answercache"}, {"version", "1"}}}});
}

/// One server's worth of engine parts over a fixture database, with one shared AnswerCache.
struct Server
{
    explicit Server(const QString& path) : backend(path), resources(backend), prompts(backend), answers(path)
    {
        jcr::mcp::JournalTools::registerAll(tools, backend);
    }
    /// A new client session (its own engine) initialized with `version`.
    std::unique_ptr<McpEngine> connect(const QString& version)
    {
        auto engine = std::make_unique<McpEngine>(tools, resources, prompts);
        engine->setAnswerCache(&answers);
        engine->handle(initializeRequest(version));
        engine->handle(QJsonObject{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
        return engine;
    }

    jcr::mcp::JournalBackend backend;
    jcr::mcp::ToolRegistry tools;
    jcr::mcp::ResourceProvider resources;
    jcr::mcp::PromptProvider prompts;
    AnswerCache answers;
};

} // namespace

class TestAnswerCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("jcr.db");
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_path, &error), qPrintable(error));
    }

    void keys_data()
    {
        QTest::addColumn<QString>("versionA");
        QTest::addColumn<QJsonObject>("argumentsA");
        QTest::addColumn<QString>("versionB");
        QTest::addColumn<QJsonObject>("argumentsB");
        QTest::addColumn<bool>("same");
        const QJsonObject ab{{"a", 1}, {"b", "x"}};
        QTest::newRow("same arguments") << "2025-11-25" << ab << "2025-11-25" << ab << true;
        QJsonObject ba;
        ba.insert("b", "x");
        ba.insert("a", 1);
        QTest::newRow("other key order") << "2025-11-25" << ab << "2025-11-25" << ba << true;
        QTest::newRow("other protocol version") << "2025-11-25" << ab << "2025-03-26" << ab << false;
        QTest::newRow("other value") << "2025-11-25" << ab << "2025-11-25" << QJsonObject{{"a", 2}, {"b", "x"}}
                                     << false;
        QTest::newRow("number vs string")
            << "2025-11-25" << QJsonObject{{"a", 1}} << "2025-11-25" << QJsonObject{{"a", "1"}} << false;
    }

    void keys()
    {
        QFETCH(QString, versionA);
        QFETCH(QJsonObject, argumentsA);
        QFETCH(QString, versionB);
        QFETCH(QJsonObject, argumentsB);
        QFETCH(bool, same);
        QCOMPARE(AnswerCache::key(versionA, "get_journal", argumentsA) ==
                     AnswerCache::key(versionB, "get_journal", argumentsB),
                 same);
    }

    void storesOnlyUnderAKnownVersionAndGivesItBackForThatVersionOnly()
    {
        AnswerCache cache(m_path);
        const QByteArray key = AnswerCache::key("2025-11-25", "get_journal", {});
        cache.insert(key, 0, "{}");
        QCOMPARE(cache.count(), 0);
        cache.insert(key, 42, "{\"a\":1}");
        QCOMPARE(cache.find(key, 42), QByteArray("{\"a\":1}"));
        QVERIFY(cache.find(key, 43).isEmpty());
        QVERIFY(cache.find(key, 0).isEmpty());
        QVERIFY(cache.find(AnswerCache::key("2025-06-18", "get_journal", {}), 42).isEmpty());
    }

    void memoryIsBounded()
    {
        AnswerCache cache(m_path, 10 * 1024);
        const QByteArray result(1000, 'x');
        for (int i = 0; i < 100; ++i)
            cache.insert(AnswerCache::key("2025-11-25", "t", QJsonObject{{"i", i}}), 1, result);
        QVERIFY2(cache.count() < 10, qPrintable(QString::number(cache.count())));
        // The newest answers stay.
        QCOMPARE(cache.find(AnswerCache::key("2025-11-25", "t", QJsonObject{{"i", 99}}), 1), result);
    }

    void memoryIsWhatTheSettingSays()
    {
        // Issue 10: 64 MB of cache grew the server by 128 MB. What is checked is the heap in use (mallinfo2)
        // before and after filling the cache past its size: it counts exactly the blocks held, whatever
        // glibc keeps for reuse or returns to the system. RSS is not asserted: it also moves with freed blocks
        // glibc keeps, the temporaries of the fill and page granularity, and so would make the test flaky;
        // it is printed for the record.
        if (heapInUse() < 0)
            QSKIP("needs glibc's mallinfo2() to measure the heap");
        constexpr qint64 limit = 16 * 1024 * 1024;
        const qint64 heapBefore = heapInUse();
        const qint64 rssBefore = residentBytes();
        auto cache = std::make_unique<AnswerCache>(m_path, limit);
        qint64 offered = 0;
        for (int i = 0; offered < 3 * limit; ++i) {
            // Sizes from 300 bytes to 30 KB, as tools answer: a journal, a comparison, a page of a filter.
            const QByteArray result = serializedResult(300 + (i * 7919) % 30000, i);
            offered += result.size();
            cache->insert(AnswerCache::key("2025-11-25", "get_journal", QJsonObject{{"name_or_issn", i}}), 1, result);
        }
        const qint64 heapGrowth = heapInUse() - heapBefore;
        const qint64 rssGrowth = residentBytes() - rssBefore;
        const qint64 counted = cache->bytes();
        qInfo("limit %lld, counted %lld, heap growth %lld, RSS growth %lld (%d answers)", limit, counted, heapGrowth,
              rssGrowth, cache->count());
        QVERIFY(counted <= limit);
        QVERIFY2(counted > limit * 9 / 10, "the fill offered three times the limit: the cache should be full");
        // The setting means what it says: the heap grew by the limit at most (2 % slack for the QHash tables).
        QVERIFY2(heapGrowth <= limit * 102 / 100,
                 qPrintable(QStringLiteral("heap grew by %1 for a cache of %2").arg(heapGrowth).arg(limit)));
        // And the cache's own count is what it holds, within 5 %.
        QVERIFY2(qAbs(heapGrowth - counted) <= heapGrowth / 20,
                 qPrintable(QStringLiteral("counted %1, heap grew by %2").arg(counted).arg(heapGrowth)));
        cache.reset();
        QVERIFY2(heapInUse() - heapBefore < 256 * 1024, "the heap returns to where it was without the cache");
    }

    void zeroBytesRemembersNothing()
    {
        AnswerCache cache(m_path, 0);
        QVERIFY(!cache.isEnabled());
        const QByteArray key = AnswerCache::key("2025-11-25", "get_journal", {});
        cache.insert(key, 42, "{}");
        QCOMPARE(cache.count(), 0);
        QVERIFY(cache.find(key, 42).isEmpty());
    }

    void currentDataVersionIsTheFilesModificationTime()
    {
        AnswerCache cache(m_path);
        QCOMPARE(cache.currentDataVersion(), jcr::mcp::JournalBackend::fileVersion(m_path));
        QVERIFY(cache.currentDataVersion() > 0);
        AnswerCache missing(m_dir.filePath("absent.db"));
        QCOMPARE(missing.currentDataVersion(), 0);
    }

    void quickAnswer_data()
    {
        QTest::addColumn<QJsonObject>("message");
        QTest::addColumn<QString>("sessionVersion"); ///< empty: the session is not initialized
        QTest::addColumn<bool>("answered");
        const QJsonObject arguments{{"name_or_issn", "Nature"}};
        const QJsonObject cachedCall = toolCall(7, "get_journal", arguments);
        QTest::newRow("remembered call") << cachedCall << "2025-11-25" << true;
        QTest::newRow("string id") << toolCall("abc", "get_journal", arguments) << "2025-11-25" << true;
        QTest::newRow("ping, even before initialize") << request(3, "ping", {}) << "" << true;
        QTest::newRow("not initialized") << cachedCall << "" << false;
        QTest::newRow("other protocol version") << cachedCall << "2025-06-18" << false;
        QTest::newRow("other arguments") << toolCall(7, "get_journal", {{"name_or_issn", "Science"}}) << "2025-11-25"
                                         << false;
        QJsonObject withProgress = cachedCall;
        withProgress["params"] = QJsonObject{
            {"name", "get_journal"}, {"arguments", arguments}, {"_meta", QJsonObject{{"progressToken", "p"}}}};
        QTest::newRow("asks for progress") << withProgress << "2025-11-25" << false;
        QJsonObject noVersion = cachedCall;
        noVersion.remove("jsonrpc");
        QTest::newRow("no jsonrpc member") << noVersion << "2025-11-25" << false;
        QTest::newRow("object id") << toolCall(QJsonObject{{"x", 1}}, "get_journal", arguments) << "2025-11-25"
                                   << false;
        QJsonObject notification = cachedCall;
        notification.remove("id");
        QTest::newRow("notification") << notification << "2025-11-25" << false;
        QJsonObject arrayArguments = cachedCall;
        arrayArguments["params"] = QJsonObject{{"name", "get_journal"}, {"arguments", QJsonArray{1}}};
        QTest::newRow("arguments not an object") << arrayArguments << "2025-11-25" << false;
        QTest::newRow("other method") << request(7, "tools/list", {}) << "2025-11-25" << false;
    }

    void quickAnswer()
    {
        QFETCH(QJsonObject, message);
        QFETCH(QString, sessionVersion);
        QFETCH(bool, answered);

        Server server(m_path);
        // A first client asks; its answer is remembered for every session of the same protocol version.
        auto first = server.connect("2025-11-25");
        const QList<QJsonValue> original = first->handle(toolCall(7, "get_journal", {{"name_or_issn", "Nature"}}));
        QCOMPARE(original.size(), 1);
        QVERIFY(!original.first().toObject().contains("error"));
        QCOMPARE(server.answers.count(), 1);

        std::unique_ptr<McpEngine> second;
        McpSession fresh;
        McpSession* session = &fresh;
        if (!sessionVersion.isEmpty()) {
            second = server.connect(sessionVersion);
            session = &second->session();
        }
        const QByteArray quick = McpEngine::quickAnswer(message, *session, server.answers);
        QCOMPARE(!quick.isEmpty(), answered);
        if (!answered)
            return;
        // The same bytes as the full path would have sent for this very request.
        auto reference = server.connect(sessionVersion.isEmpty() ? QStringLiteral("2025-11-25") : sessionVersion);
        const QList<QJsonValue> full = reference->handle(message);
        QCOMPARE(full.size(), 1);
        QCOMPARE(quick, jcr::mcp::JsonRpc::serialize(full.first()));
    }

    void aRunningRequestWithTheSameIdIsNotAnsweredQuickly()
    {
        Server server(m_path);
        auto engine = server.connect("2025-11-25");
        const QJsonObject call = toolCall(9, "get_journal", {{"name_or_issn", "Nature"}});
        engine->handle(call);
        QVERIFY(!McpEngine::quickAnswer(call, engine->session(), server.answers).isEmpty());
        QVERIFY(engine->session().beginRequest(9));
        QVERIFY(McpEngine::quickAnswer(call, engine->session(), server.answers).isEmpty());
        engine->session().endRequest(9);
    }

    void failuresAreNotRemembered()
    {
        Server server(m_path);
        auto engine = server.connect("2025-11-25");
        engine->handle(toolCall(1, "get_journal", {{"name_or_issn", 42}}));                   // wrong type
        engine->handle(toolCall(2, "get_journal", {{"name_or_issn", "No Such Journal Zz"}})); // not found: an answer
        engine->handle(toolCall(3, "no_such_tool", {}));
        const QJsonObject wrongType = toolCall(1, "get_journal", {{"name_or_issn", 42}});
        QVERIFY(McpEngine::quickAnswer(wrongType, engine->session(), server.answers).isEmpty());
        QVERIFY(McpEngine::quickAnswer(toolCall(3, "no_such_tool", {}), engine->session(), server.answers).isEmpty());
    }

    void aReplacedDatabaseIsNotAnsweredFromMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("jcr.db");
        QVERIFY(QFile::copy(m_path, path));
        Server server(path);
        auto engine = server.connect("2025-11-25");
        const QJsonObject call = toolCall(1, "get_journal", {{"name_or_issn", "Nature"}});
        engine->handle(call);
        QVERIFY(!McpEngine::quickAnswer(call, engine->session(), server.answers).isEmpty());

        // A sync swaps a new file in (rename): within a second, the remembered answer is no longer used.
        QTest::qWait(20);
        const QString replacement = dir.filePath("new.db");
        QVERIFY(QFile::copy(m_path, replacement));
        QFile file(replacement);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime));
        file.close();
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::rename(replacement, path));
        QTRY_VERIFY_WITH_TIMEOUT(McpEngine::quickAnswer(call, engine->session(), server.answers).isEmpty(), 3000);
        // Asked again through the engine, the answer comes from the new file and is remembered anew.
        QTRY_VERIFY_WITH_TIMEOUT(
            (engine->handle(call), !McpEngine::quickAnswer(call, engine->session(), server.answers).isEmpty()), 3000);
    }
};

QTEST_GUILESS_MAIN(TestAnswerCache)
#include "tst_answercache.moc"
