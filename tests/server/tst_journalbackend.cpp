// JournalBackend follows a database that a sync replaces while the server runs, and refuses (with the reason)
// a broken file put in its place until a good one is there again.

#include "answercache.h"
#include "fixturedatabase.h"
#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltools.h"
#include "mcpengine.h"
#include "promptprovider.h"
#include "resourceprovider.h"
#include "toolregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

class TestJournalBackend : public QObject
{
    Q_OBJECT

private:
    static qint64 journalsIn(jcr::mcp::JournalBackend& backend)
    {
        const jcr::JournalRepository* repository = backend.repository();
        return repository ? repository->databaseInfo().journals : -1;
    }

    /// The miniature data set without the unknown table, whose only journal is "Brand New Journal".
    static QString withoutNewTable(const QTemporaryDir& dir)
    {
        const QString folder = dir.filePath(QStringLiteral("smaller"));
        QDir().mkpath(folder);
        for (const QString& name : QDir(jcr::test::miniDataDir()).entryList({QStringLiteral("*.csv")}, QDir::Files)) {
            if (name != QLatin1String("NEWTABLE2027.csv"))
                QFile::copy(jcr::test::miniDataDir() + u'/' + name, folder + u'/' + name);
        }
        return folder;
    }

private slots:
    void followsAReplacedDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), path, &error), qPrintable(error));
        jcr::mcp::JournalBackend backend(path);
        QCOMPARE(journalsIn(backend), 15);

        // The same data without the unknown table: one journal fewer (Brand New Journal).
        const QString smaller = withoutNewTable(dir);
        QTest::qWait(20); // a modification time that differs even on coarse file systems
        QVERIFY2(jcr::test::buildDatabase(smaller, path, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(journalsIn(backend), 14, 5000);

        // A broken file swapped in: the server answers with what is wrong, not with data no longer at the path.
        const QString broken = dir.filePath(QStringLiteral("broken.db"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("not a database").repeated(100));
        file.close();
        QVERIFY(std::rename(QFile::encodeName(broken).constData(), QFile::encodeName(path).constData()) == 0);
        QVERIFY(!backend.repository(&error));
        QVERIFY2(error.contains(QStringLiteral("not a journal database")), qPrintable(error));
        QVERIFY(!backend.health().healthy);

        // A good file renamed in answers again.
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), path, &error), qPrintable(error));
        QCOMPARE(journalsIn(backend), 15);
        QVERIFY(backend.health().healthy);
    }

    void rememberedToolAnswersFollowTheData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), path, &error), qPrintable(error));
        jcr::mcp::JournalBackend backend(path);
        jcr::mcp::ToolRegistry tools;
        jcr::mcp::JournalTools::registerAll(tools, backend);
        jcr::mcp::ResourceProvider resources(backend);
        jcr::mcp::PromptProvider prompts(backend);
        jcr::mcp::McpEngine engine(tools, resources, prompts);
        jcr::mcp::AnswerCache answers(path);
        engine.setAnswerCache(&answers);
        engine.handle(
            QJsonObject{{"jsonrpc", "2.0"},
                        {"id", 0},
                        {"method", "initialize"},
                        {"params", QJsonObject{{"protocolVersion", "2025-11-25"},
                                               {"capabilities", QJsonObject()},
                                               {"clientInfo", QJsonObject{{"name", "t"}, {"version", "1"}}}}}});
        const QByteArray call =
            QJsonDocument(
                QJsonObject{{"jsonrpc", "2.0"},
                            {"id", 1},
                            {"method", "tools/call"},
                            {"params", QJsonObject{{"name", "get_journal"},
                                                   {"arguments", QJsonObject{{"name_or_issn", "Brand New Journal"}}}}}})
                .toJson(QJsonDocument::Compact);
        auto found = [&engine, &call] {
            const QByteArrayList replies = engine.handleLine(call);
            return QJsonDocument::fromJson(replies.value(0))
                .object()
                .value("result")
                .toObject()
                .value("structuredContent")
                .toObject()
                .value("found")
                .toBool();
        };
        QCOMPARE(answers.count(), 0);
        QVERIFY(found());
        QCOMPARE(answers.count(), 1);
        QVERIFY(found()); // the second answer comes from memory
        QCOMPARE(answers.count(), 1);

        QTest::qWait(20);
        QVERIFY2(jcr::test::buildDatabase(withoutNewTable(dir), path, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!found(), 5000); // a remembered answer must not outlive its data
    }
};

QTEST_GUILESS_MAIN(TestJournalBackend)
#include "tst_journalbackend.moc"
