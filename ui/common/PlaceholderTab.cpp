#include "PlaceholderTab.h"

#include <QLabel>
#include <QVBoxLayout>

namespace sb {

PlaceholderTab::PlaceholderTab(const QString &title, const QString &willHold, const QString &needs,
                               QWidget *parent)
    : QWidget(parent) {
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("placeholderText"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextFormat(Qt::RichText);
    label->setText(
        QStringLiteral("<h2>%1</h2><p>%2</p><p><b>%3</b> %4</p><p style='color:gray'>%5</p>")
            .arg(title.toHtmlEscaped(), willHold.toHtmlEscaped(), tr("To enable it:"),
                 needs.toHtmlEscaped(), tr("Not available in this version yet.")));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(label);
    layout->addStretch();
    layout->setContentsMargins(60, 20, 60, 20);
}

} // namespace sb
