# Runs one of the Node end-to-end suites (tests/e2e over stdio, tests/e2e-http over HTTP):
#   cmake -DE2E_DIR=<suite folder> [-DTEST_FILES=a.test.mjs;b.test.mjs] -P run-node-tests.cmake
# CTest passes the server, data and database paths in the environment. Installs the suite's pinned
# packages with `npm ci` when node_modules is missing or older than package-lock.json (npm ci writes
# node_modules/.package-lock.json), then runs `node --test` on the given files (default: all).
find_program(NODE_EXECUTABLE node REQUIRED)
find_program(NPM_EXECUTABLE npm REQUIRED)
set(installed "${E2E_DIR}/node_modules/.package-lock.json")
if(NOT EXISTS "${installed}" OR "${E2E_DIR}/package-lock.json" IS_NEWER_THAN "${installed}")
    execute_process(COMMAND ${NPM_EXECUTABLE} ci --no-audit --no-fund
                    WORKING_DIRECTORY "${E2E_DIR}" RESULT_VARIABLE npm_result)
    if(NOT npm_result EQUAL 0)
        message(FATAL_ERROR "npm ci failed (${npm_result})")
    endif()
endif()
# A database built by an older server may have another schema: rebuild it after the server changed.
if(DEFINED ENV{JCR_MCP_E2E_DB} AND DEFINED ENV{JCR_MCP_SYNC} AND EXISTS "$ENV{JCR_MCP_E2E_DB}"
   AND "$ENV{JCR_MCP_SYNC}" IS_NEWER_THAN "$ENV{JCR_MCP_E2E_DB}")
    file(REMOVE "$ENV{JCR_MCP_E2E_DB}")
endif()
execute_process(COMMAND ${NODE_EXECUTABLE} --test --test-concurrency=1 ${TEST_FILES}
                WORKING_DIRECTORY "${E2E_DIR}" RESULT_VARIABLE node_result)
if(NOT node_result EQUAL 0)
    message(FATAL_ERROR "node --test failed (${node_result})")
endif()
