#include "AttachmentTray.h"

#include "common/Accessibility.h"
#include "common/SchemeColors.h"

#include <QAbstractScrollArea>
#include <QBuffer>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb {

AttachmentTray::AttachmentTray(MediaLimits limits, QWidget *parent)
    : QWidget(parent)
    , m_limits(std::move(limits))
    , m_attach(new QPushButton(tr("&Attach…"), this))
    , m_chipRow(new QHBoxLayout)
    , m_limit(new QLabel(this))
    , m_unavailable(new QLabel(this)) {
    m_attach->setObjectName(QStringLiteral("attachButton"));
    Accessibility::describe(m_attach, tr("Attach files"),
                            tr("Or drop files on the message, or paste an image into it."));
    m_limit->setObjectName(QStringLiteral("attachmentLimit"));
    m_limit->setWordWrap(true);
    SchemeColors::setTone(m_limit, Tone::Error);
    m_limit->hide();
    m_unavailable->setObjectName(QStringLiteral("attachmentsUnavailable"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setTextInteractionFlags(Qt::TextSelectableByMouse);
    SchemeColors::setTone(m_unavailable, Tone::Warning);
    m_unavailable->hide();
    m_chipRow->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_attach);
    row->addLayout(m_chipRow);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_limit);
    layout->addWidget(m_unavailable);
    setAcceptDrops(true);
    installEventFilter(this);
    connect(m_attach, &QPushButton::clicked, this, &AttachmentTray::chooseFiles);
}

void AttachmentTray::setShares(MediaShares *shares) {
    m_shares = shares;
    const QString why = shares ? shares->unreachable() : QString();
    // A file dropped anyway is refused by the shares with the same reason, on its chip.
    m_attach->setEnabled(why.isEmpty());
    // One short line under the button (the compose form is short at 1024x600); the whole
    // reason in its tooltip and accessible description, as the status bar gives it.
    m_unavailable->setText(why.isEmpty()
                               ? QString()
                               : tr("Attachments need a public URL: Twilio downloads them "
                                    "from this console."));
    const QString detail = why.isEmpty()
                               ? QString()
                               : tr("%1 %2 A link to a file already online can go in the text.")
                                     .arg(m_unavailable->text(), why);
    m_unavailable->setToolTip(detail);
    m_unavailable->setAccessibleDescription(detail);
    m_unavailable->setVisible(!why.isEmpty());
    m_attach->setToolTip(detail);
}

void AttachmentTray::setLimits(const MediaLimits &limits) {
    m_limits = limits;
    refresh();
}

void AttachmentTray::watch(QWidget *editor) {
    editor->setAcceptDrops(true);
    editor->installEventFilter(this);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(editor)) {
        area->viewport()->setAcceptDrops(true);
        area->viewport()->installEventFilter(this);
    }
}

