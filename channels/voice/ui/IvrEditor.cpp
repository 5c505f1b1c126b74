#include "IvrEditor.h"

#include "IvrActionForm.h"
#include "IvrHoursForm.h"
#include "IvrMenuForm.h"
#include "IvrNodePreview.h"
#include "IvrTreeModel.h"
#include "common/Accessibility.h"
#include "common/SchemeColors.h"
#include "db/Store.h"
#include "runtime/SwitchboardService.h"
#include "voice/VoiceRoutes.h"
#include "voice/ivr/IvrVersions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace sb {

namespace {

enum Page { MenuPage, ActionPage, HoursPage };

} // namespace

IvrEditor::IvrEditor(const ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_placer(context.store, context.service ? context.service->twilioClient() : nullptr,
               context.service ? context.service->clock() : CallPlacer::Clock{})
    , m_model(new IvrTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_newKey(new QComboBox(this))
    , m_addKey(new QPushButton(tr("Add &key"), this))
    , m_removeKey(new QPushButton(tr("R&emove"), this))
    , m_hours(new QCheckBox(tr("Opening h&ours"), this))
    , m_nodeTitle(new QLabel(this))
    , m_forms(new QStackedWidget(this))
    , m_menuForm(new IvrMenuForm(m_model, m_forms))
    , m_actionForm(new IvrActionForm(m_model, m_forms))
    , m_hoursForm(new IvrHoursForm(m_model, m_forms))
    , m_nodeProblems(new QLabel(this))
    , m_previewCaption(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_problems(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this))
    , m_callMe(new QPushButton(tr("Call &me to try it"), this)) {
    if (context.service) // test calls name who placed them
        m_placer.setAgent(context.service->config().agentName);
    // The tree, and what adds to it.
    m_tree->setObjectName(QStringLiteral("ivrTree"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    Accessibility::describe(m_tree, tr("IVR menu"),
                            tr("The greeting, each key and what it does, sub-menus beneath "
                               "their key; select one to edit it."));
    m_newKey->setObjectName(QStringLiteral("ivrNewKey"));
    m_newKey->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_newKey->setMinimumContentsLength(2);
    Accessibility::describe(m_newKey, tr("Key to add"));
    m_addKey->setObjectName(QStringLiteral("ivrAddKey"));
    m_addKey->setAutoDefault(false);
    Accessibility::describe(m_addKey, tr("Add the chosen key to the selected menu"));
    m_removeKey->setObjectName(QStringLiteral("ivrRemoveKey"));
    m_removeKey->setAutoDefault(false);
    Accessibility::describe(m_removeKey, tr("Remove the selected key"));
    m_hours->setObjectName(QStringLiteral("ivrHours"));
    Accessibility::describe(m_hours, tr("Opening hours"),
                            tr("Outside them, calls get the out-of-hours action."));
    auto *treePane = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_tree, 1);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_addKey); // "Add key [3]" reads in that order
    keyRow->addWidget(m_newKey);
    keyRow->addWidget(m_removeKey);
    keyRow->addStretch(1);
    treeLayout->addLayout(keyRow);
    treeLayout->addWidget(m_hours);

    // The selected node's fields.
    m_nodeTitle->setObjectName(QStringLiteral("ivrNodeTitle"));
    m_nodeTitle->setWordWrap(true);
    QFont bold = m_nodeTitle->font();
    bold.setBold(true);
    m_nodeTitle->setFont(bold);
    m_forms->insertWidget(MenuPage, m_menuForm);
    m_forms->insertWidget(ActionPage, m_actionForm);
    m_forms->insertWidget(HoursPage, m_hoursForm);
    m_nodeProblems->setObjectName(QStringLiteral("ivrNodeProblems"));
    m_nodeProblems->setWordWrap(true);
    m_nodeProblems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    SchemeColors::setTone(m_nodeProblems, Tone::Error);
    m_nodeProblems->hide();
    auto *editPane = new QWidget(this);
    auto *editLayout = new QVBoxLayout(editPane);
    editLayout->setContentsMargins(4, 0, 4, 0);
    editLayout->addWidget(m_nodeTitle);
    editLayout->addWidget(m_forms);
    editLayout->addWidget(m_nodeProblems);
    editLayout->addStretch(1);

    // The TwiML the node answers with.
    m_previewCaption->setObjectName(QStringLiteral("ivrPreviewCaption"));
    m_previewCaption->setWordWrap(true);
    SchemeColors::setTone(m_previewCaption, Tone::Faint);
    m_preview->setObjectName(QStringLiteral("ivrPreview"));
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    Accessibility::describe(m_preview, tr("TwiML preview"),
                            tr("What the console answers Twilio with for the selected node."));
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *previewTitle = new QLabel(tr("TwiML preview"), previewPane);
    previewTitle->setFont(bold);
    previewLayout->addWidget(previewTitle);
    previewLayout->addWidget(m_previewCaption);
    previewLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("ivrSplitter"));
    splitter->addWidget(treePane);
    splitter->addWidget(editPane);
    splitter->addWidget(previewPane);
    splitter->setChildrenCollapsible(false);
    // The preview's lines are the longest (URLs); the tree's labels elide.
    const int chars = fontMetrics().averageCharWidth();
    splitter->setSizes({24 * chars, 34 * chars, 48 * chars});
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 4);

    // Problems, and what to do with the menu.
    m_problems->setObjectName(QStringLiteral("ivrProblems"));
    Accessibility::describe(m_problems, tr("Problems"),
                            tr("What stops the menu from being saved, and where; activate one "
                               "to go there."));
    m_problems->hide();
    m_status->setObjectName(QStringLiteral("ivrStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setObjectName(QStringLiteral("ivrSave"));
    m_save->setAutoDefault(false);
    Accessibility::describe(m_save, tr("Save the IVR as a new version"),
                            tr("New calls run it; calls in the menu keep theirs."));
    m_revert->setObjectName(QStringLiteral("ivrRevert"));
    m_revert->setAutoDefault(false);
    Accessibility::describe(m_revert, tr("Revert to the saved IVR"));
    m_callMe->setObjectName(QStringLiteral("ivrCallMe"));
    m_callMe->setAutoDefault(false);
    Accessibility::describe(m_callMe, tr("Call my phone to try the saved IVR"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_callMe);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);
    setTabOrder(m_tree, m_addKey);
    setTabOrder(m_addKey, m_newKey);
    setTabOrder(m_newKey, m_removeKey);
    setTabOrder(m_removeKey, m_hours);
    setTabOrder(m_hours, m_forms);

    const Config config = context.service ? context.service->config() : Config{};
    if (config.agentPhone.isEmpty())
        m_callMe->setToolTip(tr("Set your own phone in File ▸ Settings "
                                "(SWITCHBOARD_AGENT_PHONE) to try the IVR on it."));
    else
        m_callMe->setToolTip(
            tr("Rings %1 with a call that runs the saved IVR%2.")
                .arg(config.agentPhone, context.service && context.service->isSandbox()
                                            ? tr(" (in the sandbox)")
                                            : QString()));

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &IvrEditor::showNode);
    connect(m_model, &IvrTreeModel::edited, this, &IvrEditor::onEdited);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        m_tree->setCurrentIndex(m_model->index(0, 0));
        m_hours->setChecked(m_model->config().hours.has_value());
        onEdited();
    });
    // What is added (a sub-menu, the opening hours) shows opened.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                m_tree->expand(parent);
                for (int row = first; row <= last; ++row)
                    m_tree->expandRecursively(m_model->index(row, 0, parent));
            });
    connect(m_addKey, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_model->addKey(m_tree->currentIndex(), m_newKey->currentText());
        if (added.isValid()) {
            m_tree->setCurrentIndex(added);
            m_actionForm->textEdit()->setFocus();
        }
    });
    connect(m_removeKey, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_tree->currentIndex();
        const QModelIndex parent = current.parent();
        const int row = current.row();
        m_model->removeKey(current);
        m_tree->setCurrentIndex(m_model->index(qMax(0, row - 1), 0, parent));
    });
    connect(m_hours, &QCheckBox::toggled, this, [this](bool on) {
        if (on == m_model->config().hours.has_value())
            return;
        m_model->setHoursEnabled(on);
        if (on) {
            m_tree->setCurrentIndex(m_model->indexForPath(QStringLiteral("hours")));
        } else if (!m_tree->currentIndex().isValid()) {
            m_tree->setCurrentIndex(m_model->index(0, 0));
        }
    });
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        selectPath(item->data(Qt::UserRole).toString());
        // Into the node's fields, where the problem is fixed.
        for (QWidget *w : m_forms->currentWidget()->findChildren<QWidget *>())
            if (w->isVisible() && (w->focusPolicy() & Qt::TabFocus)) {
                w->setFocus(Qt::OtherFocusReason);
                break;
            }
    });
    connect(m_save, &QPushButton::clicked, this, &IvrEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &IvrEditor::reload);
    connect(m_callMe, &QPushButton::clicked, this, &IvrEditor::callMe);

    m_tree->expandAll();
    m_tree->setCurrentIndex(m_model->index(0, 0));
    onEdited();
    reload();
}

