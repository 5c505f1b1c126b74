#include "Await.h"
#include "IvrTwimlTree.h"
#include "PgTestServer.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "voice/VoiceCalls.h"
#include "voice/VoiceChannel.h"
#include "voice/VoiceRoutes.h"
#include "voice/ivr/IvrMenu.h"
#include "voice/ivr/IvrTwiml.h"
#include "voice/ivr/IvrValidator.h"
#include "voice/ivr/IvrVersions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

namespace {

const QString Base = QStringLiteral("https://console.example.com");

// A menu that uses every action, opening hours included; each validation row breaks it in
// one place.
const char *const ValidMenu = R"({
  "greeting": {"text": "Thanks for calling.", "voice": "Polly.Joanna", "language": "en-US"},
  "timeoutSeconds": 4,
  "options": {
    "1": {"label": "Hours", "action": {"type": "say", "text": "We open at nine.", "then": "menu"}},
    "2": {"action": {"type": "forward", "number": "+14155550100", "record": true}},
    "3": {"action": {"type": "submenu", "menu": {
            "greeting": {"text": "Sales. Press 1 to hang up."},
            "options": {"1": {"action": {"type": "hangup", "text": "Bye from sales."}}}}}},
    "4": {"action": {"type": "voicemail", "prompt": "Leave a message.", "maxLength": 60,
                     "playBeep": false}},
    "5": {"action": {"type": "sms", "text": "Our address: 1 Main St.", "then": "hangup"}},
    "0": {"action": {"type": "hangup", "text": "Goodbye."}}
  },
  "noInput": {"repeats": 2, "action": {"type": "hangup", "text": "No key pressed. Goodbye."}},
  "invalidInput": {"text": "That is not an option."},
  "hours": {
    "timezone": "America/New_York",
    "weekly": {"mon": ["09:00-17:00"], "tue": ["09:00-12:00", "13:00-17:00"],
               "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-24:00"]},
    "closed": {"type": "voicemail", "prompt": "We are closed. Leave a message."}
  }
})";

QJsonObject validMenu() {
    return QJsonDocument::fromJson(ValidMenu).object();
}

// Sets (or, for an empty `json`, removes) the value at a dotted path.
QJsonObject setAt(QJsonObject object, const QStringList &keys, const QByteArray &json) {
    const QString key = keys.first();
    if (keys.size() == 1) {
        if (json.isEmpty())
            object.remove(key);
        else
            object.insert(key, QJsonDocument::fromJson("[" + json + "]").array().at(0));
        return object;
    }
    object.insert(key, setAt(object.value(key).toObject(), keys.mid(1), json));
    return object;
}

QJsonObject mutated(const QStringList &changes) {
    QJsonObject menu = validMenu();
    for (const QString &change : changes) {
        const qsizetype eq = change.indexOf(QLatin1Char('='));
        menu = setAt(menu, change.left(eq).split(QLatin1Char('.')), change.mid(eq + 1).toUtf8());
    }
    return menu;
}

IvrTwiml ivrOf(const QJsonObject &json, qint64 version = 7) {
    return IvrTwiml(IvrConfig::fromJson(json), version, Base, QStringLiteral("+15005550006"));
}

TwimlNode parsed(const IvrAnswer &answer) {
    const TwimlDocument doc = answer.document();
    if (!doc.ok())
        qWarning() << "TwiML refused:" << doc.error;
    QString error;
    const TwimlNode root = TwimlNode::parse(doc.xml, &error);
    if (!error.isEmpty())
        qWarning() << "not XML:" << error << doc.xml;
    return root;
}

IvrStep pressed(const QString &node, const QString &digits) {
    IvrStep step;
    step.node = node;
    step.digits = digits;
    return step;
}

QDateTime utc(const char *iso) {
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

} // namespace

