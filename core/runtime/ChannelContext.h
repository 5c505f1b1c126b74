#pragma once

#include "config/Config.h"

#include <QString>

namespace sb {

class HttpServer;
class Outbox;
class Store;

// What a channel's routes are built on: handed to Channel::addRoutes on the server thread.
// The server and the route objects a channel makes (children of `parent`) live on that thread;
// the outbox lives on the network thread (reach it with QMetaObject::invokeMethod), and the
// store is safe to call from any thread.
struct ChannelContext {
    HttpServer &server;
    QObject *parent; // server-thread owner for the channel's route objects
    Store *store;
    Outbox *outbox;
    const Config &config;
    bool sandbox; // the built-in sandbox plays Twilio

    // The local API's paths: "/api/v1/twilio/" + name.
    static QString apiPath(const QString &name);
};

} // namespace sb
