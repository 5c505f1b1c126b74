#pragma once

#include "common/ChannelStatuses.h"
#include "inbox/ContactSummary.h"
#include "inbox/ThreadItem.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSettings;
class QSplitter;
class QTimer;
class QToolButton;

namespace sb {

class AssignmentBar;
class PresenceTracker;
class ContactListModel;
class Inbox;
class ReplyRoute;
class SendFeedback;
class AttachmentTray;
class MediaShares;
class Store;
class ThreadView;
struct SearchHit;

// What the Inbox tab is built on, each time the service starts.
struct InboxContext {
    Inbox *inbox = nullptr; // the engine (GUI thread; its work runs on the store's thread)
    Store *store = nullptr; // for the reply's feedback, which follows the sent message
    ChannelStatuses statuses;
    QList<ReplyRoute *> routes; // the channels the reply box can send on, in picker order
    QSettings *settings = nullptr;
    MediaShares *shares = nullptr; // where the reply's attachments are served from
    QString agent; // who works at this console (Config::agentName): assignment, notes' author
};

// The Inbox: every contact (left: newest conversation first, unread in bold with a badge,
// channel letters, opted-out mark) and the selected contact's whole history across channels as
// one thread (right), with a header (name, editable with F2 or the pencil; number; channels;
// opt-out state; the WhatsApp window) and a reply box that picks the channel (defaulting to
// the one the contact last wrote on) and applies that channel's checks (ReplyRoute). Ctrl+Shift+N
// turns the box into an internal note, saved with Inbox::addNote and never sent.
//
// The search box searches every message as the agent types (150 ms after the last key, on the
// store's thread; a slower answer to an older text is dropped): the list shows the hits with
// the matched words in bold, and opening one opens its thread scrolled to it, tinted for a
// moment. Opening a thread marks it read. Inbox::contactsChanged keeps both sides live without
// a reset: the list moves rows in place and the thread keeps the agent's place.
class InboxTab : public QWidget {
    Q_OBJECT
public:
    explicit InboxTab(const InboxContext &context, QWidget *parent = nullptr);

    void focusSearch();
    void focusReply();
    // Opens a contact's thread (and marks it read); `hit` names an item to scroll to.
    void openContact(qint64 contactId, const QString &hitChannel = {}, qint64 hitRowId = 0);
    // The agent read this address's conversation in a channel's tab: its contact is read here
    // too (the inbox counts per contact). Does not announce conversationRead back.
    void markAddressRead(const QString &address);
    // Every contact's unread items together.
    int unreadCount() const { return m_unreadTotal; }
    qint64 openContactId() const { return m_contact ? m_contact->id : 0; }
    std::optional<ContactSummary> openContactSummary() const { return m_contact; }

