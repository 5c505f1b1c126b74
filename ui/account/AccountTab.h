#pragma once

#include "account/WiredNumbers.h"
#include "providers/twilio/TwilioClient.h"
#include "providers/twilio/TwilioResources.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace sb {

class SwitchboardService;

// The account at a glance: name, SID, status, type (with what a trial cannot do), balance
// (on demand and every few minutes), and the phone numbers with their capabilities and
// current webhook URLs, and the Messaging Services with their numbers and webhook URLs.
// "Wire to this console" points a number at this console and
// "Restore" puts back what it had (NumberWiring). Everything is read asynchronously.
class AccountTab : public QWidget {
    Q_OBJECT
public:
    AccountTab(SwitchboardService *service, QWidget *parent = nullptr);
    void refresh();
    void refreshBalance();

    static constexpr int BalanceRefreshMs = 5 * 60 * 1000;

    // Whether a number is wired "only while Switchboard runs" (the window restores those
    // before it closes).
    bool hasTemporaryWirings() const;
    void restoreTemporaryWirings(std::function<void()> done);

Q_SIGNALS:
    void accountNameKnown(const QString &friendlyName);
    // Every number of the account with its capabilities: each channel's tab picks its own.
    void numbersKnown(const QList<sb::TwilioIncomingNumber> &numbers);
    // A wiring or restore finished (its outcome is on the tab): for tests and the status bar.
    void wiringFinished(bool ok, const QString &message);

private:
    void loadWirings();
    void showNumbers();
    void loadServices();
    void showServices(const TwilioResult<QList<TwilioMessagingService>> &services);
    void wireSelected();
    void restoreSelected();
    void updateActions();
    void showOutcome(bool ok, const QString &message);
    QString selectedSid() const;
    const WiredNumber *wiringOf(const QString &numberSid) const;

    SwitchboardService *m_service;
    QLabel *m_summary;
    QLabel *m_trial;
    QLabel *m_balance;
    QLabel *m_reach;
    QLabel *m_outcome;
    QTableWidget *m_numbers;
    QTableWidget *m_services;
    QLabel *m_servicesNote;
    QPushButton *m_wire;
    QPushButton *m_restore;
    QCheckBox *m_onlyWhileRunning;
    QTimer m_balanceTimer;
    QList<TwilioIncomingNumber> m_known;
    QList<WiredNumber> m_wired;
    bool m_busy = false;
};

} // namespace sb
