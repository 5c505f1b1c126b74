#include "TwilioApiSurface.h"

#include <utility>

namespace sb {

namespace {

const QLatin1String ApiPrefix("/2010-04-01");

// Twilio's REST API 2010-04-01: every path of twilio_api_v2010.json that has operations (relative
// to /2010-04-01, placeholders unnamed) with its methods. tst_sandbox checks it against the file.
const std::pair<const char *, const char *> TwilioResources[] = {
    {"GET POST", "/Accounts.json"},
    {"GET POST", "/Accounts/{}/Addresses.json"},
    {"GET", "/Accounts/{}/Addresses/{}/DependentPhoneNumbers.json"},
    {"GET POST DELETE", "/Accounts/{}/Addresses/{}.json"},
    {"GET POST", "/Accounts/{}/Applications.json"},
    {"GET POST DELETE", "/Accounts/{}/Applications/{}.json"},
    {"GET", "/Accounts/{}/AuthorizedConnectApps.json"},
    {"GET", "/Accounts/{}/AuthorizedConnectApps/{}.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}/Local.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}/MachineToMachine.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}/Mobile.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}/National.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}/SharedCost.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}/TollFree.json"},
    {"GET", "/Accounts/{}/AvailablePhoneNumbers/{}/Voip.json"},
    {"GET", "/Accounts/{}/Balance.json"},
    {"GET POST", "/Accounts/{}/Calls.json"},
    {"GET", "/Accounts/{}/Calls/{}/Events.json"},
    {"GET", "/Accounts/{}/Calls/{}/Notifications.json"},
    {"GET", "/Accounts/{}/Calls/{}/Notifications/{}.json"},
    {"POST", "/Accounts/{}/Calls/{}/Payments.json"},
    {"POST", "/Accounts/{}/Calls/{}/Payments/{}.json"},
    {"GET POST", "/Accounts/{}/Calls/{}/Recordings.json"},
    {"GET POST DELETE", "/Accounts/{}/Calls/{}/Recordings/{}.json"},
    {"POST", "/Accounts/{}/Calls/{}/Siprec.json"},
    {"POST", "/Accounts/{}/Calls/{}/Siprec/{}.json"},
    {"POST", "/Accounts/{}/Calls/{}/Streams.json"},
    {"POST", "/Accounts/{}/Calls/{}/Streams/{}.json"},
    {"POST", "/Accounts/{}/Calls/{}/Transcriptions.json"},
    {"POST", "/Accounts/{}/Calls/{}/Transcriptions/{}.json"},
    {"POST", "/Accounts/{}/Calls/{}/UserDefinedMessageSubscriptions.json"},
    {"DELETE", "/Accounts/{}/Calls/{}/UserDefinedMessageSubscriptions/{}.json"},
    {"POST", "/Accounts/{}/Calls/{}/UserDefinedMessages.json"},
    {"GET POST DELETE", "/Accounts/{}/Calls/{}.json"},
    {"GET", "/Accounts/{}/Conferences.json"},
    {"GET POST", "/Accounts/{}/Conferences/{}/Participants.json"},
    {"GET POST DELETE", "/Accounts/{}/Conferences/{}/Participants/{}.json"},
    {"GET", "/Accounts/{}/Conferences/{}/Recordings.json"},
    {"GET POST DELETE", "/Accounts/{}/Conferences/{}/Recordings/{}.json"},
    {"GET POST", "/Accounts/{}/Conferences/{}.json"},
    {"GET", "/Accounts/{}/ConnectApps.json"},
    {"GET POST DELETE", "/Accounts/{}/ConnectApps/{}.json"},
    {"GET POST", "/Accounts/{}/IncomingPhoneNumbers.json"},
    {"GET POST", "/Accounts/{}/IncomingPhoneNumbers/Local.json"},
    {"GET POST", "/Accounts/{}/IncomingPhoneNumbers/Mobile.json"},
    {"GET POST", "/Accounts/{}/IncomingPhoneNumbers/TollFree.json"},
    {"GET POST", "/Accounts/{}/IncomingPhoneNumbers/{}/AssignedAddOns.json"},
    {"GET", "/Accounts/{}/IncomingPhoneNumbers/{}/AssignedAddOns/{}/Extensions.json"},
    {"GET", "/Accounts/{}/IncomingPhoneNumbers/{}/AssignedAddOns/{}/Extensions/{}.json"},
    {"GET DELETE", "/Accounts/{}/IncomingPhoneNumbers/{}/AssignedAddOns/{}.json"},
    {"GET POST DELETE", "/Accounts/{}/IncomingPhoneNumbers/{}.json"},
    {"GET POST", "/Accounts/{}/Keys.json"},
    {"GET POST DELETE", "/Accounts/{}/Keys/{}.json"},
    {"GET POST", "/Accounts/{}/Messages.json"},
    {"POST", "/Accounts/{}/Messages/{}/Feedback.json"},
    {"GET", "/Accounts/{}/Messages/{}/Media.json"},
    {"GET DELETE", "/Accounts/{}/Messages/{}/Media/{}.json"},
    {"GET POST DELETE", "/Accounts/{}/Messages/{}.json"},
    {"GET", "/Accounts/{}/Notifications.json"},
    {"GET", "/Accounts/{}/Notifications/{}.json"},
    {"GET POST", "/Accounts/{}/OutgoingCallerIds.json"},
    {"GET POST DELETE", "/Accounts/{}/OutgoingCallerIds/{}.json"},
    {"GET POST", "/Accounts/{}/Queues.json"},
    {"GET", "/Accounts/{}/Queues/{}/Members.json"},
    {"GET POST", "/Accounts/{}/Queues/{}/Members/{}.json"},
    {"GET POST DELETE", "/Accounts/{}/Queues/{}.json"},
    {"GET", "/Accounts/{}/Recordings.json"},
    {"GET", "/Accounts/{}/Recordings/{}/Transcriptions.json"},
    {"GET DELETE", "/Accounts/{}/Recordings/{}/Transcriptions/{}.json"},
    {"GET", "/Accounts/{}/Recordings/{}/AddOnResults.json"},
    {"GET", "/Accounts/{}/Recordings/{}/AddOnResults/{}/Payloads.json"},
    {"GET", "/Accounts/{}/Recordings/{}/AddOnResults/{}/Payloads/{}/Data.json"},
    {"GET DELETE", "/Accounts/{}/Recordings/{}/AddOnResults/{}/Payloads/{}.json"},
    {"GET DELETE", "/Accounts/{}/Recordings/{}/AddOnResults/{}.json"},
    {"GET DELETE", "/Accounts/{}/Recordings/{}.json"},
    {"GET POST", "/Accounts/{}/SIP/CredentialLists.json"},
    {"GET POST", "/Accounts/{}/SIP/CredentialLists/{}/Credentials.json"},
    {"GET POST DELETE", "/Accounts/{}/SIP/CredentialLists/{}/Credentials/{}.json"},
    {"GET POST DELETE", "/Accounts/{}/SIP/CredentialLists/{}.json"},
    {"GET POST", "/Accounts/{}/SIP/Domains.json"},
    {"GET POST", "/Accounts/{}/SIP/Domains/{}/Auth/Calls/CredentialListMappings.json"},
    {"GET DELETE", "/Accounts/{}/SIP/Domains/{}/Auth/Calls/CredentialListMappings/{}.json"},
    {"GET POST", "/Accounts/{}/SIP/Domains/{}/Auth/Calls/IpAccessControlListMappings.json"},
    {"GET DELETE", "/Accounts/{}/SIP/Domains/{}/Auth/Calls/IpAccessControlListMappings/{}.json"},
    {"GET POST", "/Accounts/{}/SIP/Domains/{}/Auth/Registrations/CredentialListMappings.json"},
    {"GET DELETE", "/Accounts/{}/SIP/Domains/{}/Auth/Registrations/CredentialListMappings/{}.json"},
    {"GET POST", "/Accounts/{}/SIP/Domains/{}/CredentialListMappings.json"},
    {"GET DELETE", "/Accounts/{}/SIP/Domains/{}/CredentialListMappings/{}.json"},
    {"GET POST", "/Accounts/{}/SIP/Domains/{}/IpAccessControlListMappings.json"},
    {"GET DELETE", "/Accounts/{}/SIP/Domains/{}/IpAccessControlListMappings/{}.json"},
    {"GET POST DELETE", "/Accounts/{}/SIP/Domains/{}.json"},
    {"GET POST", "/Accounts/{}/SIP/IpAccessControlLists.json"},
    {"GET POST", "/Accounts/{}/SIP/IpAccessControlLists/{}/IpAddresses.json"},
    {"GET POST DELETE", "/Accounts/{}/SIP/IpAccessControlLists/{}/IpAddresses/{}.json"},
    {"GET POST DELETE", "/Accounts/{}/SIP/IpAccessControlLists/{}.json"},
    {"GET", "/Accounts/{}/SMS/ShortCodes.json"},
    {"GET POST", "/Accounts/{}/SMS/ShortCodes/{}.json"},
    {"GET POST", "/Accounts/{}/SigningKeys.json"},
    {"GET POST DELETE", "/Accounts/{}/SigningKeys/{}.json"},
    {"POST", "/Accounts/{}/Tokens.json"},
    {"GET", "/Accounts/{}/Transcriptions.json"},
    {"GET DELETE", "/Accounts/{}/Transcriptions/{}.json"},
    {"GET", "/Accounts/{}/Usage/Records.json"},
    {"GET", "/Accounts/{}/Usage/Records/AllTime.json"},
    {"GET", "/Accounts/{}/Usage/Records/Daily.json"},
    {"GET", "/Accounts/{}/Usage/Records/LastMonth.json"},
    {"GET", "/Accounts/{}/Usage/Records/Monthly.json"},
    {"GET", "/Accounts/{}/Usage/Records/ThisMonth.json"},
    {"GET", "/Accounts/{}/Usage/Records/Today.json"},
    {"GET", "/Accounts/{}/Usage/Records/Yearly.json"},
    {"GET", "/Accounts/{}/Usage/Records/Yesterday.json"},
    {"GET POST", "/Accounts/{}/Usage/Triggers.json"},
    {"GET POST DELETE", "/Accounts/{}/Usage/Triggers/{}.json"},
    {"GET POST", "/Accounts/{}.json"},
};

QStringList split(const QString &path) {
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

// How many of the pattern's segments are literal when it matches, -1 when it does not: a
// literal segment (IncomingPhoneNumbers/Local.json) beats a placeholder ({sid}.json).
int matchScore(const QStringList &pattern, const QStringList &segments) {
    if (pattern.size() != segments.size())
        return -1;
    int literal = 0;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern[i];
        const QString &s = segments[i];
        const qsizetype open = p.indexOf(QLatin1Char('{'));
        if (open < 0) {
            if (p != s)
                return -1;
            ++literal;
            continue;
        }
        const qsizetype close = p.indexOf(QLatin1Char('}'), open);
        const QStringView prefix = QStringView(p).left(open);
        const QStringView suffix = QStringView(p).mid(close + 1);
        if (s.size() <= prefix.size() + suffix.size() || !s.startsWith(prefix) ||
            !s.endsWith(suffix))
            return -1;
    }
    return literal;
}

struct TwilioResource {
    QStringList segments;
    QByteArrayList methods;
};

const QList<TwilioResource> &twilioResources() {
    // Never destroyed: the sandbox's server thread may read it while exit() runs.
    static const QList<TwilioResource> &resources = *new QList<TwilioResource>([] {
        QList<TwilioResource> list;
        for (const auto &[methods, path] : TwilioResources)
            list.append({split(ApiPrefix + QLatin1String(path)), QByteArray(methods).split(' ')});
        return list;
    }());
    return resources;
}

} // namespace

void TwilioApiSurface::implement(const QByteArray &method, const QString &pattern) {
    m_implemented.append({method, split(pattern)});
}

QByteArrayList TwilioApiSurface::twilioMethods(const QString &path) {
    const QStringList segments = split(path);
    int best = -1;
    QByteArrayList methods;
    for (const TwilioResource &resource : twilioResources()) {
        const int score = matchScore(resource.segments, segments);
        if (score > best) {
            best = score;
            methods = resource.methods;
        }
    }
    return methods;
}

TwilioApiSurface::Answer TwilioApiSurface::answer(const QByteArray &method,
                                                  const QString &path) const {
    const QStringList segments = split(path);
    for (const Entry &entry : m_implemented) {
        if (entry.method == method && matchScore(entry.segments, segments) >= 0)
            return Answer::Implemented;
    }
    const QByteArrayList methods = twilioMethods(path);
    // HEAD is GET without the body wherever Twilio has GET.
    const QByteArray asTwilio = method == "HEAD" ? QByteArray("GET") : method;
    if (!methods.isEmpty() && !methods.contains(asTwilio))
        return Answer::MethodNotAllowed;
    return Answer::NotFound;
}

} // namespace sb
