#include "MediaImageDialog.h"

#include "common/Receiver.h"

#include <QDialogButtonBox>
#include <QImageReader>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QThreadPool>
#include <QVBoxLayout>

namespace sb {

MediaImageDialog::MediaImageDialog(const QString &path, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_image(new QLabel(tr("Loading…"), this))
    , m_scroll(new QScrollArea(this)) {
    setWindowTitle(title);
    setObjectName(QStringLiteral("mediaImageDialog"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setObjectName(QStringLiteral("mediaImage"));
    m_scroll->setWidget(m_image);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAlignment(Qt::AlignCenter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(buttons);
    resize(640, 480);

    Receiver me(this);
    QThreadPool::globalInstance()->start([me, path, this] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        const QString error = reader.errorString();
        me.post([this, image, error] {
            if (image.isNull()) {
                m_image->setText(tr("This picture cannot be shown: %1").arg(error));
            } else {
                m_image->setPixmap(QPixmap::fromImage(image));
                m_image->setAccessibleName(windowTitle());
            }
            Q_EMIT loaded(!image.isNull());
        });
    });
}

} // namespace sb
