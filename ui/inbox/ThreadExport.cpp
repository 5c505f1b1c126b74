#include "ThreadExport.h"

#include "ThreadPdfExporter.h"
#include "inbox/ThreadCsvExporter.h"

#include <QThreadPool>

namespace sb {

ThreadExport::Format ThreadExport::formatFor(const QString &path) {
    return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? Format::Pdf : Format::Csv;
}

void ThreadExport::exportThread(const Thread &thread, const QString &contactLabel,
                                const QString &path, Format format, Receiver receiver,
                                std::function<void(const QString &error)> done) {
    QThreadPool::globalInstance()->start([thread, contactLabel, path, format, receiver, done] {
        QString error;
        const bool ok = format == Format::Pdf
                            ? ThreadPdfExporter::write(thread, contactLabel, path, &error)
                            : ThreadCsvExporter::write(thread, path, &error);
        if (ok)
            error.clear();
        receiver.post([done, error] {
            if (done)
                done(error);
        });
    });
}

} // namespace sb
