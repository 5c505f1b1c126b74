#include "PlaceholderTab.h"

#include "SchemeColors.h"

#include <QLabel>
#include <QVBoxLayout>

namespace sb {

PlaceholderTab::PlaceholderTab(const QString &title, const QString &willHold, const QString &needs,
                               QWidget *parent)
    : QWidget(parent) {
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("placeholderTitle"));
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    heading->setFont(big);
    auto *what = new QLabel(willHold, this);
    what->setObjectName(QStringLiteral("placeholderText"));
    auto *ready = new QLabel(needs, this);
    ready->setObjectName(QStringLiteral("placeholderNeeds"));
    SchemeColors::setTone(ready, Tone::Faint);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    for (QLabel *label : {heading, what, ready}) {
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
    }
    layout->addStretch();
    layout->setContentsMargins(40, 20, 40, 20);
}

} // namespace sb
