#include "firstsync.h"

#include "commandline.h"
#include "journalbackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace jcr {

FirstSync::FirstSync(QObject* parent) : QObject(parent)
{
    // stderr straight through; stdout (the sync's summary) is copied to stderr: stdout is the MCP stream.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &FirstSync::forwardOutput);
    connect(&m_process, &QProcess::finished, this, &FirstSync::handleFinished);
}

FirstSync::~FirstSync()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    mcp::JournalBackend::setPreparingData(false);
}

QStringList FirstSync::syncArguments(const ServerOptions& options)
{
    return {QStringLiteral("sync"),     QStringLiteral("--db"), options.databasePath,
            QStringLiteral("--from"),   options.dataSource,     QStringLiteral("--abbreviations-from"),
            options.abbreviationsSource};
}

bool FirstSync::startIfMissing(const ServerOptions& options)
{
    if (QFileInfo::exists(options.databasePath) || isRunning())
        return false;
    QDir().mkpath(QFileInfo(options.databasePath).absolutePath());
    std::fprintf(stderr, "jcr-mcp-server: no journal database at %s yet; building it now from %s\n",
                 qPrintable(QDir::toNativeSeparators(options.databasePath)), qPrintable(options.dataSource));
    std::fflush(stderr);
    mcp::JournalBackend::setPreparingData(true);
    m_process.start(QCoreApplication::applicationFilePath(), syncArguments(options));
    if (!m_process.waitForStarted(10000)) {
        std::fprintf(stderr, "jcr-mcp-server: cannot start the sync: %s\n", qPrintable(m_process.errorString()));
        mcp::JournalBackend::setPreparingData(false);
        return false;
    }
    return true;
}

void FirstSync::forwardOutput()
{
    const QByteArray output = m_process.readAllStandardOutput();
    std::fwrite(output.constData(), 1, size_t(output.size()), stderr);
    std::fflush(stderr);
}

void FirstSync::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    forwardOutput();
    const bool ok = status == QProcess::NormalExit && exitCode == 0;
    std::fprintf(stderr,
                 ok ? "jcr-mcp-server: the journal database is ready\n"
                    : "jcr-mcp-server: building the journal database failed (exit code %d); the tools "
                      "explain how to build it\n",
                 exitCode);
    std::fflush(stderr);
    mcp::JournalBackend::setPreparingData(false);
    emit finished(ok);
}

} // namespace jcr
