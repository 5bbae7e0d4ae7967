// Golden protocol transcripts: each tests/server/transcripts/*.jsonl file is one client session against
// the fixture database. Lines starting with "> " are what the client sends, lines starting with "< " are
// what the server must send back (responses and notifications, in order); "#" lines are comments. The
// file name says which behaviour it pins. To regenerate the expected lines after an intended change:
//   JCR_UPDATE_TRANSCRIPTS=1 tests/server/tst_transcripts

#include "engineharness.h"
#include "jsonrpc.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using jcr::test::EngineHarness;

namespace {

QString transcriptsDir()
{
    return QStringLiteral(JCR_TRANSCRIPTS_DIR);
}

/// Canonical form for comparison: parsed and re-serialized compactly (key order, spacing).
QByteArray canonical(const QByteArray& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isNull())
        return json.trimmed();
    return document.toJson(QJsonDocument::Compact);
}

} // namespace

class TestTranscripts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replay_data();
    void replay();

private:
    QTemporaryDir m_dir;
    QString m_database;
};

void TestTranscripts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("fixture.db"));
    QString error;
    QVERIFY2(EngineHarness::buildFixtureDatabase(m_database, &error), qPrintable(error));
}

void TestTranscripts::replay_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(transcriptsDir());
    const QStringList files = dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString& name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestTranscripts::replay()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    file.close();

    EngineHarness harness(m_database);
    QList<QByteArray> output; // what the server sent, in order
    QObject::connect(&harness.engine, &jcr::mcp::McpEngine::notificationReady,
                     [&output](const QJsonObject& message) { output << jcr::mcp::JsonRpc::serialize(message); });

    const bool update = qEnvironmentVariableIsSet("JCR_UPDATE_TRANSCRIPTS");
    QList<QByteArray> rewritten;
    QList<QByteArray> expected;
    auto flush = [&]() {
        // Compare what the previous client message produced with the "< " lines that followed it.
        if (update) {
            for (const QByteArray& line : std::as_const(output))
                rewritten << "< " + line;
        } else {
            QCOMPARE(output.size(), expected.size());
            for (qsizetype i = 0; i < output.size(); ++i)
                QCOMPARE(canonical(output.at(i)), canonical(expected.at(i)));
        }
        output.clear();
        expected.clear();
    };
    for (const QByteArray& line : lines) {
        if (line.startsWith("> ")) {
            flush();
            if (QTest::currentTestFailed())
                return;
            rewritten << line;
            output << harness.engine.handleLine(line.mid(2));
        } else if (line.startsWith("< ")) {
            expected << line.mid(2);
        } else if (!line.trimmed().isEmpty()) {
            rewritten << line; // comments
        }
    }
    flush();
    if (update) {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(rewritten.join('\n') + '\n');
    }
}

QTEST_GUILESS_MAIN(TestTranscripts)
#include "tst_transcripts.moc"
