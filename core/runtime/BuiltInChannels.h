#pragma once

#include "Channel.h"

namespace sb {

// Every channel in channels/CMakeLists.txt, in its order there. Written by CMake into the
// switchboard_channels library, which the executables and the tests link.
ChannelList builtInChannels();

} // namespace sb
