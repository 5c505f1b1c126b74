#include "RecordingsPanel.h"

#include "common/Receiver.h"
#include "db/Store.h"
#include "voice/RecordingFeed.h"
#include "voice/VoiceRecordings.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMediaDevices>
#include <QPushButton>
#include <QSlider>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {

RecordingsPanel::RecordingsPanel(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QTreeWidget(this))
    , m_play(new QPushButton(tr("&Play"), this))
    , m_save(new QPushButton(tr("Sa&ve…"), this))
    , m_position(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_player(new QMediaPlayer(this))
    , m_output(new QAudioOutput(this)) {
    m_list->setHeaderLabels({tr("#"), tr("Recorded"), tr("Duration"), tr("Audio")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    // The Calls tab gives the panel a narrow side pane: columns as wide as their contents.
    for (int column = 0; column < 3; ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Recordings of this call"));
    m_play->setAccessibleName(tr("Play the selected recording"));
    m_save->setAccessibleName(tr("Save the selected recording as a file"));
    m_position->setAccessibleName(tr("Playback position"));
    m_position->setFocusPolicy(Qt::StrongFocus);
    m_position->setSingleStep(1000);
    m_position->setPageStep(5000);
    m_time->setAccessibleName(tr("Elapsed and total time"));
    m_notice->setWordWrap(true);
    m_notice->setAccessibleName(tr("Playback notice"));
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_notice->hide();

    // The position gets a row of its own: squeezed between the buttons in a narrow pane it
    // shrank to a stub nobody could drag.
    auto *position = new QHBoxLayout;
    position->addWidget(m_position, 1);
    position->addWidget(m_time);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addStretch(1);
    controls->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(position);
    layout->addLayout(controls);
    layout->addWidget(m_notice);
    setTabOrder(m_list, m_play);
    setTabOrder(m_play, m_position);
    setTabOrder(m_position, m_save);

    m_player->setAudioOutput(m_output);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RecordingsPanel::selectionChanged);
    connect(m_list, &QTreeWidget::itemActivated, this, &RecordingsPanel::togglePlay);
    connect(m_play, &QPushButton::clicked, this, &RecordingsPanel::togglePlay);
    connect(m_save, &QPushButton::clicked, this, &RecordingsPanel::askWhereToSave);
    connect(m_position, &QSlider::sliderMoved, m_player, &QMediaPlayer::setPosition);
    connect(m_position, &QSlider::actionTriggered, this, [this] {
        // Keyboard steps (arrows, Page Up/Down) move the playback, not only the slider.
        if (!m_position->isSliderDown())
            m_player->setPosition(m_position->sliderPosition());
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_position->setRange(0, int(ms));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (!m_position->isSliderDown())
            m_position->setValue(int(ms));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &RecordingsPanel::updateButtons);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString &message) {
                // The first error says what is wrong (GStreamer follows "missing a plug-in"
                // with a vaguer "Internal data stream error"): keep it.
                if (!m_notice->text().isEmpty())
                    return;
                QString text = tr("This recording cannot be played here: %1").arg(message);
                if (message.contains(QLatin1String("GStreamer")))
                    text += QLatin1Char(' ') +
                            tr("(Qt's GStreamer backend needs gstreamer1.0-plugins-good to "
                               "play WAV.) Save… keeps a copy to play elsewhere.");
                setNotice(text);
            });
    // A headset plugged in (or the last output gone) changes what Play can do.
    auto *devices = new QMediaDevices(this);
    connect(devices, &QMediaDevices::audioOutputsChanged, this, [this] {
        m_output->setDevice(QMediaDevices::defaultAudioOutput());
        if (!QMediaDevices::audioOutputs().isEmpty() && notice().startsWith(tr("No audio")))
            setNotice({});
    });
    if (store)
        connect(RecordingFeed::of(store), &RecordingFeed::recordingsChanged, this,
                &RecordingsPanel::changed);
    updateTime();
    updateButtons();
}

void RecordingsPanel::setCallSid(const QString &callSid) {
    m_callSid = callSid;
    m_player->stop();
    m_player->setSource({});
    setNotice({});
    reload();
}

QString RecordingsPanel::notice() const {
    return m_notice->text();
}

void RecordingsPanel::setNotice(const QString &text) {
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString RecordingsPanel::formatDuration(qint64 ms) {
    if (ms < 0)
        return QStringLiteral("–");
    const qint64 s = ms / 1000;
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString RecordingsPanel::stateText(const RecordingRecord &r) {
    if (r.downloadState == QLatin1String("downloaded"))
        return tr("Ready");
    if (r.downloadState == QLatin1String("pending"))
        return tr("Downloading…");
    if (r.downloadState == QLatin1String("failed"))
        return tr("Download failed: %1").arg(r.downloadError);
    return tr("No audio (%1)").arg(r.status);
}

void RecordingsPanel::reload() {
    const int generation = ++m_loadGeneration;
    if (!m_store || m_callSid.isEmpty())
        return showRecordings({});
    m_store->run<QList<RecordingRecord>>(
        this,
        [sid = m_callSid](StoreWorker &w, QString *error) {
            return VoiceRecordings::forCall(w, sid, error);
        },
        [this, generation](const StoreResult<QList<RecordingRecord>> &loaded) {
            if (generation != m_loadGeneration)
                return; // another call was chosen meanwhile
            if (!loaded.ok())
                setNotice(tr("The recordings could not be read: %1").arg(loaded.error));
            showRecordings(loaded.value);
        });
}

void RecordingsPanel::changed(const QList<RecordingRecord> &recordings) {
    for (const RecordingRecord &r : recordings) {
        if (r.callSid == m_callSid)
            return reload(); // a handful of rows: reading them again keeps the order right
    }
}

void RecordingsPanel::showRecordings(const QList<RecordingRecord> &recordings) {
    const QString selectedSid = selected() ? selected()->sid : QString();
    m_recordings = recordings;
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QLocale locale;
    for (int i = 0; i < recordings.size(); ++i) {
        const RecordingRecord &r = recordings.at(i);
        const QDateTime when = (r.startTime.isValid() ? r.startTime : r.created).toLocalTime();
        auto *item = new QTreeWidgetItem(
            m_list, {QString::number(i + 1), locale.toString(when, QLocale::ShortFormat),
                     formatDuration(r.durationSeconds >= 0 ? r.durationSeconds * 1000ll : -1),
                     stateText(r)});
        item->setData(0, Qt::UserRole, r.sid);
        item->setToolTip(3, r.downloadError.isEmpty() ? r.sid : r.downloadError);
        if (r.sid == selectedSid)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    selectionChanged();
    Q_EMIT recordingsLoaded();
}

const RecordingRecord *RecordingsPanel::selected() const {
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const QString sid = item->data(0, Qt::UserRole).toString();
    for (const RecordingRecord &r : m_recordings) {
        if (r.sid == sid)
            return &r;
    }
    return nullptr;
}

void RecordingsPanel::selectionChanged() {
    const RecordingRecord *r = selected();
    const QUrl source = r && r->downloadState == QLatin1String("downloaded")
                            ? QUrl::fromLocalFile(r->audioPath)
                            : QUrl();
    if (source != m_player->source()) {
        m_player->stop();
        m_player->setSource(source); // loads asynchronously: no disk read here
        m_position->setValue(0);
        if (!notice().startsWith(tr("No audio")))
            setNotice({});
    }
    updateTime();
    updateButtons();
}

void RecordingsPanel::togglePlay() {
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
        return;
    }
    if (m_player->source().isEmpty())
        return;
    // Without an output Qt Multimedia either fails quietly or "plays" into nothing: the agent
    // is told instead.
    if (QMediaDevices::audioOutputs().isEmpty()) {
        setNotice(tr("No audio output device: this computer has no sound output, so the "
                     "recording cannot be played here. Save… keeps a copy to play elsewhere."));
        return;
    }
    m_output->setDevice(QMediaDevices::defaultAudioOutput());
    m_player->play();
}

void RecordingsPanel::updateTime() {
    const qint64 total = m_player->source().isEmpty() ? -1 : m_player->duration();
    const qint64 at = m_player->source().isEmpty() ? -1 : m_player->position();
    m_time->setText(tr("%1 / %2").arg(formatDuration(at), formatDuration(total)));
}

void RecordingsPanel::updateButtons() {
    const bool playable = !m_player->source().isEmpty();
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    m_play->setText(playing ? tr("&Pause") : tr("&Play"));
    m_play->setAccessibleName(playing ? tr("Pause the recording")
                                      : tr("Play the selected recording"));
    m_play->setEnabled(playable);
    m_position->setEnabled(playable);
    m_save->setEnabled(playable);
}

void RecordingsPanel::askWhereToSave() {
    const RecordingRecord *r = selected();
    if (!r || r->downloadState != QLatin1String("downloaded"))
        return;
    const QString start = QStandardPaths::writableLocation(QStandardPaths::MusicLocation) +
                          QLatin1Char('/') + r->sid + QStringLiteral(".wav");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save recording"), start, tr("WAV audio (*.wav)"));
    if (!path.isEmpty())
        saveSelectedTo(path);
}

void RecordingsPanel::saveSelectedTo(const QString &path) {
    const RecordingRecord *r = selected();
    if (!r || r->downloadState != QLatin1String("downloaded"))
        return Q_EMIT saveFailed(tr("No downloaded recording is selected."));
    Receiver me(this);
    QThreadPool::globalInstance()->start([me, this, from = r->audioPath, path] {
        // QFile::copy refuses to overwrite: the dialog already asked, so replace.
        QString error;
        if (QFile::exists(path) && !QFile::remove(path))
            error = tr("cannot replace %1").arg(path);
        QFile source(from);
        if (error.isEmpty() && !source.copy(path))
            error = source.errorString();
        me.post([this, path, error] {
            if (error.isEmpty()) {
                setNotice(tr("Saved to %1.").arg(path));
                Q_EMIT saved(path);
            } else {
                setNotice(tr("The recording could not be saved: %1").arg(error));
                Q_EMIT saveFailed(error);
            }
        });
    });
}

} // namespace sb
