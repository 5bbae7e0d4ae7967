// A minimal launcher of jcr::StdioServer for the stdio tests: `jcr_stdio_testserver --db PATH`, the same
// arguments as `jcr-mcp-server --db PATH` without the rest of the command line.
#include "stdioserver.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype at = arguments.indexOf(QStringLiteral("--db"));
    const QString database = at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QStringLiteral("jcr.db");
    return jcr::StdioServer(database).run();
}