// The IVR's parts on their own: its JSON form and validation (every problem with its path),
// the TwiML each action answers (read back with an XML parser), escaping of hostile text,
// no-input and invalid-input handling, opening hours against an injected time, and its
// versions on a real SQLite file (a call keeps the version it started with).
class TestVoiceIvr : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaultAndExampleMenusAreValid();
    void jsonRoundTripKeepsTheMenu();
    void invalidMenus_data();
    void invalidMenus();
    void everyProblemIsReportedAtOnce();
    void menuIsAGatherWithASilenceRedirect();
    void actionsAnswerTwiml_data();
    void actionsAnswerTwiml();
    void forwardDialsWithCallerIdAndRecording();
    void voicemailRecordsToTheRecordingWebhook();
    void afterVoicemailAndForward();
    void smsActionAsksForOneMessage();
    void hostileGreetingIsSpokenNeverRun();
    void textWithNothingSpeakableIsRefused_data();
    void textWithNothingSpeakableIsRefused();
    void invalidInputSaysSoAndRepeats();
    void silenceRepeatsThenEnds();
    void openingHours_data();
    void openingHours();
    void versionsKeepACallOnItsOwn();

private:
    template <typename T>
    StoreResult<T> run(std::function<std::optional<T>(StoreWorker &, QString *)> job) {
        const auto r =
            await<StoreResult<T>>([&](auto done) { m_store->run<T>(&m_ctx, job, done); });
        return r ? *r : StoreResult<T>{T{}, QStringLiteral("timed out")};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QObject m_ctx;
};

void TestVoiceIvr::initTestCase() {
    m_store = sbtest::makeStore(m_dir.filePath(QStringLiteral("ivr.sqlite")));
    m_store->addSchema({VoiceChannel::Id, VoiceChannel().schema()});
    const auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok());
}

void TestVoiceIvr::defaultAndExampleMenusAreValid() {
    for (const QJsonObject &menu : {IvrConfig::defaultJson(), validMenu()}) {
        const QList<IvrProblem> problems = IvrValidator::check(menu);
        for (const IvrProblem &p : problems)
            qWarning().noquote() << p.path << p.message;
        QVERIFY(problems.isEmpty());
    }
}

void TestVoiceIvr::jsonRoundTripKeepsTheMenu() {
    const QJsonObject once = IvrConfig::fromJson(validMenu()).toJson();
    QVERIFY(IvrValidator::check(once).isEmpty());
    QCOMPARE(IvrConfig::fromJson(once).toJson(), once);
    const IvrConfig config = IvrConfig::fromJson(once);
    QCOMPARE(config.root.options.size(), 6);
    QCOMPARE(config.root.option(QStringLiteral("2"))->action.number,
             QStringLiteral("+14155550100"));
    QVERIFY(config.hours);
    QCOMPARE(config.hours->weekly[1].size(), 2);              // Tuesday's two ranges
    QVERIFY(!config.hours->weekly[4].last().close.isValid()); // Friday until midnight
    QCOMPARE(config.menuAt(QStringLiteral("3"))->greeting,
             QStringLiteral("Sales. Press 1 to hang up."));
    QVERIFY(!config.menuAt(QStringLiteral("1"))); // a say, not a sub-menu
}

