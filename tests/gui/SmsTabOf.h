#pragma once

#include "MainWindow.h"
#include "sms/SmsChannel.h"
#include "sms/ui/SmsTab.h"

// The window's SMS tab, as the SMS suites drive it (the window itself knows it only as a
// ChannelTab).
inline sb::SmsTab *smsTabOf(const sb::MainWindow &window) {
    return qobject_cast<sb::SmsTab *>(window.channelTab(sb::SmsChannel::Id));
}
