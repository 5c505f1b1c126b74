#include "TestSupport.h"
#include "providers/twilio/Twiml.h"
#include "providers/twilio/TwimlBuilder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <QtTest>

#include <functional>
#include <map>

using namespace sb;

Q_DECLARE_METATYPE(sb::TwimlElement)

namespace {

// A parsed element: what "the same XML" means here (attribute order aside, as XML has it).
struct Node {
    QString name;
    QMap<QString, QString> attributes;
    QString text;
    QList<Node> children;
};

std::optional<Node> parse(const QByteArray &xml, QString *error) {
    QXmlStreamReader reader(xml);
    QList<Node> stack;
    std::optional<Node> root;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            Node n;
            n.name = reader.name().toString();
            for (const QXmlStreamAttribute &a : reader.attributes())
                n.attributes.insert(a.name().toString(), a.value().toString());
            stack.append(n);
        } else if (reader.isCharacters() && !stack.isEmpty()) {
            stack.last().text += reader.text().toString();
        } else if (reader.isEndElement()) {
            Node done = stack.takeLast();
            if (stack.isEmpty())
                root = done;
            else
                stack.last().children.append(done);
        }
    }
    if (reader.hasError()) {
        *error = reader.errorString();
        return std::nullopt;
    }
    return root;
}

// Empty when equal, else where the two differ.
QString difference(const Node &a, const Node &b, const QString &path = {}) {
    const QString here = path + QLatin1Char('/') + a.name;
    if (a.name != b.name)
        return QStringLiteral("%1: element %2 vs %3").arg(path, a.name, b.name);
    if (a.attributes != b.attributes) {
        QStringList lhs, rhs;
        for (auto it = a.attributes.begin(); it != a.attributes.end(); ++it)
            lhs << it.key() + QLatin1Char('=') + it.value();
        for (auto it = b.attributes.begin(); it != b.attributes.end(); ++it)
            rhs << it.key() + QLatin1Char('=') + it.value();
        return QStringLiteral("%1: attributes {%2} vs {%3}")
            .arg(here, lhs.join(QLatin1Char(',')), rhs.join(QLatin1Char(',')));
    }
    if (a.text != b.text)
        return QStringLiteral("%1: text \"%2\" vs \"%3\"").arg(here, a.text, b.text);
    if (a.children.size() != b.children.size())
        return QStringLiteral("%1: %2 children vs %3")
            .arg(here)
            .arg(a.children.size())
            .arg(b.children.size());
    for (qsizetype i = 0; i < a.children.size(); ++i) {
        const QString d = difference(a.children[i], b.children[i], here);
        if (!d.isEmpty())
            return d;
    }
    return {};
}

const QByteArray Declaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";

