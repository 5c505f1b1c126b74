#pragma once

#include "media/MediaLimits.h"
#include "media/MediaShares.h"

#include <QWidget>

class QHBoxLayout;
class QImage;
class QLabel;
class QPushButton;

namespace sb {

// The attachments of one compose form: an Attach… button (QFileDialog), files dropped on the
// form or on a watched editor, and an image pasted there (Ctrl+V of image data, saved as PNG).
// Each shows as a chip with its name and size and a button to remove it; the channel's limits
// (MediaLimits) are checked as they change, and whatever is broken is said under the chips.
// Copying into the data folder (MediaShares) runs off the GUI thread; until every file is
// copied and the limits hold, canSend() is false and problem() says why.
class AttachmentTray : public QWidget {
    Q_OBJECT
public:
    explicit AttachmentTray(MediaLimits limits, QWidget *parent = nullptr);

    // The channel's limits changed (the inbox's reply box switched channel): checked again.
    void setLimits(const MediaLimits &limits);
    // Where attachments are copied and served from; null: attaching says it cannot. Shares
    // Twilio cannot reach (polling mode) disable Attach… and say why under it.
    void setShares(MediaShares *shares);
    QLabel *unavailableLabel() const { return m_unavailable; }
    // Drops and image pastes on `editor` (and its viewport) come here.
    void watch(QWidget *editor);

    void addFile(const QString &path);
    void addImage(const QImage &image);
    void clear();

    bool isEmpty() const { return m_items.isEmpty(); }
    bool isBusy() const; // a file is still being copied
    // Every broken limit and failed attachment, one sentence each; empty when none.
    QString problem() const;
    bool canSend() const { return !isBusy() && problem().isEmpty(); }
    QStringList urls() const; // the public URLs, in the order attached

    QPushButton *attachButton() const { return m_attach; }
    QLabel *limitLabel() const { return m_limit; }
    QList<QWidget *> chips() const;

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Item {
        int id = 0;
        QString name;
        bool ready = false;
        QString error; // why it could not be attached
        MediaShare share;
        QWidget *chip = nullptr;
        QLabel *label = nullptr;
    };
    int begin(const QString &name);
    void finished(int id, const StoreResult<MediaShare> &shared);
    void remove(int id);
    void chooseFiles();
    void refresh();
    Item *item(int id);

    MediaLimits m_limits;
    MediaShares *m_shares = nullptr;
    QList<Item> m_items;
    int m_nextId = 1;
    int m_pastes = 0;
    QPushButton *m_attach;
    QHBoxLayout *m_chipRow;
    QLabel *m_limit;
    QLabel *m_unavailable;
};

} // namespace sb
