#include "IvrMenu.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

namespace sb {

namespace {

const char *const DayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const QString KeypadOrder = QStringLiteral("1234567890*#");

QString str(const QJsonObject &json, const char *key) {
    return json.value(QLatin1String(key)).toString();
}

QString rangeText(const IvrHours::Range &r) {
    return r.open.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') +
           (r.close.isValid() ? r.close.toString(QStringLiteral("HH:mm"))
                              : QStringLiteral("24:00"));
}

} // namespace

bool IvrAction::endsCall() const {
    switch (type) {
    case Type::Hangup:
    case Type::Forward:
    case Type::Voicemail:
        return true;
    case Type::Say:
    case Type::Sms:
        return !thenMenu;
    case Type::Submenu:
        return false;
    }
    return false;
}

QString IvrAction::typeName(Type type) {
    switch (type) {
    case Type::Say:
        return QStringLiteral("say");
    case Type::Forward:
        return QStringLiteral("forward");
    case Type::Voicemail:
        return QStringLiteral("voicemail");
    case Type::Submenu:
        return QStringLiteral("submenu");
    case Type::Sms:
        return QStringLiteral("sms");
    case Type::Hangup:
        return QStringLiteral("hangup");
    }
    return {};
}

std::optional<IvrAction::Type> IvrAction::typeFromName(const QString &name) {
    for (Type t :
         {Type::Say, Type::Forward, Type::Voicemail, Type::Submenu, Type::Sms, Type::Hangup})
        if (typeName(t) == name)
            return t;
    return std::nullopt;
}

const IvrOption *IvrMenu::option(const QString &digit) const {
    for (const IvrOption &o : options)
        if (o.digit == digit)
            return &o;
    return nullptr;
}

bool IvrHours::isOpen(const QDateTime &utc) const {
    const QTimeZone zone(timezone.toUtf8());
    if (!zone.isValid())
        return true; // refused by validation; never lock callers out over it
    const QDateTime local = utc.toTimeZone(zone);
    const QTime now = local.time();
    for (const Range &r : weekly[local.date().dayOfWeek() - 1])
        if (now >= r.open && (!r.close.isValid() || now < r.close))
            return true;
    return false;
}

IvrAction IvrConfig::actionFromJson(const QJsonObject &json) {
    IvrAction a;
    a.type = IvrAction::typeFromName(str(json, "type")).value_or(IvrAction::Type::Hangup);
    a.text = str(json, "text");
    a.thenMenu = str(json, "then") != QLatin1String("hangup");
    a.number = str(json, "number");
    a.record = json.value(QLatin1String("record")).toBool(false);
    a.timeoutSeconds = json.value(QLatin1String("timeoutSeconds")).toInt(20);
    a.prompt = str(json, "prompt");
    a.maxLength = json.value(QLatin1String("maxLength")).toInt(120);
    a.playBeep = json.value(QLatin1String("playBeep")).toBool(true);
    a.confirmation = str(json, "confirmation");
    if (a.type == IvrAction::Type::Submenu)
        a.menu =
            std::make_shared<IvrMenu>(menuFromJson(json.value(QLatin1String("menu")).toObject()));
    return a;
}

QJsonObject IvrConfig::actionToJson(const IvrAction &a) {
    QJsonObject json{{QStringLiteral("type"), IvrAction::typeName(a.type)}};
    const QString then = a.thenMenu ? QStringLiteral("menu") : QStringLiteral("hangup");
    switch (a.type) {
    case IvrAction::Type::Say:
        json.insert(QStringLiteral("text"), a.text);
        json.insert(QStringLiteral("then"), then);
        break;
    case IvrAction::Type::Forward:
        json.insert(QStringLiteral("number"), a.number);
        json.insert(QStringLiteral("record"), a.record);
        json.insert(QStringLiteral("timeoutSeconds"), a.timeoutSeconds);
        break;
    case IvrAction::Type::Voicemail:
        json.insert(QStringLiteral("prompt"), a.prompt);
        json.insert(QStringLiteral("maxLength"), a.maxLength);
        json.insert(QStringLiteral("playBeep"), a.playBeep);
        break;
    case IvrAction::Type::Submenu:
        json.insert(QStringLiteral("menu"), a.menu ? menuToJson(*a.menu) : QJsonObject());
        break;
    case IvrAction::Type::Sms:
        json.insert(QStringLiteral("text"), a.text);
        json.insert(QStringLiteral("confirmation"), a.confirmation);
        json.insert(QStringLiteral("then"), then);
        break;
    case IvrAction::Type::Hangup:
        if (!a.text.isEmpty())
            json.insert(QStringLiteral("text"), a.text);
        break;
    }
    return json;
}

IvrMenu IvrConfig::menuFromJson(const QJsonObject &json) {
    IvrMenu m;
    const QJsonObject greeting = json.value(QLatin1String("greeting")).toObject();
    m.greeting = str(greeting, "text");
    m.voice = str(greeting, "voice");
    m.language = str(greeting, "language");
    m.timeoutSeconds = json.value(QLatin1String("timeoutSeconds")).toInt(5);
    const QJsonObject options = json.value(QLatin1String("options")).toObject();
    for (const QChar digit : KeypadOrder) {
        const QJsonObject o = options.value(QString(digit)).toObject();
        if (o.isEmpty())
            continue;
        m.options.append({QString(digit), str(o, "label"),
                          actionFromJson(o.value(QLatin1String("action")).toObject())});
    }
    const QJsonObject noInput = json.value(QLatin1String("noInput")).toObject();
    m.noInputRepeats = noInput.value(QLatin1String("repeats")).toInt(2);
    if (noInput.contains(QLatin1String("action")))
        m.noInput = actionFromJson(noInput.value(QLatin1String("action")).toObject());
    else
        m.noInput.text = QCoreApplication::translate("IvrMenu", "Goodbye.");
    m.invalidInput = str(json.value(QLatin1String("invalidInput")).toObject(), "text");
    if (m.invalidInput.trimmed().isEmpty()) // blank: nothing to say, so the default
        m.invalidInput =
            QCoreApplication::translate("IvrMenu", "Sorry, that is not one of the options.");
    return m;
}

QJsonObject IvrConfig::menuToJson(const IvrMenu &m) {
    QJsonObject greeting{{QStringLiteral("text"), m.greeting}};
    if (!m.voice.isEmpty())
        greeting.insert(QStringLiteral("voice"), m.voice);
    if (!m.language.isEmpty())
        greeting.insert(QStringLiteral("language"), m.language);
    QJsonObject options;
    for (const IvrOption &o : m.options) {
        QJsonObject option{{QStringLiteral("action"), actionToJson(o.action)}};
        if (!o.label.isEmpty())
            option.insert(QStringLiteral("label"), o.label);
        options.insert(o.digit, option);
    }
    return {
        {QStringLiteral("greeting"), greeting},
        {QStringLiteral("timeoutSeconds"), m.timeoutSeconds},
        {QStringLiteral("options"), options},
        {QStringLiteral("noInput"),
         QJsonObject{{QStringLiteral("repeats"), m.noInputRepeats},
                     {QStringLiteral("action"), actionToJson(m.noInput)}}},
        {QStringLiteral("invalidInput"), QJsonObject{{QStringLiteral("text"), m.invalidInput}}}};
}

IvrConfig IvrConfig::fromJson(const QJsonObject &json) {
    IvrConfig c;
    c.root = menuFromJson(json);
    const QJsonObject hours = json.value(QLatin1String("hours")).toObject();
    if (!hours.isEmpty()) {
        IvrHours h;
        h.timezone = str(hours, "timezone");
        const QJsonObject weekly = hours.value(QLatin1String("weekly")).toObject();
        for (int day = 0; day < 7; ++day)
            for (const QJsonValue v : weekly.value(QLatin1String(DayNames[day])).toArray()) {
                const QStringList parts = v.toString().split(QLatin1Char('-'));
                if (parts.size() != 2)
                    continue;
                IvrHours::Range r;
                r.open = QTime::fromString(parts[0], QStringLiteral("HH:mm"));
                r.close = QTime::fromString(parts[1], QStringLiteral("HH:mm"));
                h.weekly[day].append(r);
            }
        h.closed = actionFromJson(hours.value(QLatin1String("closed")).toObject());
        c.hours = h;
    }
    return c;
}

QJsonObject IvrConfig::toJson() const {
    QJsonObject json = menuToJson(root);
    if (hours) {
        QJsonObject weekly;
        for (int day = 0; day < 7; ++day) {
            if (hours->weekly[day].isEmpty())
                continue;
            QJsonArray ranges;
            for (const IvrHours::Range &r : hours->weekly[day])
                ranges.append(rangeText(r));
            weekly.insert(QLatin1String(DayNames[day]), ranges);
        }
        json.insert(QStringLiteral("hours"),
                    QJsonObject{{QStringLiteral("timezone"), hours->timezone},
                                {QStringLiteral("weekly"), weekly},
                                {QStringLiteral("closed"), actionToJson(hours->closed)}});
    }
    return json;
}

QJsonObject IvrConfig::defaultJson() {
    return QJsonObject{
        {QStringLiteral("greeting"),
         QJsonObject{
             {QStringLiteral("text"),
              IvrMenu::tr("Thank you for calling. Press 1 to leave a message. Press 2 to hear "
                          "the options again. Press 0 to end the call.")},
             {QStringLiteral("voice"), QStringLiteral("alice")},
             {QStringLiteral("language"), QStringLiteral("en-US")}}},
        {QStringLiteral("timeoutSeconds"), 5},
        {QStringLiteral("options"),
         QJsonObject{
             {QStringLiteral("1"),
              QJsonObject{{QStringLiteral("label"), IvrMenu::tr("Voicemail")},
                          {QStringLiteral("action"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("voicemail")},
                                       {QStringLiteral("prompt"),
                                        IvrMenu::tr("Please leave a message after the beep.")},
                                       {QStringLiteral("maxLength"), 120},
                                       {QStringLiteral("playBeep"), true}}}}},
             {QStringLiteral("2"),
              QJsonObject{
                  {QStringLiteral("label"), IvrMenu::tr("Repeat")},
                  {QStringLiteral("action"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("say")},
                               {QStringLiteral("text"), IvrMenu::tr("Here are the options again.")},
                               {QStringLiteral("then"), QStringLiteral("menu")}}}}},
             {QStringLiteral("0"),
              QJsonObject{{QStringLiteral("label"), IvrMenu::tr("Hang up")},
                          {QStringLiteral("action"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("hangup")},
                                       {QStringLiteral("text"), IvrMenu::tr("Goodbye.")}}}}}}},
        {QStringLiteral("noInput"),
         QJsonObject{{QStringLiteral("repeats"), 2},
                     {QStringLiteral("action"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("hangup")},
                                  {QStringLiteral("text"), IvrMenu::tr("Goodbye.")}}}}},
        {QStringLiteral("invalidInput"),
         QJsonObject{
             {QStringLiteral("text"), IvrMenu::tr("Sorry, that is not one of the options.")}}}};
}

const IvrMenu *IvrConfig::menuAt(const QString &node) const {
    const IvrMenu *menu = &root;
    QString rest = node;
    if (rest.startsWith(QLatin1Char('c'))) {
        if (!hours || hours->closed.type != IvrAction::Type::Submenu || !hours->closed.menu)
            return nullptr;
        menu = hours->closed.menu.get();
        rest.remove(0, 1);
    }
    for (const QChar digit : rest) {
        const IvrOption *o = menu->option(QString(digit));
        if (!o || o->action.type != IvrAction::Type::Submenu || !o->action.menu)
            return nullptr;
        menu = o->action.menu.get();
    }
    return menu;
}

} // namespace sb