bool AttachmentTray::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        const QMimeData *clip = QGuiApplication::clipboard()->mimeData();
        if (key->matches(QKeySequence::Paste) && clip && clip->hasImage() && !clip->hasText()) {
            addImage(qvariant_cast<QImage>(clip->imageData()));
            return true;
        }
        break;
    }
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDropEvent *>(event);
        const QMimeData *data = drag->mimeData();
        const bool files =
            data->hasUrls() && !data->urls().isEmpty() && data->urls().first().isLocalFile();
        if (files || data->hasImage()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QMimeData *data = drop->mimeData();
        bool taken = false;
        for (const QUrl &url : data->urls()) {
            if (url.isLocalFile()) {
                addFile(url.toLocalFile());
                taken = true;
            }
        }
        if (!taken && data->hasImage()) {
            addImage(qvariant_cast<QImage>(data->imageData()));
            taken = true;
        }
        if (taken) {
            drop->acceptProposedAction();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void AttachmentTray::chooseFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    for (const QString &file : files)
        addFile(file);
}

int AttachmentTray::begin(const QString &name) {
    Item it;
    it.id = m_nextId++;
    it.name = name;
    it.chip = new QFrame(this);
    it.chip->setObjectName(QStringLiteral("attachmentChip"));
    static_cast<QFrame *>(it.chip)->setFrameShape(QFrame::StyledPanel);
    it.label = new QLabel(it.chip);
    auto *removeButton = new QToolButton(it.chip);
    removeButton->setObjectName(QStringLiteral("removeAttachment"));
    removeButton->setText(QStringLiteral("×"));
    removeButton->setAutoRaise(true);
    Accessibility::describe(removeButton, tr("Remove %1").arg(name));
    auto *layout = new QHBoxLayout(it.chip);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(it.label);
    layout->addWidget(removeButton);
    m_chipRow->addWidget(it.chip);
    const int id = it.id;
    connect(removeButton, &QToolButton::clicked, this, [this, id] { remove(id); });
    m_items.append(it);
    if (!m_shares)
        finished(id, {{}, tr("attachments need the console's server, which is not running")});
    else
        refresh();
    return id;
}

void AttachmentTray::addFile(const QString &path) {
    const int id = begin(QFileInfo(path).fileName());
    if (m_shares)
        m_shares->share(path, this,
                        [this, id](const StoreResult<MediaShare> &s) { finished(id, s); });
}

void AttachmentTray::addImage(const QImage &image) {
    if (image.isNull())
        return;
    const QString name = tr("pasted-image-%1.png").arg(++m_pastes);
    const int id = begin(name);
    if (!m_shares)
        return;
    // Encoding a large screenshot takes a while: not on the GUI thread either.
    QThreadPool::globalInstance()->start(
        [image, name, id, shares = m_shares, me = Receiver(this), this] {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            shares->shareData(png, name, me,
                              [this, id](const StoreResult<MediaShare> &s) { finished(id, s); });
        });
}

AttachmentTray::Item *AttachmentTray::item(int id) {
    for (Item &it : m_items) {
        if (it.id == id)
            return &it;
    }
    return nullptr;
}

void AttachmentTray::finished(int id, const StoreResult<MediaShare> &shared) {
    Item *it = item(id);
    if (!it)
        return; // removed while it was being copied
    it->ready = shared.ok();
    it->error = shared.ok() ? QString() : shared.error;
    it->share = shared.value;
    refresh();
}

void AttachmentTray::remove(int id) {
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items[i].id == id) {
            m_items[i].chip->deleteLater();
            m_items.removeAt(i);
            break;
        }
    }
    refresh();
}

void AttachmentTray::clear() {
    for (const Item &it : std::as_const(m_items))
        it.chip->deleteLater();
    m_items.clear();
    refresh();
}

bool AttachmentTray::isBusy() const {
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const Item &it) { return !it.ready && it.error.isEmpty(); });
}

QString AttachmentTray::problem() const {
    QStringList problems;
    QList<MediaItem> files;
    for (const Item &it : m_items) {
        if (!it.error.isEmpty())
            problems.append(tr("%1 could not be attached: %2").arg(it.name, it.error));
        else if (it.ready)
            files.append({it.name, it.share.contentType, it.share.bytes});
    }
    problems += m_limits.check(files);
    return problems.join(QLatin1Char(' '));
}

QStringList AttachmentTray::urls() const {
    QStringList urls;
    for (const Item &it : m_items) {
        if (it.ready)
            urls.append(it.share.url);
    }
    return urls;
}

QList<QWidget *> AttachmentTray::chips() const {
    QList<QWidget *> chips;
    for (const Item &it : m_items)
        chips.append(it.chip);
    return chips;
}

void AttachmentTray::refresh() {
    for (Item &it : m_items) {
        if (!it.error.isEmpty())
            it.label->setText(tr("%1 · failed").arg(it.name));
        else if (!it.ready)
            it.label->setText(tr("%1 · copying…").arg(it.name));
        else
            it.label->setText(
                QStringLiteral("%1 · %2").arg(it.name, MediaLimits::formatSize(it.share.bytes)));
    }
    const QString why = problem();
    m_limit->setText(why);
    m_limit->setVisible(!why.isEmpty());
    Q_EMIT changed();
}

} // namespace sb
