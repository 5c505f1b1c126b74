#include "MediaUrlField.h"

#include "FieldErrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace sb {

namespace {

bool isHttpUrl(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace

QStringList MediaUrlField::read(const QJsonObject &json, FieldErrors &errors, int maxUrls) {
    const QJsonValue value = json.value(name());
    if (value.isUndefined() || value.isNull())
        return {};
    QJsonArray items;
    if (value.isString())
        items.append(value);
    else if (value.isArray())
        items = value.toArray();
    else {
        errors.add(name(), MediaUrlField::tr("Must be an array of URLs (or one URL as a string)."));
        return {};
    }
    if (items.size() > maxUrls) {
        errors.add(
            name(),
            maxUrls == 1
                ? MediaUrlField::tr("This channel takes one media file per message; %1 were "
                                    "given.")
                      .arg(items.size())
                : MediaUrlField::tr("At most %1 media URLs per message; %2 were given (%3 too "
                                    "many).")
                      .arg(maxUrls)
                      .arg(items.size())
                      .arg(items.size() - maxUrls));
        return {};
    }
    QStringList urls;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString url = items.at(i).toString().trimmed();
        if (!items.at(i).isString())
            errors.add(name(), MediaUrlField::tr("Item %1 is not a string.").arg(i + 1));
        else if (!isHttpUrl(url))
            errors.add(name(), MediaUrlField::tr(
                                   "Item %1 (\"%2\") is not an absolute http:// or https:// URL, "
                                   "which Twilio needs to fetch it.")
                                   .arg(i + 1)
                                   .arg(url.left(200)));
        else
            urls.append(url);
    }
    return urls;
}

} // namespace sb
