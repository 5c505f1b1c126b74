#include "WebhookInspectorTab.h"

#include "ReplayEditDialog.h"
#include "WebhookDetailText.h"
#include "WebhookFilterProxy.h"
#include "WebhookTableModel.h"
#include "common/Accessibility.h"
#include "common/Receiver.h"
#include "common/SchemeColors.h"
#include "db/Store.h"
#include "inspector/WebhookApi.h"
#include "inspector/WebhookInspector.h"
#include "runtime/SwitchboardService.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb {

WebhookInspectorTab::WebhookInspectorTab(SwitchboardService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new WebhookTableModel(service->store(), this))
    , m_proxy(new WebhookFilterProxy(this))
    , m_pathFilter(new QLineEdit(this))
    , m_resultFilter(new QComboBox(this))
    , m_sidFilter(new QLineEdit(this))
    , m_timeFilter(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_detail(new QTextBrowser(this))
    , m_replay(new QPushButton(tr("Re&play (skips signature check)"), this))
    , m_editReplay(new QPushButton(tr("&Edit && replay…"), this))
    , m_shuffle(new QPushButton(tr("Replay s&huffled for this SID"), this))
    , m_diff(new QToolButton(this))
    , m_curl(new QPushButton(tr("Copy as c&url"), this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("webhooksTab"));
    m_proxy->setSourceModel(m_model);
    m_proxy->sort(WebhookTableModel::Time, Qt::DescendingOrder);

    auto *filters = new QHBoxLayout;
    buildFilters(filters);

    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(WebhookTableModel::Time, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    // One line per webhook: as many as fit, at 1024x600 too.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WebhookTableModel::Path,
                                                      QHeaderView::Stretch);
    Accessibility::describe(m_table, tr("Captured webhooks"),
                            tr("Every request to /twilio/ and /sendgrid/, newest first."));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WebhookInspectorTab::onCurrentChanged);

    m_detail->setOpenLinks(false);
    // URLs and tokens have no spaces: they break anywhere rather than scroll sideways.
    m_detail->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_detail->setPlaceholderText(tr("Select a webhook to see its headers, body, the answer "
                                    "sent and, for a failed signature, why it failed."));
    Accessibility::describe(m_detail, tr("Webhook detail"));

    // The actions: keys while the focus is in this tab, the buttons for the mouse.
    const auto bind = [this](QPushButton *button, const QString &name, const QKeySequence &key,
                             const std::function<void()> &slot) {
        auto *action = new QAction(button->text(), this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        m_actions.append(action);
        connect(action, &QAction::triggered, this, [slot] { slot(); });
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        if (!key.isEmpty())
            button->setToolTip(tr("%1 (%2)").arg(button->text().remove(QLatin1Char('&')),
                                                 key.toString(QKeySequence::NativeText)));
        button->setAccessibleName(QString(button->text()).remove(QLatin1Char('&')));
    };
    bind(m_replay, QStringLiteral("replay"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
         [this] { replay(); });
    bind(m_editReplay, QStringLiteral("editReplay"), QKeySequence(Qt::CTRL | Qt::Key_E),
         [this] { editAndReplay(); });
    bind(m_shuffle, QStringLiteral("shuffle"), QKeySequence(), [this] { replayShuffled(); });
    bind(m_curl, QStringLiteral("copyCurl"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
         [this] { copyAsCurl(); });
    m_replay->setToolTip(m_replay->toolTip() + QLatin1Char('\n') +
                         tr("Feeds the stored request back through the console as if it had "
                            "just arrived, without checking its signature; it is recorded as a "
                            "replay."));

    m_diff->setText(tr("&Diff with…"));
    m_diff->setPopupMode(QToolButton::InstantPopup);
    m_diff->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_diff->setAccessibleName(tr("Diff with another webhook of this SID"));
    m_diff->setToolTip(tr("Compare the form fields with another webhook of the same SID"));
    auto *diffMenu = new QMenu(m_diff);
    m_diff->setMenu(diffMenu);
    connect(diffMenu, &QMenu::aboutToShow, this, &WebhookInspectorTab::fillDiffMenu);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_replay);
    actions->addWidget(m_editReplay);
    actions->addWidget(m_shuffle);
    actions->addWidget(m_diff);
    actions->addWidget(m_curl);
    actions->addStretch();

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Inspector status"));

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(actions);
    lowerLayout->addWidget(m_detail);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    setTabOrder(m_pathFilter, m_resultFilter);
    setTabOrder(m_resultFilter, m_sidFilter);
    setTabOrder(m_sidFilter, m_timeFilter);
    setTabOrder(m_timeFilter, m_table);
    setTabOrder(m_table, m_replay);
    setTabOrder(m_replay, m_editReplay);
    setTabOrder(m_editReplay, m_shuffle);
    setTabOrder(m_shuffle, m_diff);
    setTabOrder(m_diff, m_curl);
    setTabOrder(m_curl, m_detail);

    connect(m_model, &WebhookTableModel::loaded, this, [this] {
        applyTimeFilter(); // "the last hour" moves on
        // The newest selected when nothing was: the list opens on something to read.
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_model, &WebhookTableModel::loadFailed, this, [this](const QString &error) {
        setStatus(tr("The webhooks could not be read: %1").arg(error), true);
    });
    updateActions();
}

void WebhookInspectorTab::buildFilters(QHBoxLayout *row) {
    m_pathFilter->setPlaceholderText(tr("Path contains…"));
    Accessibility::enableClearButton(m_pathFilter, tr("Clear the path filter"));
    Accessibility::describe(m_pathFilter, tr("Path filter"));
    m_resultFilter->addItem(tr("Any signature"), QString());
    for (const char *result : {"valid", "invalid", "missing", "unchecked", "replay"})
        m_resultFilter->addItem(WebhookTableModel::resultText(QLatin1String(result)),
                                QLatin1String(result));
    Accessibility::describe(m_resultFilter, tr("Signature filter"));
    m_sidFilter->setPlaceholderText(tr("SID…"));
    Accessibility::enableClearButton(m_sidFilter, tr("Clear the SID filter"));
    Accessibility::describe(m_sidFilter, tr("SID filter"));
    m_timeFilter->addItem(tr("Any time"), 0);
    m_timeFilter->addItem(tr("Last 15 minutes"), 15);
    m_timeFilter->addItem(tr("Last hour"), 60);
    m_timeFilter->addItem(tr("Last 24 hours"), 24 * 60);
    m_timeFilter->addItem(tr("Last 7 days"), 7 * 24 * 60);
    Accessibility::describe(m_timeFilter, tr("Time range filter"));

    auto *pathLabel = new QLabel(tr("Pa&th:"), this);
    pathLabel->setBuddy(m_pathFilter);
    auto *resultLabel = new QLabel(tr("Signatu&re:"), this);
    resultLabel->setBuddy(m_resultFilter);
    auto *sidLabel = new QLabel(tr("S&ID:"), this);
    sidLabel->setBuddy(m_sidFilter);
    auto *timeLabel = new QLabel(tr("Ti&me:"), this);
    timeLabel->setBuddy(m_timeFilter);
    row->addWidget(pathLabel);
    row->addWidget(m_pathFilter, 2);
    row->addWidget(resultLabel);
    row->addWidget(m_resultFilter);
    row->addWidget(sidLabel);
    row->addWidget(m_sidFilter, 2);
    row->addWidget(timeLabel);
    row->addWidget(m_timeFilter);

    connect(m_pathFilter, &QLineEdit::textChanged, m_proxy, &WebhookFilterProxy::setPath);
    connect(m_sidFilter, &QLineEdit::textChanged, m_proxy, &WebhookFilterProxy::setSid);
    connect(m_resultFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setResult(m_resultFilter->currentData().toString()); });
    connect(m_timeFilter, &QComboBox::currentIndexChanged, this,
            &WebhookInspectorTab::applyTimeFilter);
}

void WebhookInspectorTab::applyTimeFilter() {
    const int minutes = m_timeFilter->currentData().toInt();
    const auto clock = m_service->clock();
    const QDateTime now = clock ? clock() : QDateTime::currentDateTimeUtc();
    m_proxy->setTimeRange(minutes > 0 ? now.addSecs(-60LL * minutes) : QDateTime(), QDateTime());
}

QAction *WebhookInspectorTab::action(const QString &name) const {
    for (QAction *action : m_actions) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

bool WebhookInspectorTab::select(qint64 id) {
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void WebhookInspectorTab::load(
    const QList<qint64> &ids,
    std::function<void(const QList<WebhookRecord> &, const QString &error)> then) {
    m_service->store()->run<QList<WebhookRecord>>(
        this,
        [ids](StoreWorker &w, QString *error) -> std::optional<QList<WebhookRecord>> {
            QList<WebhookRecord> found;
            for (qint64 id : ids) {
                const auto one = WebhookLog::byId(w, id, error);
                if (!one)
                    return std::nullopt;
                if (!*one) {
                    *error = QObject::tr("No webhook %1 is recorded.").arg(id);
                    return std::nullopt;
                }
                found.append(**one);
            }
            return found;
        },
        [then](const StoreResult<QList<WebhookRecord>> &result) {
            then(result.value, result.ok() ? QString() : result.error);
        });
}

void WebhookInspectorTab::onCurrentChanged() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(WebhookTableModel::IdRole).toLongLong();
    if (m_shown && m_shown->id == id)
        return;
    m_wanted = id;
    WebhookInspector *inspector = m_service->webhookInspector();
    if (!inspector)
        return setStatus(tr("The webhook inspector is not running."), true);
    // Read (and a failed signature explained) on the store's thread, as the API's detail is.
    inspector->findExplained(
        id, this, [this, id](const StoreResult<std::optional<WebhookRecord>> &result) {
            if (id != m_wanted)
                return; // another one was selected meanwhile
            if (!result.ok())
                return setStatus(tr("Webhook %1 could not be read: %2").arg(id).arg(result.error),
                                 true);
            if (!result.value)
                return setStatus(tr("No webhook %1 is recorded.").arg(id), true);
            showRecord(*result.value);
        });
}

void WebhookInspectorTab::showRecord(const WebhookRecord &record) {
    m_shown = record;
    m_detail->setHtml(WebhookDetailText::html(record));
    updateActions();
    Q_EMIT detailShown(record.id);
}

void WebhookInspectorTab::updateActions() {
    const bool any = m_shown.has_value();
    const bool sid = any && !m_shown->sid.isEmpty();
    for (QWidget *w : {static_cast<QWidget *>(m_replay), static_cast<QWidget *>(m_editReplay),
                       static_cast<QWidget *>(m_curl)})
        w->setEnabled(any);
    m_shuffle->setEnabled(sid);
    m_diff->setEnabled(sid);
    for (QAction *action : std::as_const(m_actions))
        action->setEnabled(action->objectName() == QLatin1String("shuffle") ? sid : any);
}

void WebhookInspectorTab::setStatus(const QString &text, bool failure) {
    m_status->setText(text);
    SchemeColors::setTone(m_status, failure ? Tone::Error : Tone::Normal);
    if (failure)
        Q_EMIT actionFailed(text);
}

void WebhookInspectorTab::replay(const QVariantMap &edits) {
    if (!m_shown)
        return;
    const qint64 id = m_shown->id;
    WebhookInspector *inspector = m_service->webhookInspector();
    if (!inspector)
        return setStatus(tr("The webhook inspector is not running."), true);
    setStatus(edits.isEmpty() ? tr("Replaying webhook %1 (signature check skipped)…").arg(id)
                              : tr("Replaying webhook %1 with your edits (signature check "
                                   "skipped)…")
                                    .arg(id));
    Receiver me(this);
    // The inspector lives on the server's thread: the replay starts there, its answer is
    // posted back here.
    QMetaObject::invokeMethod(inspector, [inspector, id, edits, me, this] {
        inspector->replay(id, edits, [me, this, id](const WebhookInspector::ReplayResult &r) {
            me.post([this, id, r] {
                if (!r.error.isEmpty())
                    return setStatus(tr("Webhook %1 was not replayed: %2").arg(id).arg(r.error),
                                     true);
                const QString answer = QString::fromUtf8(r.responseBody).simplified().left(200);
                if (r.status >= 400)
                    setStatus(tr("Webhook %1 replayed as %2; the console answered HTTP %3: %4")
                                  .arg(id)
                                  .arg(r.replayId)
                                  .arg(r.status)
                                  .arg(answer),
                              true);
                else
                    setStatus(tr("Webhook %1 replayed as %2 (signature check skipped); the "
                                 "console answered HTTP %3.")
                                  .arg(id)
                                  .arg(r.replayId)
                                  .arg(r.status));
                Q_EMIT replayed(r.replayId, r.status);
            });
        });
    });
}

void WebhookInspectorTab::editAndReplay() {
    if (!m_shown)
        return;
    const FormFields form = m_shown->form();
    if (form.isEmpty() && !m_shown->body.isEmpty())
        return setStatus(tr("Webhook %1 is not a form post: only form fields can be edited. "
                            "Replay it as it is, or copy it as curl and edit that.")
                             .arg(m_shown->id),
                         true);
    auto *dialog = new ReplayEditDialog(m_shown->id, form, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("replayEditDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog] { replay(dialog->edits()); });
    dialog->open();
}

void WebhookInspectorTab::replayShuffled() {
    if (!m_shown || m_shown->sid.isEmpty())
        return;
    const QString sid = m_shown->sid;
    WebhookInspector *inspector = m_service->webhookInspector();
    if (!inspector)
        return setStatus(tr("The webhook inspector is not running."), true);
    setStatus(tr("Replaying the status callbacks of %1 in a shuffled order…").arg(sid));
    Receiver me(this);
    QMetaObject::invokeMethod(inspector, [inspector, sid, me, this] {
        inspector->replayShuffled(sid, [me, this,
                                        sid](const QList<WebhookInspector::ShuffledStep> &steps,
                                             const QString &error) {
            me.post([this, sid, steps, error] {
                if (!error.isEmpty())
                    return setStatus(
                        tr("The status callbacks of %1 were not replayed: %2").arg(sid, error),
                        true);
                if (steps.isEmpty())
                    return setStatus(tr("%1 has no accepted status callback to replay.").arg(sid),
                                     true);
                QStringList order;
                for (const WebhookInspector::ShuffledStep &step : steps)
                    order << tr("%1 (HTTP %2)").arg(step.id).arg(step.status);
                setStatus(tr("Replayed %n status callback(s) of %1 in this order: %2.", "",
                             int(steps.size()))
                              .arg(sid, order.join(QLatin1String(", "))));
                Q_EMIT shuffledReplayed(int(steps.size()));
            });
        });
    });
}

void WebhookInspectorTab::fillDiffMenu() {
    QMenu *menu = m_diff->menu();
    menu->clear();
    if (!m_shown || m_shown->sid.isEmpty())
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const WebhookRecord &r = m_model->record(row);
        if (r.sid != m_shown->sid || r.id == m_shown->id)
            continue;
        const QString text =
            tr("%1 · %2 · %3")
                .arg(m_model->index(row, WebhookTableModel::Time).data().toString(), r.target,
                     WebhookTableModel::resultText(r.signature));
        QAction *item = menu->addAction(text);
        connect(item, &QAction::triggered, this, [this, id = r.id] { diffWith(id); });
    }
    if (menu->isEmpty())
        menu->addAction(tr("No other webhook of this SID"))->setEnabled(false);
}

void WebhookInspectorTab::diffWith(qint64 otherId) {
    if (!m_shown)
        return;
    const qint64 id = m_shown->id;
    load({id, otherId}, [this, id, otherId](const QList<WebhookRecord> &found,
                                            const QString &error) {
        if (!error.isEmpty())
            return setStatus(
                tr("Webhooks %1 and %2 could not be compared: %3").arg(id).arg(otherId).arg(error),
                true);
        const WebhookRecord &a = found.at(0);
        const WebhookRecord &b = found.at(1);
        if (a.sid.isEmpty() || a.sid != b.sid)
            return setStatus(tr("Only two webhooks of the same SID can be compared (%1 and %2).")
                                 .arg(a.sid.isEmpty() ? tr("no SID") : a.sid,
                                      b.sid.isEmpty() ? tr("no SID") : b.sid),
                             true);
        m_detail->setHtml(WebhookDetailText::diffHtml(a, b, WebhookApi::diff(a, b)));
        setStatus(tr("The differences from webhook %1 to %2; select a webhook to see its detail "
                     "again.")
                      .arg(id)
                      .arg(otherId));
        Q_EMIT diffShown(id, otherId);
    });
}

void WebhookInspectorTab::copyAsCurl() {
    if (!m_shown)
        return;
    WebhookInspector *inspector = m_service->webhookInspector();
    if (!inspector)
        return setStatus(tr("The webhook inspector is not running."), true);
    Receiver me(this);
    // The public URL is known on the server's thread: the command is made there.
    QMetaObject::invokeMethod(inspector, [inspector, record = *m_shown, me, this] {
        const QString command = WebhookApi::curl(record, inspector->publicBase());
        me.post([this, command, id = record.id] {
            QGuiApplication::clipboard()->setText(command);
            setStatus(tr("Webhook %1 copied as a curl command (no credentials in it).").arg(id));
            Q_EMIT curlCopied(command);
        });
    });
}

} // namespace sb
