# The machinery behind channels/CMakeLists.txt's one line per channel.
set(SWITCHBOARD_CHANNEL_FOLDERS "")
set(SWITCHBOARD_CHANNEL_PREFIXES "")
set(SWITCHBOARD_CHANNEL_UI_FOLDERS "")
set(SWITCHBOARD_CHANNEL_UI_PREFIXES "")
# A channel's tab is a Widgets library (ui/, added after channels/, finds it too).
find_package(Qt6 6.4 REQUIRED COMPONENTS Widgets)

macro(switchboard_channel folder prefix)
    add_subdirectory(${folder})
    list(APPEND SWITCHBOARD_CHANNEL_FOLDERS ${folder})
    list(APPEND SWITCHBOARD_CHANNEL_PREFIXES ${prefix})
    # Its console part, when it has one: channels/<folder>/ui/ builds the library
    # switchboard_channel_<folder>_ui, whose <Prefix>ChannelUi.h declares
    # std::shared_ptr<const sb::ChannelUi> make<Prefix>ChannelUi().
    # A ui/ folder may hold widgets before the channel has a tab: it joins the registry only
    # once its <Prefix>ChannelUi.h exists.
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/ui/CMakeLists.txt)
        add_subdirectory(${folder}/ui)
        if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/ui/${prefix}ChannelUi.h)
            list(APPEND SWITCHBOARD_CHANNEL_UI_FOLDERS ${folder})
            list(APPEND SWITCHBOARD_CHANNEL_UI_PREFIXES ${prefix})
        endif()
    endif()
endmacro()

# Writes `file` from the registry's parts: includes, then `function` filling `list` with calls.
function(switchboard_write_registry file header type function includes calls)
    file(CONFIGURE OUTPUT ${file} CONTENT
"// Written by CMake from channels/CMakeLists.txt: do not edit.
#include \"${header}\"
${includes}
namespace sb {

${type} ${function}() {
    ${type} list;
${calls}    return list;
}

} // namespace sb
")
endfunction()

function(switchboard_write_channel_registries)
    set(dir ${CMAKE_CURRENT_BINARY_DIR}/generated)

    # The core registry: sb::builtInChannels() in switchboard_channels.
    set(includes "")
    set(calls "")
    set(libs "")
    foreach(folder prefix IN ZIP_LISTS SWITCHBOARD_CHANNEL_FOLDERS SWITCHBOARD_CHANNEL_PREFIXES)
        string(APPEND includes "#include \"${folder}/${prefix}Channel.h\"\n")
        string(APPEND calls "    list.append(make${prefix}Channel());\n")
        list(APPEND libs switchboard_channel_${folder})
    endforeach()
    switchboard_write_registry(${dir}/BuiltInChannels.cpp "runtime/BuiltInChannels.h"
                               ChannelList builtInChannels "${includes}" "${calls}")
    switchboard_add_library(switchboard_channels ${dir}/BuiltInChannels.cpp)
    target_include_directories(switchboard_channels PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(switchboard_channels PUBLIC switchboard_core ${libs})

    # The console registry: sb::builtInChannelUis() in switchboard_channels_ui.
    set(includes "")
    set(calls "")
    set(libs "")
    foreach(folder prefix IN ZIP_LISTS SWITCHBOARD_CHANNEL_UI_FOLDERS
            SWITCHBOARD_CHANNEL_UI_PREFIXES)
        string(APPEND includes "#include \"${folder}/ui/${prefix}ChannelUi.h\"\n")
        string(APPEND calls "    list.append(make${prefix}ChannelUi());\n")
        list(APPEND libs switchboard_channel_${folder}_ui)
    endforeach()
    switchboard_write_registry(${dir}/BuiltInChannelUis.cpp "BuiltInChannelUis.h"
                               ChannelUiList builtInChannelUis "${includes}" "${calls}")
    switchboard_add_library(switchboard_channels_ui ${dir}/BuiltInChannelUis.cpp)
    target_include_directories(switchboard_channels_ui PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(switchboard_channels_ui PUBLIC switchboard_ui ${libs})
endfunction()
