# CTest driver of the fuzz test: configures and builds tests/server/fuzz with clang++ (ASan+UBSan+libFuzzer)
# in FUZZ_BINARY_DIR, then fuzzes for FUZZ_SECONDS on a scratch copy of the seed corpus.
#   cmake -DJCR_SOURCE_DIR=… -DFUZZ_BINARY_DIR=… -DFUZZ_SECONDS=60 -DCLANGXX=clang++ -DFUZZ_GENERATOR=Ninja -P run-fuzz.cmake
set(fuzz_source "${JCR_SOURCE_DIR}/tests/server/fuzz")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${fuzz_source} -B ${FUZZ_BINARY_DIR} -G ${FUZZ_GENERATOR}
                        -DCMAKE_CXX_COMPILER=${CLANGXX} -DJCR_SOURCE_DIR=${JCR_SOURCE_DIR}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "configuring the fuzz target failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${FUZZ_BINARY_DIR} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "building the fuzz target failed")
endif()
file(REMOVE_RECURSE ${FUZZ_BINARY_DIR}/corpus)
file(COPY ${fuzz_source}/corpus/ DESTINATION ${FUZZ_BINARY_DIR}/corpus)
execute_process(COMMAND ${FUZZ_BINARY_DIR}/fuzz_mcpengine -max_total_time=${FUZZ_SECONDS} -max_len=8192
                        -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -dict=${fuzz_source}/mcp.dict
                        -artifact_prefix=${FUZZ_BINARY_DIR}/ ${FUZZ_BINARY_DIR}/corpus
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the fuzzer found a problem (exit ${result}); see the crash-* file in ${FUZZ_BINARY_DIR}")
endif()
