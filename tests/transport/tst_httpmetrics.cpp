// No raw string literals in this file: moc (Qt 6.4) misreads some of them and then finds no class.
// Unit tests of HttpMetrics: what clients send never writes into /metrics (issue 10, point 3). Method names
// are labels only when the engine serves them, and every label value is escaped per the Prometheus text format.

#include "httpmetrics.h"

#include <QRegularExpression>
#include <QTest>

using jcr::http::HttpMetrics;

namespace {

/// Every line of a scrape must be a comment or `name{labels} value`: an injected line breaks this shape.
const QRegularExpression kSampleLine(
    QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\\\n])*\",?)*\\})? \\S+$"));

QStringList badLines(const QByteArray& text)
{
    QStringList bad;
    for (const QByteArray& line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE "))
            continue;
        if (!kSampleLine.match(QString::fromUtf8(line)).hasMatch())
            bad << QString::fromUtf8(line);
    }
    return bad;
}

} // namespace

class TestHttpMetrics : public QObject
{
    Q_OBJECT

private slots:
    void escapesLabelValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("escaped");
        QTest::addRow("plain") << QByteArray("/mcp") << QByteArray("/mcp");
        QTest::addRow("double quote") << QByteArray("a\"b") << QByteArray("a\\\"b");
        QTest::addRow("backslash") << QByteArray("a\\b") << QByteArray("a\\\\b");
        QTest::addRow("newline") << QByteArray("a\nb") << QByteArray("a\\nb");
        QTest::addRow("all") << QByteArray("x\"} 1\nevil 42\n\\") << QByteArray("x\\\"} 1\\nevil 42\\n\\\\");
    }
    void escapesLabelValues()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, escaped);
        QCOMPARE(HttpMetrics::escapeLabelValue(value), escaped);
    }

    void methodsOutsideTheProtocolAreOther_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("label");
        QTest::addRow("tools/call") << QByteArray("tools/call") << QByteArray("tools/call");
        QTest::addRow("initialize") << QByteArray("initialize") << QByteArray("initialize");
        QTest::addRow("notification") << QByteArray("notifications/initialized")
                                      << QByteArray("notifications/initialized");
        QTest::addRow("batch") << QByteArray("batch") << QByteArray("batch");
        QTest::addRow("unknown") << QByteArray("tools/calll") << QByteArray("other");
        QTest::addRow("empty (a client response)") << QByteArray() << QByteArray("other");
        QTest::addRow("injection") << QByteArray("x\"} 1\nevil_metric 42\n# ") << QByteArray("other");
    }
    void methodsOutsideTheProtocolAreOther()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, label);
        QCOMPARE(HttpMetrics::methodLabel(method), label);
        HttpMetrics metrics;
        metrics.recordCall(method, true, 1.0);
        const QByteArray text = metrics.render({}, 0, 1.0);
        QVERIFY2(text.contains("jcr_mcp_call_errors_total{method=\"" + label + "\"} 1\n"), text.constData());
    }

    void injectedMethodAddsNoLine()
    {
        HttpMetrics metrics;
        metrics.recordCall("x\"} 1\nevil_metric 42\n# ", false, 1.0);
        metrics.recordRequest("/mcp\"} 1\nevil_route 1\n", 200, 1.0); // routes are escaped too
        const QByteArray text = metrics.render({{"streamable\"\n", 1}}, 0, 1.0);
        QVERIFY2(!text.contains("\nevil_"), text.constData());
        const QStringList bad = badLines(text);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void distinctNamesAddNoSeries()
    {
        HttpMetrics metrics;
        metrics.recordCall("tools/call", false, 1.0);
        const qsizetype oneMethod = metrics.render({}, 0, 1.0).size();
        for (int i = 0; i < 20000; ++i)
            metrics.recordCall("method-" + QByteArray::number(i), false, 1.0);
        const QByteArray text = metrics.render({}, 0, 1.0);
        // One `other` histogram besides tools/call, whatever the number of names.
        QVERIFY2(text.size() < 2 * oneMethod + 200, QByteArray::number(text.size()).constData());
        QVERIFY(text.contains("jcr_mcp_call_duration_seconds_count{method=\"other\"} 20000\n"));
    }
};

QTEST_GUILESS_MAIN(TestHttpMetrics)
#include "tst_httpmetrics.moc"
