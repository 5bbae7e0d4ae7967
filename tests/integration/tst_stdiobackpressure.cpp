// Back-pressure of the stdio transport, black-box: the real jcr-mcp-server on two pipes, a client that
// pipelines hundreds of thousands of requests and does not read the answers for a while. The server must
// stop reading stdin (its queue is bounded) instead of buffering every request, so its peak memory stays
// near its resting size; afterwards every answer must still arrive, in order and correct.

#include "fixturedatabase.h"
#include "processstats.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;
#endif

namespace {

QByteArray requestLine(int id)
{
    // Every 500th request calls a tool, the others ping: the answers are checked by kind.
    if (id % 500 == 0)
        return QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":") + QByteArray::number(id) +
               QByteArrayLiteral(",\"method\":\"tools/call\",\"params\":{\"name\":\"get_journal\",\"arguments\":"
                                 "{\"name_or_issn\":\"Alpha Journal of Testing\"}}}\n");
    return QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":") + QByteArray::number(id) +
           QByteArrayLiteral(",\"method\":\"ping\"}\n");
}

} // namespace

class TestStdioBackpressure : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pipelinedRequestsDoNotGrowMemory();

private:
#ifdef Q_OS_LINUX
    bool spawnServer(QString* error);
    /// Reads what stdout holds now into m_output; false at end of file.
    bool readAvailable();
    /// Checks and removes the complete answer lines in m_output.
    void takeAnswers();
#endif

    QTemporaryDir m_dir;
    QString m_database;
    qint64 m_pid = -1;
    int m_stdin = -1;
    int m_stdout = -1;
    QByteArray m_output;
    int m_nextAnswer = 0;  ///< the id the next answer must carry
    QString m_answerError; ///< the first wrong answer
};

void TestStdioBackpressure::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("reads the server's memory from /proc and uses POSIX pipes");
#else
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("fixture.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
#endif
}

#ifdef Q_OS_LINUX
bool TestStdioBackpressure::spawnServer(QString* error)
{
    // Raw pipes rather than QProcess: QProcess reads the child's stdout into its own buffer whenever the
    // event loop runs, and this test needs a client that does not read.
    int input[2];
    int output[2];
    if (::pipe2(input, O_CLOEXEC) != 0 || ::pipe2(output, O_CLOEXEC) != 0) {
        *error = QStringLiteral("pipe2 failed");
        return false;
    }
    const QByteArray program = jcr::test::serverBinary().toLocal8Bit();
    const QByteArray database = m_database.toLocal8Bit();
    const QByteArray log = m_dir.filePath(QStringLiteral("stderr.log")).toLocal8Bit();
    char* argv[] = {const_cast<char*>(program.constData()), const_cast<char*>("--db"),
                    const_cast<char*>(database.constData()), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input[0], 0);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, program.constData(), &actions, nullptr, argv, environ);
    m_pid = pid;
    posix_spawn_file_actions_destroy(&actions);
    ::close(input[0]);
    ::close(output[1]);
    m_stdin = input[1];
    m_stdout = output[0];
    if (spawned != 0) {
        *error = QStringLiteral("cannot start %1").arg(jcr::test::serverBinary());
        return false;
    }
    ::fcntl(m_stdin, F_SETFL, O_NONBLOCK);
    return true;
}

bool TestStdioBackpressure::readAvailable()
{
    char buffer[64 * 1024];
    const ssize_t got = ::read(m_stdout, buffer, sizeof buffer);
    if (got < 0 && errno == EAGAIN)
        return true;
    if (got <= 0)
        return false;
    m_output.append(buffer, got);
    return true;
}

