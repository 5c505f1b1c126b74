#include "EmailTab.h"

#include "EmailComposeWidget.h"
#include "EmailTableModel.h"
#include "EmailTemplatePicker.h"
#include "EmailTimeline.h"
#include "common/Accessibility.h"
#include "common/LiveTable.h"
#include "common/SchemeColors.h"
#include "email/EmailChannel.h"
#include "email/EmailFeed.h"
#include "email/EmailStore.h"
#include "runtime/SwitchboardService.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace sb {

namespace {

QString key(const char *name) {
    return QStringLiteral("email/") + QLatin1String(name);
}

QString recipients(const EmailDraft &draft) {
    QStringList list;
    for (const EmailAddress &a : draft.to)
        list << a.email;
    return list.join(QStringLiteral(", "));
}

// The daily limit as configured, counted on the service's clock (which tests may set).
EmailQuota quotaOf(const ConsoleContext &context) {
    EmailQuota quota;
    if (context.service) {
        quota.dailyLimit = context.service->config().sendgridDailyLimit;
        if (context.service->clock())
            quota.clock = context.service->clock();
    }
    return quota;
}

} // namespace

EmailTab::EmailTab(const ConsoleContext &context, QWidget *parent)
    : ChannelTab(QString(EmailChannel::Id), parent)
    , m_context(context)
    , m_submitter(context.store, context.outbox, quotaOf(context))
    , m_feed(new EmailFeed(context.store, this))
    , m_model(new EmailTableModel(context.statuses, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_compose(new EmailComposeWidget(this))
    , m_composeScroll(new QScrollArea(this))
    , m_filter(new QLineEdit(this))
    , m_usage(new QLabel(this))
    , m_table(new QTableView(this))
    , m_timeline(new EmailTimeline(context.statuses, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_listSplitter(new QSplitter(Qt::Vertical, this)) {
    qRegisterMetaType<sb::EmailSubmission>();
    m_compose->setObjectName(QStringLiteral("emailCompose"));
    // On a small screen the form scrolls rather than squeezing the editor to nothing.
    m_composeScroll->setObjectName(QStringLiteral("emailComposeScroll"));
    m_composeScroll->setWidget(m_compose);
    m_composeScroll->setWidgetResizable(true);
    m_composeScroll->setFrameShape(QFrame::NoFrame);
    m_composeScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_composeScroll->setFocusPolicy(Qt::NoFocus);

    // The sent emails, newest first.
    LiveTable::setUp(m_table, m_proxy, m_model, EmailTableModel::SortRole, EmailTableModel::Time,
                     EmailTableModel::Status);
    m_filter->setObjectName(QStringLiteral("emailsFilter"));
    m_filter->setPlaceholderText(tr("Filter by address, subject or status"));
    Accessibility::enableClearButton(m_filter, tr("Clear the filter"));
    Accessibility::describe(m_filter, tr("Filter emails"));
    auto *filterLabel = new QLabel(tr("Filte&r:"), this);
    filterLabel->setBuddy(m_filter);
    m_table->setObjectName(QStringLiteral("emailsTable"));
    const QFontMetrics fm(font());
    m_table->setColumnWidth(EmailTableModel::Time,
                            fm.horizontalAdvance(QStringLiteral("2026-01-05 14:03")) + 12);
    m_table->setColumnWidth(EmailTableModel::To,
                            fm.horizontalAdvance(QStringLiteral("someone@example")) + 12);
    m_table->setColumnWidth(EmailTableModel::Status,
                            fm.horizontalAdvance(QStringLiteral("spamreport")) + 40);
    m_table->horizontalHeader()->setSectionResizeMode(EmailTableModel::Subject,
                                                      QHeaderView::Stretch);
    Accessibility::describe(m_table, tr("Sent emails"),
                            tr("Every email, newest first, with its live status; select one "
                               "for its timeline."));
    m_timeline->setObjectName(QStringLiteral("emailTimelinePane"));

    auto *listPane = new QWidget(m_listSplitter);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_usage);
    listLayout->addLayout(filterRow);
    // SendGrid has no events to ask for: delivered, opened and bounced come only by its Event
    // Webhook, which cannot reach a console in polling mode.
    if (context.service && context.service->receiveMode().polling()) {
        auto *notice = new QLabel(
            tr("Delivery events (delivered, opened, bounced) come from SendGrid's Event "
               "Webhook, which needs a public URL: emails show what SendGrid said when it "
               "accepted them. %1")
                .arg(context.service->receiveMode().reason),
            listPane);
        notice->setObjectName(QStringLiteral("emailEventsNotice"));
        notice->setWordWrap(true);
        notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
        SchemeColors::setTone(notice, Tone::Warning);
        listLayout->addWidget(notice);
    }
    listLayout->addWidget(m_table, 1);
    m_listSplitter->addWidget(listPane);
    m_listSplitter->addWidget(m_timeline);
    m_listSplitter->setStretchFactor(0, 3);
    m_listSplitter->setStretchFactor(1, 2);
    m_listSplitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_composeScroll);
    m_splitter->addWidget(m_listSplitter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    // The form needs less width than the list with its subjects.
    m_splitter->setSizes({fm.averageCharWidth() * 58, fm.averageCharWidth() * 76});
    m_table->horizontalHeader()->setMinimumSectionSize(fm.averageCharWidth() * 6);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter, 1);
    setTabOrder(m_compose->sendButton(), m_filter);
    setTabOrder(m_filter, m_table);
    setTabOrder(m_table, m_timeline->list());

    connect(m_compose, &EmailComposeWidget::sendRequested, this, &EmailTab::send);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selectedId = current.isValid() ? current.data(EmailTableModel::IdRole).toString()
                                                 : QString();
                showSelected();
            });
    connect(m_feed, &EmailFeed::emailsChanged, this, &EmailTab::onEmailsChanged);
    connect(m_feed, &EmailFeed::readFailed, this, [this](const QString &error) {
        m_compose->showResult(tr("The emails could not be read: %1").arg(error), true);
    });
    m_feed->loadRecent();

    m_usage->setObjectName(QStringLiteral("emailUsage"));
    m_usage->setToolTip(tr("Emails sent today (UTC) against the daily limit "
                           "(SENDGRID_DAILY_LIMIT; SendGrid's free plan allows 100)"));
    updateUsage();
    if (context.service && context.service->sendGridClient()) {
        m_picker = new EmailTemplatePicker(context.service->sendGridClient(), m_compose);
        m_picker->setObjectName(QStringLiteral("emailTemplatePicker"));
        m_compose->setTemplatePicker(m_picker, [picker = m_picker] {
            return EmailTemplateChoice{picker->templateId(), picker->dynamicTemplateData()};
        });
        connect(m_picker, &EmailTemplatePicker::changed, m_compose,
                &EmailComposeWidget::revalidate);
    }
    if (context.service)
        m_compose->setDefaultFrom(context.service->config().sendgridFromEmail,
                                  context.service->config().sendgridFromName);
}

