# Builds the MCP Bundle (.mcpb) of jcr-mcp-server: `cmake --build build --target mcpb` runs
#   cmake -DSERVER=… -DSTAGE=… -DOUTPUT=… -DMANIFEST=… -DSOURCE_DIR=… -DPLATFORM=linux|darwin|win32
#         [-DQT_PLUGINS=…] [-DPATCHELF=…] [-DDEPLOYQT=…] [-DSTRIP=…] -P make-mcpb.cmake
# Layout of the bundle (a zip):
#   manifest.json, icon.png, resources/<locale>.json
#   server/jcr-mcp-server[.exe]      the server, with its Qt plugins (sqldrivers/) beside it
#   lib/                             Linux: the Qt libraries and what they need (not glibc), found through the
#                                    rpath $ORIGIN/../lib; macOS: the Qt frameworks (@executable_path/../lib)
# manifest.json's `tools` and `prompts` come from the real server's tools/list and prompts/list, asked over
# stdio here at build time, so that they are never typed twice.
cmake_minimum_required(VERSION 3.25)
foreach(required SERVER STAGE OUTPUT MANIFEST SOURCE_DIR PLATFORM)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "make-mcpb.cmake: -D${required}=… is missing")
    endif()
endforeach()

# JSON string escaping for the text that CMake's string(JSON) hands back decoded.
function(json_quote out text)
    string(REPLACE "\\" "\\\\" text "${text}")
    string(REPLACE "\"" "\\\"" text "${text}")
    string(REPLACE "\n" "\\n" text "${text}")
    string(REPLACE "\t" "\\t" text "${text}")
    set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

# The server's answer (its `result`) to request `id` among the stdout lines in `text`. A loop over the text
# rather than a CMake list: the answers contain semicolons.
function(response_for out text id)
    while(NOT text STREQUAL "")
        string(FIND "${text}" "\n" end)
        if(end EQUAL -1)
            set(line "${text}")
            set(text "")
        else()
            string(SUBSTRING "${text}" 0 ${end} line)
            math(EXPR next "${end} + 1")
            string(SUBSTRING "${text}" ${next} -1 text)
        endif()
        string(JSON got ERROR_VARIABLE not_json GET "${line}" id)
        if(NOT not_json AND got STREQUAL id)
            string(JSON result ERROR_VARIABLE no_result GET "${line}" result)
            if(no_result)
                message(FATAL_ERROR "make-mcpb.cmake: request ${id} failed: ${line}")
            endif()
            set(${out} "${result}" PARENT_SCOPE)
            return()
        endif()
    endwhile()
    message(FATAL_ERROR "make-mcpb.cmake: the server did not answer request ${id}")
endfunction()

# 1. Ask the server for its tools and prompts (no database needed).
execute_process(COMMAND "${SERVER}" --db "${STAGE}-nodb/jcr.db"
                INPUT_FILE "${SOURCE_DIR}/list-requests.jsonl"
                OUTPUT_VARIABLE answers ERROR_VARIABLE log RESULT_VARIABLE status TIMEOUT 60)
# Without a database the server ends with a non-zero status when stdin closes; the answers are what counts.
if(NOT answers MATCHES "\"tools\"")
    message(FATAL_ERROR "make-mcpb.cmake: ${SERVER} gave no tools/list (${status}): ${log}")
endif()
response_for(tools_result "${answers}" 2)
response_for(prompts_result "${answers}" 3)

# 2. Manifest tools: name and description only (the manifest schema allows nothing else).
string(JSON tools GET "${tools_result}" tools)
string(JSON tool_count LENGTH "${tools}")
math(EXPR last "${tool_count} - 1")
set(manifest_tools "[]")
foreach(i RANGE ${last})
    string(JSON name GET "${tools}" ${i} name)
    string(JSON description GET "${tools}" ${i} description)
    json_quote(name_json "${name}")
    json_quote(description_json "${description}")
    string(JSON manifest_tools SET "${manifest_tools}" ${i} "{\"name\": ${name_json}, \"description\": ${description_json}}")
