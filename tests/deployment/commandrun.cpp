#include "commandrun.h"

#include <QProcess>

namespace jcr::test {

CommandRun CommandRun::run(const QString& program,
                           const QStringList& arguments,
                           const QProcessEnvironment& environment,
                           const QString& workingDirectory,
                           int timeoutMs,
                           const QByteArray& input)
{
    CommandRun result;
    result.commandLine = (QStringList{program} + arguments).join(QLatin1Char(' '));
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        result.error = QStringLiteral("cannot start: %1").arg(process.errorString());
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        result.error = QStringLiteral("still running after %1 ms; killed").arg(timeoutMs);
        process.kill();
        process.waitForFinished(5000);
    } else {
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString CommandRun::describe() const
{
    return QStringLiteral("`%1` exited %2%3\n--- stdout:\n%4\n--- stderr:\n%5")
        .arg(commandLine)
        .arg(exitCode)
        .arg(error.isEmpty() ? QString() : QStringLiteral(" (") + error + QLatin1Char(')'))
        .arg(QString::fromUtf8(out.right(4000)), QString::fromUtf8(err.right(4000)));
}

QString sourceDir()
{
    return QStringLiteral(JCR_SOURCE_DIR);
}

QString buildDir()
{
    return QStringLiteral(JCR_BUILD_DIR);
}

} // namespace jcr::test
