#pragma once

#include "inbox/ThreadItem.h"
#include <QCoreApplication>

#include <QString>

namespace sb {

// A contact's thread as a printable PDF (A4), written with Qt's own QPdfWriter and
// QTextDocument: a title naming the contact, then each item with its time (UTC), channel,
// direction, status (and error), text and media links; internal notes are set apart and
// marked as never sent. Both classes are reentrant and QPainter may paint on a QPdfWriter
// outside the GUI thread (Qt's "Thread-Support in Qt Modules"; font rendering off the GUI
// thread is supported since Qt 5), so write() is safe on a worker thread as long as the
// document is built there, as it is here. Needs a QGuiApplication (fonts).
class ThreadPdfExporter {
    Q_DECLARE_TR_FUNCTIONS(ThreadPdfExporter)
public:
    // The document's HTML (what write() lays out), for tests and previews.
    static QString html(const Thread &thread, const QString &contactLabel);
    // Writes atomically; false with *error set when it cannot. Any thread.
    static bool write(const Thread &thread, const QString &contactLabel, const QString &path,
                      QString *error);
};

} // namespace sb