EmailTemplatePicker *EmailTab::templatePicker() const {
    return m_picker.data();
}

void EmailTab::updateUsage() {
    if (!m_context.store)
        return;
    m_submitter.usage(this, [this](const StoreResult<EmailUsage> &read) {
        if (!read.ok())
            return m_usage->setText(tr("Today: unknown (%1)").arg(read.error));
        const EmailUsage &u = read.value;
        m_usage->setText(u.dailyLimit > 0
                             ? tr("%1 of %2 emails today").arg(u.sentToday).arg(u.dailyLimit)
                             : tr("%1 emails today").arg(u.sentToday));
        SchemeColors::setTone(
            m_usage, u.dailyLimit > 0 && u.sentToday >= u.dailyLimit ? Tone::Error : Tone::Faint);
    });
}

void EmailTab::send(const EmailDraft &draft) {
    if (!m_context.store || !m_context.outbox) {
        m_compose->showResult(tr("Nothing was sent: Switchboard is not connected yet."), true);
        return;
    }
    m_compose->setBusy(true);
    m_compose->showResult(tr("Sending to %1…").arg(recipients(draft)), false);
    m_submitter.submit(draft, this,
                       [this, draft](const EmailSubmission &s) { onSubmitted(draft, s); });
}

void EmailTab::onSubmitted(const EmailDraft &draft, const EmailSubmission &s) {
    using Outcome = EmailSubmission::Outcome;
    m_compose->setBusy(false);
    updateUsage();
    const QString to = recipients(draft);
    switch (s.outcome) {
    case Outcome::Suppressed: {
        QStringList reasons;
        for (const EmailSubmission::Refusal &r : s.refusals) {
            m_compose->showFieldError(r.field, r.reason);
            reasons << r.reason;
        }
        m_compose->showResult(tr("Nothing was sent: %1").arg(reasons.join(QLatin1Char(' '))), true);
        break;
    }
    case Outcome::NotStored:
    case Outcome::NoOutbox:
        m_compose->showResult(s.error, true);
        break;
    case Outcome::Refused:
        m_compose->showResult(
            tr("SendGrid refused the email; nothing was sent, your draft is kept. %1").arg(s.error),
            true);
        break;
    case Outcome::Unknown:
        // It may have gone: the draft stays so the agent can decide, after checking.
        m_compose->showResult(s.error, true);
        break;
    case Outcome::Replayed:
    case Outcome::KeyConflict:
        // The tab sends no Idempotency-Key: these come only from the local API.
        m_compose->showResult(s.error, true);
        break;
    case Outcome::OverDailyLimit:
        m_compose->showResult(
            EmailSubmitter::overLimitMessage(s.sentToday, s.dailyLimit, s.resetsAt), true);
        break;
    case Outcome::Queued:
        m_sentId = s.emailId;
        m_compose->clearDraft();
        m_compose->showResult(
            tr("Sent to %1: SendGrid accepted it; its status follows in the list.").arg(to), false);
        selectEmail(s.emailId);
        break;
    case Outcome::Pending:
        m_sentId = s.emailId;
        m_compose->clearDraft();
        m_compose->showResult(
            s.warning.isEmpty()
                ? tr("Stored for %1; it goes to SendGrid shortly.").arg(to)
                : tr("Stored for %1; it goes to SendGrid once it can: %2").arg(to, s.warning),
            false);
        selectEmail(s.emailId);
        break;
    }
    Q_EMIT sendFinished(s);
}

