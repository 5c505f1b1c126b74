#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

#include <memory>
#include <optional>

namespace sb {

struct IvrMenu;

// What pressing a key (or silence, or calling out of hours) does. Which fields count depends
// on the type; the JSON form names only those (README "Voice", "The IVR").
struct IvrAction {
    enum class Type { Say, Forward, Voicemail, Submenu, Sms, Hangup };
    Type type = Type::Hangup;
    QString text;            // say: what is said; sms: the message; hangup: an optional goodbye
    bool thenMenu = true;    // say, sms: back to the menu (true) or hang up (false)
    QString number;          // forward: E.164
    bool record = false;     // forward: record the bridged call
    int timeoutSeconds = 20; // forward: seconds of ringing
    QString prompt;          // voicemail: said before the beep
    int maxLength = 120;     // voicemail: seconds
    bool playBeep = true;    // voicemail
    QString confirmation;    // sms: said once the message is queued
    std::shared_ptr<IvrMenu> menu; // submenu

    // Whether the call ends here rather than coming back to a menu.
    bool endsCall() const;
    static QString typeName(Type type);
    static std::optional<Type> typeFromName(const QString &name);
};

struct IvrOption {
    QString digit; // "0".."9", "*", "#"
    QString label; // for the editor only; never spoken
    IvrAction action;
};

// One menu: the root, or a sub-menu an option leads to. Voice and language left empty inherit
// from the enclosing menu (the root's default to Twilio's).
struct IvrMenu {
    Q_DECLARE_TR_FUNCTIONS(IvrMenu)

public:
    QString greeting;
    QString voice;    // "alice", "Polly.Joanna", ...
    QString language; // "en-US"
    int timeoutSeconds = 5;
    QList<IvrOption> options; // ordered by digit as they appear on the keypad
    int noInputRepeats = 2;   // silences answered by repeating the menu
    IvrAction noInput;        // after that many: this (hang up by default)
    QString invalidInput;     // said on a key with no option, then the menu again

    const IvrOption *option(const QString &digit) const;
};

// Opening hours: per weekday, ranges of local time in an IANA zone.
struct IvrHours {
    struct Range {
        QTime open;
        QTime close; // invalid: midnight at the end of the day ("24:00")
    };
    QString timezone;       // "America/New_York"
    QList<Range> weekly[7]; // Monday = 0
    IvrAction closed;       // out of hours

    bool isOpen(const QDateTime &utc) const;
};

// The whole IVR as the agent edits it, and its JSON form (read and written by
// GET/PUT /api/v1/twilio/ivr). fromJson() expects JSON IvrValidator accepted.
struct IvrConfig {
    IvrMenu root;
    std::optional<IvrHours> hours; // none: always open

    static IvrConfig fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // What a fresh install answers with.
    static QJsonObject defaultJson();

    // The menu at a node path: "" the root, "3" the sub-menu of option 3, "31" its option 1's,
    // "c" the out-of-hours sub-menu ("c2" its option 2's). nullptr when there is none.
    const IvrMenu *menuAt(const QString &node) const;

    static QJsonObject actionToJson(const IvrAction &action);
    static IvrAction actionFromJson(const QJsonObject &json);
    static QJsonObject menuToJson(const IvrMenu &menu);
    static IvrMenu menuFromJson(const QJsonObject &json);
};

} // namespace sb