void TestVoiceIvr::invalidMenus_data() {
    QTest::addColumn<QStringList>("changes");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says");
    QTest::newRow("greeting empty") << QStringList{R"(greeting.text="  ")"} << "greeting.text"
                                    << "empty";
    QTest::newRow("greeting missing") << QStringList{"greeting="} << "greeting"
                                      << "missing";
    QTest::newRow("say without text")
        << QStringList{R"(options.1.action.text="")"} << "options.1.action.text"
        << "empty";
    QTest::newRow("forward to a short number")
        << QStringList{R"(options.2.action.number="+1555")"} << "options.2.action.number"
        << "\"+1555\" is not a valid E.164 number";
    QTest::newRow("forward to a number not in E.164 form")
        << QStringList{R"(options.2.action.number="+1 (415) 555-0100")"}
        << "options.2.action.number"
        << "write it as +14155550100";
    QTest::newRow("forward without number")
        << QStringList{"options.2.action.number="} << "options.2.action.number"
        << "empty";
    QTest::newRow("unknown action type")
        << QStringList{R"(options.1.action.type="dance")"} << "options.1.action.type"
        << "unknown action \"dance\"";
    QTest::newRow("action not an object")
        << QStringList{R"(options.1.action="hangup")"} << "options.1.action"
        << "must be an object";
    QTest::newRow("two digits") << QStringList{R"(options.12={"action":{"type":"hangup"}})"}
                                << "options.12"
                                << "not a key on the keypad";
    QTest::newRow("a letter") << QStringList{R"(options.a={"action":{"type":"hangup"}})"}
                              << "options.a"
                              << "not a key on the keypad";
    QTest::newRow("no options") << QStringList{"options={}"} << "options"
                                << "no options";
    QTest::newRow("empty action in a sub-menu")
        << QStringList{R"(options.3.action.menu.options.1.action={"type":"say","text":""})"}
        << "options.3.action.menu.options.1.action.text"
        << "empty";
    QTest::newRow("sub-menu without greeting")
        << QStringList{"options.3.action.menu.greeting.text="}
        << "options.3.action.menu.greeting.text"
        << "empty";
    QTest::newRow("sub-menu with no way out")
        << QStringList{R"(options.3.action.menu={"greeting":{"text":"Loop"},
               "options":{"1":{"action":{"type":"say","text":"Again","then":"menu"}}},
               "noInput":{"repeats":1,"action":{"type":"say","text":"Still there?",
               "then":"menu"}}})"}
        << "options.3"
        << "the sub-menu at options.3 has no way out";
    QTest::newRow("menu with no way out")
        << QStringList{R"(options={"1":{"action":{"type":"say","text":"Hi","then":"menu"}},
               "2":{"action":{"type":"sms","text":"Hi","then":"menu"}}})",
                       R"(noInput={"action":{"type":"say","text":"Hello?","then":"menu"}})"}
        << "options"
        << "the menu has no way out";
    QTest::newRow("silence opens a sub-menu")
        << QStringList{R"(noInput.action={"type":"submenu","menu":{}})"} << "noInput.action.type"
        << "cannot open a sub-menu";
    QTest::newRow("repeats out of range") << QStringList{"noInput.repeats=11"} << "noInput.repeats"
                                          << "from 0 to 10";
    // Found by fuzz_ivr: a number past qint64's range was converted before the range check (UB).
    QTest::newRow("timeout past any integer")
        << QStringList{"timeoutSeconds=4e92"} << "timeoutSeconds"
        << "whole number";
    QTest::newRow("timeout negative past any integer")
        << QStringList{"timeoutSeconds=-4e92"} << "timeoutSeconds"
        << "whole number";
    QTest::newRow("timeout not whole") << QStringList{"timeoutSeconds=5.5"} << "timeoutSeconds"
                                       << "whole number";
    QTest::newRow("voicemail of no length")
        << QStringList{"options.4.action.maxLength=0"} << "options.4.action.maxLength"
        << "from 1 to 3600";
    QTest::newRow("voicemail without prompt")
        << QStringList{"options.4.action.prompt="} << "options.4.action.prompt"
        << "empty";
    QTest::newRow("sms too long") << QStringList{"options.5.action.text=\"" +
                                                 QString(1601, QLatin1Char('x')) + "\""}
                                  << "options.5.action.text"
                                  << "at most 1600";
    QTest::newRow("then neither menu nor hangup")
        << QStringList{R"(options.1.action.then="later")"} << "options.1.action.then"
        << "neither";
    QTest::newRow("record not a boolean")
        << QStringList{R"(options.2.action.record="yes")"} << "options.2.action.record"
        << "true or false";
    QTest::newRow("unknown voice") << QStringList{R"(greeting.voice="robot")"} << "greeting.voice"
                                   << "not a Twilio voice";
    QTest::newRow("bad language") << QStringList{R"(greeting.language="English")"}
                                  << "greeting.language"
                                  << "language tag";
    QTest::newRow("timeout too long") << QStringList{"timeoutSeconds=120"} << "timeoutSeconds"
                                      << "from 1 to 60";
    QTest::newRow("bad timezone") << QStringList{R"(hours.timezone="Mars/Olympus_Mons")"}
                                  << "hours.timezone"
                                  << "not an IANA time zone";
    QTest::newRow("a word Qt would read as a POSIX zone")
        << QStringList{R"(hours.timezone="Nowhere")"} << "hours.timezone"
        << "not an IANA time zone";
    QTest::newRow("hour 25") << QStringList{R"(hours.weekly.mon=["25:00-17:00"])"}
                             << "hours.weekly.mon.0"
                             << "not a range of times";
    QTest::newRow("closes before it opens")
        << QStringList{R"(hours.weekly.tue=["09:00-12:00","17:00-13:00"])"} << "hours.weekly.tue.1"
        << "closes before it opens";
    QTest::newRow("not a day") << QStringList{R"(hours.weekly.funday=["09:00-17:00"])"}
                               << "hours.weekly.funday"
                               << "not a day";
    QTest::newRow("no out-of-hours action") << QStringList{"hours.closed="} << "hours.closed"
                                            << "missing";
    QTest::newRow("out of hours back to a menu")
        << QStringList{R"(hours.closed={"type":"say","text":"Closed","then":"menu"})"}
        << "hours.closed.then"
        << "no menu to go back to";
    QTest::newRow("unknown field") << QStringList{R"(greetings={"text":"Hi"})"} << "greetings"
                                   << "not a field";
}