QString IvrEditor::publicBase() const {
    const SwitchboardService *service = m_context.service;
    return service ? service->config().publicBase(service->port())
                   : QStringLiteral("http://127.0.0.1");
}

QDateTime IvrEditor::now() const {
    return m_context.service && m_context.service->clock() ? m_context.service->clock()()
                                                           : QDateTime::currentDateTimeUtc();
}

bool IvrEditor::isDirty() const {
    return m_model->json() != m_baseline;
}

void IvrEditor::setStatus(const QString &text, bool problem) {
    SchemeColors::setTone(m_status, problem ? Tone::Error : Tone::Faint);
    m_status->setText(text);
}

void IvrEditor::reload() {
    if (!m_context.store || m_busy)
        return;
    m_busy = true;
    setStatus(tr("Reading the IVR…"), false);
    updateButtons();
    m_context.store->run<IvrVersion>(
        this, [](StoreWorker &w, QString *error) { return IvrVersions::latest(w, error); },
        [this](const StoreResult<IvrVersion> &found) {
            m_busy = false;
            if (!found.ok()) {
                setStatus(tr("The IVR could not be read: %1").arg(found.error), true);
                updateButtons();
                return;
            }
            m_savedVersion = found.value.version;
            m_model->setJson(found.value.json);
            m_baseline = m_model->json();
            onEdited();
            Q_EMIT loaded(m_savedVersion);
        });
}

