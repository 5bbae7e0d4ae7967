#pragma once

#include "commandline.h"

#include "sourcefile.h"

#include <QList>

#include <QTextStream>

namespace jcr {

class DataSource;
class JournalRepository;

/// The data commands of jcr-mcp-server: sync, query, search and check. Results go to `out`, progress and errors
/// to `err`; each returns the process exit code (0 success, 1 failure or nothing found).
class DataCommands
{
public:
    DataCommands(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

    int sync(const ServerOptions& options);
    int query(const ServerOptions& options);
    int search(const ServerOptions& options);
    /// Checks the reference list in the file options.arguments[0] ("-": stdin). 0: no entry on the warning
    /// list; 1: at least one; 2: the list or the database could not be read.
    int check(const ServerOptions& options);

private:
    /// The JabRef lists named by options.abbreviationsSource; none, with a warning, when they cannot be had.
    QList<SourceFile> abbreviationFiles(const ServerOptions& options, DataSource& source);
    /// Opens the database for query/search; says why on stderr when it cannot.
    bool openRepository(const ServerOptions& options, JournalRepository& repository);
    /// The bytes of `path` ("-": stdin), at most one byte more than a reference list may have.
    bool readReferenceList(const QString& path, QByteArray* content);

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace jcr
