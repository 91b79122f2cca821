# em_layer(NAME DEPENDS <layers...> PRIVATE_LIBS <targets...> [HEADERS <public headers...>])
# Builds src/NAME/*.cc (tests and *_main.cc excluded) as the static library eventmill_NAME, and
# src/NAME/*_test.cc as the test binary eventmill_NAME_test. A layer may depend only on layers to
# its left in EVENTMILL_LAYERS: the configure step fails otherwise.
#
# Include paths follow the same order, so an upward #include fails to compile:
#   - the private headers of a layer ("analyze/count_finder.h") are visible to the layer itself and
#     to the layers that depend on it (directly or through another layer), never to the right of
#     that and never to the programs on top (cli, serve), which use public headers only;
#   - the public headers (include/eventmill/*.h) belong to a layer each: HEADERS names them, and by
#     default a layer owns include/eventmill/NAME.h. A layer sees its own and those of its deps.
# Both are directories of symbolic links under ${PROJECT_BINARY_DIR}/layers/NAME/{private,public},
# made at configure time. tools/check_layers.sh (ctest layers.include_order) checks that it holds.
include(GoogleTest)

set(EM_LAYER_ROOT ${PROJECT_BINARY_DIR}/layers)

# Makes ${EM_LAYER_ROOT}/NAME/private/NAME a link to ${source_dir}: the one include path that
# reaches "NAME/..." headers.
function(em_private_dir name source_dir)
  set(dir ${EM_LAYER_ROOT}/${name}/private)
  file(MAKE_DIRECTORY ${dir})
  file(REMOVE ${dir}/${name})
  file(CREATE_LINK ${source_dir} ${dir}/${name} SYMBOLIC)
endfunction()

# Links include/eventmill/HEADER into ${EM_LAYER_ROOT}/NAME/public/eventmill/ and records the claim.
function(em_public_header name header)
  set(src ${PROJECT_SOURCE_DIR}/include/eventmill/${header})
  if(NOT EXISTS ${src})
    message(FATAL_ERROR "layer ${name} claims include/eventmill/${header}, which does not exist")
  endif()
  get_property(owner GLOBAL PROPERTY EM_HEADER_OWNER_${header})
  if(owner AND NOT owner STREQUAL name)
    message(FATAL_ERROR "include/eventmill/${header} is claimed by layers ${owner} and ${name}")
  endif()
  set_property(GLOBAL PROPERTY EM_HEADER_OWNER_${header} ${name})
  set(dir ${EM_LAYER_ROOT}/${name}/public/eventmill)
  file(MAKE_DIRECTORY ${dir})
  file(REMOVE ${dir}/${header})
  file(CREATE_LINK ${src} ${dir}/${header} SYMBOLIC)
endfunction()

function(em_layer name)
  cmake_parse_arguments(EM "" "" "DEPENDS;PRIVATE_LIBS;PUBLIC_LIBS;HEADERS" ${ARGN})
  list(FIND EVENTMILL_LAYERS ${name} self_index)
  if(self_index EQUAL -1)
    message(FATAL_ERROR "layer ${name} is not in EVENTMILL_LAYERS")
  endif()
  foreach(dep IN LISTS EM_DEPENDS)
    list(FIND EVENTMILL_LAYERS ${dep} dep_index)
    if(dep_index EQUAL -1 OR NOT dep_index LESS self_index)
      message(FATAL_ERROR "layer ${name} may not depend on ${dep}: dependencies point left in ${EVENTMILL_LAYERS}")
    endif()
  endforeach()

  # Include directories: this layer's private headers plus those its dependencies see.
  file(REMOVE_RECURSE ${EM_LAYER_ROOT}/${name})
  em_private_dir(${name} ${CMAKE_CURRENT_SOURCE_DIR})
  set(visible ${EM_LAYER_ROOT}/${name}/private)
  foreach(dep IN LISTS EM_DEPENDS)
    get_property(dep_visible GLOBAL PROPERTY EM_VISIBLE_${dep})
    list(APPEND visible ${dep_visible})
  endforeach()
  list(REMOVE_DUPLICATES visible)
  set_property(GLOBAL PROPERTY EM_VISIBLE_${name} ${visible})
  if(NOT EM_HEADERS AND EXISTS ${PROJECT_SOURCE_DIR}/include/eventmill/${name}.h)
    set(EM_HEADERS ${name}.h)
  endif()
  file(MAKE_DIRECTORY ${EM_LAYER_ROOT}/${name}/public/eventmill)
  foreach(header IN LISTS EM_HEADERS)
    em_public_header(${name} ${header})
  endforeach()
  set(public_dir ${EM_LAYER_ROOT}/${name}/public)

  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(tests ${srcs})
  list(FILTER srcs EXCLUDE REGEX "(_test|_main|_fuzzer)\\.cc$")
  list(FILTER tests INCLUDE REGEX "_test\\.cc$")
  set(deps)
  foreach(dep IN LISTS EM_DEPENDS)
    list(APPEND deps eventmill_${dep})
  endforeach()
  if(srcs)
    add_library(eventmill_${name} STATIC ${srcs})
    target_include_directories(eventmill_${name} PUBLIC ${public_dir} PRIVATE ${visible})
    target_link_libraries(eventmill_${name} PUBLIC ${deps} ${EM_PUBLIC_LIBS} PRIVATE ${EM_PRIVATE_LIBS})
  else()
    add_library(eventmill_${name} INTERFACE)
    target_include_directories(eventmill_${name} INTERFACE ${public_dir})
    target_link_libraries(eventmill_${name} INTERFACE ${deps})
  endif()
  if(tests AND EVENTMILL_BUILD_TESTS)
    add_executable(eventmill_${name}_test ${tests})
    target_include_directories(eventmill_${name}_test PRIVATE ${visible})
    target_link_libraries(eventmill_${name}_test PRIVATE eventmill_${name} ${EM_PRIVATE_LIBS} GTest::gtest GTest::gtest_main)
    gtest_discover_tests(eventmill_${name}_test WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60
                         PROPERTIES ENVIRONMENT "EVENTMILL_DATA=${PROJECT_SOURCE_DIR}/data")
  endif()
endfunction()

# A program on top of the layers (cli, serve): it sees its own folder and the public headers of
# the layers it links, no layer's private headers.
function(em_program_includes target name)
  em_private_dir(${name} ${CMAKE_CURRENT_SOURCE_DIR})
  target_include_directories(${target} PRIVATE ${EM_LAYER_ROOT}/${name}/private)
endfunction()

# White-box code outside src/ (benchmarks): the private headers LAYER and its dependencies see.
function(em_layer_internals target layer)
  get_property(visible GLOBAL PROPERTY EM_VISIBLE_${layer})
  target_include_directories(${target} PRIVATE ${visible})
endfunction()

# After every layer: a public header no layer claims is given to core (visible everywhere), with a
# warning, so a new header builds at once but is not left out of the layer order for long.
function(em_finish_layers)
  file(GLOB headers RELATIVE ${PROJECT_SOURCE_DIR}/include/eventmill ${PROJECT_SOURCE_DIR}/include/eventmill/*.h)
  list(GET EVENTMILL_LAYERS 0 first)
  foreach(header IN LISTS headers)
    get_property(owner GLOBAL PROPERTY EM_HEADER_OWNER_${header})
    if(NOT owner)
      message(WARNING "include/eventmill/${header} belongs to no layer: add it to HEADERS of its em_layer(); "
                      "until then every layer sees it")
      em_public_header(${first} ${header})
    endif()
  endforeach()
endfunction()
