# Runs the HTTP end-to-end tests: `cmake -DE2E_DIR=<tests/e2e-http> [-DTEST_FILES=a.test.mjs;b.test.mjs]
# -P run-e2e-http.cmake`. CTest passes the server, data, database and results paths in the environment
# (tests/e2e-http/CMakeLists.txt). Installs the pinned packages (the SDK, the conformance suite and Node 22)
# with `npm ci` only when they are missing, then runs `node --test` on the given files (default: all).
find_program(NODE_EXECUTABLE node REQUIRED)
find_program(NPM_EXECUTABLE npm REQUIRED)
if(NOT EXISTS "${E2E_DIR}/node_modules/@modelcontextprotocol/sdk"
   OR NOT EXISTS "${E2E_DIR}/node_modules/@modelcontextprotocol/conformance"
   OR NOT EXISTS "${E2E_DIR}/node_modules/node/bin/node")
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
if(NOT TEST_FILES)
    set(TEST_FILES "")
endif()
execute_process(COMMAND ${NODE_EXECUTABLE} --test --test-concurrency=1 ${TEST_FILES}
                WORKING_DIRECTORY "${E2E_DIR}" RESULT_VARIABLE node_result)
if(NOT node_result EQUAL 0)
    message(FATAL_ERROR "node --test failed (${node_result})")
endif()
