#pragma once

#include <QString>

#include <memory>

namespace sb {

class Sandbox;
class SandboxChannel;

// What a channel's addToSandbox() gets, on the sandbox's thread: the sandbox to plug its part
// into, and the base URL of the console whose webhooks the sandbox calls (empty when the
// sandbox runs on its own, as switchboard-sandbox, with webhooks given on its command line).
class SandboxContext {
public:
    SandboxContext(Sandbox &sandbox, QString publicBase)
        : m_sandbox(sandbox)
        , m_publicBase(std::move(publicBase)) {}

    Sandbox &sandbox() const { return m_sandbox; }
    QString publicBase() const { return m_publicBase; }

private:
    Sandbox &m_sandbox;
    QString m_publicBase;
};

} // namespace sb
