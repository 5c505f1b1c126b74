#pragma once

#include "TwilioError.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace sb {

struct RestResponse;

// Reading an answer of Twilio's v1 APIs (content.twilio.com, messaging.twilio.com), whose
// lists page through meta.next_page_url. Shared by ContentClient and MessagingServicesClient.
class TwilioV1Answer {
    Q_DECLARE_TR_FUNCTIONS(TwilioV1Answer)
public:
    // The JSON object of a 2xx answer, or the error that replaced it.
    static TwilioError readJson(const RestResponse &response, QJsonObject *json);
    static TwilioError protocolError(int httpStatus, const QString &what);

    struct NextPage {
        QString path; // empty: the list ended
        QUrlQuery query;
    };
    // The page after `page` of the list at `listPath` on `base`. Only the link's path and
    // query are followed, on our own base, and only within the same list; a list longer
    // than `maxPages` is an error rather than a loop. False with *error when refused.
    static bool nextPage(const QJsonObject &page, const QUrl &base, const QString &listPath,
                         int pagesRead, int maxPages, int httpStatus, NextPage *next,
                         TwilioError *error);
};

} // namespace sb
