// A minimal stand-in for the tray app, for tst_serversupervisor: supervises the server and prints its process id
// once it is ready, so the test can kill this host with SIGKILL (no destructors run) and check that the server
// does not outlive it. Arguments: SERVER_BINARY DATABASE SETTINGS_FILE.
#include "appsettings.h"
#include "serversupervisor.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 4) {
        std::fprintf(stderr, "usage: supervisorhost SERVER_BINARY DATABASE SETTINGS_FILE\n");
        return 2;
    }
    jcr::gui::AppSettings settings(arguments.at(3));
    settings.setPort(0);
    settings.setDatabasePath(arguments.at(2));
    jcr::gui::ServerSupervisor supervisor(arguments.at(1));
    QObject::connect(&supervisor, &jcr::gui::ServerSupervisor::ready, &supervisor, [&supervisor] {
        std::printf("%lld\n", static_cast<long long>(supervisor.processId()));
        std::fflush(stdout);
    });
    supervisor.start(settings);
    return app.exec();
}