void TestVoiceIvr::invalidMenus() {
    QFETCH(QStringList, changes);
    QFETCH(QString, path);
    QFETCH(QString, says);
    const QList<IvrProblem> problems = IvrValidator::check(mutated(changes));
    QStringList got;
    for (const IvrProblem &p : problems)
        got.append(p.path + QStringLiteral(": ") + p.message);
    QVERIFY2(problems.size() == 1, qPrintable(got.join(QLatin1String(" | "))));
    QCOMPARE(problems.first().path, path);
    QVERIFY2(problems.first().message.contains(says), qPrintable(problems.first().message));
}

void TestVoiceIvr::everyProblemIsReportedAtOnce() {
    const QList<IvrProblem> problems = IvrValidator::check(
        mutated({R"(greeting.text="")", R"(options.1.action.text="")",
                 R"(options.2.action.number="+1555")", R"(hours.timezone="Nowhere/Else")"}));
    QStringList paths;
    for (const IvrProblem &p : problems)
        paths.append(p.path);
    QCOMPARE(paths, (QStringList{"greeting.text", "options.1.action.text",
                                 "options.2.action.number", "hours.timezone"}));
}

void TestVoiceIvr::menuIsAGatherWithASilenceRedirect() {
    const TwimlNode doc = parsed(ivrOf(validMenu()).next(pressed(QString(), QStringLiteral("9"))));
    // 9 is no option: the invalid-input text, then the menu again.
    QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Gather", "Say", "Redirect"}));
    const TwimlNode &gather = doc.children.at(1);
    QCOMPARE(gather.attributes.value("input"), QStringLiteral("dtmf"));
    QCOMPARE(gather.attributes.value("numDigits"), QStringLiteral("1"));
    QCOMPARE(gather.attributes.value("timeout"), QStringLiteral("4"));
    QCOMPARE(gather.attributes.value("method"), QStringLiteral("POST"));
    QVERIFY(gather.attributes.contains(QStringLiteral("finishOnKey"))); // off: '#' is a key
    QCOMPARE(gather.attributes.value("finishOnKey"), QString());
    QCOMPARE(gather.attributes.value("action"),
             Base + VoiceRoutes::gatherResponse() + QStringLiteral("?v=7&node="));
    QCOMPARE(gather.children.at(0).text, QStringLiteral("Thanks for calling."));
    QCOMPARE(gather.children.at(0).attributes.value("voice"), QStringLiteral("Polly.Joanna"));
    QCOMPARE(gather.children.at(0).attributes.value("language"), QStringLiteral("en-US"));
    QCOMPARE(doc.children.at(2).text,
             Base + VoiceRoutes::gatherResponse() + QStringLiteral("?v=7&node=&silence=1"));
}

