#include "TwilioV1Answer.h"

#include "http/RestRequest.h"

#include <QJsonDocument>

namespace sb {

TwilioError TwilioV1Answer::protocolError(int httpStatus, const QString &what) {
    TwilioError error;
    error.kind = TwilioError::Kind::Protocol;
    error.httpStatus = httpStatus;
    error.message = what;
    return error;
}

TwilioError TwilioV1Answer::readJson(const RestResponse &response, QJsonObject *json) {
    if (!response.answered())
        return TwilioError::network(response.errorString);
    if (!response.ok())
        return TwilioError::fromHttp(response.status, response.body);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return protocolError(response.status, parseError.error != QJsonParseError::NoError
                                                  ? parseError.errorString()
                                                  : tr("the answer is not a JSON object"));
    *json = doc.object();
    return {};
}

bool TwilioV1Answer::nextPage(const QJsonObject &page, const QUrl &base, const QString &listPath,
                              int pagesRead, int maxPages, int httpStatus, NextPage *next,
                              TwilioError *error) {
    *next = {};
    const QString link = page.value(QLatin1String("meta"))
                             .toObject()
                             .value(QLatin1String("next_page_url"))
                             .toString();
    if (link.isEmpty())
        return true;
    const QUrl nextUrl(link);
    QString nextPath = nextUrl.path();
    QString basePath = base.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    if (!basePath.isEmpty() && nextPath.startsWith(basePath + QLatin1Char('/')))
        nextPath = nextPath.mid(basePath.size());
    if (!nextUrl.isValid() || nextPath != listPath) {
        *error = protocolError(httpStatus, tr("the next page is not part of this list"));
        return false;
    }
    if (pagesRead >= maxPages) {
        *error = protocolError(httpStatus, tr("the list did not end after %1 pages").arg(maxPages));
        return false;
    }
    next->path = nextPath;
    next->query = QUrlQuery(nextUrl);
    return true;
}

} // namespace sb
