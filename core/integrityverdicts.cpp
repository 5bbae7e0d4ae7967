#include "integrityverdicts.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QThreadPool>
#include <QWaitCondition>

namespace jcr {

namespace {

enum class State { Checking, Sound, Damaged };

struct Verdict
{
    State state = State::Checking;
    QString reason; ///< Damaged: why
};

QMutex mutex;
QWaitCondition checked; ///< signalled whenever a check ends
QHash<QString, Verdict> verdicts;

QString keyOf(const QString& path, const DatabaseFileIdentity& identity)
{
    return path + QLatin1Char('|') + identity.key();
}

} // namespace

void IntegrityVerdicts::checkInBackground(const QString& path, const DatabaseFileIdentity& identity, Check check)
{
    const QString key = keyOf(path, identity);
    {
        QMutexLocker locker(&mutex);
        if (verdicts.contains(key))
            return;
        verdicts.insert(key, Verdict());
    }
    // The global pool: QCoreApplication waits for it on exit, so no check outlives the QtSql it uses.
    QThreadPool::globalInstance()->start([key, check = std::move(check)] {
        const QString problem = check();
        QMutexLocker locker(&mutex);
        Verdict& verdict = verdicts[key];
        if (verdict.state == State::Checking) // a query may have found damage meanwhile: that stays
            verdict = problem.isEmpty() ? Verdict{State::Sound, QString()} : Verdict{State::Damaged, problem};
        checked.wakeAll();
    });
}

QString IntegrityVerdicts::knownDamage(const QString& path, const DatabaseFileIdentity& identity)
{
    QMutexLocker locker(&mutex);
    const auto found = verdicts.constFind(keyOf(path, identity));
    return found != verdicts.cend() && found->state == State::Damaged ? found->reason : QString();
}

QString IntegrityVerdicts::verdict(const QString& path, const DatabaseFileIdentity& identity, int timeoutMs)
{
    const QString key = keyOf(path, identity);
    const QDeadlineTimer deadline(timeoutMs);
    QMutexLocker locker(&mutex);
    for (;;) {
        const auto found = verdicts.constFind(key);
        if (found == verdicts.cend())
            return QStringLiteral("the journal database has not been checked yet");
        if (found->state == State::Sound)
            return QString();
        if (found->state == State::Damaged)
            return found->reason;
        if (!checked.wait(&mutex, deadline))
            return QStringLiteral("the journal database is still being checked");
    }
}

void IntegrityVerdicts::reportDamage(const QString& path, const DatabaseFileIdentity& identity, const QString& reason)
{
    QMutexLocker locker(&mutex);
    Verdict& verdict = verdicts[keyOf(path, identity)];
    if (verdict.state != State::Damaged)
        verdict = {State::Damaged, reason};
    checked.wakeAll();
}

} // namespace jcr