bool IvrEditor::save() {
    if (!m_context.store || m_busy || !m_found.isEmpty())
        return false;
    const QJsonObject edited = m_model->json();
    // Stored complete, every default written out, as PUT /api/v1/twilio/ivr stores it.
    const QJsonObject canonical = IvrConfig::fromJson(edited).toJson();
    m_busy = true;
    setStatus(tr("Saving…"), false);
    updateButtons();
    m_context.store->run<IvrVersion>(
        this,
        [canonical, at = now()](StoreWorker &w, QString *error) {
            return IvrVersions::store(w, canonical, at, error);
        },
        [this, edited](const StoreResult<IvrVersion> &stored) {
            m_busy = false;
            if (!stored.ok()) {
                setStatus(
                    tr("Not saved: %1. New calls keep the previous version.").arg(stored.error),
                    true);
                updateButtons();
                Q_EMIT saveFailed(stored.error);
                return;
            }
            m_savedVersion = stored.value.version;
            m_baseline = edited;
            onEdited();
            Q_EMIT saved(m_savedVersion);
        });
    return true;
}

void IvrEditor::callMe() {
    const Config config = m_context.service ? m_context.service->config() : Config{};
    if (m_calling || config.agentPhone.isEmpty())
        return;
    CallRequest request;
    request.from = config.phoneNumber;
    request.to = config.agentPhone;
    // The console's own IVR: the latest saved version, as every new call gets it.
    request.url = publicBase() + VoiceRoutes::voiceResponse();
    m_calling = true;
    updateButtons();
    const bool unsaved = isDirty();
    setStatus(tr("Calling your phone (%1)…").arg(config.agentPhone), false);
    m_placer.place(request, publicBase(), this,
                   [this, unsaved, phone = config.agentPhone](const CallPlacement &placement) {
                       m_calling = false;
                       updateButtons();
                       if (!placement.placed()) {
                           setStatus(placement.problem(), true);
                           Q_EMIT callMeFinished(false, placement.callSid);
                           return;
                       }
                       setStatus(unsaved ? tr("Calling %1 with version %2; your unsaved "
                                              "changes are not in it.")
                                               .arg(phone)
                                               .arg(m_savedVersion)
                                         : tr("Calling %1 with version %2: answer it to "
                                              "hear the menu.")
                                               .arg(phone)
                                               .arg(m_savedVersion),
                                 unsaved);
                       Q_EMIT callMeFinished(true, placement.call.sid);
                   });
}

void IvrEditor::selectPath(const QString &path) {
    const QModelIndex index = m_model->indexForPath(path);
    if (index.isValid()) {
        m_tree->scrollTo(index);
        m_tree->setCurrentIndex(index);
    }
}

