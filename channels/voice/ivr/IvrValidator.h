#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sb {

// One thing wrong with an IVR, and where: a dotted path into its JSON form
// ("options.2.action.number", "hours.weekly.mon.0").
struct IvrProblem {
    QString path;
    QString message;
};

// Checks an IVR's JSON form and reports every problem at once, each with its path: wrong
// types, unknown action types, keys that are not on a keypad, empty texts, invalid forward
// numbers (checked as the SMS send checks them, PhoneNumber), bad voices, languages, time
// zones and opening hours, and menus a caller cannot leave: a menu has a way out when one of
// its options ends the call (hang up, forward, voicemail, or say / SMS then hang up), leads to
// a sub-menu that has one, or when its no-input action ends the call. Without one, a caller
// who keeps pressing keys or stays silent goes round forever.
class IvrValidator {
    Q_DECLARE_TR_FUNCTIONS(IvrValidator)
public:
    static QList<IvrProblem> check(const QJsonObject &json);

    static constexpr int MaxDepth = 5; // sub-menus inside sub-menus
};

} // namespace sb
