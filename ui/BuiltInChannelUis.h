#pragma once

#include "ChannelUi.h"

namespace sb {

// The console part of every channel in channels/CMakeLists.txt that has a ui/ folder, in its
// order there. Written by CMake into the switchboard_channels_ui library, which the
// switchboard executable and the GUI tests link.
ChannelUiList builtInChannelUis();

} // namespace sb
