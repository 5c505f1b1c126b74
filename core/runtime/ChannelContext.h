#pragma once

#include "config/Config.h"

namespace sb {

class HttpServer;
class Outbox;
class Store;

// What a channel's routes are built on, handed to Channel::addRoutes while the service is
// being built (before the server moves to its thread and before its port takes connections).
// The route objects a channel makes are children of `parent` and move with the server to the
// server thread, where every request is handled. The outbox lives on the network thread (reach
// it with QMetaObject::invokeMethod); the store is safe to call from any thread. Local-API
// paths come from LocalApi::path().
struct ChannelContext {
    HttpServer &server;
    QObject *parent;
    Store *store;
    Outbox *outbox;
    const Config &config;
};

} // namespace sb
