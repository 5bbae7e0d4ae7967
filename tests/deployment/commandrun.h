#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace jcr::test {

/// What a finished command left behind, for assertions and failure messages.
struct CommandRun
{
    int exitCode = -1; ///< -1: did not start or did not finish in time; -2: ended by a signal
    QByteArray out;
    QByteArray err;
    QString error; ///< why it did not start or finish

    /// Runs `program` to the end (killed after `timeoutMs`), with `input` on stdin.
    static CommandRun run(const QString& program,
                          const QStringList& arguments,
                          const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                          const QString& workingDirectory = QString(),
                          int timeoutMs = 120000,
                          const QByteArray& input = QByteArray());
    /// The command line, exit code and both outputs, for QVERIFY2 messages.
    QString describe() const;

    QString commandLine;
};

/// The folder the repository is checked out in (start.sh, Dockerfile, installer/ live there).
QString sourceDir();
/// The CMake build folder (CPackConfig.cmake lives there).
QString buildDir();

} // namespace jcr::test
