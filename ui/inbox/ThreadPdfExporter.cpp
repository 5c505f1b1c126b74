#include "ThreadPdfExporter.h"

#include <QCoreApplication>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace sb {

namespace {

QString escaped(const QString &text) {
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return html;
}

QString describe(const ThreadItem &item) {
    if (item.kind == ThreadItem::Kind::Note)
        return item.author.isEmpty()
                   ? ThreadPdfExporter::tr("Internal note — never sent to the customer")
                   : ThreadPdfExporter::tr("Internal note by %1 — never sent to the customer")
                         .arg(item.author);
    const QString direction =
        item.direction == QLatin1String("inbound")    ? ThreadPdfExporter::tr("from %1")
        : item.direction == QLatin1String("outbound") ? ThreadPdfExporter::tr("to %1")
                                                      : QStringLiteral("%1");
    const QString party = item.direction == QLatin1String("inbound") ? item.from : item.to;
    QString line = QStringLiteral("%1 %2").arg(item.channel.toUpper(), direction.arg(party));
    if (!item.direction.isEmpty())
        line += QStringLiteral(" (%1)").arg(item.direction);
    if (!item.status.isEmpty())
        line += QStringLiteral(" · %1").arg(item.status);
    if (item.errorCode)
        line += QStringLiteral(" · %1 %2").arg(item.errorCode).arg(item.errorMessage);
    else if (!item.errorMessage.isEmpty())
        line += QStringLiteral(" · %1").arg(item.errorMessage);
    return line;
}

} // namespace

QString ThreadPdfExporter::html(const Thread &thread, const QString &contactLabel) {
    QString h;
    h += QStringLiteral("<html><body style=\"font-size: 10pt;\">");
    h += QStringLiteral("<h2>%1</h2>")
             .arg(escaped(ThreadPdfExporter::tr("Conversation with %1").arg(contactLabel)));
    h += QStringLiteral("<p style=\"color: #555555;\">%1</p>")
             .arg(escaped(ThreadPdfExporter::tr("%1 items, exported %2 (times in UTC)")
                              .arg(thread.size())
                              .arg(QDateTime::currentDateTimeUtc().toString(
                                  QStringLiteral("yyyy-MM-dd HH:mm")))));
    for (const ThreadItem &item : thread) {
        const bool note = item.kind == ThreadItem::Kind::Note;
        // A table cell is what QTextDocument gives a background and padding to.
        h += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" "
                            "style=\"margin-top: 6px;\" bgcolor=\"%1\" border=\"%2\"><tr><td>")
                 .arg(note ? QStringLiteral("#fff4c2") : QStringLiteral("#ffffff"))
                 .arg(note ? 1 : 0);
        h += QStringLiteral("<p style=\"color: #444444;\"><b>%1</b> &nbsp; %2</p>")
                 .arg(escaped(item.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                      escaped(describe(item)));
        h += QStringLiteral("<p>%1</p>").arg(escaped(item.text));
        for (const QString &link : item.mediaLinks)
            h += QStringLiteral("<p>%1 <a href=\"%2\">%2</a></p>")
                     .arg(escaped(ThreadPdfExporter::tr("Media:")), link.toHtmlEscaped());
        h += QStringLiteral("</td></tr></table>");
        if (!note)
            h += QStringLiteral("<hr>");
    }
    h += QStringLiteral("</body></html>");
    return h;
}

bool ThreadPdfExporter::write(const Thread &thread, const QString &contactLabel,
                              const QString &path, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = ThreadPdfExporter::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(ThreadPdfExporter::tr("Conversation with %1").arg(contactLabel));
        writer.setCreator(QStringLiteral("Switchboard"));
        QTextDocument document; // made on this thread: reentrant, not shared
        document.setHtml(html(thread, contactLabel));
        document.print(&writer);
    }
    if (!file.commit()) {
        *error = ThreadPdfExporter::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace sb
