# CTest driver of the fuzz test: configures and builds tests/server/fuzz with clang++ (ASan+UBSan+libFuzzer)
# in FUZZ_BINARY_DIR, then fuzzes the three targets for FUZZ_SECONDS in all, each on a scratch copy of its seeds.
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
# The budget is shared: the engine gets half, the HTTP framing and the reference list readers (much smaller
# targets) a quarter each.
math(EXPR engine_seconds "${FUZZ_SECONDS} / 2")
math(EXPR framing_seconds "${FUZZ_SECONDS} / 4")
math(EXPR references_seconds "${FUZZ_SECONDS} - ${engine_seconds} - ${framing_seconds}")
function(run_fuzzer target corpus dictionary seconds max_len)
    file(REMOVE_RECURSE ${FUZZ_BINARY_DIR}/${corpus})
    file(COPY ${fuzz_source}/${corpus}/ DESTINATION ${FUZZ_BINARY_DIR}/${corpus})
    execute_process(COMMAND ${FUZZ_BINARY_DIR}/${target} -max_total_time=${seconds} -max_len=${max_len}
                            -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -dict=${fuzz_source}/${dictionary}
                            -artifact_prefix=${FUZZ_BINARY_DIR}/${target}- ${FUZZ_BINARY_DIR}/${corpus}
                    RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${target} found a problem (exit ${result}); see the ${target}-crash-* file in ${FUZZ_BINARY_DIR}")
    endif()
endfunction()
run_fuzzer(fuzz_mcpengine corpus mcp.dict ${engine_seconds} 8192)
run_fuzzer(fuzz_httpframer corpus-http http.dict ${framing_seconds} 4096)
run_fuzzer(fuzz_referencelist corpus-references references.dict ${references_seconds} 16384)