void TestVoiceIvr::actionsAnswerTwiml_data() {
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QStringList>("elements");
    QTest::addColumn<QString>("firstSay");
    QTest::newRow("1: say, then the menu")
        << ""
        << "1" << QStringList{"Response", "Say", "Gather", "Say", "Redirect"} << "We open at nine.";
    QTest::newRow("2: forward") << ""
                                << "2" << QStringList{"Response", "Dial"} << "";
    QTest::newRow("3: sub-menu") << ""
                                 << "3" << QStringList{"Response", "Gather", "Say", "Redirect"}
                                 << "Sales. Press 1 to hang up.";
    QTest::newRow("3 then 1: hang up in the sub-menu")
        << "3"
        << "1" << QStringList{"Response", "Say", "Hangup"} << "Bye from sales.";
    QTest::newRow("4: voicemail") << ""
                                  << "4" << QStringList{"Response", "Say", "Record"}
                                  << "Leave a message.";
    QTest::newRow("5: sms, then hang up")
        << ""
        << "5" << QStringList{"Response", "Say", "Hangup"} << "We have sent you a text message.";
    QTest::newRow("0: hang up") << ""
                                << "0" << QStringList{"Response", "Say", "Hangup"} << "Goodbye.";
    QTest::newRow("more digits than one: the first counts")
        << ""
        << "03" << QStringList{"Response", "Say", "Hangup"} << "Goodbye.";
    QTest::newRow("a menu that is not there") << "8"
                                              << "1" << QStringList{"Response", "Say", "Hangup"}
                                              << "Sorry, this menu is not available. Goodbye.";
}

void TestVoiceIvr::actionsAnswerTwiml() {
    QFETCH(QString, node);
    QFETCH(QString, digits);
    QFETCH(QStringList, elements);
    QFETCH(QString, firstSay);
    const TwimlNode doc = parsed(ivrOf(validMenu()).next(pressed(node, digits)));
    QCOMPARE(doc.names(), elements);
    if (!firstSay.isEmpty())
        QCOMPARE(doc.find(QStringLiteral("Say"))->text, firstSay);
}

void TestVoiceIvr::forwardDialsWithCallerIdAndRecording() {
    const TwimlNode doc = parsed(ivrOf(validMenu()).next(pressed(QString(), QStringLiteral("2"))));
    const TwimlNode *dial = doc.find(QStringLiteral("Dial"));
    QVERIFY(dial);
    QCOMPARE(dial->text, QStringLiteral("+14155550100"));
    QCOMPARE(dial->attributes.value("callerId"), QStringLiteral("+15005550006"));
    QCOMPARE(dial->attributes.value("record"), QStringLiteral("record-from-answer"));
    QCOMPARE(dial->attributes.value("recordingStatusCallback"),
             Base + VoiceRoutes::recordingComplete());
    QCOMPARE(dial->attributes.value("action"),
             Base + VoiceRoutes::gatherResponse() + QStringLiteral("?v=7&node=&step=dialled"));

    // Without "record", nothing is recorded.
    const TwimlNode plain = parsed(ivrOf(mutated({"options.2.action.record=false"}))
                                       .next(pressed(QString(), QStringLiteral("2"))));
    QVERIFY(!plain.find(QStringLiteral("Dial"))->attributes.contains(QStringLiteral("record")));
}

