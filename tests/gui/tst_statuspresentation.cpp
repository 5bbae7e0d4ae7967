#include "statuspresentation.h"
#include "trayicons.h"

#include <QFile>
#include <QtTest>

using jcr::gui::StatusPresentation;
using State = jcr::gui::ServerSupervisor::State;
using Action = StatusPresentation::Action;

class TestStatusPresentation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void presentation_data();
    void presentation();
    void everyStateHasItsOwnRenderableIcon();
    void notifications_data();
    void notifications();
};

void TestStatusPresentation::initTestCase()
{
    jcr::gui::TrayIcons::initResources();
}

void TestStatusPresentation::presentation_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("processRunning");
    QTest::addColumn<QString>("icon");
    QTest::addColumn<bool>("start");
    QTest::addColumn<bool>("stop");
    QTest::addColumn<bool>("restart");

    const QString portInUse = QStringLiteral("Cannot start: port in use (8080).");
    const QString noDatabase = QStringLiteral("The server reports a problem: no journal database; run sync");
    QTest::addRow("stopped") << State::Stopped << QString() << false << "state-stopped" << true << false << false;
    QTest::addRow("starting") << State::Starting << QString() << true << "state-starting" << false << true << true;
    QTest::addRow("running") << State::Running << QString() << true << "state-running" << false << true << true;
    QTest::addRow("unhealthy: database missing")
        << State::Unhealthy << noDatabase << true << "state-unhealthy" << false << true << true;
    QTest::addRow("unhealthy: port in use, no process")
        << State::Unhealthy << portInUse << false << "state-unhealthy" << true << false << true;
    QTest::addRow("crashed, restart pending")
        << State::Crashed << QStringLiteral("The server crashed; restarting in 1 second(s).") << false
        << "state-crashed" << false << true << true;
    QTest::addRow("stopping") << State::Stopping << QString() << true << "state-stopped" << false << false << false;
}

void TestStatusPresentation::presentation()
{
    QFETCH(State, state);
    QFETCH(QString, reason);
    QFETCH(bool, processRunning);
    QFETCH(QString, icon);
    QFETCH(bool, start);
    QFETCH(bool, stop);
    QFETCH(bool, restart);

    const QString address = QStringLiteral("http://127.0.0.1:8080/mcp");
    const StatusPresentation status(state, reason, processRunning, address);
    QCOMPARE(status.iconName(), icon);
    QVERIFY2(QFile::exists(status.iconPath()), qPrintable(status.iconPath()));
    QCOMPARE(status.isEnabled(Action::Start), start);
    QCOMPARE(status.isEnabled(Action::Stop), stop);
    QCOMPARE(status.isEnabled(Action::Restart), restart);

    const QString toolTip = status.toolTip();
    QVERIFY2(toolTip.contains(status.title()), qPrintable(toolTip));
    QVERIFY2(reason.isEmpty() || toolTip.contains(reason), qPrintable(toolTip));
    // The address is news only while clients can use it.
    QCOMPARE(toolTip.contains(address), state == State::Running);
}

void TestStatusPresentation::everyStateHasItsOwnRenderableIcon()
{
    QSet<QString> names;
    for (State state : {State::Stopped, State::Starting, State::Running, State::Unhealthy, State::Crashed}) {
        const StatusPresentation status(state, QString(), false);
        names.insert(status.iconName());
        const QIcon icon = jcr::gui::TrayIcons::icon(status.iconPath());
        // Needs Qt's SVG icon engine (libqt6svg6): without it the tray would show nothing.
        QVERIFY2(!icon.pixmap(22, 22).isNull(), qPrintable(status.iconPath()));
    }
    QCOMPARE(names.size(), 5);
    QVERIFY(!jcr::gui::TrayIcons::appIcon().pixmap(64, 64).isNull());
}

void TestStatusPresentation::notifications_data()
{
    QTest::addColumn<State>("previous");
    QTest::addColumn<QString>("previousReason");
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("notify");

    const QString crash = QStringLiteral("The server crashed; restarting in 1 second(s).");
    const QString port = QStringLiteral("Cannot start: port in use (8080).");
    QTest::addRow("normal start") << State::Starting << QString() << State::Running << QString() << false;
    QTest::addRow("starting") << State::Stopped << QString() << State::Starting << QString() << false;
    QTest::addRow("crash") << State::Running << QString() << State::Crashed << crash << true;
    QTest::addRow("port in use") << State::Starting << QString() << State::Unhealthy << port << true;
    QTest::addRow("same problem again") << State::Unhealthy << port << State::Unhealthy << port << false;
    QTest::addRow("healthy again") << State::Unhealthy << port << State::Running << QString() << true;
    QTest::addRow("manual stop") << State::Stopping << QString() << State::Stopped << QString() << false;
}

void TestStatusPresentation::notifications()
{
    QFETCH(State, previous);
    QFETCH(QString, previousReason);
    QFETCH(State, state);
    QFETCH(QString, reason);
    QFETCH(bool, notify);
    const StatusPresentation status(state, reason, state != State::Crashed, QStringLiteral("http://127.0.0.1:1/mcp"));
    QCOMPARE(status.deservesNotification(previous, previousReason), notify);
    if (notify) {
        QVERIFY(!status.notificationTitle().isEmpty());
        QVERIFY(!status.notificationMessage().isEmpty());
        QVERIFY(reason.isEmpty() || status.notificationMessage() == reason);
    }
}

QTEST_MAIN(TestStatusPresentation)
#include "tst_statuspresentation.moc"
