#pragma once

#include "voice/RecordingRecord.h"

#include <QList>
#include <QMediaPlayer>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QPushButton;
class QSlider;
class QTreeWidget;

namespace sb {

class Store;

// A call's recordings for the Calls tab: when each was recorded, how long, whether its audio
// is here yet; the selected one plays with Qt Multimedia (Play/Pause, a position slider with
// elapsed / total time) and Save… copies its file elsewhere. Reads the store asynchronously
// and follows RecordingFeed, so a recording that arrives or finishes downloading appears in
// place. When the computer has no audio output (or the media backend cannot play the file),
// it says so in words next to the controls rather than doing nothing.
class RecordingsPanel : public QWidget {
    Q_OBJECT
public:
    RecordingsPanel(Store *store, QWidget *parent = nullptr);

    void setCallSid(const QString &callSid);
    QString callSid() const { return m_callSid; }

    QList<RecordingRecord> recordings() const { return m_recordings; }
    QMediaPlayer *player() const { return m_player; }
    // What the panel tells the agent about playing (no audio device, a backend error); empty
    // when all is well.
    QString notice() const;

    // Copies the selected recording's audio to `path` off the GUI thread; saved() or
    // saveFailed() follows. Save… asks for the path, then calls this.
    void saveSelectedTo(const QString &path);

    static QString formatDuration(qint64 ms);

Q_SIGNALS:
    void recordingsLoaded();
    void saved(const QString &path);
    void saveFailed(const QString &reason);

private:
    void reload();
    void showRecordings(const QList<RecordingRecord> &recordings);
    void changed(const QList<RecordingRecord> &recordings);
    void selectionChanged();
    void togglePlay();
    void askWhereToSave();
    void updateTime();
    void updateButtons();
    void setNotice(const QString &text);
    const RecordingRecord *selected() const;
    static QString stateText(const RecordingRecord &r);

    Store *m_store;
    QString m_callSid;
    QList<RecordingRecord> m_recordings;
    QTreeWidget *m_list;
    QPushButton *m_play;
    QPushButton *m_save;
    QSlider *m_position;
    QLabel *m_time;
    QLabel *m_notice;
    QMediaPlayer *m_player;
    QAudioOutput *m_output;
    int m_loadGeneration = 0;
};

} // namespace sb
