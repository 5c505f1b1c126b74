// The IVR editor's JSON (PUT /api/v1/twilio/ivr) and the TwiML it turns into
// ("keys pressed\nJSON"): the validator never crashes, and an IVR it accepts answers every
// menu and every key with TwiML that builds and parses back as a <Response>.
#include "FuzzInput.h"
#include "voice/TwimlTree.h"
#include "voice/ivr/IvrMenu.h"
#include "voice/ivr/IvrTwiml.h"
#include "voice/ivr/IvrValidator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

namespace {
void mustBeTwiml(const sb::IvrAnswer &answer) {
    const sb::TwimlDocument document = answer.document();
    QString error;
    if (!document.ok() || !sb::TwimlTree::parse(document.xml, &error))
        std::abort(); // an accepted IVR answered with something Twilio cannot run
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sbfuzz::FuzzInput input(data, size);
    const QByteArray keys = input.line();
    const QJsonDocument json = QJsonDocument::fromJson(input.rest());
    if (!json.isObject())
        return 0;
    if (!sb::IvrValidator::check(json.object()).isEmpty())
        return 0;
    const sb::IvrConfig config = sb::IvrConfig::fromJson(json.object());
    const sb::IvrTwiml twiml(config, 7, QStringLiteral("https://console.example.test"),
                             QStringLiteral("+15005550006"));
    // Monday morning and Sunday night, UTC: open and (with hours) closed.
    mustBeTwiml(twiml.start(QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC)));
    mustBeTwiml(twiml.start(QDateTime(QDate(2026, 11, 29), QTime(23, 30), Qt::UTC)));
    // Walk the menus with the keys given: each key from the node the previous one led to.
    QString node;
    for (const char key : keys.left(12)) {
        sb::IvrStep step;
        step.node = node;
        step.digits = key == ' ' ? QString() : QString(QLatin1Char(key));
        step.silence = key == ' ' ? 1 : 0;
        mustBeTwiml(twiml.next(step));
        const QString child = node + step.digits;
        if (!step.digits.isEmpty() && config.menuAt(child))
            node = child;
    }
    for (const char *after : {"recorded", "dialled"}) {
        sb::IvrStep step;
        step.node = node;
        step.step = QLatin1String(after);
        step.dialStatus = QStringLiteral("no-answer");
        mustBeTwiml(twiml.next(step));
    }
    return 0;
}