void IvrEditor::onEdited() {
    m_found = IvrValidator::check(m_model->json());
    m_model->setProblems(m_found);
    m_problems->clear();
    for (const IvrProblem &p : m_found) {
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(p.path, p.message), m_problems);
        item->setData(Qt::UserRole, p.path);
    }
    m_problems->setVisible(!m_found.isEmpty());
    // As tall as its problems, up to four; it scrolls beyond.
    const int rows = qBound(1, int(m_found.size()), 4);
    m_problems->setFixedHeight(rows * m_problems->sizeHintForRow(0) + 2 * m_problems->frameWidth() +
                               4);
    const QStringList here = m_tree->currentIndex().data(IvrTreeModel::ProblemsRole).toStringList();
    m_nodeProblems->setText(here.join(QLatin1Char('\n')));
    m_nodeProblems->setVisible(!here.isEmpty());
    m_nodeTitle->setText(m_tree->currentIndex().data().toString());
    if (!m_busy && !m_calling) {
        if (!m_found.isEmpty())
            setStatus(m_found.size() == 1
                          ? tr("One problem to fix before saving.")
                          : tr("%1 problems to fix before saving.").arg(m_found.size()),
                      true);
        else if (m_savedVersion < 0)
            setStatus(QString(), false);
        else if (isDirty())
            setStatus(tr("Unsaved changes (version %1 is what calls run).").arg(m_savedVersion),
                      false);
        else
            setStatus(m_savedVersion == 0 ? tr("The built-in menu (nothing saved yet).")
                                          : tr("Version %1, saved.").arg(m_savedVersion),
                      false);
    }
    updatePreview();
    updateButtons();
}

void IvrEditor::showNode() {
    const QModelIndex index = m_tree->currentIndex();
    switch (IvrTreeModel::kind(index)) {
    case IvrTreeModel::Kind::Greeting:
    case IvrTreeModel::Kind::InvalidInput:
        m_menuForm->setNode(index);
        m_forms->setCurrentIndex(MenuPage);
        break;
    case IvrTreeModel::Kind::Option:
    case IvrTreeModel::Kind::NoInput:
    case IvrTreeModel::Kind::Closed:
        m_actionForm->setNode(index);
        m_forms->setCurrentIndex(ActionPage);
        break;
    case IvrTreeModel::Kind::Hours:
        m_hoursForm->load();
        m_forms->setCurrentIndex(HoursPage);
        break;
    }
    m_forms->setVisible(index.isValid());
    // Only the page shown counts for the stack's height, so the node's problems sit right
    // under its fields.
    for (int page = 0; page < m_forms->count(); ++page)
        m_forms->widget(page)->setSizePolicy(QSizePolicy::Preferred, page == m_forms->currentIndex()
                                                                         ? QSizePolicy::Maximum
                                                                         : QSizePolicy::Ignored);
    m_forms->adjustSize();
    const QStringList keys = m_model->freeKeys(index);
    m_newKey->clear();
    m_newKey->addItems(keys);
    onEdited();
}

void IvrEditor::updatePreview() {
    const IvrNodePreview previewer(qMax<qint64>(m_savedVersion, 0), publicBase(),
                                   m_context.service ? m_context.service->config().phoneNumber
                                                     : QString());
    const IvrNodePreview::Preview p =
        previewer.of(m_model->config(), m_tree->currentIndex(), now());
    m_previewCaption->setText(p.caption);
    const QString text = p.ok() ? p.twiml : tr("No TwiML: %1").arg(p.error);
    if (m_preview->toPlainText() != text)
        m_preview->setPlainText(text);
}

void IvrEditor::updateButtons() {
    const QModelIndex current = m_tree->currentIndex();
    const bool inMenu = m_model->menu(current) != nullptr;
    const bool canAdd = inMenu && m_newKey->count() > 0;
    m_newKey->setEnabled(canAdd);
    m_addKey->setEnabled(canAdd);
    m_removeKey->setEnabled(IvrTreeModel::kind(current) == IvrTreeModel::Kind::Option);
    m_save->setEnabled(m_context.store && !m_busy && m_found.isEmpty() && isDirty());
    m_save->setToolTip(m_found.isEmpty() ? QString() : tr("Fix the problems listed below first."));
    m_revert->setEnabled(m_context.store && !m_busy);
    const bool hasPhone = m_context.service && !m_context.service->config().agentPhone.isEmpty();
    m_callMe->setEnabled(hasPhone && !m_calling && m_savedVersion >= 0);
}

} // namespace sb
