#include "NumberWiring.h"

#include "PublicReach.h"
#include "common/Logging.h"
#include "db/Store.h"

#include <QCoreApplication>
#include <QUuid>

namespace sb {

namespace {

WiringOutcome failure(int httpStatus, const QString &message) {
    WiringOutcome outcome;
    outcome.problem = message;
    outcome.httpStatus = httpStatus;
    return outcome;
}

WiringOutcome providerFailure(const TwilioError &error) {
    WiringOutcome outcome;
    outcome.error = error;
    return outcome;
}

} // namespace

NumberWiring::NumberWiring(Store *store, TwilioClient *twilio, QList<NumberHook> hooks,
                           QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_twilio(twilio)
    , m_hooks(std::move(hooks)) {}

void NumberWiring::findNumber(const QString &numberSid,
                              std::function<void(const WiringOutcome &)> then) {
    m_twilio->listIncomingNumbers(
        this, [numberSid, then](const TwilioResult<QList<TwilioIncomingNumber>> &numbers) {
            if (!numbers.ok())
                return then(providerFailure(numbers.error));
            for (const TwilioIncomingNumber &n : numbers.value) {
                if (n.sid == numberSid) {
                    WiringOutcome found;
                    found.number = n;
                    return then(found);
                }
            }
            then(failure(404, tr("The account has no phone number %1.").arg(numberSid)));
        });
}

void NumberWiring::wire(const QString &numberSid, const QString &publicBase, bool onlyWhileRunning,
                        Receiver receiver, Done done) {
    const QUrl url(publicBase);
    const QString problem =
        m_requirePublicUrl ? PublicReach::problem(url, quint16(url.port(0))) : QString();
    if (!problem.isEmpty()) {
        receiver.post([done, problem] { done(failure(409, problem)); });
        return;
    }
    findNumber(numberSid,
               [this, publicBase, onlyWhileRunning, receiver, done](const WiringOutcome &found) {
                   if (!found.ok())
                       return receiver.post([done, found] { done(found); });
                   applyWiring(found.number, publicBase, onlyWhileRunning, receiver, done);
               });
}

void NumberWiring::applyWiring(const TwilioIncomingNumber &number, const QString &publicBase,
                               bool onlyWhileRunning, Receiver receiver, Done done) {
    WiredNumber wiring;
    wiring.numberSid = number.sid;
    wiring.phoneNumber = number.phoneNumber;
    wiring.onlyWhileRunning = onlyWhileRunning;
    wiring.wiredAt = QDateTime::currentDateTimeUtc();
    wiring.runToken = runToken();
    FormFields settings;
    QString base = publicBase;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    for (const NumberHook &hook : std::as_const(m_hooks)) {
        wiring.previous.insert(hook.setting, number.setting(hook.setting));
        wiring.wiredTo.insert(hook.setting, base + hook.path);
        settings.append({hook.setting, base + hook.path});
    }
    // What the number had is committed before Twilio is asked to change it: a crash in
    // between leaves a record to restore from, never a lost setting.
    m_store->run<bool>(
        this,
        [wiring](StoreWorker &w, QString *error) { return WiredNumbers::save(w, wiring, error); },
        [this, number, settings, receiver, done](const StoreResult<bool> &saved) {
            if (!saved.ok()) {
                qCWarning(lcAccount).noquote() << "number wiring not saved:" << saved.error;
                return receiver.post([done] {
                    done(failure(500, tr("The console's database could not record the number's "
                                         "current settings, so nothing was changed.")));
                });
            }
            const bool created = saved.value;
            m_twilio->updateIncomingNumber(
                number.sid, settings, this,
                [this, sid = number.sid, created, receiver,
                 done](const TwilioResult<TwilioIncomingNumber> &updated) {
                    if (updated.ok()) {
                        qCInfo(lcAccount).noquote() << "wired" << sid << "to this console";
                        WiringOutcome outcome;
                        outcome.number = updated.value;
                        return receiver.post([done, outcome] { done(outcome); });
                    }
                    const WiringOutcome outcome = providerFailure(updated.error);
                    if (!created)
                        return receiver.post([done, outcome] { done(outcome); });
                    // Nothing changed at Twilio: forget the record made for it.
                    m_store->run<bool>(
                        this,
                        [sid](StoreWorker &w, QString *error) {
                            return WiredNumbers::remove(w, sid, error);
                        },
                        [receiver, done, outcome](const StoreResult<bool> &) {
                            receiver.post([done, outcome] { done(outcome); });
                        });
                });
        });
}

void NumberWiring::restore(const QString &numberSid, Receiver receiver, Done done) {
    m_store->run<std::optional<WiredNumber>>(
        this,
        [numberSid](StoreWorker &w, QString *error) {
            return WiredNumbers::find(w, numberSid, error);
        },
        [this, numberSid, receiver, done](const StoreResult<std::optional<WiredNumber>> &row) {
            if (!row.ok())
                return receiver.post([done] {
                    done(failure(500, tr("The console's database could not be read.")));
                });
            if (!row.value)
                return receiver.post([done, numberSid] {
                    done(failure(404, tr("This console has not wired %1, so there is nothing to "
                                         "restore.")
                                          .arg(numberSid)));
                });
            const WiredNumber wiring = *row.value;
            findNumber(numberSid, [this, wiring, receiver, done](const WiringOutcome &found) {
                if (!found.ok())
                    return receiver.post([done, found] { done(found); });
                // Only what still points at this console goes back: a setting someone changed
                // since is theirs now.
                FormFields settings;
                for (auto it = wiring.wiredTo.cbegin(); it != wiring.wiredTo.cend(); ++it) {
                    if (found.number.setting(it.key()) == it.value())
                        settings.append({it.key(), wiring.previous.value(it.key())});
                }
                auto forget = [this, wiring, receiver, done](const WiringOutcome &outcome) {
                    m_store->run<bool>(
                        this,
                        [sid = wiring.numberSid](StoreWorker &w, QString *error) {
                            return WiredNumbers::remove(w, sid, error);
                        },
                        [receiver, done, outcome](const StoreResult<bool> &removed) {
                            WiringOutcome result = outcome;
                            if (!removed.ok())
                                result = failure(500, tr("The settings were restored, but the "
                                                         "console's database could not be "
                                                         "updated."));
                            receiver.post([done, result] { done(result); });
                        });
                };
                if (settings.isEmpty())
                    return forget(found);
                m_twilio->updateIncomingNumber(
                    wiring.numberSid, settings, this,
                    [receiver, done, forget](const TwilioResult<TwilioIncomingNumber> &updated) {
                        if (!updated.ok()) {
                            const WiringOutcome outcome = providerFailure(updated.error);
                            return receiver.post([done, outcome] { done(outcome); });
                        }
                        qCInfo(lcAccount).noquote() << "restored" << updated.value.sid;
                        WiringOutcome outcome;
                        outcome.number = updated.value;
                        forget(outcome);
                    });
            });
        });
}

QString NumberWiring::runToken() {
    static const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return token;
}

void NumberWiring::restoreTemporary(
    Runs runs, Receiver receiver,
    std::function<void(int restored, const QStringList &errors)> done) {
    m_store->run<QList<WiredNumber>>(
        this, [](StoreWorker &w, QString *error) { return WiredNumbers::all(w, error); },
        [this, runs, receiver, done](const StoreResult<QList<WiredNumber>> &rows) {
            if (!rows.ok())
                return receiver.post(
                    [done] { done(0, {tr("The console's database could not be read.")}); });
            QList<WiredNumber> temporary;
            for (const WiredNumber &n : rows.value) {
                if (n.onlyWhileRunning && (runs == Runs::All || n.runToken != runToken()))
                    temporary.append(n);
            }
            restoreNext(temporary, 0, {}, receiver, done);
        });
}

void NumberWiring::restoreNext(QList<WiredNumber> pending, int restored, QStringList errors,
                               Receiver receiver,
                               std::function<void(int restored, const QStringList &errors)> done) {
    if (pending.isEmpty())
        return receiver.post([done, restored, errors] { done(restored, errors); });
    const WiredNumber next = pending.takeFirst();
    restore(next.numberSid, this,
            [this, pending, restored, errors, receiver, done,
             phone = next.phoneNumber](const WiringOutcome &outcome) mutable {
                if (outcome.ok())
                    ++restored;
                else
                    errors.append(phone + QStringLiteral(": ") + outcome.explanation());
                restoreNext(pending, restored, errors, receiver, done);
            });
}

} // namespace sb
