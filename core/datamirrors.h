#pragma once

#include <QString>
#include <QStringList>

namespace jcr {

/// Where else the same data files can be downloaded when their URL fails: many users in China cannot reach
/// GitHub's raw file host reliably, but can reach a CDN that mirrors GitHub. A mirror is a URL template; its
/// placeholders are filled from the failing base URL:
///   {url}                       the whole base URL (for proxies: https://ghproxy.net/{url})
///   {path}                      its path without the leading slash
///   {owner} {repo} {branch} {file_path}
///                               for raw.githubusercontent.com/OWNER/REPO/BRANCH/FILE_PATH only
/// A template whose placeholders cannot all be filled does not apply to that URL. The list comes from
/// JCR_MCP_DATA_MIRRORS (comma- or space-separated templates; `none` for no mirror), else defaultTemplates():
/// the jsDelivr CDN's copy of the GitHub repository.
class DataMirrors
{
public:
    /// jsDelivr's GitHub mirror: https://cdn.jsdelivr.net/gh/{owner}/{repo}@{branch}/{file_path}
    static QStringList defaultTemplates();
    /// JCR_MCP_DATA_MIRRORS, else defaultTemplates(); empty for `none`.
    static QStringList configuredTemplates();

    /// `template` filled from `baseUrl`, or empty when it does not apply.
    static QString expand(const QString& urlTemplate, const QString& baseUrl);
    /// The URLs to try in order: `baseUrl` itself, then every template that applies (duplicates dropped).
    static QStringList candidates(const QString& baseUrl, const QStringList& templates);
};

} // namespace jcr