void TestVoiceIvr::voicemailRecordsToTheRecordingWebhook() {
    const TwimlNode doc = parsed(ivrOf(validMenu()).next(pressed(QString(), QStringLiteral("4"))));
    const TwimlNode *record = doc.find(QStringLiteral("Record"));
    QVERIFY(record);
    QCOMPARE(record->attributes.value("maxLength"), QStringLiteral("60"));
    QCOMPARE(record->attributes.value("playBeep"), QStringLiteral("false"));
    QCOMPARE(record->attributes.value("recordingStatusCallback"),
             Base + VoiceRoutes::recordingComplete());
    QCOMPARE(record->attributes.value("recordingStatusCallbackEvent"), QStringLiteral("completed"));
    QCOMPARE(record->attributes.value("action"),
             Base + VoiceRoutes::gatherResponse() + QStringLiteral("?v=7&node=&step=recorded"));
}

void TestVoiceIvr::afterVoicemailAndForward() {
    IvrStep recorded;
    recorded.step = QStringLiteral("recorded");
    TwimlNode doc = parsed(ivrOf(validMenu()).next(recorded));
    QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Hangup"}));
    QVERIFY(doc.children.at(0).text.contains(QLatin1String("Thank you")));

    IvrStep dialled;
    dialled.step = QStringLiteral("dialled");
    dialled.dialStatus = QStringLiteral("completed");
    QCOMPARE(parsed(ivrOf(validMenu()).next(dialled)).names(), (QStringList{"Response", "Hangup"}));
    dialled.dialStatus = QStringLiteral("no-answer");
    QCOMPARE(parsed(ivrOf(validMenu()).next(dialled)).names(),
             (QStringList{"Response", "Say", "Hangup"}));
}

void TestVoiceIvr::smsActionAsksForOneMessage() {
    const IvrAnswer answer = ivrOf(validMenu()).next(pressed(QString(), QStringLiteral("5")));
    QCOMPARE(answer.sms, std::optional<QString>(QStringLiteral("Our address: 1 Main St.")));
    QCOMPARE(answer.smsKey, QStringLiteral("5"));
    QVERIFY(!ivrOf(validMenu()).next(pressed(QString(), QStringLiteral("1"))).sms);
    // "then": "menu" comes back to the menu after the confirmation.
    const TwimlNode back = parsed(ivrOf(mutated({R"(options.5.action.then="menu")",
                                                 R"(options.5.action.confirmation="Sent!")"}))
                                      .next(pressed(QString(), QStringLiteral("5"))));
    QCOMPARE(back.names(), (QStringList{"Response", "Say", "Gather", "Say", "Redirect"}));
    QCOMPARE(back.children.at(0).text, QStringLiteral("Sent!"));
}

void TestVoiceIvr::hostileGreetingIsSpokenNeverRun() {
    const QString hostile = QStringLiteral("</Say><Dial>+15005550006</Dial><Say>");
    QJsonObject menu = mutated({QStringLiteral("greeting.text=\"%1\"").arg(hostile)});
    QVERIFY(IvrValidator::check(menu).isEmpty()); // it is text, and text may say anything
    const TwimlNode doc = parsed(ivrOf(menu).start(utc("2026-11-25T15:00:00Z")));
    QCOMPARE(doc.names(), (QStringList{"Response", "Gather", "Say", "Redirect"}));
    QVERIFY(!doc.find(QStringLiteral("Dial")));
    QCOMPARE(doc.find(QStringLiteral("Say"))->text, hostile);
    // The same in an action's text and an option's invalid-input text.
    menu = mutated({QStringLiteral("options.1.action.text=\"%1\"").arg(hostile),
                    QStringLiteral("invalidInput.text=\"%1\"").arg(hostile)});
    for (const QString &digit : {QStringLiteral("1"), QStringLiteral("7")}) {
        const TwimlNode pressedDoc = parsed(ivrOf(menu).next(pressed(QString(), digit)));
        QVERIFY(!pressedDoc.find(QStringLiteral("Dial")));
        QCOMPARE(pressedDoc.children.at(0).text, hostile);
    }
}

