#include "WebhookDetailText.h"

#include "WebhookTableModel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace sb {

namespace {

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

QString pre(const QByteArray &bytes) {
    if (bytes.isEmpty())
        return QStringLiteral("<p><i>%1</i></p>").arg(esc(WebhookDetailText::tr("(empty)")));
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return QStringLiteral("<p><i>%1</i></p><pre style=\"white-space: pre-wrap\">%2</pre>")
            .arg(esc(WebhookDetailText::tr("Not UTF-8 text; as base64:")),
                 esc(QString::fromLatin1(bytes.toBase64())));
    return QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>").arg(esc(text));
}

QString row(const QString &name, const QString &value) {
    return QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
        .arg(esc(name), esc(value));
}

QString signatureSection(const WebhookRecord &r) {
    const QJsonObject d = r.diagnosis;
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(esc(WebhookDetailText::tr("Signature: %1")
                                    .arg(WebhookTableModel::resultText(r.signature))));
    if (r.replayOf)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(WebhookDetailText::tr(
                                 "A replay of webhook %1: its signature check was skipped.")
                                 .arg(r.replayOf)));
    const QString explanation = d.value(QLatin1String("explanation")).toString();
    if (!explanation.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(explanation));
    const QString checked = d.value(QLatin1String("checkedUrl")).toString();
    if (!checked.isEmpty() && r.signature != QLatin1String("valid"))
        html += QStringLiteral("<p>%1 <code>%2</code></p>")
                    .arg(esc(WebhookDetailText::tr("URL checked:")), esc(checked));
    const QJsonArray variants = d.value(QLatin1String("variants")).toArray();
    if (!variants.isEmpty()) {
        html +=
            QStringLiteral("<p>%1</p><table>").arg(esc(WebhookDetailText::tr("Variants tried:")));
        for (const QJsonValue &v : variants) {
            const QJsonObject o = v.toObject();
            const bool matches = o.value(QLatin1String("matches")).toBool();
            html += QStringLiteral("<tr><td>%1&nbsp;</td><td>%2<br><code>%3</code></td></tr>")
                        .arg(matches ? esc(WebhookDetailText::tr("✔ matches"))
                                     : esc(WebhookDetailText::tr("✘")),
                             esc(o.value(QLatin1String("label")).toString()),
                             esc(o.value(QLatin1String("url")).toString()));
        }
        html += QStringLiteral("</table>");
    }
    const QString matched = d.value(QLatin1String("matchedUrl")).toString();
    if (!matched.isEmpty())
        html += QStringLiteral("<p>%1 <code>%2</code></p>")
                    .arg(esc(WebhookDetailText::tr("Twilio signed this URL:")), esc(matched));
    const QString suggestion = d.value(QLatin1String("suggestion")).toString();
    if (!suggestion.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(esc(WebhookDetailText::tr("What to change:")), esc(suggestion));
    return html;
}

} // namespace

QString WebhookDetailText::html(const WebhookRecord &r) {
    // What went wrong first: a failed signature's explanation is what the agent came for.
    QString html =
        QStringLiteral("<h3>%1 %2</h3>").arg(esc(QString::fromLatin1(r.method)), esc(r.target));
    html += signatureSection(r);
    html += QStringLiteral("<h3>%1</h3><table>").arg(esc(WebhookDetailText::tr("Request")));
    html += row(WebhookDetailText::tr("Webhook"), QString::number(r.id));
    html += row(WebhookDetailText::tr("Received"),
                QLocale().toString(r.receivedAt.toLocalTime(), QLocale::LongFormat));
    html += row(WebhookDetailText::tr("From"), r.peer);
    if (!r.sid.isEmpty())
        html += row(WebhookDetailText::tr("SID"), r.sid);
    html += row(WebhookDetailText::tr("Answered"),
                WebhookDetailText::tr("HTTP %1 in %2 ms")
                    .arg(r.status)
                    .arg(QLocale().toString(double(r.elapsedUs) / 1000.0, 'f', 1)));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table>").arg(esc(WebhookDetailText::tr("Headers")));
    for (const auto &[name, value] : r.headers)
        html += row(QString::fromLatin1(name), QString::fromLatin1(value));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(esc(WebhookDetailText::tr("Body (raw)")));
    html += pre(r.body);
    const FormFields form = r.form();
    if (!form.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table>").arg(esc(WebhookDetailText::tr("Form fields")));
        for (const auto &[key, value] : form)
            html += row(key, value);
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<h3>%1</h3>")
                .arg(esc(WebhookDetailText::tr("Response sent (HTTP %1)").arg(r.status)));
    html += pre(r.responseBody);
    return html;
}

QString WebhookDetailText::diffHtml(const WebhookRecord &from, const WebhookRecord &to,
                                    const QJsonObject &diff) {
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(esc(WebhookDetailText::tr("Webhook %1 → %2 (SID %3)")
                                    .arg(from.id)
                                    .arg(to.id)
                                    .arg(from.sid)));
    bool any = false;
    const auto section = [&](const char *title, const QJsonObject &fields, bool changed) {
        if (fields.isEmpty())
            return;
        any = true;
        html += QStringLiteral("<p><b>%1</b></p><table>").arg(esc(WebhookDetailText::tr(title)));
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            const QString value =
                changed ? WebhookDetailText::tr("%1 → %2").arg(
                              it.value().toObject().value(QLatin1String("from")).toString(),
                              it.value().toObject().value(QLatin1String("to")).toString())
                        : it.value().toString();
            html += row(it.key(), value);
        }
        html += QStringLiteral("</table>");
    };
    section(QT_TRANSLATE_NOOP("sb::WebhookDetailText", "Changed"),
            diff.value(QLatin1String("changed")).toObject(), true);
    section(QT_TRANSLATE_NOOP("sb::WebhookDetailText", "Added"),
            diff.value(QLatin1String("added")).toObject(), false);
    section(QT_TRANSLATE_NOOP("sb::WebhookDetailText", "Removed"),
            diff.value(QLatin1String("removed")).toObject(), false);
    if (!any)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(WebhookDetailText::tr("Their form fields are the same.")));
    return html;
}

} // namespace sb