void EmailTab::onEmailsChanged(const QList<EmailRecord> &emails) {
    m_model->upsert(emails);
    for (const EmailRecord &email : emails) {
        if (!m_sentId.isEmpty() && email.emailId == m_sentId) {
            // The line under the form stays true about the last send.
            const StatusInfo info =
                m_context.statuses.info(QString(EmailChannel::Id), email.status);
            m_compose->showResult(tr("Email to %1: %2. %3")
                                      .arg(EmailTableModel::addresses(email), info.label,
                                           email.error.isEmpty() ? info.meaning : email.error),
                                  info.tone == StatusTone::Failure);
            if (m_selectedId.isEmpty())
                selectEmail(m_sentId);
        }
        if (email.emailId == m_selectedId)
            showSelected();
    }
}

EmailRecord EmailTab::selectedEmail() const {
    const int row = m_model->rowOf(m_selectedId);
    return row >= 0 && !m_selectedId.isEmpty() ? m_model->record(row) : EmailRecord{};
}

void EmailTab::selectEmail(const QString &emailId) {
    const int row = m_model->rowOf(emailId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void EmailTab::showSelected() {
    m_timeline->showEmail(selectedEmail());
}

void EmailTab::newMessage() {
    m_composeScroll->ensureWidgetVisible(m_compose->toEdit());
    m_compose->focusTo();
}

void EmailTab::focusSearch() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void EmailTab::focusReply() {
    m_table->setFocus(Qt::ShortcutFocusReason);
}

void EmailTab::openConversation(const QString &contact) {
    // The latest email to that address.
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const EmailRecord email =
            m_proxy->index(row, 0).data(EmailTableModel::RecordRole).value<EmailRecord>();
        for (const QJsonValue v : email.request.value(QLatin1String("to")).toArray()) {
            if (v.toObject()
                    .value(QLatin1String("email"))
                    .toString()
                    .compare(contact, Qt::CaseInsensitive) == 0) {
                selectEmail(email.emailId);
                return;
            }
        }
    }
}

void EmailTab::saveState(QSettings *settings) const {
    settings->setValue(key("columns"), m_table->horizontalHeader()->saveState());
    settings->setValue(key("splitter"), m_splitter->saveState());
    settings->setValue(key("listSplitter"), m_listSplitter->saveState());
    // The sender identity last used: a preference, like the SMS tab's From.
    settings->setValue(key("fromEmail"), m_compose->fromEdit()->text().trimmed());
    settings->setValue(key("fromName"), m_compose->fromNameEdit()->text().trimmed());
}

void EmailTab::restoreState(QSettings *settings) {
    const QByteArray columns = settings->value(key("columns")).toByteArray();
    if (!columns.isEmpty())
        m_table->horizontalHeader()->restoreState(columns);
    m_splitter->restoreState(settings->value(key("splitter")).toByteArray());
    m_listSplitter->restoreState(settings->value(key("listSplitter")).toByteArray());
    // The sender last used wins over the configured default (set in the constructor).
    const QString fromEmail = settings->value(key("fromEmail")).toString();
    if (!fromEmail.isEmpty()) {
        m_compose->fromEdit()->setText(fromEmail);
        m_compose->fromNameEdit()->setText(settings->value(key("fromName")).toString());
    }
}

} // namespace sb
