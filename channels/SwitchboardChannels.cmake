# The machinery behind channels/CMakeLists.txt's one line per channel.
set(SWITCHBOARD_CHANNEL_FOLDERS "")
set(SWITCHBOARD_CHANNEL_PREFIXES "")

macro(switchboard_channel folder prefix)
    add_subdirectory(${folder})
    list(APPEND SWITCHBOARD_CHANNEL_FOLDERS ${folder})
    list(APPEND SWITCHBOARD_CHANNEL_PREFIXES ${prefix})
endmacro()

function(switchboard_write_channel_registries)
    set(includes "")
    set(calls "")
    set(core_libs "")
    foreach(folder prefix IN ZIP_LISTS SWITCHBOARD_CHANNEL_FOLDERS SWITCHBOARD_CHANNEL_PREFIXES)
        string(APPEND includes "#include \"${folder}/${prefix}Channel.h\"\n")
        string(APPEND calls "    channels.append(make${prefix}Channel());\n")
        list(APPEND core_libs switchboard_channel_${folder})
    endforeach()
    set(dir ${CMAKE_CURRENT_BINARY_DIR}/generated)
    file(CONFIGURE OUTPUT ${dir}/BuiltInChannels.cpp CONTENT
"// Written by CMake from channels/CMakeLists.txt: do not edit.
#include \"runtime/BuiltInChannels.h\"
${includes}
namespace sb {

ChannelList builtInChannels() {
    ChannelList channels;
${calls}    return channels;
}

} // namespace sb
")
    add_library(switchboard_channels STATIC ${dir}/BuiltInChannels.cpp)
    target_include_directories(switchboard_channels PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(switchboard_channels PUBLIC switchboard_core ${core_libs})
endfunction()
