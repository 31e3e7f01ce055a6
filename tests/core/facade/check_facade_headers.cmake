# Compiles each facade header alone (-fsyntax-only) with only the facade include paths and
# checks its includes by name; fails naming every header that needs torch, Qt or core internals.
file(GLOB headers "${HEADER_DIR}/sa3/*.h")
list(LENGTH headers count)
if(count EQUAL 0)
  message(FATAL_ERROR "no facade headers found in ${HEADER_DIR}/sa3")
endif()
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failed "")
foreach(h IN LISTS headers)
  get_filename_component(name "${h}" NAME_WE)
  # Debian installs torch headers under /usr/include, where a plain compile finds them, so
  # includes are also checked by name: only standard headers and other facade headers.
  file(STRINGS "${h}" includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(NOT line MATCHES "#[ \t]*include[ \t]*(<[a-z_]+>|\"sa3/[a-z_0-9]+\\.h\")")
      list(APPEND failed "sa3/${name}.h")
      message("sa3/${name}.h includes something other than the standard library or the facade: ${line}")
    endif()
  endforeach()
  set(src "${WORK_DIR}/${name}_alone.cpp")
  file(WRITE "${src}" "#include \"sa3/${name}.h\"\n")
  execute_process(
    COMMAND "${COMPILER}" -std=c++20 -fsyntax-only -I "${HEADER_DIR}" -I "${GENERATED_DIR}" "${src}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(APPEND failed "sa3/${name}.h")
    message("sa3/${name}.h does not compile on its own:\n${err}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "facade headers that need more than the standard library: ${failed}")
endif()
message("${count} facade headers compile without torch, Qt or core internals")