    QLineEdit *searchEdit() const { return m_search; }
    QListView *list() const { return m_list; }
    ContactListModel *model() const { return m_model; }
    ThreadView *thread() const { return m_thread; }
    QLabel *nameLabel() const { return m_name; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QToolButton *renameButton() const { return m_rename; }
    QLabel *detailsLabel() const { return m_details; }
    QLabel *windowLabel() const { return m_window; }
    QComboBox *channelPicker() const { return m_channel; }
    QComboBox *scopePicker() const { return m_scope; }
    AssignmentBar *assignment() const { return m_assignment; }
    QLabel *presenceLabel() const { return m_presenceLabel; }
    PresenceTracker *presence() const { return m_presence; }
    // Which conversations the list shows (the scope picker's entries, in order).
    enum class Scope { Everyone, Mine, Unassigned };
    void setScope(Scope scope);
    Scope scope() const;
    QLineEdit *replyEdit() const { return m_reply; }
    QPushButton *sendButton() const { return m_send; }
    QToolButton *noteButton() const { return m_note; }
    AttachmentTray *attachments() const { return m_attachments; }
    QPushButton *sendLaterButton() const { return m_sendLater; }
    QLabel *counterLabel() const { return m_counter; }
    SendFeedback *feedback() const { return m_feedback; }
    bool noteMode() const { return m_noteMode; }
    void setNoteMode(bool on);
    void startRename();
    QToolButton *exportButton() const { return m_export; }
    // Writes the open contact's whole thread (every channel, notes included) to `path`, CSV or
    // PDF by its suffix, off the GUI thread; the outcome shows in the feedback line and
    // threadExported() says it.
    void exportThreadTo(const QString &path);

Q_SIGNALS:
    void unreadCountChanged(int total);
    // The list (contacts or hits) and the open thread have their answers.
    void contactsLoaded();
    void searchFinished(const QString &text, int hits);
    void threadLoaded(qint64 contactId);
    // The agent read the contact's thread here: the addresses their inbound items came from
    // ("+1555…", "whatsapp:+1555…"), so the channels' tabs can count them read too.
    void conversationRead(const QStringList &addresses);
    // An export finished: `error` is empty when the file was written.
    void threadExported(const QString &path, const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void loadContacts();
    void loadMoreContacts();
    void runSearch();
    void onContactsChanged(const QList<qint64> &ids);
    void openIndex(const QModelIndex &index);
    void loadThread(qint64 contactId, int limit);
    void loadOlder();
    void mergeItems(const Thread &items, bool older);
    void markRead();
    void announceRead();
    // The unread total and the scope picker's counts per assignee, in one store read.
    void refreshUnreadTotal();
    // The colleagues in each listed conversation (the rows' "Ben replying").
    void refreshListPresence();
    void updateScopeCounts(const QList<AgentWorkload> &load);
    // "No conversations yet." (or the scope's words) when the list is empty, else nothing.
    void showListState();
    // Whether a contact belongs in the list under the current scope.
    bool inScope(const ContactSummary &contact) const;
    std::optional<QString> scopeAssignee() const;
    // The reply box holds an answer to the customer (not a note): this desk is "replying".
    bool draftingReply() const;
    void assign(qint64 contactId, const QString &agent, const QString &expected);
    void updateHeader();
    void updateReplyState();
    void pickDefaultChannel();
    // Sends the reply now, or at `sendAt` when valid.
    void send(const QDateTime &sendAt = {});
    void sendLater();
    void saveNote();
    void finishRename(bool save);
    void exportThread();
    ReplyRoute *currentRoute() const;
    QString authorName() const;

    InboxContext m_context;
    ContactListModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_scope;
    AssignmentBar *m_assignment;
    QLabel *m_presenceLabel;
    PresenceTracker *m_presence;
    QListView *m_list;
    QLabel *m_listState;
    QLabel *m_name;
    QLineEdit *m_nameEdit;
    QToolButton *m_rename;
    QToolButton *m_export;
    QLabel *m_details;
    QLabel *m_window;
    ThreadView *m_thread;
    QComboBox *m_channel;
    QLineEdit *m_reply;
    QToolButton *m_note;
    QPushButton *m_send;
    QPushButton *m_sendLater;
    AttachmentTray *m_attachments;
    QLabel *m_counter;
    SendFeedback *m_feedback;
    QSplitter *m_splitter;
    QTimer *m_searchDelay;
    QTimer *m_windowTick;
    QTimer *m_presenceTick; // the list's presence, read again while shown

    std::optional<ContactSummary> m_contact;
    QString m_pendingHitKey; // an item to scroll to once it is loaded
    QString m_pendingHitChannel;
    qint64 m_pendingHitRowId = 0;
    bool m_hasOlder = false; // the open thread has items before the loaded ones
    bool m_loadingOlder = false;
    bool m_loadingContacts = false;
    bool m_moreContacts = false;
    bool m_noteMode = false;
    bool m_busy = false;
    bool m_channelChosen = false; // the agent picked the channel for this contact
    QString m_limitsChannel;      // the channel whose media limits the tray checks
    quint64 m_searchSeq = 0;
    quint64 m_listSeq = 0; // bumped by a scope change: older pages' answers are dropped
    quint64 m_threadSeq = 0;
    int m_unreadTotal = 0;
    // One unread-total read at a time (it sums every contact): a change meanwhile asks again
    // once it is answered, so a burst of webhooks costs two reads, not one each.
    bool m_unreadTotalInFlight = false;
    bool m_unreadTotalDirty = false;
    bool m_listPresenceInFlight = false;
    bool m_listPresenceDirty = false;
    static constexpr int ThreadPage = 100;
    static constexpr int ContactPage = 200;
};

} // namespace sb