// fuzz_ivr's find (CI, stops 35 and 38): a greeting of a lone surrogate and control
// characters, which TwiML cannot carry, was accepted, and the call's TwiML did not build (an
// empty <Say>). Such text is refused now; blank optional text means the default or nothing.
// Either way: refused by the validator, or every answer builds and parses.
void TestVoiceIvr::textWithNothingSpeakableIsRefused_data() {
    QTest::addColumn<QJsonObject>("menu");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("fuzz_ivr's crash input")
        << QJsonDocument::fromJson(
               QByteArray::fromBase64("eyJncmVldGluZyI6eyJ0ZXh0IjoiXHVkODAwDg4ODg4ODiJ9LCJvcHRp"
                                      "b25zIjp7IjEiOnsiYWN0aW9uIjp7InR5cGUiOiJoYW5ndXAiLCJ0ZXh0"
                                      "IjoiXV0+PGd1cD5uL2FIIn19fX0="))
               .object()
        << false;
    QTest::newRow("greeting of control characters")
        << mutated({QStringLiteral("greeting.text=\"\\u000e \\u0001\"")}) << false;
    QTest::newRow("invalid-input text of a lone surrogate")
        << mutated({QStringLiteral("invalidInput.text=\"\\ud800\"")}) << false;
    QTest::newRow("blank invalid-input text: the default")
        << mutated({QStringLiteral("invalidInput.text=\"   \"")}) << true;
    QTest::newRow("hang-up with blank text: no words")
        << mutated({QStringLiteral("options.1.action={\"type\":\"hangup\",\"text\":\"  \"}")})
        << true;
}