endforeach()

# 3. Manifest prompts: name, description, argument names, and a text with ${arguments.NAME} placeholders.
string(JSON prompts GET "${prompts_result}" prompts)
string(JSON prompt_count LENGTH "${prompts}")
math(EXPR last "${prompt_count} - 1")
set(manifest_prompts "[]")
foreach(i RANGE ${last})
    string(JSON name GET "${prompts}" ${i} name)
    string(JSON description GET "${prompts}" ${i} description)
    set(text "${description}\n")
    set(argument_names "[]")
    string(JSON argument_count ERROR_VARIABLE no_arguments LENGTH "${prompts}" ${i} arguments)
    if(NOT no_arguments AND argument_count GREATER 0)
        math(EXPR last_argument "${argument_count} - 1")
        foreach(a RANGE ${last_argument})
            string(JSON argument GET "${prompts}" ${i} arguments ${a} name)
            string(JSON title ERROR_VARIABLE no_title GET "${prompts}" ${i} arguments ${a} title)
            if(no_title)
                set(title "${argument}")
            endif()
            string(APPEND text "\n${title}: \${arguments.${argument}}")
            json_quote(argument_json "${argument}")
            string(JSON argument_names SET "${argument_names}" ${a} "${argument_json}")
        endforeach()
    endif()
    json_quote(name_json "${name}")
    json_quote(description_json "${description}")
    json_quote(text_json "${text}")
    string(JSON manifest_prompts SET "${manifest_prompts}" ${i}
           "{\"name\": ${name_json}, \"description\": ${description_json}, \"arguments\": ${argument_names}, \"text\": ${text_json}}")
endforeach()

file(READ "${MANIFEST}" manifest)
string(JSON manifest SET "${manifest}" tools "${manifest_tools}")
string(JSON manifest SET "${manifest}" prompts "${manifest_prompts}")

# 4. Stage the bundle.
file(REMOVE_RECURSE "${STAGE}" "${STAGE}-nodb")
file(MAKE_DIRECTORY "${STAGE}/server" "${STAGE}/lib" "${STAGE}/resources")
file(WRITE "${STAGE}/manifest.json" "${manifest}\n")
file(COPY "${SOURCE_DIR}/icon.png" DESTINATION "${STAGE}")
file(COPY "${SOURCE_DIR}/resources/" DESTINATION "${STAGE}/resources")
file(COPY "${SERVER}" DESTINATION "${STAGE}/server")
get_filename_component(server_name "${SERVER}" NAME)
set(staged_server "${STAGE}/server/${server_name}")
if(STRIP AND NOT PLATFORM STREQUAL "win32")
    execute_process(COMMAND "${STRIP}" "${staged_server}") # the debug info is most of a RelWithDebInfo binary
endif()

if(PLATFORM STREQUAL "win32")
    # windeployqt copies the Qt DLLs and plugins (sqldrivers included) beside the executable.
    execute_process(COMMAND "${DEPLOYQT}" --no-translations --no-compiler-runtime "${staged_server}"
                    RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "make-mcpb.cmake: windeployqt failed (${status})")
    endif()
    # The MSVC runtime DLLs beside the server, so that it starts without the Visual C++ redistributable
    # (VCToolsRedistDir is set in a Visual Studio developer shell, e.g. by the release workflow's msvc-dev-cmd).
    if(DEFINED ENV{VCToolsRedistDir})
        file(TO_CMAKE_PATH "$ENV{VCToolsRedistDir}" redist)
        file(GLOB runtime "${redist}/x64/Microsoft.VC*.CRT/*.dll")
        file(COPY ${runtime} DESTINATION "${STAGE}/server")
    endif()
