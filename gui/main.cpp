// jcr-mcp-tray: the tray app that runs jcr-mcp-server in the background and offers the lookup window,
// settings, the Claude Desktop setup and the server's log (issue 5).

#include "appsettings.h"
#include "serverlocator.h"
#include "singleinstance.h"
#include "terminationsignals.h"
#include "traycontroller.h"
#include "trayicons.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <QUrl>

#include <cstdio>

namespace {

/// "zh_CN" or "en": the language the settings ask for, the system's when they say System.
QString uiLocale(jcr::gui::AppSettings::Language language)
{
    using Language = jcr::gui::AppSettings::Language;
    if (language == Language::System)
        return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    return jcr::gui::AppSettings::languageName(language);
}

/// Our translations (from resources/translations, compiled in under :/i18n) and Qt's own for its standard
/// dialogs and buttons. A missing file leaves the English source text, so nothing fails here.
void installTranslations(QApplication& app, const QString& locale)
{
    auto* ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/jcr-mcp_%1.qm").arg(locale)))
        QApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(locale), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(locale));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("jcr-mcp-tray"));
    QApplication::setOrganizationName(QStringLiteral("jcr-mcp"));
    QApplication::setApplicationVersion(QStringLiteral(JCR_MCP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("jcr-mcp-tray"));
    // Closing the last window leaves the app in the tray; StatusWindow quits on close where there is no tray.
    QApplication::setQuitOnLastWindowClosed(false);
    jcr::gui::TrayIcons::initResources();
    QApplication::setWindowIcon(jcr::gui::TrayIcons::appIcon());

    jcr::gui::AppSettings settings;
    if (!settings.restoreError().isEmpty())
        std::fprintf(stderr, "jcr-mcp-tray: settings: %s\n", qPrintable(settings.restoreError()));
    installTranslations(app, uiLocale(settings.language()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Runs the JCR MCP server in the background and shows its status in the system tray."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption openOption(QStringLiteral("open"),
                                        QApplication::translate("main", "Open a window at start: %1.")
                                            .arg(jcr::gui::TrayController::windowNames().join(QStringLiteral(", "))),
                                        QStringLiteral("window"));
    const QCommandLineOption noStartOption(QStringLiteral("no-start"),
                                           QApplication::translate("main", "Do not start the server."));
    // For tests: quits through the Quit action after this many milliseconds.
    QCommandLineOption quitAfterOption(QStringLiteral("quit-after-ms"), QString(), QStringLiteral("ms"));
    quitAfterOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({openOption, noStartOption, quitAfterOption});
    parser.process(app);
    const QString window = parser.value(openOption);
    if (!window.isEmpty() && !jcr::gui::TrayController::windowNames().contains(window)) {
        std::fprintf(stderr, "jcr-mcp-tray: --open takes one of: %s\n",
                     qPrintable(jcr::gui::TrayController::windowNames().join(QStringLiteral(", "))));
        return 2;
    }

    // A second start hands its --open over to the running app (which shows its status window when there is
    // nothing to open) and ends here, so two apps never fight over one port.
    jcr::gui::SingleInstance instance(jcr::gui::SingleInstance::defaultSocketPath());
    if (!instance.claim(window.toUtf8())) {
        std::fprintf(stderr, "jcr-mcp-tray: already running; passed the request to it\n");
        return 0;
    }

    QString serverBinary = jcr::gui::ServerLocator::locate(QApplication::applicationDirPath());
    if (serverBinary.isEmpty()) {
        std::fprintf(stderr, "jcr-mcp-tray: %s is in none of: %s\n", jcr::gui::ServerLocator::ServerName,
                     qPrintable(jcr::gui::ServerLocator::searchedPlaces(QApplication::applicationDirPath())
                                    .join(QStringLiteral(", "))));
        serverBinary = QString::fromLatin1(jcr::gui::ServerLocator::ServerName); // the status says it cannot start
    }

    jcr::gui::TrayController controller(settings, serverBinary);
    // SIGTERM and SIGINT quit like the Quit action, so the supervisor stops the server on the way out.
    jcr::TerminationSignals terminationSignals;
    QObject::connect(&terminationSignals, &jcr::TerminationSignals::received, &controller,
                     &jcr::gui::TrayController::quit);
    controller.show();
    QObject::connect(&instance, &jcr::gui::SingleInstance::messageReceived, &controller,
                     [&controller](const QByteArray& message) {
                         const QString name = message.isEmpty() ? QStringLiteral("window") : QString::fromUtf8(message);
                         std::fprintf(stderr, "jcr-mcp-tray: another start asked to open %s\n", qPrintable(name));
                         controller.open(name);
                     });
    if (settings.startServerWithApp() && !parser.isSet(noStartOption))
        controller.startServer();
    if (!window.isEmpty())
        QTimer::singleShot(0, &controller, [&controller, window] { controller.open(window); });
    // No journal data yet: offer to download it (never a command line), unless the update is opened anyway.
    if (window != QLatin1String("update") && controller.offerFirstRun())
        std::fprintf(stderr, "jcr-mcp-tray: no journal database yet; asking whether to download it\n");
    // One line per server start on stderr: where it listens and its process id (for logs and for the tests
    // that check no server outlives the app).
    jcr::gui::ServerSupervisor& supervisor = controller.supervisor();
    QObject::connect(&supervisor, &jcr::gui::ServerSupervisor::ready, &controller, [&supervisor](const QUrl& url) {
        std::fprintf(stderr, "jcr-mcp-tray: server pid %lld listening on %s\n",
                     static_cast<long long>(supervisor.processId()), qPrintable(url.toString()));
        std::fflush(stderr);
    });
    if (parser.isSet(quitAfterOption)) {
        // Counted from the server's ready line (from now with --no-start), so a slow start cannot race it.
        const int milliseconds = parser.value(quitAfterOption).toInt();
        const auto quitLater = [&controller, milliseconds] {
            QTimer::singleShot(milliseconds, &controller, [&controller] {
                controller.action(jcr::gui::TrayController::ActionId::Quit)->trigger();
            });
        };
        if (controller.supervisor().state() == jcr::gui::ServerSupervisor::State::Stopped)
            quitLater();
        else
            QObject::connect(&supervisor, &jcr::gui::ServerSupervisor::ready, &controller, quitLater,
                             Qt::SingleShotConnection);
    }
    return app.exec();
}
