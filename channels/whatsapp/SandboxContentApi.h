#pragma once

namespace sb {

class Sandbox;

// The sandbox's Content API v1, read-only, in the shapes of Twilio's official description
// (twilio_content_v1.json), behind the sandbox's Basic auth, with SandboxTemplates as the
// account's templates:
//   GET /v1/Content                          templates (PageSize, Page; meta.next_page_url)
//   GET /v1/ContentAndApprovals              the same with each one's WhatsApp approval
//   GET /v1/Content/{Sid}                    one template (404, 20404 when unknown)
//   GET /v1/Content/{Sid}/ApprovalRequests   its WhatsApp approval
// In sandbox mode the console's TWILIO_CONTENT_BASE_URL is the sandbox.
class SandboxContentApi {
public:
    static void serve(Sandbox &sandbox);
};

} // namespace sb
