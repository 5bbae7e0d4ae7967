// Unit tests of SessionRegistry and HttpSession: unguessable ids, the cap, idle expiry, stream replay.

#include "httpsession.h"
#include "mcpsession.h"
#include "sessionregistry.h"
#include "sessiontoken.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using jcr::http::HttpSession;
using jcr::http::SessionRegistry;
using jcr::http::SessionToken;

namespace {
const QByteArray kSecret = "registry-test-secret-0123456789abcdef0123456789";
}

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

    // Issue 10, point 5: an id ended here is not taken up again as if another replica had issued it…
    void endedSignedIdsAreNotAdopted()
    {
        SessionRegistry registry(10, 60, SessionToken(kSecret, 3600));
        const auto session = registry.create(HttpSession::Kind::StreamableHttp, QStringLiteral("2025-06-18"));
        QVERIFY(session && session->id().startsWith("s1."));
        const QByteArray id = session->id();
        registry.remove(id); // forgotten (idle): a valid signed id comes back
        QVERIFY(registry.adopt(id));
        registry.end(id); // ended (DELETE): it does not
        QVERIFY(!registry.find(id));
        QVERIFY(!registry.adopt(id));
        QCOMPARE(registry.endedCount(), 1);
        // Another replica's id that this one never saw is still adopted.
        SessionRegistry other(10, 60, SessionToken(kSecret, 3600));
        QVERIFY(registry.adopt(other.create(HttpSession::Kind::StreamableHttp, QStringLiteral("2025-06-18"))->id()));
    }

    // … the memory for ended ids is bounded: the soonest to expire are forgotten first …
    void endedIdsAreCapped()
    {
        SessionRegistry registry(10, 60, SessionToken(kSecret, 3600));
        registry.setEndedCap(2);
        QByteArrayList ids;
        for (int i = 0; i < 3; ++i) {
            ids << registry.create(HttpSession::Kind::StreamableHttp, QStringLiteral("2025-06-18"))->id();
            registry.end(ids.last());
        }
        QCOMPARE(registry.endedCount(), 2);
        QVERIFY(!registry.adopt(ids.at(2)));
        // Random ids are never adopted, so ending one remembers nothing.
        SessionRegistry unsignedRegistry(10, 60);
        unsignedRegistry.end(unsignedRegistry.create(HttpSession::Kind::StreamableHttp)->id());
        QCOMPARE(unsignedRegistry.endedCount(), 0);
    }

    // … and the server that issued an id ends it at its maximum age too; ended ids are pruned after that age.
    void signedSessionsEndAtTheirMaximumAge()
    {
        SessionRegistry registry(10, 3600, SessionToken(kSecret, 1));
        const auto session = registry.create(HttpSession::Kind::StreamableHttp, QStringLiteral("2025-06-18"));
        const auto ended = registry.create(HttpSession::Kind::StreamableHttp, QStringLiteral("2025-06-18"));
        registry.end(ended->id());
        QCOMPARE(registry.endedCount(), 1);
        QVERIFY(registry.find(session->id()));
        // Unix seconds: more than 1 s old within 2 s at most.
        QTRY_VERIFY_WITH_TIMEOUT(!registry.find(session->id()), 5000);
        registry.expireIdle();
        QCOMPARE(registry.total(), 0);
        QCOMPARE(registry.endedCount(), 0);
    }

    // Issue 10, point 9: one client address cannot take every session. At its cap, its least recently used
    // idle session makes room; when none is idle, it is refused.
    void sessionsPerClientAreCapped()
    {
        SessionRegistry registry(10, 60);
        registry.setClientLimits(2, 60);
        SessionRegistry::Refusal refusal = SessionRegistry::Refusal::None;
        const auto first = registry.create(HttpSession::Kind::StreamableHttp, QString(), "10.0.0.1", &refusal);
        const auto second = registry.create(HttpSession::Kind::StreamableHttp, QString(), "10.0.0.1", &refusal);
        QVERIFY(first && second);
        first->activeRequests = 1;
        second->activeRequests = 1;
        QVERIFY(!registry.create(HttpSession::Kind::StreamableHttp, QString(), "10.0.0.1", &refusal));
        QCOMPARE(refusal, SessionRegistry::Refusal::ClientFull);
        QVERIFY(!registry.create(HttpSession::Kind::Sse, QString(), "10.0.0.1", &refusal)); // both transports
        QCOMPARE(refusal, SessionRegistry::Refusal::ClientFull);
        QVERIFY(registry.create(HttpSession::Kind::StreamableHttp, QString(), "10.0.0.2", &refusal)); // others go on
        QCOMPARE(registry.countFor("10.0.0.1"), 2);

        // Idle again: the one unused the longest gives way.
        first->activeRequests = 0;
        second->activeRequests = 0;
        QTest::qWait(20);
        second->touch();
        const auto third = registry.create(HttpSession::Kind::StreamableHttp, QString(), "10.0.0.1", &refusal);
        QVERIFY(third);
        QVERIFY(!registry.find(first->id()));
        QVERIFY(registry.find(second->id()));
        QCOMPARE(registry.countFor("10.0.0.1"), 2);
        registry.remove(third->id());
        QCOMPARE(registry.countFor("10.0.0.1"), 1);

        // The server-wide cap is told apart.
        SessionRegistry small(1, 60);
        small.setClientLimits(5, 60);
        QVERIFY(small.create(HttpSession::Kind::StreamableHttp, QString(), "10.0.0.1"));
        QVERIFY(!small.create(HttpSession::Kind::StreamableHttp, QString(), "10.0.0.3", &refusal));
        QCOMPARE(refusal, SessionRegistry::Refusal::Full);
    }

    void sessionsThatNeverInitializeExpire()
    {
        SessionRegistry registry(10, 3600);
        registry.setClientLimits(0, 1);
        const auto unfinished = registry.create(HttpSession::Kind::StreamableHttp);
        unfinished->state()->setState(jcr::mcp::McpSession::State::Initializing); // initialize answered, no more
        const auto ready = registry.create(HttpSession::Kind::StreamableHttp);
        ready->state()->setState(jcr::mcp::McpSession::State::Ready);
        const auto legacy = registry.create(HttpSession::Kind::Sse); // its stream is its life
        QTRY_VERIFY_WITH_TIMEOUT(unfinished->ageMilliseconds() > 1000, 5000);
        registry.expireIdle();
        QVERIFY(!registry.find(unfinished->id()));
        QVERIFY(registry.find(ready->id()));
        QVERIFY(registry.find(legacy->id()));
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
