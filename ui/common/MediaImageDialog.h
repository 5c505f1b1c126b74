#pragma once

#include <QDialog>

class QLabel;
class QScrollArea;

namespace sb {

// A picture a customer sent, full size (scrolled when larger than the screen allows). The file
// is decoded on the thread pool; the dialog shows "Loading…" until it is ready.
class MediaImageDialog : public QDialog {
    Q_OBJECT
public:
    MediaImageDialog(const QString &path, const QString &title, QWidget *parent = nullptr);
    QLabel *imageLabel() const { return m_image; }

Q_SIGNALS:
    void loaded(bool ok);

private:
    QLabel *m_image;
    QScrollArea *m_scroll;
};

} // namespace sb
