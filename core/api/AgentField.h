#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace sb {

class FieldErrors;

// The local API's optional `agent` on send-sms and send-whatsapp: who sends it, as the team
// knows them (a helpdesk sending on an agent's behalf). Absent: the outbox's own agent, the
// name of the console or receiver taking the request. A string on one line, at most
// Config::MaxAgentName characters; problems go to `errors` under "agent".
class AgentField {
    Q_DECLARE_TR_FUNCTIONS(AgentField)
public:
    static QString read(const QJsonObject &json, FieldErrors &errors);
};

} // namespace sb
