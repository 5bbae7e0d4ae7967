// jcr_bench_trivial_http: the baseline of the HTTP load benchmark (run-http-bench.sh). A QHttpServer with one
// route, POST /mcp, that answers a small constant JSON-RPC result without parsing the request: what
// QHttpServer itself costs per request on this machine, measured in the same run as jcr-mcp-server so that
// the ratio "tools/call rate / trivial route rate" means something.
//
//   jcr_bench_trivial_http [--port N]      (default 0: any free port)
//
// Ready line on stderr, as jcr-mcp-server writes it: `jcr_bench_trivial_http: listening on
// http://127.0.0.1:PORT (trivial)`. Ends on SIGTERM/SIGINT.
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &c, 1);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    quint16 port = 0;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--port") && i + 1 < args.size()) {
            bool ok = false;
            const uint value = args.at(++i).toUInt(&ok);
            if (!ok || value > 65535) {
                std::fprintf(stderr, "jcr_bench_trivial_http: bad --port %s\n", qPrintable(args.at(i)));
                return 2;
            }
            port = static_cast<quint16>(value);
        } else {
            std::fprintf(stderr, "usage: jcr_bench_trivial_http [--port N]\n");
            return 2;
        }
    }

    // SIGTERM/SIGINT → quit the event loop (self-pipe).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return 1;
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    static const QByteArray answer =
        R"({"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"ok"}],"isError":false}})";
    QHttpServer server;
    server.route(QStringLiteral("/mcp"), QHttpServerRequest::Method::Post, [](const QHttpServerRequest&) {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), answer);
    });
    const quint16 bound = server.listen(QHostAddress::LocalHost, port);
    if (bound == 0) {
        std::fprintf(stderr, "jcr_bench_trivial_http: cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 2;
    }
    std::fprintf(stderr, "jcr_bench_trivial_http: listening on http://127.0.0.1:%u (trivial)\n", unsigned(bound));
    std::fflush(stderr);
    return app.exec();
}