void TestVoiceIvr::textWithNothingSpeakableIsRefused() {
    QFETCH(QJsonObject, menu);
    QFETCH(bool, accepted);
    QVERIFY(!menu.isEmpty());
    const QList<IvrProblem> problems = IvrValidator::check(menu);
    QCOMPARE(problems.isEmpty(), accepted);
    if (!accepted) {
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().message, QStringLiteral("only characters a call cannot say"));
        return;
    }
    const IvrTwiml ivr = ivrOf(menu);
    QList<IvrAnswer> answers{ivr.start(utc("2026-11-25T15:00:00Z"))};
    for (const QString &digit : {QStringLiteral("1"), QStringLiteral("7")})
        answers << ivr.next(pressed(QString(), digit));
    for (const IvrAnswer &answer : answers) {
        const TwimlDocument doc = answer.document();
        QVERIFY2(doc.ok(), qPrintable(doc.error));
        QString error;
        TwimlNode::parse(doc.xml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestVoiceIvr::invalidInputSaysSoAndRepeats() {
    const TwimlNode doc = parsed(ivrOf(validMenu()).next(pressed(QStringLiteral("3"), "#")));
    QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Gather", "Say", "Redirect"}));
    // The default invalid-input text (the sub-menu has none of its own), then the sub-menu.
    QCOMPARE(doc.children.at(0).text, QStringLiteral("Sorry, that is not one of the options."));
    QVERIFY(doc.children.at(1).attributes.value("action").endsWith(QLatin1String("&node=3")));
}

void TestVoiceIvr::silenceRepeatsThenEnds() {
    const IvrTwiml ivr = ivrOf(validMenu());
    IvrStep silent;
    for (int silence = 1; silence <= 2; ++silence) {
        silent.silence = silence;
        const TwimlNode doc = parsed(ivr.next(silent));
        QCOMPARE(doc.names(), (QStringList{"Response", "Gather", "Say", "Redirect"}));
        QVERIFY(doc.children.at(1).text.endsWith(
            QStringLiteral("&silence=%1").arg(silence + 1))); // counts on
    }
    silent.silence = 3; // more than "repeats": 2
    const TwimlNode doc = parsed(ivr.next(silent));
    QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Hangup"}));
    QCOMPARE(doc.children.at(0).text, QStringLiteral("No key pressed. Goodbye."));
}

void TestVoiceIvr::openingHours_data() {
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("open");
    // New York is UTC-5 in November, UTC-4 in July.
    QTest::newRow("Wednesday 10:00 in New York") << utc("2026-11-25T15:00:00Z") << true;
    QTest::newRow("Wednesday 08:59 in New York") << utc("2026-11-25T13:59:00Z") << false;
    QTest::newRow("Wednesday 17:00 in New York (closed)") << utc("2026-11-25T22:00:00Z") << false;
    QTest::newRow("Tuesday lunch in New York") << utc("2026-11-24T17:30:00Z") << false;
    QTest::newRow("Tuesday 13:00 in New York") << utc("2026-11-24T18:00:00Z") << true;
    QTest::newRow("Friday 23:59 in New York") << utc("2026-11-28T04:59:00Z") << true;
    QTest::newRow("Saturday in New York") << utc("2026-11-28T15:00:00Z") << false;
    QTest::newRow("summer: Monday 09:30 EDT") << utc("2026-07-13T13:30:00Z") << true;
    QTest::newRow("summer: Monday 08:30 EDT") << utc("2026-07-13T12:30:00Z") << false;
}

void TestVoiceIvr::openingHours() {
    QFETCH(QDateTime, now);
    QFETCH(bool, open);
    const TwimlNode doc = parsed(ivrOf(validMenu()).start(now));
    if (open) {
        QCOMPARE(doc.names(), (QStringList{"Response", "Gather", "Say", "Redirect"}));
    } else {
        QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Record"}));
        QCOMPARE(doc.children.at(0).text, QStringLiteral("We are closed. Leave a message."));
    }
    // Without hours, always open.
    QCOMPARE(parsed(ivrOf(mutated({"hours="})).start(now)).names(),
             (QStringList{"Response", "Gather", "Say", "Redirect"}));
}

void TestVoiceIvr::versionsKeepACallOnItsOwn() {
    auto latest = [&] {
        return run<IvrVersion>(
            [](StoreWorker &w, QString *e) { return IvrVersions::latest(w, e); });
    };
    auto store = [&](const QJsonObject &json) {
        return run<IvrVersion>([json](StoreWorker &w, QString *e) {
            return IvrVersions::store(w, json, QDateTime::currentDateTimeUtc(), e);
        });
    };
    auto start = [&](const QString &sid) {
        return run<IvrVersion>([sid](StoreWorker &w, QString *e) {
            return IvrVersions::startCall(w, sid, QDateTime::currentDateTimeUtc(), e);
        });
    };
    auto forCall = [&](const QString &sid, qint64 fallback) {
        return run<IvrVersion>([sid, fallback](StoreWorker &w, QString *e) {
            return IvrVersions::forCall(w, sid, fallback, e);
        });
    };

    // A fresh install: the built-in menu, version 0, and a call started now runs it.
    StoreResult<IvrVersion> r = latest();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.value.version, 0);
    QCOMPARE(r.value.json, IvrConfig::defaultJson());
    QVERIFY(!r.value.createdAt.isValid());
    QCOMPARE(start(QStringLiteral("CA0")).value.version, 0);

    const StoreResult<IvrVersion> first = store(validMenu());
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(first.value.version > 0);
    QCOMPARE(start(QStringLiteral("CA1")).value.version, first.value.version);

    const StoreResult<IvrVersion> second = store(mutated({R"(greeting.text="New")"}));
    QVERIFY(second.value.version > first.value.version);
    QCOMPARE(latest().value.json, second.value.json);
    // CA1 started on the first: it stays there, even when Twilio repeats its first request.
    QCOMPARE(forCall(QStringLiteral("CA1"), second.value.version).value.json, validMenu());
    QCOMPARE(start(QStringLiteral("CA1")).value.version, first.value.version);
    QCOMPARE(forCall(QStringLiteral("CA0"), second.value.version).value.version, 0);
    QCOMPARE(start(QStringLiteral("CA2")).value.version, second.value.version);
    // A call the console never noted runs the version its URL names; one not stored is said so.
    QCOMPARE(forCall(QStringLiteral("CAx"), first.value.version).value.version,
             first.value.version);
    QCOMPARE(forCall(QStringLiteral("CAx"), 999).value.found, false);
}

QTEST_GUILESS_MAIN(TestVoiceIvr)
#include "tst_voice_ivr.moc"
