// SessionToken: signed Streamable HTTP session ids that any replica holding the secret accepts, and nothing
// else does.

#include "sessiontoken.h"

#include <QSet>
#include <QTest>

using jcr::http::SessionToken;

namespace {
const QByteArray kSecret = QByteArray("0123456789abcdef0123456789abcdef-replicas");
constexpr qint64 kNow = 1'800'000'000;
constexpr qint64 kMaxAge = 3600;
} // namespace

class TestSessionToken : public QObject
{
    Q_OBJECT

private slots:
    void issuedIdsAreVisibleAsciiAndUnique()
    {
        const SessionToken token(kSecret, kMaxAge);
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray id = token.issue(QStringLiteral("2025-11-25"), kNow);
            // Mcp-Session-Id must consist of visible ASCII (0x21 to 0x7E).
            QVERIFY(std::all_of(id.cbegin(), id.cend(), [](char c) { return c >= 0x21 && c <= 0x7e; }));
            QVERIFY2(!seen.contains(id), id.constData());
            seen.insert(id);
        }
    }

    void verify_data()
    {
        QTest::addColumn<QByteArray>("verifierSecret");
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<qint64>("verifiedAt");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("same secret") << kSecret << "" << kNow + 10 << true;
        QTest::newRow("at the maximum age") << kSecret << "" << kNow + kMaxAge << true;
        QTest::newRow("expired") << kSecret << "" << kNow + kMaxAge + 1 << false;
        QTest::newRow("issued far in the future") << kSecret << "" << kNow - 3600 << false;
        QTest::newRow("other secret") << QByteArray("another secret of enough length, 32+ bytes") << "" << kNow
                                      << false;
        QTest::newRow("signing disabled") << QByteArray() << "" << kNow << false;
        QTest::newRow("payload altered") << kSecret << "payload" << kNow << false;
        QTest::newRow("mac altered") << kSecret << "mac" << kNow << false;
        QTest::newRow("mac cut short") << kSecret << "short" << kNow << false;
        QTest::newRow("random hex id") << kSecret << "hex" << kNow << false;
        QTest::newRow("garbage") << kSecret << "garbage" << kNow << false;
        QTest::newRow("huge") << kSecret << "huge" << kNow << false;
    }

    void verify()
    {
        QFETCH(QByteArray, verifierSecret);
        QFETCH(QString, mutation);
        QFETCH(qint64, verifiedAt);
        QFETCH(bool, accepted);

        const SessionToken issuer(kSecret, kMaxAge);
        QByteArray id = issuer.issue(QStringLiteral("2025-03-26"), kNow);
        if (mutation == QLatin1String("payload"))
            id[5] = id[5] == 'A' ? 'B' : 'A';
        else if (mutation == QLatin1String("mac"))
            id[id.size() - 2] = id[id.size() - 2] == 'A' ? 'B' : 'A';
        else if (mutation == QLatin1String("short"))
            id.chop(4);
        else if (mutation == QLatin1String("hex"))
            id = "0123456789abcdef0123456789abcdef";
        else if (mutation == QLatin1String("garbage"))
            id = "s1..";
        else if (mutation == QLatin1String("huge"))
            id += QByteArray(100000, 'A');

        const SessionToken verifier(verifierSecret, kMaxAge);
        const auto claims = verifier.verify(id, verifiedAt);
        QCOMPARE(claims.has_value(), accepted);
        if (accepted) {
            QCOMPARE(claims->protocolVersion, QStringLiteral("2025-03-26"));
            QCOMPARE(claims->issuedAt, kNow);
        }
    }
};

QTEST_GUILESS_MAIN(TestSessionToken)
#include "tst_sessiontoken.moc"
