#pragma once

#include "TwilioError.h"
#include "TwilioResources.h"
#include "common/Receiver.h"
#include "http/FormEncoding.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QJsonObject;

namespace sb {

class RestRequest;
struct RestResponse;

struct TwilioCredentials {
    QString accountSid;
    QString authToken; // secret: never logged
    QUrl apiBase{QStringLiteral("https://api.twilio.com")};
};

template <typename T> struct TwilioResult {
    T value{};
    TwilioError error;
    bool ok() const { return !error.isError(); }
};

struct SendMessageParams {
    QString to;
    QString from;                // empty when sent through a Messaging Service
    QString messagingServiceSid; // MG…: Twilio picks the sender from the service's pool
    QString body;
    QString contentSid;       // a Content template (HX...), sent instead of a body
    QString contentVariables; // its variables, a JSON object as text
    QString statusCallback;
    QStringList mediaUrls;
};

struct ListMessagesFilter {
    QString to;
    QString from;
    QDateTime dateSentOnOrAfter; // invalid: no date filter
    int pageSize = 50;
};

struct CreateCallParams {
    QString to;
    QString from;
    QString url;    // where Twilio fetches the TwiML to run once answered, or
    QString twiml;  // the TwiML itself (a TwimlBuilder document)
    QString method; // how Twilio fetches url; empty: its default, POST
    QString statusCallback;
    QStringList statusCallbackEvents; // of initiated, ringing, answered, completed
    QString statusCallbackMethod;
    bool record = false;
    // Where Twilio posts the recording of a recorded call (Record) once it is ready, and
    // for which of in-progress, completed, absent (empty: Twilio's default, completed).
    QString recordingStatusCallback;
    QStringList recordingStatusCallbackEvents;
    QString recordingStatusCallbackMethod;
    QString machineDetection; // empty (off), "Enable" or "DetectMessageEnd"
    int timeoutSeconds = 0;   // how long to let it ring; 0: Twilio's default (60)
};

struct ListCallsFilter {
    QString to;
    QString from;
    QString status; // one of the call statuses; empty: any
    int pageSize = 50;
};

// Changes a call in progress: hang it up, or make it run other TwiML.
struct UpdateCallParams {
    QString status; // "completed" ends a call in progress, "canceled" a queued or ringing one
    QString url;
    QString method;
    QString twiml;

    static UpdateCallParams hangUp() { return {QStringLiteral("completed"), {}, {}, {}}; }
    static UpdateCallParams redirectTo(const QString &url) { return {{}, url, {}, {}}; }
    static UpdateCallParams runTwiml(const QString &twiml) { return {{}, {}, {}, twiml}; }
};

// Twilio's REST API 2010-04-01, fully asynchronous on an injected QNetworkAccessManager.
// Callbacks run on the receiver's thread; every failure arrives as a TwilioError.
class TwilioClient : public QObject {
    Q_OBJECT
public:
    TwilioClient(QNetworkAccessManager *nam, TwilioCredentials credentials,
                 QObject *parent = nullptr);

    void setCredentials(const TwilioCredentials &credentials);
    TwilioCredentials credentials() const { return m_credentials; }

    void createMessage(const SendMessageParams &params, Receiver receiver,
                       std::function<void(const TwilioResult<TwilioMessage> &)> done);
    void fetchMessage(const QString &sid, Receiver receiver,
                      std::function<void(const TwilioResult<TwilioMessage> &)> done);
    void listMessages(const ListMessagesFilter &filter, Receiver receiver,
                      std::function<void(const TwilioResult<TwilioMessagePage> &)> done);
    // The page after one listMessages() gave: its nextPageUri.
    void fetchMessagesPage(const QString &nextPageUri, Receiver receiver,
                           std::function<void(const TwilioResult<TwilioMessagePage> &)> done);
    void fetchAccount(Receiver receiver,
                      std::function<void(const TwilioResult<TwilioAccount> &)> done);
    void fetchBalance(Receiver receiver,
                      std::function<void(const TwilioResult<TwilioBalance> &)> done);
    void listIncomingNumbers(
        Receiver receiver,
        std::function<void(const TwilioResult<QList<TwilioIncomingNumber>> &)> done);

    // Calls.
    // Sets the number's URL settings (e.g. SmsUrl, VoiceUrl, StatusCallback; an empty value
    // clears one) and answers the number as Twilio now has it.
    void updateIncomingNumber(const QString &sid, const FormFields &settings, Receiver receiver,
                              std::function<void(const TwilioResult<TwilioIncomingNumber> &)> done);
    void createCall(const CreateCallParams &params, Receiver receiver,
                    std::function<void(const TwilioResult<TwilioCall> &)> done);
    void fetchCall(const QString &sid, Receiver receiver,
                   std::function<void(const TwilioResult<TwilioCall> &)> done);
    void listCalls(const ListCallsFilter &filter, Receiver receiver,
                   std::function<void(const TwilioResult<TwilioCallPage> &)> done);
    // The page after one listCalls() gave: its nextPageUri.
    void fetchCallsPage(const QString &nextPageUri, Receiver receiver,
                        std::function<void(const TwilioResult<TwilioCallPage> &)> done);
    void updateCall(const QString &sid, const UpdateCallParams &params, Receiver receiver,
                    std::function<void(const TwilioResult<TwilioCall> &)> done);

    // Recordings.
    void listCallRecordings(const QString &callSid, Receiver receiver,
                            std::function<void(const TwilioResult<TwilioRecordingPage> &)> done,
                            int pageSize = 50);
    void fetchRecordingsPage(const QString &nextPageUri, Receiver receiver,
                             std::function<void(const TwilioResult<TwilioRecordingPage> &)> done);
    void fetchRecording(const QString &sid, Receiver receiver,
                        std::function<void(const TwilioResult<TwilioRecording> &)> done);
    // Twilio answers 204 with no body: the value is true on success.
    void deleteRecording(const QString &sid, Receiver receiver,
                         std::function<void(const TwilioResult<bool> &)> done);
    // The audio of a recording: its media URL (from a recording, or the RecordingUrl of a
    // recording callback), or recordingAudioUrl(). Redirects are followed by hand, at most
    // five, and the account's credentials go only where mayReceiveCredentials() allows: never
    // to the storage a media URL may redirect to, nor to any URL a callback could name.
    void downloadRecording(const QUrl &mediaUrl, Receiver receiver,
                           std::function<void(const TwilioResult<TwilioRecordingAudio> &)> done);
    // The recording's audio on the configured API base; extension "wav" or "mp3".
    QUrl recordingAudioUrl(const QString &sid,
                           const QString &extension = QStringLiteral("wav")) const;

    // Twilio's own hosts (https, api.twilio.com or any *.twilio.com), and the configured API
    // base (same scheme, host and port); nothing else ever sees the auth token.
    static bool mayReceiveCredentials(const QUrl &url, const QUrl &apiBase);

private:
    RestRequest request(const QString &pathUnderAccount) const;
    // A next_page_uri checked to stay on this account under the API base; invalid otherwise.
    QUrl pageUrl(const QString &nextPageUri) const;
    static void download(QNetworkAccessManager *nam, TwilioCredentials credentials, QUrl url,
                         int redirectsLeft, Receiver receiver,
                         std::function<void(const TwilioResult<TwilioRecordingAudio> &)> done);
    template <typename T>
    static void deliver(const RestResponse &response,
                        const std::function<T(const QJsonObject &)> &parse,
                        const std::function<void(const TwilioResult<T> &)> &done);

    QNetworkAccessManager *m_nam;
    TwilioCredentials m_credentials;
};

} // namespace sb