void TestStdioBackpressure::takeAnswers()
{
    qsizetype start = 0;
    for (qsizetype newline = m_output.indexOf('\n'); newline >= 0; newline = m_output.indexOf('\n', start)) {
        const QJsonObject answer =
            QJsonDocument::fromJson(QByteArray::fromRawData(m_output.constData() + start, newline - start)).object();
        start = newline + 1;
        const int id = m_nextAnswer++;
        if (!m_answerError.isEmpty())
            continue;
        const QJsonObject result = answer.value(QStringLiteral("result")).toObject();
        const bool right = answer.value(QStringLiteral("id")).toInt(-1) == id &&
                           (id == 0         ? result.contains(QStringLiteral("protocolVersion"))
                            : id % 500 == 0 ? !result.value(QStringLiteral("content")).toArray().isEmpty() &&
                                                  !result.value(QStringLiteral("isError")).toBool()
                                            : result.isEmpty() && answer.contains(QStringLiteral("result")));
        if (!right)
            m_answerError = QStringLiteral("answer %1 is wrong or out of order: %2")
                                .arg(id)
                                .arg(QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    }
    m_output.remove(0, start);
}
#endif

void TestStdioBackpressure::pipelinedRequestsDoNotGrowMemory()
{
#ifdef Q_OS_LINUX
    constexpr int Requests = 300000;
    // The old transport read all of it ahead: +130 MB for these requests. With the queue bounded, the server
    // holds one pipe's worth of input and 64 lines; 24 MB leaves room for allocator noise.
    constexpr qint64 AllowedGrowthKb = 24 * 1024;

    QString error;
    QVERIFY2(spawnServer(&error), qPrintable(error));
    auto reap = qScopeGuard([this] {
        if (m_stdin >= 0)
            ::close(m_stdin);
        ::close(m_stdout);
        if (m_pid > 0) {
            ::kill(pid_t(m_pid), SIGKILL);
            ::waitpid(pid_t(m_pid), nullptr, 0);
        }
    });

    // Initialize, and wait for its answer: the server's resting size is measured after it.
    QByteArray pending = QByteArrayLiteral(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        "\"capabilities\":{},\"clientInfo\":{\"name\":\"tst\",\"version\":\"1\"}}}\n"
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    QCOMPARE(::write(m_stdin, pending.constData(), size_t(pending.size())), ssize_t(pending.size()));
    pending.clear();
    while (m_nextAnswer == 0 && readAvailable())
        takeAnswers();
    QCOMPARE(m_nextAnswer, 1);
    QVERIFY2(m_answerError.isEmpty(), qPrintable(m_answerError));
    const qint64 restingKb = jcr::test::procStatusKiB(m_pid, "VmRSS");
    QVERIFY(restingKb > 0);

    // Pipeline every request without reading a single answer, until all are written or the server stops
    // reading. The only sign of the latter is that stdin stays full: a poll that sees no room for a few
    // seconds ends this phase (a server that reads ahead without limit takes everything long before).
    int nextRequest = 1;
    auto refill = [&] {
        while (pending.size() < 256 * 1024 && nextRequest <= Requests)
            pending += requestLine(nextRequest++);
    };
    refill();
    while (!pending.isEmpty()) {
        const ssize_t written = ::write(m_stdin, pending.constData(), size_t(pending.size()));
        if (written > 0) {
            pending.remove(0, written);
            refill();
            continue;
        }
        QVERIFY2(errno == EAGAIN, "writing to the server failed");
        pollfd room{m_stdin, POLLOUT, 0};
        if (::poll(&room, 1, 3000) == 0)
            break;
    }
    const int writtenBeforeStall = nextRequest - 1 - int(pending.count('\n'));
    qInfo("requests taken before the server stopped reading: %d of %d", writtenBeforeStall, Requests);

    // Now read the answers while writing the rest, then close stdin and read to the end.
    ::fcntl(m_stdout, F_SETFL, O_NONBLOCK);
    bool inputOpen = true;
    qint64 peakKb = -1;
    for (;;) {
        if (inputOpen && pending.isEmpty()) {
            // The peak is read before stdin closes: VmHWM keeps the largest size the server ever had, and the
            // old transport had read everything ahead by now.
            peakKb = jcr::test::procStatusKiB(m_pid, "VmHWM");
            ::close(m_stdin);
            m_stdin = -1;
            inputOpen = false;
        }
        pollfd fds[2] = {{m_stdout, POLLIN, 0}, {inputOpen ? m_stdin : -1, POLLOUT, 0}};
        QVERIFY2(::poll(fds, 2, 60000) > 0, "the server stopped answering");
        if (fds[1].revents & (POLLOUT | POLLERR)) {
            const ssize_t written = ::write(m_stdin, pending.constData(), size_t(pending.size()));
            QVERIFY2(written >= 0 || errno == EAGAIN, "writing to the server failed");
            if (written > 0) {
                pending.remove(0, written);
                refill();
            }
        }
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            if (!readAvailable())
                break;
            takeAnswers();
        }
    }
    qInfo("server memory: %lld kB at rest, peak %lld kB (+%lld kB)", restingKb, peakKb, peakKb - restingKb);
    QVERIFY2(peakKb - restingKb < AllowedGrowthKb,
             qPrintable(QStringLiteral("the server grew from %1 kB to a peak of %2 kB (+%3 kB) while requests "
                                       "were pipelined; allowed: +%4 kB")
                            .arg(restingKb)
                            .arg(peakKb)
                            .arg(peakKb - restingKb)
                            .arg(AllowedGrowthKb)));
    QVERIFY2(m_answerError.isEmpty(), qPrintable(m_answerError));
    QCOMPARE(m_nextAnswer, Requests + 1);
    QVERIFY(m_output.isEmpty());

    int status = 0;
    QCOMPARE(qint64(::waitpid(pid_t(m_pid), &status, 0)), m_pid);
    m_pid = -1;
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
#endif
}

QTEST_GUILESS_MAIN(TestStdioBackpressure)
#include "tst_stdiobackpressure.moc"
