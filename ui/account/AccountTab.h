#pragma once

#include "providers/twilio/TwilioResources.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace sb {

class SwitchboardService;

// The account at a glance: mode, name and SID, balance, and the phone numbers with their
// capabilities and inbound webhook. Read asynchronously through TwilioClient.
class AccountTab : public QWidget {
    Q_OBJECT
public:
    AccountTab(SwitchboardService *service, QWidget *parent = nullptr);
    void refresh();

Q_SIGNALS:
    void accountNameKnown(const QString &friendlyName);
    // Every number of the account with its capabilities: each channel's tab picks its own.
    void numbersKnown(const QList<sb::TwilioIncomingNumber> &numbers);

private:
    SwitchboardService *m_service;
    QLabel *m_summary;
    QLabel *m_balance;
    QTableWidget *m_numbers;
};

} // namespace sb
