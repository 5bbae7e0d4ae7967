// Unit tests of SessionRegistry and HttpSession: unguessable ids, the cap, idle expiry, stream replay.

#include "httpsession.h"
#include "sessionregistry.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using jcr::http::HttpSession;
using jcr::http::SessionRegistry;

class TestSessionRegistry : public QObject
{
    Q_OBJECT

private slots:
    void idsAreRandomAndWellFormed()
    {
        SessionRegistry registry(10000, 60);
        QSet<QByteArray> ids;
        const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
        for (int i = 0; i < 1000; ++i) {
            const auto session = registry.create(HttpSession::Kind::StreamableHttp);
            QVERIFY(session);
            QVERIFY(hex.match(QString::fromLatin1(session->id())).hasMatch());
            ids.insert(session->id());
        }
        QCOMPARE(ids.size(), 1000);
        // 128 random bits: no two ids share their first 8 hex digits in 1000 draws (p ≈ 1e-4).
        QSet<QByteArray> prefixes;
        for (const QByteArray& id : ids)
            prefixes.insert(id.left(8));
        QVERIFY(prefixes.size() >= 999);
    }

    void capAndRemoval()
    {
        SessionRegistry registry(3, 60);
        QVERIFY(registry.create(HttpSession::Kind::StreamableHttp));
        QVERIFY(registry.create(HttpSession::Kind::Sse));
        const auto third = registry.create(HttpSession::Kind::StreamableHttp);
        QVERIFY(third);
        QVERIFY(!registry.create(HttpSession::Kind::Sse));
        QCOMPARE(registry.count(HttpSession::Kind::StreamableHttp), 2);
        QCOMPARE(registry.count(HttpSession::Kind::Sse), 1);
        registry.remove(third->id());
        QVERIFY(!registry.find(third->id()));
        QVERIFY(registry.create(HttpSession::Kind::Sse));
    }

    void idleSessionsExpire()
    {
        SessionRegistry registry(10, 1);
        const auto idle = registry.create(HttpSession::Kind::StreamableHttp);
        const auto busy = registry.create(HttpSession::Kind::StreamableHttp);
        busy->activeRequests = 1;
        QTest::qWait(1100);
        const auto fresh = registry.create(HttpSession::Kind::StreamableHttp);
        registry.expireIdle();
        QVERIFY(!registry.find(idle->id()));
        QVERIFY(registry.find(busy->id())); // work in progress keeps a session
        QVERIFY(registry.find(fresh->id()));
    }

    void standingStreamEventsAreReplayed()
    {
        HttpSession session("abc", HttpSession::Kind::StreamableHttp);
        for (int i = 1; i <= 105; ++i)
            QVERIFY(!session.sendOnStream(QByteArray::number(i))); // no stream open: kept for replay
        const auto afterTen = session.eventsAfter("g-100");
        QCOMPARE(afterTen.size(), 5);
        QCOMPARE(afterTen.first().first, QByteArray("g-101"));
        QCOMPARE(afterTen.last().second, QByteArray("105"));
        QCOMPARE(session.eventsAfter(QByteArray()).size(), 100); // only the last 100 are kept
        QCOMPARE(session.eventsAfter("g-105").size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionRegistry)
#include "tst_sessionregistry.moc"
