#pragma once

#include <QString>

namespace jcr::test {

/// Folder of the small CSV fixtures written for the unit tests (tests/data/fixtures).
QString fixturesDir();
/// Folder of the real ShowJCR files. JCR_MCP_DATA_SOURCE overrides the configured default.
QString showJcrDir();
/// True when the real ShowJCR files are present (integration tests skip with a reason otherwise).
bool hasShowJcrData();
/// Folder of the real JabRef abbreviation lists. JCR_MCP_ABBREVIATIONS_SOURCE overrides the configured default.
QString abbreviationsDir();
/// True when the real abbreviation lists are present.
bool hasAbbreviationData();
/// Why the tests on the real ShowJCR files and abbreviation lists cannot run (the QSKIP message), or an empty string
/// when both are present.
QString realDataMissing();
/// The built jcr-mcp-server binary.
QString serverBinary();

} // namespace jcr::test
