#include "datasource.h"

#include "datamirrors.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

Q_LOGGING_CATEGORY(lcDataSource, "jcr.datasource")

namespace jcr {

DataSource::DataSource(QObject* parent) : QObject(parent)
{
}

QString DataSource::defaultBaseUrl()
{
    return QStringLiteral(
        "https://raw.githubusercontent.com/hitfyd/ShowJCR/master/"
        "%E4%B8%AD%E7%A7%91%E9%99%A2%E5%88%86%E5%8C%BA%E8%A1%A8%E5%8F%8AJCR%E5%8E%9F%E5%A7%8B%E6%95%B0"
        "%E6%8D%AE%E6%96%87%E4%BB%B6/"); // 中科院分区表及JCR原始数据文件
}

QStringList DataSource::defaultFileNames()
{
    return {
        QStringLiteral("JCR2020-UTF8.csv"),    QStringLiteral("JCR2021-UTF8.csv"),
        QStringLiteral("JCR2022-UTF8.csv"),    QStringLiteral("JCR2023-UTF8.csv"),
        QStringLiteral("JCR2024-UTF8.csv"),    QStringLiteral("JCR2025-UTF8.csv"),
        QStringLiteral("JCR2026-UTF8.csv"),    QStringLiteral("FQBJCR2021-UTF8.csv"),
        QStringLiteral("FQBJCR2022-UTF8.csv"), QStringLiteral("FQBJCR2023-UTF8.csv"),
        QStringLiteral("FQBJCR2025-UTF8.csv"), QStringLiteral("FQBJCR2026-UTF8.csv"),
        QStringLiteral("GJQKYJMD2020.csv"),    QStringLiteral("GJQKYJMD2021.csv"),
        QStringLiteral("GJQKYJMD2023.csv"),    QStringLiteral("GJQKYJMD2024.csv"),
        QStringLiteral("GJQKYJMD2025.csv"),    QStringLiteral("GJQKYJMD2026.csv"),
        QStringLiteral("CCF2019-UTF8.csv"),    QStringLiteral("CCF2022-UTF8.csv"),
        QStringLiteral("CCF2026-UTF8.csv"),    QStringLiteral("CCFChinese2019-UTF8.csv"),
        QStringLiteral("CCFT2022-UTF8.csv"),   QStringLiteral("CCFT2025-UTF8.csv"),
        QStringLiteral("XR2026-UTF8.csv"),     QStringLiteral("XR2026Conferences-UTF8.csv"),
    };
}

QStringList DataSource::configuredFileNames()
{
    const QString configured = qEnvironmentVariable("JCR_MCP_DATA_FILES");
    if (configured.trimmed().isEmpty())
        return defaultFileNames();
    QStringList names;
    for (const QString& name : configured.split(QLatin1Char(','), Qt::SkipEmptyParts))
        names << name.trimmed();
    return names;
}

QString DataSource::defaultAbbreviationsBaseUrl()
{
    return QStringLiteral("https://raw.githubusercontent.com/JabRef/abbrv.jabref.org/main/journals/");
}

QStringList DataSource::defaultAbbreviationFileNames()
{
    static const char* const lists[] = {"acs",
                                        "aea",
                                        "ams",
                                        "annee-philologique",
                                        "astronomy",
                                        "dainst",
                                        "entrez",
                                        "general",
                                        "geology_physics",
                                        "geology_physics_variations",
                                        "ieee",
                                        "ieee_strings",
                                        "lifescience",
                                        "mathematics",
                                        "mechanical",
                                        "medicus",
                                        "meteorology",
                                        "sociology",
                                        "ubc"};
    QStringList names;
    for (const char* list : lists)
        names << QStringLiteral("journal_abbreviations_%1.csv").arg(QLatin1String(list));
    return names;
}

QString DataSource::defaultAbbreviationsSource(const QString& dataSource)
{
    return dataSource == defaultBaseUrl() ? defaultAbbreviationsBaseUrl() : QString();
}

bool DataSource::isUrl(const QString& location)
{
    return location.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           location.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

QList<SourceFile> DataSource::fromFolder(const QString& folder, QString* error)
{
    const QDir dir(folder);
    if (!dir.exists()) {
        if (error)
            *error = QStringLiteral("data folder %1 does not exist").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    QList<SourceFile> files;
    const QStringList names =
        dir.entryList({QStringLiteral("*.csv"), QStringLiteral("*.CSV")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
            return {};
        }
        files.append(SourceFile(name, file.readAll()));
    }
    if (files.isEmpty() && error)
        *error = QStringLiteral("no .csv files in %1").arg(QDir::toNativeSeparators(folder));
    return files;
}

QList<SourceFile> DataSource::fetch(const QString& baseUrl, const QStringList& fileNames, QString* error, int timeoutMs)
{
    m_skipped.clear();
    m_cancelled = false;
    QNetworkAccessManager network;
    QString base = baseUrl;
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');

    QList<SourceFile> files;
    for (int i = 0; i < fileNames.size(); ++i) {
        const QString& name = fileNames.at(i);
        emit progress(i, int(fileNames.size()), QStringLiteral("downloading %1").arg(name));
        QNetworkRequest request(QUrl(base + QString::fromLatin1(QUrl::toPercentEncoding(name))));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(timeoutMs);
        QNetworkReply* reply = network.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        connect(this, &DataSource::cancelRequested, reply, &QNetworkReply::abort);
        if (!m_cancelled)
            loop.exec();
        if (m_cancelled) {
            reply->deleteLater();
            if (error)
                *error = QStringLiteral("cancelled");
            return {};
        }

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QNetworkReply::NetworkError networkError = reply->error();
        const QString networkMessage = reply->errorString();
        reply->deleteLater();

        if (status == 404) {
            qCWarning(lcDataSource) << "not at the source, skipped:" << name;
            m_skipped << name;
            continue;
        }
        if (networkError != QNetworkReply::NoError || status != 200) {
            if (error)
                *error = QStringLiteral("download of %1 failed: %2").arg(name, networkMessage);
            return {};
        }
        files.append(SourceFile(name, body));
    }
    emit progress(int(fileNames.size()), int(fileNames.size()), QStringLiteral("downloaded"));
    if (files.isEmpty() && error)
        *error = QStringLiteral("none of the %1 data files was found at %2").arg(fileNames.size()).arg(baseUrl);
    return files;
}

QList<SourceFile> DataSource::fetchWithMirrors(const QString& baseUrl,
                                               const QStringList& fileNames,
                                               const QStringList& mirrorTemplates,
                                               QString* error,
                                               int timeoutMs)
{
    m_usedUrl.clear();
    QStringList failures;
    QString lastReason;
    const QStringList urls = DataMirrors::candidates(baseUrl, mirrorTemplates);
    for (const QString& url : urls) {
        if (url != baseUrl)
            qCWarning(lcDataSource).noquote() << "trying the mirror" << url;
        QString why;
        const QList<SourceFile> files = fetch(url, fileNames, &why, timeoutMs);
        if (!files.isEmpty()) {
            m_usedUrl = url;
            return files;
        }
        if (m_cancelled) {
            if (error)
                *error = why;
            return {};
        }
        qCWarning(lcDataSource).noquote() << "the source" << url << "failed:" << why;
        failures << QStringLiteral("%1 (%2)").arg(url, why);
        lastReason = why;
    }
    if (error)
        *error = urls.size() == 1 ? lastReason
                                  : QStringLiteral("every source failed: %1").arg(failures.join(QStringLiteral("; ")));
    return {};
}

void DataSource::cancel()
{
    m_cancelled = true;
    emit cancelRequested();
}

} // namespace jcr