// Each reference case, constructed through the builder the way Switchboard's code would.
const std::map<QString, std::function<TwimlBuilder()>> &constructions() {
    using K = TwimlBuilder::Kind;
    static const std::map<QString, std::function<TwimlBuilder()>> cases{
        {QStringLiteral("say-basic"),
         [] {
             TwimlBuilder b(K::Voice);
             b.add(Twiml::say(QStringLiteral("Hello & welcome <caller>")));
             return b;
         }},
        {QStringLiteral("say-voice-lang"),
         [] {
             TwimlBuilder b(K::Voice);
             b.add(Twiml::say(QStringLiteral("Thanks for calling"),
                              {.voice = QStringLiteral("Polly.Joanna"),
                               .language = QStringLiteral("en-US"),
                               .loop = 2}));
             return b;
         }},
        {QStringLiteral("ivr-menu"),
         [] {
             TwimlBuilder b(K::Voice);
             b.add(Twiml::gather({.input = QStringLiteral("dtmf"),
                                  .numDigits = 1,
                                  .action = QStringLiteral("/twilio/gather-response"),
                                  .method = QStringLiteral("POST"),
                                  .timeout = 5},
                                 {Twiml::say(QStringLiteral(
                                     "Press 1 for sales, 2 for support, 3 to leave a message."))}));
             b.add(Twiml::say(QStringLiteral("We did not receive any input. Goodbye!")));
             b.add(Twiml::hangup());
             return b;
         }},
        {QStringLiteral("record-voicemail"),
         [] {
             TwimlBuilder b(K::Voice);
             b.add(Twiml::say(QStringLiteral("Please leave a message after the beep.")));
             b.add(Twiml::record(
                 {.maxLength = 120,
                  .playBeep = true,
                  .action = QStringLiteral("/twilio/recording-complete"),
                  .finishOnKey = QStringLiteral("#"),
                  .recordingStatusCallback = QStringLiteral("/twilio/recording-complete"),
                  .recordingStatusCallbackEvent = {QStringLiteral("completed")}}));
             b.add(Twiml::hangup());
             return b;
         }},
        {QStringLiteral("dial-number"),
         [] {
             TwimlBuilder b(K::Voice);
             b.add(Twiml::dial({.callerId = QStringLiteral("+15005550006"),
                                .timeout = 20,
                                .record = QStringLiteral("record-from-answer")},
                               {Twiml::number(QStringLiteral("+14155550123"))}));
             return b;
         }},
        {QStringLiteral("redirect"),
         [] {
             TwimlBuilder b(K::Voice);
             b.add(Twiml::redirect(QStringLiteral("/twilio/voice-response"),
                                   {.method = QStringLiteral("POST")}));
             return b;
         }},
        {QStringLiteral("play-pause"),
         [] {
             TwimlBuilder b(K::Voice);
             b.add(Twiml::play(QStringLiteral("https://example.com/hold.mp3"), {.loop = 1}));
             b.add(Twiml::pause({.length = 2}));
             b.add(Twiml::hangup());
             return b;
         }},
        {QStringLiteral("empty-voice"),
         [] {
             return TwimlBuilder(K::Voice);
         }},
        {QStringLiteral("message-reply"),
         [] {
             TwimlBuilder b(K::Messaging);
             b.add(
                 Twiml::message(QStringLiteral("Thanks! We got your message & will reply soon.")));
             return b;
         }},
        {QStringLiteral("message-media"),
         [] {
             TwimlBuilder b(K::Messaging);
             b.add(Twiml::message(
                 MessageAttributes{},
                 {Twiml::body(QStringLiteral("Here is the picture")),
                  Twiml::media(QStringLiteral("https://example.com/a.jpg?x=1&y=2"))}));
             return b;
         }},
        {QStringLiteral("empty-messaging"),
         [] {
             return TwimlBuilder(K::Messaging);
         }},
        {QStringLiteral("unicode"),
         [] {
             TwimlBuilder b(K::Messaging);
             b.add(Twiml::message(QStringLiteral("Grüße 👋 — “quotes”")));
             return b;
         }},
    };
    return cases;
}

Node parsedOrFail(const QByteArray &xml) {
    QString error;
    const std::optional<Node> node = parse(xml, &error);
    if (!node)
        qWarning() << "does not parse:" << error << xml;
    return node.value_or(Node{});
}

} // namespace

class TestTwiml : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void referenceVectors_data();
    void referenceVectors();
    void everyReferenceCaseHasAVector();

    void attributesEscaped();
    void textCannotInjectVerbs();
    void nonAsciiTextIsUtf8_data();
    void nonAsciiTextIsUtf8();
    void forbiddenControlCharactersAreDropped();
    void whiteSpaceInAttributesSurvives();
    void everyVerbAndNounWithItsAttributes();
    void invalidCombinationsAreRefused_data();
    void invalidCombinationsAreRefused();

private:
    QJsonArray vectors();
};

