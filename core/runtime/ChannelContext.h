#pragma once

#include "config/Config.h"

#include <QDateTime>

#include <functional>

namespace sb {

class ContentClient;
class HttpServer;
class Metrics;
class Outbox;
class Store;
class TwilioClient;

// What a channel's routes are built on, handed to Channel::addRoutes while the service is
// being built (before the server moves to its thread and before its port takes connections).
// The route objects a channel makes are children of `parent` and move with the server to the
// server thread, where every request is handled. The outbox and the Content API client live on
// the network thread (reach them with QMetaObject::invokeMethod); the store is safe to call
// from any thread. Local-API paths come from LocalApi::path().
struct ChannelContext {
    HttpServer &server;
    QObject *parent;
    Store *store;
    Outbox *outbox;
    const Config &config;
    // UTC now, for rules that depend on time (WhatsApp's 24-hour window); tests inject their
    // own through SwitchboardService::setClock. Safe to call from any thread.
    std::function<QDateTime()> clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
    ContentClient *content = nullptr; // Twilio's Content API (message templates)
    // Twilio's REST API, on the network thread like the outbox: for what is not a message
    // (calls), which the outbox cannot carry.
    TwilioClient *twilio = nullptr;
    // GET /metrics' figures; record into it from any thread. Lives as long as the service.
    Metrics *metrics = nullptr;
    // The base URL Twilio reaches this console at, as webhooks are signed against. Known only
    // once the port is bound, so read it when a request is handled (on the server thread,
    // never before connections are accepted); empty before that.
    std::function<QString()> publicBase = [] {
        return QString();
    };
};

} // namespace sb
