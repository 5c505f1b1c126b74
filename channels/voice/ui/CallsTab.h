#pragma once

#include "ChannelTab.h"
#include "ChannelUi.h"
#include "voice/CallPlacer.h"

#include <QStringList>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTabWidget;

namespace sb {

class CallFeed;
class CallTableModel;
class IvrEditor;
class RecordingsPanel;
struct RecordingRecord;

// The Calls tab: a dial form (the customer's number checked as SMS checks it, the caller ID,
// record, and click-to-call, which rings the agent's own phone first), the live calls table
// (CallTableModel through a sort/filter proxy, fed by CallFeed), the selected call's timeline,
// Hang up, and in sandbox mode a keypad that presses digits on the simulated call. Calls are
// placed and ended by CallPlacer, the same code as the local API's initiate-call. An incoming
// call is announced as a desktop notice. The selected call's recordings play in its
// RecordingsPanel. Its second page is the IVR editor (IvrEditor).
class CallsTab : public ChannelTab {
    Q_OBJECT
public:
    explicit CallsTab(const ConsoleContext &context, QWidget *parent = nullptr);

    void newMessage() override;                             // the dial form's number
    void focusSearch() override;                            // the calls filter
    void focusReply() override;                             // the calls table
    void openConversation(const QString &contact) override; // selects their latest call
    void composeTo(const QString &number, const QString &body) override; // fills, not dials
    void saveState(QSettings *settings) const override;
    void restoreState(QSettings *settings) override;
    void setAccountNumbers(const QList<TwilioIncomingNumber> &numbers) override;

    // Dials what the form holds (the Call button); false when the form refused it, with the
    // reason shown beside the field and under the form.
    bool dial();
    void hangUpSelected();
    void pressDigit(const QString &digit);
    // The selected call (an empty record when none).
    CallRecord selectedCall() const;
    void selectCall(const QString &sid);

    CallTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *toEdit() const { return m_to; }
    QLabel *toReason() const { return m_toReason; }
    QComboBox *callerIdBox() const { return m_callerId; }
    QCheckBox *recordBox() const { return m_record; }
    QCheckBox *clickToCallBox() const { return m_clickToCall; }
    QLabel *clickToCallReason() const { return m_clickToCallWhy; }
    QPushButton *callButton() const { return m_call; }
    QLabel *dialResult() const { return m_result; }
    // Shown in polling mode: calls need Twilio to reach this console.
    QLabel *publicUrlNotice() const { return m_publicUrlNotice; }
    QListWidget *timeline() const { return m_timeline; }
    QPushButton *hangUpButton() const { return m_hangUp; }
    QGroupBox *keypad() const { return m_keypad; }
    QLabel *keypadResult() const { return m_keypadResult; }
    // Where the recordings panel of the selected call goes (a placeholder label until then).
    RecordingsPanel *recordings() const { return m_recordings; }
    // The tab's pages: the calls, and the IVR editor.
    QTabWidget *pages() const { return m_pages; }
    IvrEditor *ivrEditor() const { return m_ivr; }

Q_SIGNALS:
    // A dial finished (placed or not), and a keypad press was answered (tests wait on these).
    void dialFinished(bool placed, const QString &callSid);
    void digitsAnswered(int httpStatus);

private:
    void validate();
    void onCallsChanged(const QList<CallRecord> &calls);
    void onCallArrived(const CallRecord &call);
    void onRecordingsArrived(const QList<RecordingRecord> &recordings);
    void showSelected();
    void setResult(const QString &text, bool problem);
    void setCallerIds(const QStringList &numbers);
    QString publicBase() const;

    ConsoleContext m_context;
    CallPlacer m_placer;
    CallFeed *m_feed;
    CallTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_to;
    QLabel *m_toReason;
    QComboBox *m_callerId;
    QCheckBox *m_record;
    QCheckBox *m_clickToCall;
    QLabel *m_clickToCallWhy;
    QPushButton *m_call;
    QLabel *m_result;
    QLabel *m_publicUrlNotice;
    QLineEdit *m_filter;
    QTableView *m_table;
    QSplitter *m_splitter;
    QSplitter *m_detailSplitter; // the call's timeline above, its recordings below
    QLabel *m_selectedTitle;
    QListWidget *m_timeline;
    QPushButton *m_hangUp;
    QGroupBox *m_keypad;
    QLabel *m_keypadResult;
    RecordingsPanel *m_recordings;
    QTabWidget *m_pages;
    IvrEditor *m_ivr;
    QString m_e164;
    QString m_toProblem;
    QString m_selectedSid;
    QStringList m_configured; // TWILIO_PHONE_NUMBER
    bool m_dialling = false;
};

} // namespace sb
