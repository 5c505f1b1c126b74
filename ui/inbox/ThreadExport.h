#pragma once

#include "common/Receiver.h"
#include "inbox/ThreadItem.h"

#include <QString>

#include <functional>

namespace sb {

// Exporting a contact's thread, in one call for the inbox's Export action: the file is
// written on a worker thread (never the GUI's), then `done` runs on `receiver`'s thread with
// an empty error, or why nothing was written.
class ThreadExport {
public:
    enum class Format { Csv, Pdf };
    // From the file name's suffix (".pdf" is PDF, anything else CSV), for a save dialog.
    static Format formatFor(const QString &path);

    static void exportThread(const Thread &thread, const QString &contactLabel, const QString &path,
                             Format format, Receiver receiver,
                             std::function<void(const QString &error)> done);
};

} // namespace sb
