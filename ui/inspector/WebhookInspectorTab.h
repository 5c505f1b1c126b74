#pragma once

#include "inspector/WebhookLog.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace sb {

class SwitchboardService;
class WebhookFilterProxy;
class WebhookTableModel;

// The Webhooks tab: every request the webhook inspector captured, live, with filters (path,
// signature result, SID, time range), the selected one's detail (headers, raw body, the answer
// sent, and why its signature failed), and the actions: Replay (signature check skipped),
// Edit & replay, Replay shuffled for its SID, Diff with another webhook of its SID, Copy as
// curl. Actions call the inspector's own code (WebhookInspector on the server thread,
// WebhookApi's curl and diff), as the local API does; reads go to the store's thread.
class WebhookInspectorTab : public QWidget {
    Q_OBJECT
public:
    explicit WebhookInspectorTab(SwitchboardService *service, QWidget *parent = nullptr);

    WebhookTableModel *model() const { return m_model; }
    WebhookFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QTextBrowser *detail() const { return m_detail; }
    QLabel *statusLine() const { return m_status; }
    QLineEdit *pathFilter() const { return m_pathFilter; }
    QComboBox *resultFilter() const { return m_resultFilter; }
    QLineEdit *sidFilter() const { return m_sidFilter; }
    QComboBox *timeFilter() const { return m_timeFilter; }
    QAction *action(const QString &name) const; // replay, editReplay, shuffle, copyCurl
    QToolButton *diffButton() const { return m_diff; }
    // The webhook shown in the detail pane (none: nothing selected yet or still loading).
    std::optional<WebhookRecord> shown() const { return m_shown; }

    // Selects the webhook (when the filters show it) and shows its detail.
    bool select(qint64 id);
    // The actions on the shown webhook. Results go to the status line.
    void replay(const QVariantMap &edits = {});
    void editAndReplay();
    void replayShuffled();
    void diffWith(qint64 otherId);
    void copyAsCurl();

Q_SIGNALS:
    void detailShown(qint64 id);
    void replayed(qint64 replayId, int httpStatus);
    void shuffledReplayed(int count);
    void diffShown(qint64 from, qint64 to);
    void curlCopied(const QString &command);
    void actionFailed(const QString &message);

private:
    void buildFilters(QHBoxLayout *row);
    void applyTimeFilter();
    void onCurrentChanged();
    void showRecord(const WebhookRecord &record);
    void fillDiffMenu();
    void updateActions();
    void setStatus(const QString &text, bool failure = false);
    // Reads whole records (with bodies) on the store's thread; `then` runs here.
    void load(const QList<qint64> &ids,
              std::function<void(const QList<WebhookRecord> &, const QString &error)> then);

    SwitchboardService *m_service;
    WebhookTableModel *m_model;
    WebhookFilterProxy *m_proxy;
    QLineEdit *m_pathFilter;
    QComboBox *m_resultFilter;
    QLineEdit *m_sidFilter;
    QComboBox *m_timeFilter;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QPushButton *m_replay;
    QPushButton *m_editReplay;
    QPushButton *m_shuffle;
    QToolButton *m_diff;
    QPushButton *m_curl;
    QLabel *m_status;
    QList<QAction *> m_actions;
    std::optional<WebhookRecord> m_shown;
    qint64 m_wanted = 0; // the webhook whose detail is being read
};

} // namespace sb