else()
    # The SQLite driver, where Qt looks for plugins beside the application (<app dir>/sqldrivers).
    file(COPY "${QT_PLUGINS}/sqldrivers/" DESTINATION "${STAGE}/server/sqldrivers"
         FILES_MATCHING PATTERN "*qsqlite*")
    file(GLOB plugins "${STAGE}/server/sqldrivers/*")
    # Every library the server and the plugin load, except the C library family every system has.
    file(GET_RUNTIME_DEPENDENCIES EXECUTABLES "${SERVER}" MODULES ${plugins}
         RESOLVED_DEPENDENCIES_VAR libraries UNRESOLVED_DEPENDENCIES_VAR unresolved
         PRE_EXCLUDE_REGEXES "^ld-linux" "^libc\\.so" "^libm\\.so" "^libpthread" "^libdl\\.so" "^librt\\.so"
                             "^libgcc_s" "^linux-vdso"
         POST_EXCLUDE_REGEXES "^/lib/ld-linux" "/libc\\.so" "/libm\\.so" "/libpthread" "/libdl\\.so" "/librt\\.so"
                              "/libgcc_s" "^/usr/lib/libSystem" "^/System/")
    if(unresolved)
        message(FATAL_ERROR "make-mcpb.cmake: unresolved libraries: ${unresolved}")
    endif()
    if(PLATFORM STREQUAL "linux")
        # One real file per library under the name the loader asks for (its soname): no symlinks, which
        # zip tools and `mcpb unpack` do not all keep.
        set(patch_list "${staged_server}|$ORIGIN/../lib")
        foreach(library IN LISTS libraries)
            get_filename_component(soname "${library}" NAME)
            file(REAL_PATH "${library}" real)
            file(COPY_FILE "${real}" "${STAGE}/lib/${soname}")
            list(APPEND patch_list "${STAGE}/lib/${soname}|$ORIGIN")
        endforeach()
        foreach(plugin IN LISTS plugins)
            get_filename_component(plugin_name "${plugin}" NAME)
            list(APPEND patch_list "${STAGE}/server/sqldrivers/${plugin_name}|$ORIGIN/../../lib")
        endforeach()
        foreach(entry IN LISTS patch_list)
            string(REPLACE "|" ";" entry "${entry}")
            list(GET entry 0 file)
            list(GET entry 1 rpath)
            execute_process(COMMAND "${PATCHELF}" --set-rpath "${rpath}" "${file}" RESULT_VARIABLE status)
            if(NOT status EQUAL 0)
                message(FATAL_ERROR "make-mcpb.cmake: patchelf failed on ${file}")
            endif()
        endforeach()
    else() # darwin: the Qt frameworks into lib/, found through an added rpath
        foreach(library IN LISTS libraries)
            if(library MATCHES "^(.*/[^/]+\\.framework)/")
                file(COPY "${CMAKE_MATCH_1}" DESTINATION "${STAGE}/lib")
            else()
                file(COPY "${library}" DESTINATION "${STAGE}/lib" FOLLOW_SYMLINK_CHAIN)
            endif()
        endforeach()
        execute_process(COMMAND install_name_tool -add_rpath "@executable_path/../lib" "${staged_server}")
    endif()
endif()

# 5. Pack: a zip, as `mcpb pack` makes it.
get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${output_dir}")
file(REMOVE "${OUTPUT}")
# Files only, no directory entries (`mcpb unpack` cannot write those).
file(GLOB_RECURSE entries RELATIVE "${STAGE}" "${STAGE}/*")
list(SORT entries)
execute_process(COMMAND "${CMAKE_COMMAND}" -E tar cf "${OUTPUT}" --format=zip -- ${entries}
                WORKING_DIRECTORY "${STAGE}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "make-mcpb.cmake: packing ${OUTPUT} failed")
endif()
message(STATUS "MCP bundle: ${OUTPUT} (${tool_count} tools, ${prompt_count} prompts)")
