#pragma once

#include "sourcefile.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace jcr {

/// Where the ShowJCR files come from: the ShowJCR project online (default), another URL, or a local folder.
class DataSource : public QObject
{
    Q_OBJECT
public:
    explicit DataSource(QObject* parent = nullptr);

    /// The raw files of the ShowJCR project's data folder on GitHub (branch master).
    static QString defaultBaseUrl();
    /// The files fetched from a URL. Upstream files that do not exist (yet) are skipped, so the list may
    /// name future editions.
    static QStringList defaultFileNames();
    /// The file list in effect: JCR_MCP_DATA_FILES (comma-separated) or defaultFileNames().
    static QStringList configuredFileNames();

    /// The JabRef abbreviation lists online (JabRef/abbrv.jabref.org, folder journals/, branch main).
    static QString defaultAbbreviationsBaseUrl();
    /// The 19 JabRef list files fetched from a URL.
    static QStringList defaultAbbreviationFileNames();
    /// Where the abbreviation lists come from when neither --abbreviations-from nor JCR_MCP_ABBREVIATIONS_SOURCE
    /// names them: JabRef online when the ShowJCR files come from the ShowJCR project online (nothing was
    /// configured); nothing (an empty string) for any other folder or URL, so that a sync from local files or a
    /// mirror never goes to the internet unasked.
    static QString defaultAbbreviationsSource(const QString& dataSource);

    /// True when `location` is an http(s) URL rather than a folder.
    static bool isUrl(const QString& location);

    /// Every .csv file of `folder` (an unknown future table included), sorted by name.
    static QList<SourceFile> fromFolder(const QString& folder, QString* error = nullptr);

    /// Downloads `fileNames` from `baseUrl` (a folder URL). A 404 skips the file with a warning; any other
    /// failure fails the whole fetch, so a sync never builds a database from half the data. Blocks,
    /// running a local event loop. `timeoutMs` applies to each file.
    QList<SourceFile>
    fetch(const QString& baseUrl, const QStringList& fileNames, QString* error = nullptr, int timeoutMs = 60000);

    /// fetch() from `baseUrl`, and when that fails (a network error, a server error, or none of the files there)
    /// from each mirror of DataMirrors::candidates() in turn, with `mirrorTemplates` (normally
    /// DataMirrors::configuredTemplates()). usedUrl() says which one delivered; the error names every attempt.
    QList<SourceFile> fetchWithMirrors(const QString& baseUrl,
                                       const QStringList& fileNames,
                                       const QStringList& mirrorTemplates,
                                       QString* error = nullptr,
                                       int timeoutMs = 60000);
    /// The base URL the last fetchWithMirrors() got its files from; empty when it failed.
    QString usedUrl() const { return m_usedUrl; }

    /// Files a fetch skipped because they do not exist at the source.
    QStringList skippedFiles() const { return m_skipped; }

public slots:
    /// Stops a running fetch(): the download in progress is aborted and fetch() fails with "cancelled".
    void cancel();

signals:
    void progress(int done, int total, const QString& message);
    void cancelRequested(); ///< internal: aborts the reply in flight

private:
    QStringList m_skipped;
    QString m_usedUrl;
    bool m_cancelled = false;
};

} // namespace jcr
