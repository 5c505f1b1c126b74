#include "CallsTab.h"

#include "CallTableModel.h"
#include "IvrEditor.h"
#include "RecordingsPanel.h"
#include "common/Accessibility.h"
#include "common/LiveTable.h"
#include "common/RecipientNumber.h"
#include "common/SchemeColors.h"
#include "common/TimeFormat.h"
#include "providers/twilio/TwilioResources.h"
#include "runtime/SwitchboardService.h"
#include "voice/CallFeed.h"
#include "voice/CallStatuses.h"
#include "voice/RecordingFeed.h"
#include "voice/VoiceApi.h"
#include "voice/VoiceChannel.h"
#include "voice/VoiceRoutes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sb {

namespace {

QString key(const char *name) {
    return QStringLiteral("voice/") + QLatin1String(name);
}

} // namespace

CallsTab::CallsTab(const ConsoleContext &context, QWidget *parent)
    : ChannelTab(QString(VoiceChannel::Id), parent)
    , m_context(context)
    , m_placer(context.store, context.service ? context.service->twilioClient() : nullptr,
               context.service ? context.service->clock() : CallPlacer::Clock{})
    , m_feed(new CallFeed(context.store, this))
    , m_model(new CallTableModel(
          context.statuses, QString(VoiceChannel::Id),
          context.service ? context.service->clock() : CallTableModel::Clock{}, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_to(new QLineEdit(this))
    , m_toReason(new QLabel(this))
    , m_callerId(new QComboBox(this))
    , m_record(new QCheckBox(tr("&Record the call"), this))
    , m_clickToCall(new QCheckBox(tr("Ring &my phone first (click-to-call)"), this))
    , m_clickToCallWhy(new QLabel(this))
    , m_call(new QPushButton(tr("&Call"), this))
    , m_result(new QLabel(this))
    , m_publicUrlNotice(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_detailSplitter(new QSplitter(Qt::Vertical, this))
    , m_selectedTitle(new QLabel(this))
    , m_timeline(new QListWidget(this))
    , m_hangUp(new QPushButton(tr("Hang &up"), this))
    , m_keypad(new QGroupBox(tr("Sandbox keypad"), this))
    , m_keypadResult(new QLabel(this)) {
    if (context.service) // calls name who placed them
        m_placer.setAgent(context.service->config().agentName);
    const Config config = context.service ? context.service->config() : Config{};
    if (!config.phoneNumber.isEmpty())
        m_configured << config.phoneNumber;

    // The dial form.
    m_to->setObjectName(QStringLiteral("dialTo"));
    m_to->setPlaceholderText(tr("+1 415 555 0100"));
    Accessibility::enableClearButton(m_to, tr("Clear the number"));
    Accessibility::describe(m_to, tr("Customer's number to call"),
                            tr("National numbers are read in the caller ID's country."));
    m_toReason->setObjectName(QStringLiteral("dialToReason"));
    m_toReason->setWordWrap(true);
    m_toReason->hide();
    m_callerId->setObjectName(QStringLiteral("dialCallerId"));
    Accessibility::describe(m_callerId, tr("Caller ID"),
                            tr("The number the customer sees calling them."));
    m_record->setObjectName(QStringLiteral("dialRecord"));
    m_clickToCall->setObjectName(QStringLiteral("dialClickToCall"));
    m_clickToCallWhy->setObjectName(QStringLiteral("dialClickToCallReason"));
    m_clickToCallWhy->setWordWrap(true);
    SchemeColors::setTone(m_clickToCallWhy, Tone::Faint);
    if (config.agentPhone.isEmpty()) {
        m_clickToCall->setEnabled(false);
        m_clickToCallWhy->setText(tr("Click-to-call needs your own phone: set it in File ▸ "
                                     "Settings (SWITCHBOARD_AGENT_PHONE)."));
    } else {
        m_clickToCallWhy->setText(
            tr("Rings %1 first, then connects you to the customer.").arg(config.agentPhone));
    }
    m_clickToCall->setToolTip(m_clickToCallWhy->text());
    m_call->setObjectName(QStringLiteral("dialCall"));
    m_call->setDefault(true);
    Accessibility::describe(m_call, tr("Call the customer"));
    m_result->setObjectName(QStringLiteral("dialResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    // Twilio fetches a call's instructions (TwiML) from this console and posts its progress
    // there: a console Twilio cannot reach (polling mode) cannot run calls or the IVR.
    m_publicUrlNotice->setObjectName(QStringLiteral("publicUrlNotice"));
    m_publicUrlNotice->setWordWrap(true);
    m_publicUrlNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    SchemeColors::setTone(m_publicUrlNotice, Tone::Warning);
    if (context.service && context.service->receiveMode().polling())
        m_publicUrlNotice->setText(
            tr("Calls and the IVR need a public URL: Twilio asks this console what to do "
               "on a call, and it cannot reach it now. %1")
                .arg(context.service->receiveMode().reason));
    m_publicUrlNotice->setVisible(!m_publicUrlNotice->text().isEmpty());

    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto *callerIdLabel = new QLabel(tr("Caller &ID:"), this);
    callerIdLabel->setBuddy(m_callerId);
    auto *form = new QGridLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addWidget(toLabel, 0, 0);
    form->addWidget(m_to, 0, 1);
    form->addWidget(callerIdLabel, 0, 2);
    form->addWidget(m_callerId, 0, 3);
    form->addWidget(m_call, 0, 4);
    form->addWidget(m_toReason, 1, 1, 1, 4);
    auto *options = new QHBoxLayout;
    options->addWidget(m_record);
    options->addWidget(m_clickToCall);
    options->addWidget(m_clickToCallWhy, 1);
    form->addLayout(options, 2, 1, 1, 4);
    form->addWidget(m_result, 3, 1, 1, 4);
    form->addWidget(m_publicUrlNotice, 4, 0, 1, 5);
    form->setColumnStretch(1, 3);
    form->setColumnStretch(3, 2);

    // The calls, newest first.
    LiveTable::setUp(m_table, m_proxy, m_model, CallTableModel::SortRole, CallTableModel::Time,
                     CallTableModel::Status);
    m_filter->setObjectName(QStringLiteral("callsFilter"));
    m_filter->setPlaceholderText(tr("Filter by number or status"));
    Accessibility::enableClearButton(m_filter, tr("Clear the filter"));
    Accessibility::describe(m_filter, tr("Filter calls"));
    auto *filterLabel = new QLabel(tr("&Search:"), this);
    filterLabel->setBuddy(m_filter);
    m_table->setObjectName(QStringLiteral("callsTable"));
    const QFontMetrics fm(font());
    m_table->setColumnWidth(CallTableModel::Time,
                            fm.horizontalAdvance(QStringLiteral("2026-01-05 14:03")) + 16);
    m_table->setColumnWidth(CallTableModel::Direction, fm.horizontalAdvance(tr("Outgoing")) + 20);
    m_table->setColumnWidth(CallTableModel::From,
                            fm.horizontalAdvance(QStringLiteral("+441234567890")) + 16);
    m_table->setColumnWidth(CallTableModel::To,
                            fm.horizontalAdvance(QStringLiteral("+441234567890")) + 16);
    m_table->setColumnWidth(CallTableModel::Status,
                            fm.horizontalAdvance(QStringLiteral("in progress")) + 40);
    m_table->setColumnWidth(CallTableModel::Duration,
                            fm.horizontalAdvance(QStringLiteral("00:00:00")) + 12);
    m_table->horizontalHeader()->setSectionResizeMode(CallTableModel::Recording,
                                                      QHeaderView::Stretch);
    Accessibility::describe(m_table, tr("Calls"),
                            tr("Every call, newest first; select one for its timeline."));
    auto *listPane = new QWidget(m_splitter);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_table, 1);

    // The selected call: its timeline with the sandbox's keypad beside it and Hang up; below,
    // past a splitter the agent can move, its recordings. Side by side rather than stacked, so
    // a 1024x600 screen still shows a timeline of about ten lines.
    auto *detail = m_detailSplitter;
    detail->setObjectName(QStringLiteral("callDetail"));
    auto *callPane = new QWidget(detail);
    auto *detailLayout = new QVBoxLayout(callPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_selectedTitle->setObjectName(QStringLiteral("callTitle"));
    m_selectedTitle->setWordWrap(true);
    m_selectedTitle->setText(tr("Select a call to see its timeline."));
    m_timeline->setObjectName(QStringLiteral("callTimeline"));
    Accessibility::describe(m_timeline, tr("Call timeline"),
                            tr("Each status the selected call reached, with its time."));
    const int line = fm.lineSpacing();
    m_timeline->setMinimumHeight(3 * line + 8);
    // Wide enough for "14:03:12  in progress" beside the keypad, without a scroll bar.
    m_timeline->setMinimumWidth(
        fm.horizontalAdvance(QStringLiteral("00:00:00  ") +
                             CallStatuses::instance().info(QStringLiteral("in-progress")).label) +
        style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 16);
    m_hangUp->setObjectName(QStringLiteral("hangUp"));
    Accessibility::describe(m_hangUp, tr("Hang up the selected call"));
    m_hangUp->setEnabled(false);
    m_keypad->setObjectName(QStringLiteral("sandboxKeypad"));
    auto *keys = new QGridLayout(m_keypad);
    keys->setContentsMargins(4, 4, 4, 4);
    keys->setSpacing(2);
    const QStringList digits{"1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"};
    for (int i = 0; i < digits.size(); ++i) {
        auto *key = new QPushButton(digits.at(i), m_keypad);
        key->setObjectName(QStringLiteral("keypad") + digits.at(i));
        key->setAutoDefault(false);
        Accessibility::describe(key, tr("Press %1 on the simulated call").arg(digits.at(i)));
        // A key's own size, not a push button's usual width: the timeline beside takes the rest.
        key->setFixedWidth(fm.horizontalAdvance(QStringLiteral("WW")) + 12);
        connect(key, &QPushButton::clicked, this, [this, d = digits.at(i)] { pressDigit(d); });
        keys->addWidget(key, i / 3, i % 3);
    }
    keys->setRowStretch(4, 1); // the keys stay together at the top when the row is taller
    m_keypadResult->setObjectName(QStringLiteral("keypadResult"));
    m_keypadResult->setWordWrap(true);
    m_keypad->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    m_keypad->setVisible(context.service && context.service->isSandbox());
    m_keypad->setEnabled(false);
    m_keypad->setToolTip(tr("Presses keys on the selected simulated call while it is in "
                            "progress, as the caller would on their phone."));
    m_recordings = new RecordingsPanel(context.store, detail);
    m_recordings->setObjectName(QStringLiteral("recordingsPanel"));
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_hangUp, 0, Qt::AlignTop);
    controls->addWidget(m_keypadResult, 1); // what the keypad did, with the width to say it
    auto *timelineRow = new QHBoxLayout;
    timelineRow->addWidget(m_timeline, 1);
    timelineRow->addWidget(m_keypad);
    detailLayout->addWidget(m_selectedTitle);
    detailLayout->addLayout(timelineRow, 1);
    detailLayout->addLayout(controls);
    detail->addWidget(callPane);
    detail->addWidget(m_recordings);
    detail->setStretchFactor(0, 1);
    detail->setStretchFactor(1, 0);
    detail->setChildrenCollapsible(false);
    // The call's part about two thirds, the recordings the rest (the agent may move it).
    detail->setSizes({line * 17, line * 8});
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    // The timeline beside the keypad needs some width; the table takes the rest.
    m_splitter->setSizes({fm.averageCharWidth() * 100, fm.averageCharWidth() * 44});
    m_splitter->setChildrenCollapsible(false);

    auto *callsPage = new QWidget(this);
    auto *callsLayout = new QVBoxLayout(callsPage);
    callsLayout->setContentsMargins(0, 0, 0, 0);
    callsLayout->addLayout(form);
    callsLayout->addWidget(m_splitter, 1);
    // The IVR is what incoming calls (and calls placed without a URL) run: edited here too.
    m_ivr = new IvrEditor(context, this);
    m_ivr->setObjectName(QStringLiteral("ivrEditor"));
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("callsPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(callsPage, tr("Calls"));
    m_pages->addTab(m_ivr, tr("IVR e&ditor"));
    Accessibility::describe(m_pages, tr("Calls or IVR editor"));
    // Ctrl+Tab is the window's (the channels); these move between the pages, as in browsers.
    for (const auto &[keys, step] : {std::pair{QKeySequence(Qt::CTRL | Qt::Key_PageDown), 1},
                                     std::pair{QKeySequence(Qt::CTRL | Qt::Key_PageUp), -1}}) {
        auto *shortcut = new QShortcut(keys, m_pages);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, step = step] {
            m_pages->setCurrentIndex((m_pages->currentIndex() + step + m_pages->count()) %
                                     m_pages->count());
        });
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    setTabOrder(m_to, m_callerId);
    setTabOrder(m_callerId, m_call);
    setTabOrder(m_call, m_record);
    setTabOrder(m_record, m_clickToCall);
    setTabOrder(m_clickToCall, m_filter);
    setTabOrder(m_filter, m_table);
    setTabOrder(m_table, m_timeline);
    setTabOrder(m_timeline, m_hangUp);

    setCallerIds({});
    connect(m_to, &QLineEdit::textChanged, this, &CallsTab::validate);
    connect(m_to, &QLineEdit::returnPressed, this, &CallsTab::dial);
    connect(m_callerId, &QComboBox::currentTextChanged, this, &CallsTab::validate);
    connect(m_call, &QPushButton::clicked, this, &CallsTab::dial);
    connect(m_hangUp, &QPushButton::clicked, this, &CallsTab::hangUpSelected);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selectedSid = current.isValid() ? current.data(CallTableModel::SidRole).toString()
                                                  : QString();
                showSelected();
            });
    connect(m_feed, &CallFeed::callsChanged, this, &CallsTab::onCallsChanged);
    connect(m_feed, &CallFeed::callArrived, this, &CallsTab::onCallArrived);
    connect(RecordingFeed::of(context.store), &RecordingFeed::recordingsArrived, this,
            &CallsTab::onRecordingsArrived);
    connect(m_feed, &CallFeed::readFailed, this, [this](const QString &error) {
        setResult(tr("The calls could not be read: %1").arg(error), true);
    });
    m_model->setFeed(m_feed); // the newest calls; older ones as the table is scrolled down
    validate();
}

QString CallsTab::publicBase() const {
    const SwitchboardService *service = m_context.service;
    return service ? service->config().publicBase(service->port()) : QString();
}

void CallsTab::setCallerIds(const QStringList &numbers) {
    const QString current = m_callerId->currentText();
    QStringList all = m_configured;
    for (const QString &n : numbers) {
        if (!all.contains(n))
            all << n;
    }
    m_callerId->clear();
    m_callerId->addItems(all);
    const int keep = m_callerId->findText(current);
    if (keep >= 0)
        m_callerId->setCurrentIndex(keep);
    validate();
}

void CallsTab::setAccountNumbers(const QList<TwilioIncomingNumber> &numbers) {
    QStringList voice;
    for (const TwilioIncomingNumber &n : numbers) {
        if (n.voice)
            voice << n.phoneNumber;
    }
    setCallerIds(voice);
}

void CallsTab::validate() {
    const QString text = m_to->text().trimmed();
    const PhoneNumberCheck check = RecipientNumber::check(text, m_callerId->currentText());
    m_e164 = check.valid ? check.e164 : QString();
    m_toProblem = text.isEmpty() ? QString() : check.valid ? QString() : check.reason;
    RecipientNumber::show(m_toReason, text, check, tr("Will call %1"));
    m_call->setEnabled(!m_dialling);
}

void CallsTab::setResult(const QString &text, bool problem) {
    SchemeColors::setTone(m_result, problem ? Tone::Error : Tone::Faint);
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

bool CallsTab::dial() {
    if (m_dialling)
        return false;
    validate();
    QString why;
    if (m_to->text().trimmed().isEmpty())
        why = tr("Nothing was dialled: enter the customer's number.");
    else if (m_e164.isEmpty())
        why = tr("Nothing was dialled: %1").arg(m_toProblem);
    else if (m_callerId->currentText().isEmpty())
        why = tr("Nothing was dialled: there is no number to call from yet; add one in File ▸ "
                 "Settings.");
    if (!why.isEmpty()) {
        setResult(why, true);
        m_to->setFocus();
        return false;
    }
    const Config config = m_context.service ? m_context.service->config() : Config{};
    const bool bridged = m_clickToCall->isEnabled() && m_clickToCall->isChecked();
    CallRequest request;
    request.from = m_callerId->currentText();
    if (bridged) {
        // The agent's phone rings first; once answered, /twilio/bridge dials the customer.
        request.to = config.agentPhone;
        request.url = VoiceApi::bridgeUrl(publicBase(), m_e164, m_record->isChecked());
    } else {
        request.to = m_e164;
        request.url = publicBase() + VoiceRoutes::voiceResponse();
        request.record = m_record->isChecked();
    }
    m_dialling = true;
    m_call->setEnabled(false);
    setResult(bridged ? tr("Ringing your phone (%1) first…").arg(config.agentPhone)
                      : tr("Calling %1…").arg(m_e164),
              false);
    const QString customer = m_e164;
    m_placer.place(request, publicBase(), this,
                   [this, customer, bridged](const CallPlacement &placement) {
                       m_dialling = false;
                       validate();
                       if (!placement.placed()) {
                           setResult(placement.problem(), true);
                           Q_EMIT dialFinished(false, placement.callSid);
                           return;
                       }
                       setResult(bridged ? tr("Your phone is ringing; answer it to be connected "
                                              "to %1.")
                                               .arg(customer)
                                         : tr("Calling %1.").arg(customer),
                                 false);
                       m_model->upsert({placement.call});
                       selectCall(placement.call.sid);
                       Q_EMIT dialFinished(true, placement.call.sid);
                   });
    return true;
}

void CallsTab::onCallsChanged(const QList<CallRecord> &calls) {
    m_model->upsert(calls);
    for (const CallRecord &call : calls) {
        if (!m_selectedSid.isEmpty() && call.sid == m_selectedSid) {
            showSelected();
            break;
        }
    }
}

void CallsTab::onCallArrived(const CallRecord &call) {
    Q_EMIT desktopNotice(tr("Incoming call from %1").arg(call.from),
                         tr("To %1 — see the Calls tab.").arg(call.to));
}

void CallsTab::onRecordingsArrived(const QList<RecordingRecord> &recordings) {
    // A voicemail is what an agent must not miss; a recorded forward or click-to-call the
    // agent took part in needs no notice of its own.
    for (const RecordingRecord &recording : recordings) {
        if (recording.source != QLatin1String("RecordVerb") ||
            recording.status != QLatin1String("completed"))
            continue;
        const int row = m_model->rowOf(recording.callSid);
        const QString from = row >= 0 ? m_model->record(row).from : QString();
        Q_EMIT desktopNotice(from.isEmpty() ? tr("New voicemail")
                                            : tr("New voicemail from %1").arg(from),
                             tr("%1 long — play it in the Calls tab.")
                                 .arg(RecordingsPanel::formatDuration(
                                     1000 * qint64(qMax(0, recording.durationSeconds)))));
    }
}

CallRecord CallsTab::selectedCall() const {
    const int row = m_model->rowOf(m_selectedSid);
    return row >= 0 && !m_selectedSid.isEmpty() ? m_model->record(row) : CallRecord{};
}

void CallsTab::selectCall(const QString &sid) {
    const int row = m_model->rowOf(sid);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void CallsTab::showSelected() {
    const CallRecord call = selectedCall();
    m_timeline->clear();
    if (call.id == 0) {
        m_selectedTitle->setText(tr("Select a call to see its timeline."));
        m_hangUp->setEnabled(false);
        m_keypad->setEnabled(false);
        m_recordings->setCallSid(QString());
        return;
    }
    if (m_recordings->callSid() != call.sid)
        m_recordings->setCallSid(call.sid);
    const StatusInfo info = m_context.statuses.info(QString(VoiceChannel::Id), call.status);
    m_selectedTitle->setText(
        tr("%1 call, %2 → %3")
            .arg(CallTableModel::directionLabel(call.direction), call.from, call.to));
    for (const CallEvent &e : call.history) {
        const StatusInfo step = m_context.statuses.info(QString(VoiceChannel::Id), e.status);
        // Twilio's timestamps have whole seconds: the date only when it is not today.
        const QDateTime local = e.at.toLocalTime();
        const QString time = local.date() == QDate::currentDate()
                                 ? local.toString(QStringLiteral("HH:mm:ss"))
                                 : local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        auto *item =
            new QListWidgetItem(QStringLiteral("%1  %2").arg(time, step.label), m_timeline);
        item->setData(Qt::UserRole, e.status);
        item->setToolTip(TimeFormat::full(e.at) + QLatin1Char('\n') + step.meaning);
    }
    if (!call.errorMessage.isEmpty())
        new QListWidgetItem(tr("Refused: %1").arg(call.errorMessage), m_timeline);
    const bool ended =
        call.status.isEmpty() ? call.requestState != QLatin1String("requesting") : info.final;
    m_hangUp->setEnabled(!call.sid.isEmpty() && !ended);
    m_keypad->setEnabled(call.status == QLatin1String("in-progress"));
}

void CallsTab::hangUpSelected() {
    const CallRecord call = selectedCall();
    if (call.sid.isEmpty())
        return;
    m_hangUp->setEnabled(false);
    m_placer.hangUp(call.sid, this, [this](const HangUpResult &result) {
        if (!result.ok) {
            setResult(result.problem, true);
            showSelected();
            return;
        }
        setResult(result.status == QLatin1String("canceled")
                      ? tr("The call was cancelled before it was answered.")
                      : tr("Hung up."),
                  false);
    });
}

void CallsTab::pressDigit(const QString &digit) {
    const CallRecord call = selectedCall();
    if (!m_context.service || call.status != QLatin1String("in-progress"))
        return;
    m_keypadResult->setText(tr("Pressing %1…").arg(digit));
    m_context.service->pressSandboxDigits(
        call.sid, digit, this, [this, digit](int httpStatus, const QString &error) {
            if (httpStatus >= 200 && httpStatus < 300) {
                m_keypadResult->setText(tr("Pressed %1.").arg(digit));
            } else {
                // Twilio's error shape, as the sandbox answers: {"message": ...} (or nested
                // under "error"); the raw answer only when it is neither.
                const QJsonObject json = QJsonDocument::fromJson(error.toUtf8()).object();
                QString message = json.value(QLatin1String("message")).toString();
                if (message.isEmpty())
                    message = json.value(QLatin1String("error"))
                                  .toObject()
                                  .value(QLatin1String("message"))
                                  .toString();
                if (message.isEmpty())
                    message = error.left(120);
                // The sandbox's words go to the tooltip: they can hold a long unbreakable path,
                // which would widen the whole pane.
                m_keypadResult->setText(tr("The sandbox did not take %1 (HTTP %2); hover for "
                                           "why.")
                                            .arg(digit)
                                            .arg(httpStatus));
                m_keypadResult->setToolTip(message);
            }
            Q_EMIT digitsAnswered(httpStatus);
        });
}

void CallsTab::newMessage() {
    m_pages->setCurrentIndex(0); // the dial form is on the Calls page
    m_to->setFocus(Qt::ShortcutFocusReason);
    m_to->selectAll();
}

void CallsTab::composeTo(const QString &number, const QString &) {
    newMessage();
    m_to->setText(number);
    // The agent places the call (Enter or the Call button): a stray click dials no one.
    m_call->setFocus(Qt::OtherFocusReason);
}

void CallsTab::focusSearch() {
    m_pages->setCurrentIndex(0);
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void CallsTab::focusReply() {
    m_pages->setCurrentIndex(0);
    m_table->setFocus(Qt::ShortcutFocusReason);
}

void CallsTab::openConversation(const QString &contact) {
    m_pages->setCurrentIndex(0);
    // The latest call with that number.
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const CallRecord call =
            m_proxy->index(row, 0).data(CallTableModel::RecordRole).value<CallRecord>();
        if (call.from == contact || call.to == contact) {
            selectCall(call.sid);
            return;
        }
    }
}

void CallsTab::saveState(QSettings *settings) const {
    settings->setValue(key("columns"), m_table->horizontalHeader()->saveState());
    settings->setValue(key("splitter"), m_splitter->saveState());
    settings->setValue(key("detailSplitter"), m_detailSplitter->saveState());
    settings->setValue(key("callerId"), m_callerId->currentText());
}

void CallsTab::restoreState(QSettings *settings) {
    const QByteArray columns = settings->value(key("columns")).toByteArray();
    if (!columns.isEmpty())
        m_table->horizontalHeader()->restoreState(columns);
    m_splitter->restoreState(settings->value(key("splitter")).toByteArray());
    m_detailSplitter->restoreState(settings->value(key("detailSplitter")).toByteArray());
    const int callerId = m_callerId->findText(settings->value(key("callerId")).toString());
    if (callerId >= 0)
        m_callerId->setCurrentIndex(callerId);
}

} // namespace sb
