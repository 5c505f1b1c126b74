#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace sb {

class Store;
struct ChannelContext;
struct IvrVersion;

// The IVR on the local API (bearer token checked by LocalApi before routing):
//   GET ivr   200 {version, menu, updatedAt}: the version new calls run (0 and the built-in
//             menu until one is stored; updatedAt null then)
//   PUT ivr   the menu's JSON (or {"menu": ...} as GET answers it): 200 with the new version,
//             or 400 with every problem and its path (IvrValidator). Calls already in the menu
//             keep the version they started with.
// Lives on the server thread.
class IvrApi : public QObject {
    Q_OBJECT
public:
    IvrApi(ChannelContext &context, QObject *parent);

    static QJsonObject versionJson(const IvrVersion &version);

private:
    void get(const HttpServer::Reply &reply);
    void put(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
