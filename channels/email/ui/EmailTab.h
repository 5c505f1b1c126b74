#pragma once

#include <QPointer>

#include "ChannelTab.h"
#include "ChannelUi.h"
#include "email/EmailStore.h"
#include "email/EmailSubmitter.h"

class QLabel;
class QLineEdit;
class QScrollArea;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace sb {

class EmailTemplatePicker;

class EmailComposeWidget;
class EmailFeed;
class EmailTableModel;
class EmailTimeline;

// The Email tab: the compose form (EmailComposeWidget) beside the sent emails (EmailTableModel
// through a filter box and a newest-first proxy, live from EmailFeed) and the selected email's
// timeline (EmailTimeline). Sending goes through EmailSubmitter, exactly as the local API's
// send-email: the do-not-send list, the store, the outbox. What became of a send is said under
// the form; a refused email keeps its draft.
class EmailTab : public ChannelTab {
    Q_OBJECT
public:
    explicit EmailTab(const ConsoleContext &context, QWidget *parent = nullptr);

    void newMessage() override;                             // the compose form's To
    void focusSearch() override;                            // the filter box
    void focusReply() override;                             // the emails table
    void openConversation(const QString &contact) override; // selects their latest email
    void saveState(QSettings *settings) const override;
    void restoreState(QSettings *settings) override;

    void selectEmail(const QString &emailId);
    // The selected email (an empty record when none).
    EmailRecord selectedEmail() const;

    EmailComposeWidget *compose() const { return m_compose; }
    EmailTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    // "3 of 100 emails today": the day's count against SENDGRID_DAILY_LIMIT.
    QLabel *usageLabel() const { return m_usage; }
    EmailTemplatePicker *templatePicker() const;
    EmailTimeline *timeline() const { return m_timeline; }

Q_SIGNALS:
    // A send finished, whatever its outcome (tests wait on this).
    void sendFinished(const sb::EmailSubmission &submission);

private:
    void send(const EmailDraft &draft);
    void updateUsage();
    void onSubmitted(const EmailDraft &draft, const EmailSubmission &s);
    void onEmailsChanged(const QList<EmailRecord> &emails);
    void showSelected();

    ConsoleContext m_context;
    EmailSubmitter m_submitter;
    EmailFeed *m_feed;
    EmailTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    EmailComposeWidget *m_compose;
    QScrollArea *m_composeScroll;
    QLineEdit *m_filter;
    QLabel *m_usage;
    QPointer<EmailTemplatePicker> m_picker; // the compose form owns it
    QTableView *m_table;
    EmailTimeline *m_timeline;
    QSplitter *m_splitter;     // compose | emails
    QSplitter *m_listSplitter; // table / timeline
    QString m_selectedId;
    QString m_sentId; // the last email sent from the form: selected once it is listed
};

} // namespace sb

Q_DECLARE_METATYPE(sb::EmailSubmission)