QJsonArray TestTwiml::vectors() {
    QFile file(sbtest::sharedDir() + QStringLiteral("/vectors/twiml-reference.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

void TestTwiml::referenceVectors_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    for (const QJsonValue v : vectors()) {
        const QJsonObject c = v.toObject();
        const QString name = c.value(QLatin1String("name")).toString();
        QTest::newRow(qPrintable(name + QStringLiteral(": ") +
                                 c.value(QLatin1String("description")).toString()))
            << name << c.value(QLatin1String("xml")).toString().toUtf8();
    }
}

void TestTwiml::referenceVectors() {
    SB_REQUIRE_SHARED("/vectors/twiml-reference.json");
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    const auto it = constructions().find(name);
    QVERIFY2(it != constructions().end(),
             qPrintable(QStringLiteral("no construction for reference case ") + name));

    const TwimlDocument doc = it->second().build();
    QVERIFY2(doc.ok(), qPrintable(doc.error));
    QVERIFY2(doc.xml.startsWith(Declaration), doc.xml.constData());

    QString error;
    const std::optional<Node> ours = parse(doc.xml, &error);
    QVERIFY2(ours, qPrintable(error));
    const std::optional<Node> theirs = parse(expected, &error);
    QVERIFY2(theirs, qPrintable(error));
    const QString d = difference(*ours, *theirs);
    QVERIFY2(d.isEmpty(), qPrintable(d + QStringLiteral("\nours:   ") + QString::fromUtf8(doc.xml) +
                                     QStringLiteral("\ntheirs: ") + QString::fromUtf8(expected)));
}

void TestTwiml::everyReferenceCaseHasAVector() {
    // A construction whose vector was renamed or removed would otherwise go untested.
    SB_REQUIRE_SHARED("/vectors/twiml-reference.json");
    QSet<QString> names;
    for (const QJsonValue v : vectors())
        names.insert(v.toObject().value(QLatin1String("name")).toString());
    QVERIFY(!names.isEmpty());
    for (const auto &[name, build] : constructions())
        QVERIFY2(names.contains(name), qPrintable(name));
}

void TestTwiml::attributesEscaped() {
    const QString value = QStringLiteral(R"(a&b<c>"d"'e')");
    TwimlBuilder b;
    b.add(Twiml::redirect(QStringLiteral("/next?a=1&b=2")))
        .add(Twiml::say(QStringLiteral("x"), {.voice = value}));
    const TwimlDocument doc = b.build();
    QVERIFY2(doc.ok(), qPrintable(doc.error));
    QVERIFY2(doc.xml.contains(R"(voice="a&amp;b&lt;c&gt;&quot;d&quot;'e'")"), doc.xml.constData());
    QVERIFY(doc.xml.contains("/next?a=1&amp;b=2"));
    const Node root = parsedOrFail(doc.xml);
    QCOMPARE(root.children.size(), 2);
    QCOMPARE(root.children[0].text, QStringLiteral("/next?a=1&b=2"));
    QCOMPARE(root.children[1].attributes.value(QStringLiteral("voice")), value);
}

void TestTwiml::textCannotInjectVerbs() {
    // The issue's hostile greeting: it must be spoken, never dialled.
    const QString greeting = QStringLiteral("</Say><Dial>+15005550006</Dial><Say>");
    TwimlBuilder b;
    b.add(Twiml::say(greeting));
    const TwimlDocument doc = b.build();
    QVERIFY2(doc.ok(), qPrintable(doc.error));
    QVERIFY(!doc.xml.contains("<Dial>"));
    const Node root = parsedOrFail(doc.xml);
    QCOMPARE(root.children.size(), 1);
    QCOMPARE(root.children[0].name, QStringLiteral("Say"));
    QCOMPARE(root.children[0].text, greeting);
    QVERIFY(root.children[0].children.isEmpty());
}

void TestTwiml::nonAsciiTextIsUtf8_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("emoji (outside the BMP)") << QStringLiteral("Merci 🙏🏽 à bientôt 📞");
    QTest::newRow("Arabic, right to left") << QStringLiteral("مرحبا بكم في خدمة العملاء");
    QTest::newRow("CJK") << QStringLiteral("您好，请按一");
}

void TestTwiml::nonAsciiTextIsUtf8() {
    QFETCH(QString, text);
    TwimlBuilder b;
    b.add(Twiml::say(text, {.language = QStringLiteral("ar-AE")}));
    const TwimlDocument doc = b.build();
    QVERIFY2(doc.ok(), qPrintable(doc.error));
    // Written as UTF-8 bytes (the declaration says so), not as character references.
    QVERIFY(doc.xml.contains(text.toUtf8()));
    QCOMPARE(parsedOrFail(doc.xml).children.value(0).text, text);
}

void TestTwiml::forbiddenControlCharactersAreDropped() {
    // NUL, BEL, vertical tab, form feed, ESC, U+FFFE and a lone surrogate cannot appear in
    // an XML 1.0 document at all; they are dropped, tab / LF / CR are kept.
    QString text = QStringLiteral("a");
    text += QChar(0x0000);
    text += QStringLiteral("b\x07"
                           "c\x0B"
                           "d\x0C"
                           "e\x1B"
                           "f");
    text += QChar(0xFFFE);
    text += QChar(0xD800); // a high surrogate with no low one after it
    text += QStringLiteral("g\th\ni");
    TwimlBuilder b;
    b.add(Twiml::say(text, {.voice = QStringLiteral("Polly\x01Joanna")}));
    const TwimlDocument doc = b.build();
    QVERIFY2(doc.ok(), qPrintable(doc.error));
    QString error;
    const std::optional<Node> root = parse(doc.xml, &error);
    QVERIFY2(root, qPrintable(error)); // a strict parser reads the whole document
    QCOMPARE(root->children.value(0).text, QStringLiteral("abcdefg\th\ni"));
    QCOMPARE(root->children.value(0).attributes.value(QStringLiteral("voice")),
             QStringLiteral("PollyJoanna"));
    // A Say left with nothing to say after that is refused, not sent empty.
    TwimlBuilder onlyControls;
    onlyControls.add(Twiml::say(QStringLiteral("\x01\x02")));
    QVERIFY(!onlyControls.build().ok());
}

void TestTwiml::whiteSpaceInAttributesSurvives() {
    // A parser folds raw tab / LF in an attribute into spaces; the writer must escape them.
    TwimlBuilder b;
    b.add(Twiml::gather({.hints = QStringLiteral("sales,\tsupport\nbilling")},
                        {Twiml::say(QStringLiteral("Say a department"))}));
    const TwimlDocument doc = b.build();
    QVERIFY2(doc.ok(), qPrintable(doc.error));
    QCOMPARE(parsedOrFail(doc.xml).children.value(0).attributes.value(QStringLiteral("hints")),
             QStringLiteral("sales,\tsupport\nbilling"));
}

void TestTwiml::everyVerbAndNounWithItsAttributes() {
    TwimlBuilder b;
    b.add(Twiml::say(QStringLiteral("Hi"), {.voice = QStringLiteral("alice")}))
        .add(Twiml::play({}, {.digits = QStringLiteral("ww12#")}))
        .add(Twiml::gather({.input = QStringLiteral("dtmf speech"),
                            .finishOnKey = QString(),
                            .actionOnEmptyResult = true,
                            .speechModel = QStringLiteral("phone_call")},
                           {Twiml::pause({.length = 1}), Twiml::play(QStringLiteral("/a.mp3"))}))
        .add(Twiml::record({.timeout = 3,
                            .trim = QStringLiteral("trim-silence"),
                            .recordingStatusCallbackEvent = {QStringLiteral("in-progress"),
                                                             QStringLiteral("completed")},
                            .transcribe = false}))
        .add(Twiml::dial(
            {.answerOnBridge = true, .sequential = true},
            {Twiml::number(
                 QStringLiteral("+14155550100"),
                 {.sendDigits = QStringLiteral("1234"),
                  .statusCallbackEvent = {QStringLiteral("initiated"), QStringLiteral("answered")},
                  .statusCallback = QStringLiteral("/s")}),
             Twiml::client(QStringLiteral("agent-7"), {.url = QStringLiteral("/whisper")})}))
        .add(Twiml::dial(DialAttributes{},
                         {Twiml::conference(QStringLiteral("Room 1"),
                                            {.startConferenceOnEnter = true,
                                             .endConferenceOnExit = false,
                                             .waitUrl = QStringLiteral("/wait"),
                                             .maxParticipants = 3,
                                             .record = QStringLiteral("record-from-start")})}))
        .add(Twiml::dial(QStringLiteral("+14155550199"), {.hangupOnStar = true}))
        .add(Twiml::enqueue(QStringLiteral("support"), {.waitUrl = QStringLiteral("/hold"),
                                                        .waitUrlMethod = QStringLiteral("GET")}))
        .add(Twiml::message(QStringLiteral("See you"), {.to = QStringLiteral("+14155550100")}))
        .add(Twiml::redirect(QStringLiteral("/again")))
        .add(Twiml::reject({.reason = QStringLiteral("busy")}))
        .add(Twiml::hangup());
    const TwimlDocument doc = b.build();
    QVERIFY2(doc.ok(), qPrintable(doc.error));
    const Node root = parsedOrFail(doc.xml);
    QStringList names;
    for (const Node &n : root.children)
        names << n.name;
    QCOMPARE(names, QStringList({"Say", "Play", "Gather", "Record", "Dial", "Dial", "Dial",
                                 "Enqueue", "Message", "Redirect", "Reject", "Hangup"}));
    const Node &gather = root.children[2];
    QCOMPARE(gather.attributes.value(QStringLiteral("input")), QStringLiteral("dtmf speech"));
    QVERIFY(gather.attributes.contains(QStringLiteral("finishOnKey"))); // set to "": kept
    QCOMPARE(gather.attributes.value(QStringLiteral("finishOnKey")), QString());
    QCOMPARE(gather.attributes.value(QStringLiteral("actionOnEmptyResult")),
             QStringLiteral("true"));
    QCOMPARE(gather.children.size(), 2);
    QCOMPARE(root.children[3].attributes.value(QStringLiteral("recordingStatusCallbackEvent")),
             QStringLiteral("in-progress completed"));
    QCOMPARE(root.children[3].attributes.value(QStringLiteral("transcribe")),
             QStringLiteral("false"));
    const Node &dial = root.children[4];
    QCOMPARE(dial.children.size(), 2);
    QCOMPARE(dial.children[0].attributes.value(QStringLiteral("statusCallbackEvent")),
             QStringLiteral("initiated answered"));
    QCOMPARE(dial.children[1].name, QStringLiteral("Client"));
    QCOMPARE(dial.children[1].text, QStringLiteral("agent-7"));
    const Node &conference = root.children[5].children.value(0);
    QCOMPARE(conference.attributes.value(QStringLiteral("maxParticipants")), QStringLiteral("3"));
    QCOMPARE(conference.attributes.value(QStringLiteral("endConferenceOnExit")),
             QStringLiteral("false"));
    QCOMPARE(root.children[6].text, QStringLiteral("+14155550199"));
    QCOMPARE(root.children[10].attributes.value(QStringLiteral("reason")), QStringLiteral("busy"));
    // Unset attributes are left out, so Twilio's defaults apply.
    QVERIFY(root.children[11].attributes.isEmpty());
    QVERIFY(!root.children[0].attributes.contains(QStringLiteral("loop")));
}

void TestTwiml::invalidCombinationsAreRefused_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<TwimlElement>("verb");
    QTest::addColumn<QString>("expectedError");
    const int voice = int(TwimlBuilder::Kind::Voice);
    const int messaging = int(TwimlBuilder::Kind::Messaging);
    const TwimlElement say = Twiml::say(QStringLiteral("Hi"));

    QTest::newRow("Gather containing Dial")
        << voice << Twiml::gather({}, {say, Twiml::dial(QStringLiteral("+14155550100"))})
        << "Response > Gather > Dial: Gather may contain only Pause, Play, Say, not Dial.";
    QTest::newRow("Gather containing Gather")
        << voice << Twiml::gather({}, {Twiml::gather({}, {say})})
        << "Gather may contain only Pause, Play, Say, not Gather.";
    QTest::newRow("Gather containing Record")
        << voice << Twiml::gather({}, {Twiml::record()})
        << "Gather may contain only Pause, Play, Say, not Record.";
    QTest::newRow("Dial containing Say")
        << voice << Twiml::dial(DialAttributes{}, {say})
        << "Dial may contain only Client, Conference, Number, not Say.";
    QTest::newRow("Dial with nothing to dial")
        << voice << Twiml::dial(QString()) << "Dial needs a number or a Number";
    QTest::newRow("Dial with a number and nouns")
        << voice
        << Twiml::dial(QStringLiteral("+14155550100"), {})
               .append(Twiml::number(QStringLiteral("+14155550101")))
        << "either a number as its text or nouns, not both";
    QTest::newRow("Conference beside a Number")
        << voice
        << Twiml::dial(DialAttributes{}, {Twiml::conference(QStringLiteral("room")),
                                          Twiml::number(QStringLiteral("+14155550100"))})
        << "a Conference must be the only noun in its Dial";
    QTest::newRow("Number outside Dial") << voice << Twiml::number(QStringLiteral("+14155550100"))
                                         << "Number is not a TwiML voice verb";
    QTest::newRow("Body outside Message") << messaging << Twiml::body(QStringLiteral("x"))
                                          << "may contain only Message and Redirect, not Body";
    QTest::newRow("Say in a messaging response")
        << messaging << say << "may contain only Message and Redirect, not Say";
    QTest::newRow("Message with text and Body")
        << messaging << Twiml::message(QStringLiteral("a")).append(Twiml::body(QStringLiteral("b")))
        << "Message takes either its text or Body and Media, not both";
    QTest::newRow("Message with two Bodies")
        << messaging
        << Twiml::message(MessageAttributes{},
                          {Twiml::body(QStringLiteral("a")), Twiml::body(QStringLiteral("b"))})
        << "at most one Body";
    QTest::newRow("Hangup with a child")
        << voice << Twiml::hangup().append(say) << "Hangup cannot contain other elements";
    QTest::newRow("Say with a child element")
        << voice << Twiml::say(QStringLiteral("a")).append(Twiml::pause())
        << "Say cannot contain other elements";
    QTest::newRow("unknown verb") << voice << TwimlElement(QStringLiteral("Speak"), "x")
                                  << "Speak is not a TwiML voice verb";
    QTest::newRow("Redirect without URL")
        << voice << Twiml::redirect(QStringLiteral("  ")) << "Redirect needs its text";
    QTest::newRow("Play without URL or digits")
        << voice << Twiml::play(QString()) << "Play needs a URL or digits";
    QTest::newRow("Enqueue without queue")
        << voice << Twiml::enqueue(QString()) << "Enqueue needs a queue name";
    QTest::newRow("method PUT") << voice
                                << Twiml::redirect(QStringLiteral("/x"),
                                                   {.method = QStringLiteral("PUT")})
                                << "method=\"PUT\" must be GET or POST";
    QTest::newRow("statusCallbackMethod lower-case")
        << voice
        << Twiml::dial(DialAttributes{},
                       {Twiml::number(QStringLiteral("+14155550100"),
                                      {.statusCallbackMethod = QStringLiteral("post")})})
        << "statusCallbackMethod=\"post\" must be GET or POST";
    QTest::newRow("Reject reason") << voice << Twiml::reject({.reason = QStringLiteral("maybe")})
                                   << "reason=\"maybe\" is not one of rejected, busy";
    QTest::newRow("Dial record value")
        << voice << Twiml::dial(QStringLiteral("+14155550100"), {.record = QStringLiteral("true")})
        << "record=\"true\" is not one of";
    QTest::newRow("Gather input") << voice
                                  << Twiml::gather({.input = QStringLiteral("dtmf keypad")}, {say})
                                  << "must be dtmf, speech or \"dtmf speech\"";
}

void TestTwiml::invalidCombinationsAreRefused() {
    QFETCH(int, kind);
    QFETCH(TwimlElement, verb);
    QFETCH(QString, expectedError);
    TwimlBuilder b{TwimlBuilder::Kind(kind)};
    b.add(verb);
    const TwimlDocument doc = b.build();
    QVERIFY2(!doc.ok(), doc.xml.constData());
    QVERIFY(doc.xml.isEmpty()); // nothing half-written to serve by mistake
    QVERIFY2(doc.error.contains(expectedError), qPrintable(doc.error));
}

QTEST_GUILESS_MAIN(TestTwiml)
#include "tst_twiml.moc"
